//! Where everything of a Scene goes on a surface of a given size, in pixels.
//!
//! Computed once, used by both painters and by tests (which check that a curve's colour is
//! where the data puts it).

use crate::chart::{Scene, Theme};

use super::ExportSize;
use super::text::{text_width, truncate, wrap};

/// Sizes in points, multiplied by the scale factor to give pixels.
pub(super) const PAD_PT: f64 = 16.0;
/// Anchor words wider than this wrap onto more lines.
const ANCHOR_MAX_PT: f64 = 96.0;
/// A rotated touchpoint name is cut with an ellipsis beyond this.
const ROTATED_MAX_PT: f64 = 150.0;
pub(super) const LEGEND_SWATCH_PT: f64 = 26.0;

/// An axis-aligned rectangle in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    pub fn width(&self) -> f64 {
        self.right - self.left
    }
    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }
}

/// How the touchpoint names under the x axis are set.
#[derive(Clone, Debug, PartialEq)]
pub enum XLabels {
    /// Horizontal, each name on one or more lines (wrapped at spaces).
    Lines(Vec<Vec<String>>),
    /// Turned a quarter, reading upwards, ending at the axis; long names are shortened.
    Rotated(Vec<String>),
}

/// One legend entry's place: the swatch starts at `x`, the text follows it.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendSlot {
    pub entry: usize,
    pub x: f64,
    pub y: f64,
    /// The entry's label, cut with an ellipsis to at most half the chart's width (a segment or
    /// case named with 10 000 characters otherwise filled the SVG with one legend line).
    pub label: String,
}

/// The geometry of one exported chart, in pixels of the output.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width_px: u32,
    pub height_px: u32,
    /// Pixels per point.
    pub scale: f64,
    /// The data area: the scene's x and y ranges map onto it.
    pub plot: Rect,
    /// The strip above the plot where the phase names stand.
    pub phase_strip: Rect,
    pub title_y: f64,
    pub subtitle_y: f64,
    pub legend: Vec<LegendSlot>,
    pub x_labels: XLabels,
    /// Anchor words, wrapped, by anchor.
    pub anchor_lines: Vec<Vec<String>>,
    /// Right edge of the anchor words' column.
    pub anchor_right: f64,
    /// Right edge of the score numbers.
    pub tick_right: f64,
    pub font_px: f64,
    pub small_px: f64,
    pub title_px: f64,
}

/// The picture's size in pixels: its size in points times its scale.
pub fn pixel_size(size: &ExportSize) -> (u32, u32) {
    let scale = f64::from(size.scale.clamp(0.1, 16.0));
    let width_px = (f64::from(size.width) * scale).round().max(1.0) as u32;
    let height_px = (f64::from(size.height) * scale).round().max(1.0) as u32;
    (width_px, height_px)
}

impl Layout {
    pub fn new(scene: &Scene, size: &ExportSize, theme: &Theme) -> Self {
        let scale = f64::from(size.scale.clamp(0.1, 16.0));
        let (width_px, height_px) = pixel_size(size);
        let (width, height) = (f64::from(width_px), f64::from(height_px));
        let pad = PAD_PT * scale;
        let font_px = f64::from(theme.font_size) * scale;
        let small_px = font_px * 0.9;
        let title_px = f64::from(theme.title_size) * scale;
        let line = font_px * 1.35;

        let mut top = pad;
        let title_y = top + title_px * 0.5;
        if !scene.title.is_empty() {
            top += title_px * 1.3;
        }
        let subtitle_y = top + font_px * 0.5;
        if !scene.subtitle.is_empty() {
            top += line;
        }

        // Legend entries flow in rows across the width (from the right for right-to-left text).
        let mut legend = Vec::new();
        if !scene.legend.is_empty() {
            top += font_px * 0.4;
            let swatch = LEGEND_SWATCH_PT * scale;
            let gap = font_px * 1.2;
            let available = width - 2.0 * pad;
            let mut row_used = 0.0;
            let mut row = 0usize;
            for (entry_index, entry) in scene.legend.iter().enumerate() {
                let label = truncate(&entry.label, font_px, false, available / 2.0);
                let entry_width = legend_entry_width(&label, font_px, swatch);
                if row_used > 0.0 && row_used + entry_width > available {
                    row += 1;
                    row_used = 0.0;
                }
                let x = if scene.rtl {
                    width - pad - row_used - entry_width
                } else {
                    pad + row_used
                };
                legend.push(LegendSlot {
                    entry: entry_index,
                    x,
                    y: top + row as f64 * line + font_px * 0.5,
                    label,
                });
                row_used += entry_width + gap;
            }
            top += (row + 1) as f64 * line;
        }
        top += font_px * 0.3;

        let phase_strip_height = if scene.phases.is_empty() {
            0.0
        } else {
            font_px * 1.7
        };
        let phase_top = top;
        top += phase_strip_height;

        // Left: the anchor words, then the score numbers.
        let anchor_lines: Vec<Vec<String>> = scene
            .y_anchors
            .iter()
            .map(|a| {
                wrap(&a.label, small_px, true, ANCHOR_MAX_PT * scale).unwrap_or_else(|| {
                    vec![truncate(&a.label, small_px, true, ANCHOR_MAX_PT * scale)]
                })
            })
            .collect();
        let anchor_width = anchor_lines
            .iter()
            .flatten()
            .map(|l| text_width(l, small_px, true))
            .fold(0.0, f64::max);
        let tick_width = scene
            .y_ticks
            .iter()
            .map(|&y| text_width(&score_label(y), font_px, false))
            .fold(0.0, f64::max);
        let anchor_right = pad + anchor_width;
        let tick_right = anchor_right
            + if anchor_width > 0.0 {
                font_px * 0.8
            } else {
                0.0
            }
            + tick_width;
        let left = tick_right + font_px * 0.6;
        let right = width - pad;
        let plot_width = (right - left).max(1.0);

        // Bottom: the touchpoint names, horizontal if they fit, wrapped if that helps, else turned.
        let span = scene.x_range.1 - scene.x_range.0;
        let px_per_x = if span > 0.0 {
            plot_width / span
        } else {
            plot_width
        };
        let mut xs: Vec<f64> = scene.x_ticks.iter().map(|t| t.x).collect();
        xs.sort_by(f64::total_cmp);
        let closest = xs
            .windows(2)
            .map(|w| w[1] - w[0])
            .fold(span.max(f64::EPSILON), f64::min);
        let slot = (closest * px_per_x - font_px * 0.5).max(font_px);
        let max_lines = 3;
        let wrapped: Option<Vec<Vec<String>>> = scene
            .x_ticks
            .iter()
            .map(|t| wrap(&t.label, small_px, false, slot).filter(|lines| lines.len() <= max_lines))
            .collect();
        let unit_height = if scene.x_unit.is_some() { line } else { 0.0 };
        let (x_labels, labels_height) = match wrapped {
            Some(lines) => {
                let most = lines.iter().map(Vec::len).max().unwrap_or(1);
                (
                    XLabels::Lines(lines),
                    most as f64 * small_px * 1.2 + font_px * 0.6,
                )
            }
            None => {
                let labels: Vec<String> = scene
                    .x_ticks
                    .iter()
                    .map(|t| truncate(&t.label, small_px, false, ROTATED_MAX_PT * scale))
                    .collect();
                let longest = labels
                    .iter()
                    .map(|l| text_width(l, small_px, false))
                    .fold(0.0, f64::max);
                (XLabels::Rotated(labels), longest + font_px * 0.8)
            }
        };
        let bottom = (height - pad - unit_height - labels_height).max(top + 1.0);

        Self {
            width_px,
            height_px,
            scale,
            plot: Rect {
                left,
                top,
                right,
                bottom,
            },
            phase_strip: Rect {
                left,
                top: phase_top,
                right,
                bottom: top,
            },
            title_y,
            subtitle_y,
            legend,
            x_labels,
            anchor_lines,
            anchor_right,
            tick_right,
            font_px,
            small_px,
            title_px,
        }
    }

    /// The pixel where a data point `(x, y)` of `scene` is drawn.
    pub fn to_pixel(&self, scene: &Scene, x: f64, y: f64) -> (f64, f64) {
        let p = &self.plot;
        (
            p.left + scene.x_fraction(x) * p.width(),
            p.bottom - scene.y_fraction(y) * p.height(),
        )
    }
}

fn legend_entry_width(label: &str, font_px: f64, swatch: f64) -> f64 {
    swatch + font_px * 0.4 + text_width(label, font_px, false)
}

/// "+3", "0", "−2": a score as the axis shows it (a true minus sign).
pub fn score_label(score: f64) -> String {
    let rounded = (score * 10.0).round() / 10.0;
    let text = if rounded.fract() == 0.0 {
        format!("{}", rounded.abs() as i64)
    } else {
        format!("{:.1}", rounded.abs())
    };
    if rounded > 0.0 {
        format!("+{text}")
    } else if rounded < 0.0 {
        format!("−{text}")
    } else {
        text
    }
}
