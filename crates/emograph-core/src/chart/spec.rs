//! Which graph to draw, and the one function that draws it: the GUI's graph, `emograph export`,
//! the report and the clipboard all build their [`Scene`] with [`view_scene`], so a view looks
//! the same (markers, legend, badges, numbering) wherever it is shown.

use std::fmt;
use std::str::FromStr;

use super::*;
use crate::analysis::{Analysis, Dataset, Scope, TouchpointStats};
use crate::model::Journey;

/// Critical points drawn on a chart of one scope (overall, one pattern) at most: more would hide
/// the curve they explain.
pub const MAX_CHART_MARKERS: usize = 5;

/// Critical points per pattern on the patterns view, where every pattern's curve shares the
/// chart: two each keeps the overlay readable; a pattern's own view shows
/// [`MAX_CHART_MARKERS`].
pub const PATTERN_OVERLAY_MARKERS: usize = 2;

/// A graph of the journey, named as the command line names it (`overall`, `pattern:2` …).
/// Patterns are numbered from 1 here as on every face.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ViewSpec {
    /// The mean of all cases with its quartile band, the overall critical and turning points,
    /// and the team's flags.
    Overall,
    /// Every typical pattern's mean over the overall mean, with each pattern's top critical
    /// points.
    Patterns,
    /// One pattern by its number (from 1), members faded, with its critical and turning points.
    Pattern(usize),
    /// Every segment's mean over the overall mean: platinum against regular.
    Segments,
    /// One mean curve per wave (round of measurement), oldest first.
    Waves,
    /// One case by its id.
    Case(String),
    /// The cases of a journey file (those [`CasesShown`] names), as the editor shows them.
    Cases,
}

impl ViewSpec {
    /// True for the views drawn from the analysis (everything but the cases themselves).
    pub fn needs_analysis(&self) -> bool {
        !matches!(self, Self::Cases | Self::Case(_))
    }
}

impl FromStr for ViewSpec {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        match text.to_ascii_lowercase().as_str() {
            "overall" => return Ok(Self::Overall),
            "patterns" => return Ok(Self::Patterns),
            "segments" => return Ok(Self::Segments),
            "waves" => return Ok(Self::Waves),
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
            "unknown view {text:?}: use overall, patterns, pattern:N, segments, waves, case:ID or cases"
        ))
    }
}

impl fmt::Display for ViewSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Overall => write!(f, "overall"),
            Self::Patterns => write!(f, "patterns"),
            Self::Segments => write!(f, "segments"),
            Self::Waves => write!(f, "waves"),
            Self::Pattern(n) => write!(f, "pattern:{n}"),
            Self::Case(id) => write!(f, "case:{id}"),
            Self::Cases => write!(f, "cases"),
        }
    }
}

/// Which cases the cases view draws: the editor's state (some hidden, one being edited) or,
/// by default, every case as the command line draws them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct CasesShown {
    /// Indices into the journey's cases, in the order to list them; `None` draws every case.
    pub visible: Option<Vec<usize>>,
    /// The case being edited: drawn on top and thicker while others are drawn with it.
    pub selected: Option<usize>,
    /// The statistics of the shown cases when they are more than [`MAX_CASE_CURVES`], already
    /// read by the caller (the editor reads them off the UI thread, possibly for a revision a
    /// few frames old); read here when absent.
    pub band: Option<CaseBand>,
}

/// How a chart is dressed beyond its view.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ChartOptions {
    /// Mark the critical points, the turning points and the team's flags.
    pub markers: bool,
    /// Name each critical point's owner (and key metric) beside it.
    pub owner_badges: bool,
    /// Place touchpoints by their time offsets (when all have one) instead of evenly.
    pub time_axis: bool,
    /// The cases the cases view draws.
    pub cases: CasesShown,
    /// Draw this scenario (by id, or by name ignoring case) over the overall or a pattern view:
    /// its to-be mean dashed over the as-is, the change shaded.
    pub scenario: Option<String>,
}

impl Default for ChartOptions {
    fn default() -> Self {
        Self {
            markers: true,
            owner_badges: true,
            time_axis: false,
            cases: CasesShown::default(),
            scenario: None,
        }
    }
}

/// Why a view cannot be drawn from what there is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ViewError {
    #[error("there is no pattern {number}: the data has {count} pattern(s)")]
    NoPattern { number: usize, count: usize },
    #[error("there is no case {0:?}")]
    NoCase(String),
    #[error(
        "the cases view draws the cases of a journey file; for a CSV of many cases use overall, patterns or pattern:N"
    )]
    CasesOfCsv,
    #[error("the {0} view is drawn from the analysis, which is not there yet")]
    NotAnalysed(ViewSpec),
    #[error("there is no scenario {name:?}{known}")]
    NoScenario { name: String, known: String },
    #[error("a scenario is drawn over the overall or a pattern view, not over {0}")]
    ScenarioOnView(ViewSpec),
}

/// The Scene of `view`. `journey` gives the touchpoints, owners, flags and (for the cases
/// views) the cases; `analysis` everything else, and may be `None` for the cases views, which
/// the editor redraws on every keystroke without analysing anything.
pub fn view_scene(
    journey: &Journey,
    analysis: Option<&Analysis>,
    view: &ViewSpec,
    options: &ChartOptions,
    theme: &Theme,
) -> Result<Scene, ViewError> {
    let analysed = || analysis.ok_or_else(|| ViewError::NotAnalysed(view.clone()));
    let mut scene = match view {
        ViewSpec::Overall => {
            let a = analysed()?;
            let mut scene = overall_scene(journey, &a.stats, theme);
            if options.markers {
                let markers = critical_markers(
                    journey,
                    &a.critical,
                    Scope::Overall,
                    MAX_CHART_MARKERS,
                    options.owner_badges,
                );
                add_markers(&mut scene, markers, theme);
                let turning = &a.settings.critical.turning;
                add_turning_markers(&mut scene, journey, &means(&a.stats), turning, theme);
                add_flag_markers(&mut scene, journey, &a.stats, theme);
            }
            scene
        }
        ViewSpec::Patterns => {
            let a = analysed()?;
            let names = a.pattern_names(&journey.pattern_names);
            let mut scene = patterns_scene(journey, &a.stats, &a.patterns, &names, theme);
            if options.markers {
                let per_pattern = a.patterns.patterns.iter().map(|pattern| {
                    let markers = critical_markers(
                        journey,
                        &a.critical,
                        Scope::Pattern(pattern.id),
                        PATTERN_OVERLAY_MARKERS,
                        false,
                    );
                    (pattern.id, markers)
                });
                let markers = one_marker_per_moment(per_pattern.collect());
                add_markers(&mut scene, markers, theme);
            }
            scene
        }
        ViewSpec::Segments => {
            let a = analysed()?;
            segments_scene(journey, &a.all_stats, &a.segments, theme)
        }
        ViewSpec::Waves => {
            let a = analysed()?;
            waves_scene(journey, &a.dataset, theme)
        }
        &ViewSpec::Pattern(number) => {
            let a = analysed()?;
            let Some(pattern) = a.pattern(number) else {
                return Err(ViewError::NoPattern {
                    number,
                    count: a.patterns.patterns.len(),
                });
            };
            let names = a.pattern_names(&journey.pattern_names);
            let name = names.get(number - 1).and_then(Option::as_deref);
            let mut scene =
                pattern_scene(journey, &a.dataset, &a.patterns, number - 1, name, theme);
            if options.markers {
                let markers = critical_markers(
                    journey,
                    &a.critical,
                    Scope::Pattern(pattern.id),
                    MAX_CHART_MARKERS,
                    options.owner_badges,
                );
                add_markers(&mut scene, markers, theme);
                let turning = &a.settings.critical.turning;
                add_turning_markers(&mut scene, journey, &pattern.mean, turning, theme);
            }
            scene
        }
        ViewSpec::Case(case_id) => {
            let row = analysis.and_then(|a| {
                let row = a.dataset.case_ids.iter().position(|id| id == case_id)?;
                Some((&a.dataset, row))
            });
            if let Some(index) = journey.cases.iter().position(|c| &c.id == case_id) {
                cases_scene(journey, &[index], None, theme)
            } else if let Some((dataset, row)) = row {
                row_scene(dataset, row, theme)
            } else {
                return Err(ViewError::NoCase(case_id.clone()));
            }
        }
        ViewSpec::Cases => {
            if journey.cases.is_empty() && analysis.is_some_and(|a| a.dataset.matrix.cases() > 0) {
                return Err(ViewError::CasesOfCsv);
            }
            let all: Vec<usize>;
            let shown = match &options.cases.visible {
                Some(visible) => visible.as_slice(),
                None => {
                    all = (0..journey.cases.len()).collect();
                    &all
                }
            };
            if shown.len() > MAX_CASE_CURVES {
                let band = options.cases.band.clone().unwrap_or_else(|| {
                    case_band(
                        &journey.touchpoints,
                        shown.iter().filter_map(|&i| journey.cases.get(i)),
                    )
                });
                cases_band_scene(journey, &band, options.cases.selected, theme)
            } else {
                cases_scene(journey, shown, options.cases.selected, theme)
            }
        }
    };
    if let Some(name) = &options.scenario {
        overlay_scenario(&mut scene, journey, analysis, view, name, theme)?;
    }
    if !options.time_axis {
        scene.space_evenly();
    }
    Ok(scene)
}

/// The scenario `name` over the view's scope (see [`add_scenario_overlay`]).
fn overlay_scenario(
    scene: &mut Scene,
    journey: &Journey,
    analysis: Option<&Analysis>,
    view: &ViewSpec,
    name: &str,
    theme: &Theme,
) -> Result<(), ViewError> {
    let scope = match view {
        ViewSpec::Overall => Scope::Overall,
        &ViewSpec::Pattern(number) => Scope::Pattern(number),
        other => return Err(ViewError::ScenarioOnView(other.clone())),
    };
    let Some(scenario) = journey.scenario(name) else {
        let names: Vec<String> = journey
            .scenarios
            .iter()
            .map(|s| format!("{:?}", s.name))
            .collect();
        return Err(ViewError::NoScenario {
            name: name.to_owned(),
            known: if names.is_empty() {
                ": the journey has none".to_owned()
            } else {
                format!("; the scenarios are {}", names.join(", "))
            },
        });
    };
    let analysis = analysis.ok_or_else(|| ViewError::NotAnalysed(view.clone()))?;
    let outcome = crate::analysis::scenario_outcome(analysis, scenario);
    add_scenario_overlay(scene, &touchpoint_xs(journey), &outcome, scope, theme);
    Ok(())
}

/// The mean per touchpoint, NaN where nobody scored it (as the turning-point finder reads it).
fn means(stats: &[TouchpointStats]) -> Vec<f64> {
    stats.iter().map(|s| s.mean.unwrap_or(f64::NAN)).collect()
}

/// One case read straight from a CSV (so not in `journey.cases`), as the cases view draws it.
fn row_scene(dataset: &Dataset, row: usize, theme: &Theme) -> Scene {
    let journey = &dataset.journey;
    let mut scene = base_scene(journey, theme);
    let xs = touchpoint_xs(journey);
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
    let label = dataset.case_ids.get(row).unwrap_or_default().to_owned();
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
    use crate::analysis::AnalysisSettings;
    use crate::model::{Case, FlagKind, Touchpoint};

    #[test]
    fn views_parse_as_the_cli_names_them() {
        assert_eq!("overall".parse(), Ok(ViewSpec::Overall));
        assert_eq!("Patterns".parse(), Ok(ViewSpec::Patterns));
        assert_eq!("pattern:2".parse(), Ok(ViewSpec::Pattern(2)));
        assert_eq!("case:c-17".parse(), Ok(ViewSpec::Case("c-17".into())));
        assert!("pattern:0".parse::<ViewSpec>().is_err());
        assert!("histogram".parse::<ViewSpec>().is_err());
        for view in [
            ViewSpec::Overall,
            ViewSpec::Patterns,
            ViewSpec::Pattern(3),
            ViewSpec::Segments,
            ViewSpec::Waves,
            ViewSpec::Case("c07".into()),
            ViewSpec::Cases,
        ] {
            assert_eq!(view.to_string().parse(), Ok(view));
        }
    }

    /// A zigzag over ten alike cases, with more turns than a chart has critical markers, and a
    /// flag on t3.
    fn valley() -> Journey {
        let mut journey = Journey::default();
        for i in 0..9 {
            journey
                .touchpoints
                .push(Touchpoint::new(&format!("t{i}"), &format!("T{i}"), "p"));
        }
        for c in 0..10 {
            let mut case = Case::new(&format!("c{c}"), "");
            for (i, score) in [3.0, -3.0, 3.0, -3.0, 3.0, -3.0, 3.0, -3.0, 3.0]
                .into_iter()
                .enumerate()
            {
                case.scores
                    .insert(format!("t{i}"), score + f64::from(c % 3) * 0.2);
            }
            journey.cases.push(case);
        }
        if let Some(flag) = journey.new_flag("t3", FlagKind::Negative, false) {
            journey.flags.push(flag);
        }
        journey
    }

    fn analysed(journey: &Journey) -> Analysis {
        Analysis::compute(
            Dataset::from_journey(journey.clone()),
            &AnalysisSettings::default(),
        )
    }

    fn kinds(scene: &Scene) -> Vec<MarkerKind> {
        scene.markers.iter().map(|m| m.kind).collect()
    }

    #[test]
    fn overall_marks_critical_and_turning_points_and_flags_and_names_them() {
        let journey = valley();
        let analysis = analysed(&journey);
        let scene = view_scene(
            &journey,
            Some(&analysis),
            &ViewSpec::Overall,
            &ChartOptions::default(),
            &Theme::light(),
        )
        .unwrap();
        let kinds = kinds(&scene);
        assert!(
            kinds
                .iter()
                .any(|k| matches!(k, MarkerKind::Critical { .. }))
        );
        assert!(kinds.contains(&MarkerKind::Flag { positive: false }));
        assert!(
            kinds
                .iter()
                .any(|k| !matches!(k, MarkerKind::Critical { .. } | MarkerKind::Flag { .. })),
            "a turning point besides the critical one: {kinds:?}"
        );
        for marker in &scene.markers {
            assert!(
                scene.legend.iter().any(|e| e.symbol.is_some_and(|s| {
                    std::mem::discriminant(&s) == std::mem::discriminant(&marker.kind)
                })),
                "{:?} is in the legend",
                marker.kind
            );
        }
        let bare = ChartOptions {
            markers: false,
            ..ChartOptions::default()
        };
        let scene = view_scene(
            &journey,
            Some(&analysis),
            &ViewSpec::Overall,
            &bare,
            &Theme::light(),
        )
        .unwrap();
        assert!(scene.markers.is_empty());
    }

    #[test]
    fn a_missing_pattern_case_or_analysis_is_a_message_not_a_panic() {
        let journey = valley();
        let analysis = analysed(&journey);
        let scene = |view: ViewSpec, analysis: Option<&Analysis>| {
            view_scene(
                &journey,
                analysis,
                &view,
                &ChartOptions::default(),
                &Theme::light(),
            )
        };
        let count = analysis.patterns.patterns.len();
        assert_eq!(
            scene(ViewSpec::Pattern(count + 1), Some(&analysis)).err(),
            Some(ViewError::NoPattern {
                number: count + 1,
                count
            })
        );
        assert_eq!(
            scene(ViewSpec::Case("nobody".into()), Some(&analysis)).err(),
            Some(ViewError::NoCase("nobody".into()))
        );
        assert_eq!(
            scene(ViewSpec::Overall, None).err(),
            Some(ViewError::NotAnalysed(ViewSpec::Overall))
        );
        assert!(scene(ViewSpec::Cases, None).is_ok());
        assert!(scene(ViewSpec::Case("c3".into()), None).is_ok());
    }

    #[test]
    fn the_cases_view_draws_the_shown_cases_and_the_selected_one_on_top() {
        let journey = valley();
        let options = ChartOptions {
            cases: CasesShown {
                visible: Some(vec![4, 1, 7]),
                selected: Some(1),
                band: None,
            },
            ..ChartOptions::default()
        };
        let scene =
            view_scene(&journey, None, &ViewSpec::Cases, &options, &Theme::light()).unwrap();
        let keys: Vec<CurveKey> = scene.curves.iter().map(|c| c.key).collect();
        assert_eq!(
            keys,
            [CurveKey::Case(4), CurveKey::Case(7), CurveKey::Case(1)]
        );
        assert_eq!(scene.curves[2].emphasis, Emphasis::Selected);
    }

    #[test]
    fn a_scenario_overlay_draws_the_to_be_dashed_with_the_change_shaded() {
        use crate::model::{Change, ChangeKind, Scenario};
        let mut journey = valley();
        journey.scenarios.push(Scenario {
            id: "s".into(),
            name: "to-be 2027".into(),
            changes: vec![Change {
                touchpoint: "t3".into(),
                kind: ChangeKind::Prevent,
                from_flag: None,
            }],
        });
        let analysis = analysed(&journey);
        let draw = |view: ViewSpec, scenario: &str| {
            let options = ChartOptions {
                scenario: Some(scenario.to_owned()),
                ..ChartOptions::default()
            };
            view_scene(&journey, Some(&analysis), &view, &options, &Theme::light())
        };
        let plain = view_scene(
            &journey,
            Some(&analysis),
            &ViewSpec::Overall,
            &ChartOptions::default(),
            &Theme::light(),
        )
        .unwrap();
        let scene = draw(ViewSpec::Overall, "TO-BE 2027").unwrap();
        let to_be = scene
            .curves
            .iter()
            .find(|c| c.key == CurveKey::ToBe)
            .expect("a to-be curve");
        assert!(to_be.dashed);
        let mean = scene
            .curves
            .iter()
            .find(|c| c.key == CurveKey::Mean)
            .unwrap();
        let at =
            |curve: &Curve, t: usize| curve.points.iter().find(|p| p.touchpoint == t).unwrap().y;
        assert!(
            at(to_be, 3) > at(mean, 3) + 4.0,
            "the trough at t3 is lifted"
        );
        assert_eq!(at(to_be, 0), at(mean, 0));
        assert_eq!(
            scene.bands.len(),
            plain.bands.len() + 1,
            "one shaded change"
        );
        assert!(
            scene
                .legend
                .iter()
                .any(|e| e.dashed && e.label == "To-be: to-be 2027")
        );
        assert!(scene.subtitle.ends_with("to-be: to-be 2027"));
        assert!(draw(ViewSpec::Pattern(1), "s").is_ok());
        assert!(matches!(
            draw(ViewSpec::Overall, "2030"),
            Err(ViewError::NoScenario { .. })
        ));
        assert_eq!(
            draw(ViewSpec::Segments, "s").err(),
            Some(ViewError::ScenarioOnView(ViewSpec::Segments))
        );
    }
}
