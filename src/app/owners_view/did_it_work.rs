//! "Did it work?" under a done action in the owner view: the flag's touchpoint in the wave before
//! the action's date against the wave after it — the same test and Holm family as the report's
//! owner section and `emograph compare`, so the three never disagree — and each linked metric's
//! dated values against its target.

use std::sync::Arc;

use crate::analysis::compare::Verdict;
use crate::analysis::waves::{DidItWork, compare_params_for, did_it_work, waves_in};
use crate::app::{EmographApp, bidi};
use crate::export::report_redesign::{verdict_text, wave_name};
use crate::model::{Flag, Journey, Metric, Status};
use egui::RichText;

/// What the cached answer was computed from: the analysis, the flag's touchpoint and date.
type CacheKey = (usize, String, Option<String>);
/// The answer in words, and its verdict for the colour.
type Answer = (String, Option<Verdict>);

/// The answer's line (and the metrics' lines) for a done flag; nothing for one still open.
pub(super) fn did_it_work_ui(app: &EmographApp, ui: &mut egui::Ui, journey: &Journey, flag: &Flag) {
    if flag.status != Status::Done {
        return;
    }
    if let Some(result) = app.analysis.current() {
        // Once per analysis and flag, not per frame: the comparison tests every touchpoint, and
        // Mann–Whitney sorts their scores.
        let key = (
            Arc::as_ptr(result) as usize,
            flag.touchpoint.clone(),
            flag.due.clone(),
        );
        let id = ui.scope_id().with(("did_it_work", &flag.id));
        let cached: Option<(CacheKey, Answer)> = ui.data(|d| d.get_temp(id));
        let (text, verdict) = match cached {
            Some((at, answer)) if at == key => answer,
            _ => {
                let dataset = &result.dataset;
                let waves = waves_in(dataset);
                let params = compare_params_for(&dataset.journey);
                let answer = answer_words(&did_it_work(dataset, &waves, flag, &params));
                ui.data_mut(|d| d.insert_temp(id, (key, answer.clone())));
                answer
            }
        };
        let theme = crate::chart::Theme::light();
        let mut line = RichText::new(format!(
            "    {}",
            crate::tr!("did-it-work", answer = text.as_str())
        ));
        line = match verdict {
            Some(Verdict::Better) => line.color(crate::app::graph::color(theme.peak)).strong(),
            Some(Verdict::Worse) => line
                .color(crate::app::graph::color(theme.critical))
                .strong(),
            _ => line.weak(),
        };
        bidi::label(ui, line);
    }
    for metric in flag.metrics.iter().filter_map(|id| journey.metric(id)) {
        if let Some(values) = history_words(metric) {
            bidi::label(ui, RichText::new(format!("    {values}")).weak());
        }
    }
}

/// "baseline 2026-11 → after redesign 2027-03: better +2.87 (+2.51 … +3.23)", or why there is
/// no answer yet, in words; with the verdict for the line's colour.
fn answer_words(answer: &DidItWork) -> Answer {
    match answer {
        DidItWork::Compared {
            before,
            after,
            comparison,
            ..
        } => {
            let interval = comparison.ci95.map_or_else(String::new, |(low, high)| {
                format!(" ({low:+.2} … {high:+.2})")
            });
            let verdict = verdict_text(&comparison.verdict);
            (
                format!(
                    "{} → {}: {verdict} {:+.2}{interval}",
                    wave_name(before),
                    wave_name(after),
                    comparison.difference
                ),
                Some(comparison.verdict.clone()),
            )
        }
        DidItWork::NoAnswer(why) => (
            crate::tr!("did-it-work-no-answer", why = why.to_string()),
            None,
        ),
    }
}

/// "Car park entry to lobby: 15 (2026-11-05) → 6.5 min (2027-03-10), target 6": a metric's first
/// and newest dated values, when it has more than one.
fn history_words(metric: &Metric) -> Option<String> {
    if metric.history.len() < 2 {
        return None;
    }
    // By date, not by the order they were typed in (of equal dates the later entry is newer).
    let by_date = |(i, a): &(usize, &crate::model::MetricValue),
                   (j, b): &(usize, &crate::model::MetricValue)| {
        a.date.cmp(&b.date).then(i.cmp(j))
    };
    let first = metric.history.iter().enumerate().min_by(by_date)?.1;
    let last = metric.history.iter().enumerate().max_by(by_date)?.1;
    let number = crate::export::report::trim_number;
    let unit = if metric.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", metric.unit)
    };
    let target = metric.target.map_or_else(String::new, |t| {
        format!(", {}", crate::tr!("report-target", value = number(t)))
    });
    Some(format!(
        "{}: {} ({}) → {}{unit} ({}){target}",
        bidi::isolate(&metric.name),
        number(first.value),
        first.date,
        number(last.value),
        last.date
    ))
}
