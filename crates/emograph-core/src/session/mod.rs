//! The open document and the edits made to it, without a GUI: the desktop app, the CLI and a
//! live-session server all edit a journey through [`Document::apply`], with [`Edit`]s that name
//! what they change by id. An edit is checked before it applies and refused with an
//! [`EditError`] rather than leave a journey that would not load; every applied edit can be
//! undone. Edits are plain data (serde), so they can be logged, sent and replayed.

mod check;
mod document;
mod edit;
mod error;
mod journal;
mod words;

#[cfg(test)]
mod tests;

pub use check::check;
pub use document::{Applied, Document};
pub use edit::{Edit, EditNames, format_score};
pub use error::{EditError, NumberField};
pub use journal::{Journal, JournalRecord, Replay, journal_path_for, read_journal};
pub use words::{problem_in_words, save_problems};
