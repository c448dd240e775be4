// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Desktop manners: shortcuts beside the menu items and in Help, Quit that asks about unsaved
//! work, Save in the discard question, zoom, and themes the chart follows on screen.
#![cfg(feature = "gui")]

mod common;

use common::click;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use emograph::app::EmographApp;

fn open_copy(dir: &std::path::Path) -> (Harness<'static, EmographApp>, std::path::PathBuf) {
    let path = dir.join("cinema-evening.ron");
    std::fs::copy("journeys/cinema-evening.ron", &path).unwrap();
    let mut harness = common::app_harness(dir, Some(path.clone()), [1400.0, 900.0]);
    harness.run();
    (harness, path)
}

/// Makes one unsaved change by keyboard: a score on the selected case.
fn change_something(harness: &mut Harness<'_, EmographApp>) {
    harness.event(egui::Event::Text("3".into()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn menus_show_their_shortcuts_and_help_lists_them_all() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = open_copy(dir.path());
    click(&mut harness, "File");
    for item in [
        "New journey Ctrl+N",
        "Save Ctrl+S",
        "Export… Ctrl+E",
        "Quit Ctrl+Q",
    ] {
        assert!(harness.query_by_label(item).is_some(), "{item} in File");
    }
    harness.key_press(Key::Escape);
    harness.run();
    click(&mut harness, "Help");
    click(&mut harness, "Keyboard shortcuts F1");
    assert!(harness.query_by_label("Keyboard shortcuts").is_some());
    assert!(harness.query_by_label("Ctrl+Shift+N").is_some());
    assert!(
        harness
            .query_by_label("new case: name, Tab, segment (Tab completes), Enter")
            .is_some()
    );
}

#[test]
fn quit_asks_about_unsaved_changes_and_the_discard_question_can_save() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = open_copy(dir.path());
    change_something(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    assert!(
        harness
            .query_by_label("Save changes before closing?")
            .is_some()
    );
    click(&mut harness, "Cancel");

    // Ctrl+N over unsaved work: "Save first" saves, then starts the new journey.
    let before = std::fs::read_to_string(&path).unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    click(&mut harness, "Save first");
    let after = std::fs::read_to_string(&path).unwrap();
    assert_ne!(before, after, "the change was saved to the file");
    assert!(
        harness.state().journey().cases.is_empty(),
        "a new journey is open"
    );
}

#[test]
fn zoom_and_a_dark_theme_the_chart_follows() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _) = open_copy(dir.path());
    let ctx = harness.ctx.clone();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run();
    assert!(ctx.zoom_factor() > 1.05, "Ctrl + zooms in");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run();
    assert!(
        (ctx.zoom_factor() - 1.0).abs() < 1e-3,
        "Ctrl 0 is actual size"
    );

    let light = graph_brightness(&mut harness);
    assert!(light > 180.0, "the light chart is light ({light})");
    click(&mut harness, "View");
    click(&mut harness, "Dark");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(ctx.global_style().visuals.dark_mode, "the UI is dark");
    let dark = graph_brightness(&mut harness);
    assert!(
        dark < 90.0,
        "the chart on screen follows the theme ({dark})"
    );
    assert_eq!(harness.state().prefs.theme, emograph::app::UiTheme::Dark);
}

/// The mean brightness of a block in the middle of the graph, as rendered.
fn graph_brightness(harness: &mut Harness<'_, EmographApp>) -> f32 {
    let image = harness.render().expect("a software renderer");
    let ppp = image.width() as f32 / 1400.0;
    let (x0, y0) = ((650.0 * ppp) as u32, (300.0 * ppp) as u32);
    let mut sum = 0.0;
    let mut n = 0.0;
    for y in y0..y0 + (80.0 * ppp) as u32 {
        for x in x0..x0 + (80.0 * ppp) as u32 {
            let p = image.get_pixel(x, y).0;
            sum += (f32::from(p[0]) + f32::from(p[1]) + f32::from(p[2])) / 3.0;
            n += 1.0;
        }
    }
    sum / n
}

/// The focused widget's accessible label, the way a screen reader would say it.
fn focused_label(harness: &Harness<'_, EmographApp>) -> Option<String> {
    use egui_kittest::kittest::NodeT as _;
    harness
        .query_all(egui_kittest::kittest::by())
        .find(|n| n.accesskit_node().is_focused())
        .and_then(|n| n.accesskit_node().label())
}

/// The ≡ grip is reached by Tab like every other control, and Alt+↓ moves its touchpoint, as
/// dragging does; the focus follows the row, so a second Alt+↓ moves it on.
#[test]
fn the_outline_grip_is_reached_by_tab_and_moves_its_touchpoint_by_keys() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = open_copy(dir.path());
    let grip = "Move Choosing the film: drag, or Alt+↑ / Alt+↓";
    let mut reached = false;
    for _ in 0..400 {
        harness.key_press(Key::Tab);
        harness.run();
        if focused_label(&harness).as_deref() == Some(grip) {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab never reached the grip {grip:?}");
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    harness.run();
    assert!(harness.query_by_label("2. Choosing the film").is_some());
    assert_eq!(
        focused_label(&harness).as_deref(),
        Some(grip),
        "focus follows the row"
    );
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    harness.run();
    assert!(harness.query_by_label("3. Choosing the film").is_some());
    assert!(
        harness
            .query_by_label("1. Buying tickets in the app")
            .is_some()
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = std::fs::read_to_string(&path).unwrap();
    let at = |name: &str| saved.find(&format!("name: \"{name}\"")).unwrap();
    assert!(at("Arrival and parking") < at("Choosing the film"));
    assert!(at("Choosing the film") < at("Lobby and ticket check"));
}
