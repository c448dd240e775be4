//! The cases panel: the list of cases (show, hide, add, copy, delete), the selected case's
//! editor, and the history of edits.

use crate::app::EmographApp;
use crate::app::bidi;
use crate::app::field_id::field_id;
use crate::model::Case;
use crate::model::Journey;
use crate::session::Edit;
use egui::RichText;

use super::history::History;

pub fn cases_panel_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    super::side::end("cases_panel")
        .resizable(true)
        .default_size(300.0)
        .show(ui, |ui| {
            crate::app::bidi::label(
                ui,
                egui::RichText::new(crate::tr!("cases-heading")).heading(),
            );
            ui.horizontal_wrapped(|ui| {
                if ui.button(crate::tr!("cases-add")).clicked() {
                    add_case(app, None);
                }
                if let Some(selected) = app.selected_case {
                    if ui.button(crate::tr!("cases-duplicate")).clicked() {
                        add_case(app, Some(selected));
                    }
                    if ui.button(crate::tr!("cases-delete")).clicked() {
                        delete_case(app, selected);
                    }
                }
            });
            let n = app.journey().cases.len();
            ui.horizontal(|ui| {
                if ui.small_button(crate::tr!("cases-show-all")).clicked() {
                    app.hidden_cases.show_all();
                }
                if ui.small_button(crate::tr!("cases-hide-all")).clicked() {
                    let ids = app.doc.journey().cases.iter().map(|c| c.id.as_str());
                    app.hidden_cases.hide_all(ids);
                }
                // Too many to draw one by one: say what the graph shows instead.
                if let Some(band) = app.chart_means.band() {
                    bidi::label(
                        ui,
                        egui::RichText::new(crate::tr!("cases-graph-shows-band", n = band.cases))
                            .weak(),
                    );
                }
            });
            let list_height = (ui.available_height() * 0.45).max(120.0);
            let row_height = ui.spacing().interact_size.y;
            egui::ScrollArea::vertical()
                .id_salt("case_list")
                .max_height(list_height)
                .show_rows(ui, row_height, n, |ui, rows| {
                    for i in rows {
                        let Some(case) = app.journey().cases.get(i) else {
                            continue;
                        };
                        let (id, name, segment) = (
                            case.id.clone(),
                            case.display_name().to_owned(),
                            case.segment.clone(),
                        );
                        ui.horizontal(|ui| {
                            let mut visible = !app.hidden_cases.contains(&id);
                            let show = crate::tr!("cases-show-on-graph", name = name.as_str());
                            let checkbox = ui.checkbox(&mut visible, "");
                            // The box has no text beside it: a screen reader names it by what
                            // its tooltip says.
                            checkbox.widget_info(|| {
                                egui::WidgetInfo::selected(
                                    egui::Role::CheckBox,
                                    true,
                                    visible,
                                    &show,
                                )
                            });
                            if checkbox.on_hover_text(bidi::text(ui, &show)).changed() {
                                if visible {
                                    app.hidden_cases.show(&id);
                                } else {
                                    app.hidden_cases.hide(&id);
                                }
                            }
                            let swatch = crate::app::graph::color(
                                crate::chart::Theme::light().curve_color(i),
                            );
                            let (rect, _) = ui
                                .allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                            ui.painter().rect_filled(rect, 2.0, swatch);
                            if bidi::selectable(ui, app.selected_case == Some(i), &name).clicked() {
                                app.select_case(Some(i));
                            }
                            if !segment.is_empty() {
                                bidi::label(ui, egui::RichText::new(segment).weak());
                            }
                        });
                    }
                });
            ui.separator();
            if let Some(selected) = app.selected_case {
                case_editor_ui(app, ui, selected);
            } else {
                crate::app::bidi::label(
                    ui,
                    egui::RichText::new(crate::tr!("cases-select-hint")).weak(),
                );
            }
            ui.separator();
            let (done, undone) = app.doc.history();
            History::new(&done, &undone).ui(ui);
        });
}

pub(super) fn add_case(app: &mut EmographApp, copy_of: Option<usize>) {
    let journey = app.journey();
    let id = Journey::fresh_id("case", |id| journey.case(id).is_some());
    let mut case = match copy_of.and_then(|i| journey.cases.get(i)) {
        Some(original) => {
            let mut c = original.clone();
            c.label = crate::tr!("cases-copy-name", name = original.display_name());
            c
        }
        None => Case::new(
            &id,
            &crate::tr!("case-default-name", n = journey.cases.len() + 1),
        ),
    };
    case.id = id;
    if !app.apply(Edit::AddCase { case }) {
        return;
    }
    let index = app.journey().cases.len().saturating_sub(1);
    app.select_case(Some(index));
    app.cursor = Some(0);
}

pub(super) fn delete_case(app: &mut EmographApp, index: usize) {
    let Some((case_id, name)) = app
        .journey()
        .cases
        .get(index)
        .map(|c| (c.id.clone(), c.display_name().to_owned()))
    else {
        return;
    };
    if !app.apply(Edit::DeleteCase { case_id }) {
        return;
    }
    let remaining = app.journey().cases.len();
    app.select_case(if remaining == 0 {
        None
    } else {
        Some(index.min(remaining - 1))
    });
    app.set_status(crate::tr!("cases-deleted", name = name.as_str()), false);
}

pub(super) fn case_editor_ui(app: &mut EmographApp, ui: &mut egui::Ui, index: usize) {
    let Some(case) = app.journey().cases.get(index).cloned() else {
        return;
    };
    let journey = app.journey().clone_without_cases();
    let case_id = case.id.clone();
    let key = |field: &str| format!("case-{case_id}-{field}");
    let cursor = app.cursor.filter(|&c| c < journey.touchpoints.len());
    let cursor_tp = cursor.and_then(|c| journey.touchpoints.get(c));
    // What the fields show: the stored case, with any refused typing kept.
    let mut shown = case.clone();
    shown.label = app.typed_or(&key("label"), &case.label);
    shown.segment = app.typed_or(&key("segment"), &case.segment);
    shown.source = app.typed_or(&key("source"), &case.source);
    let note_key = cursor_tp.map(|tp| key(&format!("note-{}", tp.id)));
    let shown_note = match (cursor_tp, &note_key) {
        (Some(tp), Some(note_key)) => {
            app.typed_or(note_key, case.notes.get(&tp.id).map_or("", String::as_str))
        }
        _ => String::new(),
    };
    let mut edited = shown.clone();
    let mut note = shown_note.clone();
    bidi::label(
        ui,
        RichText::new(crate::tr!("cases-case-heading", name = case.display_name())).strong(),
    );
    let mut seal = false;
    egui::Grid::new("case_grid").num_columns(2).show(ui, |ui| {
        let label = crate::app::bidi::label(ui, crate::tr!("cases-name"));
        seal |= ui
            .add(egui::TextEdit::singleline(&mut edited.label).id(field_id(&case_id, "case-label")))
            .labelled_by(label.id)
            .lost_focus();
        ui.end_row();
        let label = crate::app::bidi::label(ui, crate::tr!("cases-segment"));
        seal |= ui
            .add(
                egui::TextEdit::singleline(&mut edited.segment)
                    .id(field_id(&case_id, "case-segment")),
            )
            .labelled_by(label.id)
            .lost_focus();
        ui.end_row();
        let label = crate::app::bidi::label(ui, crate::tr!("cases-source"));
        seal |= ui
            .add(
                egui::TextEdit::singleline(&mut edited.source)
                    .id(field_id(&case_id, "case-source")),
            )
            .labelled_by(label.id)
            .lost_focus();
        ui.end_row();
    });
    if let Some(tp) = cursor_tp {
        let score = case.scores.get(&tp.id).map_or_else(
            || crate::tr!("cases-not-scored"),
            |s| crate::app::graph::format_score(*s),
        );
        bidi::label(
            ui,
            crate::tr!(
                "cases-score-at",
                touchpoint = tp.name.as_str(),
                score = score
            ),
        );
        let label = bidi::label(
            ui,
            crate::tr!("cases-note-at", touchpoint = tp.name.as_str()),
        );
        let r = ui
            .add(
                egui::TextEdit::multiline(&mut note)
                    .id(field_id(&case_id, &format!("case-note-{}", tp.id)))
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        seal |= r.lost_focus();
    } else {
        crate::app::bidi::label(
            ui,
            egui::RichText::new(crate::tr!("cases-note-hint")).weak(),
        );
    }
    if edited.label != shown.label {
        let edit = Edit::SetCaseLabel {
            case_id: case_id.clone(),
            label: edited.label.clone(),
        };
        app.apply_typed(&key("label"), &key("label"), &edited.label, edit);
    }
    if edited.segment != shown.segment {
        let edit = Edit::SetCaseSegment {
            case_id: case_id.clone(),
            segment: edited.segment.clone(),
        };
        app.apply_typed(&key("segment"), &key("segment"), &edited.segment, edit);
    }
    if edited.source != shown.source {
        let edit = Edit::SetCaseSource {
            case_id: case_id.clone(),
            source: edited.source.clone(),
        };
        app.apply_typed(&key("source"), &key("source"), &edited.source, edit);
    }
    if let (Some(tp), Some(note_key)) = (cursor_tp, &note_key)
        && note != shown_note
    {
        let edit = Edit::SetNote {
            case_id: case_id.clone(),
            touchpoint_id: tp.id.clone(),
            note: note.clone(),
        };
        app.apply_typed(note_key, note_key, &note, edit);
    }
    if seal {
        app.end_typing();
    }
}
