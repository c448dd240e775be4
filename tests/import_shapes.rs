// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Survey exports as they come: one generated survey written in every shape tools export it
//! (a tidy CSV, Qualtrics' three header rows, SurveyMonkey's two, Google Forms' text answers
//! with a Timestamp, Windows code pages, an .xlsx workbook, long rows, standard input), each
//! read by emograph to the very same statistics as the tidy CSV; and the messages when a shape
//! is not said.

mod cli_common;
use cli_common::*;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

const NAMES: [&str; 4] = ["Wifi", "Online boarding", "Seat comfort", "Food and drink"];
const WORDS: [&str; 5] = [
    "Very dissatisfied",
    "Dissatisfied",
    "Neutral",
    "Satisfied",
    "Very satisfied",
];

/// One passenger: id, class, four answers 0..5 (0 = not applicable), satisfied or not.
struct Row {
    id: usize,
    class: &'static str,
    answers: [u32; 4],
    satisfied: bool,
}

fn survey() -> Vec<Row> {
    let mut rng = Rng(0x050A_7E57);
    (1..=60)
        .map(|id| {
            let mut answers = [0; 4];
            for answer in &mut answers {
                *answer = (rng.unit() * 6.0) as u32;
            }
            Row {
                id,
                class: ["Business", "Eco", "Eco Plus"][id % 3],
                answers,
                satisfied: answers[1] >= 4,
            }
        })
        .collect()
}

fn outcome(row: &Row) -> &'static str {
    if row.satisfied {
        "Satisfied"
    } else {
        "Neutral or Dissatisfied"
    }
}

fn tidy() -> String {
    let mut text = format!("ID,Class,{},Satisfaction\r\n", NAMES.join(","));
    for row in survey() {
        let answers: Vec<String> = row.answers.iter().map(u32::to_string).collect();
        text.push_str(&format!(
            "{},{},{},{}\r\n",
            row.id,
            row.class,
            answers.join(","),
            outcome(&row)
        ));
    }
    text
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn run(args: &[&str]) -> (bool, String, String) {
    let out = emograph(args);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The figures of `stats --format json` per touchpoint, without ids and names (which differ
/// between shapes on purpose).
fn figures(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["stats"];
    all.extend_from_slice(args);
    all.extend(["--format", "json"]);
    let out = json(&emograph(&all));
    out["touchpoints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let mut t = t.clone();
            let object = t.as_object_mut().unwrap();
            object.remove("id");
            object.remove("name");
            t
        })
        .collect()
}

fn expected(dir: &Path) -> Vec<Value> {
    let tidy = write(dir, "tidy.csv", tidy().as_bytes());
    let want = figures(&[
        tidy.to_str().unwrap(),
        "--touchpoints",
        "3..6",
        "--scale",
        "1..5",
        "--na",
        "0",
    ]);
    assert_eq!(want.len(), 4);
    assert!(want[0]["n"].as_u64().unwrap() > 40);
    want
}

#[test]
fn qualtrics_and_surveymonkey_headers_are_recognised() {
    let dir = tempfile::tempdir().unwrap();
    let want = expected(dir.path());

    let mut qualtrics = String::from("StartDate,Progress,ResponseId,Q0");
    for i in 1..=4 {
        qualtrics.push_str(&format!(",Q1_{i}"));
    }
    qualtrics.push_str(",Q2\nStart Date,Progress,Response ID,Class");
    for name in NAMES {
        qualtrics.push_str(&format!(",How satisfied were you with each? - {name}"));
    }
    qualtrics.push_str(",Overall\n");
    let ids = [
        "startDate",
        "progress",
        "_recordId",
        "QID0",
        "QID1_1",
        "QID1_2",
        "QID1_3",
        "QID1_4",
        "QID2",
    ];
    let import_ids: Vec<String> = ids
        .iter()
        .map(|id| format!("\"{{\"\"ImportId\"\":\"\"{id}\"\"}}\""))
        .collect();
    qualtrics.push_str(&import_ids.join(","));
    qualtrics.push('\n');
    for row in survey() {
        let answers: Vec<String> = row.answers.iter().map(u32::to_string).collect();
        qualtrics.push_str(&format!(
            "2026-11-03 10:22:01,100,R_{},{},{},{}\n",
            row.id,
            row.class,
            answers.join(","),
            outcome(&row)
        ));
    }
    let path = write(dir.path(), "qualtrics.csv", qualtrics.as_bytes());
    let path = path.to_str().unwrap();
    // No --touchpoints: the metadata columns (StartDate, Progress, ResponseId) are left out by
    // themselves, and the names come from the question text.
    let args = [
        path,
        "--scale",
        "1..5",
        "--na",
        "0",
        "--segment-column",
        "Class",
        "--outcome",
        "Overall=satisfied",
    ];
    assert_eq!(figures(&args), want);
    let (ok, out, err) = run(&[
        "stats",
        path,
        "--scale",
        "1..5",
        "--na",
        "0",
        "--segment-column",
        "Class",
        "--outcome",
        "Overall=satisfied",
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("Online boarding"), "{out}");
    // Options match a column by its Qualtrics id too.
    assert_eq!(
        figures(&[
            path,
            "--touchpoints",
            "Q1_1,Q1_2,Q1_3,Q1_4",
            "--scale",
            "1..5",
            "--na",
            "0"
        ]),
        want
    );

    let mut monkey = format!(
        "Respondent ID,Collector ID,Class,How satisfied were you with…{},Overall\n,,Response,{},Response\n",
        ",".repeat(3),
        NAMES.join(",")
    );
    for row in survey() {
        let answers: Vec<String> = row.answers.iter().map(u32::to_string).collect();
        monkey.push_str(&format!(
            "{},99,{},{},{}\n",
            row.id,
            row.class,
            answers.join(","),
            outcome(&row)
        ));
    }
    let path = write(dir.path(), "monkey.csv", monkey.as_bytes());
    let path = path.to_str().unwrap();
    assert_eq!(
        figures(&[
            path,
            "--scale",
            "1..5",
            "--na",
            "0",
            "--segment-column",
            "Class",
            "--outcome",
            "Overall=satisfied"
        ]),
        want
    );
    // Told rather than detected.
    assert_eq!(
        figures(&[
            path,
            "--header-rows",
            "2",
            "--touchpoints",
            "4..7",
            "--scale",
            "1..5",
            "--na",
            "0"
        ]),
        want
    );
}

#[test]
fn text_answers_a_timestamp_and_skipped_rows_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let want = expected(dir.path());
    let mut forms = format!(
        "Survey export, 60 answers\nTimestamp,Class,{},Satisfaction\n",
        NAMES.join(",")
    );
    for row in survey() {
        let answers: Vec<&str> = row
            .answers
            .iter()
            .map(|&a| if a == 0 { "" } else { WORDS[a as usize - 1] })
            .collect();
        forms.push_str(&format!(
            "11/{}/2026 10:22:01,{},{},{}\n",
            1 + row.id % 28,
            row.class,
            answers.join(","),
            outcome(&row)
        ));
    }
    let path = write(dir.path(), "forms.csv", forms.as_bytes());
    let path = path.to_str().unwrap();
    // The wording is recognised, its scale is 1..5, the Timestamp is not a touchpoint.
    assert_eq!(
        figures(&[
            path,
            "--skip-rows",
            "1",
            "--segment-column",
            "Class",
            "--outcome",
            "Satisfaction=satisfied"
        ]),
        want
    );
    // A user's own map, in another case.
    let upper = forms
        .replace("Very dissatisfied", "AWFUL")
        .replace("Very satisfied", "GREAT");
    let upper = write(dir.path(), "own.csv", upper.as_bytes());
    let labels = "awful=1,dissatisfied=2,neutral=3,satisfied=4,great=5";
    assert_eq!(
        figures(&[
            upper.to_str().unwrap(),
            "--skip-rows",
            "1",
            "--labels",
            labels,
            "--segment-column",
            "Class",
            "--outcome",
            "Satisfaction=satisfied"
        ]),
        want
    );
    // The Timestamp as the wave: its year and month.
    let ron = dir.path().join("forms.ron");
    let (ok, _, err) = run(&[
        "import",
        path,
        "-o",
        ron.to_str().unwrap(),
        "--skip-rows",
        "1",
        "--segment-column",
        "Class",
        "--wave-date-column",
        "Timestamp",
        "--touchpoints",
        "3..6",
    ]);
    assert!(ok, "{err}");
    let journey = std::fs::read_to_string(&ron).unwrap();
    assert!(journey.contains("wave: \"2026-11\""), "{journey}");
    // An answer outside the wording is located, with the wording named.
    let bad = forms.replacen(",Neutral,", ",So-so,", 1);
    let bad = write(dir.path(), "bad.csv", bad.as_bytes());
    let (ok, _, err) = run(&[
        "stats",
        bad.to_str().unwrap(),
        "--skip-rows",
        "1",
        "--segment-column",
        "Class",
        "--outcome",
        "Satisfaction=satisfied",
    ]);
    assert!(!ok);
    assert!(err.contains("So-so"), "{err}");
    assert!(err.contains("bad.csv:"), "{err}");
}

#[test]
fn windows_code_pages_are_read_when_named_and_named_when_not() {
    let dir = tempfile::tempdir().unwrap();
    let want = expected(dir.path());
    let text = tidy()
        .replace("Class", "Clàsse")
        .replace("Wifi", "Wifi à bord");
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let path = write(dir.path(), "latin.csv", &latin);
    let path = path.to_str().unwrap();
    let args = [
        path,
        "--encoding",
        "windows-1252",
        "--touchpoints",
        "3..6",
        "--scale",
        "1..5",
        "--na",
        "0",
    ];
    assert_eq!(figures(&args), want);
    let (ok, out, _) = run(&[
        "stats",
        path,
        "--encoding",
        "windows-1252",
        "--touchpoints",
        "3..6",
        "--scale",
        "1..5",
        "--na",
        "0",
    ]);
    assert!(ok && out.contains("Wifi à bord"), "{out}");
    let (ok, _, err) = run(&[
        "stats",
        path,
        "--touchpoints",
        "3..6",
        "--scale",
        "1..5",
        "--na",
        "0",
    ]);
    assert!(!ok);
    assert!(err.contains("--encoding windows-1252"), "{err}");
    assert!(err.starts_with(&format!("{path}:1:")), "{err}");

    let hebrew = tidy().replace("Class", "מחלקה").replace("Wifi", "אינטרנט");
    let (bytes, _, _) = encoding_rs::WINDOWS_1255.encode(&hebrew);
    let path = write(dir.path(), "hebrew.csv", &bytes);
    let path = path.to_str().unwrap();
    let (ok, _, err) = run(&[
        "stats",
        path,
        "--touchpoints",
        "3..6",
        "--scale",
        "1..5",
        "--na",
        "0",
    ]);
    assert!(!ok);
    assert!(err.contains("--encoding windows-1255"), "{err}");
    assert_eq!(
        figures(&[
            path,
            "--encoding",
            "windows-1255",
            "--touchpoints",
            "3..6",
            "--scale",
            "1..5",
            "--na",
            "0"
        ]),
        want
    );
}

fn workbook() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("Notes").unwrap();
    notes.write_string(0, 0, "exported by a test").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("Answers").unwrap();
    sheet.write_string(0, 0, "ID").unwrap();
    sheet.write_string(0, 1, "Class").unwrap();
    for (c, name) in NAMES.iter().enumerate() {
        sheet.write_string(0, c as u16 + 2, *name).unwrap();
    }
    sheet.write_string(0, 6, "Satisfaction").unwrap();
    for (r, row) in survey().iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_number(r, 0, row.id as f64).unwrap();
        sheet.write_string(r, 1, row.class).unwrap();
        for (c, &answer) in row.answers.iter().enumerate() {
            sheet
                .write_number(r, c as u16 + 2, f64::from(answer))
                .unwrap();
        }
        sheet.write_string(r, 6, outcome(row)).unwrap();
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_workbook_is_read_by_sheet_and_never_called_not_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let want = expected(dir.path());
    let bytes = workbook();
    let path = write(dir.path(), "survey.xlsx", &bytes);
    let path = path.to_str().unwrap();
    let args = [
        path,
        "--sheet",
        "answers",
        "--touchpoints",
        "3..6",
        "--scale",
        "1..5",
        "--na",
        "0",
    ];
    assert_eq!(figures(&args), want);
    assert_eq!(
        figures(&[
            path,
            "--sheet",
            "2",
            "--touchpoints",
            "3..6",
            "--scale",
            "1..5",
            "--na",
            "0"
        ]),
        want
    );
    let (ok, _, err) = run(&["stats", path, "--sheet", "Responses"]);
    assert!(!ok);
    assert!(err.contains("no sheet \"Responses\""), "{err}");
    assert!(err.contains("\"Answers\""), "{err}");
    // Saved under a .csv name: still read as the workbook it is.
    let renamed = write(dir.path(), "survey.csv", &bytes);
    let (ok, _, err) = run(&[
        "stats",
        renamed.to_str().unwrap(),
        "--sheet",
        "Answers",
        "--touchpoints",
        "3..6",
        "--scale",
        "1..5",
        "--na",
        "0",
    ]);
    assert!(ok, "{err}");
    // A bad cell is located by the sheet's row and column.
    let (ok, _, err) = run(&[
        "stats",
        path,
        "--sheet",
        "Answers",
        "--touchpoints",
        "2..6",
        "--scale",
        "1..5",
        "--na",
        "0",
    ]);
    assert!(!ok);
    assert!(err.contains("survey.xlsx:2:2:"), "{err}");
    assert!(!err.contains("UTF-8"), "{err}");
    let broken = write(dir.path(), "broken.xlsx", &bytes[..bytes.len() / 2]);
    let (ok, _, err) = run(&["stats", broken.to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("cannot read the workbook"), "{err}");
    assert!(!err.contains("UTF-8 text"), "{err}");
}

fn long_rows(header: &str) -> String {
    let mut text = format!("{header}\n");
    for row in survey() {
        for (name, &answer) in NAMES.iter().zip(&row.answers) {
            if answer != 0 {
                text.push_str(&format!("{},{name},{answer},{}\n", row.id, row.class));
            }
        }
    }
    text
}

#[test]
fn long_rows_are_read_with_long_and_hinted_at_without() {
    let dir = tempfile::tempdir().unwrap();
    let want = expected(dir.path());
    let path = write(
        dir.path(),
        "long.csv",
        long_rows("case,touchpoint,score,segment").as_bytes(),
    );
    let path = path.to_str().unwrap();
    let order = NAMES.join(",");
    assert_eq!(
        figures(&[path, "--long", "--touchpoints", &order, "--scale", "1..5"]),
        want
    );
    // Without a list the touchpoints take the order they first appear in.
    let (ok, out, _) = run(&["stats", path, "--long", "--scale", "1..5"]);
    assert!(ok);
    assert!(
        out.find("Wifi").unwrap() < out.find("Seat comfort").unwrap(),
        "{out}"
    );
    let named = write(
        dir.path(),
        "named.csv",
        long_rows("passenger,question,answer,class").as_bytes(),
    );
    let named = named.to_str().unwrap();
    assert_eq!(
        figures(&[
            named,
            "--long",
            "passenger,question,answer",
            "--touchpoints",
            &order,
            "--segment-column",
            "class",
            "--scale",
            "1..5"
        ]),
        want
    );
    // Read as wide rows, the repeated ids say how to read it.
    let (ok, _, err) = run(&["stats", path, "--touchpoints", "score", "--scale", "1..5"]);
    assert!(!ok);
    assert!(err.contains("duplicate case id"), "{err}");
    assert!(err.contains("--long"), "{err}");
    // The same answer twice is located, with the first line named.
    let twice = format!(
        "{}1,Wifi,3,Eco\n",
        long_rows("case,touchpoint,score,segment")
    );
    let twice = write(dir.path(), "twice.csv", twice.as_bytes());
    let (ok, _, err) = run(&[
        "stats",
        twice.to_str().unwrap(),
        "--long",
        "--scale",
        "1..5",
    ]);
    assert!(!ok);
    assert!(err.contains("twice (first on line"), "{err}");
}

#[test]
fn standard_input_is_read_as_dash() {
    let dir = tempfile::tempdir().unwrap();
    let want = expected(dir.path());
    let mut child = Command::new(env!("CARGO_BIN_EXE_emograph"))
        .args([
            "stats",
            "-",
            "--touchpoints",
            "3..6",
            "--scale",
            "1..5",
            "--na",
            "0",
            "--format",
            "json",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(tidy().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let got: Vec<Value> = json(&out)["touchpoints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let mut t = t.clone();
            t.as_object_mut().unwrap().remove("id");
            t.as_object_mut().unwrap().remove("name");
            t
        })
        .collect();
    assert_eq!(got, want);
}
