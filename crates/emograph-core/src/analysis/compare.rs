//! Did it change? Two groups of cases (two survey waves, two segments) compared touchpoint by
//! touchpoint, with honest statistics.
//!
//! For each touchpoint, over the cases of each group that scored it:
//! - **n, mean and standard deviation** (sample, n − 1) of each group;
//! - the **difference** of the means (`to` − `from`: positive means the customers feel better in
//!   `to`) with its **95 % confidence interval** by Welch (no equal-variance assumption; the
//!   degrees of freedom by Welch–Satterthwaite), and **Welch's t-test** p-value, as
//!   `scipy.stats.ttest_ind(to, from, equal_var=False)`;
//! - the **Mann–Whitney U** p-value (two-sided, continuity-corrected normal approximation with
//!   the tie correction; exact when a group has at most 8 cases and there are no ties), as
//!   `scipy.stats.mannwhitneyu(to, from)`. For ordinal answers (a 1–5 survey) it is the honest
//!   test: it uses only the order of the answers, not the distances between them;
//! - the **effect size**: Cohen's d (the difference over the pooled standard deviation) and the
//!   rank-biserial correlation (from U: the share of (to, from) pairs where `to` is higher, minus
//!   the share where it is lower);
//! - **significance after correcting for the number of touchpoints compared**, by **Holm's**
//!   step-down method on the chosen test's p-values. Holm rather than Benjamini–Hochberg: a
//!   verdict here tells a process owner "your redesign worked" about one touchpoint, so what we
//!   control is the chance of making even one such claim falsely (the family-wise error), not
//!   the share of false claims among many; with 10–30 touchpoints Holm costs little power.
//!
//! Below [`CompareParams::min_n`] cases in either group a touchpoint gets no verdict, in words.

use super::distributions::{normal_sf, t_quantile, t_two_sided};
use super::{ScoreMatrix, Texts};

/// How groups are compared. `Default` gives the documented defaults.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CompareParams {
    /// Fewer cases than this in either group: no verdict. Default **5**.
    pub min_n: usize,
    /// The family-wise error rate the Holm correction holds. Default **0.05**.
    pub alpha: f64,
    /// Decide by Mann–Whitney (ordinal answers, e.g. a 1–5 survey) instead of Welch.
    pub ordinal: bool,
}

impl Default for CompareParams {
    fn default() -> Self {
        Self {
            min_n: 5,
            alpha: 0.05,
            ordinal: false,
        }
    }
}

/// One group's scores at one touchpoint.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GroupSummary {
    pub n: usize,
    /// `NaN` when nobody in the group scored the touchpoint.
    pub mean: f64,
    /// Sample standard deviation; `NaN` below two scores.
    pub sd: f64,
}

/// Which test a verdict rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TestUsed {
    Welch,
    MannWhitney,
}

impl TestUsed {
    pub fn label(self) -> &'static str {
        match self {
            Self::Welch => "welch",
            Self::MannWhitney => "mann_whitney",
        }
    }
}

/// What the comparison says about one touchpoint.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Significantly better in `to` after the correction.
    Better,
    /// Significantly worse in `to` after the correction.
    Worse,
    /// No difference the data can tell from chance.
    NotSignificant,
    /// Too few cases in a group, or no spread to test: the reason in words.
    NoVerdict(String),
}

impl Verdict {
    pub fn label(&self) -> &'static str {
        match self {
            Self::Better => "better",
            Self::Worse => "worse",
            Self::NotSignificant => "not_significant",
            Self::NoVerdict(_) => "no_verdict",
        }
    }

    pub fn significant(&self) -> bool {
        matches!(self, Self::Better | Self::Worse)
    }
}

/// One touchpoint compared.
#[derive(Clone, Debug, PartialEq)]
pub struct TouchpointComparison {
    /// Column index (the journey's touchpoint order).
    pub touchpoint: usize,
    pub from: GroupSummary,
    pub to: GroupSummary,
    /// `to.mean − from.mean`.
    pub difference: f64,
    /// Welch's 95 % interval of the difference; `None` without a test.
    pub ci95: Option<(f64, f64)>,
    pub welch_t: Option<f64>,
    pub welch_df: Option<f64>,
    pub welch_p: Option<f64>,
    /// Mann–Whitney U of `to` against `from`.
    pub mann_whitney_u: Option<f64>,
    pub mann_whitney_p: Option<f64>,
    pub cohen_d: Option<f64>,
    pub rank_biserial: Option<f64>,
    /// The chosen test's p-value after Holm's correction over the touchpoints compared.
    pub p_adjusted: Option<f64>,
    pub verdict: Verdict,
}

/// Every touchpoint compared, in touchpoint order.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub from: String,
    pub to: String,
    /// Cases in each group overall.
    pub from_cases: usize,
    pub to_cases: usize,
    pub test: TestUsed,
    /// How many touchpoints had a test (the Holm family).
    pub tested: usize,
    pub touchpoints: Vec<TouchpointComparison>,
}

/// The group a label belongs to, as segments are matched: trimmed, and "Gold" is "gold".
pub fn group_key(label: &str) -> String {
    label.trim().to_lowercase()
}

/// Compares the rows labelled `from` with those labelled `to` (`groups` holds one label per
/// matrix row, matched by [`group_key`]).
pub fn compare_groups(
    matrix: &ScoreMatrix,
    groups: &Texts,
    from: &str,
    to: &str,
    params: &CompareParams,
) -> Comparison {
    let (from_key, to_key) = (group_key(from), group_key(to));
    let mut from_rows = Vec::new();
    let mut to_rows = Vec::new();
    for (row, label) in groups.iter().enumerate().take(matrix.cases()) {
        let key = group_key(label);
        if key == from_key {
            from_rows.push(row);
        } else if key == to_key {
            to_rows.push(row);
        }
    }
    let column = |rows: &[usize], touchpoint: usize| -> Vec<f64> {
        rows.iter()
            .filter_map(|&row| matrix.get(row, touchpoint))
            .filter(|v| v.is_finite())
            .collect()
    };
    let test = if params.ordinal {
        TestUsed::MannWhitney
    } else {
        TestUsed::Welch
    };
    let mut touchpoints: Vec<TouchpointComparison> = (0..matrix.touchpoints())
        .map(|t| compare_one(t, &column(&from_rows, t), &column(&to_rows, t), params))
        .collect();
    let tested = holm(&mut touchpoints, test, params.alpha);
    Comparison {
        from: from.trim().to_owned(),
        to: to.trim().to_owned(),
        from_cases: from_rows.len(),
        to_cases: to_rows.len(),
        test,
        tested,
        touchpoints,
    }
}

fn summary(values: &[f64]) -> GroupSummary {
    let n = values.len();
    if n == 0 {
        return GroupSummary {
            n,
            mean: f64::NAN,
            sd: f64::NAN,
        };
    }
    let mean = values.iter().sum::<f64>() / n as f64;
    let sd = if n < 2 {
        f64::NAN
    } else {
        (values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1) as f64).sqrt()
    };
    GroupSummary { n, mean, sd }
}

fn compare_one(
    touchpoint: usize,
    from: &[f64],
    to: &[f64],
    params: &CompareParams,
) -> TouchpointComparison {
    let (a, b) = (summary(from), summary(to));
    let mut out = TouchpointComparison {
        touchpoint,
        from: a,
        to: b,
        difference: b.mean - a.mean,
        ci95: None,
        welch_t: None,
        welch_df: None,
        welch_p: None,
        mann_whitney_u: None,
        mann_whitney_p: None,
        cohen_d: None,
        rank_biserial: None,
        p_adjusted: None,
        verdict: Verdict::NotSignificant,
    };
    let needed = params.min_n.max(2);
    if a.n < needed || b.n < needed {
        out.verdict = Verdict::NoVerdict(format!(
            "too few cases to tell: {} and {} scored it, {needed} needed in each group",
            a.n, b.n
        ));
        return out;
    }
    let (va, vb) = (a.sd * a.sd, b.sd * b.sd);
    let (na, nb) = (a.n as f64, b.n as f64);
    let se2 = va / na + vb / nb;
    if se2 > 0.0 && se2.is_finite() {
        let se = se2.sqrt();
        let df = se2 * se2 / ((va / na).powi(2) / (na - 1.0) + (vb / nb).powi(2) / (nb - 1.0));
        let t = out.difference / se;
        let q = t_quantile(0.975, df);
        out.welch_t = Some(t);
        out.welch_df = Some(df);
        out.welch_p = Some(t_two_sided(t, df));
        out.ci95 = Some((out.difference - q * se, out.difference + q * se));
        let pooled = (((na - 1.0) * va + (nb - 1.0) * vb) / (na + nb - 2.0)).sqrt();
        if pooled > 0.0 {
            out.cohen_d = Some(out.difference / pooled);
        }
    }
    if let Some((u, p)) = mann_whitney(to, from) {
        out.mann_whitney_u = Some(u);
        out.mann_whitney_p = Some(p);
        out.rank_biserial = Some(2.0 * u / (na * nb) - 1.0);
    }
    if out.welch_p.is_none() {
        out.verdict = Verdict::NoVerdict(
            "every case gave the same score in both groups: nothing to test".to_owned(),
        );
    }
    out
}

/// The exact distribution costs (n1·n2)² steps: beyond this many pairs the normal approximation
/// is used even where scipy would count exactly (one group of at most 8 and no ties: rare with
/// answers on a scale, which always tie).
const EXACT_PAIRS: usize = 4_000;

/// Mann–Whitney U of `x` against `y` and its two-sided p-value, as scipy's `mannwhitneyu(x, y)`
/// with its defaults (continuity correction; exact when a group has at most 8 values and there
/// are no ties, else the normal approximation with the tie correction).
pub fn mann_whitney(x: &[f64], y: &[f64]) -> Option<(f64, f64)> {
    let (n1, n2) = (x.len(), y.len());
    if n1 == 0 || n2 == 0 {
        return None;
    }
    let mut all: Vec<(f64, bool)> = x
        .iter()
        .map(|&v| (v, true))
        .chain(y.iter().map(|&v| (v, false)))
        .collect();
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    let n = all.len();
    let mut rank_sum_x = 0.0;
    let mut tie_term = 0.0;
    let mut i = 0;
    while i < n {
        let mut j = i;
        while all
            .get(j + 1)
            .is_some_and(|next| Some(next.0) == all.get(i).map(|a| a.0))
        {
            j += 1;
        }
        let midrank = (i + j) as f64 / 2.0 + 1.0;
        let size = (j - i + 1) as f64;
        tie_term += size * size * size - size;
        rank_sum_x += midrank * all.get(i..=j)?.iter().filter(|(_, in_x)| *in_x).count() as f64;
        i = j + 1;
    }
    let (n1f, n2f) = (n1 as f64, n2 as f64);
    let u1 = rank_sum_x - n1f * (n1f + 1.0) / 2.0;
    let u2 = n1f * n2f - u1;
    let big_u = u1.max(u2);
    let ties = tie_term > 0.0;
    let p = if (n1 <= 8 || n2 <= 8) && !ties && n1 * n2 <= EXACT_PAIRS {
        2.0 * exact_u_sf(big_u.round() as usize, n1.min(n2), n1.max(n2))
    } else {
        let nf = n as f64;
        let mu = n1f * n2f / 2.0;
        let s = (n1f * n2f / 12.0 * ((nf + 1.0) - tie_term / (nf * (nf - 1.0)))).sqrt();
        if s > 0.0 {
            2.0 * normal_sf((big_u - mu - 0.5) / s)
        } else {
            1.0
        }
    };
    Some((u1, p.clamp(0.0, 1.0)))
}

/// P(U ≥ u) under the null for sample sizes `m ≤ n`, from the exact distribution of U: the
/// coefficients of the Gaussian binomial (m+n choose m)_q, counted as partitions with an
/// additive recurrence (no cancellation).
fn exact_u_sf(u: usize, m: usize, n: usize) -> f64 {
    // The arrangements with U = k are the partitions of k into at most m parts, each at most n.
    // p[j][k]: partitions of k into at most j parts each at most s, for s = 1, 2, …, n in turn.
    let max_u = m * n;
    let mut p = vec![vec![0.0_f64; max_u + 1]; m + 1];
    for row in p.iter_mut() {
        if let Some(first) = row.first_mut() {
            *first = 1.0;
        }
    }
    for s in 1..=n {
        // Allow parts of size s: p_s[j][k] = p_{s−1}[j][k] + p_s[j−1][k − s].
        for j in 1..=m {
            for k in s..=max_u {
                let add = p
                    .get(j - 1)
                    .and_then(|row| row.get(k - s))
                    .copied()
                    .unwrap_or(0.0);
                if let Some(cell) = p.get_mut(j).and_then(|row| row.get_mut(k)) {
                    *cell += add;
                }
            }
        }
    }
    let Some(counts) = p.get(m) else { return 1.0 };
    let total: f64 = counts.iter().sum();
    let tail: f64 = counts.iter().skip(u).sum();
    if total > 0.0 { tail / total } else { 1.0 }
}

/// Holm's step-down correction over the touchpoints that have the chosen test's p-value; sets
/// `p_adjusted` and the verdicts. Returns the size of the family.
fn holm(touchpoints: &mut [TouchpointComparison], test: TestUsed, alpha: f64) -> usize {
    let p_of = |c: &TouchpointComparison| match test {
        TestUsed::Welch => c.welch_p,
        TestUsed::MannWhitney => c.mann_whitney_p,
    };
    let mut family: Vec<(usize, f64)> = touchpoints
        .iter()
        .enumerate()
        .filter(|(_, c)| !matches!(c.verdict, Verdict::NoVerdict(_)))
        .filter_map(|(i, c)| p_of(c).filter(|p| p.is_finite()).map(|p| (i, p)))
        .collect();
    family.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    let m = family.len();
    let mut running = 0.0_f64;
    for (rank, &(index, p)) in family.iter().enumerate() {
        // Adjusted p: the running maximum of (m − rank) · p, capped at 1 (monotone step-down).
        running = running.max(((m - rank) as f64 * p).min(1.0));
        if let Some(c) = touchpoints.get_mut(index) {
            c.p_adjusted = Some(running);
            c.verdict = if running < alpha {
                if c.difference > 0.0 {
                    Verdict::Better
                } else {
                    Verdict::Worse
                }
            } else {
                Verdict::NotSignificant
            };
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holm_adjusts_as_the_textbook_does() {
        // p = 0.01, 0.04, 0.03 over three touchpoints: Holm gives 0.03, 0.06, 0.06.
        let mut cs: Vec<TouchpointComparison> = [0.01, 0.04, 0.03]
            .iter()
            .enumerate()
            .map(|(t, &p)| TouchpointComparison {
                touchpoint: t,
                from: GroupSummary::default(),
                to: GroupSummary::default(),
                difference: 1.0,
                ci95: None,
                welch_t: None,
                welch_df: None,
                welch_p: Some(p),
                mann_whitney_u: None,
                mann_whitney_p: None,
                cohen_d: None,
                rank_biserial: None,
                p_adjusted: None,
                verdict: Verdict::NotSignificant,
            })
            .collect();
        assert_eq!(holm(&mut cs, TestUsed::Welch, 0.05), 3);
        let adjusted: Vec<f64> = cs.iter().filter_map(|c| c.p_adjusted).collect();
        for (got, want) in adjusted.iter().zip([0.03, 0.06, 0.06]) {
            assert!((got - want).abs() < 1e-12, "{adjusted:?}");
        }
        assert_eq!(cs[0].verdict, Verdict::Better);
        assert_eq!(cs[1].verdict, Verdict::NotSignificant);
    }

    #[test]
    fn exact_u_distribution_is_symmetric_and_sums_to_one() {
        // m = 2, n = 3: U takes 0..=6 with counts 1, 1, 2, 2, 2, 1, 1 (of C(5, 2) = 10).
        assert!((exact_u_sf(0, 2, 3) - 1.0).abs() < 1e-15);
        assert!((exact_u_sf(6, 2, 3) - 0.1).abs() < 1e-15);
        assert!((exact_u_sf(5, 2, 3) - 0.2).abs() < 1e-15);
        assert!((exact_u_sf(4, 2, 3) - 0.4).abs() < 1e-15);
    }

    #[test]
    fn too_few_cases_get_no_verdict_in_words() {
        let mut matrix = ScoreMatrix::new(1);
        let mut groups = Texts::new();
        for (group, v) in [("a", 1.0), ("a", 2.0), ("a", 1.5), ("b", 3.0), ("b", 4.0)] {
            matrix.push_row(&[v]);
            groups.push(group);
        }
        let c = compare_groups(&matrix, &groups, "a", "b", &CompareParams::default());
        let Some(Verdict::NoVerdict(why)) = c.touchpoints.first().map(|t| t.verdict.clone()) else {
            panic!("{c:?}")
        };
        assert!(why.contains("3 and 2 scored it, 5 needed"), "{why}");
        assert_eq!(c.tested, 0);
    }
}
