// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Owners, metrics and actions driven like a process owner would: flag a detected critical point,
//! give it an owner, a metric with a target and an agreed action, save, reopen, and find it all
//! in the owner view and in `emograph owners --format json`.
#![cfg(feature = "gui")]

mod common;

use common::{click, type_into};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use emograph::analysis::{CriticalReport, Scope};
use emograph::app::EmographApp;
use emograph::model::{Action, Case, Journey, Phase, Status, Touchpoint};

fn harness_for(
    dir: &std::path::Path,
    file: Option<std::path::PathBuf>,
) -> Harness<'static, EmographApp> {
    common::app_harness(dir, file, [1400.0, 1000.0])
}

/// Opens the ComboBox labelled `label` and picks `option`.
fn choose(harness: &mut Harness<'_, EmographApp>, label: &str, option: &str) {
    click(harness, label);
    click(harness, option);
}

fn assert_valid(harness: &Harness<'_, EmographApp>) {
    let problems = harness.state().journey().validate();
    assert!(problems.is_empty(), "the journey stays valid: {problems:?}");
}

/// A cinema evening nobody owns yet: everyone enjoys the film and suffers the queue at the till.
fn unowned_journey() -> Journey {
    let mut journey = Journey {
        title: "Cinema without owners".into(),
        ..Journey::default()
    };
    journey.phases = vec![
        Phase::new("before", "Before"),
        Phase::new("during", "During"),
        Phase::new("after", "After"),
    ];
    for (id, name, phase) in [
        ("booking", "Booking online", "before"),
        ("queue", "Queue at the till", "during"),
        ("film", "The film", "during"),
        ("snacks", "Snacks", "during"),
        ("home", "Way home", "after"),
    ] {
        journey.touchpoints.push(Touchpoint::new(id, name, phase));
    }
    for i in 0..8 {
        let wobble = f64::from(i % 3) * 0.5 - 0.5;
        let mut case = Case::new(&format!("c{i}"), &format!("Customer {}", i + 1));
        for (tp, score) in [
            ("booking", 1.5),
            ("queue", -4.0),
            ("film", 3.5),
            ("snacks", 1.0),
            ("home", 1.0),
        ] {
            case.scores
                .insert(tp.into(), (score + wobble).clamp(-5.0, 5.0));
        }
        journey.cases.push(case);
    }
    journey
}

#[test]
fn flag_own_measure_act_save_reopen_and_find_it_in_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("unowned.ron");
    emograph::io::save_journey(&source, &unowned_journey()).unwrap();
    let mut harness = harness_for(dir.path(), Some(source));
    harness.run();
    assert!(harness.state().journey().flags.is_empty());

    // The overall view lists the detected critical points; flag the queue.
    click(&mut harness, "Overall");
    let row = harness
        .get_by_label_contains("− Queue at the till · overall")
        .rect();
    harness
        .get_all_by_label("Flag")
        .find(|b| (b.rect().center().y - row.center().y).abs() < row.height())
        .expect("a Flag button on the queue's row")
        .click();
    harness.run();
    let flags = &harness.state().journey().flags;
    assert_eq!(flags.len(), 1, "one click made one flag");
    assert_eq!(flags[0].touchpoint, "queue");
    assert!(flags[0].detected);
    assert_eq!(flags[0].owner, None, "nobody owns the queue yet");

    // Owners & actions: the queue and its flag are unowned.
    click(&mut harness, "Owners & actions");
    assert!(harness.query_by_label("Touchpoints nobody owns").is_some());
    assert!(harness.query_by_label("Actions nobody owns").is_some());
    click(&mut harness, "Add owner");
    type_into(&mut harness, "Owner name", "Dana Levi");
    type_into(&mut harness, "Role", "Front of house");
    type_into(&mut harness, "CRM process they own", "Ticketing");
    assert_valid(&harness);
    let owner = harness.state().journey().owners[0].clone();
    assert_eq!(
        (
            owner.name.as_str(),
            owner.role.as_str(),
            owner.process.as_str()
        ),
        ("Dana Levi", "Front of house", "Ticketing")
    );

    // Assign the queue to Dana right in the Unowned list: the flag there comes with it.
    choose(
        &mut harness,
        "2. Queue at the till: assign to",
        "Dana Levi · Front of house",
    );
    let journey = harness.state().journey().clone();
    assert_eq!(
        journey.touchpoint("queue").and_then(|t| t.owner.clone()),
        Some(owner.id.clone())
    );
    assert_eq!(journey.flags[0].owner, Some(owner.id.clone()));
    assert!(
        harness
            .query_by_label("2. Queue at the till: assign to")
            .is_none(),
        "no longer unowned"
    );
    assert!(
        harness
            .query_by_label_contains("− Queue at the till · overall · mean")
            .is_some(),
        "the critical point shows under Dana with its numbers"
    );

    // A metric with a target; a half-typed number is not committed.
    click(&mut harness, "Add metric");
    type_into(&mut harness, "Metric name", "Queue wait");
    type_into(&mut harness, "Unit", "min");
    type_into(&mut harness, "Current value", "12");
    type_into(&mut harness, "Target", "five");
    assert!(
        harness.query_by_label_contains("type a number").is_some(),
        "says why it is not taken"
    );
    assert_eq!(harness.state().journey().metrics[0].target, None);
    type_into(&mut harness, "Target", "5");
    click(&mut harness, "lower is better");
    let metric = harness.state().journey().metrics[0].clone();
    assert_eq!((metric.current, metric.target), (Some(12.0), Some(5.0)));
    assert_eq!(metric.owner, Some(owner.id.clone()));
    assert_eq!(
        metric.touchpoints,
        vec!["queue".to_owned()],
        "it measures Dana's touchpoint"
    );
    assert!(
        harness.query_by_label("off track: 7 min to go").is_some(),
        "gap to target in words"
    );
    assert_valid(&harness);

    // The agreed action on the flag.
    click(
        &mut harness,
        "− Queue at the till: prevent · open · no due date",
    );
    click(&mut harness, "Queue wait");
    type_into(
        &mut harness,
        "Agreed action",
        "Open a second till on Fridays",
    );
    type_into(&mut harness, "Due date (YYYY-MM-DD)", "2026-13-01");
    assert_eq!(
        harness.state().journey().flags[0].due,
        None,
        "not a date: not committed"
    );
    assert!(
        harness
            .query_by_label("not a date like 2026-12-31 yet")
            .is_some()
    );
    type_into(&mut harness, "Due date (YYYY-MM-DD)", "2026-12-01");
    click(&mut harness, "in progress");
    let flag = harness.state().journey().flags[0].clone();
    assert_eq!(flag.metrics, vec![metric.id.clone()]);
    assert_eq!(flag.action, Action::Prevent);
    assert_eq!(flag.action_text, "Open a second till on Fridays");
    assert_eq!(flag.due.as_deref(), Some("2026-12-01"));
    assert_eq!(flag.status, Status::InProgress);
    assert_valid(&harness);

    // Each edit is one undo step: undo the status, redo it.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().journey().flags[0].status, Status::Open);
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().journey().flags[0].status,
        Status::InProgress
    );

    // Save as, by typing a path.
    let path = dir.path().join("owned.ron");
    click(&mut harness, "File");
    click(&mut harness, "Save as… Ctrl+Shift+S");
    type_into(&mut harness, "Path:", &path.display().to_string());
    click(&mut harness, "Save");
    assert!(path.exists());

    // Reopen in a fresh app: the owner view shows it all.
    let mut reopened = harness_for(dir.path(), Some(path.clone()));
    reopened.run();
    click(&mut reopened, "Owners & actions");
    choose(&mut reopened, "Owner:", "Dana Levi · Front of house");
    for expected in [
        "Queue wait: 12 / 5 min",
        "off track: 7 min to go",
        "− Queue at the till: prevent · in progress · due 2026-12-01",
    ] {
        assert!(
            reopened.query_by_label(expected).is_some(),
            "{expected} in the owner view"
        );
    }
    assert!(
        reopened
            .query_by_label_contains("Open a second till on Fridays")
            .is_some()
    );
    assert!(
        reopened
            .query_by_label_contains("− Queue at the till · overall · mean")
            .is_some()
    );

    // The headless CLI reads the same file the same way.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_emograph"))
        .args(["owners", &path.display().to_string(), "--format", "json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let dana = json["owners"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "Dana Levi")
        .expect("Dana in the owner view");
    assert_eq!(dana["role"], "Front of house");
    assert_eq!(dana["touchpoints"][0]["id"], "queue");
    assert_eq!(dana["metrics"][0]["name"], "Queue wait");
    assert_eq!(dana["metrics"][0]["current"], 12.0);
    assert_eq!(dana["metrics"][0]["target"], 5.0);
    assert_eq!(dana["metrics"][0]["gap"], 7.0);
    assert_eq!(dana["metrics"][0]["on_track"], false);
    let flag = &dana["flags"][0];
    assert_eq!(flag["touchpoint"], "queue");
    assert_eq!(flag["action"], "prevent");
    assert_eq!(flag["action_text"], "Open a second till on Fridays");
    assert_eq!(flag["due"], "2026-12-01");
    assert_eq!(flag["status"], "in progress");
    assert!(
        dana["critical"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["touchpoint"] == "queue" && p["scope"] == "overall"),
        "the queue's critical point is Dana's"
    );
    assert!(json["unowned"]["flags"].as_array().unwrap().is_empty());
}

#[test]
fn deleting_an_owner_who_owns_something_asks_first_and_undoes_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    // No file: the bundled cinema evening, where Noa Katz owns site operations.
    let mut harness = harness_for(dir.path(), None);
    harness.run();
    let before = harness.state().journey().clone();
    let noa = before
        .owners
        .iter()
        .find(|o| o.name == "Noa Katz")
        .expect("Noa in the sample")
        .clone();
    click(&mut harness, "Owners & actions");
    choose(&mut harness, "Owner:", &format!("Noa Katz · {}", noa.role));
    click(&mut harness, "Delete owner");
    assert_eq!(
        *harness.state().journey(),
        before,
        "nothing deleted before confirming"
    );
    assert!(
        harness.query_by_label("Delete owner “Noa Katz”?").is_some(),
        "it asks"
    );
    click(&mut harness, "Cancel");
    assert_eq!(*harness.state().journey(), before);
    assert!(harness.query_by_label("Delete owner “Noa Katz”?").is_none());

    click(&mut harness, "Delete owner");
    click(&mut harness, "Delete owner and clear their references");
    let after = harness.state().journey().clone();
    assert!(after.owner(&noa.id).is_none());
    assert!(
        after
            .touchpoints
            .iter()
            .all(|t| t.owner.as_deref() != Some(noa.id.as_str()))
    );
    assert!(
        after
            .metrics
            .iter()
            .all(|m| m.owner.as_deref() != Some(noa.id.as_str()))
    );
    assert!(
        after
            .flags
            .iter()
            .all(|f| f.owner.as_deref() != Some(noa.id.as_str()))
    );
    assert!(
        after.validate().is_empty(),
        "no reference to the deleted owner is left"
    );
    // Her touchpoints now wait for an owner.
    let parking = after
        .touchpoints
        .iter()
        .position(|t| t.id == "parking")
        .unwrap();
    assert!(
        harness
            .query_by_label(&format!("{}. Arrival and parking: assign to", parking + 1))
            .is_some()
    );

    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        *harness.state().journey(),
        before,
        "one undo brings her and her references back"
    );

    // An owner who owns nothing goes without a question.
    click(&mut harness, "Add owner");
    assert_eq!(
        harness.state().journey().owners.len(),
        before.owners.len() + 1
    );
    click(&mut harness, "Delete owner");
    assert!(harness.query_by_label_contains("still owns").is_none());
    assert_eq!(harness.state().journey().owners.len(), before.owners.len());
}

#[test]
fn deleting_a_metric_takes_it_off_the_flags_that_count_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_for(dir.path(), None);
    harness.run();
    let journey = harness.state().journey().clone();
    let metric = journey
        .metric("parking_minutes")
        .expect("the sample's parking metric")
        .clone();
    assert!(journey.flags.iter().any(|f| f.metrics.contains(&metric.id)));
    click(&mut harness, "Owners & actions");
    let owner = journey.owner("ops").unwrap();
    choose(
        &mut harness,
        "Owner:",
        &format!("{} · {}", owner.name, owner.role),
    );
    click(&mut harness, "Car park entry to lobby: 14 / 6 min");
    assert!(harness.query_by_label("off track: 8 min to go").is_some());
    click(&mut harness, "Delete metric");
    let after = harness.state().journey().clone();
    assert!(
        after.metric(&metric.id).is_none(),
        "deleted; history: {:?}",
        harness.state().doc.history()
    );
    assert!(after.flags.iter().all(|f| !f.metrics.contains(&metric.id)));
    assert!(after.validate().is_empty());
}

#[test]
fn a_critical_badge_shows_the_owner_and_the_key_metric() {
    let mut journey = unowned_journey();
    journey.owners.push(emograph::model::Owner {
        id: "dana".into(),
        name: "Dana Levi".into(),
        role: String::new(),
        process: String::new(),
    });
    journey.touchpoints[1].owner = Some("dana".into());
    journey.metrics.push(emograph::model::Metric {
        id: "wait".into(),
        name: "Queue wait".into(),
        unit: "min".into(),
        current: Some(12.0),
        target: Some(5.5),
        better: emograph::model::Better::Lower,
        level: Default::default(),
        sla: String::new(),
        owner: None,
        touchpoints: vec!["queue".into()],
        history: Vec::new(),
    });
    let dataset = emograph::analysis::Dataset::from_journey(journey.clone());
    let patterns =
        emograph::analysis::find_patterns(&dataset.matrix, &dataset.segments, &Default::default());
    let report: CriticalReport =
        emograph::analysis::critical_points(&dataset.matrix, &patterns, &Default::default());
    let markers = emograph::chart::critical_markers(&journey, &report, Scope::Overall, 6, true);
    let badges: Vec<(usize, Option<String>)> = markers
        .iter()
        .map(|m| (m.touchpoint, m.badge.as_ref().map(|b| b.full())))
        .collect();
    assert!(
        badges.contains(&(
            1,
            Some("Dana Levi · 12 min → target 5.5 min · Queue wait".to_owned())
        )),
        "the numbers first, the target named: {badges:?}"
    );
    assert!(
        badges.contains(&(2, Some("no owner".to_owned()))),
        "the film: nobody, no metric: {badges:?}"
    );
    let plain = emograph::chart::critical_markers(&journey, &report, Scope::Overall, 6, false);
    assert!(plain.iter().all(|m| m.badge.is_none()));

    // The queue's action given to someone else: the badge names them, not the touchpoint's owner.
    let positive = markers
        .iter()
        .find_map(|m| match m.kind {
            emograph::chart::MarkerKind::Critical { positive, .. } if m.touchpoint == 1 => {
                Some(positive)
            }
            _ => None,
        })
        .unwrap();
    let kind = if positive {
        emograph::model::FlagKind::Positive
    } else {
        emograph::model::FlagKind::Negative
    };
    journey.owners.push(emograph::model::Owner {
        id: "ari".into(),
        name: "Ari Cohen".into(),
        role: String::new(),
        process: String::new(),
    });
    let mut flag = journey.new_flag("queue", kind, true).unwrap();
    flag.owner = Some("ari".into());
    journey.flags.push(flag);
    let moved = emograph::chart::critical_markers(&journey, &report, Scope::Overall, 6, true);
    let badge = moved
        .iter()
        .find(|m| m.touchpoint == 1)
        .and_then(|m| m.badge.as_ref().map(|b| b.full()));
    assert_eq!(
        badge.as_deref(),
        Some("Ari Cohen · 12 min → target 5.5 min · Queue wait")
    );
}
