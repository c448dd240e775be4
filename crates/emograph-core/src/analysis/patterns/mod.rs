//! Typical patterns: many cases' curves grouped into a few shapes that stand for broad groups
//! of customers.
//!
//! The method, step by step (every step deterministic for a given [`PatternParams::seed`]):
//! 1. **Fill gaps.** A case that skipped a touchpoint gets a value from its own curve: linear
//!    between its nearest scored touchpoints on both sides, else its nearest scored one; a case
//!    that scored nothing gets the touchpoint means (0 where nobody scored a touchpoint).
//! 2. **Sample.** At most [`PatternParams::sample`] cases, drawn with the seed, stand in for the
//!    data while choosing k and the starting centroids, so 100 000 cases cost little more than
//!    2 000.
//! 3. **Cluster the sample** with k-means++ (greedy, `2 + ln k` candidates per centre, as
//!    scikit-learn does) followed by Lloyd iterations, [`PatternParams::restarts`] times; the run
//!    with the lowest inertia wins.
//! 4. **Choose k** (when not given): the k in `k_min..=k_max` whose best run has the highest mean
//!    silhouette on the sample (Euclidean distances, as scikit-learn's `silhouette_score`). If no
//!    k reaches [`MIN_SILHOUETTE`] the data has no group structure worth naming and the answer
//!    is one pattern: an honest "everyone looks alike" rather than an invented split.
//!    A k whose smallest pattern (clustering every case) would hold fewer than the **minimum
//!    pattern size** — [`PatternParams::min_cases`] cases, or [`PatternParams::min_share`] of all
//!    cases, whichever is more — is passed over for the next best k: a "pattern" of one case is
//!    an anecdote, not a group of customers. [`Patterns::auto`] says what was chosen and why.
//! 5. **Cluster every case** with Lloyd iterations started from the sample's best centroids.
//! 6. **Describe** each pattern over its members' *raw* scores (filled values only where no
//!    member scored a touchpoint): mean and quartile band per touchpoint, the member nearest the
//!    centroid as its representative case (medoid), and the segment mix. Patterns are ordered by
//!    share, larger first; equal shares keep the clustering's order.

use std::collections::BTreeMap;

use super::parallel::{parallel_map, thread_count};
use super::stats::quantiles;
use super::{ScoreMatrix, Texts};

mod silhouette;
use silhouette::{pairwise_distances, silhouette};

/// Below this best mean silhouette, automatic k answers one pattern (see the module docs).
/// Gaussian noise without groups scores about 0.05–0.08 in 10–30 dimensions; clearly distinct
/// curve shapes score 0.3 and more.
pub const MIN_SILHOUETTE: f64 = 0.1;

/// Lloyd iterations stop after this many rounds at the latest.
const MAX_ITERATIONS: usize = 100;

/// Lloyd iterations stop once the centroids move less than this fraction of the data's mean
/// per-touchpoint variance (squared, summed over centroids), scikit-learn's `tol`.
const RELATIVE_TOLERANCE: f64 = 1e-4;

/// Rows at or above which the assignment step is split over threads.
const PARALLEL_ROWS: usize = 16_384;

/// How patterns are found. `Default` gives the documented defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct PatternParams {
    /// Number of patterns; `None` (default) chooses it by silhouette over `k_min..=k_max`.
    /// Capped at the number of distinct curves.
    pub k: Option<usize>,
    /// Seed of the sample and the k-means++ draws (default `0x5EED`).
    pub seed: u64,
    /// k-means++ restarts per k; the lowest inertia wins (default 8).
    pub restarts: usize,
    /// Smallest k tried automatically (default 2).
    pub k_min: usize,
    /// Largest k tried automatically (default 8).
    pub k_max: usize,
    /// Cases used to choose k and the starting centroids (default 2 000; at least 2). The
    /// silhouette costs `sample²` distances, so this bounds the time of automatic k.
    pub sample: usize,
    /// Automatic k never makes a pattern of fewer cases than this (default 3) …
    pub min_cases: usize,
    /// … nor of a smaller share of all cases than this (default 0.05), whichever is more.
    pub min_share: f64,
}

impl PatternParams {
    /// The smallest pattern automatic k accepts among `cases` cases.
    pub fn min_size(&self, cases: usize) -> usize {
        let by_share = (self.min_share.clamp(0.0, 1.0) * cases as f64).ceil() as usize;
        self.min_cases.max(by_share).max(1)
    }
}

impl Default for PatternParams {
    fn default() -> Self {
        Self {
            k: None,
            seed: 0x5EED,
            restarts: 8,
            k_min: 2,
            k_max: 8,
            sample: 2_000,
            min_cases: 3,
            min_share: 0.05,
        }
    }
}

/// One typical pattern.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    /// 1-based; patterns are ordered by share, larger first.
    pub id: usize,
    /// Member cases.
    pub n: usize,
    /// `n` over all cases.
    pub share: f64,
    /// Per touchpoint, over the members' raw scores (filled values where no member scored it).
    pub mean: Vec<f64>,
    /// 25 % quantile per touchpoint, same rule as `mean`.
    pub q1: Vec<f64>,
    /// 75 % quantile per touchpoint, same rule as `mean`.
    pub q3: Vec<f64>,
    /// Row index (into the matrix) of the member closest to the pattern's centroid.
    pub medoid: usize,
    /// Members per segment; cases without a segment are not counted.
    pub segments: BTreeMap<String, usize>,
}

/// The patterns of a set of cases and which pattern each case belongs to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Patterns {
    /// Number of patterns found (`patterns.len()`).
    pub k: usize,
    pub patterns: Vec<Pattern>,
    /// Per matrix row: index into `patterns`.
    pub assignments: Vec<usize>,
    /// How automatic k decided; `None` when k was given.
    pub auto: Option<AutoChoice>,
    /// The mean silhouette on the sample of every k tried, in k order: each k of `k_min..=k_max`
    /// with automatic k (below [`MIN_SILHOUETTE`] too), the one k given otherwise; none for
    /// one pattern, which has no silhouette. So a script sees how clear the chosen split was
    /// against its neighbours, as `patterns --format json` reports it.
    pub silhouettes: Vec<(usize, f64)>,
}

/// What automatic k tried and why it answered as it did: what a facilitator needs to trust
/// "3 patterns" (or to hear why there is only one).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AutoChoice {
    /// Mean silhouette of the chosen k on the sample (−1 … 1: how distinct the patterns are);
    /// `None` for one pattern, which has no silhouette.
    pub silhouette: Option<f64>,
    /// The smallest pattern accepted (see [`PatternParams::min_size`]).
    pub min_size: usize,
    /// The k values with a better silhouette that were passed over because a pattern would
    /// have been smaller than `min_size`, best first, each with that smallest pattern's size.
    pub too_small: Vec<(usize, usize)>,
    /// No k reached [`MIN_SILHOUETTE`] (with patterns big enough): one pattern of everyone.
    pub no_structure: bool,
}

impl AutoChoice {
    /// The silhouette in words, for people who never heard the word.
    pub fn distinctness(&self) -> &'static str {
        match self.silhouette {
            None => "one pattern: the cases do not fall into distinct groups",
            Some(s) if s >= 0.5 => "clearly distinct patterns",
            Some(s) if s >= 0.25 => "fairly distinct patterns",
            Some(_) => "weakly distinct patterns: read them as tendencies",
        }
    }

    /// Why there are fewer patterns than the best silhouette alone would give, if there are.
    pub fn fallback_reason(&self) -> Option<String> {
        let &(k, smallest) = self.too_small.first()?;
        Some(format!(
            "{k} patterns would leave one with only {smallest} case{}; a pattern needs at least {}",
            if smallest == 1 { "" } else { "s" },
            self.min_size
        ))
    }
}

/// Groups the cases (matrix rows) into typical patterns; `segments` holds one segment per row
/// (missing entries count as no segment). See the module docs for the method.
pub fn find_patterns(matrix: &ScoreMatrix, segments: &Texts, params: &PatternParams) -> Patterns {
    let cases = matrix.cases();
    let width = matrix.touchpoints();
    if cases == 0 {
        return Patterns::default();
    }
    if width == 0 {
        // Curves without touchpoints are all alike: one pattern of everyone.
        let centroid = Vec::new();
        let settled = Settled {
            labels: vec![0; cases],
            inertia: 0.0,
            distances: None,
        };
        return describe(&Filled::new(matrix), &centroid, &settled, 1, segments);
    }
    let filled = Filled::new(matrix);
    let data = &filled;
    let tolerance = RELATIVE_TOLERANCE * mean_variance(data);

    let mut rng = SplitMix64::new(params.seed);
    let sample_rows = sample_indices(cases, params.sample.max(2), &mut rng);
    let mut sample_values = vec![0.0; sample_rows.len() * width];
    for (&row, slot) in sample_rows
        .iter()
        .zip(sample_values.chunks_exact_mut(width))
    {
        data.row_into(row, slot);
    }
    let sample = Rows::new(&sample_values, width);

    if let Some(k) = params.k {
        let run = best_run(sample, k.clamp(1, cases), params, tolerance);
        let sample_k = run.centroids.len() / width;
        let silhouettes = if sample_k >= 2 {
            let distances = pairwise_distances(sample);
            let score = silhouette(&distances, sample.len(), &run.labels, sample_k);
            vec![(sample_k, score)]
        } else {
            Vec::new()
        };
        let mut centroids = run.centroids;
        let settled = lloyd(data, &mut centroids, tolerance);
        let k = centroids.len() / width;
        let mut patterns = describe(&filled, &centroids, &settled, k, segments);
        patterns.silhouettes = silhouettes;
        return patterns;
    }
    // Automatic k: the candidates best silhouette first; the first whose smallest pattern over
    // every case is big enough wins, else one pattern.
    let min_size = params.min_size(cases);
    let mut choice = AutoChoice {
        min_size,
        ..AutoChoice::default()
    };
    let (candidates, silhouettes) = auto_k_candidates(sample, params, tolerance);
    for (score, start) in candidates {
        let mut centroids = start;
        let settled = lloyd(data, &mut centroids, tolerance);
        let k = centroids.len() / width;
        let mut sizes = vec![0usize; k];
        for &label in &settled.labels {
            if let Some(size) = sizes.get_mut(label) {
                *size += 1;
            }
        }
        let smallest = sizes.iter().copied().min().unwrap_or(0);
        if smallest < min_size {
            choice.too_small.push((k, smallest));
            continue;
        }
        choice.silhouette = Some(score);
        let mut patterns = describe(&filled, &centroids, &settled, k, segments);
        patterns.auto = Some(choice);
        patterns.silhouettes = silhouettes;
        return patterns;
    }
    choice.no_structure = true;
    let mut centroids = column_means(sample);
    let settled = lloyd(data, &mut centroids, tolerance);
    let mut patterns = describe(&filled, &centroids, &settled, 1, segments);
    patterns.auto = Some(choice);
    patterns.silhouettes = silhouettes;
    patterns
}

/// Row-major values with a known, non-zero width.
#[derive(Clone, Copy)]
struct Rows<'a> {
    values: &'a [f64],
    width: usize,
}

impl<'a> Rows<'a> {
    fn new(values: &'a [f64], width: usize) -> Self {
        Self {
            values,
            width: width.max(1),
        }
    }

    fn len(&self) -> usize {
        self.values.len() / self.width
    }

    fn row(&self, index: usize) -> &'a [f64] {
        self.values
            .get(index * self.width..(index + 1) * self.width)
            .unwrap_or_default()
    }

    fn iter(&self) -> std::slice::ChunksExact<'a, f64> {
        self.values.chunks_exact(self.width)
    }
}

/// Rows the clustering reads: the sample as stored ([`Rows`]), or every case with its gaps
/// filled as it is read ([`Filled`]).
trait Data: Copy + Send + Sync {
    fn len(&self) -> usize;
    fn width(&self) -> usize;
    /// Calls `visit(index, row)` for each row of `range`, in order.
    fn each_row(&self, range: std::ops::Range<usize>, visit: impl FnMut(usize, &[f64]));
    /// Row `index` into `out` (`width` values).
    fn row_into(&self, index: usize, out: &mut [f64]);
}

impl Data for Rows<'_> {
    fn len(&self) -> usize {
        Rows::len(self)
    }

    fn width(&self) -> usize {
        self.width
    }

    fn each_row(&self, range: std::ops::Range<usize>, mut visit: impl FnMut(usize, &[f64])) {
        let rows = self
            .values
            .get(range.start * self.width..range.end * self.width)
            .unwrap_or_default();
        for (index, row) in range.zip(rows.chunks_exact(self.width)) {
            visit(index, row);
        }
    }

    fn row_into(&self, index: usize, out: &mut [f64]) {
        out.iter_mut()
            .zip(self.row(index))
            .for_each(|(slot, &v)| *slot = v);
    }
}

/// Step 1 of the module docs: the matrix with its gaps filled, a row at a time as it is read.
/// A filled copy of a million cases × 30 would be another 229 MiB; filling a row again on each
/// Lloyd pass costs less than the page faults of that copy, and gives the same values to the bit.
struct Filled<'a> {
    matrix: &'a ScoreMatrix,
    /// For a case that scored nothing: every touchpoint's mean, 0 where nobody scored it.
    column_means: Vec<f64>,
}

impl<'a> Filled<'a> {
    fn new(matrix: &'a ScoreMatrix) -> Self {
        let width = matrix.touchpoints();
        let mut sums = vec![0.0; width];
        let mut counts = vec![0usize; width];
        for row in matrix.rows() {
            for ((sum, count), &v) in sums.iter_mut().zip(counts.iter_mut()).zip(row) {
                if !v.is_nan() {
                    *sum += v;
                    *count += 1;
                }
            }
        }
        let column_means = sums
            .iter()
            .zip(&counts)
            .map(|(&sum, &count)| if count == 0 { 0.0 } else { sum / count as f64 })
            .collect();
        Self {
            matrix,
            column_means,
        }
    }
}

impl Data for &Filled<'_> {
    fn len(&self) -> usize {
        self.matrix.cases()
    }

    fn width(&self) -> usize {
        self.matrix.touchpoints().max(1)
    }

    fn each_row(&self, range: std::ops::Range<usize>, mut visit: impl FnMut(usize, &[f64])) {
        let mut filled = vec![0.0; self.matrix.touchpoints()];
        for index in range {
            let row = self.matrix.row(index);
            if row.iter().any(|v| v.is_nan()) {
                filled.copy_from_slice(row);
                fill_gaps(&mut filled, &self.column_means);
                visit(index, &filled);
            } else {
                visit(index, row);
            }
        }
    }

    fn row_into(&self, index: usize, out: &mut [f64]) {
        out.iter_mut()
            .zip(self.matrix.row(index))
            .for_each(|(slot, &v)| *slot = v);
        fill_gaps(out, &self.column_means);
    }
}

/// One case's curve without gaps (step 1 of the module docs); `column_means` for a case that
/// scored nothing.
fn fill_gaps(row: &mut [f64], column_means: &[f64]) {
    let mut previous: Option<usize> = None; // last scored touchpoint
    for at in 0..row.len() {
        let Some(&value) = row.get(at) else { break };
        if value.is_nan() {
            continue;
        }
        match previous {
            // A gap between two scored touchpoints: straight line.
            Some(before) if at > before + 1 => {
                let from = row.get(before).copied().unwrap_or(value);
                let span = (at - before) as f64;
                for gap in before + 1..at {
                    if let Some(slot) = row.get_mut(gap) {
                        *slot = from + (value - from) * (gap - before) as f64 / span;
                    }
                }
            }
            // Leading gap: the first scored value.
            None => row.iter_mut().take(at).for_each(|slot| *slot = value),
            _ => {}
        }
        previous = Some(at);
    }
    match previous {
        // Trailing gap: the last scored value.
        Some(last) => {
            let value = row.get(last).copied().unwrap_or(0.0);
            row.iter_mut().skip(last + 1).for_each(|slot| *slot = value);
        }
        None => row
            .iter_mut()
            .zip(column_means)
            .for_each(|(slot, &mean)| *slot = mean),
    }
}

/// The whole matrix filled, as the clustering reads it (for tests of step 1).
#[cfg(test)]
fn fill_missing(matrix: &ScoreMatrix) -> Vec<f64> {
    let filled = Filled::new(matrix);
    let mut values = Vec::new();
    (&filled).each_row(0..matrix.cases(), |_, row| values.extend_from_slice(row));
    values
}

/// Mean over touchpoints of each touchpoint's (population) variance.
fn mean_variance(data: impl Data) -> f64 {
    let n = data.len();
    if n == 0 {
        return 0.0;
    }
    let width = data.width();
    let mut sums = vec![0.0; width];
    let mut squares = vec![0.0; width];
    data.each_row(0..n, |_, row| {
        for ((s, q), &v) in sums.iter_mut().zip(squares.iter_mut()).zip(row) {
            *s += v;
            *q += v * v;
        }
    });
    let total: f64 = sums
        .iter()
        .zip(&squares)
        .map(|(s, q)| (q / n as f64 - (s / n as f64).powi(2)).max(0.0))
        .sum();
    total / width as f64
}

/// Up to `size` distinct row indices, ascending; all rows when there are no more than `size`.
fn sample_indices(cases: usize, size: usize, rng: &mut SplitMix64) -> Vec<usize> {
    if cases <= size {
        return (0..cases).collect();
    }
    // Partial Fisher–Yates: the first `size` slots become a uniform sample.
    let mut indices: Vec<usize> = (0..cases).collect();
    for i in 0..size {
        let j = i + rng.below(cases - i);
        indices.swap(i, j);
    }
    indices.truncate(size);
    indices.sort_unstable();
    indices
}

/// A k-means result on some rows.
struct Run {
    /// `k_found × width`, row-major; `k_found` may be below the requested k when the data has
    /// fewer distinct curves.
    centroids: Vec<f64>,
    labels: Vec<usize>,
    inertia: f64,
}

/// The lowest-inertia run of `params.restarts` k-means++ starts on `data`.
fn best_run(data: Rows<'_>, k: usize, params: &PatternParams, tolerance: f64) -> Run {
    let restarts = params.restarts.max(1);
    let runs = parallel_map(restarts, |restart| {
        one_run(data, k, run_seed(params.seed, k, restart), tolerance)
    });
    pick_lowest_inertia(runs)
}

fn pick_lowest_inertia(runs: Vec<Run>) -> Run {
    let mut best: Option<Run> = None;
    for run in runs {
        // Strictly lower wins, so the earliest restart wins ties: deterministic.
        if best.as_ref().is_none_or(|b| run.inertia < b.inertia) {
            best = Some(run);
        }
    }
    best.unwrap_or(Run {
        centroids: Vec::new(),
        labels: Vec::new(),
        inertia: 0.0,
    })
}

fn run_seed(seed: u64, k: usize, restart: usize) -> u64 {
    let mut mix = SplitMix64::new(seed ^ (k as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    for _ in 0..=restart {
        mix.next_u64();
    }
    mix.next_u64()
}

fn one_run(data: Rows<'_>, k: usize, seed: u64, tolerance: f64) -> Run {
    let mut rng = SplitMix64::new(seed);
    let mut centroids = kmeans_plus_plus(data, k, &mut rng);
    let Settled {
        labels, inertia, ..
    } = lloyd(data, &mut centroids, tolerance);
    Run {
        centroids,
        labels,
        inertia,
    }
}

/// A k that reached [`MIN_SILHOUETTE`]: its silhouette and its starting centroids.
type Candidate = (f64, Vec<f64>);

/// Step 4 of the module docs: every k that reaches [`MIN_SILHOUETTE`], as (silhouette,
/// starting centroids), best silhouette first (ties: the smaller k); and the silhouette of
/// every k tried, in k order.
fn auto_k_candidates(
    sample: Rows<'_>,
    params: &PatternParams,
    tolerance: f64,
) -> (Vec<Candidate>, Vec<(usize, f64)>) {
    let n = sample.len();
    let k_low = params.k_min.max(2);
    let k_high = params.k_max.min(n.saturating_sub(1));
    let candidates: Vec<usize> = (k_low..=k_high).collect();
    let mut found: Vec<(f64, Vec<f64>)> = Vec::new();
    let mut tried: Vec<(usize, f64)> = Vec::new();
    if !candidates.is_empty() {
        let distances = pairwise_distances(sample);
        let restarts = params.restarts.max(1);
        // Every (k, restart) pair is an independent job; results come back in job order.
        let runs = parallel_map(candidates.len() * restarts, |job| {
            let k = candidates.get(job / restarts).copied().unwrap_or(1);
            one_run(
                sample,
                k,
                run_seed(params.seed, k, job % restarts),
                tolerance,
            )
        });
        let mut runs = runs.into_iter();
        for &k in &candidates {
            let run = pick_lowest_inertia(runs.by_ref().take(restarts).collect());
            if run.centroids.len() / sample.width < k {
                continue; // fewer distinct curves than k
            }
            let score = silhouette(&distances, n, &run.labels, k);
            tried.push((k, score));
            if score >= MIN_SILHOUETTE {
                found.push((score, run.centroids));
            }
        }
    }
    // A stable sort keeps the smaller k first among equal scores, as before.
    found.sort_by(|a, b| b.0.total_cmp(&a.0));
    (found, tried)
}

fn column_means(data: Rows<'_>) -> Vec<f64> {
    let mut means = vec![0.0; data.width];
    for row in data.iter() {
        for (m, &v) in means.iter_mut().zip(row) {
            *m += v;
        }
    }
    let n = data.len().max(1) as f64;
    means.iter_mut().for_each(|m| *m /= n);
    means
}

/// Greedy k-means++ (scikit-learn's variant): each new centre is the best of `2 + ln k` draws
/// proportional to squared distance. Stops early when every row coincides with a centre.
fn kmeans_plus_plus(data: Rows<'_>, k: usize, rng: &mut SplitMix64) -> Vec<f64> {
    let n = data.len();
    let mut centroids = Vec::with_capacity(k * data.width);
    if n == 0 || k == 0 {
        return centroids;
    }
    centroids.extend_from_slice(data.row(rng.below(n)));
    let mut nearest: Vec<f64> = data
        .iter()
        .map(|r| squared_distance(r, &centroids))
        .collect();
    let mut candidate = vec![0.0; n];
    let mut chosen = vec![0.0; n];
    let trials = 2 + (k as f64).ln() as usize;
    while centroids.len() < k * data.width {
        let total: f64 = nearest.iter().sum();
        if total.is_nan() || total <= 0.0 {
            break;
        }
        let mut best: Option<(f64, usize)> = None;
        for _ in 0..trials {
            let target = rng.next_f64() * total;
            let index = draw_by_weight(&nearest, target);
            let centre = data.row(index);
            let mut potential = 0.0;
            for ((slot, &old), row) in candidate.iter_mut().zip(&nearest).zip(data.iter()) {
                *slot = old.min(squared_distance(row, centre));
                potential += *slot;
            }
            if best.is_none_or(|(p, _)| potential < p) {
                best = Some((potential, index));
                std::mem::swap(&mut chosen, &mut candidate);
            }
        }
        let Some((_, index)) = best else { break };
        centroids.extend_from_slice(data.row(index));
        std::mem::swap(&mut nearest, &mut chosen);
    }
    centroids
}

/// The index whose cumulative weight first exceeds `target` (the last positive one if rounding
/// runs past the end).
fn draw_by_weight(weights: &[f64], target: f64) -> usize {
    let mut cumulative = 0.0;
    let mut last_positive = 0;
    for (index, &w) in weights.iter().enumerate() {
        if w > 0.0 {
            cumulative += w;
            last_positive = index;
            if cumulative > target {
                return index;
            }
        }
    }
    last_positive
}

/// What [`lloyd`] ends with.
struct Settled {
    /// Each row's cluster.
    labels: Vec<usize>,
    /// Sum of squared distances to the assigned centroid.
    inertia: f64,
    /// Each row's squared distance to its centroid as the centroids are at the end; `None`
    /// when the iterations ran out right after moving the centroids (the distances are then
    /// to where they were).
    distances: Option<Vec<f64>>,
}

/// Lloyd iterations from `centroids` (updated in place) until the labels settle or the
/// centroids move less than `tolerance`.
fn lloyd(data: impl Data, centroids: &mut [f64], tolerance: f64) -> Settled {
    let n = data.len();
    let k = centroids.len() / data.width();
    let mut labels = vec![usize::MAX; n];
    let mut distances = vec![0.0; n];
    if k == 0 {
        return Settled {
            labels: vec![0; n],
            inertia: 0.0,
            distances: None,
        };
    }
    let mut settled = false;
    for _ in 0..MAX_ITERATIONS {
        let changed = assign(data, centroids, &mut labels, &mut distances);
        if changed == 0 {
            settled = true;
            break;
        }
        let shift = update(data, centroids, &mut labels, &mut distances);
        if shift <= tolerance {
            assign(data, centroids, &mut labels, &mut distances);
            settled = true;
            break;
        }
    }
    Settled {
        labels,
        inertia: distances.iter().sum(),
        distances: settled.then_some(distances),
    }
}

/// Nearest centroid for every row (ties: the lower index); returns how many labels changed.
/// Large inputs are split over threads; each row's result does not depend on the split.
fn assign(
    data: impl Data,
    centroids: &[f64],
    labels: &mut [usize],
    distances: &mut [f64],
) -> usize {
    let n = labels.len();
    let threads = if n >= PARALLEL_ROWS {
        thread_count()
    } else {
        1
    };
    if threads <= 1 {
        return assign_rows(data, 0, centroids, labels, distances);
    }
    let rows_per_thread = n.div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = labels
            .chunks_mut(rows_per_thread)
            .zip(distances.chunks_mut(rows_per_thread))
            .enumerate()
            .map(|(part, (labels, distances))| {
                let first = part * rows_per_thread;
                scope.spawn(move || assign_rows(data, first, centroids, labels, distances))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .sum()
    })
}

/// [`assign`] for the rows `first..first + labels.len()`.
fn assign_rows(
    data: impl Data,
    first: usize,
    centroids: &[f64],
    labels: &mut [usize],
    distances: &mut [f64],
) -> usize {
    let width = data.width();
    let mut changed = 0;
    let rows = first..first + labels.len();
    let mut slots = labels.iter_mut().zip(distances.iter_mut());
    data.each_row(rows, |_, row| {
        let Some((label, distance)) = slots.next() else {
            return;
        };
        let mut best = (f64::INFINITY, 0);
        for (c, centre) in centroids.chunks_exact(width).enumerate() {
            let d = squared_distance(row, centre);
            if d < best.0 {
                best = (d, c);
            }
        }
        if *label != best.1 {
            *label = best.1;
            changed += 1;
        }
        *distance = best.0;
    });
    changed
}

/// Moves each centroid to its members' mean; an emptied cluster takes over the row farthest from
/// its own centroid (scikit-learn's remedy). Returns the total squared shift of the centroids.
fn update(
    data: impl Data,
    centroids: &mut [f64],
    labels: &mut [usize],
    distances: &mut [f64],
) -> f64 {
    let width = data.width();
    let k = centroids.len() / width;
    let mut sums = vec![0.0; centroids.len()];
    let mut counts = vec![0usize; k];
    let assigned: &[usize] = labels;
    data.each_row(0..assigned.len(), |index, row| {
        let label = assigned.get(index).copied().unwrap_or(usize::MAX);
        if let Some(sum) = sums.get_mut(label * width..(label + 1) * width) {
            sum.iter_mut().zip(row).for_each(|(s, v)| *s += v);
        }
        if let Some(count) = counts.get_mut(label) {
            *count += 1;
        }
    });
    let mut row_values = vec![0.0; width];
    for cluster in 0..k {
        if counts.get(cluster).copied().unwrap_or(0) > 0 {
            continue;
        }
        // Farthest row from its centroid, among clusters that can spare one (lowest index on ties).
        let mut farthest: Option<(f64, usize)> = None;
        for (row, (&label, &d)) in labels.iter().zip(distances.iter()).enumerate() {
            if counts.get(label).copied().unwrap_or(0) > 1 && farthest.is_none_or(|(f, _)| d > f) {
                farthest = Some((d, row));
            }
        }
        let Some((_, row)) = farthest else { continue };
        let old = labels.get(row).copied().unwrap_or(0);
        data.row_into(row, &mut row_values);
        if let (Some(old_sum), Some(count)) = (
            sums.get_mut(old * width..(old + 1) * width),
            counts.get_mut(old),
        ) {
            old_sum
                .iter_mut()
                .zip(&row_values)
                .for_each(|(s, v)| *s -= v);
            *count -= 1;
        }
        if let Some(sum) = sums.get_mut(cluster * width..(cluster + 1) * width) {
            sum.copy_from_slice(&row_values);
        }
        if let Some(count) = counts.get_mut(cluster) {
            *count = 1;
        }
        if let (Some(label), Some(d)) = (labels.get_mut(row), distances.get_mut(row)) {
            *label = cluster;
            *d = 0.0;
        }
    }
    let mut shift = 0.0;
    for ((centre, sum), &count) in centroids
        .chunks_exact_mut(width)
        .zip(sums.chunks_exact(width))
        .zip(&counts)
    {
        if count == 0 {
            continue;
        }
        for (c, s) in centre.iter_mut().zip(sum) {
            let new = s / count as f64;
            shift += (new - *c) * (new - *c);
            *c = new;
        }
    }
    shift
}

/// Squared Euclidean distance, four accumulators so the compiler can vectorise it.
fn squared_distance(a: &[f64], b: &[f64]) -> f64 {
    let mut acc = [0.0; 4];
    let mut a4 = a.chunks_exact(4);
    let mut b4 = b.chunks_exact(4);
    for (x, y) in a4.by_ref().zip(b4.by_ref()) {
        for lane in 0..4 {
            let d = x[lane] - y[lane];
            acc[lane] += d * d;
        }
    }
    let tail: f64 = a4
        .remainder()
        .iter()
        .zip(b4.remainder())
        .map(|(x, y)| (x - y) * (x - y))
        .sum();
    (acc[0] + acc[1]) + (acc[2] + acc[3]) + tail
}

/// Step 6 of the module docs.
fn describe(
    filled: &Filled<'_>,
    centroids: &[f64],
    settled: &Settled,
    k: usize,
    segments: &Texts,
) -> Patterns {
    let labels = settled.labels.as_slice();
    let matrix = filled.matrix;
    let cases = matrix.cases();
    let width = matrix.touchpoints();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); k];
    for (row, &label) in labels.iter().enumerate() {
        if let Some(list) = members.get_mut(label) {
            list.push(row);
        }
    }
    let mut order: Vec<usize> = (0..k)
        .filter(|&c| members.get(c).is_some_and(|m| !m.is_empty()))
        .collect();
    // Larger first; the stable sort keeps the clustering's order for equal sizes.
    order.sort_by_key(|&c| std::cmp::Reverse(members.get(c).map_or(0, Vec::len)));
    let mut pattern_of_cluster = vec![0; k];
    for (pattern, &cluster) in order.iter().enumerate() {
        if let Some(slot) = pattern_of_cluster.get_mut(cluster) {
            *slot = pattern;
        }
    }
    // Mean and band per block of touchpoints, each block an independent job over the cores:
    // one pass over every row, in row order, counts each member's scores towards its pattern.
    let block = super::parallel::columns_per_thread(width, cases >= PARALLEL_ROWS);
    let blocks = width.div_ceil(block);
    let per_block = parallel_map(blocks, |index| {
        let columns = index * block..((index + 1) * block).min(width);
        bands_of_block(filled, labels, &members, k, columns)
    });
    // Reordered as the jobs were before: pattern by pattern, block by block.
    let bands: Vec<Vec<(f64, f64, f64)>> = order
        .iter()
        .flat_map(|&cluster| {
            per_block
                .iter()
                .map(move |block| block.get(cluster).cloned().unwrap_or_default())
        })
        .collect();
    let mut bands = bands.into_iter();
    let patterns = order
        .iter()
        .enumerate()
        .map(|(index, &cluster)| {
            let rows = members.get(cluster).map(Vec::as_slice).unwrap_or_default();
            let centre = centroids
                .get(cluster * width..(cluster + 1) * width)
                .unwrap_or_default();
            let (mut mean, mut q1, mut q3) = (Vec::new(), Vec::new(), Vec::new());
            for (m, a, b) in bands.by_ref().take(blocks).flatten() {
                mean.push(m);
                q1.push(a);
                q3.push(b);
            }
            // The first of the members nearest the centre, as `min_by` over them would pick:
            // from the distances the clustering ended with, where it has them (the same
            // `squared_distance` of the same filled row and centre), else measured again.
            let mut medoid: Option<(f64, usize)> = None;
            let mut nearer = |d: f64, row: usize| {
                if medoid.is_none_or(|(best, _)| d.total_cmp(&best).is_lt()) {
                    medoid = Some((d, row));
                }
            };
            match &settled.distances {
                Some(distances) => {
                    for &row in rows {
                        nearer(distances.get(row).copied().unwrap_or(f64::INFINITY), row);
                    }
                }
                None => {
                    let mut row_values = vec![0.0; width];
                    for &row in rows {
                        filled.row_into(row, &mut row_values);
                        nearer(squared_distance(&row_values, centre), row);
                    }
                }
            }
            let medoid = medoid.map_or(0, |(_, row)| row);
            let segment_counts = count_segments(rows, segments);
            Pattern {
                id: index + 1,
                n: rows.len(),
                share: rows.len() as f64 / cases as f64,
                mean,
                q1,
                q3,
                medoid,
                segments: segment_counts,
            }
        })
        .collect::<Vec<_>>();
    let assignments = labels
        .iter()
        .map(|&label| pattern_of_cluster.get(label).copied().unwrap_or(0))
        .collect();
    Patterns {
        k: patterns.len(),
        patterns,
        assignments,
        auto: None,
        silhouettes: Vec::new(),
    }
}

/// Members per segment (cases without one not counted). Counted against borrowed names in a
/// short list — a survey has a handful of segments — so a million members cost no string
/// and no hashing each; a list grown past 64 names moves to a hash map.
fn count_segments(rows: &[usize], segments: &Texts) -> BTreeMap<String, usize> {
    let mut few: Vec<(&str, usize)> = Vec::new();
    let mut many: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for &row in rows {
        let Some(segment) = segments.get(row).filter(|s| !s.is_empty()) else {
            continue;
        };
        if let Some((_, n)) = few.iter_mut().find(|(s, _)| *s == segment) {
            *n += 1;
        } else if few.len() < 64 {
            few.push((segment, 1));
        } else {
            *many.entry(segment).or_insert(0) += 1;
        }
    }
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (segment, n) in few.into_iter().chain(many) {
        *counts.entry(segment.to_owned()).or_insert(0) += n;
    }
    counts
}

/// [`band_of`] of every cluster at `columns` (one entry per cluster, each one per column), from
/// one pass over all rows: each row's raw scores are summed and counted towards its cluster's
/// [`Tally`](super::tally::Tally). Sums run in row order, as over a gathered member list, so
/// means and quartiles are [`band_of`]'s to the bit. Where a cluster has no raw score at a
/// touchpoint (its filled values count then), or a column has too many distinct values to
/// count, [`band_of`] itself answers.
fn bands_of_block(
    filled: &Filled<'_>,
    labels: &[usize],
    members: &[Vec<usize>],
    k: usize,
    columns: std::ops::Range<usize>,
) -> Vec<Vec<(f64, f64, f64)>> {
    let span = columns.len();
    // `Iterator::sum` starts from −0.0: so do these sums, for a pattern whose every score is −0.
    let mut sums = vec![-0.0f64; k * span];
    let mut tallies: Vec<super::tally::Tally> = columns
        .clone()
        .map(|_| super::tally::Tally::new(k))
        .collect();
    for (row, &label) in filled.matrix.rows().zip(labels) {
        let values = row.get(columns.clone()).unwrap_or_default();
        let Some(sums) = sums.get_mut(label * span..(label + 1) * span) else {
            continue;
        };
        for ((sum, tally), &v) in sums.iter_mut().zip(&mut tallies).zip(values) {
            if !v.is_nan() {
                *sum += v;
                tally.add(label, v);
            }
        }
    }
    (0..k)
        .map(|cluster| {
            let rows = members.get(cluster).map(Vec::as_slice).unwrap_or_default();
            columns
                .clone()
                .zip(&tallies)
                .enumerate()
                .map(|(at, (column, tally))| {
                    let n = tally.count(cluster);
                    if tally.is_full() || n == 0 {
                        return band_of(filled, rows, column..column + 1)
                            .first()
                            .copied()
                            .unwrap_or((0.0, 0.0, 0.0));
                    }
                    let sum = sums.get(cluster * span + at).copied().unwrap_or(0.0);
                    let [a, b] = tally.quantiles(cluster, [0.25, 0.75]);
                    (sum / n as f64, a, b)
                })
                .collect()
        })
        .collect()
}

/// Mean, 25 % and 75 % quantile at each of `columns` over the members `rows`: their raw scores,
/// their filled values where no member scored the touchpoint (step 6 of the module docs). The
/// values are gathered in row order, so the sums are the ones a pass per column would give.
fn band_of(
    filled: &Filled<'_>,
    rows: &[usize],
    columns: std::ops::Range<usize>,
) -> Vec<(f64, f64, f64)> {
    let matrix = filled.matrix;
    let mut row_values = vec![0.0; matrix.touchpoints()];
    let mut buffers: Vec<Vec<f64>> = columns
        .clone()
        .map(|_| Vec::with_capacity(rows.len()))
        .collect();
    for &r in rows {
        let row = matrix.row(r).get(columns.clone()).unwrap_or_default();
        for (buffer, &v) in buffers.iter_mut().zip(row) {
            if !v.is_nan() {
                buffer.push(v);
            }
        }
    }
    buffers
        .iter_mut()
        .zip(columns)
        .map(|(buffer, touchpoint)| {
            if buffer.is_empty() {
                for &r in rows {
                    filled.row_into(r, &mut row_values);
                    buffer.extend(row_values.get(touchpoint).copied());
                }
            }
            if buffer.is_empty() {
                return (0.0, 0.0, 0.0);
            }
            let m = buffer.iter().sum::<f64>() / buffer.len() as f64;
            let [a, b] = quantiles(buffer, [0.25, 0.75]);
            (m, a, b)
        })
        .collect()
}

/// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast, and good enough to draw samples and
/// k-means++ centres; a fixed seed makes every run identical on every platform.
struct SplitMix64(u64);

impl SplitMix64 {
    fn new(seed: u64) -> Self {
        Self(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in `0..n` (Lemire's multiply-shift; `n > 0`).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }
}

#[cfg(test)]
mod tests;
