//! The critical-points list: sortable, picks a point on the graph, and turns a detected point
//! into a Flag the team owns with one click. Flags made by hand show on the graph too.

use super::bidi;
use super::{EmographApp, View};
use crate::analysis::{CriticalPoint, Scope};
use crate::i18n::core_words as words;
use crate::model::{Flag, FlagKind, Journey};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    /// Scope, then rank within it.
    Rank,
    Score,
    ShareOfCases,
    Touchpoint,
}

/// The flag the team already made for this touchpoint and direction, if any.
/// "#2 − Queue at the till · pattern 1": how every list names a critical point.
pub fn point_heading(point: &CriticalPoint, touchpoint: &str) -> String {
    let scope = match point.scope {
        Scope::Overall => crate::tr!("report-scope-overall"),
        Scope::Pattern(id) => crate::tr!("report-scope-pattern", id = id),
    };
    let sign = if point.kind == FlagKind::Positive {
        "+"
    } else {
        "−"
    };
    // The name isolated: the line reads as English around it, whatever script the name is in.
    format!(
        "#{} {sign} {} · {scope}",
        point.rank,
        super::bidi::isolate(touchpoint)
    )
}

/// "flagged (open)" when the team already owns the point, else a &crate::tr!("critical-flag") button that asks for
/// it to become a flag (set in `to_flag`, applied after the list is drawn).
pub fn flag_control_ui(
    ui: &mut egui::Ui,
    journey: &Journey,
    point: &CriticalPoint,
    touchpoint: &crate::model::Touchpoint,
    to_flag: &mut Option<CriticalPoint>,
) {
    match existing_flag(journey, &touchpoint.id, point.kind) {
        Some(flag) => {
            bidi::label(
                ui,
                egui::RichText::new(crate::tr!(
                    "critical-flagged",
                    status = words::status(flag.status)
                ))
                .weak(),
            );
        }
        None => {
            if ui
                .small_button(crate::tr!("critical-flag"))
                .on_hover_text(bidi::text(
                    ui,
                    crate::tr!(
                        "critical-flag-tip",
                        kind = words::flag_kind(point.kind),
                        at = touchpoint.name.as_str()
                    ),
                ))
                .clicked()
            {
                *to_flag = Some(point.clone());
            }
        }
    }
}

pub fn existing_flag<'a>(
    journey: &'a Journey,
    touchpoint_id: &str,
    kind: FlagKind,
) -> Option<&'a Flag> {
    journey
        .flags
        .iter()
        .find(|f| f.touchpoint == touchpoint_id && f.kind == kind)
}

/// Makes a Flag from a detected critical point: the touchpoint's owner, the metrics that measure
/// it, and the action the method suggests (amplify a positive moment, prevent a negative one).
pub fn flag_point(app: &mut EmographApp, point: &CriticalPoint) {
    let journey = app.journey();
    let Some(tp) = journey.touchpoints.get(point.touchpoint) else {
        return;
    };
    if existing_flag(journey, &tp.id, point.kind).is_some() {
        return;
    }
    let Some(mut flag) = journey.new_flag(&tp.id, point.kind, true) else {
        return;
    };
    flag.note = format!(
        "Detected ({}): {} · mean {:+.1} · Δ {:+.1} · {:.0}% of cases · score {:.2}",
        point.scope,
        super::critical_panel::turning_sentence(point),
        point.value,
        point.delta,
        point.share_of_cases * 100.0,
        point.score
    );
    let label = crate::tr!("critical-flag-added", at = tp.name.as_str());
    if app.apply(crate::session::Edit::AddFlag { flag }) {
        app.set_status(label, false);
    }
}

pub fn critical_list_ui(app: &mut EmographApp, ui: &mut egui::Ui, result: &super::AnalysisResult) {
    ui.add_space(6.0);
    crate::app::bidi::label(
        ui,
        egui::RichText::new(crate::tr!("critical-heading")).heading(),
    );
    if result.critical.points.is_empty() {
        crate::app::bidi::label(ui, egui::RichText::new(crate::tr!("critical-none")).weak());
    }
    ui.horizontal_wrapped(|ui| {
        crate::app::bidi::label(ui, crate::tr!("critical-sort-by"));
        for (sort, label) in [
            (SortBy::Rank, &crate::tr!("critical-sort-rank")),
            (SortBy::Score, &crate::tr!("critical-sort-score")),
            (SortBy::ShareOfCases, &crate::tr!("critical-sort-share")),
            (SortBy::Touchpoint, &crate::tr!("critical-sort-touchpoint")),
        ] {
            if bidi::selectable(ui, app.critical_sort == sort, label).clicked() {
                app.critical_sort = sort;
            }
        }
    });
    // The scope on screen only: the overall view lists the overall points, a pattern its own,
    // the patterns view every pattern's (never the overall ones mixed in).
    let view = app.view;
    let on_screen = move |scope: Scope| match view {
        View::Overall => scope == Scope::Overall,
        View::Pattern(id) => scope == Scope::Pattern(id),
        View::Patterns => matches!(scope, Scope::Pattern(_)),
        _ => true,
    };
    let mut points: Vec<&CriticalPoint> = result
        .critical
        .points
        .iter()
        .filter(|p| on_screen(p.scope))
        .collect();
    if points.is_empty() && !result.critical.points.is_empty() {
        crate::app::bidi::label(
            ui,
            egui::RichText::new(crate::tr!("critical-none-in-scope")).weak(),
        );
    }
    match app.critical_sort {
        SortBy::Rank => points.sort_by_key(|p| (p.scope, p.rank)),
        SortBy::Score => points.sort_by(|a, b| b.score.total_cmp(&a.score)),
        SortBy::ShareOfCases => {
            points.sort_by(|a, b| b.share_of_cases.total_cmp(&a.share_of_cases))
        }
        SortBy::Touchpoint => points.sort_by_key(|p| (p.touchpoint, p.scope)),
    }
    let journey = app.journey().clone_without_cases();
    let mut to_flag = None;
    for point in points {
        let Some(tp) = journey.touchpoints.get(point.touchpoint) else {
            continue;
        };
        let selected = app.highlight == Some((point.scope, point.touchpoint));
        ui.horizontal(|ui| {
            let text = point_heading(point, &tp.name);
            let response = bidi::selectable(ui, selected, text).on_hover_text(bidi::text(
                ui,
                crate::tr!(
                    "critical-point-tip",
                    turn = super::critical_panel::turning_sentence(point),
                    mean = format!("{:+.1}", point.value),
                    delta = format!("{:+.1}", point.delta),
                    share = format!("{:.0}", point.share_of_cases * 100.0),
                    score = format!("{:.2}", point.score),
                    depth = format!("{:.2}", point.parts.depth),
                    sharpness = format!("{:.2}", point.parts.sharpness),
                    part_share = format!("{:.2}", point.parts.share),
                    end = format!("{:.2}", point.parts.end),
                ),
            ));
            if response.clicked() {
                app.highlight = Some((point.scope, point.touchpoint));
                app.view = match point.scope {
                    Scope::Overall => View::Overall,
                    Scope::Pattern(id) if result.patterns.patterns.iter().any(|p| p.id == id) => {
                        View::Pattern(id)
                    }
                    Scope::Pattern(_) => View::Patterns,
                };
            }
            flag_control_ui(ui, &journey, point, tp, &mut to_flag);
        });
    }
    if let Some(point) = to_flag {
        flag_point(app, &point);
    }
    // The picked point's details right under the list, where the click was.
    if app.highlight.is_some_and(|(scope, _)| on_screen(scope)) {
        ui.add_space(4.0);
        super::critical_panel::critical_panel_ui(app, ui, result);
    }

    let by_hand: Vec<&Flag> = journey.flags.iter().filter(|f| !f.detected).collect();
    if !by_hand.is_empty() {
        ui.add_space(4.0);
        crate::app::bidi::label(ui, crate::tr!("critical-flagged-by-team"));
        for flag in by_hand {
            let name = journey
                .touchpoint(&flag.touchpoint)
                .map_or(flag.touchpoint.as_str(), |t| t.name.as_str());
            bidi::label(
                ui,
                format!(
                    "{} {} · {} · {}",
                    if flag.kind == FlagKind::Positive {
                        "+"
                    } else {
                        "−"
                    },
                    bidi::isolate(name),
                    words::action(flag.action),
                    words::status(flag.status)
                ),
            );
        }
    }

    if !result.critical.prone.is_empty() {
        ui.add_space(4.0);
        crate::app::bidi::label(ui, crate::tr!("critical-prone"));
        for prone in &result.critical.prone {
            let name = journey
                .touchpoints
                .get(prone.touchpoint)
                .map_or("", |t| t.name.as_str());
            let why = match (prone.angry, prone.inconsistent) {
                (true, true) => &crate::tr!("critical-angry-inconsistent"),
                (true, false) => &crate::tr!("critical-angry"),
                _ => &crate::tr!("critical-inconsistent"),
            };
            bidi::label(
                ui,
                crate::tr!(
                    "critical-prone-line",
                    name = name,
                    why = why.as_str(),
                    angry = format!("{:.0}", prone.share_angry * 100.0),
                    spread = format!("{:.1}", prone.spread)
                ),
            );
        }
    }
}
