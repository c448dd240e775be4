// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The facilitator's run in each interface language, driven by the words on screen: a new
//! journey, touchpoints, cases typed by keyboard, the patterns, a critical point flagged and
//! the HTML report. The labels are written here in each language, so a missing translation (an
//! English word in the Hebrew interface) or a missing accessible name fails the run.
#![cfg(feature = "gui")]

mod common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use emograph::app::EmographApp;
use emograph::i18n::Lang;

/// The words of the run in one language.
struct Words {
    lang: Lang,
    file: &'static str,
    new_journey: &'static str,
    title: &'static str,
    add_touchpoint: &'static str,
    touchpoint_name: &'static str,
    patterns_view: &'static str,
    patterns_heading: &'static str,
    overall_view: &'static str,
    critical_point: &'static str,
    flag_and_assign: &'static str,
    export: &'static str,
    format: &'static str,
    report: &'static str,
    file_field: &'static str,
    export_button: &'static str,
    journey_title: &'static str,
    touchpoints: [&'static str; 4],
    cases: [&'static str; 3],
    /// What must not be on screen in this language (the other language's menu).
    foreign: &'static str,
}

const ENGLISH: Words = Words {
    lang: Lang::English,
    file: "File",
    new_journey: "New journey Ctrl+N",
    title: "Title",
    add_touchpoint: "Add touchpoint",
    touchpoint_name: "Touchpoint name",
    patterns_view: "Patterns",
    patterns_heading: "Typical patterns",
    overall_view: "Overall",
    critical_point: "Critical point 1: ",
    flag_and_assign: "Flag & assign",
    export: "Export… Ctrl+E",
    format: "Format:",
    report: "HTML report",
    file_field: "File:",
    export_button: "Export",
    journey_title: "Evening at the cinema",
    touchpoints: ["Booking", "Parking", "Queue", "Film"],
    cases: ["Dana", "Noam", "Yael"],
    foreign: "קובץ",
};

const HEBREW: Words = Words {
    lang: Lang::Hebrew,
    file: "קובץ",
    new_journey: "מסע חדש Ctrl+N",
    title: "כותרת",
    add_touchpoint: "הוספת נקודת מגע",
    touchpoint_name: "שם נקודת המגע",
    patterns_view: "דפוסים",
    patterns_heading: "דפוסים אופייניים",
    overall_view: "כללי",
    // Fluent isolates the rank in a right-to-left sentence (FSI … PDI).
    critical_point: "נקודה קריטית \u{2068}1\u{2069}: ",
    flag_and_assign: "סימון והקצאה",
    export: "ייצוא… Ctrl+E",
    format: "תבנית:",
    report: "דוח",
    file_field: "קובץ:",
    export_button: "ייצוא",
    journey_title: "ערב בקולנוע",
    touchpoints: ["הזמנה", "חניה", "תור", "הסרט"],
    cases: ["דנה", "נועם", "יעל"],
    foreign: "File",
};

/// Each case's scores at the four touchpoints: a drop at the queue, a critical point.
const SCORES: [[&str; 4]; 3] = [
    ["2", "-1", "-4", "3"],
    ["1", "-2", "-5", "2"],
    ["3", "0", "-3", "4"],
];

fn click(harness: &mut Harness<'_, EmographApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Types `text` into the field labelled `label`, a key per frame.
fn type_into(harness: &mut Harness<'_, EmographApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    for c in text.chars() {
        harness.event(egui::Event::Text(c.to_string()));
        harness.run();
    }
    harness.key_press(Key::Tab);
    harness.run();
}

fn type_keys(harness: &mut Harness<'_, EmographApp>, text: &str) {
    for c in text.chars() {
        harness.event(egui::Event::Text(c.to_string()));
        harness.run();
    }
}

fn facilitators_run(words: &Words) {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = common::app_harness(dir.path(), None, [1400.0, 900.0]);
    harness.state_mut().lang = words.lang;
    harness.run();
    assert!(
        harness.query_by_label(words.foreign).is_none(),
        "no word of the other language"
    );

    // A new journey with its title and four touchpoints.
    click(&mut harness, words.file);
    click(&mut harness, words.new_journey);
    assert!(harness.state().journey().touchpoints.is_empty());
    type_into(&mut harness, words.title, words.journey_title);
    for name in words.touchpoints {
        click(&mut harness, words.add_touchpoint);
        type_into(&mut harness, words.touchpoint_name, name);
    }
    let names: Vec<String> = harness
        .state()
        .journey()
        .touchpoints
        .iter()
        .map(|t| t.name.clone())
        .collect();
    assert_eq!(names, words.touchpoints);

    // Three cases, by keyboard only: Ctrl+Shift+N, the name, Enter, a score and Enter each.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    harness.run();
    for (name, scores) in words.cases.iter().zip(SCORES) {
        type_keys(&mut harness, name);
        harness.key_press(Key::Enter);
        harness.run();
        for score in scores {
            type_keys(&mut harness, score);
            harness.key_press(Key::Enter);
            harness.run();
        }
    }
    harness.key_press(Key::Escape);
    harness.run();
    let journey = harness.state().journey().clone();
    assert_eq!(journey.cases.len(), 3);
    assert_eq!(journey.cases[1].display_name(), words.cases[1]);
    assert_eq!(journey.cases[1].scores[&journey.touchpoints[2].id], -5.0);

    // The patterns, then the overall view's first critical point flagged.
    click(&mut harness, words.patterns_view);
    harness.get_by_label(words.patterns_heading);
    click(&mut harness, words.overall_view);
    harness.get_by_label_contains(words.critical_point).click();
    harness.run();
    click(&mut harness, words.flag_and_assign);
    assert_eq!(
        harness.state().journey().flags.len(),
        1,
        "the point is flagged"
    );

    // The HTML report.
    click(&mut harness, words.file);
    click(&mut harness, words.export);
    click(&mut harness, words.format);
    // Mixed-direction text is laid out run by run (app::bidi): its name holds the words whole.
    harness
        .query_all_by_label_contains(words.report)
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
        .unwrap()
        .click();
    harness.run();
    let path = dir.path().join("report.html");
    harness.get_by_label(words.file_field).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label(words.file_field)
        .type_text(&path.display().to_string());
    harness.run();
    // The dialog reads from the interface's start: the File label, then its field.
    let label = harness
        .query_all_by_value(words.file_field)
        .next()
        .unwrap()
        .rect()
        .center()
        .x;
    let field = harness
        .query_all_by_label(words.file_field)
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::TextInput)
        .unwrap()
        .rect()
        .center()
        .x;
    assert_eq!(label > field, words.lang.is_rtl(), "{label} {field}");
    if let Ok(out) = std::env::var("EMOGRAPH_I18N_SCREENSHOTS") {
        let image = harness.render().expect("a renderer");
        let shot = format!("export-{}.png", words.lang.code());
        image.save(std::path::Path::new(&out).join(shot)).unwrap();
    }
    click(&mut harness, words.export_button);
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.contains(words.journey_title));
    assert!(
        html.contains(&format!("<html lang=\"{}\"", words.lang.code())),
        "the report speaks the journey's language"
    );
}

#[test]
fn the_facilitators_run_in_english() {
    facilitators_run(&ENGLISH);
}

#[test]
fn the_facilitators_run_in_hebrew() {
    facilitators_run(&HEBREW);
}

/// The interface in `lang` on `file`, laid out; with `EMOGRAPH_I18N_SCREENSHOTS=DIR` it is
/// also rendered to DIR/`shot` (needs a GPU or Mesa: WGPU_BACKEND=vulkan).
fn shown(lang: Lang, file: Option<&str>, shot: &str) -> Harness<'static, EmographApp> {
    let dir = tempfile::tempdir().unwrap();
    let file = file.map(|f| {
        let path = dir.path().join("journey.ron");
        std::fs::copy(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(f),
            &path,
        )
        .unwrap();
        path
    });
    let mut harness = common::app_harness(dir.path(), file.clone(), [1400.0, 900.0]);
    harness.state_mut().lang = lang;
    harness.run();
    if let Some(file) = file {
        // Opened again in `lang`, as `--lang` would have opened it, so the status bar speaks it.
        emograph::i18n::set_language(lang);
        harness.state_mut().open_path(&file);
        harness.run();
    }
    if let Ok(out) = std::env::var("EMOGRAPH_I18N_SCREENSHOTS") {
        let image = harness.render().expect("a renderer");
        image.save(std::path::Path::new(&out).join(shot)).unwrap();
    }
    harness
}

#[test]
fn a_hebrew_interface_lays_out_from_the_right_and_an_english_one_from_the_left() {
    let middle = 700.0;
    let english = shown(Lang::English, None, "interface-en.png");
    assert!(
        english.get_by_label("Journey").rect().center().x < middle,
        "the outline on the left"
    );
    assert!(
        english.get_by_label("Add case").rect().center().x > middle,
        "the cases on the right"
    );
    assert!(
        english.get_by_label("File").rect().center().x
            < english.get_by_label("Help").rect().center().x
    );

    let hebrew = shown(
        Lang::Hebrew,
        Some("journeys/bank-complaint-he.ron"),
        "interface-he.png",
    );
    assert!(
        hebrew.get_by_label("מסע").rect().center().x > middle,
        "the outline on the right"
    );
    assert!(
        hebrew.get_by_label("הוספת מקרה").rect().center().x < middle,
        "the cases on the left"
    );
    assert!(
        hebrew.get_by_label("קובץ").rect().center().x
            > hebrew.get_by_label("עזרה").rect().center().x,
        "the menus start from the right"
    );

    // The overall view with its critical points, for the screenshots.
    let mut hebrew = hebrew;
    click(&mut hebrew, "כללי");
    if let Ok(out) = std::env::var("EMOGRAPH_I18N_SCREENSHOTS") {
        let image = hebrew.render().expect("a renderer");
        image
            .save(std::path::Path::new(&out).join("interface-he-overall.png"))
            .unwrap();
    }
}

/// Every accessible name on screen (a label's text is its node's value).
fn names(harness: &Harness<'_, EmographApp>) -> Vec<String> {
    harness
        .query_all_by_label_contains("")
        .filter_map(|n| {
            let node = n.accesskit_node();
            node.label().or_else(|| node.value())
        })
        .collect()
}

/// The words the core says in English (file and JSON vocabulary) that a Hebrew screen must
/// put in its own words.
const CORE_ENGLISH: [&str; 16] = [
    "→ target",
    "no owner",
    "(open)",
    "(in progress)",
    "(done)",
    "prevent",
    "shorten response",
    "amplify",
    "silhouette",
    "distinct patterns",
    "a steep",
    "a trough",
    "a peak",
    "the mood turns",
    "from the touchpoint before",
    "of the cases show it",
];

fn assert_no_core_english(harness: &Harness<'_, EmographApp>) {
    for name in names(harness) {
        for english in CORE_ENGLISH {
            assert!(!name.contains(english), "{english:?} in {name:?}");
        }
    }
}

#[test]
fn a_hebrew_screen_says_the_cores_words_in_hebrew() {
    let mut hebrew = shown(
        Lang::Hebrew,
        Some("journeys/bank-complaint-he.ron"),
        "core-words-he.png",
    );
    click(&mut hebrew, "כללי");
    // The badge beside a critical point: its metric "→ יעד 65 %", not "→ target".
    assert!(
        hebrew.query_all_by_label_contains("→ יעד").next().is_some(),
        "{:#?}",
        names(&hebrew)
    );
    // The flags' statuses and the actions the team agreed ("flagged (done)", "prevent ·
    // open").
    let shown = names(&hebrew);
    for words in [
        "מסומן",
        "הושלם",
        "פתוח",
        "מניעה",
        "דפוסים נבדלים",
        "מדד צללית",
    ] {
        assert!(
            shown.iter().any(|n| n.contains(words)),
            "{words}: {shown:#?}"
        );
    }
    // The chart's mean curve is named in Hebrew too.
    assert!(shown.iter().all(|n| !n.contains("Mean")), "{shown:#?}");
    assert_no_core_english(&hebrew);

    // A critical point's panel: its turns in words, and the parts of its score.
    // Its row in the list ("#1 − … · כללי").
    hebrew
        .query_all_by_label_contains("#1")
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
        .unwrap()
        .click();
    hebrew.run();
    hebrew.get_by_label_contains("לעומת נקודת המגע הקודמת");
    hebrew.get_by_label_contains("מהמקרים מראים אותו בעקומה שלהם");
    hebrew.get_by_label_contains("עומק ");
    assert!(
        names(&hebrew)
            .iter()
            .any(|n| ["שפל", "נפילה חדה", "מצב הרוח הופך שלילי"]
                .iter()
                .any(|w| n.contains(w))),
        "{:#?}",
        names(&hebrew)
    );
    assert_no_core_english(&hebrew);
    if let Ok(out) = std::env::var("EMOGRAPH_I18N_SCREENSHOTS") {
        let image = hebrew.render().expect("a renderer");
        image
            .save(std::path::Path::new(&out).join("core-words-he-panel.png"))
            .unwrap();
    }
}

/// Each painted character of the texts on screen that `pick` picks, with its x.
fn painted(harness: &Harness<'_, EmographApp>, pick: impl Fn(&str) -> bool) -> Vec<(char, f32)> {
    fn walk(shape: &egui::Shape, pick: &dyn Fn(&str) -> bool, out: &mut Vec<Vec<(char, f32)>>) {
        match shape {
            egui::Shape::Text(text) if pick(text.galley.text()) => {
                let mut glyphs = Vec::new();
                for row in &text.galley.rows {
                    for glyph in &row.glyphs {
                        glyphs.push((glyph.chr, text.pos.x + row.pos.x + glyph.pos.x));
                    }
                }
                out.push(glyphs);
            }
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, pick, out)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    for clipped in &harness.output().shapes {
        walk(&clipped.shape, &pick, &mut found);
    }
    assert!(!found.is_empty(), "no such text on screen");
    found.concat()
}

/// Whether `word`'s letters stand left to right in `glyphs` (the first of each letter: a
/// text that holds the word once).
fn reads_left_to_right(glyphs: &[(char, f32)], word: &str) -> bool {
    let at: Vec<f32> = word
        .chars()
        .map(|c| {
            glyphs
                .iter()
                .find(|(g, _)| *g == c)
                .unwrap_or_else(|| panic!("no {c:?} in {glyphs:?}"))
                .1
        })
        .collect();
    at.windows(2).all(|w| w[0] < w[1])
}

#[test]
fn shortcuts_in_a_hebrew_menu_read_as_they_are_typed() {
    let mut hebrew = shown(Lang::Hebrew, None, "shortcuts-he.png");
    // The bar's "Presenter mode (F5)": named as written, drawn "(F5)" and not "(5F)".
    hebrew.get_by_label("מצב מציג (F5)");
    let bar = painted(&hebrew, |t| t.contains("מציג") && t.contains("F5"));
    assert!(reads_left_to_right(&bar, "F5"), "{bar:?}");
    // The File menu: "Import CSV…" keeps "CSV", and the items keep their shortcuts' names.
    click(&mut hebrew, "קובץ");
    hebrew.get_by_label("ייבוא CSV…");
    hebrew.get_by_label("שמירה Ctrl+S");
    hebrew.get_by_label("מסע חדש Ctrl+N");
    let import = painted(&hebrew, |t| t.contains("ייבוא") && t.contains("CSV"));
    assert!(reads_left_to_right(&import, "CSV"), "{import:?}");
    let save = painted(&hebrew, |t| t == "Ctrl+S");
    assert!(reads_left_to_right(&save, "CtrlS"), "{save:?}");
    if let Ok(out) = std::env::var("EMOGRAPH_I18N_SCREENSHOTS") {
        let image = hebrew.render().expect("a renderer");
        image
            .save(std::path::Path::new(&out).join("shortcuts-he-menu.png"))
            .unwrap();
    }
}

#[test]
fn the_import_dialog_speaks_hebrew() {
    let mut hebrew = shown(Lang::Hebrew, None, "import-he.png");
    click(&mut hebrew, "קובץ");
    click(&mut hebrew, "ייבוא CSV…");
    hebrew.get_by_label_contains("של מקרים");
    for field in [
        "סולם:",
        "לא רלוונטי:",
        "נקודות מגע:",
        "שורות כותרת:",
        "קידוד:",
        "גיליון:",
    ] {
        hebrew.get_by_label(field);
    }
    hebrew.get_by_label("ייבוא");
    // "ביטול" is the bar's Undo too, and the dialog's Cancel.
    assert!(hebrew.query_all_by_label("ביטול").count() >= 2);
    hebrew.get_by_label_contains("יש להקליד נתיב לקובץ");
    for english in ["Scale:", "Sheet:", "Import", "Cancel", "Type a file's path"] {
        assert!(
            names(&hebrew).iter().all(|n| !n.contains(english)),
            "{english:?}: {:#?}",
            names(&hebrew)
        );
    }
    if let Ok(out) = std::env::var("EMOGRAPH_I18N_SCREENSHOTS") {
        let image = hebrew.render().expect("a renderer");
        image
            .save(std::path::Path::new(&out).join("import-he-dialog.png"))
            .unwrap();
    }
}

#[test]
fn a_hebrew_history_and_undo_name_each_edit_in_hebrew() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = common::app_harness(dir.path(), None, [1400.0, 900.0]);
    harness.state_mut().lang = Lang::Hebrew;
    harness.run();
    let journey = harness.state().journey().clone();
    let case = journey.cases[0].display_name().to_owned();
    let first = &journey.touchpoints[0];
    let score = journey.cases[0].scores[&first.id];
    let format_score = emograph::session::format_score;

    // A score raised by the keyboard on the graph.
    click(
        &mut harness,
        &format!("{case} — {}: {}", first.name, format_score(score)),
    );
    harness.key_press(Key::ArrowUp);
    harness.run();
    let raised = format_score(journey.scale.clamp(score + 0.5));
    let named = format!("ציון של {case} ב{}: {raised}", first.name);

    click(&mut harness, "היסטוריה");
    let shown = common::label_texts(&harness);
    assert!(shown.contains(&named), "{named:?} in {shown:#?}");
    assert!(shown.iter().all(|t| !t.starts_with("Score ")), "{shown:#?}");

    // Undone: the status bar and the history say the same Hebrew name.
    click(&mut harness, "ביטול");
    if let Ok(out) = std::env::var("EMOGRAPH_I18N_SCREENSHOTS") {
        let image = harness.render().expect("a renderer");
        image
            .save(std::path::Path::new(&out).join("history-he.png"))
            .unwrap();
    }
    let shown = common::label_texts(&harness);
    assert!(shown.contains(&format!("בוטל: {named}")), "{shown:#?}");
    assert!(shown.contains(&format!("(בוטל) {named}")), "{shown:#?}");
}

/// Every accessible name or label text on screen, isolation marks taken out.
fn plain_names(harness: &Harness<'_, EmographApp>) -> Vec<String> {
    names(harness)
        .iter()
        .map(|t| common::without_isolates(t))
        .collect()
}

#[test]
fn a_screen_reader_reads_a_hebrew_screens_mixed_lines_as_they_are_written() {
    let mut hebrew = shown(
        Lang::Hebrew,
        Some("journeys/bank-complaint-he.ron"),
        "names-he.png",
    );
    click(&mut hebrew, "כללי");
    let journey = hebrew.state().journey().clone();
    let starts_with_number = |n: &str| n.chars().next().is_some_and(|c| c.is_ascii_digit());
    // The critical points' list: the rank first, as written ("#1 − <name> · כללי"), not by
    // its runs on screen ("כללי · <name> − #1").
    let names = plain_names(&hebrew);
    let row = names
        .iter()
        .find(|n| n.starts_with("#1 ") && n.ends_with(" · כללי"))
        .unwrap_or_else(|| panic!("{names:#?}"));
    assert!(
        journey.touchpoints.iter().any(|t| row.contains(&t.name)),
        "{row}"
    );

    // Its panel: numbers inside Hebrew sentences, read in their place.
    hebrew
        .query_all_by_label_contains("#1 ")
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
        .unwrap()
        .click();
    hebrew.run();
    let names = plain_names(&hebrew);
    assert!(
        names
            .iter()
            .any(|n| starts_with_number(n) && n.contains("% מהמקרים מראים אותו בעקומה שלהם")),
        "{names:#?}"
    );
    assert!(
        names
            .iter()
            .any(|n| n.strip_prefix("ציון ").is_some_and(starts_with_number)),
        "{names:#?}"
    );
}

#[test]
fn latin_words_and_numbers_in_hebrew_labels_and_hints_read_as_they_are_typed() {
    // Tall enough that the critical point's panel shows its due date without scrolling.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("journey.ron");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/bank-complaint-he.ron"),
        &file,
    )
    .unwrap();
    let mut hebrew = common::app_harness(dir.path(), Some(file), [1400.0, 1800.0]);
    hebrew.state_mut().lang = Lang::Hebrew;
    hebrew.run();
    click(&mut hebrew, "כללי");
    hebrew
        .query_all_by_label_contains("#1 ")
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
        .unwrap()
        .click();
    hebrew.run();
    click(&mut hebrew, "סימון והקצאה");
    // The due date's label says the format as it is typed, "YYYY-MM-DD" (not "DD-MM-YYYY"), and
    // its hint's example date reads "2027-03-31" (not "13-30-7202").
    let label = painted(&hebrew, |t| t.contains("YYYY"));
    assert!(reads_left_to_right(&label, "YMD"), "{label:?}");
    let hint = painted(&hebrew, |t| t.contains("2027"));
    assert!(reads_left_to_right(&hint, "207"), "{hint:?}");
}
