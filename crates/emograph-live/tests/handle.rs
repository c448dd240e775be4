#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The session as the GUI steers it, in-process: pause and close refuse sends with 503 and
//! 410, the room's average is shown only once switched on, every accepted curve reaches the
//! document's owner over the channel, and stopping frees the port.

use std::io::{Read as _, Write as _};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::mpsc;
use std::time::Duration;

use emograph_core::model::{Journey, Touchpoint};
use emograph_core::session::{Journal, Replay, read_journal};
use emograph_live::{LiveConfig, LiveHandle, SessionStatus};

fn post(addr: SocketAddr, path: &str, body: &str) -> (u16, serde_json::Value) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut text = String::new();
    stream.read_to_string(&mut text).unwrap();
    let status = text.split(' ').nth(1).unwrap().parse().unwrap();
    let body = text.split_once("\r\n\r\n").unwrap().1;
    (status, serde_json::from_str(body).unwrap())
}

#[test]
fn pause_close_average_and_stop_as_the_gui_calls_them() {
    let dir = tempfile::tempdir().unwrap();
    let journal_path = dir.path().join("j.jsonl");
    let journey = Journey {
        title: "Cinema".into(),
        touchpoints: vec![
            Touchpoint::new("film", "Film", "during"),
            Touchpoint::new("snacks", "Snacks", "during"),
        ],
        ..Journey::default()
    };
    let (sink, arrivals) = mpsc::channel();
    let config = LiveConfig {
        bind: Ipv4Addr::LOCALHOST.into(),
        port: 0,
        ..LiveConfig::default()
    };
    let journal = Journal::open(&journal_path, &Replay::default()).unwrap();
    let handle = LiveHandle::start(&journey, config, journal, Vec::new(), sink).unwrap();
    let addr = handle.local_addr();
    let path = format!("/j/{}/curve", handle.code());
    let curve = |who: &str, score: f64| {
        format!(r#"{{"participant":"{who}-0123456789abcdef","scores":{{"film":{score}}}}}"#)
    };

    let (status, reply) = post(addr, &path, &curve("a", 4.0));
    assert_eq!(status, 200);
    assert!(reply.get("room").is_none(), "no average unless switched on");
    let arrived = arrivals.recv_timeout(Duration::from_secs(5)).unwrap();
    assert_eq!(arrived.case.scores["film"], 4.0);
    assert_eq!(arrived.case.source, "live session");

    handle.set_show_average(true);
    let (status, reply) = post(addr, &path, &curve("b", -2.0));
    assert_eq!(status, 200);
    assert_eq!(reply["room"]["count"], 2);
    assert_eq!(reply["room"]["average"]["film"], 1.0);
    assert_eq!(handle.count(), 2);

    handle.pause();
    assert_eq!(handle.status(), SessionStatus::Paused);
    let (status, reply) = post(addr, &path, &curve("c", 1.0));
    assert_eq!((status, reply["error"].as_str()), (503, Some("paused")));
    handle.resume();
    assert_eq!(post(addr, &path, &curve("c", 1.0)).0, 200);
    handle.close();
    let (status, reply) = post(addr, &path, &curve("d", 1.0));
    assert_eq!((status, reply["error"].as_str()), (410, Some("closed")));
    assert_eq!(handle.count(), 3, "refused sends are not counted");

    // The journal holds the session's code and the three accepted curves, nothing refused.
    let replay = read_journal(&journal_path).unwrap();
    assert_eq!(replay.code.as_deref(), Some(handle.code().as_str()));
    assert_eq!(replay.submissions.len(), 3);

    let journal = handle.stop().expect("the journal comes back");
    assert!(
        TcpListener::bind(addr).is_ok(),
        "the port is free once stopped"
    );
    journal.finish().unwrap();
    assert!(!journal_path.exists());
    let received: Vec<_> = arrivals.try_iter().collect();
    assert_eq!(received.len(), 2, "b and c arrived after a");
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let taken = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::open(&dir.path().join("j.jsonl"), &Replay::default()).unwrap();
    let journey = Journey {
        touchpoints: vec![Touchpoint::new("film", "Film", "during")],
        ..Journey::default()
    };
    let config = LiveConfig {
        bind: Ipv4Addr::LOCALHOST.into(),
        port: taken.local_addr().unwrap().port(),
        ..LiveConfig::default()
    };
    let (sink, _arrivals) = mpsc::channel();
    let error = LiveHandle::start(&journey, config, journal, Vec::new(), sink)
        .err()
        .expect("the port is taken");
    assert!(error.to_string().contains("--port 0"), "{error}");
}
