//! emograph: map how customers feel along a process.
//!
//! Layers, each importing only those above it: [`model`] → [`io`], [`analysis`] → [`chart`] →
//! [`export`] → `app` (GUI) and [`cli`].

pub mod analysis;
pub mod assets;
pub mod chart;
pub mod cli;
pub mod export;
pub mod io;
pub mod model;

#[cfg(feature = "gui")]
pub mod app;
