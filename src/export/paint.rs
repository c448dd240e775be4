//! Paints a [`Scene`] on any plotters backend: the PNG and the SVG share every line of it.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::ExportError;
use super::layout::{LEGEND_SWATCH_PT, Layout, PAD_PT, XLabels, score_label};
use super::text::{EM_PER_SIZE, font, paintable, text_width, truncate, visual_order};
use crate::chart::{
    Emphasis, FADED_ALPHA, Marker, MarkerKind, MarkerShape, Rgba, Scene, Theme, labels, marker_look,
};

type Area<DB> = DrawingArea<DB, Shift>;

/// How far a caption's visual middle (of its capitals) sits above its baseline, in ems.
const CAP_MIDDLE_EM: f64 = 0.36;

pub(crate) struct Painter<'a, DB: DrawingBackend> {
    pub area: &'a Area<DB>,
    pub scene: &'a Scene,
    pub layout: &'a Layout,
    pub theme: &'a Theme,
    /// The bitmap backend draws glyphs in the order given, so right-to-left text must be handed
    /// over in display order; SVG keeps the logical order and lets the viewer apply bidi.
    pub visual_bidi: bool,
}

fn color(c: Rgba) -> RGBAColor {
    let [r, g, b, a] = c.0;
    RGBAColor(r, g, b, f64::from(a) / 255.0)
}

/// `top` laid over the opaque colour `base`: the opaque colour the eye sees.
fn over(base: Rgba, top: Rgba) -> Rgba {
    let alpha = u16::from(top.0[3]);
    let mix =
        |b: u8, t: u8| ((u16::from(b) * (255 - alpha) + u16::from(t) * alpha + 127) / 255) as u8;
    let [br, bg, bb, _] = base.0;
    let [tr, tg, tb, _] = top.0;
    Rgba([mix(br, tr), mix(bg, tg), mix(bb, tb), 255])
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

impl<DB: DrawingBackend> Painter<'_, DB> {
    fn check<T, E: std::fmt::Debug>(result: Result<T, E>) -> Result<T, ExportError> {
        result.map_err(|e| ExportError::Draw(format!("{e:?}")))
    }

    pub fn paint(&self) -> Result<(), ExportError> {
        let t = self.theme;
        Self::check(self.area.fill(&color(t.background)))?;
        self.paint_tints()?;
        self.paint_phases()?;
        self.paint_grid()?;
        self.paint_y_axis()?;
        self.paint_x_axis()?;
        for band in &self.scene.bands {
            self.paint_band(band)?;
        }
        // Faded context first, the selected curve last: what matters is on top.
        for emphasis in [Emphasis::Faded, Emphasis::Normal, Emphasis::Selected] {
            for curve in self.scene.curves.iter().filter(|c| c.emphasis == emphasis) {
                self.paint_curve(curve)?;
            }
        }
        self.paint_markers()?;
        self.paint_frame()?;
        self.paint_titles()?;
        self.paint_legend()?;
        Ok(())
    }

    fn s(&self) -> f64 {
        self.layout.scale
    }

    fn rect(
        &self,
        left: f64,
        top: f64,
        right: f64,
        bottom: f64,
        fill: Rgba,
    ) -> Result<(), ExportError> {
        if fill.0[3] == 0 || right <= left || bottom <= top {
            return Ok(());
        }
        Self::check(self.area.draw(&Rectangle::new(
            [(px(left), px(top)), (px(right), px(bottom))],
            color(fill).filled(),
        )))
    }

    fn line(
        &self,
        points: &[(f64, f64)],
        stroke: Rgba,
        width: f64,
        dashed: bool,
    ) -> Result<(), ExportError> {
        if points.len() < 2 || stroke.0[3] == 0 {
            return Ok(());
        }
        let style = color(stroke).stroke_width(width.round().max(1.0) as u32);
        let coords: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (px(x), px(y))).collect();
        if dashed {
            let dash = (width * 3.0).max(4.0 * self.s()).round() as i32;
            let gap = (width * 2.0).max(3.0 * self.s()).round() as i32;
            Self::check(self.area.draw(&plotters::element::DashedPathElement::new(
                coords, dash, gap, style,
            )))
        } else {
            Self::check(self.area.draw(&PathElement::new(coords, style)))
        }
    }

    /// Draws `text` with its capitals' middle at `middle_y`, aligned at `x` by `h`. Every label
    /// of both painters passes here or through [`Self::text_up`], as [`paintable`] text.
    fn text(
        &self,
        text: &str,
        (x, middle_y): (f64, f64),
        em_px: f64,
        fill: Rgba,
        h: HPos,
        bold: bool,
    ) -> Result<(), ExportError> {
        let text = paintable(text);
        if text.is_empty() {
            return Ok(());
        }
        let shown = if self.visual_bidi {
            visual_order(&text)
        } else {
            text.into_owned()
        };
        let size = em_px / EM_PER_SIZE;
        let baseline = middle_y + CAP_MIDDLE_EM * em_px;
        let style = font(em_px, bold)
            .color(&color(fill))
            .pos(Pos::new(h, VPos::Top));
        Self::check(
            self.area
                .draw_text(&shown, &style, (px(x), px(baseline - size / 2.0))),
        )
    }

    /// Draws `text` turned a quarter (reading upwards), its end at `(x, top)`.
    fn text_up(
        &self,
        text: &str,
        x: f64,
        top: f64,
        em_px: f64,
        fill: Rgba,
    ) -> Result<(), ExportError> {
        let text = paintable(text);
        let shown = if self.visual_bidi {
            visual_order(&text)
        } else {
            text.into_owned()
        };
        let size = em_px / EM_PER_SIZE;
        // Turned text has its baseline on the right: centre the capitals on x.
        let baseline_x = x + CAP_MIDDLE_EM * em_px;
        let style = font(em_px, false)
            .transform(FontTransform::Rotate270)
            .color(&color(fill))
            .pos(Pos::new(HPos::Right, VPos::Top));
        Self::check(
            self.area
                .draw_text(&shown, &style, (px(baseline_x - size / 2.0), px(top))),
        )
    }

    fn x_px(&self, x: f64) -> f64 {
        self.layout.to_pixel(self.scene, x, 0.0).0
    }

    fn y_px(&self, y: f64) -> f64 {
        self.layout.to_pixel(self.scene, 0.0, y).1
    }

    /// The tints above and below neutral, and the phase shades over them, painted as opaque
    /// colours mixed here: the same look as layering them, for a fraction of the blending work.
    fn paint_tints(&self) -> Result<(), ExportError> {
        let p = self.layout.plot;
        let zero = self.y_px(0.0).clamp(p.top, p.bottom);
        let background = self.theme.background;
        let mut regions = vec![(p.left, p.right, Rgba([0, 0, 0, 0]))];
        for phase in &self.scene.phases {
            let left = self.x_px(phase.x_min).clamp(p.left, p.right);
            let right = self.x_px(phase.x_max).clamp(p.left, p.right);
            regions.push((left, right, phase.shade));
        }
        for (left, right, shade) in regions {
            let above = over(over(background, self.theme.positive_tint), shade);
            let below = over(over(background, self.theme.negative_tint), shade);
            self.rect(left, p.top, right, zero, above)?;
            self.rect(left, zero, right, p.bottom, below)?;
        }
        Ok(())
    }

    fn paint_phases(&self) -> Result<(), ExportError> {
        let p = self.layout.plot;
        let strip = self.layout.phase_strip;
        for (i, phase) in self.scene.phases.iter().enumerate() {
            let left = self.x_px(phase.x_min).clamp(p.left, p.right);
            let right = self.x_px(phase.x_max).clamp(p.left, p.right);
            self.rect(
                left,
                strip.top,
                right,
                strip.bottom,
                over(self.theme.background, phase.shade),
            )?;
            if i > 0 {
                self.line(
                    &[(left, strip.top), (left, p.bottom)],
                    self.theme.grid,
                    self.s(),
                    false,
                )?;
            }
            let room = right - left - self.layout.font_px * 0.5;
            let label = truncate(&phase.label, self.layout.small_px, true, room);
            self.text(
                &label,
                ((left + right) / 2.0, (strip.top + strip.bottom) / 2.0),
                self.layout.small_px,
                self.theme.weak_text,
                HPos::Center,
                true,
            )?;
        }
        Ok(())
    }

    fn paint_grid(&self) -> Result<(), ExportError> {
        let p = self.layout.plot;
        let grid = self.theme.grid;
        for &y in &self.scene.y_ticks {
            let y = self.y_px(y);
            self.line(&[(p.left, y), (p.right, y)], grid, self.s(), false)?;
        }
        for tick in &self.scene.x_ticks {
            let x = self.x_px(tick.x);
            self.line(
                &[(x, p.top), (x, p.bottom)],
                grid.with_alpha(grid.0[3] / 2),
                self.s(),
                false,
            )?;
        }
        let (y_min, y_max) = self.scene.y_range;
        if y_min < 0.0 && y_max > 0.0 {
            let zero = self.y_px(0.0);
            self.line(
                &[(p.left, zero), (p.right, zero)],
                self.theme.zero_line,
                1.5 * self.s(),
                false,
            )?;
        }
        Ok(())
    }

    fn paint_frame(&self) -> Result<(), ExportError> {
        let p = self.layout.plot;
        let frame = [
            (p.left, p.top),
            (p.right, p.top),
            (p.right, p.bottom),
            (p.left, p.bottom),
            (p.left, p.top),
        ];
        self.line(
            &frame,
            self.theme.weak_text.with_alpha(120),
            self.s(),
            false,
        )
    }

    fn paint_y_axis(&self) -> Result<(), ExportError> {
        let l = self.layout;
        for &y in &self.scene.y_ticks {
            let label = score_label(y);
            self.text(
                &label,
                (l.tick_right, self.y_px(y)),
                l.font_px,
                self.theme.text,
                HPos::Right,
                false,
            )?;
        }
        let line_height = l.small_px * 1.15;
        for (anchor, lines) in self.scene.y_anchors.iter().zip(&l.anchor_lines) {
            let block = line_height * (lines.len().saturating_sub(1)) as f64;
            // Keep the block inside the plot's height: the bottom anchor's words go up, not off.
            let first = (self.y_px(anchor.y) - block / 2.0)
                .clamp(l.plot.top, (l.plot.bottom - block).max(l.plot.top));
            for (i, text) in lines.iter().enumerate() {
                self.text(
                    text,
                    (l.anchor_right, first + i as f64 * line_height),
                    l.small_px,
                    self.theme.text,
                    HPos::Right,
                    true,
                )?;
            }
        }
        Ok(())
    }

    fn paint_x_axis(&self) -> Result<(), ExportError> {
        let l = self.layout;
        let top = l.plot.bottom + l.font_px * 0.5;
        let mut lowest = top;
        match &l.x_labels {
            XLabels::Lines(all) => {
                for (tick, lines) in self.scene.x_ticks.iter().zip(all) {
                    for (i, text) in lines.iter().enumerate() {
                        let middle = top + l.small_px * (0.5 + 1.2 * i as f64);
                        lowest = lowest.max(middle + l.small_px);
                        self.text(
                            text,
                            (self.x_px(tick.x), middle),
                            l.small_px,
                            self.theme.text,
                            HPos::Center,
                            false,
                        )?;
                    }
                }
            }
            XLabels::Rotated(labels) => {
                for (tick, text) in self.scene.x_ticks.iter().zip(labels) {
                    lowest = lowest.max(top + text_width(text, l.small_px, false));
                    self.text_up(text, self.x_px(tick.x), top, l.small_px, self.theme.text)?;
                }
            }
        }
        if let Some(unit) = &self.scene.x_unit {
            let middle = lowest + l.font_px * 0.6;
            self.text(
                unit,
                ((l.plot.left + l.plot.right) / 2.0, middle),
                l.font_px,
                self.theme.weak_text,
                HPos::Center,
                false,
            )?;
        }
        Ok(())
    }

    fn paint_band(&self, band: &crate::chart::Band) -> Result<(), ExportError> {
        if band.upper.len() < 2 {
            // A band over a single touchpoint: a short bar shows its extent.
            if let (Some(&[x, low]), Some(&[_, high])) = (band.lower.first(), band.upper.first()) {
                let half = self.layout.font_px * 0.5;
                let x = self.x_px(x);
                self.rect(
                    x - half,
                    self.y_px(high),
                    x + half,
                    self.y_px(low),
                    band.fill,
                )?;
            }
            return Ok(());
        }
        let outline: Vec<(i32, i32)> = band
            .upper
            .iter()
            .chain(band.lower.iter().rev())
            .map(|&[x, y]| (px(self.x_px(x)), px(self.y_px(y))))
            .collect();
        Self::check(
            self.area
                .draw(&Polygon::new(outline, color(band.fill).filled())),
        )
    }

    fn paint_curve(&self, curve: &crate::chart::Curve) -> Result<(), ExportError> {
        let s = self.s();
        let (stroke, width) = match curve.emphasis {
            Emphasis::Faded => (
                curve.color.with_alpha(curve.color.0[3].min(FADED_ALPHA)),
                (f64::from(curve.width) * s).max(1.0),
            ),
            _ => (curve.color, f64::from(curve.width) * s),
        };
        let points: Vec<(f64, f64)> = curve
            .points
            .iter()
            .map(|p| (self.x_px(p.x), self.y_px(p.y)))
            .collect();
        if curve.emphasis != Emphasis::Faded && points.len() >= 2 {
            // A white casing keeps crossing curves apart.
            self.line(
                &points,
                self.theme.background.with_alpha(200),
                width + 2.0 * s,
                false,
            )?;
        }
        self.line(&points, stroke, width, curve.dashed)?;
        if let Some(shape) = curve.marker.filter(|_| curve.emphasis != Emphasis::Faded) {
            let radius = f64::from(self.theme.marker_radius)
                * s
                * if curve.emphasis == Emphasis::Selected {
                    1.3
                } else {
                    1.0
                };
            for &(x, y) in &points {
                self.shape(shape, x, y, radius, stroke, Some(self.theme.background))?;
            }
        }
        Ok(())
    }

    /// A marker shape centred at `(x, y)`: filled with `fill` (or the stroke colour) and outlined.
    fn shape(
        &self,
        shape: MarkerShape,
        x: f64,
        y: f64,
        radius: f64,
        stroke: Rgba,
        outline: Option<Rgba>,
    ) -> Result<(), ExportError> {
        let r = radius;
        let ring = outline.unwrap_or(stroke);
        let polygon = |points: Vec<(f64, f64)>| -> Result<(), ExportError> {
            let outer: Vec<(i32, i32)> = points
                .iter()
                .map(|&(px_x, px_y)| (px(px_x), px(px_y)))
                .collect();
            Self::check(self.area.draw(&Polygon::new(outer, color(stroke).filled())))?;
            let mut closed = points.clone();
            if let Some(&first) = points.first() {
                closed.push(first);
            }
            self.line(&closed, ring, self.s(), false)
        };
        match shape {
            MarkerShape::Circle => {
                Self::check(self.area.draw(&Circle::new(
                    (px(x), px(y)),
                    px(r + self.s()),
                    color(ring).filled(),
                )))?;
                Self::check(self.area.draw(&Circle::new(
                    (px(x), px(y)),
                    px(r),
                    color(stroke).filled(),
                )))
            }
            MarkerShape::Square => polygon(vec![
                (x - r, y - r),
                (x + r, y - r),
                (x + r, y + r),
                (x - r, y + r),
            ]),
            MarkerShape::Diamond => {
                let d = r * 1.35;
                polygon(vec![(x, y - d), (x + d, y), (x, y + d), (x - d, y)])
            }
            MarkerShape::TriangleUp => {
                let d = r * 1.3;
                polygon(vec![
                    (x, y - d),
                    (x + d, y + d * 0.75),
                    (x - d, y + d * 0.75),
                ])
            }
            MarkerShape::TriangleDown => {
                let d = r * 1.3;
                polygon(vec![
                    (x, y + d),
                    (x + d, y - d * 0.75),
                    (x - d, y - d * 0.75),
                ])
            }
            MarkerShape::Cross => {
                let w = (r * 0.6).max(self.s() * 1.5);
                self.line(&[(x - r, y - r), (x + r, y + r)], stroke, w, false)?;
                self.line(&[(x - r, y + r), (x + r, y - r)], stroke, w, false)
            }
        }
    }

    /// The markers, then their badges where [`labels::place_labels`] finds room: no badge covers
    /// another or a marker, as on screen.
    fn paint_markers(&self) -> Result<(), ExportError> {
        let l = self.layout;
        let em = l.small_px;
        let mut obstacles = Vec::with_capacity(self.scene.markers.len());
        let mut badges = Vec::new();
        for marker in &self.scene.markers {
            let (anchor, reach, tone, ring) = self.paint_marker(marker)?;
            obstacles.push([
                anchor[0] - reach,
                anchor[1] - reach,
                anchor[0] + reach,
                anchor[1] + reach,
            ]);
            obstacles.extend(ring);
            if let Some(badge) = &marker.badge {
                let width = super::text::measure(em, false);
                let text = badge.fit(|s| width(s) as f32, (l.plot.width() / 3.0) as f32);
                let request = labels::LabelRequest {
                    anchor,
                    size: [text_width(&text, em, false) + em, em * 1.5],
                    gap: reach + 4.0 * self.s(),
                };
                badges.push((marker.kind.badge_priority(), request, text, tone));
            }
        }
        badges.sort_by_key(|(priority, ..)| *priority);
        let requests: Vec<labels::LabelRequest> = badges.iter().map(|(_, r, ..)| *r).collect();
        let bounds = [l.plot.left, l.plot.top, l.plot.right, l.plot.bottom];
        let places = labels::place_labels(&requests, bounds, &obstacles);
        for ((_, request, text, tone), place) in badges.iter().zip(places) {
            if let Some(top_left) = place {
                if let Some([from, to]) = labels::leader(request, top_left) {
                    self.line(
                        &[(from[0], from[1]), (to[0], to[1])],
                        *tone,
                        self.s(),
                        false,
                    )?;
                }
                self.badge(text, top_left, request.size, *tone)?;
            }
        }
        Ok(())
    }

    /// Draws one marker; returns where its badge should stay beside (a centre and how far the
    /// marker reaches from it), its colour, and for a critical point the box of the ring at the
    /// point itself (the badge sits by the numbered disc, and must not cover either).
    fn paint_marker(
        &self,
        marker: &Marker,
    ) -> Result<([f64; 2], f64, Rgba, Option<labels::Box2>), ExportError> {
        let l = self.layout;
        let s = self.s();
        let (shape, tone) = marker_look(marker.kind, self.theme);
        let (x, y) = (self.x_px(marker.x), self.y_px(marker.y));
        let radius = f64::from(self.theme.marker_radius) * s * 1.6;
        match marker.kind {
            MarkerKind::Critical { rank, positive } => {
                // A ring around the point and a numbered disc beside it: the rank is the message.
                Self::check(self.area.draw(&Circle::new(
                    (px(x), px(y)),
                    px(radius * 1.6),
                    color(tone).stroke_width((2.0 * s).round() as u32),
                )))?;
                let disc = l.font_px * 0.85;
                let dy = if positive {
                    -(radius * 1.6 + disc)
                } else {
                    radius * 1.6 + disc
                };
                // On a plot lower than two discs the bounds cross; `clamp` would panic.
                let top = l.plot.top + disc;
                let (cx, cy) = (x, (y + dy).clamp(top, (l.plot.bottom - disc).max(top)));
                Self::check(self.area.draw(&Circle::new(
                    (px(cx), px(cy)),
                    px(disc),
                    color(tone).filled(),
                )))?;
                self.text(
                    &rank.to_string(),
                    (cx, cy),
                    l.small_px,
                    self.theme.background,
                    HPos::Center,
                    true,
                )?;
                let ring = radius * 1.6 + s;
                Ok((
                    [cx, cy],
                    disc,
                    tone,
                    Some([x - ring, y - ring, x + ring, y + ring]),
                ))
            }
            _ => {
                self.shape(shape, x, y, radius, tone, Some(self.theme.background))?;
                Ok(([x, y], radius * 1.5, tone, None))
            }
        }
    }

    /// A marker alone, as [`Self::paint_marker`] draws it, for the legend.
    fn legend_glyph(&self, kind: MarkerKind, x: f64, y: f64) -> Result<(), ExportError> {
        let s = self.s();
        let (shape, tone) = marker_look(kind, self.theme);
        let radius = f64::from(self.theme.marker_radius) * s * 1.2;
        match kind {
            MarkerKind::Critical { .. } => Self::check(self.area.draw(&Circle::new(
                (px(x), px(y)),
                px(radius * 1.4),
                color(tone).stroke_width((2.0 * s).round() as u32),
            ))),
            _ => self.shape(shape, x, y, radius, tone, Some(self.theme.background)),
        }
    }

    /// A short text in a framed white box, e.g. an owner, with its top-left corner at `at`.
    fn badge(
        &self,
        text: &str,
        at: [f64; 2],
        size: [f64; 2],
        tone: Rgba,
    ) -> Result<(), ExportError> {
        let em = self.layout.small_px;
        let [left, top] = at;
        let (right, bottom) = (left + size[0], top + size[1]);
        self.rect(
            left,
            top,
            right,
            bottom,
            self.theme.background.with_alpha(235),
        )?;
        let frame = [
            (left, top),
            (right, top),
            (right, bottom),
            (left, bottom),
            (left, top),
        ];
        self.line(&frame, tone, self.s(), false)?;
        self.text(
            text,
            (left + em / 2.0, (top + bottom) / 2.0),
            em,
            self.theme.text,
            HPos::Left,
            false,
        )
    }

    fn paint_titles(&self) -> Result<(), ExportError> {
        let l = self.layout;
        let pad = l.plot.left.min(PAD_PT * self.s());
        let (x, h) = if self.scene.rtl {
            (f64::from(l.width_px) - PAD_PT * self.s(), HPos::Right)
        } else {
            (pad, HPos::Left)
        };
        let room = f64::from(l.width_px) - 2.0 * PAD_PT * self.s();
        let title = truncate(&self.scene.title, l.title_px, true, room);
        self.text(&title, (x, l.title_y), l.title_px, self.theme.text, h, true)?;
        let subtitle = truncate(&self.scene.subtitle, l.font_px, false, room);
        self.text(
            &subtitle,
            (x, l.subtitle_y),
            l.font_px,
            self.theme.weak_text,
            h,
            false,
        )
    }

    fn paint_legend(&self) -> Result<(), ExportError> {
        let l = self.layout;
        let s = self.s();
        let swatch = LEGEND_SWATCH_PT * s;
        for slot in &l.legend {
            let Some(entry) = self.scene.legend.get(slot.entry) else {
                continue;
            };
            let (x, y) = (slot.x, slot.y);
            // Right-to-left: the swatch stands to the right of its words.
            let (swatch_left, text_x, h) = if self.scene.rtl {
                let width = text_width(&slot.label, l.font_px, false);
                (x + width + l.font_px * 0.4, x + width, HPos::Right)
            } else {
                (x, x + swatch + l.font_px * 0.4, HPos::Left)
            };
            if let Some(kind) = entry.symbol {
                self.legend_glyph(kind, swatch_left + swatch / 2.0, y)?;
            } else if entry.filled {
                self.rect(
                    swatch_left,
                    y - l.font_px * 0.45,
                    swatch_left + swatch,
                    y + l.font_px * 0.45,
                    entry.color,
                )?;
            } else {
                let width = (f64::from(self.theme.line_width) * s * 1.5).max(s);
                self.line(
                    &[(swatch_left, y), (swatch_left + swatch, y)],
                    entry.color,
                    width,
                    entry.dashed,
                )?;
                if let Some(shape) = entry.marker {
                    let radius = f64::from(self.theme.marker_radius) * s;
                    self.shape(
                        shape,
                        swatch_left + swatch / 2.0,
                        y,
                        radius,
                        entry.color,
                        Some(self.theme.background),
                    )?;
                }
            }
            self.text(
                &slot.label,
                (text_x, y),
                l.font_px,
                self.theme.text,
                h,
                false,
            )?;
        }
        Ok(())
    }
}
