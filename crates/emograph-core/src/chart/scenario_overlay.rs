//! A to-be scenario drawn over the as-is: the scope's to-be mean curve dashed over its as-is
//! mean, and the difference between them shaded, so a reader sees at a glance where the
//! agreed changes move the curve and by how much (the numbers are `analysis::scenario`'s).

use super::*;
use crate::analysis::{ScenarioOutcome, Scope};

/// Adds the to-be curve of `scope` and the shaded change to `scene`, whose as-is curve of that
/// scope (the mean, or the pattern's mean) sets the colour. Does nothing for a scope the
/// outcome does not have.
pub fn add_scenario_overlay(
    scene: &mut Scene,
    xs: &[f64],
    outcome: &ScenarioOutcome,
    scope: Scope,
    theme: &Theme,
) {
    let Some(result) = outcome.scope(scope) else {
        return;
    };
    let as_is_key = match scope {
        Scope::Overall => CurveKey::Mean,
        Scope::Pattern(id) => CurveKey::Pattern(id.saturating_sub(1)),
    };
    let color = scene
        .curves
        .iter()
        .find(|c| c.key == as_is_key)
        .map_or(theme.mean_line, |c| c.color);
    let points = xs
        .iter()
        .zip(&result.curve_after)
        .enumerate()
        .filter(|(_, (_, y))| y.is_finite())
        .map(|(touchpoint, (&x, &y))| CurvePoint {
            x,
            y,
            touchpoint,
            note: String::new(),
        })
        .collect();
    let label = format!("To-be: {}", outcome.name);
    let curve = Curve {
        key: CurveKey::ToBe,
        label: label.clone(),
        points,
        color,
        width: theme.line_width * 1.5,
        marker: None,
        dashed: true,
        emphasis: Emphasis::Normal,
    };

    // One band per run of touchpoints where both curves have a value, tinted by which way the
    // run moves on balance (to-be above as-is: better).
    let mut bands = Vec::new();
    let mut run: Vec<(f64, f64, f64)> = Vec::new();
    let mut flush = |run: &mut Vec<(f64, f64, f64)>| {
        if run.len() >= 2 {
            let gain: f64 = run.iter().map(|&(_, before, after)| after - before).sum();
            let fill = if gain >= 0.0 {
                theme.positive_tint
            } else {
                theme.negative_tint
            };
            bands.push(Band {
                label: "Change to the to-be".to_owned(),
                lower: run.iter().map(|&(x, b, a)| [x, b.min(a)]).collect(),
                upper: run.iter().map(|&(x, b, a)| [x, b.max(a)]).collect(),
                fill: fill.with_alpha(fill.0[3].max(110)),
            });
        }
        run.clear();
    };
    for ((&x, &before), &after) in xs.iter().zip(&result.curve_before).zip(&result.curve_after) {
        if before.is_finite() && after.is_finite() {
            run.push((x, before, after));
        } else {
            flush(&mut run);
        }
    }
    flush(&mut run);

    scene.bands.extend(bands);
    scene.legend.push(LegendEntry {
        label,
        color,
        marker: None,
        dashed: true,
        filled: false,
        symbol: None,
    });
    scene.legend.push(LegendEntry {
        label: "Change to the to-be (better / worse)".to_owned(),
        color: theme
            .positive_tint
            .with_alpha(theme.positive_tint.0[3].max(110)),
        marker: None,
        dashed: false,
        filled: true,
        symbol: None,
    });
    scene.curves.push(curve);
    scene.subtitle = format!("{} · to-be: {}", scene.subtitle, outcome.name);
}
