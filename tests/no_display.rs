// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(feature = "gui")]
//! Without a display the binary explains which headless verbs work and exits 2, no backtrace.

use std::process::Command;

#[test]
fn no_display_gives_a_helpful_message_and_exit_code_2() {
    let output = Command::new(env!("CARGO_BIN_EXE_emograph"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("emograph check"),
        "points at the headless verbs: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn an_unreachable_display_gives_the_same_message() {
    let output = Command::new(env!("CARGO_BIN_EXE_emograph"))
        .env("DISPLAY", ":9999")
        .env_remove("WAYLAND_DISPLAY")
        .arg("open")
        .arg("journeys/cinema-evening.ron")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot open a window"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
