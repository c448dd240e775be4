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
mod layout;
mod options;

use std::collections::HashSet;
use std::path::Path;

use super::{Diagnostic, LoadError};
use crate::analysis::{Dataset, ScoreMatrix};
use crate::model::limits;
use crate::model::{Case, Journey, SourceScale, Touchpoint};
use cells::{detect_delimiter, looks_like_header, parse_score, text_of};
use layout::Layout;
#[cfg(test)]
use layout::slug;
pub use options::{CsvOptions, TouchpointColumns, parse_scale};

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
    let bytes = super::read_limited(
        path,
        MAX_CSV_BYTES,
        "emograph refuses CSV files that big",
        None,
    )?;
    let tab_preferred = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"));
    parse_csv(&bytes, path, options, tab_preferred)
}

/// [`load_csv`] on bytes already in memory; `path` only names the source in messages.
pub fn parse_csv(
    bytes: &[u8],
    path: &Path,
    options: &CsvOptions,
    tab_preferred: bool,
) -> Result<Dataset, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    super::utf8_or_located(bytes, path, "save it as CSV UTF-8")?;
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| detect_delimiter(bytes, tab_preferred));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    // One reused record: no allocation per row.
    let mut read = |record: &mut csv::ByteRecord| reader.read_byte_record(record);
    let csv_error = |e: csv::Error| {
        let position = e.position().map(|p| (line_of(bytes, p.byte() as usize), 1));
        LoadError::single(path, position, format!("cannot read the CSV: {e}"))
    };

    let mut first = csv::ByteRecord::new();
    if !read(&mut first).map_err(csv_error)? {
        return Err(LoadError::single(
            path,
            Some((1, 1)),
            "the file is empty; expected a header like `case,segment,<touchpoints…>` and one row per case",
        ));
    };
    let mut second = csv::ByteRecord::new();
    let second = read(&mut second).map_err(csv_error)?.then_some(second);
    let has_header = options
        .has_header
        .unwrap_or_else(|| looks_like_header(&first, second.as_ref()));
    let headers: Vec<String> = if has_header {
        first
            .iter()
            .map(|cell| text_of(cell).trim().to_owned())
            .collect()
    } else {
        (1..=first.len()).map(|i| format!("column {i}")).collect()
    };
    let layout = Layout::new(&headers, options)
        .map_err(|message| LoadError::single(path, Some((1, 1)), message))?;

    let width = layout.touchpoint_columns.len();
    let mut matrix = ScoreMatrix::new(width);
    let mut case_ids = Vec::new();
    let mut segments = Vec::new();
    let mut waves = Vec::new();
    let mut row_scores = vec![f64::NAN; width];
    let mut diagnostics = Vec::new();
    let na: Vec<&[u8]> = options.na.iter().map(|v| v.trim().as_bytes()).collect();
    let decimal_comma = delimiter != b',';

    let mut pending = (!has_header)
        .then_some(first)
        .into_iter()
        .chain(second)
        .collect::<Vec<_>>()
        .into_iter();
    let mut record = csv::ByteRecord::new();
    let mut case_offsets = Vec::new();
    loop {
        if let Some(next) = pending.next() {
            record = next;
        } else if !read(&mut record).map_err(csv_error)? {
            break;
        }
        let offset = record.position().map_or(0, |p| p.byte() as usize);
        // Counting lines is linear in the file: once per bad row, not once per bad cell.
        let mut line = None;
        let mut problem = |column: usize, message: String| {
            let line = *line.get_or_insert_with(|| line_of(bytes, offset));
            diagnostics.push(Diagnostic {
                file: path.to_owned(),
                position: Some((line, column + 1)),
                message,
            });
        };
        if record.len() != headers.len() {
            // A blank line between rows is harmless; anything else is a broken row.
            if record.len() == 1 && record.get(0).is_some_and(|c| c.is_empty()) {
                continue;
            }
            problem(
                record.len().min(headers.len()),
                format!(
                    "this row has {} fields but the header has {}",
                    record.len(),
                    headers.len()
                ),
            );
        } else {
            for ((slot, &column), name) in row_scores
                .iter_mut()
                .zip(&layout.touchpoint_columns)
                .zip(&layout.touchpoint_names)
            {
                let cell = record.get(column).unwrap_or_default();
                match parse_score(cell, &na, options.scale, decimal_comma) {
                    Ok(score) => *slot = score,
                    Err(reason) => {
                        let hint = if layout.default_touchpoints {
                            " (every column but the case and segment columns is read as a \
                             touchpoint; choose them with --touchpoints)"
                        } else {
                            ""
                        };
                        problem(
                            column,
                            format!(
                                "touchpoint {name:?}: {reason}, value {:?}{hint}",
                                text_of(cell)
                            ),
                        );
                        *slot = f64::NAN;
                    }
                }
            }
            let case_id = match layout.case_column {
                Some(column) => text_of(record.get(column).unwrap_or_default())
                    .trim()
                    .to_owned(),
                None => (case_ids.len() + 1).to_string(),
            };
            if case_id.is_empty() {
                problem(
                    layout.case_column.unwrap_or(0),
                    "the case id is empty".to_owned(),
                );
            } else if case_id.chars().count() > limits::MAX_ID_CHARS {
                problem(
                    layout.case_column.unwrap_or(0),
                    format!(
                        "the case id is longer than {} characters",
                        limits::MAX_ID_CHARS
                    ),
                );
            }
            let segment = layout.segment_column.map_or_else(String::new, |column| {
                text_of(record.get(column).unwrap_or_default())
                    .trim()
                    .to_owned()
            });
            let wave = match layout.wave_column {
                Some(column) => text_of(record.get(column).unwrap_or_default())
                    .trim()
                    .to_owned(),
                None => options.wave.clone().unwrap_or_default(),
            };
            // Refuse before the matrix grows past what analysis can hold, not after.
            if (case_ids.len() + 1).saturating_mul(width) > limits::MAX_SCORE_CELLS {
                return Err(LoadError::single(
                    path,
                    Some((line_of(bytes, offset), 1)),
                    format!(
                        "too many cases: {width} touchpoints × more than {} cases exceed the {} \
                         scores emograph can analyse at once",
                        case_ids.len(),
                        limits::MAX_SCORE_CELLS
                    ),
                ));
            }
            matrix.push_row(&row_scores);
            case_offsets.push(offset);
            case_ids.push(case_id);
            segments.push(segment);
            waves.push(wave);
            if case_ids.len() > limits::MAX_CASES {
                problem(0, format!("more than {} cases", limits::MAX_CASES));
            }
        }
        if diagnostics.len() >= MAX_DIAGNOSTICS {
            diagnostics.push(Diagnostic {
                file: path.to_owned(),
                position: None,
                message: format!("stopped after {MAX_DIAGNOSTICS} problems"),
            });
            break;
        }
    }
    if diagnostics.is_empty() && layout.case_column.is_some() {
        // Checked once at the end against borrowed ids: no copy of 100 000 strings.
        let mut seen: HashSet<&str> = HashSet::with_capacity(case_ids.len());
        for (case_id, &offset) in case_ids.iter().zip(&case_offsets) {
            if !seen.insert(case_id.as_str()) {
                diagnostics.push(Diagnostic {
                    file: path.to_owned(),
                    position: Some((line_of(bytes, offset), layout.case_column.unwrap_or(0) + 1)),
                    message: format!("duplicate case id {case_id:?}"),
                });
                if diagnostics.len() >= MAX_DIAGNOSTICS {
                    break;
                }
            }
        }
    }
    if !diagnostics.is_empty() {
        return Err(LoadError { diagnostics });
    }

    let mut journey = Journey {
        title: path.file_stem().map_or_else(
            || "Imported cases".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        ),
        touchpoints: layout
            .touchpoint_ids
            .iter()
            .zip(&layout.touchpoint_names)
            .map(|(id, name)| Touchpoint::new(id, name, "during"))
            .collect(),
        ..Journey::default()
    };
    if let Some((min, max)) = options.scale {
        journey.scale.source = Some(SourceScale { min, max });
    }
    Ok(Dataset {
        journey,
        case_ids,
        segments,
        waves,
        matrix,
    })
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
            case.segment = dataset.segments.get(row).cloned().unwrap_or_default();
            case.wave = dataset.waves.get(row).cloned().unwrap_or_default();
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
        assert!(parse_scale("5..1").is_err());
        assert_eq!(slug("Departure/Arrival time"), "departure-arrival-time");
        assert_eq!(slug("  Ease of Online Booking "), "ease-of-online-booking");
    }
}
