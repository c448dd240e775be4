// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Patterns the room can name: "frustrated families" typed into the selected pattern stays with
//! those cases when a new case makes the patterns recompute, is saved with the journey, and
//! titles the pattern in the report.
#![cfg(feature = "gui")]

mod common;

use common::click;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use emograph::app::EmographApp;
use emograph::model::{Case, Journey, Phase, Touchpoint};

const TROUGH: [f64; 6] = [2.0, -1.0, -4.0, -4.0, -1.0, 2.0];

/// Six families who hit a deep trough at the till, and three content regulars.
fn journey() -> Journey {
    let mut journey = Journey {
        title: "Supermarket".into(),
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
    let content = [3.0, 3.0, 3.5, 3.0, 3.0, 3.0];
    for n in 0u32..9 {
        let (shape, name) = if n < 6 {
            (TROUGH, format!("Family {}", n + 1))
        } else {
            (content, format!("Regular {}", n - 5))
        };
        let mut case = Case::new(&format!("c{n}"), &name);
        for (i, score) in shape.iter().enumerate() {
            // Two customers never feel exactly alike; the groups stay far apart.
            let wobble = f64::from((n * 7 + i as u32) % 3) * 0.1;
            case.scores
                .insert(format!("t{i}"), (score + wobble).min(5.0));
        }
        journey.cases.push(case);
    }
    journey
}

fn type_slowly(harness: &mut Harness<'_, EmographApp>, text: &str) {
    for c in text.chars() {
        harness.event(egui::Event::Text(c.to_string()));
        harness.step();
        harness.run();
    }
}

#[test]
fn a_named_pattern_keeps_its_name_through_a_recompute_the_file_and_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("supermarket.ron");
    emograph::io::save_journey(&path, &journey()).unwrap();
    let mut harness = common::app_harness(dir.path(), Some(path.clone()), [1400.0, 900.0]);
    harness.run();
    click(&mut harness, "Patterns");
    harness.run();
    harness
        .get_by_label_contains("Pattern 1 · 67% · 6 cases")
        .click();
    harness.run();
    harness.get_by_label("Pattern name").click();
    harness.run();
    type_slowly(&mut harness, "frustrated families");
    harness.key_press(Key::Enter);
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("Pattern 1 · frustrated families · 67% · 6 cases")
            .next()
            .is_some(),
        "the list names the pattern"
    );

    // A seventh family called out by the room: the patterns are computed again, and the name
    // stays with the group that is mostly the same people.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    harness.run();
    type_slowly(&mut harness, "Family 7");
    harness.key_press(Key::Enter);
    harness.run();
    for score in TROUGH {
        type_slowly(&mut harness, &score.to_string());
        harness.key_press(Key::Enter);
        harness.run();
    }
    harness.key_press(Key::Escape);
    harness.run();
    click(&mut harness, "Patterns");
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("Pattern 1 · frustrated families · 70% · 7 cases")
            .next()
            .is_some(),
        "the name follows its cases through the recompute"
    );
    assert!(
        // The list's entry, and the chart's curve as an accessible node.
        harness
            .query_all_by_label_contains("Pattern 2 · 30% · 3 cases")
            .next()
            .is_some(),
        "the other pattern has no name"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = emograph::io::load_journey(&path).unwrap();
    assert_eq!(saved.pattern_names.len(), 1);
    assert_eq!(saved.pattern_names[0].name, "frustrated families");
    assert_eq!(
        saved.pattern_names[0].members.len(),
        6,
        "the cases it was named with"
    );

    let analysis = emograph::analysis::Analysis::compute(
        emograph::analysis::Dataset::from_journey(saved),
        &Default::default(),
    );
    let html = emograph::export::report::render_report(&analysis).unwrap();
    assert!(
        html.contains("<h3>Pattern 1 · frustrated families · 70% · 7 cases</h3>"),
        "the report titles the pattern with its name"
    );
}
