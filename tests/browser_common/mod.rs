//! What the browser tests share: chromedriver on a free loopback port and a headless Chromium
//! session. Without chromium and chromedriver a test prints "SKIPPED: …" and passes, unless
//! `EMOGRAPH_REQUIRE_BROWSER=1` (CI installs both and sets it).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// chromedriver on a free port, ended with the test.
pub struct Driver {
    child: Child,
    port: u16,
    _profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// chromedriver with `env` added to its environment, which the Chromium it starts inherits
/// (`FONTCONFIG_FILE`, for a machine without fonts); `None` when either is not installed.
pub fn browser_or_skip(test: &str, env: &[(&str, &Path)]) -> Option<Driver> {
    let missing: Vec<&str> = [CHROMIUM, CHROMEDRIVER]
        .into_iter()
        .filter(|p| !Path::new(p).exists())
        .collect();
    if !missing.is_empty() {
        assert!(
            std::env::var("EMOGRAPH_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "EMOGRAPH_REQUIRE_BROWSER=1 but {missing:?} missing"
        );
        eprintln!("SKIPPED: {test}: {missing:?} not installed");
        return None;
    }
    let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(CHROMEDRIVER)
        .envs(env.iter().copied())
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver does not listen");
        std::thread::sleep(Duration::from_millis(100));
    }
    Some(Driver {
        child,
        port,
        _profile: tempfile::tempdir().unwrap(),
    })
}

pub async fn open(driver: &Driver, width: u32, height: u32) -> Client {
    let mut caps = serde_json::Map::new();
    // A desktop window is at least 500 px wide: a phone's viewport needs mobile emulation.
    let mobile = (width < 500).then(|| {
        serde_json::json!({"deviceMetrics": {"width": width, "height": height, "pixelRatio": 1.0, "touch": true}})
    });
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": CHROMIUM,
            "mobileEmulation": mobile.unwrap_or(serde_json::json!({})),
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                format!("--user-data-dir={}", driver._profile.path().display()),
                format!("--window-size={width},{height}"),
            ],
        }),
    );
    // chromedriver listening does not mean it takes sessions yet: on a loaded machine (CI
    // beside a build) the first connection was refused. A few tries, a second apart.
    let url = format!("http://127.0.0.1:{}", driver.port);
    let mut tries = 0;
    loop {
        let session = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps.clone())
            .connect(&url)
            .await;
        match session {
            Ok(client) => return client,
            Err(error) if tries < 5 => {
                eprintln!("no WebDriver session yet ({error}); trying again");
                tries += 1;
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            Err(error) => panic!("a WebDriver session after {tries} tries: {error}"),
        }
    }
}
