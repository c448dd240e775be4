//! The segments panel: the journey by segment, one curve each.

use crate::app::EmographApp;
use crate::app::bidi;

/// The segments compared: each one's size, where its customers feel worst and best, and where
/// they feel furthest below all cases: what a facilitator reads out. A click shows the segment
/// alone on the overall view (its critical points, its band).
pub fn segments_panel_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    use crate::app::View;
    super::side::end("segments_panel")
        .resizable(true)
        .default_size(300.0)
        .show(ui, |ui| {
            crate::app::bidi::label(
                ui,
                egui::RichText::new(crate::tr!("view-segments")).heading(),
            );
            let Some(result) = app.analysis.current().cloned() else {
                ui.spinner();
                return;
            };
            let named = result.segments.iter().any(|s| !s.segment.is_empty());
            if !named {
                ui.weak(
                    "No case has a segment yet. Give cases a segment (platinum, gold, \
                     regular …) in the Cases view to compare how each group feels.",
                );
                return;
            }
            crate::app::bidi::label(
                ui,
                egui::RichText::new(crate::tr!("segments-count", n = result.segments.len())).weak(),
            );
            let journey = app.doc.journey().clone_without_cases();
            let name = |t: usize| journey.touchpoints.get(t).map_or("", |t| t.name.as_str());
            let theme = crate::chart::Theme::light();
            let mut show_alone = None;
            egui::ScrollArea::vertical()
                .id_salt("segments_list")
                .show(ui, |ui| {
                    for (index, segment) in result.segments.iter().enumerate() {
                        let drawn = index < crate::chart::MAX_SEGMENT_CURVES;
                        ui.horizontal(|ui| {
                            let (rect, _) = ui
                                .allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                            if drawn {
                                let color = crate::app::graph::color(theme.curve_color(index));
                                ui.painter().rect_filled(rect, 2.0, color);
                            }
                            let label = crate::chart::segment_label(segment);
                            let response = bidi::selectable(ui, false, label);
                            if !segment.segment.is_empty()
                                && response
                                    .on_hover_text(bidi::text(
                                        ui,
                                        crate::tr!(
                                            "segments-show-only",
                                            segment = segment.segment.as_str()
                                        ),
                                    ))
                                    .clicked()
                            {
                                show_alone = Some(segment.segment.clone());
                            }
                        });
                        let lowest = segment.lowest();
                        let highest = segment.highest();
                        let below = segment.furthest_below(&result.all_stats, 0.5);
                        let score = crate::app::graph::format_score;
                        let mut lines = Vec::new();
                        if let Some((t, m)) = lowest {
                            lines.push(crate::tr!(
                                "segments-lowest",
                                touchpoint = name(t),
                                score = score(m)
                            ));
                        }
                        if let Some((t, m)) = highest {
                            lines.push(crate::tr!(
                                "segments-highest",
                                touchpoint = name(t),
                                score = score(m)
                            ));
                        }
                        if let Some((t, gap)) = below {
                            lines.push(crate::tr!(
                                "segments-furthest-below",
                                touchpoint = name(t),
                                score = score(gap)
                            ));
                        }
                        for line in lines {
                            bidi::label(ui, egui::RichText::new(line).weak());
                        }
                        if !drawn && index == crate::chart::MAX_SEGMENT_CURVES {
                            crate::app::bidi::label(
                                ui,
                                egui::RichText::new(crate::tr!("segments-smaller")).weak(),
                            );
                        }
                        ui.add_space(4.0);
                    }
                });
            if let Some(segment) = show_alone {
                app.analysis.settings.segment = Some(segment);
                app.view = View::Overall;
            }
        });
}
