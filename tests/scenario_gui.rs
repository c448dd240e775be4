// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The redesign loop in the GUI, driven by its labels: a flag's action becomes a to-be scenario
//! in one click and is drawn dashed over the overall view (and undone with the keyboard), and the
//! Waves view says which touchpoint changed between two survey waves and which did not.
#![cfg(feature = "gui")]

mod common;

use common::click;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use emograph::app::EmographApp;
use emograph::chart::CurveKey;
use emograph::model::{Case, FlagKind, Journey, Touchpoint};

const TOUCHPOINTS: [(&str, &str, f64); 4] = [
    ("booking", "Booking", 1.5),
    ("waiting", "Waiting room", -3.0),
    ("treatment", "Treatment", 2.5),
    ("home", "Home", 1.0),
];

/// Two waves of 20 patients: the waiting room is 3 points better in the second, nothing else
/// moves; a flag to prevent the waiting-room drop.
fn clinic() -> Journey {
    let mut journey = Journey {
        title: "Clinic visit".into(),
        ..Journey::default()
    };
    for (id, name, _) in TOUCHPOINTS {
        journey
            .touchpoints
            .push(Touchpoint::new(id, name, "during"));
    }
    for c in 0..40 {
        let after = c >= 20;
        let mut case = Case::new(&format!("c{c:02}"), "");
        case.wave = if after {
            "after 2027-03"
        } else {
            "baseline 2026-11"
        }
        .into();
        let noise = f64::from((c % 20) % 5) * 0.5 - 1.0;
        for (id, _, centre) in TOUCHPOINTS {
            let lift = if after && id == "waiting" { 3.0 } else { 0.0 };
            case.scores.insert(id.into(), centre + lift + noise);
        }
        journey.cases.push(case);
    }
    let flag = journey
        .new_flag("waiting", FlagKind::Negative, true)
        .unwrap();
    journey.flags.push(flag);
    assert!(journey.validate().is_empty(), "{:?}", journey.validate());
    journey
}

fn harness(dir: &std::path::Path) -> Harness<'static, EmographApp> {
    let file = dir.join("clinic.ron");
    emograph::io::save_journey(&file, &clinic()).unwrap();
    let mut harness = common::app_harness(dir, Some(file), [1400.0, 900.0]);
    harness.run();
    harness
}

fn to_be_drawn(harness: &mut Harness<'_, EmographApp>) -> bool {
    harness
        .state_mut()
        .scene()
        .curves
        .iter()
        .any(|c| c.key == CurveKey::ToBe && c.dashed)
}

#[test]
fn a_flags_action_becomes_a_to_be_drawn_dashed_over_the_overall_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    click(&mut harness, "Overall");
    assert!(!to_be_drawn(&mut harness));

    click(&mut harness, "Make a to-be scenario from a flag");
    click(&mut harness, "prevent: Waiting room");
    let scenarios = harness.state().journey().scenarios.clone();
    assert_eq!(scenarios.len(), 1, "one click made the scenario");
    assert_eq!(scenarios[0].changes.len(), 1);
    assert_eq!(scenarios[0].changes[0].touchpoint, "waiting");
    assert!(scenarios[0].changes[0].from_flag.is_some());
    assert!(to_be_drawn(&mut harness), "and it is drawn at once");
    let scene = harness.state_mut().scene().clone();
    let y_at = |key: CurveKey| {
        scene
            .curves
            .iter()
            .find(|c| c.key == key)
            .and_then(|c| c.points.iter().find(|p| p.touchpoint == 1))
            .map(|p| p.y)
            .unwrap()
    };
    assert!(
        y_at(CurveKey::ToBe) > y_at(CurveKey::Mean) + 2.0,
        "the waiting room's drop is prevented on the to-be"
    );

    // The checkbox hides and shows it; the flag is now in the scenario, so the menu is gone.
    click(&mut harness, "Draw to-be: to-be");
    assert!(!to_be_drawn(&mut harness));
    assert!(
        harness
            .query_by_label_contains("Add a flag's action")
            .is_none()
    );
    click(&mut harness, "Draw to-be: to-be");
    assert!(to_be_drawn(&mut harness));

    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().journey().scenarios.is_empty(), "undone");
    assert!(!to_be_drawn(&mut harness));
}

#[test]
fn the_waves_view_names_the_touchpoint_that_changed_and_no_other() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    click(&mut harness, "Waves");
    harness.get_by_label("baseline 2026-11 → after 2027-03");
    harness.get_by_label_contains("Waiting room: better +3.00");
    for other in ["Booking", "Treatment", "Home"] {
        harness.get_by_label_contains(&format!("{other}: no change shown"));
        assert!(
            harness
                .query_by_label_contains(&format!("{other}: better"))
                .is_none()
        );
    }
    let scene = harness.state_mut().scene().clone();
    assert_eq!(scene.curves.len(), 2, "one curve per wave");
    assert!(scene.subtitle.contains("significant: Waiting room better"));
}

/// The clinic with its waiting-room action done between the waves (due 2027-01-15) and a metric
/// that was to show it, measured before and after.
fn clinic_with_the_action_done() -> Journey {
    let mut journey = clinic();
    journey.metrics.push(emograph::model::Metric {
        id: "wait".into(),
        name: "Minutes in the waiting room".into(),
        unit: "min".into(),
        current: None,
        target: Some(10.0),
        better: emograph::model::Better::Lower,
        level: emograph::model::MetricLevel::Operational,
        sla: String::new(),
        owner: None,
        touchpoints: vec!["waiting".into()],
        history: vec![
            emograph::model::MetricValue {
                date: "2027-03-02".into(),
                value: 12.0,
            },
            emograph::model::MetricValue {
                date: "2026-11-03".into(),
                value: 35.0,
            },
        ],
    });
    let flag = &mut journey.flags[0];
    flag.status = emograph::model::Status::Done;
    flag.due = Some("2027-01-15".into());
    flag.metrics = vec!["wait".into()];
    assert!(journey.validate().is_empty(), "{:?}", journey.validate());
    journey
}

#[test]
fn the_owner_view_says_whether_a_done_action_worked_and_shows_its_metric_over_time() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("clinic.ron");
    emograph::io::save_journey(&file, &clinic_with_the_action_done()).unwrap();
    let mut harness = common::app_harness(dir.path(), Some(file), [1400.0, 900.0]);
    harness.run();
    click(&mut harness, "Owners & actions");
    harness.get_by_label_contains("did it work? baseline 2026-11 → after 2027-03: better +3.00");
    // By date, not by the order typed: first November's 35, then March's 12.
    harness.get_by_label_contains(
        "Minutes in the waiting room: 35 (2026-11-03) → 12 min (2027-03-02), target 10",
    );

    // Reopened: the action is back in progress, and the question is no longer asked.
    let flag_id = harness.state().journey().flags[0].id.clone();
    let mut journey = harness.state().journey().clone();
    journey.flags[0].status = emograph::model::Status::InProgress;
    let dir2 = tempfile::tempdir().unwrap();
    let file2 = dir2.path().join("clinic.ron");
    emograph::io::save_journey(&file2, &journey).unwrap();
    let mut reopened = common::app_harness(dir2.path(), Some(file2), [1400.0, 900.0]);
    reopened.run();
    click(&mut reopened, "Owners & actions");
    assert!(
        reopened.query_by_label_contains("did it work?").is_none(),
        "flag {flag_id} is not done: nothing to answer yet"
    );
}
