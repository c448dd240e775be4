//! Pure analysis: plain data in, plain data out, deterministic (fixed seeds), so the GUI, the
//! CLI, the tests and the benchmarks all call the same functions and get the same answers.

pub mod compare;
pub mod critical;
mod dataset;
mod distributions;
pub mod drivers;
mod drivers_regression;
mod matrix;
pub mod owners;
pub(crate) mod parallel;
pub mod pattern_names;
pub mod patterns;
mod run;
pub mod scenario;
pub mod stats;
mod tally;
mod texts;
pub mod turning;
pub mod waves;

pub use compare::{
    CompareParams, Comparison, GroupSummary, TestUsed, TouchpointComparison, Verdict,
    compare_groups,
};
pub use critical::{
    CriticalParams, CriticalPoint, CriticalReport, Prone, Scope, critical_points,
    critical_points_with_drivers,
};
pub use dataset::Dataset;
pub use drivers::{DriverInput, DriverParams, Drivers, drivers};
pub use matrix::ScoreMatrix;
pub use owners::{OwnerEntry, OwnerView, Unowned, owner_view};
pub use patterns::{Pattern, PatternParams, Patterns, find_patterns};
pub use run::{Analysis, AnalysisSettings};
pub use scenario::{ChangeEffect, ScenarioOutcome, ScopeOutcome, scenario_outcome};
pub use stats::{
    Boxes, SegmentStats, TouchpointStats, column_stats, segment_stats, segment_stats_on,
    touchpoint_stats, touchpoint_stats_on,
};
pub use texts::Texts;
pub use turning::{TurningKind, TurningParams, TurningPoint, turning_points};
pub use waves::{DidItWork, WaveInfo, did_it_work, waves_in};
