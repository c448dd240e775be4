//! A metric's row (value against target, in words) and its editor.

use super::Editing;
use super::ON_TRACK;
use super::ViewState;
use super::fields::draft_field;
use super::fields::non_empty_name;
use super::fields::parse_number;
use super::fields::seal_if;
use super::flags::scroll_to_editor;
use super::format_number;
use super::owner_list::owner_combo_ui;
use super::owner_name;
use crate::app::EmographApp;
use crate::app::bidi;
use crate::app::field_id::field_id;
use crate::i18n::core_words as words;
use crate::model::Better;
use crate::model::Journey;
use crate::model::Metric;
use crate::model::MetricLevel;
use crate::session::Edit;
use egui::Color32;
use egui::RichText;

/// "on track: target met" in green or "off track: 8 min to go" in red: words, not colour alone.
pub(super) fn track_words(metric: &Metric, ui: &egui::Ui) -> (String, Color32) {
    let unit = if metric.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", metric.unit)
    };
    match metric.gap() {
        None if metric.target.is_none() => (
            crate::tr!("metric-no-target"),
            ui.visuals().weak_text_color(),
        ),
        None => (
            crate::tr!("metric-no-current"),
            ui.visuals().weak_text_color(),
        ),
        Some(gap) if gap < 0.0 => (
            crate::tr!(
                "metric-beats-target",
                by = format!("{}{unit}", format_number(-gap))
            ),
            ON_TRACK,
        ),
        Some(gap) if gap <= 0.0 => (crate::tr!("metric-target-met"), ON_TRACK),
        Some(gap) => (
            crate::tr!(
                "metric-off-track",
                to_go = format!("{}{unit}", format_number(gap))
            ),
            ui.visuals().error_fg_color,
        ),
    }
}

/// "Car park entry to lobby: 14 / 6 min": the metric's name and numbers.
pub(super) fn metric_summary(metric: &Metric) -> String {
    let number = |v: Option<f64>| v.map_or_else(|| "?".to_owned(), format_number);
    let unit = if metric.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", metric.unit)
    };
    format!(
        "{}: {} / {}{unit}",
        bidi::isolate(&metric.name),
        number(metric.current_value()),
        number(metric.target)
    )
}

pub(super) fn metric_row_ui(
    app: &mut EmographApp,
    ui: &mut egui::Ui,
    state: &mut ViewState,
    journey: &Journey,
    metric: &Metric,
) {
    let editing = state.editing == Some(Editing::Metric(metric.id.clone()));
    let header = ui
        .horizontal_wrapped(|ui| {
            // While its editor is open the header keeps to one line, cut at the panel's edge,
            // so that a name typed below cannot wrap it and move the editor under the pointer.
            let button = egui::Button::selectable(editing, bidi::text(ui, metric_summary(metric)));
            let button = if editing { button.truncate() } else { button };
            if ui
                .add(button)
                .on_hover_text(crate::tr!("owners-click-edit-metric"))
                .clicked()
            {
                state.editing = if editing {
                    None
                } else {
                    Some(Editing::Metric(metric.id.clone()))
                };
                state.scroll_to_editor = true;
            }
            if editing {
                return;
            }
            let (words, color) = track_words(metric, ui);
            bidi::label(ui, RichText::new(words).color(color).strong());
            let better = match metric.better {
                Better::Higher => crate::tr!("metric-higher-better"),
                Better::Lower => crate::tr!("metric-lower-better"),
            };
            bidi::label(
                ui,
                egui::RichText::new(format!("{} · {better}", words::metric_level(metric.level)))
                    .weak(),
            );
        })
        .response;
    // The SLA line would repeat the editor's field and, appearing above it as the user types,
    // move the editor under the pointer: while the editor is open, it is not shown.
    if !metric.sla.is_empty() && !editing {
        bidi::label(
            ui,
            egui::RichText::new(crate::tr!("owners-sla-line", sla = metric.sla.as_str())).weak(),
        );
    }
    if editing {
        let editor = ui.indent(("metric_editor", &metric.id), |ui| {
            metric_editor_ui(app, ui, state, journey, metric)
        });
        scroll_to_editor(ui, state, header.rect.union(editor.response.rect));
    }
}

pub(super) fn add_metric(
    app: &mut EmographApp,
    state: &mut ViewState,
    owner: Option<String>,
    touchpoint: Option<String>,
) {
    let journey = app.journey();
    let metric_id = Journey::fresh_id("metric", |id| journey.metric(id).is_some());
    let name = crate::tr!("owners-default-metric-name", n = journey.metrics.len() + 1);
    let metric = Metric {
        id: metric_id.clone(),
        name: name.clone(),
        unit: String::new(),
        current: None,
        target: None,
        better: Better::Higher,
        level: MetricLevel::Operational,
        sla: String::new(),
        owner,
        touchpoints: touchpoint.into_iter().collect(),
        history: Vec::new(),
    };
    if app.apply(Edit::AddMetric { metric }) {
        state.editing = Some(Editing::Metric(metric_id));
        state.scroll_to_editor = true;
    }
}

pub(super) fn edit_metric(
    app: &mut EmographApp,
    metric_id: &str,
    field: &str,
    change: impl FnOnce(&mut Metric),
) {
    let Some(mut metric) = app.journey().metric(metric_id).cloned() else {
        return;
    };
    change(&mut metric);
    let gesture = format!("metric-{metric_id}-{field}");
    app.apply_in_gesture(&gesture, Edit::UpdateMetric { metric });
}

/// A change of a metric that is one undo step of its own (a choice, not typing).
pub(super) fn update_metric(
    app: &mut EmographApp,
    metric_id: &str,
    label: String,
    change: impl FnOnce(&mut Metric),
) {
    let Some(mut metric) = app.journey().metric(metric_id).cloned() else {
        return;
    };
    change(&mut metric);
    app.apply_named(None, label, Edit::UpdateMetric { metric });
}

/// Deletes a metric and takes it off every flag that counted on it (one undo step).
pub(super) fn delete_metric(app: &mut EmographApp, metric_id: &str) {
    let name = app
        .journey()
        .metric(metric_id)
        .map_or_else(String::new, |m| m.name.clone());
    let metric_id = metric_id.to_owned();
    if !app.apply(Edit::DeleteMetric { metric_id }) {
        return;
    }
    app.set_status(
        crate::tr!("owners-metric-deleted", name = name.as_str()),
        false,
    );
}

pub(super) fn metric_editor_ui(
    app: &mut EmographApp,
    ui: &mut egui::Ui,
    state: &mut ViewState,
    journey: &Journey,
    metric: &Metric,
) {
    let metric_id = metric.id.clone();
    let key = |field: &str| format!("metric-{metric_id}-{field}");
    egui::Grid::new(("metric_grid", &metric_id))
        .num_columns(2)
        .show(ui, |ui| {
            let label = crate::app::bidi::label(ui, crate::tr!("owners-metric-name"));
            let (name, lost) = draft_field(
                ui,
                &mut state.drafts,
                &key("name"),
                label.id,
                metric.name.clone(),
                non_empty_name(),
            );
            if let Some(name) = name {
                edit_metric(app, &metric_id, "name", |m| m.name = name);
            }
            seal_if(app, lost);
            ui.end_row();

            let label = crate::app::bidi::label(ui, crate::tr!("owners-unit"));
            let mut unit = metric.unit.clone();
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut unit)
                        .id(field_id(&metric_id, "metric-unit"))
                        .desired_width(120.0),
                )
                .labelled_by(label.id);
            if r.changed() {
                edit_metric(app, &metric_id, "unit", |m| m.unit = unit);
            }
            seal_if(app, r.lost_focus());
            ui.end_row();

            for (field, title, stored) in [
                (
                    "current",
                    crate::tr!("owners-current-value"),
                    metric.current,
                ),
                ("target", crate::tr!("owners-target"), metric.target),
            ] {
                let label = bidi::label(ui, title);
                let (value, lost) = draft_field(
                    ui,
                    &mut state.drafts,
                    &key(field),
                    label.id,
                    stored.map_or_else(String::new, format_number),
                    parse_number,
                );
                if let Some(value) = value {
                    edit_metric(app, &metric_id, field, |m| {
                        if field == "current" {
                            m.current = value;
                        } else {
                            m.target = value;
                        }
                    });
                }
                seal_if(app, lost);
                ui.end_row();
            }

            // A fixed row, so the gap can change with every key without moving anything.
            crate::app::bidi::label(ui, crate::tr!("owners-against-target"));
            let (words, color) = track_words(metric, ui);
            bidi::label(ui, RichText::new(words).color(color).strong());
            ui.end_row();

            crate::app::bidi::label(ui, crate::tr!("owners-better"));
            let mut better = metric.better;
            ui.horizontal(|ui| {
                ui.selectable_value(
                    &mut better,
                    Better::Higher,
                    crate::tr!("metric-higher-better"),
                );
                ui.selectable_value(
                    &mut better,
                    Better::Lower,
                    crate::tr!("metric-lower-better"),
                );
            });
            if better != metric.better {
                let direction = if better == Better::Higher {
                    crate::tr!("metric-higher-better")
                } else {
                    crate::tr!("metric-lower-better")
                };
                let label = crate::tr!(
                    "edit-metric-direction",
                    name = metric.name.as_str(),
                    direction = direction
                );
                update_metric(app, &metric_id, label, |m| m.better = better);
            }
            ui.end_row();

            let label = crate::app::bidi::label(ui, crate::tr!("owners-level"));
            let mut level = metric.level;
            egui::ComboBox::from_id_salt(("metric_level", &metric_id))
                .selected_text(bidi::text(ui, words::metric_level(level)))
                .show_ui(ui, |ui| {
                    for choice in MetricLevel::ALL {
                        ui.selectable_value(
                            &mut level,
                            choice,
                            bidi::text(ui, words::metric_level(choice)),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
            if level != metric.level {
                let label = crate::tr!(
                    "edit-metric-level",
                    name = metric.name.as_str(),
                    level = words::metric_level(level)
                );
                update_metric(app, &metric_id, label, |m| m.level = level);
            }
            ui.end_row();

            let label = crate::app::bidi::label(ui, crate::tr!("owners-sla"));
            let mut sla = metric.sla.clone();
            let r = ui
                .add(
                    egui::TextEdit::multiline(&mut sla)
                        .id(field_id(&metric_id, "metric-sla"))
                        .desired_rows(2)
                        .desired_width(320.0)
                        .hint_text(crate::app::bidi::text(ui, crate::tr!("owners-sla-hint"))),
                )
                .labelled_by(label.id);
            if r.changed() {
                edit_metric(app, &metric_id, "sla", |m| m.sla = sla);
            }
            seal_if(app, r.lost_focus());
            ui.end_row();

            let label = crate::app::bidi::label(ui, crate::tr!("owners-metric-owner"));
            let mut owner = metric.owner.clone();
            owner_combo_ui(
                ui,
                ("metric_owner", &metric_id),
                label.id,
                journey,
                &mut owner,
            );
            if owner != metric.owner {
                let who = owner_name(journey, owner.as_deref());
                let label = crate::tr!(
                    "edit-give-metric",
                    name = metric.name.as_str(),
                    who = who.as_str()
                );
                update_metric(app, &metric_id, label, |m| m.owner = owner);
            }
            ui.end_row();

            crate::app::bidi::label(ui, crate::tr!("owners-measures-label"));
            ui.vertical(|ui| {
                for tp in &journey.touchpoints {
                    let mut measured = metric.touchpoints.contains(&tp.id);
                    if bidi::checkbox(ui, &mut measured, &tp.name).changed() {
                        let tp_id = tp.id.clone();
                        let (name, at) = (metric.name.as_str(), tp.name.as_str());
                        let label = if measured {
                            crate::tr!("edit-metric-measures", name = name, at = at)
                        } else {
                            crate::tr!("edit-metric-no-longer-measures", name = name, at = at)
                        };
                        update_metric(app, &metric_id, label, |m| {
                            if measured {
                                if !m.touchpoints.contains(&tp_id) {
                                    m.touchpoints.push(tp_id);
                                }
                            } else {
                                m.touchpoints.retain(|t| *t != tp_id);
                            }
                        });
                    }
                }
            });
            ui.end_row();
        });
    let used_by = journey
        .flags
        .iter()
        .filter(|f| f.metrics.contains(&metric_id))
        .count();
    let button = ui.button(crate::tr!("owners-delete-metric"));
    let button = if used_by > 0 {
        button.on_hover_text(bidi::text(
            ui,
            crate::tr!("owners-metric-used-by", n = used_by),
        ))
    } else {
        button
    };
    if button.clicked() {
        delete_metric(app, &metric_id);
        state.editing = None;
    }
}

// ----- flags -----
