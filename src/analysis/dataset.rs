//! A journey with its cases as a dense matrix: what the data verbs and views analyse.

use super::ScoreMatrix;
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
    pub case_ids: Vec<String>,
    /// One per matrix row; empty string when the case has no segment.
    pub segments: Vec<String>,
    pub matrix: ScoreMatrix,
}

impl Dataset {
    pub fn from_journey(journey: Journey) -> Self {
        let matrix = ScoreMatrix::from_journey(&journey);
        let case_ids = journey.cases.iter().map(|c| c.id.clone()).collect();
        let segments = journey.cases.iter().map(|c| c.segment.clone()).collect();
        Self {
            journey,
            case_ids,
            segments,
            matrix,
        }
    }

    /// Only the cases of one segment (matched without regard to case).
    pub fn with_segment(&self, segment: &str) -> Self {
        let mut matrix = ScoreMatrix::new(self.matrix.touchpoints());
        let mut case_ids = Vec::new();
        let mut segments = Vec::new();
        for (row, (id, seg)) in self.case_ids.iter().zip(&self.segments).enumerate() {
            if seg.eq_ignore_ascii_case(segment) || seg.to_lowercase() == segment.to_lowercase() {
                matrix.push_row(self.matrix.row(row));
                case_ids.push(id.clone());
                segments.push(seg.clone());
            }
        }
        let mut journey = self.journey.clone();
        journey
            .cases
            .retain(|c| c.segment.to_lowercase() == segment.to_lowercase());
        Self {
            journey,
            case_ids,
            segments,
            matrix,
        }
    }
}
