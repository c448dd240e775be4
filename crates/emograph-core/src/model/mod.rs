//! The domain model: what a journey is. Plain data, no I/O, no GUI.
//!
//! Everything refers to everything else by **id** (a touchpoint's id, an owner's id), so renaming
//! or reordering never breaks a link. [`Journey::validate`] reports every broken link at once;
//! the deletions in `cascade.rs` clear every link to what they delete, so none breaks.

mod cascade;
mod journey;
mod validate;

pub use journey::*;
pub use validate::{
    CaseSource, Forbidden, PathSegment, Problem, ProblemPath, Thing, change_kind_problem,
    field_words, forbidden_char, is_bidi_control, is_iso_date, is_refused_control, limits,
    show_controls,
};
