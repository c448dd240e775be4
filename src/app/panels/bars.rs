//! The menu bar above everything and the status bar below.

use crate::app::EmographApp;
use crate::app::UiTheme;
use crate::app::bidi;
use crate::app::dialogs::AfterDiscard;
use crate::app::dialogs::Dialog;
use crate::app::dialogs::ImportDialog;
use crate::app::look;
use crate::app::shortcuts;
use crate::app::shortcuts::menu_item;

pub fn top_bar_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    egui::Panel::top("menu_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if menu_item(ui, "New journey", &shortcuts::NEW_JOURNEY).clicked() {
                    app.request_new();
                }
                if menu_item(ui, "Open…", &shortcuts::OPEN).clicked() {
                    app.dialog = Dialog::open(app);
                }
                if ui
                    .button("Import CSV…")
                    .on_hover_text(
                        "A survey or CRM export (CSV or workbook), previewed before it is imported",
                    )
                    .clicked()
                {
                    app.dialog = Dialog::ImportCsv(ImportDialog::new("", None));
                }
                ui.menu_button("Open recent", |ui| {
                    if app.prefs.recent.is_empty() {
                        ui.label("No recent files");
                    }
                    for path in app.prefs.recent.clone() {
                        if ui
                            .button(bidi::text(ui, path.display().to_string()))
                            .clicked()
                        {
                            if app.doc.is_dirty() {
                                app.dialog = Dialog::ConfirmDiscard(AfterDiscard::Open(path));
                            } else {
                                app.open_path(&path);
                            }
                        }
                    }
                });
                if menu_item(ui, "Save", &shortcuts::SAVE).clicked() {
                    app.save();
                }
                if menu_item(ui, "Save as…", &shortcuts::SAVE_AS).clicked() {
                    app.dialog = Dialog::save_as(app);
                }
                ui.separator();
                if menu_item(ui, "Export…", &shortcuts::EXPORT).clicked() {
                    app.open_export_dialog();
                }
                if ui
                    .button("Copy chart")
                    .on_hover_text("The chart on screen as an image, 1600×900")
                    .clicked()
                {
                    app.copy_chart(ui.ctx());
                }
                if ui
                    .button("Copy as Mermaid")
                    .on_hover_text("A Mermaid journey diagram for wikis and Markdown")
                    .clicked()
                {
                    app.copy_mermaid(ui.ctx());
                }
                ui.separator();
                if menu_item(ui, "Quit", &shortcuts::QUIT).clicked() {
                    app.request_quit(ui.ctx());
                }
            });
            ui.menu_button("Edit", |ui| {
                let undo = ui.ctx().format_shortcut(&shortcuts::UNDO);
                if ui
                    .add_enabled(
                        app.doc.can_undo(),
                        egui::Button::new("Undo").shortcut_text(undo),
                    )
                    .clicked()
                {
                    app.undo();
                }
                let redo = ui.ctx().format_shortcut(&shortcuts::REDO);
                if ui
                    .add_enabled(
                        app.doc.can_redo(),
                        egui::Button::new("Redo").shortcut_text(redo),
                    )
                    .clicked()
                {
                    app.redo();
                }
                ui.separator();
                if menu_item(ui, "New case…", &shortcuts::NEW_CASE).clicked() {
                    app.open_new_case_prompt();
                }
            });
            ui.menu_button("View", |ui| {
                ui.label("Theme");
                for theme in UiTheme::ALL {
                    if ui.radio(app.prefs.theme == theme, theme.label()).clicked() {
                        app.prefs.theme = theme;
                    }
                }
                ui.separator();
                if menu_item(ui, "Zoom in", &shortcuts::ZOOM_IN).clicked() {
                    app.prefs.zoom = look::zoom_step(app.prefs.zoom, true);
                }
                if menu_item(ui, "Zoom out", &shortcuts::ZOOM_OUT).clicked() {
                    app.prefs.zoom = look::zoom_step(app.prefs.zoom, false);
                }
                if menu_item(ui, "Actual size", &shortcuts::ZOOM_RESET).clicked() {
                    app.prefs.zoom = 1.0;
                }
                ui.separator();
                if menu_item(ui, "Presenter mode", &shortcuts::PRESENTER).clicked() {
                    app.presenter = true;
                }
            });
            #[cfg(feature = "live")]
            ui.menu_button("Workshop", |ui| {
                if app.live.is_none() {
                    if ui.button("Start live session").clicked() {
                        app.start_live_session(ui.ctx());
                    }
                } else if ui.button("End live session").clicked() {
                    app.end_live_session();
                }
            });
            ui.menu_button("Help", |ui| {
                if menu_item(ui, "Keyboard shortcuts", &shortcuts::HELP).clicked() {
                    app.show_shortcuts = true;
                }
            });
            ui.separator();
            if ui
                .add_enabled(app.doc.can_undo(), egui::Button::new("Undo"))
                .on_hover_text("Ctrl+Z")
                .clicked()
            {
                app.undo();
            }
            if ui
                .add_enabled(app.doc.can_redo(), egui::Button::new("Redo"))
                .on_hover_text("Ctrl+Shift+Z / Ctrl+Y")
                .clicked()
            {
                app.redo();
            }
            ui.separator();
            if ui.button("Presenter mode (F5)").clicked() {
                app.presenter = true;
            }
        });
    });
}

pub fn status_bar_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    egui::Panel::bottom("status_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            let file = app
                .doc
                .path
                .as_ref()
                .map_or_else(|| "unsaved journey".to_owned(), |p| p.display().to_string());
            let marker = if app.doc.is_dirty() { " (unsaved changes)" } else { "" };
            ui.label(bidi::text(ui, format!("{file}{marker}")));
            ui.separator();
            if let Some(status) = &app.status {
                // One line in the bar; a message of many lines (a file's problems) on hover.
                let mut lines = status.text.lines();
                let first = lines.next().unwrap_or_default();
                let more = lines.count();
                let shown = if more > 0 {
                    format!("{first}  (+{more} more lines: hover to read)")
                } else {
                    first.to_owned()
                };
                let mut text = egui::RichText::new(shown);
                if status.error {
                    text = text.color(ui.visuals().error_fg_color);
                }
                let response = ui.add(egui::Label::new(bidi::text(ui, text)).truncate());
                if more > 0 {
                    response.on_hover_text(bidi::text(ui, &status.text));
                }
            } else {
                ui.weak("Keys on the graph: ←/→ touchpoint · ↑/↓ ±0.5 (Shift ±1) · type a score · Enter next · Ctrl+Shift+N new case · F1 all keys");
            }
        });
    });
}
