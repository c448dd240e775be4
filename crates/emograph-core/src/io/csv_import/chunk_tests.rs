//! The chunked reader against the sequential one: the same dataset to the bit, the same
//! messages at the same lines and columns, quoting rules kept.

use std::sync::atomic::Ordering;

use super::wide::{CHUNKED_READS, chunk_count, split_at_line_ends};
use super::*;

/// Rows that make the rest of the file (after the rows read ahead) well over the size that is
/// read in chunks.
pub(super) const ROWS: usize = 12_000;
const WIDTH: usize = 30;

/// A wide CSV like a survey export: ids, segments, one-decimal scores, 5 % empty cells.
pub(super) fn survey(rows: usize, delimiter: char, line_end: &str, ids: bool) -> String {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut text = String::new();
    if ids {
        text.push_str(&format!("case{delimiter}segment"));
    } else {
        text.push_str("segment");
    }
    for t in 1..=WIDTH {
        text.push_str(&format!("{delimiter}tp{t}"));
    }
    text.push_str(line_end);
    for row in 1..=rows {
        if ids {
            text.push_str(&format!("c{row}{delimiter}"));
        }
        text.push_str(["gold", "regular", "platinum"][(next() % 3) as usize]);
        for _ in 0..WIDTH {
            text.push(delimiter);
            if next() % 20 != 0 {
                let tenths = (next() % 101) as i64 - 50;
                let value = format!("{:.1}", tenths as f64 / 10.0);
                if delimiter == ',' {
                    text.push_str(&value);
                } else {
                    text.push_str(&value.replace('.', ","));
                }
            }
        }
        text.push_str(line_end);
    }
    text
}

fn both(
    text: &str,
    options: &CsvOptions,
) -> (Result<Dataset, LoadError>, Result<Dataset, LoadError>) {
    let sequential = parse_csv_sequentially(text.as_bytes(), options);
    let chunked = parse_csv(text.as_bytes(), Path::new("cases.csv"), options, false);
    (sequential, chunked)
}

pub(super) fn assert_same(a: &Dataset, b: &Dataset) {
    assert_eq!(a.case_ids, b.case_ids);
    assert_eq!(a.segments, b.segments);
    assert_eq!(a.waves, b.waves);
    assert_eq!(a.outcomes, b.outcomes);
    assert_eq!(a.journey, b.journey);
    assert_eq!(a.matrix.touchpoints(), b.matrix.touchpoints());
    assert_eq!(a.matrix.cases(), b.matrix.cases());
    let bits = |m: &ScoreMatrix| m.values().iter().map(|v| v.to_bits()).collect::<Vec<_>>();
    assert!(bits(&a.matrix) == bits(&b.matrix), "the scores differ");
}

/// The byte where the rows read ahead end and the chunks begin.
fn rest_start(text: &str) -> usize {
    text.match_indices('\n')
        .nth(SAMPLE_ROWS - 1)
        .map_or(text.len(), |(at, _)| at + 1)
}

#[test]
fn chunked_and_sequential_reads_give_the_same_dataset() {
    for (delimiter, line_end, ids) in [(',', "\n", true), (',', "\r\n", false), (';', "\n", true)] {
        let text = survey(ROWS, delimiter, line_end, ids);
        let before = CHUNKED_READS.load(Ordering::Relaxed);
        let (sequential, chunked) = both(&text, &CsvOptions::default());
        let (sequential, chunked) = (sequential.unwrap(), chunked.unwrap());
        if chunk_count() > 1 {
            assert!(
                CHUNKED_READS.load(Ordering::Relaxed) > before,
                "the file was not read in chunks"
            );
        }
        assert_eq!(chunked.matrix.cases(), ROWS);
        assert_same(&sequential, &chunked);
        if !ids {
            assert_eq!(chunked.case_ids.iter().next_back(), Some("12000"));
        }
    }
    // --na and a scale: the same per-cell rules in every chunk.
    let options = CsvOptions {
        na: vec!["0.0".to_owned()],
        scale: Some((-5.0, 5.0)),
        ..CsvOptions::default()
    };
    let text = survey(ROWS, ',', "\n", true);
    let (sequential, chunked) = both(&text, &options);
    assert_same(&sequential.unwrap(), &chunked.unwrap());
}

/// Replaces the last score of the line that ends at byte `end` (exclusive of its line end) by
/// as many `x` as it has characters, so every chunk boundary stays where it was; returns the
/// (line, column) an editor shows for it.
fn spoil_last_cell(text: &mut String, line_end_at: usize) -> (usize, usize) {
    let line_start = text
        .get(..line_end_at)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line = text.get(..line_start).unwrap().matches('\n').count() + 1;
    let fields: Vec<(usize, usize)> = {
        let body = text
            .get(line_start..line_end_at)
            .unwrap()
            .trim_end_matches('\r');
        let mut at = line_start;
        body.split(',')
            .map(|f| {
                let span = (at, at + f.len());
                at += f.len() + 1;
                span
            })
            .collect()
    };
    let (index, &(from, to)) = fields
        .iter()
        .enumerate()
        .rev()
        .find(|(_, (from, to))| to > from)
        .unwrap();
    text.replace_range(from..to, &"x".repeat(to - from));
    (line, index + 1)
}

#[test]
fn a_bad_cell_at_a_chunk_boundary_is_located_exactly() {
    let clean = survey(ROWS, ',', "\n", true);
    let start = rest_start(&clean);
    let chunks = split_at_line_ends(&clean.as_bytes()[start..], chunk_count());
    assert!(chunks.len() >= 2);
    let first_end = start + chunks[0].len(); // just after the line end closing chunk 0
    // The last line of a chunk, and the first line of the next.
    let next_line_end = first_end + clean[first_end..].find('\n').unwrap();
    for line_end_at in [first_end - 1, next_line_end] {
        let mut text = clean.clone();
        let (line, column) = spoil_last_cell(&mut text, line_end_at);
        let (sequential, chunked) = both(&text, &CsvOptions::default());
        let (sequential, chunked) = (sequential.unwrap_err(), chunked.unwrap_err());
        let message = chunked.to_string();
        assert!(
            message.starts_with(&format!("cases.csv:{line}:{column}: touchpoint \"tp")),
            "{message}"
        );
        assert!(message.contains("value \"xxx"), "{message}");
        assert_eq!(message, sequential.to_string());
    }
}

#[test]
fn many_problems_stop_where_the_sequential_reader_stops() {
    let mut text = survey(ROWS, ',', "\n", true);
    // Bad cells all over the file (two in some rows), a broken row, then duplicate ids.
    let ends: Vec<usize> = text.match_indices('\n').map(|(at, _)| at).collect();
    for (n, &end) in ends.iter().enumerate().skip(250).step_by(523).rev() {
        spoil_last_cell(&mut text, end);
        if n % 2 == 0 {
            // The same row's first score: one record, two problems.
            let line_start = text[..end].rfind('\n').unwrap() + 1;
            let comma = line_start + text[line_start..].find(',').unwrap();
            let second = comma + 1 + text[comma + 1..].find(',').unwrap();
            text.insert(second + 1, 'y');
        }
    }
    let (sequential, chunked) = both(&text, &CsvOptions::default());
    let (sequential, chunked) = (sequential.unwrap_err(), chunked.unwrap_err());
    assert!(
        chunked.to_string().contains("stopped after 20 problems"),
        "{chunked}"
    );
    assert_eq!(chunked.to_string(), sequential.to_string());

    let mut text = survey(ROWS, ',', "\n", true);
    text.push_str("short,row\n");
    let repeat = text.lines().nth(9_000).unwrap().to_owned();
    text.push_str(&repeat);
    text.push('\n');
    let (sequential, chunked) = both(&text, &CsvOptions::default());
    let (sequential, chunked) = (sequential.unwrap_err(), chunked.unwrap_err());
    let message = chunked.to_string();
    assert!(
        message.contains(&format!("cases.csv:{}:", ROWS + 2)),
        "{message}"
    );
    assert!(message.contains("this row has 2 fields"), "{message}");
    assert_eq!(message, sequential.to_string());
    // Without the broken row the repeated id is reported, at its own line.
    let repeated = text.replace("short,row\n", "");
    let (sequential, chunked) = both(&repeated, &CsvOptions::default());
    let message = chunked.unwrap_err().to_string();
    assert!(message.contains("duplicate case id \"c9000\""), "{message}");
    assert!(
        message.starts_with(&format!("cases.csv:{}:1:", ROWS + 2)),
        "{message}"
    );
    assert_eq!(message, sequential.unwrap_err().to_string());
}

#[test]
fn a_quoted_field_with_line_ends_is_never_split() {
    let mut text = survey(ROWS, ',', "\n", true);
    // A segment holding line ends (and a delimiter) in the middle of what would be a chunk.
    let middle = text.len() / 2;
    let line_start = text[..middle].rfind('\n').unwrap() + 1;
    let comma = line_start + text[line_start..].find(',').unwrap();
    let segment_end = comma + 1 + text[comma + 1..].find(',').unwrap();
    let id = text[line_start..comma].to_owned();
    text.replace_range(comma + 1..segment_end, "\"gold\nclub,\n\"\"vip\"\"\"");
    let (sequential, chunked) = both(&text, &CsvOptions::default());
    let (sequential, chunked) = (sequential.unwrap(), chunked.unwrap());
    assert_same(&sequential, &chunked);
    assert_eq!(chunked.matrix.cases(), ROWS);
    let row = chunked.case_ids.iter().position(|c| c == id).unwrap();
    assert_eq!(&chunked.segments[row], "gold\nclub,\n\"vip\"");
}
