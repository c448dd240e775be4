//! The app's one dialog at a time and the pieces every dialog is built of: the modal frame,
//! a confirming question, and the typed path with &crate::tr!("dialog-browse"). Views and file dialogs both use
//! these, so they live below both and import neither.

use crate::app::field_id::field_id;
use std::path::PathBuf;

use super::EmographApp;
use super::bidi;
use super::files::RecoveryInfo;
pub use super::import_preview_form::ImportDialog;
use crate::io;

/// A modal dialog, at most one at a time.
// One dialog value lives at a time, in the app: the recovery variant's size costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Default)]
pub enum Dialog {
    #[default]
    None,
    /// Type (or browse for) a path to open.
    Open { path: String, error: Option<String> },
    /// Type (or browse for) a path to save to.
    SaveAs { path: String, error: Option<String> },
    /// The document has unsaved changes and the window is closing.
    ConfirmClose,
    /// The document has unsaved changes and something would replace it.
    ConfirmDiscard(AfterDiscard),
    /// Deleting a touchpoint that cases scored.
    ConfirmDeleteTouchpoint {
        touchpoint_id: String,
        scored_by: usize,
    },
    /// A recovery copy from an earlier session was found.
    Recover(RecoveryInfo),
    /// Saving would overwrite a file that changed on disk since we read or wrote it.
    ConfirmOverwrite(PathBuf),
    /// A CSV or workbook of cases to import, with the options a survey export may need and a
    /// preview of what they do.
    ImportCsv(Box<ImportDialog>),
    /// A journey file did not load: where and why, while what was open stays open.
    OpenFailed(OpenFailure),
    /// Saving would write a file that does not load: what to fix first. Nothing was written.
    CannotSave { problems: Vec<String> },
}

// The CSV options grew with the survey readers (labels, long rows, outcome); one value of
// this enum lives in a dialog at a time, so its size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum AfterDiscard {
    New,
    Open(PathBuf),
    Import(PathBuf, io::CsvOptions),
}

impl Dialog {
    pub fn is_open(&self) -> bool {
        !matches!(self, Self::None)
    }

    pub fn open(app: &EmographApp) -> Self {
        Self::Open {
            path: app
                .doc
                .path
                .as_ref()
                .and_then(|p| p.parent())
                .map(|d| format!("{}/", d.display()))
                .unwrap_or_default(),
            error: None,
        }
    }

    pub fn save_as(app: &EmographApp) -> Self {
        let suggested = app.doc.path.as_ref().map_or_else(
            || format!("{}.ron", slug(&app.journey().title)),
            |p| p.display().to_string(),
        );
        Self::SaveAs {
            path: suggested,
            error: None,
        }
    }
}

fn slug(title: &str) -> String {
    let s: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if s.is_empty() {
        "journey".to_owned()
    } else {
        s
    }
}

/// A file that failed to open, and its located problems (`line:column: message`).
#[derive(Clone, Debug)]
pub struct OpenFailure {
    pub file: PathBuf,
    pub problems: Vec<String>,
    /// At start there was nothing open to keep: the app shows a new, empty journey instead.
    pub started_empty: bool,
}

/// A modal dialog of the app's width; returns whether the user dismissed it (Esc, a click
/// outside).
pub(super) fn modal(ctx: &egui::Context, id: &str, content: impl FnOnce(&mut egui::Ui)) -> bool {
    egui::Modal::new(egui::Id::unique(id))
        .show(ctx, |ui| {
            ui.set_max_width(520.0);
            // A Hebrew interface's dialog reads from the right, its lines against the right
            // edge.
            crate::app::panels::side::column(ui, content);
        })
        .should_close()
}

/// A question with a heading, a sentence and answers: `answers` draws the buttons and sets the
/// dialog that follows (a Cancel button is added); until an answer or Esc, `keep` stays open.
pub(super) fn confirm(
    ctx: &egui::Context,
    id: &str,
    heading: &str,
    body: &str,
    keep: Dialog,
    answers: impl FnOnce(&mut egui::Ui, &mut Dialog),
) -> Dialog {
    let mut next = keep;
    let escaped = modal(ctx, id, |ui| {
        bidi::label(ui, egui::RichText::new(heading).heading());
        bidi::label(ui, body);
        crate::app::panels::side::line(ui, |ui| {
            answers(ui, &mut next);
            if ui.button(crate::tr!("dialog-cancel")).clicked() {
                next = Dialog::None;
            }
        });
    });
    if escaped { Dialog::None } else { next }
}

/// What &crate::tr!("dialog-browse") beside a typed path asks the system for: a file to open or a place to save,
/// with a filter name and its extensions.
pub enum PathBrowse<'a> {
    Open(&'a str, &'a [&'a str]),
    Save(&'a str, &'a [&'a str]),
}

/// A typed path with &crate::tr!("dialog-browse") beside it. The typed path always works; the native dialog is a
/// convenience that returns nothing where no desktop portal runs. Returns true when the user
/// pressed Enter in the field.
pub fn path_row_ui(
    ui: &mut egui::Ui,
    label: &str,
    path: &mut String,
    browse: PathBrowse<'_>,
) -> bool {
    crate::app::panels::side::line(ui, |ui| {
        let id = field_id("dialog-path", label);
        let label = bidi::label(ui, label);
        let edit = ui
            .add(egui::TextEdit::singleline(path).id(id).desired_width(360.0))
            .labelled_by(label.id);
        let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button(crate::tr!("dialog-browse")).clicked() {
            let picked = match browse {
                PathBrowse::Open(name, extensions) => rfd::FileDialog::new()
                    .add_filter(name, extensions)
                    .pick_file(),
                PathBrowse::Save(name, extensions) => rfd::FileDialog::new()
                    .add_filter(name, extensions)
                    .save_file(),
            };
            if let Some(picked) = picked {
                *path = picked.display().to_string();
            }
        }
        entered
    })
}
