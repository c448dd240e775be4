// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Every verb's JSON starts the same way — `schema_version`, the number of cases, the scale and
//! the options used — and a refusal with `--format json` is JSON too, with its place.

use std::process::Command;

use serde_json::Value;

fn emograph(args: &[&str]) -> (Option<i32>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_emograph"))
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

fn survey() -> String {
    let mut text = String::from("case,segment,Wifi,Food,Seat,Satisfied\n");
    for i in 0..40 {
        let wifi = 1 + i % 5;
        let food = 1 + (i * 3) % 5;
        let seat = if i % 7 == 0 {
            "0".to_owned()
        } else {
            (5 - i % 5).to_string()
        };
        let segment = if i % 2 == 0 { "business" } else { "economy" };
        let satisfied = if wifi >= 3 { "yes" } else { "no" };
        text.push_str(&format!(
            "c{i},{segment},{wifi},{food},{seat},{satisfied}\n"
        ));
    }
    text
}

/// The options that read [`survey`]: its 1–5 scale, 0 as not applicable, its three touchpoints.
const SURVEY_OPTIONS: [&str; 6] = [
    "--scale",
    "1..5",
    "--na",
    "0",
    "--touchpoints",
    "Wifi,Food,Seat",
];

#[test]
fn every_verbs_json_carries_the_schema_version_cases_scale_and_options() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("survey.csv");
    std::fs::write(&csv, survey()).unwrap();
    let file = csv.to_str().unwrap();
    let common = [
        "--scale",
        "1..5",
        "--na",
        "0",
        "--touchpoints",
        "Wifi,Food,Seat",
        "--format",
        "json",
    ];
    for verb in [
        vec!["stats", file],
        vec!["patterns", file, "--k", "2"],
        vec!["critical", file, "--k", "2"],
        vec!["drivers", file, "--k", "2", "--outcome", "Satisfied"],
        vec!["owners", file, "--k", "2"],
        vec!["compare", file, "--by", "segment"],
    ] {
        let mut args = verb.clone();
        args.extend(common);
        let (code, stdout) = emograph(&args);
        assert_eq!(code, Some(0), "{verb:?}: {stdout}");
        let json: Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(json["schema_version"], 2, "{verb:?}");
        assert_eq!(json["cases"], 40, "{verb:?}");
        assert_eq!(json["scale"]["min"], -5.0, "{verb:?}");
        assert_eq!(json["scale"]["source"]["min"], 1.0, "{verb:?}");
        assert_eq!(json["scale"]["source"]["max"], 5.0, "{verb:?}");
        assert_eq!(json["in_time_order"], true, "{verb:?}");
        assert_eq!(json["options"]["scale"], "1..5", "{verb:?}");
        assert_eq!(json["options"]["na"][0], "0", "{verb:?}");
        assert_eq!(json["options"]["touchpoints"], "Wifi,Food,Seat", "{verb:?}");
        assert_every_number_has_at_most_twelve_significant_digits(&json, &verb);
        if !["stats", "compare"].contains(&verb[0]) {
            assert_eq!(json["options"]["k"], 2, "{verb:?}");
        }
    }
}

#[test]
fn a_refusal_with_format_json_is_json_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("broken.csv");
    std::fs::write(&csv, "case,a,b\nc1,1,2\nc2,3,lots\n").unwrap();
    for verb in ["stats", "patterns", "critical", "drivers"] {
        let (code, stdout) = emograph(&[verb, csv.to_str().unwrap(), "--format", "json"]);
        assert_eq!(code, Some(1), "{verb}");
        let json: Value = serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("{verb}: not JSON ({e}): {stdout}"));
        assert_eq!(json["schema_version"], 2, "{verb}");
        let message = json["error"]["message"].as_str().unwrap();
        assert!(message.contains("broken.csv:3:3:"), "{verb}: {message}");
    }
    let (_, stdout) = emograph(&["stats", csv.to_str().unwrap(), "--format", "json"]);
    let json: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["error"]["problems"][0]["line"], 3);
    assert_eq!(json["error"]["problems"][0]["column"], 3);
}

/// The contract's one numeric rule: no number carries more than 12 significant digits.
fn assert_every_number_has_at_most_twelve_significant_digits(value: &Value, verb: &[&str]) {
    match value {
        Value::Number(n) => {
            let text = n.to_string();
            let mantissa = text.split(['e', 'E']).next().unwrap();
            let digits = mantissa
                .chars()
                .filter(char::is_ascii_digit)
                .collect::<String>();
            let significant = digits.trim_start_matches('0').len();
            assert!(significant <= 12, "{verb:?}: {text}");
        }
        Value::Array(items) => items
            .iter()
            .for_each(|v| assert_every_number_has_at_most_twelve_significant_digits(v, verb)),
        Value::Object(map) => map
            .values()
            .for_each(|v| assert_every_number_has_at_most_twelve_significant_digits(v, verb)),
        _ => {}
    }
}

#[test]
fn pattern_curves_carry_touchpoint_ids_and_every_k_tried_has_its_silhouette() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("survey.csv");
    std::fs::write(&csv, survey()).unwrap();
    let file = csv.to_str().unwrap();
    let options = SURVEY_OPTIONS;
    let (code, stdout) = emograph(
        &[
            &["patterns", file, "--k", "auto", "--format", "json"][..],
            &options[..],
        ]
        .concat(),
    );
    assert_eq!(code, Some(0), "{stdout}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    let ids: Vec<&str> = json["touchpoints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 3);
    for pattern in json["patterns"].as_array().unwrap() {
        let curve = pattern["curve"].as_array().unwrap();
        let curve_ids: Vec<&str> = curve
            .iter()
            .map(|p| p["touchpoint"].as_str().unwrap())
            .collect();
        assert_eq!(curve_ids, ids);
        for (point, mean) in curve.iter().zip(pattern["mean"].as_array().unwrap()) {
            assert_eq!(&point["mean"], mean);
        }
    }
    // auto tries k = 2..8 (fewer when the sample has fewer distinct curves), each reported.
    let tried: Vec<u64> = json["silhouettes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["k"].as_u64().unwrap())
        .collect();
    assert!(tried.len() >= 2 && tried[0] == 2, "{tried:?}");
    for s in json["silhouettes"].as_array().unwrap() {
        let score = s["silhouette"].as_f64().unwrap();
        assert!((-1.0..=1.0).contains(&score), "{s}");
    }
    if json["k"].as_u64().unwrap() > 1 {
        let chosen = json["silhouettes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["k"] == json["k"])
            .unwrap();
        assert_eq!(chosen["silhouette"], json["silhouette"]);
    }
    // A k given: its one silhouette.
    let (_, stdout) = emograph(
        &[
            &["patterns", file, "--k", "3", "--format", "json"][..],
            &options[..],
        ]
        .concat(),
    );
    let json: Value = serde_json::from_str(&stdout).unwrap();
    let tried = json["silhouettes"].as_array().unwrap();
    assert_eq!(tried.len(), 1, "{tried:?}");
    assert_eq!(tried[0]["k"], 3);
}

#[test]
fn owners_and_scenario_read_a_csv_with_the_data_verbs_options() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("survey.csv");
    std::fs::write(&csv, survey()).unwrap();
    let file = csv.to_str().unwrap();
    let options = SURVEY_OPTIONS;
    let (code, stdout) =
        emograph(&[&["owners", file, "--format", "json"][..], &options[..]].concat());
    assert_eq!(code, Some(0), "{stdout}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    let unowned: Vec<&str> = json["unowned"]["touchpoints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(unowned, ["Wifi", "Food", "Seat"]);
    // scenario takes them too (a CSV has no scenarios: refused as JSON, not as a usage error).
    let (code, stdout) =
        emograph(&[&["scenario", file, "--format", "json"][..], &options[..]].concat());
    assert_eq!(code, Some(1), "{stdout}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["schema_version"], 2);
}
