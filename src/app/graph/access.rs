//! The graph for a screen reader: the chart is a figure named by its title and described by
//! one sentence ("18 cases; lowest point: Arrival and parking, mean −2.9; 3 critical points"),
//! each curve a node the keyboard reaches (Tab), each point of the selected curve a node with
//! its case, touchpoint and score, and the score at the cursor a live region, so a change of
//! score is announced. The painted chart stays what it was: these nodes only describe it.

use egui::{Rect, Sense, Vec2, accesskit};

use super::{Transform, format_score};
use crate::analysis::Scope;
use crate::chart::{Emphasis, Scene};
use crate::model::Journey;

/// The one-sentence summary of `journey`: how many cases, the touchpoint with the lowest mean
/// and, once the journey was analysed (`critical`), how many critical points it has overall.
///
/// `means`: each touchpoint's mean over all cases, from the analysis when there is one, else
/// from [`super::chart_means`] (reading them here, every revision, made the frame after an edit
/// of a 10 000-case journey ten times slower than the others).
pub fn summary(journey: &Journey, means: &[Option<f64>], critical: Option<usize>) -> String {
    let lowest = journey
        .touchpoints
        .iter()
        .zip(means)
        .filter_map(|(t, mean)| Some((t.name.as_str(), (*mean)?)))
        .min_by(|a, b| a.1.total_cmp(&b.1));
    let Some((touchpoint, mean)) = lowest else {
        return crate::tr!("chart-summary-empty");
    };
    let mean = format_score((mean * 10.0).round() / 10.0);
    let cases = journey.cases.len();
    match critical {
        Some(critical) => crate::tr!(
            "chart-summary",
            cases = cases,
            touchpoint = touchpoint,
            mean = mean,
            critical = critical
        ),
        None => crate::tr!(
            "chart-summary-unanalysed",
            cases = cases,
            touchpoint = touchpoint,
            mean = mean
        ),
    }
}

/// How many critical points the overall scope of an analysis has.
pub fn overall_critical(points: &[crate::analysis::CriticalPoint]) -> usize {
    points.iter().filter(|p| p.scope == Scope::Overall).count()
}

/// Runs `contents` (the graph) inside a figure node named after the chart and described by
/// `summary`: every node the graph adds (points, curves, critical points) is its child.
pub fn chart_figure<R>(
    ui: &mut egui::Ui,
    scene: &Scene,
    summary: &str,
    contents: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let name = crate::tr!("chart-name", title = scene.title.as_str());
    let builder = egui::UiBuilder::new()
        .id_salt("chart_figure")
        .accessibility_role(accesskit::Role::Figure)
        .accessibility_label(name);
    ui.scope_builder(builder, |ui| {
        let id = ui.unique_id();
        let summary = summary.to_owned();
        ui.ctx()
            .accesskit_node_builder(id, |node| node.set_description(summary));
        contents(ui)
    })
    .inner
}

/// A node per drawn curve, reachable with Tab (it takes no pointer input: the painted curves
/// keep their clicks), and, for a selected curve that is not being edited (a pattern picked),
/// a node per point. Returns the curve the keyboard focus is on, if any.
pub fn curve_nodes(
    ui: &mut egui::Ui,
    scene: &Scene,
    t: &Transform,
    editing: bool,
) -> Option<usize> {
    let mut focused = None;
    let label_of = |scene: &Scene, index: usize| {
        scene
            .x_ticks
            .get(index)
            .map_or("", |tick| tick.label.as_str())
            .to_owned()
    };
    for (index, curve) in scene.curves.iter().enumerate() {
        if curve.emphasis == Emphasis::Faded || curve.points.is_empty() {
            continue;
        }
        let rect = curve
            .points
            .iter()
            .map(|p| Rect::from_center_size(t.to_screen(p.x, p.y), Vec2::splat(4.0)))
            .reduce(|a, b| a.union(b))
            .unwrap_or(t.plot);
        let id = ui.scope_id().with(("curve_node", index));
        let response = ui.interact(rect, id, Sense::focusable_noninteractive());
        // Named "Curve: …", so it is not mistaken for the case's row in the cases list.
        let label = crate::tr!("chart-curve", curve = curve.label.as_str());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Group, true, &label));
        if response.has_focus() {
            focused = Some(index);
        }
        if curve.emphasis == Emphasis::Selected && !editing {
            for (pi, point) in curve.points.iter().enumerate() {
                let p = t.to_screen(point.x, point.y);
                let pid = ui.scope_id().with(("curve_point_node", index, pi));
                let response = ui.interact(
                    Rect::from_center_size(p, Vec2::splat(8.0)),
                    pid,
                    Sense::focusable_noninteractive(),
                );
                let text = crate::tr!(
                    "chart-curve-point",
                    curve = curve.label.as_str(),
                    touchpoint = label_of(scene, point.touchpoint),
                    score = format_score(point.y)
                );
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
            }
        }
    }
    focused
}

/// The score at the cursor as a polite live region: a screen reader says it again each time
/// it changes ("Arrival and parking: −3.5").
pub fn announce_score(ui: &mut egui::Ui, at: Rect, text: String) {
    let id = ui.scope_id().with("score_live_region");
    let _ = ui.interact(at, id, Sense::hover());
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_role(accesskit::Role::Status);
        node.set_live(accesskit::Live::Polite);
        node.set_label(text);
    });
}

/// A badge as a node: what it says (the owner first) and, for a critical point's, its rank.
/// `key` tells the badges apart (their anchor); `importance` is the marker's badge priority.
pub fn badge_node(
    ui: &mut egui::Ui,
    rect: Rect,
    key: [u64; 2],
    importance: (u8, usize),
    text: &str,
) {
    let id = ui.scope_id().with(("badge_node", key));
    let response = ui.interact(rect, id, Sense::hover());
    let text = match importance {
        (0, rank) => crate::tr!("chart-badge", rank = rank, text = text),
        _ => text.to_owned(),
    };
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
}

/// A critical point's accessible name: its rank, its touchpoint and its badge (the owner and
/// the numbers), where it has one.
pub fn critical_label(scene: &Scene, marker: &crate::chart::Marker, rank: usize) -> String {
    let touchpoint = scene
        .x_ticks
        .iter()
        .find(|tick| tick.touchpoint == marker.touchpoint)
        .map_or_else(
            || (marker.touchpoint + 1).to_string(),
            |tick| tick.label.clone(),
        );
    match &marker.badge {
        Some(badge) => crate::tr!(
            "chart-critical",
            rank = rank,
            touchpoint = touchpoint,
            badge = badge.full()
        ),
        None => crate::tr!("chart-critical-plain", rank = rank, touchpoint = touchpoint),
    }
}
