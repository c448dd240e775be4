//! When a journey file is the problem: one that did not open, and one that would not open
//! again if it were saved. Both dialogs list what is wrong, located and in words, and both
//! leave the open journey as it was.

use super::EmographApp;
use super::bidi;
use super::dialogs::{Dialog, OpenFailure, modal};

/// At most this many problems are listed in a dialog; the rest are counted.
const MAX_LISTED_PROBLEMS: usize = 12;

/// Runs the reader's own checks before anything is written: a saved file always loads. When
/// it would not, says what to fix (a dialog, and the status bar) and returns false.
pub(super) fn saveable(app: &mut EmographApp) -> bool {
    let problems = crate::session::save_problems(app.doc.journey());
    let Some(first) = problems.first() else {
        return true;
    };
    let status = match problems.len() {
        1 => crate::tr!("file-not-saved", first = first.as_str()),
        n => crate::tr!("file-not-saved-more", first = first.as_str(), more = n - 1),
    };
    app.set_status(status, true);
    app.dialog = Dialog::CannotSave { problems };
    false
}

/// Lists `problems`, at most [`MAX_LISTED_PROBLEMS`] of them, and counts the rest.
fn problems_ui(ui: &mut egui::Ui, problems: &[String]) {
    egui::ScrollArea::vertical()
        .max_height(240.0)
        .show(ui, |ui| {
            for problem in problems.iter().take(MAX_LISTED_PROBLEMS) {
                bidi::label(
                    ui,
                    egui::RichText::new(problem).color(ui.visuals().error_fg_color),
                );
            }
            if problems.len() > MAX_LISTED_PROBLEMS {
                bidi::label(
                    ui,
                    crate::tr!(
                        "file-more-problems",
                        n = problems.len() - MAX_LISTED_PROBLEMS
                    ),
                );
            }
        });
}

pub(super) fn open_failed_ui(ctx: &egui::Context, failure: OpenFailure) -> Dialog {
    let mut closed = false;
    let escaped = modal(ctx, "open_failed", |ui| {
        let name = failure.file.file_name().map_or_else(
            || failure.file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        bidi::label(
            ui,
            egui::RichText::new(crate::tr!("file-could-not-open", name = name.as_str())).heading(),
        );
        bidi::label(ui, failure.file.display().to_string());
        problems_ui(ui, &failure.problems);
        bidi::label(
            ui,
            if failure.started_empty {
                crate::tr!("file-started-empty")
            } else {
                crate::tr!("file-open-stays")
            },
        );
        closed = ui.button(crate::tr!("dialog-ok")).clicked();
    });
    if closed || escaped {
        Dialog::None
    } else {
        Dialog::OpenFailed(failure)
    }
}

pub(super) fn cannot_save_ui(ctx: &egui::Context, problems: Vec<String>) -> Dialog {
    let mut closed = false;
    let escaped = modal(ctx, "cannot_save", |ui| {
        bidi::label(
            ui,
            egui::RichText::new(crate::tr!("file-nothing-saved")).heading(),
        );
        bidi::label(ui, crate::tr!("file-would-not-open"));
        problems_ui(ui, &problems);
        bidi::label(ui, crate::tr!("file-still-open"));
        closed = ui.button(crate::tr!("dialog-ok")).clicked();
    });
    if closed || escaped {
        Dialog::None
    } else {
        Dialog::CannotSave { problems }
    }
}
