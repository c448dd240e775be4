//! The HTML report: one self-contained file (inline SVG charts, CSS and the bundled font cut
//! down to the characters it shows; no scripts or links to fetch) for the people who were not in the room, that prints cleanly to PDF.

use std::fmt::Write as _;

use super::svg::render_svg_without_font;
use super::{ExportError, ExportSize};
use crate::analysis::{Analysis, CriticalPoint, Dataset, Scope};
use crate::chart::{ChartOptions, Theme, ViewSpec, view_scene};
use crate::model::{Journey, Office};

/// The size charts are drawn at in the report; CSS scales them to the page width.
const CHART_SIZE: ExportSize = ExportSize {
    width: 1000,
    height: 540,
    scale: 1.0,
};

/// The ids of the report's sections, in order: tests and links use them.
pub const SECTIONS: [&str; 9] = [
    "journey",
    "overall",
    "patterns",
    "segments",
    "critical",
    "scenarios",
    "waves",
    "owners",
    "unowned",
];

/// The whole report as one HTML document: the analysis's cases, their charts drawn by the
/// same [`view_scene`] as the app's graph and `emograph export`. It speaks its journey's
/// language (Hebrew for a journey written in Hebrew), unless `--lang` asked for another.
pub fn render_report(analysis: &Analysis) -> Result<String, ExportError> {
    crate::i18n::with_language(report_language(&analysis.dataset.journey), || {
        render_report_in_language(analysis)
    })
}

/// The language a report of `journey` speaks: `--lang`, else the journey's own.
pub fn report_language(journey: &Journey) -> crate::i18n::Lang {
    crate::i18n::forced_language().unwrap_or(if journey.is_rtl() {
        crate::i18n::Lang::Hebrew
    } else {
        crate::i18n::Lang::English
    })
}

/// A table's header row, each heading from the catalogue.
pub(super) fn header_row(keys: &[&str]) -> String {
    format!("<thead><tr>{}</tr></thead>", header_cells(keys))
}

/// `<th>` cells, each heading from the catalogue.
pub(super) fn header_cells(keys: &[&str]) -> String {
    keys.iter()
        .map(|key| format!("<th>{}</th>", esc(&crate::i18n::message(key, &[]))))
        .collect()
}

fn render_report_in_language(analysis: &Analysis) -> Result<String, ExportError> {
    let dataset = &analysis.dataset;
    let journey = &dataset.journey;
    let theme = Theme::light();
    let options = ChartOptions::default();
    let rtl = journey.is_rtl();
    let mut html = String::with_capacity(256 * 1024);
    let lang = crate::i18n::language().code();
    let dir = if rtl { "rtl" } else { "ltr" };
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"emograph {}\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        esc(&journey.title),
    );
    // The font goes in once the page is written: it is cut down to the characters it shows.
    let font_at = html.find("<style>\n").map_or(0, |i| i + "<style>\n".len());

    // Title page: what this is about.
    let _ = write!(html, "<header>\n<h1>{}</h1>\n", esc(&journey.title));
    if !journey.description.trim().is_empty() {
        let _ = writeln!(html, "<p class=\"lead\">{}</p>", esc(&journey.description));
    }
    let _ = writeln!(
        html,
        "<p class=\"meta\">{}</p>",
        esc(&crate::tr!(
            "report-meta",
            cases = dataset.matrix.cases(),
            touchpoints = journey.touchpoints.len(),
            patterns = analysis.patterns.k,
            min = super::score_label(journey.scale.min),
            max = super::score_label(journey.scale.max)
        )),
    );
    html.push_str("<nav><ul>");
    for (index, id) in SECTIONS.iter().enumerate() {
        let _ = write!(
            html,
            "<li><a href=\"#{id}\">{}</a></li>",
            section_name(index)
        );
    }
    html.push_str("</ul></nav>\n</header>\n");

    journey_section(&mut html, journey);

    // The overall graph.
    open_section(&mut html, 1);
    let _ = writeln!(html, "<p>{}</p>", esc(&crate::tr!("report-overall-intro")));
    chart(
        &mut html,
        dataset,
        analysis,
        &ViewSpec::Overall,
        &options,
        &theme,
    )?;
    html.push_str("</section>\n");

    patterns_section(&mut html, dataset, analysis, &options, &theme)?;
    segments_section(&mut html, dataset, analysis, &options, &theme)?;
    critical_section(&mut html, journey, analysis);
    super::report_redesign::scenarios_section(&mut html, analysis, &theme)?;
    let waves = crate::analysis::waves_in(dataset);
    super::report_redesign::waves_section(&mut html, analysis, &waves, &theme)?;
    owners_section(&mut html, journey, analysis, &waves);
    unowned_section(&mut html, journey, analysis);

    let _ = write!(
        html,
        "<footer>{}</footer>\n</body>\n</html>\n",
        esc(&crate::tr!(
            "report-footer",
            version = env!("CARGO_PKG_VERSION"),
            cases = dataset.matrix.cases()
        ))
    );
    let fonts = super::font_face::font_face_css(&super::font_face::UsedChars::of_html(&html));
    html.insert_str(font_at, &fonts);
    Ok(html)
}

/// Section `index`'s heading in the report's language (`report-section-<id>` in the catalogue).
fn section_name(index: usize) -> String {
    let id = SECTIONS.get(index).copied().unwrap_or_default();
    esc(&crate::i18n::message(&format!("report-section-{id}"), &[]))
}

fn journey_section(html: &mut String, journey: &Journey) {
    open_section(html, 0);
    html.push_str(&format!(
        "<table>\n{}\n<tbody>\n",
        header_row(&[
            "report-th-phase",
            "report-th-touchpoint",
            "report-th-channel",
            "report-th-office",
            "report-th-owner"
        ])
    ));
    let mut previous_phase: Option<&str> = None;
    for touchpoint in &journey.touchpoints {
        let phase = if previous_phase == Some(touchpoint.phase.as_str()) {
            String::new()
        } else {
            journey
                .phase(&touchpoint.phase)
                .map_or_else(|| touchpoint.phase.clone(), |p| p.name.clone())
        };
        previous_phase = Some(touchpoint.phase.as_str());
        let office = match touchpoint.office {
            Office::Front => crate::tr!("report-office-front"),
            Office::Back => crate::tr!("report-office-back"),
        };
        let _ = writeln!(
            html,
            "<tr{}><td class=\"phase\">{}</td><td>{}</td><td>{}</td><td>{office}</td><td>{}</td></tr>",
            if phase.is_empty() {
                ""
            } else {
                " class=\"first\""
            },
            esc(&phase),
            esc(&touchpoint.name),
            esc(&touchpoint.channel),
            esc(&owner_name(journey, touchpoint.owner.as_deref())),
        );
    }
    html.push_str("</tbody>\n</table>\n</section>\n");
}

fn patterns_section(
    html: &mut String,
    dataset: &Dataset,
    analysis: &Analysis,
    options: &ChartOptions,
    theme: &Theme,
) -> Result<(), ExportError> {
    open_section(html, 2);
    let patterns = &analysis.patterns.patterns;
    if patterns.is_empty() {
        let _ = writeln!(
            html,
            "<p class=\"empty\">{}</p>\n</section>",
            esc(&crate::tr!("report-no-patterns"))
        );
        return Ok(());
    }
    let _ = writeln!(
        html,
        "<p>{}</p>",
        esc(&crate::tr!("report-patterns-intro", n = patterns.len()))
    );
    chart(html, dataset, analysis, &ViewSpec::Patterns, options, theme)?;
    let names = analysis.pattern_names(&dataset.journey.pattern_names);
    for (index, pattern) in patterns.iter().enumerate() {
        let name = names.get(index).and_then(Option::as_deref);
        let _ = write!(
            html,
            "<article class=\"pattern\">\n<h3>{}</h3>\n",
            esc(&crate::i18n::pattern_entry(pattern, name))
        );
        chart(
            html,
            dataset,
            analysis,
            &ViewSpec::Pattern(index + 1),
            options,
            theme,
        )?;
        let case_id = dataset
            .case_ids
            .get(pattern.medoid)
            .unwrap_or_default()
            .to_owned();
        let case = dataset.journey.case(&case_id);
        let name = case.map_or(case_id.as_str(), |c| c.display_name());
        let _ = write!(
            html,
            "<p><strong>{}</strong> {}",
            esc(&crate::tr!("report-representative")),
            esc(name)
        );
        if let Some(case) = case {
            if name != case.id {
                let _ = write!(html, " ({})", esc(&case.id));
            }
            if !case.segment.is_empty() {
                let _ = write!(
                    html,
                    " · {}",
                    esc(&crate::tr!(
                        "report-segment-of",
                        segment = case.segment.as_str()
                    ))
                );
            }
        }
        html.push_str("</p>\n");
        if let Some(case) = case {
            let notes: Vec<String> = dataset
                .journey
                .touchpoints
                .iter()
                .filter_map(|t| {
                    let note = case.notes.get(&t.id)?;
                    Some(format!(
                        "<li><strong>{}:</strong> {}</li>",
                        esc(&t.name),
                        esc(note)
                    ))
                })
                .collect();
            if !notes.is_empty() {
                let _ = writeln!(html, "<ul class=\"notes\">{}</ul>", notes.join(""));
            }
        }
        if !pattern.segments.is_empty() {
            let mix: Vec<String> = pattern
                .segments
                .iter()
                .map(|(segment, n)| format!("{} {}", esc(segment), n))
                .collect();
            let _ = writeln!(
                html,
                "<p><strong>{}</strong> {}</p>",
                esc(&crate::tr!("report-segments-label")),
                mix.join(" · ")
            );
        }
        html.push_str("</article>\n");
    }
    html.push_str("</section>\n");
    Ok(())
}

fn segments_section(
    html: &mut String,
    dataset: &Dataset,
    analysis: &Analysis,
    options: &ChartOptions,
    theme: &Theme,
) -> Result<(), ExportError> {
    open_section(html, 3);
    let segments = &analysis.segments;
    if !segments.iter().any(|s| !s.segment.is_empty()) {
        let _ = writeln!(
            html,
            "<p class=\"empty\">{}</p>\n</section>",
            esc(&crate::tr!("report-no-segments"))
        );
        return Ok(());
    }
    let _ = writeln!(html, "<p>{}</p>", esc(&crate::tr!("report-segments-intro")));
    chart(html, dataset, analysis, &ViewSpec::Segments, options, theme)?;
    let journey = &dataset.journey;
    let at = |point: Option<(usize, f64)>| {
        point.map_or_else(String::new, |(t, value)| {
            format!(
                "{} ({})",
                esc(&touchpoint_name(journey, t)),
                super::score_label(value)
            )
        })
    };
    html.push_str(&format!(
        "<table>\n{}\n<tbody>\n",
        header_row(&[
            "report-th-segment",
            "report-th-cases",
            "report-th-lowest",
            "report-th-highest",
            "report-th-furthest-below"
        ])
    ));
    for segment in segments {
        let name = if segment.segment.is_empty() {
            esc(&crate::tr!("patterns-no-segment"))
        } else {
            esc(&segment.segment)
        };
        let _ = writeln!(
            html,
            "<tr><td>{name}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            segment.n,
            at(segment.lowest()),
            at(segment.highest()),
            at(segment.furthest_below(&analysis.all_stats, 0.5)),
        );
    }
    html.push_str("</tbody>\n</table>\n</section>\n");
    Ok(())
}

fn critical_section(html: &mut String, journey: &Journey, analysis: &Analysis) {
    open_section(html, 4);
    let _ = writeln!(html, "<p>{}</p>", esc(&crate::tr!("report-critical-intro")));
    if analysis.critical.points.is_empty() {
        let _ = writeln!(
            html,
            "<p class=\"empty\">{}</p>",
            esc(&crate::tr!("report-no-critical"))
        );
    } else {
        critical_table(html, journey, analysis.critical.points.iter(), true);
    }
    if !analysis.critical.prone.is_empty() {
        let _ = writeln!(
            html,
            "<h3>{}</h3>\n<table>\n{}\n<tbody>",
            esc(&crate::tr!("report-prone")),
            header_row(&[
                "report-th-touchpoint",
                "report-th-cases",
                "report-th-mean",
                "report-th-angry",
                "report-th-spread",
                "report-th-why"
            ])
        );
        for prone in &analysis.critical.prone {
            let mut why = Vec::new();
            if prone.angry {
                why.push(crate::tr!("report-many-angry"));
            }
            if prone.inconsistent {
                why.push(crate::tr!("critical-inconsistent"));
            }
            let _ = writeln!(
                html,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{:.0}%</td><td class=\"num\">{:.1}</td><td>{}</td></tr>",
                esc(&touchpoint_name(journey, prone.touchpoint)),
                prone.n,
                super::score_label(prone.mean),
                prone.share_angry * 100.0,
                prone.spread,
                esc(&why.join(", "))
            );
        }
        html.push_str("</tbody>\n</table>\n");
    }
    html.push_str("</section>\n");
}

fn critical_table<'a>(
    html: &mut String,
    journey: &Journey,
    points: impl Iterator<Item = &'a CriticalPoint>,
    with_owner: bool,
) {
    html.push_str(&format!(
        "<table>\n{}",
        header_row(&[
            "report-th-where",
            "report-th-rank",
            "report-th-touchpoint",
            "report-th-direction",
            "report-th-turn",
            "report-th-mean",
            "report-th-change",
            "report-th-cases-showing",
            "report-th-score"
        ])
        .trim_end_matches("</tr></thead>")
    ));
    if with_owner {
        let _ = write!(html, "<th>{}</th>", esc(&crate::tr!("report-th-owner")));
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for point in points {
        let scope = match point.scope {
            Scope::Overall => esc(&crate::tr!("report-scope-overall")),
            Scope::Pattern(id) => esc(&crate::tr!("report-scope-pattern", id = id)),
        };
        let turning: Vec<String> = point
            .turning
            .iter()
            .map(|&k| crate::i18n::core_words::turning_kind(k))
            .collect();
        let _ = write!(
            html,
            "<tr class=\"{}\"><td class=\"scope\">{scope}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{:.0}%</td><td class=\"num\">{:.2}</td>",
            point.kind.label(),
            point.rank,
            esc(&touchpoint_name(journey, point.touchpoint)),
            esc(&crate::i18n::core_words::flag_kind(point.kind)),
            esc(&turning.join(", ")),
            super::score_label(point.value),
            super::score_label(point.delta),
            point.share_of_cases * 100.0,
            point.score
        );
        if with_owner {
            let owner = journey
                .touchpoints
                .get(point.touchpoint)
                .and_then(|t| t.owner.as_deref());
            let _ = write!(html, "<td>{}</td>", esc(&owner_name(journey, owner)));
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table>\n");
}

fn owners_section(
    html: &mut String,
    journey: &Journey,
    analysis: &Analysis,
    waves: &[crate::analysis::WaveInfo],
) {
    open_section(html, 7);
    if journey.owners.is_empty() {
        let _ = writeln!(
            html,
            "<p class=\"empty\">{}</p>",
            esc(&crate::tr!("report-no-owners"))
        );
    }
    for owner in &journey.owners {
        let _ = write!(
            html,
            "<article class=\"owner\">\n<h3>{}</h3>\n",
            esc(&owner.name)
        );
        let mut facts = Vec::new();
        if !owner.role.is_empty() {
            facts.push(esc(&owner.role));
        }
        if !owner.process.is_empty() {
            facts.push(esc(&crate::tr!(
                "report-owns",
                process = owner.process.as_str()
            )));
        }
        let touchpoints: Vec<(usize, &str)> = journey
            .touchpoints
            .iter()
            .enumerate()
            .filter(|(_, t)| t.owner.as_deref() == Some(owner.id.as_str()))
            .map(|(i, t)| (i, t.name.as_str()))
            .collect();
        if !touchpoints.is_empty() {
            let names: Vec<&str> = touchpoints.iter().map(|(_, n)| *n).collect();
            facts.push(esc(&crate::tr!(
                "report-owner-touchpoints",
                names = names.join(", ")
            )));
        }
        if !facts.is_empty() {
            let _ = writeln!(html, "<p>{}</p>", facts.join(" · "));
        }

        let metrics: Vec<_> = journey
            .metrics
            .iter()
            .filter(|m| m.owner.as_deref() == Some(owner.id.as_str()))
            .collect();
        if metrics.is_empty() {
            let _ = writeln!(
                html,
                "<p class=\"empty\">{}</p>",
                esc(&crate::tr!("report-no-metrics"))
            );
        } else {
            let _ = writeln!(
                html,
                "<table>\n{}\n<tbody>",
                header_row(&[
                    "report-th-metric",
                    "report-th-level",
                    "report-th-current",
                    "report-th-target",
                    "report-th-gap",
                    "report-th-on-track",
                    "report-th-history",
                    "report-th-sla"
                ])
            );
            for metric in metrics {
                let value = |v: Option<f64>| {
                    v.map_or_else(
                        || "—".to_owned(),
                        |v| format!("{} {}", trim_number(v), esc(&metric.unit)),
                    )
                };
                let on_track = match metric.on_track() {
                    Some(true) => format!(
                        "<span class=\"ok\">✓ {}</span>",
                        esc(&crate::tr!("report-yes"))
                    ),
                    Some(false) => format!(
                        "<span class=\"bad\">✗ {}</span>",
                        esc(&crate::tr!("report-no"))
                    ),
                    None => "—".to_owned(),
                };
                let _ = writeln!(
                    html,
                    "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{on_track}</td><td>{}</td><td>{}</td></tr>",
                    esc(&metric.name),
                    esc(&crate::i18n::core_words::metric_level(metric.level)),
                    value(metric.current_value()),
                    value(metric.target),
                    value(metric.gap().map(|g| g.max(0.0))),
                    super::report_redesign::metric_sparkline(metric),
                    esc(&metric.sla)
                );
            }
            html.push_str("</tbody>\n</table>\n");
        }

        let critical: Vec<&CriticalPoint> = analysis
            .critical
            .points
            .iter()
            .filter(|p| touchpoints.iter().any(|(i, _)| *i == p.touchpoint))
            .collect();
        if !critical.is_empty() {
            let _ = writeln!(
                html,
                "<h4>{}</h4>",
                esc(&crate::tr!("report-owner-critical"))
            );
            critical_table(html, journey, critical.into_iter(), false);
        }

        let flags: Vec<_> = journey
            .flags
            .iter()
            .filter(|f| f.owner.as_deref() == Some(owner.id.as_str()))
            .collect();
        let _ = writeln!(html, "<h4>{}</h4>", esc(&crate::tr!("report-actions")));
        if flags.is_empty() {
            let _ = writeln!(
                html,
                "<p class=\"empty\">{}</p>",
                esc(&crate::tr!("report-no-actions"))
            );
        } else {
            flags_table(html, journey, &flags);
            super::report_redesign::did_it_work_table(html, &analysis.dataset, waves, &flags);
        }
        html.push_str("</article>\n");
    }
    html.push_str("</section>\n");
}

fn flags_table(html: &mut String, journey: &Journey, flags: &[&crate::model::Flag]) {
    let _ = writeln!(
        html,
        "<table>\n{}\n<tbody>",
        header_row(&[
            "report-th-touchpoint",
            "report-th-kind",
            "report-th-action",
            "report-th-agreed",
            "report-th-metrics",
            "report-th-due",
            "report-th-status"
        ])
    );
    for flag in flags {
        let touchpoint = journey
            .touchpoint(&flag.touchpoint)
            .map_or(flag.touchpoint.as_str(), |t| t.name.as_str());
        let metrics: Vec<String> = flag
            .metrics
            .iter()
            .map(|id| esc(journey.metric(id).map_or(id.as_str(), |m| m.name.as_str())))
            .collect();
        let agreed = if flag.action_text.is_empty() {
            &flag.note
        } else {
            &flag.action_text
        };
        let _ = writeln!(
            html,
            "<tr class=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            flag.kind.label(),
            esc(touchpoint),
            esc(&crate::i18n::core_words::flag_kind(flag.kind)),
            esc(&crate::i18n::core_words::action(flag.action)),
            esc(agreed),
            metrics.join(", "),
            esc(flag.due.as_deref().unwrap_or("—")),
            esc(&crate::i18n::core_words::status(flag.status))
        );
    }
    html.push_str("</tbody>\n</table>\n");
}

fn unowned_section(html: &mut String, journey: &Journey, analysis: &Analysis) {
    open_section(html, 8);
    let _ = writeln!(html, "<p>{}</p>", esc(&crate::tr!("report-unowned-intro")));
    let owned = |touchpoint: usize| {
        journey
            .touchpoints
            .get(touchpoint)
            .and_then(|t| t.owner.as_deref())
            .is_some_and(|id| journey.owner(id).is_some())
    };
    let critical: Vec<&CriticalPoint> = analysis
        .critical
        .points
        .iter()
        .filter(|p| !owned(p.touchpoint))
        .collect();
    let flags: Vec<_> = journey
        .flags
        .iter()
        .filter(|f| {
            f.owner
                .as_deref()
                .is_none_or(|id| journey.owner(id).is_none())
        })
        .collect();
    if critical.is_empty() && flags.is_empty() {
        let _ = writeln!(
            html,
            "<p class=\"empty\">{}</p>",
            esc(&crate::tr!("report-all-owned"))
        );
    }
    if !critical.is_empty() {
        critical_table(html, journey, critical.into_iter(), false);
    }
    if !flags.is_empty() {
        let _ = writeln!(
            html,
            "<h3>{}</h3>",
            esc(&crate::tr!("report-unowned-flags"))
        );
        flags_table(html, journey, &flags);
    }
    html.push_str("</section>\n");
}

pub(super) fn chart(
    html: &mut String,
    dataset: &Dataset,
    analysis: &Analysis,
    view: &ViewSpec,
    options: &ChartOptions,
    theme: &Theme,
) -> Result<(), ExportError> {
    let mut scene = view_scene(&dataset.journey, Some(analysis), view, options, theme)
        .map_err(|e| ExportError::Draw(e.to_string()))?;
    crate::i18n::translate_scene(&mut scene);
    // The report's headings already name the journey: the chart's first line says what it shows.
    let label = format!("{} — {}", scene.title, scene.subtitle);
    scene.title = std::mem::take(&mut scene.subtitle);
    let svg = render_svg_without_font(&scene, &CHART_SIZE, theme)?;
    let _ = write!(
        html,
        "<figure class=\"chart\" aria-label=\"{}\">\n{}</figure>\n",
        esc(&label),
        svg.trim()
    );
    Ok(())
}

fn owner_name(journey: &Journey, owner_id: Option<&str>) -> String {
    match owner_id {
        Some(id) => journey
            .owner(id)
            .map_or_else(|| id.to_owned(), |o| o.name.clone()),
        None => "—".to_owned(),
    }
}

pub(super) fn touchpoint_name(journey: &Journey, index: usize) -> String {
    journey
        .touchpoints
        .get(index)
        .map_or_else(|| format!("#{index}"), |t| t.name.clone())
}

/// `<section id="…"><h2>…</h2>` of section `index`: its id and heading from one table, so the
/// navigation and the sections cannot disagree.
pub(super) fn open_section(html: &mut String, index: usize) {
    let _ = write!(
        html,
        "<section id=\"{}\">\n<h2>{}</h2>\n",
        SECTIONS[index],
        section_name(index)
    );
}

/// A number with at most two decimals and no trailing zeros ("6.5", "14"): the report's and
/// the owners view's one way of writing a metric's value.
pub fn trim_number(v: f64) -> String {
    let text = format!("{v:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

pub(super) fn esc(text: &str) -> String {
    super::escape_xml(text)
}

/// Screen and print styles. Each paragraph takes its own direction from its first strong letter
/// (`unicode-bidi: plaintext`), so English labels and Hebrew names both read right.
const CSS: &str = r#"
:root { --text: #1e1e1e; --weak: #5a5a5a; --rule: #d8d8d8; --bad: #c80028; --ok: #00825a; }
* { box-sizing: border-box; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; color: var(--text);
  max-width: 1040px; margin: 0 auto; padding: 24px; line-height: 1.45; font-size: 15px; }
h1 { font-size: 28px; margin: 0 0 8px; }
h2 { font-size: 22px; border-bottom: 2px solid var(--text); padding-bottom: 4px; margin-top: 40px; }
h3 { font-size: 18px; margin: 28px 0 8px; }
h4 { font-size: 15px; margin: 18px 0 6px; }
p, h1, h2, h3, h4, td, th, li, figcaption { unicode-bidi: plaintext; }
body { overflow-wrap: anywhere; }
.lead { font-size: 17px; }
.meta, footer, .empty { color: var(--weak); }
nav ul { display: flex; flex-wrap: wrap; gap: 4px 24px; padding: 0; list-style: none; }
a { color: inherit; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 14px; }
th, td { border-bottom: 1px solid var(--rule); padding: 5px 8px; text-align: start; vertical-align: top;
  overflow-wrap: break-word; }
th { background: #f2f2f2; }
td.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.first td { border-top: 1px solid #aaa; }
td.phase { font-weight: bold; }
td.scope { white-space: nowrap; }
tr.negative td:first-child { border-inline-start: 4px solid var(--bad); }
tr.positive td:first-child { border-inline-start: 4px solid var(--ok); }
.ok { color: var(--ok); font-weight: bold; }
.bad { color: var(--bad); font-weight: bold; }
figure.chart { margin: 12px 0; direction: ltr; }
figure.chart svg { display: block; width: 100%; height: auto; }
svg.spark { display: block; }
td.better { color: var(--ok); font-weight: bold; }
td.worse { color: var(--bad); font-weight: bold; }
td.unclear { color: var(--weak); }
article { margin-top: 12px; }
footer { margin-top: 48px; font-size: 13px; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  section { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  figure.chart, tr { break-inside: avoid; }
  article.pattern { break-inside: avoid; }
  thead { display: table-header-group; }
  a { text-decoration: none; }
}
"#;
