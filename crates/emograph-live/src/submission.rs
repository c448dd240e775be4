//! A participant's curve as it arrives: parsed (400 when it is not the JSON the API takes),
//! then checked against the journey (422 when it names what the journey does not have), then
//! turned into the case the document receives.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use emograph_core::model::{Case, Journey, forbidden_char, limits};

use crate::reply::Refusal;

/// The most a request body may hold: a curve with a long note at every touchpoint of a large
/// journey fits; a megabyte of anything does not (413).
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// Every case from a participant carries this source.
pub const SOURCE: &str = "live session";

/// The participant's random token (made by the page): long enough not to be guessed, short
/// enough to be an id's part.
const TOKEN_CHARS: std::ops::RangeInclusive<usize> = 16..=128;

/// `POST /j/{code}/curve`, as sent.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    pub participant: String,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub segment: String,
    #[serde(default)]
    pub scores: BTreeMap<String, f64>,
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
}

/// What a participant sent, as `GET /j/{code}/curve` gives it back (so a phone that slept or
/// reloaded shows it).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SentCurve {
    pub case: String,
    pub label: String,
    pub segment: String,
    pub scores: BTreeMap<String, f64>,
    pub notes: BTreeMap<String, String>,
}

impl SentCurve {
    pub fn of(case: &Case) -> Self {
        Self {
            case: case.id.clone(),
            label: case.label.clone(),
            segment: case.segment.clone(),
            scores: case.scores.clone(),
            notes: case.notes.clone(),
        }
    }
}

/// What a submission may hold, fixed from the journey when the session starts.
#[derive(Clone, Debug)]
pub struct Rules {
    touchpoints: HashSet<String>,
    min: f64,
    max: f64,
    segments: HashSet<String>,
}

impl Rules {
    pub fn of(journey: &Journey, segments: &[String]) -> Self {
        Self {
            touchpoints: journey.touchpoints.iter().map(|t| t.id.clone()).collect(),
            min: journey.scale.min,
            max: journey.scale.max,
            segments: segments.iter().cloned().collect(),
        }
    }
}

/// Parses a request body (400 when it is not a curve's JSON).
pub fn parse(body: &[u8]) -> Result<Submission, Refusal> {
    serde_json::from_slice(body).map_err(|e| {
        Refusal::new(
            axum::http::StatusCode::BAD_REQUEST,
            "malformed",
            format!("The request is not a curve in the API's JSON: {e}"),
        )
    })
}

/// Whether `token` is a participant token as the page makes them.
pub fn valid_token(token: &str) -> bool {
    TOKEN_CHARS.contains(&token.len())
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Checks a submission against the rules and makes its case (id still to be given).
pub fn to_case(submission: Submission, rules: &Rules) -> Result<Case, Refusal> {
    if !valid_token(&submission.participant) {
        return Err(Refusal::invalid(
            "bad_participant",
            "The participant token must be 16 to 128 letters, digits, - or _.",
        ));
    }
    let label = text("the label", submission.label.trim())?;
    let segment = text("the segment", submission.segment.trim())?;
    if !segment.is_empty() && !rules.segments.contains(&segment) {
        return Err(Refusal::invalid(
            "unknown_segment",
            format!("“{segment}” is not one of this session's segments."),
        ));
    }
    if submission.scores.is_empty() {
        return Err(Refusal::invalid(
            "no_scores",
            "Score at least one step before sending.",
        ));
    }
    for (touchpoint_id, &score) in &submission.scores {
        known(rules, touchpoint_id)?;
        if !(score.is_finite() && score >= rules.min && score <= rules.max) {
            return Err(Refusal::invalid(
                "off_scale",
                format!(
                    "The score {score} is off the scale: scores run from {} to {}.",
                    rules.min, rules.max
                ),
            ));
        }
    }
    let mut notes = BTreeMap::new();
    for (touchpoint_id, note) in submission.notes {
        known(rules, &touchpoint_id)?;
        let note = text("a note", note.trim())?;
        if !note.is_empty() {
            notes.insert(touchpoint_id, note);
        }
    }
    let mut case = Case::new("", &label);
    case.segment = segment;
    case.source = SOURCE.to_owned();
    case.scores = submission.scores;
    case.notes = notes;
    Ok(case)
}

fn known(rules: &Rules, touchpoint_id: &str) -> Result<(), Refusal> {
    if rules.touchpoints.contains(touchpoint_id) {
        Ok(())
    } else {
        let shown: String = touchpoint_id.chars().take(40).collect();
        Err(Refusal::invalid(
            "unknown_touchpoint",
            format!("This journey has no step with the id “{shown}”."),
        ))
    }
}

/// A text field as the journey file may hold it: at most the model's length, and none of the
/// characters it refuses (control characters, bidi overrides).
fn text(what: &str, value: &str) -> Result<String, Refusal> {
    if value.chars().count() > limits::MAX_TEXT_CHARS {
        return Err(Refusal::invalid(
            "too_long",
            format!(
                "{what} is longer than {} characters.",
                limits::MAX_TEXT_CHARS
            ),
        ));
    }
    if let Some((at, c, _)) = forbidden_char(value) {
        return Err(Refusal::invalid(
            "forbidden_character",
            format!(
                "{what} holds an invisible control character (U+{:04X}) at character {at}; remove it.",
                u32::from(c)
            ),
        ));
    }
    Ok(value.to_owned())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use emograph_core::model::Touchpoint;

    fn rules() -> Rules {
        let journey = Journey {
            touchpoints: vec![Touchpoint::new("film", "Film", "during")],
            ..Journey::default()
        };
        Rules::of(&journey, &["gold".into()])
    }

    fn body(extra: &str) -> Vec<u8> {
        format!(r#"{{"participant":"p-0123456789abcdef"{extra}}}"#).into_bytes()
    }

    #[test]
    fn a_good_curve_becomes_a_live_case() {
        // A note at a step the journey does not have is refused, even an empty one.
        let sub = parse(&body(r#","scores":{"film":1},"notes":{"x":""}"#)).unwrap();
        assert_eq!(
            to_case(sub, &rules()).unwrap_err().kind,
            "unknown_touchpoint"
        );
        let sub = parse(&body(
            r#","label":" Ana ","segment":"gold","scores":{"film":-2.5},"notes":{"film":"cold popcorn"}"#,
        ))
        .unwrap();
        let case = to_case(sub, &rules()).unwrap();
        assert_eq!(case.label, "Ana");
        assert_eq!(case.source, SOURCE);
        assert_eq!(case.scores["film"], -2.5);
        assert_eq!(case.notes["film"], "cold popcorn");
    }

    #[test]
    fn each_kind_of_bad_curve_is_refused_with_its_reason() {
        let kind = |extra: &str| match parse(&body(extra)) {
            Err(refusal) => (refusal.status.as_u16(), refusal.kind),
            Ok(sub) => to_case(sub, &rules())
                .map(|_| (200, "ok"))
                .unwrap_or_else(|r| (r.status.as_u16(), r.kind)),
        };
        assert_eq!(kind(r#","scores":{"film":99}"#), (422, "off_scale"));
        assert_eq!(kind(r#","scores":{"film":1e999}"#), (400, "malformed"));
        assert_eq!(kind(r#","scores":{"film":"1"}"#), (400, "malformed"));
        assert_eq!(kind(r#","scores":{"nope":1}"#), (422, "unknown_touchpoint"));
        assert_eq!(kind(r#","scores":{}"#), (422, "no_scores"));
        assert_eq!(
            kind(r#","segment":"platinum","scores":{"film":1}"#),
            (422, "unknown_segment")
        );
        assert_eq!(
            kind(r#","label":"a\u202eb","scores":{"film":1}"#),
            (422, "forbidden_character")
        );
        assert_eq!(
            kind(r#","owner":"x","scores":{"film":1}"#),
            (400, "malformed")
        );
        let long = "x".repeat(limits::MAX_TEXT_CHARS + 1);
        assert_eq!(
            kind(&format!(
                r#","scores":{{"film":1}},"notes":{{"film":"{long}"}}"#
            )),
            (422, "too_long")
        );
        let sub = parse(br#"{"participant":"short","scores":{"film":1}}"#).unwrap();
        assert_eq!(to_case(sub, &rules()).unwrap_err().kind, "bad_participant");
    }
}
