//! The app's look: light, dark or high contrast, chosen in View → Theme and remembered in the
//! preferences. The chart on screen follows it (a dark chart on a dark UI); exports keep the
//! light look, which prints and reads on any page.

use crate::chart::{Rgba, Theme};
use egui::{Color32, Stroke};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum UiTheme {
    #[default]
    Light,
    Dark,
    HighContrast,
}

impl UiTheme {
    pub const ALL: [Self; 3] = [Self::Light, Self::Dark, Self::HighContrast];

    pub fn label(self) -> String {
        match self {
            Self::Light => crate::tr!("theme-light"),
            Self::Dark => crate::tr!("theme-dark"),
            Self::HighContrast => crate::tr!("theme-high-contrast"),
        }
    }

    /// egui's visuals for this look, with a focus ring strong enough to find on a projector:
    /// a keyboard user must see at a glance which control Space or Enter will press.
    pub fn visuals(self) -> egui::Visuals {
        let mut visuals = match self {
            Self::Light => egui::Visuals::light(),
            Self::Dark => egui::Visuals::dark(),
            Self::HighContrast => {
                let mut v = egui::Visuals::light();
                v.override_text_color = Some(Color32::BLACK);
                v.panel_fill = Color32::WHITE;
                v.window_fill = Color32::WHITE;
                v.extreme_bg_color = Color32::WHITE;
                v.hyperlink_color = Color32::from_rgb(0, 0, 170);
                let edge = Stroke::new(1.5, Color32::BLACK);
                v.widgets.noninteractive.bg_stroke = edge;
                v.widgets.inactive.bg_stroke = edge;
                v.widgets.inactive.weak_bg_fill = Color32::from_gray(235);
                v.widgets.hovered.bg_stroke = Stroke::new(2.0, Color32::BLACK);
                v.error_fg_color = Color32::from_rgb(170, 0, 0);
                v.warn_fg_color = Color32::from_rgb(120, 60, 0);
                v
            }
        };
        let focus = match self {
            Self::Dark => Color32::from_rgb(255, 200, 60),
            Self::Light => Color32::from_rgb(0, 90, 200),
            Self::HighContrast => Color32::from_rgb(0, 0, 200),
        };
        // A focused widget is drawn with the `active` visuals and a focused text field with
        // the selection stroke: both get a wide, saturated edge.
        visuals.widgets.active.bg_stroke = Stroke::new(3.0, focus);
        visuals.selection.stroke = Stroke::new(2.5, focus);
        visuals
    }

    /// The chart's look on screen in this theme, from `base` (the normal or the presenter look).
    pub fn chart(self, base: Theme) -> Theme {
        match self {
            Self::Light => base,
            Self::Dark => Theme {
                background: Rgba::rgb(27, 27, 27),
                text: Rgba::rgb(235, 235, 235),
                weak_text: Rgba::rgb(170, 170, 170),
                grid: Rgba::rgb(60, 60, 60),
                zero_line: Rgba::rgb(210, 210, 210),
                positive_tint: Rgba([0, 158, 115, 38]),
                negative_tint: Rgba([213, 94, 0, 38]),
                phase_shades: [Rgba([255, 255, 255, 12]), Rgba([0, 0, 0, 0])],
                band_fill: Rgba([86, 180, 233, 60]),
                mean_line: Rgba::rgb(245, 245, 245),
                peak: Rgba::rgb(60, 200, 150),
                trough: Rgba::rgb(255, 130, 60),
                critical: Rgba::rgb(255, 80, 100),
                ..base
            },
            Self::HighContrast => Theme {
                text: Rgba::rgb(0, 0, 0),
                weak_text: Rgba::rgb(0, 0, 0),
                grid: Rgba::rgb(140, 140, 140),
                zero_line: Rgba::rgb(0, 0, 0),
                mean_line: Rgba::rgb(0, 0, 0),
                line_width: base.line_width + 1.0,
                marker_radius: base.marker_radius + 1.0,
                ..base
            },
        }
    }
}

/// Zoom steps for Ctrl + and Ctrl −, as browsers take them.
pub const ZOOM_STEPS: [f32; 9] = [0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0];

/// The next zoom step up (`up`) or down from `zoom`.
pub fn zoom_step(zoom: f32, up: bool) -> f32 {
    if up {
        ZOOM_STEPS
            .iter()
            .copied()
            .find(|&s| s > zoom + 0.01)
            .unwrap_or(ZOOM_STEPS[ZOOM_STEPS.len() - 1])
    } else {
        ZOOM_STEPS
            .iter()
            .rev()
            .copied()
            .find(|&s| s < zoom - 0.01)
            .unwrap_or(ZOOM_STEPS[0])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_moves_by_steps_and_stops_at_the_ends() {
        assert_eq!(zoom_step(1.0, true), 1.1);
        assert_eq!(zoom_step(1.0, false), 0.9);
        assert_eq!(zoom_step(2.0, true), 2.0);
        assert_eq!(zoom_step(0.67, false), 0.67);
        assert_eq!(zoom_step(1.3, true), 1.5);
    }
}
