//! Which graph to export, and the Scene for it: shared by `emograph export`, the report and the
//! app's Export dialog.

use std::fmt;
use std::str::FromStr;

use crate::analysis::{
    CriticalParams, CriticalReport, Dataset, PatternParams, Patterns, Scope, SegmentStats,
    TouchpointStats, critical_points, find_patterns, segment_stats, touchpoint_stats,
};
use crate::chart::{
    self, Curve, CurveKey, CurvePoint, Emphasis, LegendEntry, MarkerShape, Scene, Theme,
};

/// Critical points drawn on one chart at most: more would hide the curve they explain.
pub const MAX_CHART_MARKERS: usize = 5;

/// A graph of the journey, as named on the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChartView {
    /// The mean of all cases with its quartile band, and the overall critical points.
    Overall,
    /// Every typical pattern's mean over the overall mean.
    Patterns,
    /// Every segment's mean over the overall mean: platinum against regular.
    Segments,
    /// One pattern by its 1-based number, members faded, with its critical points.
    Pattern(usize),
    /// One case by its id.
    Case(String),
    /// Every case of a journey file.
    Cases,
}

impl FromStr for ChartView {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        match text.to_ascii_lowercase().as_str() {
            "overall" => return Ok(Self::Overall),
            "patterns" => return Ok(Self::Patterns),
            "segments" => return Ok(Self::Segments),
            "cases" => return Ok(Self::Cases),
            _ => {}
        }
        if let Some(number) = text.strip_prefix("pattern:") {
            return match number.trim().parse::<usize>() {
                Ok(n) if n >= 1 => Ok(Self::Pattern(n)),
                _ => Err(format!("pattern:{number}: patterns are numbered from 1")),
            };
        }
        if let Some(case_id) = text.strip_prefix("case:") {
            return Ok(Self::Case(case_id.to_owned()));
        }
        Err(format!(
            "unknown view {text:?}: use overall, patterns, pattern:N, segments, case:ID or cases"
        ))
    }
}

impl fmt::Display for ChartView {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Overall => write!(f, "overall"),
            Self::Patterns => write!(f, "patterns"),
            Self::Segments => write!(f, "segments"),
            Self::Pattern(n) => write!(f, "pattern:{n}"),
            Self::Case(id) => write!(f, "case:{id}"),
            Self::Cases => write!(f, "cases"),
        }
    }
}

/// Everything the aggregate views need, computed once per dataset.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub stats: Vec<TouchpointStats>,
    pub patterns: Patterns,
    pub critical: CriticalReport,
    /// Per segment of all cases (a segment filter does not apply: they are compared), largest
    /// first.
    pub segments: Vec<SegmentStats>,
    /// The statistics of all cases, whatever the filter: what the segments are compared with.
    pub all_stats: Vec<TouchpointStats>,
}

impl Analysis {
    pub fn of(
        dataset: &Dataset,
        pattern_params: &PatternParams,
        critical_params: &CriticalParams,
    ) -> Self {
        Self::of_part(dataset, dataset, pattern_params, critical_params)
    }

    /// The analysis of `part` (one segment's cases, say), with the segments still compared over
    /// `whole`, all the cases.
    pub fn of_part(
        part: &Dataset,
        whole: &Dataset,
        pattern_params: &PatternParams,
        critical_params: &CriticalParams,
    ) -> Self {
        let stats = touchpoint_stats(&part.matrix);
        let patterns = find_patterns(&part.matrix, &part.segments, pattern_params);
        let critical = critical_points(&part.matrix, &patterns, critical_params);
        let all_stats = if std::ptr::eq(part, whole) {
            stats.clone()
        } else {
            touchpoint_stats(&whole.matrix)
        };
        Self {
            stats,
            patterns,
            critical,
            segments: segment_stats(&whole.matrix, &whole.segments),
            all_stats,
        }
    }
}

/// How a chart is dressed beyond its view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChartOptions {
    /// Draw the ranked critical points (overall and single-pattern views).
    pub critical_markers: bool,
    /// Name each critical point's owner beside it.
    pub owner_badges: bool,
    /// Place touchpoints by their time offsets (when all have one) instead of evenly.
    pub time_axis: bool,
}

impl Default for ChartOptions {
    fn default() -> Self {
        Self {
            critical_markers: true,
            owner_badges: true,
            time_axis: false,
        }
    }
}

/// The Scene of `view`. Errors name what is missing (a pattern or case that does not exist).
pub fn view_scene(
    dataset: &Dataset,
    analysis: &Analysis,
    view: &ChartView,
    options: &ChartOptions,
    theme: &Theme,
) -> Result<Scene, String> {
    let journey = &dataset.journey;
    let mut scene = match view {
        ChartView::Overall => {
            let mut scene = chart::overall_scene(journey, &analysis.stats, theme);
            if options.critical_markers {
                let markers = chart::critical_markers(
                    journey,
                    &analysis.critical,
                    Scope::Overall,
                    MAX_CHART_MARKERS,
                    options.owner_badges,
                );
                chart::add_markers(&mut scene, markers, theme);
            }
            scene
        }
        ChartView::Patterns => {
            chart::patterns_scene(journey, &analysis.stats, &analysis.patterns, theme)
        }
        ChartView::Segments => {
            chart::segments_scene(journey, &analysis.all_stats, &analysis.segments, theme)
        }
        ChartView::Pattern(number) => {
            let index = number.saturating_sub(1);
            let Some(pattern) = analysis.patterns.patterns.get(index) else {
                return Err(format!(
                    "there is no pattern {number}: the data has {} pattern(s)",
                    analysis.patterns.patterns.len()
                ));
            };
            let mut scene =
                chart::pattern_scene(journey, dataset, &analysis.patterns, index, theme);
            if options.critical_markers {
                let markers = chart::critical_markers(
                    journey,
                    &analysis.critical,
                    Scope::Pattern(pattern.id),
                    MAX_CHART_MARKERS,
                    options.owner_badges,
                );
                chart::add_markers(&mut scene, markers, theme);
            }
            scene
        }
        ChartView::Case(case_id) => {
            if let Some(index) = journey.cases.iter().position(|c| &c.id == case_id) {
                chart::cases_scene(journey, &[index], None, theme)
            } else if let Some(row) = dataset.case_ids.iter().position(|id| id == case_id) {
                row_scene(dataset, row, theme)
            } else {
                return Err(format!("there is no case {case_id:?}"));
            }
        }
        ChartView::Cases => {
            if journey.cases.is_empty() && dataset.matrix.cases() > 0 {
                return Err(
                    "the cases view draws the cases of a journey file; for a CSV of many cases use overall, patterns or pattern:N"
                        .to_owned(),
                );
            }
            let all: Vec<usize> = (0..journey.cases.len()).collect();
            chart::cases_scene(journey, &all, None, theme)
        }
    };
    if !options.time_axis {
        scene.space_evenly();
    }
    Ok(scene)
}

/// One case read straight from a CSV (so not in `journey.cases`), as the cases view draws it.
fn row_scene(dataset: &Dataset, row: usize, theme: &Theme) -> Scene {
    let journey = &dataset.journey;
    let mut scene = chart::base_scene(journey, theme);
    let xs = chart::touchpoint_xs(journey);
    let points = dataset
        .matrix
        .row(row)
        .iter()
        .zip(&xs)
        .enumerate()
        .filter(|(_, (v, _))| v.is_finite())
        .map(|(touchpoint, (&y, &x))| CurvePoint {
            x,
            y,
            touchpoint,
            note: String::new(),
        })
        .collect();
    let label = dataset.case_ids.get(row).cloned().unwrap_or_default();
    let curve = Curve {
        key: CurveKey::Case(row),
        label: label.clone(),
        points,
        color: theme.curve_color(0),
        width: theme.line_width,
        marker: Some(MarkerShape::Circle),
        dashed: false,
        emphasis: Emphasis::Normal,
    };
    scene.legend = vec![LegendEntry {
        label,
        color: curve.color,
        marker: curve.marker,
        dashed: false,
        filled: false,
        symbol: None,
    }];
    scene.curves = vec![curve];
    scene.subtitle = "1 case".to_owned();
    scene
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_parse_as_the_cli_names_them() {
        assert_eq!("overall".parse(), Ok(ChartView::Overall));
        assert_eq!("Patterns".parse(), Ok(ChartView::Patterns));
        assert_eq!("pattern:2".parse(), Ok(ChartView::Pattern(2)));
        assert_eq!("case:c-17".parse(), Ok(ChartView::Case("c-17".into())));
        assert!("pattern:0".parse::<ChartView>().is_err());
        assert!("histogram".parse::<ChartView>().is_err());
        assert_eq!(ChartView::Pattern(3).to_string(), "pattern:3");
    }
}
