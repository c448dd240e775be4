# The core's messages: see crates/emograph-core/src/i18n/mod.rs.
# Importing survey exports: CSV, TSV and workbooks (prefixes import-, workbook-, encoding-).
# $name, $value, $touchpoint, $case, $label, $pair, $text and $wanted arrive in double quotes
# ("Wifi"), as the file or the option wrote them; lists of them are joined with ", ".

## io/csv_import/mod.rs: reading a survey export

# Given after "the file is larger than N MiB; ".
import-too-big-refusal = emograph refuses CSV files that big
# $error is the CSV library's own explanation (in English).
import-cannot-read-csv = cannot read the CSV: { $error }
import-empty-file = the file is empty; expected a header like `case,segment,<touchpoints…>` and one row per case
# $message is one of the header messages below; $export is one of the import-export- words.
import-read-as = { $message } (read as { $export } with { $n } header rows)
# A journey's title when the file's name gives none.
import-untitled = Imported cases
# $wording is one of the import-wording- names, or `--labels` for the user's own.
import-not-an-answer = neither a number nor an answer of the { $wording } wording
# An item of the list in import-stopped-by-column.
import-by-column-item = column { $column } { $name }: { $n }

## io/csv_import/cells.rs: what a cell is not

import-cell-not-a-number = not a number (for text answers give --labels "TEXT=SCORE,…"; the common 5- and 7-point wordings are recognised by themselves)
import-cell-not-utf8 = not UTF-8
import-cell-not-finite = not a finite number
import-cell-outside-scale = outside the scale { $min }..{ $max }
import-cell-outside = outside { $min }..{ $max } (if the data is on another scale, give --scale MIN..MAX; if a value means "not applicable", give --na VALUE)

## io/csv_import/wide.rs and long.rs: the rows

import-row-fields = this row has { $fields } fields but the header has { $header }
# $reason is one of the import-cell- reasons or import-not-an-answer.
import-bad-score = touchpoint { $touchpoint }: { $reason }, value { $value }
import-bad-score-every-column = touchpoint { $touchpoint }: { $reason }, value { $value } (every column but the case and segment columns is read as a touchpoint; choose them with --touchpoints)
import-case-id-empty = the case id is empty
import-case-id-too-long = the case id is longer than { $max } characters
import-not-a-date = not a date (year-month-day or month/day/year), value { $value }
# $reason is one of the import-outcome- reasons.
import-reason-value = { $reason }, value { $value }
import-stopped = stopped after { $n } problems
# $columns is a list of import-by-column-item.
import-stopped-by-column = stopped after { $n } problems; so far by column: { $columns }
import-too-many-cases = too many cases: { $width } touchpoints × more than { $cases } cases exceed the { $max } scores emograph can analyse at once
import-more-cases = more than { $max } cases
import-duplicate-id-long = duplicate case id { $id } (if each row is one answer — case, touchpoint, score — read the file with --long CASE,TOUCHPOINT,SCORE)
import-duplicate-id = duplicate case id { $id }

## io/csv_import/long.rs: long rows, one answer per row

import-long-columns = long columns { $text }: give three column names CASE,TOUCHPOINT,SCORE, e.g. case,touchpoint,score
# $what is one of the import-part- words; $columns the file's column names.
import-long-no-column = no column named { $name } for { $what } (--long CASE,TOUCHPOINT,SCORE); the columns are: { $columns }
import-long-case-id = the case id is empty or longer than { $max } characters
import-long-touchpoint-empty = the touchpoint is empty
import-more-touchpoints = more than { $max } touchpoints
import-long-twice = case { $case } has touchpoint { $touchpoint } twice (first on line { $line })
import-more-scores = more than { $max } scores: emograph cannot analyse them at once
import-no-answers = no answers: the file has only a header
import-long-too-many = { $cases } cases × { $width } touchpoints exceed the { $max } scores emograph can analyse at once
import-long-unknown-touchpoint = --touchpoints names { $name }, which no row has; the touchpoints are: { $touchpoints }
import-long-left-out = --touchpoints leaves out { $names }; list every touchpoint
import-long-range = with --long, --touchpoints takes the touchpoints' names in order, not column numbers

## io/csv_import/layout.rs: which column plays which part

# $what is one of the import-part- words; $columns the file's column names.
import-no-column = no column named { $name } for { $what }; the columns are: { $columns }
import-part-case-ids = the case ids
import-part-segments = the segments
import-part-waves = the waves
import-part-wave-dates = the wave dates
import-part-outcome = the outcome
import-part-a-touchpoint = a touchpoint
import-part-touchpoints = the touchpoints
import-part-scores = the scores
import-range-beyond = touchpoint columns { $first }..{ $last }: the file has only { $n } columns
import-touchpoint-and-special = column { $column } ({ $name }) cannot be both a touchpoint and the case, segment, wave or outcome column
import-no-touchpoint-columns = no touchpoint columns: the file has only case, segment and wave columns
import-too-many-touchpoints = { $n } touchpoint columns: at most { $max } are supported
import-column-twice = column { $column } is named twice as a touchpoint

## io/csv_import/headers.rs: the export a header was recognised as

import-export-qualtrics = a Qualtrics export
import-export-surveymonkey = a SurveyMonkey export
import-export-plain = a CSV

## io/csv_import/labels.rs: text answers and their scores

import-labels-not-pair = labels: { $pair } is not LABEL=SCORE (e.g. "Very dissatisfied=1")
import-labels-score-nan = labels: the score of { $label } is not a number
import-labels-empty = labels: { $pair } has an empty label
import-labels-twice = labels: { $label } is given twice
import-labels-two = labels: give at least two labels with different scores
# The wordings recognised by themselves, as "text answers in the … wording" names them.
import-wording-satisfaction-5 = 5-point satisfaction
import-wording-agreement-5 = 5-point agreement
import-wording-quality-5 = 5-point quality
import-wording-satisfaction-7 = 7-point satisfaction
import-wording-agreement-7 = 7-point agreement
import-wording-satisfaction-5-hebrew = 5-point satisfaction (Hebrew)
import-wording-agreement-5-hebrew = 5-point agreement (Hebrew)

## io/csv_import/options.rs: the options' spellings

import-column-range = column range { $text }: columns count from 1 and the range must not be empty
import-no-touchpoints-named = no touchpoint columns named
import-scale-form = scale { $text }: write it as MIN..MAX, e.g. 1..5
import-scale-form-pixels = scale { $text }: write it as MIN..MAX, e.g. 1..5 (for a PNG's pixels per point, `emograph export` takes --pixel-scale)
import-scale-numbers = scale { $text }: MIN and MAX must be numbers, e.g. 1..5
import-scale-differ = scale { $text }: MIN and MAX must differ
import-scale-bound = scale { $text }: MIN and MAX must lie within -{ $bound }..{ $bound }

## io/csv_import/outcome.rs: the outcome column

import-outcome-no-column = outcome { $text }: the column name is empty
import-outcome-threshold = outcome { $text }: after >= comes a number, e.g. Overall>=4
import-outcome-values = outcome { $text }: name the favourable values after =, e.g. Satisfaction=satisfied
import-outcome-not-a-number = the outcome is not a number
# $column and $cell come without quotes: they are put into the option as it would be typed.
import-outcome-not-yes-no = the outcome is not yes/no, true/false or 1/0; name the favourable values (--outcome "{ $column }={ $cell }") or give a threshold (--outcome "{ $column }>=N")

## io/csv_import/into.rs: a second wave into a journey

import-into-unknown-columns = { $n } column(s) match no touchpoint of the journey: { $names }
import-into-missing-touchpoints = { $n } touchpoint(s) of the journey have no column: { $names }
import-into-taken-ids = { $n } case id(s) are already in the journey: { $names } (give --case-prefix TEXT to keep the new cases apart)
# $file and $journey are scales written MIN..MAX.
import-into-scale = the file's scale is { $file } but the journey's is { $journey }; give --scale as the journey's

## io/csv_import/preview.rs: the import dialog's preview

# The layout recognised: $export is an import-export- word, $rows import-header-rows-n,
# $shape an import-shape- phrase, $delimiter an import-split- word (or the character, quoted).
import-layout = { $export }, { $rows }, { $shape }, fields split by { $delimiter }
import-header-rows-n = { $n ->
    [one] 1 header row
   *[other] { $n } header rows
}
import-shape-wide = wide rows (one case per row)
import-shape-long = long rows (one answer per row)
import-split-commas = commas
import-split-semicolons = semicolons
import-split-tabs = tabs
import-split-bars = bars
# The part a column plays, under its name in the preview's table.
import-role-case = case
import-role-segment = segment
import-role-wave = wave
import-role-wave-date = wave (date)
import-role-outcome = outcome
import-role-touchpoint = touchpoint
import-role-touchpoint-name = touchpoint name
import-role-score = score
import-role-ignored = not read
# $error is the system's own explanation.
import-cannot-open = cannot open: { $error }
import-cannot-read = cannot read: { $error }
# Given after "the file is larger than N MiB; ".
import-workbook-too-big-refusal = emograph refuses workbooks that big
# A problem of the preview, located.
import-located = line { $line }, column { $column }: { $message }

## io/workbook.rs: workbooks (.xlsx, .xls, .ods)

workbook-part-beyond-4gb = a part of the workbook declares a size beyond 4 GB
workbook-zip-bomb = the workbook's parts inflate to more than { $mib } MiB (it may be a zip bomb)
# $reason is workbook-part-beyond-4gb or workbook-zip-bomb.
workbook-refused = { $reason }; emograph refuses it before reading. Export the sheet as CSV UTF-8 instead
# $error is the workbook library's own explanation (in English).
workbook-cannot-read = cannot read the workbook ({ $error }); if it is damaged, open it in a spreadsheet and save it again, or export the sheet as CSV UTF-8
# $sheets lists each sheet's number and quoted name: 1 "First", 2 "Second".
workbook-no-such-sheet = no sheet { $wanted }; the sheets are: { $sheets }
workbook-no-sheets = the workbook has no sheets
workbook-cannot-read-sheet = cannot read sheet { $name }: { $error }
workbook-cannot-convert = cannot convert sheet { $name }: { $error }

## io/text_encoding.rs: text that is not UTF-8

encoding-unknown = unknown encoding { $label }; e.g. utf-8, windows-1252, windows-1255, iso-8859-8, utf-16le, utf-16be
encoding-utf16-without-mark = the file looks like { $encoding } text without a byte-order mark: give --encoding { $encoding }, or save it as CSV UTF-8
# Given inside "the file is not UTF-8 text (…)".
encoding-save-as-utf8 = save it as CSV UTF-8
# $advice is encoding-looks-like or encoding-give-it.
encoding-not-valid = the file is not valid { $encoding } text; { $advice }
encoding-looks-like = it looks like { $encoding }: give --encoding { $encoding }, or save it as CSV UTF-8
encoding-give-it = give its encoding with --encoding, or save it as CSV UTF-8
