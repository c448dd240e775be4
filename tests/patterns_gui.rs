// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Patterns the room can trust: no pattern of one case, and the panel says why there are fewer
//! patterns and how distinct they are, in words.
#![cfg(feature = "gui")]

mod common;

use common::click;
use egui_kittest::kittest::Queryable as _;
use emograph::model::{Case, Journey, Phase, Touchpoint};

/// Four content customers, four who hit a deep trough at the till, and one who started angry
/// and left delighted.
fn journey() -> Journey {
    let mut journey = Journey {
        title: "Nine cases".into(),
        ..Journey::default()
    };
    journey.phases = vec![Phase::new("during", "During")];
    for i in 0..6 {
        journey.touchpoints.push(Touchpoint::new(
            &format!("t{i}"),
            &format!("Step {}", i + 1),
            "during",
        ));
    }
    let shapes: [[f64; 6]; 3] = [
        [3.0, 3.0, 3.5, 3.0, 3.0, 3.0],
        [2.0, -1.0, -4.0, -4.0, -1.0, 2.0],
        [-4.0, -2.5, -1.0, 1.0, 2.5, 4.0],
    ];
    let mut n = 0;
    for (shape, count) in shapes.iter().zip([4, 4, 1]) {
        for copy in 0..count {
            let mut case = Case::new(&format!("c{n}"), &format!("Customer {}", n + 1));
            for (i, score) in shape.iter().enumerate() {
                let wobble = f64::from(copy % 2) * 0.5;
                case.scores
                    .insert(format!("t{i}"), (score + wobble).min(5.0));
            }
            journey.cases.push(case);
            n += 1;
        }
    }
    journey
}

#[test]
fn automatic_patterns_never_hold_one_case_and_say_why_there_are_fewer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nine.ron");
    emograph::io::save_journey(&path, &journey()).unwrap();
    let mut harness = common::app_harness(dir.path(), Some(path), [1400.0, 900.0]);
    harness.run();
    click(&mut harness, "Patterns");
    harness.run();
    assert!(
        harness.query_by_label_contains("1 cases").is_none(),
        "no pattern of a single case"
    );
    assert!(
        harness
            .query_by_label_contains("a pattern needs at least 3")
            .is_some(),
        "the panel says why there are fewer patterns"
    );
    assert!(
        harness
            .query_by_label_contains("distinct patterns (silhouette")
            .is_some(),
        "how distinct the patterns are, in words"
    );
}
