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
    ] {
        let mut args = verb.clone();
        args.extend(common);
        let (code, stdout) = emograph(&args);
        assert_eq!(code, Some(0), "{verb:?}: {stdout}");
        let json: Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(json["schema_version"], 1, "{verb:?}");
        assert_eq!(json["cases"], 40, "{verb:?}");
        assert_eq!(json["scale"]["min"], -5.0, "{verb:?}");
        assert_eq!(json["scale"]["source"]["min"], 1.0, "{verb:?}");
        assert_eq!(json["scale"]["source"]["max"], 5.0, "{verb:?}");
        assert_eq!(json["in_time_order"], true, "{verb:?}");
        assert_eq!(json["options"]["scale"], "1..5", "{verb:?}");
        assert_eq!(json["options"]["na"][0], "0", "{verb:?}");
        assert_eq!(json["options"]["touchpoints"], "Wifi,Food,Seat", "{verb:?}");
        if verb[0] != "stats" {
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
        assert_eq!(json["schema_version"], 1, "{verb}");
        let message = json["error"]["message"].as_str().unwrap();
        assert!(message.contains("broken.csv:3:3:"), "{verb}: {message}");
    }
    let (_, stdout) = emograph(&["stats", csv.to_str().unwrap(), "--format", "json"]);
    let json: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["error"]["problems"][0]["line"], 3);
    assert_eq!(json["error"]["problems"][0]["column"], 3);
}
