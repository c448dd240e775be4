//! The waves view: one mean curve per round of measurement, in date order, so a redesign shows
//! as the later curve lifting away from the earlier one where it was made, and nowhere else.

use super::*;
use crate::analysis::Dataset;
use crate::analysis::compare::{Verdict, compare_groups, group_key};
use crate::analysis::waves::{compare_params_for, waves_in};
use crate::model::Journey;

/// Waves drawn at most: beyond that the curves crowd each other out.
pub const MAX_WAVE_CURVES: usize = 8;

/// Every wave's mean curve (the oldest first), and in the subtitle the touchpoints where the
/// last wave differs significantly from the first (Holm-corrected, as `emograph compare`).
pub fn waves_scene(journey: &Journey, dataset: &Dataset, theme: &Theme) -> Scene {
    let mut scene = base_scene(journey, theme);
    let xs = touchpoint_xs(journey);
    let waves = waves_in(dataset);
    let width = dataset.matrix.touchpoints();
    for (index, wave) in waves.iter().take(MAX_WAVE_CURVES).enumerate() {
        let key = group_key(&wave.label);
        let (mut n, mut sum) = (vec![0usize; width], vec![0.0; width]);
        for (row, label) in dataset.waves.iter().enumerate() {
            if group_key(label) != key {
                continue;
            }
            for (t, value) in dataset.matrix.row(row).iter().enumerate() {
                if value.is_finite()
                    && let (Some(n), Some(sum)) = (n.get_mut(t), sum.get_mut(t))
                {
                    *n += 1;
                    *sum += value;
                }
            }
        }
        let points = xs
            .iter()
            .enumerate()
            .filter_map(|(t, &x)| {
                let count = *n.get(t)?;
                (count > 0).then(|| CurvePoint {
                    x,
                    y: sum.get(t).copied().unwrap_or(0.0) / count as f64,
                    touchpoint: t,
                    note: String::new(),
                })
            })
            .collect();
        let label = match &wave.date {
            Some(date) if !wave.label.contains(date.get(..7).unwrap_or(date)) => {
                format!("{} ({date}) · {}", wave.label, cases_phrase(wave.cases))
            }
            _ => format!("{} · {}", wave.label, cases_phrase(wave.cases)),
        };
        let curve = Curve {
            key: CurveKey::Segment(index),
            label,
            points,
            color: theme.curve_color(index),
            width: theme.line_width * 1.5,
            marker: Some(MarkerShape::CYCLE[index % MarkerShape::CYCLE.len()]),
            dashed: false,
            emphasis: Emphasis::Normal,
        };
        scene.legend.push(LegendEntry {
            label: curve.label.clone(),
            color: curve.color,
            marker: curve.marker,
            dashed: false,
            filled: false,
            symbol: None,
        });
        scene.curves.push(curve);
    }
    scene.subtitle = match (waves.first(), waves.last()) {
        (Some(first), Some(last)) if waves.len() >= 2 => {
            let comparison = compare_groups(
                &dataset.matrix,
                &dataset.waves,
                &first.label,
                &last.label,
                &compare_params_for(journey),
            );
            let changed: Vec<String> = comparison
                .touchpoints
                .iter()
                .filter(|c| c.verdict.significant())
                .map(|c| {
                    let name = journey
                        .touchpoints
                        .get(c.touchpoint)
                        .map_or("?", |t| t.name.as_str());
                    let way = if c.verdict == Verdict::Better {
                        "better"
                    } else {
                        "worse"
                    };
                    format!("{name} {way}")
                })
                .collect();
            let verdict = if changed.is_empty() {
                "no touchpoint changed significantly".to_owned()
            } else {
                format!("significant: {}", changed.join(", "))
            };
            format!(
                "{} waves · {} → {}: {verdict}",
                waves.len(),
                first.label,
                last.label
            )
        }
        _ => format!("{} wave(s): nothing to compare", waves.len()),
    };
    scene
}
