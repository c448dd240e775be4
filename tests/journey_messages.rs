// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! What the journey loader says about hand-edited files: duplicate map keys are refused where
//! the second one stands, errors are located the same whether or not the file starts with its
//! struct name `Journey(`, and no message mentions one of our internal type names.

use std::path::Path;

use emograph::io::{self as jio, LoadError};

const BROKEN_COMMA: &str = include_str!("broken/missing-comma.ron");

/// A small valid journey; `{scores}` and `{notes}` are the first case's maps.
fn journey_text(scores: &str, notes: &str) -> String {
    format!(
        r#"(
    version: 1,
    title: "Cinema",
    touchpoints: [
        (id: "ticket", name: "Ticket", phase: "before"),
        (id: "film", name: "Film", phase: "during"),
    ],
    cases: [
        (
            id: "c1",
            scores: {scores},
            notes: {notes},
        ),
    ],
)
"#
    )
}

fn parse_error(text: &str) -> LoadError {
    match jio::parse_journey(text, Path::new("j.ron")) {
        Ok(journey) => panic!("parsed: {journey:?}\n{text}"),
        Err(error) => error,
    }
}

/// Line and column (1-based) of the `n`th occurrence (from 0) of `needle`.
fn position_of(text: &str, needle: &str, n: usize) -> (usize, usize) {
    let Some((offset, _)) = text.match_indices(needle).nth(n) else {
        panic!("{needle:?} is not in the text {n} times");
    };
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[test]
fn a_touchpoint_scored_twice_is_refused_at_the_second_key() {
    let text = journey_text(r#"{"film": 4.5, "ticket": 1.0, "film": -5.0}"#, "{}");
    let error = parse_error(&text);
    let [diagnostic] = error.diagnostics.as_slice() else {
        panic!("{error}");
    };
    let (line, col) = position_of(&text, "\"film\": -5.0", 0);
    let (first_line, first_col) = position_of(&text, "\"film\": 4.5", 0);
    assert_eq!(diagnostic.position, Some((line, col)), "{error}");
    assert_eq!(
        diagnostic.message,
        format!(
            "the key \"film\" appears twice in the map `scores` (first at {first_line}:{first_col}); \
             only the last would be kept, so remove one of them"
        )
    );
}

#[test]
fn every_map_is_checked_and_escaped_keys_count_as_what_they_stand_for() {
    let text = journey_text(
        r#"{"film": 4.5}"#,
        r#"{"film": "loud", "ticket": "ok", "fil\u{6d}": "dark"}"#,
    );
    let error = parse_error(&text);
    let message = error.to_string();
    let (line, col) = position_of(&text, "\"fil\\u{6d}\"", 0);
    assert!(
        message.starts_with(&format!(
            "j.ron:{line}:{col}: the key \"film\" appears twice in the map `notes`"
        )),
        "{message}"
    );
    // A key repeated in another case's map is no duplicate.
    let fine = journey_text(r#"{"film": 4.5, "ticket": 1.0}"#, r#"{"film": "loud"}"#);
    assert!(jio::parse_journey(&fine, Path::new("j.ron")).is_ok());
}

#[test]
fn check_refuses_a_duplicate_key_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("merged.ron");
    let text = journey_text(r#"{"film": 4.5, "film": -5.0}"#, "{}");
    std::fs::write(&path, &text).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_emograph"))
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let (line, col) = position_of(&text, "\"film\": -5.0", 0);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains(&format!(
            "merged.ron:{line}:{col}: the key \"film\" appears twice"
        )),
        "{stdout}"
    );
}

#[test]
fn an_error_in_a_file_that_starts_with_journey_is_located_where_it_is() {
    // The sample with its comment line removed, then the same with `Journey` before the `(`.
    let plain = BROKEN_COMMA
        .split_once('\n')
        .map_or(BROKEN_COMMA, |(_, rest)| rest);
    let named = format!("Journey{plain}");
    let plain_error = parse_error(plain);
    let named_error = parse_error(&named);
    let (Some(plain_at), Some(named_at)) = (
        plain_error.diagnostics.first().and_then(|d| d.position),
        named_error.diagnostics.first().and_then(|d| d.position),
    ) else {
        panic!("unlocated: {plain_error} / {named_error}");
    };
    assert_eq!(plain_at, (3, 32), "{plain_error}");
    // Same place: the name is on line 1, the error on line 3.
    assert_eq!(named_at, plain_at, "{named_error}");
    assert_eq!(
        named_error.diagnostics.first().map(|d| &d.message),
        plain_error.diagnostics.first().map(|d| &d.message)
    );
    let message = named_error.to_string();
    assert!(message.contains("expected a comma"), "{message}");
}

/// The model's type names, and the names the loader has used internally.
const TYPE_NAMES: [&str; 17] = [
    "VersionOnly",
    "Journey",
    "SourceScale",
    "Scale",
    "Anchor",
    "Phase",
    "Touchpoint",
    "Office",
    "Case",
    "Owner",
    "Metric",
    "Better",
    "MetricLevel",
    "Flag",
    "FlagKind",
    "Action",
    "Status",
];

/// The message without what it quotes from the file (in backticks or double quotes): the
/// user's own text may say `Journey`, our words must not.
fn own_words(message: &str) -> String {
    let mut out = String::new();
    let mut quote = None;
    for c in message.chars() {
        match (quote, c) {
            (None, '`' | '"') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, c) => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn no_message_names_an_internal_type() {
    let valid = journey_text(r#"{"film": 4.5}"#, "{}");
    let broken: Vec<String> = vec![
        // A syntax error after the struct name, and one without it.
        format!(
            "Journey{}",
            BROKEN_COMMA.split_once('\n').map_or("", |(_, r)| r)
        ),
        valid.replacen("version: 1,", "Journey(version: 1,", 1),
        // A struct name where none belongs, and the wrong one.
        valid.replacen("(id: \"ticket\"", "Case(id: \"ticket\"", 1),
        valid.replacen(
            "(\n            id: \"c1\"",
            "Touchpoint(\n            id: \"c1\"",
            1,
        ),
        format!("Case{}", valid.trim_start()),
        // A missing field, a wrong type, an unknown field, a value of the wrong shape.
        valid.replacen("name: \"Ticket\", ", "", 1),
        valid.replacen("phase: \"before\"", "phase: 3", 1),
        valid.replacen("title: \"Cinema\",", "title: \"Cinema\", colour: 1,", 1),
        valid.replacen(
            "(id: \"ticket\", name: \"Ticket\", phase: \"before\")",
            "\"ticket\"",
            1,
        ),
        valid.replacen("cases: [", "cases: (", 1),
        valid.replacen("scores: {", "scores: [", 1),
        valid.replacen("version: 1,", "version: \"one\",", 1),
    ];
    let mut messages = Vec::new();
    for text in &broken {
        for named in [text.clone(), format!("Journey{}", text.trim_start())] {
            let error = parse_error(&named);
            messages.extend(error.diagnostics.iter().map(|d| d.message.clone()));
        }
    }
    // The checked-in broken files, too.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
    for entry in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        if let Err(error) = jio::load_journey(&entry.path()) {
            messages.extend(error.diagnostics.iter().map(|d| d.message.clone()));
        }
    }
    for message in &messages {
        let words = own_words(message);
        for name in TYPE_NAMES {
            let named = words
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| word == name);
            assert!(!named, "{name} in: {message}");
        }
        assert!(!words.contains("struct"), "{message}");
    }
    assert!(messages.len() > 20, "{messages:#?}");
}
