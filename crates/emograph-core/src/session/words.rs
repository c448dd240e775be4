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
            "(no name yet)".to_owned()
        } else {
            format!("“{name}”")
        }
    };
    let subject = match (list, index) {
        ("touchpoints", Some(i)) => {
            let name = journey.touchpoints.get(i).map_or("", |t| t.name.as_str());
            format!("Touchpoint {} {}", i + 1, named(name))
        }
        ("phases", Some(i)) => {
            let name = journey.phases.get(i).map_or("", |p| p.name.as_str());
            format!("Phase {} {}", i + 1, named(name))
        }
        ("owners", Some(i)) => {
            let name = journey.owners.get(i).map_or("", |o| o.name.as_str());
            format!("Owner {}", named(name))
        }
        ("metrics", Some(i)) => {
            let name = journey.metrics.get(i).map_or("", |m| m.name.as_str());
            format!("Metric {}", named(name))
        }
        ("cases", Some(i)) => {
            let name = journey.cases.get(i).map_or("", |c| c.display_name());
            format!("Case {}", named(name))
        }
        ("flags", Some(i)) => {
            let at = journey
                .flags
                .get(i)
                .and_then(|f| journey.touchpoint(&f.touchpoint))
                .map_or("", |t| t.name.as_str());
            format!("The flag at {}", named(at))
        }
        ("scenarios", Some(i)) => {
            let name = journey.scenarios.get(i).map_or("", |s| s.name.as_str());
            format!("Scenario {}", named(name))
        }
        ("waves", Some(i)) => {
            let name = journey.waves.get(i).map_or("", |w| w.label.as_str());
            format!("Wave {}", named(name))
        }
        _ => "The journey".to_owned(),
    };
    format!("{subject}: {}", problem.message)
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
    }
}
