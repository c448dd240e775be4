// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The critical-point panel: click a point on the graph, read why it is critical in words, and
//! flag and assign it (owner, metric, action, due date) without leaving the view.
#![cfg(feature = "gui")]

mod common;

use common::click;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use emograph::app::EmographApp;
use emograph::model::{
    Action, Better, Case, Journey, Metric, MetricLevel, Owner, Phase, Touchpoint,
};

/// Everyone enjoys the film and suffers the queue at the till; Dana runs the front of house
/// and the queue's waiting time is measured.
fn journey() -> Journey {
    let mut journey = Journey {
        title: "Cinema".into(),
        ..Journey::default()
    };
    journey.phases = vec![Phase::new("during", "During")];
    for (id, name) in [
        ("booking", "Booking online"),
        ("queue", "Queue at the till"),
        ("film", "The film"),
        ("home", "Way home"),
    ] {
        journey
            .touchpoints
            .push(Touchpoint::new(id, name, "during"));
    }
    for i in 0..8 {
        let wobble = f64::from(i % 3) * 0.5 - 0.5;
        let mut case = Case::new(&format!("c{i}"), &format!("Customer {}", i + 1));
        for (tp, score) in [
            ("booking", 1.5),
            ("queue", -4.0),
            ("film", 3.5),
            ("home", 1.0),
        ] {
            case.scores.insert(tp.into(), score + wobble);
        }
        if i == 2 {
            case.notes
                .insert("queue".into(), "twenty minutes for two tickets".into());
        }
        journey.cases.push(case);
    }
    journey.owners.push(Owner {
        id: "dana".into(),
        name: "Dana Levi".into(),
        role: "Front of house".into(),
        process: "Ticketing".into(),
    });
    journey.metrics.push(Metric {
        id: "wait".into(),
        name: "Wait at the till".into(),
        unit: "min".into(),
        current: Some(14.0),
        target: Some(6.0),
        better: Better::Lower,
        level: MetricLevel::Operational,
        sla: String::new(),
        owner: Some("dana".into()),
        touchpoints: vec!["queue".into()],
        history: Vec::new(),
    });
    journey
}

fn harness(dir: &std::path::Path) -> Harness<'static, EmographApp> {
    let path = dir.join("cinema.ron");
    emograph::io::save_journey(&path, &journey()).unwrap();
    let mut harness = common::app_harness(dir, Some(path), [1400.0, 1000.0]);
    harness.run();
    harness
}

#[test]
fn click_a_critical_point_read_it_in_words_and_flag_and_assign_it_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(dir.path());
    click(&mut harness, "Overall");
    harness.run();
    // The list shows the scope on screen only.
    assert!(harness.query_by_label_contains("· pattern").is_none());
    assert!(
        harness
            .query_by_label_contains("Queue at the till · overall")
            .is_some()
    );

    harness
        .get_by_label_contains("Critical point 1: Queue at the till")
        .click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("of the cases show it in their own curve")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains(": how far from neutral the mean is")
            .is_some(),
        "the parts of the score in words"
    );
    assert!(
        harness
            .query_by_label_contains("twenty minutes for two tickets")
            .is_some(),
        "what the cases said there"
    );
    assert!(harness.query_by_label_contains("crossing_").is_none());

    click(&mut harness, "Flag & assign");
    click(&mut harness, "Action owner");
    click(&mut harness, "Dana Levi");
    assert!(
        harness
            .query_by_label_contains("Gave the flag at Queue at the till to Dana Levi")
            .is_some(),
        "says where the flag went"
    );
    // The metric that measures the queue counts already; it can be taken off and back on.
    assert_eq!(
        harness.state().journey().flags[0].metrics,
        vec!["wait".to_owned()]
    );
    click(&mut harness, "Wait at the till");
    assert!(harness.state().journey().flags[0].metrics.is_empty());
    click(&mut harness, "Wait at the till");
    click(&mut harness, "shorten response");
    harness.get_by_label("Due (YYYY-MM-DD)").click();
    harness.run();
    for c in "2027-03-31".chars() {
        harness.event(egui::Event::Text(c.to_string()));
        harness.run();
    }
    harness.key_press(Key::Enter);
    harness.run();

    let flags = &harness.state().journey().flags;
    assert_eq!(flags.len(), 1);
    let flag = &flags[0];
    assert_eq!(flag.touchpoint, "queue");
    assert_eq!(flag.owner.as_deref(), Some("dana"));
    assert_eq!(flag.metrics, vec!["wait".to_owned()]);
    assert_eq!(flag.action, Action::ShortenResponse);
    assert_eq!(flag.due.as_deref(), Some("2027-03-31"));
    // Still on the overall view, the panel still open.
    assert!(harness.query_by_label("Flag & assign").is_some());
}
