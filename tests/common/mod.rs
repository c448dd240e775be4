//! What the GUI tests share: an app in a test harness, and the gestures a person makes.
// Each test binary uses its own subset of these.
#![allow(dead_code)]

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use emograph::app::{EmographApp, RecoveryStore};

/// The real app, opened on `file` (else the sample journey), its recovery copy under `dir`.
pub fn app_harness(
    dir: &std::path::Path,
    file: Option<std::path::PathBuf>,
    size: [f32; 2],
) -> Harness<'static, EmographApp> {
    let recovery = RecoveryStore::in_dir(dir.join("recovery"));
    Harness::builder()
        .with_size(size)
        .build_eframe(move |cc| EmographApp::new(cc, file, recovery))
}

/// Clicks the control labelled `label` and lets the app react.
pub fn click(harness: &mut Harness<'_, EmographApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Replaces the text of the field labelled `label`.
pub fn type_into(harness: &mut Harness<'_, EmographApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// `text` without the bidi isolation marks (U+2066–U+2069) the app puts around embedded runs:
/// what a person reads.
pub fn without_isolates(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
        .collect()
}

/// The text of every label on screen, as a screen reader reads it, isolation marks taken out.
/// Only labels: a widget's own name or description says nothing about what is painted.
pub fn label_texts(harness: &Harness<'_, EmographApp>) -> Vec<String> {
    use egui_kittest::kittest::NodeT as _;
    harness
        .query_all_by_role(egui::accesskit::Role::Label)
        .filter_map(|n| n.accesskit_node().value())
        .map(|t| without_isolates(&t))
        .collect()
}
