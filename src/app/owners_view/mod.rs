//! Owners & actions: what a process owner opens before a redesign meeting. Pick an owner and see
//! their touchpoints, the critical points there with the numbers that make them critical, their
//! metrics against target and their open actions; below, what nobody owns yet, assignable on the
//! spot. Owners, metrics and flags are edited here too.
//!
//! Every change goes through the document, so it can be undone. Fields that could hold a
//! half-typed, invalid value (a name being retyped, a number, a due date) keep the typed text as a
//! draft while they have focus and commit only what is valid, so `Journey::validate` stays clean.

use std::collections::HashMap;

use egui::Color32;

use super::EmographApp;
use super::bidi;
use crate::analysis::{CriticalReport, owner_view};
use crate::model::{Journey, Owner};

mod did_it_work;
mod fields;
mod flags;
mod metrics;
mod owner_list;

use flags::hand_flag_ui;
use owner_list::{
    confirm_delete_owner_ui, owner_bar_ui, owner_editor_ui, owner_entry_ui, unowned_ui,
};

/// Which metric or flag has its editor open (one at a time, so every field label is unique).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Editing {
    Metric(String),
    Flag(String),
}

/// What the view remembers between frames; kept in egui's memory, not in the document.
#[derive(Clone, Default)]
struct ViewState {
    owner_id: Option<String>,
    editing: Option<Editing>,
    /// Text typed into a field that has focus, by field key, until it is valid.
    drafts: HashMap<String, String>,
    /// The owner whose deletion waits for confirmation.
    confirm_delete_owner: Option<String>,
    /// Touchpoint picked for a flag made by hand.
    hand_flag_touchpoint: Option<String>,
    /// An editor just opened: bring it into view once it has been laid out.
    scroll_to_editor: bool,
}

fn state_id() -> egui::Id {
    egui::Id::unique("owners_view_state")
}

/// Green for on track; dark enough to read on the light panel.
const ON_TRACK: Color32 = Color32::from_rgb(0x1b, 0x7a, 0x2e);

pub fn owners_ui(app: &mut EmographApp, ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    let mut state: ViewState = ctx.data_mut(|d| d.get_temp(state_id())).unwrap_or_default();
    // Without its cases: nothing here reads them, and a journey may hold tens of thousands.
    let journey = app.journey().clone_without_cases();
    let has_cases = !app.journey().cases.is_empty();
    let owner_before = state.owner_id.clone();
    if state
        .owner_id
        .as_deref()
        .is_none_or(|id| journey.owner(id).is_none())
    {
        state.owner_id = journey.owners.first().map(|o| o.id.clone());
    }
    // A result computed on other touchpoints (an older revision still on screen) would point at
    // the wrong ones: show no critical points until the current one is there.
    let result = app
        .analysis
        .current()
        .filter(|r| same_touchpoints(&r.dataset.journey, &journey))
        .cloned();
    let empty = CriticalReport::default();
    let report = result.as_ref().map_or(&empty, |r| &r.critical);
    let view = owner_view(&journey, report, None);

    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            crate::app::bidi::label(ui, egui::RichText::new(crate::tr!("view-owners")).heading());
            if result.is_none() && has_cases {
                ui.horizontal(|ui| {
                    ui.spinner();
                    crate::app::bidi::label(ui, crate::tr!("owners-finding"));
                });
            }
            if let Some(segment) = &app.analysis.settings.segment {
                bidi::label(
                    ui,
                    egui::RichText::new(crate::tr!(
                        "owners-segment-note",
                        segment = segment.as_str()
                    ))
                    .weak(),
                );
            }
            owner_bar_ui(app, ui, &mut state, &journey);
            if state.owner_id != owner_before {
                state.hand_flag_touchpoint = None;
            }
            let entry = state
                .owner_id
                .as_deref()
                .and_then(|id| view.owners.iter().find(|e| e.owner.id == id));
            match entry {
                Some(entry) => {
                    owner_editor_ui(app, ui, &mut state, entry.owner);
                    owner_entry_ui(app, ui, &mut state, &journey, entry, result.as_deref());
                }
                None => {
                    crate::app::bidi::label(ui, crate::tr!("owners-no-owners"));
                }
            }
            ui.separator();
            hand_flag_ui(app, ui, &mut state, &journey);
            ui.separator();
            unowned_ui(app, ui, &mut state, &journey, &view.unowned, &view.owners);
        });

    confirm_delete_owner_ui(app, &ctx, &mut state);
    ctx.data_mut(|d| d.insert_temp(state_id(), state));
}

fn same_touchpoints(a: &Journey, b: &Journey) -> bool {
    a.touchpoints.len() == b.touchpoints.len()
        && a.touchpoints
            .iter()
            .zip(&b.touchpoints)
            .all(|(x, y)| x.id == y.id)
}

/// "Name · role", or just the name.
fn owner_label(owner: &Owner) -> String {
    if owner.role.trim().is_empty() {
        owner.name.clone()
    } else {
        format!("{} · {}", owner.name, owner.role)
    }
}

fn owner_name(journey: &Journey, owner_id: Option<&str>) -> String {
    owner_id
        .and_then(|id| journey.owner(id))
        .map_or_else(|| "nobody".to_owned(), |o| o.name.clone())
}

fn touchpoint_name(journey: &Journey, touchpoint_id: &str) -> String {
    journey
        .touchpoint(touchpoint_id)
        .map_or_else(|| touchpoint_id.to_owned(), |t| t.name.clone())
}

/// A number without needless decimals: 14, 99.1, 2.25.
pub fn format_number(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

// ----- the owner -----

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_lose_needless_decimals() {
        assert_eq!(format_number(14.0), "14");
        assert_eq!(format_number(100.0), "100");
        assert_eq!(format_number(99.1), "99.1");
        assert_eq!(format_number(2.25), "2.25");
        assert_eq!(format_number(-0.001), "0");
    }
}
