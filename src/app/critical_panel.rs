//! The critical-point panel: the point picked on the graph or in the list, explained in words
//! (its score and the four parts of it, the share of cases, what the cases said there), with an
//! inline *Flag & assign* — owner, metric, action, due date — so the room decides without
//! leaving the view.

use std::collections::HashSet;

use super::EmographApp;
use super::bidi;
use super::critical_view::{existing_flag, flag_point, point_heading};
use super::field_id::field_id;
use super::words::turning_words;
use crate::analysis::{CriticalPoint, Scope};
use crate::model::{Action, Flag, FlagKind, Journey, is_iso_date};
use crate::session::Edit;
use egui::RichText;

/// At most this many cases' notes are listed: the panel is read aloud, not scrolled.
const MAX_NOTES: usize = 12;

/// "a trough and a steep drop".
pub fn turning_sentence(point: &CriticalPoint) -> String {
    let words: Vec<String> = point.turning.iter().map(|&k| turning_words(k)).collect();
    match words.as_slice() {
        [] => crate::tr!("critical-stands-out"),
        [one] => one.clone(),
        [rest @ .., last] => crate::tr!(
            "critical-turns-and",
            rest = rest.join(", "),
            last = last.as_str()
        ),
    }
}

/// The four parts of the score, each in words with its value.
fn parts_in_words(point: &CriticalPoint) -> [String; 4] {
    let p = &point.parts;
    [
        crate::tr!("critical-part-depth", v = format!("{:.2}", p.depth)),
        crate::tr!("critical-part-sharpness", v = format!("{:.2}", p.sharpness)),
        crate::tr!("critical-part-share", v = format!("{:.2}", p.share)),
        crate::tr!("critical-part-end", v = format!("{:.2}", p.end)),
    ]
}

pub fn critical_panel_ui(app: &mut EmographApp, ui: &mut egui::Ui, result: &super::AnalysisResult) {
    let Some((scope, touchpoint)) = app.highlight else {
        return;
    };
    let Some(point) = result
        .critical
        .points
        .iter()
        .find(|p| p.scope == scope && p.touchpoint == touchpoint)
        .cloned()
    else {
        return;
    };
    let journey = app.journey().clone_without_cases();
    let Some(tp) = journey.touchpoints.get(touchpoint).cloned() else {
        return;
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        bidi::label(ui, RichText::new(point_heading(&point, &tp.name)).strong());
        bidi::label(
            ui,
            crate::tr!(
                "critical-mean-line",
                turn = capitalise(&turning_sentence(&point)),
                mean = format!("{:+.1}", point.value),
                delta = format!("{:+.1}", point.delta)
            ),
        );
        bidi::label(
            ui,
            crate::tr!(
                "critical-share-line",
                share = format!("{:.0}", point.share_of_cases * 100.0)
            ),
        );
        bidi::label(
            ui,
            crate::tr!(
                "critical-score-made-of",
                score = format!("{:.2}", point.score)
            ),
        );
        for part in parts_in_words(&point) {
            bidi::label(ui, RichText::new(format!("  · {part}")).weak());
        }
        notes_ui(app, ui, result, &point, &tp.id);
        ui.separator();
        flag_and_assign_ui(app, ui, &journey, &point, &tp.id);
    });
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// What the cases in the point's scope noted at its touchpoint.
fn notes_ui(
    app: &EmographApp,
    ui: &mut egui::Ui,
    result: &super::AnalysisResult,
    point: &CriticalPoint,
    touchpoint_id: &str,
) {
    let journey = app.journey();
    let noted: Vec<(&str, &str)> = journey
        .cases
        .iter()
        .filter_map(|c| {
            c.notes
                .get(touchpoint_id)
                .filter(|n| !n.trim().is_empty())
                .map(|n| (c.id.as_str(), n.as_str()))
        })
        .collect();
    if noted.is_empty() {
        crate::app::bidi::label(
            ui,
            egui::RichText::new(crate::tr!("critical-no-notes")).weak(),
        );
        return;
    }
    // Only the scope's cases: every analysed case, or a pattern's members.
    let members: HashSet<&str> = match point.scope {
        Scope::Overall => result.dataset.case_ids.iter().collect(),
        Scope::Pattern(id) => {
            let index = result.patterns.patterns.iter().position(|p| p.id == id);
            result
                .patterns
                .assignments
                .iter()
                .zip(&result.dataset.case_ids)
                .filter(|(p, _)| Some(**p) == index)
                .map(|(_, id)| id)
                .collect()
        }
    };
    let in_scope: Vec<(&str, &str)> = noted
        .into_iter()
        .filter(|(id, _)| members.contains(id))
        .collect();
    bidi::label(ui, crate::tr!("critical-cases-said", n = in_scope.len()));
    for (case_id, note) in in_scope.iter().take(MAX_NOTES) {
        let name = journey.case(case_id).map_or(*case_id, |c| c.display_name());
        bidi::label(ui, format!("  {}: “{note}”", bidi::isolate(name)));
    }
    if in_scope.len() > MAX_NOTES {
        crate::app::bidi::label(
            ui,
            egui::RichText::new(crate::tr!(
                "critical-and-more",
                n = in_scope.len() - MAX_NOTES
            ))
            .weak(),
        );
    }
}

/// Flag the point (if the team has not yet) and give it an owner, a metric, an action and a
/// due date, each one undoable edit.
fn flag_and_assign_ui(
    app: &mut EmographApp,
    ui: &mut egui::Ui,
    journey: &Journey,
    point: &CriticalPoint,
    touchpoint_id: &str,
) {
    let Some(flag) = existing_flag(journey, touchpoint_id, point.kind).cloned() else {
        if ui
            .button(crate::tr!("critical-flag-assign"))
            .on_hover_text(crate::tr!("critical-flag-assign-tip"))
            .clicked()
        {
            flag_point(app, point);
        }
        return;
    };
    ui.label(RichText::new(crate::tr!("critical-flag-assign")).strong());
    let mut next = flag.clone();
    egui::Grid::new(("critical_flag", &flag.id))
        .num_columns(2)
        .show(ui, |ui| {
            let label = crate::app::bidi::label(ui, crate::tr!("critical-action-owner"));
            let owner_name = next
                .owner
                .as_deref()
                .and_then(|id| journey.owner(id))
                .map_or_else(|| crate::tr!("touchpoint-nobody"), |o| o.name.clone());
            egui::ComboBox::from_id_salt(("critical_owner", &flag.id))
                .selected_text(bidi::text(ui, owner_name))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut next.owner, None, crate::tr!("touchpoint-nobody"));
                    for owner in &journey.owners {
                        ui.selectable_value(
                            &mut next.owner,
                            Some(owner.id.clone()),
                            bidi::text(ui, &owner.name),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();

            crate::app::bidi::label(ui, crate::tr!("critical-success-shows-in"));
            ui.vertical(|ui| {
                if journey.metrics.is_empty() {
                    crate::app::bidi::label(
                        ui,
                        egui::RichText::new(crate::tr!("critical-no-metrics")).weak(),
                    );
                }
                for metric in &journey.metrics {
                    let mut counted = next.metrics.contains(&metric.id);
                    if bidi::checkbox(ui, &mut counted, &metric.name).changed() {
                        if counted {
                            next.metrics.push(metric.id.clone());
                        } else {
                            next.metrics.retain(|m| *m != metric.id);
                        }
                    }
                }
            });
            ui.end_row();

            crate::app::bidi::label(ui, crate::tr!("critical-action"));
            ui.horizontal(|ui| {
                if point.kind == FlagKind::Positive {
                    ui.selectable_value(
                        &mut next.action,
                        Action::Amplify,
                        crate::tr!("critical-amplify"),
                    );
                } else {
                    ui.selectable_value(
                        &mut next.action,
                        Action::Prevent,
                        crate::tr!("critical-prevent"),
                    );
                    ui.selectable_value(
                        &mut next.action,
                        Action::ShortenResponse,
                        crate::tr!("critical-shorten"),
                    );
                }
            });
            ui.end_row();

            let label = crate::app::bidi::label(ui, crate::tr!("critical-due"));
            due_field_ui(ui, &flag, &mut next, label.id);
            ui.end_row();
        });
    if next != flag {
        let at = journey
            .touchpoint(touchpoint_id)
            .map_or(touchpoint_id, |t| t.name.as_str())
            .to_owned();
        apply_flag(app, &flag, next, &at);
    }
}

/// The due date as typed: kept in egui's memory while it is not a date yet, committed once it is.
fn due_field_ui(ui: &mut egui::Ui, flag: &Flag, next: &mut Flag, label: egui::Id) {
    let id = field_id(&flag.id, "critical-due");
    let draft_id = id.with("draft");
    let stored = flag.due.clone().unwrap_or_default();
    let mut text: String = ui
        .data(|d| d.get_temp(draft_id))
        .unwrap_or_else(|| stored.clone());
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .id(id)
                .hint_text(crate::app::bidi::text(ui, crate::tr!("critical-due-hint")))
                .desired_width(120.0),
        )
        .labelled_by(label);
    let typed = text.trim();
    if response.changed() {
        if typed.is_empty() {
            next.due = None;
        } else if is_iso_date(typed) {
            next.due = Some(typed.to_owned());
        }
    }
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(draft_id, text.clone()));
    } else {
        ui.data_mut(|d| d.remove::<String>(draft_id));
    }
}

fn apply_flag(app: &mut EmographApp, before: &Flag, flag: Flag, at: &str) {
    let journey = app.journey();
    let what = if flag.owner != before.owner {
        let who = flag
            .owner
            .as_deref()
            .and_then(|id| journey.owner(id))
            .map_or_else(|| crate::tr!("touchpoint-nobody"), |o| o.name.clone());
        crate::tr!("critical-flag-given", at = at, who = who.as_str())
    } else if flag.due != before.due {
        crate::tr!("critical-due-set", at = at)
    } else {
        crate::tr!("critical-flag-updated", at = at)
    };
    // Typing a date merges into one undo step; a choice is a step of its own.
    let gesture = (flag.due != before.due).then(|| format!("critical-due-{}", flag.id));
    if app.apply_named(gesture.as_deref(), what.clone(), Edit::UpdateFlag { flag }) {
        app.set_status(what, false);
    }
}
