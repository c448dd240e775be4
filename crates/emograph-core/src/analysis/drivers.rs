//! Which touchpoints drive the outcome: with an outcome per case (overall satisfaction, an NPS
//! answer), how well each touchpoint's score tells favourable from unfavourable cases, and how
//! well each summary of a case's curve does (is the journey remembered by its average or by
//! its peak and end?).
//!
//! - **AUC** of a touchpoint: the probability that a favourable case scored it higher than an
//!   unfavourable one, ties counted half — the area under the ROC curve, as scikit-learn's
//!   `roc_auc_score` computes it. 0.5 is no better than chance; 1.0 separates perfectly. Over
//!   the cases that scored the touchpoint and have an outcome; computed from mid-ranks (the
//!   Mann–Whitney U divided by the number of pairs).
//! - **gap**: the mean score of the favourable cases minus that of the unfavourable ones.
//! - **bottom-box share among the unfavourable**: the share of unfavourable cases at or below
//!   the angry threshold there.
//! - **rank**: by AUC, highest first, among touchpoints with at least
//!   [`DriverParams::min_per_group`] cases on each side.
//! - **summaries**: each case's mean, worst, last and peak-end score (`(worst + last) / 2`), each
//!   with its AUC and its (point-biserial) correlation with the outcome (1 favourable, 0 not).
//!   Last and peak-end need time order, so an attribute survey gets mean and worst only.
//! - **regression**: a logistic regression on all the touchpoint scores, its AUC and
//!   correlation those of its predictions for held-out cases (5-fold cross-validation), so it
//!   is judged as fairly as the one-number summaries are.

use super::{Patterns, ScoreMatrix};
use crate::model::Outcome;

/// The driver analysis' one parameter. `Default` is the documented default.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DriverParams {
    /// A touchpoint or group needs this many favourable and this many unfavourable cases for an
    /// AUC. Default **5**, as for wave comparisons.
    pub min_per_group: usize,
}

impl Default for DriverParams {
    fn default() -> Self {
        Self { min_per_group: 5 }
    }
}

/// One touchpoint as a driver of the outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct TouchpointDriver {
    /// Column index (the journey's touchpoint order).
    pub touchpoint: usize,
    pub n_favourable: usize,
    pub n_unfavourable: usize,
    /// `None` below the minimum number of cases on either side.
    pub auc: Option<f64>,
    pub mean_favourable: Option<f64>,
    pub mean_unfavourable: Option<f64>,
    /// `mean_favourable − mean_unfavourable`.
    pub gap: Option<f64>,
    pub bottom_box_unfavourable: Option<f64>,
    /// 1 for the strongest driver; `None` without an AUC.
    pub rank: Option<usize>,
}

/// How well one summary of a case's curve predicts the outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct SummaryPredictor {
    /// `mean`, `worst`, `last`, `peak_end` or `regression`.
    pub name: &'static str,
    pub n: usize,
    pub auc: Option<f64>,
    /// Pearson correlation of the summary with the outcome as 1/0.
    pub correlation: Option<f64>,
}

/// The favourable rate of a group of cases (a pattern, a segment).
#[derive(Clone, Debug, PartialEq)]
pub struct GroupRate {
    pub label: String,
    /// Cases of the group with an outcome.
    pub n: usize,
    pub favourable_share: Option<f64>,
}

/// The whole driver analysis of one dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct Drivers {
    pub outcome: Outcome,
    /// Cases with an outcome.
    pub n: usize,
    pub n_favourable: usize,
    pub touchpoints: Vec<TouchpointDriver>,
    pub summaries: Vec<SummaryPredictor>,
    /// Per pattern, numbered from 1 as everywhere.
    pub patterns: Vec<GroupRate>,
    /// Per segment (trimmed, as written first), largest first.
    pub segments: Vec<GroupRate>,
}

impl Drivers {
    /// The AUC of each touchpoint, `None` where there is none: what critical points weigh.
    pub fn aucs(&self) -> Vec<Option<f64>> {
        self.touchpoints.iter().map(|t| t.auc).collect()
    }
}

/// What the driver analysis is computed from besides the matrix.
pub struct DriverInput<'a> {
    pub outcome: &'a Outcome,
    /// One per matrix row.
    pub outcomes: &'a [Option<f64>],
    /// One per matrix row (may be empty).
    pub segments: &'a super::Texts,
    pub patterns: Option<&'a Patterns>,
    /// A score at or below this is in the bottom box.
    pub bottom_box_at_or_below: f64,
    /// Whether the touchpoints are in time order (last and peak-end need it).
    pub in_time_order: bool,
}

/// The driver analysis (see the module docs).
pub fn drivers(matrix: &ScoreMatrix, input: &DriverInput<'_>, params: &DriverParams) -> Drivers {
    let label = |row: usize| -> Option<bool> {
        let value = input.outcomes.get(row).copied().flatten()?;
        value.is_finite().then(|| input.outcome.favourable(value))
    };
    let labels: Vec<Option<bool>> = (0..matrix.cases()).map(label).collect();
    let n = labels.iter().flatten().count();
    let n_favourable = labels.iter().flatten().filter(|&&f| f).count();

    let mut touchpoints: Vec<TouchpointDriver> = (0..matrix.touchpoints())
        .map(|t| {
            let pairs: Vec<(f64, bool)> = labels
                .iter()
                .enumerate()
                .filter_map(|(row, l)| Some((matrix.get(row, t)?, (*l)?)))
                .collect();
            let side = |favourable: bool| pairs.iter().filter(move |p| p.1 == favourable);
            let mean = |favourable: bool| {
                let count = side(favourable).count();
                (count > 0).then(|| side(favourable).map(|p| p.0).sum::<f64>() / count as f64)
            };
            let n_favourable = side(true).count();
            let n_unfavourable = side(false).count();
            let enough = n_favourable >= params.min_per_group.max(1)
                && n_unfavourable >= params.min_per_group.max(1);
            let (mean_favourable, mean_unfavourable) = (mean(true), mean(false));
            TouchpointDriver {
                touchpoint: t,
                n_favourable,
                n_unfavourable,
                auc: if enough { auc(&pairs) } else { None },
                mean_favourable,
                mean_unfavourable,
                gap: mean_favourable.zip(mean_unfavourable).map(|(a, b)| a - b),
                bottom_box_unfavourable: (n_unfavourable > 0).then(|| {
                    side(false)
                        .filter(|p| p.0 <= input.bottom_box_at_or_below)
                        .count() as f64
                        / n_unfavourable as f64
                }),
                rank: None,
            }
        })
        .collect();
    let mut ranked: Vec<usize> = (0..touchpoints.len())
        .filter(|&i| touchpoints.get(i).is_some_and(|t| t.auc.is_some()))
        .collect();
    let auc_of = |i: usize| touchpoints.get(i).and_then(|t| t.auc).unwrap_or(0.0);
    ranked.sort_by(|&a, &b| auc_of(b).total_cmp(&auc_of(a)).then(a.cmp(&b)));
    for (rank, i) in ranked.into_iter().enumerate() {
        if let Some(t) = touchpoints.get_mut(i) {
            t.rank = Some(rank + 1);
        }
    }

    let mut names: Vec<&'static str> = vec!["mean", "worst"];
    if input.in_time_order {
        names.extend(["last", "peak_end"]);
    }
    let mut summaries: Vec<SummaryPredictor> = names
        .into_iter()
        .map(|name| {
            let pairs: Vec<(f64, bool)> = labels
                .iter()
                .enumerate()
                .filter_map(|(row, l)| Some((summary(matrix.row(row), name)?, (*l)?)))
                .collect();
            let favourable = pairs.iter().filter(|p| p.1).count();
            let enough = favourable >= params.min_per_group.max(1)
                && pairs.len() - favourable >= params.min_per_group.max(1);
            SummaryPredictor {
                name,
                n: pairs.len(),
                auc: if enough { auc(&pairs) } else { None },
                correlation: if enough { correlation(&pairs) } else { None },
            }
        })
        .collect();
    summaries.push(regression_summary(matrix, &labels, params));

    let rate = |label: String, rows: &mut dyn Iterator<Item = usize>| {
        let (mut count, mut good) = (0usize, 0usize);
        for row in rows {
            if let Some(Some(favourable)) = labels.get(row) {
                count += 1;
                good += usize::from(*favourable);
            }
        }
        GroupRate {
            label,
            n: count,
            favourable_share: (count > 0).then(|| good as f64 / count as f64),
        }
    };
    let patterns = input.patterns.map_or_else(Vec::new, |patterns| {
        patterns
            .patterns
            .iter()
            .enumerate()
            .map(|(index, pattern)| {
                let mut rows = patterns
                    .assignments
                    .iter()
                    .enumerate()
                    .filter(move |&(_, &p)| p == index)
                    .map(|(row, _)| row);
                rate(format!("pattern {}", pattern.id), &mut rows)
            })
            .collect()
    });
    let mut segment_names: Vec<String> = Vec::new();
    for segment in input.segments {
        let key = segment.trim();
        if !key.is_empty()
            && !segment_names
                .iter()
                .any(|s| s.to_lowercase() == key.to_lowercase())
        {
            segment_names.push(key.to_owned());
        }
    }
    let mut segments: Vec<GroupRate> = segment_names
        .into_iter()
        .map(|name| {
            let wanted = name.to_lowercase();
            let mut rows = input
                .segments
                .iter()
                .enumerate()
                .filter(move |(_, s)| s.trim().to_lowercase() == wanted)
                .map(|(row, _)| row);
            rate(name, &mut rows)
        })
        .collect();
    segments.sort_by(|a, b| b.n.cmp(&a.n).then(a.label.cmp(&b.label)));

    Drivers {
        outcome: input.outcome.clone(),
        n,
        n_favourable,
        touchpoints,
        summaries,
        patterns,
        segments,
    }
}

/// How well a logistic regression on all the touchpoints predicts the outcome, judged on
/// held-out cases (5-fold cross-validation; see `drivers_regression`).
fn regression_summary(
    matrix: &ScoreMatrix,
    labels: &[Option<bool>],
    params: &DriverParams,
) -> SummaryPredictor {
    // The cases that scored something and have an outcome.
    let rows: Vec<(usize, bool)> = labels
        .iter()
        .enumerate()
        .filter(|&(row, _)| matrix.row(row).iter().any(|v| v.is_finite()))
        .filter_map(|(row, l)| Some((row, (*l)?)))
        .collect();
    let favourable = rows.iter().filter(|r| r.1).count();
    let least = params.min_per_group.max(super::drivers_regression::FOLDS);
    let enough = favourable >= least && rows.len() - favourable >= least;
    let held_out = if enough {
        super::drivers_regression::cross_validated(matrix, &rows)
    } else {
        None
    };
    SummaryPredictor {
        name: "regression",
        n: rows.len(),
        auc: held_out.as_deref().and_then(auc),
        correlation: held_out.as_deref().and_then(correlation),
    }
}

/// A summary of one case's curve over its scored touchpoints; `None` when it scored none.
fn summary(row: &[f64], name: &str) -> Option<f64> {
    let scored: Vec<f64> = row.iter().copied().filter(|v| v.is_finite()).collect();
    let last = *scored.last()?;
    let worst = scored.iter().copied().fold(f64::INFINITY, f64::min);
    Some(match name {
        "mean" => scored.iter().sum::<f64>() / scored.len() as f64,
        "worst" => worst,
        "last" => last,
        _ => (worst + last) / 2.0,
    })
}

/// The area under the ROC curve of `score` for `favourable`, ties counted half; `None` when
/// either side is empty. From mid-ranks: (sum of the favourable ranks − n₁(n₁+1)/2) / (n₁ n₀).
pub fn auc(pairs: &[(f64, bool)]) -> Option<f64> {
    let mut sorted: Vec<(f64, bool)> = pairs.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let positives = sorted.iter().filter(|p| p.1).count();
    let negatives = sorted.len() - positives;
    if positives == 0 || negatives == 0 {
        return None;
    }
    // Per run of tied scores: the favourable in it outrank every unfavourable below, and tie
    // with the unfavourable in the run (half each). Counted as pairs, not rank sums, so the
    // result is exact for any number of cases.
    let mut below_negative = 0usize;
    let mut wins = 0.0f64;
    let mut i = 0;
    while let Some(&(value, _)) = sorted.get(i) {
        let mut j = i;
        let (mut run_positive, mut run_negative) = (0usize, 0usize);
        while let Some(&(v, favourable)) = sorted.get(j) {
            if v != value {
                break;
            }
            if favourable {
                run_positive += 1;
            } else {
                run_negative += 1;
            }
            j += 1;
        }
        wins += run_positive as f64 * (below_negative as f64 + run_negative as f64 / 2.0);
        below_negative += run_negative;
        i = j;
    }
    Some(wins / (positives as f64 * negatives as f64))
}

/// Pearson correlation of the value with the label as 1/0; `None` when either is constant.
fn correlation(pairs: &[(f64, bool)]) -> Option<f64> {
    let n = pairs.len() as f64;
    if pairs.len() < 2 {
        return None;
    }
    let mean_x = pairs.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = pairs.iter().filter(|p| p.1).count() as f64 / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for &(x, favourable) in pairs {
        let dx = x - mean_x;
        let dy = f64::from(u8::from(favourable)) - mean_y;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    let r = sxy / (sxx * syy).sqrt();
    r.is_finite().then_some(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OutcomeRule;

    #[test]
    fn auc_counts_ties_half_and_is_one_for_perfect_separation() {
        assert_eq!(auc(&[(1.0, false), (2.0, true)]), Some(1.0));
        assert_eq!(auc(&[(2.0, false), (1.0, true)]), Some(0.0));
        assert_eq!(auc(&[(1.0, false), (1.0, true)]), Some(0.5));
        // Pairs: (3 vs 1) win, (3 vs 3) half, (2 vs 1) win, (2 vs 3) loss → 2.5 / 4.
        let pairs = [(1.0, false), (3.0, false), (3.0, true), (2.0, true)];
        assert_eq!(auc(&pairs), Some(0.625));
        assert_eq!(auc(&[(1.0, true)]), None);
    }

    #[test]
    fn a_planted_driver_ranks_first_and_order_free_summaries_only_when_unordered() {
        // Touchpoint 1 decides the outcome; touchpoint 0 is noise.
        let mut values = Vec::new();
        let mut outcomes = Vec::new();
        for i in 0..40 {
            let favourable = i % 2 == 0;
            values.push(f64::from(i % 5) - 2.0);
            values.push(if favourable { 3.0 } else { -2.0 } + f64::from(i % 3) * 0.1);
            outcomes.push(Some(if favourable { 1.0 } else { 0.0 }));
        }
        let matrix = ScoreMatrix::from_rows(2, values);
        let outcome = Outcome {
            name: "Satisfied".into(),
            rule: OutcomeRule::YesNo,
        };
        let input = DriverInput {
            outcome: &outcome,
            outcomes: &outcomes,
            segments: &crate::analysis::Texts::new(),
            patterns: None,
            bottom_box_at_or_below: -1.5,
            in_time_order: false,
        };
        let result = drivers(&matrix, &input, &DriverParams::default());
        assert_eq!(result.n, 40);
        assert_eq!(result.touchpoints[1].rank, Some(1));
        assert_eq!(result.touchpoints[1].auc, Some(1.0));
        assert!((result.touchpoints[1].gap.unwrap() - 5.0).abs() < 0.2);
        assert_eq!(result.touchpoints[1].bottom_box_unfavourable, Some(1.0));
        let names: Vec<_> = result.summaries.iter().map(|s| s.name).collect();
        assert_eq!(names, ["mean", "worst", "regression"]);
    }
}
