//! The analysis of a journey under one setting: the one place where a segment filter, a number
//! of patterns and the detectors' parameters turn into statistics, patterns and critical
//! points. The GUI's background cache, every CLI verb, the report and the export dialog call
//! [`Analysis::compute`], so the same setting gives the same numbers on every face.

use super::drivers::{DriverInput, DriverParams, Drivers, drivers};
use super::{
    CriticalParams, CriticalReport, Dataset, PatternParams, Patterns, SegmentStats,
    TouchpointStats, critical_points_with_drivers, find_patterns, segment_stats_on,
    touchpoint_stats_on,
};

/// What the user chose to analyse. `Default` is every case, k chosen automatically and the
/// documented detector defaults.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnalysisSettings {
    /// Only the cases of this segment (matched as [`Dataset::with_segment`] does); `None` for
    /// all.
    pub segment: Option<String>,
    /// Number of patterns; `None` chooses it by silhouette. It wins over `patterns.k`, so the
    /// GUI's and the CLI's one "k" cannot disagree with a second one.
    pub k: Option<usize>,
    /// How patterns are found beyond their number (seed, restarts, sample).
    pub patterns: PatternParams,
    /// The critical-point detector's thresholds and weights.
    pub critical: CriticalParams,
}

impl AnalysisSettings {
    /// The pattern parameters with this setting's `k`.
    pub fn pattern_params(&self) -> PatternParams {
        PatternParams {
            k: self.k,
            ..self.patterns.clone()
        }
    }
}

/// Everything derived from one dataset under one setting: what every view, table and report
/// shows.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub settings: AnalysisSettings,
    /// The cases analysed: the segment's, or all. Pattern members and case ids index into it.
    pub dataset: Dataset,
    /// Per touchpoint, over `dataset`.
    pub stats: Vec<TouchpointStats>,
    /// Patterns of `dataset`, numbered from 1 (`Pattern::id`) everywhere.
    pub patterns: Patterns,
    pub critical: CriticalReport,
    /// Which touchpoints drive the outcome, where the cases carry one.
    pub drivers: Option<Drivers>,
    /// The detector's parameters as applied: the setting's, on the journey's source scale and
    /// with its time order (what the critical points were found with).
    pub critical_params: CriticalParams,
    /// Per segment of all cases, largest first: the segment filter does not apply, since the
    /// segments are compared with each other.
    pub segments: Vec<SegmentStats>,
    /// The statistics of all cases, whatever the filter: what the segments are compared with.
    pub all_stats: Vec<TouchpointStats>,
}

impl Analysis {
    /// Analyses `whole` (all the cases there are) under `settings`. Takes the dataset so that
    /// without a segment filter nothing is copied: a CSV of 100 000 cases stays one matrix.
    /// A segment no case has gives an empty analysis; faces that must say so (the CLI) check
    /// [`Dataset::has_segment`] first.
    pub fn compute(whole: Dataset, settings: &AnalysisSettings) -> Self {
        let scale = whole.journey.scale.clone();
        let segments = segment_stats_on(&whole.matrix, &whole.segments, &scale);
        let all_stats = touchpoint_stats_on(&whole.matrix, &scale);
        let (dataset, stats) = match &settings.segment {
            Some(segment) => {
                let part = whole.with_segment(segment);
                let stats = touchpoint_stats_on(&part.matrix, &scale);
                (part, stats)
            }
            None => (whole, all_stats.clone()),
        };
        let patterns = find_patterns(
            &dataset.matrix,
            &dataset.segments,
            &settings.pattern_params(),
        );
        let critical_params = CriticalParams {
            in_time_order: settings.critical.in_time_order && dataset.journey.in_time_order,
            ..settings.critical.on_source_scale(&dataset.journey.scale)
        };
        let drivers = dataset.journey.outcome.as_ref().map(|outcome| {
            let input = DriverInput {
                outcome,
                outcomes: &dataset.outcomes,
                segments: &dataset.segments,
                patterns: Some(&patterns),
                bottom_box_at_or_below: critical_params.angry_at_or_below,
                in_time_order: critical_params.in_time_order,
            };
            drivers(&dataset.matrix, &input, &DriverParams::default())
        });
        let aucs = drivers.as_ref().map(Drivers::aucs);
        let critical = critical_points_with_drivers(
            &dataset.matrix,
            &patterns,
            &critical_params,
            aucs.as_deref(),
        );
        Self {
            settings: settings.clone(),
            dataset,
            stats,
            patterns,
            critical,
            drivers,
            critical_params,
            segments,
            all_stats,
        }
    }

    /// The pattern numbered `number` (from 1, as every face numbers them).
    pub fn pattern(&self, number: usize) -> Option<&super::Pattern> {
        self.patterns.patterns.get(number.checked_sub(1)?)
    }

    /// The team's name of each pattern (index = number − 1) among `names` (the journey's as it
    /// is now, so a rename shows without analysing again).
    pub fn pattern_names(&self, names: &[crate::model::PatternName]) -> Vec<Option<String>> {
        super::pattern_names::match_pattern_names(&self.patterns, &self.dataset.case_ids, names)
    }

    /// The ids of the cases in the pattern numbered `number`: what a name is kept with.
    pub fn pattern_members(&self, number: usize) -> Vec<String> {
        let members = super::pattern_names::pattern_members(&self.patterns, &self.dataset.case_ids);
        number
            .checked_sub(1)
            .and_then(|i| members.into_iter().nth(i))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Case, Journey, Touchpoint};

    fn journey() -> Journey {
        let mut journey = Journey::default();
        for i in 0..4 {
            journey
                .touchpoints
                .push(Touchpoint::new(&format!("t{i}"), &format!("T{i}"), "p"));
        }
        for (id, segment, low) in [("a", "gold", 3.0), ("b", "Gold", 2.0), ("c", "", -4.0)] {
            let mut case = Case::new(id, id);
            case.segment = segment.to_owned();
            for i in 0..4 {
                let score = if i == 2 { -low } else { low };
                case.scores.insert(format!("t{i}"), score);
            }
            journey.cases.push(case);
        }
        journey
    }

    #[test]
    fn a_segment_filters_the_cases_but_the_segments_are_compared_over_all() {
        let settings = AnalysisSettings {
            segment: Some("gold".into()),
            ..AnalysisSettings::default()
        };
        let analysis = Analysis::compute(Dataset::from_journey(journey()), &settings);
        assert_eq!(analysis.dataset.case_ids, ["a", "b"]);
        assert_eq!(analysis.stats[0].n, 2);
        assert_eq!(analysis.all_stats[0].n, 3);
        let sizes: Vec<usize> = analysis.segments.iter().map(|s| s.n).collect();
        assert_eq!(sizes, [2, 1]);
        assert_eq!(analysis.patterns.assignments.len(), 2);
    }

    #[test]
    fn k_of_the_setting_wins_and_patterns_are_found_by_number_from_one() {
        let settings = AnalysisSettings {
            k: Some(2),
            patterns: PatternParams {
                k: Some(1),
                ..PatternParams::default()
            },
            ..AnalysisSettings::default()
        };
        let analysis = Analysis::compute(Dataset::from_journey(journey()), &settings);
        assert_eq!(analysis.patterns.k, 2);
        assert_eq!(analysis.pattern(1).map(|p| p.id), Some(1));
        assert_eq!(analysis.pattern(2).map(|p| p.id), Some(2));
        assert!(analysis.pattern(0).is_none());
        assert!(analysis.pattern(3).is_none());
    }
}
