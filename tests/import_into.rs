// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! A second wave into an existing journey (`import MORE.csv --into JOURNEY.ron --wave LABEL`):
//! columns matched by id or name, mismatches reported by name, the journey written only when
//! everything matched (or `--allow-missing`), and `compare --by wave` sees both waves.

mod cli_common;
use cli_common::*;

use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// A wave of `cases` cases on 1..5; `boost` is added to the "Waiting time" answers.
fn wave(header: &str, cases: usize, seed: u64, boost: u32) -> String {
    let mut rng = Rng(seed);
    let mut text = format!("{header}\n");
    for case in 1..=cases {
        let a = 1 + (rng.unit() * 3.0) as u32;
        let b = (1 + (rng.unit() * 2.0) as u32 + boost).min(5);
        let c = 2 + (rng.unit() * 3.0) as u32;
        text.push_str(&format!("{case},{a},{b},{c}\n"));
    }
    text
}

fn run(args: &[&str]) -> (bool, String) {
    let out = emograph(args);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_second_wave_is_added_by_name_and_compared() {
    let dir = tempfile::tempdir().unwrap();
    let first = write(
        dir.path(),
        "baseline.csv",
        &wave("case,Booking,Waiting time,Service", 30, 7, 0),
    );
    let journey = dir.path().join("journey.ron");
    let journey_arg = journey.to_str().unwrap();
    let (ok, err) = run(&[
        "import",
        first.to_str().unwrap(),
        "-o",
        journey_arg,
        "--scale",
        "1..5",
        "--wave",
        "baseline 2026-11",
    ]);
    assert!(ok, "{err}");
    // Columns in another order and another case of letters: matched by name.
    let second = write(
        dir.path(),
        "after.csv",
        &wave("case,booking,WAITING TIME,Service", 30, 8, 2),
    );
    let before = std::fs::read(&journey).unwrap();
    // The survey tool numbered its cases from 1 again: refused, journey unchanged.
    let (ok, err) = run(&[
        "import",
        second.to_str().unwrap(),
        "--into",
        journey_arg,
        "--scale",
        "1..5",
        "--wave",
        "after redesign 2027-03",
    ]);
    assert!(!ok);
    assert!(err.contains("already in the journey"), "{err}");
    assert!(err.contains("--case-prefix"), "{err}");
    assert_eq!(std::fs::read(&journey).unwrap(), before);

    let (ok, err) = run(&[
        "import",
        second.to_str().unwrap(),
        "--into",
        journey_arg,
        "--scale",
        "1..5",
        "--wave",
        "after redesign 2027-03",
        "--case-prefix",
        "w2-",
    ]);
    assert!(ok, "{err}");
    assert!(err.contains("30 cases added"), "{err}");
    let out = json(&emograph(&[
        "compare",
        journey_arg,
        "--by",
        "wave",
        "--format",
        "json",
    ]));
    assert_eq!(out["from"], "baseline 2026-11");
    assert_eq!(out["to"], "after redesign 2027-03");
    assert_eq!(out["from_cases"], 30);
    assert_eq!(out["to_cases"], 30);
    let waiting = out["touchpoints"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["touchpoint_name"] == "Waiting time")
        .unwrap();
    assert_eq!(waiting["verdict"], "better");
}

#[test]
fn mismatched_columns_are_named_and_nothing_is_written_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let first = write(
        dir.path(),
        "baseline.csv",
        &wave("case,Booking,Waiting time,Service", 20, 7, 0),
    );
    let journey = dir.path().join("journey.ron");
    let journey_arg = journey.to_str().unwrap();
    assert!(
        run(&[
            "import",
            first.to_str().unwrap(),
            "-o",
            journey_arg,
            "--scale",
            "1..5",
            "--wave",
            "one"
        ])
        .0
    );
    let before = std::fs::read(&journey).unwrap();
    let second = write(
        dir.path(),
        "more.csv",
        &wave("case,Booking,Queue,Service", 20, 9, 0),
    );
    let args = [
        "import",
        second.to_str().unwrap(),
        "--into",
        journey_arg,
        "--scale",
        "1..5",
        "--wave",
        "two",
        "--case-prefix",
        "b-",
    ];
    let (ok, err) = run(&args);
    assert!(!ok);
    assert!(err.contains("\"Queue\""), "{err}");
    assert!(err.contains("\"Waiting time\""), "{err}");
    assert!(err.contains("--allow-missing"), "{err}");
    assert_eq!(std::fs::read(&journey).unwrap(), before);

    // Another scale is refused even with --allow-missing: the scores would not be comparable.
    let mut allowed = args.to_vec();
    allowed.push("--allow-missing");
    let mut other_scale = allowed.clone();
    other_scale[5] = "0..5";
    let (ok, err) = run(&other_scale);
    assert!(!ok);
    assert!(err.contains("scale"), "{err}");
    assert_eq!(std::fs::read(&journey).unwrap(), before);

    let (ok, err) = run(&allowed);
    assert!(ok, "{err}");
    let text = std::fs::read_to_string(&journey).unwrap();
    assert!(text.contains("\"b-1\""), "{text}");
    assert!(!text.contains("queue"), "{text}");
    assert!(emograph(&["check", journey_arg]).status.success());
    // A wave is required.
    let (ok, err) = run(&["import", second.to_str().unwrap(), "--into", journey_arg]);
    assert!(!ok);
    assert!(err.contains("--wave"), "{err}");
}
