//! Journey → Mermaid `journey` diagram; [`escape_text`] is the one escape for Mermaid text.

use std::collections::HashSet;

use super::preprocess::*;
use super::*;
use crate::model::{Case, Journey, Touchpoint};

/// Which curve (or curves) to write: Mermaid's model has one score per task.
#[derive(Clone, Copy, Debug)]
pub enum MermaidSource<'a> {
    /// One case (index into `journey.cases`): its own scores; it is the only actor.
    Case(usize),
    /// A curve with one score per touchpoint, such as a pattern's mean, shown as one actor
    /// (none when `actor` is empty). Non-finite scores leave the task out.
    Curve { actor: &'a str, scores: &'a [f64] },
    /// Every case: each task's score is the mean of the cases that scored it, rounded, and
    /// those cases are its actors.
    AllCases,
}

/// Writes the journey as a Mermaid `journey` diagram that Mermaid renders and emograph reads
/// back: sections are the phases, tasks the touchpoints, and scores are mapped from the
/// journey's scale onto 1–5, rounded to whole numbers and clamped.
///
/// Characters Mermaid's grammar cannot carry in text (`#`, `:`, `;`, and in actor names `,`
/// and `%`) are written as Mermaid entity codes (`#58;` for `:`), which Mermaid renders as the
/// character itself; line breaks and other control characters become spaces. A touchpoint
/// with no score in the chosen source is left out, with a `%%` comment where it would be.
pub fn to_mermaid(journey: &Journey, source: MermaidSource<'_>) -> String {
    let scale = &journey.scale;
    let to_five = |score: f64| {
        let span = scale.max - scale.min;
        let value = if span > 0.0 {
            1.0 + (score - scale.min) / span * 4.0
        } else {
            3.0
        };
        value.round().clamp(1.0, 5.0) as u8
    };
    let is_no_actor = |case: &Case| case.source == NO_ACTOR_CASE_SOURCE;
    let rows: Vec<Option<(f64, Vec<&str>)>> = journey
        .touchpoints
        .iter()
        .enumerate()
        .map(|(t, tp)| match source {
            MermaidSource::Case(index) => {
                let case = journey.cases.get(index)?;
                let score = case.scores.get(&tp.id).copied().filter(|s| s.is_finite())?;
                let actors = if is_no_actor(case) {
                    Vec::new()
                } else {
                    vec![case.display_name()]
                };
                Some((score, actors))
            }
            MermaidSource::Curve { actor, scores } => {
                let score = scores.get(t).copied().filter(|s| s.is_finite())?;
                let actors = if actor.trim().is_empty() {
                    Vec::new()
                } else {
                    vec![actor]
                };
                Some((score, actors))
            }
            MermaidSource::AllCases => {
                let mut sum = 0.0;
                let mut n = 0usize;
                let mut actors = Vec::new();
                let mut seen = HashSet::new();
                for case in &journey.cases {
                    let Some(score) = case.scores.get(&tp.id).copied().filter(|s| s.is_finite())
                    else {
                        continue;
                    };
                    sum += score;
                    n += 1;
                    if !is_no_actor(case) {
                        let name = case.display_name();
                        if seen.insert(name) {
                            actors.push(name);
                        }
                    }
                }
                (n > 0).then(|| (sum / n as f64, actors))
            }
        })
        .collect();

    let mut out = String::from("journey\n");
    let title = escape_text(journey.title.trim(), &[]);
    if !title.is_empty() {
        out.push_str(&format!("    title {title}\n"));
    }
    let description = journey.description.trim();
    if !description.is_empty() {
        if description.contains('\n') {
            out.push_str("    accDescr {\n");
            for line in description.lines() {
                let line = escape_text(line.trim(), &['}']);
                if !line.is_empty() {
                    out.push_str(&format!("        {line}\n"));
                }
            }
            out.push_str("    }\n");
        } else {
            out.push_str(&format!(
                "    accDescr: {}\n",
                escape_text(description, &[])
            ));
        }
    }

    let phase_indices: std::collections::HashMap<&str, usize> = journey
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .rev()
        .collect();
    let phase_index = |phase_id: &str| phase_indices.get(phase_id).copied();
    let used_phases: HashSet<&str> = journey
        .touchpoints
        .iter()
        .map(|t| t.phase.as_str())
        .collect();
    let used: Vec<bool> = journey
        .phases
        .iter()
        .map(|p| used_phases.contains(p.id.as_str()))
        .collect();
    let mut wrote_section = false;
    let mut current: Option<usize> = None;
    let mut next_unused = 0;
    let section_line = |out: &mut String, index: usize, wrote_section: &mut bool| {
        let Some(phase) = journey.phases.get(index) else {
            return;
        };
        let mut name = escape_text(phase.name.trim(), &[]);
        if name.is_empty() {
            name = escape_text(&phase.id, &[]);
        }
        out.push_str(&format!("    section {name}\n"));
        *wrote_section = true;
    };
    for (tp, row) in journey.touchpoints.iter().zip(&rows) {
        let index = phase_index(&tp.phase);
        if let Some(p) = index
            && index != current
        {
            for q in next_unused..p {
                if !used.get(q).copied().unwrap_or(true) {
                    section_line(&mut out, q, &mut wrote_section);
                }
            }
            let nameless = journey
                .phases
                .get(p)
                .is_some_and(|phase| phase.name.trim().is_empty());
            // Tasks before any `section` belong to upstream's nameless section.
            if !(nameless && !wrote_section && current.is_none()) {
                section_line(&mut out, p, &mut wrote_section);
            }
            next_unused = next_unused.max(p + 1);
            current = Some(p);
        }
        let name = task_name(tp);
        match row {
            Some((score, actors)) => {
                let actors: Vec<String> = actors
                    .iter()
                    .map(|a| escape_text(a.trim(), &[',', '%']))
                    .filter(|a| !a.is_empty())
                    .collect();
                if actors.is_empty() {
                    out.push_str(&format!("      {name}: {}\n", to_five(*score)));
                } else {
                    out.push_str(&format!(
                        "      {name}: {}: {}\n",
                        to_five(*score),
                        actors.join(", ")
                    ));
                }
            }
            // The name is escaped like every other text: `%%{` in it would otherwise open a
            // directive that swallows the rest of the file.
            // In the interface language, but without the marks that isolate the name in a
            // right-to-left message: an export carries no bidi controls.
            None => {
                let comment =
                    crate::tr!("mermaid-left-out", name = escape_text(tp.name.trim(), &[]));
                out.push_str("      %% ");
                out.extend(
                    comment
                        .chars()
                        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}')),
                );
                out.push('\n');
            }
        }
    }
    for q in next_unused..journey.phases.len() {
        if !used.get(q).copied().unwrap_or(true) {
            section_line(&mut out, q, &mut wrote_section);
        }
    }
    out
}

/// A touchpoint's name as a task name: escaped, and with its first letter written as an entity
/// code where Mermaid's lexer would otherwise read a keyword or a comment.
pub(super) fn task_name(touchpoint: &Touchpoint) -> String {
    let mut name = touchpoint.name.trim();
    if name.is_empty() {
        name = touchpoint.id.trim();
    }
    let name = one_line(name);
    let name = name.trim_matches(js_space);
    let lower = name.to_ascii_lowercase();
    let after = |word: &str| lower.strip_prefix(word);
    let keyword = after("journey").is_some_and(|r| !r.chars().next().is_some_and(js_word))
        || after("title").is_some_and(|r| r.chars().next().is_some_and(js_space))
        || after("section").is_some_and(|r| r.chars().next().is_some_and(js_space))
        || after("accdescr").is_some_and(|r| r.trim_start_matches(js_space).starts_with('{'))
        || name.starts_with('%')
        || name.chars().nth(1) == Some('%') && name.chars().nth(2) == Some('%');
    let mut chars = name.chars();
    match chars.next() {
        Some(first) if keyword => {
            format!("#{};{}", u32::from(first), escape_text(chars.as_str(), &[]))
        }
        _ => escape_text(name, &[]),
    }
}

/// Line breaks, tabs and other control characters as spaces, and bidi controls dropped (a
/// journey may not hold them: they reorder what a label shows after them). The reader applies
/// the same rule to what it reads, so import → export → import is stable.
pub(super) fn one_line(text: &str) -> String {
    text.chars()
        .filter(|&c| !crate::model::is_bidi_control(c))
        .map(|c| {
            if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// The one escape for user text in a diagram (title, section, task, actor, description, and the
/// names in `%% left out` comments): `#`, `;`, `:`, a `%` that starts
/// `%%` (a comment or directive to Mermaid) and `extra` as entity codes; `#` always, so no text
/// of the user's reads as an entity code. Line breaks and control characters become spaces.
pub(super) fn escape_text(text: &str, extra: &[char]) -> String {
    let text = one_line(text);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let percent_pair = c == '%' && chars.peek() == Some(&'%');
        if matches!(c, '#' | ';' | ':') || percent_pair || extra.contains(&c) {
            out.push_str(&format!("#{};", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_touchpoint_left_out_is_noted_in_hebrew_without_bidi_marks() {
        let journey = Journey {
            title: "ערב".to_owned(),
            touchpoints: vec![Touchpoint::new("park", "חניה", "during")],
            ..Journey::default()
        };
        let text = crate::i18n::with_language(crate::i18n::Lang::Hebrew, || {
            to_mermaid(&journey, MermaidSource::AllCases)
        });
        assert!(
            text.contains("      %% נקודת המגע \"חניה\" הושמטה: אין לה ציון להצגה\n"),
            "{text}"
        );
        assert!(
            !text.contains(|c| matches!(c, '\u{2066}'..='\u{2069}')),
            "{text:?}"
        );
    }
}
