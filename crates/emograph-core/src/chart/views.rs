//! Builders that turn a journey into a [`Scene`]: the axes every view shares, and the cases view.

use super::*;
use crate::model::Journey;

/// Where each touchpoint sits on the x axis: its time offset when every touchpoint has one
/// (a true time axis), else its position in the process.
pub fn touchpoint_xs(journey: &Journey) -> Vec<f64> {
    let offsets: Option<Vec<f64>> = journey
        .touchpoints
        .iter()
        .map(|t| t.time_offset.filter(|v| v.is_finite()))
        .collect();
    match offsets {
        Some(offsets) if !offsets.is_empty() && is_increasing(&offsets) => offsets,
        _ => (0..journey.touchpoints.len()).map(|i| i as f64).collect(),
    }
}

fn is_increasing(values: &[f64]) -> bool {
    values.windows(2).all(|w| w[0] < w[1])
}

/// Axes, phase bands and anchors: what every view of this journey shares.
pub fn base_scene(journey: &Journey, theme: &Theme) -> Scene {
    let xs = touchpoint_xs(journey);
    let time_axis = xs.len() > 1
        && journey.touchpoints.iter().all(|t| t.time_offset.is_some())
        && is_increasing(&xs);
    let (first, last) = match (xs.first(), xs.last()) {
        (Some(&first), Some(&last)) => (first, last),
        _ => (0.0, 1.0),
    };
    // Half a step of room at both ends, so the first and last points are not on the frame.
    let pad = if time_axis {
        ((last - first) * 0.04).max(f64::EPSILON)
    } else {
        0.5
    };
    let x_range = (first - pad, last.max(first + f64::EPSILON) + pad);

    let x_ticks = journey
        .touchpoints
        .iter()
        .zip(&xs)
        .enumerate()
        .map(|(i, (tp, &x))| XTick {
            x,
            label: tp.name.clone(),
            touchpoint: i,
        })
        .collect();

    // Consecutive touchpoints of one phase share a band reaching halfway to their neighbours.
    let mut phases: Vec<PhaseBand> = Vec::new();
    let mut run_start = 0;
    for i in 0..journey.touchpoints.len() {
        let last_of_run = journey
            .touchpoints
            .get(i + 1)
            .is_none_or(|next| next.phase != journey.touchpoints[i].phase);
        if !last_of_run {
            continue;
        }
        let x_min = if run_start == 0 {
            x_range.0
        } else {
            (xs[run_start - 1] + xs[run_start]) / 2.0
        };
        let x_max = match xs.get(i + 1) {
            Some(&next) => (xs[i] + next) / 2.0,
            None => x_range.1,
        };
        let phase_id = &journey.touchpoints[i].phase;
        let label = journey
            .phase(phase_id)
            .map_or_else(|| phase_id.clone(), |p| p.name.clone());
        let shade = theme.phase_shades[phases.len() % theme.phase_shades.len()];
        phases.push(PhaseBand {
            x_min,
            x_max,
            label,
            shade,
        });
        run_start = i + 1;
    }

    let scale = &journey.scale;
    let y_range = if scale.min < scale.max {
        (scale.min, scale.max)
    } else {
        (-5.0, 5.0)
    };
    let y_ticks = super::ticks::score_ticks(y_range.0, y_range.1);
    let y_anchors = scale
        .anchors
        .iter()
        .map(|a| YAnchor {
            y: a.value,
            label: a.label.clone(),
        })
        .collect();

    Scene {
        title: journey.title.clone(),
        subtitle: String::new(),
        rtl: journey.is_rtl(),
        x_range,
        y_range,
        x_ticks,
        x_unit: time_axis.then(|| journey.time_unit.clone()),
        y_ticks,
        y_anchors,
        phases,
        ..Scene::default()
    }
}

/// The curve of one case, coloured and marked by its position among the journey's cases so a
/// case keeps its colour whichever others are shown.
pub fn case_curve(
    journey: &Journey,
    case_index: usize,
    xs: &[f64],
    theme: &Theme,
) -> Option<Curve> {
    let case = journey.cases.get(case_index)?;
    let points = journey
        .touchpoints
        .iter()
        .zip(xs)
        .enumerate()
        .filter_map(|(i, (tp, &x))| {
            let &y = case.scores.get(&tp.id)?;
            Some(CurvePoint {
                x,
                y,
                touchpoint: i,
                note: case.notes.get(&tp.id).cloned().unwrap_or_default(),
            })
        })
        .collect();
    Some(Curve {
        key: CurveKey::Case(case_index),
        label: case.display_name().to_owned(),
        points,
        color: theme.curve_color(case_index),
        width: theme.line_width,
        marker: Some(MarkerShape::CYCLE[case_index % MarkerShape::CYCLE.len()]),
        dashed: false,
        emphasis: Emphasis::Normal,
    })
}

/// Individual cases: the workshop view. `selected` is drawn last and thicker when others are
/// drawn with it; alone it is drawn as any case, so one case looks the same whether the editor
/// hid the others or `--view case:ID` drew it.
pub fn cases_scene(
    journey: &Journey,
    case_indices: &[usize],
    selected: Option<usize>,
    theme: &Theme,
) -> Scene {
    let mut scene = base_scene(journey, theme);
    let xs = touchpoint_xs(journey);
    let mut curves: Vec<Curve> = case_indices
        .iter()
        .filter_map(|&i| case_curve(journey, i, &xs, theme))
        .collect();
    // The legend keeps the cases' own order; only the drawing order puts the selected on top.
    let legend: Vec<LegendEntry> = curves
        .iter()
        .map(|c| LegendEntry {
            label: c.label.clone(),
            color: c.color,
            marker: c.marker,
            dashed: c.dashed,
            filled: false,
            symbol: None,
        })
        .collect();
    if let Some(selected) = selected.filter(|_| curves.len() > 1) {
        // The selected case is drawn on top and stands out.
        curves.sort_by_key(|c| c.key == CurveKey::Case(selected));
        for curve in &mut curves {
            if curve.key == CurveKey::Case(selected) {
                curve.emphasis = Emphasis::Selected;
                curve.width = theme.line_width * 1.75;
            }
        }
    }
    // A legend with hundreds of rows helps no one: name the cases only while it stays readable.
    if legend.len() <= 12 {
        scene.legend = legend;
    }
    scene.subtitle = match case_indices.len() {
        1 => "1 case".to_owned(),
        n => format!("{n} cases"),
    };
    scene.curves = curves;
    scene
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Case, Touchpoint};

    fn timed_journey() -> Journey {
        let mut j = Journey {
            time_unit: "days".into(),
            ..Journey::default()
        };
        for (i, (phase, offset)) in [
            ("before", 0.0),
            ("during", 1.0),
            ("during", 2.0),
            ("after", 30.0),
        ]
        .iter()
        .enumerate()
        {
            let mut tp = Touchpoint::new(&format!("t{i}"), &format!("T{i}"), phase);
            tp.time_offset = Some(*offset);
            j.touchpoints.push(tp);
        }
        let mut case = Case::new("c", "C");
        case.scores.insert("t3".into(), 2.0);
        j.cases.push(case);
        j
    }

    #[test]
    fn a_journey_with_time_offsets_gets_a_time_axis() {
        let scene = cases_scene(&timed_journey(), &[0], None, &Theme::light());
        assert_eq!(scene.x_unit.as_deref(), Some("days"));
        assert_eq!(scene.x_ticks[3].x, 30.0);
        assert_eq!(scene.curves[0].points[0].x, 30.0);
    }

    #[test]
    fn spacing_evenly_moves_ticks_points_and_phases_together() {
        let mut scene = cases_scene(&timed_journey(), &[0], None, &Theme::light());
        scene.space_evenly();
        assert_eq!(scene.x_unit, None);
        let xs: Vec<f64> = scene.x_ticks.iter().map(|t| t.x).collect();
        assert_eq!(xs, vec![0.0, 1.0, 2.0, 3.0]);
        assert_eq!(scene.curves[0].points[0].x, 3.0);
        assert_eq!(scene.x_range, (-0.5, 3.5));
        let phases: Vec<(f64, f64)> = scene.phases.iter().map(|p| (p.x_min, p.x_max)).collect();
        assert_eq!(phases, vec![(-0.5, 0.5), (0.5, 2.5), (2.5, 3.5)]);
    }
}
