// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Two people, or two emograph windows, on one journey: saving over a file that someone else
//! saved meanwhile asks first, and two windows open at once keep their recovery copies apart.
#![cfg(feature = "gui")]

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use common::{click, type_into};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use emograph::app::{EmographApp, RecoveryStore};
use emograph::io::{load_journey, save_journey};
use emograph::model::{Journey, Phase, Touchpoint};

const SIZE: [f32; 2] = [1400.0, 900.0];

fn journey(title: &str) -> Journey {
    let mut journey = Journey {
        title: title.to_owned(),
        ..Journey::default()
    };
    journey.phases = vec![Phase::new("during", "During")];
    journey.touchpoints = vec![Touchpoint::new("till", "Till", "during")];
    journey
}

/// Another window saves its version of the file: a different title, and a later time (so the
/// change shows even on a file system with coarse timestamps).
fn someone_else_saves(path: &Path, title: &str) {
    save_journey(path, &journey(title)).unwrap();
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(SystemTime::now() + Duration::from_secs(10))
        .unwrap();
}

fn title_on_disk(path: &Path) -> String {
    load_journey(path).unwrap().title
}

fn save_shortcut(harness: &mut Harness<'_, EmographApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
}

/// A window with `file` open whose title the user changed to `title`.
fn window_with_edit(dir: &Path, file: PathBuf, title: &str) -> Harness<'static, EmographApp> {
    let mut harness = common::app_harness(dir, Some(file), SIZE);
    harness.run();
    type_into(&mut harness, "Title", title);
    assert!(harness.state().doc.is_dirty());
    harness
}

#[test]
fn saving_over_a_file_another_window_saved_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.ron");
    save_journey(&path, &journey("Workshop")).unwrap();
    let mut harness = window_with_edit(dir.path(), path.clone(), "Ours");

    // Unchanged on disk: Save just saves, no question asked.
    save_shortcut(&mut harness);
    assert!(harness.query_by_label("The file changed on disk").is_none());
    assert_eq!(title_on_disk(&path), "Ours");

    // Someone else saves; we edit on and save: asked, and "Cancel" keeps their file and our work.
    someone_else_saves(&path, "Theirs");
    type_into(&mut harness, "Title", "Ours, later");
    save_shortcut(&mut harness);
    assert!(
        harness.query_by_label("The file changed on disk").is_some(),
        "asked before overwriting"
    );
    click(&mut harness, "Cancel");
    assert!(harness.query_by_label("The file changed on disk").is_none());
    assert_eq!(title_on_disk(&path), "Theirs", "their version is intact");
    assert_eq!(harness.state().journey().title, "Ours, later");
    assert!(
        harness.state().doc.is_dirty(),
        "our edits still need saving"
    );

    // "Save as…" puts ours beside theirs.
    save_shortcut(&mut harness);
    click(&mut harness, "Save as…");
    let beside = dir.path().join("workshop-ours.ron");
    type_into(&mut harness, "Path:", &beside.display().to_string());
    click(&mut harness, "Save");
    assert_eq!(title_on_disk(&path), "Theirs");
    assert_eq!(title_on_disk(&beside), "Ours, later");
    assert!(!harness.state().doc.is_dirty());

    // Back on the shared file, "Overwrite" replaces theirs once the user said so, and the next
    // save does not ask again (the file is ours since).
    harness.state_mut().open_path(&path);
    harness.run();
    someone_else_saves(&path, "Theirs again");
    type_into(&mut harness, "Title", "Ours, final");
    save_shortcut(&mut harness);
    click(&mut harness, "Overwrite");
    assert_eq!(title_on_disk(&path), "Ours, final");
    type_into(&mut harness, "Title", "Ours, really final");
    save_shortcut(&mut harness);
    assert!(harness.query_by_label("The file changed on disk").is_none());
    assert_eq!(title_on_disk(&path), "Ours, really final");
}

/// A window whose clock runs half a second per frame, so the recovery copy is written within a
/// few frames of an edit (it waits for 3 s of unsaved changes). Slower than egui's longest click
/// (0.8 s), so clicks stay clicks.
fn fast_clock_window(dir: &Path, file: Option<PathBuf>) -> Harness<'static, EmographApp> {
    let recovery = RecoveryStore::in_dir(dir.join("recovery"));
    let mut harness = Harness::builder()
        .with_size(SIZE)
        .with_step_dt(0.5)
        .build_eframe(move |cc| EmographApp::new(cc, file, recovery));
    harness.run();
    harness
}

fn recovery_copies(dir: &Path) -> Vec<String> {
    let mut titles: Vec<String> = std::fs::read_dir(dir.join("recovery"))
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    let name = p.file_name().unwrap().to_string_lossy().into_owned();
                    name.ends_with(".ron") && !name.ends_with("-origin.ron")
                })
                .map(|p| title_on_disk(&p))
                .collect()
        })
        .unwrap_or_default();
    titles.sort();
    titles
}

#[test]
fn two_windows_at_once_keep_their_recovery_copies_apart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.ron");
    save_journey(&path, &journey("Workshop")).unwrap();

    // Window A edits and, a few seconds later, has its recovery copy.
    let mut a = fast_clock_window(dir.path(), Some(path.clone()));
    type_into(&mut a, "Title", "A's unsaved work");
    a.run_steps(8);
    assert_eq!(recovery_copies(dir.path()), ["A's unsaved work"]);

    // Window B opens meanwhile: A's work is not a crash to recover, and B's edits autosave
    // without touching A's copy.
    let mut b = fast_clock_window(dir.path(), Some(path.clone()));
    assert!(
        b.query_by_label("Recover unsaved work?").is_none(),
        "a window still open is not offered as a crash"
    );
    type_into(&mut b, "Title", "B's unsaved work");
    b.run_steps(8);
    assert_eq!(
        recovery_copies(dir.path()),
        ["A's unsaved work", "B's unsaved work"]
    );

    // B saves (to a file of its own): its copy goes, A's stays.
    click(&mut b, "File");
    click(&mut b, "Save as… Ctrl+Shift+S");
    type_into(
        &mut b,
        "Path:",
        &dir.path().join("b.ron").display().to_string(),
    );
    click(&mut b, "Save");
    assert_eq!(recovery_copies(dir.path()), ["A's unsaved work"]);

    // A crashes. The next window offers A's work; B, still open, is left alone.
    drop(a);
    let mut c = fast_clock_window(dir.path(), None);
    assert!(c.query_by_label("Recover unsaved work?").is_some());
    assert!(c.query_by_label("A's unsaved work").is_some());
    let a_copy = dir.path().join("recovery/recovery.ron");
    assert!(a_copy.exists(), "A claimed the first slot");
    click(&mut c, "Restore");
    assert_eq!(c.state().journey().title, "A's unsaved work");
    assert_eq!(c.state().doc.path.as_deref(), Some(path.as_path()));
    // A's copy is gone; the restored, still unsaved work is at once in C's own copy.
    assert!(!a_copy.exists());
    assert_eq!(recovery_copies(dir.path()), ["A's unsaved work"]);
    drop(b);
}

/// An analyst's survey export, imported in the GUI with the options it needs; a file it cannot
/// read is refused with the place, and the open journey stays.
#[test]
fn a_survey_csv_is_imported_with_its_scale_and_not_applicable_value() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("survey.csv");
    std::fs::write(
        &csv,
        "id,segment,Booking,Check-in,Flight\n1,business,5,1,4\n2,economy,4,0,5\n3,economy,1,2,3\n",
    )
    .unwrap();
    let mut harness = common::app_harness(dir.path(), None, SIZE);
    harness.run();
    let sample = harness.state().journey().clone();

    // A broken file first: the message says where, and nothing is replaced.
    let broken = dir.path().join("broken.csv");
    std::fs::write(&broken, "id,A\n1,3\n2,lots\n").unwrap();
    click(&mut harness, "File");
    click(&mut harness, "Import CSV…");
    type_into(&mut harness, "File:", &broken.display().to_string());
    click(&mut harness, "Import");
    assert!(
        harness
            .query_all_by_label_contains(&format!("{}:3:2", broken.display()))
            .count()
            >= 1,
        "the error names the row and column"
    );
    assert_eq!(*harness.state().journey(), sample);

    type_into(&mut harness, "File:", &csv.display().to_string());
    type_into(&mut harness, "Scale:", "1..5");
    type_into(&mut harness, "Not applicable:", "0");
    click(&mut harness, "Import");
    let journey = harness.state().journey().clone();
    let names: Vec<&str> = journey
        .touchpoints
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(names, ["Booking", "Check-in", "Flight"]);
    assert_eq!(journey.cases.len(), 3);
    let case = |id: &str| journey.cases.iter().find(|c| c.id == id).unwrap();
    let check_in = &journey.touchpoints[1].id;
    // 1..5 onto −5..+5: 1 → −5, 4 → +2.5; the 0 is "not applicable", so no score at all.
    assert_eq!(case("1").scores.get(check_in), Some(&-5.0));
    assert_eq!(case("2").scores.get(check_in), None);
    assert_eq!(case("2").segment, "economy");
    assert!(harness.state().doc.is_dirty(), "imported work needs saving");
    assert_eq!(
        harness.state().doc.path,
        None,
        "saving asks for a .ron path"
    );
}

/// Opening a survey export that needs options (File → Open…, or `emograph open x.csv`) brings
/// up the import dialog with the file and what went wrong, in the dialog's own words.
#[test]
fn a_csv_that_needs_options_opens_the_import_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("nps.csv");
    std::fs::write(&csv, "case,Call,Visit\nc1,9,7\nc2,3,10\n").unwrap();
    let mut harness = common::app_harness(dir.path(), Some(csv.clone()), SIZE);
    harness.run();
    assert!(harness.query_by_label("Import a CSV of cases").is_some());
    assert!(
        harness
            .query_all_by_label_contains("a Scale (MIN..MAX)")
            .count()
            >= 1,
        "the hint names the dialog's field, not a command-line flag"
    );
    type_into(&mut harness, "Scale:", "0..10");
    click(&mut harness, "Import");
    let journey = harness.state().journey().clone();
    assert_eq!(journey.cases.len(), 2);
    let call = &journey.touchpoints[0].id;
    // 0..10 onto −5..+5: 9 → +4, 3 → −2.
    assert_eq!(journey.cases[0].scores.get(call), Some(&4.0));
    assert_eq!(journey.cases[1].scores.get(call), Some(&-2.0));
}
