//! The side panels: the journey outline and touchpoint editor on the left, cases and the
//! selected case's details on the right, menus on top, status at the bottom.

use egui::RichText;

use super::bidi;

mod bars;
mod cases;
mod history;
mod journey;
mod patterns;
mod segments;
pub(crate) mod side;
mod view_bar;

pub use bars::{status_bar_ui, top_bar_ui};
pub use cases::cases_panel_ui;
pub use journey::journey_panel_ui;
pub use patterns::patterns_panel_ui;
pub use segments::segments_panel_ui;
pub use view_bar::view_bar_ui;

/// `text` cut to `width` in `style`'s font, right-to-left text at its logical end (see
/// [`bidi::fit`]); egui's truncation then only ever cuts left-to-right text.
fn fit<'t>(
    ui: &egui::Ui,
    text: &'t str,
    style: egui::TextStyle,
    width: f32,
) -> std::borrow::Cow<'t, str> {
    let format = egui::TextFormat::simple(style.resolve(ui.style()), egui::Color32::PLACEHOLDER);
    bidi::fit(ui.ctx(), text, &format, width)
}

/// A red line beside a field that must not stay empty: the field may be cleared to retype it,
/// and says what is missing rather than refuse the keystroke; saving refuses instead.
fn required_hint_ui(ui: &mut egui::Ui, text: &str) {
    bidi::label(ui, RichText::new(text).color(ui.visuals().error_fg_color));
}
