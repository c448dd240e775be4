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

/// The overlay of every pattern marks each critical moment once. Patterns that share a
/// critical touchpoint (the same trouble seen by several groups) would otherwise stack their
/// rank discs — "1", "1", "2" on top of each other — at one place. The marker kept is the best
/// ranked one (first pattern on a tie), on that pattern's curve; its tooltip names the other
/// patterns that are critical there too. Positive and negative points at one touchpoint are
/// different moments and both stay.
pub fn one_marker_per_moment(per_pattern: Vec<(usize, Vec<Marker>)>) -> Vec<Marker> {
    let mut kept: Vec<(Marker, Vec<String>)> = Vec::new();
    let mut all: Vec<(usize, Marker)> = per_pattern
        .into_iter()
        .flat_map(|(pattern, markers)| markers.into_iter().map(move |m| (pattern, m)))
        .collect();
    let rank = |m: &Marker| match m.kind {
        MarkerKind::Critical { rank, .. } => rank,
        _ => usize::MAX,
    };
    let positive = |m: &Marker| matches!(m.kind, MarkerKind::Critical { positive: true, .. });
    // Stable: equal ranks keep the patterns' order.
    all.sort_by_key(|(_, m)| rank(m));
    for (pattern, marker) in all {
        let same = kept
            .iter_mut()
            .find(|(k, _)| k.touchpoint == marker.touchpoint && positive(k) == positive(&marker));
        match same {
            Some((_, also)) => also.push(format!("pattern {pattern} (#{})", rank(&marker))),
            None => {
                let mut marker = marker;
                marker.tooltip = format!("Pattern {pattern}: {}", marker.tooltip);
                kept.push((marker, Vec::new()));
            }
        }
    }
    kept.into_iter()
        .map(|(mut marker, also)| {
            if !also.is_empty() {
                marker
                    .tooltip
                    .push_str(&format!("\nAlso critical here for {}", also.join(", ")));
            }
            marker
        })
        .collect()
}

#[cfg(test)]
mod overlay_tests {
    use super::*;

    fn critical(touchpoint: usize, y: f64, rank: usize, positive: bool) -> Marker {
        Marker {
            x: touchpoint as f64,
            y,
            kind: MarkerKind::Critical { rank, positive },
            touchpoint,
            badge: None,
            tooltip: format!("#{rank} at {touchpoint}"),
        }
    }

    #[test]
    fn patterns_critical_at_one_touchpoint_share_one_marker() {
        let merged = one_marker_per_moment(vec![
            (
                1,
                vec![critical(3, -2.1, 2, false), critical(5, 1.0, 1, true)],
            ),
            (
                2,
                vec![critical(3, -2.4, 1, false), critical(1, -1.0, 2, false)],
            ),
            (3, vec![critical(3, -2.2, 1, false)]),
        ]);
        let at_3: Vec<&Marker> = merged.iter().filter(|m| m.touchpoint == 3).collect();
        assert_eq!(at_3.len(), 1, "one disc at the shared touchpoint");
        assert_eq!(
            at_3[0].y, -2.4,
            "on the curve of the pattern that ranks it first"
        );
        assert!(at_3[0].tooltip.starts_with("Pattern 2: #1 at 3"));
        assert!(
            at_3[0]
                .tooltip
                .ends_with("Also critical here for pattern 3 (#1), pattern 1 (#2)"),
            "{}",
            at_3[0].tooltip
        );
        assert_eq!(merged.len(), 3, "the other moments stay");
    }

    #[test]
    fn a_positive_and_a_negative_point_at_one_touchpoint_are_two_moments() {
        let merged = one_marker_per_moment(vec![
            (1, vec![critical(2, 3.0, 1, true)]),
            (2, vec![critical(2, -3.0, 1, false)]),
        ]);
        assert_eq!(merged.len(), 2);
    }
}
