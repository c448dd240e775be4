//! Per-touchpoint statistics over the cases that scored each touchpoint.
//!
//! Definitions follow pandas' defaults so an analyst can check our numbers in a notebook:
//! quantiles interpolate linearly between order statistics (numpy `method="linear"`,
//! Hyndman–Fan type 7), the standard deviation is the sample one (`ddof = 1`), and every figure
//! is taken over the cases that scored the touchpoint (missing scores are skipped, not zero).

use super::{ScoreMatrix, Texts};
use crate::model::Scale;

/// Scores at or below this count as "angry" (the bottom of the −5 … +5 scale) when the journey
/// records no coarse source scale; see [`Boxes::of`].
pub const ANGRY_AT_OR_BELOW: f64 = -3.0;

/// Scores at or above this count as "WOW" when the journey records no coarse source scale.
pub const WOW_AT_OR_ABOVE: f64 = 3.0;

/// One answer step of a coarse source scale (at most 7 answers: 1–5, 0–5, 1–7) in points of the
/// journey's scale (2.5 for a 1–5 survey on −5 … +5); `None` without one. A 0–10 question's
/// steps (1 point) are fine enough to need no translation.
pub fn answer_step(scale: &Scale) -> Option<f64> {
    let source = scale.source.as_ref()?;
    let source_span = source.max - source.min;
    let span = scale.max - scale.min;
    (source_span > 0.0 && source_span <= 6.0 && span > 0.0).then(|| span / source_span)
}

/// Where "angry" ends and "WOW" begins: the one definition the statistics' share angry and the
/// critical points' thresholds share.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Boxes {
    pub angry_at_or_below: f64,
    pub wow_at_or_above: f64,
}

impl Default for Boxes {
    fn default() -> Self {
        Self {
            angry_at_or_below: ANGRY_AT_OR_BELOW,
            wow_at_or_above: WOW_AT_OR_ABOVE,
        }
    }
}

impl Boxes {
    /// On a coarse source scale, the survey's own bottom and top box: at or below the lowest
    /// answer plus half a step, at or above the highest minus half a step (a 1–7 survey's
    /// "angry" is its 1s only, not its 1s and 2s as −3 would make it). Otherwise −3 and +3.
    pub fn of(scale: &Scale) -> Self {
        match answer_step(scale) {
            Some(step) => Self {
                angry_at_or_below: scale.min + step / 2.0,
                wow_at_or_above: scale.max - step / 2.0,
            },
            None => Self::default(),
        }
    }
}

/// What the cases said about one touchpoint. Every `Option` is `None` when it is undefined
/// (no case scored the touchpoint; `std` also when only one did).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TouchpointStats {
    /// How many cases scored it.
    pub n: usize,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    /// 25 % quantile, linear interpolation.
    pub q1: Option<f64>,
    /// 75 % quantile, linear interpolation.
    pub q3: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Sample standard deviation (`n − 1` in the denominator); `None` when `n < 2`.
    pub std: Option<f64>,
    /// Share of the scoring cases below 0.
    pub share_negative: Option<f64>,
    /// Share of the scoring cases that are angry: the survey's bottom box, or at or below
    /// [`ANGRY_AT_OR_BELOW`] (see [`Boxes::of`]).
    pub share_angry: Option<f64>,
}

/// One [`TouchpointStats`] per matrix column, in column order.
///
/// Passes over the rows count each column's scores (see [`touchpoint_stats_on`]); no copy of
/// the scores is made, and the quantiles come from the counts.
pub fn touchpoint_stats(matrix: &ScoreMatrix) -> Vec<TouchpointStats> {
    touchpoint_stats_on(matrix, &Scale::default())
}

/// Scores from which the blocks of [`touchpoint_stats_on`] are spread over the cores.
const PARALLEL_SCORES: usize = 1 << 20;

/// [`touchpoint_stats`] with "angry" the bottom box of the journey's source scale.
///
/// Two passes over the rows per block of columns, no copy of the scores: the first sums and
/// counts each column's values into a [`Tally`](super::tally::Tally), whose counts give the
/// quartiles exactly; the second sums the squared deviations from the mean in row order, as
/// the two-pass variance of [`column_stats`] does. A column of more distinct values than a
/// tally holds is gathered and selected instead, as every column was before.
pub fn touchpoint_stats_on(matrix: &ScoreMatrix, scale: &Scale) -> Vec<TouchpointStats> {
    let angry = Boxes::of(scale).angry_at_or_below;
    let columns = matrix.touchpoints();
    let cases = matrix.cases();
    if cases == 0 {
        return vec![TouchpointStats::default(); columns];
    }
    let parallel = cases.saturating_mul(columns) >= PARALLEL_SCORES;
    let block = super::parallel::columns_per_thread(columns, parallel);
    let blocks = columns.div_ceil(block);
    let per_block = super::parallel::parallel_map_with(
        parallel,
        blocks,
        || (),
        |(), index| {
            let first = index * block;
            let last = (first + block).min(columns);
            block_stats(matrix, first..last, angry)
        },
    );
    per_block.into_iter().flatten().collect()
}

/// Running figures of one column's scored values, in row order.
#[derive(Clone, Copy)]
struct Running {
    n: usize,
    sum: f64,
    min: f64,
    max: f64,
    negative: usize,
    angry: usize,
    squares: f64,
}

/// [`touchpoint_stats_on`] for the columns `columns`.
fn block_stats(
    matrix: &ScoreMatrix,
    columns: std::ops::Range<usize>,
    angry_at_or_below: f64,
) -> Vec<TouchpointStats> {
    let start = Running {
        n: 0,
        sum: 0.0,
        min: f64::INFINITY,
        max: f64::NEG_INFINITY,
        negative: 0,
        angry: 0,
        squares: 0.0,
    };
    let mut running = vec![start; columns.len()];
    let mut tallies: Vec<super::tally::Tally> = columns
        .clone()
        .map(|_| super::tally::Tally::new(1))
        .collect();
    for row in matrix.rows() {
        let values = row.get(columns.clone()).unwrap_or_default();
        for ((r, tally), &v) in running.iter_mut().zip(&mut tallies).zip(values) {
            if v.is_nan() {
                continue;
            }
            r.n += 1;
            r.sum += v;
            r.min = r.min.min(v);
            r.max = r.max.max(v);
            r.negative += usize::from(v < 0.0);
            r.angry += usize::from(v <= angry_at_or_below);
            tally.add(0, v);
        }
    }
    let means: Vec<f64> = running.iter().map(|r| r.sum / r.n as f64).collect();
    for row in matrix.rows() {
        let values = row.get(columns.clone()).unwrap_or_default();
        for ((r, &mean), &v) in running.iter_mut().zip(&means).zip(values) {
            if !v.is_nan() {
                r.squares += (v - mean) * (v - mean);
            }
        }
    }
    running
        .iter()
        .zip(&tallies)
        .zip(columns)
        .map(|((r, tally), column)| {
            if r.n == 0 {
                return TouchpointStats::default();
            }
            if tally.is_full() {
                let mut values: Vec<f64> = matrix
                    .rows()
                    .filter_map(|row| row.get(column).copied())
                    .filter(|v| !v.is_nan())
                    .collect();
                return column_stats_at(&mut values, angry_at_or_below);
            }
            let n = r.n;
            let mean = r.sum / n as f64;
            let [q1, median, q3] = tally.quantiles(0, [0.25, 0.5, 0.75]);
            TouchpointStats {
                n,
                mean: Some(mean),
                median: Some(median),
                q1: Some(q1),
                q3: Some(q3),
                min: Some(r.min),
                max: Some(r.max),
                std: (n >= 2).then(|| (r.squares / (n - 1) as f64).sqrt()),
                share_negative: Some(r.negative as f64 / n as f64),
                share_angry: Some(r.angry as f64 / n as f64),
            }
        })
        .collect()
}

/// The cases of one segment and their per-touchpoint statistics, for comparing segments.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SegmentStats {
    /// As the cases spell it; empty for the cases that have none.
    pub segment: String,
    /// How many cases the segment has.
    pub n: usize,
    /// One per touchpoint, in touchpoint order.
    pub stats: Vec<TouchpointStats>,
}

impl SegmentStats {
    /// (touchpoint, mean) of every touchpoint the segment scored.
    fn means(&self) -> impl Iterator<Item = (usize, f64)> + '_ {
        self.stats
            .iter()
            .enumerate()
            .filter_map(|(t, s)| s.mean.filter(|m| m.is_finite()).map(|m| (t, m)))
    }

    /// Where the segment's customers feel worst: (touchpoint, mean).
    pub fn lowest(&self) -> Option<(usize, f64)> {
        self.means().min_by(|a, b| a.1.total_cmp(&b.1))
    }

    /// Where they feel best: (touchpoint, mean).
    pub fn highest(&self) -> Option<(usize, f64)> {
        self.means().max_by(|a, b| a.1.total_cmp(&b.1))
    }

    /// Where the segment's mean falls furthest below the mean of `all` cases, if by at least
    /// `min_gap`: (touchpoint, gap), the gap negative.
    pub fn furthest_below(&self, all: &[TouchpointStats], min_gap: f64) -> Option<(usize, f64)> {
        self.means()
            .filter_map(|(t, m)| Some((t, m - all.get(t)?.mean?)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .filter(|(_, gap)| *gap <= -min_gap)
    }
}

/// Statistics per segment (`segments` holds one per matrix row), largest segment first, then
/// by name. Segments that differ only in case ("Gold", "gold") are one, spelt as first met.
pub fn segment_stats(matrix: &ScoreMatrix, segments: &Texts) -> Vec<SegmentStats> {
    segment_stats_on(matrix, segments, &Scale::default())
}

/// [`segment_stats`] with "angry" the bottom box of the journey's source scale.
pub fn segment_stats_on(
    matrix: &ScoreMatrix,
    segments: &Texts,
    scale: &Scale,
) -> Vec<SegmentStats> {
    let angry = Boxes::of(scale).angry_at_or_below;
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    // A matrix without touchpoints cannot count its rows: the segments (one per row) do.
    let rows = if matrix.touchpoints() == 0 {
        segments.len()
    } else {
        matrix.cases()
    };
    for row in 0..rows {
        let segment = segments.get(row).map_or("", |s| s.trim());
        let slot = *index.entry(segment.to_lowercase()).or_insert_with(|| {
            groups.push((segment.to_owned(), Vec::new()));
            groups.len() - 1
        });
        if let Some((_, rows)) = groups.get_mut(slot) {
            rows.push(row);
        }
    }
    let mut out: Vec<SegmentStats> = groups
        .into_iter()
        .map(|(segment, rows)| {
            let stats = (0..matrix.touchpoints())
                .map(|column| {
                    let mut values: Vec<f64> = rows
                        .iter()
                        .filter_map(|&row| matrix.get(row, column))
                        .filter(|v| !v.is_nan())
                        .collect();
                    column_stats_at(&mut values, angry)
                })
                .collect();
            SegmentStats {
                segment,
                n: rows.len(),
                stats,
            }
        })
        .collect();
    out.sort_by(|a, b| b.n.cmp(&a.n).then_with(|| a.segment.cmp(&b.segment)));
    out
}

/// Statistics of one column's scored values (any order; the buffer is reordered).
pub fn column_stats(values: &mut [f64]) -> TouchpointStats {
    column_stats_at(values, ANGRY_AT_OR_BELOW)
}

/// [`column_stats`] with "angry" at or below `angry_at_or_below`.
fn column_stats_at(values: &mut [f64], angry_at_or_below: f64) -> TouchpointStats {
    let n = values.len();
    if n == 0 {
        return TouchpointStats::default();
    }
    let (mut sum, mut min, mut max) = (0.0, f64::INFINITY, f64::NEG_INFINITY);
    let (mut negative, mut angry) = (0usize, 0usize);
    for &v in values.iter() {
        sum += v;
        min = min.min(v);
        max = max.max(v);
        negative += usize::from(v < 0.0);
        angry += usize::from(v <= angry_at_or_below);
    }
    let mean = sum / n as f64;
    // Two-pass variance, as numpy/pandas compute it: stable for data far from zero.
    let std = (n >= 2).then(|| {
        let squares: f64 = values.iter().map(|v| (v - mean) * (v - mean)).sum();
        (squares / (n - 1) as f64).sqrt()
    });
    let [q1, median, q3] = quantiles(values, [0.25, 0.5, 0.75]);
    TouchpointStats {
        n,
        mean: Some(mean),
        median: Some(median),
        q1: Some(q1),
        q3: Some(q3),
        min: Some(min),
        max: Some(max),
        std,
        share_negative: Some(negative as f64 / n as f64),
        share_angry: Some(angry as f64 / n as f64),
    }
}

/// Linear-interpolation quantiles (numpy's default) of non-empty, NaN-free `values` at the
/// ascending probabilities `probabilities`. Reorders `values`; returns NaN for an empty slice.
pub fn quantiles<const N: usize>(values: &mut [f64], probabilities: [f64; N]) -> [f64; N] {
    let n = values.len();
    // The order statistics each quantile needs, ascending; resolved by selecting in the
    // shrinking unresolved suffix, so three quantiles cost about three linear passes.
    let mut resolved_until = 0usize; // values[..resolved_until] are ≤ every later value
    let mut last: Option<(usize, f64)> = None;
    quantiles_from(n, probabilities, |position| {
        if let Some((at, value)) = last
            && at == position
        {
            return value;
        }
        let start = resolved_until.min(position);
        let Some(rest) = values.get_mut(start..) else {
            return f64::NAN;
        };
        if rest.is_empty() {
            return f64::NAN;
        }
        let (_, value, _) = rest.select_nth_unstable_by(position - start, f64::total_cmp);
        let value = *value;
        resolved_until = position + 1;
        last = Some((position, value));
        value
    })
}

/// The quantiles at the ascending `probabilities` of `n` values whose order statistics
/// `order_stat(position)` gives (0-based, asked in ascending order): the one formula both the
/// selection above and a tally of counted values (`tally.rs`) use, so they agree to the bit.
pub(crate) fn quantiles_from<const N: usize>(
    n: usize,
    probabilities: [f64; N],
    mut order_stat: impl FnMut(usize) -> f64,
) -> [f64; N] {
    let mut out = [f64::NAN; N];
    if n == 0 {
        return out;
    }
    for (slot, p) in out.iter_mut().zip(probabilities) {
        let h = (n - 1) as f64 * p.clamp(0.0, 1.0);
        let below = h.floor() as usize;
        let fraction = h - below as f64;
        let low = order_stat(below);
        *slot = if fraction > 0.0 && below + 1 < n {
            let high = order_stat(below + 1);
            lerp(low, high, fraction)
        } else {
            low
        };
    }
    out
}

/// numpy's `_lerp`: exact at both ends and monotone, so results match numpy bit for bit more often.
fn lerp(a: f64, b: f64, t: f64) -> f64 {
    let diff = b - a;
    if t >= 0.5 {
        b - diff * (1.0 - t)
    } else {
        a + diff * t
    }
}

#[cfg(test)]
mod segment_tests {
    use super::*;

    #[test]
    fn each_segment_gets_the_statistics_of_its_own_cases() {
        let matrix = ScoreMatrix::from_rows(
            2,
            vec![
                1.0,
                -4.0, // gold
                3.0,
                -2.0, // gold
                -1.0,
                f64::NAN, // regular, skipped the second touchpoint
                4.0,
                4.0, // no segment
                2.0,
                -3.0, // Gold, spelt otherwise
            ],
        );
        let segments: Texts = ["gold", "gold", "regular", "", "Gold"].iter().collect();
        let by_segment = segment_stats(&matrix, &segments);
        let names: Vec<(&str, usize)> = by_segment
            .iter()
            .map(|s| (s.segment.as_str(), s.n))
            .collect();
        assert_eq!(names, [("gold", 3), ("", 1), ("regular", 1)]);
        let gold = &by_segment[0].stats;
        assert_eq!(gold[0].mean, Some(2.0));
        assert_eq!(gold[1].mean, Some(-3.0));
        assert_eq!(gold[1].n, 3);
        // The same as the statistics of the gold rows alone.
        let alone = touchpoint_stats(&ScoreMatrix::from_rows(
            2,
            vec![1.0, -4.0, 3.0, -2.0, 2.0, -3.0],
        ));
        assert_eq!(*gold, alone);
        let regular = &by_segment[2].stats;
        assert_eq!((regular[1].n, regular[1].mean), (0, None));
        // Gold feels worst at the second touchpoint, best at the first.
        assert_eq!(by_segment[0].lowest(), Some((1, -3.0)));
        assert_eq!(by_segment[0].highest(), Some((0, 2.0)));
        let all = touchpoint_stats(&matrix);
        // All cases: means 1.8 and −1.25; gold's −3.0 at the second is 1.75 below.
        let (t, gap) = by_segment[0].furthest_below(&all, 0.5).unwrap();
        assert_eq!(t, 1);
        assert!((gap + 1.75).abs() < 1e-12, "{gap}");
        assert_eq!(by_segment[0].furthest_below(&all, 2.0), None);
        assert!(segment_stats(&ScoreMatrix::new(3), &Texts::new()).is_empty());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every figure's bits, so −0 and 0 (and NaN) count as different.
    fn bits(s: &TouchpointStats) -> Vec<Option<u64>> {
        [
            s.mean,
            s.median,
            s.q1,
            s.q3,
            s.min,
            s.max,
            s.std,
            s.share_negative,
            s.share_angry,
        ]
        .iter()
        .map(|v| v.map(f64::to_bits))
        .chain([Some(s.n as u64)])
        .collect()
    }

    #[test]
    fn counted_statistics_are_those_of_each_gathered_column_to_the_bit() {
        // Past the size the columns are spread over the cores, and columns of every kind: one
        // decimal (counted), computed (too varied to count: selected), a 1–5 answer, signed
        // zeros, a few scores, none.
        let (cases, width) = (40_000usize, 30usize);
        let mut state = 11u64;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        let mut values = Vec::with_capacity(cases * width);
        for row in 0..cases {
            for column in 0..width {
                let r = next();
                let v = match column % 6 {
                    _ if r < 0.05 => f64::NAN,
                    0 => ((r * 100.0).floor() - 50.0) / 10.0,
                    1 => r * 10.0 - 5.0,
                    2 => (r * 5.0).floor() * 2.5 - 5.0,
                    3 => [0.0, -0.0, 1.5][row % 3],
                    4 if row % 997 == 0 => -3.0,
                    4 => f64::NAN,
                    _ => f64::NAN,
                };
                values.push(v);
            }
        }
        let matrix = ScoreMatrix::from_rows(width, values);
        let counted = touchpoint_stats(&matrix);
        assert_eq!(counted.len(), width);
        for (column, got) in counted.iter().enumerate() {
            let mut gathered: Vec<f64> = matrix
                .rows()
                .map(|row| row[column])
                .filter(|v| !v.is_nan())
                .collect();
            let want = column_stats(&mut gathered);
            assert_eq!(bits(got), bits(&want), "column {column}");
        }
        assert_eq!(counted[5].n, 0);
        assert!(counted[4].n > 30);
    }

    /// Reference: sort, then numpy's type-7 formula.
    fn sorted_quantile(values: &[f64], p: f64) -> f64 {
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        let h = (sorted.len() - 1) as f64 * p;
        let lo = h.floor() as usize;
        let hi = (lo + 1).min(sorted.len() - 1);
        sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
    }

    #[test]
    fn quartiles_interpolate_like_numpy() {
        // numpy.quantile([1, 2, 3, 4], [.25, .5, .75]) == [1.75, 2.5, 3.25]
        let mut v = [4.0, 1.0, 3.0, 2.0];
        assert_eq!(quantiles(&mut v, [0.25, 0.5, 0.75]), [1.75, 2.5, 3.25]);
        // numpy.quantile([-5, 0, 5], [.25, .5, .75]) == [-2.5, 0, 2.5]
        let mut v = [5.0, -5.0, 0.0];
        assert_eq!(quantiles(&mut v, [0.25, 0.5, 0.75]), [-2.5, 0.0, 2.5]);
        let mut one = [2.0];
        assert_eq!(quantiles(&mut one, [0.25, 0.5, 0.75]), [2.0, 2.0, 2.0]);
    }

    #[test]
    fn selection_matches_a_full_sort() {
        let mut state = 7u64;
        for n in 1..60 {
            let values: Vec<f64> = (0..n)
                .map(|_| {
                    state = state
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((state >> 33) % 11) as f64 - 5.0
                })
                .collect();
            let mut work = values.clone();
            let got = quantiles(&mut work, [0.1, 0.25, 0.5, 0.75, 0.9]);
            for (g, p) in got.iter().zip([0.1, 0.25, 0.5, 0.75, 0.9]) {
                assert!(
                    (g - sorted_quantile(&values, p)).abs() < 1e-12,
                    "n={n} p={p}"
                );
            }
        }
    }

    #[test]
    fn stats_skip_missing_scores_and_use_the_sample_std() {
        let nan = f64::NAN;
        let matrix =
            ScoreMatrix::from_rows(2, vec![-4.0, nan, 2.0, nan, 0.0, 3.0, -3.0, nan, 5.0, nan]);
        let stats = touchpoint_stats(&matrix);
        assert_eq!(stats.len(), 2);
        let first = &stats[0];
        assert_eq!(first.n, 5);
        assert_eq!(first.mean, Some(0.0));
        assert_eq!(first.median, Some(0.0));
        assert_eq!(first.q1, Some(-3.0));
        assert_eq!(first.q3, Some(2.0));
        assert_eq!((first.min, first.max), (Some(-4.0), Some(5.0)));
        // var = (16 + 4 + 0 + 9 + 25) / 4 = 13.5
        assert!((first.std.unwrap() - 13.5f64.sqrt()).abs() < 1e-12);
        assert_eq!(first.share_negative, Some(0.4));
        assert_eq!(first.share_angry, Some(0.4));
        let second = &stats[1];
        assert_eq!(second.n, 1);
        assert_eq!(second.mean, Some(3.0));
        assert_eq!(second.std, None);
        assert_eq!(second.share_negative, Some(0.0));
    }

    proptest::proptest! {
        #[test]
        fn permuting_cases_changes_no_statistic(
            width in 1usize..5,
            values in proptest::collection::vec(
                proptest::option::weighted(0.8, -10i32..=10), 0..200),
            rotate in 0usize..50,
            seed in 0u64..1000,
        ) {
            let values: Vec<f64> =
                values.iter().map(|v| v.map_or(f64::NAN, |v| f64::from(v) / 2.0)).collect();
            let matrix = ScoreMatrix::from_rows(width, values);
            let mut rows: Vec<&[f64]> = matrix.rows().collect();
            if !rows.is_empty() {
                let len = rows.len();
                rows.rotate_left(rotate % len);
                // A seeded Fisher-Yates on top of the rotation.
                let mut state = seed;
                for i in (1..len).rev() {
                    state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    rows.swap(i, (state >> 33) as usize % (i + 1));
                }
            }
            let permuted = ScoreMatrix::from_rows(width, rows.concat());
            let (a, b) = (touchpoint_stats(&matrix), touchpoint_stats(&permuted));
            proptest::prop_assert_eq!(a.len(), b.len());
            let close = |x: Option<f64>, y: Option<f64>| match (x, y) {
                (Some(x), Some(y)) => (x - y).abs() < 1e-9,
                (None, None) => true,
                _ => false,
            };
            for (x, y) in a.iter().zip(&b) {
                proptest::prop_assert_eq!(x.n, y.n);
                for (u, v) in [(x.mean, y.mean), (x.median, y.median), (x.q1, y.q1), (x.q3, y.q3),
                    (x.min, y.min), (x.max, y.max), (x.std, y.std),
                    (x.share_negative, y.share_negative), (x.share_angry, y.share_angry)] {
                    proptest::prop_assert!(close(u, v), "{:?} vs {:?}", x, y);
                }
            }
        }
    }

    #[test]
    fn empty_inputs_give_undefined_statistics() {
        assert!(touchpoint_stats(&ScoreMatrix::new(0)).is_empty());
        let stats = touchpoint_stats(&ScoreMatrix::new(3));
        assert_eq!(stats, vec![TouchpointStats::default(); 3]);
        let all_missing = ScoreMatrix::from_rows(1, vec![f64::NAN, f64::NAN]);
        assert_eq!(touchpoint_stats(&all_missing)[0].mean, None);
    }
}

#[cfg(test)]
mod box_tests {
    use super::*;
    use crate::model::SourceScale;

    fn survey(min: f64, max: f64) -> Scale {
        Scale {
            source: Some(SourceScale { min, max }),
            ..Scale::default()
        }
    }

    /// A 1–7 survey mapped onto −5 … +5 puts its 2s at −3.33: below the default −3, but not its
    /// bottom box. "Angry" is the 1s only, as an analyst counts the bottom box.
    #[test]
    fn share_angry_is_the_bottom_box_of_the_source_scale() {
        let step = 10.0 / 6.0;
        // Answers 1, 2, 2, 4, 7 on 1–7.
        let scores = [-5.0, -5.0 + step, -5.0 + step, -5.0 + 3.0 * step, 5.0];
        let matrix = ScoreMatrix::from_rows(1, scores.to_vec());
        let plain = touchpoint_stats(&matrix);
        assert_eq!(plain[0].share_angry, Some(0.6));
        let seven = touchpoint_stats_on(&matrix, &survey(1.0, 7.0));
        assert_eq!(seven[0].share_angry, Some(0.2));
        let segments: Texts = ["a"; 5].iter().collect();
        let by_segment = segment_stats_on(&matrix, &segments, &survey(1.0, 7.0));
        assert_eq!(by_segment[0].stats[0].share_angry, Some(0.2));
        // The critical points' thresholds are the same boxes.
        let params = super::super::CriticalParams::default().on_source_scale(&survey(1.0, 7.0));
        let boxes = Boxes::of(&survey(1.0, 7.0));
        assert_eq!(params.angry_at_or_below, boxes.angry_at_or_below);
        assert_eq!(params.delighted_at_or_above, boxes.wow_at_or_above);
        // A 0–10 question has fine steps: −3 and +3 stay.
        assert_eq!(Boxes::of(&survey(0.0, 10.0)), Boxes::default());
    }
}
