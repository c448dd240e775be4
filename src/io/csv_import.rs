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

use std::collections::HashSet;
use std::fmt;
use std::path::Path;
use std::str::FromStr;

use super::{Diagnostic, LoadError};
use crate::analysis::{Dataset, ScoreMatrix};
use crate::model::limits;
use crate::model::{Case, Journey, SourceScale, Touchpoint};

/// CSV files larger than this are refused before they are read (a million cases of thirty
/// touchpoints is about 200 MB; more scores than that are refused anyway, see
/// [`limits::MAX_SCORE_CELLS`]).
pub const MAX_CSV_BYTES: u64 = 512 * 1024 * 1024;

/// At most this many bad cells are listed before the import gives up.
const MAX_DIAGNOSTICS: usize = 20;

/// How to read a wide CSV of cases. `Default` is the documented automatic behaviour.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CsvOptions {
    /// Header of the case-id column (case-insensitive); default `case`, else `id`, else none
    /// (cases numbered by row).
    pub case_column: Option<String>,
    /// Header of the segment column (case-insensitive); default `segment` if present.
    pub segment_column: Option<String>,
    /// Which columns are touchpoints; default every column that is neither the case nor the
    /// segment column.
    pub touchpoints: Option<TouchpointColumns>,
    /// The range the scores were collected on, mapped linearly onto −5 … +5 (e.g. `(1, 5)`
    /// makes 1 → −5, 3 → 0, 5 → +5). Default: the scores already are on −5 … +5.
    pub scale: Option<(f64, f64)>,
    /// Cell values meaning "not experienced" (compared after trimming), besides an empty cell.
    pub na: Vec<String>,
    /// Field delimiter; default: detected from the first line among `,` `;` tab `|`
    /// (tab for a `.tsv` file when the line is ambiguous).
    pub delimiter: Option<u8>,
    /// Whether the first row holds column names; default: detected (a header has a non-numeric
    /// cell where the second row has a number).
    pub has_header: Option<bool>,
}

/// The touchpoint columns of a CSV, by name or by position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TouchpointColumns {
    /// Column headers (case-insensitive), in the order the touchpoints should take.
    Names(Vec<String>),
    /// Column numbers, **1-based and inclusive** as a spreadsheet counts them: `3..16` is the
    /// third through the sixteenth column.
    Range { first: usize, last: usize },
}

impl FromStr for TouchpointColumns {
    type Err = String;

    /// `"3..16"` (also `"3..=16"` and `"3-16"`) is a range of 1-based column numbers; anything
    /// else is a comma-separated list of column names.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        let range = trimmed
            .split_once("..=")
            .or_else(|| trimmed.split_once(".."))
            .or_else(|| trimmed.split_once('-'));
        if let Some((a, b)) = range
            && let (Ok(first), Ok(last)) = (a.trim().parse::<usize>(), b.trim().parse::<usize>())
        {
            if first == 0 || last < first {
                return Err(format!(
                    "column range {trimmed:?}: columns count from 1 and the range must not be empty"
                ));
            }
            return Ok(Self::Range { first, last });
        }
        let names: Vec<String> = trimmed
            .split(',')
            .map(|name| name.trim().to_owned())
            .filter(|name| !name.is_empty())
            .collect();
        if names.is_empty() {
            return Err("no touchpoint columns named".to_owned());
        }
        Ok(Self::Names(names))
    }
}

impl fmt::Display for TouchpointColumns {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Names(names) => write!(f, "{}", names.join(",")),
            Self::Range { first, last } => write!(f, "{first}..{last}"),
        }
    }
}

/// Parses a scale written `MIN..MAX` (e.g. `1..5`, `0..10`, `-5..5`).
pub fn parse_scale(text: &str) -> Result<(f64, f64), String> {
    let Some((a, b)) = text.split_once("..") else {
        // `export --scale 2` meant the picture's size before the CSV scale had this name.
        let hint = if text.trim().parse::<f64>().is_ok() {
            " (for a PNG's pixels per point, `emograph export` takes --pixel-scale)"
        } else {
            ""
        };
        return Err(format!(
            "scale {text:?}: write it as MIN..MAX, e.g. 1..5{hint}"
        ));
    };
    let (Ok(min), Ok(max)) = (a.trim().parse::<f64>(), b.trim().parse::<f64>()) else {
        return Err(format!(
            "scale {text:?}: MIN and MAX must be numbers, e.g. 1..5"
        ));
    };
    if !(min.is_finite() && max.is_finite() && min < max) {
        return Err(format!("scale {text:?}: MIN must be smaller than MAX"));
    }
    Ok((min, max))
}

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

/// Which column plays which part.
struct Layout {
    case_column: Option<usize>,
    segment_column: Option<usize>,
    touchpoint_columns: Vec<usize>,
    touchpoint_names: Vec<String>,
    touchpoint_ids: Vec<String>,
    /// True when no `touchpoints` option was given (so a bad cell can suggest it).
    default_touchpoints: bool,
}

impl Layout {
    fn new(headers: &[String], options: &CsvOptions) -> Result<Self, String> {
        let find = |name: &str| {
            headers
                .iter()
                .position(|h| h.trim().to_lowercase() == name.trim().to_lowercase())
        };
        let columns_list = || {
            headers
                .iter()
                .map(|h| format!("{h:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let missing = |what: &str, name: &str| {
            format!(
                "no column named {name:?} for {what}; the columns are: {}",
                columns_list()
            )
        };
        let case_column = match &options.case_column {
            Some(name) => Some(find(name).ok_or_else(|| missing("the case ids", name))?),
            None => find("case").or_else(|| find("id")),
        };
        let segment_column = match &options.segment_column {
            Some(name) => Some(find(name).ok_or_else(|| missing("the segments", name))?),
            None => find("segment"),
        };
        let touchpoint_columns: Vec<usize> = match &options.touchpoints {
            None => (0..headers.len())
                .filter(|&c| Some(c) != case_column && Some(c) != segment_column)
                .collect(),
            Some(TouchpointColumns::Names(names)) => names
                .iter()
                .map(|name| find(name).ok_or_else(|| missing("a touchpoint", name)))
                .collect::<Result<_, _>>()?,
            Some(TouchpointColumns::Range { first, last }) => {
                if *last > headers.len() {
                    return Err(format!(
                        "touchpoint columns {first}..{last}: the file has only {} columns",
                        headers.len()
                    ));
                }
                (first - 1..*last).collect()
            }
        };
        for &column in &touchpoint_columns {
            if Some(column) == case_column || Some(column) == segment_column {
                return Err(format!(
                    "column {} ({:?}) cannot be both a touchpoint and the case or segment column",
                    column + 1,
                    headers.get(column).map_or("", String::as_str)
                ));
            }
        }
        if touchpoint_columns.is_empty() {
            return Err(
                "no touchpoint columns: the file has only case and segment columns".to_owned(),
            );
        }
        if touchpoint_columns.len() > limits::MAX_TOUCHPOINTS {
            return Err(format!(
                "{} touchpoint columns: at most {} are supported",
                touchpoint_columns.len(),
                limits::MAX_TOUCHPOINTS
            ));
        }
        let mut seen_columns = HashSet::new();
        if let Some(&duplicate) = touchpoint_columns
            .iter()
            .find(|&&c| !seen_columns.insert(c))
        {
            return Err(format!(
                "column {} is named twice as a touchpoint",
                duplicate + 1
            ));
        }
        let touchpoint_names: Vec<String> = touchpoint_columns
            .iter()
            .map(|&c| {
                let name = headers.get(c).map_or("", String::as_str);
                if name.is_empty() {
                    format!("column {}", c + 1)
                } else {
                    name.to_owned()
                }
            })
            .collect();
        let mut taken = HashSet::new();
        let touchpoint_ids = touchpoint_names
            .iter()
            .map(|name| {
                let base = slug(name);
                let base = if base.is_empty() {
                    "touchpoint".to_owned()
                } else {
                    base
                };
                let id = if taken.contains(&base) {
                    (2..)
                        .map(|n| format!("{base}-{n}"))
                        .find(|candidate| !taken.contains(candidate))
                        .unwrap_or(base)
                } else {
                    base
                };
                taken.insert(id.clone());
                id
            })
            .collect();
        Ok(Self {
            case_column,
            segment_column,
            touchpoint_columns,
            touchpoint_names,
            touchpoint_ids,
            default_touchpoints: options.touchpoints.is_none(),
        })
    }
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

/// A stable id from a column name: lower case, letters and digits kept (any script), every
/// other run of characters one `-`; at most 60 characters.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed: String = out.trim_end_matches('-').chars().take(60).collect();
    trimmed.trim_end_matches('-').to_owned()
}

/// A score from one cell: `NaN` for "not experienced", else the value on −5 … +5.
fn parse_score(
    cell: &[u8],
    na: &[&[u8]],
    scale: Option<(f64, f64)>,
    decimal_comma: bool,
) -> Result<f64, String> {
    let cell = cell.trim_ascii();
    if cell.is_empty() || na.contains(&cell) {
        return Ok(f64::NAN);
    }
    let value = match parse_plain_decimal(cell) {
        Some(v) => v,
        None => parse_number_text(cell, decimal_comma)?,
    };
    let (canonical_min, canonical_max) = (-5.0, 5.0);
    match scale {
        Some((min, max)) => {
            if value < min || value > max {
                return Err(format!("outside the scale {min}..{max}"));
            }
            Ok(canonical_min + (value - min) / (max - min) * (canonical_max - canonical_min))
        }
        None if (canonical_min..=canonical_max).contains(&value) => Ok(value),
        None => Err(format!(
            "outside {canonical_min}..{canonical_max} (if the data is on another scale, give \
             --scale MIN..MAX; if a value means \"not applicable\", give --na VALUE)"
        )),
    }
}

/// The general number syntax (exponents, `inf` refused, a decimal comma where allowed).
fn parse_number_text(cell: &[u8], decimal_comma: bool) -> Result<f64, String> {
    let text = std::str::from_utf8(cell).map_err(|_| "not UTF-8".to_owned())?;
    let value = match text.parse::<f64>() {
        Ok(v) => v,
        // "3,5" in a semicolon- or tab-separated European export.
        Err(_) if decimal_comma && text.matches(',').count() == 1 && !text.contains('.') => text
            .replace(',', ".")
            .parse::<f64>()
            .map_err(|_| "not a number".to_owned())?,
        Err(_) => return Err("not a number".to_owned()),
    };
    if value.is_finite() {
        Ok(value)
    } else {
        Err("not a finite number".to_owned())
    }
}

/// Fast path for the cells surveys are made of (`4`, `-1.5`, `+0.25`): at most 15 digits, so
/// the digits are an exact integer and one division by an exact power of ten gives the
/// correctly rounded value, the same bits as `str::parse`. Anything else returns `None`.
fn parse_plain_decimal(cell: &[u8]) -> Option<f64> {
    const POWERS: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let (negative, digits) = match cell.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, cell),
    };
    let mut mantissa: u64 = 0;
    let mut count = 0usize;
    let mut fraction_digits = None;
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                count += 1;
                if let Some(f) = fraction_digits.as_mut() {
                    *f += 1;
                }
            }
            b'.' if fraction_digits.is_none() => fraction_digits = Some(0usize),
            _ => return None,
        }
        if count > 15 {
            return None;
        }
    }
    if count == 0 {
        return None;
    }
    let power = POWERS.get(fraction_digits.unwrap_or(0)).copied()?;
    let magnitude = mantissa as f64 / power;
    Some(if negative { -magnitude } else { magnitude })
}

fn text_of(cell: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(cell)
}

/// The candidate delimiter that occurs most often in the first line outside quotes
/// (`,` wins ties, tab first for a `.tsv`).
fn detect_delimiter(bytes: &[u8], tab_preferred: bool) -> u8 {
    let candidates: &[u8] = if tab_preferred { b"\t,;|" } else { b",;\t|" };
    let mut counts = [0usize; 4];
    let mut quoted = false;
    for &b in bytes {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && (b == b'\n' || b == b'\r') {
            break;
        } else if !quoted
            && let Some(i) = candidates.iter().position(|&c| c == b)
            && let Some(count) = counts.get_mut(i)
        {
            *count += 1;
        }
    }
    let mut best = 0;
    for (i, &count) in counts.iter().enumerate() {
        if count > counts.get(best).copied().unwrap_or(0) {
            best = i;
        }
    }
    candidates.get(best).copied().unwrap_or(b',')
}

/// A first row is a header when one of its cells is not a number where the second row has a
/// number (ids and segments are text in both rows); a lone row is a header if any cell is text.
fn looks_like_header(first: &csv::ByteRecord, second: Option<&csv::ByteRecord>) -> bool {
    let is_number = |cell: &[u8]| {
        std::str::from_utf8(cell.trim_ascii())
            .ok()
            .is_some_and(|t| t.parse::<f64>().is_ok())
    };
    match second {
        Some(second) => first
            .iter()
            .zip(second.iter())
            .any(|(a, b)| !a.trim_ascii().is_empty() && !is_number(a) && is_number(b)),
        None => first
            .iter()
            .any(|a| !a.trim_ascii().is_empty() && !is_number(a)),
    }
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

#[cfg(test)]
mod number_tests {
    use super::parse_plain_decimal;

    #[test]
    fn the_fast_path_gives_the_same_bits_as_str_parse() {
        let mut cases: Vec<String> = [
            "0",
            "-0",
            "5",
            "+3",
            "-4.5",
            "0.1",
            "0.3",
            "-2.25",
            "4.999999",
            ".5",
            "5.",
            "123456789.012345",
            "0.00000000000001",
        ]
        .map(String::from)
        .to_vec();
        for i in -500..=500 {
            cases.push(format!("{:.1}", f64::from(i) / 100.0));
            cases.push(format!("{:.3}", f64::from(i) / 7.0));
        }
        for text in &cases {
            let want: f64 = text.parse().unwrap();
            let got = parse_plain_decimal(text.as_bytes()).unwrap();
            assert_eq!(got.to_bits(), want.to_bits(), "{text}");
        }
        for text in ["", "-", ".", "1e3", "1.2.3", "x", "1234567890123456", "nan"] {
            assert_eq!(parse_plain_decimal(text.as_bytes()), None, "{text}");
        }
    }
}
