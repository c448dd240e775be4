//! The chart's own words in the interface language. The core builds a Scene with English
//! legend entries and subtitles (it has no catalogue: it stays free of the GUI's and the
//! report's concerns); the app and the report put them into the language in force here, phrase
//! by phrase, before drawing. Phrases the table does not know stay as they are (names never
//! change: they are the journey's own).

use crate::chart::Scene;

/// The core's fixed phrases and their catalogue keys.
const PHRASES: &[(&str, &str)] = &[
    ("Mean", "chart-word-mean"),
    ("Middle half of the cases (q1–q3)", "chart-word-middle-half"),
    ("Middle half of all cases", "chart-word-middle-half-all"),
    (
        "Middle half of the pattern (q1–q3)",
        "chart-word-middle-half-pattern",
    ),
    ("Member cases", "chart-word-member-cases"),
    ("critical point (negative)", "chart-word-critical-negative"),
    ("critical point (positive)", "chart-word-critical-positive"),
    ("critical point", "chart-word-critical"),
    ("peak", "chart-word-peak"),
    ("trough", "chart-word-trough"),
    ("crosses into positive", "chart-word-crosses-positive"),
    ("crosses into negative", "chart-word-crosses-negative"),
    ("steep drop", "chart-word-steep-drop"),
    ("steep rise", "chart-word-steep-rise"),
    ("flag", "chart-word-flag"),
    ("Overall", "view-overall"),
    ("Overall mean", "chart-word-overall-mean"),
    ("mean and quartile band", "chart-word-mean-band"),
];

/// `phrase` in the language in force, if it is one of the core's.
fn phrase(text: &str) -> Option<String> {
    if let Some((_, key)) = PHRASES.iter().find(|(english, _)| *english == text) {
        return Some(super::message(key, &[]));
    }
    // "Pattern 2"
    if let Some(n) = text
        .strip_prefix("Pattern ")
        .and_then(|n| n.parse::<usize>().ok())
    {
        return Some(crate::tr!("chart-word-pattern", n = n));
    }
    // "3 typical patterns of 18 cases"
    if let Some((k, rest)) = text.split_once(" typical pattern")
        && let Ok(k) = k.parse::<usize>()
        && let Some(cases) = rest.split_once(" of ").and_then(|(_, c)| c.split_once(' '))
        && let Ok(cases) = cases.0.parse::<usize>()
    {
        return Some(crate::tr!("chart-word-patterns-of", k = k, cases = cases));
    }
    // "18 cases", "1 case"
    let (number, word) = text.split_once(' ')?;
    let n: usize = number.parse().ok()?;
    matches!(word, "cases" | "case").then(|| crate::tr!("cases-count", n = n))
}

/// A text of parts joined by " · " with each part the core's put into the language in force.
fn parts(text: &str) -> String {
    text.split(" · ")
        .map(|part| phrase(part).unwrap_or_else(|| part.to_owned()))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The subtitle and the legend of `scene` in the language in force; nothing changes in English.
pub fn translate_scene(scene: &mut Scene) {
    if super::language() == super::Lang::English {
        return;
    }
    scene.subtitle = parts(&scene.subtitle);
    for entry in &mut scene.legend {
        entry.label = parts(&entry.label);
    }
    // The curves' own names, which their tooltips and screen-reader nodes say ("Mean").
    for curve in &mut scene.curves {
        curve.label = parts(&curve.label);
    }
    // The badges beside the critical points: the word before the target, and the owner the
    // core names when there is none (a real owner's name stays as the journey has it).
    for badge in scene.markers.iter_mut().filter_map(|m| m.badge.as_mut()) {
        if badge.owner == "no owner" {
            badge.owner = crate::tr!("chart-word-no-owner");
        }
        if let Some(metric) = &mut badge.metric {
            metric.target_word = crate::tr!("chart-word-target");
        }
    }
}
