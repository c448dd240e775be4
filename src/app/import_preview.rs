//! File → Import CSV…: the options a survey export may need, and a preview of what they do
//! (as a spreadsheet's CSV dialog shows one) — the first rows as read, which column becomes a
//! touchpoint, the case, segment or outcome, the scale, the layout recognised, and the problems
//! grouped by column. Every change of an option recomputes the preview on a thread, on the first
//! rows of the file only (`io::preview`), so a 100 MB export stays responsive; Import then reads
//! the whole file through the same reader the command line uses.

use std::path::{Path, PathBuf};

use super::dialogs::{AfterDiscard, Dialog, PathBrowse, path_row_ui};
use super::field_id::field_id;
use super::files;
use super::import_preview_form::{ImportDialog, ImportForm};
use super::{EmographApp, bidi};
use crate::io;
use crate::io::preview::{ColumnRole, Preview};

/// Rows and columns of the preview table (the problems count all previewed rows).
const TABLE_ROWS: usize = 8;
const TABLE_COLUMNS: usize = 40;

/// Shows the dialog; returns the dialog that follows.
pub fn import_dialog_ui(
    app: &mut EmographApp,
    ctx: &egui::Context,
    mut dialog: Box<ImportDialog>,
) -> Dialog {
    dialog.refresh(ctx);
    // No repaint is asked for while the preview is read: the thread asks when it is done (a
    // spinner would repaint every frame for nothing).
    let mut import = false;
    let mut cancelled = false;
    let width = (ctx.content_rect().width() - 80.0).clamp(400.0, 1100.0);
    let escaped = egui::Modal::new(egui::Id::unique("import_csv_dialog"))
        .show(ctx, |ui| {
            ui.set_width(width);
            ui.heading("Import a CSV of cases");
            ui.label(
                "A CSV, TSV or workbook (.xlsx, .xls, .ods): one row per case, one column per \
                 touchpoint, or long rows. The preview shows the first rows as they will be read.",
            );
            let browse = PathBrowse::Open(
                "CSV or workbook",
                &["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "xlsb", "ods"],
            );
            import |= path_row_ui(ui, "File:", &mut dialog.form.path, browse);
            options_ui(ui, &mut dialog.form);
            ui.separator();
            preview_ui(ui, &dialog);
            if let Some(error) = &dialog.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            ui.horizontal(|ui| {
                if ui.button("Import").clicked() {
                    import = true;
                }
                if ui.button("Cancel").clicked() {
                    cancelled = true;
                }
            });
        })
        .should_close();
    if cancelled || (escaped && !import) {
        return Dialog::None;
    }
    if !import {
        return Dialog::ImportCsv(dialog);
    }
    let path = PathBuf::from(dialog.form.path.trim());
    if path.as_os_str().is_empty() {
        dialog.error = Some("Type the file's path.".into());
        return Dialog::ImportCsv(dialog);
    }
    let options = match dialog.form.options() {
        Ok(options) => options,
        Err(error) => {
            dialog.error = Some(error);
            return Dialog::ImportCsv(dialog);
        }
    };
    if app.doc.is_dirty() {
        return Dialog::ConfirmDiscard(AfterDiscard::Import(path, options));
    }
    match import_file(app, &path, &options) {
        Ok(()) => Dialog::None,
        Err(message) => {
            dialog.error = Some(message);
            Dialog::ImportCsv(dialog)
        }
    }
}

/// Imports the whole file with `options` (the command line's reader) as a new, unsaved journey;
/// on failure the current document stays open and the message is returned (and shown).
pub fn import_file(
    app: &mut EmographApp,
    path: &Path,
    options: &io::CsvOptions,
) -> Result<(), String> {
    match files::import_csv(path, options) {
        Ok((doc, message)) => {
            app.replace_document(doc, true);
            app.set_status(message, false);
            Ok(())
        }
        Err(message) => {
            app.set_status(message.clone(), true);
            Err(message)
        }
    }
}

fn options_ui(ui: &mut egui::Ui, form: &mut ImportForm) {
    egui::Grid::new("import_csv_options")
        .num_columns(4)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            let fields: [(&str, &mut String, &str); 10] = [
                (
                    "Scale:",
                    &mut form.scale,
                    "e.g. 1..5; empty if already −5..5",
                ),
                (
                    "Not applicable:",
                    &mut form.na,
                    "e.g. 0 or n/a, comma-separated",
                ),
                (
                    "Touchpoints:",
                    &mut form.touchpoints,
                    "names A,B,C or columns 10..23",
                ),
                ("Header rows:", &mut form.header_rows, "empty: detected"),
                (
                    "Case column:",
                    &mut form.case_column,
                    "empty: case, else id",
                ),
                ("Segment column:", &mut form.segment_column, "e.g. Class"),
                ("Outcome:", &mut form.outcome, "e.g. Satisfaction=satisfied"),
                ("Long format:", &mut form.long, "CASE,TOUCHPOINT,SCORE"),
                (
                    "Encoding:",
                    &mut form.encoding,
                    "e.g. windows-1252; empty: UTF-8",
                ),
                (
                    "Sheet:",
                    &mut form.sheet,
                    "a workbook's sheet; empty: the first",
                ),
            ];
            for (i, (label, value, hint)) in fields.into_iter().enumerate() {
                let id = field_id("csv-options", label);
                let label = ui.label(label);
                ui.add(
                    egui::TextEdit::singleline(value)
                        .id(id)
                        .hint_text(hint)
                        .desired_width(230.0),
                )
                .labelled_by(label.id);
                if i % 2 == 1 {
                    ui.end_row();
                }
            }
            ui.label("");
            ui.checkbox(
                &mut form.unordered,
                "Attribute survey (columns are not in time order)",
            );
            ui.end_row();
        });
}

fn preview_ui(ui: &mut egui::Ui, dialog: &ImportDialog) {
    let Some((form, preview)) = dialog.shown() else {
        if dialog.is_pending() {
            ui.label("Reading the first rows…");
        } else if let Err(error) = dialog.form.options() {
            ui.colored_label(ui.visuals().error_fg_color, error);
        } else {
            ui.weak("Type a file's path to see how it will be read.");
        }
        return;
    };
    ui.horizontal(|ui| {
        ui.strong("Preview");
        if dialog.is_pending() || *form != dialog.form {
            ui.weak("(updating…)");
        }
        if let Err(error) = dialog.form.options() {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
    });
    if !preview.layout.is_empty() {
        ui.label(bidi::text(
            ui,
            format!("Recognised: {}", recognised(preview)),
        ));
        ui.label(scale_line(preview));
        ui.label(bidi::text(ui, roles_line(preview)));
        table_ui(ui, preview);
    }
    problems_ui(ui, preview);
}

/// The layout in words: the export, encoding, sheet and wording.
fn recognised(preview: &Preview) -> String {
    let mut parts = vec![preview.layout.clone()];
    if let Some(encoding) = &preview.encoding {
        parts.push(format!("encoding {encoding}"));
    }
    if !preview.sheets.is_empty() {
        let sheet = preview
            .sheet
            .and_then(|i| preview.sheets.get(i - 1).map(|name| (i, name)));
        parts.push(match sheet {
            Some((i, name)) => format!("sheet {i} {name:?} of {}", preview.sheets.len()),
            None => format!("{} sheets", preview.sheets.len()),
        });
    }
    if let Some(wording) = &preview.wording {
        parts.push(format!("text answers in the {wording} wording"));
    }
    parts.join("; ")
}

fn scale_line(preview: &Preview) -> String {
    let scale = match preview.scale {
        Some((a, b)) => format!(
            "Scale {a}..{b} mapped onto −5..+5 (bottom box {}, top box {})",
            a.min(b),
            a.max(b)
        ),
        None => "Scale: the scores are read as they are, on −5..+5".to_owned(),
    };
    let na = if preview.na.is_empty() {
        "not applicable: empty cells".to_owned()
    } else {
        format!("not applicable: {} and empty cells", preview.na.join(", "))
    };
    format!("{scale}; {na}")
}

/// Which columns play which part, in words.
fn roles_line(preview: &Preview) -> String {
    let named = |role: ColumnRole| -> Vec<String> {
        preview
            .columns
            .iter()
            .filter(|(_, r)| *r == role)
            .map(|(name, _)| format!("{name:?}"))
            .collect()
    };
    let touchpoints = named(ColumnRole::Touchpoint).len();
    let mut parts = Vec::new();
    if touchpoints > 0 {
        parts.push(format!("{touchpoints} touchpoints"));
    }
    for role in [
        ColumnRole::Case,
        ColumnRole::TouchpointName,
        ColumnRole::Score,
        ColumnRole::Segment,
        ColumnRole::Wave,
        ColumnRole::WaveDate,
        ColumnRole::Outcome,
    ] {
        let names = named(role);
        if !names.is_empty() {
            parts.push(format!("{} {}", role.describe(), names.join(", ")));
        }
    }
    if !parts.iter().any(|p| p.starts_with("case ")) {
        parts.push("cases numbered by row".to_owned());
    }
    let ignored = named(ColumnRole::Ignored).len();
    if ignored > 0 {
        parts.push(format!("{ignored} columns not read"));
    }
    format!("Columns: {}", parts.join("; "))
}

fn table_ui(ui: &mut egui::Ui, preview: &Preview) {
    egui::ScrollArea::horizontal()
        .id_salt("import_preview_table")
        .max_height(240.0)
        .show(ui, |ui| {
            egui::Grid::new("import_preview_rows")
                .striped(true)
                .spacing([12.0, 2.0])
                .show(ui, |ui| {
                    for (name, role) in preview.columns.iter().take(TABLE_COLUMNS) {
                        let role_text = egui::RichText::new(role.describe()).small();
                        let role_text = match role {
                            ColumnRole::Touchpoint | ColumnRole::Score => {
                                role_text.color(ui.visuals().hyperlink_color)
                            }
                            ColumnRole::Ignored => role_text.weak(),
                            _ => role_text.strong(),
                        };
                        ui.vertical(|ui| {
                            let name = bidi::text(ui, egui::RichText::new(short(name)).strong());
                            ui.add(egui::Label::new(name).extend());
                            ui.add(egui::Label::new(role_text).extend());
                        });
                    }
                    ui.end_row();
                    for row in preview.rows.iter().take(TABLE_ROWS) {
                        for cell in row.iter().take(TABLE_COLUMNS) {
                            ui.add(egui::Label::new(bidi::text(ui, short(cell))).extend());
                        }
                        ui.end_row();
                    }
                });
        });
    let more = preview.columns.len().saturating_sub(TABLE_COLUMNS);
    if more > 0 {
        ui.weak(format!("… and {more} more columns"));
    }
}

/// The problems of the previewed rows, one line per column with its count and first place.
fn problems_ui(ui: &mut egui::Ui, preview: &Preview) {
    let scope = if preview.truncated {
        format!("the first {} rows", preview.rows.len())
    } else {
        "the file".to_owned()
    };
    if preview.problems.is_empty() {
        let cases = match preview.cases {
            1 => "1 case".to_owned(),
            n => format!("{n} cases"),
        };
        ui.label(format!("No problems in {scope}: {cases} read."));
        return;
    }
    let total: usize = preview.problems.iter().map(|p| p.count).sum();
    ui.colored_label(
        ui.visuals().warn_fg_color,
        format!("Problems in {scope}: {total}"),
    );
    for group in preview.problems.iter().take(8) {
        let place = match group.column {
            Some(column) if !group.name.is_empty() => format!("Column {column} {:?}", group.name),
            Some(column) => format!("Column {column}"),
            None => "The file".to_owned(),
        };
        let count = match group.count {
            1 => "1 problem".to_owned(),
            n => format!("{n} problems"),
        };
        ui.label(bidi::text(
            ui,
            format!(
                "{place}: {count}; first at {}",
                in_dialog_words(&group.first)
            ),
        ));
    }
}

/// A cell or name cut to fit a table cell.
fn short(text: &str) -> String {
    const MAX: usize = 24;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(MAX - 1).collect::<String>())
    }
}

/// The reader's hints name the command line's options; here they are the dialog's fields.
fn in_dialog_words(message: &str) -> String {
    [
        ("--scale MIN..MAX", "a Scale (MIN..MAX)"),
        ("--scale", "Scale"),
        ("give --na VALUE", "put it under Not applicable"),
        ("--na", "Not applicable"),
        (
            "choose them with --touchpoints",
            "choose them under Touchpoints",
        ),
        ("--touchpoints", "Touchpoints"),
        ("--encoding", "Encoding"),
        ("--header-rows", "Header rows"),
        (
            "--long CASE,TOUCHPOINT,SCORE",
            "Long format CASE,TOUCHPOINT,SCORE",
        ),
        ("--long", "Long format"),
        ("--sheet", "Sheet"),
        ("--labels", "the command line's --labels"),
    ]
    .iter()
    .fold(message.to_owned(), |text, (flag, field)| {
        text.replace(flag, field)
    })
}
