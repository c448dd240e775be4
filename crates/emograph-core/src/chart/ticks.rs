//! Score-axis ticks by the nice-number rule: a step of 1, 2 or 5 times a power of ten, the
//! smallest that keeps the axis to at most [`MAX_TICKS`] gridlines.
//!
//! One tick per whole number is right for the −5 … +5 scale (eleven ticks) and any survey
//! scale up to 0–10, and that is what this gives there; a wide scale (a 0–1000 per-mille
//! scale, or a hostile ±1 000 000 one, which drew two million gridlines and never finished its
//! PNG) gets steps of 100 or 200 000 instead, so every axis stays readable and every export
//! stays small.

/// At most this many ticks on the score axis, whatever the scale.
pub const MAX_TICKS: usize = 20;

/// The ticks for a score axis running from `min` to `max`: every multiple of the step within
/// the range, ascending. Whole-number steps only (scores are whole and half points), so a range
/// narrower than 1 may get one tick or none. Empty for a range that is not finite or not
/// increasing.
pub fn score_ticks(min: f64, max: f64) -> Vec<f64> {
    if !(min.is_finite() && max.is_finite() && min < max) {
        return Vec::new();
    }
    let step = nice_step((max - min) / (MAX_TICKS - 1) as f64);
    let first = (min / step).ceil();
    let last = (max / step).floor();
    if !(first.is_finite() && last.is_finite()) || last < first {
        return Vec::new();
    }
    // `last - first` is at most MAX_TICKS - 1 by the choice of step; the bound is a guard.
    let count = ((last - first) as usize + 1).min(MAX_TICKS);
    (0..count)
        .map(|i| {
            let v = (first + i as f64) * step;
            // No "-0" label at neutral.
            if v == 0.0 { 0.0 } else { v }
        })
        .collect()
}

/// The smallest of 1, 2, 5, 10, 20, 50, … that is at least `at_least`.
fn nice_step(at_least: f64) -> f64 {
    if !(at_least.is_finite() && at_least > 1.0) {
        return 1.0;
    }
    let mut power = 10f64.powf(at_least.log10().floor());
    loop {
        for factor in [1.0, 2.0, 5.0] {
            let step = factor * power;
            if step >= at_least {
                return step;
            }
        }
        power *= 10.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_canonical_scale_keeps_one_tick_per_point() {
        let ticks = score_ticks(-5.0, 5.0);
        assert_eq!(ticks, (-5..=5).map(f64::from).collect::<Vec<_>>());
        assert_eq!(score_ticks(1.0, 7.0).len(), 7);
        assert_eq!(score_ticks(0.0, 10.0).len(), 11);
    }

    #[test]
    fn wide_scales_get_nice_steps_and_at_most_twenty_ticks() {
        assert_eq!(
            score_ticks(0.0, 100.0),
            (0..=10).map(|v| f64::from(v) * 10.0).collect::<Vec<_>>()
        );
        let huge = score_ticks(-1_000_000.0, 1_000_000.0);
        assert!(huge.len() <= MAX_TICKS, "{huge:?}");
        assert_eq!(huge.first(), Some(&-1_000_000.0));
        assert!(huge.contains(&0.0));
        for (min, max) in [(-37.0, 1234.5), (0.5, 20.5), (-1e300, 1e300), (3.0, 3.5)] {
            let ticks = score_ticks(min, max);
            assert!(ticks.len() <= MAX_TICKS, "{min}..{max}: {ticks:?}");
            assert!(ticks.iter().all(|&t| t >= min && t <= max), "{ticks:?}");
            assert!(ticks.windows(2).all(|w| w[0] < w[1]), "{ticks:?}");
        }
        assert!(score_ticks(f64::NAN, 1.0).is_empty());
        assert!(score_ticks(2.0, 1.0).is_empty());
    }
}
