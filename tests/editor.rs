// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(feature = "gui")]
//! The workshop editor driven like a person would: through visible labels, clicks, keys and drags.

mod common;

use common::{click, type_into};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use emograph::app::{EmographApp, RecoveryStore};
use emograph::session::Edit;

fn app_harness(dir: &std::path::Path) -> Harness<'static, EmographApp> {
    common::app_harness(dir, None, [1400.0, 900.0])
}

fn score(harness: &Harness<'_, EmographApp>, case: usize, touchpoint: usize) -> Option<f64> {
    let journey = harness.state().journey();
    let tp = journey.touchpoints.get(touchpoint)?;
    journey.cases.get(case)?.scores.get(&tp.id).copied()
}

#[test]
fn build_score_drag_undo_rename_save_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_harness(dir.path());
    harness.run();

    // A new journey with three touchpoints.
    click(&mut harness, "File");
    click(&mut harness, "New journey Ctrl+N");
    assert!(harness.state().journey().touchpoints.is_empty());
    for _ in 0..3 {
        click(&mut harness, "Add touchpoint");
    }
    assert_eq!(harness.state().journey().touchpoints.len(), 3);

    // Rename the second touchpoint.
    click(&mut harness, "2. Touchpoint 2");
    type_into(&mut harness, "Touchpoint name", "Parking");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().journey().touchpoints[1].name, "Parking");

    // Add a case and score it by keyboard: 3, Enter, ↓ twice (−1), Enter, -2.5.
    click(&mut harness, "Add case");
    assert_eq!(harness.state().journey().cases.len(), 1);
    harness.state_mut().cursor = Some(0);
    harness.event(egui::Event::Text("3".into()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    harness.event(egui::Event::Text("-2.5".into()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(score(&harness, 0, 0), Some(3.0));
    assert_eq!(
        score(&harness, 0, 1),
        Some(-1.0),
        "↓ from an unscored touchpoint starts at 0, then −0.5 per press"
    );
    assert_eq!(score(&harness, 0, 2), Some(-2.5));

    // Drag the Parking point up by about two points on the scale.
    let point = harness
        .get_by_label_contains("Case 1 — Parking: ")
        .rect()
        .center();
    let one_point_in_pixels = {
        let top = harness
            .get_by_label_contains("Case 1 — Touchpoint 1: ")
            .rect()
            .center()
            .y; // at +3
        (point.y - top) / 4.0 // from −1 to +3
    };
    harness.drag_at(point);
    harness.run();
    let target = point - egui::vec2(0.0, 2.0 * one_point_in_pixels);
    harness.hover_at(point - egui::vec2(0.0, 5.0));
    harness.run();
    harness.hover_at(target);
    harness.run();
    harness.drop_at(target);
    harness.run();
    assert_eq!(
        score(&harness, 0, 1),
        Some(1.0),
        "dragged from −1 up two points"
    );

    // Undo the drag in one step, then redo it.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(score(&harness, 0, 1), Some(-1.0));
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(score(&harness, 0, 1), Some(1.0));

    // The title bar shows the unsaved marker.
    assert!(harness.state().window_title().starts_with('●'));

    // Save as, by typing a path.
    let path = dir.path().join("workshop.ron");
    click(&mut harness, "File");
    click(&mut harness, "Save as… Ctrl+Shift+S");
    type_into(&mut harness, "Path:", &path.display().to_string());
    click(&mut harness, "Save");
    assert!(path.exists(), "saved to the typed path");
    assert!(!harness.state().doc.is_dirty());
    let saved = harness.state().journey().clone();

    // Reopen in a fresh app and find everything as it was.
    let mut reopened = Harness::builder().with_size([1400.0, 900.0]).build_eframe({
        let path = path.clone();
        let recovery = RecoveryStore::in_dir(dir.path().join("recovery"));
        move |cc| EmographApp::new(cc, Some(path), recovery)
    });
    reopened.run();
    assert_eq!(*reopened.state().journey(), saved);
    assert_eq!(reopened.state().journey().touchpoints[1].name, "Parking");
    assert!(
        reopened
            .query_by_label_contains("Case 1 — Parking: ")
            .is_some(),
        "the case's point is on the graph"
    );
}

#[test]
fn a_file_that_fails_to_load_leaves_the_current_journey_open() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        "(version: 1, title: \"x\", cases: [(id: \"a\", scores: {\"nope\": 1.0})])",
    )
    .unwrap();
    let mut harness = app_harness(dir.path());
    harness.run();
    let before = harness.state().journey().clone();
    click(&mut harness, "File");
    click(&mut harness, "Open… Ctrl+O");
    type_into(&mut harness, "Path:", &bad.display().to_string());
    click(&mut harness, "Open");
    assert_eq!(*harness.state().journey(), before);
    let error = harness
        .state()
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(error.contains("bad.ron:1:"), "located error shown: {error}");
    assert!(error.contains("unknown touchpoint"), "{error}");
}

#[test]
fn presenter_mode_hides_the_panels_and_keeps_keyboard_entry() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_harness(dir.path());
    harness.run();
    assert!(harness.query_by_label("Add case").is_some());
    harness.key_press(Key::F5);
    harness.run();
    assert!(harness.state().presenter);
    assert!(
        harness.query_by_label("Add case").is_none(),
        "side panels hidden"
    );
    assert!(
        harness
            .query_by_label("Leave presenter mode (F5)")
            .is_some()
    );

    // Keyboard entry still scores the selected case.
    harness.state_mut().cursor = Some(1);
    harness.event(egui::Event::Text("4".into()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(score(&harness, 0, 1), Some(4.0));
    assert_eq!(harness.state().cursor, Some(2), "Enter moved on");
    let editing = |h: &Harness<'_, EmographApp>| h.query_all_by_label_contains("Editing: ").count();
    assert_eq!(editing(&harness), 1, "the bar names the case being scored");

    // On the overall view no case is scored by keyboard: the bar does not claim one is.
    harness.state_mut().view = emograph::app::View::Overall;
    harness.run();
    assert_eq!(editing(&harness), 0);
    let before = harness.state().journey().clone();
    harness.event(egui::Event::Text("1".into()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        *harness.state().journey(),
        before,
        "typing does not score off screen"
    );

    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().presenter);
}

#[test]
fn hebrew_journey_shows_its_names_in_the_ui() {
    let dir = tempfile::tempdir().unwrap();
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/bank-complaint-he.ron");
    let journey = emograph::io::load_journey(&path).expect("the Hebrew sample loads");
    let recovery = RecoveryStore::in_dir(dir.path().join("recovery"));
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(move |cc| EmographApp::new(cc, Some(path), recovery));
    harness.run();
    assert_eq!(harness.state().journey().title, journey.title);
    // Touchpoint names appear in the outline and cases in the case list, in logical order.
    let first_touchpoint = &journey.touchpoints[0].name;
    assert!(
        harness
            .query_by_label(&format!("1. {first_touchpoint}"))
            .is_some(),
        "{first_touchpoint} in the outline"
    );
    let first_case = journey.cases[0].display_name();
    assert!(
        harness.query_by_label(first_case).is_some(),
        "{first_case} in the case list"
    );

    // The critical list mixes English with Hebrew names: each row keeps "overall" readable
    // and the name whole, in reading order (egui alone shaped such a row as "llarevo").
    harness.state_mut().view = emograph::app::View::Overall;
    harness.run();
    let rows: Vec<String> = harness
        .query_all_by_label_contains(" · overall")
        .filter_map(|node| node.accesskit_node().label())
        .collect();
    assert!(!rows.is_empty(), "the critical points are listed");
    for row in &rows {
        assert!(row.starts_with('#'), "{row}");
        assert!(
            journey
                .touchpoints
                .iter()
                .any(|t| row.contains(&format!(" {} · overall", t.name))),
            "{row}"
        );
    }
}

#[test]
fn deleting_a_scored_touchpoint_asks_first_and_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_harness(dir.path());
    harness.run();
    let before = harness.state().journey().clone();
    let name = before.touchpoints[2].name.clone();
    click(&mut harness, &format!("3. {name}"));
    click(&mut harness, "Delete touchpoint");
    assert_eq!(
        harness.state().journey().touchpoints.len(),
        before.touchpoints.len(),
        "nothing deleted before confirming"
    );
    click(&mut harness, "Delete it and its scores");
    assert_eq!(
        harness.state().journey().touchpoints.len(),
        before.touchpoints.len() - 1
    );
    assert!(
        harness.state().journey().validate().is_empty(),
        "no score points at the deleted touchpoint"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(*harness.state().journey(), before);
}

#[test]
fn the_recovery_copy_restores_unsaved_edits() {
    let dir = tempfile::tempdir().unwrap();
    let recovery_dir = dir.path().join("recovery");
    // A session edits and is cut off before saving: the recovery copy is what it leaves.
    {
        let mut harness = app_harness(dir.path());
        harness.run();
        harness
            .state_mut()
            .doc
            .apply(Edit::SetTitle {
                title: "Unsaved workshop".into(),
            })
            .unwrap();
        let mut store = RecoveryStore::in_dir(&recovery_dir);
        store.write(&harness.state().doc);
    }
    let mut harness = app_harness(dir.path());
    harness.run();
    assert!(
        harness.query_by_label("Restore").is_some(),
        "the recovery copy is offered"
    );
    assert!(
        harness.query_by_label("Unsaved workshop").is_some(),
        "it shows what it holds"
    );
    click(&mut harness, "Restore");
    assert_eq!(harness.state().journey().title, "Unsaved workshop");
    assert!(
        harness.state().doc.is_dirty(),
        "restored work still needs saving"
    );
    // The old copy is gone once the user chose; the restored, still unsaved work is already in
    // this session's own copy, before any autosave delay.
    let left: Vec<std::path::PathBuf> = std::fs::read_dir(&recovery_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.ends_with(".ron") && !name.ends_with("-origin.ron")
        })
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(
        emograph::io::load_journey(&left[0]).unwrap().title,
        "Unsaved workshop"
    );
}

#[test]
fn the_segments_view_compares_segments_and_opens_one_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_harness(dir.path());
    harness.run();
    click(&mut harness, "Segments");
    assert_eq!(harness.state().view, emograph::app::View::Segments);
    // The largest segment of the sample, as the panel names it.
    let journey = harness.state().journey().clone();
    let mut sizes: Vec<(usize, String)> = Vec::new();
    for case in &journey.cases {
        match sizes.iter_mut().find(|(_, s)| *s == case.segment) {
            Some((n, _)) => *n += 1,
            None => sizes.push((1, case.segment.clone())),
        }
    }
    sizes.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let (n, largest) = sizes[0].clone();
    let label = format!("{largest} · {n} cases");
    assert!(harness.query_by_label(&label).is_some(), "{label} listed");
    assert!(
        harness.query_all_by_label_contains("lowest: ").count() >= sizes.len(),
        "each segment says where it feels worst"
    );
    // The patterns' settings do not apply here.
    assert!(harness.query_by_label("Number of patterns:").is_none());

    // A click shows that segment alone on the overall view.
    click(&mut harness, &label);
    assert_eq!(harness.state().view, emograph::app::View::Overall);
    assert_eq!(
        harness.state().analysis.settings.segment.as_deref(),
        Some(largest.as_str())
    );
}

/// Hiding a case takes its curve off the graph at once, and showing all brings it back (the
/// graph is cached; the cache must notice).
#[test]
fn hiding_a_case_redraws_the_graph_without_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_harness(dir.path());
    harness.run();
    let curves = |h: &mut Harness<'_, EmographApp>| h.state_mut().scene().curves.len();
    let all = curves(&mut harness);
    let id = harness.state().journey().cases[1].id.clone();
    harness.state_mut().hidden_cases.hide(&id);
    assert_eq!(curves(&mut harness), all - 1);
    harness.state_mut().hidden_cases.show_all();
    assert_eq!(curves(&mut harness), all);
}
