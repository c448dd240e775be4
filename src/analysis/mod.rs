//! Pure analysis: plain data in, plain data out, deterministic (fixed seeds), so the GUI, the
//! CLI, the tests and the benchmarks all call the same functions and get the same answers.

mod dataset;
mod matrix;

pub use dataset::Dataset;
pub use matrix::ScoreMatrix;
