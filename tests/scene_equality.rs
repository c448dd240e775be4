// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(feature = "gui")]
//! One analysis, one view: for every view of every sample journey, the Scene the app paints
//! (driven by its visible labels to that view) is the Scene `emograph export` paints for the
//! same view — the same markers, legend, badges and pattern numbers.

mod common;

use std::path::{Path, PathBuf};

use clap::Parser as _;
use common::click;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use emograph::app::EmographApp;
use emograph::chart::{MarkerKind, Scene};
use emograph::cli::{Cli, Command};

fn samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the journeys directory")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert!(files.len() >= 4, "the sample journeys: {files:?}");
    files
}

/// What `emograph export FILE -o chart.svg --view VIEW` paints, through the function the verb
/// calls.
fn exported(file: &Path, view: &str) -> Scene {
    let cli = Cli::try_parse_from([
        "emograph".as_ref(),
        "export".as_ref(),
        file.as_os_str(),
        "-o".as_ref(),
        "chart.svg".as_ref(),
        "--view".as_ref(),
        view.as_ref(),
    ])
    .expect("the export arguments parse");
    let Some(Command::Export(args)) = cli.command else {
        panic!("an export command");
    };
    emograph::cli::export_scene(&args).unwrap_or_else(|e| panic!("{view}: {e}"))
}

fn painted(harness: &Harness<'_, EmographApp>) -> Scene {
    harness
        .state()
        .painted_scene()
        .cloned()
        .expect("the graph painted a scene")
}

#[track_caller]
fn assert_same(harness: &Harness<'_, EmographApp>, file: &Path, view: &str) {
    let gui = painted(harness);
    let mut cli = exported(file, view);
    // A right-to-left journey runs right to left on screen: the same Scene, reflected.
    if harness.state().right_to_left() {
        emograph::app::mirror_x(&mut cli);
    }
    assert!(
        gui == cli,
        "{}, {view}: the GUI painted\n{gui:#?}\nbut export paints\n{cli:#?}",
        file.display()
    );
}

#[test]
fn every_view_of_every_sample_is_the_same_scene_in_the_gui_and_the_export() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for file in samples() {
        let mut harness = common::app_harness(dir.path(), Some(file.clone()), [1400.0, 900.0]);
        harness.run();

        for (label, view) in [
            ("Overall", "overall"),
            ("Patterns", "patterns"),
            ("Segments", "segments"),
        ] {
            click(&mut harness, label);
            assert_same(&harness, &file, view);
        }

        // Every pattern, opened from the patterns list, by the number it is labelled with.
        click(&mut harness, "Patterns");
        let count = harness
            .state()
            .analysis
            .current()
            .map_or(0, |a| a.patterns.patterns.len());
        assert!(count >= 1, "{}: patterns were found", file.display());
        for number in 1..=count {
            // The list's entry, not the chart's node for the pattern's curve.
            harness
                .query_all_by_label_contains(&format!("Pattern {number} ·"))
                .find(|n| n.accesskit_node().role() != egui::accesskit::Role::Group)
                .unwrap()
                .click();
            harness.run();
            assert_same(&harness, &file, &format!("pattern:{number}"));
        }

        // The cases as the command line draws them: all of them, none being edited (the
        // editor's selection has no control of its own to clear it).
        click(&mut harness, "Cases");
        harness.state_mut().select_case(None);
        harness.run();
        assert_same(&harness, &file, "cases");

        // One case: every other hidden, as `--view case:ID` draws it alone.
        let first = harness
            .state()
            .journey()
            .cases
            .first()
            .map(|c| c.id.clone());
        let first = first.expect("the sample has cases");
        harness.state_mut().select_case(Some(0));
        click(&mut harness, "Hide all");
        assert_same(&harness, &file, &format!("case:{first}"));
    }
}

#[test]
fn the_overall_scene_has_turning_and_flag_markers_with_their_legend() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/cinema-evening.ron");
    let scene = exported(&file, "overall");
    let has = |wanted: fn(&MarkerKind) -> bool| scene.markers.iter().any(|m| wanted(&m.kind));
    assert!(has(|k| matches!(k, MarkerKind::Critical { .. })));
    assert!(has(|k| matches!(k, MarkerKind::Flag { .. })), "flags");
    assert!(
        has(|k| !matches!(k, MarkerKind::Critical { .. } | MarkerKind::Flag { .. })),
        "turning points"
    );
    for marker in &scene.markers {
        let in_legend = scene.legend.iter().any(|entry| {
            entry
                .symbol
                .is_some_and(|s| std::mem::discriminant(&s) == std::mem::discriminant(&marker.kind))
        });
        assert!(in_legend, "{:?} has a legend entry", marker.kind);
    }
}
