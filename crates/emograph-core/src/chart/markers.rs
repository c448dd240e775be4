//! Turning points and the team's flags as markers on a curve: the GUI's graph, the exported
//! chart and the report draw them from here, so every face marks the same moments.

use super::*;
use crate::analysis::{TouchpointStats, TurningKind, TurningParams, turning_points};
use crate::model::{FlagKind, Journey};

/// Turning points of one curve (a scope's mean) as small markers: peaks and rises above the
/// curve, troughs, drops and crossings below, each with its numbers on hover. Touchpoints that
/// already carry a critical-point marker are left to it, so one moment is marked once.
pub fn add_turning_markers(
    scene: &mut Scene,
    journey: &Journey,
    curve: &[f64],
    params: &TurningParams,
    theme: &Theme,
) {
    let xs = touchpoint_xs(journey);
    let critical_at: Vec<usize> = scene
        .markers
        .iter()
        .filter(|m| matches!(m.kind, MarkerKind::Critical { .. }))
        .map(|m| m.touchpoint)
        .collect();
    let mut markers = Vec::new();
    for point in turning_points(curve, params) {
        if critical_at.contains(&point.touchpoint) {
            continue;
        }
        let (Some(&x), Some(tp)) = (
            xs.get(point.touchpoint),
            journey.touchpoints.get(point.touchpoint),
        ) else {
            continue;
        };
        // One marker per touchpoint: the most telling kind.
        let kind = [
            (TurningKind::Peak, MarkerKind::Peak),
            (TurningKind::Trough, MarkerKind::Trough),
            (TurningKind::Drop, MarkerKind::Drop),
            (TurningKind::Rise, MarkerKind::Rise),
            (TurningKind::CrossingDown, MarkerKind::CrossingDown),
            (TurningKind::CrossingUp, MarkerKind::CrossingUp),
        ]
        .into_iter()
        .find(|(turning, _)| point.has(*turning))
        .map(|(_, marker)| marker);
        let Some(kind) = kind else { continue };
        let kinds: Vec<&str> = point.kinds.iter().map(|k| k.label()).collect();
        let delta = point.delta_in.map_or_else(String::new, |d| {
            format!(" · Δ {d:+.1} from the previous touchpoint")
        });
        markers.push(Marker {
            x,
            y: point.value,
            kind,
            touchpoint: point.touchpoint,
            badge: None,
            tooltip: format!(
                "{}: {} · mean {:+.1}{delta}",
                tp.name,
                kinds.join(", "),
                point.value
            ),
        });
    }
    add_markers(scene, markers, theme);
}

/// The team's flags (detected or made by hand) as markers on the overall mean: the work
/// someone owns, shown where it sits in the journey.
pub fn add_flag_markers(
    scene: &mut Scene,
    journey: &Journey,
    stats: &[TouchpointStats],
    theme: &Theme,
) {
    let xs = touchpoint_xs(journey);
    let markers: Vec<Marker> = journey
        .flags
        .iter()
        .filter_map(|flag| {
            let index = journey.touchpoint_index(&flag.touchpoint)?;
            let y = stats.get(index).and_then(|s| s.mean).unwrap_or(0.0);
            let owner = flag
                .owner
                .as_deref()
                .and_then(|id| journey.owner(id))
                .map_or("no owner", |o| o.name.as_str());
            Some(Marker {
                x: *xs.get(index)?,
                y,
                kind: MarkerKind::Flag {
                    positive: flag.kind == FlagKind::Positive,
                },
                touchpoint: index,
                badge: None,
                tooltip: format!(
                    "Flag ({}, {}): {} · owner {owner} · {}{}",
                    flag.kind.label(),
                    flag.status.label(),
                    flag.action.label(),
                    if flag.action_text.is_empty() {
                        ""
                    } else {
                        " · "
                    },
                    flag.action_text
                ),
            })
        })
        .collect();
    add_markers(scene, markers, theme);
}
