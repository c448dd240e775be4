// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `emograph critical` and `emograph owners`, run as processes on journeys the tests write.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use emograph::io::save_journey;
use emograph::model::{
    Action, Better, Case, Flag, FlagKind, Journey, Metric, MetricLevel, Owner, Status, Touchpoint,
};
use serde_json::Value;

const TOUCHPOINTS: [(&str, &str, Option<&str>); 6] = [
    ("choose", "Choosing the film", Some("digital")),
    ("tickets", "Buying tickets", Some("digital")),
    ("queue", "Snack bar queue", Some("fnb")),
    ("seat", "Finding the seat", Some("fnb")),
    ("film", "The film", Some("programming")),
    ("home", "The way home", None),
];

fn owner(id: &str, name: &str) -> Owner {
    Owner {
        id: id.to_owned(),
        name: name.to_owned(),
        role: "manager".to_owned(),
        process: format!("{name}'s process"),
    }
}

fn flag(id: &str, touchpoint: &str, kind: FlagKind, owner: Option<&str>, status: Status) -> Flag {
    Flag {
        id: id.to_owned(),
        touchpoint: touchpoint.to_owned(),
        kind,
        note: String::new(),
        owner: owner.map(str::to_owned),
        metrics: vec!["queue_wait".to_owned()],
        action: Action::ShortenResponse,
        action_text: format!("act on {touchpoint}"),
        due: Some("2027-01-15".to_owned()),
        status,
        detected: true,
    }
}

/// Twelve evenings with the same shape: fine, a sharp drop at the snack bar queue, recovery,
/// the film as the high point, home a little above neutral.
fn cinema() -> Journey {
    let mut journey = Journey {
        title: "Cinema test".to_owned(),
        ..Journey::default()
    };
    for (id, name, owner_id) in TOUCHPOINTS {
        let mut touchpoint = Touchpoint::new(id, name, "during");
        touchpoint.owner = owner_id.map(str::to_owned);
        journey.touchpoints.push(touchpoint);
    }
    journey.owners = vec![
        owner("digital", "Eitan Bar"),
        owner("fnb", "Lior Adler"),
        owner("programming", "Ruth Shani"),
    ];
    journey.metrics.push(Metric {
        id: "queue_wait".to_owned(),
        name: "Queue wait".to_owned(),
        unit: "min".to_owned(),
        current: Some(12.0),
        target: Some(5.0),
        better: Better::Lower,
        level: MetricLevel::Operational,
        sla: "served within 5 minutes".to_owned(),
        owner: Some("fnb".to_owned()),
        touchpoints: vec!["queue".to_owned()],
        history: Vec::new(),
    });
    journey.flags = vec![
        flag(
            "f_done",
            "queue",
            FlagKind::Negative,
            Some("fnb"),
            Status::Done,
        ),
        flag(
            "f_queue",
            "queue",
            FlagKind::Negative,
            Some("fnb"),
            Status::InProgress,
        ),
        flag(
            "f_open",
            "seat",
            FlagKind::Negative,
            Some("fnb"),
            Status::Open,
        ),
        flag("f_home", "home", FlagKind::Negative, None, Status::Open),
    ];
    let shape = [1.0, 1.5, -3.5, 0.5, 4.0, 1.0];
    for i in 0..12 {
        let mut case = Case::new(&format!("c{i}"), "");
        let wobble = (i % 3) as f64 * 0.25 - 0.25;
        for ((id, _, _), base) in TOUCHPOINTS.iter().zip(shape) {
            case.scores
                .insert((*id).to_owned(), (base + wobble).clamp(-5.0, 5.0));
        }
        journey.cases.push(case);
    }
    journey
}

fn write(dir: &Path, name: &str, journey: &Journey) -> PathBuf {
    let path = dir.join(name);
    save_journey(&path, journey).expect("write test journey");
    path
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_emograph"))
        .args(args)
        .output()
        .expect("run emograph")
}

fn json_of(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("valid JSON")
}

fn points_of<'a>(value: &'a Value, scope: &str) -> Vec<&'a Value> {
    value["points"]
        .as_array()
        .expect("points array")
        .iter()
        .filter(|p| p["scope"] == scope)
        .collect()
}

fn top<'a>(points: &[&'a Value], kind: &str) -> &'a Value {
    points
        .iter()
        .filter(|p| p["kind"] == kind)
        .min_by_key(|p| p["rank"].as_u64())
        .copied()
        .unwrap_or_else(|| panic!("no {kind} point in {points:?}"))
}

#[test]
fn critical_json_names_the_drop_and_the_peak_with_owner_metric_and_flag() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(dir.path(), "cinema.ron", &cinema());
    let value = json_of(&run(&[
        "critical",
        file.to_str().unwrap(),
        "--format",
        "json",
    ]));

    let overall = points_of(&value, "overall");
    let drop = top(&overall, "negative");
    assert_eq!(drop["touchpoint"], "queue");
    for key in ["depth", "delta", "share_of_cases", "score"] {
        assert!(drop[key].is_number(), "{key} in {drop}");
    }
    assert!(drop["delta"].as_f64().unwrap() < -4.0);
    assert_eq!(drop["share_of_cases"], 1.0);
    let turning: Vec<&str> = drop["turning"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        turning.contains(&"drop") && turning.contains(&"trough"),
        "{turning:?}"
    );
    // Issue 6: who owns it, what measures it, what the team is doing about it.
    assert_eq!(drop["owner"]["id"], "fnb");
    assert_eq!(drop["owner"]["name"], "Lior Adler");
    assert_eq!(drop["metrics"][0]["id"], "queue_wait");
    assert_eq!(drop["metrics"][0]["current"], 12.0);
    assert_eq!(drop["metrics"][0]["target"], 5.0);
    assert_eq!(drop["metrics"][0]["gap"], 7.0);
    assert_eq!(drop["metrics"][0]["on_track"], false);
    assert_eq!(drop["flag"]["id"], "f_queue", "the unfinished flag wins");
    assert_eq!(drop["flag"]["status"], "in progress");

    let peak = top(&overall, "positive");
    assert_eq!(peak["touchpoint"], "film");
    assert_eq!(peak["owner"]["name"], "Ruth Shani");
    assert!(peak["flag"].is_null());
    assert!(peak["metrics"].as_array().unwrap().is_empty());

    // Everyone told the same story: one pattern, with the same points.
    let pattern = points_of(&value, "pattern:1");
    assert_eq!(top(&pattern, "negative")["touchpoint"], "queue");
    assert_eq!(top(&pattern, "positive")["touchpoint"], "film");
    // Ranks within a scope run 1, 2, 3 …
    let ranks: Vec<u64> = overall.iter().filter_map(|p| p["rank"].as_u64()).collect();
    assert_eq!(ranks, (1..=overall.len() as u64).collect::<Vec<_>>());
    assert!(value["prone"].is_array());
}

#[test]
fn prone_touchpoints_appear_in_json_and_table() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut journey = cinema();
    // Half the evenings end furious on the way home, half happy: the mean hides it.
    for (i, case) in journey.cases.iter_mut().enumerate() {
        let home = if i % 2 == 0 { -4.0 } else { 4.0 };
        case.scores.insert("home".to_owned(), home);
    }
    let file = write(dir.path(), "split.ron", &journey);
    let value = json_of(&run(&[
        "critical",
        file.to_str().unwrap(),
        "--format",
        "json",
        "--k",
        "1",
    ]));
    let prone = value["prone"].as_array().unwrap();
    let home = prone
        .iter()
        .find(|p| p["touchpoint"] == "home")
        .unwrap_or_else(|| panic!("home not prone: {prone:?}"));
    assert_eq!(home["share_angry"], 0.5);
    assert!(home["spread"].as_f64().unwrap() > 4.0);

    let table = run(&["critical", file.to_str().unwrap()]);
    assert!(table.status.success());
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.contains("Snack bar queue"), "{text}");
    assert!(text.contains("Prone to trouble"), "{text}");
    assert!(text.contains("The way home"), "{text}");
    assert!(text.contains("Lior Adler"), "{text}");
}

#[test]
fn a_flat_journey_has_no_critical_points() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut journey = cinema();
    for case in &mut journey.cases {
        for score in case.scores.values_mut() {
            *score = 1.0;
        }
    }
    let file = write(dir.path(), "flat.ron", &journey);
    let value = json_of(&run(&[
        "critical",
        file.to_str().unwrap(),
        "--format",
        "json",
    ]));
    assert_eq!(value["points"], Value::Array(Vec::new()));
    assert_eq!(value["prone"], Value::Array(Vec::new()));
}

#[test]
fn owners_json_shows_each_owners_points_metrics_and_open_actions_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(dir.path(), "cinema.ron", &cinema());
    let value = json_of(&run(&[
        "owners",
        file.to_str().unwrap(),
        "--format",
        "json",
    ]));
    let owners = value["owners"].as_array().unwrap();
    assert_eq!(owners.len(), 3);
    let fnb = owners.iter().find(|o| o["id"] == "fnb").expect("fnb");
    assert_eq!(fnb["name"], "Lior Adler");
    let touchpoints: Vec<&str> = fnb["touchpoints"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["id"].as_str())
        .collect();
    assert_eq!(touchpoints, vec!["queue", "seat"]);
    let critical = fnb["critical"].as_array().unwrap();
    assert!(
        critical
            .iter()
            .any(|p| p["touchpoint"] == "queue" && p["kind"] == "negative")
    );
    assert!(
        critical
            .iter()
            .all(|p| p["touchpoint"] == "queue" || p["touchpoint"] == "seat")
    );
    assert_eq!(fnb["metrics"][0]["gap"], 7.0);
    assert_eq!(fnb["metrics"][0]["on_track"], false);
    let flags: Vec<&str> = fnb["flags"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["id"].as_str())
        .collect();
    assert_eq!(flags, vec!["f_open", "f_queue", "f_done"]);

    let unowned = &value["unowned"];
    assert_eq!(unowned["touchpoints"][0]["id"], "home");
    assert_eq!(unowned["flags"][0]["id"], "f_home");

    // One owner only.
    let one = json_of(&run(&[
        "owners",
        file.to_str().unwrap(),
        "--owner",
        "programming",
        "--format",
        "json",
    ]));
    let owners = one["owners"].as_array().unwrap();
    assert_eq!(owners.len(), 1);
    assert_eq!(owners[0]["id"], "programming");
    assert!(
        owners[0]["critical"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["touchpoint"] == "film")
    );
}

#[test]
fn owners_table_and_unknown_owner() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = write(dir.path(), "cinema.ron", &cinema());
    let table = run(&["owners", file.to_str().unwrap()]);
    assert!(table.status.success());
    let text = String::from_utf8_lossy(&table.stdout);
    for expected in [
        "Lior Adler (fnb)",
        "Queue wait",
        "in progress",
        "Unowned",
        "The way home",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }

    let unknown = run(&["owners", file.to_str().unwrap(), "--owner", "nobody"]);
    assert!(!unknown.status.success());
    let message = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        message.contains("nobody") && message.contains("fnb"),
        "{message}"
    );
}

#[test]
fn a_broken_file_gives_a_located_error_not_a_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("broken.ron");
    std::fs::write(
        &file,
        "(version: 1, title: \"x\", touchpoints: [(id: \"a\" name: \"b\")])",
    )
    .expect("write");
    for verb in ["critical", "owners"] {
        let output = run(&[verb, file.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1), "{verb}");
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(message.contains("broken.ron:1:"), "{verb}: {message}");
    }
}

#[test]
fn pattern_numbers_match_emograph_patterns() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut journey = cinema();
    // A second group: the snack bar is fine for them, but the way home is a disaster.
    for i in 0..8 {
        let mut case = Case::new(&format!("late{i}"), "");
        let wobble = (i % 2) as f64 * 0.5;
        for ((id, _, _), base) in TOUCHPOINTS.iter().zip([2.0, 2.0, 1.5, 1.0, 3.0, -4.0]) {
            case.scores.insert((*id).to_owned(), base - wobble);
        }
        journey.cases.push(case);
    }
    let file = write(dir.path(), "two.ron", &journey);
    let path = file.to_str().unwrap();
    let patterns = json_of(&run(&["patterns", path, "--format", "json", "--k", "2"]));
    let critical = json_of(&run(&["critical", path, "--format", "json", "--k", "2"]));
    let pattern_list = patterns["patterns"].as_array().expect("patterns");
    assert_eq!(pattern_list.len(), 2, "{patterns}");
    let index_of = |id: &str| {
        TOUCHPOINTS
            .iter()
            .position(|(t, _, _)| *t == id)
            .expect("known id")
    };
    let mut checked = 0;
    for point in critical["points"].as_array().unwrap() {
        let Some(n) = point["scope"]
            .as_str()
            .and_then(|s| s.strip_prefix("pattern:"))
        else {
            continue;
        };
        let n: usize = n.parse().expect("pattern number");
        let pattern = pattern_list
            .iter()
            .find(|p| p["id"] == n)
            .expect("same pattern");
        let touchpoint = index_of(point["touchpoint"].as_str().unwrap());
        let mean = pattern["mean"][touchpoint].as_f64().unwrap();
        assert!(
            (mean - point["value"].as_f64().unwrap()).abs() < 1e-3,
            "{point} vs {pattern}"
        );
        checked += 1;
    }
    assert!(checked >= 4, "{critical}");
    // The late group's pattern has the way home as its top negative point.
    let late = pattern_list
        .iter()
        .find(|p| p["mean"][5].as_f64().unwrap() < -3.0)
        .expect("late pattern");
    let scope = format!("pattern:{}", late["id"]);
    let points = points_of(&critical, &scope);
    assert_eq!(top(&points, "negative")["touchpoint"], "home");
}

/// One analysis: for the same `--k` and `--segment`, `stats`, `patterns` and `critical` print
/// what `Analysis::compute` (the GUI's, the report's and the charts' analysis) finds.
#[test]
fn every_verb_prints_the_one_analysis_for_its_setting() {
    use emograph::analysis::{Analysis, AnalysisSettings};
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/cinema-evening.ron");
    let path = file.to_str().expect("a UTF-8 path");
    let settings = AnalysisSettings {
        k: Some(2),
        segment: Some("Family".into()),
        ..AnalysisSettings::default()
    };
    let whole = emograph::io::load_dataset(&file, &Default::default()).expect("the sample loads");
    let analysis = Analysis::compute(whole, &settings);
    assert_eq!(analysis.dataset.case_ids.len(), 5, "the family cases");
    let setting = ["--k", "2", "--segment", "Family", "--format", "json"];

    let stats = json_of(&run(&[&["stats", path][..], &setting[2..]].concat()));
    let means: Vec<Option<f64>> = stats["touchpoints"]
        .as_array()
        .expect("touchpoints")
        .iter()
        .map(|t| t["mean"].as_f64())
        .collect();
    let expected: Vec<Option<f64>> = analysis.stats.iter().map(|s| s.mean).collect();
    assert_eq!(means, expected);

    let patterns = json_of(&run(&[&["patterns", path][..], &setting[..]].concat()));
    let found: Vec<(u64, u64)> = patterns["patterns"]
        .as_array()
        .expect("patterns")
        .iter()
        .map(|p| (p["id"].as_u64().unwrap_or(0), p["n"].as_u64().unwrap_or(0)))
        .collect();
    let expected: Vec<(u64, u64)> = analysis
        .patterns
        .patterns
        .iter()
        .map(|p| (p.id as u64, p.n as u64))
        .collect();
    assert_eq!(found, expected);

    let critical = json_of(&run(&[&["critical", path][..], &setting[..]].concat()));
    let points: Vec<(String, String, u64)> = critical["points"]
        .as_array()
        .expect("points")
        .iter()
        .map(|p| {
            (
                p["scope"].as_str().unwrap_or_default().to_owned(),
                p["touchpoint"].as_str().unwrap_or_default().to_owned(),
                p["rank"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let journey = &analysis.dataset.journey;
    let expected: Vec<(String, String, u64)> = analysis
        .critical
        .points
        .iter()
        .map(|p| {
            (
                p.scope.to_string(),
                journey
                    .touchpoints
                    .get(p.touchpoint)
                    .map_or_else(String::new, |t| t.id.clone()),
                p.rank as u64,
            )
        })
        .collect();
    assert_eq!(points, expected);
}
