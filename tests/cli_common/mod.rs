//! What the tests that run emograph as a process share: the binary, its JSON, and a small
//! deterministic generator for the data they write.
// Each test binary uses its own subset of these.
#![allow(dead_code)]

use std::process::{Command, Output};

use serde_json::Value;

/// Runs the emograph binary with `args`, as a user's shell would.
pub fn emograph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_emograph"))
        .args(args)
        .output()
        .expect("the emograph binary runs")
}

/// The JSON a verb printed; the verb must have succeeded.
pub fn json(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "exit {:?}, stderr: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

/// xorshift64*: the tests need the same data on every machine, without a dependency.
pub struct Rng(pub u64);

impl Rng {
    /// Uniform in 0 … 1.
    pub fn unit(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `centre ± half_width`.
    pub fn around(&mut self, centre: f64, half_width: f64) -> f64 {
        centre + (self.unit() * 2.0 - 1.0) * half_width
    }
}
