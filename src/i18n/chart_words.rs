//! The chart's own words in the interface language. The core builds a Scene with English
//! legend entries and subtitles (it has no catalogue: it stays free of the GUI's and the
//! report's concerns); the app and the report put them into the language in force here, phrase
//! by phrase, before drawing. Phrases the table does not know stay as they are (names never
//! change: they are the journey's own).

use crate::analysis::TurningKind;
use crate::chart::{MarkerKind, Scene};
use crate::model::{Action, FlagKind, Status};

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
    // What a marker says on hover: its numbers, its turns, the flag's owner and action.
    for marker in &mut scene.markers {
        if let Some(said) = marker_tooltip(marker.kind, &marker.tooltip) {
            marker.tooltip = said;
        }
    }
}

/// A marker's tooltip as the core wrote it (chart/aggregate.rs, chart/markers.rs), taken
/// apart into what it says. The core's text is also what the CLI and the JSON say, so it stays
/// English there; the app reads it back here and says it again in the catalogue's words.
#[derive(Debug, PartialEq)]
enum Tip<'a> {
    /// "#1 Queue · negative (trough, drop) · mean -2.9 · 40% of cases · score 3.20", in the
    /// patterns overlay behind "Pattern 2: " and with "\nAlso critical here for pattern 3 (#1)".
    Critical {
        pattern: Option<usize>,
        rank: usize,
        touchpoint: &'a str,
        kind: FlagKind,
        turns: Vec<TurningKind>,
        mean: &'a str,
        share: &'a str,
        score: &'a str,
        /// The other patterns critical at the same moment, with their rank there.
        also: Vec<(usize, usize)>,
    },
    /// "Queue: trough, crossing_down · mean -2.1 · Δ -3.0 from the previous touchpoint".
    Turning {
        touchpoint: &'a str,
        turns: Vec<TurningKind>,
        mean: &'a str,
        delta: Option<&'a str>,
    },
    /// "Flag (negative, open): prevent · owner Dana · call back within a day".
    Flag {
        kind: FlagKind,
        status: Status,
        action: Action,
        /// `None` where the core says "no owner".
        owner: Option<&'a str>,
        text: &'a str,
    },
}

fn turns(text: &str) -> Option<Vec<TurningKind>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    text.split(", ")
        .map(|word| TurningKind::ALL.into_iter().find(|k| k.label() == word))
        .collect()
}

fn flag_kind(word: &str) -> Option<FlagKind> {
    [FlagKind::Positive, FlagKind::Negative]
        .into_iter()
        .find(|k| k.label() == word)
}

/// The touchpoint's name is the journey's own and may hold any text (" · ", ": "), so each
/// shape is read from its fixed end inwards and the name is what is left.
fn parse_tip(kind: MarkerKind, text: &str) -> Option<Tip<'_>> {
    match kind {
        MarkerKind::Critical { .. } => parse_critical(text),
        MarkerKind::Flag { .. } => parse_flag(text),
        _ => parse_turning(text),
    }
}

fn parse_critical(text: &str) -> Option<Tip<'_>> {
    let (text, also) = match text.rsplit_once("\nAlso critical here for ") {
        Some((text, list)) => {
            let also = list
                .split(", ")
                .map(|entry| {
                    let (pattern, rank) = entry.strip_prefix("pattern ")?.split_once(" (#")?;
                    Some((pattern.parse().ok()?, rank.strip_suffix(')')?.parse().ok()?))
                })
                .collect::<Option<Vec<_>>>()?;
            (text, also)
        }
        None => (text, Vec::new()),
    };
    let (pattern, text) = match text.strip_prefix("Pattern ") {
        Some(rest) => {
            let (number, rest) = rest.split_once(": ")?;
            (Some(number.parse().ok()?), rest)
        }
        None => (None, text),
    };
    let (rank, rest) = text.strip_prefix('#')?.split_once(' ')?;
    let mut parts = rest.rsplitn(5, " · ");
    let score = parts.next()?.strip_prefix("score ")?;
    let share = parts.next()?.strip_suffix("% of cases")?;
    let mean = parts.next()?.strip_prefix("mean ")?;
    let (kind, turning) = parts.next()?.strip_suffix(')')?.split_once(" (")?;
    let touchpoint = parts.next()?;
    Some(Tip::Critical {
        pattern,
        rank: rank.parse().ok()?,
        touchpoint,
        kind: flag_kind(kind)?,
        turns: turns(turning)?,
        mean,
        share,
        score,
        also,
    })
}

fn parse_turning(text: &str) -> Option<Tip<'_>> {
    let (text, delta) = match text.rsplit_once(" · Δ ") {
        Some((rest, delta)) if delta.ends_with(" from the previous touchpoint") => {
            (rest, delta.strip_suffix(" from the previous touchpoint"))
        }
        _ => (text, None),
    };
    let (head, mean) = text.rsplit_once(" · mean ")?;
    let (touchpoint, turning) = head.rsplit_once(": ")?;
    Some(Tip::Turning {
        touchpoint,
        turns: turns(turning)?,
        mean,
        delta,
    })
}

fn parse_flag(text: &str) -> Option<Tip<'_>> {
    let rest = text.strip_prefix("Flag (")?;
    let (kind, rest) = rest.split_once(", ")?;
    let (status, rest) = rest.split_once("): ")?;
    let (action, rest) = rest.split_once(" · owner ")?;
    // The agreed action's own words follow the owner; an owner whose name holds " · " loses
    // its tail to them (the words are all still said, one label further on).
    let (owner, text) = rest.split_once(" · ").unwrap_or((rest, ""));
    Some(Tip::Flag {
        kind: flag_kind(kind)?,
        status: Status::ALL.into_iter().find(|s| s.label() == status)?,
        action: Action::ALL.into_iter().find(|a| a.label() == action)?,
        owner: (owner != "no owner").then_some(owner),
        text,
    })
}

fn turns_in_words(turns: &[TurningKind]) -> String {
    turns
        .iter()
        .map(|&k| super::core_words::turning_kind(k))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `tip` in the language in force, its numbers as the core printed them.
fn say_tip(tip: &Tip<'_>) -> String {
    match tip {
        Tip::Critical {
            pattern,
            rank,
            touchpoint,
            kind,
            turns,
            mean,
            share,
            score,
            also,
        } => {
            let kind = super::core_words::flag_kind(*kind);
            let mut said = if turns.is_empty() {
                crate::tr!(
                    "chart-tip-critical-plain",
                    rank = *rank,
                    touchpoint = *touchpoint,
                    kind = kind,
                    mean = *mean,
                    share = *share,
                    score = *score
                )
            } else {
                crate::tr!(
                    "chart-tip-critical",
                    rank = *rank,
                    touchpoint = *touchpoint,
                    kind = kind,
                    turns = turns_in_words(turns),
                    mean = *mean,
                    share = *share,
                    score = *score
                )
            };
            if let Some(pattern) = pattern {
                said = crate::tr!("chart-tip-in-pattern", pattern = *pattern, tip = said);
            }
            if !also.is_empty() {
                let patterns: Vec<String> = also
                    .iter()
                    .map(|&(pattern, rank)| {
                        crate::tr!("chart-tip-also-pattern", pattern = pattern, rank = rank)
                    })
                    .collect();
                said.push('\n');
                said.push_str(&crate::tr!(
                    "chart-tip-also",
                    patterns = patterns.join(", ")
                ));
            }
            said
        }
        Tip::Turning {
            touchpoint,
            turns,
            mean,
            delta,
        } => match delta {
            Some(delta) => crate::tr!(
                "chart-tip-turning-delta",
                touchpoint = *touchpoint,
                turns = turns_in_words(turns),
                mean = *mean,
                delta = *delta
            ),
            None => crate::tr!(
                "chart-tip-turning",
                touchpoint = *touchpoint,
                turns = turns_in_words(turns),
                mean = *mean
            ),
        },
        Tip::Flag {
            kind,
            status,
            action,
            owner,
            text,
        } => {
            let owner = match owner {
                Some(owner) => crate::tr!("chart-tip-owner", owner = *owner),
                None => crate::tr!("chart-tip-no-owner"),
            };
            let kind = super::core_words::flag_kind(*kind);
            let status = super::core_words::status(*status);
            let action = super::core_words::action(*action);
            if text.is_empty() {
                crate::tr!(
                    "chart-tip-flag",
                    kind = kind,
                    status = status,
                    action = action,
                    owner = owner
                )
            } else {
                crate::tr!(
                    "chart-tip-flag-text",
                    kind = kind,
                    status = status,
                    action = action,
                    owner = owner,
                    text = *text
                )
            }
        }
    }
}

/// A marker's tooltip in the language in force; a text of a shape not known here stays as the
/// core wrote it (the test over every view's markers keeps the shapes known).
fn marker_tooltip(kind: MarkerKind, tooltip: &str) -> Option<String> {
    parse_tip(kind, tooltip).map(|tip| say_tip(&tip))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Analysis, AnalysisSettings, Dataset};
    use crate::chart::{ChartOptions, Theme, ViewSpec, view_scene};
    use crate::i18n::{Lang, with_language};

    /// `text` without its isolation marks.
    fn plain(text: &str) -> String {
        text.chars()
            .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
            .collect()
    }

    const CRITICAL: MarkerKind = MarkerKind::Critical {
        rank: 1,
        positive: false,
    };

    #[test]
    fn a_critical_points_tooltip_is_read_from_its_ends_so_any_name_fits() {
        let tip = parse_tip(
            CRITICAL,
            "#1 Queue · till: 2 · negative (trough, crossing_down) · mean -2.9 · 40% of cases · score 3.20",
        );
        assert_eq!(
            tip,
            Some(Tip::Critical {
                pattern: None,
                rank: 1,
                touchpoint: "Queue · till: 2",
                kind: FlagKind::Negative,
                turns: vec![TurningKind::Trough, TurningKind::CrossingDown],
                mean: "-2.9",
                share: "40",
                score: "3.20",
                also: Vec::new(),
            })
        );
        let tip = parse_tip(
            CRITICAL,
            "Pattern 2: #3 Film · positive () · mean +3.1 · 75% of cases · score 1.05\nAlso critical here for pattern 3 (#1), pattern 1 (#2)",
        );
        assert_eq!(
            tip,
            Some(Tip::Critical {
                pattern: Some(2),
                rank: 3,
                touchpoint: "Film",
                kind: FlagKind::Positive,
                turns: Vec::new(),
                mean: "+3.1",
                share: "75",
                score: "1.05",
                also: vec![(3, 1), (1, 2)],
            })
        );
    }

    #[test]
    fn turning_points_and_flags_are_read_too() {
        assert_eq!(
            parse_tip(
                MarkerKind::Drop,
                "Parking: drop, crossing_down · mean -1.5 · Δ -3.0 from the previous touchpoint"
            ),
            Some(Tip::Turning {
                touchpoint: "Parking",
                turns: vec![TurningKind::Drop, TurningKind::CrossingDown],
                mean: "-1.5",
                delta: Some("-3.0"),
            })
        );
        assert_eq!(
            parse_tip(MarkerKind::Peak, "Film: peak · mean +4.0"),
            Some(Tip::Turning {
                touchpoint: "Film",
                turns: vec![TurningKind::Peak],
                mean: "+4.0",
                delta: None,
            })
        );
        let flag = MarkerKind::Flag { positive: false };
        assert_eq!(
            parse_tip(
                flag,
                "Flag (negative, in progress): shorten response · owner Dana · call back within a day"
            ),
            Some(Tip::Flag {
                kind: FlagKind::Negative,
                status: Status::InProgress,
                action: Action::ShortenResponse,
                owner: Some("Dana"),
                text: "call back within a day",
            })
        );
        assert_eq!(
            parse_tip(flag, "Flag (positive, open): amplify · owner no owner · "),
            Some(Tip::Flag {
                kind: FlagKind::Positive,
                status: Status::Open,
                action: Action::Amplify,
                owner: None,
                text: "",
            })
        );
        // A shape this file does not know is left alone, not half translated.
        assert_eq!(parse_tip(flag, "Flagged by hand"), None);
        assert_eq!(parse_tip(CRITICAL, "#1 Queue · negative"), None);
    }

    #[test]
    fn hebrew_says_the_numbers_as_the_core_printed_them() {
        let said = with_language(Lang::Hebrew, || {
            marker_tooltip(
                CRITICAL,
                "Pattern 2: #1 Queue · negative (trough) · mean -2.9 · 40% of cases · score 3.20\nAlso critical here for pattern 3 (#2)",
            )
        })
        .unwrap();
        assert_eq!(
            plain(&said),
            "דפוס 2: #1 Queue · שלילי (שפל) · ממוצע -2.9 · 40% מהמקרים · ציון 3.20\nקריטית כאן גם עבור דפוס 3 (#2)"
        );
    }

    fn journeys() -> Vec<crate::model::Journey> {
        [
            include_str!("../../journeys/bank-complaint-he.ron"),
            include_str!("../../journeys/cable-tv-subscription.ron"),
            include_str!("../../journeys/cinema-evening.ron"),
            include_str!("../../journeys/cinema-evening-redesign.ron"),
            include_str!("../../journeys/product-return.ron"),
        ]
        .into_iter()
        .map(|text| crate::io::parse_journey(text, std::path::Path::new("journey.ron")).unwrap())
        .collect()
    }

    /// Every marker of every marked view of the sample journeys, as the core builds it: what
    /// keeps this file's reading in step with the core's writing.
    #[test]
    fn every_marker_of_the_sample_journeys_is_said_in_hebrew() {
        let mut seen = 0;
        let mut kinds = std::collections::BTreeSet::new();
        for journey in journeys() {
            let dataset = Dataset::from_journey(journey.clone());
            let analysis = Analysis::compute(dataset, &AnalysisSettings::default());
            let mut views = vec![ViewSpec::Overall, ViewSpec::Patterns];
            views.extend((1..=analysis.patterns.patterns.len()).map(ViewSpec::Pattern));
            for view in views {
                let theme = Theme::default();
                let options = ChartOptions::default();
                let english =
                    view_scene(&journey, Some(&analysis), &view, &options, &theme).unwrap();
                for marker in &english.markers {
                    seen += 1;
                    let tip = parse_tip(marker.kind, &marker.tooltip);
                    let Some(tip) = tip else {
                        panic!("{view:?}: not read: {:?}", marker.tooltip);
                    };
                    // Read whole: said again in English it is the core's text (the turns'
                    // identifiers in words, a Hebrew name isolated).
                    assert_eq!(
                        plain(&with_language(Lang::English, || say_tip(&tip))),
                        marker.tooltip.replace('_', " "),
                    );
                    kinds.insert(match (marker.kind, marker.tooltip.contains("\nAlso")) {
                        (MarkerKind::Critical { .. }, true) => "critical in many patterns",
                        (MarkerKind::Critical { .. }, false) => "critical",
                        (MarkerKind::Flag { .. }, _) => "flag",
                        _ => "turning",
                    });
                }
                let mut hebrew = english.clone();
                with_language(Lang::Hebrew, || translate_scene(&mut hebrew));
                for marker in &hebrew.markers {
                    for english in [
                        "mean ",
                        "of cases",
                        "score ",
                        "Flag (",
                        "owner",
                        "Pattern ",
                        "Also critical",
                        "previous touchpoint",
                        "negative",
                        "positive",
                    ] {
                        assert!(
                            !marker.tooltip.contains(english),
                            "{view:?}: {english:?} in {:?}",
                            marker.tooltip
                        );
                    }
                }
            }
        }
        assert!(seen > 20, "{seen} markers");
        assert_eq!(
            kinds.len(),
            4,
            "the samples have markers of each shape: {kinds:?}"
        );
    }
}
