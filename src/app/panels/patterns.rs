//! The patterns panel: groups of cases that felt alike, and the critical points.

use crate::app::EmographApp;
use crate::app::bidi;
use crate::app::field_id::field_id;
use crate::session::Edit;

/// A keystroke in a pattern's name field, to apply after the list is drawn.
struct NameEdit {
    pattern: usize,
    key: String,
    changed: Option<String>,
    done: bool,
}

/// The patterns list: share, size, segments, representative case; a click opens the pattern.
pub fn patterns_panel_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    use crate::app::View;
    super::side::end("patterns_panel")
        .resizable(true)
        .default_size(300.0)
        .show(ui, |ui| {
            crate::app::bidi::label(
                ui,
                egui::RichText::new(crate::tr!("patterns-heading")).heading(),
            );
            let Some(result) = app.analysis.current().cloned() else {
                ui.spinner();
                return;
            };
            let names = app.pattern_names(&result);
            let mut next_view = None;
            let mut open_case = None;
            // What was typed into the selected pattern's name, applied once the list is drawn.
            let mut name_edits: Vec<NameEdit> = Vec::new();
            if result.patterns.patterns.is_empty() {
                crate::app::bidi::label(
                    ui,
                    egui::RichText::new(crate::tr!("patterns-none")).weak(),
                );
                return;
            }
            bidi::label(
                ui,
                egui::RichText::new(if app.analysis.settings.k.is_none() {
                    crate::tr!(
                        "patterns-summary-auto",
                        cases = result.dataset.case_ids.len(),
                        k = result.patterns.k
                    )
                } else {
                    crate::tr!(
                        "patterns-summary",
                        cases = result.dataset.case_ids.len(),
                        k = result.patterns.k
                    )
                })
                .weak(),
            );
            // How far the room can trust the split, in words, and why there are not more.
            if let Some(auto) = &result.patterns.auto {
                let distinct = crate::i18n::core_words::distinctness(auto);
                let words = match auto.silhouette {
                    Some(s) => crate::tr!(
                        "patterns-distinct-silhouette",
                        words = distinct,
                        s = format!("{s:.2}")
                    ),
                    None => distinct,
                };
                bidi::label(ui, words);
                if let Some(reason) = crate::i18n::core_words::fallback_reason(auto) {
                    bidi::label(
                        ui,
                        egui::RichText::new(crate::tr!(
                            "patterns-fewer",
                            reason = reason.to_string()
                        ))
                        .color(ui.visuals().warn_fg_color),
                    );
                }
            }
            egui::ScrollArea::vertical()
                .id_salt("patterns_list")
                .show(ui, |ui| {
                    for (index, pattern) in result.patterns.patterns.iter().enumerate() {
                        // Numbered from 1, as the CLI's `pattern:N` and the label count.
                        let selected = app.view == View::Pattern(pattern.id);
                        let journey = app.doc.journey();
                        let color = crate::app::graph::color(
                            crate::chart::Theme::light().curve_color(index),
                        );
                        ui.horizontal(|ui| {
                            let (rect, _) = ui
                                .allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                            ui.painter().rect_filled(rect, 2.0, color);
                            let name = names.get(index).and_then(Option::as_deref);
                            let label = crate::i18n::pattern_entry(pattern, name);
                            if bidi::selectable(ui, selected, label).clicked() {
                                next_view = Some(if selected {
                                    View::Patterns
                                } else {
                                    View::Pattern(pattern.id)
                                });
                            }
                        });
                        if !pattern.segments.is_empty() {
                            let mix: Vec<String> = pattern
                                .segments
                                .iter()
                                .map(|(segment, n)| {
                                    format!(
                                        "{} {n}",
                                        if segment.is_empty() {
                                            crate::tr!("patterns-no-segment")
                                        } else {
                                            segment.clone()
                                        }
                                    )
                                })
                                .collect();
                            bidi::label(ui, egui::RichText::new(mix.join(" · ")).weak());
                        }
                        if selected {
                            let medoid = result.case_index(journey, pattern.medoid);
                            let medoid_name =
                                medoid.and_then(|i| journey.cases.get(i)).map_or_else(
                                    || {
                                        result
                                            .dataset
                                            .case_ids
                                            .get(pattern.medoid)
                                            .unwrap_or_default()
                                            .to_owned()
                                    },
                                    |c| c.display_name().to_owned(),
                                );
                            bidi::label(
                                ui,
                                crate::tr!("patterns-representative", name = medoid_name.as_str()),
                            );
                            if let Some(case_index) = medoid
                                && ui
                                    .button(crate::tr!("patterns-edit-representative"))
                                    .clicked()
                            {
                                open_case = Some(case_index);
                            }
                            // The team's name for the group ("frustrated families"): it
                            // follows these cases when the patterns are recomputed.
                            let stored = names.get(index).cloned().flatten().unwrap_or_default();
                            let key = format!("pattern-name-{}", pattern.id);
                            let mut typed = app.typed_or(&key, &stored);
                            let label = crate::app::bidi::label(ui, crate::tr!("patterns-name"));
                            let response = ui
                                .add(
                                    egui::TextEdit::singleline(&mut typed)
                                        .id(field_id("pattern", &key))
                                        .hint_text(crate::app::bidi::text(
                                            ui,
                                            crate::tr!("patterns-name-hint"),
                                        )),
                                )
                                .labelled_by(label.id);
                            name_edits.push(NameEdit {
                                pattern: pattern.id,
                                key,
                                changed: (typed != stored).then_some(typed),
                                done: response.lost_focus(),
                            });
                            crate::app::bidi::label(ui, crate::tr!("patterns-members"));
                            let members: Vec<usize> = result
                                .patterns
                                .assignments
                                .iter()
                                .enumerate()
                                .filter(|&(_, &p)| p == index)
                                .map(|(row, _)| row)
                                .collect();
                            let row_height = ui.spacing().interact_size.y;
                            egui::ScrollArea::vertical()
                                .id_salt("members")
                                .max_height(240.0)
                                .show_rows(ui, row_height, members.len(), |ui, rows| {
                                    for &row in members.get(rows).unwrap_or_default() {
                                        let case_index = result.case_index(journey, row);
                                        let name = case_index
                                            .and_then(|i| journey.cases.get(i))
                                            .map_or_else(
                                                || {
                                                    result
                                                        .dataset
                                                        .case_ids
                                                        .get(row)
                                                        .unwrap_or_default()
                                                        .to_owned()
                                                },
                                                |c| c.display_name().to_owned(),
                                            );
                                        if ui
                                            .link(bidi::text(ui, &name))
                                            .on_hover_text(crate::tr!("patterns-open-case-tip"))
                                            .clicked()
                                            && let Some(case_index) = case_index
                                        {
                                            open_case = Some(case_index);
                                        }
                                    }
                                });
                        }
                        ui.separator();
                    }
                    crate::app::critical_view::critical_list_ui(app, ui, &result);
                });
            for edit in name_edits {
                if let Some(name) = edit.changed {
                    let members = result.pattern_members(edit.pattern);
                    let named = Edit::NamePattern {
                        name: name.clone(),
                        members,
                    };
                    app.apply_typed(&edit.key, &edit.key, &name, named);
                }
                if edit.done {
                    app.end_typing();
                }
            }
            if let Some(view) = next_view {
                app.view = view;
            }
            if let Some(case_index) = open_case {
                app.view = View::Cases;
                if let Some(id) = app.journey().cases.get(case_index).map(|c| c.id.clone()) {
                    app.hidden_cases.show(&id);
                }
                app.select_case(Some(case_index));
            }
        });
}
