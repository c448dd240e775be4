// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! A right-to-left journey's process runs from right to left on the graph by default, with a
//! toggle in the view bar; the Export dialog writes the chart as it is on screen.
#![cfg(feature = "gui")]

mod common;

use common::click;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use emograph::app::EmographApp;

/// Where the selected case's points at the first and last touchpoints sit, left to right.
fn first_and_last_x(harness: &Harness<'_, EmographApp>) -> (f32, f32) {
    let journey = harness.state().journey();
    let case = journey.cases[0].display_name();
    let x = |i: usize| {
        let name = &journey.touchpoints[i].name;
        let isolated = format!(
            "{} — {}: ",
            emograph::app::bidi::isolate(case),
            emograph::app::bidi::isolate(name)
        );
        harness
            .query_by_label_contains(&format!("{case} — {name}: "))
            // Fluent isolates the names of a right-to-left label (FSI … PDI).
            .or_else(|| harness.query_by_label_contains(&isolated))
            .unwrap()
            .rect()
            .center()
            .x
    };
    (x(0), x(journey.touchpoints.len() - 1))
}

#[test]
fn a_hebrew_journey_runs_right_to_left_and_the_view_bar_turns_it_round() {
    let dir = tempfile::tempdir().unwrap();
    let source =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/bank-complaint-he.ron");
    let path = dir.path().join("bank.ron");
    std::fs::copy(source, &path).unwrap();
    let mut harness = common::app_harness(dir.path(), Some(path), [1400.0, 900.0]);
    harness.run();
    let (first, last) = first_and_last_x(&harness);
    assert!(
        first > last,
        "the first touchpoint is on the right ({first} > {last})"
    );

    click(&mut harness, "Right to left");
    let (first, last) = first_and_last_x(&harness);
    assert!(first < last, "turned round: left to right");
}

#[test]
fn an_english_journey_runs_left_to_right() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = common::app_harness(dir.path(), None, [1400.0, 900.0]);
    harness.run();
    let (first, last) = first_and_last_x(&harness);
    assert!(first < last);
}
