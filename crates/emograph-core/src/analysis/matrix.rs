//! Cases as a dense matrix: the shape every analysis works on.

use crate::model::Journey;

/// Scores of `cases` cases at `touchpoints` touchpoints, row-major (one row per case, columns in
/// touchpoint order). A touchpoint a case did not experience is `NaN`. Dense rows keep statistics
/// and clustering of 100 000 cases cache-friendly and free of per-score allocations.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScoreMatrix {
    touchpoints: usize,
    values: Vec<f64>,
}

impl ScoreMatrix {
    /// An empty matrix with rows of `touchpoints` columns.
    pub fn new(touchpoints: usize) -> Self {
        Self {
            touchpoints,
            values: Vec::new(),
        }
    }

    /// Builds from row-major values; `values.len()` must be a multiple of `touchpoints`
    /// (a trailing partial row is dropped).
    pub fn from_rows(touchpoints: usize, mut values: Vec<f64>) -> Self {
        let whole_rows = values.len().checked_div(touchpoints).unwrap_or(0);
        values.truncate(whole_rows * touchpoints);
        Self {
            touchpoints,
            values,
        }
    }

    /// All cases of a journey, columns in the journey's touchpoint order.
    pub fn from_journey(journey: &Journey) -> Self {
        Self::from_journey_where(journey, |_| true).0
    }

    /// The cases for which `keep` holds; also returns their indices in `journey.cases`.
    pub fn from_journey_where(
        journey: &Journey,
        keep: impl Fn(&crate::model::Case) -> bool,
    ) -> (Self, Vec<usize>) {
        let mut matrix = Self::new(journey.touchpoints.len());
        let mut kept = Vec::new();
        let mut row = vec![f64::NAN; journey.touchpoints.len()];
        for (case_index, case) in journey.cases.iter().enumerate() {
            if !keep(case) {
                continue;
            }
            for (slot, tp) in row.iter_mut().zip(&journey.touchpoints) {
                *slot = case.scores.get(&tp.id).copied().unwrap_or(f64::NAN);
            }
            matrix.push_row(&row);
            kept.push(case_index);
        }
        (matrix, kept)
    }

    /// Appends a case; `row` is cut or padded (with `NaN`) to the matrix width.
    pub fn push_row(&mut self, row: &[f64]) {
        let n = self.touchpoints;
        self.values.extend(row.iter().copied().take(n));
        self.values
            .extend(std::iter::repeat_n(f64::NAN, n.saturating_sub(row.len())));
    }

    /// Room for `cases` more rows, so a matrix read a piece at a time is allocated once.
    pub fn reserve_rows(&mut self, cases: usize) {
        self.values
            .reserve_exact(cases.saturating_mul(self.touchpoints));
    }

    pub fn touchpoints(&self) -> usize {
        self.touchpoints
    }

    pub fn cases(&self) -> usize {
        self.values.len().checked_div(self.touchpoints).unwrap_or(0)
    }

    /// The scores of one case (`NaN` = not experienced); empty if out of range.
    pub fn row(&self, case: usize) -> &[f64] {
        let n = self.touchpoints;
        self.values.get(case * n..case * n + n).unwrap_or_default()
    }

    pub fn rows(&self) -> impl ExactSizeIterator<Item = &[f64]> {
        self.values.chunks_exact(self.touchpoints.max(1))
    }

    /// The score of `case` at `touchpoint`, if it was scored.
    pub fn get(&self, case: usize, touchpoint: usize) -> Option<f64> {
        self.row(case)
            .get(touchpoint)
            .copied()
            .filter(|v| !v.is_nan())
    }

    /// Row-major values, `NaN` for missing.
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// The row-major values, taken: for work that rewrites every row in place.
    pub fn into_values(self) -> Vec<f64> {
        self.values
    }
}
