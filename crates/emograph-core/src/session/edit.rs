//! One change to a journey, as plain data: what it changes is named by **id**, never by its
//! position in a list, so an edit still means the same thing after the list was reordered,
//! when it is replayed from a log, or when it arrives over a wire from another editor.

use serde::{Deserialize, Serialize};

use crate::model::{Case, Change, Flag, Journey, Metric, Owner, Phase, Scenario, Touchpoint};

/// Every change the editors make. [`super::Document::apply`] checks it against the journey
/// first and refuses it with an [`super::EditError`] rather than change anything.
///
/// Items are added and updated whole (`AddOwner { owner }`, `UpdateOwner { owner }`): the id
/// inside names the item, the rest is what it becomes. Deletions take whatever pointed at the
/// deleted item with them (see the `delete_*` functions on [`Journey`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    /// The journey's title. May be empty while someone retypes it; saving refuses that.
    SetTitle {
        title: String,
    },
    SetDescription {
        description: String,
    },
    AddPhase {
        phase: Phase,
    },
    RenamePhase {
        phase_id: String,
        name: String,
    },
    /// Inserts the touchpoint before `before` (a touchpoint id), or at the end.
    AddTouchpoint {
        touchpoint: Touchpoint,
        before: Option<String>,
    },
    /// Replaces the fields of the touchpoint with the same id (its name may be empty while
    /// retyped, like the title).
    UpdateTouchpoint {
        touchpoint: Touchpoint,
    },
    /// Moves the touchpoint before `before` (a touchpoint id), or to the end.
    MoveTouchpoint {
        touchpoint_id: String,
        before: Option<String>,
    },
    /// Deletes the touchpoint with its scores, notes, flags and metric links.
    DeleteTouchpoint {
        touchpoint_id: String,
    },
    AddCase {
        case: Case,
    },
    /// Adds the case, or replaces the case with the same id whole: a live-session participant
    /// who sends again replaces their own curve, and replaying a journal twice changes nothing.
    PutCase {
        case: Case,
    },
    DeleteCase {
        case_id: String,
    },
    SetCaseLabel {
        case_id: String,
        label: String,
    },
    SetCaseSegment {
        case_id: String,
        segment: String,
    },
    SetCaseSource {
        case_id: String,
        source: String,
    },
    /// Sets (or, with `None`, clears) a case's score at a touchpoint.
    SetScore {
        case_id: String,
        touchpoint_id: String,
        score: Option<f64>,
    },
    /// Sets a case's note at a touchpoint; an empty note removes it.
    SetNote {
        case_id: String,
        touchpoint_id: String,
        note: String,
    },
    AddOwner {
        owner: Owner,
    },
    UpdateOwner {
        owner: Owner,
    },
    /// Deletes the owner and clears every touchpoint's, metric's and flag's link to them.
    DeleteOwner {
        owner_id: String,
    },
    /// Gives a touchpoint to an owner, with the flags there that nobody holds yet.
    AssignTouchpoint {
        touchpoint_id: String,
        owner_id: String,
    },
    AddMetric {
        metric: Metric,
    },
    UpdateMetric {
        metric: Metric,
    },
    /// Deletes the metric and takes it off every flag.
    DeleteMetric {
        metric_id: String,
    },
    AddFlag {
        flag: Flag,
    },
    UpdateFlag {
        flag: Flag,
    },
    DeleteFlag {
        flag_id: String,
    },
    AddScenario {
        scenario: Scenario,
    },
    /// Replaces the scenario with the same id (its name and every change).
    UpdateScenario {
        scenario: Scenario,
    },
    DeleteScenario {
        scenario_id: String,
    },
    /// Turns a flag's agreed action into a change of the scenario, in one click: prevent,
    /// shorten the response (keeping half the fall) or amplify (by one point) at the flag's
    /// touchpoint, linked to the flag.
    AddChangeFromFlag {
        scenario_id: String,
        flag_id: String,
    },
    /// Names the typical pattern whose cases are `members` ("frustrated families"), replacing
    /// any name it had; an empty name takes the name away. The name follows those cases when
    /// the patterns are recomputed.
    NamePattern {
        name: String,
        members: Vec<String>,
    },
}

/// The things an edit names, as `journey` names them (an id it lacks is said as it is): what
/// the core's English label and the app's translated one both say an edit touched.
#[derive(Clone, Copy)]
pub struct EditNames<'a>(pub &'a Journey);

impl EditNames<'_> {
    pub fn touchpoint(&self, id: &str) -> String {
        self.0
            .touchpoint(id)
            .map_or_else(|| id.to_owned(), |t| t.name.clone())
    }

    pub fn case(&self, id: &str) -> String {
        self.0
            .case(id)
            .map_or_else(|| id.to_owned(), |c| c.display_name().to_owned())
    }

    pub fn owner(&self, id: &str) -> String {
        self.0
            .owner(id)
            .map_or_else(|| id.to_owned(), |o| o.name.clone())
    }

    pub fn metric(&self, id: &str) -> String {
        self.0
            .metric(id)
            .map_or_else(|| id.to_owned(), |m| m.name.clone())
    }

    /// A flag by the touchpoint it stands at.
    pub fn flag_at(&self, id: &str) -> String {
        self.0
            .flags
            .iter()
            .find(|f| f.id == id)
            .map_or_else(|| id.to_owned(), |f| self.touchpoint(&f.touchpoint))
    }
}

impl Edit {
    /// The case this edit changes alone, if it changes one case and nothing else: the history
    /// then copies just that case.
    pub(super) fn single_case(&self) -> Option<&str> {
        match self {
            Self::SetCaseLabel { case_id, .. }
            | Self::SetCaseSegment { case_id, .. }
            | Self::SetCaseSource { case_id, .. }
            | Self::SetScore { case_id, .. }
            | Self::SetNote { case_id, .. } => Some(case_id),
            // Counts as one case only when it replaces one (the history finds it by position);
            // a new case changes the list's length, which the history notices anyway.
            Self::PutCase { case } => Some(&case.id),
            _ => None,
        }
    }

    /// What the history calls this edit, in the journey's own names (read before it applies).
    pub fn label(&self, journey: &Journey) -> String {
        let names = EditNames(journey);
        let touchpoint = |id: &str| names.touchpoint(id);
        let case = |id: &str| names.case(id);
        let owner = |id: &str| names.owner(id);
        let metric = |id: &str| names.metric(id);
        let flag_at = |id: &str| names.flag_at(id);
        match self {
            Self::SetTitle { .. } => "Edit title".to_owned(),
            Self::SetDescription { .. } => "Edit description".to_owned(),
            Self::AddPhase { phase } => format!("Add phase {}", phase.name),
            Self::RenamePhase { .. } => "Rename phase".to_owned(),
            Self::AddTouchpoint { touchpoint, .. } => {
                format!("Add touchpoint {}", touchpoint.name)
            }
            Self::UpdateTouchpoint { touchpoint: edited } => {
                if journey
                    .touchpoint(&edited.id)
                    .is_some_and(|t| t.name != edited.name)
                {
                    format!("Rename touchpoint to {}", edited.name)
                } else {
                    format!("Edit touchpoint {}", edited.name)
                }
            }
            Self::MoveTouchpoint { touchpoint_id, .. } => {
                format!("Move {}", touchpoint(touchpoint_id))
            }
            Self::DeleteTouchpoint { touchpoint_id } => {
                format!("Delete touchpoint {}", touchpoint(touchpoint_id))
            }
            Self::AddCase { case } => format!("Add {}", case.display_name()),
            Self::PutCase { case: put } => match journey.case(&put.id) {
                Some(_) => format!("Replace {}", put.display_name()),
                None => format!("Add {}", put.display_name()),
            },
            Self::DeleteCase { case_id } => format!("Delete case {}", case(case_id)),
            Self::SetCaseLabel { case_id, .. }
            | Self::SetCaseSegment { case_id, .. }
            | Self::SetCaseSource { case_id, .. } => format!("Edit case {}", case(case_id)),
            Self::SetScore {
                case_id,
                touchpoint_id,
                score: Some(score),
            } => format!(
                "Score {} at {}: {}",
                case(case_id),
                touchpoint(touchpoint_id),
                format_score(*score)
            ),
            Self::SetScore {
                case_id,
                touchpoint_id,
                score: None,
            } => format!(
                "Clear score of {} at {}",
                case(case_id),
                touchpoint(touchpoint_id)
            ),
            Self::SetNote {
                case_id,
                touchpoint_id,
                ..
            } => format!("Note of {} at {}", case(case_id), touchpoint(touchpoint_id)),
            Self::AddOwner { owner } => format!("Add owner {}", owner.name),
            Self::UpdateOwner { owner: edited } => format!("Edit owner {}", owner(&edited.id)),
            Self::DeleteOwner { owner_id } => format!("Delete owner {}", owner(owner_id)),
            Self::AssignTouchpoint {
                touchpoint_id,
                owner_id,
            } => format!("Give {} to {}", touchpoint(touchpoint_id), owner(owner_id)),
            Self::AddMetric { metric } => format!("Add metric {}", metric.name),
            Self::UpdateMetric { metric: edited } => {
                format!("Edit metric {}", metric(&edited.id))
            }
            Self::DeleteMetric { metric_id } => format!("Delete metric {}", metric(metric_id)),
            Self::AddFlag { flag } => format!(
                "Flag {} at {}",
                flag.kind.label(),
                touchpoint(&flag.touchpoint)
            ),
            Self::UpdateFlag { flag } => format!("Edit flag at {}", flag_at(&flag.id)),
            Self::DeleteFlag { flag_id } => format!("Delete flag at {}", flag_at(flag_id)),
            Self::NamePattern { name, .. } if name.trim().is_empty() => {
                "Remove a pattern's name".to_owned()
            }
            Self::NamePattern { name, .. } => format!("Name pattern {}", name.trim()),
            Self::AddScenario { scenario } => format!("Add scenario {}", scenario.name),
            Self::UpdateScenario { scenario } => format!("Edit scenario {}", scenario.name),
            Self::DeleteScenario { scenario_id } => format!(
                "Delete scenario {}",
                journey
                    .scenario(scenario_id)
                    .map_or(scenario_id.as_str(), |s| s.name.as_str())
            ),
            Self::AddChangeFromFlag {
                scenario_id,
                flag_id,
            } => {
                let action = journey.flag(flag_id).map_or("change", |f| f.action.label());
                format!(
                    "Scenario {}: {action} at {}",
                    journey
                        .scenario(scenario_id)
                        .map_or(scenario_id.as_str(), |s| s.name.as_str()),
                    flag_at(flag_id)
                )
            }
        }
    }

    /// Makes the change. Only called once [`super::check`] passed, so every id it names is
    /// there; where one is not after all, the edit changes nothing rather than panic.
    pub(super) fn apply_to(self, journey: &mut Journey) {
        match self {
            Self::SetTitle { title } => journey.title = title,
            Self::SetDescription { description } => journey.description = description,
            Self::AddPhase { phase } => journey.phases.push(phase),
            Self::RenamePhase { phase_id, name } => {
                if let Some(phase) = journey.phases.iter_mut().find(|p| p.id == phase_id) {
                    phase.name = name;
                }
            }
            Self::AddTouchpoint { touchpoint, before } => {
                let at = before
                    .and_then(|id| journey.touchpoint_index(&id))
                    .unwrap_or(journey.touchpoints.len());
                journey.touchpoints.insert(at, touchpoint);
            }
            Self::UpdateTouchpoint { touchpoint } => {
                if let Some(slot) = journey
                    .touchpoints
                    .iter_mut()
                    .find(|t| t.id == touchpoint.id)
                {
                    *slot = touchpoint;
                }
            }
            Self::MoveTouchpoint {
                touchpoint_id,
                before,
            } => {
                let Some(from) = journey.touchpoint_index(&touchpoint_id) else {
                    return;
                };
                let moved = journey.touchpoints.remove(from);
                let at = before
                    .and_then(|id| journey.touchpoint_index(&id))
                    .unwrap_or(journey.touchpoints.len());
                journey.touchpoints.insert(at, moved);
            }
            Self::DeleteTouchpoint { touchpoint_id } => {
                journey.delete_touchpoint(&touchpoint_id);
            }
            Self::AddCase { case } => journey.cases.push(case),
            Self::PutCase { case } => match case_mut(journey, &case.id) {
                Some(slot) => *slot = case,
                None => journey.cases.push(case),
            },
            Self::DeleteCase { case_id } => {
                journey.delete_case(&case_id);
            }
            Self::SetCaseLabel { case_id, label } => {
                if let Some(case) = case_mut(journey, &case_id) {
                    case.label = label;
                }
            }
            Self::SetCaseSegment { case_id, segment } => {
                if let Some(case) = case_mut(journey, &case_id) {
                    case.segment = segment;
                }
            }
            Self::SetCaseSource { case_id, source } => {
                if let Some(case) = case_mut(journey, &case_id) {
                    case.source = source;
                }
            }
            Self::SetScore {
                case_id,
                touchpoint_id,
                score,
            } => {
                if let Some(case) = case_mut(journey, &case_id) {
                    match score {
                        Some(score) => case.scores.insert(touchpoint_id, score),
                        None => case.scores.remove(&touchpoint_id),
                    };
                }
            }
            Self::SetNote {
                case_id,
                touchpoint_id,
                note,
            } => {
                if let Some(case) = case_mut(journey, &case_id) {
                    if note.is_empty() {
                        case.notes.remove(&touchpoint_id);
                    } else {
                        case.notes.insert(touchpoint_id, note);
                    }
                }
            }
            Self::AddOwner { owner } => journey.owners.push(owner),
            Self::UpdateOwner { owner } => {
                if let Some(slot) = journey.owners.iter_mut().find(|o| o.id == owner.id) {
                    *slot = owner;
                }
            }
            Self::DeleteOwner { owner_id } => {
                journey.delete_owner(&owner_id);
            }
            Self::AssignTouchpoint {
                touchpoint_id,
                owner_id,
            } => {
                journey.assign_touchpoint(&touchpoint_id, &owner_id);
            }
            Self::AddMetric { metric } => journey.metrics.push(metric),
            Self::UpdateMetric { metric } => {
                if let Some(slot) = journey.metrics.iter_mut().find(|m| m.id == metric.id) {
                    *slot = metric;
                }
            }
            Self::DeleteMetric { metric_id } => {
                journey.delete_metric(&metric_id);
            }
            Self::AddFlag { flag } => journey.flags.push(flag),
            Self::UpdateFlag { flag } => {
                if let Some(slot) = journey.flags.iter_mut().find(|f| f.id == flag.id) {
                    *slot = flag;
                }
            }
            Self::DeleteFlag { flag_id } => {
                journey.delete_flag(&flag_id);
            }
            Self::AddScenario { scenario } => journey.scenarios.push(scenario),
            Self::UpdateScenario { scenario } => {
                if let Some(slot) = journey.scenarios.iter_mut().find(|s| s.id == scenario.id) {
                    *slot = scenario;
                }
            }
            Self::DeleteScenario { scenario_id } => {
                journey.delete_scenario(&scenario_id);
            }
            Self::NamePattern { name, members } => {
                journey.pattern_names = crate::analysis::pattern_names::renamed(
                    &journey.pattern_names,
                    &name,
                    &members,
                );
            }
            Self::AddChangeFromFlag {
                scenario_id,
                flag_id,
            } => {
                let Some(change) = journey.flag(&flag_id).map(Change::from_flag) else {
                    return;
                };
                if let Some(scenario) = journey.scenarios.iter_mut().find(|s| s.id == scenario_id) {
                    scenario.changes.push(change);
                }
            }
        }
    }
}

fn case_mut<'a>(journey: &'a mut Journey, case_id: &str) -> Option<&'a mut Case> {
    journey.cases.iter_mut().find(|c| c.id == case_id)
}

/// A score as the history and the graph show it: `+2`, `−1.5` (a true minus sign), `0`.
pub fn format_score(score: f64) -> String {
    let text = if score.fract() == 0.0 {
        format!("{score:.0}")
    } else {
        format!("{score:.1}")
    };
    if score > 0.0 {
        format!("+{text}")
    } else if score < 0.0 {
        text.replacen('-', "−", 1)
    } else {
        "0".to_owned()
    }
}
