// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Journey format version 2: old files still open, new files are compact, located errors, and
//! the data verbs' compact loader agrees with the full reader.

use std::path::{Path, PathBuf};
use std::process::Command;

use emograph::io as jio;
use emograph::model::{Case, Journey, Touchpoint};

fn fixture_v1() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cinema-evening-v1.ron")
}

fn bundled(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys")
        .join(name)
}

fn emograph(args: &[&str]) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_emograph"))
        .args(args)
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_version_1_file_opens_and_saves_as_version_2_with_the_same_journey() {
    let text = std::fs::read_to_string(fixture_v1()).unwrap();
    assert!(
        text.contains("version: 1,"),
        "the fixture must stay version 1"
    );
    let old = jio::load_journey(&fixture_v1()).unwrap();
    assert!(old.cases.len() >= 3 && old.cases.iter().any(|c| !c.notes.is_empty()));
    let written = jio::to_ron_string(&old).unwrap();
    assert!(written.contains("version: 2,"), "{written}");
    // Scores in touchpoint order, not by name.
    assert!(written.contains("scores: ["), "{written}");
    let again = jio::from_ron_str(&written).unwrap();
    assert_eq!(again, old);
    // The bundled sample is the same journey, migrated by `check --upgrade`.
    assert_eq!(
        jio::load_journey(&bundled("cinema-evening.ron")).unwrap(),
        old
    );
    assert!(
        written.len() < text.len(),
        "{} ≥ {}",
        written.len(),
        text.len()
    );
}

fn small_journey() -> Journey {
    let mut journey = Journey {
        title: "Cinema".to_owned(),
        touchpoints: vec![
            Touchpoint::new("park", "Parking", "before"),
            Touchpoint::new("desk", "Ticket desk", "before"),
            Touchpoint::new("film", "Film", "during"),
        ],
        ..Journey::default()
    };
    for (i, scores) in [[Some(2.5), None, Some(-1.0)], [None, Some(4.0), Some(5.0)]]
        .iter()
        .enumerate()
    {
        let mut case = Case::new(&format!("c{i}"), "");
        case.segment = "gold".to_owned();
        for (tp, score) in journey.touchpoints.iter().zip(scores) {
            if let Some(score) = score {
                case.scores.insert(tp.id.clone(), *score);
            }
        }
        journey.cases.push(case);
    }
    journey.cases[0]
        .notes
        .insert("film".to_owned(), "too \"loud\"".to_owned());
    journey
}

#[test]
fn a_case_is_one_readable_line_with_none_where_it_did_not_score() {
    let text = jio::to_ron_string(&small_journey()).unwrap();
    assert!(
        text.contains(
            "        (id: \"c0\", segment: \"gold\", scores: [2.5, None, -1], notes: {\"film\": \"too \\\"loud\\\"\"}),\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("        (id: \"c1\", segment: \"gold\", scores: [None, 4, 5]),\n"),
        "{text}"
    );
    assert_eq!(jio::from_ron_str(&text).unwrap(), small_journey());
}

/// The problems of `text` as (line, column, message).
fn problems(text: &str) -> Vec<(usize, usize, String)> {
    let error = jio::parse_journey(text, Path::new("j.ron")).unwrap_err();
    error
        .diagnostics
        .into_iter()
        .map(|d| {
            let (line, col) = d.position.unwrap_or((0, 0));
            (line, col, d.message)
        })
        .collect()
}

fn with_case_line(line: &str) -> String {
    let text = jio::to_ron_string(&small_journey()).unwrap();
    let marker = "        (id: \"c1\"";
    let start = text.find(marker).unwrap();
    let end = start + text[start..].find('\n').unwrap();
    format!("{}{line}{}", &text[..start], &text[end..])
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn a_score_list_of_the_wrong_length_is_located_at_the_list() {
    let text = with_case_line("        (id: \"c1\", scores: [1, 2]),");
    let found = problems(&text);
    let line = line_of(&text, "(id: \"c1\"");
    assert_eq!(found.len(), 1, "{found:?}");
    let (l, c, message) = &found[0];
    assert_eq!((*l, *c), (line, 28), "{message}");
    assert!(
        message.contains("2 scores but the journey has 3 touchpoints"),
        "{message}"
    );
}

#[test]
fn an_off_scale_score_is_located_at_its_value_and_named_by_touchpoint() {
    let text = with_case_line("        (id: \"c1\", scores: [1, 9, None]),");
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    let (l, c, message) = &found[0];
    assert_eq!((*l, *c), (line_of(&text, "(id: \"c1\""), 32), "{message}");
    assert!(
        message.contains("score 9 for \"desk\" lies outside the scale"),
        "{message}"
    );
}

#[test]
fn a_non_finite_score_is_refused_not_taken_for_none() {
    for literal in ["NaN", "inf", "-inf"] {
        let text = with_case_line(&format!(
            "        (id: \"c1\", scores: [1, None, {literal}]),"
        ));
        let found = problems(&text);
        assert_eq!(found.len(), 1, "{literal}: {found:?}");
        let (l, c, message) = &found[0];
        assert_eq!((*l, *c), (line_of(&text, "(id: \"c1\""), 38), "{message}");
        assert!(
            message.contains("\"film\" is not a finite number"),
            "{message}"
        );
    }
}

#[test]
fn syntax_errors_in_a_case_line_are_located_like_version_1s() {
    let text = with_case_line("        (id: \"c1\", scores: [1, 2 3]),");
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, line_of(&text, "(id: \"c1\""), "{found:?}");
    assert!(found[0].2.contains("comma"), "{found:?}");
    let text = with_case_line("        (id: \"c1\", scores: [1, 2, 3], mood: 4),");
    let found = problems(&text);
    assert!(found[0].2.contains("unknown field `mood`"), "{found:?}");
    let text = with_case_line("        (scores: [1, 2, 3]),");
    let found = problems(&text);
    assert!(found[0].2.contains("missing field `id`"), "{found:?}");
}

/// A journey of `n` generated cases over `touchpoints`, with gaps, segments, waves, outcomes.
fn generated(n: usize, touchpoints: usize) -> Journey {
    let mut journey = Journey {
        title: "Generated".to_owned(),
        touchpoints: (0..touchpoints)
            .map(|t| Touchpoint::new(&format!("t{t}"), &format!("Touchpoint {t}"), "during"))
            .collect(),
        outcome: Some(emograph::model::Outcome {
            name: "Satisfied".to_owned(),
            rule: emograph::model::OutcomeRule::YesNo,
        }),
        ..Journey::default()
    };
    let mut state = 12345u64;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    for i in 0..n {
        let mut case = Case::new(&format!("case-{i}"), "");
        case.segment = ["Eco", "Business", ""][next() % 3].to_owned();
        case.wave = if i % 2 == 0 { "2026" } else { "" }.to_owned();
        case.source = "CSV import".to_owned();
        case.outcome = Some((next() % 2) as f64);
        for tp in &journey.touchpoints {
            if next() % 10 != 0 {
                case.scores
                    .insert(tp.id.clone(), (next() % 41) as f64 * 0.25 - 5.0);
            }
        }
        journey.cases.push(case);
    }
    journey
}

#[test]
fn a_large_journey_loads_into_the_same_dataset_compactly_as_the_full_way() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let journey = generated(20_000, 14);
    jio::save_journey(&path, &journey).unwrap();
    let compact = jio::load_journey_dataset(&path).unwrap();
    let full = emograph::analysis::Dataset::from_journey(jio::load_journey(&path).unwrap());
    assert_same(&compact.matrix, &full.matrix);
    assert_eq!(compact.matrix.cases(), 20_000);
    assert_eq!(compact.case_ids, full.case_ids);
    assert_eq!(compact.segments, full.segments);
    assert_eq!(compact.waves, full.waves);
    assert_eq!(compact.outcomes, full.outcomes);
    assert!(compact.journey.cases.is_empty());
    assert_eq!(compact.journey, full.journey.clone_without_cases());
    // A version 1 file of the same journey loads to the same dataset too.
    let v1 = dir.path().join("big-v1.ron");
    std::fs::write(&v1, version_1_text(&journey)).unwrap();
    let from_v1 = jio::load_journey_dataset(&v1).unwrap();
    assert_same(&from_v1.matrix, &full.matrix);
    assert_eq!(from_v1.case_ids, full.case_ids);
}

/// Equal matrices, a missing score (`NaN`) equal to a missing one.
fn assert_same(a: &emograph::analysis::ScoreMatrix, b: &emograph::analysis::ScoreMatrix) {
    assert_eq!((a.cases(), a.touchpoints()), (b.cases(), b.touchpoints()));
    for row in 0..a.cases() {
        let same = a
            .row(row)
            .iter()
            .zip(b.row(row))
            .all(|(x, y)| x == y || (x.is_nan() && y.is_nan()));
        assert!(same, "row {row}: {:?} ≠ {:?}", a.row(row), b.row(row));
    }
}

/// `journey` as version 1 wrote it: the model's own serde shape, pretty-printed.
fn version_1_text(journey: &Journey) -> String {
    let mut journey = journey.clone();
    journey.version = 1;
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .struct_names(false);
    ron::ser::to_string_pretty(&journey, config).unwrap()
}

#[test]
fn the_compact_loader_refuses_what_the_full_reader_refuses_with_the_same_messages() {
    for line in [
        "        (id: \"c1\", scores: [1, 2]),",
        "        (id: \"c1\", scores: [1, 9, None]),",
        "        (id: \"c0\", scores: [1, 2, 3]),",
        "        (id: \"c\u{1b}1\", scores: [1, 2, 3]),",
        "        (id: \"c1\", scores: [1, 2, NaN]),",
        "        (id: \"c1\", scores: [1, 2, 3], notes: {\"nowhere\": \"x\"}),",
    ] {
        let text = with_case_line(line);
        let full = jio::parse_journey(&text, Path::new("j.ron")).unwrap_err();
        let compact = jio::parse_journey_dataset(text.as_bytes(), Path::new("j.ron")).unwrap_err();
        assert_eq!(compact, full, "{line}");
    }
}

/// The data verbs read a refused file case by case (`parse_journey_problems_first`), the
/// editor all at once: every checked-in broken file and fuzzer find gets the same answer both
/// ways, message for message.
#[test]
fn every_refused_file_gets_the_same_messages_from_the_data_verbs_as_from_opening_it() {
    let mut compared = 0;
    for folder in ["tests/broken", "tests/fuzz_regressions/journey"] {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            let opened = jio::parse_journey_bytes(&bytes, &path);
            let data = jio::parse_journey_dataset(&bytes, &path);
            match (opened, data) {
                (Err(opened), Err(data)) => {
                    assert_eq!(data, opened, "{}", path.display());
                    compared += 1;
                }
                (Ok(_), Ok(_)) => {}
                (opened, data) => panic!(
                    "{}: opening says {:?}, the data verbs {:?}",
                    path.display(),
                    opened.err(),
                    data.err()
                ),
            }
        }
    }
    assert!(compared >= 10, "only {compared} refused files compared");
}

#[test]
fn check_says_the_same_of_a_journey_in_either_version() {
    let dir = tempfile::tempdir().unwrap();
    let v2 = dir.path().join("cinema.ron");
    std::fs::copy(fixture_v1(), &v2).unwrap();
    let (ok, before, _) = emograph(&["check", fixture_v1().to_str().unwrap()]);
    assert!(ok);
    let (ok, upgraded, _) = emograph(&["check", "--upgrade", v2.to_str().unwrap()]);
    assert!(ok, "{upgraded}");
    assert!(upgraded.contains("rewritten as version 2"), "{upgraded}");
    assert!(
        std::fs::read_to_string(&v2)
            .unwrap()
            .contains("version: 2,")
    );
    let (ok, after, _) = emograph(&["check", v2.to_str().unwrap()]);
    assert!(ok);
    let counts = |text: &str| text.split_once(": ").unwrap().1.to_owned();
    assert_eq!(counts(&after), counts(&before));
    assert!(counts(&after).contains("cases)"), "{after}");
    // The same mistake in each version: the same message, each at its own place.
    let mut broken = jio::load_journey(&fixture_v1()).unwrap();
    let tp = broken.touchpoints[0].id.clone();
    broken.cases[0].scores.insert(tp, 7.5);
    let old = dir.path().join("old.ron");
    std::fs::write(&old, version_1_text(&broken)).unwrap();
    let new = dir.path().join("new.ron");
    std::fs::write(&new, jio::to_ron_string(&broken).unwrap()).unwrap();
    let (ok_old, out_old, _) = emograph(&["check", old.to_str().unwrap()]);
    let (ok_new, out_new, _) = emograph(&["check", new.to_str().unwrap()]);
    assert!(!ok_old && !ok_new);
    let message = |text: &str| text.splitn(4, ':').nth(3).unwrap().to_owned();
    assert_eq!(message(&out_new), message(&out_old));
    assert!(out_new.contains("score 7.5"), "{out_new}");
}

#[test]
fn stats_and_critical_say_the_same_of_a_journey_in_either_version() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["cinema-evening.ron", "product-return.ron"] {
        let journey = jio::load_journey(&bundled(name)).unwrap();
        let old = dir.path().join(format!("v1-{name}"));
        std::fs::write(&old, version_1_text(&journey)).unwrap();
        for verb in [
            &["stats", "--format", "json"][..],
            &["critical", "--format", "json"],
            &["patterns", "--k", "2", "--format", "json"],
        ] {
            let run = |file: &Path| {
                let mut args = vec![verb[0], file.to_str().unwrap()];
                args.extend(&verb[1..]);
                emograph(&args)
            };
            let (ok_new, new, err) = run(&bundled(name));
            assert!(ok_new, "{name} {verb:?}: {err}");
            let (_, old_out, _) = run(&old);
            assert_eq!(new, old_out, "{name} {verb:?}");
        }
    }
}

#[test]
fn import_writes_version_2_that_opens_to_the_same_cases() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("cases.csv");
    let mut text = String::from("Case,Segment,Parking,Ticket desk,Film\n");
    for i in 0..500 {
        let gap = if i % 7 == 0 {
            String::new()
        } else {
            format!("{}", (i % 5) as i64 - 2)
        };
        text.push_str(&format!(
            "c{i},{},{gap},{},-{}\n",
            ["gold", "regular"][i % 2],
            i % 3,
            i % 4
        ));
    }
    std::fs::write(&csv, &text).unwrap();
    let out = dir.path().join("cases.ron");
    let (ok, _, err) = emograph(&["import", csv.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(ok, "{err}");
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(
        written.contains("version: 2,") && written.contains("scores: [None, 0, 0]"),
        "{written}"
    );
    let from_csv = jio::load_dataset(&csv, &jio::CsvOptions::default()).unwrap();
    let from_journey = jio::load_journey_dataset(&out).unwrap();
    assert_same(&from_journey.matrix, &from_csv.matrix);
    assert_eq!(from_journey.case_ids, from_csv.case_ids);
    assert_eq!(from_journey.segments, from_csv.segments);
    // Every case says where it came from, as before.
    let journey = jio::load_journey(&out).unwrap();
    assert!(journey.cases.iter().all(|c| c.source == "CSV import"));
}
