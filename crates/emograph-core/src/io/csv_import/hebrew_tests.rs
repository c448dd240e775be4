//! The import's problems in Hebrew: each says its particulars (the touchpoint, the value, the
//! line and column, the number) inside a Hebrew sentence, with no English sentence left — also
//! when the rows are read by worker threads, and in the preview the import dialog shows.

use std::sync::atomic::Ordering;

use super::chunk_tests::{ROWS, survey};
use super::preview::{ColumnRole, preview_bytes};
use super::wide::CHUNKED_READS;
use super::*;
use crate::i18n::{Lang, with_language};

fn hebrew<R>(f: impl FnOnce() -> R) -> R {
    with_language(Lang::Hebrew, f)
}

/// The words of `text` outside what is quoted, backticked or an option (`--scale MIN..MAX`,
/// `Overall>=4`), and outside the names that stay Latin in Hebrew too.
fn latin_words(text: &str) -> Vec<String> {
    const KEPT: &[&str] = &[
        "CSV",
        "UTF",
        "MIN",
        "MAX",
        "VALUE",
        "TEXT",
        "SCORE",
        "CASE",
        "TOUCHPOINT",
        "Qualtrics",
        "SurveyMonkey",
        "emograph",
        "MiB",
        "GB",
        "BOM",
        "zip",
    ];
    let plain = crate::io::outside_quotes(text);
    plain
        .split_whitespace()
        // Options, examples of them and encodings' labels (`--scale`, `Overall>=4`,
        // `windows-1255`) are code.
        .filter(|word| !word.contains("--") && !word.contains(['=', '>']))
        .filter(|word| !word.chars().any(|c| c.is_ascii_digit()))
        .flat_map(|word| word.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|word| word.len() >= 2 && !KEPT.contains(word))
        .map(str::to_owned)
        .collect()
}

/// `text` is Hebrew, holds each of `particulars`, and no English word outside them.
fn assert_hebrew(text: &str, words: &[&str], particulars: &[&str]) {
    let bare = crate::io::without_marks(text);
    for word in words {
        assert!(bare.contains(word), "{word:?} not in {bare}");
    }
    for particular in particulars {
        assert!(bare.contains(particular), "{particular:?} not in {bare}");
    }
    let latin = latin_words(&bare);
    assert!(latin.is_empty(), "English {latin:?} in {bare}");
}

fn parse(text: &str, options: &CsvOptions) -> LoadError {
    parse_csv(text.as_bytes(), Path::new("cases.csv"), options, false).unwrap_err()
}

#[test]
fn a_bad_cell_a_ragged_row_and_a_duplicate_id_are_said_in_hebrew() {
    let error = hebrew(|| parse("case,a,b\nc1,1,2\nc2,3,x\n", &CsvOptions::default()));
    let diagnostic = &error.diagnostics[0];
    assert_eq!(diagnostic.position, Some((3, 3)));
    assert_hebrew(
        &diagnostic.message,
        &["נקודת המגע", "לא מספר", "הערך"],
        &["\"b\"", "\"x\"", "--labels", "--touchpoints"],
    );

    let error = hebrew(|| parse("case,a,b\nc1,1\n", &CsvOptions::default()));
    assert_eq!(error.diagnostics[0].position, Some((2, 3)));
    assert_hebrew(
        &error.diagnostics[0].message,
        &["בשורה הזו שני שדות", "בשורת הכותרת"],
        &["3"],
    );

    let error = hebrew(|| parse("case,a\nc1,1\nc1,2\n", &CsvOptions::default()));
    assert_hebrew(
        &error.diagnostics[0].message,
        &["מזהה מקרה כפול"],
        &["\"c1\"", "--long"],
    );

    let scale = CsvOptions {
        scale: Some((1.0, 5.0)),
        ..CsvOptions::default()
    };
    let error = hebrew(|| parse("case,a\nc1,6\n", &scale));
    assert_hebrew(
        &error.diagnostics[0].message,
        &["מחוץ לסולם"],
        &["1", "5", "\"6\""],
    );
}

#[test]
fn a_missing_column_names_its_part_and_the_export_in_hebrew() {
    let options = CsvOptions {
        segment_column: Some("nope".to_owned()),
        ..CsvOptions::default()
    };
    let monkey = "Respondent ID,How satisfied were you,,Overall\n,Wifi,Food,Response\n7,4,5,3\n";
    let error = hebrew(|| parse(monkey, &options));
    assert_hebrew(
        &error.diagnostics[0].message,
        &["אין עמודה בשם", "הפלחים", "SurveyMonkey", "שתי שורות כותרת"],
        &["\"nope\"", "\"Wifi\""],
    );
    // English keeps its words (and its figure): the CLI's and the scripts' text.
    let english = parse(monkey, &options).to_string();
    assert!(
        english.ends_with("(read as a SurveyMonkey export with 2 header rows)"),
        "{english}"
    );
}

#[test]
fn the_stopped_line_counts_by_column_in_hebrew_and_the_preview_drops_it() {
    let mut text = String::from("case,a,b,c\n");
    for i in 0..30 {
        text.push_str(&format!(
            "c{i},x,{},y\n",
            if i % 3 == 0 { "z" } else { "1" }
        ));
    }
    let error = hebrew(|| parse(&text, &CsvOptions::default()));
    let last = error.diagnostics.last().unwrap();
    assert_eq!(last.position, None);
    assert_hebrew(
        &last.message,
        &["נעצרנו אחרי", "בעיות", "לפי עמודה", "עמודה"],
        &["20", "\"x\": 9", "\"z\": 3"],
    );
    let preview = hebrew(|| {
        preview_bytes(
            text.as_bytes(),
            Path::new("cases.csv"),
            &CsvOptions::default(),
            false,
        )
    });
    // Three columns' problems; the summary, of the file as a whole, is not a fourth group.
    assert_eq!(preview.problems.len(), 3, "{:?}", preview.problems);
    assert!(preview.problems.iter().all(|group| group.column.is_some()));
    assert_hebrew(
        &preview.problems[0].first,
        &["שורה", "עמודה", "נקודת המגע"],
        &["2", "\"x\""],
    );
}

#[test]
fn rows_read_by_worker_threads_speak_the_language_of_whoever_asked() {
    let mut text = survey(ROWS, ',', "\n", true);
    // A bad cell far past the rows read ahead, in a chunk of its own.
    let at = text.len() - 40;
    let line_start = text[..at].rfind('\n').unwrap() + 1;
    let cell_end = text[line_start..].find(',').unwrap() + line_start;
    let segment_end = text[cell_end + 1..].find(',').unwrap() + cell_end + 1;
    text.replace_range(segment_end + 1..segment_end + 1, "oops");
    let before = CHUNKED_READS.load(Ordering::Relaxed);
    let error = hebrew(|| parse(&text, &CsvOptions::default()));
    if crate::analysis::parallel::thread_count() > 1 {
        assert!(
            CHUNKED_READS.load(Ordering::Relaxed) > before,
            "read in chunks"
        );
    }
    assert_hebrew(
        &error.diagnostics[0].message,
        &["נקודת המגע", "לא מספר"],
        &["\"tp1\""],
    );
}

#[test]
fn the_preview_says_its_layout_and_roles_in_the_language_in_force() {
    let long = CsvOptions {
        long: Some(long::LongColumns::default()),
        delimiter: Some(b';'),
        ..CsvOptions::default()
    };
    let text = b"case;touchpoint;score\nc1;Wifi;1\n";
    let english = preview_bytes(text, Path::new("l.csv"), &long, false);
    assert_eq!(
        english.layout,
        "a CSV, 1 header row, long rows (one answer per row), fields split by semicolons"
    );
    assert_eq!(english.columns[1].1.describe(), "touchpoint name");
    let said = hebrew(|| preview_bytes(text, Path::new("l.csv"), &long, false));
    let plain: String = said
        .layout
        .chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
        .collect();
    assert_eq!(
        plain,
        "קובץ CSV, שורת כותרת אחת, שורות ארוכות (תשובה בכל שורה), שדות מופרדים בנקודה-פסיק"
    );
    assert_eq!(
        hebrew(|| ColumnRole::TouchpointName.describe()),
        "שם נקודת מגע"
    );
    let qualtrics = "ResponseId,Q1_1\nResponse ID,How - Wifi\n{\"ImportId\":\"a\"},{\"ImportId\":\"b\"}\nR_1,1\n";
    let colon = CsvOptions {
        delimiter: Some(b','),
        ..CsvOptions::default()
    };
    let english = preview_bytes(qualtrics.as_bytes(), Path::new("q.csv"), &colon, false);
    assert_eq!(
        english.layout,
        "a Qualtrics export, 3 header rows, wide rows (one case per row), fields split by commas"
    );
    let said = hebrew(|| preview_bytes(qualtrics.as_bytes(), Path::new("q.csv"), &colon, false));
    assert_hebrew(
        &said.layout,
        &["ייצוא של Qualtrics", "שורות כותרת", "פסיקים"],
        &["3"],
    );

    let wording = hebrew(|| {
        preview_bytes(
            b"case,a\nc1,Very satisfied\nc2,Neutral\n",
            Path::new("w.csv"),
            &CsvOptions::default(),
            false,
        )
    });
    assert_eq!(wording.wording.as_deref(), Some("שביעות רצון ב־5 דרגות"));
}

#[test]
fn a_second_waves_mismatch_counts_in_hebrew_plurals() {
    let mismatch = Mismatch {
        unknown_columns: vec!["Wifi".to_owned()],
        missing_touchpoints: vec!["Food".to_owned(), "Parking".to_owned()],
        taken_case_ids: (1..=3).map(|i| format!("c{i}")).collect(),
        scale: Some(("1..5".to_owned(), "-5..5".to_owned())),
    };
    let lines = hebrew(|| mismatch.lines());
    assert_hebrew(&lines[0], &["עמודה אחת אינה תואמת", "המסע"], &["\"Wifi\""]);
    assert_hebrew(&lines[1], &["לשתי נקודות מגע"], &["\"Food\", \"Parking\""]);
    assert_hebrew(
        &lines[2],
        &["מזהי מקרים כבר קיימים"],
        &["3", "\"c3\"", "--case-prefix"],
    );
    assert_hebrew(
        &lines[3],
        &["הסולם של הקובץ"],
        &["1..5", "-5..5", "--scale"],
    );
    // English is as it was, "(s)" and all.
    assert_eq!(
        mismatch.lines()[0],
        "1 column(s) match no touchpoint of the journey: \"Wifi\""
    );
}

#[test]
fn options_workbooks_and_encodings_are_refused_in_hebrew() {
    let scale = hebrew(|| parse_scale("3..3")).unwrap_err();
    assert_hebrew(&scale, &["הסולם", "חייבים להיות שונים"], &["\"3..3\""]);
    let range = hebrew(|| "0..3".parse::<TouchpointColumns>()).unwrap_err();
    assert_hebrew(&range, &["טווח העמודות"], &["\"0..3\""]);
    let outcome = hebrew(|| "A>=many".parse::<outcome::OutcomeSpec>()).unwrap_err();
    assert_hebrew(&outcome, &["התוצאה", "מספר"], &["\"A>=many\""]);
    let labels = hebrew(|| "a=1,A=2".parse::<LabelMap>()).unwrap_err();
    assert_hebrew(&labels, &["תוויות", "פעמיים"], &["\"A\""]);

    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().set_name("Answers").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let options = CsvOptions {
        sheet: Some("Third".to_owned()),
        ..CsvOptions::default()
    };
    let error = hebrew(|| parse_csv(&bytes, Path::new("s.xlsx"), &options, false)).unwrap_err();
    assert_hebrew(
        &error.diagnostics[0].message,
        &["אין גיליון", "הגיליונות הם"],
        &["\"Third\"", "1 \"Answers\""],
    );

    let encoding = CsvOptions {
        encoding: Some("klingon".to_owned()),
        ..CsvOptions::default()
    };
    let error = hebrew(|| parse_csv(b"a\n", Path::new("k.csv"), &encoding, false)).unwrap_err();
    assert_hebrew(
        &error.diagnostics[0].message,
        &["קידוד לא מוכר"],
        &["\"klingon\""],
    );
    let utf16: Vec<u8> = "case,a\n1,2\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let error = hebrew(|| parse_csv(&utf16, Path::new("w.csv"), &CsvOptions::default(), false))
        .unwrap_err();
    assert_hebrew(
        &error.diagnostics[0].message,
        &["הקובץ נראה כמו טקסט", "שמרו אותו"],
        &["utf-16le", "--encoding"],
    );
}
