// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Typing at a human pace — one key, then a frame, then the next key — into every text field of
//! every editor keeps every key: the saved file holds the whole text. A field whose widget id
//! moved when a summary line appeared above it lost focus after the first letters ("He").
#![cfg(feature = "gui")]

mod common;

use common::click;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use emograph::app::EmographApp;
use emograph::model::{Case, Journey, Phase, Touchpoint};

const TYPED: &str = "Hello world";

/// A small cinema evening with two cases and nothing owned yet.
fn journey() -> Journey {
    let mut journey = Journey {
        title: "Cinema".into(),
        ..Journey::default()
    };
    journey.phases = vec![
        Phase::new("before", "Before"),
        Phase::new("during", "During"),
    ];
    for (id, name, phase) in [
        ("booking", "Booking", "before"),
        ("queue", "Queue", "during"),
        ("film", "Film", "during"),
    ] {
        journey.touchpoints.push(Touchpoint::new(id, name, phase));
    }
    for i in 0..2 {
        let mut case = Case::new(&format!("c{i}"), &format!("Customer {}", i + 1));
        for (tp, score) in [("booking", 1.0), ("queue", -4.0), ("film", 3.0)] {
            case.scores.insert(tp.into(), score);
        }
        journey.cases.push(case);
    }
    journey
}

/// Clicks the field labelled `label`, selects what it holds and types `text` one key per frame,
/// as a person does; then Tab moves on, as a person leaving the field does.
fn type_slowly(harness: &mut Harness<'_, EmographApp>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.run();
    for c in text.chars() {
        harness.event(egui::Event::Text(c.to_string()));
        harness.step();
        harness.run();
    }
    harness.key_press(Key::Tab);
    harness.run();
}

fn saved(harness: &mut Harness<'_, EmographApp>, path: &std::path::Path) -> Journey {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    harness.run();
    emograph::io::load_journey(path).unwrap()
}

fn open(dir: &std::path::Path) -> (Harness<'static, EmographApp>, std::path::PathBuf) {
    let path = dir.join("cinema.ron");
    emograph::io::save_journey(&path, &journey()).unwrap();
    let mut harness = common::app_harness(dir, Some(path.clone()), [1400.0, 1000.0]);
    harness.run();
    (harness, path)
}

#[test]
fn the_journey_touchpoint_and_case_editors_keep_every_key() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = open(dir.path());

    // From an empty journey, as in a workshop: the "a title is needed" hint goes away under the
    // Title field as soon as it has text.
    click(&mut harness, "File");
    click(&mut harness, "New journey Ctrl+N");
    for _ in 0..3 {
        click(&mut harness, "Add touchpoint");
    }
    click(&mut harness, "Add case");
    click(&mut harness, "Add case");
    click(&mut harness, "Case 1");
    type_slowly(&mut harness, "Title", &format!("{TYPED} title"));
    type_slowly(&mut harness, "Description", &format!("{TYPED} description"));
    click(&mut harness, "2. Touchpoint 2");
    type_slowly(&mut harness, "Touchpoint name", &format!("{TYPED} queue"));
    type_slowly(&mut harness, "Channel", &format!("{TYPED} channel"));
    type_slowly(&mut harness, "CRM process", &format!("{TYPED} process"));
    type_slowly(&mut harness, "Case name", &format!("{TYPED} case"));
    type_slowly(&mut harness, "Segment", &format!("{TYPED} segment"));
    type_slowly(&mut harness, "Source", &format!("{TYPED} source"));

    click(&mut harness, "File");
    click(&mut harness, "Save as… Ctrl+Shift+S");
    let path = path.with_file_name("new.ron");
    common::type_into(&mut harness, "Path:", path.to_str().unwrap());
    click(&mut harness, "Save");
    let journey = emograph::io::load_journey(&path).unwrap();
    assert_eq!(journey.title, "Hello world title");
    assert_eq!(journey.description, "Hello world description");
    let queue = &journey.touchpoints[1];
    assert_eq!(queue.name, "Hello world queue");
    assert_eq!(queue.channel, "Hello world channel");
    assert_eq!(queue.process, "Hello world process");
    let case = &journey.cases[0];
    assert_eq!(case.label, "Hello world case");
    assert_eq!(case.segment, "Hello world segment");
    assert_eq!(case.source, "Hello world source");
}

#[test]
fn the_owner_metric_and_flag_editors_keep_every_key() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = open(dir.path());

    click(&mut harness, "Owners & actions");
    click(&mut harness, "Add owner");
    type_slowly(&mut harness, "Owner name", "Dana Levi");
    type_slowly(&mut harness, "Role", &format!("{TYPED} role"));
    type_slowly(
        &mut harness,
        "CRM process they own",
        &format!("{TYPED} crm"),
    );

    click(&mut harness, "Add metric");
    type_slowly(&mut harness, "Metric name", "Ticket check until seated");
    type_slowly(&mut harness, "Unit", "min");
    type_slowly(&mut harness, "Current value", "14");
    type_slowly(&mut harness, "Target", "6");
    type_slowly(&mut harness, "SLA", "Ticket check under 2 minutes");

    click(&mut harness, "Add negative flag");
    // Nothing above the flag's editor moves while it is filled in: ticking a metric and typing
    // the agreed action leave every control where the pointer saw it.
    let before = harness.get_by_label("shorten response").rect();
    click(&mut harness, "Ticket check until seated");
    type_slowly(&mut harness, "Agreed action", TYPED);
    assert_eq!(
        harness.get_by_label("shorten response").rect(),
        before,
        "the flag's editor stayed put"
    );
    type_slowly(&mut harness, "Due date (YYYY-MM-DD)", "2027-03-31");
    type_slowly(&mut harness, "Note", &format!("{TYPED} note"));

    let journey = saved(&mut harness, &path);
    let owner = &journey.owners[0];
    assert_eq!(owner.name, "Dana Levi");
    assert_eq!(owner.role, "Hello world role");
    assert_eq!(owner.process, "Hello world crm");
    let metric = &journey.metrics[0];
    assert_eq!(metric.name, "Ticket check until seated");
    assert_eq!(metric.unit, "min");
    assert_eq!((metric.current, metric.target), (Some(14.0), Some(6.0)));
    assert_eq!(metric.sla, "Ticket check under 2 minutes");
    let flag = &journey.flags[0];
    assert_eq!(flag.action_text, TYPED);
    assert_eq!(flag.metrics, vec![metric.id.clone()]);
    assert_eq!(flag.due.as_deref(), Some("2027-03-31"));
    assert_eq!(flag.note, "Hello world note");
}
