// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `emograph drivers` against scikit-learn: on a generated 1..5 survey whose outcome is driven
//! by one touchpoint, the planted driver ranks first and every AUC (per touchpoint, and for the
//! mean, worst, last and peak-end summaries) equals `sklearn.metrics.roc_auc_score` to 1e-12,
//! and the cross-validated regression's AUC equals scikit-learn's to 1e-9.
//! The expected values come from `tests/golden/drivers_sklearn.py` (scikit-learn 1.9.1), which
//! generates the same data with the same generator.

mod cli_common;
use cli_common::*;

const CASES: usize = 400;
const TOUCHPOINTS: usize = 5;
const PLANTED: usize = 2;
const NAMES: [&str; TOUCHPOINTS] = ["Booking", "Check-in", "Boarding", "Seat", "Food"];

// per touchpoint, then mean, worst, last, peak_end
#[rustfmt::skip]
const EXPECTED: [f64; 9] = [
    0.6343652950310559,
    0.47234567901234564,
    0.947552877520905,
    0.4821524663677129,
    0.49134579785264715,
    0.7251233069756517, // mean
    0.6143949476760876, // worst
    0.5050888593126126, // last
    0.5502622719799578, // peak_end
];

// The regression summary: scikit-learn's LogisticRegression (C = 1000, emograph's ridge 1e-3)
// on the same folds and gap filling, its held-out probabilities' AUC and correlation.
const EXPECTED_REGRESSION_AUC: f64 = 0.9507033064537175;
const EXPECTED_REGRESSION_CORRELATION: f64 = 0.7987313487471851;

/// The golden script's survey as CSV: answers 1..5, 0 = not applicable, outcome yes/no.
fn survey_csv() -> String {
    let mut rng = Rng(0xD21_7E55);
    let mut text = format!("case,{},Satisfied\n", NAMES.join(","));
    for case in 0..CASES {
        let mut answers = [0u32; TOUCHPOINTS];
        for answer in &mut answers {
            *answer = if rng.unit() < 0.08 {
                0
            } else {
                1 + (rng.unit() * 5.0) as u32
            };
        }
        let planted = if answers[PLANTED] == 0 {
            3
        } else {
            answers[PLANTED]
        };
        let weak = if answers[0] == 0 { 3 } else { answers[0] };
        let favourable = f64::from(planted) + f64::from(weak) * 0.3 + rng.unit() * 2.5 > 4.6;
        let cells: Vec<String> = answers.iter().map(u32::to_string).collect();
        text.push_str(&format!(
            "c{case},{},{}\n",
            cells.join(","),
            if favourable { "yes" } else { "no" }
        ));
    }
    text
}

#[test]
fn drivers_rank_the_planted_touchpoint_first_and_equal_scikit_learn() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("survey.csv");
    std::fs::write(&csv, survey_csv()).unwrap();
    let out = json(&emograph(&[
        "drivers",
        csv.to_str().unwrap(),
        "--outcome",
        "Satisfied",
        "--scale",
        "1..5",
        "--na",
        "0",
        "--format",
        "json",
    ]));
    assert_eq!(out["schema_version"], 2);
    assert_eq!(out["cases"], CASES);
    let touchpoints = out["touchpoints"].as_array().unwrap();
    assert_eq!(touchpoints.len(), TOUCHPOINTS);
    for (t, row) in touchpoints.iter().enumerate() {
        let auc = row["auc"].as_f64().unwrap();
        assert!(
            (auc - EXPECTED[t]).abs() < 1e-12,
            "{}: {auc} vs {}",
            NAMES[t],
            EXPECTED[t]
        );
    }
    assert_eq!(touchpoints[PLANTED]["rank"], 1);
    assert_eq!(touchpoints[PLANTED]["touchpoint_name"], "Boarding");
    assert!(touchpoints[PLANTED]["gap"].as_f64().unwrap() > 2.0);
    let summaries = out["summaries"].as_array().unwrap();
    let names: Vec<&str> = summaries
        .iter()
        .map(|s| s["summary"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["mean", "worst", "last", "peak_end", "regression"]);
    // The AUC of the held-out predictions depends only on their order, which the two fits
    // share exactly; the correlation on the probabilities, equal to the optimisers' tolerance.
    let regression = &summaries[4];
    let auc = regression["auc"].as_f64().unwrap();
    assert!(
        (auc - EXPECTED_REGRESSION_AUC).abs() < 1e-9,
        "regression: {auc}"
    );
    let correlation = regression["correlation"].as_f64().unwrap();
    assert!(
        (correlation - EXPECTED_REGRESSION_CORRELATION).abs() < 1e-6,
        "regression: {correlation}"
    );
    for (i, summary) in summaries.iter().take(4).enumerate() {
        let auc = summary["auc"].as_f64().unwrap();
        assert!(
            (auc - EXPECTED[TOUCHPOINTS + i]).abs() < 1e-12,
            "{}: {auc}",
            names[i]
        );
    }
}

#[test]
fn the_table_names_the_outcome_and_a_journey_without_one_is_refused_with_advice() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("survey.csv");
    std::fs::write(&csv, survey_csv()).unwrap();
    let table = emograph(&[
        "drivers",
        csv.to_str().unwrap(),
        "--outcome",
        "Satisfied",
        "--scale",
        "1..5",
        "--na",
        "0",
    ]);
    assert!(table.status.success());
    let text = String::from_utf8(table.stdout).unwrap();
    let first_row = text.lines().find(|l| l.starts_with("1 ")).unwrap();
    assert!(first_row.contains("Boarding"), "{text}");
    assert!(text.contains("peak-end"), "{text}");

    // A journey imported without an outcome: the message says how to give one.
    let ron = dir.path().join("plain.ron");
    let import = emograph(&[
        "import",
        csv.to_str().unwrap(),
        "-o",
        ron.to_str().unwrap(),
        "--touchpoints",
        "2..6",
        "--scale",
        "1..5",
        "--na",
        "0",
    ]);
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    let without = emograph(&["drivers", ron.to_str().unwrap()]);
    assert!(!without.status.success());
    let message = String::from_utf8(without.stderr).unwrap();
    assert!(message.contains("--outcome"), "{message}");
}

#[test]
fn an_imported_outcome_is_kept_in_the_journey_and_drives_critical_points() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("survey.csv");
    std::fs::write(&csv, survey_csv()).unwrap();
    let ron = dir.path().join("survey.ron");
    let import = emograph(&[
        "import",
        csv.to_str().unwrap(),
        "-o",
        ron.to_str().unwrap(),
        "--outcome",
        "Satisfied",
        "--scale",
        "1..5",
        "--na",
        "0",
        "--unordered",
    ]);
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    assert!(emograph(&["check", ron.to_str().unwrap()]).status.success());
    let from_journey = json(&emograph(&[
        "drivers",
        ron.to_str().unwrap(),
        "--format",
        "json",
    ]));
    assert!(
        (from_journey["touchpoints"][PLANTED]["auc"]
            .as_f64()
            .unwrap()
            - EXPECTED[PLANTED])
            .abs()
            < 1e-12
    );
    assert_eq!(from_journey["in_time_order"], false);
    // An attribute survey: no last or peak-end, which need time order.
    assert_eq!(
        from_journey["summaries"].as_array().unwrap().len(),
        3,
        "mean, worst, regression"
    );
}
