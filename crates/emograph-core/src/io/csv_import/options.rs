//! How a wide CSV of cases is to be read: the options a caller (or the CLI) gives, and the
//! parsers of their command-line spellings (`3..16`, `1..5`).

use std::fmt;
use std::str::FromStr;

use crate::model::limits;

/// How to read a wide CSV of cases. `Default` is the documented automatic behaviour.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CsvOptions {
    /// Header of the case-id column (case-insensitive); default `case`, else `id`, else none
    /// (cases numbered by row).
    pub case_column: Option<String>,
    /// Header of the segment column (case-insensitive); default `segment` if present.
    pub segment_column: Option<String>,
    /// Header of the wave column (case-insensitive): the round of measurement each case belongs
    /// to; default `wave` if present.
    pub wave_column: Option<String>,
    /// The wave of every case of the file (a survey round exported alone), when it has no wave
    /// column.
    pub wave: Option<String>,
    /// Which columns are touchpoints; default every column that is neither the case, the
    /// segment nor the wave column.
    pub touchpoints: Option<TouchpointColumns>,
    /// The range the scores were collected on, mapped linearly onto −5 … +5 (e.g. `(1, 5)`
    /// makes 1 → −5, 3 → 0, 5 → +5). Default: the scores already are on −5 … +5.
    pub scale: Option<(f64, f64)>,
    /// Cell values meaning "not experienced" (compared after trimming), besides an empty cell.
    pub na: Vec<String>,
    /// Field delimiter; default: detected from the first line among `,` `;` tab `|`
    /// (tab for a `.tsv` file when the line is ambiguous).
    pub delimiter: Option<u8>,
    /// How many rows hold column names (0: none); default: detected — a Qualtrics export's three
    /// rows (ids, question text, `{"ImportId":…}`), a SurveyMonkey export's two (question, then
    /// answer labels), else one when the first row is text where the data has scores.
    pub header_rows: Option<usize>,
    /// Rows to drop before the header (a title line, an export banner). Default 0.
    pub skip_rows: usize,
    /// Text answers and the score each stands for on the source scale ("Very dissatisfied" → 1).
    /// Default: none given, and the common English and Hebrew 5- and 7-point satisfaction and
    /// agreement wordings are recognised by themselves.
    pub labels: Option<super::labels::LabelMap>,
    /// The text encoding of the file (an `encoding_rs` label: `windows-1252`, `windows-1255`,
    /// `utf-16le` …). Default: UTF-8, or UTF-16 when the file starts with its byte-order mark.
    pub encoding: Option<String>,
    /// The sheet of a workbook (`.xlsx`, `.xls`, `.ods`), by name or 1-based number; default the
    /// first.
    pub sheet: Option<String>,
    /// Long (tidy) rows, one answer per row: the case, touchpoint and score columns.
    pub long: Option<super::long::LongColumns>,
    /// The outcome column and which of its values are favourable (`Satisfaction=satisfied`,
    /// `Overall>=4`).
    pub outcome: Option<super::outcome::OutcomeSpec>,
    /// A date column (a Google Forms `Timestamp`, a Qualtrics `StartDate`) whose year and month
    /// (`2026-11`) become each case's wave.
    pub wave_date_column: Option<String>,
    /// The touchpoints are attributes, not steps in time (a satisfaction grid): the journey
    /// records it, and analysis leaves out what needs order.
    pub unordered: bool,
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
                return Err(crate::tr!(
                    "import-column-range",
                    text = format!("{trimmed:?}")
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
            return Err(crate::tr!("import-no-touchpoints-named"));
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

/// Parses a scale written `MIN..MAX` (e.g. `1..5`, `0..10`, `-5..5`, or `5..1` reversed).
pub fn parse_scale(text: &str) -> Result<(f64, f64), String> {
    let Some((a, b)) = text.split_once("..") else {
        // `export --scale 2` meant the picture's size before the CSV scale had this name.
        let a_number = text.trim().parse::<f64>().is_ok();
        let text = format!("{text:?}");
        return Err(if a_number {
            crate::tr!("import-scale-form-pixels", text = text)
        } else {
            crate::tr!("import-scale-form", text = text)
        });
    };
    let (Ok(min), Ok(max)) = (a.trim().parse::<f64>(), b.trim().parse::<f64>()) else {
        return Err(crate::tr!(
            "import-scale-numbers",
            text = format!("{text:?}")
        ));
    };
    // MIN above MAX is a reversed scale (5..1: 5 is the worst answer), mapped 5 → −5, 1 → +5.
    if !(min.is_finite() && max.is_finite() && min != max) {
        return Err(crate::tr!(
            "import-scale-differ",
            text = format!("{text:?}")
        ));
    }
    // The same bound the journey reader puts on a source scale, so an import never writes a
    // journey that will not load; it also keeps MAX − MIN finite (−1e308..1e308 would overflow
    // the span to infinity and map every score to −5).
    let bound = limits::MAX_SCALE_MAGNITUDE;
    if min.abs() > bound || max.abs() > bound {
        return Err(crate::tr!(
            "import-scale-bound",
            text = format!("{text:?}"),
            bound = bound.to_string()
        ));
    }
    Ok((min, max))
}
