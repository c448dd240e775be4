// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `emograph import`, `stats` and `patterns` run as processes on CSVs and journeys the tests
//! write themselves.

mod cli_common;
use cli_common::*;

use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write test input");
    path
}

/// numpy's default (linear, type 7) quantile by a full sort: the reference our selection-based
/// statistics must match.
fn numpy_quantile(values: &[f64], p: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let h = (sorted.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

/// A survey export like the airline one: id, two text columns, ratings 0..5 where 0 means
/// "not applicable", CRLF line ends.
fn survey(rows: usize) -> (String, Vec<Vec<Option<f64>>>) {
    let mut text = String::from("ID,Gender,Age,Check-in Service,Seat Comfort,Baggage Handling\r\n");
    let mut state = 12345u64;
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let mut expected = vec![Vec::new(); 3]; // per touchpoint, scores on -5..+5 (None = N/A)
    for id in 1..=rows {
        let gender = if next() % 2 == 0 { "Male" } else { "Female" };
        let age = 18 + next() % 60;
        let ratings: Vec<usize> = (0..3).map(|t| (next() + t) % 6).collect();
        for (column, &r) in expected.iter_mut().zip(&ratings) {
            column.push((r != 0).then(|| (r as f64 - 1.0) / 4.0 * 10.0 - 5.0));
        }
        text.push_str(&format!(
            "{id},{gender},{age},{},{},{}\r\n",
            ratings[0], ratings[1], ratings[2]
        ));
    }
    (text, expected)
}

const SURVEY_OPTIONS: [&str; 8] = [
    "--touchpoints",
    "4..6",
    "--scale",
    "1..5",
    "--na",
    "0",
    "--segment-column",
    "gender",
];

#[test]
fn stats_of_a_survey_equal_the_pandas_definitions() {
    let dir = tempfile::tempdir().unwrap();
    let (text, expected) = survey(501);
    let csv = write(dir.path(), "survey.csv", &text);
    let mut args = vec!["stats", csv.to_str().unwrap(), "--format", "json"];
    args.extend(SURVEY_OPTIONS);
    let out = json(&emograph(&args));
    let touchpoints = out["touchpoints"].as_array().unwrap();
    assert_eq!(touchpoints.len(), 3);
    assert_eq!(touchpoints[0]["id"], "check-in-service");
    assert_eq!(touchpoints[0]["name"], "Check-in Service");
    for (tp, column) in touchpoints.iter().zip(&expected) {
        let scored: Vec<f64> = column.iter().flatten().copied().collect();
        let n = scored.len() as f64;
        let mean = scored.iter().sum::<f64>() / n;
        let var = scored.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
        assert_eq!(tp["n"].as_u64().unwrap() as usize, scored.len());
        let close = |key: &str, want: f64| {
            let got = tp[key].as_f64().unwrap();
            assert!((got - want).abs() < 1e-9, "{key}: {got} vs {want}");
        };
        close("mean", mean);
        close("std", var.sqrt());
        close("median", numpy_quantile(&scored, 0.5));
        close("q1", numpy_quantile(&scored, 0.25));
        close("q3", numpy_quantile(&scored, 0.75));
        close("min", -5.0);
        close("max", 5.0);
        close(
            "share_negative",
            scored.iter().filter(|&&v| v < 0.0).count() as f64 / n,
        );
        close(
            "share_angry",
            scored.iter().filter(|&&v| v <= -3.0).count() as f64 / n,
        );
    }

    // One segment only; an unknown segment names the ones there are.
    let mut args = vec![
        "stats",
        csv.to_str().unwrap(),
        "--format",
        "json",
        "--segment",
        "female",
    ];
    args.extend(SURVEY_OPTIONS);
    let female = json(&emograph(&args));
    let n_female = female["touchpoints"][0]["n"].as_u64().unwrap();
    assert!(n_female > 100 && n_female < touchpoints[0]["n"].as_u64().unwrap());
    let mut args = vec!["stats", csv.to_str().unwrap(), "--segment", "robot"];
    args.extend(SURVEY_OPTIONS);
    let unknown = emograph(&args);
    assert_eq!(unknown.status.code(), Some(1));
    let message = String::from_utf8_lossy(&unknown.stderr);
    assert!(message.contains("Female, Male"), "{message}");
}

#[test]
fn undefined_statistics_are_null_and_tables_are_aligned() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write(
        dir.path(),
        "few.csv",
        "case;segment;Parking;Film\nc1;gold;-3;\n",
    );
    let out = json(&emograph(&[
        "stats",
        csv.to_str().unwrap(),
        "--format",
        "json",
    ]));
    let film = &out["touchpoints"][1];
    assert_eq!(film["n"], 0);
    assert!(film["mean"].is_null() && film["median"].is_null() && film["share_angry"].is_null());
    assert!(out["touchpoints"][0]["std"].is_null()); // one score: no sample std
    assert_eq!(out["touchpoints"][0]["share_angry"], 1.0);

    let table = emograph(&["stats", csv.to_str().unwrap()]);
    assert!(table.status.success());
    let text = String::from_utf8_lossy(&table.stdout);
    let header = text.lines().find(|l| l.starts_with("touchpoint")).unwrap();
    let parking = text.lines().find(|l| l.starts_with("Parking")).unwrap();
    // Right-aligned columns end at the same place.
    assert_eq!(
        header.find("mean").map(|i| i + 4),
        parking.find("-3.00").map(|i| i + 5)
    );

    let csv_out = emograph(&["stats", csv.to_str().unwrap(), "--format", "csv"]);
    assert!(String::from_utf8_lossy(&csv_out.stdout).starts_with("touchpoint_id,"));
}

/// Two clearly different groups of noisy curves plus one case that skipped a touchpoint.
fn two_groups() -> String {
    let mut state = 99u64;
    let mut noise = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) % 11) as f64 / 10.0 - 0.5 // -0.5 ..= 0.5 in steps of 0.1
    };
    let mut text = String::from("case,segment,Call,Visit,Bill,Follow-up\n");
    for i in 0..30 {
        text.push_str(&format!(
            "happy{i},gold,{:.1},4,{:.1},{:.1}\n",
            3.0 + noise(),
            3.5 + noise(),
            3.0 + noise()
        ));
        text.push_str(&format!(
            "angry{i},regular,{:.1},{:.1},{:.1},{:.1}\n",
            -2.0 + noise(),
            -4.0 + noise(),
            -4.5 + noise(),
            -4.0 + noise()
        ));
    }
    text.push_str("gap,gold,3,,4,3\n");
    text
}

#[test]
fn patterns_json_follows_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write(dir.path(), "groups.csv", &two_groups());
    for k in ["auto", "2"] {
        let out = json(&emograph(&[
            "patterns",
            csv.to_str().unwrap(),
            "--k",
            k,
            "--format",
            "json",
        ]));
        assert_eq!(out["k"], 2, "--k {k}");
        let patterns = out["patterns"].as_array().unwrap();
        assert_eq!(patterns.len(), 2);
        let first = &patterns[0];
        assert_eq!(first["id"], 1);
        assert_eq!(first["n"], 31); // the happy group and the case with a gap
        assert!((first["share"].as_f64().unwrap() - 31.0 / 61.0).abs() < 1e-12);
        assert_eq!(first["mean"].as_array().unwrap().len(), 4);
        assert_eq!(first["q1"].as_array().unwrap().len(), 4);
        assert_eq!(first["q3"].as_array().unwrap().len(), 4);
        assert_eq!(first["mean"][1], 4.0); // raw scores: the gap is not averaged in
        assert_eq!(first["segments"]["gold"], 31);
        assert!(first["medoid"].as_str().unwrap().starts_with("happy"));
        assert_eq!(patterns[1]["segments"]["regular"], 30);
        let assignments = out["assignments"].as_object().unwrap();
        assert_eq!(assignments.len(), 61);
        assert_eq!(assignments["gap"], 1);
        assert_eq!(assignments["angry7"], 2);
    }
    // The assignments left out, or written as CSV beside the JSON: the same pattern per case.
    let full = json(&emograph(&[
        "patterns",
        csv.to_str().unwrap(),
        "--format",
        "json",
    ]));
    let lean = json(&emograph(&[
        "patterns",
        csv.to_str().unwrap(),
        "--format",
        "json",
        "--no-assignments",
    ]));
    assert!(lean.get("assignments").is_none());
    assert_eq!(lean["patterns"], full["patterns"]);
    let table = dir.path().join("assignments.csv");
    let beside = json(&emograph(&[
        "patterns",
        csv.to_str().unwrap(),
        "--format",
        "json",
        "--assignments-csv",
        table.to_str().unwrap(),
    ]));
    assert!(beside.get("assignments").is_none());
    let written = std::fs::read_to_string(&table).unwrap();
    let mut lines = written.lines();
    assert_eq!(lines.next(), Some("case,pattern"));
    let rows: Vec<(&str, &str)> = lines.map(|l| l.split_once(',').unwrap()).collect();
    assert_eq!(rows.len(), 61);
    for (case, pattern) in rows {
        assert_eq!(full["assignments"][case].to_string(), pattern, "{case}");
    }

    // Deterministic: the same input gives the same bytes.
    let a = emograph(&["patterns", csv.to_str().unwrap(), "--format", "json"]);
    let b = emograph(&["patterns", csv.to_str().unwrap(), "--format", "json"]);
    assert_eq!(a.stdout, b.stdout);

    let table = emograph(&["patterns", csv.to_str().unwrap(), "--k", "2"]);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.contains("61 cases, 2 patterns"), "{text}");
    assert!(text.contains("Follow-up"), "{text}");

    let bad_k = emograph(&["patterns", csv.to_str().unwrap(), "--k", "0"]);
    assert_eq!(bad_k.status.code(), Some(2));
}

#[test]
fn import_writes_a_journey_that_every_verb_reads() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write(dir.path(), "groups.csv", &two_groups());
    let ron = dir.path().join("groups.ron");
    let import = emograph(&["import", csv.to_str().unwrap(), "-o", ron.to_str().unwrap()]);
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    let check = emograph(&["check", ron.to_str().unwrap()]);
    assert!(check.status.success());
    assert!(String::from_utf8_lossy(&check.stdout).contains("4 touchpoints, 61 cases"));
    let text = std::fs::read_to_string(&ron).unwrap();
    assert!(text.contains("source: \"CSV import\""));

    let from_csv = emograph(&["stats", csv.to_str().unwrap(), "--format", "json"]);
    let from_ron = emograph(&["stats", ron.to_str().unwrap(), "--format", "json"]);
    assert_eq!(json(&from_csv), json(&from_ron));
    let from_csv = emograph(&["patterns", csv.to_str().unwrap(), "--format", "json"]);
    let from_ron = emograph(&["patterns", ron.to_str().unwrap(), "--format", "json"]);
    assert_eq!(json(&from_csv), json(&from_ron));

    // The source scale is recorded.
    let (survey_text, _) = survey(20);
    let survey_csv = write(dir.path(), "survey.csv", &survey_text);
    let survey_ron = dir.path().join("survey.ron");
    let mut args = vec![
        "import",
        survey_csv.to_str().unwrap(),
        "-o",
        survey_ron.to_str().unwrap(),
    ];
    args.extend(SURVEY_OPTIONS);
    assert!(emograph(&args).status.success());
    let text = std::fs::read_to_string(&survey_ron).unwrap();
    assert!(
        text.contains("source: Some((") && text.contains("max: 5.0"),
        "{text}"
    );
}

#[test]
fn a_bad_cell_is_located_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write(dir.path(), "bad.csv", "case,A,B\r\nc1,1,2\r\nc2,3,lots\r\n");
    let ron = dir.path().join("out.ron");
    std::fs::write(&ron, "keep me").unwrap();
    let import = emograph(&["import", csv.to_str().unwrap(), "-o", ron.to_str().unwrap()]);
    assert_eq!(import.status.code(), Some(1));
    let message = String::from_utf8_lossy(&import.stderr);
    assert!(
        message.contains(&format!("{}:3:3: ", csv.display())),
        "{message}"
    );
    assert!(message.contains("value \"lots\""), "{message}");
    assert_eq!(std::fs::read_to_string(&ron).unwrap(), "keep me");

    let fresh = dir.path().join("fresh.ron");
    let import = emograph(&[
        "import",
        csv.to_str().unwrap(),
        "-o",
        fresh.to_str().unwrap(),
    ]);
    assert_eq!(import.status.code(), Some(1));
    assert!(!fresh.exists());

    // Off the scale: a 1..5 survey with a 7 in it.
    let csv = write(dir.path(), "scale.csv", "case,A\nc1,5\nc2,7\n");
    let stats = emograph(&["stats", csv.to_str().unwrap(), "--scale", "1..5"]);
    assert_eq!(stats.status.code(), Some(1));
    let message = String::from_utf8_lossy(&stats.stderr);
    assert!(
        message.contains(":3:2: ") && message.contains("outside the scale 1..5"),
        "{message}"
    );
    assert!(stats.stdout.is_empty());
}

/// Every verb that writes a file, pointed at a folder that does not exist or at a path that is
/// a folder: exit 1 with the path and the reason in words, nothing written, no temporary file
/// left behind, and a file already at the path untouched.
#[test]
fn writing_to_a_bad_path_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write(dir.path(), "cases.csv", "case,A,B\nc1,1,2\nc2,-3,4\n");
    let journey = dir.path().join("journey.ron");
    assert!(
        emograph(&[
            "import",
            csv.to_str().unwrap(),
            "-o",
            journey.to_str().unwrap()
        ])
        .status
        .success()
    );
    let missing = dir.path().join("no such folder");
    let input = journey.to_str().unwrap();
    for (verb, source, name) in [
        ("import", csv.to_str().unwrap(), "out.ron"),
        ("export", input, "chart.png"),
        ("export", input, "chart.svg"),
        ("export", input, "stats.csv"),
        ("export", input, "diagram.mmd"),
        ("report", input, "report.html"),
    ] {
        let target = missing.join(name);
        let run = emograph(&[verb, source, "-o", target.to_str().unwrap()]);
        let message = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{verb} {name}: {message}");
        assert!(
            message.contains(&target.display().to_string())
                && message.contains("does not exist")
                // Not the temporary file's name, which the user never chose.
                && !message.contains(&format!(".{name}."))
                && !message.contains("panicked"),
            "{verb} {name}: {message}"
        );
        assert!(!missing.exists());

        // The path is a folder (named like the file, so the format is known and the write
        // itself fails): refused, and the folder with what is in it stays.
        let folder = dir.path().join("folders").join(name);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("keep.txt"), "keep me").unwrap();
        let run = emograph(&[verb, source, "-o", folder.to_str().unwrap()]);
        let message = String::from_utf8_lossy(&run.stderr);
        assert_eq!(
            run.status.code(),
            Some(1),
            "{verb} into a folder: {message}"
        );
        assert!(message.contains(&folder.display().to_string()), "{message}");
        assert_eq!(
            std::fs::read_to_string(folder.join("keep.txt")).unwrap(),
            "keep me"
        );
        let left: Vec<_> = [dir.path(), &dir.path().join("folders")]
            .into_iter()
            .flat_map(|d| std::fs::read_dir(d).unwrap())
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "temporary files left: {left:?}");
    }
}

/// A survey on a 1..5 scale with 0 for "not applicable", exported straight from the CSV: the
/// export reads it with the same options as `stats`, so the chart's numbers are the table's.
#[test]
fn export_reads_a_csv_with_the_csv_options() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write(
        dir.path(),
        "survey.csv",
        "id,age,Booking,Check-in,Flight\n1,34,5,1,4\n2,51,4,0,5\n3,29,5,2,3\n",
    );
    let options = [
        "--touchpoints",
        "3..5",
        "--scale",
        "1..5",
        "--na",
        "0",
        "--case-column",
        "id",
    ];
    let out = dir.path().join("stats.csv");
    let mut args = vec!["export", csv.to_str().unwrap(), "-o", out.to_str().unwrap()];
    args.extend(options);
    let export = emograph(&args);
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    let mut args = vec!["stats", csv.to_str().unwrap(), "--format", "csv"];
    args.extend(options);
    let stats = emograph(&args);
    assert!(stats.status.success());
    let exported = std::fs::read_to_string(&out).unwrap();
    assert_eq!(exported, String::from_utf8_lossy(&stats.stdout));
    // Booking: 5, 4, 5 on 1..5 is +5, +2.5, +5 on −5..+5; the age column is no touchpoint.
    assert!(!exported.contains("age"), "{exported}");
    let booking = exported.lines().find(|l| l.contains("Booking")).unwrap();
    assert!(
        booking.contains("4.17") || booking.contains("4.166"),
        "{booking}"
    );

    // `--scale 2` (a picture's size, before) is refused with a pointer to --pixel-scale.
    let png = dir.path().join("chart.png");
    let old = emograph(&[
        "export",
        csv.to_str().unwrap(),
        "-o",
        png.to_str().unwrap(),
        "--scale",
        "2",
    ]);
    assert_eq!(old.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&old.stderr).contains("--pixel-scale"),
        "{}",
        String::from_utf8_lossy(&old.stderr)
    );
}
