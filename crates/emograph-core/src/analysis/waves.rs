//! Waves in time, and the owner's question "did it work?".
//!
//! A wave's **date** is the one the journey lists for it (`Journey::waves`); a wave the journey
//! does not list takes the first date written in its label, `YYYY-MM-DD` or `YYYY-MM` (read as
//! the first of the month), so "after redesign 2027-03" from a CSV's wave column is dated
//! without more ado. The explicit list wins because a label is free text ("2026-11 callers,
//! re-asked 2027-01" names two dates).
//!
//! **Did it work?** For a flag whose action is done, the action's date is the flag's `due`
//! date (when the change went live). The wave before is the latest-dated wave before that date,
//! the wave after the earliest-dated wave on or after it; the flag's touchpoint is compared
//! between them exactly as `emograph compare --by wave --from BEFORE --to AFTER` compares it:
//! the same Welch interval, the same test, and the same Holm correction over every touchpoint
//! compared, so the owner's answer and the Waves section never disagree. Without a date, or
//! without a dated wave on both sides, the answer says so in words.

use super::Dataset;
use super::compare::{CompareParams, TouchpointComparison, compare_groups, group_key};
use crate::model::{Flag, Journey};

/// A wave as the data has it.
#[derive(Clone, Debug, PartialEq)]
pub struct WaveInfo {
    /// As the cases name it (the first spelling met).
    pub label: String,
    /// ISO date, from the journey's list or the label.
    pub date: Option<String>,
    pub cases: usize,
}

/// The waves the cases carry, in date order; undated waves come after the dated ones, in the
/// order the cases first name them.
pub fn waves_in(dataset: &Dataset) -> Vec<WaveInfo> {
    let mut waves: Vec<(String, WaveInfo)> = Vec::new();
    for label in &dataset.waves {
        let key = group_key(label);
        if key.is_empty() {
            continue;
        }
        match waves.iter_mut().find(|(k, _)| *k == key) {
            Some((_, wave)) => wave.cases += 1,
            None => waves.push((
                key,
                WaveInfo {
                    label: label.trim().to_owned(),
                    date: wave_date(&dataset.journey, label),
                    cases: 1,
                },
            )),
        }
    }
    let mut waves: Vec<WaveInfo> = waves.into_iter().map(|(_, w)| w).collect();
    // A stable sort keeps first appearance among equal (and among undated) waves.
    waves.sort_by(|a, b| match (&a.date, &b.date) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    waves
}

/// The date of the wave labelled `label` (see the module docs).
pub fn wave_date(journey: &Journey, label: &str) -> Option<String> {
    let key = group_key(label);
    if let Some(wave) = journey.waves.iter().find(|w| group_key(&w.label) == key) {
        return wave.date.clone();
    }
    date_in_label(label)
}

/// The first `YYYY-MM-DD` or `YYYY-MM` in `text`, as `YYYY-MM-DD`.
pub fn date_in_label(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let digits = |from: usize, n: usize| {
        bytes
            .get(from..from + n)
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    let boundary = |at: usize| bytes.get(at).is_none_or(|b| !b.is_ascii_digit());
    for start in 0..bytes.len() {
        if start > 0 && !boundary(start - 1) {
            continue;
        }
        if !(digits(start, 4) && bytes.get(start + 4) == Some(&b'-') && digits(start + 5, 2)) {
            continue;
        }
        let year_month = text.get(start..start + 7)?;
        let month: u32 = year_month.get(5..7)?.parse().ok()?;
        if !(1..=12).contains(&month) {
            continue;
        }
        if bytes.get(start + 7) == Some(&b'-') && digits(start + 8, 2) && boundary(start + 10) {
            let date = text.get(start..start + 10)?;
            if crate::model::is_iso_date(date) {
                return Some(date.to_owned());
            }
        } else if boundary(start + 7) {
            return Some(format!("{year_month}-01"));
        }
    }
    None
}

/// A survey answered on a few steps (1..5, 0..10): its answers are ordered categories, so
/// Mann–Whitney decides; otherwise Welch. The rule `emograph compare --test auto` applies.
pub fn compare_params_for(journey: &Journey) -> CompareParams {
    let ordinal = journey
        .scale
        .source
        .as_ref()
        .is_some_and(|s| s.min.fract() == 0.0 && s.max.fract() == 0.0 && s.max - s.min <= 10.0);
    CompareParams {
        ordinal,
        ..CompareParams::default()
    }
}

/// The answer to "did it work?" for one done flag.
#[derive(Clone, Debug, PartialEq)]
pub enum DidItWork {
    /// The touchpoint compared between the wave before and the wave after the action's date.
    Compared {
        before: WaveInfo,
        after: WaveInfo,
        comparison: Box<TouchpointComparison>,
        /// Touchpoints in the Holm family.
        tested: usize,
    },
    /// Why there is no comparison, in words.
    NoAnswer(String),
}

/// "Did it work?" for `flag` over `dataset` (see the module docs). `waves` is
/// [`waves_in`]`(dataset)`, passed in so a report asks it once for all flags.
pub fn did_it_work(
    dataset: &Dataset,
    waves: &[WaveInfo],
    flag: &Flag,
    params: &CompareParams,
) -> DidItWork {
    let Some(touchpoint) = dataset.journey.touchpoint_index(&flag.touchpoint) else {
        return DidItWork::NoAnswer("the flag's touchpoint is not in the data".to_owned());
    };
    let Some(date) = flag.due.as_deref() else {
        return DidItWork::NoAnswer(
            "the action has no date (its due date), so no wave falls before or after it".to_owned(),
        );
    };
    if waves.len() < 2 {
        return DidItWork::NoAnswer(format!(
            "the cases come from {} wave(s); a second round of measurement after the action \
             would tell",
            waves.len()
        ));
    }
    let dated = |w: &&WaveInfo| w.date.is_some();
    let before = waves
        .iter()
        .filter(dated)
        .rfind(|w| w.date.as_deref() < Some(date));
    let after = waves
        .iter()
        .filter(dated)
        .find(|w| w.date.as_deref() >= Some(date));
    let (before, after) = match (before, after) {
        (Some(b), Some(a)) => (b, a),
        (None, _) => {
            return DidItWork::NoAnswer(format!(
                "no dated wave was measured before the action ({date})"
            ));
        }
        (_, None) => {
            return DidItWork::NoAnswer(format!(
                "no dated wave was measured after the action ({date}) yet"
            ));
        }
    };
    let comparison = compare_groups(
        &dataset.matrix,
        &dataset.waves,
        &before.label,
        &after.label,
        params,
    );
    match comparison.touchpoints.get(touchpoint) {
        Some(c) => DidItWork::Compared {
            before: before.clone(),
            after: after.clone(),
            comparison: Box::new(c.clone()),
            tested: comparison.tested,
        },
        None => DidItWork::NoAnswer("the touchpoint was not compared".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Verdict;
    use crate::model::{Case, FlagKind, Status, Touchpoint, Wave};

    #[test]
    fn dates_are_read_from_labels_when_the_journey_lists_none() {
        assert_eq!(
            date_in_label("after redesign 2027-03").as_deref(),
            Some("2027-03-01")
        );
        assert_eq!(
            date_in_label("wave 2026-11-20 (pilot)").as_deref(),
            Some("2026-11-20")
        );
        assert_eq!(date_in_label("Q3 2026"), None);
        assert_eq!(date_in_label("12026-11"), None, "five digits are no year");
        assert_eq!(date_in_label("2026-13"), None);
    }

    /// Two waves of 30: the wait is 2.5 better after, the rest alike; a done flag at the wait
    /// dated between them.
    fn journey() -> Journey {
        let mut journey = Journey::default();
        for id in ["book", "wait", "home"] {
            journey.touchpoints.push(Touchpoint::new(id, id, "during"));
        }
        for c in 0..60 {
            let after = c >= 30;
            let mut case = Case::new(&format!("c{c}"), "");
            case.wave = if after { "After" } else { "Before" }.to_owned();
            let noise = f64::from((c % 30) % 6) * 0.3 - 0.75;
            case.scores.insert("book".into(), 1.0 + noise);
            let wait = if after { 0.5 } else { -2.0 };
            case.scores.insert("wait".into(), wait + noise);
            case.scores.insert("home".into(), 1.0 - noise);
            journey.cases.push(case);
        }
        journey.waves = vec![
            Wave {
                label: "after".into(),
                date: Some("2027-03-01".into()),
            },
            Wave {
                label: "before".into(),
                date: Some("2026-11-01".into()),
            },
        ];
        let mut flag = journey.new_flag("wait", FlagKind::Negative, true).unwrap();
        flag.status = Status::Done;
        flag.due = Some("2027-01-15".into());
        journey.flags.push(flag);
        assert!(journey.validate().is_empty(), "{:?}", journey.validate());
        journey
    }

    #[test]
    fn a_done_action_is_judged_between_the_waves_around_its_date() {
        let journey = journey();
        let dataset = Dataset::from_journey(journey.clone());
        let waves = waves_in(&dataset);
        let labels: Vec<&str> = waves.iter().map(|w| w.label.as_str()).collect();
        assert_eq!(labels, ["Before", "After"], "in date order");
        let params = CompareParams::default();
        let DidItWork::Compared {
            before,
            after,
            comparison,
            tested,
        } = did_it_work(&dataset, &waves, &journey.flags[0], &params)
        else {
            panic!("compared")
        };
        assert_eq!(
            (before.label.as_str(), after.label.as_str()),
            ("Before", "After")
        );
        assert_eq!(tested, 3);
        assert_eq!(comparison.verdict, Verdict::Better);
        assert!((comparison.difference - 2.5).abs() < 1e-9);
        let (low, high) = comparison.ci95.unwrap();
        assert!(low < 2.5 && high > 2.5);

        let mut later = journey.flags[0].clone();
        later.due = Some("2027-06-01".into());
        let DidItWork::NoAnswer(why) = did_it_work(&dataset, &waves, &later, &params) else {
            panic!("no wave after")
        };
        assert!(why.contains("after the action (2027-06-01) yet"), "{why}");
        let mut undated = journey.flags[0].clone();
        undated.due = None;
        assert!(matches!(
            did_it_work(&dataset, &waves, &undated, &params),
            DidItWork::NoAnswer(_)
        ));
    }
}
