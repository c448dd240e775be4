//! Critical points: the turning points that matter most, per pattern and overall, and the
//! touchpoints prone to trouble.
//!
//! For every scope (all cases together, and each typical pattern) the detector takes the scope's
//! mean curve, finds its [turning points](super::turning), and gives each one a direction:
//! *negative* when the customer feels worse there (a trough, a drop, a crossing below neutral,
//! a bad end), *positive* when they feel better (a peak, a rise, a crossing above neutral).
//! Each candidate then gets a score between 0 and 1, a weighted sum of four parts that each run
//! from 0 to 1:
//!
//! - **depth**: how far below (negative) or above (positive) neutral the mean curve sits there,
//!   as a share of [`CriticalParams::depth_full`];
//! - **sharpness**: how steeply the mean curve arrived there from the previous scored
//!   touchpoint, in the point's direction, as a share of [`CriticalParams::sharpness_full`]; at
//!   an *erosion* (a slow slide, see [turning points](super::turning)) half the whole slide's
//!   fall counts as its step when that is more, so a slide of 4 points is as sharp as a step of 2;
//! - **share of cases**: of the scope's cases that scored the touchpoint, the share that show
//!   the turn *themselves*: for a negative point, a score at or below
//!   [`CriticalParams::angry_at_or_below`] there or their own drop of at least the steep step
//!   ([`TurningParams::steep_delta`]) into it, and at an erosion also their own slide of at
//!   least [`TurningParams::erosion_fall`] into it; for a positive point, a score at or above
//!   [`CriticalParams::delighted_at_or_above`] or their own steep rise. A drop that 60 % of the
//!   cases share outweighs one case's drama;
//! - **closeness to the end**: 0 at the first scored touchpoint, 1 at the last (peak-end rule).
//!
//! - **driver** (only where the cases carry an outcome): how well the touchpoint's score tells
//!   favourable from unfavourable cases, `(AUC − 0.5) / 0.3` (an AUC of 0.8 or more is full;
//!   see [drivers](super::drivers)), weighted [`CriticalParams::weight_driver`].
//!
//! The score is the weighted sum divided by the sum of the weights of the parts that apply
//! (all four of the first, whose weights sum to 1, plus the driver where there is one), so it
//! runs from 0 to 1 either way.
//!
//! **An attribute survey** (touchpoints not in time order, [`CriticalParams::in_time_order`]
//! false) has no turning points from order: every touchpoint is a candidate in both directions
//! (a `trough` below neutral, a `peak` above), scored by depth, share (a case's own level only)
//! and driver; sharpness and closeness to the end do not apply. Reordering its columns only
//! reorders the result.
//!
//! **On a survey's own scale** ([`CriticalParams::on_source_scale`]): where the journey records
//! a coarse source scale (at most 7 answers, e.g. 1–5 or 1–7; one answer step is
//! 10 / (max − min) points), *angry* is the bottom box and *delighted* the top box (at or below
//! the lowest answer plus half a step; at or above the highest minus half a step), a case's own
//! steep step is two answer steps, and a touchpoint's spread is inconsistent from 1.5 answer
//! steps. The mean curves' turning points keep their thresholds: a mean moves in fractions of a
//! step.
//!
//! A candidate is critical when its score reaches [`CriticalParams::min_score`]; within a scope,
//! rank 1 is the highest score.
//!
//! Separately, a touchpoint is **prone to trouble** when, over all cases that scored it, the share
//! at or below `angry_at_or_below` reaches [`CriticalParams::prone_share_angry`] or the sample
//! standard deviation reaches [`CriticalParams::prone_spread`] (inconsistent service), even when
//! its mean looks fine.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::ScoreMatrix;
use super::patterns::Patterns;
use super::turning::{TurningKind, TurningParams, TurningPoint, turning_points};
use crate::model::FlagKind;

/// Every threshold and weight of the detector. `Default` gives the documented defaults.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CriticalParams {
    /// How turning points are found (prominence 1.0, steep step 2.0, neutral 0).
    pub turning: TurningParams,
    /// A case at or below this score is angry. Default **−3**.
    pub angry_at_or_below: f64,
    /// A case at or above this score is delighted. Default **+3**.
    pub delighted_at_or_above: f64,
    /// Distance from neutral at which the depth part is full. Default **4**: a mean of −4 (or
    /// +4) is as deep as it gets, since a mean over many cases rarely sits further out.
    pub depth_full: f64,
    /// Step into the point at which the sharpness part is full. Default **4**.
    pub sharpness_full: f64,
    /// Weight of depth. Default **0.35**.
    pub weight_depth: f64,
    /// Weight of sharpness. Default **0.20**.
    pub weight_sharpness: f64,
    /// Weight of the share of cases that show the turn themselves. Default **0.35**.
    pub weight_share: f64,
    /// Weight of closeness to the end. Default **0.10**.
    pub weight_end: f64,
    /// Score a turning point needs to be critical. Default **0.35**.
    pub min_score: f64,
    /// Prone to trouble when at least this share of cases is at or below `angry_at_or_below`.
    /// Default **0.25** (one case in four).
    pub prone_share_angry: f64,
    /// Prone to trouble when the sample standard deviation of the scores reaches this. Default
    /// **2.5**: on the −5 … +5 scale that means cases tell opposite stories.
    pub prone_spread: f64,
    /// A touchpoint needs at least this many scores to be called prone to trouble. Default **3**:
    /// one angry case is an anecdote, not a pattern.
    pub prone_min_cases: usize,
    /// A case's own drop or rise counts as steep from this change; `None` for
    /// [`TurningParams::steep_delta`]. Set from the source scale (two answer steps).
    pub case_steep_delta: Option<f64>,
    /// Weight of the driver part (where the cases carry an outcome). Default **0.35**, as much
    /// as depth or share.
    pub weight_driver: f64,
    /// The touchpoints are in time order (a process). Default **true**; false for an attribute
    /// survey (see the module docs).
    pub in_time_order: bool,
}

impl Default for CriticalParams {
    fn default() -> Self {
        Self {
            turning: TurningParams::default(),
            angry_at_or_below: super::stats::ANGRY_AT_OR_BELOW,
            delighted_at_or_above: 3.0,
            depth_full: 4.0,
            sharpness_full: 4.0,
            weight_depth: 0.35,
            weight_sharpness: 0.20,
            weight_share: 0.35,
            weight_end: 0.10,
            min_score: 0.35,
            prone_share_angry: 0.25,
            prone_spread: 2.5,
            prone_min_cases: 3,
            case_steep_delta: None,
            weight_driver: 0.35,
            in_time_order: true,
        }
    }
}

impl CriticalParams {
    /// These parameters with the case-level thresholds in steps of the survey's own scale,
    /// where `scale` records a coarse one (see the module docs); unchanged otherwise.
    pub fn on_source_scale(mut self, scale: &crate::model::Scale) -> Self {
        // Coarse means at most 7 answers: 1–5, 0–5, 1–7 (not 0–10, whose steps are fine enough).
        let Some(step) = super::stats::answer_step(scale) else {
            return self;
        };
        // The bottom and top box, as the statistics' share angry counts them.
        let boxes = super::stats::Boxes::of(scale);
        self.angry_at_or_below = self.angry_at_or_below.min(boxes.angry_at_or_below);
        self.delighted_at_or_above = self.delighted_at_or_above.max(boxes.wow_at_or_above);
        self.case_steep_delta = Some(self.turning.steep_delta.max(2.0 * step));
        self.prone_spread = self.prone_spread.max(1.5 * step);
        self
    }

    /// The change at which a case's own step is steep.
    fn case_steep(&self) -> f64 {
        self.case_steep_delta.unwrap_or(self.turning.steep_delta)
    }
}

/// Which curve a critical point was found on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    /// The mean of all cases.
    Overall,
    /// A typical pattern, by its 1-based [`Pattern::id`](super::Pattern::id).
    Pattern(usize),
}

impl fmt::Display for Scope {
    /// `overall` or `pattern:N`, as in the CLI's JSON.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Overall => write!(f, "overall"),
            Self::Pattern(id) => write!(f, "pattern:{id}"),
        }
    }
}

/// The four parts of a score, each 0 … 1 before weighting: the numbers behind "why critical".
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ScoreParts {
    pub depth: f64,
    pub sharpness: f64,
    pub share: f64,
    pub end: f64,
    /// 0 where the cases carry no outcome.
    pub driver: f64,
}

/// A turning point that matters.
#[derive(Clone, Debug, PartialEq)]
pub struct CriticalPoint {
    pub scope: Scope,
    /// Column index (the journey's touchpoint order).
    pub touchpoint: usize,
    /// Negative: prevent it, or shorten and soften it. Positive: amplify it.
    pub kind: FlagKind,
    /// The turning kinds at this touchpoint that point in `kind`'s direction.
    pub turning: Vec<TurningKind>,
    /// The scope's mean score at the touchpoint.
    pub value: f64,
    /// Distance from neutral in the point's direction (0 when on the other side).
    pub depth: f64,
    /// Signed change of the mean curve from the previous scored touchpoint (0 at the first).
    pub delta: f64,
    /// Share of the scope's cases (that scored the touchpoint) showing the turn themselves.
    pub share_of_cases: f64,
    /// Weighted sum of `parts`, 0 … 1 with the default weights.
    pub score: f64,
    /// 1 = most critical within its scope.
    pub rank: usize,
    pub parts: ScoreParts,
}

/// A touchpoint prone to trouble.
#[derive(Clone, Debug, PartialEq)]
pub struct Prone {
    pub touchpoint: usize,
    /// Cases that scored it.
    pub n: usize,
    pub mean: f64,
    /// Share of those cases at or below `angry_at_or_below`.
    pub share_angry: f64,
    /// Sample standard deviation of the scores (0 when only one case scored it).
    pub spread: f64,
    /// `share_angry` reached its threshold.
    pub angry: bool,
    /// `spread` reached its threshold.
    pub inconsistent: bool,
}

/// All critical points (overall first, then pattern by pattern, each by rank) and the
/// touchpoints prone to trouble (in touchpoint order).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CriticalReport {
    pub points: Vec<CriticalPoint>,
    pub prone: Vec<Prone>,
}

impl CriticalReport {
    /// The critical points of one scope, by rank.
    pub fn in_scope(&self, scope: Scope) -> impl Iterator<Item = &CriticalPoint> {
        self.points.iter().filter(move |p| p.scope == scope)
    }
}

/// Per scope and touchpoint: how many cases scored it, their sum, and how many show a negative
/// or positive turn there themselves.
#[derive(Clone, Debug)]
struct Tally {
    scored: Vec<usize>,
    sum: Vec<f64>,
    sum_of_squares: Vec<f64>,
    negative: Vec<usize>,
    positive: Vec<usize>,
    angry: Vec<usize>,
    /// At the scope's erosion points only: the cases showing the negative turn themselves,
    /// their own slide included (filled by a second pass, see [`count_slides`]).
    negative_or_slid: Vec<usize>,
}

impl Tally {
    fn new(width: usize) -> Self {
        Self {
            scored: vec![0; width],
            sum: vec![0.0; width],
            sum_of_squares: vec![0.0; width],
            negative: vec![0; width],
            positive: vec![0; width],
            angry: vec![0; width],
            negative_or_slid: vec![0; width],
        }
    }

    fn add(&mut self, touchpoint: usize, value: f64, negative: bool, positive: bool, angry: bool) {
        let counters = [
            (&mut self.scored, true),
            (&mut self.negative, negative),
            (&mut self.positive, positive),
            (&mut self.angry, angry),
        ];
        for (counter, hit) in counters {
            if hit && let Some(n) = counter.get_mut(touchpoint) {
                *n += 1;
            }
        }
        if let Some(sum) = self.sum.get_mut(touchpoint) {
            *sum += value;
        }
        if let Some(sum) = self.sum_of_squares.get_mut(touchpoint) {
            *sum += value * value;
        }
    }

    fn mean_curve(&self) -> Vec<f64> {
        self.scored
            .iter()
            .zip(&self.sum)
            .map(|(&n, &sum)| if n == 0 { f64::NAN } else { sum / n as f64 })
            .collect()
    }

    /// The share of cases showing a turn of `kind` at `touchpoint` themselves; `erosion` counts
    /// their own slides too.
    fn share(&self, touchpoint: usize, kind: FlagKind, erosion: bool) -> f64 {
        let scored = self.scored.get(touchpoint).copied().unwrap_or(0);
        let showing = match kind {
            FlagKind::Negative if erosion => self.negative_or_slid.get(touchpoint),
            FlagKind::Negative => self.negative.get(touchpoint),
            FlagKind::Positive => self.positive.get(touchpoint),
        }
        .copied()
        .unwrap_or(0);
        if scored == 0 {
            0.0
        } else {
            showing as f64 / scored as f64
        }
    }
}

/// Finds the critical points of all cases together and of each pattern, and the touchpoints
/// prone to trouble. `patterns` must come from the same `matrix` (its `assignments` name each
/// row's pattern); rows without an assignment count only overall. Pattern scopes use the
/// pattern's own mean curve, so they match what `emograph patterns` shows.
pub fn critical_points(
    matrix: &ScoreMatrix,
    patterns: &Patterns,
    params: &CriticalParams,
) -> CriticalReport {
    critical_points_with_drivers(matrix, patterns, params, None)
}

/// [`critical_points`] with each touchpoint's AUC for the outcome (one per touchpoint, `None`
/// where there is none), which adds the driver part to every score.
pub fn critical_points_with_drivers(
    matrix: &ScoreMatrix,
    patterns: &Patterns,
    params: &CriticalParams,
    driver_auc: Option<&[Option<f64>]>,
) -> CriticalReport {
    let width = matrix.touchpoints();
    if width == 0 || matrix.cases() == 0 {
        return CriticalReport::default();
    }
    let mut overall = Tally::new(width);
    let mut by_pattern = vec![Tally::new(width); patterns.patterns.len()];
    for (row_index, row) in matrix.rows().enumerate() {
        let mut pattern_tally = patterns
            .assignments
            .get(row_index)
            .and_then(|&p| by_pattern.get_mut(p));
        let mut previous: Option<f64> = None;
        for (touchpoint, &value) in row.iter().enumerate() {
            if !value.is_finite() {
                continue;
            }
            // Without time order a case's step from the previous column means nothing.
            let delta = previous.map(|p| value - p).filter(|_| params.in_time_order);
            previous = Some(value);
            let negative = value <= params.angry_at_or_below
                || delta.is_some_and(|d| d <= -params.case_steep());
            let positive = value >= params.delighted_at_or_above
                || delta.is_some_and(|d| d >= params.case_steep());
            let angry = value <= params.angry_at_or_below;
            for tally in std::iter::once(&mut overall).chain(pattern_tally.as_deref_mut()) {
                tally.add(touchpoint, value, negative, positive, angry);
            }
        }
    }

    let turns_of = |curve: &[f64]| {
        if params.in_time_order {
            turning_points(curve, &params.turning)
        } else {
            level_points(curve, params.turning.neutral)
        }
    };
    let overall_curve = overall.mean_curve();
    let overall_turns = turns_of(&overall_curve);
    // The pattern's own mean (filled where no member scored a touchpoint), as displayed.
    let pattern_curves: Vec<Vec<f64>> = patterns
        .patterns
        .iter()
        .map(|pattern| {
            (0..width)
                .map(|t| pattern.mean.get(t).copied().unwrap_or(f64::NAN))
                .collect()
        })
        .collect();
    let pattern_turns: Vec<Vec<TurningPoint>> =
        pattern_curves.iter().map(|curve| turns_of(curve)).collect();
    count_slides(
        matrix,
        patterns,
        params,
        (&mut overall, &overall_turns),
        by_pattern.iter_mut().zip(&pattern_turns).collect(),
    );

    let mut points = scope_points(
        Scope::Overall,
        &overall_curve,
        &overall_turns,
        &overall,
        params,
        driver_auc,
    );
    for (((pattern, tally), curve), turns) in patterns
        .patterns
        .iter()
        .zip(&by_pattern)
        .zip(&pattern_curves)
        .zip(&pattern_turns)
    {
        points.extend(scope_points(
            Scope::Pattern(pattern.id),
            curve,
            turns,
            tally,
            params,
            driver_auc,
        ));
    }
    CriticalReport {
        points,
        prone: prone_touchpoints(&overall, params),
    }
}

/// The second pass, only where some scope's curve has an erosion (most journeys have none):
/// at each erosion touchpoint, count the scope's cases that show the negative turn themselves,
/// their own slide into it included. Kept apart from the first pass because which touchpoints
/// erode is known only once the mean curves are.
fn count_slides(
    matrix: &ScoreMatrix,
    patterns: &Patterns,
    params: &CriticalParams,
    overall: (&mut Tally, &[TurningPoint]),
    mut by_pattern: Vec<(&mut Tally, &Vec<TurningPoint>)>,
) {
    let eroding = |turns: &[TurningPoint]| -> Vec<usize> {
        turns
            .iter()
            .filter(|p| p.has(TurningKind::Erosion))
            .map(|p| p.touchpoint)
            .collect()
    };
    let overall_at = eroding(overall.1);
    let pattern_at: Vec<Vec<usize>> = by_pattern.iter().map(|(_, t)| eroding(t)).collect();
    if overall_at.is_empty() && pattern_at.iter().all(Vec::is_empty) {
        return;
    }
    let (overall_tally, _) = overall;
    let turning = &params.turning;
    let mut scored: Vec<(usize, f64)> = Vec::new();
    let mut values: Vec<f64> = Vec::new();
    for (row_index, row) in matrix.rows().enumerate() {
        scored.clear();
        scored.extend(
            row.iter()
                .enumerate()
                .filter(|(_, v)| v.is_finite())
                .map(|(t, &v)| (t, v)),
        );
        values.clear();
        values.extend(scored.iter().map(|&(_, v)| v));
        let shows = |touchpoint: usize| -> bool {
            let Some(k) = scored.iter().position(|&(t, _)| t == touchpoint) else {
                return false;
            };
            let Some(&value) = values.get(k) else {
                return false;
            };
            let step = k
                .checked_sub(1)
                .and_then(|j| values.get(j))
                .map(|previous| value - previous);
            let slid = super::turning::fall_into(&values, k, turning.erosion_window)
                .is_some_and(|(_, fall)| fall >= turning.erosion_fall);
            value <= params.angry_at_or_below
                || step.is_some_and(|d| d <= -params.case_steep())
                || slid
        };
        for &t in &overall_at {
            if shows(t)
                && let Some(n) = overall_tally.negative_or_slid.get_mut(t)
            {
                *n += 1;
            }
        }
        let pattern = patterns.assignments.get(row_index).copied();
        if let Some(p) = pattern
            && let (Some((tally, _)), Some(at)) = (by_pattern.get_mut(p), pattern_at.get(p))
        {
            for &t in at {
                if shows(t)
                    && let Some(n) = tally.negative_or_slid.get_mut(t)
                {
                    *n += 1;
                }
            }
        }
    }
}

/// The critical points of one scope's mean `curve`, ranked.
fn scope_points(
    scope: Scope,
    curve: &[f64],
    turning: &[TurningPoint],
    tally: &Tally,
    params: &CriticalParams,
    driver_auc: Option<&[Option<f64>]>,
) -> Vec<CriticalPoint> {
    // Position among the scored touchpoints, for closeness to the end.
    let scored: Vec<usize> = curve
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_finite())
        .map(|(i, _)| i)
        .collect();
    let last_ordinal = scored.len().saturating_sub(1).max(1) as f64;
    let mut points = Vec::new();
    for point in turning {
        let ordinal = scored
            .iter()
            .position(|&t| t == point.touchpoint)
            .unwrap_or(0);
        for kind in [FlagKind::Negative, FlagKind::Positive] {
            let negative = kind == FlagKind::Negative;
            let kinds: Vec<TurningKind> = point
                .kinds
                .iter()
                .copied()
                .filter(|k| k.is_negative() == negative)
                .collect();
            if kinds.is_empty() {
                continue;
            }
            let sign = if negative { -1.0 } else { 1.0 };
            let neutral = params.turning.neutral;
            let depth = (sign * (point.value - neutral)).max(0.0);
            let delta = point.delta_in.unwrap_or(0.0);
            let erosion = negative && kinds.contains(&TurningKind::Erosion);
            let step = if erosion {
                (sign * delta).max(point.fall / 2.0)
            } else {
                sign * delta
            };
            let ordered = params.in_time_order;
            let auc = driver_auc.and_then(|aucs| aucs.get(point.touchpoint).copied().flatten());
            let parts = ScoreParts {
                depth: unit(depth / params.depth_full),
                sharpness: if ordered {
                    unit(step / params.sharpness_full)
                } else {
                    0.0
                },
                share: unit(tally.share(point.touchpoint, kind, erosion)),
                end: if ordered {
                    unit(ordinal as f64 / last_ordinal)
                } else {
                    0.0
                },
                driver: auc.map_or(0.0, |auc| unit((auc - 0.5) / 0.3)),
            };
            let order_weight = if ordered {
                params.weight_sharpness + params.weight_end
            } else {
                0.0
            };
            let driver_weight = if auc.is_some() {
                params.weight_driver
            } else {
                0.0
            };
            let weights = params.weight_depth + params.weight_share + order_weight + driver_weight;
            let sum = params.weight_depth * parts.depth
                + params.weight_sharpness * parts.sharpness
                + params.weight_share * parts.share
                + params.weight_end * parts.end
                + driver_weight * parts.driver;
            // Normalised only when the parts differ from the classic four (whose weights are
            // the documented ones, summing to 1), so existing scores stay bit for bit.
            let score = if ordered && auc.is_none() {
                sum
            } else {
                sum / weights
            };
            if !score.is_finite() || score < params.min_score {
                continue;
            }
            points.push(CriticalPoint {
                scope,
                touchpoint: point.touchpoint,
                kind,
                turning: kinds,
                value: point.value,
                depth,
                delta,
                share_of_cases: parts.share,
                score,
                rank: 0,
                parts,
            });
        }
    }
    points.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.touchpoint.cmp(&b.touchpoint))
            .then((a.kind == FlagKind::Positive).cmp(&(b.kind == FlagKind::Positive)))
    });
    for (i, point) in points.iter_mut().enumerate() {
        point.rank = i + 1;
    }
    points
}

/// The candidates of an attribute survey: every scored touchpoint, a trough below `neutral` and
/// a peak above (both at neutral), with no step and no prominence.
fn level_points(curve: &[f64], neutral: f64) -> Vec<TurningPoint> {
    curve
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_finite())
        .map(|(touchpoint, &value)| {
            // In the order of `TurningKind::ALL`.
            let mut kinds = Vec::new();
            if value >= neutral {
                kinds.push(TurningKind::Peak);
            }
            if value <= neutral {
                kinds.push(TurningKind::Trough);
            }
            TurningPoint {
                touchpoint,
                kinds,
                value,
                delta_in: None,
                prominence: 0.0,
                fall: 0.0,
            }
        })
        .collect()
}

/// `x` clamped to 0 … 1; `NaN` (a zero threshold divided by zero) counts as 0.
fn unit(x: f64) -> f64 {
    if x.is_nan() { 0.0 } else { x.clamp(0.0, 1.0) }
}

/// Touchpoints where many cases are angry or the cases disagree widely (see the module docs).
fn prone_touchpoints(tally: &Tally, params: &CriticalParams) -> Vec<Prone> {
    let mut prone = Vec::new();
    for (touchpoint, &n) in tally.scored.iter().enumerate() {
        if n == 0 || n < params.prone_min_cases {
            continue;
        }
        let count = n as f64;
        let sum = tally.sum.get(touchpoint).copied().unwrap_or(0.0);
        let sum_of_squares = tally.sum_of_squares.get(touchpoint).copied().unwrap_or(0.0);
        let mean = sum / count;
        let spread = if n < 2 {
            0.0
        } else {
            // Sample variance; scores are bounded (−5 … +5), so the one-pass formula is exact
            // enough, and rounding below zero is clamped.
            ((sum_of_squares - sum * mean) / (count - 1.0))
                .max(0.0)
                .sqrt()
        };
        let share_angry = tally.angry.get(touchpoint).copied().unwrap_or(0) as f64 / count;
        let angry = share_angry >= params.prone_share_angry;
        let inconsistent = spread >= params.prone_spread;
        if (angry || inconsistent) && mean.is_finite() && spread.is_finite() {
            prone.push(Prone {
                touchpoint,
                n,
                mean,
                share_angry,
                spread,
                angry,
                inconsistent,
            });
        }
    }
    prone
}

#[cfg(test)]
mod scale_and_order_tests {
    use super::*;
    use crate::model::{Scale, SourceScale};

    fn survey_scale(min: f64, max: f64) -> Scale {
        Scale {
            source: Some(SourceScale { min, max }),
            ..Scale::default()
        }
    }

    #[test]
    fn a_coarse_source_scale_puts_the_case_thresholds_in_answer_steps() {
        let defaults = CriticalParams::default();
        let five = defaults.on_source_scale(&survey_scale(1.0, 5.0));
        // One answer step is 2.5 points: angry is the bottom box (1 → −5, 2 → −2.5).
        assert_eq!(five.angry_at_or_below, -3.75);
        assert_eq!(five.delighted_at_or_above, 3.75);
        assert_eq!(five.case_steep(), 5.0);
        assert_eq!(five.prone_spread, 3.75);
        // The mean curves' turning thresholds are untouched.
        assert_eq!(five.turning, defaults.turning);
        // 0–10 has fine steps: nothing changes; nor without a source scale.
        assert_eq!(defaults.on_source_scale(&survey_scale(0.0, 10.0)), defaults);
        assert_eq!(defaults.on_source_scale(&Scale::default()), defaults);
    }

    #[test]
    fn one_step_differences_of_a_five_point_survey_are_not_steep_drops() {
        // Every case alternates 4, 3, 4, 3 … on a 1–5 survey: one answer step each time.
        let values: Vec<f64> = (0..40)
            .flat_map(|_| [2.5, 0.0, 2.5, 0.0, 2.5, 0.0])
            .collect();
        let matrix = ScoreMatrix::from_rows(6, values);
        let patterns = Patterns::default();
        let raw = critical_points(&matrix, &patterns, &CriticalParams::default());
        let on_scale = critical_points(
            &matrix,
            &patterns,
            &CriticalParams::default().on_source_scale(&survey_scale(1.0, 5.0)),
        );
        let share_at = |report: &CriticalReport| {
            report
                .points
                .iter()
                .filter(|p| p.kind == FlagKind::Negative)
                .map(|p| p.share_of_cases)
                .fold(0.0, f64::max)
        };
        assert!(share_at(&raw) > 0.99, "{raw:?}");
        assert_eq!(share_at(&on_scale), 0.0, "{on_scale:?}");
    }

    #[test]
    fn an_attribute_survey_ranks_the_same_whatever_the_column_order() {
        let columns = [
            [-3.0, -2.0, -4.0],
            [2.0, 3.0, 1.0],
            [0.5, -0.5, 0.0],
            [-4.5, -4.0, -5.0],
        ];
        let order = [3, 0, 2, 1];
        let matrix = |order: &[usize]| {
            let values: Vec<f64> = (0..3)
                .flat_map(|case| order.iter().map(move |&c| columns[c][case]))
                .collect();
            ScoreMatrix::from_rows(order.len(), values)
        };
        let params = CriticalParams {
            in_time_order: false,
            ..CriticalParams::default()
        };
        let patterns = Patterns::default();
        let as_given = critical_points(&matrix(&[0, 1, 2, 3]), &patterns, &params);
        let reordered = critical_points(&matrix(&order), &patterns, &params);
        let key = |report: &CriticalReport, order: &[usize]| {
            let mut points: Vec<(usize, String, u64)> = report
                .points
                .iter()
                .map(|p| {
                    (
                        order[p.touchpoint],
                        format!("{:?}", p.kind),
                        p.score.to_bits(),
                    )
                })
                .collect();
            points.sort();
            points
        };
        assert_eq!(key(&as_given, &[0, 1, 2, 3]), key(&reordered, &order));
        assert!(!as_given.points.is_empty());
        // No order parts: no drops, erosions or crossings, and sharpness and end are zero.
        for point in &as_given.points {
            assert!(
                point
                    .turning
                    .iter()
                    .all(|k| matches!(k, TurningKind::Peak | TurningKind::Trough))
            );
            assert_eq!((point.parts.sharpness, point.parts.end), (0.0, 0.0));
        }
    }

    #[test]
    fn a_strong_driver_lifts_a_touchpoint_into_the_critical_points() {
        // A mildly positive touchpoint nobody is angry at: not critical by level alone.
        let values: Vec<f64> = (0..20)
            .flat_map(|i| [1.0 + f64::from(i % 3), 0.5])
            .collect();
        let matrix = ScoreMatrix::from_rows(2, values);
        let params = CriticalParams {
            in_time_order: false,
            ..CriticalParams::default()
        };
        let patterns = Patterns::default();
        let plain = critical_points(&matrix, &patterns, &params);
        assert!(plain.points.iter().all(|p| p.touchpoint != 1), "{plain:?}");
        let weighted = critical_points_with_drivers(
            &matrix,
            &patterns,
            &params,
            Some(&[Some(0.5), Some(0.9)]),
        );
        let driver = weighted.points.iter().find(|p| p.touchpoint == 1);
        assert!(
            driver.is_some_and(|p| p.parts.driver == 1.0),
            "{weighted:?}"
        );
    }
}
