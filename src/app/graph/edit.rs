//! Interaction: the drag handles and keyboard focus that turn pointer input on the edited
//! curve into [`GraphAction`]s, and which point the pointer is nearest.

use super::EditTarget;
use super::GraphAction;
use super::Transform;
use super::color;
use super::snap;
use crate::chart::Emphasis;
use crate::chart::Scene;
use crate::chart::Theme;
use egui::Align2;
use egui::FontId;
use egui::Pos2;
use egui::Rect;
use egui::Sense;
use egui::Stroke;
use egui::Vec2;
use egui::pos2;
use egui::vec2;

/// The selected case's points as draggable, accessible widgets, and its skipped touchpoints as
/// clickable columns.
pub(super) fn edit_ui(
    ui: &mut egui::Ui,
    edit: &EditTarget<'_>,
    t: &Transform,
    theme: &Theme,
    actions: &mut Vec<GraphAction>,
) {
    let painter = ui.painter_at(t.plot.expand(theme.marker_radius * 3.0));
    let accent = ui.visuals().selection.stroke.color;
    let column_half_width = if edit.touchpoint_xs.len() > 1 {
        (t.plot.width() / edit.touchpoint_xs.len() as f32 / 2.0).clamp(8.0, 60.0)
    } else {
        40.0
    };
    for (i, (&x, score)) in edit.touchpoint_xs.iter().zip(&edit.scores).enumerate() {
        let name = edit.touchpoint_names.get(i).copied().unwrap_or("");
        let sx = t.x_to_screen(x);
        let id = ui.scope_id().with(("point", edit.case_index, i));
        let at_cursor = edit.cursor == Some(i);
        if at_cursor {
            let column = Rect::from_x_y_ranges(
                sx - column_half_width..=sx + column_half_width,
                t.plot.y_range(),
            );
            painter.rect_filled(column, 0.0, accent.gamma_multiply(0.12));
        }
        match score {
            Some(score) => {
                let p = pos2(sx, t.y_to_screen(*score));
                let hit = Rect::from_center_size(p, Vec2::splat(theme.marker_radius * 5.0));
                let response = ui.interact(hit, id, Sense::click_and_drag());
                let label = crate::tr!(
                    "chart-curve-point",
                    curve = edit.case_name,
                    touchpoint = name,
                    score = super::format_score(*score)
                );
                let value = *score;
                response.widget_info(|| {
                    let mut info = egui::WidgetInfo::labeled(egui::Role::Slider, true, &label);
                    info.value = Some(value);
                    info
                });
                if response.hovered() || response.dragged() {
                    ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeVertical);
                    painter.circle_stroke(p, theme.marker_radius * 2.2, Stroke::new(2.0, accent));
                }
                if response.drag_started() || response.clicked() {
                    actions.push(GraphAction::MoveCursor(i));
                }
                if response.dragged()
                    && let Some(pointer) = response.interact_pointer_pos()
                {
                    let new = snap(t.score_at(pointer.y));
                    if new != *score {
                        actions.push(GraphAction::SetScore {
                            touchpoint: i,
                            score: new,
                        });
                    }
                }
                if response.drag_stopped() {
                    actions.push(GraphAction::EndGesture);
                }
                if at_cursor {
                    super::access::announce_score(
                        ui,
                        hit,
                        crate::tr!(
                            "chart-score-changed",
                            touchpoint = name,
                            score = super::format_score(*score)
                        ),
                    );
                    entry_ui(ui, &painter, p, edit, theme, accent);
                }
            }
            None => {
                // A skipped touchpoint: a ghost marker on neutral, the whole column clickable.
                let column = Rect::from_x_y_ranges(
                    sx - column_half_width * 0.8..=sx + column_half_width * 0.8,
                    t.plot.y_range(),
                );
                let response = ui.interact(column, id, Sense::click());
                let label = crate::tr!(
                    "chart-point-unscored",
                    curve = edit.case_name,
                    touchpoint = name
                );
                response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                let ghost = pos2(sx, t.y_to_screen(0.0));
                let ghost_color = if response.hovered() || at_cursor {
                    accent
                } else {
                    color(theme.weak_text).gamma_multiply(0.6)
                };
                painter.circle_stroke(
                    ghost,
                    theme.marker_radius * 1.3,
                    Stroke::new(1.5, ghost_color),
                );
                painter.text(
                    ghost,
                    Align2::CENTER_CENTER,
                    "+",
                    FontId::proportional(theme.font_size * 0.9),
                    ghost_color,
                );
                if at_cursor {
                    entry_ui(ui, &painter, ghost, edit, theme, accent);
                }
                if response.clicked() {
                    actions.push(GraphAction::MoveCursor(i));
                    if let Some(pointer) = response.interact_pointer_pos() {
                        actions.push(GraphAction::SetScore {
                            touchpoint: i,
                            score: snap(t.score_at(pointer.y)),
                        });
                        actions.push(GraphAction::EndGesture);
                    }
                }
            }
        }
    }
}

/// The curve point nearest to `pointer` within `radius`, as (curve index, point index).
pub(super) fn nearest_point(
    scene: &Scene,
    t: &Transform,
    pointer: Pos2,
    radius: f32,
) -> Option<(usize, usize)> {
    let mut best: Option<(f32, usize, usize)> = None;
    // Later curves are drawn on top, so they win ties.
    for (ci, curve) in scene.curves.iter().enumerate() {
        if curve.emphasis == Emphasis::Faded {
            continue;
        }
        for (pi, point) in curve.points.iter().enumerate() {
            let d = t.to_screen(point.x, point.y).distance(pointer);
            if d <= radius && best.is_none_or(|(bd, _, _)| d <= bd) {
                best = Some((d, ci, pi));
            }
        }
    }
    best.map(|(_, ci, pi)| (ci, pi))
}

/// What is being typed at the cursor, next to its point, and — right under it, where the
/// facilitator is looking — why the scale refuses it. The message is a real label, so a screen
/// reader (and a test) reads it too.
fn entry_ui(
    ui: &mut egui::Ui,
    painter: &egui::Painter,
    at: Pos2,
    edit: &EditTarget<'_>,
    theme: &Theme,
    accent: egui::Color32,
) {
    if edit.entry.is_empty() {
        return;
    }
    let font = FontId::proportional(theme.font_size * 1.2);
    let text_at = at + vec2(theme.marker_radius * 2.5, 0.0);
    painter.text(
        text_at,
        Align2::LEFT_CENTER,
        format!("{}|", edit.entry),
        font.clone(),
        accent,
    );
    if let Some(problem) = edit.entry_problem {
        let error = ui.visuals().error_fg_color;
        let message_font = FontId::proportional(theme.font_size * 1.1);
        let galley = painter.layout_no_wrap(problem.to_owned(), message_font.clone(), error);
        let size = galley.size() + vec2(12.0, 8.0);
        // Below the point, unless that would leave the plot: then above it.
        let below = text_at + vec2(0.0, theme.font_size * 1.2);
        let top = if below.y + size.y > ui.clip_rect().bottom() {
            text_at.y - theme.font_size * 1.2 - size.y
        } else {
            below.y
        };
        let left = text_at.x.min(ui.clip_rect().right() - size.x);
        let rect = Rect::from_min_size(pos2(left, top), size);
        painter.rect_filled(rect, 4.0, ui.visuals().extreme_bg_color);
        ui.put(
            rect,
            egui::Label::new(
                egui::RichText::new(problem)
                    .color(error)
                    .strong()
                    .font(message_font),
            )
            .wrap_mode(egui::TextWrapMode::Extend),
        );
    }
}
