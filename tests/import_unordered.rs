// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! An attribute survey (`--unordered`): reordering its columns does not change its critical
//! points, while in time order it would; and the journey records it.

mod cli_common;
use cli_common::*;

use std::path::Path;

const NAMES: [&str; 6] = ["Wifi", "Food", "Seat", "Boarding", "Gate", "Baggage"];
const CENTRES: [f64; 6] = [1.5, 4.5, 2.0, 4.0, 1.2, 3.5];

/// 1..5 answers around a centre per attribute, with the columns in `order`.
fn survey(order: &[usize]) -> String {
    let mut rng = Rng(0xA77_21B);
    let mut rows = vec![vec![0u32; NAMES.len()]; 80];
    for row in &mut rows {
        for (t, answer) in row.iter_mut().enumerate() {
            *answer = (rng.around(CENTRES[t], 1.2).round() as u32).clamp(1, 5);
        }
    }
    let header: Vec<&str> = order.iter().map(|&t| NAMES[t]).collect();
    let mut text = format!("case,{}\n", header.join(","));
    for (i, row) in rows.iter().enumerate() {
        let cells: Vec<String> = order.iter().map(|&t| row[t].to_string()).collect();
        text.push_str(&format!("c{i},{}\n", cells.join(",")));
    }
    text
}

/// The overall critical points as (touchpoint, kind, score) in a fixed order.
fn critical(path: &Path, extra: &[&str]) -> Vec<(String, String, String)> {
    let mut args = vec![
        "critical",
        path.to_str().unwrap(),
        "--scale",
        "1..5",
        "--k",
        "1",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let out = json(&emograph(&args));
    let mut points: Vec<(String, String, String)> = out["points"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["scope"] == "overall")
        .map(|p| {
            (
                p["touchpoint"].as_str().unwrap().to_owned(),
                p["kind"].as_str().unwrap().to_owned(),
                format!("{:.12}", p["score"].as_f64().unwrap()),
            )
        })
        .collect();
    points.sort();
    points
}

#[test]
fn reordering_an_attribute_survey_does_not_change_its_critical_points() {
    let dir = tempfile::tempdir().unwrap();
    let given = dir.path().join("given.csv");
    let shuffled = dir.path().join("shuffled.csv");
    std::fs::write(&given, survey(&[0, 1, 2, 3, 4, 5])).unwrap();
    std::fs::write(&shuffled, survey(&[3, 5, 0, 4, 1, 2])).unwrap();
    let unordered = critical(&given, &["--unordered"]);
    assert!(!unordered.is_empty());
    assert_eq!(unordered, critical(&shuffled, &["--unordered"]));
    // In time order the same columns give other points: order is taken as meaning.
    assert_ne!(critical(&given, &[]), critical(&shuffled, &[]));

    // Recorded in the journey, so the verbs on it need no option.
    let ron = dir.path().join("grid.ron");
    let import = emograph(&[
        "import",
        shuffled.to_str().unwrap(),
        "-o",
        ron.to_str().unwrap(),
        "--scale",
        "1..5",
        "--unordered",
    ]);
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    assert!(
        std::fs::read_to_string(&ron)
            .unwrap()
            .contains("in_time_order: false")
    );
    let out = json(&emograph(&[
        "critical",
        ron.to_str().unwrap(),
        "--k",
        "1",
        "--format",
        "json",
    ]));
    let from_journey: usize = out["points"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["scope"] == "overall")
        .count();
    assert_eq!(from_journey, unordered.len());
}
