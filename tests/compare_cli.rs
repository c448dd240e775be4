// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `emograph compare` run as a process: two survey waves in one CSV (a wave column) or in a
//! journey, one planted change, and the verdicts a process owner would read.

mod cli_common;
use cli_common::*;

use std::path::{Path, PathBuf};

use serde_json::Value;

const TOUCHPOINTS: [&str; 6] = ["Booking", "Arrival", "Wait", "Service", "Payment", "Home"];
const CENTRES: [f64; 6] = [1.0, 0.0, -2.0, 1.0, 0.0, 1.0];
/// The redesign: the wait is 2.5 points better in the second wave, nothing else changes.
const IMPROVED: usize = 2;

/// A CSV of two waves of 30 cases each, scores on 1..5 when `likert`, else on −5..+5.
fn waves_csv(dir: &Path, likert: bool) -> PathBuf {
    let mut rng = Rng(0x00DE_C0DE_2026);
    let mut text = format!("case,wave,{}\n", TOUCHPOINTS.join(","));
    for i in 0..60 {
        let wave = if i < 30 {
            "baseline 2026-11"
        } else {
            "after redesign 2027-03"
        };
        let cells: Vec<String> = CENTRES
            .iter()
            .enumerate()
            .map(|(t, &c)| {
                let lift = if i >= 30 && t == IMPROVED { 2.5 } else { 0.0 };
                let v = c + lift + (rng.unit() * 4.0 - 2.0);
                if likert {
                    // −5..+5 onto the 1..5 answers.
                    format!("{}", ((v + 5.0) / 2.5 + 1.0).round().clamp(1.0, 5.0))
                } else {
                    format!("{}", ((v * 2.0).round() / 2.0).clamp(-5.0, 5.0))
                }
            })
            .collect();
        text.push_str(&format!("c{i},{wave},{}\n", cells.join(",")));
    }
    let path = dir.join(if likert { "likert.csv" } else { "waves.csv" });
    std::fs::write(&path, text).expect("write the CSV");
    path
}

fn verdicts(report: &Value) -> Vec<(String, String)> {
    report["touchpoints"]
        .as_array()
        .expect("touchpoints")
        .iter()
        .map(|t| {
            (
                t["touchpoint"].as_str().unwrap_or_default().to_owned(),
                t["verdict"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn only_the_redesigned_touchpoint_is_better_in_the_second_wave() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = waves_csv(dir.path(), false);
    let csv = csv.to_str().expect("utf-8 path");
    let report = json(&emograph(&["compare", csv, "--format", "json"]));
    assert_eq!(report["from"], "baseline 2026-11");
    assert_eq!(report["to"], "after redesign 2027-03");
    assert_eq!(report["test"], "welch");
    assert_eq!(report["correction"], "holm");
    let verdicts = verdicts(&report);
    for (i, (id, verdict)) in verdicts.iter().enumerate() {
        let want = if i == IMPROVED {
            "better"
        } else {
            "not_significant"
        };
        assert_eq!(verdict, want, "{id}: {report}");
    }
    let wait = &report["touchpoints"][IMPROVED];
    let (low, high) = (wait["ci95"][0].as_f64(), wait["ci95"][1].as_f64());
    assert!(
        low.is_some_and(|l| l > 1.0) && high.is_some_and(|h| h < 4.0),
        "the interval holds the planted 2.5: {wait}"
    );

    // The table says it in words, for the room.
    let table = emograph(&["compare", csv]);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.contains("Holm-corrected"), "{text}");
    let wait_line = text.lines().find(|l| l.starts_with("Wait")).unwrap_or("");
    assert!(wait_line.ends_with("better"), "{text}");
}

#[test]
fn a_survey_on_a_five_point_scale_is_judged_by_ranks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = waves_csv(dir.path(), true);
    let csv = csv.to_str().expect("utf-8 path");
    let report = json(&emograph(&[
        "compare", csv, "--scale", "1..5", "--format", "json",
    ]));
    assert_eq!(report["test"], "mann_whitney");
    let better: Vec<String> = verdicts(&report)
        .into_iter()
        .filter(|(_, v)| v == "better" || v == "worse")
        .map(|(id, _)| id)
        .collect();
    assert_eq!(better, vec!["wait".to_owned()], "{report}");
}

#[test]
fn too_few_cases_or_unknown_groups_say_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = waves_csv(dir.path(), false);
    let csv = csv.to_str().expect("utf-8 path");
    let report = json(&emograph(&[
        "compare", csv, "--min-n", "40", "--format", "json",
    ]));
    for t in report["touchpoints"].as_array().expect("touchpoints") {
        assert_eq!(t["verdict"], "no_verdict");
        assert!(
            t["reason"]
                .as_str()
                .is_some_and(|r| r.contains("40 needed")),
            "{t}"
        );
    }
    let unknown = emograph(&["compare", csv, "--from", "baseline 2026-11", "--to", "2028"]);
    assert!(!unknown.status.success());
    let message = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        message.contains("no case is in wave \"2028\"") && message.contains("after redesign"),
        "{message}"
    );
    // Segments need naming when there are not exactly two; a journey without waves says how to
    // give them.
    let journey = emograph(&["compare", "journeys/cinema-evening.ron"]);
    assert!(!journey.status.success());
    assert!(
        String::from_utf8_lossy(&journey.stderr).contains("no case has a wave"),
        "{}",
        String::from_utf8_lossy(&journey.stderr)
    );
}

#[test]
fn waves_survive_import_into_a_journey() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = waves_csv(dir.path(), false);
    let ron = dir.path().join("waves.ron");
    let imported = emograph(&[
        "import",
        csv.to_str().expect("utf-8 path"),
        "-o",
        ron.to_str().expect("utf-8 path"),
    ]);
    assert!(imported.status.success(), "{imported:?}");
    let text = std::fs::read_to_string(&ron).expect("the journey");
    assert!(text.contains("wave: \"after redesign 2027-03\""), "{text}");
    let from_csv = json(&emograph(&[
        "compare",
        csv.to_str().unwrap_or_default(),
        "--format",
        "json",
    ]));
    let from_ron = json(&emograph(&[
        "compare",
        ron.to_str().unwrap_or_default(),
        "--format",
        "json",
    ]));
    assert_eq!(from_csv["touchpoints"], from_ron["touchpoints"]);
}
