//! The side panels: the journey outline and touchpoint editor on the left, cases and the
//! selected case's details on the right, menus on top, status at the bottom.

use egui::RichText;

use super::bidi;
use super::files::Dialog;
use super::{EmographApp, MAX_VISIBLE_CURVES};
use crate::model::{Case, Journey, Office, Phase, Touchpoint};

pub fn top_bar_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    egui::Panel::top("menu_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("New journey").clicked() {
                    app.request_new();
                }
                if ui.button("Open…").clicked() {
                    app.dialog = Dialog::open(app);
                }
                if ui
                    .button("Import CSV…")
                    .on_hover_text(
                        "A survey or CRM export: one row per case, one column per touchpoint",
                    )
                    .clicked()
                {
                    app.dialog = Dialog::ImportCsv(super::files::CsvForm::default());
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
                                app.dialog =
                                    Dialog::ConfirmDiscard(super::files::AfterDiscard::Open(path));
                            } else {
                                app.open_path(&path);
                            }
                        }
                    }
                });
                if ui.button("Save").clicked() {
                    app.save();
                }
                if ui.button("Save as…").clicked() {
                    app.dialog = Dialog::save_as(app);
                }
                ui.separator();
                if ui.button("Export…").clicked() {
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
            });
            ui.menu_button("Edit", |ui| {
                if ui
                    .add_enabled(app.doc.can_undo(), egui::Button::new("Undo"))
                    .clicked()
                {
                    app.undo();
                }
                if ui
                    .add_enabled(app.doc.can_redo(), egui::Button::new("Redo"))
                    .clicked()
                {
                    app.redo();
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
                ui.weak("Keys on the graph: ←/→ touchpoint · ↑/↓ ±0.5 (Shift ±1) · type a score · Enter next · Delete clears · F5 presenter");
            }
        });
    });
}

pub fn journey_panel_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    egui::Panel::left("journey_panel")
        .resizable(true)
        .default_size(310.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.heading("Journey");
                let journey = app.journey().clone_without_cases();
                let mut title = journey.title.clone();
                ui.horizontal(|ui| {
                    let label = ui.label("Title");
                    let r = ui
                        .add(egui::TextEdit::singleline(&mut title).desired_width(f32::INFINITY))
                        .labelled_by(label.id);
                    if r.changed() {
                        app.doc.edit_in_gesture("journey-title", "Edit title", |j| {
                            j.title = title.clone()
                        });
                    }
                    if r.lost_focus() {
                        app.doc.seal();
                    }
                });
                let mut description = journey.description.clone();
                let label = ui.label("Description");
                let r = ui
                    .add(
                        egui::TextEdit::multiline(&mut description)
                            .desired_rows(2)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                if r.changed() {
                    app.doc
                        .edit_in_gesture("journey-description", "Edit description", |j| {
                            j.description = description.clone()
                        });
                }
                if r.lost_focus() {
                    app.doc.seal();
                }

                ui.collapsing("Phases", |ui| {
                    for (i, phase) in journey.phases.iter().enumerate() {
                        let mut name = phase.name.clone();
                        ui.horizontal(|ui| {
                            let label = ui.label(format!("Phase {}", i + 1));
                            let r = ui.text_edit_singleline(&mut name).labelled_by(label.id);
                            if r.changed() {
                                app.doc.edit_in_gesture(
                                    &format!("phase-name-{i}"),
                                    "Rename phase",
                                    |j| {
                                        if let Some(p) = j.phases.get_mut(i) {
                                            p.name = name.clone();
                                        }
                                    },
                                );
                            }
                            if r.lost_focus() {
                                app.doc.seal();
                            }
                        });
                    }
                    if ui.button("Add phase").clicked() {
                        app.doc.edit("Add phase", |j| {
                            let id = Journey::fresh_id("phase", |id| j.phase(id).is_some());
                            j.phases.push(Phase::new(&id, "New phase"));
                        });
                    }
                });

                ui.separator();
                ui.heading("Touchpoints");
                outline_ui(app, ui);
                ui.horizontal(|ui| {
                    if ui.button("Add touchpoint").clicked() {
                        let at = app.journey().touchpoints.len();
                        insert_touchpoint(app, at);
                    }
                    if let Some(selected) = app.selected_touchpoint
                        && ui.button("Insert before").clicked()
                    {
                        insert_touchpoint(app, selected);
                    }
                });
                if let Some(index) = app.selected_touchpoint {
                    ui.separator();
                    touchpoint_editor_ui(app, ui, index);
                }
            });
        });
}

/// The touchpoints in process order; drag a row to reorder, click to edit.
fn outline_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    let names: Vec<(String, String)> = app
        .journey()
        .touchpoints
        .iter()
        .map(|t| (t.name.clone(), t.phase.clone()))
        .collect();
    let mut moved: Option<(usize, usize)> = None;
    for (i, (name, phase)) in names.iter().enumerate() {
        let phase_name = app
            .journey()
            .phase(phase)
            .map_or(phase.as_str(), |p| p.name.as_str())
            .to_owned();
        let row_id = ui.scope_id().with(("outline_row", i));
        // Only the grip is a drag source, so a click on the name still selects it.
        let response = ui
            .horizontal(|ui| {
                ui.dnd_drag_source(row_id, i, |ui| ui.label("≡"))
                    .response
                    .on_hover_text(bidi::text(ui, format!("Drag to move {name}")));
                let selected = app.selected_touchpoint == Some(i);
                // Name and phase are cut to the room left of the ↑↓ buttons, so a long name
                // never runs under the phase or the buttons (hover shows it whole).
                let spacing = ui.spacing().item_spacing.x;
                let buttons = 2.0 * (ui.spacing().interact_size.y + spacing);
                let phase_width = (ui.available_width() * 0.2).clamp(40.0, 70.0);
                let name_width = (ui.available_width() - buttons - phase_width - spacing).max(40.0);
                let row_height = ui.spacing().interact_size.y;
                let clicked = ui
                    .allocate_ui_with_layout(
                        egui::vec2(name_width, row_height),
                        egui::Layout::left_to_right(egui::Align::Center),
                        |ui| {
                            // The full width, so the phases line up in a column.
                            ui.set_min_width(name_width);
                            let label = format!("{}. {}", i + 1, bidi::isolate(name));
                            let room = name_width - 2.0 * ui.spacing().button_padding.x;
                            let shown = fit(ui, &label, egui::TextStyle::Button, room);
                            let response = ui
                                .add(
                                    egui::Button::selectable(
                                        selected,
                                        bidi::text(ui, shown.as_ref()),
                                    )
                                    .truncate(),
                                )
                                .on_hover_text(bidi::text(ui, name));
                            // Screen readers (and tests) get the whole name in reading order,
                            // not the cut, display-ordered text.
                            let whole = format!("{}. {name}", i + 1);
                            response.widget_info(|| {
                                egui::WidgetInfo::selected(
                                    egui::Role::Button,
                                    true,
                                    selected,
                                    &whole,
                                )
                            });
                            response.clicked()
                        },
                    )
                    .inner;
                if clicked {
                    app.selected_touchpoint = if selected { None } else { Some(i) };
                    app.cursor = Some(i);
                }
                ui.allocate_ui_with_layout(
                    egui::vec2(phase_width, row_height),
                    egui::Layout::left_to_right(egui::Align::Center),
                    |ui| {
                        let phase = fit(ui, &phase_name, egui::TextStyle::Body, phase_width);
                        let text = bidi::text(ui, RichText::new(phase.as_ref()).weak());
                        ui.add(egui::Label::new(text).truncate())
                    },
                );
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if i + 1 < names.len()
                        && ui
                            .small_button("↓")
                            .on_hover_text(bidi::text(ui, format!("Move {name} down")))
                            .clicked()
                    {
                        moved = Some((i, i + 1));
                    }
                    if i > 0
                        && ui
                            .small_button("↑")
                            .on_hover_text(bidi::text(ui, format!("Move {name} up")))
                            .clicked()
                    {
                        moved = Some((i, i - 1));
                    }
                });
            })
            .response;
        if let Some(from) = response.dnd_release_payload::<usize>() {
            moved = Some((*from, i));
        }
        if response.dnd_hover_payload::<usize>().is_some() {
            let y = response.rect.top();
            ui.painter().hline(
                response.rect.x_range(),
                y,
                egui::Stroke::new(2.0, ui.visuals().selection.stroke.color),
            );
        }
    }
    if let Some((from, to)) = moved
        && from != to
    {
        move_touchpoint(app, from, to);
    }
}

/// `text` cut to `width` in `style`'s font, right-to-left text at its logical end (see
/// [`bidi::fit`]); egui's truncation then only ever cuts left-to-right text.
fn fit<'t>(
    ui: &egui::Ui,
    text: &'t str,
    style: egui::TextStyle,
    width: f32,
) -> std::borrow::Cow<'t, str> {
    let format = egui::TextFormat::simple(style.resolve(ui.style()), egui::Color32::PLACEHOLDER);
    bidi::fit(ui.ctx(), text, &format, width)
}

fn move_touchpoint(app: &mut EmographApp, from: usize, to: usize) {
    let Some(name) = app.journey().touchpoints.get(from).map(|t| t.name.clone()) else {
        return;
    };
    app.doc.edit(format!("Move {name}"), |j| {
        if from < j.touchpoints.len() && to < j.touchpoints.len() {
            let tp = j.touchpoints.remove(from);
            j.touchpoints.insert(to, tp);
        }
    });
    app.selected_touchpoint = Some(to);
    app.cursor = Some(to);
}

fn insert_touchpoint(app: &mut EmographApp, at: usize) {
    let journey = app.journey();
    let phase = journey
        .touchpoints
        .get(at)
        .or(journey.touchpoints.last())
        .map(|t| t.phase.clone())
        .or_else(|| journey.phases.first().map(|p| p.id.clone()))
        .unwrap_or_else(|| "during".to_owned());
    let id = Journey::fresh_id("tp", |id| journey.touchpoint(id).is_some());
    let name = format!("Touchpoint {}", journey.touchpoints.len() + 1);
    app.doc.edit(format!("Add touchpoint {name}"), |j| {
        if j.phase(&phase).is_none() {
            j.phases.push(Phase::new(&phase, &phase));
        }
        let at = at.min(j.touchpoints.len());
        j.touchpoints
            .insert(at, Touchpoint::new(&id, &name, &phase));
    });
    let at = at.min(app.journey().touchpoints.len().saturating_sub(1));
    app.selected_touchpoint = Some(at);
    app.cursor = Some(at);
}

/// Deletes a touchpoint with every score, note and reference to it (one undo step).
pub fn delete_touchpoint(app: &mut EmographApp, index: usize) {
    let Some(tp) = app.journey().touchpoints.get(index).cloned() else {
        return;
    };
    app.doc.edit(format!("Delete touchpoint {}", tp.name), |j| {
        j.touchpoints.remove(index);
        for case in &mut j.cases {
            case.scores.remove(&tp.id);
            case.notes.remove(&tp.id);
        }
        for metric in &mut j.metrics {
            metric.touchpoints.retain(|t| *t != tp.id);
        }
        j.flags.retain(|f| f.touchpoint != tp.id);
    });
    app.selected_touchpoint = None;
    app.after_structural_change();
}

fn touchpoint_editor_ui(app: &mut EmographApp, ui: &mut egui::Ui, index: usize) {
    let journey = app.journey().clone_without_cases();
    let Some(tp) = journey.touchpoints.get(index) else {
        return;
    };
    ui.label(bidi::text(
        ui,
        RichText::new(format!("Touchpoint {}", index + 1)).strong(),
    ));
    let mut edited = tp.clone();
    egui::Grid::new("touchpoint_grid")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label("Touchpoint name");
            let name_response = ui
                .text_edit_singleline(&mut edited.name)
                .labelled_by(label.id);
            ui.end_row();

            let phase_label = ui.label("Phase");
            let phase_name = journey
                .phase(&edited.phase)
                .map_or(edited.phase.clone(), |p| p.name.clone());
            egui::ComboBox::from_id_salt("tp_phase")
                .selected_text(bidi::text(ui, phase_name))
                .show_ui(ui, |ui| {
                    for phase in &journey.phases {
                        ui.selectable_value(
                            &mut edited.phase,
                            phase.id.clone(),
                            bidi::text(ui, &phase.name),
                        );
                    }
                })
                .response
                .labelled_by(phase_label.id);
            ui.end_row();

            let label = ui.label("Channel");
            let channel_response = ui
                .text_edit_singleline(&mut edited.channel)
                .labelled_by(label.id);
            ui.end_row();

            ui.label("Office");
            ui.horizontal(|ui| {
                ui.selectable_value(&mut edited.office, Office::Front, "Front office");
                ui.selectable_value(&mut edited.office, Office::Back, "Back office");
            });
            ui.end_row();

            let offset_label = ui.label("Time offset");
            ui.horizontal(|ui| {
                let mut has_offset = edited.time_offset.is_some();
                ui.checkbox(&mut has_offset, "set");
                if has_offset {
                    let mut value = edited.time_offset.unwrap_or(0.0);
                    ui.add(
                        egui::DragValue::new(&mut value)
                            .speed(0.1)
                            .suffix(format!(" {}", journey.time_unit)),
                    )
                    .labelled_by(offset_label.id);
                    edited.time_offset = Some(value);
                } else {
                    edited.time_offset = None;
                }
            });
            ui.end_row();

            let label = ui.label("CRM process");
            let process_response = ui
                .text_edit_singleline(&mut edited.process)
                .labelled_by(label.id);
            ui.end_row();

            let owner_label = ui.label("Owner");
            let owner_name = edited
                .owner
                .as_deref()
                .and_then(|id| journey.owner(id))
                .map_or_else(|| "nobody".to_owned(), |o| o.name.clone());
            egui::ComboBox::from_id_salt("tp_owner")
                .selected_text(bidi::text(ui, owner_name))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut edited.owner, None, "nobody");
                    for owner in &journey.owners {
                        ui.selectable_value(
                            &mut edited.owner,
                            Some(owner.id.clone()),
                            bidi::text(ui, format!("{} ({})", owner.name, owner.role)),
                        );
                    }
                })
                .response
                .labelled_by(owner_label.id);
            ui.end_row();

            if name_response.lost_focus()
                || channel_response.lost_focus()
                || process_response.lost_focus()
            {
                app.doc.seal();
            }
        });
    if edited != *tp {
        let label = if edited.name != tp.name {
            format!("Rename touchpoint to {}", edited.name)
        } else {
            format!("Edit touchpoint {}", edited.name)
        };
        app.doc
            .edit_in_gesture(&format!("touchpoint-{index}"), label, |j| {
                if let Some(slot) = j.touchpoints.get_mut(index) {
                    *slot = edited;
                }
            });
    }
    if ui.button("Delete touchpoint").clicked() {
        let scored_by = app
            .journey()
            .cases
            .iter()
            .filter(|c| c.scores.contains_key(&tp.id))
            .count();
        if scored_by > 0 {
            app.dialog = Dialog::ConfirmDeleteTouchpoint { index, scored_by };
        } else {
            delete_touchpoint(app, index);
        }
    }
}

pub fn cases_panel_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    egui::Panel::right("cases_panel")
        .resizable(true)
        .default_size(300.0)
        .show(ui, |ui| {
            ui.heading("Cases");
            ui.horizontal_wrapped(|ui| {
                if ui.button("Add case").clicked() {
                    add_case(app, None);
                }
                if let Some(selected) = app.selected_case {
                    if ui.button("Duplicate case").clicked() {
                        add_case(app, Some(selected));
                    }
                    if ui.button("Delete case").clicked() {
                        delete_case(app, selected);
                    }
                }
            });
            let n = app.journey().cases.len();
            ui.horizontal(|ui| {
                if ui.small_button("Show all").clicked() {
                    app.hidden_cases.show_all();
                }
                if ui.small_button("Hide all").clicked() {
                    let ids = app.doc.journey().cases.iter().map(|c| c.id.as_str());
                    app.hidden_cases.hide_all(ids);
                }
                if n > MAX_VISIBLE_CURVES {
                    ui.label(bidi::text(
                        ui,
                        egui::RichText::new(format!(
                            "graph shows the first {MAX_VISIBLE_CURVES} visible of {n}"
                        ))
                        .weak(),
                    ));
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
                            if ui
                                .checkbox(&mut visible, "")
                                .on_hover_text(bidi::text(ui, format!("Show {name} on the graph")))
                                .changed()
                            {
                                if visible {
                                    app.hidden_cases.show(&id);
                                } else {
                                    app.hidden_cases.hide(&id);
                                }
                            }
                            let swatch =
                                super::graph::color(crate::chart::Theme::light().curve_color(i));
                            let (rect, _) = ui
                                .allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                            ui.painter().rect_filled(rect, 2.0, swatch);
                            if ui
                                .selectable_label(
                                    app.selected_case == Some(i),
                                    bidi::text(ui, &name),
                                )
                                .clicked()
                            {
                                app.select_case(Some(i));
                            }
                            if !segment.is_empty() {
                                ui.label(bidi::text(ui, egui::RichText::new(segment).weak()));
                            }
                        });
                    }
                });
            ui.separator();
            if let Some(selected) = app.selected_case {
                case_editor_ui(app, ui, selected);
            } else {
                ui.weak("Select a case to edit its curve.");
            }
            ui.separator();
            history_ui(app, ui);
        });
}

fn add_case(app: &mut EmographApp, copy_of: Option<usize>) {
    let journey = app.journey();
    let id = Journey::fresh_id("case", |id| journey.case(id).is_some());
    let mut case = match copy_of.and_then(|i| journey.cases.get(i)) {
        Some(original) => {
            let mut c = original.clone();
            c.label = format!("{} (copy)", original.display_name());
            c
        }
        None => Case::new(&id, &format!("Case {}", journey.cases.len() + 1)),
    };
    case.id = id;
    let label = if copy_of.is_some() {
        format!("Duplicate case as {}", case.label)
    } else {
        format!("Add {}", case.label)
    };
    app.doc.edit(label, |j| j.cases.push(case));
    let index = app.journey().cases.len() - 1;
    app.select_case(Some(index));
    app.cursor = Some(0);
}

fn delete_case(app: &mut EmographApp, index: usize) {
    let Some(name) = app
        .journey()
        .cases
        .get(index)
        .map(|c| c.display_name().to_owned())
    else {
        return;
    };
    app.doc.edit(format!("Delete case {name}"), |j| {
        j.cases.remove(index);
    });
    let remaining = app.journey().cases.len();
    app.select_case(if remaining == 0 {
        None
    } else {
        Some(index.min(remaining - 1))
    });
    app.set_status(format!("Deleted {name} (Ctrl+Z brings it back)"), false);
}

fn case_editor_ui(app: &mut EmographApp, ui: &mut egui::Ui, index: usize) {
    let Some(case) = app.journey().cases.get(index).cloned() else {
        return;
    };
    let journey = app.journey().clone_without_cases();
    let case = &case;
    let mut edited = case.clone();
    ui.label(bidi::text(
        ui,
        RichText::new(format!("Case: {}", case.display_name())).strong(),
    ));
    let mut seal = false;
    egui::Grid::new("case_grid").num_columns(2).show(ui, |ui| {
        let label = ui.label("Case name");
        seal |= ui
            .text_edit_singleline(&mut edited.label)
            .labelled_by(label.id)
            .lost_focus();
        ui.end_row();
        let label = ui.label("Segment");
        seal |= ui
            .text_edit_singleline(&mut edited.segment)
            .labelled_by(label.id)
            .lost_focus();
        ui.end_row();
        let label = ui.label("Source");
        seal |= ui
            .text_edit_singleline(&mut edited.source)
            .labelled_by(label.id)
            .lost_focus();
        ui.end_row();
    });
    let cursor = app.cursor.filter(|&c| c < journey.touchpoints.len());
    if let Some(cursor) = cursor
        && let Some(tp) = journey.touchpoints.get(cursor)
    {
        let score = case.scores.get(&tp.id).map_or_else(
            || "not scored".to_owned(),
            |s| super::graph::format_score(*s),
        );
        ui.label(bidi::text(ui, format!("At {}: {score}", tp.name)));
        let mut note = edited.notes.get(&tp.id).cloned().unwrap_or_default();
        let label = ui.label(bidi::text(ui, format!("Note at {}", tp.name)));
        let r = ui
            .add(
                egui::TextEdit::multiline(&mut note)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        seal |= r.lost_focus();
        if r.changed() {
            if note.is_empty() {
                edited.notes.remove(&tp.id);
            } else {
                edited.notes.insert(tp.id.clone(), note);
            }
        }
    } else {
        ui.weak("Click a touchpoint on the graph to add a note there.");
    }
    if edited != *case {
        app.doc.edit_case_in_gesture(
            &format!("case-{index}"),
            format!("Edit case {}", edited.display_name()),
            index,
            |slot| *slot = edited,
        );
    }
    if seal {
        app.doc.seal();
    }
}

fn history_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    egui::CollapsingHeader::new("History")
        .default_open(false)
        .show(ui, |ui| {
            let (done, undone) = app.doc.history();
            if done.is_empty() && undone.is_empty() {
                ui.weak("No edits yet.");
            }
            egui::ScrollArea::vertical()
                .id_salt("history")
                .max_height(160.0)
                .show(ui, |ui| {
                    for label in done.iter().rev().take(50) {
                        ui.label(bidi::text(ui, *label));
                    }
                    for label in undone.iter().take(20) {
                        ui.label(bidi::text(
                            ui,
                            egui::RichText::new(format!("(undone) {label}")).weak(),
                        ));
                    }
                });
        });
}

/// The view switcher and, for the aggregate views, the analysis settings.
pub fn view_bar_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    use super::View;
    egui::Panel::top("view_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label("View:");
            let pattern_view = matches!(app.view, View::Pattern(_));
            if ui
                .selectable_label(app.view == View::Cases, "Cases")
                .clicked()
            {
                app.view = View::Cases;
            }
            if ui
                .selectable_label(app.view == View::Overall, "Overall")
                .clicked()
            {
                app.view = View::Overall;
            }
            if ui
                .selectable_label(app.view == View::Patterns || pattern_view, "Patterns")
                .clicked()
            {
                app.view = View::Patterns;
            }
            if ui
                .selectable_label(app.view == View::Segments, "Segments")
                .on_hover_text("Each segment's mean curve over the overall mean")
                .clicked()
            {
                app.view = View::Segments;
            }
            if ui
                .selectable_label(app.view == View::Owners, "Owners & actions")
                .clicked()
            {
                app.view = View::Owners;
            }
            let timed = app.journey().touchpoints.len() > 1
                && app
                    .journey()
                    .touchpoints
                    .iter()
                    .all(|t| t.time_offset.is_some());
            if timed {
                ui.separator();
                let unit = app.journey().time_unit.clone();
                ui.checkbox(&mut app.time_axis, "Time axis")
                    .on_hover_text(bidi::text(
                        ui,
                        format!(
                            "Space the touchpoints by their time offsets ({unit}) instead of evenly"
                        ),
                    ));
            }
            // The segments view compares every segment, without patterns: nothing to choose.
            if matches!(app.view, View::Cases | View::Segments) {
                return;
            }
            ui.separator();
            let k_label = ui.label("Number of patterns:");
            let k_text = app
                .analysis
                .settings
                .k
                .map_or_else(|| "auto".to_owned(), |k| k.to_string());
            egui::ComboBox::from_id_salt("k_choice")
                .selected_text(bidi::text(ui, k_text))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut app.analysis.settings.k, None, "auto");
                    for k in 1..=8 {
                        ui.selectable_value(
                            &mut app.analysis.settings.k,
                            Some(k),
                            bidi::text(ui, k.to_string()),
                        );
                    }
                })
                .response
                .labelled_by(k_label.id);
            let segment_label = ui.label("Segment:");
            let segment_text = app
                .analysis
                .settings
                .segment
                .clone()
                .unwrap_or_else(|| "all cases".to_owned());
            egui::ComboBox::from_id_salt("segment_choice")
                .selected_text(bidi::text(ui, segment_text))
                .show_ui(ui, |ui| {
                    // Listed only while the list is open: it goes over every case.
                    // One entry per segment as the analysis groups them: trimmed, "Gold" is "gold".
                    let mut segments: Vec<String> = app
                        .doc
                        .journey()
                        .cases
                        .iter()
                        .map(|c| c.segment.trim().to_owned())
                        .filter(|s| !s.is_empty())
                        .collect();
                    segments.sort_by_cached_key(|s| s.to_lowercase());
                    segments.dedup_by_key(|s| s.to_lowercase());
                    ui.selectable_value(&mut app.analysis.settings.segment, None, "all cases");
                    for segment in segments {
                        ui.selectable_value(
                            &mut app.analysis.settings.segment,
                            Some(segment.clone()),
                            bidi::text(ui, segment),
                        );
                    }
                })
                .response
                .labelled_by(segment_label.id);
            if app.analysis.is_computing() {
                ui.spinner();
                ui.label("analysing…");
            } else if let Some(result) = app.analysis.current()
                && result.seconds > 0.05
            {
                ui.label(bidi::text(
                    ui,
                    egui::RichText::new(format!("analysed in {:.2} s", result.seconds)).weak(),
                ));
            }
        });
    });
}

/// The patterns list: share, size, segments, representative case; a click opens the pattern.
pub fn patterns_panel_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    use super::View;
    egui::Panel::right("patterns_panel")
        .resizable(true)
        .default_size(300.0)
        .show(ui, |ui| {
            ui.heading("Typical patterns");
            let Some(result) = app.analysis.current().cloned() else {
                ui.spinner();
                return;
            };
            let mut next_view = None;
            let mut open_case = None;
            if result.patterns.patterns.is_empty() {
                ui.weak("No cases to group yet.");
                return;
            }
            ui.label(bidi::text(
                ui,
                egui::RichText::new(format!(
                    "{} cases in {} pattern(s){}",
                    result.dataset.case_ids.len(),
                    result.patterns.k,
                    if app.analysis.settings.k.is_none() {
                        " (chosen automatically)"
                    } else {
                        ""
                    }
                ))
                .weak(),
            ));
            egui::ScrollArea::vertical()
                .id_salt("patterns_list")
                .show(ui, |ui| {
                    for (index, pattern) in result.patterns.patterns.iter().enumerate() {
                        let selected = app.view == View::Pattern(index);
                        let journey = app.doc.journey();
                        let color =
                            super::graph::color(crate::chart::Theme::light().curve_color(index));
                        ui.horizontal(|ui| {
                            let (rect, _) = ui
                                .allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                            ui.painter().rect_filled(rect, 2.0, color);
                            let label = format!(
                                "Pattern {} · {:.0}% · {} cases",
                                pattern.id,
                                pattern.share * 100.0,
                                pattern.n
                            );
                            if ui
                                .selectable_label(selected, bidi::text(ui, label))
                                .clicked()
                            {
                                next_view = Some(if selected {
                                    View::Patterns
                                } else {
                                    View::Pattern(index)
                                });
                            }
                        });
                        if !pattern.segments.is_empty() {
                            let mix: Vec<String> = pattern
                                .segments
                                .iter()
                                .map(|(segment, n)| {
                                    format!(
                                        "{} {n}",
                                        if segment.is_empty() {
                                            "no segment"
                                        } else {
                                            segment
                                        }
                                    )
                                })
                                .collect();
                            ui.label(bidi::text(ui, egui::RichText::new(mix.join(" · ")).weak()));
                        }
                        if selected {
                            let medoid = result.case_index(journey, pattern.medoid);
                            let medoid_name =
                                medoid.and_then(|i| journey.cases.get(i)).map_or_else(
                                    || {
                                        result
                                            .dataset
                                            .case_ids
                                            .get(pattern.medoid)
                                            .cloned()
                                            .unwrap_or_default()
                                    },
                                    |c| c.display_name().to_owned(),
                                );
                            ui.label(bidi::text(
                                ui,
                                format!("Representative case: {medoid_name}"),
                            ));
                            if let Some(case_index) = medoid
                                && ui.button("Edit the representative case").clicked()
                            {
                                open_case = Some(case_index);
                            }
                            ui.label("Members:");
                            let members: Vec<usize> = result
                                .patterns
                                .assignments
                                .iter()
                                .enumerate()
                                .filter(|&(_, &p)| p == index)
                                .map(|(row, _)| row)
                                .collect();
                            let row_height = ui.spacing().interact_size.y;
                            egui::ScrollArea::vertical()
                                .id_salt("members")
                                .max_height(240.0)
                                .show_rows(ui, row_height, members.len(), |ui, rows| {
                                    for &row in members.get(rows).unwrap_or_default() {
                                        let case_index = result.case_index(journey, row);
                                        let name = case_index
                                            .and_then(|i| journey.cases.get(i))
                                            .map_or_else(
                                                || {
                                                    result
                                                        .dataset
                                                        .case_ids
                                                        .get(row)
                                                        .cloned()
                                                        .unwrap_or_default()
                                                },
                                                |c| c.display_name().to_owned(),
                                            );
                                        if ui
                                            .link(bidi::text(ui, &name))
                                            .on_hover_text("Open this case in the Cases view")
                                            .clicked()
                                            && let Some(case_index) = case_index
                                        {
                                            open_case = Some(case_index);
                                        }
                                    }
                                });
                        }
                        ui.separator();
                    }
                    super::critical_view::critical_list_ui(app, ui, &result);
                });
            if let Some(view) = next_view {
                app.view = view;
            }
            if let Some(case_index) = open_case {
                app.view = View::Cases;
                if let Some(id) = app.journey().cases.get(case_index).map(|c| c.id.clone()) {
                    app.hidden_cases.show(&id);
                }
                app.select_case(Some(case_index));
            }
        });
}

/// The segments compared: each one's size, where its customers feel worst and best, and where
/// they feel furthest below all cases: what a facilitator reads out. A click shows the segment
/// alone on the overall view (its critical points, its band).
pub fn segments_panel_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    use super::View;
    egui::Panel::right("segments_panel")
        .resizable(true)
        .default_size(300.0)
        .show(ui, |ui| {
            ui.heading("Segments");
            let Some(result) = app.analysis.current().cloned() else {
                ui.spinner();
                return;
            };
            let named = result.segments.iter().any(|s| !s.segment.is_empty());
            if !named {
                ui.weak(
                    "No case has a segment yet. Give cases a segment (platinum, gold, \
                     regular …) in the Cases view to compare how each group feels.",
                );
                return;
            }
            ui.weak(format!(
                "{} segments · click one to see it alone",
                result.segments.len()
            ));
            let journey = app.doc.journey().clone_without_cases();
            let name = |t: usize| journey.touchpoints.get(t).map_or("", |t| t.name.as_str());
            let theme = crate::chart::Theme::light();
            let mut show_alone = None;
            egui::ScrollArea::vertical()
                .id_salt("segments_list")
                .show(ui, |ui| {
                    for (index, segment) in result.segments.iter().enumerate() {
                        let drawn = index < crate::chart::MAX_SEGMENT_CURVES;
                        ui.horizontal(|ui| {
                            let (rect, _) = ui
                                .allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                            if drawn {
                                let color = super::graph::color(theme.curve_color(index));
                                ui.painter().rect_filled(rect, 2.0, color);
                            }
                            let label = crate::chart::segment_label(segment);
                            let response = ui.selectable_label(false, bidi::text(ui, label));
                            if !segment.segment.is_empty()
                                && response
                                    .on_hover_text(bidi::text(
                                        ui,
                                        format!(
                                            "Show only the {} cases on the overall view",
                                            bidi::isolate(&segment.segment)
                                        ),
                                    ))
                                    .clicked()
                            {
                                show_alone = Some(segment.segment.clone());
                            }
                        });
                        let lowest = segment.lowest();
                        let highest = segment.highest();
                        let below = segment.furthest_below(&result.all_stats, 0.5);
                        let score = super::graph::format_score;
                        let mut lines = Vec::new();
                        if let Some((t, m)) = lowest {
                            lines.push(format!(
                                "lowest: {} ({})",
                                bidi::isolate(name(t)),
                                score(m)
                            ));
                        }
                        if let Some((t, m)) = highest {
                            lines.push(format!(
                                "highest: {} ({})",
                                bidi::isolate(name(t)),
                                score(m)
                            ));
                        }
                        if let Some((t, gap)) = below {
                            lines.push(format!(
                                "furthest below all cases: {} ({})",
                                bidi::isolate(name(t)),
                                score(gap)
                            ));
                        }
                        for line in lines {
                            ui.label(bidi::text(ui, egui::RichText::new(line).weak()));
                        }
                        if !drawn && index == crate::chart::MAX_SEGMENT_CURVES {
                            ui.weak("Smaller segments are listed but not drawn.");
                        }
                        ui.add_space(4.0);
                    }
                });
            if let Some(segment) = show_alone {
                app.analysis.settings.segment = Some(segment);
                app.view = View::Overall;
            }
        });
}
