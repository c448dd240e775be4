//! The cases view of more cases than a screen can tell apart. Past a few hundred curves a
//! chart is a smear, and a random few hundred of ten thousand say nothing about the rest: the
//! view draws what all the shown cases say instead (the band holding the middle half of them
//! at each touchpoint, and their mean), with the case being edited on top of it.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use super::aggregate::legend_for;
use super::*;
use crate::analysis::{TouchpointStats, column_stats};
use crate::model::{Case, Journey, Touchpoint};

/// Above this many shown cases the cases view draws their band and mean, not a curve each.
pub const MAX_CASE_CURVES: usize = 200;

/// Each touchpoint's statistics over a set of cases: what the band and the mean are drawn from.
///
/// Compared and hashed by identity (the same shared statistics), as a cache key: the editor
/// reads them off the UI thread for a large journey and hands the same ones to every frame.
#[derive(Clone, Debug)]
pub struct CaseBand {
    /// How many cases they were read from.
    pub cases: usize,
    /// One per touchpoint, in the journey's order.
    pub stats: Arc<Vec<TouchpointStats>>,
}

impl PartialEq for CaseBand {
    fn eq(&self, other: &Self) -> bool {
        self.cases == other.cases && Arc::ptr_eq(&self.stats, &other.stats)
    }
}

impl Eq for CaseBand {}

impl Hash for CaseBand {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.cases.hash(state);
        (Arc::as_ptr(&self.stats) as usize).hash(state);
    }
}

/// The statistics of `cases` at each of `touchpoints` (finite scores only). One pass over each
/// case's own scores, a touchpoint found by hash, instead of a lookup per case and touchpoint.
pub fn case_band<'a>(
    touchpoints: &[Touchpoint],
    cases: impl Iterator<Item = &'a Case>,
) -> CaseBand {
    let index: std::collections::HashMap<&str, usize> = touchpoints
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let mut columns: Vec<Vec<f64>> = vec![Vec::new(); touchpoints.len()];
    let mut count = 0;
    for case in cases {
        count += 1;
        for (id, &score) in &case.scores {
            if score.is_finite()
                && let Some(&i) = index.get(id.as_str())
                && let Some(column) = columns.get_mut(i)
            {
                column.push(score);
            }
        }
    }
    CaseBand {
        cases: count,
        stats: Arc::new(
            columns
                .iter_mut()
                .map(|column| column_stats(column))
                .collect(),
        ),
    }
}

/// The cases view drawn from `band`: the middle half of the cases (q1–q3) and their mean, and
/// the `selected` case on top, drawn as the editor draws the case being edited.
pub fn cases_band_scene(
    journey: &Journey,
    band: &CaseBand,
    selected: Option<usize>,
    theme: &Theme,
) -> Scene {
    // The overall view's picture of these cases (their band and mean), without point markers
    // on the mean: the edited case's markers are the ones to aim at.
    let mut scene = overall_scene(journey, &band.stats, theme);
    for mean in scene.curves.iter_mut().filter(|c| c.key == CurveKey::Mean) {
        mean.marker = None;
    }
    for entry in scene.legend.iter_mut().filter(|e| !e.filled) {
        entry.marker = None;
    }
    let xs = touchpoint_xs(journey);
    if let Some(mut case) = selected.and_then(|i| case_curve(journey, i, &xs, theme)) {
        case.emphasis = Emphasis::Selected;
        case.width = theme.line_width * 1.75;
        scene.legend.push(legend_for(&case));
        scene.curves.push(case);
    }
    scene.subtitle = format!("{} · mean and quartile band", cases_phrase(band.cases));
    scene
}

#[cfg(test)]
mod tests {
    use super::*;

    fn journey(cases: usize) -> Journey {
        let mut journey = Journey::default();
        for t in 0..3 {
            journey.touchpoints.push(Touchpoint::new(
                &format!("t{t}"),
                &format!("T{t}"),
                "during",
            ));
        }
        for c in 0..cases {
            let mut case = Case::new(&format!("c{c}"), &format!("Case {c}"));
            for t in 0..3 {
                // Touchpoint 1 is skipped by every other case.
                if t != 1 || c % 2 == 0 {
                    case.scores.insert(format!("t{t}"), (c % 11) as f64 - 5.0);
                }
            }
            journey.cases.push(case);
        }
        journey
    }

    #[test]
    fn the_band_holds_the_quartiles_and_the_mean_of_the_scored_cases() {
        let journey = journey(1_000);
        let band = case_band(&journey.touchpoints, journey.cases.iter());
        assert_eq!(band.cases, 1_000);
        let mut scores: Vec<f64> = (0..1_000).map(|c| (c % 11) as f64 - 5.0).collect();
        let expected = column_stats(&mut scores);
        assert_eq!(band.stats[0], expected);
        assert_eq!(
            band.stats[1].n, 500,
            "a skipped touchpoint counts its scorers only"
        );
    }

    #[test]
    fn the_band_scene_draws_the_mean_and_the_selected_case_not_every_case() {
        let journey = journey(1_000);
        let band = case_band(&journey.touchpoints, journey.cases.iter());
        let scene = cases_band_scene(&journey, &band, Some(7), &Theme::light());
        let keys: Vec<CurveKey> = scene.curves.iter().map(|c| c.key).collect();
        assert_eq!(keys, [CurveKey::Mean, CurveKey::Case(7)]);
        assert_eq!(scene.curves[1].emphasis, Emphasis::Selected);
        assert_eq!(scene.bands.len(), 1);
        assert_eq!(scene.bands[0].lower.len(), 3);
        assert_eq!(scene.subtitle, "1000 cases · mean and quartile band");
        let legend: Vec<&str> = scene.legend.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(
            legend,
            ["Mean", "Middle half of the cases (q1–q3)", "Case 7"]
        );
    }
}
