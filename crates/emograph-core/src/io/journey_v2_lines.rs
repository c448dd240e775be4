//! Reading a version 2 journey's cases without ron, line by line, on every core.
//!
//! A survey journey is nearly all case lines, each written by [`super::journey_v2`] in one
//! shape (`        (id: "c1", segment: "gold", scores: [2.5, None, 4]),`). Through ron's
//! general deserializer, a 1.3 M-case file loaded 4.5–6× slower than its CSV: 90 % of the time
//! in ron, most of it reading numbers and matching field names. Here the head (everything before
//! the cases) is still read by ron, and each case line by a scanner that knows the writer's
//! shape; a line in any other shape (notes, escapes, a hand edit) is read by ron alone, and a
//! file that is not laid out as the writer lays it out is left to ron entirely.
//!
//! The result is the one ron gives, value for value: the same numbers (`f64::from_str` for a
//! decimal, an integer read as an integer and then converted, as ron does), the same strings,
//! the same checks. A file ron refuses is never accepted here: whatever this reader cannot
//! vouch for goes back to ron, which also says where a problem is.

use super::journey_file::ron_options;
use super::journey_v2::{CaseSeed, CompactCases, JourneyIn};
use crate::model::Case;

/// The line that opens the cases, as the writer writes it.
const OPEN: &str = "\n    cases: [\n";
/// The lines that close the cases and the journey.
const CLOSE: &str = "\n    ],\n)";
/// Below this many bytes of cases, one thread reads them (a thread costs more than it saves).
const PARALLEL_BYTES: usize = 1 << 20;
/// About how much of a large body one piece holds (see [`cases`]).
const PIECE_BYTES: usize = 1 << 20;

/// `text` read as a version 2 journey, or `None` when it is not laid out as the writer lays it
/// out or anything in it is refused: the caller then reads it with ron.
///
/// With the journey comes how much of `text`, from its start, can hold a map (`{…}`) whose
/// keys must be checked for duplicates: the head alone when every case line was the writer's
/// shape (which has no map), else all of it. A survey's 200 MB then need no second scan.
pub(crate) fn read<const FULL: bool>(text: &str) -> Option<(JourneyIn<FULL>, usize)> {
    let start = text.find(OPEN)?;
    let body_start = start + OPEN.len();
    let body_end = text.trim_end().strip_suffix(CLOSE)?.len() + 1;
    let body = text.get(body_start..body_end)?;
    // The head with an empty list of cases, so that a head holding cases of its own is refused
    // as a duplicate field, as it is in the whole file.
    let mut head = String::with_capacity(start + 20);
    head.push_str(text.get(..start)?);
    head.push_str("\n    cases: [],\n)");
    let mut journey: JourneyIn<FULL> = ron_options().from_str(&head).ok()?;
    let (cases, all_scanned) = cases(body)?;
    journey.cases = cases;
    Some((journey, if all_scanned { start } else { text.len() }))
}

/// The case lines of `body` (each ending in a line break), read on every core, and whether
/// each was the writer's shape (none went to ron).
///
/// The body is cut into pieces of about [`PIECE_BYTES`], more than there are cores, each core
/// reading every n-th: joining the pieces' columns copies one piece at a time, so the copy
/// costs a piece of memory, not half of all the columns as one piece per core did (130 MB
/// at 1.3 M cases).
fn cases<const FULL: bool>(body: &str) -> Option<(CompactCases<FULL>, bool)> {
    /// A piece's cases and whether each line was scanned; `None` when ron refused one.
    type Part<const FULL: bool> = Option<(CompactCases<FULL>, bool)>;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || body.len() < PARALLEL_BYTES {
        return chunk(body);
    }
    let pieces = split_at_lines(body, (body.len() / PIECE_BYTES).max(threads));
    let mut parts: Vec<Part<FULL>> = std::iter::repeat_with(|| None).take(pieces.len()).collect();
    // A watched load (the GUI's progress bar) hears of each piece read.
    let progress = super::progress::current();
    let read: Vec<Vec<(usize, Part<FULL>)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|worker| {
                let pieces = &pieces;
                let progress = progress.clone();
                scope.spawn(move || {
                    pieces
                        .iter()
                        .enumerate()
                        .skip(worker)
                        .step_by(threads)
                        .map(|(i, piece)| {
                            let part = chunk::<FULL>(piece);
                            if let Some(progress) = &progress {
                                progress.add_done(piece.len() as u64);
                            }
                            (i, part)
                        })
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().unwrap_or_default())
            .collect()
    });
    for (i, part) in read.into_iter().flatten() {
        if let Some(slot) = parts.get_mut(i) {
            *slot = part;
        }
    }
    let mut all = CompactCases::default();
    let mut all_scanned = true;
    for part in parts {
        let (part, scanned) = part?;
        all.append(part);
        all_scanned &= scanned;
    }
    Some((all, all_scanned))
}

/// `text` cut into about `n` pieces, each ending just after a line break.
fn split_at_lines(text: &str, n: usize) -> Vec<&str> {
    let mut pieces = Vec::with_capacity(n);
    let mut rest = text;
    for left in (1..=n).rev() {
        if left == 1 || rest.is_empty() {
            pieces.push(rest);
            break;
        }
        let aim = rest.len() / left;
        let cut = rest
            .get(aim..)
            .and_then(|tail| tail.find('\n'))
            .map_or(rest.len(), |i| aim + i + 1);
        let (piece, tail) = rest.split_at(cut);
        pieces.push(piece);
        rest = tail;
    }
    pieces
}

/// One chunk of case lines, and whether each was the writer's shape.
fn chunk<const FULL: bool>(text: &str) -> Option<(CompactCases<FULL>, bool)> {
    let mut cases = CompactCases::default();
    let mut all_scanned = true;
    for line in text.lines() {
        if line.trim().is_empty() {
            continue;
        }
        if !case_line(line, &mut cases) {
            all_scanned = false;
            // Not the writer's shape: ron reads the one case (without its trailing comma).
            let value = line.trim().strip_suffix(',')?;
            ron_options()
                .from_str_seed(value, CaseSeed(&mut cases))
                .ok()?;
        }
    }
    Some((cases, all_scanned))
}

/// Reads `line` onto `cases` if it is in the writer's shape; otherwise adds nothing and says
/// so.
fn case_line<const FULL: bool>(line: &str, cases: &mut CompactCases<FULL>) -> bool {
    let before = cases.values.len();
    let case = scan_case(line, &mut cases.values);
    match case {
        Some((case, length)) => {
            cases.push_case(case, length);
            true
        }
        None => {
            cases.values.truncate(before);
            false
        }
    }
}

/// The case on `line`, its scores pushed onto `values`; `None` at the first thing the writer
/// would not have written.
fn scan_case(line: &str, values: &mut Vec<f64>) -> Option<(Case, u32)> {
    let mut rest = line.strip_prefix("        (id: ")?;
    let mut case = Case::new("", "");
    case.id = string(&mut rest)?;
    if let Some(r) = rest.strip_prefix(", label: ") {
        rest = r;
        case.label = string(&mut rest)?;
    }
    if let Some(r) = rest.strip_prefix(", segment: ") {
        rest = r;
        case.segment = string(&mut rest)?;
    }
    if let Some(r) = rest.strip_prefix(", source: ") {
        rest = r;
        case.source = string(&mut rest)?;
    }
    if let Some(r) = rest.strip_prefix(", wave: ") {
        rest = r;
        case.wave = string(&mut rest)?;
    }
    if let Some(r) = rest.strip_prefix(", outcome: ") {
        rest = r;
        case.outcome = Some(number(&mut rest)?);
    }
    rest = rest.strip_prefix(", scores: [")?;
    let mut length: u32 = 0;
    if let Some(r) = rest.strip_prefix(']') {
        rest = r;
    } else {
        loop {
            if let Some(r) = rest.strip_prefix("None") {
                rest = r;
                values.push(f64::NAN);
            } else {
                values.push(number(&mut rest)?);
            }
            length = length.checked_add(1)?;
            if let Some(r) = rest.strip_prefix(", ") {
                rest = r;
            } else {
                rest = rest.strip_prefix(']')?;
                break;
            }
        }
    }
    (rest == "),").then_some((case, length))
}

/// A string literal without escapes or control characters (anything else is left to ron).
fn string(rest: &mut &str) -> Option<String> {
    let inner = rest.strip_prefix('"')?;
    let end = inner.find('"')?;
    let text = inner.get(..end)?;
    if text.bytes().any(|b| b == b'\\' || b < b' ' || b == 0x7f) {
        return None;
    }
    *rest = inner.get(end + 1..)?;
    Some(text.to_owned())
}

/// A plain decimal number (`-3`, `2.5`, `1e-7`), as ron reads it: an integer as an integer
/// then converted (so `-0` is 0), anything with a fraction or an exponent by `f64::from_str`.
/// Infinities, `NaN`, a `+`, underscores and integers too long for 15 digits go to ron.
fn number(rest: &mut &str) -> Option<f64> {
    let bytes = rest.as_bytes();
    let mut i = usize::from(bytes.first() == Some(&b'-'));
    let digits_start = i;
    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    let integer_digits = i - digits_start;
    if integer_digits == 0 {
        return None;
    }
    let mut float = false;
    if bytes.get(i) == Some(&b'.') {
        float = true;
        i += 1;
        let fraction_start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == fraction_start {
            return None;
        }
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        float = true;
        i += 1;
        if matches!(bytes.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let exponent_start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == exponent_start {
            return None;
        }
    }
    // A number runs into its separator: `2.5,` or `2.5]` or `2.5)`, nothing else.
    if !matches!(bytes.get(i), Some(b',' | b']' | b')')) {
        return None;
    }
    let text = rest.get(..i)?;
    let value = if float {
        text.parse::<f64>().ok()?
    } else {
        if integer_digits > 15 {
            return None;
        }
        text.parse::<i64>().ok()? as f64
    };
    *rest = rest.get(i..)?;
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_ron_reads_them() {
        for (text, value) in [
            ("-3,", -3.0),
            ("2.5]", 2.5),
            ("1e-7)", 1e-7),
            ("0.1,", 0.1),
            ("4.999999999999999,", 4.999999999999999),
        ] {
            let mut rest = text;
            assert_eq!(number(&mut rest), Some(value), "{text}");
            assert_eq!(rest.len(), 1);
        }
        let mut zero = "-0,";
        let zero = number(&mut zero).unwrap();
        assert!(zero == 0.0 && zero.is_sign_positive(), "ron reads -0 as 0");
        for text in [
            "inf,",
            "NaN,",
            "+2,",
            "1_000,",
            "2.,",
            ".5,",
            "2.5x",
            "12345678901234567,",
        ] {
            let mut rest = text;
            assert_eq!(number(&mut rest), None, "{text} goes to ron");
        }
    }

    #[test]
    fn strings_with_escapes_or_controls_go_to_ron() {
        let mut plain = "\"Ann's café\", x";
        assert_eq!(string(&mut plain).as_deref(), Some("Ann's café"));
        assert_eq!(plain, ", x");
        for text in ["\"a\\\"b\"", "\"a\u{1}b\"", "no quote"] {
            let mut rest = text;
            assert_eq!(string(&mut rest), None, "{text:?}");
        }
    }

    #[test]
    fn a_case_line_in_the_writers_shape_is_read_and_any_other_is_not() {
        let mut values = Vec::new();
        let (case, length) = scan_case(
            "        (id: \"c1\", segment: \"gold\", outcome: 1, scores: [2.5, None, -4]),",
            &mut values,
        )
        .unwrap();
        assert_eq!((case.id.as_str(), case.segment.as_str()), ("c1", "gold"));
        assert_eq!(case.outcome, Some(1.0));
        assert_eq!(length, 3);
        assert_eq!(values[0], 2.5);
        assert!(values[1].is_nan());
        assert_eq!(values[2], -4.0);
        for other in [
            "        (id: \"c1\", scores: [1], notes: {\"a\": \"b\"}),",
            "        (id: \"c1\", scores: [1,2]),",
            "        (segment: \"gold\", id: \"c1\", scores: [1]),",
            "        (id: \"c1\", scores: [1])",
        ] {
            assert!(scan_case(other, &mut Vec::new()).is_none(), "{other}");
        }
    }

    #[test]
    fn chunks_end_at_line_breaks_and_cover_the_text() {
        let text = "a\nbb\nccc\ndddd\n";
        for n in 1..6 {
            let pieces = split_at_lines(text, n);
            assert_eq!(pieces.concat(), text);
            assert!(pieces.iter().all(|p| p.is_empty() || p.ends_with('\n')));
        }
    }

    /// A journey the writer writes, with every kind of case line: plain, with notes, with
    /// escapes, with long numbers; its cases read here equal ron's, column by column.
    fn written() -> String {
        use crate::model::{Journey, Touchpoint};
        let mut journey = Journey {
            title: "Lines".into(),
            ..Journey::default()
        };
        for t in 0..4 {
            journey.touchpoints.push(Touchpoint::new(
                &format!("t{t}"),
                &format!("T {t}"),
                "during",
            ));
        }
        for c in 0..30_000 {
            let mut case = Case::new(&format!("c{c}"), "");
            case.segment = ["gold", "", "Eco \"Plus\"", "מזומן"][c % 4].into();
            if c % 7 == 0 {
                case.label = format!("Case {c}\tlabel");
                case.wave = "w2".into();
                case.source = "survey".into();
                case.outcome = Some((c % 3) as f64);
            }
            for t in 0..4 {
                if (c + t) % 5 != 0 {
                    let score = ((c * 7 + t * 13) % 101) as f64 / 10.0 - 5.0;
                    case.scores.insert(format!("t{t}"), score);
                }
            }
            if c % 11 == 0 {
                case.scores.insert("t1".into(), 1.0 / 3.0);
                case.notes.insert("t2".into(), format!("note {c}: \"why\""));
            }
            journey.cases.push(case);
        }
        let mut out = Vec::new();
        super::super::journey_file::write_journey(&mut out, &journey).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_writers_journey_reads_as_ron_reads_it_in_parallel_chunks() {
        let text = written();
        assert!(
            text.len() > PARALLEL_BYTES,
            "large enough to be read in chunks"
        );
        let (fast, maps_end): (JourneyIn<true>, _) =
            read(&text).expect("the writer's shape is read here");
        assert_eq!(
            maps_end,
            text.len(),
            "lines with notes went to ron: all is checked"
        );
        let ron: JourneyIn<true> = ron_options().from_str(&text).unwrap();
        assert_eq!(format!("{:?}", fast.cases), format!("{:?}", ron.cases));
        assert_eq!(fast.cases.ids.len(), 30_000);
        assert!(!fast.cases.notes.is_empty());
        let (fast, _): (JourneyIn<false>, _) = read(&text).unwrap();
        let ron: JourneyIn<false> = ron_options().from_str(&text).unwrap();
        assert_eq!(format!("{:?}", fast.cases), format!("{:?}", ron.cases));
    }

    #[test]
    fn what_ron_refuses_is_refused_here_too() {
        let text = written();
        // A second `cases` in the head, a broken line, a case after the list: ron refuses
        // each, and this reader leaves each to ron.
        let head_cases = text.replacen("    touchpoints:", "    cases: [],\n    touchpoints:", 1);
        let broken = text.replacen("(id: \"c5\"", "(id: \"c5\" oops", 1);
        let duplicate_field = text.replacen("(id: \"c6\"", "(id: \"c6\", id: \"x\"", 1);
        for bad in [head_cases, broken, duplicate_field] {
            assert!(ron_options().from_str::<JourneyIn<true>>(&bad).is_err());
            assert!(read::<true>(&bad).is_none());
        }
    }

    /// A journey of one touchpoint and one case scored 1 (with `note` there), as written.
    fn one_case(note: Option<&str>) -> String {
        use crate::model::{Journey, Touchpoint};
        let mut journey = Journey {
            title: "T".into(),
            ..Journey::default()
        };
        journey
            .touchpoints
            .push(Touchpoint::new("a", "A", "during"));
        let mut case = Case::new("c1", "");
        case.scores.insert("a".into(), 1.0);
        if let Some(note) = note {
            case.notes.insert("a".into(), note.into());
        }
        journey.cases.push(case);
        let mut out = Vec::new();
        super::super::journey_file::write_journey(&mut out, &journey).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn only_the_head_is_left_to_check_for_duplicate_keys_when_every_line_was_scanned() {
        let text = one_case(None);
        let (read, maps_end): (JourneyIn<true>, _) = read(&text).unwrap();
        assert_eq!(read.cases.ids, ["c1"]);
        assert_eq!(maps_end, text.find(OPEN).unwrap());
    }

    #[test]
    fn a_note_written_twice_on_a_case_line_is_still_found() {
        let text = one_case(Some("first"))
            .replace(r#"{"a": "first"}"#, r#"{"a": "first", "a": "second"}"#);
        let error = super::super::journey_file::parse_journey(&text, std::path::Path::new("j.ron"))
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("the key \"a\" appears twice in the map `notes`"),
            "{error}"
        );
    }
}
