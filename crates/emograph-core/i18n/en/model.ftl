# The core's messages: see crates/emograph-core/src/i18n/mod.rs.
# A journey's problems (prefix valid-) and an edit's refusals (prefix edit-).

## model/validate.rs: what a journey's checks find, each said after the place it is about

# Why a character is refused; given as $why in valid-forbidden-char.
valid-why-control = control characters are refused (an SVG holding one is not XML, and a terminal obeys them)
valid-why-bidi = bidi controls are refused (invisible, they reorder the text shown after them; emograph lays out right-to-left text itself)
# $what is one of the valid-field- words or valid-the-id; $code is like U+202E; $at counts characters from 1.
valid-forbidden-char = { $what } holds { $code } at character { $at }: { $why }; remove it
# $kind is one of the valid-thing- words.
valid-the-id = the { $kind } id
valid-id-empty = { $kind } id is empty
valid-id-too-long = { $kind } id is longer than { $max } characters
# $id is in double quotes, as the file writes it.
valid-id-duplicate = duplicate { $kind } id { $id }
# $what is one of the valid-field- words.
valid-text-too-long = { $what } is longer than { $max } characters
# $id (and $date, $label below) are in double quotes, as the file writes them.
valid-unknown-owner = unknown owner { $id }
valid-unknown-touchpoint = unknown touchpoint { $id }
valid-unknown-phase = unknown phase { $id }
valid-unknown-metric = unknown metric { $id }
valid-unknown-flag = unknown flag { $id }
# $what is one of the valid-many- words; $n is always more than $max.
valid-too-many = { $n } { $what }: at most { $max } are supported
valid-too-many-scores = { $cases } cases × { $touchpoints } touchpoints make { $cells } scores: at most { $max } are supported
valid-old-version = format version { $found } is not { $version } (load the file to migrate it)
valid-title-empty = the title is empty
valid-scale-order = the scale must run from a smaller to a larger finite number, not { $min } … { $max }
valid-scale-too-far = the scale { $min } … { $max } reaches beyond ±{ $limit }
valid-scale-too-wide = the scale { $min } … { $max } spans more than { $span } (feelings are scored −5 … +5)
valid-anchor-off-scale = anchor { $value } lies outside the scale
valid-source-scale-order = the source scale must run from a smaller to a larger finite number
valid-touchpoint-name-empty = the touchpoint's name is empty
valid-time-offset-not-finite = the time offset is not finite
valid-owner-name-empty = the owner's name is empty
valid-metric-name-empty = the metric's name is empty
valid-current-not-finite = the current value is not finite
valid-target-not-finite = the target value is not finite
valid-not-a-date = date { $date } is not a date like 2026-12-31
valid-due-not-a-date = due date { $date } is not a date like 2026-12-31
valid-value-not-finite = the value is not finite
valid-score-unknown-touchpoint = score for unknown touchpoint { $id }
valid-score-not-finite = the score for { $id } is not a finite number
valid-score-off-scale = score { $score } for { $id } lies outside the scale { $min } … { $max }
valid-outcome-not-finite = the outcome { $outcome } is not a finite number
valid-note-unknown-touchpoint = note for unknown touchpoint { $id }
valid-wave-label-empty = the wave's label is empty
valid-wave-twice = wave { $label } is listed twice
valid-scenario-name-empty = the scenario's name is empty
valid-pattern-name-empty = the pattern's name is empty
valid-member-too-long = a case id is longer than { $max } characters
# A scenario's change (also why an edit of it is refused).
valid-change-factor = the factor { $factor } is not between 0 and 1 (the share of the fall that remains)
valid-change-amplify = amplify by { $by }: the points added must be above 0 and at most { $span }
valid-change-pattern-zero = patterns are numbered from 1
valid-change-curve-empty = the drawn curve has no points
valid-change-curve-unknown = the drawn curve names unknown touchpoint { $id }
valid-change-curve-off-scale = the drawn score { $score } at { $id } lies outside the scale { $min } … { $max }
# What a journey holds by id: "duplicate touchpoint id", "there is no touchpoint “x”".
valid-thing-phase = phase
valid-thing-touchpoint = touchpoint
valid-thing-case = case
valid-thing-owner = owner
valid-thing-metric = metric
valid-thing-flag = flag
valid-thing-scenario = scenario
# A journey's fields, as "… is longer than 10000 characters" and "… holds U+202E" name them.
valid-field-title = the title
valid-field-description = the description
valid-field-time-unit = the time unit
valid-field-anchor-label = the anchor's label
valid-field-phase-name = the phase's name
valid-field-name = the name
valid-field-channel = the channel
valid-field-process = the process
valid-field-crm-process = the CRM process
valid-field-owner-name = the owner's name
valid-field-role = the role
valid-field-metric-name = the metric's name
valid-field-unit = the unit
valid-field-sla = the SLA
valid-field-label = the label
valid-field-case-name = the case's name
valid-field-segment = the segment
valid-field-wave = the wave
valid-field-source = the source
valid-field-note = the note
valid-field-action = the action
valid-field-agreed-action = the agreed action
valid-field-wave-label = the wave's label
valid-field-scenario-name = the scenario's name
valid-field-pattern-name = the pattern's name
valid-field-an-id = an id
# What is counted, as "1001 touchpoints: at most 1000 are supported" and "this journey already has 1000 touchpoints" count it.
valid-many-touchpoints = touchpoints
valid-many-owners = owners
valid-many-metrics = metrics
valid-many-dated-values = dated values
valid-many-dated-values-of-a-metric = dated values of a metric
valid-many-cases = cases
valid-many-scores = scores (cases × touchpoints)
valid-many-flags = flags
valid-many-waves = waves
valid-many-scenarios = scenarios
valid-many-changes = changes
valid-many-changes-in-a-scenario = changes in a scenario
valid-many-pattern-names = pattern names
valid-many-members = members

## session/error.rs: why an edit was refused (the journey is unchanged)

# $what is one of the valid-thing- words; $id is the id as typed.
edit-refused-unknown = there is no { $what } “{ $id }” in this journey (was it deleted?)
edit-refused-duplicate-id = there is already a { $what } with the id “{ $id }”
edit-refused-empty-id = a new { $what } needs an id
edit-refused-unnamed-phase = a phase needs a name
edit-refused-unnamed-touchpoint = a new touchpoint needs a name
edit-refused-unnamed-case = a case needs a name
edit-refused-unnamed-owner = an owner needs a name
edit-refused-unnamed-metric = a metric needs a name
edit-refused-unnamed-flag = a flag needs a name
edit-refused-unnamed-scenario = a scenario needs a name
edit-refused-off-scale = the score { $score } is off the scale: scores run from { $min } to { $max }
edit-refused-nan-time-offset = the time offset must be a number
edit-refused-nan-outcome = the outcome must be a number
edit-refused-nan-current-value = the current value must be a number
edit-refused-nan-target = the target must be a number
edit-refused-nan-dated-value = a dated value must be a number
edit-refused-nan-score = a score must be a number
edit-refused-not-a-date = “{ $text }” is not a date like 2026-12-31
# $what is one of the valid-many- words.
edit-refused-too-many = this journey already has { $max } { $what }, as many as emograph supports
edit-refused-move-before-itself = a touchpoint cannot move before itself
edit-refused-no-members = a pattern with no cases cannot be named
edit-refused-already-in-scenario = the scenario already has a change made from this flag

## session/words.rs: what stops a journey from being saved, named by what it is about

# $name (and $at) is the name in “…” or edit-save-no-name.
edit-save-touchpoint = Touchpoint { $n } { $name }
edit-save-phase = Phase { $n } { $name }
edit-save-owner = Owner { $name }
edit-save-metric = Metric { $name }
edit-save-case = Case { $name }
edit-save-flag = The flag at { $at }
edit-save-scenario = Scenario { $name }
edit-save-wave = Wave { $name }
edit-save-journey = The journey
edit-save-no-name = (no name yet)

## session/journal.rs: a live session's journal line that could not be read back

edit-journal-cut-short = the last line is cut short (the session ended while writing it); it was never acknowledged to its participant
edit-journal-too-long = the line is too long to be a submission
