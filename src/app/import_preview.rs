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
            crate::app::panels::side::column(ui, |ui| {
                bidi::label(
                    ui,
                    egui::RichText::new(crate::tr!("dialog-import-csv")).heading(),
                );
                bidi::label(ui, crate::tr!("import-intro"));
                let filter = crate::tr!("import-filter");
                let browse = PathBrowse::Open(
                    &filter,
                    &["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "xlsb", "ods"],
                );
                import |= path_row_ui(
                    ui,
                    &crate::tr!("export-file"),
                    &mut dialog.form.path,
                    browse,
                );
                options_ui(ui, &mut dialog.form);
                ui.separator();
                preview_ui(ui, &dialog);
                if let Some(error) = &dialog.error {
                    ui.colored_label(ui.visuals().error_fg_color, error);
                }
                crate::app::panels::side::line(ui, |ui| {
                    if ui.button(crate::tr!("dialog-import")).clicked() {
                        import = true;
                    }
                    if ui.button(crate::tr!("dialog-cancel")).clicked() {
                        cancelled = true;
                    }
                });
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
        dialog.error = Some(crate::tr!("import-type-path"));
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
    if crate::i18n::language().is_rtl() {
        options_rtl_ui(ui, form);
        return;
    }
    egui::Grid::new("import_csv_options")
        .num_columns(4)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            let fields = option_fields(form);
            for (i, (key, value, hint)) in fields.into_iter().enumerate() {
                let label = bidi::label(ui, crate::i18n::message(key, &[]));
                option_field(ui, key, value, hint, label.id);
                if i % 2 == 1 {
                    ui.end_row();
                }
            }
            ui.label("");
            bidi::checkbox(ui, &mut form.unordered, crate::tr!("import-unordered"));
            ui.end_row();
        });
}

/// One option's text field, named by its label `label` for a screen reader; its id comes from
/// its catalogue key, so it keeps its focus and text in either language's layout.
fn option_field(ui: &mut egui::Ui, key: &str, value: &mut String, hint: &str, label: egui::Id) {
    ui.add(
        egui::TextEdit::singleline(value)
            .id(field_id("csv-options", key))
            .hint_text(bidi::text(ui, crate::i18n::message(hint, &[])))
            .desired_width(230.0),
    )
    .labelled_by(label);
}

/// The form's fields: each one's catalogue key (also its id, the same in every language), its
/// text and its hint, in reading order, two to a line.
fn option_fields(form: &mut ImportForm) -> [(&'static str, &mut String, &'static str); 10] {
    [
        ("import-scale", &mut form.scale, "import-scale-hint"),
        ("dialog-not-applicable", &mut form.na, "import-na-hint"),
        (
            "dialog-touchpoints",
            &mut form.touchpoints,
            "import-touchpoints-hint",
        ),
        (
            "import-header-rows",
            &mut form.header_rows,
            "import-header-rows-hint",
        ),
        (
            "dialog-case-column",
            &mut form.case_column,
            "import-case-column-hint",
        ),
        (
            "dialog-segment-column",
            &mut form.segment_column,
            "import-segment-column-hint",
        ),
        ("import-outcome", &mut form.outcome, "import-outcome-hint"),
        ("import-long", &mut form.long, "import-long-hint"),
        (
            "import-encoding",
            &mut form.encoding,
            "import-encoding-hint",
        ),
        ("import-sheet", &mut form.sheet, "import-sheet-hint"),
    ]
}

/// The form in a right-to-left interface: each line from the right, a label then its field,
/// twice, the labels in cells as wide as the widest so the fields stand in columns. The
/// widgets are made in reading order, so Tab goes through them as they are read.
fn options_rtl_ui(ui: &mut egui::Ui, form: &mut ImportForm) {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let label_width = fields_label_width(ui, &font, color);
    let height = ui.spacing().interact_size.y;
    let mut fields = option_fields(form).into_iter();
    loop {
        let pair: Vec<_> = fields.by_ref().take(2).collect();
        if pair.is_empty() {
            break;
        }
        crate::app::panels::side::line(ui, |ui| {
            for (key, value, hint) in pair {
                let label = ui
                    .allocate_ui_with_layout(
                        egui::vec2(label_width, height),
                        egui::Layout::right_to_left(egui::Align::Center),
                        |ui| {
                            // The cell keeps its width with a short label in it.
                            ui.set_min_width(label_width);
                            bidi::label(ui, crate::i18n::message(key, &[]))
                        },
                    )
                    .inner;
                option_field(ui, key, value, hint, label.id);
                ui.add_space(8.0);
            }
        });
    }
    drop(fields);
    crate::app::panels::side::line(ui, |ui| {
        ui.add_space(label_width + ui.spacing().item_spacing.x);
        bidi::checkbox(ui, &mut form.unordered, crate::tr!("import-unordered"));
    });
}

/// The width of the widest of the form's labels.
fn fields_label_width(ui: &egui::Ui, font: &egui::FontId, color: egui::Color32) -> f32 {
    const KEYS: [&str; 10] = [
        "import-scale",
        "dialog-not-applicable",
        "dialog-touchpoints",
        "import-header-rows",
        "dialog-case-column",
        "dialog-segment-column",
        "import-outcome",
        "import-long",
        "import-encoding",
        "import-sheet",
    ];
    KEYS.iter()
        .map(|key| {
            let text = crate::i18n::message(key, &[]);
            ui.fonts_mut(|f| f.layout_no_wrap(text, font.clone(), color))
                .size()
                .x
        })
        .fold(0.0, f32::max)
}

fn preview_ui(ui: &mut egui::Ui, dialog: &ImportDialog) {
    let Some((form, preview)) = dialog.shown() else {
        if dialog.is_pending() {
            crate::app::bidi::label(ui, crate::tr!("import-reading"));
        } else if let Err(error) = dialog.form.options() {
            ui.colored_label(ui.visuals().error_fg_color, error);
        } else {
            crate::app::bidi::label(
                ui,
                egui::RichText::new(crate::tr!("import-type-path-to-preview")).weak(),
            );
        }
        return;
    };
    crate::app::panels::side::line(ui, |ui| {
        crate::app::bidi::label(
            ui,
            egui::RichText::new(crate::tr!("import-preview")).strong(),
        );
        if dialog.is_pending() || *form != dialog.form {
            crate::app::bidi::label(
                ui,
                egui::RichText::new(crate::tr!("import-updating")).weak(),
            );
        }
        if let Err(error) = dialog.form.options() {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
    });
    if !preview.layout.is_empty() {
        bidi::label(
            ui,
            crate::tr!("import-recognised", what = recognised(preview)),
        );
        bidi::label(ui, scale_line(preview));
        bidi::label(ui, roles_line(preview));
        table_ui(ui, preview);
    }
    problems_ui(ui, preview);
}

/// The layout in words: the export, encoding, sheet and wording.
fn recognised(preview: &Preview) -> String {
    // The core says the layout in the language in force (the preview's thread speaks it).
    let mut parts = vec![preview.layout.clone()];
    if let Some(encoding) = &preview.encoding {
        parts.push(crate::tr!(
            "import-encoding-named",
            encoding = encoding.as_str()
        ));
    }
    if !preview.sheets.is_empty() {
        let sheet = preview
            .sheet
            .and_then(|i| preview.sheets.get(i - 1).map(|name| (i, name)));
        parts.push(match sheet {
            Some((i, name)) => crate::tr!(
                "import-sheet-of",
                i = i,
                name = name.as_str(),
                n = preview.sheets.len()
            ),
            None => crate::tr!("import-sheets", n = preview.sheets.len()),
        });
    }
    if let Some(wording) = &preview.wording {
        parts.push(crate::tr!("import-wording", wording = wording.as_str()));
    }
    parts.join("; ")
}

fn scale_line(preview: &Preview) -> String {
    let scale = match preview.scale {
        Some((a, b)) => crate::tr!(
            "import-scale-mapped",
            from = a.to_string(),
            to = b.to_string(),
            bottom = a.min(b).to_string(),
            top = a.max(b).to_string()
        ),
        None => crate::tr!("import-scale-as-is"),
    };
    let na = if preview.na.is_empty() {
        crate::tr!("import-na-empty")
    } else {
        crate::tr!("import-na-values", values = preview.na.join(", "))
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
        parts.push(crate::tr!("import-touchpoints-count", n = touchpoints));
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
    if named(ColumnRole::Case).is_empty() {
        parts.push(crate::tr!("import-cases-by-row"));
    }
    let ignored = named(ColumnRole::Ignored).len();
    if ignored > 0 {
        parts.push(crate::tr!("import-columns-not-read", n = ignored));
    }
    crate::tr!("import-columns", parts = parts.join("; "))
}

/// The first rows as they will be read, a column per column of the file. In a right-to-left
/// interface the table reads from the right, as a Hebrew spreadsheet does: the file's first
/// column rightmost, the table against the dialog's right edge, a wide one scrolled to its
/// right end at first. (A scroll area places its content from the left whatever the layout,
/// so a narrow table is pushed right by the room it left free the frame before.)
fn table_ui(ui: &mut egui::Ui, preview: &Preview) {
    let rtl = crate::i18n::language().is_rtl();
    let shown = preview.columns.len().min(TABLE_COLUMNS);
    let order: Vec<usize> = if rtl {
        (0..shown).rev().collect()
    } else {
        (0..shown).collect()
    };
    let width_id = ui.scope_id().with("import_preview_table_width");
    // The grid in a plain layout: one inherited from a right-aligned dialog stacks its cells.
    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
        egui::ScrollArea::horizontal()
            .id_salt("import_preview_table")
            .max_height(240.0)
            .stick_to_right(rtl)
            .show(ui, |ui| {
                ui.horizontal_top(|ui| {
                    if rtl {
                        let width: Option<f32> = ui.data(|d| d.get_temp(width_id));
                        if let Some(width) = width {
                            ui.add_space((ui.available_width() - width).max(0.0));
                        }
                    }
                    let grid = egui::Grid::new("import_preview_rows")
                        .striped(true)
                        .spacing([12.0, 2.0])
                        .show(ui, |ui| {
                            for &column in &order {
                                let (name, role) = &preview.columns[column];
                                let role_text = egui::RichText::new(role.describe()).small();
                                let role_text = match role {
                                    ColumnRole::Touchpoint | ColumnRole::Score => {
                                        role_text.color(ui.visuals().hyperlink_color)
                                    }
                                    ColumnRole::Ignored => role_text.weak(),
                                    _ => role_text.strong(),
                                };
                                ui.vertical(|ui| {
                                    let shown = short(name);
                                    let text = bidi::text(ui, egui::RichText::new(&shown).strong());
                                    let name = ui.add(egui::Label::new(text).extend());
                                    bidi::label_as_written(name, &shown);
                                    ui.add(egui::Label::new(role_text).extend());
                                });
                            }
                            ui.end_row();
                            for row in preview.rows.iter().take(TABLE_ROWS) {
                                for &column in &order {
                                    let cell = short(row.get(column).map_or("", String::as_str));
                                    let text = bidi::text(ui, &cell);
                                    let shown = ui.add(egui::Label::new(text).extend());
                                    bidi::label_as_written(shown, &cell);
                                }
                                ui.end_row();
                            }
                        });
                    let width = grid.response.rect.width();
                    ui.data_mut(|d| d.insert_temp(width_id, width));
                });
            });
    });
    let more = preview.columns.len().saturating_sub(TABLE_COLUMNS);
    if more > 0 {
        crate::app::bidi::label(
            ui,
            egui::RichText::new(crate::tr!("import-more-columns", n = more)).weak(),
        );
    }
}

/// The problems of the previewed rows, one line per column with its count and first place.
fn problems_ui(ui: &mut egui::Ui, preview: &Preview) {
    let scope = if preview.truncated {
        crate::tr!("import-scope-first-rows", n = preview.rows.len())
    } else {
        crate::tr!("import-scope-file")
    };
    if preview.problems.is_empty() {
        bidi::label(
            ui,
            crate::tr!(
                "import-no-problems",
                scope = scope,
                cases = crate::tr!("cases-count", n = preview.cases)
            ),
        );
        return;
    }
    let total: usize = preview.problems.iter().map(|p| p.count).sum();
    bidi::label(
        ui,
        egui::RichText::new(crate::tr!("import-problems", scope = scope, n = total))
            .color(ui.visuals().warn_fg_color),
    );
    for group in preview.problems.iter().take(8) {
        let place = match group.column {
            Some(column) if !group.name.is_empty() => crate::tr!(
                "import-column-named",
                column = column,
                name = format!("{:?}", group.name)
            ),
            Some(column) => crate::tr!("import-column", column = column),
            None => crate::tr!("import-the-file"),
        };
        bidi::label(
            ui,
            crate::tr!(
                "import-problem-line",
                place = place,
                n = group.count,
                first = in_dialog_words(&group.first)
            ),
        );
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

/// The reader's hints name the command line's options; here they are the dialog's fields. The
/// fields' names below are English: another language keeps the options as the core names them
/// (code, the same in every language) rather than mix English words into its sentence.
fn in_dialog_words(message: &str) -> String {
    if crate::i18n::language() != crate::i18n::Lang::English {
        return message.to_owned();
    }
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
