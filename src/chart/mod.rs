//! What an emotion graph shows, independent of how it is painted.
//!
//! **One Scene, two painters**: the app paints a [`Scene`] with egui, `export` paints the same
//! Scene with plotters, so what you see is what you export. Everything here lives in *data
//! coordinates*: `x` along the process (touchpoint index, or time offset), `y` the score.

mod aggregate;
pub mod labels;
mod scene;
mod theme;
mod views;

pub use aggregate::*;
pub use scene::*;
pub use theme::{Rgba, Theme};
pub use views::*;
