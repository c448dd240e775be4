//! emograph: map how customers feel along a process.
//!
//! The core layers live in the `emograph-core` crate (re-exported here), so the compiler keeps
//! egui and plotters out of them. Layers, each importing only those above it: [`model`] → [`io`], [`analysis`] → [`chart`] →
//! [`export`] → `app` (GUI) and [`cli`].

pub use emograph_core::{analysis, chart, io, model, session};

pub mod assets;
pub mod cli;
pub mod export;
pub mod i18n;

#[cfg(feature = "gui")]
pub mod app;
