//! Any bytes the journey loader accepts: every view exports to an SVG that is XML with no
//! script and no event attribute, every CSV reads back to the cells written with no cell a
//! spreadsheet would evaluate, and the Mermaid export re-imports to a journey whose own export
//! reads back the same (issue #19: journeys from strangers).
#![no_main]

use std::path::Path;

use emograph::export::csv::{patterns_csv, segments_csv, stats_csv, text_cell};
use emograph::analysis::{Analysis, AnalysisSettings, Dataset};
use emograph::chart::{ChartOptions, Theme, ViewSpec, view_scene};
use emograph::export::{ExportSize, render_svg};
use emograph::io::mermaid::{MermaidSource, parse_mermaid, to_mermaid};
use emograph::io::parse_journey_bytes;
use libfuzzer_sys::fuzz_target;

fn assert_safe_svg(svg: &str, view: &str) {
    let document = match roxmltree::Document::parse(svg) {
        Ok(document) => document,
        Err(error) => panic!("{view}: the SVG is not XML: {error}\n{svg}"),
    };
    for node in document.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name().name();
        assert!(
            !name.eq_ignore_ascii_case("script") && !name.eq_ignore_ascii_case("foreignObject"),
            "{view}: <{name}>"
        );
        for attribute in node.attributes() {
            let key = attribute.name().to_ascii_lowercase();
            assert!(!key.starts_with("on"), "{view}: event attribute {key}");
            assert!(
                !attribute
                    .value()
                    .trim_start()
                    .to_ascii_lowercase()
                    .starts_with("javascript:"),
                "{view}: {key}={:?}",
                attribute.value()
            );
        }
    }
}

/// The CSV's cells; none a formula unless it is a number.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| match r {
            Ok(record) => record.iter().map(str::to_owned).collect(),
            Err(error) => panic!("the CSV does not read back: {error}\n{text}"),
        })
        .collect();
    for cell in rows.iter().flatten() {
        assert!(
            cell.parse::<f64>().is_ok() || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "a formula cell {cell:?}"
        );
    }
    rows
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(journey) = parse_journey_bytes(bytes, Path::new("fuzz.ron")) else {
        return;
    };
    let settings = AnalysisSettings {
        k: Some(2),
        ..AnalysisSettings::default()
    };
    let analysis = Analysis::compute(Dataset::from_journey(journey), &settings);
    let dataset = &analysis.dataset;
    let size = ExportSize {
        width: 600,
        height: 350,
        scale: 1.0,
    };
    let mut views = vec![
        "overall".to_owned(),
        "patterns".into(),
        "segments".into(),
        "cases".into(),
    ];
    views.extend(
        dataset
            .journey
            .cases
            .first()
            .map(|c| format!("case:{}", c.id)),
    );
    for view in &views {
        let Ok(chart_view) = view.parse::<ViewSpec>() else {
            continue;
        };
        let options = ChartOptions::default();
        let Ok(scene) = view_scene(
            &dataset.journey,
            Some(&analysis),
            &chart_view,
            &options,
            &Theme::light(),
        )
        else {
            continue;
        };
        let svg = render_svg(&scene, &size).expect("a scene renders");
        assert_safe_svg(&svg, view);
    }

    let journey = &dataset.journey;
    let stats = read_csv(&stats_csv(journey, &analysis.stats).expect("stats CSV"));
    // Header, then one row per touchpoint whose first cells are the escaped id and name.
    assert_eq!(stats.len(), journey.touchpoints.len() + 1);
    for (row, touchpoint) in stats.iter().skip(1).zip(&journey.touchpoints) {
        assert_eq!(row.first(), Some(&text_cell(&touchpoint.id)));
        assert_eq!(row.get(1), Some(&text_cell(&touchpoint.name)));
    }
    read_csv(&patterns_csv(&dataset, &analysis.patterns).expect("patterns CSV"));
    read_csv(&segments_csv(journey, &analysis.segments).expect("segments CSV"));

    let path = Path::new("fuzz.mmd");
    let exported = to_mermaid(journey, MermaidSource::AllCases);
    let scored = journey
        .touchpoints
        .iter()
        .filter(|t| journey.cases.iter().any(|c| c.scores.contains_key(&t.id)))
        .count();
    match parse_mermaid(&exported, path) {
        Ok(first) => {
            // Every scored touchpoint is a task again: nothing swallowed by a comment.
            assert_eq!(first.touchpoints.len(), scored, "{exported}");
            let again = to_mermaid(&first, MermaidSource::AllCases);
            assert_eq!(parse_mermaid(&again, path).ok(), Some(first), "{again}");
        }
        // A journey with no scores exports no task, which Mermaid's reader refuses; anything
        // else must read back.
        Err(error) => assert!(
            scored == 0,
            "the export does not read back: {error}\n{exported}"
        ),
    }
});
