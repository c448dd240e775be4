//! A preview of how a file will be imported, as a spreadsheet's CSV dialog shows one: the first
//! rows as read, which column plays which part, the recognised layout, and the problems found
//! in those rows — computed on a bounded prefix of the file so a 100 MB export previews in
//! milliseconds.
//!
//! The preview runs the import's own steps (header rows, column names, layout, wording) and then
//! the import itself ([`super::parse_csv`]) on the prefix, so what it shows is what the import
//! will do: there is no second parser to drift from the first.

use std::path::Path;

use super::cells::{detect_delimiter, text_of};
use super::headers::{Export, column_names, count_header_rows};
use super::labels::{self, LabelMap};
use super::layout::Layout;
use super::{CsvOptions, detect_wording, parse_csv};
use crate::io::{Diagnostic, LoadError};

/// Rows the preview reads after the header (the import reads them all).
pub const PREVIEW_ROWS: usize = 200;

/// At most this many bytes of a text file are read for a preview.
const PREVIEW_BYTES: usize = 4 * 1024 * 1024;

/// The part a column plays in the import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnRole {
    Case,
    Segment,
    Wave,
    /// The date column whose year and month become the wave.
    WaveDate,
    Outcome,
    Touchpoint,
    /// The touchpoint column of long rows (its values name the touchpoints).
    TouchpointName,
    /// The score column of long rows.
    Score,
    /// Not read (a survey tool's own column, or not named by the options).
    Ignored,
}

impl ColumnRole {
    /// A word for a column heading, in the language in force.
    pub fn describe(self) -> String {
        match self {
            Self::Case => crate::tr!("import-role-case"),
            Self::Segment => crate::tr!("import-role-segment"),
            Self::Wave => crate::tr!("import-role-wave"),
            Self::WaveDate => crate::tr!("import-role-wave-date"),
            Self::Outcome => crate::tr!("import-role-outcome"),
            Self::Touchpoint => crate::tr!("import-role-touchpoint"),
            Self::TouchpointName => crate::tr!("import-role-touchpoint-name"),
            Self::Score => crate::tr!("import-role-score"),
            Self::Ignored => crate::tr!("import-role-ignored"),
        }
    }
}

/// Problems of one column of the previewed rows.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnProblems {
    /// 1-based column, `None` for the file as a whole.
    pub column: Option<usize>,
    /// The column's name, when it has one.
    pub name: String,
    pub count: usize,
    /// The first problem of the column, located (`line:column: message`).
    pub first: String,
}

/// What importing a file will do, judged on its first rows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    /// The layout recognised, in words in the language in force: "a Qualtrics export, 3 header
    /// rows, wide rows (one case per row), fields split by commas"; empty when the file could
    /// not be read that far. Said, not to be read back: what it says is in the fields below.
    pub layout: String,
    /// The text encoding read (named or detected), `None` for a workbook.
    pub encoding: Option<String>,
    /// The sheets of a workbook and the one read (1-based).
    pub sheets: Vec<String>,
    pub sheet: Option<usize>,
    /// The wording of text answers, when one is used.
    pub wording: Option<String>,
    /// The scale scores are read on (`None`: already −5 … +5).
    pub scale: Option<(f64, f64)>,
    pub na: Vec<String>,
    pub header_rows: usize,
    /// Column names and the part each plays.
    pub columns: Vec<(String, ColumnRole)>,
    /// The first data rows as read (cells as text), at most [`PREVIEW_ROWS`].
    pub rows: Vec<Vec<String>>,
    /// Cases the import read from the previewed rows (when they had no problem).
    pub cases: usize,
    /// True when the file has more rows than the preview read.
    pub truncated: bool,
    /// The problems in the previewed rows, grouped by column, most first.
    pub problems: Vec<ColumnProblems>,
}

/// Previews importing `path` with `options`: reads at most a few MB of a text file (a workbook
/// is read whole: its sheets are compressed together) and never fails — what stops the import
/// is listed among the problems.
pub fn preview_file(path: &Path, options: &CsvOptions) -> Preview {
    let bytes = match read_prefix(path) {
        Ok(bytes) => bytes,
        Err(error) => return failed(error),
    };
    let tab_preferred = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"));
    preview_bytes(&bytes, path, options, tab_preferred)
}

/// [`preview_file`] on bytes in memory (the start of a text file, or a whole workbook).
pub fn preview_bytes(
    bytes: &[u8],
    path: &Path,
    options: &CsvOptions,
    tab_preferred: bool,
) -> Preview {
    let mut preview = Preview {
        na: options.na.clone(),
        ..Preview::default()
    };
    let text = if crate::io::workbook::looks_like_workbook(bytes) {
        let sheets = crate::io::workbook::sheet_names(bytes);
        preview.sheet = options
            .sheet
            .as_deref()
            .map_or(Some(0), |wanted| {
                let wanted = wanted.trim();
                sheets
                    .iter()
                    .position(|n| n.to_lowercase() == wanted.to_lowercase())
                    .or_else(|| wanted.parse::<usize>().ok().and_then(|i| i.checked_sub(1)))
            })
            .filter(|&i| i < sheets.len())
            .map(|i| i + 1);
        preview.sheets = sheets;
        match crate::io::workbook::sheet_as_csv(bytes.to_vec(), path, options.sheet.as_deref()) {
            Ok(text) => text,
            Err(error) => return with_problems(preview, &error, &[]),
        }
    } else {
        let encoding = options
            .encoding
            .clone()
            .or_else(|| encoding_rs::Encoding::for_bom(bytes).map(|(e, _)| e.name().to_owned()));
        preview.encoding = Some(encoding.clone().unwrap_or_else(|| "UTF-8".to_owned()));
        match crate::io::text_encoding::to_utf8(bytes, path, encoding.as_deref()) {
            Ok(text) => text.into_owned(),
            Err(error) => return with_problems(preview, &error, &[]),
        }
    };
    let (text, truncated) = first_rows(&text, options.skip_rows + 3 + PREVIEW_ROWS);
    preview.truncated = truncated;
    describe(&mut preview, text, options, tab_preferred);
    let headers: Vec<String> = preview.columns.iter().map(|(n, _)| n.clone()).collect();
    // The import itself, on the previewed rows: its problems are the ones the import will meet.
    match parse_csv(text, path, options, tab_preferred) {
        Ok(dataset) => {
            preview.cases = dataset.case_ids.len();
            if preview.scale.is_none() {
                preview.scale = dataset.journey.scale.source.map(|s| (s.min, s.max));
            }
            preview
        }
        Err(error) => with_problems(preview, &error, &headers),
    }
}

/// The layout, columns and rows of the previewed text, by the import's own steps.
fn describe(preview: &mut Preview, bytes: &[u8], options: &CsvOptions, tab_preferred: bool) {
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
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(after_skipped);
    // A row the csv crate cannot read ends the preview's rows; the import locates it.
    let mut sample: Vec<csv::ByteRecord> = reader
        .byte_records()
        .map_while(Result::ok)
        .take(PREVIEW_ROWS + 3)
        .collect();
    let known: Vec<LabelMap> = options
        .labels
        .iter()
        .cloned()
        .chain(labels::presets())
        .collect();
    let header_rows = options
        .header_rows
        .unwrap_or_else(|| count_header_rows(&sample, decimal_comma, &known))
        .min(sample.len());
    let data = sample.split_off(header_rows);
    let width = sample
        .iter()
        .chain(data.first())
        .map(csv::ByteRecord::len)
        .max()
        .unwrap_or(0);
    let (headers, aliases, export) = if header_rows > 0 {
        column_names(&sample, width)
    } else {
        let names = (1..=width).map(|i| format!("column {i}")).collect();
        (names, Vec::new(), Export::Plain)
    };
    preview.header_rows = header_rows;
    let delimiter_name = match delimiter {
        b',' => crate::tr!("import-split-commas"),
        b';' => crate::tr!("import-split-semicolons"),
        b'\t' => crate::tr!("import-split-tabs"),
        b'|' => crate::tr!("import-split-bars"),
        other => format!("{:?}", char::from(other)),
    };
    let shape = if options.long.is_some() {
        crate::tr!("import-shape-long")
    } else {
        crate::tr!("import-shape-wide")
    };
    preview.layout = crate::tr!(
        "import-layout",
        export = export.describe(),
        rows = crate::tr!("import-header-rows-n", n = header_rows),
        shape = shape,
        delimiter = delimiter_name
    );
    let mut roles = vec![ColumnRole::Ignored; headers.len()];
    let mut set = |column: Option<usize>, role: ColumnRole| {
        if let Some(slot) = column.and_then(|c| roles.get_mut(c)) {
            *slot = role;
        }
    };
    let score_columns: Vec<usize> = if let Some(long) = &options.long {
        let find = |name: &str| {
            headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(name.trim()))
        };
        set(find(&long.case), ColumnRole::Case);
        set(find(&long.touchpoint), ColumnRole::TouchpointName);
        set(find(&long.score), ColumnRole::Score);
        set(
            find(options.segment_column.as_deref().unwrap_or("segment")),
            ColumnRole::Segment,
        );
        set(
            find(options.wave_column.as_deref().unwrap_or("wave")),
            ColumnRole::Wave,
        );
        if let Some(spec) = &options.outcome {
            set(find(&spec.column), ColumnRole::Outcome);
        }
        find(&long.score).into_iter().collect()
    } else if let Ok(layout) = Layout::new(&headers, &aliases, options) {
        for &c in &layout.touchpoint_columns {
            set(Some(c), ColumnRole::Touchpoint);
        }
        set(layout.case_column, ColumnRole::Case);
        set(layout.segment_column, ColumnRole::Segment);
        set(layout.wave_column, ColumnRole::Wave);
        set(layout.wave_date_column, ColumnRole::WaveDate);
        set(layout.outcome_column, ColumnRole::Outcome);
        layout.touchpoint_columns
    } else {
        Vec::new()
    };
    let wording = options
        .labels
        .clone()
        .or_else(|| detect_wording(&data, &score_columns, decimal_comma, &options.na));
    preview.scale = options
        .scale
        .or_else(|| wording.as_ref().and_then(LabelMap::range));
    preview.wording = wording.map(|w| w.name);
    preview.columns = headers.into_iter().zip(roles).collect();
    preview.rows = data
        .iter()
        .map(|row| row.iter().map(|c| text_of(c).trim().to_owned()).collect())
        .collect();
}

/// The text up to the end of its `rows`-th line, and whether there was more.
fn first_rows(text: &[u8], rows: usize) -> (&[u8], bool) {
    let mut seen = 0;
    for (i, &b) in text.iter().enumerate() {
        if b == b'\n' {
            seen += 1;
            if seen == rows {
                let (head, rest) = text.split_at(i + 1);
                return (head, !rest.trim_ascii().is_empty());
            }
        }
    }
    (text, false)
}

/// The first bytes of a text file, cut after its last whole line; a workbook whole (up to the
/// CSV limit).
fn read_prefix(path: &Path) -> Result<Vec<u8>, LoadError> {
    use std::io::Read as _;
    let fail = |message: String| LoadError::single(path, None, message);
    let mut file = std::fs::File::open(path)
        .map_err(|e| fail(crate::tr!("import-cannot-open", error = e.to_string())))?;
    let mut bytes = Vec::new();
    (&mut file)
        .take(PREVIEW_BYTES as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(crate::tr!("import-cannot-read", error = e.to_string())))?;
    if crate::io::workbook::looks_like_workbook(&bytes) {
        return crate::io::read_limited(
            path,
            super::MAX_CSV_BYTES,
            &crate::tr!("import-workbook-too-big-refusal"),
            None,
        );
    }
    if bytes.len() == PREVIEW_BYTES
        && let Some(end) = bytes.iter().rposition(|&b| b == b'\n')
    {
        // UTF-16 little-endian ends a line with `\n` then a zero byte.
        let end = if bytes.starts_with(&[0xFF, 0xFE]) {
            end + 2
        } else {
            end + 1
        };
        bytes.truncate(end.min(bytes.len()));
    }
    Ok(bytes)
}

fn failed(error: LoadError) -> Preview {
    with_problems(Preview::default(), &error, &[])
}

/// The preview with the error's diagnostics grouped by column, most first. The import's
/// "stopped after N problems" summary is dropped: the groups say it.
fn with_problems(mut preview: Preview, error: &LoadError, headers: &[String]) -> Preview {
    let mut groups: Vec<ColumnProblems> = Vec::new();
    for (index, diagnostic) in error.diagnostics.iter().enumerate() {
        if is_stop_summary(&error.diagnostics, index) {
            continue;
        }
        let Diagnostic {
            position, message, ..
        } = diagnostic;
        let column = position.map(|(_, c)| c);
        let located = match position {
            Some((line, c)) => crate::tr!(
                "import-located",
                line = *line,
                column = *c,
                message = message.as_str()
            ),
            None => message.clone(),
        };
        match groups.iter_mut().find(|g| g.column == column) {
            Some(group) => group.count += 1,
            None => groups.push(ColumnProblems {
                column,
                name: column
                    .and_then(|c| headers.get(c.wrapping_sub(1)))
                    .cloned()
                    .unwrap_or_default(),
                count: 1,
                first: located,
            }),
        }
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.count));
    preview.problems = groups;
    preview
}

/// Whether the diagnostic at `index` is the reader's "stopped after N problems" summary: the
/// last one, of the file as a whole, after as many located problems as the reader lists before
/// it gives up (known by its place, not its words, which are in the language in force).
fn is_stop_summary(diagnostics: &[Diagnostic], index: usize) -> bool {
    index + 1 == diagnostics.len()
        && index >= super::MAX_DIAGNOSTICS
        && diagnostics
            .get(index)
            .is_some_and(|diagnostic| diagnostic.position.is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUALTRICS: &str = "StartDate,ResponseId,Q1_1,Q1_2,Q2\n\
        Start Date,Response ID,How satisfied - Wifi,How satisfied - Food,Segment\n\
        {\"ImportId\":\"startDate\"},{\"ImportId\":\"_recordId\"},{\"ImportId\":\"QID1_1\"},{\"ImportId\":\"QID1_2\"},{\"ImportId\":\"QID2\"}\n\
        2026-01-02,R_1,1,5,gold\n\
        2026-01-02,R_2,3,x,gold\n\
        2026-01-03,R_3,4,2,plain\n";

    #[test]
    fn a_qualtrics_export_previews_its_layout_roles_and_located_problems() {
        let options = CsvOptions {
            scale: Some((1.0, 5.0)),
            segment_column: Some("Q2".to_owned()),
            ..CsvOptions::default()
        };
        let preview = preview_bytes(QUALTRICS.as_bytes(), Path::new("q.csv"), &options, false);
        assert!(
            preview
                .layout
                .starts_with("a Qualtrics export, 3 header rows"),
            "{}",
            preview.layout
        );
        let roles: Vec<ColumnRole> = preview.columns.iter().map(|c| c.1).collect();
        assert_eq!(
            roles,
            [
                ColumnRole::Ignored,
                ColumnRole::Case,
                ColumnRole::Touchpoint,
                ColumnRole::Touchpoint,
                ColumnRole::Segment
            ]
        );
        assert_eq!(preview.rows.len(), 3);
        assert_eq!(preview.rows[1][3], "x");
        assert_eq!(preview.problems.len(), 1);
        assert_eq!(preview.problems[0].column, Some(4));
        assert_eq!(preview.problems[0].name, "Food");
        assert!(
            preview.problems[0].first.starts_with("line 5, column 4:"),
            "{:?}",
            preview.problems
        );
        assert_eq!(preview.scale, Some((1.0, 5.0)));
    }

    #[test]
    fn only_the_first_rows_are_read_and_a_clean_prefix_counts_its_cases() {
        let mut text = String::from("case,a,b\n");
        for i in 0..5000 {
            text.push_str(&format!("c{i},1,2\n"));
        }
        let preview = preview_bytes(
            text.as_bytes(),
            Path::new("big.csv"),
            &CsvOptions::default(),
            false,
        );
        assert!(preview.truncated);
        assert!(preview.problems.is_empty(), "{:?}", preview.problems);
        assert!(
            preview.cases >= PREVIEW_ROWS && preview.cases < 300,
            "{}",
            preview.cases
        );
        assert_eq!(preview.encoding.as_deref(), Some("UTF-8"));
    }

    #[test]
    fn an_unreadable_file_is_a_problem_not_a_panic() {
        let preview = preview_file(Path::new("/nonexistent/x.csv"), &CsvOptions::default());
        assert_eq!(preview.problems.len(), 1);
        assert!(preview.problems[0].first.contains("cannot open"));
        let latin = preview_bytes(
            b"case,caf\xe9\nc1,1\n",
            Path::new("l.csv"),
            &CsvOptions::default(),
            false,
        );
        assert!(
            latin.problems[0].first.contains("windows-1252"),
            "{:?}",
            latin.problems
        );
        let named = CsvOptions {
            encoding: Some("windows-1252".to_owned()),
            ..CsvOptions::default()
        };
        let read = preview_bytes(b"case,caf\xe9\nc1,1\n", Path::new("l.csv"), &named, false);
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        assert_eq!(read.columns[1].0, "café");
    }
}
