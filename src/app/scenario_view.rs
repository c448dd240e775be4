//! The to-be scenario bar over the overall and pattern views: draw a scenario's to-be curve
//! dashed over the as-is (the change shaded), and turn a flag's agreed action into a scenario
//! change in one click. The numbers behind it are `analysis::scenario`'s, the drawing the same
//! `chart::view_scene` overlay that `emograph export --scenario` paints.

use crate::app::{EmographApp, View, bidi};
use crate::chart::ViewSpec;
use crate::model::{Change, Journey, Scenario};
use crate::session::Edit;

/// The scenario to draw over `spec`: the one chosen, while it exists and the view is one a
/// scenario draws over.
pub(super) fn overlay_for(app: &EmographApp, spec: &ViewSpec) -> Option<String> {
    let id = app.scenario_overlay.as_ref()?;
    let drawable = matches!(spec, ViewSpec::Overall | ViewSpec::Pattern(_));
    (drawable && app.doc.journey().scenarios.iter().any(|s| &s.id == id)).then(|| id.clone())
}

/// What the bar shows and what the user asked of it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScenarioBar {
    /// Id of the scenario drawn, if any.
    pub drawn: Option<String>,
}

impl ScenarioBar {
    /// One checkbox per scenario ("Draw to-be: …", one at a time), and a menu of the flags whose
    /// action is not in a scenario yet. Returns the edit a click on a flag asks for.
    pub fn ui(&mut self, ui: &mut egui::Ui, journey: &Journey) -> Option<Edit> {
        let mut edit = None;
        ui.horizontal_wrapped(|ui| {
            crate::app::bidi::label(ui, crate::tr!("scenario-to-be"));
            for scenario in &journey.scenarios {
                let mut on = self.drawn.as_deref() == Some(scenario.id.as_str());
                let label = crate::tr!("scenario-draw", name = scenario.name.as_str());
                if bidi::checkbox(ui, &mut on, label)
                    .on_hover_text(crate::tr!("scenario-draw-tip"))
                    .changed()
                {
                    self.drawn = on.then(|| scenario.id.clone());
                }
            }
            let target = self
                .drawn
                .as_deref()
                .and_then(|id| journey.scenarios.iter().find(|s| s.id == id))
                .or_else(|| journey.scenarios.first());
            let open: Vec<_> = journey
                .flags
                .iter()
                .filter(|f| {
                    target.is_none_or(|s| {
                        !s.changes
                            .iter()
                            .any(|c| c.from_flag.as_deref() == Some(f.id.as_str()))
                    })
                })
                .collect();
            if open.is_empty() {
                return;
            }
            let menu = match target {
                Some(s) => crate::tr!("scenario-add-flag-action", name = s.name.as_str()),
                None => crate::tr!("scenario-make-from-flag"),
            };
            ui.menu_button(bidi::text(ui, menu), |ui| {
                for flag in open {
                    let at = journey
                        .touchpoint(&flag.touchpoint)
                        .map_or(flag.touchpoint.as_str(), |t| t.name.as_str());
                    let label = format!(
                        "{}: {}",
                        crate::i18n::core_words::action(flag.action),
                        bidi::isolate(at)
                    );
                    if ui.button(bidi::text(ui, label)).clicked() {
                        edit = Some(match target {
                            Some(s) => Edit::AddChangeFromFlag {
                                scenario_id: s.id.clone(),
                                flag_id: flag.id.clone(),
                            },
                            None => Edit::AddScenario {
                                scenario: Scenario {
                                    id: Journey::fresh_id("scenario", |_| false),
                                    name: "to-be".to_owned(),
                                    changes: vec![Change::from_flag(flag)],
                                },
                            },
                        });
                        ui.close();
                    }
                }
            });
        });
        edit
    }
}

/// The bar under the view bar, on the overall and pattern views of a journey with scenarios or
/// flags.
pub fn scenario_bar_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    let journey = app.doc.journey();
    let shown = matches!(app.view, View::Overall | View::Pattern(_))
        && !(journey.scenarios.is_empty() && journey.flags.is_empty());
    if !shown {
        return;
    }
    let mut bar = ScenarioBar {
        drawn: app.scenario_overlay.clone(),
    };
    let edit = egui::Panel::top("scenario_bar")
        .show(ui, |ui| bar.ui(ui, app.doc.journey()))
        .inner;
    app.scenario_overlay = bar.drawn;
    if let Some(edit) = edit {
        let new = match &edit {
            Edit::AddScenario { scenario } => Some(scenario.id.clone()),
            _ => None,
        };
        if app.apply(edit) && new.is_some() {
            app.scenario_overlay = new;
        }
    }
}
