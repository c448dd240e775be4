//! The Waves view's panel: each touchpoint's change from the first wave to the last, with its
//! interval and verdict (Holm-corrected, as `emograph compare`): significant changes stand out
//! in colour, the rest are visibly not claimed. The graph beside it draws one curve per wave.

use crate::analysis::compare::{Comparison, Verdict, compare_groups};
use crate::analysis::waves::{compare_params_for, waves_in};
use crate::app::{EmographApp, bidi};
use crate::export::report_redesign::verdict_text;

pub fn waves_panel_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    super::panels::side::end("waves_panel")
        .resizable(true)
        .default_size(320.0)
        .show(ui, |ui| {
            crate::app::bidi::label(ui, egui::RichText::new(crate::tr!("view-waves")).heading());
            let Some(result) = app.analysis.current().cloned() else {
                ui.spinner();
                return;
            };
            let dataset = &result.dataset;
            let waves = waves_in(dataset);
            let (Some(first), Some(last)) = (waves.first(), waves.last()) else {
                crate::app::bidi::label(ui, egui::RichText::new(crate::tr!("waves-none")).weak());
                return;
            };
            if waves.len() < 2 {
                let text = crate::tr!("waves-one-wave", wave = first.label.as_str());
                bidi::label(ui, egui::RichText::new(text).weak());
                return;
            }
            bidi::label(ui, format!("{} → {}", first.label, last.label));
            crate::app::bidi::label(ui, egui::RichText::new(crate::tr!("waves-holm")).weak());
            // Computed once per analysis, not per frame: Mann–Whitney sorts every touchpoint's
            // scores, which for 100 000 cases would cost a frame many times over.
            let key = std::sync::Arc::as_ptr(&result) as usize;
            let id = ui.scope_id().with("waves_comparison");
            let cached: Option<(usize, Comparison)> = ui.data(|d| d.get_temp(id));
            let comparison = match cached {
                Some((at, comparison)) if at == key => comparison,
                _ => {
                    let comparison = compare_groups(
                        &dataset.matrix,
                        &dataset.waves,
                        &first.label,
                        &last.label,
                        &compare_params_for(&dataset.journey),
                    );
                    ui.data_mut(|d| d.insert_temp(id, (key, comparison.clone())));
                    comparison
                }
            };
            let theme = crate::chart::Theme::light();
            egui::ScrollArea::vertical()
                .id_salt("waves_list")
                .show(ui, |ui| {
                    for c in &comparison.touchpoints {
                        let name = dataset
                            .journey
                            .touchpoints
                            .get(c.touchpoint)
                            .map_or("?", |t| t.name.as_str());
                        let interval = c.ci95.map_or_else(String::new, |(low, high)| {
                            format!(" ({low:+.2} … {high:+.2})")
                        });
                        let change = format!("{:+.2}{interval}", c.difference);
                        let verdict = verdict_text(&c.verdict);
                        let (text, color) = match &c.verdict {
                            Verdict::Better => (
                                format!("{name}: {verdict} {change}"),
                                Some(crate::app::graph::color(theme.peak)),
                            ),
                            Verdict::Worse => (
                                format!("{name}: {verdict} {change}"),
                                Some(crate::app::graph::color(theme.critical)),
                            ),
                            Verdict::NotSignificant => {
                                (format!("{name}: {verdict} {change}"), None)
                            }
                            Verdict::NoVerdict(_) => (format!("{name}: {verdict}"), None),
                        };
                        match color {
                            Some(color) => {
                                bidi::label(ui, egui::RichText::new(text).strong().color(color));
                            }
                            None => {
                                bidi::label(ui, egui::RichText::new(text).weak());
                            }
                        }
                    }
                });
        });
}
