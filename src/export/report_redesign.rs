//! The report's redesign loop: the to-be scenarios (before/after per pattern and overall, the
//! to-be curve dashed over the as-is), the waves compared touchpoint by touchpoint, and the
//! owner's "did it work?" next to each metric's dated values.

use std::fmt::Write as _;

use super::ExportError;
use super::report::{chart, esc, open_section, touchpoint_name, trim_number};
use crate::analysis::compare::{Comparison, TouchpointComparison, Verdict, compare_groups};
use crate::analysis::critical::Scope;
use crate::analysis::waves::compare_params_for;
use crate::analysis::{Analysis, Dataset, DidItWork, WaveInfo, did_it_work, scenario_outcome};
use crate::chart::{ChartOptions, Theme, ViewSpec};
use crate::i18n::core_words;
use crate::model::{Better, ChangeKind, Flag, Metric, Status};

/// Section 5: every scenario with its changes, its before/after per scope and its chart.
pub fn scenarios_section(
    html: &mut String,
    analysis: &Analysis,
    theme: &Theme,
) -> Result<(), ExportError> {
    open_section(html, 5);
    let dataset = &analysis.dataset;
    let journey = &dataset.journey;
    if journey.scenarios.is_empty() {
        let _ = writeln!(
            html,
            "<p class=\"empty\">{}</p>\n</section>",
            esc(&crate::tr!("report-scenarios-none"))
        );
        return Ok(());
    }
    // The catalogue's sentence marks its terms with <em>: it is the program's own text.
    let _ = writeln!(html, "<p>{}</p>", crate::tr!("report-scenarios-intro"));
    for scenario in &journey.scenarios {
        let outcome = scenario_outcome(analysis, scenario);
        let _ = writeln!(
            html,
            "<article class=\"scenario\">\n<h3>{}</h3>",
            esc(&scenario.name)
        );
        html.push_str(&format!(
            "<table>\n{}\n<tbody>\n",
            super::report::header_row(&[
                "report-th-touchpoint",
                "report-th-change",
                "report-th-from-action",
                "report-th-cases-changed",
                "report-th-critical-before",
                "report-th-critical-after"
            ])
        ));
        for change in &outcome.changes {
            let flag = change.from_flag.as_deref().and_then(|id| journey.flag(id));
            let agreed = flag.map_or_else(String::new, |f| {
                let text = if f.action_text.is_empty() {
                    core_words::action(f.action)
                } else {
                    f.action_text.clone()
                };
                format!("{} ({})", esc(&text), esc(&core_words::status(f.status)))
            });
            let mut what = esc(&change_words(&change.kind)).to_string();
            if let Some(note) = &change.note {
                let _ = write!(what, " — {}", esc(note));
            }
            let _ = writeln!(
                html,
                "<tr><td>{}</td><td>{what}</td><td>{agreed}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
                esc(&change
                    .touchpoint
                    .map_or_else(|| "?".to_owned(), |t| touchpoint_name(journey, t))),
                change.cases_changed,
                scopes_words(&change.critical_before),
                scopes_words(&change.critical_after),
            );
        }
        html.push_str("</tbody>\n</table>\n");
        html.push_str(&format!(
            "<table>\n<thead><tr><th></th>{}</tr></thead>\n<tbody>\n",
            super::report::header_cells(&[
                "report-th-cases",
                "report-th-mean",
                "report-th-to-be",
                "report-th-remembered",
                "report-th-to-be",
                "report-th-ending-angry",
                "report-th-to-be"
            ])
        ));
        for scope in &outcome.scopes {
            let _ = writeln!(
                html,
                "<tr><td class=\"scope\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                 <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                 <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                scope_words(scope.scope),
                scope.cases,
                signed(scope.mean_before),
                signed(scope.mean_after),
                signed(scope.remembered_before),
                signed(scope.remembered_after),
                percent(scope.angry_end_before),
                percent(scope.angry_end_after),
            );
        }
        html.push_str("</tbody>\n</table>\n");
        let options = ChartOptions {
            scenario: Some(scenario.id.clone()),
            ..ChartOptions::default()
        };
        chart(html, dataset, analysis, &ViewSpec::Overall, &options, theme)?;
        // Each pattern's own to-be, when there is more than one (the chart's title names it):
        // the changes rarely touch every group of customers alike.
        if analysis.patterns.patterns.len() > 1 {
            for pattern in &analysis.patterns.patterns {
                chart(
                    html,
                    dataset,
                    analysis,
                    &ViewSpec::Pattern(pattern.id),
                    &options,
                    theme,
                )?;
            }
        }
        html.push_str("</article>\n");
    }
    html.push_str("</section>\n");
    Ok(())
}

/// Section 6: one curve per wave, and each wave against the one before it, touchpoint by
/// touchpoint.
pub fn waves_section(
    html: &mut String,
    analysis: &Analysis,
    waves: &[WaveInfo],
    theme: &Theme,
) -> Result<(), ExportError> {
    open_section(html, 6);
    if waves.len() < 2 {
        let _ = writeln!(
            html,
            "<p class=\"empty\">{}</p>\n</section>",
            esc(&crate::tr!("report-waves-too-few", n = waves.len()))
        );
        return Ok(());
    }
    let dataset = &analysis.dataset;
    let params = compare_params_for(&dataset.journey);
    let test = if params.ordinal {
        crate::tr!("report-test-mann-whitney")
    } else {
        crate::tr!("report-test-welch")
    };
    let _ = writeln!(
        html,
        "<p>{}</p>",
        esc(&crate::tr!(
            "report-waves-intro",
            test = test,
            min = params.min_n
        ))
    );
    chart(
        html,
        dataset,
        analysis,
        &ViewSpec::Waves,
        &ChartOptions::default(),
        theme,
    )?;
    for pair in waves.windows(2) {
        let [from, to] = pair else { continue };
        let comparison = compare_groups(
            &dataset.matrix,
            &dataset.waves,
            &from.label,
            &to.label,
            &params,
        );
        let _ = writeln!(
            html,
            "<h3>{} → {}</h3>",
            esc(&wave_name(from)),
            esc(&wave_name(to))
        );
        comparison_table(html, dataset, &comparison);
    }
    html.push_str("</section>\n");
    Ok(())
}

fn comparison_table(html: &mut String, dataset: &Dataset, comparison: &Comparison) {
    html.push_str(&format!(
        "<table>\n{}\n<tbody>\n",
        super::report::header_row(&[
            "report-th-touchpoint",
            "report-th-cases",
            "report-th-mean",
            "report-th-cases",
            "report-th-mean",
            "report-th-difference",
            "report-th-interval",
            "report-th-p-corrected",
            "report-th-verdict"
        ])
    ));
    for c in &comparison.touchpoints {
        let (class, words) = verdict_words(c);
        let _ = writeln!(
            html,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"{class}\">{}</td></tr>",
            esc(&touchpoint_name(&dataset.journey, c.touchpoint)),
            c.from.n,
            signed(c.from.mean),
            c.to.n,
            signed(c.to.mean),
            signed(c.difference),
            interval(c),
            c.p_adjusted.map_or_else(|| "—".to_owned(), p_value),
            esc(&words),
        );
    }
    html.push_str("</tbody>\n</table>\n");
}

/// The owner's "did it work?" for their done actions, with the metrics' values beside.
pub fn did_it_work_table(
    html: &mut String,
    dataset: &Dataset,
    waves: &[WaveInfo],
    flags: &[&Flag],
) {
    let done: Vec<&&Flag> = flags.iter().filter(|f| f.status == Status::Done).collect();
    if done.is_empty() {
        return;
    }
    let journey = &dataset.journey;
    let params = compare_params_for(journey);
    let _ = writeln!(
        html,
        "<h4>{}</h4>\n<p>{}</p>\n<table>\n{}\n<tbody>",
        esc(&crate::tr!("report-did-it-work")),
        esc(&crate::tr!("report-did-it-work-intro")),
        super::report::header_row(&[
            "report-th-touchpoint",
            "report-th-action",
            "report-th-done-by",
            "report-th-waves",
            "report-th-change",
            "report-th-interval",
            "report-th-verdict",
            "report-th-metrics"
        ])
    );
    for flag in done {
        let touchpoint = journey
            .touchpoint(&flag.touchpoint)
            .map_or(flag.touchpoint.as_str(), |t| t.name.as_str());
        let metrics: Vec<String> = flag
            .metrics
            .iter()
            .filter_map(|id| journey.metric(id))
            .map(metric_values)
            .collect();
        let (waves_cell, change, range, class, words) =
            match did_it_work(dataset, waves, flag, &params) {
                DidItWork::Compared {
                    before,
                    after,
                    comparison,
                    ..
                } => {
                    let (class, words) = verdict_words(&comparison);
                    (
                        format!("{} → {}", esc(&wave_name(&before)), esc(&wave_name(&after))),
                        signed(comparison.difference),
                        interval(&comparison),
                        class,
                        words,
                    )
                }
                DidItWork::NoAnswer(why) => (
                    "—".to_owned(),
                    "—".to_owned(),
                    "—".to_owned(),
                    "unclear",
                    crate::tr!("report-no-answer", why = why.to_string()),
                ),
            };
        let _ = writeln!(
            html,
            "<tr class=\"{}\"><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{waves_cell}</td><td class=\"num\">{change}</td>\
             <td class=\"num\">{range}</td><td class=\"{class}\">{}</td><td>{}</td></tr>",
            flag.kind.label(),
            esc(touchpoint),
            esc(&core_words::action(flag.action)),
            esc(flag.due.as_deref().unwrap_or("—")),
            esc(&words),
            metrics.join("<br>"),
        );
    }
    html.push_str("</tbody>\n</table>\n");
}

/// "Car park entry to lobby: 15 → 6.5 min (target 6)".
fn metric_values(metric: &Metric) -> String {
    let unit = if metric.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", esc(&metric.unit))
    };
    let values = match (metric.history.first(), metric.current_value()) {
        (Some(first), Some(now)) if metric.history.len() > 1 => {
            format!(
                "{} ({}) → {}{unit}",
                trim_number(first.value),
                esc(&first.date),
                trim_number(now)
            )
        }
        (_, Some(now)) => format!("{}{unit}", trim_number(now)),
        (_, None) => esc(&crate::tr!("report-no-value-yet")),
    };
    let target = metric.target.map_or_else(String::new, |t| {
        format!(
            " ({})",
            esc(&crate::tr!("report-target", value = trim_number(t)))
        )
    });
    format!("{}: {values}{target}", esc(&metric.name))
}

/// A small line of the metric's dated values against its target (dashed), newest value dotted:
/// green when it meets the target, red when not. "—" with fewer than two values.
pub fn metric_sparkline(metric: &Metric) -> String {
    const W: f64 = 110.0;
    const H: f64 = 34.0;
    const PAD: f64 = 4.0;
    let mut points: Vec<(&str, f64)> = metric
        .history
        .iter()
        .filter(|v| v.value.is_finite())
        .map(|v| (v.date.as_str(), v.value))
        .collect();
    points.sort_by(|a, b| a.0.cmp(b.0));
    if points.len() < 2 {
        return "—".to_owned();
    }
    let target = metric.target.filter(|t| t.is_finite());
    let values = points.iter().map(|p| p.1).chain(target);
    let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let span = if high > low { high - low } else { 1.0 };
    let y = |v: f64| PAD + (high - v) / span * (H - 2.0 * PAD);
    let last_index = (points.len() - 1) as f64;
    let x = |i: usize| PAD + i as f64 / last_index * (W - 2.0 * PAD);
    let line: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{:.1},{:.1}", x(i), y(p.1)))
        .collect();
    let (last_date, last) = points.last().copied().unwrap_or(("", 0.0));
    let met = target.map(|t| match metric.better {
        Better::Higher => last >= t,
        Better::Lower => last <= t,
    });
    let color = match met {
        Some(true) => "#00825a",
        Some(false) => "#c80028",
        None => "#1e1e1e",
    };
    let mut svg = format!(
        "<svg class=\"spark\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" role=\"img\">\
         <title>{}: {} values from {} to {last_date}, last {}{}</title>",
        esc(&metric.name),
        points.len(),
        esc(points.first().map_or("", |p| p.0)),
        trim_number(last),
        target.map_or_else(String::new, |t| format!(", target {}", trim_number(t)))
    );
    if let Some(t) = target {
        let _ = write!(
            svg,
            "<line x1=\"{PAD}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#5a5a5a\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>",
            W - PAD,
            y(t),
            y(t)
        );
    }
    let _ = write!(
        svg,
        "<polyline points=\"{}\" fill=\"none\" stroke=\"#1e1e1e\" stroke-width=\"1.5\"/>\
         <circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"{color}\"/></svg>",
        line.join(" "),
        x(points.len() - 1),
        y(last)
    );
    svg
}

/// A wave by its label, with its date when the label does not already say it: the one way
/// the report and the owners view name a wave.
pub(crate) fn wave_name(wave: &WaveInfo) -> String {
    match &wave.date {
        Some(date) if !wave.label.contains(date.get(..7).unwrap_or(date)) => {
            format!("{} ({date})", wave.label)
        }
        _ => wave.label.clone(),
    }
}

fn verdict_words(c: &TouchpointComparison) -> (&'static str, String) {
    let class = match &c.verdict {
        Verdict::Better => "better",
        Verdict::Worse => "worse",
        Verdict::NotSignificant | Verdict::NoVerdict(_) => "unclear",
    };
    (class, verdict_text(&c.verdict))
}

/// A verdict in words, in the interface language: the one wording the report, the waves view
/// and the owners' "did it work?" share.
pub(crate) fn verdict_text(verdict: &Verdict) -> String {
    match verdict {
        Verdict::Better => crate::tr!("verdict-better"),
        Verdict::Worse => crate::tr!("verdict-worse"),
        Verdict::NotSignificant => crate::tr!("verdict-no-change"),
        Verdict::NoVerdict(why) => crate::tr!("verdict-none", why = why.to_string()),
    }
}

fn interval(c: &TouchpointComparison) -> String {
    c.ci95.map_or_else(
        || "—".to_owned(),
        |(low, high)| format!("{} … {}", signed(low), signed(high)),
    )
}

fn p_value(p: f64) -> String {
    if p < 0.001 {
        "&lt;0.001".to_owned()
    } else {
        format!("{p:.3}")
    }
}

/// "prevent", "shorten the response (keep 50 % of the fall)", "amplify by 0.5".
fn change_words(kind: &ChangeKind) -> String {
    match kind {
        ChangeKind::Prevent => crate::tr!("critical-prevent"),
        ChangeKind::ShortenResponse { factor } => crate::tr!(
            "report-change-shorten",
            keep = format!("{:.0}", factor * 100.0)
        ),
        ChangeKind::Amplify { by } => crate::tr!("report-change-amplify", by = trim_number(*by)),
        ChangeKind::Drawn {
            pattern: Some(p), ..
        } => crate::tr!("report-change-drawn-pattern", id = *p),
        ChangeKind::Drawn { pattern: None, .. } => crate::tr!("report-change-drawn-all"),
    }
}

fn scope_words(scope: Scope) -> String {
    match scope {
        Scope::Overall => crate::tr!("report-scope-overall"),
        Scope::Pattern(id) => crate::tr!("report-scope-pattern", id = id),
    }
}

fn scopes_words(scopes: &[Scope]) -> String {
    if scopes.is_empty() {
        "—".to_owned()
    } else {
        scopes
            .iter()
            .map(|&s| scope_words(s))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// `+0.82`, `−1.40` (a true minus sign), `0.00`: two decimals, since these are means and
/// differences of many cases, not a score someone gave.
fn signed(v: f64) -> String {
    if !v.is_finite() {
        return "—".to_owned();
    }
    let text = format!("{v:+.2}");
    match text.as_str() {
        "+0.00" | "-0.00" => "0.00".to_owned(),
        _ => text.replacen('-', "−", 1),
    }
}

fn percent(v: f64) -> String {
    if v.is_finite() {
        format!("{:.0} %", v * 100.0)
    } else {
        "—".to_owned()
    }
}
