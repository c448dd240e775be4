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
