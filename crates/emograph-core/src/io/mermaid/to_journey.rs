//! A parsed diagram → a journey: emograph's own checks (scores 1–5, names) and the mapping.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use super::super::LoadError;
use super::preprocess::*;
use super::write::one_line;
use super::*;
use crate::model::{Case, FORMAT_VERSION, Journey, Phase, Scale, Touchpoint, limits};

/// Applies emograph's checks to a parsed diagram and builds the journey.
pub fn diagram_to_journey(diagram: &MermaidDiagram, path: &Path) -> Result<Journey, LoadError> {
    let fail = |position: (usize, usize), message: String| {
        LoadError::single(path, Some(position), message)
    };
    if let [first, .., last] = diagram.titles.as_slice() {
        return Err(fail(
            last.position,
            crate::tr!("mermaid-second-title", line = first.position.0),
        ));
    }
    let max = limits::MAX_TEXT_CHARS;

    let scale = Scale {
        source: Some(MERMAID_SCALE),
        ..Scale::default()
    };
    let mut journey = Journey {
        version: FORMAT_VERSION,
        title: String::new(),
        scale,
        phases: Vec::new(),
        ..Journey::default()
    };
    // Control characters as spaces, as the export writes them (so import → export → import is
    // stable; found by fuzzing), then trimmed of both JavaScript's white space and Rust's (which
    // the journey's validation uses).
    let trim = |s: &str| {
        one_line(s)
            .trim_matches(|c: char| js_space(c) || c.is_whitespace())
            .to_owned()
    };
    journey.title = diagram
        .title()
        .map(trim)
        .filter(|t| !t.is_empty())
        .or_else(|| {
            diagram
                .acc_title
                .as_deref()
                .map(trim)
                .filter(|t| !t.is_empty())
        })
        .or_else(|| {
            path.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .filter(|s| !s.trim().is_empty())
        })
        .unwrap_or_else(|| "Untitled journey".to_owned());
    if journey.title.chars().count() > limits::MAX_TEXT_CHARS {
        let position = diagram.titles.last().map_or((1, 1), |t| t.position);
        return Err(fail(
            position,
            crate::tr!("mermaid-title-too-long", max = max),
        ));
    }
    // The description keeps its line breaks (a multi-line `accDescr { … }`).
    journey.description = diagram
        .acc_descr
        .as_deref()
        .map(|d| {
            // Without empty lines, as the export writes it (so the round trip is stable).
            let lines: Vec<String> = d.lines().map(trim).filter(|l| !l.is_empty()).collect();
            lines.join("\n").trim().to_owned()
        })
        .unwrap_or_default();
    if journey.description.chars().count() > limits::MAX_TEXT_CHARS {
        return Err(LoadError::single(
            path,
            None,
            crate::tr!("mermaid-description-too-long", max = max),
        ));
    }

    // Phases: one per section, plus a nameless one first when tasks come before any section.
    let mut phase_ids: IdMaker = IdMaker::default();
    let fresh = |name: &str, fallback: &str, ids: &mut IdMaker| ids.fresh(&slug(name, fallback));
    let mut no_section_phase = None;
    if diagram.tasks.iter().any(|t| t.section.is_none()) {
        let id = fresh("", "section", &mut phase_ids);
        journey.phases.push(Phase::new(&id, ""));
        no_section_phase = Some(id);
    }
    let mut section_phase = Vec::with_capacity(diagram.sections.len());
    if let Some(section) = diagram.sections.get(limits::MAX_TOUCHPOINTS) {
        return Err(fail(
            section.position,
            crate::tr!("mermaid-too-many-sections", max = limits::MAX_TOUCHPOINTS),
        ));
    }
    for section in &diagram.sections {
        let name = trim(&section.text);
        if name.chars().count() > limits::MAX_TEXT_CHARS {
            return Err(fail(
                section.position,
                crate::tr!("mermaid-section-too-long", max = max),
            ));
        }
        let id = fresh(&name, "section", &mut phase_ids);
        journey.phases.push(Phase::new(&id, &name));
        section_phase.push(id);
    }

    // Touchpoints, and every task's score by actor.
    let mut touchpoint_ids: IdMaker = IdMaker::default();
    let mut scores_by_actor: BTreeMap<String, BTreeMap<String, f64>> = BTreeMap::new();
    let mut no_actor_scores: BTreeMap<String, f64> = BTreeMap::new();
    for (index, task) in diagram.tasks.iter().enumerate() {
        if index >= limits::MAX_TOUCHPOINTS {
            return Err(fail(
                task.name.position,
                crate::tr!("mermaid-too-many-tasks", max = limits::MAX_TOUCHPOINTS),
            ));
        }
        let name = trim(&task.name.text);
        // A name of control characters only would be written back as blanks, which no Mermaid
        // reader takes: refuse it here, where it can be located (found by fuzzing).
        if name.is_empty() {
            return Err(fail(task.name.position, crate::tr!("mermaid-task-no-name")));
        }
        if name.chars().count() > limits::MAX_TEXT_CHARS {
            return Err(fail(
                task.name.position,
                crate::tr!("mermaid-task-too-long", max = max),
            ));
        }
        let score = check_score(task).map_err(|m| fail(task.score_text.position, m))?;
        if let Some(position) = task.extra_field {
            return Err(fail(
                position,
                crate::tr!(
                    "mermaid-extra-field",
                    name = name.as_str(),
                    score = task.score_text.text.as_str()
                ),
            ));
        }
        if let Some(actor) = &task.glued_comment {
            return Err(fail(
                task.people_position.unwrap_or(task.name.position),
                crate::tr!("mermaid-glued-comment", actor = actor.as_str()),
            ));
        }
        if task
            .people
            .iter()
            .any(|a| a.chars().count() > limits::MAX_TEXT_CHARS)
        {
            return Err(fail(
                task.people_position.unwrap_or(task.name.position),
                crate::tr!("mermaid-actor-too-long", max = max),
            ));
        }
        let phase = match task.section {
            Some(s) => section_phase.get(s).cloned(),
            None => no_section_phase.clone(),
        }
        .unwrap_or_default();
        let touchpoint_id = fresh(&name, "task", &mut touchpoint_ids);
        journey
            .touchpoints
            .push(Touchpoint::new(&touchpoint_id, &name, &phase));
        let canonical = MERMAID_SCALE.map_onto(score, &journey.scale);
        // An empty actor (`Sign up: 5:` gives upstream `[""]`) is no actor.
        let actors: Vec<String> = task
            .people
            .iter()
            .map(|a| trim(a))
            .filter(|a| !a.is_empty())
            .collect();
        if actors.is_empty() {
            no_actor_scores.insert(touchpoint_id, canonical);
        } else {
            for actor in actors {
                scores_by_actor
                    .entry(actor)
                    .or_default()
                    .insert(touchpoint_id.clone(), canonical);
            }
        }
    }

    // Cases: the no-actor case first, then actors in upstream's legend order.
    let mut case_ids: IdMaker = IdMaker::default();
    if !no_actor_scores.is_empty() {
        let id = fresh(NO_ACTOR_CASE_LABEL, "case", &mut case_ids);
        let mut case = Case::new(&id, NO_ACTOR_CASE_LABEL);
        case.source = NO_ACTOR_CASE_SOURCE.to_owned();
        case.scores = no_actor_scores;
        journey.cases.push(case);
    }
    let mut actors: Vec<(String, BTreeMap<String, f64>)> = scores_by_actor.into_iter().collect();
    actors.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
    if actors.len() > limits::MAX_CASES {
        return Err(LoadError::single(
            path,
            None,
            crate::tr!("mermaid-too-many-actors", max = limits::MAX_CASES),
        ));
    }
    for (actor, scores) in actors {
        let id = fresh(&actor, "actor", &mut case_ids);
        let mut case = Case::new(&id, &actor);
        case.scores = scores;
        journey.cases.push(case);
    }

    // A last safety net: whatever slipped through is still reported, not loaded.
    let problems = journey.validate();
    if !problems.is_empty() {
        return Err(LoadError {
            diagnostics: problems
                .into_iter()
                .map(|p| super::super::Diagnostic {
                    file: path.to_owned(),
                    position: None,
                    message: p.to_string(),
                })
                .collect(),
        });
    }
    Ok(journey)
}

/// Mermaid takes any `Number()`; emograph takes a plain number from 1 to 5.
pub(super) fn check_score(task: &MermaidTask) -> Result<f64, String> {
    let name = task.name.text.trim_matches(js_space);
    let text = task.score_text.text.as_str();
    if text.is_empty() {
        return Err(crate::tr!("mermaid-score-empty", name = name));
    }
    match task.score {
        None => Err(crate::tr!(
            "mermaid-score-not-a-number",
            score = text,
            name = name
        )),
        Some(score) if !(MERMAID_SCALE.min..=MERMAID_SCALE.max).contains(&score) => Err(
            crate::tr!("mermaid-score-outside", score = text, name = name),
        ),
        Some(score) => Ok(score),
    }
}

/// Unique ids from readable bases: the second "Same" section is `same-2`. Remembers the next
/// suffix per base, so a thousand tasks called "Call" cost no more than a thousand lookups.
#[derive(Default)]
pub(super) struct IdMaker {
    taken: HashSet<String>,
    next_suffix: std::collections::HashMap<String, usize>,
}

impl IdMaker {
    fn fresh(&mut self, base: &str) -> String {
        if self.taken.insert(base.to_owned()) {
            return base.to_owned();
        }
        let next = self.next_suffix.entry(base.to_owned()).or_insert(2);
        loop {
            let id = format!("{base}-{next}");
            *next += 1;
            if self.taken.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// A readable id: lower case letters and digits of any script, other runs become `-`.
pub(super) fn slug(name: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        fallback.to_owned()
    } else {
        out.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_letters_of_any_script() {
        assert_eq!(slug("Check-in at the desk!", "x"), "check-in-at-the-desk");
        assert_eq!(slug("מילוי טופס", "x"), "מילוי-טופס");
        assert_eq!(slug("?!", "task"), "task");
    }

    /// The one message `text` is refused with, in Hebrew: position and words.
    fn refused_in_hebrew(text: &str) -> ((usize, usize), String) {
        let error = crate::i18n::with_language(crate::i18n::Lang::Hebrew, || {
            parse_mermaid(text, Path::new("d.mmd"))
        })
        .unwrap_err();
        let [diagnostic] = error.diagnostics.as_slice() else {
            panic!("one diagnostic expected: {error}");
        };
        (
            diagnostic.position.unwrap_or((0, 0)),
            crate::io::without_marks(&diagnostic.message),
        )
    }

    fn no_english(message: &str) {
        let left = crate::io::english_words(message, &[]);
        assert!(left.is_empty(), "{left:?} in {message}");
    }

    #[test]
    fn a_refused_diagram_is_explained_in_hebrew() {
        let (at, message) = refused_in_hebrew("journey\nsection S\n  Pay: 6: Me\n");
        assert_eq!(at, (3, 8));
        assert!(message.contains("הציון 6 של המשימה"), "{message}");
        assert!(
            message.contains("Pay") && message.contains("מחוץ לטווח"),
            "{message}"
        );
        no_english(&message);

        let (at, message) = refused_in_hebrew("journey\nsection S\n  Pay: high\n");
        assert_eq!(at, (3, 8));
        assert!(message.contains("\"high\""), "{message}");
        assert!(message.contains("אינו מספר"), "{message}");
        no_english(&message);

        let (at, message) = refused_in_hebrew("journey\ntitle A\nsection S\ntitle B\n");
        assert_eq!(at, (4, 7));
        assert!(message.contains("הראשון בשורה 2"), "{message}");
        no_english(&message);

        let (at, message) = refused_in_hebrew("journey\n  Pay: 4: Me: extra\n");
        assert_eq!(at, (2, 13));
        assert!(message.contains("שדה `:` שלישי"), "{message}");
        no_english(&message);

        let sections: String = (0..=limits::MAX_TOUCHPOINTS)
            .map(|i| format!("section s{i}\n"))
            .collect();
        let (at, message) = refused_in_hebrew(&format!("journey\n{sections}"));
        assert_eq!(at.0, limits::MAX_TOUCHPOINTS + 2);
        assert!(message.contains("יותר מ־1000 מקטעים"), "{message}");
        no_english(&message);
    }
}
