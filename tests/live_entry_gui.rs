// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Live entry without the mouse: a facilitator takes five cases called out by the room into a
//! six-touchpoint journey with the keyboard alone, and the test counts the keys it took.
#![cfg(feature = "gui")]

mod common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use emograph::app::EmographApp;
use emograph::model::{Journey, Phase, Touchpoint};

/// The keyboard, as a person uses it: one key per frame, and a count of the keys that were not
/// part of the typed text (the actions the facilitator spends on the tool, not on the content).
struct Keyboard {
    harness: Harness<'static, EmographApp>,
    actions: usize,
}

impl Keyboard {
    fn text(&mut self, text: &str) {
        for c in text.chars() {
            self.harness.event(egui::Event::Text(c.to_string()));
            self.harness.run();
        }
    }

    fn key(&mut self, key: Key) {
        self.actions += 1;
        self.harness.key_press(key);
        self.harness.run();
    }

    fn shortcut(&mut self, modifiers: Modifiers, key: Key) {
        self.actions += 1;
        self.harness.key_press_modifiers(modifiers, key);
        self.harness.run();
    }

    fn journey(&self) -> &Journey {
        self.harness.state().journey()
    }
}

/// An evening at the cinema in six touchpoints, before any case is taken.
fn six_touchpoints(dir: &std::path::Path) -> std::path::PathBuf {
    let mut journey = Journey {
        title: "Cinema evening".into(),
        ..Journey::default()
    };
    journey.phases = vec![Phase::new("during", "During")];
    for (i, name) in [
        "Choosing the film",
        "Booking",
        "Parking",
        "Ticket check",
        "The film",
        "Way home",
    ]
    .into_iter()
    .enumerate()
    {
        journey
            .touchpoints
            .push(Touchpoint::new(&format!("tp{i}"), name, "during"));
    }
    let path = dir.join("cinema.ron");
    emograph::io::save_journey(&path, &journey).unwrap();
    path
}

fn keyboard(dir: &std::path::Path) -> Keyboard {
    let path = six_touchpoints(dir);
    let mut harness = common::app_harness(dir, Some(path), [1400.0, 900.0]);
    harness.run();
    Keyboard {
        harness,
        actions: 0,
    }
}

const CASES: [(&str, &str, &str, [&str; 6]); 5] = [
    ("Dana", "gold", "gold", ["2", "1", "-3", "-4", "4", "1"]),
    (
        "Eli",
        "regular",
        "regular",
        ["1", "0", "-2", "-5", "3", "0"],
    ),
    ("Noa", "go", "gold", ["3", "2", "-1", "-3", "5", "2"]),
    (
        "Table 12",
        "re",
        "regular",
        ["0", "-1", "-4", "-5", "2", "-2"],
    ),
    (
        "Yossi",
        "platinum",
        "platinum",
        ["4", "3", "1", "-2", "5", "3"],
    ),
];

#[test]
fn five_cases_by_keyboard_alone_in_at_most_ten_keys_each() {
    let dir = tempfile::tempdir().unwrap();
    let mut kb = keyboard(dir.path());
    let mut per_case = Vec::new();
    for (i, (name, typed_segment, segment, scores)) in CASES.iter().enumerate() {
        let before = kb.actions;
        // The first case opens the prompt by its key; every later one comes from the Enter on
        // the last touchpoint of the case before.
        if i == 0 {
            kb.shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
        }
        assert!(
            kb.harness.query_by_label("New case").is_some(),
            "case {}: the prompt is open",
            i + 1
        );
        // The status bar no longer tells the room to score the case before.
        assert!(
            kb.harness
                .query_by_label_contains("type the score at")
                .is_none(),
            "case {}: no stale scoring hint while the bar takes the keys",
            i + 1
        );
        kb.text(name);
        kb.key(Key::Tab);
        kb.text(typed_segment);
        if typed_segment != segment {
            // The segments already used are offered; Tab completes.
            assert!(
                kb.harness
                    .query_by_label_contains("Segments used: gold, regular")
                    .is_some()
            );
            kb.key(Key::Tab);
        }
        kb.key(Key::Enter);
        for score in scores {
            kb.text(score);
            kb.key(Key::Enter);
        }
        per_case.push(kb.actions - before);
        let case = kb.journey().cases.last().unwrap().clone();
        assert_eq!(kb.journey().cases.len(), i + 1);
        assert_eq!(
            (case.label.as_str(), case.segment.as_str()),
            (*name, *segment)
        );
        let taken: Vec<f64> = (0..6).map(|t| case.scores[&format!("tp{t}")]).collect();
        let called: Vec<f64> = scores.iter().map(|s| s.parse().unwrap()).collect();
        assert_eq!(taken, called, "{name}: every score called out was taken");
    }
    // "Table 12" was typed into the prompt: its digits never reached Noa's curve.
    let noa = &kb.journey().cases[2];
    assert_eq!(noa.scores["tp5"], 2.0);
    for (i, actions) in per_case.iter().enumerate() {
        assert!(
            *actions <= 10,
            "case {}: {actions} keys beyond the typed text",
            i + 1
        );
    }
    println!("keys per case beyond the typed text: {per_case:?}");
}

#[test]
fn a_score_outside_the_scale_is_said_at_the_cursor_not_clamped() {
    let dir = tempfile::tempdir().unwrap();
    let mut kb = keyboard(dir.path());
    kb.shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    kb.text("Dana");
    kb.key(Key::Enter);
    kb.text("7");
    assert!(
        kb.harness
            .query_by_label("7 is outside the scale −5..+5")
            .is_some(),
        "the graph says why 7 is not taken"
    );
    assert_eq!(kb.journey().cases[0].scores.get("tp0"), None, "not clamped");
    // Enter does not move on past a refused entry; Backspace and a valid score do.
    kb.key(Key::Enter);
    kb.key(Key::Backspace);
    assert!(
        kb.harness
            .query_by_label("7 is outside the scale −5..+5")
            .is_none()
    );
    kb.text("4");
    kb.key(Key::Enter);
    kb.text("2");
    let scores = &kb.journey().cases[0].scores;
    assert_eq!(
        (scores.get("tp0"), scores.get("tp1")),
        (Some(&4.0), Some(&2.0))
    );
}

#[test]
fn page_keys_move_between_cases_and_escape_leaves_the_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let mut kb = keyboard(dir.path());
    for name in ["Dana", "Eli"] {
        kb.shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
        kb.text(name);
        kb.key(Key::Enter);
        kb.text("1");
        kb.key(Key::Enter);
    }
    // Back to Dana: the next score lands on her curve, at her first touchpoint.
    kb.key(Key::PageUp);
    assert!(kb.harness.query_by_label("Case: Dana").is_some());
    kb.text("-2");
    assert_eq!(kb.journey().cases[0].scores["tp0"], -2.0);
    kb.key(Key::PageDown);
    assert!(kb.harness.query_by_label("Case: Eli").is_some());

    // Esc closes the prompt without a case, and what was typed in it went nowhere.
    kb.shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    kb.text("3");
    kb.key(Key::Escape);
    assert!(kb.harness.query_by_label("New case").is_none());
    assert_eq!(kb.journey().cases.len(), 2);
    assert_eq!(kb.journey().cases[1].scores["tp0"], 1.0);
}

#[test]
fn keys_that_arrive_in_one_frame_still_land_in_their_fields() {
    // A fast typist on a slow laptop: the name, Tab and the segment in one frame, then Enter
    // and the first score in the next.
    let dir = tempfile::tempdir().unwrap();
    let mut kb = keyboard(dir.path());
    kb.shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    let tab = egui::Event::Key {
        key: Key::Tab,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    };
    let enter = egui::Event::Key {
        key: Key::Enter,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    };
    // Straight into one frame's input: `Harness::event` would give each its own frame.
    kb.harness.input_mut().events.extend([
        egui::Event::Text("Dana".into()),
        tab,
        egui::Event::Text("gold".into()),
    ]);
    kb.harness.step();
    kb.harness.run();
    kb.harness
        .input_mut()
        .events
        .extend([enter, egui::Event::Text("3".into())]);
    kb.harness.step();
    kb.harness.run();
    let case = &kb.journey().cases[0];
    assert_eq!(
        (case.label.as_str(), case.segment.as_str()),
        ("Dana", "gold")
    );
    assert_eq!(
        case.scores.get("tp0"),
        Some(&3.0),
        "the first score was not lost"
    );
}

/// The five cases as the keys a facilitator presses, in order: the shortcut for the first
/// case, then name, Tab, segment (Tab to complete), Enter, and a score and Enter per touchpoint
/// (the last Enter opens the next case's prompt).
fn key_stream() -> Vec<egui::Event> {
    key_stream_as(false)
}

/// The stream as a real window delivers it (egui-winit): every key pressed and then released,
/// and a letter or digit as its key event followed by its text.
fn window_key_stream() -> Vec<egui::Event> {
    key_stream_as(true)
}

fn key_stream_as(window: bool) -> Vec<egui::Event> {
    let stroke = |key: Key, modifiers: Modifiers, text: Option<String>| -> Vec<egui::Event> {
        let event = |pressed| egui::Event::Key {
            key,
            physical_key: window.then_some(key),
            pressed,
            repeat: false,
            modifiers,
        };
        let mut events = vec![event(true)];
        events.extend(text.map(egui::Event::Text));
        if window {
            events.push(event(false));
        }
        events
    };
    let key = |key: Key, modifiers: Modifiers| stroke(key, modifiers, None);
    let text = |t: &str| -> Vec<egui::Event> {
        t.chars()
            .flat_map(
                |c| match Key::from_name(&c.to_ascii_uppercase().to_string()) {
                    Some(key) if window => stroke(key, Modifiers::NONE, Some(c.to_string())),
                    _ => vec![egui::Event::Text(c.to_string())],
                },
            )
            .collect()
    };
    let mut stream = key(Key::N, Modifiers::COMMAND | Modifiers::SHIFT);
    for (name, typed_segment, segment, scores) in CASES {
        stream.extend(text(name));
        stream.extend(key(Key::Tab, Modifiers::NONE));
        stream.extend(text(typed_segment));
        if typed_segment != segment {
            stream.extend(key(Key::Tab, Modifiers::NONE));
        }
        stream.extend(key(Key::Enter, Modifiers::NONE));
        for score in scores {
            stream.extend(text(score));
            stream.extend(key(Key::Enter, Modifiers::NONE));
        }
    }
    stream
}

/// Types the stream with `per_frame(i)` keys in the i-th frame, as a slow machine delivers them.
fn type_in_bursts(per_frame: impl Fn(usize) -> usize) -> Journey {
    type_stream_in_bursts(key_stream(), per_frame)
}

fn type_stream_in_bursts(stream: Vec<egui::Event>, per_frame: impl Fn(usize) -> usize) -> Journey {
    let dir = tempfile::tempdir().unwrap();
    let mut kb = keyboard(dir.path());
    let mut stream = stream.into_iter().peekable();
    let mut frame = 0;
    while stream.peek().is_some() {
        // Straight into the next frame's input: `Harness::event` would give each its own frame.
        // One frame per burst, as a real event loop runs them: a field focused in one frame
        // meets the next key in the very next frame (`run` would settle in between).
        let burst: Vec<egui::Event> = stream.by_ref().take(per_frame(frame).max(1)).collect();
        kb.harness.input_mut().events.extend(burst);
        kb.harness.step();
        frame += 1;
    }
    kb.harness.run();
    kb.journey().clone()
}

fn assert_all_five_cases_taken(journey: &Journey, how: &str) {
    let taken: Vec<(String, String, Vec<Option<f64>>)> = journey
        .cases
        .iter()
        .map(|c| {
            let scores = (0..6).map(|t| c.scores.get(&format!("tp{t}")).copied());
            (c.label.clone(), c.segment.clone(), scores.collect())
        })
        .collect();
    let called: Vec<(String, String, Vec<Option<f64>>)> = CASES
        .iter()
        .map(|(name, _, segment, scores)| {
            let scores = scores.iter().map(|s| Some(s.parse().unwrap()));
            (name.to_string(), segment.to_string(), scores.collect())
        })
        .collect();
    assert_eq!(taken, called, "{how}: every key landed where it was typed");
}

#[test]
fn a_slow_machine_delivering_keys_in_bursts_loses_none() {
    // Bursts of 1 to 7 keys in a fixed, irregular pattern: every hand-over (Enter in the
    // prompt, Enter on the last touchpoint, Tab between the fields) falls somewhere inside a
    // burst at least once.
    let pattern = [3, 1, 5, 2, 7, 4, 6, 2, 5, 3];
    let journey = type_in_bursts(|frame| pattern[frame % pattern.len()]);
    assert_all_five_cases_taken(&journey, "bursts of 1–7 keys");
}

#[test]
fn a_whole_case_in_one_frame_still_lands_key_by_key() {
    // The extreme: 18 keys a frame, so each frame holds the end of one case and the start of
    // the next, with both hand-overs in it.
    let journey = type_in_bursts(|_| 18);
    assert_all_five_cases_taken(&journey, "18 keys a frame");
}

#[test]
fn a_real_window_s_key_presses_and_releases_in_bursts_lose_none() {
    // What egui-winit hands over: a key's press, its text and its release, several keys a frame.
    for pattern in [[1usize, 2, 3], [4, 7, 5], [9, 13, 11]] {
        let journey =
            type_stream_in_bursts(window_key_stream(), |frame| pattern[frame % pattern.len()]);
        assert_all_five_cases_taken(&journey, &format!("window keys in bursts of {pattern:?}"));
    }
}
