// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The report's redesign loop as a reader sees it: a scenario before/after, two waves with a
//! planted change at one touchpoint only, and the owner's "did it work?" beside the metric's
//! dated values.

mod cli_common;
use cli_common::Rng;

use emograph::analysis::{Analysis, AnalysisSettings, Dataset};
use emograph::export;
use emograph::model::{
    Case, Change, FlagKind, Journey, Metric, MetricValue, Owner, Scenario, Status, Touchpoint, Wave,
};

const TOUCHPOINTS: [&str; 5] = ["Booking", "Arrival", "Waiting room", "Treatment", "Home"];
const CENTRES: [f64; 5] = [1.5, 1.0, -3.0, 2.5, 1.0];
/// The redesign lifts the waiting room by 2.5 points in the second wave; nothing else moves.
const REDESIGNED: usize = 2;

fn id(name: &str) -> String {
    name.to_lowercase().replace(' ', "_")
}

fn journey() -> Journey {
    let mut journey = Journey {
        title: "Clinic visit".into(),
        ..Journey::default()
    };
    journey.owners.push(Owner {
        id: "dana".into(),
        name: "Dana Levi".into(),
        role: "Clinic manager".into(),
        process: "Patient flow".into(),
    });
    for name in TOUCHPOINTS {
        let mut tp = Touchpoint::new(&id(name), name, "during");
        tp.owner = Some("dana".into());
        journey.touchpoints.push(tp);
    }
    let mut rng = Rng(0xC11_2027);
    for c in 0..90 {
        let after = c >= 45;
        let mut case = Case::new(&format!("c{c:02}"), "");
        case.wave = if after {
            "after 2027-03"
        } else {
            "baseline 2026-11"
        }
        .to_owned();
        for (t, (name, centre)) in TOUCHPOINTS.iter().zip(CENTRES).enumerate() {
            let lift = if after && t == REDESIGNED { 2.5 } else { 0.0 };
            let score = ((centre + lift + rng.around(0.0, 1.5)) * 2.0).round() / 2.0;
            case.scores.insert(id(name), score.clamp(-5.0, 5.0));
        }
        journey.cases.push(case);
    }
    journey.waves = vec![Wave {
        label: "baseline 2026-11".into(),
        date: Some("2026-11-10".into()),
    }];
    journey.metrics.push(Metric {
        id: "wait_min".into(),
        name: "Minutes in the waiting room".into(),
        unit: "min".into(),
        current: Some(40.0),
        target: Some(15.0),
        better: emograph::model::Better::Lower,
        level: Default::default(),
        sla: String::new(),
        owner: Some("dana".into()),
        touchpoints: vec![id("Waiting room")],
        history: vec![
            MetricValue {
                date: "2026-10-31".into(),
                value: 42.0,
            },
            MetricValue {
                date: "2027-02-28".into(),
                value: 18.0,
            },
        ],
    });
    let mut wait = journey
        .new_flag(&id("Waiting room"), FlagKind::Negative, true)
        .unwrap();
    wait.id = "f-wait".into();
    wait.status = Status::Done;
    wait.due = Some("2027-01-20".into());
    journey.flags.push(wait.clone());
    let mut home = journey
        .new_flag(&id("Home"), FlagKind::Negative, false)
        .unwrap();
    home.id = "f-home".into();
    home.status = Status::Done;
    home.due = Some("2027-06-01".into());
    journey.flags.push(home);
    journey.scenarios.push(Scenario {
        id: "tobe".into(),
        name: "Calm waiting room".into(),
        changes: vec![Change::from_flag(&wait)],
    });
    assert!(journey.validate().is_empty(), "{:?}", journey.validate());
    journey
}

fn report(journey: Journey) -> String {
    let analysis = Analysis::compute(Dataset::from_journey(journey), &AnalysisSettings::default());
    export::report::render_report(&analysis).expect("report")
}

/// The HTML of one section.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<section id=\"{id}\">"))
        .unwrap_or_else(|| panic!("no section {id}"));
    let end = html[start..].find("</section>").unwrap() + start;
    &html[start..end]
}

/// The table row that starts with `first_cell`.
fn row<'a>(html: &'a str, first_cell: &str) -> &'a str {
    let at = html
        .find(&format!("<td>{first_cell}</td>"))
        .unwrap_or_else(|| panic!("no row {first_cell}"));
    let end = html[at..].find("</tr>").unwrap() + at;
    &html[at..end]
}

#[test]
fn the_scenario_shows_before_and_after_with_the_to_be_drawn_dashed() {
    let html = report(journey());
    let scenarios = section(&html, "scenarios");
    assert!(scenarios.contains("<h3>Calm waiting room</h3>"));
    let change = row(scenarios, "Waiting room");
    assert!(change.contains("prevent"), "{change}");
    assert!(change.contains("overall"), "critical before: {change}");
    assert!(
        change.ends_with("<td>—</td>"),
        "no critical point after: {change}"
    );
    assert!(
        scenarios.contains("To-be: Calm waiting room"),
        "legend of the chart"
    );
    let plain = scenarios.replace("<td class=\"scope\">", "<td>");
    let overall = row(&plain, "overall");
    let numbers: Vec<f64> = overall
        .split("<td class=\"num\">")
        .skip(1)
        .map(|cell| {
            let text = cell.split('<').next().unwrap().replace('−', "-");
            text.trim_end_matches(" %").parse::<f64>().unwrap()
        })
        .collect();
    let [cases, mean, mean_after, remembered, remembered_after, ..] = numbers[..] else {
        panic!("{overall}")
    };
    assert_eq!(cases, 90.0);
    assert!(
        mean_after > mean && remembered_after > remembered + 0.5,
        "{numbers:?}"
    );
}

#[test]
fn waves_call_the_redesigned_touchpoint_better_and_no_other() {
    let html = report(journey());
    let waves = section(&html, "waves");
    assert!(
        waves.contains("baseline 2026-11 → after 2027-03"),
        "dated from the label"
    );
    for (t, name) in TOUCHPOINTS.iter().enumerate() {
        let verdict = row(waves, name);
        if t == REDESIGNED {
            assert!(verdict.contains(">better<"), "{verdict}");
        } else {
            assert!(verdict.contains("no change shown"), "{name}: {verdict}");
        }
    }
}

#[test]
fn the_owner_sees_whether_the_done_action_worked_next_to_the_metric() {
    let html = report(journey());
    let owners = section(&html, "owners");
    let did = &owners[owners.find("Did it work?").expect("a did-it-work table")..];
    let wait = row(did, "Waiting room");
    assert!(wait.contains(">better<"), "{wait}");
    assert!(wait.contains("baseline 2026-11 → after 2027-03"), "{wait}");
    assert!(
        wait.contains("Minutes in the waiting room: 42 (2026-10-31) → 18 min (target 15)"),
        "{wait}"
    );
    let home = row(did, "Home");
    assert!(
        home.contains("no dated wave was measured after the action (2027-06-01) yet"),
        "{home}"
    );
    assert!(owners.contains("<svg class=\"spark\""), "the history drawn");
    assert!(
        owners.contains("<td class=\"num\">18 min</td>"),
        "current is the newest value"
    );
}

#[test]
fn without_scenarios_or_a_second_wave_the_sections_say_so() {
    let mut journey = journey();
    journey.scenarios.clear();
    journey.waves.clear();
    for case in &mut journey.cases {
        case.wave.clear();
    }
    let html = report(journey);
    assert!(section(&html, "scenarios").contains("no to-be scenarios yet"));
    assert!(section(&html, "waves").contains("from 0 wave(s)"));
    let owners = section(&html, "owners");
    assert!(owners.contains("no answer: the cases come from 0 wave(s)"));
}
