# The core's messages: see crates/emograph-core/src/i18n/mod.rs.
# Reading and writing journey files (prefix read-).

## io/journey_file.rs: reading a journey file, and what the RON parser found

# Given after "the file is larger than N MiB; ".
read-too-big-refusal = emograph refuses files that big (is it really a journey?)
# Given inside "the file is not UTF-8 text (…)".
read-save-as-utf8 = save it as UTF-8
read-empty-file = the file is empty; expected a journey like `(version: { $version }, title: "…", …)`
read-missing-version = missing `version: { $version },` at the top of the journey
read-newer-version = this file is format version { $found }, written by a newer emograph; this one reads versions up to { $version }
read-unknown-version = unknown format version { $found }; this emograph reads versions 1 to { $version }
read-more-problems = … and { $n } more problems like these (only the first { $shown } are shown)
# $key is the key in double quotes; $map is read-this-map or read-the-map.
read-duplicate-key = the key { $key } appears twice in { $map } (first at { $line }:{ $column }); only the last would be kept, so remove one of them
read-this-map = this map
read-the-map = the map `{ $name }`
# $open is a bracket described by read-opened-at.
read-truncated-open = the file ends too early (is it truncated?): { $open } is never closed
read-truncated = the file ends too early (is it truncated?)
read-unclosed-string = this string is never closed: a `"` is missing (or the file is truncated)
read-not-closed-before-name = { $open } is not closed: a `{ $close }` is missing before `{ $name }:`
# $found is a token in backticks or read-found-end.
read-expected-comma = expected a comma `,` after this, before { $found }
read-expected-field-name-open = expected a field name, found { $found }: is the `)` that closes { $open } missing?
read-expected-field-name = expected a field name, found { $found }
read-expected-close-open = expected `{ $close }` to close { $open }, found { $found }
read-expected-close = expected `{ $close }`, found { $found }
read-expected-number = expected a number (like 2.5 or -3.0), found { $found }
read-quote-the-key = expected text in double quotes: write `"{ $name }"`, not `{ $name }`
read-expected-string = expected text in double quotes, found { $found }
read-expected-boolean = expected `true` or `false`, found { $found }
read-expected-option = expected `Some(…)` or `None`, found { $found }
read-expected-list = expected a list in `[…]`, found { $found }
read-expected-map = expected a map in `{"{"}…{"}"}`, found { $found }
read-expected-colon = expected a colon `:` after the key, found { $found }
read-expected-journey = expected a journey in parentheses: `(version: { $version }, title: "…", …)`
read-expected-parens = expected `(…)`, found { $found }
read-unexpected-close-open = unexpected `{ $char }`: { $open } is still open and closes with `{ $close }`
read-unexpected-close = unexpected `{ $char }`: nothing is open here
read-unexpected-char = unexpected character `{ $char }`
read-trailing = unexpected { $found } after the end of the journey (is there one `)` too many above?)
# $expected is a list of names, as the file writes them.
read-unknown-value = unknown value `{ $found }`; expected one of: { $expected }
read-unknown-field = unknown field `{ $found }`; expected one of: { $expected }
# $what is one of the read-type- words.
read-missing-field-at = missing field `{ $field }` in { $what }, which starts at { $line }:{ $column }
read-missing-field = missing field `{ $field }` in { $what }
read-duplicate-field = the field `{ $field }` appears twice
# $expected is what the reader wanted (it can come from the parser, in English).
read-expected-found = expected { $expected }, found { $found }
read-unexpected-name = unexpected name `{ $found }` before `(`: write the value as `(…)`, without a name
read-expected-parens-name = expected `(…)`, found `{ $found }`
read-unclosed-comment = a `/*` comment is never closed
read-too-deep = the file is nested too deeply to be a journey
read-found-end = the end of the file
# A bracket still open: $what is one of the read-open- words.
read-opened-at = { $what } opened at { $line }:{ $column }
read-open-list = the list `{ $field }`
read-open-a-list = a list
read-open-map = the map `{ $field }`
read-open-a-map = a map
read-open-value = the `{ $field }` value
read-open-journey = the journey's `(`
read-open-item-of = an item of `{ $list }`
read-open-item = an item
# What a person calls each part of a journey, in "missing field `id` in a case".
read-type-journey = the journey
read-type-source-scale = the source scale
read-type-scale = the scale
read-type-anchor = an anchor
read-type-phase = a phase
read-type-touchpoint = a touchpoint
read-type-office = a touchpoint's office
read-type-case = a case
read-type-owner = an owner
read-type-metric = a metric
read-type-better = a metric's direction
read-type-metric-level = a metric's level
read-type-flag = a flag
read-type-flag-kind = a flag's kind
read-type-action = an action
read-type-status = a status
read-type-other = this item

## io/mod.rs: opening and reading a file, whatever it holds

# $reason is the system's own reason (in English, as the system gives it).
read-cannot-open = cannot open: { $reason }
read-cannot-read = cannot read: { $reason }
# $refusal is a sentence such as read-too-big-refusal or mermaid-too-big-refusal.
read-too-big = the file is larger than { $mib } MiB; { $refusal }
read-stdin-too-big = the input is larger than { $mib } MiB; emograph refuses CSV files that big
# $advice is read-save-as-utf8 or a reader's own advice.
read-not-utf8 = the file is not UTF-8 text ({ $advice })

## io/save.rs: saving a journey (the file on disk is unchanged whenever one of these is said)

# $problems is a list of the journey's problems (path: message), separated by "; ".
save-invalid = the journey has { $n } { $n ->
        [one] problem
       *[other] problems
    } and would not open again; fix { $n ->
        [one] it
       *[other] them
    } first: { $problems }
# After the problems save-invalid lists, when there are more.
save-and-more = … and { $n } more
save-too-large = the journey would be { $mib } MiB, more than the { $limit } MiB a journey file may hold; remove cases (or split them into several journeys) before saving
save-read-only = { $path } is read-only; it was left as it is (make it writable, or save under another name)

## io/atomic.rs: writing a file so that a failed write leaves the old one as it was

atomic-read-only = { $path } is read-only; it was left as it is (make it writable, or write to another file)
# $reason is one of the atomic- reasons below or the system's own (in English).
atomic-could-not-write = could not write { $path }: { $reason }
atomic-names-no-file = the path names no file
atomic-temp-taken = another emograph removed the temporary file while it was being created
atomic-no-temp = cannot create a temporary file
atomic-no-folder = the folder { $folder } does not exist
atomic-no-permission = no permission to write in the folder { $folder }
atomic-not-a-folder = { $folder } is not a folder
# $reason is the system's own (in English).
atomic-cannot-create = cannot create a file in the folder { $folder }: { $reason }

## io/journey_v2.rs: a version 2 journey's cases

v2-row-length = the case has { $length } { $length ->
        [one] score
       *[other] scores
    } but the journey has { $touchpoints } { $touchpoints ->
        [one] touchpoint
       *[other] touchpoints
    }: give one value per touchpoint, in the order of `touchpoints`, and `None` where the case did not experience it
# What the reader expected, given as $expected in read-expected-found ("expected …, found …").
v2-expect-cases = a list of cases
v2-expect-case = a case `(id: …, scores: […])`
v2-expect-case-field = a field of a case
v2-expect-score = a number (like 2.5 or -3) or None
v2-expect-scores = a list of scores in touchpoint order, like [2.5, -1, None]
