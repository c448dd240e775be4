// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The facilitator's live panel, driven by its labels: Workshop → Start live session shows the
//! code and the address; a participant's curve (sent over HTTP as the page sends it) arrives as a
//! case within a second, is listed, and is undone like any edit; End live session frees the port
//! and saves the arrivals.
#![cfg(all(feature = "gui", feature = "live"))]

mod common;
mod live_common;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use common::click;
use egui::Key;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// A label's text, as a screen reader reads it.
fn text_of(node: egui_kittest::Node<'_>) -> String {
    let node = node.accesskit_node();
    node.label().or_else(|| node.value()).unwrap()
}

#[test]
fn a_curve_from_a_phone_arrives_in_the_facilitators_journey_and_ending_frees_the_port() {
    // This test binary's only test: the panel listens on loopback, on any free port.
    // SAFETY-free: no other thread of this process reads the environment while it is set.
    unsafe { std::env::set_var("EMOGRAPH_LIVE_ADDR", "127.0.0.1:0") };
    let (dir, file) = live_common::journey_copy("cinema-evening.ron");
    let before = emograph::io::load_journey(&file).unwrap().cases.len();
    let mut harness = common::app_harness(dir.path(), Some(file.clone()), [1500.0, 950.0]);
    harness.run();
    click(&mut harness, "Workshop");
    click(&mut harness, "Start live session");

    let code_label = text_of(harness.get_by_label_contains("Code "));
    let code = code_label.trim_start_matches("Code ").to_owned();
    let url = text_of(harness.get_by_label_contains("http://127.0.0.1:"));
    assert!(
        url.ends_with(&format!("/j/{code}")),
        "{url} carries the code {code}"
    );
    let addr: SocketAddr = url
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    harness.get_by_label("0 curves arrived · submissions open");

    let journey = harness.state().journey().clone();
    let film = journey
        .touchpoints
        .iter()
        .find(|t| t.name == "The film")
        .unwrap()
        .id
        .clone();
    let body = serde_json::json!({
        "participant": live_common::token(7),
        "label": "Table 4",
        "segment": "",
        "scores": { film.clone(): -2.5 },
        "notes": {},
    });
    let (status, reply) = live_common::http(
        addr,
        "POST",
        &format!("/j/{code}/curve"),
        Some(body.to_string().as_bytes()),
    );
    assert_eq!(status, 200, "{reply}");

    // Within a second, at the pace frames come.
    let start = Instant::now();
    while harness.query_by_label("arrived: Table 4").is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(1),
            "the curve did not arrive"
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.run();
    }
    harness.get_by_label("1 curves arrived · submissions open");
    let case = harness
        .state()
        .journey()
        .cases
        .iter()
        .find(|c| c.label == "Table 4")
        .cloned()
        .unwrap();
    assert_eq!(case.source, "live session");
    assert_eq!(case.scores.get(&film), Some(&-2.5));
    assert_eq!(harness.state().journey().cases.len(), before + 1);

    // An arrival is an edit like any other.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().journey().cases.len(), before, "undone");
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(harness.state().journey().cases.len(), before + 1, "redone");

    click(&mut harness, "Pause submissions");
    harness.get_by_label("1 curves arrived · submissions paused");
    let (status, _) = live_common::http(
        addr,
        "POST",
        &format!("/j/{code}/curve"),
        Some(body.to_string().as_bytes()),
    );
    assert_eq!(status, 503, "paused: try again in a moment");

    click(&mut harness, "End live session");
    assert!(
        harness.query_by_label_contains("Code ").is_none(),
        "the panel is gone"
    );
    assert!(
        std::net::TcpStream::connect(addr).is_err(),
        "the port is freed when the session ends"
    );
    let saved = emograph::io::load_journey(&file).unwrap();
    assert!(
        saved.cases.iter().any(|c| c.label == "Table 4"),
        "the arrival is saved in the journey file"
    );
    assert!(
        !emograph::session::journal_path_for(&file).exists(),
        "a session that ended cleanly leaves no journal"
    );
}
