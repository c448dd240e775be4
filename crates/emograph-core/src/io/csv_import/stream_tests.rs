//! A large file read piece by piece against the same text read whole by one thread: the same
//! dataset to the bit, the same messages at the same lines; and the cases that must fall back
//! to the whole file do, with the whole file's result.

use super::chunk_tests::{ROWS, assert_same, survey};
use super::stream::STREAMED;
use super::*;

/// `load_csv` of `text` written to a file named `cases.csv` (as the sequential reader names its
/// source), whether it was streamed, and the sequential reading of the same text.
fn streamed_and_whole(
    text: &str,
    options: &CsvOptions,
) -> (Result<Dataset, String>, bool, Result<Dataset, String>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cases.csv");
    std::fs::write(&path, text).unwrap();
    STREAMED.with(|s| s.set(false));
    let prefix = format!("{}/", dir.path().display());
    let streamed = load_csv(&path, options).map_err(|e| e.to_string().replace(&prefix, ""));
    let was_streamed = STREAMED.with(std::cell::Cell::get);
    let whole = parse_csv_sequentially(text.as_bytes(), options).map_err(|e| e.to_string());
    (streamed, was_streamed, whole)
}

#[test]
fn a_large_file_read_piece_by_piece_is_the_file_read_whole() {
    for (delimiter, line_end, ids) in [(',', "\n", true), (',', "\r\n", false), (';', "\n", true)] {
        let text = survey(ROWS, delimiter, line_end, ids);
        let (streamed, was_streamed, whole) = streamed_and_whole(&text, &CsvOptions::default());
        assert!(was_streamed || wide::chunk_count() < 2, "not streamed");
        let (streamed, whole) = (streamed.unwrap(), whole.unwrap());
        assert_eq!(streamed.matrix.cases(), ROWS);
        assert_same(&whole, &streamed);
    }
}

#[test]
fn problems_in_later_pieces_are_located_as_in_the_whole_file() {
    if wide::chunk_count() < 2 {
        return; // one core: every file is read whole
    }
    // One bad cell far past the head, then more than twenty.
    let text = survey(ROWS, ',', "\n", true);
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[9_000] = lines[9_000]
        .replacen(",gold,", ",gold,x", 1)
        .replacen(",regular,", ",regular,x", 1)
        .replacen(",platinum,", ",platinum,x", 1);
    let one = lines.join("\n") + "\n";
    let (streamed, was_streamed, whole) = streamed_and_whole(&one, &CsvOptions::default());
    let message = streamed.unwrap_err();
    assert!(was_streamed, "fell back on a bad cell");
    assert!(message.contains("cases.csv:9001:"), "{message}");
    assert_eq!(message, whole.unwrap_err());

    for line in lines.iter_mut().skip(5_000).step_by(97).take(30) {
        *line = format!("{line},extra");
    }
    let many = lines.join("\n") + "\n";
    let (streamed, was_streamed, whole) = streamed_and_whole(&many, &CsvOptions::default());
    let message = streamed.unwrap_err();
    assert!(was_streamed);
    assert!(message.contains("stopped after 20 problems"), "{message}");
    assert_eq!(message, whole.unwrap_err());
}

#[test]
fn what_only_the_whole_file_can_tell_falls_back_to_reading_it_whole() {
    let text = survey(ROWS, ',', "\n", true);
    // A repeated id far from its first line: the message needs the line of both.
    let repeat = text.lines().nth(100).unwrap().to_owned();
    let repeated = format!("{text}{repeat}\n");
    let (streamed, was_streamed, whole) = streamed_and_whole(&repeated, &CsvOptions::default());
    let message = streamed.unwrap_err();
    assert!(!was_streamed);
    assert!(message.contains("duplicate case id \"c100\""), "{message}");
    assert_eq!(message, whole.unwrap_err());

    // A quoted field (it may hold a line end) in a later piece.
    let quoted = text.replacen("c11000,gold,", "c11000,\"gold\nclub\",", 1);
    assert_ne!(quoted, text, "the test's row is there");
    let (streamed, was_streamed, whole) = streamed_and_whole(&quoted, &CsvOptions::default());
    assert!(!was_streamed);
    let (streamed, whole) = (streamed.unwrap(), whole.unwrap());
    assert_same(&whole, &streamed);
    assert!(streamed.segments.iter().any(|s| s == "gold\nclub"));

    // Bytes that are not UTF-8 in a later piece: the whole file's located message.
    let mut bytes = text.clone().into_bytes();
    let at = bytes.len() - 500;
    bytes[at] = 0xFF;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cases.csv");
    std::fs::write(&path, &bytes).unwrap();
    let message = load_csv(&path, &CsvOptions::default())
        .unwrap_err()
        .to_string();
    assert!(!STREAMED.with(std::cell::Cell::get));
    assert!(message.contains("not UTF-8"), "{message}");
}
