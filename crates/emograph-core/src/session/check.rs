//! Checks an edit against the journey before it applies: every id it names exists (or, for a
//! new item, is fresh), every score is on the journey's scale, names of new things are not
//! empty, and the journey stays within the limits a file may hold. Each check looks only at
//! what the edit touches, so an edit of a 100 000-case journey stays cheap; and the journey the
//! edit leaves behind loads as well as the one before did.
//!
//! Two things may be empty while someone retypes them, and only those: the journey's title and
//! a touchpoint's name. A field that refused the keystroke that empties it would fight a user
//! clearing it to retype; the field shows that a name is needed, and saving refuses instead.

use std::collections::BTreeMap;

use super::error::NumberField;
use super::{Edit, EditError};
use crate::model::{
    Case, Flag, Journey, Metric, Owner, Scenario, Thing, Touchpoint, change_kind_problem,
    is_iso_date, limits,
};

/// `Ok` when `edit` may apply to `journey`; else why not.
pub fn check(journey: &Journey, edit: &Edit) -> Result<(), EditError> {
    match edit {
        Edit::SetTitle { title } => text("valid-field-title", title),
        Edit::SetDescription { description } => text("valid-field-description", description),
        Edit::AddPhase { phase } => {
            fresh_id(Thing::Phase, &phase.id, journey.phase(&phase.id).is_some())?;
            named(Thing::Phase, &phase.name)
        }
        Edit::RenamePhase { phase_id, name } => {
            known(Thing::Phase, phase_id, journey.phase(phase_id).is_some())?;
            text("valid-field-phase-name", name)
        }
        Edit::AddTouchpoint { touchpoint, before } => {
            fresh_id(
                Thing::Touchpoint,
                &touchpoint.id,
                journey.touchpoint(&touchpoint.id).is_some(),
            )?;
            room(
                "valid-many-touchpoints",
                journey.touchpoints.len(),
                limits::MAX_TOUCHPOINTS,
            )?;
            let cells = journey
                .cases
                .len()
                .saturating_mul(journey.touchpoints.len() + 1);
            if cells > limits::MAX_SCORE_CELLS {
                return Err(EditError::TooMany {
                    what: "valid-many-scores",
                    max: limits::MAX_SCORE_CELLS,
                });
            }
            if let Some(before) = before {
                touchpoint_exists(journey, before)?;
            }
            named(Thing::Touchpoint, &touchpoint.name)?;
            touchpoint_fields(journey, touchpoint)
        }
        Edit::UpdateTouchpoint { touchpoint } => {
            touchpoint_exists(journey, &touchpoint.id)?;
            touchpoint_fields(journey, touchpoint)
        }
        Edit::MoveTouchpoint {
            touchpoint_id,
            before,
        } => {
            touchpoint_exists(journey, touchpoint_id)?;
            match before {
                Some(before) if before == touchpoint_id => Err(EditError::MoveBeforeItself),
                Some(before) => touchpoint_exists(journey, before),
                None => Ok(()),
            }
        }
        Edit::DeleteTouchpoint { touchpoint_id } => touchpoint_exists(journey, touchpoint_id),
        Edit::AddCase { case } => {
            fresh_id(Thing::Case, &case.id, journey.case(&case.id).is_some())?;
            room("valid-many-cases", journey.cases.len(), limits::MAX_CASES)?;
            let cells = (journey.cases.len() + 1).saturating_mul(journey.touchpoints.len());
            if cells > limits::MAX_SCORE_CELLS {
                return Err(EditError::TooMany {
                    what: "valid-many-scores",
                    max: limits::MAX_SCORE_CELLS,
                });
            }
            case_fields(journey, case)
        }
        Edit::PutCase { case } => {
            if journey.case(&case.id).is_none() {
                // A new case: checked like AddCase (fresh id, room for it).
                return check(journey, &Edit::AddCase { case: case.clone() });
            }
            case_fields(journey, case)
        }
        Edit::DeleteCase { case_id } => case_exists(journey, case_id).map(drop),
        Edit::SetCaseLabel { case_id, label } => {
            case_exists(journey, case_id)?;
            text("valid-field-case-name", label)
        }
        Edit::SetCaseSegment { case_id, segment } => {
            case_exists(journey, case_id)?;
            text("valid-field-segment", segment)
        }
        Edit::SetCaseSource { case_id, source } => {
            case_exists(journey, case_id)?;
            text("valid-field-source", source)
        }
        Edit::SetScore {
            case_id,
            touchpoint_id,
            score,
        } => {
            case_exists(journey, case_id)?;
            touchpoint_exists(journey, touchpoint_id)?;
            match score {
                Some(score) => on_scale(journey, *score),
                None => Ok(()),
            }
        }
        Edit::SetNote {
            case_id,
            touchpoint_id,
            note,
        } => {
            case_exists(journey, case_id)?;
            touchpoint_exists(journey, touchpoint_id)?;
            text("valid-field-note", note)
        }
        Edit::AddOwner { owner } => {
            fresh_id(Thing::Owner, &owner.id, journey.owner(&owner.id).is_some())?;
            room(
                "valid-many-owners",
                journey.owners.len(),
                limits::MAX_OWNERS,
            )?;
            owner_fields(owner)
        }
        Edit::UpdateOwner { owner } => {
            owner_exists(journey, &owner.id)?;
            owner_fields(owner)
        }
        Edit::DeleteOwner { owner_id } => owner_exists(journey, owner_id),
        Edit::AssignTouchpoint {
            touchpoint_id,
            owner_id,
        } => {
            touchpoint_exists(journey, touchpoint_id)?;
            owner_exists(journey, owner_id)
        }
        Edit::AddMetric { metric } => {
            fresh_id(
                Thing::Metric,
                &metric.id,
                journey.metric(&metric.id).is_some(),
            )?;
            room(
                "valid-many-metrics",
                journey.metrics.len(),
                limits::MAX_METRICS,
            )?;
            metric_fields(journey, metric)
        }
        Edit::UpdateMetric { metric } => {
            metric_exists(journey, &metric.id)?;
            metric_fields(journey, metric)
        }
        Edit::DeleteMetric { metric_id } => metric_exists(journey, metric_id),
        Edit::AddFlag { flag } => {
            let taken = journey.flags.iter().any(|f| f.id == flag.id);
            fresh_id(Thing::Flag, &flag.id, taken)?;
            room("valid-many-flags", journey.flags.len(), limits::MAX_FLAGS)?;
            flag_fields(journey, flag)
        }
        Edit::UpdateFlag { flag } => {
            flag_exists(journey, &flag.id)?;
            flag_fields(journey, flag)
        }
        Edit::DeleteFlag { flag_id } => flag_exists(journey, flag_id),
        Edit::AddScenario { scenario } => {
            let taken = journey.scenarios.iter().any(|s| s.id == scenario.id);
            fresh_id(Thing::Scenario, &scenario.id, taken)?;
            room(
                "valid-many-scenarios",
                journey.scenarios.len(),
                limits::MAX_SCENARIOS,
            )?;
            scenario_fields(journey, scenario)
        }
        Edit::UpdateScenario { scenario } => {
            scenario_exists(journey, &scenario.id)?;
            scenario_fields(journey, scenario)
        }
        Edit::DeleteScenario { scenario_id } => scenario_exists(journey, scenario_id),
        Edit::NamePattern { name, members } => {
            if members.is_empty() {
                return Err(EditError::NoMembers);
            }
            room(
                "valid-many-pattern-names",
                journey.pattern_names.len(),
                limits::MAX_PATTERN_NAMES,
            )?;
            text("valid-field-pattern-name", name)
        }
        Edit::AddChangeFromFlag {
            scenario_id,
            flag_id,
        } => {
            scenario_exists(journey, scenario_id)?;
            flag_exists(journey, flag_id)?;
            let scenario = journey.scenarios.iter().find(|s| &s.id == scenario_id);
            if scenario.is_some_and(|s| {
                s.changes
                    .iter()
                    .any(|c| c.from_flag.as_deref() == Some(flag_id))
            }) {
                return Err(EditError::AlreadyInScenario);
            }
            room(
                "valid-many-changes-in-a-scenario",
                scenario.map_or(0, |s| s.changes.len()),
                limits::MAX_CHANGES,
            )
        }
    }
}

fn scenario_exists(journey: &Journey, id: &str) -> Result<(), EditError> {
    known(
        Thing::Scenario,
        id,
        journey.scenarios.iter().any(|s| s.id == id),
    )
}

/// A scenario's name and changes, by the rules the loader applies (`Journey::validate`).
fn scenario_fields(journey: &Journey, scenario: &Scenario) -> Result<(), EditError> {
    named(Thing::Scenario, &scenario.name)?;
    if scenario.changes.len() > limits::MAX_CHANGES {
        return Err(EditError::TooMany {
            what: "valid-many-changes-in-a-scenario",
            max: limits::MAX_CHANGES,
        });
    }
    for change in &scenario.changes {
        touchpoint_exists(journey, &change.touchpoint)?;
        if let Some(flag_id) = &change.from_flag {
            flag_exists(journey, flag_id)?;
        }
        if let Some((_, message)) = change_kind_problem(journey, &change.kind) {
            return Err(EditError::BadChange(message));
        }
    }
    Ok(())
}

fn known(what: Thing, id: &str, exists: bool) -> Result<(), EditError> {
    if exists {
        Ok(())
    } else {
        Err(EditError::Unknown {
            what,
            id: id.to_owned(),
        })
    }
}

fn touchpoint_exists(journey: &Journey, id: &str) -> Result<(), EditError> {
    known(Thing::Touchpoint, id, journey.touchpoint(id).is_some())
}

fn case_exists<'a>(journey: &'a Journey, id: &str) -> Result<&'a Case, EditError> {
    journey.case(id).ok_or_else(|| EditError::Unknown {
        what: Thing::Case,
        id: id.to_owned(),
    })
}

fn owner_exists(journey: &Journey, id: &str) -> Result<(), EditError> {
    known(Thing::Owner, id, journey.owner(id).is_some())
}

fn metric_exists(journey: &Journey, id: &str) -> Result<(), EditError> {
    known(Thing::Metric, id, journey.metric(id).is_some())
}

fn flag_exists(journey: &Journey, id: &str) -> Result<(), EditError> {
    known(Thing::Flag, id, journey.flags.iter().any(|f| f.id == id))
}

fn owner_ref(journey: &Journey, owner: Option<&str>) -> Result<(), EditError> {
    owner.map_or(Ok(()), |id| owner_exists(journey, id))
}

/// The id of a new item: not empty, not too long, not taken.
fn fresh_id(what: Thing, id: &str, taken: bool) -> Result<(), EditError> {
    if id.trim().is_empty() {
        return Err(EditError::EmptyId { what });
    }
    if id.chars().count() > limits::MAX_ID_CHARS {
        return Err(EditError::TooLong {
            what: "valid-field-an-id",
            max: limits::MAX_ID_CHARS,
        });
    }
    if taken {
        return Err(EditError::DuplicateId {
            what,
            id: id.to_owned(),
        });
    }
    Ok(())
}

/// `what` is the key of the things counted among the `valid-many-` words.
fn room(what: &'static str, count: usize, max: usize) -> Result<(), EditError> {
    if count >= max {
        Err(EditError::TooMany { what, max })
    } else {
        Ok(())
    }
}

/// `what` is the field's key among the `valid-field-` words.
fn text(what: &'static str, text: &str) -> Result<(), EditError> {
    if text.chars().count() > limits::MAX_TEXT_CHARS {
        Err(EditError::TooLong {
            what,
            max: limits::MAX_TEXT_CHARS,
        })
    } else {
        Ok(())
    }
}

/// A name that must not be empty.
fn named(what: Thing, name: &str) -> Result<(), EditError> {
    if name.trim().is_empty() {
        return Err(EditError::EmptyName { what });
    }
    text("valid-field-name", name)
}

fn finite(what: NumberField, value: Option<f64>) -> Result<(), EditError> {
    match value {
        Some(v) if !v.is_finite() => Err(EditError::NotANumber { what }),
        _ => Ok(()),
    }
}

fn on_scale(journey: &Journey, score: f64) -> Result<(), EditError> {
    if !score.is_finite() {
        return Err(EditError::NotANumber {
            what: NumberField::Score,
        });
    }
    let scale = &journey.scale;
    if scale.contains(score) {
        Ok(())
    } else {
        Err(EditError::ScoreOffScale {
            score,
            min: scale.min,
            max: scale.max,
        })
    }
}

/// A touchpoint's fields other than its id (its name may be empty while retyped: see above).
fn touchpoint_fields(journey: &Journey, touchpoint: &Touchpoint) -> Result<(), EditError> {
    known(
        Thing::Phase,
        &touchpoint.phase,
        journey.phase(&touchpoint.phase).is_some(),
    )?;
    owner_ref(journey, touchpoint.owner.as_deref())?;
    finite(NumberField::TimeOffset, touchpoint.time_offset)?;
    text("valid-field-name", &touchpoint.name)?;
    text("valid-field-channel", &touchpoint.channel)?;
    text("valid-field-crm-process", &touchpoint.process)
}

fn case_fields(journey: &Journey, case: &Case) -> Result<(), EditError> {
    text("valid-field-case-name", &case.label)?;
    text("valid-field-segment", &case.segment)?;
    text("valid-field-source", &case.source)?;
    finite(NumberField::Outcome, case.outcome)?;
    for (touchpoint_id, &score) in &case.scores {
        touchpoint_exists(journey, touchpoint_id)?;
        on_scale(journey, score)?;
    }
    notes(journey, &case.notes)
}

fn notes(journey: &Journey, notes: &BTreeMap<String, String>) -> Result<(), EditError> {
    for (touchpoint_id, note) in notes {
        touchpoint_exists(journey, touchpoint_id)?;
        text("valid-field-note", note)?;
    }
    Ok(())
}

fn owner_fields(owner: &Owner) -> Result<(), EditError> {
    named(Thing::Owner, &owner.name)?;
    text("valid-field-role", &owner.role)?;
    text("valid-field-crm-process", &owner.process)
}

fn metric_fields(journey: &Journey, metric: &Metric) -> Result<(), EditError> {
    named(Thing::Metric, &metric.name)?;
    text("valid-field-unit", &metric.unit)?;
    text("valid-field-sla", &metric.sla)?;
    finite(NumberField::CurrentValue, metric.current)?;
    finite(NumberField::Target, metric.target)?;
    if metric.history.len() > limits::MAX_METRIC_VALUES {
        return Err(EditError::TooMany {
            what: "valid-many-dated-values-of-a-metric",
            max: limits::MAX_METRIC_VALUES,
        });
    }
    for entry in &metric.history {
        if !is_iso_date(&entry.date) {
            return Err(EditError::NotADate {
                text: entry.date.clone(),
            });
        }
        finite(NumberField::DatedValue, Some(entry.value))?;
    }
    owner_ref(journey, metric.owner.as_deref())?;
    for touchpoint_id in &metric.touchpoints {
        touchpoint_exists(journey, touchpoint_id)?;
    }
    Ok(())
}

fn flag_fields(journey: &Journey, flag: &Flag) -> Result<(), EditError> {
    touchpoint_exists(journey, &flag.touchpoint)?;
    owner_ref(journey, flag.owner.as_deref())?;
    for metric_id in &flag.metrics {
        metric_exists(journey, metric_id)?;
    }
    if let Some(due) = &flag.due
        && !is_iso_date(due)
    {
        return Err(EditError::NotADate { text: due.clone() });
    }
    text("valid-field-note", &flag.note)?;
    text("valid-field-agreed-action", &flag.action_text)
}
