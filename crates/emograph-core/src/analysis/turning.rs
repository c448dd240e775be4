//! Turning points of one curve: where the feeling turns.
//!
//! Works on any curve (a case, a pattern's mean, the overall mean) given as one value per
//! touchpoint, `NaN` where the curve has no score. Missing touchpoints are skipped: neighbours
//! are the neighbouring *scored* touchpoints, so a skipped step never hides a drop.
//!
//! The kinds, precisely:
//! - **Peak / Trough**: a local maximum / minimum whose *prominence* is at least
//!   [`TurningParams::prominence`]. Prominence is scipy's (`scipy.signal.find_peaks`): from the
//!   peak, walk left and right until the curve rises above the peak (or the curve ends); on each
//!   side take the lowest point passed; the prominence is the peak's height above the higher of
//!   those two lows. A plateau counts once, at its middle (the left one of two middles, as scipy).
//!   Troughs are peaks of the negated curve.
//! - **Start and end** (peak-end rule): scipy never calls an end of the curve a peak; we do. The
//!   first or last scored touchpoint is a Peak (Trough) when the curve moves away from it
//!   downwards (upwards), with a one-sided prominence: its height above (depth below) the
//!   extreme the curve reaches before it rises above (falls below) the end point again.
//!   The last scored touchpoint also gets [`TurningKind::End`] whenever it lies below neutral:
//!   an experience that ends badly is remembered badly, however gently it got there.
//! - **CrossingUp / CrossingDown**: the curve changes side of neutral (0). It is attributed to
//!   the touchpoint where the curve *arrives* on the other side; a touchpoint exactly at 0 is on
//!   neither side (2, 0, −1 crosses down at the −1; 2, 0, 2 does not cross).
//! - **Rise / Drop**: the change from the previous scored touchpoint is at least
//!   [`TurningParams::steep_delta`] up / down.
//! - **Erosion**: a slow slide. Walking back from a touchpoint over at most
//!   [`TurningParams::erosion_window`] scored touchpoints (and never past one already lower than
//!   it), the curve was at least [`TurningParams::erosion_fall`] higher, and no step on the way
//!   down was a Drop. It is marked once, where the slide ends: at the last scored touchpoint or
//!   where the next one is no lower. Many small steps add up to what one steep drop would be,
//!   and by the peak-end rule a slide into a bad end is what customers remember.

use serde::{Deserialize, Serialize};

/// What makes a touchpoint a turning point. One touchpoint may be several at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TurningKind {
    Peak,
    Trough,
    CrossingUp,
    CrossingDown,
    Rise,
    Drop,
    /// A slow slide by [`TurningParams::erosion_fall`] or more without one steep step, marked
    /// where it ends.
    Erosion,
    /// The last scored touchpoint, below neutral (peak-end rule).
    End,
}

impl TurningKind {
    pub const ALL: [Self; 8] = [
        Self::Peak,
        Self::Trough,
        Self::CrossingUp,
        Self::CrossingDown,
        Self::Rise,
        Self::Drop,
        Self::Erosion,
        Self::End,
    ];

    /// The word used in JSON, tables and tooltips.
    pub fn label(self) -> &'static str {
        match self {
            Self::Peak => "peak",
            Self::Trough => "trough",
            Self::CrossingUp => "crossing_up",
            Self::CrossingDown => "crossing_down",
            Self::Rise => "rise",
            Self::Drop => "drop",
            Self::Erosion => "erosion",
            Self::End => "end",
        }
    }

    /// True for turns that make the customer feel worse (trough, crossing down, drop, bad end).
    pub fn is_negative(self) -> bool {
        matches!(
            self,
            Self::Trough | Self::CrossingDown | Self::Drop | Self::Erosion | Self::End
        )
    }
}

/// Thresholds of the turning-point detector, on the canonical −5 … +5 scale.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TurningParams {
    /// Minimum prominence of a peak or trough. Default **1.0**: one step on the scale; smaller
    /// wiggles are how people draw, not how they feel.
    pub prominence: f64,
    /// Minimum change between neighbouring scored touchpoints for a Rise or Drop. Default
    /// **2.0**: a fifth of the whole scale in one step.
    pub steep_delta: f64,
    /// The neutral line for crossings and for a bad end. Default **0.0**.
    pub neutral: f64,
    /// How far a slow slide must fall to be an Erosion. Default **2.0**, the steep step: many
    /// small steps that add up to one drop.
    pub erosion_fall: f64,
    /// How many scored touchpoints back an Erosion's fall is measured over. Default **8**: a
    /// slide longer than that is a change of level the troughs and the depth already show.
    pub erosion_window: usize,
}

impl Default for TurningParams {
    fn default() -> Self {
        Self {
            prominence: 1.0,
            steep_delta: 2.0,
            neutral: 0.0,
            erosion_fall: 2.0,
            erosion_window: 8,
        }
    }
}

/// One touchpoint where the curve turns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TurningPoint {
    /// Column index into the curve (the journey's touchpoint order).
    pub touchpoint: usize,
    /// In the order of [`TurningKind::ALL`].
    pub kinds: Vec<TurningKind>,
    pub value: f64,
    /// Change from the previous scored touchpoint; `None` at the first scored touchpoint.
    pub delta_in: Option<f64>,
    /// Prominence of the peak or trough; 0 when the point is neither.
    pub prominence: f64,
    /// How far an Erosion fell over its window (0 when the point is none).
    pub fall: f64,
}

impl TurningPoint {
    pub fn has(&self, kind: TurningKind) -> bool {
        self.kinds.contains(&kind)
    }
}

/// The turning points of `curve` (`NaN` = not scored), in touchpoint order.
///
/// Non-finite values count as missing. A curve with fewer than two scored touchpoints has no
/// turning points: nothing turns in one point.
pub fn turning_points(curve: &[f64], params: &TurningParams) -> Vec<TurningPoint> {
    let scored: Vec<(usize, f64)> = curve
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_finite())
        .map(|(i, &v)| (i, v))
        .collect();
    if scored.len() < 2 {
        return Vec::new();
    }
    let values: Vec<f64> = scored.iter().map(|&(_, v)| v).collect();
    let negated: Vec<f64> = values.iter().map(|v| -v).collect();
    let peaks = prominent_peaks(&values, params.prominence);
    let troughs = prominent_peaks(&negated, params.prominence);

    let mut points = Vec::new();
    let mut last_side = 0i8;
    let last = scored.len() - 1;
    for (k, &(touchpoint, value)) in scored.iter().enumerate() {
        let mut kinds = Vec::new();
        let mut prominence = 0.0;
        if let Some(&(_, p)) = peaks.iter().find(|(i, _)| *i == k) {
            kinds.push(TurningKind::Peak);
            prominence = p;
        }
        if let Some(&(_, p)) = troughs.iter().find(|(i, _)| *i == k) {
            kinds.push(TurningKind::Trough);
            prominence = p;
        }
        let side = side_of(value, params.neutral);
        if side != 0 {
            if last_side != 0 && side != last_side {
                kinds.push(if side > 0 {
                    TurningKind::CrossingUp
                } else {
                    TurningKind::CrossingDown
                });
            }
            last_side = side;
        }
        let delta_in = k
            .checked_sub(1)
            .and_then(|j| values.get(j))
            .map(|previous| value - previous);
        if let Some(delta) = delta_in {
            if delta >= params.steep_delta {
                kinds.push(TurningKind::Rise);
            } else if delta <= -params.steep_delta {
                kinds.push(TurningKind::Drop);
            }
        }
        let mut fall = 0.0;
        if let Some(slide) = erosion_into(&values, k, params) {
            kinds.push(TurningKind::Erosion);
            fall = slide;
        }
        if k == last && value < params.neutral {
            kinds.push(TurningKind::End);
        }
        if !kinds.is_empty() {
            points.push(TurningPoint {
                touchpoint,
                kinds,
                value,
                delta_in,
                prominence,
                fall,
            });
        }
    }
    points
}

/// The fall of the slide into scored point `k` (`values` all finite): from the highest of the
/// [`TurningParams::erosion_window`] points before it, walking back no further than a point
/// already lower than `values[k]`; with where that highest point is. `None` before the second
/// point.
pub(crate) fn fall_into(values: &[f64], k: usize, window: usize) -> Option<(usize, f64)> {
    let &bottom = values.get(k)?;
    let mut highest: Option<(usize, f64)> = None;
    for j in (k.saturating_sub(window)..k).rev() {
        let &v = values.get(j)?;
        if v < bottom {
            break;
        }
        if highest.is_none_or(|(_, h)| v > h) {
            highest = Some((j, v));
        }
    }
    highest.map(|(j, h)| (j, h - bottom))
}

/// The fall of an Erosion ending at scored point `k`, if one ends there (see the module docs).
fn erosion_into(values: &[f64], k: usize, params: &TurningParams) -> Option<f64> {
    let (start, fall) = fall_into(values, k, params.erosion_window)?;
    let &bottom = values.get(k)?;
    let slow = values
        .get(start..=k)?
        .windows(2)
        .all(|step| matches!(step, [a, b] if b - a > -params.steep_delta));
    let ends_here = values.get(k + 1).is_none_or(|&next| next >= bottom);
    (fall >= params.erosion_fall && k - start >= 2 && slow && ends_here).then_some(fall)
}

fn side_of(value: f64, neutral: f64) -> i8 {
    if value > neutral {
        1
    } else if value < neutral {
        -1
    } else {
        0
    }
}

/// Indices (into `values`, all finite) and prominences of the peaks with prominence ≥
/// `min_prominence`, including one-sided peaks at either end (see the module docs).
fn prominent_peaks(values: &[f64], min_prominence: f64) -> Vec<(usize, f64)> {
    let n = values.len();
    let mut peaks = Vec::new();
    let mut i = 0;
    while i < n {
        // The plateau values[i..=j] of equal values.
        let Some(&height) = values.get(i) else { break };
        let mut j = i;
        while values.get(j + 1) == Some(&height) {
            j += 1;
        }
        let left = i.checked_sub(1).and_then(|l| values.get(l)).copied();
        let right = values.get(j + 1).copied();
        let is_peak = match (left, right) {
            (Some(l), Some(r)) => l < height && r < height,
            // An end of the curve (peak-end rule): the curve moves away downwards.
            (None, Some(r)) => r < height,
            (Some(l), None) => l < height,
            (None, None) => false,
        };
        if is_peak {
            let at = match (left, right) {
                (None, _) => i,
                (_, None) => j,
                _ => (i + j) / 2,
            };
            let left_low = values
                .get(..i)
                .map(|side| lowest_before_higher(side.iter().rev(), height));
            let right_low = values
                .get(j + 1..)
                .map(|side| lowest_before_higher(side.iter(), height));
            // An empty side (the curve's end) puts no bound on the prominence.
            let base = match (left_low.flatten(), right_low.flatten()) {
                (Some(l), Some(r)) => l.max(r),
                (Some(one), None) | (None, Some(one)) => one,
                (None, None) => height,
            };
            let prominence = height - base;
            if prominence >= min_prominence && prominence > 0.0 {
                peaks.push((at, prominence));
            }
        }
        i = j + 1;
    }
    peaks
}

/// The lowest value met walking away from a peak of `height` until the curve rises above it;
/// `None` when the side is empty.
fn lowest_before_higher<'a>(side: impl Iterator<Item = &'a f64>, height: f64) -> Option<f64> {
    let mut lowest: Option<f64> = None;
    for &v in side {
        if v > height {
            break;
        }
        lowest = Some(lowest.map_or(v, |l| l.min(v)));
    }
    lowest
}

#[cfg(test)]
mod tests {
    use super::*;
    use TurningKind::*;

    fn kinds_at(points: &[TurningPoint], touchpoint: usize) -> Vec<TurningKind> {
        points
            .iter()
            .find(|p| p.touchpoint == touchpoint)
            .map(|p| p.kinds.clone())
            .unwrap_or_default()
    }

    #[test]
    fn prominence_matches_scipy_definition() {
        // scipy.signal.peak_prominences([0, 3, 1, 4, 0], [1, 3]) == [2, 4]
        let points = turning_points(&[0.0, 3.0, 1.0, 4.0, 0.0], &TurningParams::default());
        let peak_1 = points
            .iter()
            .find(|p| p.touchpoint == 1)
            .map(|p| p.prominence);
        let peak_3 = points
            .iter()
            .find(|p| p.touchpoint == 3)
            .map(|p| p.prominence);
        assert_eq!(peak_1, Some(2.0));
        assert_eq!(peak_3, Some(4.0));
        // The dip at 2 is a trough of prominence 2 (between 3 and 4).
        assert!(kinds_at(&points, 2).contains(&Trough));
    }

    #[test]
    fn small_wiggles_are_not_peaks() {
        let points = turning_points(&[1.0, 1.5, 1.0, 1.4, 1.0], &TurningParams::default());
        assert!(points.is_empty(), "{points:?}");
    }

    #[test]
    fn crossings_are_attributed_to_the_arrival_and_skip_exact_zero() {
        let points = turning_points(&[2.0, 0.0, -1.0, 0.0, 1.0], &TurningParams::default());
        assert!(kinds_at(&points, 2).contains(&CrossingDown));
        assert!(kinds_at(&points, 4).contains(&CrossingUp));
        assert!(!kinds_at(&points, 1).contains(&CrossingDown));
        let no_cross = turning_points(&[2.0, 0.0, 2.0], &TurningParams::default());
        assert!(
            no_cross
                .iter()
                .all(|p| !p.has(CrossingDown) && !p.has(CrossingUp))
        );
    }

    #[test]
    fn steep_steps_skip_missing_touchpoints() {
        let curve = [3.0, f64::NAN, 0.5, 0.0, 2.5];
        let points = turning_points(&curve, &TurningParams::default());
        let drop = points.iter().find(|p| p.touchpoint == 2);
        assert!(drop.is_some_and(|p| p.has(Drop) && p.delta_in == Some(-2.5)));
        assert!(kinds_at(&points, 4).contains(&Rise));
        assert!(points.iter().all(|p| p.touchpoint != 1));
    }

    #[test]
    fn ends_count_under_the_peak_end_rule() {
        // Starts high and falls: the start is a peak; ends low: the end is a trough and an End.
        let points = turning_points(&[3.0, 1.0, 0.5, -1.0], &TurningParams::default());
        assert!(kinds_at(&points, 0).contains(&Peak));
        assert_eq!(kinds_at(&points, 3), vec![Trough, CrossingDown, End]);
        // A gentle end just below neutral is still a bad end.
        let gentle = turning_points(&[-0.2, -0.3, -0.4], &TurningParams::default());
        assert_eq!(kinds_at(&gentle, 2), vec![End]);
        // A good end that has been good all along is nothing special.
        let flat_good = turning_points(&[2.0, 2.0, 2.0], &TurningParams::default());
        assert!(flat_good.is_empty());
    }

    #[test]
    fn a_slow_slide_is_an_erosion_where_it_ends() {
        let params = TurningParams::default();
        // +1.6 down to -1.4 in steps of half a point, after a calm first half.
        let curve = [1.0, 1.5, 1.6, 1.6, 1.1, 0.6, 0.1, -0.4, -0.9, -1.4];
        let points = turning_points(&curve, &params);
        let at_end = kinds_at(&points, 9);
        assert!(at_end.contains(&Erosion), "{points:?}");
        let end = points.iter().find(|p| p.touchpoint == 9);
        assert!(end.is_some_and(|p| (p.fall - 3.0).abs() < 1e-9), "{end:?}");
        // Marked once, at the bottom: not on the way down.
        assert_eq!(points.iter().filter(|p| p.has(Erosion)).count(), 1);
        // Ending the slide early (the curve recovers) marks it at its bottom.
        let recovering = [1.6, 1.1, 0.6, 0.1, -0.4, 0.5, 1.0];
        let points = turning_points(&recovering, &params);
        assert!(kinds_at(&points, 4).contains(&Erosion), "{points:?}");
    }

    #[test]
    fn a_steep_drop_a_short_slide_or_a_wobble_is_no_erosion() {
        let params = TurningParams::default();
        // One steep step is a Drop, not an erosion.
        let steep = turning_points(&[1.0, 1.0, -1.5, -1.5], &params);
        assert!(steep.iter().all(|p| !p.has(Erosion)), "{steep:?}");
        // Too small a fall.
        let small = turning_points(&[1.0, 0.6, 0.2, -0.2, -0.5], &params);
        assert!(small.iter().all(|p| !p.has(Erosion)), "{small:?}");
        // Noise that goes up and down by a point never adds up.
        let wobble = turning_points(&[0.5, -0.5, 0.5, -0.5, 0.5, -0.5, 0.5], &params);
        assert!(wobble.iter().all(|p| !p.has(Erosion)), "{wobble:?}");
        // A long, very slow slide beyond the window is a change of level, not an erosion.
        let long: Vec<f64> = (0..20).map(|i| 1.0 - 0.1 * f64::from(i)).collect();
        let long = turning_points(&long, &params);
        assert!(long.iter().all(|p| !p.has(Erosion)), "{long:?}");
    }

    #[test]
    fn plateau_peak_counts_once_at_its_middle() {
        let points = turning_points(&[0.0, 2.0, 2.0, 2.0, 0.0], &TurningParams::default());
        let peaks: Vec<usize> = points
            .iter()
            .filter(|p| p.has(Peak))
            .map(|p| p.touchpoint)
            .collect();
        assert_eq!(peaks, vec![2]);
    }

    #[test]
    fn degenerate_curves_have_no_turning_points() {
        let params = TurningParams::default();
        assert!(turning_points(&[], &params).is_empty());
        assert!(turning_points(&[-4.0], &params).is_empty());
        assert!(turning_points(&[f64::NAN, -4.0, f64::NAN], &params).is_empty());
        assert!(turning_points(&[0.0; 6], &params).is_empty());
        assert!(turning_points(&[f64::INFINITY, 1.0, f64::NAN], &params).is_empty());
    }
}
