// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The commands in each language: a Hebrew journey's report is in Hebrew unless `--lang`
//! says otherwise, and `--lang he` turns the commands' messages Hebrew.

mod cli_common;
use cli_common::*;

fn journey(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys")
        .join(name)
        .display()
        .to_string()
}

fn report(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    let out = out.display().to_string();
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["-o", &out]);
    let output = emograph(&all);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::read_to_string(&out).unwrap()
}

#[test]
fn a_hebrew_journeys_report_is_in_hebrew_and_lang_overrides_it() {
    let he = journey("bank-complaint-he.ron");
    let html = report(&[&he]);
    assert!(html.contains("<html lang=\"he\" dir=\"rtl\">"));
    assert!(
        html.contains("<h2>נקודות קריטיות</h2>"),
        "the section headings in Hebrew"
    );
    assert!(
        html.contains("<th>נקודת מגע</th>"),
        "the table heads in Hebrew"
    );
    assert!(!html.contains("<h2>Critical points</h2>"));

    let english = report(&["--lang", "en", &he]);
    assert!(english.contains("<html lang=\"en\" dir=\"rtl\">"));
    assert!(english.contains("<h2>Critical points</h2>"));

    let cinema = report(&[&journey("cinema-evening.ron")]);
    assert!(
        cinema.contains("<h2>Critical points</h2>"),
        "an English journey's report stays English"
    );
    let hebrew_heads = report(&["--lang", "he", &journey("cinema-evening.ron")]);
    assert!(hebrew_heads.contains("<h2>נקודות קריטיות</h2>"));
}

#[test]
fn lang_he_turns_the_commands_messages_hebrew() {
    let cinema = journey("cinema-evening.ron");
    let english = emograph(&["check", "--lang", "en", &cinema]);
    let english = String::from_utf8(english.stdout).unwrap();
    assert!(
        english.contains(": ok (8 touchpoints, 18 cases)"),
        "{english}"
    );
    let hebrew = emograph(&["check", "--lang", "he", &cinema]);
    let hebrew = String::from_utf8(hebrew.stdout).unwrap();
    assert!(hebrew.contains("תקין"), "{hebrew}");
    assert!(hebrew.contains("מקרים"), "{hebrew}");
    let refused = emograph(&["check", "--lang", "xx", &cinema]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("unknown language"));
}

/// What a verb printed on standard output; it must have succeeded.
fn stdout_of(args: &[&str]) -> String {
    let output = emograph(args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The English words of the tables' headers, headings and cells that must not be left in a
/// Hebrew table (matched as whole words, ignoring case).
const ENGLISH_WORDS: &[&str] = &[
    "touchpoint",
    "touchpoints",
    "mean",
    "median",
    "negative",
    "positive",
    "angry",
    "cases",
    "scope",
    "rank",
    "kind",
    "turning",
    "change",
    "score",
    "owner",
    "owners",
    "flag",
    "flags",
    "none",
    "critical",
    "points",
    "prone",
    "unowned",
    "metrics",
    "actions",
    "status",
    "agreed",
    "overall",
    "pattern",
    "open",
    "done",
    "progress",
    "why",
    "spread",
    "scores",
    "below",
    "favourable",
    "summary",
    "correlation",
    "gap",
    "fav",
    "unfav",
    "rate",
    "segment",
    "regression",
    "worst",
    "last",
];

fn english_words_in(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| ENGLISH_WORDS.contains(&word.to_ascii_lowercase().as_str()))
        .map(str::to_owned)
        .collect()
}

#[test]
fn lang_he_turns_the_tables_hebrew_with_nothing_left_in_english() {
    let bank = journey("bank-complaint-he.ron");
    let stats = stdout_of(&["stats", "--lang", "he", &bank]);
    for header in ["נקודת מגע", "ממוצע", "חציון", "סטיית תקן", "כועסים"]
    {
        assert!(stats.contains(header), "{header} missing in\n{stats}");
    }
    let critical = stdout_of(&["critical", "--lang", "he", &bank]);
    for header in ["נקודות קריטיות", "היקף", "דירוג", "מפנה", "נוטות לבעיות"]
    {
        assert!(critical.contains(header), "{header} missing in\n{critical}");
    }
    let owners = stdout_of(&["owners", "--lang", "he", &bank]);
    for header in ["מדדים", "פעולות", "נקודות מגע:", "ללא אחראי", "מה סוכם"]
    {
        assert!(owners.contains(header), "{header} missing in\n{owners}");
    }
    let patterns = stdout_of(&["patterns", "--lang", "he", "--k", "2", &bank]);
    assert!(patterns.contains("שני דפוסים"), "{patterns}");
    for (verb, text) in [
        ("stats", &stats),
        ("critical", &critical),
        ("owners", &owners),
        ("patterns", &patterns),
    ] {
        let left = english_words_in(text);
        assert!(left.is_empty(), "{verb}: English left {left:?} in\n{text}");
        assert!(
            !text.contains("\\u{"),
            "{verb}: no escaped isolation marks in the cells\n{text}"
        );
    }
}

#[test]
fn a_hebrew_table_lines_up_by_the_letters_it_shows() {
    let bank = journey("bank-complaint-he.ron");
    let stats = stdout_of(&["stats", "--lang", "he", &bank]);
    // The table after the heading: its last column is right-aligned, so every row is as wide
    // as the header when widths count letters (a count of bytes would make the header, all
    // two-byte Hebrew letters, far wider than the rows of figures).
    let rows: Vec<&str> = stats.lines().skip(2).filter(|l| !l.is_empty()).collect();
    assert!(rows.len() > 5, "{stats}");
    assert!(rows[0].starts_with("נקודת מגע"), "a Hebrew header: {stats}");
    let width = |line: &str| line.chars().count();
    let header = width(rows[0]);
    for row in &rows {
        assert_eq!(width(row), header, "misaligned row {row:?} in\n{stats}");
    }
}

#[test]
fn lang_he_drivers_and_scenario_tables_are_hebrew() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("survey.csv");
    let mut text = String::from("case,segment,Wifi,Food,Seat,Satisfied\n");
    for i in 0..40 {
        let wifi = 1 + i % 5;
        let food = 1 + (i * 3) % 5;
        let segment = if i % 2 == 0 {
            "עסקים"
        } else {
            "תיירים"
        };
        let satisfied = if wifi >= 3 { "yes" } else { "no" };
        text.push_str(&format!("c{i},{segment},{wifi},{food},3,{satisfied}\n"));
    }
    std::fs::write(&csv, text).unwrap();
    let file = csv.to_str().unwrap();
    let drivers = stdout_of(&[
        "drivers",
        "--lang",
        "he",
        file,
        "--scale",
        "1..5",
        "--outcome",
        "Satisfied",
        "--k",
        "2",
    ]);
    for header in [
        "דירוג",
        "נקודת מגע",
        "מתאם",
        "שיעור החיוביים לפי פלח",
        "הגרוע ביותר",
    ] {
        assert!(drivers.contains(header), "{header} missing in\n{drivers}");
    }
    // The touchpoints' names are the file's (English here); the words around them are not.
    let left: Vec<String> = english_words_in(&drivers)
        .into_iter()
        .filter(|w| !["Wifi", "Food", "Seat", "Satisfied"].contains(&w.as_str()))
        .collect();
    assert!(left.is_empty(), "English left {left:?} in\n{drivers}");

    let redesign = journey("cinema-evening-redesign.ron");
    let scenario = stdout_of(&["scenario", "--lang", "he", &redesign]);
    for header in [
        "תרחיש",
        "מקרים שהשתנו",
        "קריטי לפני",
        "מסיימים בכעס",
        "כולל",
    ] {
        assert!(scenario.contains(header), "{header} missing in\n{scenario}");
    }
    let compare = stdout_of(&["compare", "--lang", "he", &redesign]);
    for header in ["הפרש", "הכרעה", "בתיקון Holm", "גלים"] {
        assert!(compare.contains(header), "{header} missing in\n{compare}");
    }
}

#[test]
fn lang_he_turns_the_commands_refusals_hebrew() {
    let redesign = journey("cinema-evening-redesign.ron");
    let refused = emograph(&[
        "compare", "--lang", "he", &redesign, "--from", "2028", "--to", "2029",
    ]);
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("אין מקרה בגל"), "{message}");
    assert!(message.contains("הגלים הם"), "{message}");

    let cinema = journey("cinema-evening.ron");
    let refused = emograph(&["owners", "--lang", "he", &cinema, "--owner", "nobody"]);
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("אין אחראי עם המזהה"), "{message}");
}

#[test]
fn the_json_stays_english_whatever_the_language() {
    let cinema = journey("cinema-evening.ron");
    for verb in ["stats", "critical", "owners", "patterns"] {
        let english = stdout_of(&[verb, "--lang", "en", "--format", "json", &cinema]);
        let hebrew = stdout_of(&[verb, "--lang", "he", "--format", "json", &cinema]);
        assert_eq!(english, hebrew, "{verb}");
    }
    // A refusal's JSON too: its message is part of what a script reads.
    let refusal = |lang: &str| {
        let output = emograph(&[
            "owners", "--lang", lang, "--format", "json", &cinema, "--owner", "nobody",
        ]);
        assert!(!output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let english = refusal("en");
    assert!(english.contains("no owner with id"), "{english}");
    assert_eq!(refusal("he"), english);
}

#[test]
fn the_english_tables_keep_their_words() {
    let cinema = journey("cinema-evening.ron");
    let stats = stdout_of(&["stats", "--lang", "en", &cinema]);
    assert!(
        stats.starts_with(
            "18 cases, 8 touchpoints (scores on -5..+5; negative = below 0, angry = -3 or below)\n\n"
        ),
        "{stats}"
    );
    let header: Vec<&str> = stats.lines().nth(2).unwrap().split_whitespace().collect();
    assert_eq!(
        header,
        [
            "touchpoint",
            "n",
            "mean",
            "median",
            "q1",
            "q3",
            "min",
            "max",
            "std",
            "negative",
            "angry"
        ]
    );
    let critical = stdout_of(&["critical", "--lang", "en", &cinema]);
    assert!(
        critical.starts_with("Critical points (score = "),
        "{critical}"
    );
    assert!(critical.contains("\nProne to trouble (many cases at −3 or below"));
    let owners = stdout_of(&["owners", "--lang", "en", &cinema]);
    assert!(
        owners.contains("\nUnowned\n=======\nTouchpoints: "),
        "{owners}"
    );
}
#[test]
fn a_hebrew_reports_scenarios_and_waves_are_in_hebrew() {
    let redesign = journey("cinema-evening-redesign.ron");
    let english = report(&["--lang", "en", &redesign]);
    let hebrew = report(&["--lang", "he", &redesign]);
    // The scenarios' sentences and the changes in words: "prevent", "the dip after it".
    assert!(english.contains("What the journey would look like after the agreed changes"));
    assert!(hebrew.contains("איך ייראה המסע אחרי השינויים שהוסכמו"));
    assert!(hebrew.contains("<td>מניעה</td>"), "a change in Hebrew");
    // The waves' sentence and its test, and the owners' "did it work?" with its heads.
    assert!(english.contains("<h4>Did it work?</h4>"));
    assert!(hebrew.contains("<h4>האם זה עבד?</h4>"));
    assert!(hebrew.contains("עקומת הממוצע של כל גל"));
    assert!(hebrew.contains("<th>הושלם עד</th>"));
    for english_words in [
        "What the journey would look like",
        "Each wave's mean curve",
        "Did it work?",
        "<th>Done by</th>",
        "<td>prevent</td>",
        "(target ",
        "(done)",
        "(in progress)",
        "<th>On track</th>",
        "Touchpoints prone to trouble",
        "Every critical point and flag has an owner.",
    ] {
        assert!(
            !hebrew.contains(english_words),
            "{english_words:?} in Hebrew"
        );
    }
}

/// Standard error without the marks that keep a Latin word's direction inside Hebrew.
fn stderr_text(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).replace(['\u{2068}', '\u{2069}'], "")
}

#[test]
fn a_refused_command_line_is_explained_in_the_interface_language() {
    let unknown = emograph(&["--lang", "he", "stats", "--bogus", "x.csv"]);
    assert_eq!(unknown.status.code(), Some(2));
    let text = stderr_text(&unknown);
    assert!(text.contains("ארגומנט לא מוכר: --bogus"), "{text}");
    assert!(
        text.contains("שימוש: emograph stats [OPTIONS] <FILE>"),
        "{text}"
    );

    let typo = stderr_text(&emograph(&["--lang=he", "statz"]));
    assert!(
        text_has(&typo, &["פקודה לא מוכרת: statz", "אולי התכוונת ל-stats?"]),
        "{typo}"
    );

    let format = stderr_text(&emograph(&[
        "--lang", "he", "stats", "x.csv", "--format", "yaml",
    ]));
    assert!(
        text_has(
            &format,
            &["yaml אינו ערך", "ערכים אפשריים: table, json, csv"]
        ),
        "{format}"
    );

    // English keeps clap's own words, tip and all.
    let english = emograph(&["--lang", "en", "stats", "--bogus", "x.csv"]);
    assert_eq!(english.status.code(), Some(2));
    assert!(stderr_text(&english).contains("unexpected argument '--bogus' found"));
    // Help is clap's in any language, and succeeds.
    assert!(emograph(&["--lang", "he", "--help"]).status.success());
}

fn text_has(text: &str, parts: &[&str]) -> bool {
    parts.iter().all(|part| text.contains(part))
}
