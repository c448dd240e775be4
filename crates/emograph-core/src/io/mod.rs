//! Reading and writing journeys: RON journey files, and (elsewhere in this module) imports.
//!
//! Every error here is *located*: it names the file, and the line and column (or the CSV row and
//! column) where the problem sits, so a user can go straight to it.

#![warn(clippy::indexing_slicing)]

mod atomic;
mod csv_import;
mod duplicates;
mod journey_dataset;
mod journey_file;
mod journey_v2;
mod journey_v2_lines;
pub mod locate;
pub mod mermaid;
pub mod progress;
pub mod recovery;
mod save;
mod stamp;
mod text_encoding;
mod workbook;

pub use atomic::{WriteError, Written, replace_file, write_atomic, write_atomic_bytes};
pub use csv_import::labels::LabelMap;
pub use csv_import::long::LongColumns;
pub use csv_import::outcome::OutcomeSpec;
pub use csv_import::preview;
pub use csv_import::{
    CsvOptions, MAX_CSV_BYTES, Mismatch, TouchpointColumns, add_cases_into, dataset_to_journey,
    load_csv, parse_csv, parse_scale,
};
pub use journey_dataset::{load_journey_dataset, load_scores, parse_journey_dataset};
pub use journey_file::{
    MAX_FILE_BYTES, MAX_NESTING, from_ron_str, load_journey, parse_journey, parse_journey_bytes,
    to_ron_string, write_journey,
};
pub use save::{SaveError, Saved, save_dataset, save_journey};
pub use stamp::{DiskStamp, changed_on_disk};

use std::fmt;
use std::path::PathBuf;

/// One located message about an input file: `FILE:LINE:COL: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    /// One-based line and column; `None` when the problem is the file as a whole.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, col)) => {
                write!(f, "{}:{line}:{col}: {}", self.file.display(), self.message)
            }
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

/// Why a file could not be loaded: one or more located diagnostics.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    pub fn single(
        file: impl Into<PathBuf>,
        position: Option<(usize, usize)>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            diagnostics: vec![Diagnostic {
                file: file.into(),
                position,
                message: message.into(),
            }],
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

/// Loads the cases a data verb analyses: a `.csv` or `.tsv` is read straight into the dense
/// matrix with `csv_options`; any other file is read as a RON journey (`csv_options` unused).
pub fn load_dataset(
    path: &std::path::Path,
    csv_options: &CsvOptions,
) -> Result<crate::analysis::Dataset, LoadError> {
    if path.as_os_str() == "-" {
        return load_stdin(csv_options);
    }
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "csv" | "tsv" | "txt" | "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => {
            load_csv(path, csv_options)
        }
        "mmd" | "mermaid" => {
            mermaid::load_mermaid(path).map(crate::analysis::Dataset::from_journey)
        }
        _ => load_journey(path).map(crate::analysis::Dataset::from_journey),
    }
}

/// The cases on standard input (`-`): a journey when the text starts like RON (`(`), a
/// workbook by its first bytes, else a CSV. Messages name it `<stdin>`.
fn load_stdin(csv_options: &CsvOptions) -> Result<crate::analysis::Dataset, LoadError> {
    use std::io::Read as _;
    let path = std::path::Path::new("<stdin>");
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(MAX_CSV_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            LoadError::single(
                path,
                None,
                crate::tr!("read-cannot-read", reason = e.to_string()),
            )
        })?;
    if bytes.len() as u64 > MAX_CSV_BYTES {
        return Err(LoadError::single(
            path,
            None,
            crate::tr!("read-stdin-too-big", mib = MAX_CSV_BYTES / (1024 * 1024)),
        ));
    }
    let text_start = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&bytes)
        .trim_ascii_start();
    if text_start.starts_with(b"(") || text_start.starts_with(b"#![enable") {
        return parse_journey_bytes(&bytes, path).map(crate::analysis::Dataset::from_journey);
    }
    parse_csv(&bytes, path, csv_options, false)
}

/// Reads a file of at most `limit` bytes. A bigger one is refused before it fills memory, with
/// "the file is larger than N MiB; `refusal`" at `position`. One byte past the limit is read:
/// the size on disk may change under us.
pub(crate) fn read_limited(
    path: &std::path::Path,
    limit: u64,
    refusal: &str,
    position: Option<(usize, usize)>,
) -> Result<Vec<u8>, LoadError> {
    use std::io::Read as _;
    let fail = |message: String| LoadError::single(path, None, message);
    let file = std::fs::File::open(path)
        .map_err(|e| fail(crate::tr!("read-cannot-open", reason = e.to_string())))?;
    let cannot_read =
        |e: std::io::Error| fail(crate::tr!("read-cannot-read", reason = e.to_string()));
    // Sized by the file as it is now, so reading does not double the buffer past it.
    let size = file.metadata().map_or(0, |m| m.len()).min(limit);
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    let mut file = file.take(limit + 1);
    match progress::current() {
        None => {
            file.read_to_end(&mut bytes).map_err(cannot_read)?;
        }
        // A watched load reads a megabyte at a time and says so; reading is half of its work
        // (its case lines, `journey_v2_lines`, the other half).
        Some(progress) => {
            progress.add_total(size.saturating_mul(2));
            loop {
                let read = (&mut file)
                    .take(1 << 20)
                    .read_to_end(&mut bytes)
                    .map_err(cannot_read)?;
                progress.add_done(read as u64);
                if read == 0 {
                    break;
                }
            }
        }
    }
    if bytes.len() as u64 > limit {
        return Err(LoadError::single(
            path,
            position,
            crate::tr!(
                "read-too-big",
                mib = limit / (1024 * 1024),
                refusal = refusal
            ),
        ));
    }
    Ok(bytes)
}

/// The bytes as text, or "the file is not UTF-8 text (`advice`)" at the first byte that is not,
/// so a file saved as Latin-1 or UTF-16 gets a located message.
pub(crate) fn utf8_or_located<'b>(
    bytes: &'b [u8],
    path: &std::path::Path,
    advice: &str,
) -> Result<&'b str, LoadError> {
    std::str::from_utf8(bytes).map_err(|e| {
        // The valid prefix is UTF-8 by definition.
        let prefix = bytes
            .get(..e.valid_up_to())
            .and_then(|valid| std::str::from_utf8(valid).ok())
            .unwrap_or_default();
        LoadError::single(
            path,
            Some(locate::line_col(prefix, prefix.len())),
            crate::tr!("read-not-utf8", advice = advice),
        )
    })
}

/// `text` without the marks that isolate its placeables, for tests that read its words.
#[cfg(test)]
pub(crate) fn without_marks(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
        .collect()
}

/// `text` without what is in double quotes or backticks (names, values and code, which a
/// message quotes as they are written): what is left is the message's own words.
#[cfg(test)]
pub(crate) fn outside_quotes(text: &str) -> String {
    let mut plain = String::new();
    let mut inside: Option<char> = None;
    for c in text.chars() {
        match inside {
            Some(close) if c == close => inside = None,
            Some(_) => {}
            None if c == '`' || c == '"' => inside = Some(c),
            None => plain.push(c),
        }
    }
    plain
}

/// The English words left in `text` once `args` (the names and paths put into it), code in
/// backticks, text in double quotes and the names no language translates are taken out: what
/// a Hebrew message must not have.
#[cfg(test)]
pub(crate) fn english_words(text: &str, args: &[&str]) -> Vec<String> {
    const NAMES: [&str; 10] = [
        "emograph", "Mermaid", "MiB", "UTF", "YAML", "CSV", "front", "matter", "accDescr", "None",
    ];
    let mut text = without_marks(text);
    for arg in args {
        text = text.replace(arg, " ");
    }
    let plain = outside_quotes(&text);
    plain
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| word.len() > 1 && !NAMES.contains(word))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, with_language};

    #[test]
    fn a_file_too_big_or_not_utf8_is_refused_in_hebrew() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.ron");
        std::fs::write(&path, vec![b' '; 3 * 1024 * 1024]).unwrap();
        let (too_big, not_utf8, missing) = with_language(Lang::Hebrew, || {
            let refusal = crate::tr!("read-too-big-refusal");
            let too_big = super::read_limited(&path, 2 * 1024 * 1024, &refusal, Some((1, 1)));
            let advice = crate::tr!("read-save-as-utf8");
            let not_utf8 = super::utf8_or_located(b"ok\ncaf\xe9", &path, &advice);
            let missing = super::read_limited(&dir.path().join("none"), 10, &refusal, None);
            (
                too_big.unwrap_err(),
                not_utf8.unwrap_err(),
                missing.unwrap_err(),
            )
        });
        let message = &too_big.diagnostics[0].message;
        assert!(
            message.contains("הקובץ גדול מ־") && message.contains("2"),
            "{message}"
        );
        assert!(message.contains("האם זה באמת מסע"), "{message}");
        assert_eq!(
            super::english_words(message, &[]),
            Vec::<String>::new(),
            "{message}"
        );
        let diagnostic = &not_utf8.diagnostics[0];
        assert_eq!(diagnostic.position, Some((2, 4)));
        assert!(
            diagnostic.message.contains("אינו טקסט UTF-8"),
            "{diagnostic}"
        );
        assert!(diagnostic.message.contains("שמרו אותו"), "{diagnostic}");
        assert_eq!(
            super::english_words(&diagnostic.message, &[]),
            Vec::<String>::new()
        );
        // The system's own reason stays the system's; the words around it are ours.
        let message = &missing.diagnostics[0].message;
        assert!(message.starts_with("לא ניתן לפתוח את הקובץ: "), "{message}");
    }
}
