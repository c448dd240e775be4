#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The participant page in a real headless Chromium, driven over WebDriver (chromedriver) as a
//! participant would use it: each touchpoint's slider found by its label and moved with the
//! keyboard, a point dragged on the drawing with the pointer, a label typed, a segment picked,
//! Send. The curve must then be a case in the journey `emograph serve` saved.
//!
//! Without chromium and chromedriver the tests print "SKIPPED: …" and pass, unless
//! `EMOGRAPH_REQUIRE_BROWSER=1` (CI installs both and sets it). With
//! `EMOGRAPH_LIVE_SCREENSHOTS=DIR` they also write the page as they see it to DIR.

mod browser_common;
mod live_common;

use std::path::Path;
use std::time::{Duration, Instant};

use browser_common::{browser_or_skip, open};
use fantoccini::actions::{InputSource as _, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use live_common::{Serve, journey_copy, live_cases};

/// The page has loaded the journey (and what this browser sent before).
async fn ready(client: &Client) {
    client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css("main[data-ready=true]"))
        .await
        .expect("the page gets ready");
}

/// The control whose `<label>` reads `name`: what a screen reader announces.
async fn labelled(client: &Client, name: &str) -> fantoccini::elements::Element {
    let label = client
        .find(Locator::XPath(&format!(
            "//label[normalize-space(.)='{name}']"
        )))
        .await
        .unwrap_or_else(|_| panic!("no label {name:?}"));
    let id = label
        .attr("for")
        .await
        .unwrap()
        .expect("the label names its control");
    client.find(Locator::Id(&id)).await.unwrap()
}

async fn press(element: &fantoccini::elements::Element, key: Key, times: usize) {
    let keys: String = std::iter::repeat_n(char::from(key), times).collect();
    element.send_keys(&keys).await.unwrap();
}

/// Drags the drawing's point of step `index` (0-based) to `score`, with the mouse.
async fn drag_point(client: &Client, index: usize, score: f64) {
    // Where the step's column is and where the score's gridline is, in the viewport.
    let at = client
        .execute(
            "const chart = document.getElementById('chart');
             chart.scrollIntoView();
             const dots = chart.querySelectorAll('circle');
             const lines = chart.querySelectorAll('line');
             const d = dots[arguments[0]].getBoundingClientRect();
             const l = lines[arguments[1]].getBoundingClientRect();
             return [d.x + d.width / 2, d.y + d.height / 2, l.y + l.height / 2];",
            vec![
                serde_json::json!(index),
                // Gridlines run from the scale's minimum (−5) up, one per point.
                serde_json::json!((score + 5.0).round() as i64),
            ],
        )
        .await
        .unwrap();
    let [x, from, to] = [0, 1, 2].map(|i| at[i].as_f64().unwrap().round());
    let mouse = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo {
            duration: None,
            x,
            y: from,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(150)),
            x,
            y: (from + to) / 2.0,
        })
        .then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(150)),
            x,
            y: to,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    client.perform_actions(mouse).await.unwrap();
}

async fn send_and_wait(client: &Client) {
    client
        .find(Locator::XPath("//button[normalize-space(.)='Send']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let status = client.find(Locator::Id("status")).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let text = status.text().await.unwrap();
        if text.starts_with("Sent ✓") {
            return;
        }
        assert!(Instant::now() < deadline, "not sent: {text:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn screenshot(client: &Client, name: &str) {
    if let Ok(dir) = std::env::var("EMOGRAPH_LIVE_SCREENSHOTS") {
        client
            .execute(
                "document.activeElement.blur(); window.scrollTo(0, 0);",
                vec![],
            )
            .await
            .unwrap();
        let png = client.screenshot().await.unwrap();
        std::fs::write(Path::new(&dir).join(name), png).unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_curve_drawn_in_chromium_arrives_as_a_case() {
    let Some(driver) = browser_or_skip("a_curve_drawn_in_chromium_arrives_as_a_case", &[]) else {
        return;
    };
    let (_dir, file) = journey_copy("cinema-evening.ron");
    let serve = Serve::start(&file, &["--segments", "gold,regular"]);
    let client = open(&driver, 360, 740).await;
    client.goto(&serve.url).await.unwrap();
    ready(&client).await;
    assert_eq!(client.title().await.unwrap(), "A cinema evening");

    // The keyboard on the accessible sliders: +1.5 at the first step, −2 at the film.
    press(&labelled(&client, "Choosing the film").await, Key::Right, 3).await;
    press(&labelled(&client, "The film").await, Key::Left, 4).await;
    // The pointer on the drawing: the third step (Arrival and parking) dragged down to −4.
    drag_point(&client, 2, -4.0).await;
    let parking = labelled(&client, "Arrival and parking").await;
    assert_eq!(
        parking.attr("aria-valuetext").await.unwrap().as_deref(),
        Some("−4"),
        "the slider follows the drawing"
    );
    labelled(&client, "Name this case (optional)")
        .await
        .send_keys("Dana <b>")
        .await
        .unwrap();
    labelled(&client, "Segment")
        .await
        .find(Locator::Css("option[value=gold]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    send_and_wait(&client).await;
    screenshot(&client, "live-en-360x740.png").await;
    serve.wait_saved(1);
    let live = live_cases(&file);
    assert_eq!(live.len(), 1);
    let case = &live[0];
    assert_eq!(case.label, "Dana <b>");
    assert_eq!(case.segment, "gold");
    assert_eq!(case.scores.get("choose"), Some(&1.5));
    assert_eq!(case.scores.get("film"), Some(&-2.0));
    assert_eq!(case.scores.get("parking"), Some(&-4.0));
    assert_eq!(case.scores.len(), 3, "steps never touched are skipped");
    client.close().await.unwrap();

    // The same browser (its profile keeps the token) on a laptop-sized window: it shows the
    // curve it sent.
    let wide = open(&driver, 1280, 800).await;
    wide.goto(&serve.url).await.unwrap();
    ready(&wide).await;
    let parking = labelled(&wide, "Arrival and parking").await;
    assert_eq!(
        parking.attr("aria-valuetext").await.unwrap().as_deref(),
        Some("−4")
    );
    screenshot(&wide, "live-en-1280x800.png").await;
    wide.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sending_again_from_the_same_phone_replaces_its_case_and_a_reload_shows_it() {
    let Some(driver) = browser_or_skip("sending_again_replaces", &[]) else {
        return;
    };
    let (_dir, file) = journey_copy("cinema-evening.ron");
    let serve = Serve::start(&file, &[]);
    let client = open(&driver, 360, 740).await;
    client.goto(&serve.url).await.unwrap();
    ready(&client).await;
    press(&labelled(&client, "Snack bar queue").await, Key::Left, 6).await;
    send_and_wait(&client).await;
    serve.wait_saved(1);
    let first = live_cases(&file);
    assert_eq!(first[0].scores.get("snacks"), Some(&-3.0));

    // The phone slept; the page reloads and shows what it sent.
    client.refresh().await.unwrap();
    ready(&client).await;
    let snacks = labelled(&client, "Snack bar queue").await;
    assert_eq!(
        snacks.attr("aria-valuetext").await.unwrap().as_deref(),
        Some("−3")
    );
    let status = client.find(Locator::Id("status")).await.unwrap();
    assert!(status.text().await.unwrap().starts_with("Sent ✓"));
    // Changed, skipped one, sent again.
    press(&snacks, Key::Right, 2).await;
    client
        .find(Locator::Css("button[aria-label='Skip: Snack bar queue']"))
        .await
        .unwrap();
    press(
        &labelled(&client, "Leaving the hall and the car park").await,
        Key::Right,
        10,
    )
    .await;
    send_and_wait(&client).await;
    serve.wait_for(Duration::from_secs(10), |e| {
        e["event"] == "curve" && e["replaced"] == true
    });
    serve.wait_saved(1);
    let again = live_cases(&file);
    assert_eq!(again.len(), 1, "replaced, not added");
    assert_eq!(again[0].id, first[0].id);
    assert_eq!(again[0].scores.get("snacks"), Some(&-2.0));
    assert_eq!(again[0].scores.get("leaving"), Some(&5.0));
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hebrew_journey_gets_a_right_to_left_page() {
    let Some(driver) = browser_or_skip("a_hebrew_journey_gets_a_right_to_left_page", &[]) else {
        return;
    };
    let (_dir, file) = journey_copy("bank-complaint-he.ron");
    let serve = Serve::start(&file, &[]);
    let client = open(&driver, 360, 740).await;
    client.goto(&serve.url).await.unwrap();
    ready(&client).await;
    let dir = client
        .execute("return document.documentElement.dir", vec![])
        .await
        .unwrap();
    assert_eq!(dir, "rtl");
    // The first step's point is on the right of the drawing, the last on the left.
    let xs = client
        .execute(
            "const d = document.querySelectorAll('#chart circle');
             return [d[0].getBoundingClientRect().x, d[d.length - 1].getBoundingClientRect().x];",
            vec![],
        )
        .await
        .unwrap();
    assert!(xs[0].as_f64().unwrap() > xs[1].as_f64().unwrap(), "{xs}");
    drag_point(&client, 0, -3.0).await;
    drag_point(&client, 1, -4.0).await;
    client
        .find(Locator::XPath("//button[normalize-space(.)='שליחה']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    serve.wait_saved(1);
    screenshot(&client, "live-he-360x740.png").await;
    let live = live_cases(&file);
    assert_eq!(live[0].scores.get("discover"), Some(&-3.0));
    assert_eq!(live[0].scores.get("ivr"), Some(&-4.0));
    client.close().await.unwrap();
    let wide = open(&driver, 1280, 800).await;
    wide.goto(&serve.url).await.unwrap();
    ready(&wide).await;
    screenshot(&wide, "live-he-1280x800.png").await;
    wide.close().await.unwrap();
}
