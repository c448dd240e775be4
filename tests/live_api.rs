#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The live session's API over loopback, against `emograph serve` as a facilitator runs it:
//! curves arrive in the saved journey, a participant's second send replaces the first, hostile
//! requests are refused with their status and change nothing, and `kill -9` loses no curve a
//! participant was told had arrived.

mod live_common;

use std::time::Duration;

use live_common::{Serve, http, journey_copy, live_cases, saved, token};
use serde_json::json;

#[test]
fn a_curve_sent_is_saved_as_a_case_and_sending_again_replaces_it() {
    let (_dir, file) = journey_copy("cinema-evening.ron");
    let before = saved(&file).cases.len();
    let serve = Serve::start(&file, &["--segments", "gold,regular"]);
    assert!(serve.url.ends_with(&format!("/j/{}", serve.code)));
    assert!(serve.code.len() >= 8, "a code of at least 40 bits");

    let me = token(1);
    let (status, reply) = serve.post_curve(&json!({
        "participant": me, "label": "Ana", "segment": "gold",
        "scores": {"choose": 2.5, "parking": -4}, "notes": {"parking": "no space left"}
    }));
    assert_eq!(status, 200, "{reply}");
    let case_id = reply["case"].as_str().unwrap().to_owned();
    assert!(case_id.starts_with("live-"), "{case_id}");
    serve.wait_saved(1);
    let journey = saved(&file);
    assert_eq!(journey.cases.len(), before + 1);
    let case = journey.case(&case_id).unwrap();
    assert_eq!(case.source, "live session");
    assert_eq!(
        (case.label.as_str(), case.segment.as_str()),
        ("Ana", "gold")
    );
    assert_eq!(case.scores["parking"], -4.0);
    assert_eq!(case.notes["parking"], "no space left");

    // A phone that reloaded asks what it sent.
    let (status, body) = serve.request(
        "GET",
        &format!("{}/curve?participant={me}", serve.base()),
        None,
    );
    assert_eq!(status, 200);
    let sent: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(sent["scores"]["choose"], 2.5);
    assert_eq!(sent["case"], case_id.as_str());
    // Another device has sent nothing.
    let (status, _) = serve.request(
        "GET",
        &format!("{}/curve?participant={}", serve.base(), token(2)),
        None,
    );
    assert_eq!(status, 404);

    let (status, reply) = serve.post_curve(&json!({
        "participant": me, "label": "Ana", "segment": "regular", "scores": {"film": 5}
    }));
    assert_eq!(status, 200);
    assert_eq!(
        reply["case"],
        case_id.as_str(),
        "the same participant, the same case"
    );
    serve.wait_for(Duration::from_secs(10), |e| {
        e["event"] == "curve" && e["replaced"] == true
    });
    serve.wait_saved(1);
    let live = live_cases(&file);
    assert_eq!(live.len(), 1);
    assert_eq!(live[0].segment, "regular");
    assert_eq!(live[0].scores.len(), 1, "replaced whole, not merged");
    assert!(live[0].notes.is_empty());

    let addr = serve.addr;
    let journal = file.with_file_name(".cinema-evening.ron.live.jsonl");
    assert!(
        journal.exists(),
        "the journal is there while the session runs"
    );
    let status = serve.interrupt();
    assert!(status.success(), "{status:?}");
    assert!(!journal.exists(), "a clean end leaves no journal to replay");
    assert!(
        std::net::TcpStream::connect(addr).is_err(),
        "the port is free once the session ended"
    );
    assert_eq!(live_cases(&file).len(), 1);
}

#[test]
fn hostile_requests_are_refused_with_their_status_and_change_nothing() {
    let (_dir, file) = journey_copy("cinema-evening.ron");
    let original = std::fs::read(&file).unwrap();
    let serve = Serve::start(&file, &[]);
    let base = serve.base();
    let me = token(7);
    let curve = |extra: &str| {
        format!(r#"{{"participant":"{me}","scores":{{"choose":1}}{extra}}}"#).into_bytes()
    };
    let post = |path: &str, body: &[u8]| serve.request("POST", path, Some(body));
    let kind = |text: &str| -> String {
        serde_json::from_str::<serde_json::Value>(text).unwrap()["error"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };

    // A wrong code is "no such session", for every path; JSON, never a file.
    for path in [
        "/j/ABCDEFGH".to_owned(),
        "/j/ABCDEFGH/journey".to_owned(),
        "/".to_owned(),
        format!("{base}/../../Cargo.toml"),
        format!("{base}/page.js/../../../etc/passwd"),
        format!("{base}/journeys/cinema-evening.ron"),
    ] {
        let (status, body) = serve.request("GET", &path, None);
        assert_eq!(status, 404, "{path}: {body}");
        assert_eq!(kind(&body), "not_found", "{path}");
    }
    let (status, _) = post("/j/ABCDEFGH/curve", &curve(""));
    assert_eq!(status, 404);

    let refused: Vec<(&str, Vec<u8>, u16, &str)> = vec![
        (
            "unknown touchpoint",
            format!(r#"{{"participant":"{me}","scores":{{"nowhere":1}}}}"#).into_bytes(),
            422,
            "unknown_touchpoint",
        ),
        (
            "score 99",
            format!(r#"{{"participant":"{me}","scores":{{"choose":99}}}}"#).into_bytes(),
            422,
            "off_scale",
        ),
        (
            "NaN",
            format!(r#"{{"participant":"{me}","scores":{{"choose":NaN}}}}"#).into_bytes(),
            400,
            "malformed",
        ),
        (
            "1e999",
            format!(r#"{{"participant":"{me}","scores":{{"choose":1e999}}}}"#).into_bytes(),
            400,
            "malformed",
        ),
        (
            "\"1e999\" as text",
            format!(r#"{{"participant":"{me}","scores":{{"choose":"1e999"}}}}"#).into_bytes(),
            400,
            "malformed",
        ),
        ("not JSON", b"scores=1".to_vec(), 400, "malformed"),
        (
            "a field the API does not have",
            curve(r#","owner":"ceo""#),
            400,
            "malformed",
        ),
        (
            "no participant token",
            br#"{"participant":"","scores":{"choose":1}}"#.to_vec(),
            422,
            "bad_participant",
        ),
        (
            "a segment not offered",
            curve(r#","segment":"platinum""#),
            422,
            "unknown_segment",
        ),
        (
            "a bidi override in the label",
            curve(r#","label":"Ana\u202eevil""#),
            422,
            "forbidden_character",
        ),
        (
            "a note longer than the journey allows",
            curve(&format!(
                r#","notes":{{"choose":"{}"}}"#,
                "x".repeat(10_001)
            )),
            422,
            "too_long",
        ),
        ("1 MB body", vec![b' '; 1024 * 1024], 413, "too_large"),
    ];
    for (what, body, status, error) in &refused {
        let (got, text) = post(&format!("{base}/curve"), body);
        assert_eq!(got, *status, "{what}: {text}");
        assert_eq!(kind(&text), *error, "{what}");
    }
    // 10 000 notes, each at a touchpoint the journey does not have.
    let notes: serde_json::Map<String, serde_json::Value> =
        (0..10_000).map(|i| (format!("t{i}"), json!("x"))).collect();
    let (status, reply) = serve.post_curve(&json!({
        "participant": me, "scores": {"choose": 1}, "notes": notes
    }));
    assert_eq!(status, 422, "{reply}");

    // Nothing of the above changed the journey, or reached the journal.
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(std::fs::read(&file).unwrap(), original);
    let journal =
        std::fs::read_to_string(file.with_file_name(".cinema-evening.ron.live.jsonl")).unwrap();
    assert!(!journal.contains("submission"), "{journal}");

    // The page knows only what it shows: no notes, owners, metrics or other cases.
    let (_, public) = serve.request("GET", &format!("{base}/journey"), None);
    let journey = saved(&file);
    for case in journey.cases.iter().filter(|c| !c.label.is_empty()) {
        assert!(!public.contains(&case.label), "{} leaked", case.label);
    }
    for owner in &journey.owners {
        assert!(!public.contains(&owner.name), "{} leaked", owner.name);
    }
    for metric in &journey.metrics {
        assert!(!public.contains(&metric.name), "{} leaked", metric.name);
    }
    assert!(!public.contains("notes"));

    // A script in a label is only text: accepted, kept as typed, and escaped in the report.
    let script = "<script>alert('x')</script>";
    let (status, _) = serve.post_curve(&json!({
        "participant": me, "label": script, "scores": {"choose": -1}
    }));
    assert_eq!(status, 200);
    serve.wait_saved(1);
    assert_eq!(live_cases(&file)[0].label, script);
    let case_id = live_cases(&file)[0].id.clone();
    let export = |out: &str, extra: &[&str]| {
        let out = file.with_file_name(out);
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_emograph"))
            .arg(if extra.is_empty() { "report" } else { "export" })
            .arg(&file)
            .arg("-o")
            .arg(&out)
            .args(extra)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        std::fs::read_to_string(out).unwrap()
    };
    let html = export("report.html", &[]);
    assert!(
        !html.contains(script),
        "the label reached the report unescaped"
    );
    let svg = export("case.svg", &["--view", &format!("case:{case_id}")]);
    assert!(!svg.contains(script), "the label reached the SVG unescaped");
    assert!(
        svg.contains("&lt;script&gt;"),
        "the case's name is in its chart, escaped"
    );
    // The page itself never holds a participant's text: the script inserts it as text.
    let (_, page) = serve.request("GET", &base, None);
    assert!(!page.contains("alert"));
}

#[test]
fn a_burst_of_a_thousand_requests_is_rate_limited_and_changes_nothing() {
    let (_dir, file) = journey_copy("cinema-evening.ron");
    let original = std::fs::read(&file).unwrap();
    let serve = Serve::start(&file, &[]);
    let path = format!("{}/curve", serve.base());
    let body = br#"{"participant":"x","scores":{}}"#;
    let mut statuses = std::collections::BTreeMap::new();
    let started = std::time::Instant::now();
    for _ in 0..1000 {
        let (status, _) = http(serve.addr, "POST", &path, Some(body));
        *statuses.entry(status).or_insert(0) += 1;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let limited = statuses.get(&429).copied().unwrap_or(0);
    let served = 1000 - limited;
    assert!(limited > 0, "{statuses:?}");
    // The burst (60) and 10 a second after it, no more.
    assert!(
        f64::from(served) <= 60.0 + 10.0 * elapsed + 1.0,
        "{served} served in {elapsed:.1}s: {statuses:?}"
    );
    // A session that took no curve leaves the journey byte for byte as it was.
    assert!(serve.interrupt().success());
    assert_eq!(std::fs::read(&file).unwrap(), original);
}

#[test]
fn kill_9_mid_session_loses_no_acknowledged_curve() {
    let (_dir, file) = journey_copy("cinema-evening.ron");
    let serve = Serve::start(&file, &[]);
    let code = serve.code.clone();
    let n = 25u64;
    let mut acknowledged = Vec::new();
    for i in 0..n {
        let score = (i as f64 % 11.0) - 5.0;
        let (status, reply) = serve.post_curve(&json!({
            "participant": token(100 + i), "label": format!("p{i}"), "scores": {"film": score}
        }));
        assert_eq!(status, 200, "{reply}");
        acknowledged.push((reply["case"].as_str().unwrap().to_owned(), score));
    }
    // No time for the debounced save: SIGKILL right after the last "sent".
    drop(serve);
    let journal = file.with_file_name(".cinema-evening.ron.live.jsonl");
    assert!(journal.exists(), "a killed session leaves its journal");

    let again = Serve::start(&file, &[]);
    assert_eq!(again.code, code, "the restarted session keeps its code");
    assert!(
        again.stderr().contains("replayed 25 curves"),
        "{}",
        again.stderr()
    );
    let status = again.interrupt();
    assert!(status.success());
    let journey = saved(&file);
    for (case_id, score) in &acknowledged {
        let case = journey
            .case(case_id)
            .unwrap_or_else(|| panic!("{case_id} lost"));
        assert_eq!(case.scores["film"], *score);
    }
    assert_eq!(live_cases(&file).len(), n as usize);
    assert!(!journal.exists());
}
