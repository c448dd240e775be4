//! The owner picker and editor, what one owner holds (touchpoints, critical points, metrics,
//! actions), and what nobody owns yet.

use super::ViewState;
use super::fields::draft_field;
use super::fields::non_empty_name;
use super::fields::seal_if;
use super::flags::flag_row_ui;
use super::metrics::add_metric;
use super::metrics::metric_row_ui;
use super::owner_label;
use super::owner_name;
use super::touchpoint_name;
use crate::analysis::CriticalPoint;
use crate::analysis::OwnerEntry;
use crate::analysis::Scope;
use crate::app::EmographApp;
use crate::app::bidi;
use crate::app::critical_view::flag_control_ui;
use crate::app::critical_view::flag_point;
use crate::app::critical_view::point_heading;
use crate::app::field_id::field_id;
use crate::model::Journey;
use crate::model::Metric;
use crate::model::Owner;
use crate::session::Edit;
use egui::RichText;

pub(super) fn owner_bar_ui(
    app: &mut EmographApp,
    ui: &mut egui::Ui,
    state: &mut ViewState,
    journey: &Journey,
) {
    ui.horizontal_wrapped(|ui| {
        let label = crate::app::bidi::label(ui, crate::tr!("owners-owner"));
        let selected = state
            .owner_id
            .as_deref()
            .and_then(|id| journey.owner(id))
            .map_or_else(|| crate::tr!("owners-none-yet"), owner_label);
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
        if ui.button(crate::tr!("owners-add-owner")).clicked() {
            let owner_id = Journey::fresh_id("owner", |id| journey.owner(id).is_some());
            let name = crate::tr!("owners-default-name", n = journey.owners.len() + 1);
            let owner = Owner {
                id: owner_id.clone(),
                name: name.clone(),
                role: String::new(),
                process: String::new(),
            };
            if app.apply(Edit::AddOwner { owner }) {
                state.owner_id = Some(owner_id);
                state.editing = None;
            }
        }
        if let Some(owner_id) = state.owner_id.clone()
            && ui.button(crate::tr!("owners-delete-owner")).clicked()
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

pub(super) fn owner_editor_ui(
    app: &mut EmographApp,
    ui: &mut egui::Ui,
    state: &mut ViewState,
    owner: &Owner,
) {
    let owner_id = owner.id.clone();
    egui::Grid::new("owner_grid").num_columns(2).show(ui, |ui| {
        let label = crate::app::bidi::label(ui, crate::tr!("owners-owner-name"));
        let (name, lost) = draft_field(
            ui,
            &mut state.drafts,
            &format!("owner-{owner_id}-name"),
            label.id,
            owner.name.clone(),
            non_empty_name(),
        );
        if let Some(name) = name {
            edit_owner(app, &owner_id, "name", |o| o.name = name);
        }
        seal_if(app, lost);
        ui.end_row();

        let label = crate::app::bidi::label(ui, crate::tr!("owners-role"));
        let mut role = owner.role.clone();
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut role)
                    .id(field_id(&owner_id, "owner-role"))
                    .desired_width(320.0),
            )
            .labelled_by(label.id);
        if r.changed() {
            edit_owner(app, &owner_id, "role", |o| o.role = role);
        }
        seal_if(app, r.lost_focus());
        ui.end_row();

        let label = crate::app::bidi::label(ui, crate::tr!("owners-process"));
        let mut process = owner.process.clone();
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut process)
                    .id(field_id(&owner_id, "owner-process"))
                    .desired_width(320.0),
            )
            .labelled_by(label.id);
        if r.changed() {
            edit_owner(app, &owner_id, "process", |o| o.process = process);
        }
        seal_if(app, r.lost_focus());
        ui.end_row();
    });
}

pub(super) fn edit_owner(
    app: &mut EmographApp,
    owner_id: &str,
    field: &str,
    change: impl FnOnce(&mut Owner),
) {
    let Some(mut owner) = app.journey().owner(owner_id).cloned() else {
        return;
    };
    change(&mut owner);
    app.apply_in_gesture(
        &format!("owner-{owner_id}-{field}"),
        Edit::UpdateOwner { owner },
    );
}

/// Touchpoints, metrics and flags that name this owner.
pub(super) fn owned_counts(journey: &Journey, owner_id: &str) -> (usize, usize, usize) {
    let is = |o: &Option<String>| o.as_deref() == Some(owner_id);
    (
        journey.touchpoints.iter().filter(|t| is(&t.owner)).count(),
        journey.metrics.iter().filter(|m| is(&m.owner)).count(),
        journey.flags.iter().filter(|f| is(&f.owner)).count(),
    )
}

/// Removes the owner and every reference to them, in one undo step.
pub(super) fn delete_owner(app: &mut EmographApp, owner_id: &str) {
    let name = owner_name(app.journey(), Some(owner_id));
    let owner_id = owner_id.to_owned();
    if !app.apply(Edit::DeleteOwner { owner_id }) {
        return;
    }
    app.set_status(crate::tr!("owners-deleted", name = name.as_str()), false);
}

pub(super) fn confirm_delete_owner_ui(
    app: &mut EmographApp,
    ctx: &egui::Context,
    state: &mut ViewState,
) {
    let Some(owner_id) = state.confirm_delete_owner.clone() else {
        return;
    };
    let Some(name) = app.journey().owner(&owner_id).map(|o| o.name.clone()) else {
        state.confirm_delete_owner = None;
        return;
    };
    let (touchpoints, metrics, flags) = owned_counts(app.journey(), &owner_id);
    let owned: Vec<String> = [
        (touchpoints, "owners-n-touchpoints"),
        (metrics, "owners-n-metrics"),
        (flags, "owners-n-flags"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, key)| crate::i18n::message(key, &[("n", n.into())]))
    .collect();
    let mut close = false;
    let escaped = crate::app::dialogs::modal(ctx, "confirm_delete_owner", |ui| {
        bidi::label(
            ui,
            egui::RichText::new(crate::tr!("owners-delete-question", name = name.as_str()))
                .heading(),
        );
        bidi::label(
            ui,
            crate::tr!(
                "owners-still-owns",
                name = name.as_str(),
                owned = owned.join(", ")
            ),
        );
        ui.horizontal(|ui| {
            if ui.button(crate::tr!("owners-delete-owner-refs")).clicked() {
                delete_owner(app, &owner_id);
                close = true;
            }
            if ui.button(crate::tr!("dialog-cancel")).clicked() {
                close = true;
            }
        });
    });
    if close || escaped {
        state.confirm_delete_owner = None;
    }
}

/// Touchpoints, critical points, metrics and actions of one owner.
pub(super) fn owner_entry_ui(
    app: &mut EmographApp,
    ui: &mut egui::Ui,
    state: &mut ViewState,
    journey: &Journey,
    entry: &OwnerEntry<'_>,
    result: Option<&crate::app::AnalysisResult>,
) {
    let owner = entry.owner;
    ui.add_space(6.0);
    bidi::label(
        ui,
        RichText::new(crate::tr!(
            "owners-touchpoints-of",
            name = owner.name.as_str()
        ))
        .strong(),
    );
    if entry.touchpoints.is_empty() {
        crate::app::bidi::label(
            ui,
            egui::RichText::new(crate::tr!("owners-none-touchpoints")).weak(),
        );
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
            text.push_str(&format!(
                " · {}",
                crate::tr!(
                    "owners-touchpoint-mean",
                    mean = format!("{mean:+.1}"),
                    n = stats.n
                )
            ));
        }
        bidi::label(ui, text);
    }

    ui.add_space(6.0);
    bidi::label(
        ui,
        RichText::new(crate::tr!("owners-critical-there")).strong(),
    );
    if entry.critical.is_empty() {
        crate::app::bidi::label(
            ui,
            egui::RichText::new(crate::tr!("owners-no-critical-there")).weak(),
        );
    }
    critical_rows_ui(
        app,
        ui,
        journey,
        &entry.critical,
        &format!("owner:{}", owner.id),
    );

    ui.add_space(6.0);
    bidi::label(
        ui,
        RichText::new(crate::tr!("owners-metrics-against-target")).strong(),
    );
    if entry.metrics.is_empty() {
        crate::app::bidi::label(
            ui,
            egui::RichText::new(crate::tr!("owners-no-metric")).weak(),
        );
    }
    for metric in &entry.metrics {
        metric_row_ui(app, ui, state, journey, metric);
    }
    if ui.button(crate::tr!("owners-add-metric")).clicked() {
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
    bidi::label(
        ui,
        RichText::new(crate::tr!("owners-actions-open-first")).strong(),
    );
    if entry.flags.is_empty() {
        crate::app::bidi::label(
            ui,
            egui::RichText::new(crate::tr!("owners-no-actions")).weak(),
        );
    }
    for flag in &entry.flags {
        flag_row_ui(app, ui, state, journey, flag);
    }
}

/// The overall critical points, then (folded away unless there is nothing else) those of the
/// typical patterns: the overall ones matter to everyone, the pattern ones to some customers.
pub(super) fn critical_rows_ui(
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
        egui::CollapsingHeader::new(crate::tr!("owners-in-patterns", n = in_patterns.len()))
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

pub(super) fn critical_row_ui(
    ui: &mut egui::Ui,
    journey: &Journey,
    point: &CriticalPoint,
    to_flag: &mut Option<CriticalPoint>,
) {
    let Some(tp) = journey.touchpoints.get(point.touchpoint) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        bidi::label(
            ui,
            crate::tr!(
                "owners-critical-line",
                heading = point_heading(point, &tp.name),
                mean = format!("{:+.1}", point.value),
                delta = format!("{:+.1}", point.delta),
                share = format!("{:.0}", point.share_of_cases * 100.0),
                score = format!("{:.2}", point.score)
            ),
        )
        .on_hover_text(bidi::text(
            ui,
            crate::tr!(
                "owners-critical-parts",
                depth = format!("{:.2}", point.parts.depth),
                sharpness = format!("{:.2}", point.parts.sharpness),
                share = format!("{:.2}", point.parts.share),
                end = format!("{:.2}", point.parts.end)
            ),
        ));
        let turning: Vec<String> = point
            .turning
            .iter()
            .map(|&k| crate::i18n::core_words::turning_kind(k))
            .collect();
        if !turning.is_empty() {
            bidi::label(ui, egui::RichText::new(turning.join(", ")).weak());
        }
        flag_control_ui(ui, journey, point, tp, to_flag);
    });
}

// ----- metrics -----

pub(super) fn unowned_ui(
    app: &mut EmographApp,
    ui: &mut egui::Ui,
    state: &mut ViewState,
    journey: &Journey,
    unowned: &crate::analysis::Unowned<'_>,
    owners: &[OwnerEntry<'_>],
) {
    crate::app::bidi::label(
        ui,
        egui::RichText::new(crate::tr!("owners-unowned")).heading(),
    );
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
        crate::app::bidi::label(ui, crate::tr!("owners-everything-owned"));
        return;
    }
    if !unowned.touchpoints.is_empty() {
        bidi::label(
            ui,
            RichText::new(crate::tr!("owners-touchpoints-nobody")).strong(),
        );
        for &index in &unowned.touchpoints {
            let Some(tp) = journey.touchpoints.get(index) else {
                continue;
            };
            ui.horizontal_wrapped(|ui| {
                let label = bidi::label(
                    ui,
                    crate::tr!("owners-assign-to", n = index + 1, name = tp.name.as_str()),
                );
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
        bidi::label(
            ui,
            RichText::new(crate::tr!("owners-critical-nobody")).strong(),
        );
        critical_rows_ui(app, ui, journey, &unowned.critical, "unowned");
    }
    if !unowned.flags.is_empty() {
        ui.add_space(4.0);
        bidi::label(
            ui,
            RichText::new(crate::tr!("owners-actions-nobody")).strong(),
        );
        for flag in &unowned.flags {
            flag_row_ui(app, ui, state, journey, flag);
        }
    }
    if !orphan_metrics.is_empty() {
        ui.add_space(4.0);
        bidi::label(
            ui,
            RichText::new(crate::tr!("owners-metrics-nobody")).strong(),
        );
        for metric in orphan_metrics {
            metric_row_ui(app, ui, state, journey, metric);
        }
    }
}

/// Gives a touchpoint to an owner, with the flags there that nobody owns yet (one undo step).
pub(super) fn assign_touchpoint(app: &mut EmographApp, touchpoint_id: &str, owner_id: &str) {
    let journey = app.journey();
    let name = touchpoint_name(journey, touchpoint_id);
    let who = owner_name(journey, Some(owner_id));
    let edit = Edit::AssignTouchpoint {
        touchpoint_id: touchpoint_id.to_owned(),
        owner_id: owner_id.to_owned(),
    };
    if app.apply(edit) {
        app.set_status(
            crate::tr!("owners-now-owns", who = who.as_str(), name = name.as_str()),
            false,
        );
    }
}

// ----- fields -----

/// "nobody" plus every owner, labelled by `label_id` (ComboBoxes need a name to be reachable).
pub(super) fn owner_combo_ui(
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
