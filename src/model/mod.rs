//! The domain model: what a journey is. Plain data, no I/O, no GUI.
//!
//! Everything refers to everything else by **id** (a touchpoint's id, an owner's id), so renaming
//! or reordering never breaks a link. [`Journey::validate`] reports every broken link at once.

mod journey;
mod validate;

pub use journey::*;
pub use validate::{PathSegment, Problem, ProblemPath, is_iso_date, limits};
