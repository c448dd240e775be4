// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `emograph check` on the broken-file corpus in `tests/broken/`: every file gets a located,
//! readable message and exit code 1, and nothing panics. Runs the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Each broken file, the line and column the message must point at, and words it must contain.
const CORPUS: &[(&str, usize, usize, &[&str])] = &[
    // Syntax.
    (
        "missing-comma.ron",
        4,
        32,
        &["expected a comma `,` after this", "before `touchpoints`"],
    ),
    (
        "unclosed-bracket.ron",
        17,
        5,
        &[
            "the list `touchpoints` opened at 5:18 is not closed",
            "`]` is missing before `owners:`",
        ],
    ),
    (
        "truncated.ron",
        44,
        1,
        &["ends too early", "truncated", "`scores` opened at 41:21"],
    ),
    (
        "truncated-in-string.ron",
        43,
        17,
        &["string is never closed", "truncated"],
    ),
    ("empty.ron", 1, 1, &["the file is empty", "version: 2"]),
    // Types and fields.
    (
        "wrong-type.ron",
        43,
        29,
        &["expected a number", "found `\"very bad\"`"],
    ),
    (
        "wrong-type-metric.ron",
        30,
        27,
        &["expected a number", "found `\"twelve\"`"],
    ),
    (
        "unknown-field.ron",
        15,
        13,
        &["unknown field `colour`", "expected one of: id, name"],
    ),
    // A complete file that lacks a field is not "truncated": the message names the field and
    // where the item starts.
    (
        "missing-field.ron",
        63,
        1,
        &["missing field `title` in the journey", "starts at 2:1"],
    ),
    // Versions.
    (
        "future-version.ron",
        3,
        14,
        &["format version 99", "newer emograph", "versions up to 2"],
    ),
    ("missing-version.ron", 2, 1, &["missing `version: 2,`"]),
    // Found by validation after parsing, located back into the text.
    (
        "unknown-touchpoint-score.ron",
        50,
        25,
        &["score for unknown touchpoint \"ordr\""],
    ),
    (
        "score-out-of-range.ron",
        50,
        26,
        &["score 7 for \"order\"", "outside the scale -5 … 5"],
    ),
    (
        "nan-score.ron",
        51,
        29,
        &["score for \"delivery\" is not a finite number"],
    ),
    ("duplicate-ids.ron", 47, 17, &["duplicate case id \"c1\""]),
    // Columns count characters, not bytes: Hebrew before the score must not shift it.
    (
        "hebrew-score-out-of-range.ron",
        6,
        44,
        &["score 9 for \"חניה\"", "outside the scale"],
    ),
    (
        "metric-missing-owner.ron",
        33,
        25,
        &["unknown owner \"ops\""],
    ),
    (
        "flag-missing-touchpoint.ron",
        58,
        25,
        &["unknown touchpoint \"returns\""],
    ),
];

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `emograph check ARGS…` from the package root, so relative paths print as given.
fn check(args: &[&Path]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_emograph"))
        .current_dir(manifest_dir())
        .arg("check")
        .args(args)
        .output();
    match output {
        Ok(output) => output,
        Err(e) => panic!("could not run emograph: {e}"),
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Asserts exit 1, no panic, and `FILE:LINE:COL: …words…` on one line of stdout.
fn assert_located(file: &Path, line: usize, col: usize, words: &[&str]) {
    let output = check(&[file]);
    let stdout = text(&output.stdout);
    let stderr = text(&output.stderr);
    let shown = file.display();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{shown}: exit code; stdout:\n{stdout}"
    );
    assert!(!stderr.contains("panicked"), "{shown}: panicked:\n{stderr}");
    let prefix = format!("{shown}:{line}:{col}: ");
    let Some(message) = stdout.lines().find_map(|l| l.strip_prefix(&prefix)) else {
        panic!("{shown}: expected a line starting with {prefix:?}, got:\n{stdout}");
    };
    for word in words {
        assert!(
            message.contains(word),
            "{shown}: {message:?} lacks {word:?}"
        );
    }
}

#[test]
fn every_broken_file_gets_a_located_message_and_exit_1() {
    for (name, line, col, words) in CORPUS {
        let file = Path::new("tests/broken").join(name);
        assert!(manifest_dir().join(&file).is_file(), "{name} is missing");
        assert_located(&file, *line, *col, words);
    }
}

#[test]
fn the_corpus_table_covers_every_file_in_tests_broken() {
    let Ok(entries) = std::fs::read_dir(manifest_dir().join("tests/broken")) else {
        panic!("tests/broken is missing");
    };
    let mut on_disk: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".ron"))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CORPUS.iter().map(|(name, ..)| (*name).to_owned()).collect();
    listed.push("many-problems.ron".to_owned());
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn every_problem_in_a_file_is_reported_at_once() {
    let file = Path::new("tests/broken/many-problems.ron");
    let output = check(&[file]);
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1));
    let expected = [
        "tests/broken/many-problems.ron:4:12: the title is empty",
        "tests/broken/many-problems.ron:15:20: unknown phase \"durng\"",
        "tests/broken/many-problems.ron:51:29: score -7.5 for \"delivery\" lies outside the scale",
        "tests/broken/many-problems.ron:61:31: unknown metric \"speed\"",
    ];
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), expected.len(), "{stdout}");
    for (line, want) in lines.iter().zip(expected) {
        assert!(
            line.starts_with(want),
            "{line:?} should start with {want:?}"
        );
    }
}

#[test]
fn a_file_that_is_not_utf8_is_refused_at_the_first_bad_byte() {
    let Ok(dir) = tempfile::tempdir() else {
        panic!("no temp dir");
    };
    let file = dir.path().join("latin1.ron");
    // "Caf\xe9" is Latin-1, not UTF-8: the é is a lone byte 0xE9 on line 2, column 16.
    let bytes = b"(\n    title: \"Caf\xe9\",\n    version: 1,\n)\n";
    assert!(std::fs::write(&file, bytes).is_ok());
    assert_located(&file, 2, 16, &["not UTF-8", "save it as UTF-8"]);
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let Ok(dir) = tempfile::tempdir() else {
        panic!("no temp dir");
    };
    let file = dir.path().join("huge.ron");
    let Ok(handle) = std::fs::File::create(&file) else {
        panic!("cannot create {}", file.display());
    };
    // Sparse: takes no disk space, but its size is over the limit.
    assert!(handle.set_len(emograph::io::MAX_FILE_BYTES + 1).is_ok());
    drop(handle);
    assert_located(&file, 1, 1, &["larger than 256 MiB", "refuses"]);
}

#[test]
fn a_missing_file_is_an_error_not_a_panic() {
    let file = Path::new("tests/broken/no-such-file.ron");
    let output = check(&[file]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stdout).contains("no-such-file.ron: cannot open"));
    assert!(!text(&output.stderr).contains("panicked"));
}

fn bundled_journeys() -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(manifest_dir().join("journeys")) else {
        panic!("journeys/ is missing");
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| Path::new("journeys").join(e.file_name()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    files.sort();
    files
}

#[test]
fn the_bundled_journeys_pass() {
    let files = bundled_journeys();
    assert!(files.len() >= 4, "{files:?}");
    let args: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let output = check(&args);
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}{}",
        text(&output.stderr)
    );
    for file in &files {
        assert!(
            stdout.contains(&format!("{}: ok (", file.display())),
            "{} not reported ok:\n{stdout}",
            file.display()
        );
    }
}

#[test]
fn one_bad_file_among_good_ones_fails_the_run_but_the_good_ones_are_still_checked() {
    let files = bundled_journeys();
    let Some(good) = files.first() else {
        panic!("no bundled journeys");
    };
    let bad = Path::new("tests/broken/nan-score.ron");
    let output = check(&[good.as_path(), bad]);
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout.contains(&format!("{}: ok (", good.display())),
        "{stdout}"
    );
    assert!(
        stdout.contains("tests/broken/nan-score.ron:51:29: "),
        "{stdout}"
    );
}

#[test]
fn quiet_prints_only_problems() {
    let files = bundled_journeys();
    let mut args: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let bad = Path::new("tests/broken/duplicate-ids.ron");
    args.push(bad);
    let output = Command::new(env!("CARGO_BIN_EXE_emograph"))
        .current_dir(manifest_dir())
        .args(["check", "--quiet"])
        .args(&args)
        .output();
    let Ok(output) = output else {
        panic!("could not run emograph");
    };
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(
        stdout.starts_with("tests/broken/duplicate-ids.ron:47:17: "),
        "{stdout}"
    );
}

/// `emograph check … | head -0` (or any reader that stops early): the closed pipe ends the
/// output quietly, with the verb's own exit code, never a panic.
#[test]
fn a_reader_that_stops_early_is_no_panic() {
    let journeys = Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys");
    let cinema = journeys.join("cinema-evening.ron");
    for args in [
        vec!["check".to_owned(), cinema.display().to_string()],
        vec!["critical".to_owned(), cinema.display().to_string()],
        vec!["owners".to_owned(), cinema.display().to_string()],
    ] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_emograph"))
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("runs");
        // Close the reading end before the verb writes: its writes meet a broken pipe.
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("ends");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
    }
}
