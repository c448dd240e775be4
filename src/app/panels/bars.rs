//! The menu bar above everything and the status bar below.

use crate::app::EmographApp;
use crate::app::UiTheme;
use crate::app::bidi;
use crate::app::dialogs::AfterDiscard;
use crate::app::dialogs::Dialog;
use crate::app::dialogs::ImportDialog;
use crate::app::look;
use crate::app::shortcuts;
use crate::app::shortcuts::{menu_item, menu_item_enabled};

pub fn top_bar_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    egui::Panel::top("menu_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            super::side::row(ui, |ui| {
                ui.menu_button(crate::tr!("menu-file"), |ui| {
                    if menu_item(ui, &crate::tr!("menu-new-journey"), &shortcuts::NEW_JOURNEY)
                        .clicked()
                    {
                        app.request_new();
                    }
                    if menu_item(ui, &crate::tr!("menu-open"), &shortcuts::OPEN).clicked() {
                        app.dialog = Dialog::open(app);
                    }
                    if bidi::button(ui, &crate::tr!("menu-import-csv"))
                        .on_hover_text(bidi::text(ui, crate::tr!("menu-import-csv-tip")))
                        .clicked()
                    {
                        app.dialog = Dialog::ImportCsv(ImportDialog::new("", None));
                    }
                    ui.menu_button(crate::tr!("menu-open-recent"), |ui| {
                        if app.prefs.recent.is_empty() {
                            crate::app::bidi::label(ui, crate::tr!("menu-no-recent"));
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
                    if menu_item(ui, &crate::tr!("menu-save"), &shortcuts::SAVE).clicked() {
                        app.save();
                    }
                    if menu_item(ui, &crate::tr!("menu-save-as"), &shortcuts::SAVE_AS).clicked() {
                        app.dialog = Dialog::save_as(app);
                    }
                    ui.separator();
                    if menu_item(ui, &crate::tr!("menu-export"), &shortcuts::EXPORT).clicked() {
                        app.open_export_dialog();
                    }
                    if bidi::button(ui, &crate::tr!("menu-copy-chart"))
                        .on_hover_text(bidi::text(ui, crate::tr!("menu-copy-chart-tip")))
                        .clicked()
                    {
                        app.copy_chart(ui.ctx());
                    }
                    if bidi::button(ui, &crate::tr!("menu-copy-mermaid"))
                        .on_hover_text(bidi::text(ui, crate::tr!("menu-copy-mermaid-tip")))
                        .clicked()
                    {
                        app.copy_mermaid(ui.ctx());
                    }
                    ui.separator();
                    if menu_item(ui, &crate::tr!("menu-quit"), &shortcuts::QUIT).clicked() {
                        app.request_quit(ui.ctx());
                    }
                });
                ui.menu_button(crate::tr!("menu-edit"), |ui| {
                    let can_undo = app.doc.can_undo();
                    if menu_item_enabled(ui, &crate::tr!("menu-undo"), &shortcuts::UNDO, can_undo)
                        .clicked()
                    {
                        app.undo();
                    }
                    let can_redo = app.doc.can_redo();
                    if menu_item_enabled(ui, &crate::tr!("menu-redo"), &shortcuts::REDO, can_redo)
                        .clicked()
                    {
                        app.redo();
                    }
                    ui.separator();
                    if menu_item(ui, &crate::tr!("menu-new-case"), &shortcuts::NEW_CASE).clicked() {
                        app.open_new_case_prompt();
                    }
                });
                ui.menu_button(crate::tr!("menu-view"), |ui| {
                    crate::app::bidi::label(ui, crate::tr!("menu-theme"));
                    for theme in UiTheme::ALL {
                        if ui.radio(app.prefs.theme == theme, theme.label()).clicked() {
                            app.prefs.theme = theme;
                        }
                    }
                    ui.separator();
                    crate::app::bidi::label(ui, crate::tr!("menu-language"));
                    for lang in crate::i18n::Lang::ALL {
                        if ui.radio(app.lang == lang, lang.native_name()).clicked() {
                            app.lang = lang;
                            app.prefs.language = Some(lang);
                            crate::i18n::set_language(lang);
                        }
                    }
                    ui.separator();
                    if menu_item(ui, &crate::tr!("menu-zoom-in"), &shortcuts::ZOOM_IN).clicked() {
                        app.prefs.zoom = look::zoom_step(app.prefs.zoom, true);
                    }
                    if menu_item(ui, &crate::tr!("menu-zoom-out"), &shortcuts::ZOOM_OUT).clicked() {
                        app.prefs.zoom = look::zoom_step(app.prefs.zoom, false);
                    }
                    if menu_item(ui, &crate::tr!("menu-actual-size"), &shortcuts::ZOOM_RESET)
                        .clicked()
                    {
                        app.prefs.zoom = 1.0;
                    }
                    ui.separator();
                    if menu_item(ui, &crate::tr!("menu-presenter"), &shortcuts::PRESENTER).clicked()
                    {
                        app.presenter = true;
                    }
                });
                #[cfg(feature = "live")]
                ui.menu_button(crate::tr!("menu-workshop"), |ui| {
                    if app.live.is_none() {
                        if ui.button(crate::tr!("menu-start-live")).clicked() {
                            app.start_live_session(ui.ctx());
                        }
                    } else if ui.button(crate::tr!("menu-end-live")).clicked() {
                        app.end_live_session();
                    }
                });
                ui.menu_button(crate::tr!("menu-help"), |ui| {
                    if menu_item(ui, &crate::tr!("menu-shortcuts"), &shortcuts::HELP).clicked() {
                        app.show_shortcuts = true;
                    }
                });
                ui.separator();
                if ui
                    .add_enabled(
                        app.doc.can_undo(),
                        egui::Button::new(crate::tr!("menu-undo")),
                    )
                    .on_hover_text(ui.ctx().format_shortcut(&shortcuts::UNDO))
                    .clicked()
                {
                    app.undo();
                }
                if ui
                    .add_enabled(
                        app.doc.can_redo(),
                        egui::Button::new(crate::tr!("menu-redo")),
                    )
                    .on_hover_text(format!(
                        "{} / {}",
                        ui.ctx().format_shortcut(&shortcuts::REDO),
                        ui.ctx().format_shortcut(&egui::KeyboardShortcut::new(
                            egui::Modifiers::COMMAND,
                            egui::Key::Y
                        ))
                    ))
                    .clicked()
                {
                    app.redo();
                }
                ui.separator();
                if bidi::button(ui, &crate::tr!("menu-presenter-f5")).clicked() {
                    app.presenter = true;
                }
            })
        });
    });
}

pub fn status_bar_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    egui::Panel::bottom("status_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            super::side::row(ui, |ui| {
                let file = app.doc.path.as_ref().map_or_else(
                    || crate::tr!("status-unsaved-journey"),
                    |p| p.display().to_string(),
                );
                let marker = if app.doc.is_dirty() {
                    format!(" {}", crate::tr!("status-unsaved-changes"))
                } else {
                    String::new()
                };
                bidi::label(ui, format!("{file}{marker}"));
                ui.separator();
                if let Some(status) = &app.status {
                    // One line in the bar; a message of many lines (a file's problems) on hover.
                    let mut lines = status.text.lines();
                    let first = lines.next().unwrap_or_default();
                    let more = lines.count();
                    let shown = if more > 0 {
                        crate::tr!("status-more-lines", first = first, more = more)
                    } else {
                        first.to_owned()
                    };
                    let mut text = egui::RichText::new(shown.as_str());
                    if status.error {
                        text = text.color(ui.visuals().error_fg_color);
                    }
                    let response = ui.add(egui::Label::new(bidi::text(ui, text)).truncate());
                    let response = bidi::label_as_written(response, &shown);
                    if more > 0 {
                        response.on_hover_text(bidi::text(ui, &status.text));
                    }
                } else {
                    bidi::label(
                        ui,
                        egui::RichText::new(crate::tr!("status-keys-hint")).weak(),
                    );
                }
            })
        });
    });
}
