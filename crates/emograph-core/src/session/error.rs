//! Why an edit was refused, in the words a facilitator uses in the room: things are named by
//! what they are ("touchpoint", "case") and by their id, never by a type or a field name.

/// An edit that [`super::Document::apply`] refused; the journey is unchanged.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum EditError {
    /// The edit names a touchpoint, case, owner … that is not (or no longer) in the journey.
    #[error("there is no {what} “{id}” in this journey (was it deleted?)")]
    Unknown { what: &'static str, id: String },
    #[error("there is already a {what} with the id “{id}”")]
    DuplicateId { what: &'static str, id: String },
    #[error("a new {what} needs an id")]
    EmptyId { what: &'static str },
    #[error("{what} needs a name")]
    EmptyName { what: &'static str },
    #[error("the score {score} is off the scale: scores run from {min} to {max}")]
    ScoreOffScale { score: f64, min: f64, max: f64 },
    #[error("{what} must be a number")]
    NotANumber { what: &'static str },
    #[error("“{text}” is not a date like 2026-12-31")]
    NotADate { text: String },
    #[error("{what} is longer than {max} characters")]
    TooLong { what: &'static str, max: usize },
    #[error("this journey already has {max} {what}, as many as emograph supports")]
    TooMany { what: &'static str, max: usize },
    #[error("a touchpoint cannot move before itself")]
    MoveBeforeItself,
    #[error("a pattern with no cases cannot be named")]
    NoMembers,
    /// A scenario change whose strength or drawn curve is out of range, in the loader's words.
    #[error("{0}")]
    BadChange(String),
    #[error("the scenario already has a change made from this flag")]
    AlreadyInScenario,
}
