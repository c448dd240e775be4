// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The graph in the AccessKit tree: a figure named after the chart and described in one
//! sentence, a node per curve that the keyboard reaches, a node per point of the selected
//! curve with its case, touchpoint and score, the score at the cursor announced as it changes,
//! and the critical points with their rank.
#![cfg(feature = "gui")]

mod common;

use egui::Key;
use egui::accesskit::{Live, Role};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use emograph::app::graph::format_score;

/// The touchpoint with the lowest mean over all cases, and that mean to one decimal, worked
/// out here from the journey rather than by the app.
fn lowest(journey: &emograph::model::Journey) -> (String, String) {
    let mut best: Option<(String, f64)> = None;
    for t in &journey.touchpoints {
        let scores: Vec<f64> = journey
            .cases
            .iter()
            .filter_map(|c| c.scores.get(&t.id).copied())
            .collect();
        if scores.is_empty() {
            continue;
        }
        let mean = scores.iter().sum::<f64>() / scores.len() as f64;
        if best.as_ref().is_none_or(|(_, m)| mean < *m) {
            best = Some((t.name.clone(), mean));
        }
    }
    let (name, mean) = best.unwrap();
    (name, format_score((mean * 10.0).round() / 10.0))
}

#[test]
fn the_chart_its_curves_and_points_are_named_for_a_screen_reader() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = common::app_harness(dir.path(), None, [1400.0, 900.0]);
    harness.run();
    let journey = harness.state().journey().clone();
    let (low_name, low_mean) = lowest(&journey);

    // The chart: a figure with its title and the one-sentence summary.
    let figure = harness.get_by_role(Role::Figure);
    assert_eq!(
        figure.accesskit_node().label().as_deref(),
        Some(format!("Chart: {}", harness.state().painted_scene().unwrap().title).as_str())
    );
    let summary = figure.accesskit_node().description().unwrap();
    assert!(
        summary.starts_with(&format!(
            "{} cases; lowest point: {low_name}, mean {low_mean}",
            journey.cases.len()
        )),
        "{summary}"
    );

    // The selected case's curve, reachable with the keyboard, inside the figure.
    let case = journey.cases[0].display_name().to_owned();
    let curve_name = format!("Curve: {case}");
    let curve = harness.get_by_role_and_label(Role::Group, &curve_name);
    assert!(
        std::iter::successors(curve.accesskit_node().parent(), |n| n.parent())
            .any(|n| n.role() == Role::Figure),
        "the curve's node is inside the chart's"
    );
    curve.focus();
    harness.run();
    assert!(
        harness
            .get_by_role_and_label(Role::Group, &curve_name)
            .is_focused()
    );

    // Each of its points: case, touchpoint and score in the label.
    let first = &journey.touchpoints[0];
    let score = journey.cases[0].scores[&first.id];
    let point_label = format!("{case} — {}: {}", first.name, format_score(score));
    harness.get_by_label(&point_label);

    // The score at the cursor is a polite live region, and says the new score after a change.
    harness.get_by_label(&point_label).click();
    harness.run();
    let live = harness.get_by_role(Role::Status);
    assert_eq!(live.accesskit_node().live(), Live::Polite);
    assert_eq!(
        live.accesskit_node().label().as_deref(),
        Some(format!("{}: {}", first.name, format_score(score)).as_str())
    );
    harness.key_press(Key::ArrowUp);
    harness.run();
    let raised = journey.scale.clamp(score + 0.5);
    assert_eq!(
        harness
            .get_by_role(Role::Status)
            .accesskit_node()
            .label()
            .as_deref(),
        Some(format!("{}: {}", first.name, format_score(raised)).as_str())
    );

    // The overall view: the summary counts the critical points, each one a node with its rank.
    common::click(&mut harness, "Overall");
    harness.run();
    let summary = harness
        .get_by_role(Role::Figure)
        .accesskit_node()
        .description()
        .unwrap();
    assert!(summary.contains("critical point"), "{summary}");
    let critical = harness.get_by_label_contains("Critical point 1: ");
    assert_eq!(critical.accesskit_node().role(), Role::Button);
}

#[test]
fn the_chart_speaks_hebrew_in_a_hebrew_interface() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = common::app_harness(dir.path(), None, [1400.0, 900.0]);
    harness.state_mut().lang = emograph::i18n::Lang::Hebrew;
    harness.run();
    let cases = harness.state().journey().cases.len();
    let figure = harness.get_by_role(Role::Figure);
    assert!(
        figure
            .accesskit_node()
            .label()
            .unwrap()
            .starts_with("תרשים: ")
    );
    let summary = figure.accesskit_node().description().unwrap();
    assert!(
        summary.contains(&format!("{cases}\u{2069} מקרים")),
        "{summary}"
    );
    assert!(summary.contains("הנקודה הנמוכה"), "{summary}");
}

/// Rests the pointer on the first critical point of the overall view (the button whose
/// accessible name starts `critical`), right on its disc, and returns the texts on screen then.
fn hover_first_critical_point(
    lang: emograph::i18n::Lang,
    overall: &str,
    critical: &str,
) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = common::app_harness(dir.path(), None, [1400.0, 900.0]);
    harness.state_mut().lang = lang;
    harness.run();
    common::click(&mut harness, overall);
    let point = harness
        .query_all_by_label_contains(critical)
        .find(|n| n.accesskit_node().role() == Role::Button)
        .unwrap()
        .rect()
        .center();
    harness.hover_at(point);
    // A tooltip waits for the pointer to rest (half a second): a second of frames.
    harness.run_steps(60);
    harness.run();
    // With `EMOGRAPH_I18N_SCREENSHOTS=DIR`, the tooltip is also rendered to DIR (needs a GPU or
    // Mesa: WGPU_BACKEND=vulkan).
    if let Ok(out) = std::env::var("EMOGRAPH_I18N_SCREENSHOTS") {
        let image = harness.render().expect("a renderer");
        let shot = format!("critical-tooltip-{}.png", lang.code());
        image.save(std::path::Path::new(&out).join(shot)).unwrap();
    }
    common::label_texts(&harness)
}

#[test]
fn a_critical_points_numbers_on_hover_are_in_the_interface_language() {
    let english = hover_first_critical_point(
        emograph::i18n::Lang::English,
        "Overall",
        "Critical point 1: ",
    );
    assert!(
        english
            .iter()
            .any(|t| t.starts_with("#1 ") && t.contains("% of cases · score ")),
        "the tooltip is on screen: {english:#?}"
    );

    let hebrew = hover_first_critical_point(
        emograph::i18n::Lang::Hebrew,
        "כללי",
        "נקודה קריטית \u{2068}1\u{2069}: ",
    );
    let tip = hebrew
        .iter()
        .find(|t| t.starts_with("#1 ") && t.contains("ציון "))
        .unwrap_or_else(|| panic!("a Hebrew tooltip: {hebrew:#?}"));
    // Read as it is written: the rank first, the share before the score, numbers as numbers.
    assert!(tip.contains("% מהמקרים · ציון "), "{tip}");
    assert!(
        tip.contains(" · ממוצע -") || tip.contains(" · ממוצע +"),
        "{tip}"
    );
    for english in ["mean", "of cases", "score", "negative", "positive"] {
        assert!(!tip.contains(english), "{english:?} in {tip:?}");
    }
}
