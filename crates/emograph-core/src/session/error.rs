//! Why an edit was refused, in the words a facilitator uses in the room: things are named by
//! what they are ("touchpoint", "case") and by their id, never by a type or a field name. The
//! words come from the model catalogue (`edit-refused-…`) in the language in force when the
//! refusal is shown.

use std::fmt;

use crate::model::{Thing, field_words};

/// An edit that [`super::Document::apply`] refused; the journey is unchanged.
#[derive(Clone, Debug, PartialEq)]
pub enum EditError {
    /// The edit names a touchpoint, case, owner … that is not (or no longer) in the journey.
    Unknown {
        what: Thing,
        id: String,
    },
    DuplicateId {
        what: Thing,
        id: String,
    },
    EmptyId {
        what: Thing,
    },
    EmptyName {
        what: Thing,
    },
    ScoreOffScale {
        score: f64,
        min: f64,
        max: f64,
    },
    NotANumber {
        what: NumberField,
    },
    NotADate {
        text: String,
    },
    /// `what` is the field's key among the catalogue's `valid-field-` words.
    TooLong {
        what: &'static str,
        max: usize,
    },
    /// `what` is the key of the things counted among the catalogue's `valid-many-` words.
    TooMany {
        what: &'static str,
        max: usize,
    },
    MoveBeforeItself,
    NoMembers,
    /// A scenario change whose strength or drawn curve is out of range, in the loader's words.
    BadChange(String),
    AlreadyInScenario,
}

/// A number an edit gives that must be finite.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberField {
    TimeOffset,
    Outcome,
    CurrentValue,
    Target,
    DatedValue,
    Score,
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            EditError::Unknown { what, id } => {
                crate::tr!("edit-refused-unknown", what = what.word(), id = id.as_str())
            }
            EditError::DuplicateId { what, id } => crate::tr!(
                "edit-refused-duplicate-id",
                what = what.word(),
                id = id.as_str()
            ),
            EditError::EmptyId { what } => crate::tr!("edit-refused-empty-id", what = what.word()),
            EditError::EmptyName { what } => match what {
                Thing::Phase => crate::tr!("edit-refused-unnamed-phase"),
                Thing::Touchpoint => crate::tr!("edit-refused-unnamed-touchpoint"),
                Thing::Case => crate::tr!("edit-refused-unnamed-case"),
                Thing::Owner => crate::tr!("edit-refused-unnamed-owner"),
                Thing::Metric => crate::tr!("edit-refused-unnamed-metric"),
                Thing::Flag => crate::tr!("edit-refused-unnamed-flag"),
                Thing::Scenario => crate::tr!("edit-refused-unnamed-scenario"),
            },
            EditError::ScoreOffScale { score, min, max } => crate::tr!(
                "edit-refused-off-scale",
                score = score.to_string(),
                min = min.to_string(),
                max = max.to_string()
            ),
            EditError::NotANumber { what } => match what {
                NumberField::TimeOffset => crate::tr!("edit-refused-nan-time-offset"),
                NumberField::Outcome => crate::tr!("edit-refused-nan-outcome"),
                NumberField::CurrentValue => crate::tr!("edit-refused-nan-current-value"),
                NumberField::Target => crate::tr!("edit-refused-nan-target"),
                NumberField::DatedValue => crate::tr!("edit-refused-nan-dated-value"),
                NumberField::Score => crate::tr!("edit-refused-nan-score"),
            },
            EditError::NotADate { text } => {
                crate::tr!("edit-refused-not-a-date", text = text.as_str())
            }
            EditError::TooLong { what, max } => {
                crate::tr!("valid-text-too-long", what = field_words(what), max = *max)
            }
            EditError::TooMany { what, max } => {
                crate::tr!(
                    "edit-refused-too-many",
                    what = field_words(what),
                    max = *max
                )
            }
            EditError::MoveBeforeItself => crate::tr!("edit-refused-move-before-itself"),
            EditError::NoMembers => crate::tr!("edit-refused-no-members"),
            EditError::BadChange(message) => message.clone(),
            EditError::AlreadyInScenario => crate::tr!("edit-refused-already-in-scenario"),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for EditError {}
