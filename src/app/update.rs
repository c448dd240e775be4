//! The frame: what the app draws each frame, in which order, and the window around it (its
//! title, the close request, the preferences saved on exit).

use super::dialogs::Dialog;
use super::graph::{self, EditTarget};
use super::{
    EmographApp, PREFS_KEY, View, bidi, case_entry, export_dialog, file_dialogs, files, mirror,
    owners_view, panels, scenario_view, waves_view,
};
use crate::chart::{self, Scene};

impl EmographApp {
    pub(super) fn update_window_title(&mut self, ctx: &egui::Context) {
        let name = self
            .doc
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(
                || crate::tr!("status-unsaved-journey"),
                |n| n.to_string_lossy().into_owned(),
            );
        let dirty = if self.doc.is_dirty() { "● " } else { "" };
        let title = format!("{dirty}{name} — {} — emograph", self.doc.journey().title);
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    pub fn window_title(&self) -> &str {
        &self.window_title
    }

    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && self.doc.is_dirty()
            && !self.close_confirmed
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Dialog::ConfirmClose;
        }
    }

    /// The whole UI; `App::ui` calls this, and so do the tests.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        crate::i18n::set_language(self.lang);
        self.carried.replay(&ctx);
        self.apply_look(&ctx);
        self.handle_close_request(&ctx);
        let prompt_before = self.new_case.is_some();
        self.shortcuts(&ctx);
        self.graph_keys(&ctx);
        if self.new_case.is_some() != prompt_before {
            // The bar opens or closes: its layout settles in the next frame; draw that now,
            // not at the next key.
            ctx.request_repaint();
        }
        self.update_window_title(&ctx);
        self.recovery.autosave(&self.doc, ctx.input(|i| i.time));
        if self.doc.is_dirty() {
            // Wake up later to write the recovery copy even if the user stops moving.
            ctx.request_repaint_after(std::time::Duration::from_secs(
                files::AUTOSAVE_SECONDS as u64 + 1,
            ));
        }

        let view_before = self.view;
        if !self.presenter {
            panels::top_bar_ui(self, ui);
            panels::status_bar_ui(self, ui);
            panels::view_bar_ui(self, ui);
            scenario_view::scenario_bar_ui(self, ui);
        }
        // After the view bar, so a switch to an aggregate view shows its result in this frame.
        if self.view != View::Cases {
            self.analysis.request(&mut self.doc, &ctx);
        }
        if self.view != view_before {
            ctx.request_repaint();
        }
        #[cfg(feature = "live")]
        {
            super::live_panel::receive(self);
            super::live_panel::live_panel_ui(self, ui);
        }
        if !self.presenter {
            panels::journey_panel_ui(self, ui);
            match self.view {
                View::Cases => panels::cases_panel_ui(self, ui),
                View::Owners => {}
                View::Segments => panels::segments_panel_ui(self, ui),
                View::Waves => waves_view::waves_panel_ui(self, ui),
                View::Overall | View::Patterns | View::Pattern(_) => {
                    panels::patterns_panel_ui(self, ui);
                }
            }
        } else {
            egui::Panel::top("presenter_bar").show(ui, |ui| {
                ui.horizontal(|ui| {
                    if bidi::button(ui, &crate::tr!("presenter-leave")).clicked() {
                        self.presenter = false;
                    }
                    // Typed scores reach the selected case only where it is drawn.
                    if let Some(case) = self
                        .selected_case
                        .filter(|_| self.view == View::Cases)
                        .and_then(|i| self.doc.journey().cases.get(i))
                    {
                        bidi::label(
                            ui,
                            egui::RichText::new(crate::tr!(
                                "presenter-editing",
                                name = case.display_name()
                            ))
                            .size(20.0)
                            .strong(),
                        );
                    }
                });
            });
        }
        if self.view == View::Owners {
            egui::CentralPanel::default().show(ui, |ui| owners_view::owners_ui(self, ui));
        } else {
            egui::CentralPanel::default()
                .frame(egui::Frame::NONE.fill(graph::color(self.theme().background)))
                .show(ui, |ui| self.graph_panel_ui(ui));
        }

        super::shortcuts::cheat_sheet_ui(&ctx, &mut self.show_shortcuts);
        file_dialogs::dialogs_ui(self, &ctx);
        // After the panels, as every dialog: a modal drawn before them is covered.
        super::opening::poll(self, &ctx);
        if let Some(dialog) = self.export.take() {
            self.export = export_dialog::export_dialog_ui(self, &ctx, dialog);
        }
    }

    pub(super) fn graph_panel_ui(&mut self, ui: &mut egui::Ui) {
        let theme = self.theme();
        if self.doc.journey().touchpoints.is_empty() {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() / 3.0);
                crate::app::bidi::label(
                    ui,
                    egui::RichText::new(crate::tr!("graph-no-touchpoints")).heading(),
                );
                crate::app::bidi::label(ui, crate::tr!("graph-add-first-touchpoint"));
            });
            return;
        }
        let journey_names: Vec<String>;
        let case_name: String;
        let scores: Vec<Option<f64>>;
        let mut xs = chart::touchpoint_xs(self.doc.journey());
        let editing = if self.view == View::Cases {
            self.selected_case
        } else {
            None
        };
        let edit_target =
            match editing.and_then(|i| self.doc.journey().cases.get(i).map(|c| (i, c))) {
                Some((case_index, case)) => {
                    let journey = self.doc.journey();
                    journey_names = journey.touchpoints.iter().map(|t| t.name.clone()).collect();
                    case_name = case.display_name().to_owned();
                    scores = journey
                        .touchpoints
                        .iter()
                        .map(|t| case.scores.get(&t.id).copied())
                        .collect();
                    Some((case_index, ()))
                }
                None => {
                    journey_names = Vec::new();
                    case_name = String::new();
                    scores = Vec::new();
                    None
                }
            };
        let cursor = self.cursor;
        let entry = self.entry.clone();
        // The means come from this revision's analysis when there is one, else from the
        // chart's own read, off the UI thread for a large journey (reading 10 000 cases'
        // scores after every keystroke cost 38 ms a frame). The cases view always reads: it
        // draws many shown cases as their band, which that read makes too. Read before the
        // scene, which draws that band.
        let revision = self.doc.revision();
        let touchpoints = self.doc.journey().touchpoints.len();
        let analysed = self
            .analysis
            .current()
            .filter(|a| a.revision == revision && a.all_stats.len() == touchpoints)
            .cloned();
        let means = if analysed.is_none() || self.view == View::Cases {
            if self.chart_means.is_empty()
                && let Some(a) = self.analysis.current()
                && a.all_stats.len() == touchpoints
                && self.view != View::Cases
            {
                // An older analysis answers until the chart's own means are read.
                self.chart_means.offer(graph::chart_means::Means {
                    revision: a.revision,
                    shown: None,
                    means: std::sync::Arc::new(a.all_stats.iter().map(|s| s.mean).collect()),
                    band: None,
                });
            }
            let shown = self.hidden_cases.shown();
            Some(self.chart_means.get(&mut self.doc, shown, ui.ctx()).clone())
        } else {
            None
        };
        // Borrow the cached scene for this frame instead of copying it.
        self.scene();
        let Some((scene_key, scene)) = self.scene_cache.take() else {
            return;
        };
        if self.right_to_left() {
            // The same reflection as the Scene's, so the handles sit on the drawn points.
            xs = xs
                .into_iter()
                .map(|x| mirror::mirrored(&scene, x))
                .collect();
        }
        let target = edit_target.map(|(case_index, ())| EditTarget {
            case_index,
            case_name: &case_name,
            touchpoint_names: journey_names.iter().map(String::as_str).collect(),
            touchpoint_xs: xs.clone(),
            scores: scores.clone(),
            cursor,
            entry: &entry,
            entry_problem: None,
        });
        if let Some(mut prompt) = self.new_case.take() {
            let intent = prompt.ui(ui);
            self.new_case = Some(prompt);
            match intent {
                Some(case_entry::CaseEntryIntent::Create { name, segment }) => {
                    self.create_prompted_case(name, segment);
                    // Scores typed in the same frame as the Enter belong to the new case's
                    // touchpoints: the graph reads them next frame.
                    self.carried.carry_after_first_enter(ui.ctx());
                }
                Some(case_entry::CaseEntryIntent::Cancel) => self.new_case = None,
                None => {}
            }
        }
        let target = target.map(|t| EditTarget {
            entry_problem: self.entry_problem.as_deref(),
            ..t
        });
        let highlight = self.highlight_point(&scene);
        // The screen reader's sentence: how many critical points overall, once this revision
        // is analysed; it is made once per revision and language, never per frame.
        let critical = self
            .analysis
            .current()
            .filter(|a| a.revision == self.doc.revision())
            .map(|a| graph::access::overall_critical(&a.critical.points));
        let summary_key = (
            revision,
            means.as_ref().map(|m| m.revision),
            critical,
            crate::i18n::language(),
        );
        let summary = match &self.summary_cache {
            Some((key, summary)) if *key == summary_key => summary.clone(),
            _ => {
                let means = match (&analysed, &means) {
                    (Some(a), _) => a.all_stats.iter().map(|s| s.mean).collect(),
                    (None, Some(m)) => m.means.to_vec(),
                    (None, None) => Vec::new(),
                };
                let summary = graph::access::summary(self.doc.journey(), &means, critical);
                self.summary_cache = Some((summary_key, summary.clone()));
                summary
            }
        };
        let actions = graph::access::chart_figure(ui, &scene, &summary, |ui| {
            graph::graph_ui(ui, &scene, &theme, target.as_ref(), highlight)
        });
        self.scene_cache = Some((scene_key, scene));
        self.apply_graph_actions(actions);
    }

    /// Where the highlighted critical point sits in the current scene, if it is shown.
    pub(super) fn highlight_point(&self, scene: &Scene) -> Option<[f64; 2]> {
        let (_, touchpoint) = self.highlight?;
        if self.view == View::Cases {
            return None;
        }
        scene
            .markers
            .iter()
            .find(|m| {
                m.touchpoint == touchpoint && matches!(m.kind, chart::MarkerKind::Critical { .. })
            })
            .map(|m| [m.x, m.y])
    }

    // ----- files -----
}

impl eframe::App for EmographApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }
}
