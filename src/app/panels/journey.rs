//! The journey panel: the journey's title, the outline of touchpoints by phase (reorder, insert)
//! and the selected touchpoint's editor.

use super::fit;
use super::required_hint_ui;
use crate::app::EmographApp;
use crate::app::bidi;
use crate::app::dialogs::Dialog;
use crate::app::field_id::field_id;
use crate::model::Journey;
use crate::model::Office;
use crate::model::Phase;
use crate::model::Touchpoint;
use crate::session::Edit;
use egui::RichText;

pub fn journey_panel_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    super::side::start("journey_panel")
        .resizable(true)
        .default_size(310.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                crate::app::bidi::label(
                    ui,
                    egui::RichText::new(crate::tr!("journey-heading")).heading(),
                );
                let journey = app.journey().clone_without_cases();
                let mut title = app.typed_or("journey-title", &journey.title);
                ui.horizontal(|ui| {
                    let label = crate::app::bidi::label(ui, crate::tr!("journey-title"));
                    let r = ui
                        .add(
                            egui::TextEdit::singleline(&mut title)
                                .id(field_id("journey", "title"))
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(label.id);
                    if r.changed() {
                        let edit = Edit::SetTitle {
                            title: title.clone(),
                        };
                        app.apply_typed("journey-title", "journey-title", &title, edit);
                    }
                    if r.lost_focus() {
                        app.end_typing();
                    }
                });
                if title.trim().is_empty() {
                    required_hint_ui(ui, &crate::tr!("journey-title-needed"));
                }
                let mut description = app.typed_or("journey-description", &journey.description);
                let label = crate::app::bidi::label(ui, crate::tr!("journey-description"));
                let font = egui::TextStyle::Body.resolve(ui.style());
                let color = ui.visuals().text_color();
                let rtl = crate::app::rtl_wrap::starts_rtl(&description);
                let mut layouter = |ui: &egui::Ui, text: &dyn egui::TextBuffer, wrap: f32| {
                    ui.fonts_mut(|fonts| {
                        crate::app::rtl_wrap::galley(fonts, text.as_str(), &font, color, wrap)
                    })
                };
                let r = ui
                    .add(
                        egui::TextEdit::multiline(&mut description)
                            .id(field_id("journey", "description"))
                            .font(egui::TextStyle::Body)
                            .text_color(color)
                            .align(if rtl {
                                egui::Align2::RIGHT_TOP
                            } else {
                                egui::Align2::LEFT_TOP
                            })
                            .layouter(&mut layouter)
                            .desired_rows(2)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                if r.changed() {
                    let edit = Edit::SetDescription {
                        description: description.clone(),
                    };
                    let key = "journey-description";
                    app.apply_typed(key, key, &description, edit);
                }
                if r.lost_focus() {
                    app.end_typing();
                }

                ui.collapsing(crate::tr!("journey-phases"), |ui| {
                    for (i, phase) in journey.phases.iter().enumerate() {
                        let key = format!("phase-name-{}", phase.id);
                        let mut name = app.typed_or(&key, &phase.name);
                        ui.horizontal(|ui| {
                            let label = bidi::label(ui, crate::tr!("journey-phase-n", n = i + 1));
                            let r = ui
                                .add(
                                    egui::TextEdit::singleline(&mut name)
                                        .id(field_id(&phase.id, "phase-name")),
                                )
                                .labelled_by(label.id);
                            if r.changed() {
                                let edit = Edit::RenamePhase {
                                    phase_id: phase.id.clone(),
                                    name: name.clone(),
                                };
                                app.apply_typed(&key, &key, &name, edit);
                            }
                            if r.lost_focus() {
                                app.end_typing();
                            }
                        });
                    }
                    if ui.button(crate::tr!("journey-add-phase")).clicked() {
                        let id = Journey::fresh_id("phase", |id| journey.phase(id).is_some());
                        app.apply(Edit::AddPhase {
                            phase: Phase::new(&id, &crate::tr!("journey-new-phase")),
                        });
                    }
                });

                ui.separator();
                crate::app::bidi::label(
                    ui,
                    egui::RichText::new(crate::tr!("journey-touchpoints")).heading(),
                );
                outline_ui(app, ui);
                ui.horizontal(|ui| {
                    if ui.button(crate::tr!("journey-add-touchpoint")).clicked() {
                        let at = app.journey().touchpoints.len();
                        insert_touchpoint(app, at);
                    }
                    if let Some(selected) = app.selected_touchpoint
                        && ui.button(crate::tr!("journey-insert-before")).clicked()
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

/// The outline of touchpoints: a row each with its number, name and phase, the ↑↓ buttons and
/// a grip to drag it by. It shows what it is given and returns what the user asked for, which
/// [`outline_ui`] applies; so it can be tested without the app.
pub(super) struct Outline {
    /// The selected touchpoint's index, if one is.
    pub selected: Option<usize>,
}

/// What the user asked for in the outline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum OutlineIntent {
    /// The touchpoint at `index` was clicked: select it (`selected`) or unselect it; the graph's
    /// cursor goes to it either way.
    Select { index: usize, selected: bool },
    /// Move the touchpoint at `from` so that it ends up at `to`.
    Move { from: usize, to: usize },
}

impl Outline {
    pub(super) fn ui(&mut self, ui: &mut egui::Ui, journey: &Journey) -> Vec<OutlineIntent> {
        let mut intents = Vec::new();
        let names: Vec<(String, String)> = journey
            .touchpoints
            .iter()
            .map(|t| (t.name.clone(), t.phase.clone()))
            .collect();
        let mut moved: Option<(usize, usize)> = None;
        let outline_id = ui.scope_id();
        for (i, (name, phase)) in names.iter().enumerate() {
            let phase_name = journey
                .phase(phase)
                .map_or(phase.as_str(), |p| p.name.as_str())
                .to_owned();
            let row_id = outline_id.with(("outline_row", i));
            // Only the grip is a drag source, so a click on the name still selects it.
            let response = ui
                .horizontal(|ui| {
                    let grip = ui
                        .dnd_drag_source(row_id, i, |ui| ui.label("≡"))
                        .response
                        .on_hover_text(bidi::text(
                            ui,
                            crate::tr!("journey-grip", name = name.as_str()),
                        ));
                    if let Some(to) = grip_keys(ui, &grip, outline_id, i, names.len(), name) {
                        moved = Some((i, to));
                    }
                    let selected = self.selected == Some(i);
                    // Name and phase are cut to the room left of the ↑↓ buttons, so a long name
                    // never runs under the phase or the buttons (hover shows it whole).
                    let spacing = ui.spacing().item_spacing.x;
                    let buttons = 2.0 * (ui.spacing().interact_size.y + spacing);
                    let phase_width = (ui.available_width() * 0.2).clamp(40.0, 70.0);
                    let name_width =
                        (ui.available_width() - buttons - phase_width - spacing).max(40.0);
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
                        intents.push(OutlineIntent::Select {
                            index: i,
                            selected: !selected,
                        });
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
                                .on_hover_text(bidi::text(
                                    ui,
                                    crate::tr!("journey-move-down", name = name.as_str()),
                                ))
                                .clicked()
                        {
                            moved = Some((i, i + 1));
                        }
                        if i > 0
                            && ui
                                .small_button("↑")
                                .on_hover_text(bidi::text(
                                    ui,
                                    crate::tr!("journey-move-up", name = name.as_str()),
                                ))
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
            intents.push(OutlineIntent::Move { from, to });
        }
        intents
    }
}

/// The grip takes the keyboard as well as the mouse: Tab reaches it (with a focus ring), and
/// Alt+↑ / Alt+↓ move its row, as dragging does. Plain arrows stay egui's focus moves. The focus
/// follows the row to its new place, so a touchpoint can be walked several places in a row.
/// Returns where the row at `index` should go.
fn grip_keys(
    ui: &mut egui::Ui,
    grip: &egui::Response,
    outline_id: egui::Id,
    index: usize,
    rows: usize,
    name: &str,
) -> Option<usize> {
    // The drag source is focusable already (egui gives a drag sense the keyboard too); it
    // is told what it is, and listens for the keys while it has the focus. Memory's focus, not
    // `Response::has_focus`, which also asks that the window be focused: a window without focus
    // gets no keys anyway, and a test harness reports none.
    let row_id = |row: usize| outline_id.with(("outline_row", row));
    let label = crate::tr!("journey-grip", name = name);
    grip.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    if !ui.memory(|m| m.has_focus(row_id(index))) {
        return None;
    }
    ui.painter().rect_stroke(
        grip.rect.expand(2.0),
        2.0,
        ui.visuals().selection.stroke,
        egui::StrokeKind::Outside,
    );
    let (up, down) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::ALT, egui::Key::ArrowUp),
            i.consume_key(egui::Modifiers::ALT, egui::Key::ArrowDown),
        )
    });
    let to = if up && index > 0 {
        index - 1
    } else if down && index + 1 < rows {
        index + 1
    } else {
        return None;
    };
    ui.memory_mut(|m| m.request_focus(row_id(to)));
    Some(to)
}

/// The outline of the app's journey, its intents applied here.
pub(super) fn outline_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    let mut outline = Outline {
        selected: app.selected_touchpoint,
    };
    for intent in outline.ui(ui, app.doc.journey()) {
        match intent {
            OutlineIntent::Select { index, selected } => {
                app.selected_touchpoint = selected.then_some(index);
                app.cursor = Some(index);
            }
            OutlineIntent::Move { from, to } => move_touchpoint(app, from, to),
        }
    }
}

/// Moves the touchpoint at `from` so that it ends up at `to`.
pub(super) fn move_touchpoint(app: &mut EmographApp, from: usize, to: usize) {
    let touchpoints = &app.journey().touchpoints;
    let Some(moved) = touchpoints.get(from).map(|t| t.id.clone()) else {
        return;
    };
    if to >= touchpoints.len() {
        return;
    }
    // Once it is out of the list, the one now at `to` is the one it goes before.
    let before = touchpoints
        .iter()
        .filter(|t| t.id != moved)
        .nth(to)
        .map(|t| t.id.clone());
    if app.apply(Edit::MoveTouchpoint {
        touchpoint_id: moved,
        before,
    }) {
        app.selected_touchpoint = Some(to);
        app.cursor = Some(to);
    }
}

pub(super) fn insert_touchpoint(app: &mut EmographApp, at: usize) {
    let journey = app.journey();
    let phase = journey
        .touchpoints
        .get(at)
        .or(journey.touchpoints.last())
        .map(|t| t.phase.clone())
        .or_else(|| journey.phases.first().map(|p| p.id.clone()))
        .unwrap_or_else(|| "during".to_owned());
    let id = Journey::fresh_id("tp", |id| journey.touchpoint(id).is_some());
    let name = crate::tr!("touchpoint-default-name", n = journey.touchpoints.len() + 1);
    let before = journey.touchpoints.get(at).map(|t| t.id.clone());
    // A journey without phases gets the one its first touchpoint needs.
    if journey.phase(&phase).is_none()
        && !app.apply(Edit::AddPhase {
            phase: Phase::new(&phase, &phase),
        })
    {
        return;
    }
    let touchpoint = Touchpoint::new(&id, &name, &phase);
    if !app.apply(Edit::AddTouchpoint { touchpoint, before }) {
        return;
    }
    let at = at.min(app.journey().touchpoints.len().saturating_sub(1));
    app.selected_touchpoint = Some(at);
    app.cursor = Some(at);
}

pub(super) fn touchpoint_editor_ui(app: &mut EmographApp, ui: &mut egui::Ui, index: usize) {
    let journey = app.journey().clone_without_cases();
    let Some(tp) = journey.touchpoints.get(index) else {
        return;
    };
    bidi::label(
        ui,
        RichText::new(crate::tr!("touchpoint-default-name", n = index + 1)).strong(),
    );
    // What the fields show: the stored touchpoint, with any refused typing kept.
    let field = |name: &str| format!("touchpoint-{}-{name}", tp.id);
    let mut shown = tp.clone();
    shown.name = app.typed_or(&field("name"), &tp.name);
    shown.channel = app.typed_or(&field("channel"), &tp.channel);
    shown.process = app.typed_or(&field("process"), &tp.process);
    let mut edited = shown.clone();
    egui::Grid::new("touchpoint_grid")
        .num_columns(2)
        .show(ui, |ui| {
            let label = crate::app::bidi::label(ui, crate::tr!("touchpoint-name"));
            let name_response = ui
                .vertical(|ui| {
                    let response = ui
                        .add(
                            egui::TextEdit::singleline(&mut edited.name)
                                .id(field_id(&tp.id, "touchpoint-name")),
                        )
                        .labelled_by(label.id);
                    if edited.name.trim().is_empty() {
                        required_hint_ui(ui, &crate::tr!("touchpoint-name-needed"));
                    }
                    response
                })
                .inner;
            ui.end_row();

            let phase_label = crate::app::bidi::label(ui, crate::tr!("touchpoint-phase"));
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

            let label = crate::app::bidi::label(ui, crate::tr!("touchpoint-channel"));
            let channel_response = ui
                .add(
                    egui::TextEdit::singleline(&mut edited.channel)
                        .id(field_id(&tp.id, "touchpoint-channel")),
                )
                .labelled_by(label.id);
            ui.end_row();

            crate::app::bidi::label(ui, crate::tr!("touchpoint-office"));
            ui.horizontal(|ui| {
                ui.selectable_value(
                    &mut edited.office,
                    Office::Front,
                    crate::tr!("touchpoint-front-office"),
                );
                ui.selectable_value(
                    &mut edited.office,
                    Office::Back,
                    crate::tr!("touchpoint-back-office"),
                );
            });
            ui.end_row();

            let offset_label = crate::app::bidi::label(ui, crate::tr!("touchpoint-time-offset"));
            ui.horizontal(|ui| {
                let mut has_offset = edited.time_offset.is_some();
                ui.checkbox(&mut has_offset, crate::tr!("touchpoint-offset-set"));
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

            let label = crate::app::bidi::label(ui, crate::tr!("touchpoint-process"));
            let process_response = ui
                .add(
                    egui::TextEdit::singleline(&mut edited.process)
                        .id(field_id(&tp.id, "touchpoint-process")),
                )
                .labelled_by(label.id);
            ui.end_row();

            let owner_label = crate::app::bidi::label(ui, crate::tr!("touchpoint-owner"));
            let owner_name = edited
                .owner
                .as_deref()
                .and_then(|id| journey.owner(id))
                .map_or_else(|| crate::tr!("touchpoint-nobody"), |o| o.name.clone());
            egui::ComboBox::from_id_salt("tp_owner")
                .selected_text(bidi::text(ui, owner_name))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut edited.owner, None, crate::tr!("touchpoint-nobody"));
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
                app.end_typing();
            }
        });
    if edited != shown {
        let gesture = format!("touchpoint-{}", tp.id);
        let typed = [
            ("name", edited.name.clone()),
            ("channel", edited.channel.clone()),
            ("process", edited.process.clone()),
        ];
        let edit = Edit::UpdateTouchpoint { touchpoint: edited };
        let applied = app.apply_in_gesture(&gesture, edit);
        for (name, text) in typed {
            if applied {
                app.drafts.remove(&field(name));
            } else {
                app.drafts.insert(field(name), text);
            }
        }
    }
    if ui.button(crate::tr!("touchpoint-delete")).clicked() {
        let scored_by = app
            .journey()
            .cases
            .iter()
            .filter(|c| c.scores.contains_key(&tp.id))
            .count();
        if scored_by > 0 {
            app.dialog = Dialog::ConfirmDeleteTouchpoint {
                touchpoint_id: tp.id.clone(),
                scored_by,
            };
        } else {
            app.delete_touchpoint(&tp.id);
        }
    }
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    use super::*;

    type State = (Outline, Vec<OutlineIntent>);

    #[test]
    fn the_outline_asks_to_select_and_to_move_touchpoints() {
        let journey = Journey {
            touchpoints: vec![
                Touchpoint::new("a", "Arrive", "before"),
                Touchpoint::new("b", "Buy tickets", "before"),
            ],
            ..Journey::default()
        };
        // The grip and the arrows need the app's fonts.
        let mut harness = Harness::builder()
            .with_context_setup(crate::app::install_fonts)
            .build_ui_state(
                |ui, (outline, intents): &mut State| intents.extend(outline.ui(ui, &journey)),
                (Outline { selected: None }, Vec::new()),
            );
        harness.get_by_label("2. Buy tickets").click();
        harness.run();
        // Only the second row can go up.
        harness.get_by_label("↑").click();
        harness.run();
        assert_eq!(
            harness.state().1,
            vec![
                OutlineIntent::Select {
                    index: 1,
                    selected: true
                },
                OutlineIntent::Move { from: 1, to: 0 },
            ]
        );
    }
}
