//! Painting pieces shared with nothing else on screen: the legend, text laid out right to
//! left where it should be, and the marker glyphs (the same shapes `export` draws).

use super::color;
use crate::app::bidi;
use crate::chart::MarkerKind;
use crate::chart::MarkerShape;
use crate::chart::Scene;
use crate::chart::Theme;
use crate::chart::marker_look;
use egui::Align2;
use egui::Color32;
use egui::FontId;
use egui::Pos2;
use egui::Rect;
use egui::Shape;
use egui::Stroke;
use egui::Vec2;
use egui::pos2;
use egui::vec2;

/// The legend as a row of swatches under the title; returns the y below it.
pub(super) fn legend_ui(
    painter: &egui::Painter,
    scene: &Scene,
    theme: &Theme,
    rect: Rect,
    top: f32,
) -> f32 {
    if scene.legend.is_empty() {
        return top;
    }
    let font = FontId::proportional(theme.font_size * 0.9);
    let swatch = theme.font_size * 1.6;
    let row_height = theme.font_size * 1.4;
    let mut x = rect.left() + 12.0;
    let mut y = top + row_height / 2.0;
    for entry in &scene.legend {
        let galley = text_galley(
            painter,
            &entry.label,
            font.clone(),
            color(theme.text),
            f32::INFINITY,
        );
        let width = swatch + 6.0 + galley.size().x + 18.0;
        if x + width > rect.right() - 12.0 && x > rect.left() + 12.0 {
            x = rect.left() + 12.0;
            y += row_height;
        }
        let c = color(entry.color);
        if let Some(kind) = entry.symbol {
            let r = theme.marker_radius * 0.9;
            marker_glyph(
                painter,
                pos2(x + swatch / 2.0, y),
                kind,
                r,
                theme,
                &font,
                false,
            );
        } else if entry.filled {
            painter.rect_filled(
                Rect::from_min_size(pos2(x, y - 5.0), vec2(swatch, 10.0)),
                2.0,
                c,
            );
        } else {
            let line = [pos2(x, y), pos2(x + swatch, y)];
            if entry.dashed {
                painter.extend(Shape::dashed_line(
                    &line,
                    Stroke::new(theme.line_width, c),
                    5.0,
                    3.0,
                ));
            } else {
                painter.line_segment(line, Stroke::new(theme.line_width, c));
            }
            if let Some(shape) = entry.marker {
                marker_shape(
                    painter,
                    pos2(x + swatch / 2.0, y),
                    shape,
                    theme.marker_radius,
                    c,
                    color(theme.background),
                );
            }
        }
        painter.galley(
            pos2(x + swatch + 6.0, y - galley.size().y / 2.0),
            galley,
            color(theme.text),
        );
        x += width;
    }
    y + row_height / 2.0
}

/// Journey text for the painter, in reading order also when it mixes right-to-left and
/// left-to-right runs (see [`bidi`]); wrapped at `wrap_width`.
pub(super) fn text_galley(
    painter: &egui::Painter,
    text: &str,
    font: FontId,
    color: Color32,
    wrap_width: f32,
) -> std::sync::Arc<egui::Galley> {
    let mut job = bidi::job(text, egui::TextFormat::simple(font, color));
    job.wrap.max_width = wrap_width;
    painter.layout_job(job)
}

/// [`egui::Painter::text`] for journey text: laid out by [`text_galley`]. Returns its rect.
pub(super) fn paint_text(
    painter: &egui::Painter,
    pos: Pos2,
    align: Align2,
    text: &str,
    font: FontId,
    color: Color32,
) -> Rect {
    let galley = text_galley(painter, text, font, color, f32::INFINITY);
    let rect = align.anchor_size(pos, galley.size());
    painter.galley(rect.min, galley, color);
    rect
}

/// A turning point, critical point or flag as the chart draws it, so the legend shows the same
/// glyph. On the chart (`at_point`) a critical point carries its rank and the glyphs stand off
/// the point (flags and triangles above or below it); in the legend each is centred on `p`.
pub(super) fn marker_glyph(
    painter: &egui::Painter,
    p: Pos2,
    kind: MarkerKind,
    r: f32,
    theme: &Theme,
    font: &FontId,
    at_point: bool,
) {
    let (shape, tone) = marker_look(kind, theme);
    let c = color(tone);
    match kind {
        MarkerKind::Critical { rank, .. } => {
            painter.circle(p, r * 1.5, Color32::WHITE, Stroke::new(2.5, c));
            if at_point {
                painter.text(p, Align2::CENTER_CENTER, rank.to_string(), font.clone(), c);
            }
        }
        MarkerKind::Flag { .. } => {
            let foot = if at_point {
                p + vec2(0.0, -r * 1.2)
            } else {
                p + vec2(-r * 0.6, r * 1.2)
            };
            let pole = [foot - vec2(0.0, r * 2.3), foot];
            painter.line_segment(pole, Stroke::new(2.0, c));
            painter.add(Shape::convex_polygon(
                vec![
                    pole[0],
                    pole[0] + vec2(r * 1.8, r * 0.6),
                    pole[0] + vec2(0.0, r * 1.2),
                ],
                c,
                Stroke::NONE,
            ));
        }
        _ => {
            // Rising kinds stand above the point, falling ones below, clear of the curve.
            let up = matches!(
                kind,
                MarkerKind::Peak | MarkerKind::Rise | MarkerKind::CrossingUp
            );
            let offset = match (at_point, up) {
                (false, _) => 0.0,
                (true, true) => -r * 1.6,
                (true, false) => r * 1.6,
            };
            marker_shape(
                painter,
                p + vec2(0.0, offset),
                shape,
                r * 0.8,
                c,
                Color32::WHITE,
            );
        }
    }
}

pub fn marker_shape(
    painter: &egui::Painter,
    p: Pos2,
    shape: MarkerShape,
    r: f32,
    fill: Color32,
    outline: Color32,
) {
    let stroke = Stroke::new(1.0, outline);
    match shape {
        MarkerShape::Circle => {
            painter.circle(p, r, fill, stroke);
        }
        MarkerShape::Square => {
            painter.rect(
                Rect::from_center_size(p, Vec2::splat(r * 1.8)),
                0.0,
                fill,
                stroke,
                egui::StrokeKind::Middle,
            );
        }
        MarkerShape::Diamond | MarkerShape::TriangleUp | MarkerShape::TriangleDown => {
            let d = r * 1.3;
            let corners = match shape {
                MarkerShape::Diamond => {
                    vec![vec2(0.0, -d), vec2(d, 0.0), vec2(0.0, d), vec2(-d, 0.0)]
                }
                MarkerShape::TriangleUp => vec![vec2(0.0, -d), vec2(d, d * 0.8), vec2(-d, d * 0.8)],
                _ => vec![vec2(0.0, d), vec2(-d, -d * 0.8), vec2(d, -d * 0.8)],
            };
            let points = corners.into_iter().map(|c| p + c).collect();
            painter.add(Shape::convex_polygon(points, fill, stroke));
        }
        MarkerShape::Cross => {
            let d = r * 1.1;
            let s = Stroke::new(r * 0.7, fill);
            painter.line_segment([p + vec2(-d, -d), p + vec2(d, d)], s);
            painter.line_segment([p + vec2(-d, d), p + vec2(d, -d)], s);
        }
    }
}

pub use crate::session::format_score;

/// Breaks `text` into at most `max_lines` lines of at most `width` points at word boundaries,
/// in logical order, ending in "…" when it does not fit. Each line is then laid out (and, for
/// Hebrew, reordered for display) by egui on its own, so the first words are always on the
/// first line, whatever the text's direction.
pub fn wrap_logical(
    painter: &egui::Painter,
    text: &str,
    font: &FontId,
    width: f32,
    max_lines: usize,
) -> String {
    let measure = |s: &str| {
        painter
            .layout_no_wrap(s.to_owned(), font.clone(), Color32::BLACK)
            .size()
            .x
    };
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut words = text.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if measure(&candidate) <= width || current.is_empty() {
            current = candidate;
            continue;
        }
        lines.push(std::mem::replace(&mut current, word.to_owned()));
        if lines.len() == max_lines {
            // No room for the rest: mark the last line as cut.
            if let Some(last) = lines.last_mut() {
                while !last.is_empty() && measure(&format!("{last}…")) > width {
                    last.pop();
                }
                last.push('…');
            }
            return lines.join("\n");
        }
        if words.peek().is_none() {
            break;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines.join("\n")
}
