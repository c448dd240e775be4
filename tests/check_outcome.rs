// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `emograph check` refuses a case whose outcome is not a finite number (a hand-edited `NaN` or
//! `inf`), at the line and column of the value, as it refuses such a score.

use std::process::Command;

const JOURNEY: &str = r#"(
    version: 1,
    title: "Outcomes",
    touchpoints: [
        (id: "wifi", name: "Wifi", phase: "during"),
    ],
    outcome: Some((name: "Satisfied", rule: YesNo)),
    cases: [
        (id: "c1", scores: {"wifi": 2.0}, outcome: Some(1.0)),
        (
            id: "c2",
            scores: {"wifi": -3.0},
            outcome: Some(NaN),
        ),
        (id: "c3", scores: {"wifi": 1.0}, outcome: Some(inf)),
    ],
)
"#;

#[test]
fn a_non_finite_outcome_is_refused_where_it_stands() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("outcomes.ron");
    std::fs::write(&path, JOURNEY).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_emograph"))
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    let shown = path.display();
    assert!(
        stdout.contains(&format!("{shown}:13:"))
            && stdout.contains("the outcome NaN is not a finite number"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{shown}:15:"))
            && stdout.contains("the outcome inf is not a finite number"),
        "{stdout}"
    );
}
