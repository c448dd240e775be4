//! The regression summary of the driver analysis: how well all the touchpoints together predict
//! the outcome. A logistic regression on the touchpoint scores (a missing score taken as the
//! touchpoint's mean in the training cases), fitted by Newton's method with a small ridge
//! penalty, and judged **out of sample**: the cases are split into 5 folds by row (row mod 5),
//! each fold is predicted by the model fitted on the other four, and the AUC and correlation
//! are those of these held-out predictions. A model judged on the cases it was fitted on would
//! always look better than any single summary.

use super::ScoreMatrix;

/// Folds of the cross-validation.
pub const FOLDS: usize = 5;

/// Newton steps at most (logistic regression converges in a handful).
const MAX_STEPS: usize = 12;

/// Ridge penalty on the weights (not the intercept), in units of the log-likelihood: enough to
/// keep two identical touchpoints from making the system singular, too small to move a fit on
/// hundreds of cases.
const RIDGE: f64 = 1e-3;

/// A fold trains on at most this many cases (evenly spaced): a million cases fit no better
/// than fifty thousand, and the analysis stays interactive.
const MAX_TRAINING_ROWS: usize = 50_000;

/// The held-out predicted probability of a favourable outcome for each case in `rows` (same
/// order), or `None` when a fold cannot be fitted (one class only in its training cases).
pub fn cross_validated(matrix: &ScoreMatrix, rows: &[(usize, bool)]) -> Option<Vec<(f64, bool)>> {
    let p = matrix.touchpoints();
    let mut out = vec![(0.0, false); rows.len()];
    for fold in 0..FOLDS {
        let training: Vec<(usize, bool)> = rows
            .iter()
            .enumerate()
            .filter(|(i, _)| i % FOLDS != fold)
            .map(|(_, r)| *r)
            .collect();
        let every = training.len().div_ceil(MAX_TRAINING_ROWS).max(1);
        let training: Vec<(usize, bool)> = training.into_iter().step_by(every).collect();
        let positives = training.iter().filter(|r| r.1).count();
        if positives == 0 || positives == training.len() {
            return None;
        }
        let means = column_means(matrix, &training, p);
        let weights = fit(matrix, &training, &means)?;
        for (i, &(row, favourable)) in rows.iter().enumerate() {
            if i % FOLDS == fold
                && let Some(slot) = out.get_mut(i)
            {
                *slot = (
                    logistic(linear(&weights, matrix.row(row), &means)),
                    favourable,
                );
            }
        }
    }
    Some(out)
}

fn column_means(matrix: &ScoreMatrix, rows: &[(usize, bool)], p: usize) -> Vec<f64> {
    let mut sums = vec![(0.0, 0usize); p];
    for &(row, _) in rows {
        for (slot, &v) in sums.iter_mut().zip(matrix.row(row)) {
            if v.is_finite() {
                slot.0 += v;
                slot.1 += 1;
            }
        }
    }
    sums.into_iter()
        .map(|(s, n)| if n > 0 { s / n as f64 } else { 0.0 })
        .collect()
}

/// The intercept then one weight per touchpoint, fitted on `rows`.
fn fit(matrix: &ScoreMatrix, rows: &[(usize, bool)], means: &[f64]) -> Option<Vec<f64>> {
    let k = means.len() + 1;
    let mut weights = vec![0.0; k];
    let mut features = vec![0.0; k];
    for _ in 0..MAX_STEPS {
        // Gradient and Hessian of the penalised log-likelihood.
        let mut gradient = vec![0.0; k];
        let mut hessian = vec![0.0; k * k];
        for &(row, favourable) in rows {
            fill(&mut features, matrix.row(row), means);
            let z: f64 = features.iter().zip(&weights).map(|(x, w)| x * w).sum();
            let prob = logistic(z);
            let residual = f64::from(u8::from(favourable)) - prob;
            let curvature = prob * (1.0 - prob);
            for (a, &xa) in features.iter().enumerate() {
                if let Some(g) = gradient.get_mut(a) {
                    *g += residual * xa;
                }
                for (b, &xb) in features.iter().enumerate().skip(a) {
                    if let Some(h) = hessian.get_mut(a * k + b) {
                        *h += curvature * xa * xb;
                    }
                }
            }
        }
        for a in 0..k {
            for b in 0..a {
                let upper = hessian.get(b * k + a).copied().unwrap_or(0.0);
                if let Some(h) = hessian.get_mut(a * k + b) {
                    *h = upper;
                }
            }
            if a > 0 {
                if let Some(h) = hessian.get_mut(a * k + a) {
                    *h += RIDGE;
                }
                if let (Some(g), Some(w)) = (gradient.get_mut(a), weights.get(a)) {
                    *g -= RIDGE * w;
                }
            }
        }
        let step = solve(hessian, gradient, k)?;
        let largest = step.iter().fold(0.0f64, |m, s| m.max(s.abs()));
        for (w, s) in weights.iter_mut().zip(&step) {
            *w += s;
        }
        if !weights.iter().all(|w| w.is_finite()) {
            return None;
        }
        if largest < 1e-8 {
            break;
        }
    }
    Some(weights)
}

/// `[1, x₁ … xₚ]` with a missing score as the training mean.
fn fill(features: &mut [f64], row: &[f64], means: &[f64]) {
    if let Some(first) = features.first_mut() {
        *first = 1.0;
    }
    for ((slot, &v), &mean) in features.iter_mut().skip(1).zip(row).zip(means) {
        *slot = if v.is_finite() { v } else { mean };
    }
}

fn linear(weights: &[f64], row: &[f64], means: &[f64]) -> f64 {
    let mut features = vec![0.0; weights.len()];
    fill(&mut features, row, means);
    features.iter().zip(weights).map(|(x, w)| x * w).sum()
}

fn logistic(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// Solves `a x = b` (`a` k × k, row-major) by Gaussian elimination with partial pivoting;
/// `None` when `a` is singular.
fn solve(mut a: Vec<f64>, mut b: Vec<f64>, k: usize) -> Option<Vec<f64>> {
    for col in 0..k {
        let pivot = (col..k).max_by(|&i, &j| {
            let x = a.get(i * k + col).copied().unwrap_or(0.0).abs();
            let y = a.get(j * k + col).copied().unwrap_or(0.0).abs();
            x.total_cmp(&y)
        })?;
        if a.get(pivot * k + col).copied().unwrap_or(0.0).abs() < 1e-12 {
            return None;
        }
        if pivot != col {
            for c in 0..k {
                a.swap(pivot * k + c, col * k + c);
            }
            b.swap(pivot, col);
        }
        let diagonal = a.get(col * k + col).copied()?;
        for row in col + 1..k {
            let factor = a.get(row * k + col).copied()? / diagonal;
            if factor == 0.0 {
                continue;
            }
            for c in col..k {
                let above = a.get(col * k + c).copied()?;
                if let Some(cell) = a.get_mut(row * k + c) {
                    *cell -= factor * above;
                }
            }
            let above = b.get(col).copied()?;
            if let Some(cell) = b.get_mut(row) {
                *cell -= factor * above;
            }
        }
    }
    let mut x = vec![0.0; k];
    for row in (0..k).rev() {
        let mut sum = b.get(row).copied()?;
        for c in row + 1..k {
            sum -= a.get(row * k + c).copied()? * x.get(c).copied()?;
        }
        let value = sum / a.get(row * k + row).copied()?;
        if let Some(slot) = x.get_mut(row) {
            *slot = value;
        }
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_a_small_system() {
        let x = solve(vec![2.0, 1.0, 1.0, 3.0], vec![3.0, 5.0], 2).unwrap();
        assert!(
            (x[0] - 0.8).abs() < 1e-12 && (x[1] - 1.4).abs() < 1e-12,
            "{x:?}"
        );
        assert!(solve(vec![1.0, 2.0, 2.0, 4.0], vec![1.0, 2.0], 2).is_none());
    }

    /// The outcome depends on two touchpoints together; each alone predicts it less well than
    /// the regression on both, judged on held-out cases.
    #[test]
    fn the_regression_on_two_drivers_beats_either_alone() {
        let mut state = 11u64;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) as f64 / (1u64 << 31) as f64) * 10.0 - 5.0
        };
        let mut values = Vec::new();
        let mut rows = Vec::new();
        for row in 0..600 {
            let (a, b, noise) = (next(), next(), next());
            values.extend([a, b, next()]);
            rows.push((row, a + b + noise * 0.3 > 0.0));
        }
        let matrix = ScoreMatrix::from_rows(3, values);
        let held_out = cross_validated(&matrix, &rows).unwrap();
        let together = super::super::drivers::auc(&held_out).unwrap();
        let alone: Vec<(f64, bool)> = rows.iter().map(|&(r, f)| (matrix.row(r)[0], f)).collect();
        let alone = super::super::drivers::auc(&alone).unwrap();
        assert!(together > alone + 0.05, "{together} vs {alone}");
        assert!(together > 0.9, "{together}");
        // One class only: no model.
        let all_good: Vec<(usize, bool)> = (0..600).map(|r| (r, true)).collect();
        assert!(cross_validated(&matrix, &all_good).is_none());
    }
}
