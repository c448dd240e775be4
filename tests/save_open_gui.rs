// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! "My work is gone": saving never writes a file that will not load, and a file that does not
//! load never takes the place of the journey that was open (nor of an empty one at start).
#![cfg(feature = "gui")]

mod common;

use std::path::Path;

use common::click;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use emograph::app::EmographApp;
use emograph::io::{load_journey, save_journey};
use emograph::model::{Journey, Phase, Touchpoint};

const SIZE: [f32; 2] = [1400.0, 900.0];

fn journey(title: &str) -> Journey {
    let mut journey = Journey {
        title: title.to_owned(),
        ..Journey::default()
    };
    journey.phases = vec![Phase::new("during", "During")];
    journey.touchpoints = vec![
        Touchpoint::new("till", "Till", "during"),
        Touchpoint::new("exit", "Exit", "during"),
    ];
    journey
}

/// Empties the field labelled `label` the way a person does: click, select all, Backspace,
/// with frames between the keys.
fn clear_field(harness: &mut Harness<'_, EmographApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.key_press(Key::Backspace);
    harness.run();
}

fn save_shortcut(harness: &mut Harness<'_, EmographApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
}

fn status(harness: &Harness<'_, EmographApp>) -> String {
    harness
        .state()
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn broken_file(dir: &Path) -> std::path::PathBuf {
    let bad = dir.join("bad.ron");
    std::fs::write(
        &bad,
        "(\n    version: 1,\n    title: \"x\",\n    cases: [(id: \"a\", scores: {\"nope\": 1.0})],\n)\n",
    )
    .unwrap();
    bad
}

#[test]
fn clearing_the_title_is_flagged_and_save_says_what_to_fix_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.ron");
    save_journey(&path, &journey("Workshop")).unwrap();
    let on_disk = std::fs::read(&path).unwrap();
    let mut harness = common::app_harness(dir.path(), Some(path.clone()), SIZE);
    harness.run();

    clear_field(&mut harness, "Title");
    assert_eq!(
        harness.state().journey().title,
        "",
        "the field may be emptied"
    );
    assert!(
        harness
            .query_by_label_contains("A title is needed")
            .is_some(),
        "the field says it is required"
    );

    save_shortcut(&mut harness);
    assert!(harness.query_by_label("Nothing was saved").is_some());
    assert!(
        harness
            .query_by_label("The journey: the title is empty")
            .is_some(),
        "the dialog says what to fix"
    );
    assert!(status(&harness).contains("title"), "{}", status(&harness));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        on_disk,
        "the file is untouched"
    );
    assert!(harness.state().doc.is_dirty(), "the work is still unsaved");
    click(&mut harness, "OK");
    assert!(harness.query_by_label("Nothing was saved").is_none());

    // Save as… to a new file refuses too, and writes no file at all.
    let other = dir.path().join("other.ron");
    assert!(!harness.state_mut().save_to(other.clone()));
    assert!(!other.exists());
    harness.run();
    click(&mut harness, "OK");

    // A touchpoint's name the same way; once both are typed again, saving works.
    common::type_into(&mut harness, "Title", "Workshop, day 2");
    click(&mut harness, "2. Exit");
    clear_field(&mut harness, "Touchpoint name");
    assert!(
        harness
            .query_by_label_contains("A name is needed")
            .is_some()
    );
    save_shortcut(&mut harness);
    assert!(
        harness
            .query_by_label("Touchpoint 2 (no name yet): the touchpoint's name is empty")
            .is_some(),
        "names the touchpoint by its place"
    );
    click(&mut harness, "OK");
    assert_eq!(std::fs::read(&path).unwrap(), on_disk);
    common::type_into(&mut harness, "Touchpoint name", "Way out");
    save_shortcut(&mut harness);
    assert!(
        !harness.state().doc.is_dirty(),
        "saved: {}",
        status(&harness)
    );
    let saved = load_journey(&path).expect("what is saved loads");
    assert_eq!(saved.title, "Workshop, day 2");
    assert_eq!(saved.touchpoints[1].name, "Way out");
}

#[test]
fn a_broken_file_opens_a_dialog_with_its_location_and_keeps_the_open_journey() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.ron");
    save_journey(&good, &journey("Good evening")).unwrap();
    let bad = broken_file(dir.path());
    let mut harness = common::app_harness(dir.path(), Some(good.clone()), SIZE);
    harness.run();
    let before = harness.state().journey().clone();

    click(&mut harness, "File");
    click(&mut harness, "Open… Ctrl+O");
    common::type_into(&mut harness, "Path:", &bad.display().to_string());
    click(&mut harness, "Open");
    assert!(harness.query_by_label("Could not open bad.ron").is_some());
    assert!(
        harness
            .query_by_label("4:40: score for unknown touchpoint \"nope\"")
            .is_some(),
        "the problem, located at its line and column"
    );
    assert!(
        harness
            .query_by_label_contains("stays open, unchanged")
            .is_some()
    );
    assert_eq!(*harness.state().journey(), before);
    assert_eq!(harness.state().doc.path.as_deref(), Some(good.as_path()));
    click(&mut harness, "OK");
    assert!(harness.query_by_label("Could not open bad.ron").is_none());
    assert_eq!(*harness.state().journey(), before);
}

#[test]
fn starting_on_a_broken_file_shows_the_dialog_over_an_empty_journey_not_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let bad = broken_file(dir.path());
    let mut harness = common::app_harness(dir.path(), Some(bad), SIZE);
    harness.run();
    assert!(harness.query_by_label("Could not open bad.ron").is_some());
    assert!(
        harness
            .query_by_label_contains("new, empty journey")
            .is_some()
    );
    let shown = harness.state().journey();
    assert_eq!(*shown, Journey::default(), "not the bundled sample");
    assert!(
        harness.state().doc.path.is_none(),
        "nothing can overwrite bad.ron"
    );
}

#[test]
fn the_recovery_copy_is_not_replaced_by_one_that_would_not_load() {
    let dir = tempfile::tempdir().unwrap();
    let recovery_dir = dir.path().join("recovery");
    let mut store = emograph::app::RecoveryStore::in_dir(&recovery_dir);
    let mut doc = emograph::app::Document::new(journey("Workshop"), None);
    let copies = || -> Vec<Journey> {
        std::fs::read_dir(&recovery_dir)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| {
                        p.extension().is_some_and(|e| e == "ron")
                            && !p.to_string_lossy().contains("origin")
                    })
                    .filter_map(|p| load_journey(&p).ok())
                    .collect()
            })
            .unwrap_or_default()
    };
    let retitle = |doc: &mut emograph::app::Document, title: &str| {
        let title = title.to_owned();
        doc.apply(emograph::session::Edit::SetTitle { title })
            .unwrap();
    };
    retitle(&mut doc, "Workshop, unsaved");
    store.autosave(&doc, 0.0);
    store.autosave(&doc, 10.0);
    assert_eq!(copies().len(), 1, "unsaved work is copied");
    // Cleared to retype: a copy of this would never be offered, so the last good one stays.
    retitle(&mut doc, "");
    store.autosave(&doc, 20.0);
    store.autosave(&doc, 30.0);
    let kept = copies();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].title, "Workshop, unsaved");
    retitle(&mut doc, "Workshop, retyped");
    store.autosave(&doc, 40.0);
    store.autosave(&doc, 50.0);
    assert_eq!(copies()[0].title, "Workshop, retyped");
}

#[test]
fn a_refused_edit_changes_nothing_and_says_why_in_the_status_bar() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.ron");
    let mut with_case = journey("Workshop");
    with_case.cases = vec![emograph::model::Case::new("c1", "Noa")];
    save_journey(&path, &with_case).unwrap();
    let mut harness = common::app_harness(dir.path(), Some(path), SIZE);
    harness.run();
    let before = harness.state().journey().clone();
    let applied = harness
        .state_mut()
        .apply(emograph::session::Edit::SetScore {
            case_id: "c1".into(),
            touchpoint_id: "till".into(),
            score: Some(9.0),
        });
    harness.run();
    assert!(!applied);
    assert_eq!(*harness.state().journey(), before);
    assert!(!harness.state().doc.can_undo(), "no step in the history");
    let said = status(&harness);
    assert!(said.contains("off the scale"), "{said}");
    assert!(harness.state().status.as_ref().is_some_and(|s| s.error));
}

#[test]
fn text_the_document_refuses_stays_in_the_field_while_it_has_focus() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.ron");
    save_journey(&path, &journey("Workshop")).unwrap();
    let mut harness = common::app_harness(dir.path(), Some(path), SIZE);
    harness.run();
    let too_long = "x".repeat(emograph::model::limits::MAX_TEXT_CHARS + 1);
    harness.get_by_label("Title").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_label("Title").type_text(&too_long);
    harness.run();
    harness.run();
    assert_eq!(harness.state().journey().title, "Workshop", "refused");
    assert!(
        status(&harness).contains("longer than"),
        "{}",
        status(&harness)
    );
    let shown = harness
        .get_by_label("Title")
        .accesskit_node()
        .value()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(shown, too_long, "what was typed is still there");
}
