//! Pure analysis: plain data in, plain data out, deterministic (fixed seeds), so the GUI, the
//! CLI, the tests and the benchmarks all call the same functions and get the same answers.

pub mod critical;
mod dataset;
mod matrix;
pub mod owners;
pub mod patterns;
pub mod stats;
pub mod turning;

pub use critical::{CriticalParams, CriticalPoint, CriticalReport, Prone, Scope, critical_points};
pub use dataset::Dataset;
pub use matrix::ScoreMatrix;
pub use owners::{OwnerEntry, OwnerView, Unowned, owner_view};
pub use patterns::{Pattern, PatternParams, Patterns, find_patterns};
pub use stats::{SegmentStats, TouchpointStats, segment_stats, touchpoint_stats};
pub use turning::{TurningKind, TurningParams, TurningPoint, turning_points};
