//! The import dialog's state: the fields as typed, the options they say, and the preview of
//! what those options do, computed on the file's first rows (4 MB and 200 rows at most, so at
//! once for a text file of any size; on a thread for a workbook, which is inflated whole) so
//! typing stays responsive. Drawn by `import_preview`; held by the one open `Dialog`.

use std::path::PathBuf;
use std::sync::mpsc;

use crate::io;
use crate::io::preview::Preview;

/// The import dialog's fields, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportForm {
    pub path: String,
    /// `MIN..MAX` of the survey's scale; empty: the scores already are on −5 … +5 (or the
    /// wording of text answers says).
    pub scale: String,
    /// Values meaning "not applicable", comma-separated (empty cells always are).
    pub na: String,
    /// Touchpoint columns: names `A,B,C` or a range of column numbers `10..23`; empty: all.
    pub touchpoints: String,
    pub case_column: String,
    pub segment_column: String,
    /// How many rows are header; empty: detected.
    pub header_rows: String,
    /// An encoding label (`windows-1252`); empty: UTF-8 (or UTF-16 by its byte-order mark).
    pub encoding: String,
    /// A workbook's sheet, by name or number; empty: the first.
    pub sheet: String,
    /// `CASE,TOUCHPOINT,SCORE` for long rows; empty: one case per row.
    pub long: String,
    /// `Column=favourable|values` or `Column>=4`; empty: none.
    pub outcome: String,
    /// The touchpoints are attributes, not steps in time.
    pub unordered: bool,
}

impl ImportForm {
    /// The options the fields say, or what is wrong with them.
    pub fn options(&self) -> Result<io::CsvOptions, String> {
        let text = |field: &str| Some(field.trim().to_owned()).filter(|t| !t.is_empty());
        let scale = text(&self.scale).map(|t| io::parse_scale(&t)).transpose()?;
        let touchpoints = text(&self.touchpoints)
            .map(|t| t.parse::<io::TouchpointColumns>())
            .transpose()?;
        let header_rows = text(&self.header_rows)
            .map(|t| {
                t.parse::<usize>()
                    .map_err(|_| crate::tr!("import-header-rows-bad", text = format!("{t:?}")))
            })
            .transpose()?;
        let long = text(&self.long)
            .map(|t| t.parse::<io::LongColumns>())
            .transpose()?;
        let outcome = text(&self.outcome)
            .map(|t| t.parse::<io::OutcomeSpec>())
            .transpose()?;
        let na = self
            .na
            .split(',')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
            .collect();
        Ok(io::CsvOptions {
            scale,
            touchpoints,
            na,
            case_column: text(&self.case_column),
            segment_column: text(&self.segment_column),
            header_rows,
            encoding: text(&self.encoding),
            sheet: text(&self.sheet),
            long,
            outcome,
            unordered: self.unordered,
            ..io::CsvOptions::default()
        })
    }
}

/// The dialog: the form, the preview shown, and the one being computed.
#[derive(Default)]
pub struct ImportDialog {
    pub form: ImportForm,
    /// Why the last Import failed (or why the file opened here), in the dialog's words.
    pub error: Option<String>,
    shown: Option<(ImportForm, Preview)>,
    pending: Option<(ImportForm, mpsc::Receiver<Preview>)>,
}

impl ImportDialog {
    /// The dialog on `path` (may be empty), with what went wrong opening it.
    pub fn new(path: &str, error: Option<String>) -> Box<Self> {
        Box::new(Self {
            form: ImportForm {
                path: path.to_owned(),
                ..ImportForm::default()
            },
            error,
            ..Self::default()
        })
    }

    /// Starts computing the preview when the form changed since the last one asked for, and
    /// takes a finished one. A result for an older form is shown until the newer one arrives.
    pub fn refresh(&mut self, ctx: &egui::Context) {
        if let Some((form, receiver)) = &self.pending
            && let Ok(preview) = receiver.try_recv()
        {
            self.shown = Some((form.clone(), preview));
            self.pending = None;
        }
        let asked = self
            .pending
            .as_ref()
            .map(|(f, _)| f)
            .or(self.shown.as_ref().map(|(f, _)| f));
        if asked == Some(&self.form) || self.form.path.trim().is_empty() {
            return;
        }
        let Ok(options) = self.form.options() else {
            return;
        };
        let path = PathBuf::from(self.form.path.trim());
        if !is_workbook(&path) {
            // A text file is previewed from its first 4 MB and 200 rows: milliseconds, so the
            // preview follows each key at once.
            self.shown = Some((
                self.form.clone(),
                io::preview::preview_file(&path, &options),
            ));
            self.pending = None;
            return;
        }
        // A workbook is inflated whole (its sheets are compressed together): on a thread.
        let (sender, receiver) = mpsc::channel();
        let repaint = ctx.clone();
        // The preview's notes and problems in the dialog's language.
        std::thread::spawn(crate::i18n::in_this_language(move || {
            // The dialog may be gone by now: then nobody listens, and that is fine.
            let _ = sender.send(io::preview::preview_file(&path, &options));
            repaint.request_repaint();
        }));
        self.pending = Some((self.form.clone(), receiver));
    }
}

/// A workbook by its name: read whole, so previewed on a thread.
fn is_workbook(path: &std::path::Path) -> bool {
    path.extension().is_some_and(|e| {
        ["xlsx", "xlsm", "xls", "xlsb", "ods"]
            .iter()
            .any(|w| e.eq_ignore_ascii_case(w))
    })
}

impl ImportDialog {
    /// The newest preview computed, and the form it was computed for.
    pub fn shown(&self) -> Option<&(ImportForm, Preview)> {
        self.shown.as_ref()
    }

    /// True while a preview is being computed.
    pub fn is_pending(&self) -> bool {
        self.pending.is_some()
    }
}
