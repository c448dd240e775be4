//! The file dialogs (open, save as, import, recover, the confirmations before work is lost)
//! and the one place where what a file operation returned is shown: in the status bar, or as
//! the dialog that follows.

use std::path::{Path, PathBuf};

use super::bidi;
use super::dialogs::{
    AfterDiscard, Dialog, ImportDialog, OpenFailure, PathBrowse, confirm, modal, path_row_ui,
};
use super::file_problems;
use super::files::{self, RecoveryInfo};
use super::{Document, EmographApp};
use crate::io;

/// Opens a journey file; on failure the current document stays open and the located error is
/// shown. Returns whether it opened.
pub fn open_path(app: &mut EmographApp, path: &Path) -> bool {
    // A CSV of cases is imported with the detected options (Import CSV… offers the others).
    if files::FileKind::of(path) == files::FileKind::Csv {
        if import_csv(app, path, &io::CsvOptions::default()) {
            return true;
        }
        // Most survey exports need an option or two: offer them, with what went wrong.
        let error = app.status.as_ref().map(|s| s.text.clone());
        app.dialog = Dialog::ImportCsv(ImportDialog::new(&path.display().to_string(), error));
        return false;
    }
    if super::opening::in_background(app, path) {
        // A survey-sized journey: the window keeps drawing, with a progress bar, until it is in.
        app.opening = Some(super::opening::Opening::start(path));
        app.set_status(
            crate::tr!("status-opening", path = path.display().to_string()),
            false,
        );
        return true;
    }
    opened(app, path, files::load(path), false)
}

/// Shows what opening `path` gave: the journey, or the failure with the current document kept
/// (`at_start`: there was none of the user's, so an empty journey under the dialog). Returns
/// whether it opened.
pub fn opened(
    app: &mut EmographApp,
    path: &Path,
    loaded: Result<Document, files::LoadError>,
    at_start: bool,
) -> bool {
    match loaded {
        Ok(doc) => {
            app.replace_document(doc, true);
            app.remember_recent(path);
            app.set_status(
                crate::tr!("status-opened", path = path.display().to_string()),
                false,
            );
            true
        }
        Err(error) => {
            if at_start {
                app.replace_document(Document::new(crate::model::Journey::default(), None), false);
            }
            app.set_status(error.message, true);
            app.dialog = Dialog::OpenFailed(OpenFailure {
                file: path.to_path_buf(),
                problems: error.problems,
                started_empty: at_start,
            });
            false
        }
    }
}

/// Imports a CSV of cases as a new, unsaved journey; on failure the current document stays
/// open and the error is shown.
pub fn import_csv(app: &mut EmographApp, path: &Path, options: &io::CsvOptions) -> bool {
    match files::import_csv(path, options) {
        Ok((doc, message)) => {
            app.replace_document(doc, true);
            app.set_status(message, false);
            true
        }
        Err(message) => {
            app.set_status(message, true);
            false
        }
    }
}

/// Saves to the document's path, or asks for one. If another window (or person) saved that file
/// since we read it, asks before overwriting their work.
pub fn save(app: &mut EmographApp) -> bool {
    if !file_problems::saveable(app) {
        return false;
    }
    match app.doc.path.clone() {
        Some(path) if io::changed_on_disk(&path, app.doc.disk_stamp) => {
            app.dialog = Dialog::ConfirmOverwrite(path);
            false
        }
        Some(path) => save_to(app, path),
        None => {
            app.dialog = Dialog::save_as(app);
            false
        }
    }
}

/// Saves atomically and says so; a failure keeps the document (and the old file) as they were.
pub fn save_to(app: &mut EmographApp, path: PathBuf) -> bool {
    if !file_problems::saveable(app) {
        return false;
    }
    match files::save_to(&mut app.doc, path) {
        Ok(path) => {
            app.recovery.clear();
            app.remember_recent(&path);
            app.set_status(
                crate::tr!("status-saved", path = path.display().to_string()),
                false,
            );
            true
        }
        Err(message) => {
            app.set_status(message, true);
            false
        }
    }
}

/// Shows the current dialog, if any.
pub fn dialogs_ui(app: &mut EmographApp, ctx: &egui::Context) {
    let dialog = std::mem::take(&mut app.dialog);
    let next = match dialog {
        Dialog::None => Dialog::None,
        Dialog::Open { path, error } => open_dialog_ui(app, ctx, path, error),
        Dialog::SaveAs { path, error } => save_as_dialog_ui(app, ctx, path, error),
        Dialog::ConfirmClose => confirm_close_ui(app, ctx),
        Dialog::ConfirmDiscard(after) => confirm_discard_ui(app, ctx, after),
        Dialog::ConfirmDeleteTouchpoint {
            touchpoint_id,
            scored_by,
        } => confirm_delete_touchpoint_ui(app, ctx, touchpoint_id, scored_by),
        Dialog::Recover(info) => recover_ui(app, ctx, info),
        Dialog::ConfirmOverwrite(path) => confirm_overwrite_ui(app, ctx, path),
        Dialog::ImportCsv(dialog) => super::import_preview::import_dialog_ui(app, ctx, dialog),
        Dialog::OpenFailed(failure) => file_problems::open_failed_ui(ctx, failure),
        Dialog::CannotSave { problems } => file_problems::cannot_save_ui(ctx, problems),
    };
    // A dialog opened by this one's buttons (Save → "file changed", Save → Save as) wins.
    if !app.dialog.is_open() {
        app.dialog = next;
    }
}

fn confirm_overwrite_ui(app: &mut EmographApp, ctx: &egui::Context, path: PathBuf) -> Dialog {
    let body = format!(
        "{} changed on disk since you opened it (another emograph window or someone else saved \
         it). Overwriting replaces their version with yours.",
        path.display()
    );
    let keep = Dialog::ConfirmOverwrite(path.clone());
    confirm(
        ctx,
        "confirm_overwrite",
        &crate::tr!("dialog-file-changed"),
        &body,
        keep,
        |ui, next| {
            if ui.button(crate::tr!("dialog-overwrite")).clicked() {
                *next = Dialog::None;
                save_to(app, path.clone());
            }
            if ui.button(crate::tr!("menu-save-as")).clicked() {
                *next = Dialog::save_as(app);
            }
        },
    )
}

fn open_dialog_ui(
    app: &mut EmographApp,
    ctx: &egui::Context,
    mut path: String,
    mut error: Option<String>,
) -> Dialog {
    let mut result = None;
    let escaped = modal(ctx, "open_dialog", |ui| {
        crate::app::bidi::label(
            ui,
            egui::RichText::new(crate::tr!("dialog-open-journey")).heading(),
        );
        let filter = crate::tr!("dialog-open-filter");
        let browse = PathBrowse::Open(&filter, &["ron", "mmd", "csv", "tsv"]);
        if path_row_ui(ui, &crate::tr!("dialog-path"), &mut path, browse) {
            result = Some(PathBuf::from(path.trim()));
        }
        if !app.prefs.recent.is_empty() {
            crate::app::bidi::label(ui, crate::tr!("dialog-recent"));
            for recent in app.prefs.recent.clone() {
                if ui
                    .link(bidi::text(ui, recent.display().to_string()))
                    .clicked()
                {
                    result = Some(recent);
                }
            }
        }
        if let Some(error) = &error {
            bidi::label(
                ui,
                egui::RichText::new(error).color(ui.visuals().error_fg_color),
            );
        }
        crate::app::panels::side::line(ui, |ui| {
            if ui.button(crate::tr!("dialog-open")).clicked() {
                result = Some(PathBuf::from(path.trim()));
            }
            if ui.button(crate::tr!("dialog-cancel")).clicked() {
                result = Some(PathBuf::new());
            }
        });
    });
    match result {
        Some(p) if p.as_os_str().is_empty() => Dialog::None,
        Some(p) if app.doc.is_dirty() => Dialog::ConfirmDiscard(AfterDiscard::Open(p)),
        Some(p) => {
            if open_path(app, &p) {
                Dialog::None
            } else {
                error = app.status.as_ref().map(|s| s.text.clone());
                Dialog::Open { path, error }
            }
        }
        None if escaped => Dialog::None,
        None => Dialog::Open { path, error },
    }
}

fn save_as_dialog_ui(
    app: &mut EmographApp,
    ctx: &egui::Context,
    mut path: String,
    mut error: Option<String>,
) -> Dialog {
    let mut chosen = None;
    let mut cancelled = false;
    let escaped = modal(ctx, "save_as_dialog", |ui| {
        crate::app::bidi::label(
            ui,
            egui::RichText::new(crate::tr!("dialog-save-journey-as")).heading(),
        );
        let filter = crate::tr!("dialog-save-filter");
        if path_row_ui(
            ui,
            &crate::tr!("dialog-path"),
            &mut path,
            PathBrowse::Save(&filter, &["ron"]),
        ) {
            chosen = Some(PathBuf::from(path.trim()));
        }
        if let Some(error) = &error {
            bidi::label(
                ui,
                egui::RichText::new(error).color(ui.visuals().error_fg_color),
            );
        }
        crate::app::panels::side::line(ui, |ui| {
            if ui.button(crate::tr!("menu-save")).clicked() {
                chosen = Some(PathBuf::from(path.trim()));
            }
            if ui.button(crate::tr!("dialog-cancel")).clicked() {
                cancelled = true;
            }
        });
    });
    if cancelled || (escaped && chosen.is_none()) {
        return Dialog::None;
    }
    match chosen {
        Some(p) if p.as_os_str().is_empty() => Dialog::SaveAs {
            path,
            error: Some(crate::tr!("export-type-path")),
        },
        Some(p) => {
            if save_to(app, p) {
                Dialog::None
            } else {
                error = app.status.as_ref().map(|s| s.text.clone());
                Dialog::SaveAs { path, error }
            }
        }
        None => Dialog::SaveAs { path, error },
    }
}

fn confirm_close_ui(app: &mut EmographApp, ctx: &egui::Context) -> Dialog {
    let body = &crate::tr!("dialog-unsaved-body");
    let keep = Dialog::ConfirmClose;
    confirm(
        ctx,
        "confirm_close",
        &crate::tr!("dialog-save-before-closing"),
        body,
        keep,
        |ui, next| {
            if ui.button(crate::tr!("dialog-save-and-close")).clicked() && app.save() {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                *next = Dialog::None;
            }
            if ui
                .button(crate::tr!("dialog-close-without-saving"))
                .clicked()
            {
                app.close_confirmed = true;
                app.recovery.clear();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                *next = Dialog::None;
            }
        },
    )
}

fn confirm_discard_ui(app: &mut EmographApp, ctx: &egui::Context, after: AfterDiscard) -> Dialog {
    let body = &crate::tr!("dialog-open-unsaved-body");
    let keep = Dialog::ConfirmDiscard(after.clone());
    confirm(
        ctx,
        "confirm_discard",
        &crate::tr!("dialog-discard-unsaved"),
        body,
        keep,
        |ui, next| {
            // Save first, then go on; where saving needs a question of its own (Save as, a
            // file changed on disk) that dialog opens instead, and nothing is discarded.
            let saved = app.doc.path.is_some()
                && ui.button(crate::tr!("dialog-save-first")).clicked()
                && app.save();
            if !saved && !ui.button(crate::tr!("dialog-discard-changes")).clicked() {
                return;
            }
            if !saved {
                app.recovery.clear();
            }
            *next = Dialog::None;
            match &after {
                AfterDiscard::New => app.new_journey(),
                AfterDiscard::Open(path) => {
                    if !open_path(app, path) {
                        *next = Dialog::Open {
                            path: path.display().to_string(),
                            error: app.status.as_ref().map(|s| s.text.clone()),
                        };
                    }
                }
                AfterDiscard::Import(path, options) => {
                    if !import_csv(app, path, options) {
                        let error = app.status.as_ref().map(|s| s.text.clone());
                        let path = path.display().to_string();
                        *next = Dialog::ImportCsv(ImportDialog::new(&path, error));
                    }
                }
            }
        },
    )
}

fn confirm_delete_touchpoint_ui(
    app: &mut EmographApp,
    ctx: &egui::Context,
    touchpoint_id: String,
    scored_by: usize,
) -> Dialog {
    let Some(name) = app
        .journey()
        .touchpoint(&touchpoint_id)
        .map(|t| t.name.clone())
    else {
        return Dialog::None;
    };
    let heading = crate::tr!("dialog-delete-touchpoint", name = name);
    let body = format!(
        "{scored_by} case(s) scored it; their scores and notes there will be removed with it. \
         You can undo this."
    );
    let keep = Dialog::ConfirmDeleteTouchpoint {
        touchpoint_id: touchpoint_id.clone(),
        scored_by,
    };
    confirm(
        ctx,
        "confirm_delete_touchpoint",
        &heading,
        &body,
        keep,
        |ui, next| {
            if ui.button(crate::tr!("dialog-delete-with-scores")).clicked() {
                app.delete_touchpoint(&touchpoint_id);
                *next = Dialog::None;
            }
        },
    )
}

fn recover_ui(app: &mut EmographApp, ctx: &egui::Context, info: RecoveryInfo) -> Dialog {
    let mut next = None;
    modal(ctx, "recover", |ui| {
        crate::app::bidi::label(
            ui,
            egui::RichText::new(crate::tr!("dialog-recover")).heading(),
        );
        bidi::label(ui, crate::tr!("dialog-recover-found"));
        // A grid in a plain layout: one inherited from a right-aligned dialog stacks its cells.
        ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
            egui::Grid::new("recovery_grid")
                .num_columns(2)
                .show(ui, |ui| {
                    crate::app::bidi::label(ui, crate::tr!("dialog-recover-journey"));
                    bidi::label(ui, egui::RichText::new(&info.journey.title).strong());
                    ui.end_row();
                    crate::app::bidi::label(ui, crate::tr!("dialog-recover-holds"));
                    bidi::label(
                        ui,
                        crate::tr!(
                            "dialog-recover-counts",
                            touchpoints = info.journey.touchpoints.len(),
                            cases = info.journey.cases.len(),
                            flags = info.journey.flags.len()
                        ),
                    );
                    ui.end_row();
                    crate::app::bidi::label(ui, crate::tr!("dialog-recover-original"));
                    bidi::label(
                        ui,
                        info.original.as_ref().map_or_else(
                            || crate::tr!("dialog-never-saved"),
                            |p| p.display().to_string(),
                        ),
                    );
                    ui.end_row();
                    if !info.modified.is_empty() {
                        crate::app::bidi::label(ui, crate::tr!("dialog-recover-written"));
                        bidi::label(ui, &info.modified);
                        ui.end_row();
                    }
                });
        });
        crate::app::panels::side::line(ui, |ui| {
            if ui.button(crate::tr!("dialog-restore")).clicked() {
                // The restored journey is unsaved work: it stays dirty and remembers its file.
                let doc = Document::unsaved(info.journey.clone(), info.original.clone());
                app.replace_document(doc, false);
                // The restored work goes into this session's own copy before the old one is
                // removed: a crash in the next seconds loses nothing.
                app.recovery.write(&app.doc);
                io::recovery::RecoveryFiles::remove(&info.file);
                app.set_status(crate::tr!("status-restored"), false);
                next = Some(Dialog::None);
            }
            if ui.button(crate::tr!("dialog-discard-recovery")).clicked() {
                io::recovery::RecoveryFiles::remove(&info.file);
                next = Some(Dialog::None);
            }
            if ui.button(crate::tr!("dialog-decide-later")).clicked() {
                next = Some(Dialog::None);
            }
        });
    });
    next.unwrap_or(Dialog::Recover(info))
}
