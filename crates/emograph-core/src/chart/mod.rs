//! What an emotion graph shows, independent of how it is painted.
//!
//! **One Scene, two painters**: the app paints a [`Scene`] with egui, `export` paints the same
//! Scene with plotters, so what you see is what you export. Everything here lives in *data
//! coordinates*: `x` along the process (touchpoint index, or time offset), `y` the score.

mod aggregate;
mod badge;
mod case_band;
pub mod labels;
mod markers;
mod scenario_overlay;
mod scene;
mod spec;
mod theme;
pub mod ticks;
mod views;
mod waves;

pub use aggregate::*;
pub use badge::{Badge, MetricBadge};
pub use case_band::{CaseBand, MAX_CASE_CURVES, case_band, cases_band_scene};
pub use markers::{add_flag_markers, add_turning_markers, one_marker_per_moment};
pub use scenario_overlay::add_scenario_overlay;
pub use scene::*;
pub use spec::*;
pub use theme::{Rgba, Theme};
pub use views::*;
pub use waves::{MAX_WAVE_CURVES, waves_scene};
