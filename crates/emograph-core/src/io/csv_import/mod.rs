//! Wide CSV of cases (one row per case, one column per touchpoint), read straight into the
//! dense [`ScoreMatrix`] so a survey export of 100 000 answers never becomes millions of map
//! entries.
//!
//! Layout by default: a column named `case` or `id` holds the case ids, a column named `segment`
//! the segments (both matched without regard to case), and every other column is a touchpoint.
//! Without an id column the cases are numbered by row (`1`, `2`, …). [`CsvOptions`] overrides
//! each of these. The delimiter (`,` `;` tab `|`) and whether the first row is a header are
//! detected unless given; UTF-8 with or without a byte-order mark and CRLF line ends are read.
//!
//! A cell that is not a number, or lies outside the scale, stops the import with its line and
//! column (1-based, as an editor shows them) and the value.

mod cells;
mod headers;
mod into;
pub mod labels;
mod layout;
pub mod long;
mod options;
pub mod outcome;
pub mod preview;
mod stream;
mod wide;

use std::path::Path;

use super::{Diagnostic, LoadError};
use crate::analysis::Dataset;
#[cfg(test)]
use crate::analysis::ScoreMatrix;
use crate::model::{Case, Journey, SourceScale};
use cells::{CellError, detect_delimiter, parse_score, text_of};
use headers::{column_names, count_header_rows};
pub use into::{Mismatch, add_cases_into};
use labels::LabelMap;
use layout::Layout;
#[cfg(test)]
use layout::slug;
pub use options::{CsvOptions, TouchpointColumns, parse_scale};
use outcome::OutcomeSpec;

/// CSV files larger than this are refused before they are read (a million cases of thirty
/// touchpoints is about 200 MB; more scores than that are refused anyway, see
/// [`limits::MAX_SCORE_CELLS`]). Larger than a journey file may be (`MAX_FILE_BYTES`) on
/// purpose: the verbs analyse a CSV directly, without a journey file; only `import` has to fit
/// the journey's limit, and `save_journey` refuses before writing when it does not.
pub const MAX_CSV_BYTES: u64 = 512 * 1024 * 1024;

/// At most this many bad cells are listed before the import gives up.
const MAX_DIAGNOSTICS: usize = 20;

/// Reads a wide CSV of cases into a [`Dataset`] whose `journey` has the touchpoints (ids made
/// from the column names) but no cases; the cases are in the matrix. Every problem is located.
pub fn load_csv(path: &Path, options: &CsvOptions) -> Result<Dataset, LoadError> {
    if let Some(read) = stream::load(path, options) {
        return read;
    }
    let bytes = super::read_limited(
        path,
        MAX_CSV_BYTES,
        &crate::tr!("import-too-big-refusal"),
        None,
    )?;
    let tab_preferred = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"));
    parse_csv(&bytes, path, options, tab_preferred)
}

/// [`load_csv`] on bytes already in memory; `path` only names the source in messages. A
/// workbook's bytes are read as its sheet (see [`CsvOptions::sheet`]).
pub fn parse_csv(
    bytes: &[u8],
    path: &Path,
    options: &CsvOptions,
    tab_preferred: bool,
) -> Result<Dataset, LoadError> {
    if super::workbook::looks_like_workbook(bytes) {
        let sheet = super::workbook::sheet_as_csv(bytes.to_vec(), path, options.sheet.as_deref())?;
        return parse_text(&sheet, path, options, false, None);
    }
    let text = super::text_encoding::to_utf8(bytes, path, options.encoding.as_deref())?;
    parse_text(&text, path, options, tab_preferred, None)
}

/// [`parse_csv`] by one thread: the reference the chunked reader is tested against.
#[cfg(test)]
fn parse_csv_sequentially(text: &[u8], options: &CsvOptions) -> Result<Dataset, LoadError> {
    SEQUENTIAL_ONLY.with(|only| only.set(true));
    let result = parse_text(text, Path::new("cases.csv"), options, false, None);
    SEQUENTIAL_ONLY.with(|only| only.set(false));
    result
}

#[cfg(test)]
thread_local! {
    /// Set by [`parse_csv_sequentially`] for the duration of one parse on this thread.
    static SEQUENTIAL_ONLY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Rows read ahead (to find the header rows and the label wording) before the rest streams.
const SAMPLE_ROWS: usize = 200;

/// The records of a file: the ones read ahead, then the rest from the reader, one reused record.
struct Records<'a> {
    ahead: std::vec::IntoIter<csv::ByteRecord>,
    reader: csv::Reader<&'a [u8]>,
}

impl Records<'_> {
    fn next(&mut self, record: &mut csv::ByteRecord) -> Result<bool, csv::Error> {
        if let Some(next) = self.ahead.next() {
            *record = next;
            return Ok(true);
        }
        self.reader.read_byte_record(record)
    }
}

/// What every row of one file is read against: where it came from and how a cell becomes a score.
struct Source<'a> {
    bytes: &'a [u8],
    path: &'a Path,
    na: Vec<String>,
    scale: Option<(f64, f64)>,
    labels: Option<LabelMap>,
    decimal_comma: bool,
    /// The field delimiter (a chunk of the file gets a reader of its own).
    delimiter: u8,
    /// Whether a large file may be read in chunks over every core (tests compare both ways).
    chunks_allowed: bool,
}

impl Source<'_> {
    fn line(&self, offset: usize) -> usize {
        line_of(self.bytes, offset)
    }

    fn diagnostic(&self, line: Option<usize>, column: usize, message: String) -> Diagnostic {
        Diagnostic {
            file: self.path.to_owned(),
            position: line.map(|line| (line, column + 1)),
            message,
        }
    }

    /// A cell as a score on −5 … +5 (`NaN` for not applicable): a number on the scale, else an
    /// answer of the wording. Numbers are tried first, so a survey of digits never allocates.
    fn score(&self, cell: &[u8]) -> Result<f64, String> {
        let trimmed = cell.trim_ascii();
        // Compared as bytes: the file is valid UTF-8 by now, so this is the text comparison
        // without a string per cell.
        if self
            .na
            .iter()
            .any(|v| v.trim().as_bytes().eq_ignore_ascii_case(trimmed))
        {
            return Ok(f64::NAN);
        }
        let score = match parse_score(cell, &[], self.scale, self.decimal_comma) {
            Err(CellError::NotANumber) if let Some(labels) = &self.labels => {
                match labels.score(&text_of(trimmed)) {
                    Some(value) => {
                        parse_score(value.to_string().as_bytes(), &[], self.scale, false)
                    }
                    None => {
                        return Err(crate::tr!(
                            "import-not-an-answer",
                            wording = labels.name.as_str()
                        ));
                    }
                }
            }
            other => other,
        };
        score.map_err(CellError::message)
    }
}

/// Reads `bytes` (a whole file, or with `more` its head: the rest comes piece by piece).
fn parse_text(
    bytes: &[u8],
    path: &Path,
    options: &CsvOptions,
    tab_preferred: bool,
    more: Option<&mut stream::Pieces>,
) -> Result<Dataset, LoadError> {
    // Detected on the first line after the skipped ones (a banner says nothing about it).
    let after_skipped = (0..options.skip_rows).fold(bytes, |rest, _| {
        rest.iter()
            .position(|&b| b == b'\n')
            .and_then(|i| rest.get(i + 1..))
            .unwrap_or(rest)
    });
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| detect_delimiter(after_skipped, tab_preferred));
    let decimal_comma = delimiter != b',';
    let reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = Records {
        ahead: Vec::new().into_iter(),
        reader,
    };
    let csv_error = |e: csv::Error| {
        let position = e.position().map(|p| (line_of(bytes, p.byte() as usize), 1));
        LoadError::single(
            path,
            position,
            crate::tr!("import-cannot-read-csv", error = e.to_string()),
        )
    };

    let mut sample = Vec::new();
    let mut skipped = 0;
    loop {
        let mut record = csv::ByteRecord::new();
        if sample.len() >= SAMPLE_ROWS || !records.next(&mut record).map_err(csv_error)? {
            break;
        }
        if skipped < options.skip_rows {
            skipped += 1;
        } else {
            sample.push(record);
        }
    }
    if sample.is_empty() {
        return Err(LoadError::single(
            path,
            Some((1 + options.skip_rows, 1)),
            crate::tr!("import-empty-file"),
        ));
    }
    let known_labels: Vec<LabelMap> = options
        .labels
        .iter()
        .cloned()
        .chain(labels::presets())
        .collect();
    let header_rows = options
        .header_rows
        .unwrap_or_else(|| count_header_rows(&sample, decimal_comma, &known_labels))
        .min(sample.len());
    let data_rows = sample.split_off(header_rows);
    let (header, data_sample) = (sample.as_slice(), data_rows.as_slice());
    let width = header
        .iter()
        .chain(data_sample.first())
        .map(csv::ByteRecord::len)
        .max()
        .unwrap_or(0);
    let (headers, aliases, export) = if header_rows > 0 {
        column_names(header, width)
    } else {
        let names = (1..=width).map(|i| format!("column {i}")).collect();
        (names, Vec::new(), headers::Export::Plain)
    };
    let header_line = header
        .first()
        .and_then(|r| r.position())
        .map_or(1, |p| line_of(bytes, p.byte() as usize));
    let at_header = |message: String| {
        let message = if export == headers::Export::Plain {
            message
        } else {
            crate::tr!(
                "import-read-as",
                message = message,
                export = export.describe(),
                n = header_rows
            )
        };
        LoadError::single(path, Some((header_line, 1)), message)
    };

    let long_layout = match &options.long {
        Some(columns) => {
            Some(long::LongLayout::new(&headers, &aliases, columns, options).map_err(at_header)?)
        }
        None => None,
    };
    let layout = match &long_layout {
        Some(_) => None,
        None => Some(Layout::new(&headers, &aliases, options).map_err(at_header)?),
    };
    // The wording of text answers: the user's, else the first preset that holds every text
    // answer read ahead.
    let score_columns: Vec<usize> = match (&layout, &long_layout) {
        (Some(layout), _) => layout.touchpoint_columns.clone(),
        (None, Some(long)) => vec![long.score_column],
        (None, None) => Vec::new(),
    };
    let labels = options
        .labels
        .clone()
        .or_else(|| detect_wording(data_sample, &score_columns, decimal_comma, &options.na));
    let source = Source {
        bytes,
        path,
        na: options.na.clone(),
        scale: options
            .scale
            .or_else(|| labels.as_ref().and_then(LabelMap::range)),
        labels,
        decimal_comma,
        delimiter,
        #[cfg(not(test))]
        chunks_allowed: true,
        #[cfg(test)]
        chunks_allowed: !SEQUENTIAL_ONLY.with(std::cell::Cell::get),
    };
    records.ahead = data_rows.into_iter();
    let mut dataset = match (layout, long_layout) {
        // A long file is read whole: its cases are gathered from rows anywhere in it.
        (_, Some(_)) if let Some(pieces) = more => return Err(pieces.fall_back(path)),
        (_, Some(long)) => long::read_long(&source, &long, &mut records, options, &headers)?,
        (Some(layout), None) => {
            wide::read_wide(&source, &layout, &headers, &mut records, options, more)?
        }
        (None, None) => return Err(at_header("no layout".to_owned())),
    };
    dataset.journey.title = path.file_stem().map_or_else(
        || crate::tr!("import-untitled"),
        |s| s.to_string_lossy().into_owned(),
    );
    if let Some((a, b)) = source.scale {
        // A reversed scale (5..1) is recorded as the range it spans.
        dataset.journey.scale.source = Some(SourceScale {
            min: a.min(b),
            max: a.max(b),
        });
    }
    dataset.journey.in_time_order = !options.unordered;
    dataset.journey.outcome = options.outcome.as_ref().map(OutcomeSpec::to_outcome);
    Ok(dataset)
}

/// The wording of the text answers read ahead: the first preset that holds every text answer of
/// the columns some preset explains whole. A column no wording explains (an outcome column left
/// among the touchpoints, free text) does not stop the others being read; its cells are then
/// reported where they are.
fn detect_wording(
    rows: &[csv::ByteRecord],
    columns: &[usize],
    decimal_comma: bool,
    na: &[String],
) -> Option<LabelMap> {
    let presets = labels::presets();
    let mut explained: Vec<String> = Vec::new();
    for &column in columns {
        let mut answers: Vec<String> = rows
            .iter()
            .filter_map(|row| row.get(column))
            .map(|cell| text_of(cell).trim().to_owned())
            .filter(|t| {
                !t.is_empty()
                    && parse_score(t.as_bytes(), &[], None, decimal_comma).is_err()
                    && !na.iter().any(|v| v.trim().eq_ignore_ascii_case(t))
            })
            .collect();
        answers.sort_unstable();
        answers.dedup();
        if !answers.is_empty()
            && presets
                .iter()
                .any(|p| answers.iter().all(|a| p.score(a).is_some()))
        {
            explained.extend(answers);
        }
    }
    if explained.is_empty() {
        return None;
    }
    labels::preset_for(explained.iter().map(String::as_str))
}

/// `column 2 "Gender": 20, column 5 "Age": 3` — which columns the problems were in, most first;
/// `None` when they were all in one.
fn by_column(counts: &[usize], headers: &[String]) -> Option<String> {
    let mut columns: Vec<(usize, usize)> = counts
        .iter()
        .copied()
        .enumerate()
        .filter(|&(_, n)| n > 0)
        .collect();
    if columns.len() < 2 {
        return None;
    }
    columns.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let listed: Vec<String> = columns
        .iter()
        .map(|&(c, n)| {
            let name = headers.get(c).map_or("", String::as_str);
            crate::tr!(
                "import-by-column-item",
                column = c + 1,
                name = format!("{name:?}"),
                n = n
            )
        })
        .collect();
    Some(listed.join(", "))
}

/// The full journey of a dataset, cases included (for `emograph import`): a case per matrix
/// row with its scored touchpoints, its segment and `source`. Cases already in
/// `dataset.journey` are replaced.
pub fn dataset_to_journey(dataset: &Dataset, source: &str) -> Journey {
    let mut journey = dataset.journey.clone();
    journey.cases = dataset
        .case_ids
        .iter()
        .enumerate()
        .map(|(row, case_id)| {
            let mut case = Case::new(case_id, "");
            case.segment = dataset.segments.get(row).unwrap_or_default().to_owned();
            case.wave = dataset.waves.get(row).unwrap_or_default().to_owned();
            case.outcome = dataset.outcomes.get(row).copied().flatten();
            case.source = source.to_owned();
            case.scores = journey
                .touchpoints
                .iter()
                .enumerate()
                .filter_map(|(column, tp)| Some((tp.id.clone(), dataset.matrix.get(row, column)?)))
                .collect();
            case
        })
        .collect();
    journey
}

/// One-based line of the record starting at `offset`. Counted here because the csv crate's own
/// line numbers run one behind after a CRLF line end; only called for error messages.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    let before = bytes.get(..offset).unwrap_or(bytes);
    let mut line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    // The record may start on the line end of the previous one (`\r` ended it, `\n` follows).
    for &b in bytes.get(offset..).unwrap_or_default() {
        match b {
            b'\n' => line += 1,
            b'\r' => {}
            _ => break,
        }
    }
    line
}

#[cfg(test)]
mod chunk_tests;
#[cfg(test)]
mod hebrew_tests;
#[cfg(test)]
mod stream_tests;

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str, options: &CsvOptions) -> Result<Dataset, LoadError> {
        parse_csv(text.as_bytes(), Path::new("cases.csv"), options, false)
    }

    #[test]
    fn reads_the_default_layout() {
        let text =
            "\u{feff}Case,Segment,Parking,Ticket desk,Film\r\nc1,gold,-2,3,5\r\nc2,,1,,-4.5\r\n";
        let data = parse(text, &CsvOptions::default()).unwrap();
        assert_eq!(data.case_ids, ["c1", "c2"]);
        assert_eq!(data.segments, ["gold", ""]);
        let ids: Vec<_> = data
            .journey
            .touchpoints
            .iter()
            .map(|t| t.id.as_str())
            .collect();
        assert_eq!(ids, ["parking", "ticket-desk", "film"]);
        assert_eq!(data.journey.touchpoints[1].name, "Ticket desk");
        assert_eq!(data.matrix.row(0), &[-2.0, 3.0, 5.0]);
        assert_eq!(data.matrix.get(1, 1), None);
        assert_eq!(data.matrix.get(1, 2), Some(-4.5));
    }

    #[test]
    fn maps_a_survey_scale_and_skips_not_applicable() {
        let text = "ID;Gender;Wifi;Food\n7;Male;1;0\n8;Female;3;5\n";
        let options = CsvOptions {
            touchpoints: Some("3..4".parse().unwrap()),
            scale: Some((1.0, 5.0)),
            na: vec!["0".to_owned()],
            segment_column: Some("gender".to_owned()),
            ..CsvOptions::default()
        };
        let data = parse(text, &options).unwrap();
        assert_eq!(data.case_ids, ["7", "8"]);
        assert_eq!(data.segments, ["Male", "Female"]);
        assert_eq!(data.matrix.row(0)[0], -5.0);
        assert!(data.matrix.row(0)[1].is_nan());
        assert_eq!(data.matrix.row(1), &[0.0, 5.0]);
        let journey = dataset_to_journey(&data, "CSV import");
        assert_eq!(
            journey.scale.source,
            Some(SourceScale { min: 1.0, max: 5.0 })
        );
        assert_eq!(journey.cases[0].scores.len(), 1);
        assert_eq!(journey.cases[1].segment, "Female");
        assert_eq!(journey.cases[1].source, "CSV import");
        assert!(journey.validate().is_empty());
    }

    #[test]
    fn a_bad_cell_is_located_by_line_and_column() {
        let text = "case,a,b\nc1,1,2\nc2,3,x\n";
        let error = parse(text, &CsvOptions::default()).unwrap_err();
        let message = error.to_string();
        assert!(message.starts_with("cases.csv:3:3: "), "{message}");
        assert!(message.contains("value \"x\""), "{message}");

        let crlf = parse("case,a,b\r\nc1,1,2\r\nc2,3,x\r\n", &CsvOptions::default());
        let message = crlf.unwrap_err().to_string();
        assert!(message.starts_with("cases.csv:3:3: "), "{message}");

        let off_scale = parse(
            "case,a\nc1,4\nc2,6\n",
            &CsvOptions {
                scale: Some((1.0, 5.0)),
                ..CsvOptions::default()
            },
        );
        let message = off_scale.unwrap_err().to_string();
        assert!(message.starts_with("cases.csv:3:2: "), "{message}");
        assert!(message.contains("outside the scale 1..5"), "{message}");
    }

    #[test]
    fn detects_delimiters_and_headers_and_numbers_cases_without_ids() {
        let data = parse("1\t2\t3\n-1\t-2\t-3\n", &CsvOptions::default()).unwrap();
        assert_eq!(data.case_ids, ["1", "2"]);
        assert_eq!(data.matrix.cases(), 2);
        assert_eq!(data.journey.touchpoints[0].name, "column 1");

        let semicolons = parse("a;b\n1,5;-2\n", &CsvOptions::default()).unwrap();
        assert_eq!(semicolons.matrix.row(0), &[1.5, -2.0]);
        assert_eq!(semicolons.case_ids, ["1"]);
    }

    #[test]
    fn broken_rows_duplicate_ids_and_unknown_columns_are_refused() {
        let short = parse("case,a,b\nc1,1\n", &CsvOptions::default()).unwrap_err();
        assert!(short.to_string().contains("cases.csv:2:"), "{short}");
        let duplicate = parse("case,a\nc1,1\nc1,2\n", &CsvOptions::default()).unwrap_err();
        assert!(duplicate.to_string().contains("duplicate case id \"c1\""));
        let unknown = CsvOptions {
            case_column: Some("passenger".to_owned()),
            ..CsvOptions::default()
        };
        assert!(
            parse("case,a\nc1,1\n", &unknown)
                .unwrap_err()
                .to_string()
                .contains("no column named \"passenger\"")
        );
        assert!(parse("", &CsvOptions::default()).is_err());
        assert!(
            parse_csv(
                b"case,a\n\xff,1\n",
                Path::new("x.csv"),
                &CsvOptions::default(),
                false
            )
            .is_err()
        );
    }

    #[test]
    fn touchpoint_columns_parse_names_and_ranges() {
        assert_eq!(
            "3..16".parse(),
            Ok(TouchpointColumns::Range { first: 3, last: 16 })
        );
        assert_eq!(
            "Wifi, Food".parse(),
            Ok(TouchpointColumns::Names(vec![
                "Wifi".to_owned(),
                "Food".to_owned()
            ]))
        );
        assert!("0..3".parse::<TouchpointColumns>().is_err());
        assert_eq!(parse_scale("1..5"), Ok((1.0, 5.0)));
        assert_eq!(parse_scale("5..1"), Ok((5.0, 1.0)));
        assert!(parse_scale("3..3").is_err());
        let reversed = CsvOptions {
            scale: Some((5.0, 1.0)),
            ..CsvOptions::default()
        };
        let data = parse("case,a\nc1,5\nc2,1\nc3,2\n", &reversed).unwrap();
        assert_eq!(data.matrix.row(0), &[-5.0]);
        assert_eq!(data.matrix.row(1), &[5.0]);
        assert_eq!(data.matrix.row(2), &[2.5]);
        assert_eq!(
            data.journey.scale.source,
            Some(SourceScale { min: 1.0, max: 5.0 })
        );
        assert_eq!(slug("Departure/Arrival time"), "departure-arrival-time");
        assert_eq!(slug("  Ease of Online Booking "), "ease-of-online-booking");
    }
}
