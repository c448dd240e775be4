//! What stops a journey from being saved, said the way the editor shows it: "Touchpoint 2 (no
//! name yet): the touchpoint's name is empty", not `touchpoints[1].name`. Saving runs the
//! reader's own validation, so a file that is written is a file that loads.

use crate::model::{Journey, PathSegment, Problem};

/// Every problem that would make the saved file fail to load, in words; empty when the journey
/// can be saved.
pub fn save_problems(journey: &Journey) -> Vec<String> {
    journey
        .validate()
        .iter()
        .map(|problem| problem_in_words(journey, problem))
        .collect()
}

/// One problem of `journey`, named by what it is about ("Case “Noa”") rather than by its path.
pub fn problem_in_words(journey: &Journey, problem: &Problem) -> String {
    let segments = &problem.path.0;
    let list = match segments.first() {
        Some(PathSegment::Field(name)) => *name,
        _ => "",
    };
    let index = match segments.get(1) {
        Some(PathSegment::Index(index)) => Some(*index),
        _ => None,
    };
    let named = |name: &str| {
        if name.trim().is_empty() {
            crate::tr!("edit-save-no-name")
        } else {
            format!("“{name}”")
        }
    };
    let subject = match (list, index) {
        ("touchpoints", Some(i)) => {
            let name = journey.touchpoints.get(i).map_or("", |t| t.name.as_str());
            crate::tr!("edit-save-touchpoint", n = i + 1, name = named(name))
        }
        ("phases", Some(i)) => {
            let name = journey.phases.get(i).map_or("", |p| p.name.as_str());
            crate::tr!("edit-save-phase", n = i + 1, name = named(name))
        }
        ("owners", Some(i)) => {
            let name = journey.owners.get(i).map_or("", |o| o.name.as_str());
            crate::tr!("edit-save-owner", name = named(name))
        }
        ("metrics", Some(i)) => {
            let name = journey.metrics.get(i).map_or("", |m| m.name.as_str());
            crate::tr!("edit-save-metric", name = named(name))
        }
        ("cases", Some(i)) => {
            let name = journey.cases.get(i).map_or("", |c| c.display_name());
            crate::tr!("edit-save-case", name = named(name))
        }
        ("flags", Some(i)) => {
            let at = journey
                .flags
                .get(i)
                .and_then(|f| journey.touchpoint(&f.touchpoint))
                .map_or("", |t| t.name.as_str());
            crate::tr!("edit-save-flag", at = named(at))
        }
        ("scenarios", Some(i)) => {
            let name = journey.scenarios.get(i).map_or("", |s| s.name.as_str());
            crate::tr!("edit-save-scenario", name = named(name))
        }
        ("waves", Some(i)) => {
            let name = journey.waves.get(i).map_or("", |w| w.label.as_str());
            crate::tr!("edit-save-wave", name = named(name))
        }
        _ => crate::tr!("edit-save-journey"),
    };
    // "Subject: problem", the subject's placeables isolated only where the language needs it.
    format!("{}: {}", subject, problem.message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Touchpoint;

    #[test]
    fn problems_name_what_they_are_about() {
        let mut journey = Journey::default();
        assert!(save_problems(&journey).is_empty());
        journey.title = "  ".into();
        journey.touchpoints = vec![
            Touchpoint::new("a", "Arrive", "during"),
            Touchpoint::new("b", "", "during"),
        ];
        assert_eq!(
            save_problems(&journey),
            vec![
                "The journey: the title is empty".to_owned(),
                "Touchpoint 2 (no name yet): the touchpoint's name is empty".to_owned(),
            ]
        );
        let hebrew: Vec<String> =
            crate::i18n::with_language(crate::i18n::Lang::Hebrew, || save_problems(&journey))
                .iter()
                .map(|p| p.replace(['\u{2068}', '\u{2069}'], ""))
                .collect();
        assert_eq!(
            hebrew,
            vec![
                "המסע: הכותרת ריקה".to_owned(),
                "נקודת מגע 2 (עדיין בלי שם): השם של נקודת המגע ריק".to_owned(),
            ]
        );
        // An English subject named in Hebrew reads as before: no isolation marks.
        journey.touchpoints[1].name = "חניה".into();
        journey.touchpoints[1].id = " ".into();
        assert_eq!(
            save_problems(&journey)[1],
            "Touchpoint 2 “חניה”: touchpoint id is empty"
        );
    }
}
