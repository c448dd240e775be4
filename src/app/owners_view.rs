//! Owners & actions: what a process owner opens before a redesign meeting. Pick an owner and see
//! their touchpoints, the critical points there with the numbers that make them critical, their
//! metrics against target and their open actions; below, what nobody owns yet, assignable on the
//! spot. Owners, metrics and flags are edited here too.
//!
//! Every change goes through the document, so it can be undone. Fields that could hold a
//! half-typed, invalid value (a name being retyped, a number, a due date) keep the typed text as a
//! draft while they have focus and commit only what is valid, so `Journey::validate` stays clean.

use std::collections::HashMap;

use egui::{Color32, RichText};

use super::EmographApp;
use super::bidi;
use super::critical_view::{existing_flag, flag_control_ui, flag_point, point_heading};
use crate::analysis::{CriticalPoint, CriticalReport, OwnerEntry, Scope, owner_view};
use crate::model::{
    Action, Better, Flag, FlagKind, Journey, Metric, MetricLevel, Owner, Status, is_iso_date,
};

/// Which metric or flag has its editor open (one at a time, so every field label is unique).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Editing {
    Metric(String),
    Flag(String),
}

/// What the view remembers between frames; kept in egui's memory, not in the document.
#[derive(Clone, Default)]
struct ViewState {
    owner_id: Option<String>,
    editing: Option<Editing>,
    /// Text typed into a field that has focus, by field key, until it is valid.
    drafts: HashMap<String, String>,
    /// The owner whose deletion waits for confirmation.
    confirm_delete_owner: Option<String>,
    /// Touchpoint picked for a flag made by hand.
    hand_flag_touchpoint: Option<String>,
    /// An editor just opened: bring it into view once it has been laid out.
    scroll_to_editor: bool,
}

fn state_id() -> egui::Id {
    egui::Id::unique("owners_view_state")
}

/// Green for on track; dark enough to read on the light panel.
const ON_TRACK: Color32 = Color32::from_rgb(0x1b, 0x7a, 0x2e);

pub fn owners_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    let mut state: ViewState = ctx.data_mut(|d| d.get_temp(state_id())).unwrap_or_default();
    // Without its cases: nothing here reads them, and a journey may hold tens of thousands.
    let journey = app.journey().clone_without_cases();
    let has_cases = !app.journey().cases.is_empty();
    let owner_before = state.owner_id.clone();
    if state
        .owner_id
        .as_deref()
        .is_none_or(|id| journey.owner(id).is_none())
    {
        state.owner_id = journey.owners.first().map(|o| o.id.clone());
    }
    // A result computed on other touchpoints (an older revision still on screen) would point at
    // the wrong ones: show no critical points until the current one is there.
    let result = app
        .analysis
        .current()
        .filter(|r| same_touchpoints(&r.dataset.journey, &journey))
        .cloned();
    let empty = CriticalReport::default();
    let report = result.as_ref().map_or(&empty, |r| &r.critical);
    let view = owner_view(&journey, report, None);

    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.heading("Owners & actions");
            if result.is_none() && has_cases {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("finding the critical points…");
                });
            }
            if let Some(segment) = &app.analysis.settings.segment {
                ui.label(bidi::text(
                    ui,
                    egui::RichText::new(format!(
                        "Critical points of the segment “{segment}” (change it in the view bar)."
                    ))
                    .weak(),
                ));
            }
            owner_bar_ui(app, ui, &mut state, &journey);
            if state.owner_id != owner_before {
                state.hand_flag_touchpoint = None;
            }
            let entry = state
                .owner_id
                .as_deref()
                .and_then(|id| view.owners.iter().find(|e| e.owner.id == id));
            match entry {
                Some(entry) => {
                    owner_editor_ui(app, ui, &mut state, entry.owner);
                    owner_entry_ui(app, ui, &mut state, &journey, entry, result.as_deref());
                }
                None => {
                    ui.label("No owners yet: add the first with “Add owner”.");
                }
            }
            ui.separator();
            hand_flag_ui(app, ui, &mut state, &journey);
            ui.separator();
            unowned_ui(app, ui, &mut state, &journey, &view.unowned, &view.owners);
        });

    confirm_delete_owner_ui(app, &ctx, &mut state);
    ctx.data_mut(|d| d.insert_temp(state_id(), state));
}

fn same_touchpoints(a: &Journey, b: &Journey) -> bool {
    a.touchpoints.len() == b.touchpoints.len()
        && a.touchpoints
            .iter()
            .zip(&b.touchpoints)
            .all(|(x, y)| x.id == y.id)
}

/// "Name · role", or just the name.
fn owner_label(owner: &Owner) -> String {
    if owner.role.trim().is_empty() {
        owner.name.clone()
    } else {
        format!("{} · {}", owner.name, owner.role)
    }
}

fn owner_name(journey: &Journey, owner_id: Option<&str>) -> String {
    owner_id
        .and_then(|id| journey.owner(id))
        .map_or_else(|| "nobody".to_owned(), |o| o.name.clone())
}

fn touchpoint_name(journey: &Journey, touchpoint_id: &str) -> String {
    journey
        .touchpoint(touchpoint_id)
        .map_or_else(|| touchpoint_id.to_owned(), |t| t.name.clone())
}

/// A number without needless decimals: 14, 99.1, 2.25.
pub fn format_number(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

// ----- the owner -----

fn owner_bar_ui(
    app: &mut EmographApp,
    ui: &mut egui::Ui,
    state: &mut ViewState,
    journey: &Journey,
) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Owner:");
        let selected = state
            .owner_id
            .as_deref()
            .and_then(|id| journey.owner(id))
            .map_or_else(|| "no owners yet".to_owned(), owner_label);
        egui::ComboBox::from_id_salt("owner_pick")
            .selected_text(bidi::text(ui, selected))
            .width(260.0)
            .show_ui(ui, |ui| {
                for owner in &journey.owners {
                    ui.selectable_value(
                        &mut state.owner_id,
                        Some(owner.id.clone()),
                        bidi::text(ui, owner_label(owner)),
                    );
                }
            })
            .response
            .labelled_by(label.id);
        if ui.button("Add owner").clicked() {
            let owner_id = Journey::fresh_id("owner", |id| journey.owner(id).is_some());
            let name = format!("Owner {}", journey.owners.len() + 1);
            let owner = Owner {
                id: owner_id.clone(),
                name: name.clone(),
                role: String::new(),
                process: String::new(),
            };
            app.doc
                .edit(format!("Add owner {name}"), |j| j.owners.push(owner));
            state.owner_id = Some(owner_id);
            state.editing = None;
        }
        if let Some(owner_id) = state.owner_id.clone()
            && ui.button("Delete owner").clicked()
        {
            let (touchpoints, metrics, flags) = owned_counts(journey, &owner_id);
            if touchpoints + metrics + flags > 0 {
                state.confirm_delete_owner = Some(owner_id);
            } else {
                delete_owner(app, &owner_id);
            }
        }
    });
}

fn owner_editor_ui(app: &mut EmographApp, ui: &mut egui::Ui, state: &mut ViewState, owner: &Owner) {
    let owner_id = owner.id.clone();
    egui::Grid::new("owner_grid").num_columns(2).show(ui, |ui| {
        let label = ui.label("Owner name");
        let (name, lost) = draft_field(
            ui,
            &mut state.drafts,
            &format!("owner-{owner_id}-name"),
            label.id,
            owner.name.clone(),
            non_empty("a name"),
        );
        if let Some(name) = name {
            edit_owner(app, &owner_id, "name", |o| o.name = name);
        }
        seal_if(app, lost);
        ui.end_row();

        let label = ui.label("Role");
        let mut role = owner.role.clone();
        let r = ui
            .add(egui::TextEdit::singleline(&mut role).desired_width(320.0))
            .labelled_by(label.id);
        if r.changed() {
            edit_owner(app, &owner_id, "role", |o| o.role = role);
        }
        seal_if(app, r.lost_focus());
        ui.end_row();

        let label = ui.label("CRM process they own");
        let mut process = owner.process.clone();
        let r = ui
            .add(egui::TextEdit::singleline(&mut process).desired_width(320.0))
            .labelled_by(label.id);
        if r.changed() {
            edit_owner(app, &owner_id, "process", |o| o.process = process);
        }
        seal_if(app, r.lost_focus());
        ui.end_row();
    });
}

fn edit_owner(app: &mut EmographApp, owner_id: &str, field: &str, change: impl FnOnce(&mut Owner)) {
    let name = owner_name(app.journey(), Some(owner_id));
    app.doc.edit_in_gesture(
        &format!("owner-{owner_id}-{field}"),
        format!("Edit owner {name}"),
        |j| {
            if let Some(owner) = j.owners.iter_mut().find(|o| o.id == owner_id) {
                change(owner);
            }
        },
    );
}

/// Touchpoints, metrics and flags that name this owner.
fn owned_counts(journey: &Journey, owner_id: &str) -> (usize, usize, usize) {
    let is = |o: &Option<String>| o.as_deref() == Some(owner_id);
    (
        journey.touchpoints.iter().filter(|t| is(&t.owner)).count(),
        journey.metrics.iter().filter(|m| is(&m.owner)).count(),
        journey.flags.iter().filter(|f| is(&f.owner)).count(),
    )
}

/// Removes the owner and every reference to them, in one undo step.
fn delete_owner(app: &mut EmographApp, owner_id: &str) {
    let name = owner_name(app.journey(), Some(owner_id));
    app.doc.edit(format!("Delete owner {name}"), |j| {
        j.owners.retain(|o| o.id != owner_id);
        let clear = |o: &mut Option<String>| {
            if o.as_deref() == Some(owner_id) {
                *o = None;
            }
        };
        j.touchpoints.iter_mut().for_each(|t| clear(&mut t.owner));
        j.metrics.iter_mut().for_each(|m| clear(&mut m.owner));
        j.flags.iter_mut().for_each(|f| clear(&mut f.owner));
    });
    app.set_status(
        format!("Deleted owner {name} (Ctrl+Z brings them back)"),
        false,
    );
}

fn confirm_delete_owner_ui(app: &mut EmographApp, ctx: &egui::Context, state: &mut ViewState) {
    let Some(owner_id) = state.confirm_delete_owner.clone() else {
        return;
    };
    let Some(name) = app.journey().owner(&owner_id).map(|o| o.name.clone()) else {
        state.confirm_delete_owner = None;
        return;
    };
    let (touchpoints, metrics, flags) = owned_counts(app.journey(), &owner_id);
    let owned: Vec<String> = [
        (touchpoints, "touchpoint"),
        (metrics, "metric"),
        (flags, "flag"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}{}", if n == 1 { "" } else { "s" }))
    .collect();
    let mut close = false;
    let escaped =
        super::files::modal(ctx, "confirm_delete_owner", |ui| {
            ui.label(bidi::text(
                ui,
                egui::RichText::new(format!("Delete owner “{name}”?")).heading(),
            ));
            ui.label(bidi::text(ui, format!(
                "{name} still owns {}. They will have no owner and show under Unowned until you \
                 assign someone. You can undo this.",
                owned.join(", ")
            )));
            ui.horizontal(|ui| {
                if ui
                    .button("Delete owner and clear their references")
                    .clicked()
                {
                    delete_owner(app, &owner_id);
                    close = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
    if close || escaped {
        state.confirm_delete_owner = None;
    }
}

/// Touchpoints, critical points, metrics and actions of one owner.
fn owner_entry_ui(
    app: &mut EmographApp,
    ui: &mut egui::Ui,
    state: &mut ViewState,
    journey: &Journey,
    entry: &OwnerEntry<'_>,
    result: Option<&super::AnalysisResult>,
) {
    let owner = entry.owner;
    ui.add_space(6.0);
    ui.label(bidi::text(
        ui,
        RichText::new(format!("Touchpoints {} owns", owner.name)).strong(),
    ));
    if entry.touchpoints.is_empty() {
        ui.weak("None yet: assign touchpoints under Unowned below, or in a touchpoint's editor.");
    }
    for &index in &entry.touchpoints {
        let Some(tp) = journey.touchpoints.get(index) else {
            continue;
        };
        let phase = journey
            .phase(&tp.phase)
            .map_or(tp.phase.as_str(), |p| p.name.as_str());
        let mut text = format!(
            "{}. {} · {}",
            index + 1,
            bidi::isolate(&tp.name),
            bidi::isolate(phase)
        );
        if !tp.channel.is_empty() {
            text.push_str(&format!(" · {}", bidi::isolate(&tp.channel)));
        }
        if let Some(stats) = result.and_then(|r| r.stats.get(index))
            && let Some(mean) = stats.mean
        {
            text.push_str(&format!(" · mean {mean:+.1} ({} cases)", stats.n));
        }
        ui.label(bidi::text(ui, text));
    }

    ui.add_space(6.0);
    ui.label(bidi::text(
        ui,
        RichText::new("Critical points there").strong(),
    ));
    if entry.critical.is_empty() {
        ui.weak("No critical point at their touchpoints.");
    }
    critical_rows_ui(
        app,
        ui,
        journey,
        &entry.critical,
        &format!("owner:{}", owner.id),
    );

    ui.add_space(6.0);
    ui.label(bidi::text(
        ui,
        RichText::new("Metrics against target").strong(),
    ));
    if entry.metrics.is_empty() {
        ui.weak("No metric yet: what number would show that a redesign worked?");
    }
    for metric in &entry.metrics {
        metric_row_ui(app, ui, state, journey, metric);
    }
    if ui.button("Add metric").clicked() {
        add_metric(
            app,
            state,
            Some(owner.id.clone()),
            entry
                .touchpoints
                .first()
                .and_then(|&i| journey.touchpoints.get(i))
                .map(|t| t.id.clone()),
        );
    }

    ui.add_space(6.0);
    ui.label(bidi::text(
        ui,
        RichText::new("Actions (open first)").strong(),
    ));
    if entry.flags.is_empty() {
        ui.weak("No actions yet: flag a critical point above or a moment by hand below.");
    }
    for flag in &entry.flags {
        flag_row_ui(app, ui, state, journey, flag);
    }
}

/// The overall critical points, then (folded away unless there is nothing else) those of the
/// typical patterns: the overall ones matter to everyone, the pattern ones to some customers.
fn critical_rows_ui(
    app: &mut EmographApp,
    ui: &mut egui::Ui,
    journey: &Journey,
    points: &[&CriticalPoint],
    salt: &str,
) {
    let mut to_flag = None;
    let (overall, in_patterns): (Vec<&CriticalPoint>, Vec<&CriticalPoint>) =
        points.iter().partition(|p| p.scope == Scope::Overall);
    for point in &overall {
        critical_row_ui(ui, journey, point, &mut to_flag);
    }
    if !in_patterns.is_empty() {
        egui::CollapsingHeader::new(format!("In the typical patterns ({})", in_patterns.len()))
            .id_salt(("critical_in_patterns", salt))
            .default_open(overall.is_empty())
            .show(ui, |ui| {
                for point in &in_patterns {
                    critical_row_ui(ui, journey, point, &mut to_flag);
                }
            });
    }
    if let Some(point) = to_flag {
        flag_point(app, &point);
    }
}

fn critical_row_ui(
    ui: &mut egui::Ui,
    journey: &Journey,
    point: &CriticalPoint,
    to_flag: &mut Option<CriticalPoint>,
) {
    let Some(tp) = journey.touchpoints.get(point.touchpoint) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(bidi::text(
            ui,
            format!(
                "{} · mean {:+.1} · Δ {:+.1} · {:.0}% of cases · score {:.2}",
                point_heading(point, &tp.name),
                point.value,
                point.delta,
                point.share_of_cases * 100.0,
                point.score
            ),
        ))
        .on_hover_text(bidi::text(
            ui,
            format!(
                "depth {:.2} · sharpness {:.2} · share {:.2} · end {:.2}",
                point.parts.depth, point.parts.sharpness, point.parts.share, point.parts.end
            ),
        ));
        let turning: Vec<String> = point
            .turning
            .iter()
            .map(|k| k.label().replace('_', " "))
            .collect();
        if !turning.is_empty() {
            ui.label(bidi::text(
                ui,
                egui::RichText::new(turning.join(", ")).weak(),
            ));
        }
        flag_control_ui(ui, journey, point, tp, to_flag);
    });
}

// ----- metrics -----

/// "on track: target met" in green or "off track: 8 min to go" in red: words, not colour alone.
fn track_words(metric: &Metric, ui: &egui::Ui) -> (String, Color32) {
    let unit = if metric.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", metric.unit)
    };
    match metric.gap() {
        None if metric.target.is_none() => {
            ("no target yet".to_owned(), ui.visuals().weak_text_color())
        }
        None => (
            "no current value yet".to_owned(),
            ui.visuals().weak_text_color(),
        ),
        Some(gap) if gap < 0.0 => (
            format!("on track: beats target by {}{unit}", format_number(-gap)),
            ON_TRACK,
        ),
        Some(gap) if gap <= 0.0 => ("on track: target met".to_owned(), ON_TRACK),
        Some(gap) => (
            format!("off track: {}{unit} to go", format_number(gap)),
            ui.visuals().error_fg_color,
        ),
    }
}

/// "Car park entry to lobby: 14 / 6 min": the metric's name and numbers.
fn metric_summary(metric: &Metric) -> String {
    let number = |v: Option<f64>| v.map_or_else(|| "?".to_owned(), format_number);
    let unit = if metric.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", metric.unit)
    };
    format!(
        "{}: {} / {}{unit}",
        bidi::isolate(&metric.name),
        number(metric.current),
        number(metric.target)
    )
}

fn metric_row_ui(
    app: &mut EmographApp,
    ui: &mut egui::Ui,
    state: &mut ViewState,
    journey: &Journey,
    metric: &Metric,
) {
    let editing = state.editing == Some(Editing::Metric(metric.id.clone()));
    let header = ui
        .horizontal_wrapped(|ui| {
            if ui
                .selectable_label(editing, bidi::text(ui, metric_summary(metric)))
                .on_hover_text("Click to edit this metric")
                .clicked()
            {
                state.editing = if editing {
                    None
                } else {
                    Some(Editing::Metric(metric.id.clone()))
                };
                state.scroll_to_editor = true;
            }
            let (words, color) = track_words(metric, ui);
            ui.label(bidi::text(ui, RichText::new(words).color(color).strong()));
            let better = match metric.better {
                Better::Higher => "higher is better",
                Better::Lower => "lower is better",
            };
            ui.label(bidi::text(
                ui,
                egui::RichText::new(format!("{} · {better}", metric.level.label())).weak(),
            ));
        })
        .response;
    if !metric.sla.is_empty() {
        ui.label(bidi::text(
            ui,
            egui::RichText::new(format!("SLA: {}", metric.sla)).weak(),
        ));
    }
    if editing {
        let editor = ui.indent(("metric_editor", &metric.id), |ui| {
            metric_editor_ui(app, ui, state, journey, metric)
        });
        scroll_to_editor(ui, state, header.rect.union(editor.response.rect));
    }
}

fn add_metric(
    app: &mut EmographApp,
    state: &mut ViewState,
    owner: Option<String>,
    touchpoint: Option<String>,
) {
    let journey = app.journey();
    let metric_id = Journey::fresh_id("metric", |id| journey.metric(id).is_some());
    let name = format!("Metric {}", journey.metrics.len() + 1);
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
    };
    app.doc
        .edit(format!("Add metric {name}"), |j| j.metrics.push(metric));
    state.editing = Some(Editing::Metric(metric_id));
    state.scroll_to_editor = true;
}

fn edit_metric(
    app: &mut EmographApp,
    metric_id: &str,
    field: &str,
    change: impl FnOnce(&mut Metric),
) {
    let name = app
        .journey()
        .metric(metric_id)
        .map_or_else(String::new, |m| m.name.clone());
    app.doc.edit_in_gesture(
        &format!("metric-{metric_id}-{field}"),
        format!("Edit metric {name}"),
        |j| {
            if let Some(metric) = j.metrics.iter_mut().find(|m| m.id == metric_id) {
                change(metric);
            }
        },
    );
}

/// Deletes a metric and takes it off every flag that counted on it (one undo step).
fn delete_metric(app: &mut EmographApp, metric_id: &str) {
    let name = app
        .journey()
        .metric(metric_id)
        .map_or_else(String::new, |m| m.name.clone());
    app.doc.edit(format!("Delete metric {name}"), |j| {
        j.metrics.retain(|m| m.id != metric_id);
        for flag in &mut j.flags {
            flag.metrics.retain(|m| m != metric_id);
        }
    });
    app.set_status(
        format!("Deleted metric {name} (Ctrl+Z brings it back)"),
        false,
    );
}

fn metric_editor_ui(
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
            let label = ui.label("Metric name");
            let (name, lost) = draft_field(
                ui,
                &mut state.drafts,
                &key("name"),
                label.id,
                metric.name.clone(),
                non_empty("a name"),
            );
            if let Some(name) = name {
                edit_metric(app, &metric_id, "name", |m| m.name = name);
            }
            seal_if(app, lost);
            ui.end_row();

            let label = ui.label("Unit");
            let mut unit = metric.unit.clone();
            let r = ui
                .add(egui::TextEdit::singleline(&mut unit).desired_width(120.0))
                .labelled_by(label.id);
            if r.changed() {
                edit_metric(app, &metric_id, "unit", |m| m.unit = unit);
            }
            seal_if(app, r.lost_focus());
            ui.end_row();

            for (field, title, stored) in [
                ("current", "Current value", metric.current),
                ("target", "Target", metric.target),
            ] {
                let label = ui.label(bidi::text(ui, title));
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

            ui.label("Better");
            let mut better = metric.better;
            ui.horizontal(|ui| {
                ui.selectable_value(&mut better, Better::Higher, "higher is better");
                ui.selectable_value(&mut better, Better::Lower, "lower is better");
            });
            if better != metric.better {
                app.doc.edit(
                    format!(
                        "{} of {}: {}",
                        "Direction",
                        metric.name,
                        if better == Better::Higher {
                            "higher is better"
                        } else {
                            "lower is better"
                        }
                    ),
                    |j| {
                        if let Some(m) = j.metrics.iter_mut().find(|m| m.id == metric_id) {
                            m.better = better;
                        }
                    },
                );
            }
            ui.end_row();

            let label = ui.label("Level");
            let mut level = metric.level;
            egui::ComboBox::from_id_salt(("metric_level", &metric_id))
                .selected_text(bidi::text(ui, level.label()))
                .show_ui(ui, |ui| {
                    for choice in MetricLevel::ALL {
                        ui.selectable_value(&mut level, choice, bidi::text(ui, choice.label()));
                    }
                })
                .response
                .labelled_by(label.id);
            if level != metric.level {
                app.doc.edit(
                    format!("Level of {}: {}", metric.name, level.label()),
                    |j| {
                        if let Some(m) = j.metrics.iter_mut().find(|m| m.id == metric_id) {
                            m.level = level;
                        }
                    },
                );
            }
            ui.end_row();

            let label = ui.label("SLA");
            let mut sla = metric.sla.clone();
            let r = ui
                .add(
                    egui::TextEdit::multiline(&mut sla)
                        .desired_rows(2)
                        .desired_width(320.0)
                        .hint_text("e.g. call back within 24 h"),
                )
                .labelled_by(label.id);
            if r.changed() {
                edit_metric(app, &metric_id, "sla", |m| m.sla = sla);
            }
            seal_if(app, r.lost_focus());
            ui.end_row();

            let label = ui.label("Metric owner");
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
                app.doc
                    .edit(format!("Give metric {} to {who}", metric.name), |j| {
                        if let Some(m) = j.metrics.iter_mut().find(|m| m.id == metric_id) {
                            m.owner = owner;
                        }
                    });
            }
            ui.end_row();

            ui.label("Measures");
            ui.vertical(|ui| {
                for tp in &journey.touchpoints {
                    let mut measured = metric.touchpoints.contains(&tp.id);
                    if ui
                        .checkbox(&mut measured, bidi::text(ui, &tp.name))
                        .changed()
                    {
                        let tp_id = tp.id.clone();
                        let verb = if measured {
                            "measures"
                        } else {
                            "no longer measures"
                        };
                        app.doc
                            .edit(format!("{} {verb} {}", metric.name, tp.name), |j| {
                                if let Some(m) = j.metrics.iter_mut().find(|m| m.id == metric_id) {
                                    if measured {
                                        if !m.touchpoints.contains(&tp_id) {
                                            m.touchpoints.push(tp_id);
                                        }
                                    } else {
                                        m.touchpoints.retain(|t| *t != tp_id);
                                    }
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
    let button = ui.button("Delete metric");
    let button = if used_by > 0 {
        button.on_hover_text(bidi::text(
            ui,
            format!("{used_by} flag(s) count on it; it is taken off them (Ctrl+Z undoes)"),
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

fn flag_summary(journey: &Journey, flag: &Flag) -> String {
    let sign = if flag.kind == FlagKind::Positive {
        "+"
    } else {
        "−"
    };
    let due = flag
        .due
        .as_deref()
        .map_or_else(|| "no due date".to_owned(), |d| format!("due {d}"));
    format!(
        "{sign} {}: {} · {} · {due}",
        bidi::isolate(&touchpoint_name(journey, &flag.touchpoint)),
        flag.action.label(),
        flag.status.label()
    )
}

fn flag_row_ui(
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
            if ui
                .selectable_label(editing, bidi::text(ui, text))
                .on_hover_text("Click to edit this action")
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
                ui.weak("(flagged by hand)");
            }
        })
        .response;
    if !flag.action_text.is_empty() {
        ui.label(bidi::text(ui, format!("    {}", flag.action_text)));
    }
    if !flag.note.is_empty() {
        ui.label(bidi::text(
            ui,
            egui::RichText::new(format!("    why: {}", flag.note)).weak(),
        ));
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
        ui.label(bidi::text(
            ui,
            egui::RichText::new(format!("    success shows in: {}", metrics.join("; "))).weak(),
        ));
    }
    if editing {
        let editor = ui.indent(("flag_editor", &flag.id), |ui| {
            flag_editor_ui(app, ui, state, journey, flag)
        });
        scroll_to_editor(ui, state, header.rect.union(editor.response.rect));
    }
}

/// Once, right after an editor opened: scroll so all of it is on screen.
fn scroll_to_editor(ui: &mut egui::Ui, state: &mut ViewState, rect: egui::Rect) {
    if std::mem::take(&mut state.scroll_to_editor) {
        ui.scroll_to_rect(rect, None);
    }
}

fn edit_flag(
    app: &mut EmographApp,
    flag_id: &str,
    gesture: Option<&str>,
    label: String,
    change: impl FnOnce(&mut Flag),
) {
    let apply = |j: &mut Journey| {
        if let Some(flag) = j.flags.iter_mut().find(|f| f.id == flag_id) {
            change(flag);
        }
    };
    match gesture {
        Some(field) => app
            .doc
            .edit_in_gesture(&format!("flag-{flag_id}-{field}"), label, apply),
        None => app.doc.edit(label, apply),
    }
}

fn flag_editor_ui(
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
            let label = ui.label("Touchpoint");
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
                edit_flag(app, &flag_id, None, format!("Move flag to {to}"), |f| {
                    f.touchpoint = touchpoint
                });
            }
            ui.end_row();

            ui.label("Direction");
            let mut kind = flag.kind;
            ui.horizontal(|ui| {
                ui.selectable_value(&mut kind, FlagKind::Positive, "positive");
                ui.selectable_value(&mut kind, FlagKind::Negative, "negative");
            });
            if kind != flag.kind {
                edit_flag(
                    app,
                    &flag_id,
                    None,
                    format!("Flag at {at}: {}", kind.label()),
                    |f| f.kind = kind,
                );
            }
            ui.end_row();

            let label = ui.label("Flag owner");
            let mut owner = flag.owner.clone();
            owner_combo_ui(ui, ("flag_owner", &flag_id), label.id, journey, &mut owner);
            if owner != flag.owner {
                let who = owner_name(journey, owner.as_deref());
                edit_flag(
                    app,
                    &flag_id,
                    None,
                    format!("Give flag at {at} to {who}"),
                    |f| f.owner = owner,
                );
            }
            ui.end_row();

            ui.label("Metrics that will show success");
            ui.vertical(|ui| {
                if journey.metrics.is_empty() {
                    ui.weak("No metrics yet (“Add metric” above).");
                }
                for metric in &journey.metrics {
                    let mut counted = flag.metrics.contains(&metric.id);
                    if ui
                        .checkbox(&mut counted, bidi::text(ui, &metric.name))
                        .changed()
                    {
                        let metric_id = metric.id.clone();
                        let verb = if counted {
                            "counts on"
                        } else {
                            "no longer counts on"
                        };
                        edit_flag(
                            app,
                            &flag_id,
                            None,
                            format!("Flag at {at} {verb} {}", metric.name),
                            |f| {
                                if counted {
                                    if !f.metrics.contains(&metric_id) {
                                        f.metrics.push(metric_id);
                                    }
                                } else {
                                    f.metrics.retain(|m| *m != metric_id);
                                }
                            },
                        );
                    }
                }
            });
            ui.end_row();

            ui.label("Action");
            let mut action = flag.action;
            ui.horizontal(|ui| {
                ui.selectable_value(&mut action, Action::Amplify, "amplify")
                    .on_hover_text("Make a positive moment bigger or more frequent");
                ui.selectable_value(&mut action, Action::Prevent, "prevent")
                    .on_hover_text("Remove the cause of a negative moment");
                ui.selectable_value(&mut action, Action::ShortenResponse, "shorten response")
                    .on_hover_text(
                        "Where it can't be prevented: respond faster and soften the drop",
                    );
            });
            if action != flag.action {
                edit_flag(
                    app,
                    &flag_id,
                    None,
                    format!("Action at {at}: {}", action.label()),
                    |f| f.action = action,
                );
            }
            ui.end_row();

            let label = ui.label("Agreed action");
            let mut text = flag.action_text.clone();
            let r = ui
                .add(
                    egui::TextEdit::multiline(&mut text)
                        .desired_rows(2)
                        .desired_width(360.0)
                        .hint_text("What the team agreed to do"),
                )
                .labelled_by(label.id);
            if r.changed() {
                edit_flag(
                    app,
                    &flag_id,
                    Some("action_text"),
                    format!("Agree action at {at}"),
                    |f| f.action_text = text,
                );
            }
            seal_if(app, r.lost_focus());
            ui.end_row();

            let label = ui.label("Due date (YYYY-MM-DD)");
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
                    format!("Due date at {at}"),
                    |f| f.due = due,
                );
            }
            seal_if(app, lost);
            ui.end_row();

            ui.label("Status");
            let mut status = flag.status;
            ui.horizontal(|ui| {
                for choice in Status::ALL {
                    ui.selectable_value(&mut status, choice, bidi::text(ui, choice.label()));
                }
            });
            if status != flag.status {
                edit_flag(
                    app,
                    &flag_id,
                    None,
                    format!("Flag at {at}: {}", status.label()),
                    |f| f.status = status,
                );
            }
            ui.end_row();

            let label = ui.label("Note");
            let mut note = flag.note.clone();
            let r = ui
                .add(
                    egui::TextEdit::multiline(&mut note)
                        .desired_rows(2)
                        .desired_width(360.0),
                )
                .labelled_by(label.id);
            if r.changed() {
                edit_flag(
                    app,
                    &flag_id,
                    Some("note"),
                    format!("Note on flag at {at}"),
                    |f| f.note = note,
                );
            }
            seal_if(app, r.lost_focus());
            ui.end_row();
        });
    if ui.button("Delete flag").clicked() {
        app.doc.edit(format!("Delete flag at {at}"), |j| {
            j.flags.retain(|f| f.id != flag_id)
        });
        state.editing = None;
        app.set_status(
            format!("Deleted the flag at {at} (Ctrl+Z brings it back)"),
            false,
        );
    }
}

/// A flag for a moment the detector missed (or that the team sees differently).
fn hand_flag_ui(
    app: &mut EmographApp,
    ui: &mut egui::Ui,
    state: &mut ViewState,
    journey: &Journey,
) {
    ui.label(bidi::text(
        ui,
        RichText::new("Flag a moment by hand").strong(),
    ));
    if journey.touchpoints.is_empty() {
        ui.weak("Add touchpoints first.");
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
        let label = ui.label("Flag by hand at");
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
                egui::Button::new(format!("Add {} flag", kind.label())),
            );
            let button = if exists {
                button.on_disabled_hover_text("There is already such a flag here")
            } else {
                button
            };
            if button.clicked() {
                add_hand_flag(app, state, &picked, kind);
            }
        }
    });
}

fn add_hand_flag(
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
    let label = format!("Flag {} at {} by hand", kind.label(), tp.name);
    app.doc.edit(label, |j| j.flags.push(flag));
    state.editing = Some(Editing::Flag(flag_id));
    state.scroll_to_editor = true;
}

// ----- unowned -----

fn unowned_ui(
    app: &mut EmographApp,
    ui: &mut egui::Ui,
    state: &mut ViewState,
    journey: &Journey,
    unowned: &crate::analysis::Unowned<'_>,
    owners: &[OwnerEntry<'_>],
) {
    ui.heading("Unowned");
    // Metrics that no owner's list shows: nobody owns them and they measure nobody's touchpoint.
    let orphan_metrics: Vec<&Metric> = journey
        .metrics
        .iter()
        .filter(|m| {
            !owners
                .iter()
                .any(|e| e.metrics.iter().any(|x| x.id == m.id))
        })
        .collect();
    if unowned.touchpoints.is_empty() && unowned.flags.is_empty() && orphan_metrics.is_empty() {
        ui.label("Everything has an owner.");
        return;
    }
    if !unowned.touchpoints.is_empty() {
        ui.label(bidi::text(
            ui,
            RichText::new("Touchpoints nobody owns").strong(),
        ));
        for &index in &unowned.touchpoints {
            let Some(tp) = journey.touchpoints.get(index) else {
                continue;
            };
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(bidi::text(
                    ui,
                    format!("{}. {}: assign to", index + 1, bidi::isolate(&tp.name)),
                ));
                let mut owner: Option<String> = None;
                owner_combo_ui(
                    ui,
                    ("assign_touchpoint", &tp.id),
                    label.id,
                    journey,
                    &mut owner,
                );
                if let Some(owner_id) = owner {
                    assign_touchpoint(app, &tp.id, &owner_id);
                }
            });
        }
    }
    if !unowned.critical.is_empty() {
        ui.add_space(4.0);
        ui.label(bidi::text(
            ui,
            RichText::new("Critical points nobody owns").strong(),
        ));
        critical_rows_ui(app, ui, journey, &unowned.critical, "unowned");
    }
    if !unowned.flags.is_empty() {
        ui.add_space(4.0);
        ui.label(bidi::text(
            ui,
            RichText::new("Actions nobody owns").strong(),
        ));
        for flag in &unowned.flags {
            flag_row_ui(app, ui, state, journey, flag);
        }
    }
    if !orphan_metrics.is_empty() {
        ui.add_space(4.0);
        ui.label(bidi::text(
            ui,
            RichText::new("Metrics nobody owns").strong(),
        ));
        for metric in orphan_metrics {
            metric_row_ui(app, ui, state, journey, metric);
        }
    }
}

/// Gives a touchpoint to an owner, with the flags there that nobody owns yet (one undo step).
fn assign_touchpoint(app: &mut EmographApp, touchpoint_id: &str, owner_id: &str) {
    let journey = app.journey();
    let name = touchpoint_name(journey, touchpoint_id);
    let who = owner_name(journey, Some(owner_id));
    app.doc.edit(format!("Give {name} to {who}"), |j| {
        let known: Vec<String> = j.owners.iter().map(|o| o.id.clone()).collect();
        if let Some(tp) = j.touchpoints.iter_mut().find(|t| t.id == touchpoint_id) {
            tp.owner = Some(owner_id.to_owned());
        }
        for flag in j.flags.iter_mut().filter(|f| f.touchpoint == touchpoint_id) {
            if flag.owner.as_ref().is_none_or(|o| !known.contains(o)) {
                flag.owner = Some(owner_id.to_owned());
            }
        }
    });
    app.set_status(format!("{who} now owns {name}"), false);
}

// ----- fields -----

/// "nobody" plus every owner, labelled by `label_id` (ComboBoxes need a name to be reachable).
fn owner_combo_ui(
    ui: &mut egui::Ui,
    salt: impl std::hash::Hash + std::fmt::Debug,
    label_id: egui::Id,
    journey: &Journey,
    owner: &mut Option<String>,
) {
    egui::ComboBox::from_id_salt(salt)
        .selected_text(bidi::text(ui, owner_name(journey, owner.as_deref())))
        .show_ui(ui, |ui| {
            ui.selectable_value(owner, None, "nobody");
            for o in &journey.owners {
                ui.selectable_value(owner, Some(o.id.clone()), bidi::text(ui, owner_label(o)));
            }
        })
        .response
        .labelled_by(label_id);
}

fn seal_if(app: &mut EmographApp, lost_focus: bool) {
    if lost_focus {
        app.doc.seal();
    }
}

fn non_empty(what: &'static str) -> impl Fn(&str) -> Result<String, String> {
    move |text: &str| {
        if text.trim().is_empty() {
            Err(format!("type {what}; it can't be empty"))
        } else {
            Ok(text.to_owned())
        }
    }
}

/// Empty clears the value; decimal commas are accepted.
fn parse_number(text: &str) -> Result<Option<f64>, String> {
    let text = text.trim().replace(',', ".");
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(Some(value)),
        _ => Err("type a number, e.g. 12.5 (or leave it empty)".to_owned()),
    }
}

fn parse_due(text: &str) -> Result<Option<String>, String> {
    let text = text.trim();
    if text.is_empty() {
        Ok(None)
    } else if is_iso_date(text) {
        Ok(Some(text.to_owned()))
    } else {
        Err("not a date like 2026-12-31 yet".to_owned())
    }
}

/// A one-line field that keeps what is typed while it has focus; `parse` decides what may be
/// committed. Returns the value to commit (when the text changed and is valid) and whether the
/// field lost focus; shows why the text isn't valid below it.
fn draft_field<T>(
    ui: &mut egui::Ui,
    drafts: &mut HashMap<String, String>,
    key: &str,
    label_id: egui::Id,
    stored: String,
    parse: impl Fn(&str) -> Result<T, String>,
) -> (Option<T>, bool) {
    let id = egui::Id::unique(("owners_view_field", key));
    let focused = ui.memory(|m| m.has_focus(id));
    let mut text = if focused {
        drafts.get(key).cloned().unwrap_or_else(|| stored.clone())
    } else {
        stored
    };
    let mut commit = None;
    let mut lost = false;
    ui.vertical(|ui| {
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .id(id)
                    .desired_width(240.0),
            )
            .labelled_by(label_id);
        if response.has_focus() {
            drafts.insert(key.to_owned(), text.clone());
        } else {
            drafts.remove(key);
        }
        lost = response.lost_focus();
        match parse(&text) {
            Ok(value) if response.changed() => commit = Some(value),
            Ok(_) => {}
            Err(why) if response.has_focus() || response.changed() => {
                ui.label(bidi::text(
                    ui,
                    egui::RichText::new(why).color(ui.visuals().error_fg_color),
                ));
            }
            Err(_) => {}
        }
    });
    (commit, lost)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_lose_needless_decimals() {
        assert_eq!(format_number(14.0), "14");
        assert_eq!(format_number(100.0), "100");
        assert_eq!(format_number(99.1), "99.1");
        assert_eq!(format_number(2.25), "2.25");
        assert_eq!(format_number(-0.001), "0");
    }

    #[test]
    fn fields_accept_only_valid_values() {
        assert_eq!(parse_number(" 12,5 "), Ok(Some(12.5)));
        assert_eq!(parse_number(""), Ok(None));
        assert!(parse_number("twelve").is_err());
        assert!(parse_number("inf").is_err());
        assert_eq!(parse_due("2026-12-31"), Ok(Some("2026-12-31".to_owned())));
        assert_eq!(parse_due(""), Ok(None));
        assert!(parse_due("2026-13-01").is_err());
        assert!(parse_due("31.12.2026").is_err());
        assert!(non_empty("a name")("  ").is_err());
    }
}
