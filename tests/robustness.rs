// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Property tests: no input makes a loader panic, and every analysis and export takes any valid
//! journey (empty, one touchpoint, one case, no scores, all equal, the scale's very ends) without
//! panicking or putting NaN or infinity into its output.

use std::path::Path;

use proptest::prelude::*;

use emograph::analysis::{
    Analysis, AnalysisSettings, CriticalReport, Dataset, PatternParams, Patterns, TouchpointStats,
    TurningParams, TurningPoint, owner_view, turning_points,
};
use emograph::chart::{ChartOptions, Theme, ViewSpec, view_scene};
use emograph::export::{self, ExportSize};
use emograph::io::{CsvOptions, LoadError, mermaid::parse_mermaid, parse_csv, parse_journey};
use emograph::model::{Case, Journey, Owner, Touchpoint};

/// A refusal must say where: at least one diagnostic, and (for the journey and Mermaid
/// readers, which always know the text) a line and column.
fn assert_located(error: &LoadError) {
    assert!(!error.diagnostics.is_empty());
    assert!(
        error.diagnostics.iter().any(|d| d.position.is_some()),
        "no position in: {error}"
    );
}

/// Text that looks enough like RON, CSV or Mermaid to get past the first token: pieces of
/// each syntax in any order, so the parsers' deeper paths are explored, not only "unexpected
/// character at 1:1".
fn syntax_soup() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ",",
        ":",
        "\"",
        "\\",
        "\n",
        " ",
        "version: 1,",
        "title: \"t\",",
        "touchpoints: [",
        "cases: [",
        "(id: \"a\", name: \"A\", phase: \"during\")",
        "scores: {",
        "\"a\": 3.0",
        "-5",
        "1e308",
        "NaN",
        "inf",
        "Some(",
        "None",
        "/*",
        "*/",
        "//",
        "\r\n",
        "journey",
        "title My day",
        "section Morning",
        "  Wake up: 3: Me",
        ": 5: Me, You",
        "---",
        "case,segment,a,b",
        "1,gold,3,-2",
        ";",
        "\t",
        "é",
        "\u{feff}",
        "\u{202e}",
        "0x1F",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_journey_reader_never_panics_on_any_text(text in any::<String>()) {
        if let Err(error) = parse_journey(&text, Path::new("any.ron")) {
            assert_located(&error);
        }
    }

    #[test]
    fn the_journey_reader_never_panics_on_ron_like_text(text in syntax_soup()) {
        if let Err(error) = parse_journey(&text, Path::new("soup.ron")) {
            assert_located(&error);
        }
    }

    #[test]
    fn the_csv_importer_never_panics_on_any_bytes(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
        tab in any::<bool>(),
    ) {
        if let Err(error) = parse_csv(&bytes, Path::new("any.csv"), &CsvOptions::default(), tab) {
            prop_assert!(!error.diagnostics.is_empty());
        }
    }

    #[test]
    fn the_csv_importer_never_panics_on_csv_like_text(text in syntax_soup(), scaled in any::<bool>()) {
        let options = CsvOptions {
            scale: scaled.then_some((1.0, 5.0)),
            na: vec!["n/a".to_owned()],
            ..CsvOptions::default()
        };
        match parse_csv(text.as_bytes(), Path::new("soup.csv"), &options, false) {
            Ok(dataset) => {
                prop_assert_eq!(dataset.matrix.cases(), dataset.case_ids.len());
                prop_assert_eq!(dataset.matrix.touchpoints(), dataset.journey.touchpoints.len());
            }
            Err(error) => prop_assert!(!error.diagnostics.is_empty()),
        }
    }

    #[test]
    fn the_mermaid_importer_never_panics(text in prop_oneof![any::<String>(), syntax_soup()]) {
        match parse_mermaid(&text, Path::new("any.mmd")) {
            Ok(journey) => prop_assert!(journey.validate().is_empty()),
            Err(error) => assert_located(&error),
        }
    }
}

/// What a score cell of a generated journey holds.
#[derive(Clone, Copy, Debug)]
enum Cell {
    Missing,
    Score(f64),
}

fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        2 => Just(Cell::Missing),
        2 => Just(Cell::Score(-5.0)),
        2 => Just(Cell::Score(5.0)),
        1 => Just(Cell::Score(0.0)),
        3 => (-5.0..=5.0f64).prop_map(Cell::Score),
        1 => Just(Cell::Score(-5.0 + f64::EPSILON * 8.0)),
    ]
}

/// A valid journey of `touchpoints` × `cases` cells, optionally every scored cell equal, with an
/// owner on some touchpoints and segments on some cases.
fn journey_strategy() -> impl Strategy<Value = Journey> {
    (0usize..6, 0usize..7)
        .prop_flat_map(|(touchpoints, cases)| {
            (
                prop::collection::vec(cell(), touchpoints * cases),
                prop::option::weighted(0.25, prop::sample::select(vec![-5.0, 0.0, 5.0, 2.5])),
                Just((touchpoints, cases)),
            )
        })
        .prop_map(|(cells, all_equal, (touchpoints, cases))| {
            let mut journey = Journey {
                title: "Generated".to_owned(),
                owners: vec![Owner {
                    id: "o".to_owned(),
                    name: "Owner".to_owned(),
                    role: String::new(),
                    process: String::new(),
                }],
                ..Journey::default()
            };
            for t in 0..touchpoints {
                let mut touchpoint = Touchpoint::new(&format!("t{t}"), &format!("T{t}"), "during");
                touchpoint.owner = (t % 2 == 0).then(|| "o".to_owned());
                journey.touchpoints.push(touchpoint);
            }
            for c in 0..cases {
                let mut case = Case::new(&format!("c{c}"), "");
                case.segment = if c % 3 == 0 {
                    "gold".to_owned()
                } else {
                    String::new()
                };
                for t in 0..touchpoints {
                    if let Some(Cell::Score(score)) = cells.get(c * touchpoints + t) {
                        case.scores
                            .insert(format!("t{t}"), all_equal.unwrap_or(*score));
                    }
                }
                journey.cases.push(case);
            }
            journey
        })
}

fn finite(what: &str, value: f64) {
    assert!(value.is_finite(), "{what} is {value}");
}

fn finite_opt(what: &str, value: Option<f64>) {
    if let Some(value) = value {
        finite(what, value);
    }
}

fn check_stats(stats: &[TouchpointStats]) {
    for s in stats {
        for (name, value) in [
            ("mean", s.mean),
            ("median", s.median),
            ("q1", s.q1),
            ("q3", s.q3),
            ("min", s.min),
            ("max", s.max),
            ("std", s.std),
            ("share_negative", s.share_negative),
            ("share_angry", s.share_angry),
        ] {
            finite_opt(name, value);
        }
        assert_eq!(
            s.mean.is_some(),
            s.n > 0,
            "mean exists exactly when something is scored"
        );
    }
}

fn check_patterns(patterns: &Patterns, cases: usize, touchpoints: usize) {
    // Per matrix row, except that a journey without touchpoints has no patterns to assign to.
    assert!(
        patterns.assignments.len() == cases || (touchpoints == 0 && patterns.patterns.is_empty()),
        "{} assignments for {cases} cases",
        patterns.assignments.len()
    );
    for pattern in &patterns.patterns {
        finite("pattern share", pattern.share);
        for curve in [&pattern.mean, &pattern.q1, &pattern.q3] {
            assert_eq!(curve.len(), touchpoints);
            curve.iter().for_each(|&v| finite("pattern curve", v));
        }
        assert!(pattern.medoid < cases.max(1));
    }
    for &assignment in &patterns.assignments {
        assert!(assignment < patterns.patterns.len());
    }
}

fn check_critical(report: &CriticalReport) {
    for point in &report.points {
        for (name, value) in [
            ("value", point.value),
            ("depth", point.depth),
            ("delta", point.delta),
            ("share_of_cases", point.share_of_cases),
            ("score", point.score),
            ("parts.depth", point.parts.depth),
            ("parts.sharpness", point.parts.sharpness),
            ("parts.share", point.parts.share),
            ("parts.end", point.parts.end),
        ] {
            finite(name, value);
        }
    }
    for prone in &report.prone {
        finite("prone mean", prone.mean);
        finite("prone share_angry", prone.share_angry);
        finite("prone spread", prone.spread);
    }
}

fn check_turning(points: &[TurningPoint]) {
    for point in points {
        finite("turning value", point.value);
        finite("turning prominence", point.prominence);
        finite_opt("turning delta_in", point.delta_in);
    }
}

/// Small but real: patterns run their full search, only the restarts are fewer.
fn pattern_params() -> PatternParams {
    PatternParams {
        restarts: 2,
        ..PatternParams::default()
    }
}

fn analyse(dataset: &Dataset) -> Analysis {
    let settings = AnalysisSettings {
        patterns: pattern_params(),
        ..AnalysisSettings::default()
    };
    Analysis::compute(dataset.clone(), &settings)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn analysis_takes_any_valid_journey(journey in journey_strategy()) {
        prop_assert!(journey.validate().is_empty(), "{:?}", journey.validate());
        let touchpoints = journey.touchpoints.len();
        let cases = journey.cases.len();
        let dataset = Dataset::from_journey(journey);
        let analysis = analyse(&dataset);
        prop_assert_eq!(analysis.stats.len(), touchpoints);
        check_stats(&analysis.stats);
        check_patterns(&analysis.patterns, cases, touchpoints);
        check_critical(&analysis.critical);

        // The mean curve as the chart draws it (missing touchpoints skipped), and each case.
        let mean_curve: Vec<f64> = analysis.stats.iter().filter_map(|s| s.mean).collect();
        check_turning(&turning_points(&mean_curve, &TurningParams::default()));
        for row in dataset.matrix.rows() {
            let curve: Vec<f64> = row.iter().copied().filter(|v| v.is_finite()).collect();
            check_turning(&turning_points(&curve, &TurningParams::default()));
        }

        let view = owner_view(&dataset.journey, &analysis.critical, None);
        let listed: usize = view.owners.iter().map(|o| o.touchpoints.len()).sum::<usize>()
            + view.unowned.touchpoints.len();
        prop_assert_eq!(listed, touchpoints, "every touchpoint is owned or listed as unowned");
        let _ = owner_view(&dataset.journey, &analysis.critical, Some("nobody"));
    }
}

proptest! {
    // Rendering a PNG costs milliseconds; fewer cases, same generator.
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn exports_take_any_valid_journey(journey in journey_strategy()) {
        let dataset = Dataset::from_journey(journey);
        let analysis = analyse(&dataset);
        let size = ExportSize { width: 320, height: 180, scale: 1.0 };
        let mut views = vec![ViewSpec::Overall, ViewSpec::Patterns, ViewSpec::Cases, ViewSpec::Pattern(1)];
        if let Some(case) = dataset.journey.cases.first() {
            views.push(ViewSpec::Case(case.id.clone()));
        }
        for view in views {
            // A view that does not exist (pattern 1 of an empty journey) is an error, not a panic.
            let Ok(scene) =
                view_scene(&dataset.journey, Some(&analysis), &view, &ChartOptions::default(), &Theme::light())
            else {
                continue;
            };
            let svg = export::render_svg(&scene, &size);
            prop_assert!(svg.is_ok(), "{view}: {:?}", svg.err());
            let svg = svg.unwrap_or_default();
            prop_assert!(!svg.contains("NaN") && !svg.contains("\"inf"), "{view}: non-finite number in the SVG");
            let png = export::render_png(&scene, &size);
            prop_assert!(png.is_ok_and(|bytes| bytes.starts_with(b"\x89PNG")), "{view}");
        }
        let report = export::report::render_report(&analysis);
        prop_assert!(report.is_ok_and(|html| !html.contains("NaN")));
    }
}
