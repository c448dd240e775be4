//! Builders for the aggregate views: the overall mean with its quartile band, the typical
//! patterns, and one pattern with its members; plus the hook that puts turning and critical
//! points on any of them.

use super::*;
use crate::analysis::{CriticalReport, Dataset, Patterns, Scope, SegmentStats, TouchpointStats};
use crate::model::{FlagKind, Journey};

/// A pattern view draws at most this many member curves (faded): beyond a few hundred they
/// merge into a smear that says nothing more, and painting them would cost time.
pub const MAX_FADED_MEMBERS: usize = 300;

/// The overall view: the mean of all cases at each touchpoint and the band holding the middle
/// half of them (first to third quartile).
pub fn overall_scene(journey: &Journey, stats: &[TouchpointStats], theme: &Theme) -> Scene {
    let mut scene = base_scene(journey, theme);
    let xs = touchpoint_xs(journey);
    let quartiles: Vec<Option<(f64, f64)>> = stats.iter().map(|s| s.q1.zip(s.q3)).collect();
    let means: Vec<Option<f64>> = stats.iter().map(|s| s.mean).collect();
    scene.bands = quartile_bands(
        &xs,
        &quartiles,
        "Middle half of the cases (q1–q3)",
        theme.band_fill,
    );
    scene.curves = vec![Curve {
        key: CurveKey::Mean,
        label: "Mean".to_owned(),
        points: curve_points(&xs, &means),
        color: theme.mean_line,
        width: theme.line_width * 1.5,
        marker: Some(MarkerShape::Circle),
        dashed: false,
        emphasis: Emphasis::Normal,
    }];
    scene.legend = vec![
        legend_for(&scene.curves[0]),
        LegendEntry {
            label: "Middle half of the cases (q1–q3)".to_owned(),
            color: theme.band_fill,
            marker: None,
            dashed: false,
            filled: true,
            symbol: None,
        },
    ];
    let most = stats.iter().map(|s| s.n).max().unwrap_or(0);
    scene.subtitle = format!("Overall · mean and quartile band · {}", cases_phrase(most));
    scene
}

/// The backdrop that groups are compared against: the overall view with its band faded and its
/// mean as a thin dashed line, returned apart so the groups' curves can be drawn over it.
fn overall_backdrop(
    journey: &Journey,
    stats: &[TouchpointStats],
    theme: &Theme,
) -> (Scene, Curve, Rgba) {
    let mut scene = overall_scene(journey, stats, theme);
    let overall_fill = theme.weak_text.with_alpha(36);
    for band in &mut scene.bands {
        band.fill = overall_fill;
    }
    let mut overall_mean = scene.curves.remove(0);
    overall_mean.label = "Overall mean".to_owned();
    overall_mean.dashed = true;
    overall_mean.marker = None;
    overall_mean.width = theme.line_width;
    overall_mean.color = theme.weak_text;
    (scene, overall_mean, overall_fill)
}

/// Puts the groups' curves over the backdrop: legend in their order, then the overall mean and
/// the band of all cases.
fn compare_with_overall(scene: &mut Scene, overall_mean: Curve, fill: Rgba, groups: Vec<Curve>) {
    let mut curves = vec![overall_mean];
    curves.extend(groups);
    scene.legend = curves
        .iter()
        .skip(1)
        .chain(curves.first())
        .map(legend_for)
        .collect();
    scene.legend.push(LegendEntry {
        label: "Middle half of all cases".to_owned(),
        color: fill,
        marker: None,
        dashed: false,
        filled: true,
        symbol: None,
    });
    scene.curves = curves;
}

/// A group's mean curve (a pattern's, a segment's), coloured and marked by its place.
fn group_curve(
    key: CurveKey,
    label: String,
    xs: &[f64],
    means: &[Option<f64>],
    index: usize,
    theme: &Theme,
) -> Curve {
    Curve {
        key,
        label,
        points: curve_points(xs, means),
        color: theme.curve_color(index),
        width: theme.line_width * 1.5,
        marker: Some(MarkerShape::CYCLE[index % MarkerShape::CYCLE.len()]),
        dashed: false,
        emphasis: Emphasis::Normal,
    }
}

/// All typical patterns on one graph: each pattern's mean curve over the overall mean (dashed)
/// and its quartile band, so the eye sees how each group departs from the average.
pub fn patterns_scene(
    journey: &Journey,
    stats: &[TouchpointStats],
    patterns: &Patterns,
    names: &[Option<String>],
    theme: &Theme,
) -> Scene {
    let (mut scene, overall_mean, fill) = overall_backdrop(journey, stats, theme);
    let xs = touchpoint_xs(journey);
    let groups = patterns
        .patterns
        .iter()
        .enumerate()
        .map(|(index, pattern)| {
            let means: Vec<Option<f64>> = pattern
                .mean
                .iter()
                .map(|&v| v.is_finite().then_some(v))
                .collect();
            let name = names.get(index).and_then(Option::as_deref);
            let label = pattern_label(pattern.id, name, pattern.share);
            group_curve(CurveKey::Pattern(index), label, &xs, &means, index, theme)
        })
        .collect();
    compare_with_overall(&mut scene, overall_mean, fill, groups);
    let cases = patterns.assignments.len();
    scene.subtitle = match patterns.k {
        1 => format!("1 typical pattern of {}", cases_phrase(cases)),
        k => format!("{k} typical patterns of {}", cases_phrase(cases)),
    };
    scene
}

/// A segment view draws at most this many segments, the largest: more lines than there are
/// distinct colours and markers stop being comparable.
pub const MAX_SEGMENT_CURVES: usize = 8;

/// "gold · 6 cases"; cases without a segment are "no segment".
pub fn segment_label(segment: &SegmentStats) -> String {
    let name = if segment.segment.is_empty() {
        "no segment"
    } else {
        segment.segment.as_str()
    };
    format!("{name} · {}", cases_phrase(segment.n))
}

/// The segments compared: each segment's mean curve over the overall mean (dashed) and the band
/// of all cases, largest segment first; beyond [`MAX_SEGMENT_CURVES`] the subtitle says how many
/// smaller ones are left out.
pub fn segments_scene(
    journey: &Journey,
    stats: &[TouchpointStats],
    segments: &[SegmentStats],
    theme: &Theme,
) -> Scene {
    let (mut scene, overall_mean, fill) = overall_backdrop(journey, stats, theme);
    let xs = touchpoint_xs(journey);
    let groups = segments
        .iter()
        .take(MAX_SEGMENT_CURVES)
        .enumerate()
        .map(|(index, segment)| {
            let means: Vec<Option<f64>> = segment.stats.iter().map(|s| s.mean).collect();
            group_curve(
                CurveKey::Segment(index),
                segment_label(segment),
                &xs,
                &means,
                index,
                theme,
            )
        })
        .collect();
    compare_with_overall(&mut scene, overall_mean, fill, groups);
    let cases: usize = segments.iter().map(|s| s.n).sum();
    let left_out = segments.len().saturating_sub(MAX_SEGMENT_CURVES);
    scene.subtitle = match segments.len() {
        1 => format!("1 segment · {}", cases_phrase(cases)),
        n => format!("{n} segments compared · {}", cases_phrase(cases)),
    };
    if left_out > 0 {
        scene.subtitle.push_str(&format!(
            " · the {} largest drawn, {left_out} smaller left out",
            MAX_SEGMENT_CURVES
        ));
    }
    scene
}

/// One pattern: its mean curve and quartile band over its members' curves, drawn faded. At most
/// [`MAX_FADED_MEMBERS`] members are drawn, an evenly spaced (so deterministic) selection.
pub fn pattern_scene(
    journey: &Journey,
    dataset: &Dataset,
    patterns: &Patterns,
    index: usize,
    name: Option<&str>,
    theme: &Theme,
) -> Scene {
    let mut scene = base_scene(journey, theme);
    let Some(pattern) = patterns.patterns.get(index) else {
        scene.subtitle = format!("There is no pattern {}", index + 1);
        return scene;
    };
    let xs = touchpoint_xs(journey);
    let color = theme.curve_color(index);

    let members: Vec<usize> = patterns
        .assignments
        .iter()
        .enumerate()
        .filter(|&(_, &assigned)| assigned == index)
        .map(|(row, _)| row)
        .collect();
    let stride = members.len().div_ceil(MAX_FADED_MEMBERS).max(1);
    let mut curves: Vec<Curve> = members
        .iter()
        .step_by(stride)
        .map(|&row| {
            let values: Vec<Option<f64>> = dataset
                .matrix
                .row(row)
                .iter()
                .map(|&v| (!v.is_nan()).then_some(v))
                .collect();
            Curve {
                key: CurveKey::Case(row),
                label: dataset.case_ids.get(row).unwrap_or_default().to_owned(),
                points: curve_points(&xs, &values),
                color,
                width: theme.line_width * 0.5,
                marker: None,
                dashed: false,
                emphasis: Emphasis::Faded,
            }
        })
        .collect();
    let drawn = curves.len();

    let quartiles: Vec<Option<(f64, f64)>> = pattern
        .q1
        .iter()
        .zip(&pattern.q3)
        .map(|(&q1, &q3)| (q1.is_finite() && q3.is_finite()).then_some((q1, q3)))
        .collect();
    scene.bands = quartile_bands(
        &xs,
        &quartiles,
        "Middle half of the pattern",
        color.with_alpha(50),
    );
    let means: Vec<Option<f64>> = pattern
        .mean
        .iter()
        .map(|&v| v.is_finite().then_some(v))
        .collect();
    let mean = Curve {
        key: CurveKey::Pattern(index),
        label: pattern_label(pattern.id, name, pattern.share),
        points: curve_points(&xs, &means),
        color,
        width: theme.line_width * 1.75,
        marker: Some(MarkerShape::CYCLE[index % MarkerShape::CYCLE.len()]),
        dashed: false,
        emphasis: Emphasis::Normal,
    };
    scene.legend = vec![
        legend_for(&mean),
        LegendEntry {
            label: "Middle half of the pattern (q1–q3)".to_owned(),
            color: color.with_alpha(50),
            marker: None,
            dashed: false,
            filled: true,
            symbol: None,
        },
    ];
    if drawn > 0 {
        scene.legend.push(LegendEntry {
            label: "Member cases".to_owned(),
            color: color.with_alpha(FADED_ALPHA),
            marker: None,
            dashed: false,
            filled: false,
            symbol: None,
        });
    }
    curves.push(mean);
    scene.curves = curves;

    let representative = dataset
        .case_ids
        .get(pattern.medoid)
        .map(|id| format!(" · representative case {id}"))
        .unwrap_or_default();
    let members_drawn = if drawn < members.len() {
        format!(" · {drawn} of them drawn (every {stride}th)")
    } else {
        String::new()
    };
    scene.subtitle = format!(
        "{} · {}{members_drawn}{representative}",
        pattern_label(pattern.id, name, pattern.share),
        cases_phrase(pattern.n)
    );
    scene
}

/// Opacity painters give a faded curve: enough to show the spread, little enough to let
/// the mean stand out.
pub const FADED_ALPHA: u8 = 40;

/// "Pattern 2 · frustrated families · 31%" ("Pattern 2 · 31%" unnamed): how the legend and the
/// report name a pattern.
pub fn pattern_label(pattern_id: usize, name: Option<&str>, share: f64) -> String {
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => format!("Pattern {pattern_id} · {name} · {:.0}%", share * 100.0),
        None => format!("Pattern {pattern_id} · {:.0}%", share * 100.0),
    }
}

/// How markers of each kind look, so every painter draws them alike.
pub fn marker_look(kind: MarkerKind, theme: &Theme) -> (MarkerShape, Rgba) {
    match kind {
        MarkerKind::Peak => (MarkerShape::TriangleUp, theme.peak),
        MarkerKind::Trough => (MarkerShape::TriangleDown, theme.trough),
        MarkerKind::CrossingUp => (MarkerShape::Diamond, theme.peak),
        MarkerKind::CrossingDown => (MarkerShape::Diamond, theme.trough),
        MarkerKind::Rise => (MarkerShape::TriangleUp, theme.peak),
        MarkerKind::Drop => (MarkerShape::TriangleDown, theme.trough),
        MarkerKind::Critical { positive: true, .. } => (MarkerShape::Circle, theme.peak),
        MarkerKind::Critical {
            positive: false, ..
        } => (MarkerShape::Circle, theme.critical),
        MarkerKind::Flag { positive: true } => (MarkerShape::Square, theme.peak),
        MarkerKind::Flag { positive: false } => (MarkerShape::Square, theme.critical),
    }
}

/// Puts turning or critical points on a scene and names each kind once in the legend.
pub fn add_markers(scene: &mut Scene, markers: Vec<Marker>, theme: &Theme) {
    for marker in &markers {
        let (shape, color) = marker_look(marker.kind, theme);
        let label = match marker.kind {
            MarkerKind::Critical { positive: true, .. } => "critical point (positive)",
            MarkerKind::Critical {
                positive: false, ..
            } => "critical point (negative)",
            kind => kind.label(),
        };
        if !scene.legend.iter().any(|e| e.label == label) {
            scene.legend.push(LegendEntry {
                label: label.to_owned(),
                color,
                marker: Some(shape),
                dashed: false,
                filled: false,
                symbol: Some(marker.kind),
            });
        }
    }
    scene.markers.extend(markers);
}

/// The critical points of one scope as markers, best first, at most `max`. With
/// `owner_badges`, each names the owner of its touchpoint (or says nobody owns it), which is
/// what a process owner looks for on the chart.
pub fn critical_markers(
    journey: &Journey,
    report: &CriticalReport,
    scope: Scope,
    max: usize,
    owner_badges: bool,
) -> Vec<Marker> {
    let xs = touchpoint_xs(journey);
    report
        .in_scope(scope)
        .take(max)
        .filter_map(|point| {
            let &x = xs.get(point.touchpoint)?;
            let touchpoint = journey.touchpoints.get(point.touchpoint)?;
            // Whoever owns the agreed action here, else the touchpoint's owner: a flag given to
            // someone else moves the badge with it.
            let action_owner = journey
                .flags
                .iter()
                .filter(|f| f.touchpoint == touchpoint.id && f.kind == point.kind)
                .find_map(|f| f.owner.as_deref());
            let owner = action_owner
                .or(touchpoint.owner.as_deref())
                .map(|id| journey.owner(id).map_or(id, |o| o.name.as_str()));
            // A journey that names no owners or metrics (a bare CSV) gets no "no owner" badges.
            let accountable = !journey.owners.is_empty() || !journey.metrics.is_empty();
            let badge = (owner_badges && accountable).then(|| {
                // The key metric: the first that measures this touchpoint, in journey order.
                let metric = journey
                    .metrics
                    .iter()
                    .find(|m| m.touchpoints.contains(&touchpoint.id));
                Badge {
                    owner: owner.unwrap_or("no owner").to_owned(),
                    metric: metric.map(metric_badge),
                }
            });
            let turning: Vec<&str> = point.turning.iter().map(|k| k.label()).collect();
            Some(Marker {
                x,
                y: point.value,
                kind: MarkerKind::Critical {
                    rank: point.rank,
                    positive: point.kind == FlagKind::Positive,
                },
                touchpoint: point.touchpoint,
                badge,
                tooltip: format!(
                    "#{} {} · {} ({}) · mean {:+.1} · {:.0}% of cases · score {:.2}",
                    point.rank,
                    touchpoint.name,
                    point.kind.label(),
                    turning.join(", "),
                    point.value,
                    point.share_of_cases * 100.0,
                    point.score
                ),
            })
        })
        .collect()
}

/// A metric's numbers for a badge: the newest value and the target, each with its unit.
fn metric_badge(metric: &crate::model::Metric) -> MetricBadge {
    let unit = if metric.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", metric.unit)
    };
    let number = |value: Option<f64>| {
        value.map_or_else(
            || "?".to_owned(),
            |v| {
                let text = format!("{v:.2}");
                let text = text.trim_end_matches('0').trim_end_matches('.');
                format!("{text}{unit}")
            },
        )
    };
    MetricBadge {
        now: number(metric.current_value()),
        target: metric.target.map(|t| number(Some(t))),
        target_word: "target".to_owned(),
        name: metric.name.clone(),
    }
}

pub(super) fn legend_for(curve: &Curve) -> LegendEntry {
    LegendEntry {
        label: curve.label.clone(),
        color: curve.color,
        marker: curve.marker,
        dashed: curve.dashed,
        filled: false,
        symbol: None,
    }
}

/// "1 case", "18 cases".
pub fn cases_phrase(n: usize) -> String {
    match n {
        1 => "1 case".to_owned(),
        n => format!("{n} cases"),
    }
}

/// The defined values as curve points, one per touchpoint that has a value.
fn curve_points(xs: &[f64], values: &[Option<f64>]) -> Vec<CurvePoint> {
    xs.iter()
        .zip(values)
        .enumerate()
        .filter_map(|(touchpoint, (&x, value))| {
            value.filter(|v| v.is_finite()).map(|y| CurvePoint {
                x,
                y,
                touchpoint,
                note: String::new(),
            })
        })
        .collect()
}

/// One band per run of consecutive touchpoints with both quartiles: a touchpoint nobody scored
/// breaks the band rather than bridging it with an invented value.
fn quartile_bands(
    xs: &[f64],
    quartiles: &[Option<(f64, f64)>],
    label: &str,
    fill: Rgba,
) -> Vec<Band> {
    let mut bands = Vec::new();
    let mut lower = Vec::new();
    let mut upper = Vec::new();
    for (&x, quartile) in xs.iter().zip(quartiles) {
        match quartile {
            Some((q1, q3)) if q1.is_finite() && q3.is_finite() => {
                lower.push([x, *q1]);
                upper.push([x, *q3]);
            }
            _ => flush_band(&mut bands, &mut lower, &mut upper, label, fill),
        }
    }
    flush_band(&mut bands, &mut lower, &mut upper, label, fill);
    bands
}

fn flush_band(
    bands: &mut Vec<Band>,
    lower: &mut Vec<[f64; 2]>,
    upper: &mut Vec<[f64; 2]>,
    label: &str,
    fill: Rgba,
) {
    if !lower.is_empty() {
        bands.push(Band {
            label: label.to_owned(),
            lower: std::mem::take(lower),
            upper: std::mem::take(upper),
            fill,
        });
    }
}
