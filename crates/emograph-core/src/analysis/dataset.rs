//! A journey with its cases as a dense matrix: what the data verbs and views analyse.

use super::{ScoreMatrix, Texts};
use crate::model::Journey;

/// The journey (touchpoints, owners, metrics, flags) plus its cases as a [`ScoreMatrix`].
///
/// For a large CSV the cases are read straight into `matrix`, `case_ids` and `segments`, and
/// `journey.cases` stays empty: 100 000 cases never become 3 million map entries unless the user
/// asks for a journey file (`emograph import`).
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    pub journey: Journey,
    /// One per matrix row.
    pub case_ids: Texts,
    /// One per matrix row; empty string when the case has no segment.
    pub segments: Texts,
    /// One per matrix row; empty string when the case belongs to no wave.
    pub waves: Texts,
    /// One per matrix row when the cases carry an outcome (see `journey.outcome`), else empty.
    pub outcomes: Vec<Option<f64>>,
    pub matrix: ScoreMatrix,
}

impl Dataset {
    pub fn from_journey(journey: Journey) -> Self {
        let matrix = ScoreMatrix::from_journey(&journey);
        let case_ids = journey.cases.iter().map(|c| c.id.as_str()).collect();
        let segments = journey.cases.iter().map(|c| c.segment.as_str()).collect();
        let waves = journey.cases.iter().map(|c| c.wave.as_str()).collect();
        let outcomes = if journey.outcome.is_some() {
            journey.cases.iter().map(|c| c.outcome).collect()
        } else {
            Vec::new()
        };
        Self {
            journey,
            case_ids,
            segments,
            waves,
            outcomes,
            matrix,
        }
    }

    /// True when some case is in `segment`, matched as [`Self::with_segment`] matches: a face
    /// that must refuse an unknown segment asks this without copying the cases.
    pub fn has_segment(&self, segment: &str) -> bool {
        let same = same_segment(segment);
        self.segments.iter().any(same)
    }

    /// Only the cases of one segment (matched without regard to case).
    pub fn with_segment(&self, segment: &str) -> Self {
        let mut matrix = ScoreMatrix::new(self.matrix.touchpoints());
        let mut case_ids = Texts::new();
        let mut segments = Texts::new();
        let mut waves = Texts::new();
        let mut outcomes = Vec::new();
        let same = same_segment(segment);
        for (row, (id, seg)) in self.case_ids.iter().zip(&self.segments).enumerate() {
            if same(seg) {
                matrix.push_row(self.matrix.row(row));
                case_ids.push(id);
                segments.push(seg);
                waves.push(self.waves.get(row).unwrap_or_default());
                if let Some(&outcome) = self.outcomes.get(row) {
                    outcomes.push(outcome);
                }
            }
        }
        let mut journey = self.journey.clone();
        journey.cases.retain(|c| same(&c.segment));
        Self {
            journey,
            case_ids,
            segments,
            waves,
            outcomes,
            matrix,
        }
    }
}

/// Whether a case's segment is `wanted`, as `segment_stats` groups them: trimmed, and "Gold"
/// is "gold".
fn same_segment(wanted: &str) -> impl Fn(&str) -> bool {
    let wanted = wanted.trim().to_lowercase();
    move |seg: &str| seg.trim().to_lowercase() == wanted
}

#[cfg(test)]
mod segment_tests {
    use super::*;
    use crate::analysis::segment_stats;
    use crate::model::Case;

    #[test]
    fn a_segment_is_the_same_group_for_the_filter_and_the_comparison() {
        let mut journey = Journey::default();
        for (id, segment) in [
            ("a", "gold"),
            ("b", "gold "),
            ("c", " Gold"),
            ("d", "regular"),
        ] {
            let mut case = Case::new(id, "");
            case.segment = segment.to_owned();
            journey.cases.push(case);
        }
        let dataset = Dataset::from_journey(journey);
        let groups = segment_stats(&dataset.matrix, &dataset.segments);
        assert_eq!((groups[0].segment.as_str(), groups[0].n), ("gold", 3));
        let gold = dataset.with_segment(&groups[0].segment);
        assert!(dataset.has_segment(" GOLD") && !dataset.has_segment("silver"));
        assert_eq!(gold.case_ids, ["a", "b", "c"]);
        assert_eq!(gold.journey.cases.len(), 3);
    }
}
