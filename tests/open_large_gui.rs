// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! A survey-sized journey opens on a thread of its own: the window keeps drawing a progress
//! window until the journey is in, and the journey that was open stays if it does not load.
#![cfg(feature = "gui")]

mod common;

use std::time::{Duration, Instant};

use common::{click, type_into};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use emograph::app::EmographApp;
use emograph::io::save_journey;
use emograph::model::{Case, Journey, Phase, Touchpoint};

const SIZE: [f32; 2] = [1400.0, 900.0];

/// `cases` answers at ten touchpoints: a few megabytes of journey.
fn survey(cases: usize) -> Journey {
    let mut journey = Journey {
        title: "Passenger survey".to_owned(),
        ..Journey::default()
    };
    journey.phases = vec![Phase::new("during", "During")];
    journey.touchpoints = (1..=10)
        .map(|t| Touchpoint::new(&format!("t{t}"), &format!("Step {t}"), "during"))
        .collect();
    for i in 0..cases {
        let mut case = Case::new(&format!("p{i}"), "");
        for t in 1..=10 {
            case.scores
                .insert(format!("t{t}"), ((i * 7 + t * 3) % 11) as f64 - 5.0);
        }
        journey.cases.push(case);
    }
    journey
}

/// Frames, a little apart, until the journey is in (or a minute has passed).
fn wait_until_opened(harness: &mut Harness<'_, EmographApp>) -> usize {
    let started = Instant::now();
    let mut frames = 0;
    while harness.state().is_opening() && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
        frames += 1;
    }
    harness.step();
    frames
}

#[test]
fn a_large_journey_opens_behind_a_progress_window_while_the_window_keeps_drawing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("survey.ron");
    save_journey(&path, &survey(50_000)).unwrap();
    let mut harness = common::app_harness(dir.path(), None, SIZE);
    harness.run();
    let sample_title = harness.state().journey().title.clone();
    // Every file opens as a survey-sized one would.
    harness.state_mut().open_in_background_from = 1;

    click(&mut harness, "File");
    click(&mut harness, "Open… Ctrl+O");
    type_into(&mut harness, "Path:", &path.display().to_string());
    harness.get_by_label("Open").click();
    harness.step();
    harness.step();
    assert!(
        harness.state().is_opening(),
        "the file opens in the background"
    );
    assert!(harness.query_by_label("Opening survey.ron").is_some());
    assert!(harness.query_by_label("Stop waiting").is_some());
    assert!(
        harness.query_by_label_contains("survey.ron…").is_some(),
        "the status bar says what is opening"
    );
    // Meanwhile the journey that was open is still there, drawn.
    assert_eq!(harness.state().journey().title, sample_title);

    let frames = wait_until_opened(&mut harness);
    assert!(!harness.state().is_opening(), "opened within a minute");
    assert!(frames >= 1, "the window drew frames while the file loaded");
    assert_eq!(harness.state().journey().title, "Passenger survey");
    assert_eq!(harness.state().journey().cases.len(), 50_000);
    assert_eq!(harness.state().doc.path.as_deref(), Some(path.as_path()));
    assert!(harness.query_by_label("Opening survey.ron").is_none());
    assert!(
        harness.query_by_label_contains("Opened").is_some(),
        "the status bar says it opened"
    );
}

#[test]
fn a_large_file_that_does_not_load_keeps_the_open_journey_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("survey.ron");
    save_journey(&path, &survey(20_000)).unwrap();
    // One score far off the scale, deep in the file.
    let text = std::fs::read_to_string(&path).unwrap();
    let broken = text.replacen(
        "(id: \"p15000\", scores: [",
        "(id: \"p15000\", scores: [70, ",
        1,
    );
    assert_ne!(broken, text);
    std::fs::write(&path, broken).unwrap();
    let mut harness = common::app_harness(dir.path(), None, SIZE);
    harness.run();
    let before = harness.state().journey().clone();
    harness.state_mut().open_in_background_from = 1;

    harness.state_mut().open_path(&path);
    harness.step();
    wait_until_opened(&mut harness);
    harness.run();
    assert!(
        harness
            .query_by_label("Could not open survey.ron")
            .is_some()
    );
    assert_eq!(*harness.state().journey(), before, "the open journey stays");
}
