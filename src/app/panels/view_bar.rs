//! The view bar: which view of the journey the graph shows, and its options.
//!
//! A small view in the manner of egui_demo_lib's: [`ViewBar`] holds what it shows, draws it
//! with [`ViewBar::ui`] and returns what the user asked for as [`ViewIntent`]s, which the app
//! applies in one place ([`view_bar_ui`]). So the bar can be built and tested without the app.

use crate::app::EmographApp;
use crate::app::bidi;
use crate::model::Journey;

use crate::app::{AnalysisSettings, View};

/// What the view bar shows and lets the user change: the app's view and options, copied in
/// each frame.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewBar {
    pub view: View,
    pub time_axis: bool,
    /// The process runs right to left on the graph (the default for a right-to-left journey).
    pub right_to_left: bool,
    pub settings: AnalysisSettings,
    /// Where the analysis is, said beside the settings.
    pub analysis: AnalysisNote,
}

/// What the bar says about the analysis behind the aggregate views.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AnalysisNote {
    /// Nothing worth saying (no result yet, or one that was quick).
    Quiet,
    Computing,
    /// The last analysis took this many seconds.
    Took(f64),
}

/// What the user asked for in the view bar.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewIntent {
    Show(View),
    TimeAxis(bool),
    RightToLeft(bool),
    /// The number of patterns to find; `None`: chosen by the analysis.
    PatternCount(Option<usize>),
    /// Analyse only this segment's cases; `None`: all cases.
    Segment(Option<String>),
}

impl ViewBar {
    /// The view switcher and, for the aggregate views, the analysis settings. `journey` says
    /// whether a time axis is possible and which segments there are.
    pub fn ui(&mut self, ui: &mut egui::Ui, journey: &Journey) -> Vec<ViewIntent> {
        let mut intents = Vec::new();
        let before = self.clone();
        ui.horizontal(|ui| super::side::row(ui, |ui| self.contents_ui(ui, journey, &mut intents)));
        if self.time_axis != before.time_axis {
            intents.push(ViewIntent::TimeAxis(self.time_axis));
        }
        if self.right_to_left != before.right_to_left {
            intents.push(ViewIntent::RightToLeft(self.right_to_left));
        }
        if self.settings.k != before.settings.k {
            intents.push(ViewIntent::PatternCount(self.settings.k));
        }
        if self.settings.segment != before.settings.segment {
            intents.push(ViewIntent::Segment(self.settings.segment.clone()));
        }
        intents
    }

    fn contents_ui(&mut self, ui: &mut egui::Ui, journey: &Journey, intents: &mut Vec<ViewIntent>) {
        crate::app::bidi::label(ui, crate::tr!("view-label"));
        let pattern_view = matches!(self.view, View::Pattern(_));
        let mut show = |ui: &mut egui::Ui, view: View, selected: bool, label: &str, hover| {
            let mut response = ui.selectable_label(selected, label);
            if let Some(hover) = hover {
                response = response.on_hover_text(hover);
            }
            if response.clicked() {
                intents.push(ViewIntent::Show(view));
                Some(view)
            } else {
                None
            }
        };
        let current = self.view;
        let clicked = [
            show(
                ui,
                View::Cases,
                current == View::Cases,
                &crate::tr!("view-cases"),
                None,
            ),
            show(
                ui,
                View::Overall,
                current == View::Overall,
                &crate::tr!("view-overall"),
                None,
            ),
            show(
                ui,
                View::Patterns,
                current == View::Patterns || pattern_view,
                &crate::tr!("view-patterns"),
                None,
            ),
            show(
                ui,
                View::Segments,
                current == View::Segments,
                &crate::tr!("view-segments"),
                Some(&crate::tr!("view-segments-tip")),
            ),
            show(
                ui,
                View::Waves,
                current == View::Waves,
                &crate::tr!("view-waves"),
                Some(&crate::tr!("view-waves-tip")),
            ),
            show(
                ui,
                View::Owners,
                current == View::Owners,
                &crate::tr!("view-owners"),
                None,
            ),
        ];
        if let Some(view) = clicked.into_iter().flatten().last() {
            self.view = view;
        }
        let timed = journey.touchpoints.len() > 1
            && journey.touchpoints.iter().all(|t| t.time_offset.is_some());
        if self.view != View::Owners {
            ui.separator();
            ui.checkbox(&mut self.right_to_left, crate::tr!("view-rtl"))
                .on_hover_text(crate::tr!("view-rtl-tip"));
        }
        if timed {
            ui.separator();
            let unit = journey.time_unit.clone();
            ui.checkbox(&mut self.time_axis, crate::tr!("view-time-axis"))
                .on_hover_text(bidi::text(
                    ui,
                    crate::tr!("view-time-axis-tip", unit = unit),
                ));
        }
        // The segments view compares every segment, without patterns: nothing to choose.
        if matches!(self.view, View::Cases | View::Segments | View::Waves) {
            return;
        }
        ui.separator();
        let k_label = crate::app::bidi::label(ui, crate::tr!("view-pattern-count"));
        let k_text = self
            .settings
            .k
            .map_or_else(|| crate::tr!("view-auto"), |k| k.to_string());
        egui::ComboBox::from_id_salt("k_choice")
            .selected_text(bidi::text(ui, k_text))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.settings.k, None, crate::tr!("view-auto"));
                for k in 1..=8 {
                    ui.selectable_value(
                        &mut self.settings.k,
                        Some(k),
                        bidi::text(ui, k.to_string()),
                    );
                }
            })
            .response
            .labelled_by(k_label.id);
        let segment_label = crate::app::bidi::label(ui, crate::tr!("view-segment"));
        let segment_text = self
            .settings
            .segment
            .clone()
            .unwrap_or_else(|| crate::tr!("view-all-cases"));
        egui::ComboBox::from_id_salt("segment_choice")
            .selected_text(bidi::text(ui, segment_text))
            .show_ui(ui, |ui| {
                // Listed only while the list is open: it goes over every case.
                // One entry per segment as the analysis groups them: trimmed, "Gold" is "gold".
                let mut segments: Vec<String> = journey
                    .cases
                    .iter()
                    .map(|c| c.segment.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect();
                segments.sort_by_cached_key(|s| s.to_lowercase());
                segments.dedup_by_key(|s| s.to_lowercase());
                ui.selectable_value(
                    &mut self.settings.segment,
                    None,
                    crate::tr!("view-all-cases"),
                );
                for segment in segments {
                    ui.selectable_value(
                        &mut self.settings.segment,
                        Some(segment.clone()),
                        bidi::text(ui, segment),
                    );
                }
            })
            .response
            .labelled_by(segment_label.id);
        match self.analysis {
            AnalysisNote::Computing => {
                ui.spinner();
                crate::app::bidi::label(ui, crate::tr!("view-analysing"));
            }
            AnalysisNote::Took(seconds) => {
                bidi::label(
                    ui,
                    egui::RichText::new(crate::tr!(
                        "view-analysed-in",
                        seconds = format!("{seconds:.2}")
                    ))
                    .weak(),
                );
            }
            AnalysisNote::Quiet => {}
        }
    }
}

/// The view bar on top of the window: built from the app's state, its intents applied here.
pub fn view_bar_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    let analysis = if app.analysis.is_computing() {
        AnalysisNote::Computing
    } else {
        match app.analysis.current() {
            Some(result) if result.seconds > 0.05 => AnalysisNote::Took(result.seconds),
            _ => AnalysisNote::Quiet,
        }
    };
    let mut bar = ViewBar {
        view: app.view,
        time_axis: app.time_axis,
        right_to_left: app.right_to_left(),
        settings: app.analysis.settings.clone(),
        analysis,
    };
    let intents = egui::Panel::top("view_bar")
        .show(ui, |ui| bar.ui(ui, app.doc.journey()))
        .inner;
    for intent in intents {
        match intent {
            ViewIntent::Show(view) => app.view = view,
            ViewIntent::TimeAxis(on) => app.time_axis = on,
            ViewIntent::RightToLeft(on) => app.mirror = Some(on),
            ViewIntent::PatternCount(k) => app.analysis.settings.k = k,
            ViewIntent::Segment(segment) => app.analysis.settings.segment = segment,
        }
    }
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    use super::*;
    use crate::model::Touchpoint;

    type State = (ViewBar, Vec<ViewIntent>);

    /// The bar alone, on `journey`, in `view`; the state keeps every intent it returned.
    fn harness(journey: &Journey, view: View) -> Harness<'_, State> {
        let bar = ViewBar {
            view,
            time_axis: false,
            right_to_left: false,
            settings: AnalysisSettings::default(),
            analysis: AnalysisNote::Quiet,
        };
        Harness::new_ui_state(
            move |ui, (bar, intents): &mut State| intents.extend(bar.ui(ui, journey)),
            (bar, Vec::new()),
        )
    }

    #[test]
    fn choosing_a_view_asks_for_it_and_shows_its_settings() {
        let journey = Journey::default();
        let mut harness = harness(&journey, View::Cases);
        assert!(harness.query_by_label("Number of patterns:").is_none());
        harness.get_by_label("Overall").click();
        harness.run();
        assert_eq!(harness.state().1, vec![ViewIntent::Show(View::Overall)]);
        harness.get_by_label("Number of patterns:");
        harness.get_by_label("Segment:");
        // Without time offsets there is no time axis to offer.
        assert!(harness.query_by_label("Time axis").is_none());
    }

    #[test]
    fn the_time_axis_is_offered_when_every_touchpoint_has_a_time() {
        let mut journey = Journey::default();
        for (i, id) in ["a", "b"].into_iter().enumerate() {
            let mut touchpoint = Touchpoint::new(id, id, "during");
            touchpoint.time_offset = Some(i as f64);
            journey.touchpoints.push(touchpoint);
        }
        let mut harness = harness(&journey, View::Cases);
        harness.get_by_label("Time axis").click();
        harness.run();
        assert_eq!(harness.state().1, vec![ViewIntent::TimeAxis(true)]);
    }
}
