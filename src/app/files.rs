//! File operations: opening, importing and saving a journey, and the recovery copy that
//! survives a crash. Nothing here draws or opens a dialog: each operation returns a `Result`
//! whose error is the message to show, and `file_dialogs` shows it, in one place.

use std::path::{Path, PathBuf};

use super::Document;
use crate::io;
use crate::model::Journey;

/// Seconds of unsaved changes after which the recovery copy is written.
pub const AUTOSAVE_SECONDS: f64 = 3.0;

/// What kind of file a path names, by its extension: what opening it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A journey (.ron, or anything not listed below).
    Journey,
    /// A Mermaid diagram: imported as a new journey, saved as .ron.
    Mermaid,
    /// A CSV (or TSV, or a workbook) of cases: imported as a new journey, saved as .ron.
    Csv,
}

impl FileKind {
    pub fn of(path: &Path) -> Self {
        let is = |names: &[&str]| {
            path.extension()
                .is_some_and(|e| names.iter().any(|n| e.eq_ignore_ascii_case(n)))
        };
        if is(&["csv", "tsv", "xlsx", "xlsm", "xls", "xlsb", "ods"]) {
            Self::Csv
        } else if is(&["mmd", "mermaid"]) {
            Self::Mermaid
        } else {
            Self::Journey
        }
    }
}

/// Why a journey or a Mermaid file did not load: the message for the status bar and its
/// located problems (`line:column: message`) for the dialog.
#[derive(Clone, Debug)]
pub struct LoadError {
    pub message: String,
    pub problems: Vec<String>,
}

/// Loads a journey file or a Mermaid diagram as a document (a diagram's is unsaved: it has no
/// journey file yet).
pub fn load(path: &Path) -> Result<Document, LoadError> {
    let mermaid = FileKind::of(path) == FileKind::Mermaid;
    // Stamped before reading: a write in between then shows as a change, never the reverse.
    let disk_stamp = io::DiskStamp::of(path);
    let loaded = if mermaid {
        io::mermaid::load_mermaid(path)
    } else {
        io::load_journey(path)
    };
    match loaded {
        Ok(journey) if mermaid => Ok(Document::unsaved(journey, None)),
        Ok(journey) => {
            let mut doc = Document::new(journey, Some(path.to_path_buf()));
            doc.disk_stamp = disk_stamp;
            Ok(doc)
        }
        Err(error) => Err(LoadError {
            message: error.to_string(),
            problems: error
                .diagnostics
                .iter()
                .map(|d| match d.position {
                    Some((line, column)) => format!("{line}:{column}: {}", d.message),
                    None => d.message.clone(),
                })
                .collect(),
        }),
    }
}

/// Imports a CSV of cases as a new, unsaved document (saved as .ron when the user saves), with
/// the message saying what came in; or the error in the import dialog's words.
pub fn import_csv(path: &Path, options: &io::CsvOptions) -> Result<(Document, String), String> {
    match io::load_csv(path, options) {
        Ok(dataset) => {
            let journey = io::dataset_to_journey(&dataset, &format!("CSV {}", path.display()));
            let message = crate::tr!(
                "file-imported",
                cases = journey.cases.len(),
                touchpoints = journey.touchpoints.len(),
                path = path.display().to_string()
            );
            Ok((Document::unsaved(journey, None), message))
        }
        Err(error) => Err(in_gui_words(&summary(&error.to_string(), 3))),
    }
}

/// The first `lines` lines of a long message and how many more there were.
fn summary(message: &str, lines: usize) -> String {
    let all: Vec<&str> = message.lines().collect();
    if all.len() <= lines {
        return message.to_owned();
    }
    format!(
        "{}\n{}",
        all[..lines].join("\n"),
        crate::tr!("file-more-problems-like", n = all.len() - lines)
    )
}

/// The CSV reader's hints name the command line's options; in the import dialog they are
/// fields.
fn in_gui_words(message: &str) -> String {
    message
        .replace("--scale MIN..MAX", "a Scale (MIN..MAX)")
        .replace("give --na VALUE", "put it under Not applicable")
        .replace(
            "choose them with --touchpoints",
            "choose them under Touchpoints",
        )
}

/// Saves `doc` atomically to `path` (given `.ron` if it has no extension) and marks it saved;
/// returns the path written. A failure keeps the document (and the old file) as they were and
/// returns the message to show.
pub fn save_to(doc: &mut Document, path: PathBuf) -> Result<PathBuf, String> {
    let path = with_ron_extension(path);
    match io::save_journey(&path, doc.journey()) {
        Ok(_saved) => {
            doc.seal();
            doc.mark_saved(path.clone());
            doc.disk_stamp = io::DiskStamp::of(&path);
            Ok(path)
        }
        Err(error) => Err(crate::tr!(
            "file-could-not-save",
            path = path.display().to_string(),
            error = error.to_string()
        )),
    }
}

fn with_ron_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension("ron")
    }
}

/// Where the recovery copy lives. Cloned into each new document so the copy follows the app.
#[derive(Clone, Debug)]
pub struct RecoveryStore {
    /// `None` disables the recovery copy (benchmarks).
    files: Option<io::recovery::RecoveryFiles>,
    written_revision: Option<u64>,
    /// A revision found not to load, so it is checked once, not every frame.
    unloadable_revision: Option<u64>,
    changed_at: Option<(u64, f64)>,
}

/// What a recovery copy holds, to show before the user decides.
#[derive(Clone, Debug)]
pub struct RecoveryInfo {
    pub journey: Journey,
    pub original: Option<PathBuf>,
    pub modified: String,
    /// The copy itself: removed once the user chose, kept if they decide later.
    pub file: PathBuf,
    /// Held while the dialog shows, so another window does not offer the same copy.
    pub lock: io::recovery::CopyLock,
}

impl RecoveryStore {
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        Self {
            files: Some(io::recovery::RecoveryFiles::in_dir(dir)),
            written_revision: None,
            unloadable_revision: None,
            changed_at: None,
        }
    }

    pub fn disabled() -> Self {
        Self {
            files: None,
            written_revision: None,
            unloadable_revision: None,
            changed_at: None,
        }
    }

    /// `$XDG_DATA_HOME/emograph`, else `~/.local/share/emograph`.
    pub fn default_location() -> Self {
        let base = std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")));
        match base {
            Some(base) => Self::in_dir(base.join("emograph")),
            None => Self::disabled(),
        }
    }

    /// Writes the recovery copy once the document has had unsaved changes for a few seconds.
    ///
    /// A journey that would not load (a title cleared to retype it) is not written: the copy
    /// it would replace is the one a crash can still bring back.
    pub fn autosave(&mut self, doc: &Document, now: f64) {
        // Without a recovery folder there is nothing to write; checking first keeps the
        // validation below (the whole journey) from running on every frame.
        if self.files.is_none()
            || !doc.is_dirty()
            || self.written_revision == Some(doc.revision())
            || self.unloadable_revision == Some(doc.revision())
        {
            return;
        }
        let changed_at = match self.changed_at {
            Some((revision, at)) if revision == doc.revision() => at,
            _ => {
                self.changed_at = Some((doc.revision(), now));
                now
            }
        };
        if now - changed_at < AUTOSAVE_SECONDS {
            return;
        }
        if !doc.journey().validate().is_empty() {
            self.unloadable_revision = Some(doc.revision());
            return;
        }
        self.write(doc);
        if self.written_revision != Some(doc.revision()) {
            // The write failed: try again a full interval later, not on every frame.
            self.changed_at = Some((doc.revision(), now));
        }
    }

    /// Writes the recovery copy now.
    pub fn write(&mut self, doc: &Document) {
        let Some(files) = &mut self.files else { return };
        if files.write(doc.journey(), doc.path.as_deref()).is_ok() {
            self.written_revision = Some(doc.revision());
        }
    }

    /// Removes this session's recovery copy (after a save, or once the user decided about it).
    /// A copy left by an earlier session that waits for a decision is not touched.
    pub fn clear(&mut self) {
        if let Some(files) = &self.files {
            files.remove_own();
        }
        self.written_revision = None;
        self.changed_at = None;
    }

    /// The newest recovery copy, to offer, if one is there. From now on this session
    /// autosaves beside it, so choosing "Decide later" loses nothing.
    pub fn offer(&mut self) -> Option<RecoveryInfo> {
        let found = self.files.as_mut().and_then(|files| files.find())?;
        let modified = std::fs::metadata(&found.file)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .map_or_else(String::new, |age| {
                crate::tr!("dialog-minutes-ago", n = age.as_secs() / 60)
            });
        Some(RecoveryInfo {
            journey: found.journey,
            original: found.original,
            modified,
            file: found.file,
            lock: found.lock,
        })
    }
}
