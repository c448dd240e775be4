// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(feature = "gui")]
//! Exporting from the GUI, driven by visible labels: the Export dialog writes what is on screen,
//! and a Mermaid diagram opens as a new journey.

mod common;

use common::click;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use emograph::app::EmographApp;

fn harness(
    dir: &std::path::Path,
    file: Option<std::path::PathBuf>,
) -> Harness<'static, EmographApp> {
    common::app_harness(dir, file, [1400.0, 900.0])
}

#[test]
fn export_dialog_writes_the_chart_on_screen_as_svg_and_png() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path(), None);
    harness.run();
    click(&mut harness, "Patterns");
    for (format, file) in [("SVG drawing", "chart.svg"), ("PNG image", "chart.png")] {
        click(&mut harness, "File");
        click(&mut harness, "Export… Ctrl+E");
        click(&mut harness, "Format:");
        click(&mut harness, format);
        let path = dir.path().join(file);
        harness.get_by_label("File:").click();
        harness.run();
        harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
        harness
            .get_by_label("File:")
            .type_text(&path.display().to_string());
        harness.run();
        click(&mut harness, "Export");
        assert!(path.exists(), "{file} written");
    }
    let svg = std::fs::read_to_string(dir.path().join("chart.svg")).unwrap();
    assert!(
        svg.contains("A cinema evening"),
        "the title is text in the SVG"
    );
    assert!(
        svg.contains("Pattern 1"),
        "the patterns view was exported, as on screen"
    );
    let png = image::open(dir.path().join("chart.png")).unwrap();
    assert_eq!((png.width(), png.height()), (1600, 900));
}

#[test]
fn a_mermaid_diagram_opens_as_a_new_unsaved_journey() {
    let dir = tempfile::tempdir().unwrap();
    let diagram = dir.path().join("day.mmd");
    std::fs::write(
        &diagram,
        "journey\n  title My working day\n  section Go to work\n    Make tea: 5: Me\n    Go upstairs: 3: Me\n  section Go home\n    Go downstairs: 1: Me, Cat\n",
    )
    .unwrap();
    let mut harness = harness(dir.path(), Some(diagram));
    harness.run();
    let journey = harness.state().journey().clone();
    assert_eq!(journey.title, "My working day");
    assert_eq!(journey.touchpoints.len(), 3);
    assert!(
        harness.state().doc.is_dirty(),
        "imported work is not saved yet"
    );
    assert!(
        harness.state().doc.path.is_none(),
        "saving asks for a .ron path, never overwrites the diagram"
    );
}

/// Found in issue #14: on the overall view the app's Mermaid diagram listed every case while
/// `emograph export --view overall -o x.mmd` wrote the mean. Both write the mean now, and a
/// pattern's diagram is that pattern's mean, named as the CLI names it.
#[test]
fn the_mermaid_diagram_of_a_view_is_the_one_the_cli_writes_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let sample =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/cinema-evening.ron");
    let mut harness = harness(dir.path(), Some(sample.clone()));
    harness.run();
    for (label, view) in [("Overall", "overall"), ("Pattern 2 ·", "pattern:2")] {
        if view == "overall" {
            click(&mut harness, label);
        } else {
            harness.get_by_label_contains(label).click();
            harness.run();
        }
        let from_gui = dir
            .path()
            .join(format!("{}-gui.mmd", view.replace(':', "")));
        click(&mut harness, "File");
        click(&mut harness, "Export… Ctrl+E");
        click(&mut harness, "Format:");
        click(&mut harness, "Mermaid diagram");
        harness.get_by_label("File:").click();
        harness.run();
        harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
        harness
            .get_by_label("File:")
            .type_text(&from_gui.display().to_string());
        harness.run();
        click(&mut harness, "Export");

        let from_cli = dir
            .path()
            .join(format!("{}-cli.mmd", view.replace(':', "")));
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_emograph"))
            .arg("export")
            .arg(&sample)
            .arg("-o")
            .arg(&from_cli)
            .args(["--view", view])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let gui = std::fs::read_to_string(&from_gui).unwrap();
        assert_eq!(gui, std::fs::read_to_string(&from_cli).unwrap(), "{view}");
    }
}

/// The path field of the open Export dialog: what it holds.
fn export_path(harness: &Harness<'_, EmographApp>) -> String {
    harness
        .get_by_label("File:")
        .value()
        .expect("the File: field has a value")
}

#[test]
fn the_html_report_exports_from_the_gui_by_its_file_name_and_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let journey = dir.path().join("cinema-evening.ron");
    std::fs::copy("journeys/cinema-evening.ron", &journey).unwrap();
    let mut harness = harness(dir.path(), Some(journey));
    harness.run();
    click(&mut harness, "Patterns");
    click(&mut harness, "File");
    click(&mut harness, "Export… Ctrl+E");
    // The default name says which journey and which view.
    let default = export_path(&harness);
    assert!(
        default.ends_with("cinema-evening-patterns.png"),
        "default name {default}"
    );

    // A name ending in .html is the report, whatever the format said.
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let report = out.join("report.html");
    harness.get_by_label("File:").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("File:")
        .type_text(&report.display().to_string());
    harness.run();
    assert!(
        harness.query_by_label("Width:").is_none(),
        "the format follows the file's extension: the report has no image size"
    );
    click(&mut harness, "Export");
    let html = std::fs::read_to_string(&report).expect("the report was written");
    assert!(
        html.trim_start()
            .to_lowercase()
            .starts_with("<!doctype html")
    );
    assert!(html.contains("A cinema evening"));

    // And the other way round: picking a format puts its extension on the name.
    click(&mut harness, "File");
    click(&mut harness, "Export… Ctrl+E");
    let remembered = export_path(&harness);
    assert_eq!(
        std::path::Path::new(&remembered),
        out.join("cinema-evening-report.html"),
        "the last folder and format are remembered for this journey"
    );
    click(&mut harness, "SVG drawing");
    assert!(export_path(&harness).ends_with("cinema-evening-report.svg"));
    assert!(harness.query_by_label("Width:").is_some());
}
