// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! A survey-sized journey in the editor: the cases view shows what all its cases say (their
//! mean and the band of the middle half) with the case being edited on top, instead of a few
//! hundred of its curves, and says so above the case list.
#![cfg(feature = "gui")]

mod common;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use emograph::model::{Case, Journey, Touchpoint};

/// `cases` cases over three touchpoints, scored −5 … +5 in turn.
fn survey(cases: usize) -> Journey {
    let mut journey = Journey {
        title: "Survey wave".into(),
        ..Journey::default()
    };
    for (id, name) in [("t0", "Booking"), ("t1", "Arrival"), ("t2", "Goodbye")] {
        journey
            .touchpoints
            .push(Touchpoint::new(id, name, "during"));
    }
    for c in 0..cases {
        let mut case = Case::new(&format!("c{c}"), &format!("Respondent {c}"));
        for t in 0..3 {
            case.scores
                .insert(format!("t{t}"), ((c + t) % 11) as f64 - 5.0);
        }
        journey.cases.push(case);
    }
    journey
}

fn curve_names(harness: &egui_kittest::Harness<'_, emograph::app::EmographApp>) -> Vec<String> {
    harness
        .query_all_by_role(Role::Group)
        .filter_map(|node| node.accesskit_node().label())
        .filter(|label| label.starts_with("Curve: "))
        .collect()
}

#[test]
fn a_large_journeys_cases_view_shows_its_band_and_mean_with_the_edited_case_on_top() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("survey.ron");
    emograph::io::save_journey(&path, &survey(1_000)).unwrap();
    let mut harness = common::app_harness(dir.path(), Some(path), [1400.0, 900.0]);
    harness.run();
    common::click(&mut harness, "Respondent 3");

    let shown = "the graph shows these 1000 cases as their mean and middle half";
    assert!(
        harness.query_by_label(shown).is_some(),
        "the case list says what the graph shows"
    );
    let subtitle = &harness.state().painted_scene().unwrap().subtitle;
    assert_eq!(subtitle, "1000 cases · mean and quartile band");
    assert_eq!(
        curve_names(&harness),
        ["Curve: Mean", "Curve: Respondent 3"],
        "the mean and the edited case, not a curve per case"
    );

    // Hidden down to a few, the cases are drawn one by one again.
    common::click(&mut harness, "Hide all");
    for name in ["Respondent 1", "Respondent 2"] {
        common::click(&mut harness, &format!("Show {name} on the graph"));
    }
    assert!(harness.query_by_label(shown).is_none());
    let mut names = curve_names(&harness);
    names.sort();
    assert_eq!(
        names,
        [
            "Curve: Respondent 1",
            "Curve: Respondent 2",
            "Curve: Respondent 3"
        ]
    );
}
