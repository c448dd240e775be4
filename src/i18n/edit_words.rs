//! The names of edits in the interface language, as the History list, the status bar's
//! "Undid …" and "Redid …" say them. The session core names each edit in English
//! ([`Edit::label`]): that name is also what the journal and the tests of the core read, so it
//! stays English there, and the app names the edit here instead and hands the name to
//! [`crate::session::Document::apply_named`]. English says exactly the core's words (a test
//! holds them together), so nothing changes in an English interface.
//!
//! An edit is named once, when it is made: an edit made in English keeps its English name in
//! the history after the interface turns Hebrew, as the words already on a page stay.

use crate::model::Journey;
use crate::session::{Edit, EditNames, format_score};

/// `edit`'s name in the language in force, its things named as `journey` (before the edit)
/// names them; an id the journey lacks is said as it is, as the core does.
pub fn edit_name(edit: &Edit, journey: &Journey) -> String {
    let names = EditNames(journey);
    let touchpoint = |id: &str| names.touchpoint(id);
    let case = |id: &str| names.case(id);
    let owner = |id: &str| names.owner(id);
    let metric = |id: &str| names.metric(id);
    let flag_at = |id: &str| names.flag_at(id);
    match edit {
        Edit::SetTitle { .. } => crate::tr!("edit-set-title"),
        Edit::SetDescription { .. } => crate::tr!("edit-set-description"),
        Edit::AddPhase { phase } => crate::tr!("edit-add-phase", name = phase.name.as_str()),
        Edit::RenamePhase { .. } => crate::tr!("edit-rename-phase"),
        Edit::AddTouchpoint { touchpoint, .. } => {
            crate::tr!("edit-add-touchpoint", name = touchpoint.name.as_str())
        }
        Edit::UpdateTouchpoint { touchpoint: edited } => {
            let renamed = journey
                .touchpoint(&edited.id)
                .is_some_and(|t| t.name != edited.name);
            if renamed {
                crate::tr!("edit-rename-touchpoint", name = edited.name.as_str())
            } else {
                crate::tr!("edit-touchpoint", name = edited.name.as_str())
            }
        }
        Edit::MoveTouchpoint { touchpoint_id, .. } => {
            crate::tr!("edit-move-touchpoint", name = touchpoint(touchpoint_id))
        }
        Edit::DeleteTouchpoint { touchpoint_id } => {
            crate::tr!("edit-delete-touchpoint", name = touchpoint(touchpoint_id))
        }
        Edit::AddCase { case } => crate::tr!("edit-add-case", name = case.display_name()),
        Edit::PutCase { case: put } => match journey.case(&put.id) {
            Some(_) => crate::tr!("edit-replace-case", name = put.display_name()),
            None => crate::tr!("edit-add-case", name = put.display_name()),
        },
        Edit::DeleteCase { case_id } => crate::tr!("edit-delete-case", name = case(case_id)),
        Edit::SetCaseLabel { case_id, .. }
        | Edit::SetCaseSegment { case_id, .. }
        | Edit::SetCaseSource { case_id, .. } => crate::tr!("edit-case", name = case(case_id)),
        Edit::SetScore {
            case_id,
            touchpoint_id,
            score: Some(score),
        } => crate::tr!(
            "edit-score",
            case = case(case_id),
            at = touchpoint(touchpoint_id),
            score = format_score(*score)
        ),
        Edit::SetScore {
            case_id,
            touchpoint_id,
            score: None,
        } => crate::tr!(
            "edit-clear-score",
            case = case(case_id),
            at = touchpoint(touchpoint_id)
        ),
        Edit::SetNote {
            case_id,
            touchpoint_id,
            ..
        } => crate::tr!(
            "edit-note",
            case = case(case_id),
            at = touchpoint(touchpoint_id)
        ),
        Edit::AddOwner { owner } => crate::tr!("edit-add-owner", name = owner.name.as_str()),
        Edit::UpdateOwner { owner: edited } => crate::tr!("edit-owner", name = owner(&edited.id)),
        Edit::DeleteOwner { owner_id } => crate::tr!("edit-delete-owner", name = owner(owner_id)),
        Edit::AssignTouchpoint {
            touchpoint_id,
            owner_id,
        } => crate::tr!(
            "edit-assign-touchpoint",
            at = touchpoint(touchpoint_id),
            who = owner(owner_id)
        ),
        Edit::AddMetric { metric } => crate::tr!("edit-add-metric", name = metric.name.as_str()),
        Edit::UpdateMetric { metric: edited } => {
            crate::tr!("edit-metric", name = metric(&edited.id))
        }
        Edit::DeleteMetric { metric_id } => {
            crate::tr!("edit-delete-metric", name = metric(metric_id))
        }
        Edit::AddFlag { flag } => crate::tr!(
            "edit-add-flag",
            kind = super::core_words::flag_kind(flag.kind),
            at = touchpoint(&flag.touchpoint)
        ),
        Edit::UpdateFlag { flag } => crate::tr!("edit-flag", at = flag_at(&flag.id)),
        Edit::DeleteFlag { flag_id } => crate::tr!("edit-delete-flag", at = flag_at(flag_id)),
        Edit::NamePattern { name, .. } if name.trim().is_empty() => {
            crate::tr!("edit-unname-pattern")
        }
        Edit::NamePattern { name, .. } => crate::tr!("edit-name-pattern", name = name.trim()),
        Edit::AddScenario { scenario } => {
            crate::tr!("edit-add-scenario", name = scenario.name.as_str())
        }
        Edit::UpdateScenario { scenario } => {
            crate::tr!("edit-scenario", name = scenario.name.as_str())
        }
        Edit::DeleteScenario { scenario_id } => crate::tr!(
            "edit-delete-scenario",
            name = journey
                .scenario(scenario_id)
                .map_or(scenario_id.as_str(), |s| s.name.as_str())
        ),
        Edit::AddChangeFromFlag {
            scenario_id,
            flag_id,
        } => {
            let action = journey.flag(flag_id).map_or_else(
                || crate::tr!("edit-word-change"),
                |f| super::core_words::action(f.action),
            );
            crate::tr!(
                "edit-scenario-change",
                scenario = journey
                    .scenario(scenario_id)
                    .map_or(scenario_id.as_str(), |s| s.name.as_str()),
                action = action,
                at = flag_at(flag_id)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_language};

    fn journey() -> Journey {
        crate::io::parse_journey(
            include_str!("../../journeys/cinema-evening-redesign.ron"),
            std::path::Path::new("journey.ron"),
        )
        .unwrap()
    }

    /// One edit of every kind (and both forms of those the core names two ways), on things
    /// the journey has and, where the core says an id it cannot find, on things it lacks.
    fn every_kind_of_edit(journey: &Journey) -> Vec<Edit> {
        let phase = journey.phases[0].clone();
        let touchpoint = journey.touchpoints[1].clone();
        let case = journey.cases[0].clone();
        let owner = journey.owners[0].clone();
        let metric = journey.metrics[0].clone();
        let flag = journey.flags[0].clone();
        let scenario = journey.scenarios[0].clone();
        let mut renamed = touchpoint.clone();
        renamed.name = "Queue at the till".into();
        let mut new_case = case.clone();
        new_case.id = "new".into();
        vec![
            Edit::SetTitle { title: "T".into() },
            Edit::SetDescription {
                description: "D".into(),
            },
            Edit::AddPhase {
                phase: phase.clone(),
            },
            Edit::RenamePhase {
                phase_id: phase.id.clone(),
                name: "P".into(),
            },
            Edit::AddTouchpoint {
                touchpoint: touchpoint.clone(),
                before: None,
            },
            Edit::UpdateTouchpoint {
                touchpoint: touchpoint.clone(),
            },
            Edit::UpdateTouchpoint {
                touchpoint: renamed,
            },
            Edit::MoveTouchpoint {
                touchpoint_id: touchpoint.id.clone(),
                before: None,
            },
            Edit::DeleteTouchpoint {
                touchpoint_id: "gone".into(),
            },
            Edit::AddCase { case: case.clone() },
            Edit::PutCase { case: case.clone() },
            Edit::PutCase { case: new_case },
            Edit::DeleteCase {
                case_id: case.id.clone(),
            },
            Edit::SetCaseLabel {
                case_id: case.id.clone(),
                label: "L".into(),
            },
            Edit::SetCaseSegment {
                case_id: case.id.clone(),
                segment: String::new(),
            },
            Edit::SetCaseSource {
                case_id: case.id.clone(),
                source: String::new(),
            },
            Edit::SetScore {
                case_id: case.id.clone(),
                touchpoint_id: touchpoint.id.clone(),
                score: Some(-1.5),
            },
            Edit::SetScore {
                case_id: case.id.clone(),
                touchpoint_id: touchpoint.id.clone(),
                score: None,
            },
            Edit::SetNote {
                case_id: case.id.clone(),
                touchpoint_id: touchpoint.id.clone(),
                note: "N".into(),
            },
            Edit::AddOwner {
                owner: owner.clone(),
            },
            Edit::UpdateOwner {
                owner: owner.clone(),
            },
            Edit::DeleteOwner {
                owner_id: owner.id.clone(),
            },
            Edit::AssignTouchpoint {
                touchpoint_id: touchpoint.id.clone(),
                owner_id: owner.id.clone(),
            },
            Edit::AddMetric {
                metric: metric.clone(),
            },
            Edit::UpdateMetric {
                metric: metric.clone(),
            },
            Edit::DeleteMetric {
                metric_id: metric.id.clone(),
            },
            Edit::AddFlag { flag: flag.clone() },
            Edit::UpdateFlag { flag: flag.clone() },
            Edit::DeleteFlag {
                flag_id: flag.id.clone(),
            },
            Edit::NamePattern {
                name: " ".into(),
                members: Vec::new(),
            },
            Edit::NamePattern {
                name: "Frustrated families".into(),
                members: Vec::new(),
            },
            Edit::AddScenario {
                scenario: scenario.clone(),
            },
            Edit::UpdateScenario {
                scenario: scenario.clone(),
            },
            Edit::DeleteScenario {
                scenario_id: scenario.id.clone(),
            },
            Edit::AddChangeFromFlag {
                scenario_id: scenario.id.clone(),
                flag_id: flag.id.clone(),
            },
            Edit::AddChangeFromFlag {
                scenario_id: "gone".into(),
                flag_id: "gone".into(),
            },
        ]
    }

    /// English is the core's own name of every edit, so an English history reads as before.
    #[test]
    fn english_names_every_edit_as_the_core_does() {
        let journey = journey();
        for edit in every_kind_of_edit(&journey) {
            assert_eq!(
                with_language(Lang::English, || edit_name(&edit, &journey)),
                edit.label(&journey),
                "{edit:?}"
            );
        }
    }

    /// Hebrew names every edit in Hebrew, with the journey's names and the score in it.
    #[test]
    fn hebrew_names_every_edit_in_hebrew() {
        let journey = journey();
        for edit in every_kind_of_edit(&journey) {
            let english = edit.label(&journey);
            let hebrew = with_language(Lang::Hebrew, || edit_name(&edit, &journey));
            assert!(
                hebrew.chars().any(crate::model::is_rtl_char),
                "{edit:?}: {hebrew}"
            );
            // The core's first word ("Add", "Edit", "Score") is not in it.
            let first = english.split(' ').next().unwrap();
            assert!(!hebrew.contains(first), "{first:?} in {hebrew}");
        }
        let score = Edit::SetScore {
            case_id: journey.cases[0].id.clone(),
            touchpoint_id: journey.touchpoints[1].id.clone(),
            score: Some(-1.5),
        };
        let said: String = with_language(Lang::Hebrew, || edit_name(&score, &journey))
            .chars()
            .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
            .collect();
        assert_eq!(
            said,
            format!(
                "ציון של {} ב{}: −1.5",
                journey.cases[0].display_name(),
                journey.touchpoints[1].name
            )
        );
    }
}
