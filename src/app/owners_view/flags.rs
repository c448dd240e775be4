//! A flag's row and its editor, and flags made by hand on a touchpoint.

use super::Editing;
use super::ViewState;
use super::fields::draft_field;
use super::fields::parse_due;
use super::fields::seal_if;
use super::metrics::metric_summary;
use super::metrics::track_words;
use super::owner_list::owner_combo_ui;
use super::owner_name;
use super::touchpoint_name;
use crate::app::EmographApp;
use crate::app::bidi;
use crate::app::critical_view::existing_flag;
use crate::app::field_id::field_id;
use crate::i18n::core_words as words;
use crate::model::Action;
use crate::model::Flag;
use crate::model::FlagKind;
use crate::model::Journey;
use crate::model::Status;
use crate::session::Edit;
use egui::RichText;

pub(super) fn flag_summary(journey: &Journey, flag: &Flag) -> String {
    let sign = if flag.kind == FlagKind::Positive {
        "+"
    } else {
        "−"
    };
    let due = flag.due.as_deref().map_or_else(
        || crate::tr!("owners-no-due-date"),
        |d| crate::tr!("owners-due", date = d),
    );
    format!(
        "{sign} {}: {} · {} · {due}",
        bidi::isolate(&touchpoint_name(journey, &flag.touchpoint)),
        words::action(flag.action),
        words::status(flag.status)
    )
}

pub(super) fn flag_row_ui(
    app: &mut EmographApp,
    ui: &mut egui::Ui,
    state: &mut ViewState,
    journey: &Journey,
    flag: &Flag,
) {
    let editing = state.editing == Some(Editing::Flag(flag.id.clone()));
    let header = ui
        .horizontal_wrapped(|ui| {
            let text = RichText::new(flag_summary(journey, flag));
            let text = if flag.status == Status::Done {
                text.weak()
            } else {
                text
            };
            // One line while the editor is open: a due date typed below cannot wrap it.
            let button = egui::Button::selectable(editing, bidi::text(ui, text));
            let button = if editing { button.truncate() } else { button };
            if ui
                .add(button)
                .on_hover_text(crate::tr!("owners-click-edit-action"))
                .clicked()
            {
                state.editing = if editing {
                    None
                } else {
                    Some(Editing::Flag(flag.id.clone()))
                };
                state.scroll_to_editor = true;
            }
            if !flag.detected {
                crate::app::bidi::label(
                    ui,
                    egui::RichText::new(crate::tr!("owners-flagged-by-hand")).weak(),
                );
            }
        })
        .response;
    if editing {
        // The summary lines would repeat the editor's fields, and appearing above them as the
        // user types or ticks they would move every field under the pointer: while the editor
        // is open, the header alone sits above it.
        let editor = ui.indent(("flag_editor", &flag.id), |ui| {
            flag_editor_ui(app, ui, state, journey, flag)
        });
        scroll_to_editor(ui, state, header.rect.union(editor.response.rect));
        return;
    }
    if !flag.action_text.is_empty() {
        bidi::label(ui, format!("    {}", flag.action_text));
    }
    if !flag.note.is_empty() {
        bidi::label(
            ui,
            egui::RichText::new(format!(
                "    {}",
                crate::tr!("owners-why", note = flag.note.as_str())
            ))
            .weak(),
        );
    }
    if !flag.metrics.is_empty() {
        let metrics: Vec<String> = flag
            .metrics
            .iter()
            .filter_map(|id| journey.metric(id))
            .map(|m| {
                let (words, _) = track_words(m, ui);
                format!("{} ({words})", metric_summary(m))
            })
            .collect();
        bidi::label(
            ui,
            egui::RichText::new(format!(
                "    {}",
                crate::tr!("owners-success-shows-in", metrics = metrics.join("; "))
            ))
            .weak(),
        );
    }
    super::did_it_work::did_it_work_ui(app, ui, journey, flag);
}

/// Once, right after an editor opened: scroll so all of it is on screen.
pub(super) fn scroll_to_editor(ui: &mut egui::Ui, state: &mut ViewState, rect: egui::Rect) {
    if std::mem::take(&mut state.scroll_to_editor) {
        ui.scroll_to_rect(rect, None);
    }
}

pub(super) fn edit_flag(
    app: &mut EmographApp,
    flag_id: &str,
    gesture: Option<&str>,
    label: String,
    change: impl FnOnce(&mut Flag),
) {
    let Some(mut flag) = app
        .journey()
        .flags
        .iter()
        .find(|f| f.id == flag_id)
        .cloned()
    else {
        return;
    };
    change(&mut flag);
    let gesture = gesture.map(|field| format!("flag-{flag_id}-{field}"));
    app.apply_named(gesture.as_deref(), label, Edit::UpdateFlag { flag });
}

pub(super) fn flag_editor_ui(
    app: &mut EmographApp,
    ui: &mut egui::Ui,
    state: &mut ViewState,
    journey: &Journey,
    flag: &Flag,
) {
    let flag_id = flag.id.clone();
    let at = touchpoint_name(journey, &flag.touchpoint);
    egui::Grid::new(("flag_grid", &flag_id))
        .num_columns(2)
        .show(ui, |ui| {
            let label = crate::app::bidi::label(ui, crate::tr!("report-th-touchpoint"));
            let mut touchpoint = flag.touchpoint.clone();
            egui::ComboBox::from_id_salt(("flag_touchpoint", &flag_id))
                .selected_text(bidi::text(ui, at.clone()))
                .show_ui(ui, |ui| {
                    for tp in &journey.touchpoints {
                        ui.selectable_value(
                            &mut touchpoint,
                            tp.id.clone(),
                            bidi::text(ui, &tp.name),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
            if touchpoint != flag.touchpoint {
                let to = touchpoint_name(journey, &touchpoint);
                edit_flag(
                    app,
                    &flag_id,
                    None,
                    crate::tr!("edit-move-flag", to = to),
                    |f| f.touchpoint = touchpoint,
                );
            }
            ui.end_row();

            crate::app::bidi::label(ui, crate::tr!("owners-direction"));
            let mut kind = flag.kind;
            ui.horizontal(|ui| {
                ui.selectable_value(&mut kind, FlagKind::Positive, crate::tr!("owners-positive"));
                ui.selectable_value(&mut kind, FlagKind::Negative, crate::tr!("owners-negative"));
            });
            if kind != flag.kind {
                edit_flag(
                    app,
                    &flag_id,
                    None,
                    crate::tr!(
                        "edit-flag-at",
                        at = at.as_str(),
                        what = words::flag_kind(kind)
                    ),
                    |f| f.kind = kind,
                );
            }
            ui.end_row();

            let label = crate::app::bidi::label(ui, crate::tr!("owners-flag-owner"));
            let mut owner = flag.owner.clone();
            owner_combo_ui(ui, ("flag_owner", &flag_id), label.id, journey, &mut owner);
            if owner != flag.owner {
                let who = owner_name(journey, owner.as_deref());
                edit_flag(
                    app,
                    &flag_id,
                    None,
                    crate::tr!("edit-give-flag", at = at.as_str(), who = who.as_str()),
                    |f| f.owner = owner,
                );
                // The flag leaves this owner's page: say where it went, and how to follow it.
                app.set_status(
                    crate::tr!("owners-flag-moved", at = at.as_str(), who = who.as_str()),
                    false,
                );
            }
            ui.end_row();

            crate::app::bidi::label(ui, crate::tr!("owners-metrics-success"));
            ui.vertical(|ui| {
                if journey.metrics.is_empty() {
                    crate::app::bidi::label(
                        ui,
                        egui::RichText::new(crate::tr!("owners-no-metrics-above")).weak(),
                    );
                }
                for metric in &journey.metrics {
                    let mut counted = flag.metrics.contains(&metric.id);
                    if bidi::checkbox(ui, &mut counted, &metric.name).changed() {
                        let metric_id = metric.id.clone();
                        let label = if counted {
                            crate::tr!(
                                "edit-flag-counts-on",
                                at = at.as_str(),
                                metric = metric.name.as_str()
                            )
                        } else {
                            crate::tr!(
                                "edit-flag-no-longer-counts-on",
                                at = at.as_str(),
                                metric = metric.name.as_str()
                            )
                        };
                        edit_flag(app, &flag_id, None, label, |f| {
                            if counted {
                                if !f.metrics.contains(&metric_id) {
                                    f.metrics.push(metric_id);
                                }
                            } else {
                                f.metrics.retain(|m| *m != metric_id);
                            }
                        });
                    }
                }
            });
            ui.end_row();

            crate::app::bidi::label(ui, crate::tr!("critical-action"));
            let mut action = flag.action;
            ui.horizontal(|ui| {
                ui.selectable_value(&mut action, Action::Amplify, crate::tr!("critical-amplify"))
                    .on_hover_text(crate::tr!("owners-amplify-tip"));
                ui.selectable_value(&mut action, Action::Prevent, crate::tr!("critical-prevent"))
                    .on_hover_text(crate::tr!("owners-prevent-tip"));
                ui.selectable_value(
                    &mut action,
                    Action::ShortenResponse,
                    crate::tr!("critical-shorten"),
                )
                .on_hover_text(crate::tr!("owners-shorten-tip"));
            });
            if action != flag.action {
                edit_flag(
                    app,
                    &flag_id,
                    None,
                    crate::tr!(
                        "edit-action-at",
                        at = at.as_str(),
                        action = words::action(action)
                    ),
                    |f| f.action = action,
                );
            }
            ui.end_row();

            let label = crate::app::bidi::label(ui, crate::tr!("owners-agreed-action"));
            let mut text = flag.action_text.clone();
            let r = ui
                .add(
                    egui::TextEdit::multiline(&mut text)
                        .id(field_id(&flag_id, "flag-action-text"))
                        .desired_rows(2)
                        .desired_width(360.0)
                        .hint_text(crate::app::bidi::text(ui, crate::tr!("owners-agreed-hint"))),
                )
                .labelled_by(label.id);
            if r.changed() {
                edit_flag(
                    app,
                    &flag_id,
                    Some("action_text"),
                    crate::tr!("edit-agree-action", at = at.as_str()),
                    |f| f.action_text = text,
                );
            }
            seal_if(app, r.lost_focus());
            ui.end_row();

            let label = crate::app::bidi::label(ui, crate::tr!("owners-due-date"));
            let (due, lost) = draft_field(
                ui,
                &mut state.drafts,
                &format!("flag-{flag_id}-due"),
                label.id,
                flag.due.clone().unwrap_or_default(),
                parse_due,
            );
            if let Some(due) = due {
                edit_flag(
                    app,
                    &flag_id,
                    Some("due"),
                    crate::tr!("edit-due-date", at = at.as_str()),
                    |f| f.due = due,
                );
            }
            seal_if(app, lost);
            ui.end_row();

            crate::app::bidi::label(ui, crate::tr!("owners-status"));
            let mut status = flag.status;
            ui.horizontal(|ui| {
                for choice in Status::ALL {
                    ui.selectable_value(&mut status, choice, bidi::text(ui, words::status(choice)));
                }
            });
            if status != flag.status {
                edit_flag(
                    app,
                    &flag_id,
                    None,
                    crate::tr!(
                        "edit-flag-at",
                        at = at.as_str(),
                        what = words::status(status)
                    ),
                    |f| f.status = status,
                );
            }
            ui.end_row();

            let label = crate::app::bidi::label(ui, crate::tr!("owners-note"));
            let mut note = flag.note.clone();
            let r = ui
                .add(
                    egui::TextEdit::multiline(&mut note)
                        .id(field_id(&flag_id, "flag-note"))
                        .desired_rows(2)
                        .desired_width(360.0),
                )
                .labelled_by(label.id);
            if r.changed() {
                edit_flag(
                    app,
                    &flag_id,
                    Some("note"),
                    crate::tr!("edit-flag-note", at = at.as_str()),
                    |f| f.note = note,
                );
            }
            seal_if(app, r.lost_focus());
            ui.end_row();
        });
    if ui.button(crate::tr!("owners-delete-flag")).clicked()
        && app.apply(Edit::DeleteFlag { flag_id })
    {
        state.editing = None;
        app.set_status(crate::tr!("owners-flag-deleted", at = at.as_str()), false);
    }
}

/// A flag for a moment the detector missed (or that the team sees differently).
pub(super) fn hand_flag_ui(
    app: &mut EmographApp,
    ui: &mut egui::Ui,
    state: &mut ViewState,
    journey: &Journey,
) {
    bidi::label(
        ui,
        RichText::new(crate::tr!("owners-flag-by-hand")).strong(),
    );
    if journey.touchpoints.is_empty() {
        crate::app::bidi::label(
            ui,
            egui::RichText::new(crate::tr!("owners-add-touchpoints-first")).weak(),
        );
        return;
    }
    if state
        .hand_flag_touchpoint
        .as_deref()
        .is_none_or(|id| journey.touchpoint(id).is_none())
    {
        // The owner on screen most likely means one of their own touchpoints.
        let theirs = state.owner_id.as_deref().and_then(|owner_id| {
            journey
                .touchpoints
                .iter()
                .find(|t| t.owner.as_deref() == Some(owner_id))
        });
        state.hand_flag_touchpoint = theirs.or(journey.touchpoints.first()).map(|t| t.id.clone());
    }
    ui.horizontal_wrapped(|ui| {
        let label = crate::app::bidi::label(ui, crate::tr!("owners-flag-by-hand-at"));
        let mut picked = state.hand_flag_touchpoint.clone().unwrap_or_default();
        egui::ComboBox::from_id_salt("hand_flag_touchpoint")
            .selected_text(bidi::text(ui, touchpoint_name(journey, &picked)))
            .show_ui(ui, |ui| {
                for tp in &journey.touchpoints {
                    ui.selectable_value(&mut picked, tp.id.clone(), bidi::text(ui, &tp.name));
                }
            })
            .response
            .labelled_by(label.id);
        state.hand_flag_touchpoint = Some(picked.clone());
        for kind in [FlagKind::Positive, FlagKind::Negative] {
            let exists = existing_flag(journey, &picked, kind).is_some();
            let button = ui.add_enabled(
                !exists,
                egui::Button::new(match kind {
                    FlagKind::Positive => crate::tr!("owners-add-positive-flag"),
                    FlagKind::Negative => crate::tr!("owners-add-negative-flag"),
                }),
            );
            let button = if exists {
                button.on_disabled_hover_text(crate::tr!("owners-flag-exists"))
            } else {
                button
            };
            if button.clicked() {
                add_hand_flag(app, state, &picked, kind);
            }
        }
    });
}

pub(super) fn add_hand_flag(
    app: &mut EmographApp,
    state: &mut ViewState,
    touchpoint_id: &str,
    kind: FlagKind,
) {
    let journey = app.journey();
    let Some(tp) = journey.touchpoint(touchpoint_id) else {
        return;
    };
    // The touchpoint's owner decides; where nobody owns it yet, the owner on screen takes it.
    let owner = tp
        .owner
        .clone()
        .filter(|id| journey.owner(id).is_some())
        .or_else(|| state.owner_id.clone());
    let Some(mut flag) = journey.new_flag(&tp.id, kind, false) else {
        return;
    };
    flag.owner = owner;
    let flag_id = flag.id.clone();
    if app.apply(Edit::AddFlag { flag }) {
        state.editing = Some(Editing::Flag(flag_id));
        state.scroll_to_editor = true;
    }
}

// ----- unowned -----
