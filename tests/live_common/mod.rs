//! What the live-session tests share: `emograph serve` as a process on loopback, its JSON
//! events, and a plain HTTP/1.1 client (one connection per request, as a phone's first
//! request is), so the tests see statuses and bodies exactly as sent.
#![allow(dead_code)]

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use serde_json::Value;

/// A journey of our own (copied from the bundled samples) in a fresh folder.
pub fn journey_copy(sample: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join(sample);
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("journeys")
        .join(sample);
    std::fs::copy(&source, &file).expect("the sample journey copies");
    (dir, file)
}

/// `emograph serve FILE --bind 127.0.0.1 --port 0 --format json`, running.
pub struct Serve {
    pub child: Child,
    pub url: String,
    pub code: String,
    pub addr: SocketAddr,
    pub events: Receiver<Value>,
    pub stderr_path: PathBuf,
}

impl Serve {
    pub fn start(file: &Path, extra: &[&str]) -> Self {
        let stderr_path = file.with_extension("stderr.txt");
        let stderr = std::fs::File::create(&stderr_path).expect("a stderr file");
        let mut child = Command::new(env!("CARGO_BIN_EXE_emograph"))
            .arg("serve")
            .arg(file)
            .args(["--bind", "127.0.0.1", "--port", "0", "--format", "json"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("emograph serve starts");
        let stdout = child.stdout.take().expect("stdout is piped");
        let (first, events) = read_events(stdout);
        let first = first
            .recv_timeout(Duration::from_secs(20))
            .unwrap_or_else(|_| {
                panic!(
                    "serve printed no first line; stderr: {}",
                    std::fs::read_to_string(&stderr_path).unwrap_or_default()
                )
            });
        let url = first["url"].as_str().expect("url").to_owned();
        let code = first["code"].as_str().expect("code").to_owned();
        let addr: SocketAddr = first["listening"]
            .as_str()
            .expect("listening")
            .parse()
            .expect("an address");
        Self {
            child,
            url,
            code,
            addr,
            events,
            stderr_path,
        }
    }

    pub fn stderr(&self) -> String {
        std::fs::read_to_string(&self.stderr_path).unwrap_or_default()
    }

    /// The path part of the session's URL, `/j/CODE`.
    pub fn base(&self) -> String {
        format!("/j/{}", self.code)
    }

    pub fn request(&self, method: &str, path: &str, body: Option<&[u8]>) -> (u16, String) {
        http(self.addr, method, path, body)
    }

    pub fn post_curve(&self, body: &Value) -> (u16, Value) {
        let (status, text) = self.request(
            "POST",
            &format!("{}/curve", self.base()),
            Some(body.to_string().as_bytes()),
        );
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// Waits for an event line matching `wanted`; panics after `timeout`.
    pub fn wait_for(&self, timeout: Duration, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.events.recv_timeout(left) {
                Ok(event) if wanted(&event) => return event,
                Ok(_) => {}
                Err(_) => panic!(
                    "no such event within {timeout:?}; stderr: {}",
                    self.stderr()
                ),
            }
        }
    }

    /// Waits until the journey on disk holds `live_cases` live curves.
    pub fn wait_saved(&self, live_cases: u64) {
        self.wait_for(Duration::from_secs(20), |e| {
            e["event"] == "saved" && e["live_cases"] == live_cases
        });
    }

    /// Ctrl+C, as the facilitator ends the session; waits for the process to end.
    pub fn interrupt(mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .expect("kill runs");
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().expect("wait works") {
                return status;
            }
            assert!(Instant::now() < deadline, "serve did not end on Ctrl+C");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_events(stdout: ChildStdout) -> (Receiver<Value>, Receiver<Value>) {
    let (first_tx, first_rx) = mpsc::channel();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut first = true;
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let Ok(value) = serde_json::from_str::<Value>(&line) else {
                continue;
            };
            if first {
                first = false;
                let _ = first_tx.send(value);
            } else if tx.send(value).is_err() {
                break;
            }
        }
    });
    (first_rx, rx)
}

/// One HTTP/1.1 request on a connection of its own; the status and the body.
pub fn http(addr: SocketAddr, method: &str, path: &str, body: Option<&[u8]>) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).expect("the server accepts");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("a timeout");
    let body = body.unwrap_or_default();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).expect("the head is sent");
    // A server that refuses a large body early may close before reading all of it.
    let _ = stream.write_all(body);
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
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
    (status, body)
}

/// A participant token as the page makes them: 32 hex digits.
pub fn token(n: u64) -> String {
    format!("{:016x}{:016x}", n.wrapping_mul(0x9E37_79B9_7F4A_7C15), n)
}

/// The journey on disk.
pub fn saved(file: &Path) -> emograph::model::Journey {
    emograph::io::load_journey(file).expect("the saved journey loads")
}

pub fn live_cases(file: &Path) -> Vec<emograph::model::Case> {
    saved(file)
        .cases
        .into_iter()
        .filter(|c| c.source == "live session")
        .collect()
}
