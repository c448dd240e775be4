#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The live session under a room's load, on loopback: 300 simulated phones, each loading the
//! page and the journey and then sending its curve three times (the later sends replace the
//! first) at random moments within 10 seconds, against a release `emograph serve` process.
//! Each phone comes from its own loopback address (127.0.x.y), so the per-client rate limit is
//! the one a room gets. Reports the curves lost (acknowledged but not in the saved journey:
//! must be 0), the latency of a send (p50, p99), and how long after the last send the
//! document held every curve. Stops by itself within about 30 s.
//!
//! cargo bench --bench live_load
//!
//! `EMOGRAPH_BIN=target/release/emograph` runs the server binary named there instead of the
//! bench profile's own (so the bench can run in the dev profile against a release server
//! without building the GUI test dependencies in release).

use std::io::{BufRead as _, BufReader};
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

const PHONES: u32 = 300;
const SENDS: u32 = 3;
const WINDOW: Duration = Duration::from_secs(10);
const DEADLINE: Duration = Duration::from_secs(30);

/// One request from `source` on a connection of its own: the status and the body.
async fn request(
    source: Ipv4Addr,
    server: SocketAddr,
    method: &str,
    path: &str,
    body: &str,
) -> std::io::Result<(u16, String)> {
    let socket = tokio::net::TcpSocket::new_v4()?;
    socket.bind(SocketAddr::V4(SocketAddrV4::new(source, 0)))?;
    let mut stream = socket.connect(server).await?;
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {server}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(head.as_bytes()).await?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await?;
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    Ok((status, body))
}

/// xorshift64*: the same schedule on every run.
fn next(state: &mut u64) -> f64 {
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(index).copied().unwrap_or_default()
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cinema.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/cinema-evening.ron"),
        &file,
    )
    .unwrap();
    let journey = emograph::io::load_journey(&file).unwrap();
    let touchpoints: Vec<String> = journey.touchpoints.iter().map(|t| t.id.clone()).collect();
    let binary =
        std::env::var("EMOGRAPH_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_emograph").to_owned());
    let mut child = Command::new(&binary)
        .arg("serve")
        .arg(&file)
        .args(["--bind", "127.0.0.1", "--port", "0", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let (events_tx, events) = mpsc::channel::<(serde_json::Value, Instant)>();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Ok(value) = serde_json::from_str(&line) {
                let _ = events_tx.send((value, Instant::now()));
            }
        }
    });
    let (first, _) = events.recv_timeout(Duration::from_secs(20)).unwrap();
    let server: SocketAddr = first["listening"].as_str().unwrap().parse().unwrap();
    let code = first["code"].as_str().unwrap().to_owned();

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let started = Instant::now();
    let mut seed = 0x5EED_u64;
    let mut phones = Vec::new();
    for phone in 0..PHONES {
        let source = Ipv4Addr::new(127, 0, (1 + phone / 250) as u8, (1 + phone % 250) as u8);
        let mut times: Vec<Duration> = (0..SENDS)
            .map(|_| WINDOW.mul_f64(next(&mut seed) * 0.95))
            .collect();
        times.sort();
        let curves: Vec<String> = (0..SENDS)
            .map(|_| {
                let mut scores = serde_json::Map::new();
                for t in &touchpoints {
                    let skipped = next(&mut seed) < 0.2;
                    let score = ((next(&mut seed) * 20.0).round() / 2.0) - 5.0;
                    if !skipped {
                        scores.insert(t.clone(), serde_json::json!(score));
                    }
                }
                // One token per phone: its later sends replace its first.
                serde_json::json!({
                    "participant": format!("phone-{phone:04}-benchmark-token"),
                    "label": format!("phone {phone}"),
                    "scores": scores,
                })
                .to_string()
            })
            .collect();
        let code = code.clone();
        phones.push(runtime.spawn(async move {
            let base = format!("/j/{code}");
            for path in [base.clone(), format!("{base}/journey")] {
                let _ = request(source, server, "GET", &path, "").await;
            }
            let mut sent = Vec::new();
            for (at, curve) in times.into_iter().zip(curves) {
                tokio::time::sleep_until((started + at).into()).await;
                let t0 = Instant::now();
                let result =
                    request(source, server, "POST", &format!("{base}/curve"), &curve).await;
                let latency = t0.elapsed();
                sent.push((result, latency, curve));
            }
            sent
        }));
    }
    let results = runtime.block_on(async {
        let mut all = Vec::new();
        for phone in phones {
            if let Ok(Ok(sent)) = tokio::time::timeout(DEADLINE, phone).await {
                all.push(sent);
            }
        }
        all
    });
    let last_send = Instant::now();
    let mut latencies = Vec::new();
    let mut acknowledged = std::collections::HashMap::new();
    let mut refused = 0;
    for sent in &results {
        for (result, latency, curve) in sent {
            match result {
                Ok((200, body)) => {
                    latencies.push(*latency);
                    let case: serde_json::Value = serde_json::from_str(body).unwrap();
                    // The last acknowledged send of a phone is what its case must hold.
                    acknowledged.insert(case["case"].as_str().unwrap().to_owned(), curve.clone());
                }
                _ => refused += 1,
            }
        }
    }
    // The document holds them all once the serve loop reported the last curve.
    let total_sends = latencies.len();
    let mut applied = 0;
    let mut held_at = None;
    let deadline = Instant::now() + Duration::from_secs(10);
    while applied < total_sends && Instant::now() < deadline {
        if let Ok((event, at)) = events.recv_timeout(Duration::from_millis(200))
            && event["event"] == "curve"
        {
            applied += 1;
            held_at = Some(at);
        }
    }
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let _ = child.wait();
    let saved = emograph::io::load_journey(&file).unwrap();
    let lost = acknowledged
        .iter()
        .filter(|(case_id, curve)| {
            let sent: serde_json::Value = serde_json::from_str(curve).unwrap();
            let Some(case) = saved.case(case_id) else {
                return true;
            };
            let scores = sent["scores"].as_object().unwrap();
            case.scores.len() != scores.len()
                || scores
                    .iter()
                    .any(|(k, v)| case.scores.get(k) != v.as_f64().as_ref())
        })
        .count();
    latencies.sort();
    println!(
        "live_load: {PHONES} phones x {SENDS} sends within {WINDOW:?} (loopback), server {binary}"
    );
    println!("  acknowledged sends   {total_sends} (refused {refused})");
    println!(
        "  participants' cases  {} in the saved journey, lost {lost}",
        acknowledged.len()
    );
    println!(
        "  send latency         p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        percentile(&latencies, 0.5).as_secs_f64() * 1e3,
        percentile(&latencies, 0.99).as_secs_f64() * 1e3,
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );
    match held_at {
        Some(at) if applied == total_sends => println!(
            "  document held every curve {:.1} ms after the last send was acknowledged",
            at.saturating_duration_since(last_send).as_secs_f64() * 1e3
        ),
        _ => println!("  document held {applied} of {total_sends} curves"),
    }
    println!(
        "  whole run            {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert_eq!(
        lost, 0,
        "acknowledged curves missing from the saved journey"
    );
}
