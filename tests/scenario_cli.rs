// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `emograph scenario` run as a process: a journey with a planted drop at the wait and a flag
//! to prevent it, turned into a scenario; what a process owner reads before and after.

mod cli_common;
use cli_common::*;

use std::path::{Path, PathBuf};

use emograph::io::save_journey;
use emograph::model::{Case, Change, ChangeKind, FlagKind, Journey, Scenario, Touchpoint};
use serde_json::Value;

const TOUCHPOINTS: [&str; 5] = ["book", "arrive", "wait", "service", "home"];
/// The planted shape: a steep drop into the wait (from +2 to −3.5), recovered by the service.
const CENTRES: [f64; 5] = [1.5, 2.0, -3.5, 2.5, 1.0];

fn journey() -> Journey {
    let mut journey = Journey {
        title: "Clinic visit".into(),
        ..Journey::default()
    };
    for id in TOUCHPOINTS {
        let mut name = id.to_owned();
        name[..1].make_ascii_uppercase();
        journey
            .touchpoints
            .push(Touchpoint::new(id, &name, "during"));
    }
    let mut rng = Rng(0x5CE7_A210);
    for c in 0..40 {
        let mut case = Case::new(&format!("c{c:02}"), "");
        for (id, centre) in TOUCHPOINTS.iter().zip(CENTRES) {
            let score = (rng.around(centre, 0.75) * 2.0).round() / 2.0;
            case.scores.insert((*id).to_owned(), score.clamp(-5.0, 5.0));
        }
        journey.cases.push(case);
    }
    let mut flag = journey.new_flag("wait", FlagKind::Negative, true).unwrap();
    flag.id = "f-wait".into();
    journey.flags.push(flag.clone());
    let mut peak = journey
        .new_flag("service", FlagKind::Positive, true)
        .unwrap();
    peak.id = "f-service".into();
    journey.flags.push(peak.clone());
    journey.scenarios = vec![
        Scenario {
            id: "tobe".into(),
            name: "to-be 2027".into(),
            changes: vec![Change::from_flag(&flag)],
        },
        Scenario {
            id: "soft".into(),
            name: "Faster call-back".into(),
            changes: vec![
                Change {
                    touchpoint: "wait".into(),
                    kind: ChangeKind::ShortenResponse { factor: 0.5 },
                    from_flag: None,
                },
                Change::from_flag(&peak),
            ],
        },
    ];
    assert!(journey.validate().is_empty(), "{:?}", journey.validate());
    journey
}

fn write(dir: &Path, journey: &Journey) -> PathBuf {
    let path = dir.join("clinic.ron");
    save_journey(&path, journey).expect("write test journey");
    path
}

fn scope<'a>(scenario: &'a Value, name: &str) -> &'a Value {
    scenario["scopes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["scope"] == name)
        .unwrap_or_else(|| panic!("no scope {name} in {scenario}"))
}

fn curve_at(scope: &Value, touchpoint: &str, when: &str) -> f64 {
    scope["curve"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["touchpoint"] == touchpoint)
        .unwrap()[when]
        .as_f64()
        .unwrap()
}

#[test]
fn a_prevented_drop_is_gone_from_the_to_be_curve_and_its_critical_points() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), &journey());
    let out = json(&emograph(&[
        "scenario",
        file.to_str().unwrap(),
        "--scenario",
        "TO-BE 2027",
        "--format",
        "json",
    ]));
    assert_eq!(out["schema_version"], 2);
    let scenarios = out["scenarios"].as_array().unwrap();
    assert_eq!(scenarios.len(), 1, "only the one named (by name, any case)");
    let tobe = &scenarios[0];
    assert_eq!(tobe["id"], "tobe");
    let change = &tobe["changes"][0];
    assert_eq!(change["kind"], "prevent");
    assert_eq!(change["from_flag"], "f-wait");
    assert_eq!(change["cases_changed"], 40);
    assert!(
        change["critical_before"]
            .as_array()
            .unwrap()
            .contains(&"overall".into()),
        "{change}"
    );
    assert_eq!(change["critical_after"], Value::Array(Vec::new()));
    assert!(
        !tobe["critical_after"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["touchpoint"] == "wait" && p["kind"] == "negative"),
        "{}",
        tobe["critical_after"]
    );

    let overall = scope(tobe, "overall");
    assert_eq!(overall["cases"], 40);
    let (before, after) = (
        curve_at(overall, "wait", "before"),
        curve_at(overall, "wait", "after"),
    );
    assert!(before < -3.0 && after > 1.5, "{before} → {after}");
    for untouched in ["book", "arrive", "service", "home"] {
        assert_eq!(
            curve_at(overall, untouched, "before"),
            curve_at(overall, untouched, "after"),
            "{untouched} is not changed"
        );
    }
    let pair = |what: &str| {
        (
            overall[what]["before"].as_f64().unwrap(),
            overall[what]["after"].as_f64().unwrap(),
        )
    };
    let (mean_before, mean_after) = pair("mean");
    assert!(mean_after > mean_before);
    let (remembered_before, remembered_after) = pair("remembered");
    assert!(
        remembered_after - remembered_before > 1.5,
        "the worst moment is gone: {remembered_before} → {remembered_after}"
    );
    assert!(
        tobe["scopes"].as_array().unwrap().len() >= 2,
        "patterns too"
    );
}

#[test]
fn every_scenario_by_default_and_the_table_says_it_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), &journey());
    let out = json(&emograph(&[
        "scenario",
        file.to_str().unwrap(),
        "--format",
        "json",
    ]));
    let names: Vec<&str> = out["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["to-be 2027", "Faster call-back"]);
    let soft = &out["scenarios"][1];
    assert_eq!(soft["changes"][0]["factor"], 0.5);
    assert_eq!(soft["changes"][1]["kind"], "amplify");
    assert_eq!(soft["changes"][1]["by"], 1.0);
    let overall = scope(soft, "overall");
    let (before, after) = (
        curve_at(overall, "wait", "before"),
        curve_at(overall, "wait", "after"),
    );
    assert!(
        after > before + 2.0 && after < 1.5,
        "softened, not gone: {after}"
    );
    assert!(curve_at(overall, "service", "after") > curve_at(overall, "service", "before"));

    let table = emograph(&["scenario", file.to_str().unwrap()]);
    assert!(table.status.success());
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.contains("Scenario to-be 2027 (tobe)"), "{text}");
    assert!(text.contains("shorten response ×0.5"), "{text}");
    assert!(text.contains("remembered"), "{text}");
}

#[test]
fn no_scenarios_an_unknown_name_or_a_bad_factor_is_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), &journey());
    let unknown = emograph(&["scenario", file.to_str().unwrap(), "--scenario", "2030"]);
    assert!(!unknown.status.success());
    let message = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        message.contains("no scenario \"2030\"") && message.contains("\"to-be 2027\" (tobe)"),
        "{message}"
    );

    let mut bare = journey();
    bare.scenarios.clear();
    let bare_file = dir.path().join("bare.ron");
    save_journey(&bare_file, &bare).unwrap();
    let none = emograph(&["scenario", bare_file.to_str().unwrap()]);
    assert!(!none.status.success());
    assert!(String::from_utf8_lossy(&none.stderr).contains("has no scenarios"));

    // A factor above 1 written by hand: refused where it stands, by line and column.
    let text = std::fs::read_to_string(&file).unwrap();
    let broken = text.replace("factor: 0.5", "factor: 1.5");
    assert_ne!(broken, text);
    let broken_file = dir.path().join("broken.ron");
    std::fs::write(&broken_file, &broken).unwrap();
    let refused = emograph(&["scenario", broken_file.to_str().unwrap()]);
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr).into_owned();
    let line = broken
        .lines()
        .position(|l| l.contains("factor: 1.5"))
        .unwrap()
        + 1;
    assert!(
        message.contains(&format!("broken.ron:{line}:")) && message.contains("not between 0 and 1"),
        "{message}"
    );
    let check = emograph(&["check", broken_file.to_str().unwrap()]);
    assert!(!check.status.success());
}

#[test]
fn a_bad_wave_date_or_metric_value_date_is_located_by_check() {
    let dir = tempfile::tempdir().unwrap();
    let mut journey = journey();
    journey.waves.push(emograph::model::Wave {
        label: "baseline".into(),
        date: Some("2026-11-05".into()),
    });
    journey.metrics.push(emograph::model::Metric {
        id: "wait_min".into(),
        name: "Minutes waiting".into(),
        unit: "min".into(),
        current: None,
        target: Some(10.0),
        better: emograph::model::Better::Lower,
        level: Default::default(),
        sla: String::new(),
        owner: None,
        touchpoints: vec!["wait".into()],
        history: vec![emograph::model::MetricValue {
            date: "2026-12-01".into(),
            value: 25.0,
        }],
    });
    let file = write(dir.path(), &journey);
    let good = emograph(&["check", file.to_str().unwrap()]);
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stdout)
    );
    let text = std::fs::read_to_string(&file).unwrap();
    let broken = text
        .replace("\"2026-11-05\"", "\"2026-13-05\"")
        .replace("\"2026-12-01\"", "\"1 Dec\"");
    std::fs::write(&file, &broken).unwrap();
    let out = emograph(&["check", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    for (needle, what) in [("\"2026-13-05\"", "2026-13-05"), ("\"1 Dec\"", "1 Dec")] {
        let line = broken.lines().position(|l| l.contains(needle)).unwrap() + 1;
        assert!(
            report.contains(&format!("clinic.ron:{line}:"))
                && report.contains(&format!("{what:?} is not a date like 2026-12-31")),
            "{what}: {report}"
        );
    }
}
