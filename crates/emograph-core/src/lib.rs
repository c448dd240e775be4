//! emograph's core: the journey, its files, its analysis and what a chart shows.
//!
//! A crate of its own so that the compiler, not a comment, keeps the GUI (egui, eframe), the
//! painters (plotters) and the servers out of these layers: this crate does not depend on them.
//! Layers, each importing only those above it: [`i18n`] (the words it tells a person) → [`model`] → [`io`], [`analysis`] → [`chart`];
//! [`session`] (the open document, its edits and undo history) uses [`model`] and [`io`].

pub mod analysis;
pub mod chart;
pub mod i18n;
pub mod io;
pub mod model;
pub mod session;
