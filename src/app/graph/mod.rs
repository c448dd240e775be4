//! Paints a [`Scene`] with egui and turns pointer input on it into edits.
//!
//! The painter mirrors `export`'s plotters painter: same Scene, same order of layers, so the
//! screen and the exported chart agree.

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Shape, Stroke, Vec2, pos2, vec2};

use super::bidi;
use crate::chart::{CurveKey, Emphasis, MarkerKind, Rgba, Scene, Theme, labels, marker_look};

pub mod access;
pub mod chart_means;
mod edit;
mod paint;

use edit::{edit_ui, nearest_point};
pub use paint::{format_score, marker_shape, wrap_logical};
use paint::{legend_ui, marker_glyph, paint_text, text_galley};

pub fn color(rgba: Rgba) -> Color32 {
    let [r, g, b, a] = rgba.0;
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

/// Above this many curves, only the selected one is drawn with point markers.
pub const MAX_CURVES_WITH_MARKERS: usize = 24;

/// Scores snap to half points: finer than a workshop can tell apart, coarse enough to hit.
pub const SNAP: f64 = 0.5;

pub fn snap(score: f64) -> f64 {
    (score / SNAP).round() * SNAP
}

/// Maps between data coordinates (touchpoint x, score) and screen points.
#[derive(Clone, Copy, Debug)]
pub struct Transform {
    pub plot: Rect,
    x_range: (f64, f64),
    y_range: (f64, f64),
}

impl Transform {
    pub fn new(plot: Rect, scene: &Scene) -> Self {
        Self {
            plot,
            x_range: scene.x_range,
            y_range: scene.y_range,
        }
    }

    pub fn to_screen(&self, x: f64, y: f64) -> Pos2 {
        let fx = fraction(x, self.x_range);
        let fy = fraction(y, self.y_range);
        pos2(
            self.plot.left() + fx as f32 * self.plot.width(),
            self.plot.bottom() - fy as f32 * self.plot.height(),
        )
    }

    pub fn x_to_screen(&self, x: f64) -> f32 {
        self.to_screen(x, 0.0).x
    }

    pub fn y_to_screen(&self, y: f64) -> f32 {
        self.to_screen(0.0, y).y
    }

    /// The score under a screen y.
    pub fn score_at(&self, screen_y: f32) -> f64 {
        let (min, max) = self.y_range;
        let f = f64::from((self.plot.bottom() - screen_y) / self.plot.height().max(1.0));
        min + f * (max - min)
    }
}

fn fraction(v: f64, (min, max): (f64, f64)) -> f64 {
    if max > min {
        (v - min) / (max - min)
    } else {
        0.5
    }
}

/// The case being edited on the graph, and where the keyboard cursor is.
pub struct EditTarget<'a> {
    pub case_index: usize,
    pub case_name: &'a str,
    /// Touchpoint names in process order.
    pub touchpoint_names: Vec<&'a str>,
    pub touchpoint_xs: Vec<f64>,
    /// The case's score at each touchpoint, `None` where it skipped it.
    pub scores: Vec<Option<f64>>,
    pub cursor: Option<usize>,
    /// What the user is typing at the cursor, shown in place of the score.
    pub entry: &'a str,
    /// Why the typed entry is not taken, said next to it.
    pub entry_problem: Option<&'a str>,
}

/// What the user did on the graph this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum GraphAction {
    /// Drag of a point (or click in a column): a gesture that ends with `EndGesture`.
    SetScore {
        touchpoint: usize,
        score: f64,
    },
    EndGesture,
    MoveCursor(usize),
    SelectCase(usize),
    /// A click on a pattern's mean curve: open that pattern.
    SelectPattern(usize),
    /// A click on a critical point's marker (by touchpoint index): open its panel.
    PickCritical(usize),
}

/// Paints the scene into `rect` and reports what the user did.
pub fn graph_ui(
    ui: &mut egui::Ui,
    scene: &Scene,
    theme: &Theme,
    edit: Option<&EditTarget<'_>>,
    highlight: Option<[f64; 2]>,
) -> Vec<GraphAction> {
    let mut actions = Vec::new();
    let rect = ui.available_rect_before_wrap();
    let painter = ui.painter_at(rect);
    let font = FontId::proportional(theme.font_size);
    let small = FontId::proportional(theme.font_size * 0.85);
    let text_color = color(theme.text);
    painter.rect_filled(rect, 0.0, color(theme.background));

    // Title and subtitle at the top; the title follows the journey's direction.
    let title_font = FontId::proportional(theme.title_size);
    let title_align = if scene.rtl {
        Align2::RIGHT_TOP
    } else {
        Align2::LEFT_TOP
    };
    let title_x = if scene.rtl {
        rect.right() - 12.0
    } else {
        rect.left() + 12.0
    };
    let title_rect = paint_text(
        &painter,
        pos2(title_x, rect.top() + 8.0),
        title_align,
        &scene.title,
        title_font,
        text_color,
    );
    let mut top = title_rect.bottom() + 4.0;
    if !scene.subtitle.is_empty() {
        let r = paint_text(
            &painter,
            pos2(title_x, top),
            title_align,
            &scene.subtitle,
            small.clone(),
            color(theme.weak_text),
        );
        top = r.bottom() + 4.0;
    }
    top = legend_ui(&painter, scene, theme, rect, top) + 6.0;

    // Left margin: wide enough for the anchor words next to the score ticks.
    let anchor_width = scene
        .y_anchors
        .iter()
        .map(|a| {
            text_galley(&painter, &a.label, small.clone(), text_color, f32::INFINITY)
                .size()
                .x
        })
        .fold(0.0_f32, f32::max);
    let left = rect.left() + anchor_width.min(rect.width() * 0.25) + theme.font_size * 2.5;
    // Touchpoint names decide how much room the plot leaves below itself: lay them out first.
    // Each wraps into the room to its neighbours; where a time axis crowds them, every other
    // name drops to a second row.
    let plot_x = (left, rect.right() - 16.0);
    let x_only = Transform::new(Rect::from_x_y_ranges(plot_x.0..=plot_x.1, 0.0..=1.0), scene);
    let tick_xs: Vec<f32> = scene
        .x_ticks
        .iter()
        .map(|tick| x_only.x_to_screen(tick.x))
        .collect();
    let room = |i: usize| {
        let left = i
            .checked_sub(1)
            .and_then(|j| tick_xs.get(j))
            .map(|&x| tick_xs[i] - x);
        let right = tick_xs.get(i + 1).map(|&x| x - tick_xs[i]);
        match (left, right) {
            (Some(l), Some(r)) => l.min(r),
            (Some(d), None) | (None, Some(d)) => d,
            (None, None) => plot_x.1 - plot_x.0,
        }
    };
    let crowded = (0..tick_xs.len()).any(|i| room(i) < theme.font_size * 3.5);
    let line_height = theme.font_size * 1.2;
    let tick_labels: Vec<(f32, std::sync::Arc<egui::Galley>)> = scene
        .x_ticks
        .iter()
        .enumerate()
        .map(|(i, tick)| {
            let width = if crowded { room(i) * 2.0 } else { room(i) } - 6.0;
            let highlighted = edit.is_some_and(|e| e.cursor == Some(tick.touchpoint));
            let font = if highlighted {
                FontId::proportional(theme.font_size * 1.05)
            } else {
                small.clone()
            };
            let text = wrap_logical(
                &painter,
                &tick.label,
                &font,
                width.max(theme.font_size * 3.0),
                3,
            );
            let mut job = bidi::job(&text, egui::TextFormat::simple(font, text_color));
            job.halign = egui::Align::Center;
            (tick_xs[i], painter.layout_job(job))
        })
        .collect();
    let first_row = tick_labels
        .iter()
        .step_by(if crowded { 2 } else { 1 })
        .map(|(_, g)| g.size().y)
        .fold(0.0, f32::max);
    let second_row = if crowded {
        tick_labels
            .iter()
            .skip(1)
            .step_by(2)
            .map(|(_, g)| g.size().y)
            .fold(0.0, f32::max)
            + 4.0
    } else {
        0.0
    };
    let unit_row = if scene.x_unit.is_some() {
        line_height * 1.3
    } else {
        0.0
    };
    let bottom_room = 10.0 + first_row + second_row + unit_row;
    let plot = Rect::from_min_max(
        pos2(plot_x.0, top + theme.font_size * 1.6),
        pos2(
            plot_x.1,
            rect.bottom() - bottom_room.min(rect.height() * 0.35),
        ),
    );
    if plot.width() < 20.0 || plot.height() < 20.0 {
        return actions;
    }
    let t = Transform::new(plot, scene);

    // Positive and negative halves, tinted.
    let zero_y = t.y_to_screen(0.0).clamp(plot.top(), plot.bottom());
    painter.rect_filled(
        Rect::from_min_max(plot.min, pos2(plot.right(), zero_y)),
        0.0,
        color(theme.positive_tint),
    );
    painter.rect_filled(
        Rect::from_min_max(pos2(plot.left(), zero_y), plot.max),
        0.0,
        color(theme.negative_tint),
    );

    // Phase bands with their names along the top.
    for band in &scene.phases {
        let x0 = t.x_to_screen(band.x_min).max(plot.left());
        let x1 = t.x_to_screen(band.x_max).min(plot.right());
        let band_rect = Rect::from_min_max(pos2(x0, plot.top()), pos2(x1, plot.bottom()));
        painter.rect_filled(band_rect, 0.0, color(band.shade));
        painter.line_segment(
            [
                pos2(x1, plot.top() - theme.font_size * 1.4),
                pos2(x1, plot.bottom()),
            ],
            Stroke::new(1.0, color(theme.grid)),
        );
        let label = text_galley(
            &painter,
            &band.label,
            font.clone(),
            color(theme.weak_text),
            (x1 - x0 - 4.0).max(10.0),
        );
        painter.galley(
            pos2(
                (x0 + x1) / 2.0 - label.size().x / 2.0,
                plot.top() - theme.font_size * 1.4,
            ),
            label,
            text_color,
        );
    }

    // Grid, score ticks and anchor words.
    for &y in &scene.y_ticks {
        let sy = t.y_to_screen(y);
        painter.line_segment(
            [pos2(plot.left(), sy), pos2(plot.right(), sy)],
            Stroke::new(1.0, color(theme.grid)),
        );
        painter.text(
            pos2(plot.left() - 6.0, sy),
            Align2::RIGHT_CENTER,
            format_score(y),
            small.clone(),
            color(theme.weak_text),
        );
    }
    for anchor in &scene.y_anchors {
        let sy = t.y_to_screen(anchor.y);
        paint_text(
            &painter,
            pos2(rect.left() + 6.0, sy),
            Align2::LEFT_CENTER,
            &anchor.label,
            small.clone(),
            text_color,
        );
    }
    painter.line_segment(
        [pos2(plot.left(), zero_y), pos2(plot.right(), zero_y)],
        Stroke::new(theme.line_width.max(2.0), color(theme.zero_line)),
    );

    // Touchpoint ticks and their names (laid out above).
    for (i, (sx, galley)) in tick_labels.into_iter().enumerate() {
        painter.line_segment(
            [pos2(sx, plot.top()), pos2(sx, plot.bottom())],
            Stroke::new(1.0, color(theme.grid).gamma_multiply(0.7)),
        );
        let row_offset = if crowded && i % 2 == 1 {
            first_row + 4.0
        } else {
            0.0
        };
        painter.galley(
            pos2(sx, plot.bottom() + 6.0 + row_offset),
            galley,
            text_color,
        );
    }
    if let Some(unit) = &scene.x_unit {
        paint_text(
            &painter,
            pos2(plot.center().x, rect.bottom() - 4.0),
            Align2::CENTER_BOTTOM,
            &crate::tr!("chart-time-axis", unit = unit.as_str()),
            small.clone(),
            color(theme.weak_text),
        );
    }
    painter.rect_stroke(
        plot,
        0.0,
        Stroke::new(1.0, color(theme.grid)),
        egui::StrokeKind::Inside,
    );

    // Bands under the curves.
    for band in &scene.bands {
        let mut mesh = egui::Mesh::default();
        let fill = color(band.fill);
        for (lo, hi) in band.lower.iter().zip(&band.upper) {
            let base = mesh.vertices.len() as u32;
            mesh.colored_vertex(t.to_screen(lo[0], lo[1]), fill);
            mesh.colored_vertex(t.to_screen(hi[0], hi[1]), fill);
            if base >= 2 {
                mesh.add_triangle(base - 2, base - 1, base);
                mesh.add_triangle(base - 1, base, base + 1);
            }
        }
        painter.add(Shape::mesh(mesh));
    }

    // Curves: faded context first, the selected case last, on top. With many curves on screen
    // their markers would be noise (and thousands of shapes per frame): only the selected
    // curve keeps its markers then.
    let drawn_curves = scene
        .curves
        .iter()
        .filter(|c| c.emphasis != Emphasis::Faded)
        .count();
    let markers_for_all = drawn_curves <= MAX_CURVES_WITH_MARKERS;
    for pass in [Emphasis::Faded, Emphasis::Normal, Emphasis::Selected] {
        for curve in scene.curves.iter().filter(|c| c.emphasis == pass) {
            let mut c = color(curve.color);
            if pass == Emphasis::Faded {
                c = c.gamma_multiply(0.25);
            }
            let points: Vec<Pos2> = curve.points.iter().map(|p| t.to_screen(p.x, p.y)).collect();
            let stroke = Stroke::new(curve.width, c);
            if curve.dashed {
                painter.extend(Shape::dashed_line(&points, stroke, 10.0, 6.0));
            } else if points.len() > 1 {
                painter.add(Shape::line(points.clone(), stroke));
            }
            if let Some(shape) = curve.marker
                && pass != Emphasis::Faded
                && (markers_for_all || pass == Emphasis::Selected)
            {
                let radius = if pass == Emphasis::Selected {
                    theme.marker_radius * 1.5
                } else {
                    theme.marker_radius
                };
                for p in &points {
                    marker_shape(&painter, *p, shape, radius, c, color(theme.background));
                }
            }
        }
    }

    // Turning and critical points; their badges are placed after all markers are drawn, so no
    // badge covers another badge or a marker.
    let mut obstacles = Vec::with_capacity(scene.markers.len());
    let mut badges = Vec::new();
    for marker in &scene.markers {
        let p = t.to_screen(marker.x, marker.y);
        let r = theme.marker_radius * 1.6;
        // The whole glyph: a flag stands 3.5 r above its point, triangles 2.4 r off it.
        let ring = Rect::from_center_size(p, Vec2::splat(r * 3.0));
        let glyph = match marker.kind {
            MarkerKind::Critical { .. } => ring,
            MarkerKind::Flag { .. } => ring.union(Rect::from_min_max(
                p + vec2(-1.0, -r * 3.5),
                p + vec2(r * 1.8, 0.0),
            )),
            MarkerKind::Peak | MarkerKind::Rise | MarkerKind::CrossingUp => ring.union(
                Rect::from_center_size(p + vec2(0.0, -r * 1.6), Vec2::splat(r * 2.2)),
            ),
            _ => ring.union(Rect::from_center_size(
                p + vec2(0.0, r * 1.6),
                Vec2::splat(r * 2.2),
            )),
        };
        obstacles.push([glyph.left(), glyph.top(), glyph.right(), glyph.bottom()].map(f64::from));
        marker_glyph(&painter, p, marker.kind, r, theme, &small, true);
        if let Some(badge) = &marker.badge {
            // Long badges are cut to a third of the plot, so they don't cover the curves.
            let max_width = plot.width() / 3.0;
            let format = egui::TextFormat::simple(small.clone(), text_color);
            let width = |s: &str| {
                let job = bidi::job(s, format.clone());
                ui.ctx().fonts_mut(|f| f.layout_job(job)).size().x
            };
            // A screen reader has no width to fit: its node says the whole badge.
            let full = badge.full();
            let badge = badge.fit(width, max_width);
            let mut job = bidi::job(&badge, format);
            job.wrap = egui::text::TextWrapping::truncate_at_width(max_width);
            let galley = painter.layout_job(job);
            let size = galley.size() + Vec2::splat(6.0);
            let request = labels::LabelRequest {
                anchor: [f64::from(p.x), f64::from(p.y)],
                size: [f64::from(size.x), f64::from(size.y)],
                gap: f64::from(r * 1.6),
            };
            let tone = color(marker_look(marker.kind, theme).1);
            badges.push((marker.kind.badge_priority(), request, galley, tone, full));
        }
    }
    badges.sort_by_key(|(importance, ..)| *importance);
    let requests: Vec<labels::LabelRequest> = badges.iter().map(|(_, r, ..)| *r).collect();
    let bounds = [plot.left(), plot.top(), plot.right(), plot.bottom()].map(f64::from);
    let places = labels::place_labels(&requests, bounds, &obstacles);
    for ((importance, request, galley, tone, full), place) in badges.into_iter().zip(places) {
        let Some([left, top]) = place else { continue };
        if let Some([from, to]) = labels::leader(&request, [left, top]) {
            let [from, to] = [from, to].map(|[x, y]| pos2(x as f32, y as f32));
            painter.line_segment([from, to], Stroke::new(1.5, tone));
        }
        let bg = Rect::from_min_size(
            pos2(left as f32, top as f32),
            galley.size() + Vec2::splat(6.0),
        );
        // The chart's own background, nearly opaque: readable in every theme.
        painter.rect_filled(bg, 3.0, color(theme.background).gamma_multiply(0.92));
        painter.rect_stroke(
            bg,
            3.0,
            Stroke::new(1.0, color(theme.grid)),
            egui::StrokeKind::Inside,
        );
        access::badge_node(ui, bg, request.anchor.map(f64::to_bits), importance, &full);
        painter.galley(bg.min + Vec2::splat(3.0), galley, text_color);
    }

    // The point picked in the critical-points list: a ring that draws the eye.
    if let Some([x, y]) = highlight {
        let p = t.to_screen(x, y);
        let r = theme.marker_radius * 5.0;
        painter.circle_stroke(p, r, Stroke::new(3.0, ui.visuals().selection.stroke.color));
        painter.circle_stroke(p, r + 4.0, Stroke::new(1.5, Color32::WHITE));
    }

    // The whole plot reacts to clicks (select a case, score a skipped touchpoint) and hover.
    let response = ui.allocate_rect(rect, Sense::click());
    let hovered = ui.ctx().pointer_hover_pos().filter(|p| plot.contains(*p));
    let nearest =
        hovered.and_then(|pointer| nearest_point(scene, &t, pointer, theme.marker_radius * 3.0));
    if let Some((curve_index, point_index)) = nearest
        && let Some(curve) = scene.curves.get(curve_index)
        && let Some(point) = curve.points.get(point_index)
    {
        let touchpoint = scene
            .x_ticks
            .get(point.touchpoint)
            .map_or("", |tick| tick.label.as_str());
        let response = response.clone().on_hover_ui_at_pointer(|ui| {
            bidi::label(ui, egui::RichText::new(&curve.label).strong());
            bidi::label(
                ui,
                format!("{}: {}", bidi::isolate(touchpoint), format_score(point.y)),
            );
            if !point.note.is_empty() {
                bidi::label(ui, &point.note);
            }
        });
        if response.clicked() {
            match curve.key {
                CurveKey::Case(case_index) if edit.is_none_or(|e| e.case_index != case_index) => {
                    actions.push(GraphAction::SelectCase(case_index));
                }
                CurveKey::Pattern(index) => actions.push(GraphAction::SelectPattern(index)),
                _ => {}
            }
        }
    }
    // Critical points are buttons: a click opens their panel (details, flag and assign).
    // The one under the pointer holds the hover, so its tooltip is shown from it.
    let mut critical_hovered: Option<(usize, egui::Response)> = None;
    for (i, marker) in scene.markers.iter().enumerate() {
        let MarkerKind::Critical { rank, .. } = marker.kind else {
            continue;
        };
        let p = t.to_screen(marker.x, marker.y);
        let hit = Rect::from_center_size(p, Vec2::splat(theme.marker_radius * 4.0));
        let id = ui.scope_id().with(("critical_marker", i));
        let point = ui.interact(hit, id, egui::Sense::click());
        let label = access::critical_label(scene, marker, rank);
        point.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if point.clicked() {
            actions.push(GraphAction::PickCritical(marker.touchpoint));
        }
        if point.hovered() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            critical_hovered = Some((i, point));
        }
    }
    for (i, marker) in scene.markers.iter().enumerate() {
        if let Some(pointer) = hovered
            && t.to_screen(marker.x, marker.y).distance(pointer) < theme.marker_radius * 3.0
            && !marker.tooltip.is_empty()
        {
            // Laid out run by run (a Hebrew tooltip holds numbers and Latin names) and read
            // out as written.
            let said = super::words::in_words(&marker.tooltip);
            // A tooltip shows from a hovered widget: on a critical point that is its button
            // (the chart's own area under it is not hovered then).
            let owner = match &critical_hovered {
                Some((at, point)) if *at == i => point.clone(),
                _ => response.clone(),
            };
            owner.on_hover_ui_at_pointer(|ui| {
                ui.set_max_width(ui.spacing().tooltip_width);
                bidi::label(ui, said.as_str());
            });
        }
    }

    if let Some(edit) = edit {
        edit_ui(ui, edit, &t, theme, &mut actions);
    }
    access::curve_nodes(ui, scene, &t, edit.is_some());
    actions
}
