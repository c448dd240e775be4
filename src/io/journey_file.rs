//! The journey file: one RON document, human-readable and diff-friendly.

use std::io::Read as _;
use std::path::Path;

use serde::Deserialize;

use super::locate::{line_col, locate};
use super::{Diagnostic, LoadError, write_atomic};
use crate::model::{FORMAT_VERSION, Journey};

/// Files larger than this are refused before they are read: a journey of 100 000 cases × 30
/// touchpoints is about 100 MB of RON, so this leaves room while keeping a stray multi-gigabyte
/// file from exhausting memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Reads, migrates and validates a journey file. Every problem found is reported, located.
pub fn load_journey(path: &Path) -> Result<Journey, LoadError> {
    let fail = |message: String| LoadError::single(path, None, message);
    let file = std::fs::File::open(path).map_err(|e| fail(format!("cannot open: {e}")))?;
    let mut bytes = Vec::new();
    // Read at most one byte past the limit: the size on disk may change under us.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(format!(
            "the file is larger than {} MiB; emograph refuses files that big (is it really a journey?)",
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            // The valid prefix is UTF-8 by definition.
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            let (line, col) = line_col(prefix, prefix.len());
            return Err(LoadError::single(
                path,
                Some((line, col)),
                "the file is not UTF-8 text (save it as UTF-8)",
            ));
        }
    };
    parse_journey(text, path)
}

/// Parses journey text; `path` only names the source in messages.
pub fn parse_journey(text: &str, path: &Path) -> Result<Journey, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::single(
            path,
            Some((1, 1)),
            "the file is empty; expected a journey like `(version: 1, title: \"…\", …)`",
        ));
    }
    let options = ron::Options::default();

    // Read the version alone first, so that a file from another version gets a message about
    // versions instead of a confusing complaint about some field that moved.
    #[derive(Deserialize)]
    struct VersionOnly {
        version: Option<u32>,
    }
    // `implicit_some` lets the probe read a plain `version: 1` into its Option.
    let probe = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let version = match probe.from_str::<VersionOnly>(text) {
        Ok(v) => v.version,
        Err(e) => return Err(syntax_error(path, &e)),
    };
    let Some(version) = version else {
        return Err(LoadError::single(
            path,
            Some((1, 1)),
            format!("missing `version: {FORMAT_VERSION},` at the top of the journey"),
        ));
    };
    let journey = match version {
        FORMAT_VERSION => options
            .from_str::<Journey>(text)
            .map_err(|e| syntax_error(path, &e))?,
        newer if newer > FORMAT_VERSION => {
            return Err(LoadError::single(
                path,
                Some(locate(text, &version_path())),
                format!(
                    "this file is format version {newer}, written by a newer emograph; \
                     this one reads versions up to {FORMAT_VERSION}"
                ),
            ));
        }
        older => migrate(text, older, path)?,
    };

    let problems = journey.validate();
    if problems.is_empty() {
        Ok(journey)
    } else {
        Err(LoadError {
            diagnostics: problems
                .into_iter()
                .map(|p| Diagnostic {
                    file: path.to_owned(),
                    position: Some(locate(text, &p.path)),
                    message: p.message,
                })
                .collect(),
        })
    }
}

fn version_path() -> crate::model::ProblemPath {
    crate::model::ProblemPath(vec![crate::model::PathSegment::Field("version")])
}

/// The migration chain: each older format is read into its own types and converted one step up.
/// Version 1 is the first published format, so the chain is empty today; a future version 2
/// adds a `v1 → v2` step here and keeps reading version 1 files.
fn migrate(text: &str, from: u32, path: &Path) -> Result<Journey, LoadError> {
    Err(LoadError::single(
        path,
        Some(locate(text, &version_path())),
        format!("unknown format version {from}; this emograph reads version {FORMAT_VERSION}"),
    ))
}

fn syntax_error(path: &Path, error: &ron::error::SpannedError) -> LoadError {
    let start = error.span.start;
    let message = describe(&error.code);
    LoadError::single(path, Some((start.line.max(1), start.col.max(1))), message)
}

/// RON's messages, phrased for people who edit journey files by hand.
fn describe(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::Eof => "the file ends too early (is it truncated? a bracket or quote may be missing)"
            .to_owned(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "expected a journey in parentheses: `(version: 1, title: \"…\", …)`".to_owned()
        }
        E::NoSuchStructField {
            expected, found, ..
        } => format!(
            "unknown field `{found}`; expected one of: {}",
            expected.join(", ")
        ),
        E::MissingStructField { field, outer } => match outer {
            Some(outer) => format!("missing field `{field}` in {outer}"),
            None => format!("missing field `{field}`"),
        },
        other => other.to_string(),
    }
}

/// The journey as pretty RON: stable order, one item per line, so files diff well.
pub fn to_ron_string(journey: &Journey) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .escape_strings(true);
    let mut text = ron::ser::to_string_pretty(journey, config)?;
    text.push('\n');
    Ok(text)
}

/// Parses RON text produced by [`to_ron_string`] (used by tests and the recovery copy).
pub fn from_ron_str(text: &str) -> Result<Journey, LoadError> {
    parse_journey(text, Path::new("<memory>"))
}

/// Saves atomically: the old file is replaced only once the new one is complete on disk.
pub fn save_journey(path: &Path, journey: &Journey) -> std::io::Result<()> {
    let text = to_ron_string(journey).map_err(std::io::Error::other)?;
    write_atomic(path, |w| w.write_all(text.as_bytes()))
}
