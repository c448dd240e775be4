//! Keyboard handling: the global shortcuts, and keyboard-first scoring on the graph.

use egui::{Key, Modifiers};

use super::dialogs::Dialog;
use super::graph;
use super::{EmographApp, View, look, shortcuts};

impl EmographApp {
    /// Global shortcuts; they work in every mode, including presenter mode.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        let pressed =
            |shortcut: &egui::KeyboardShortcut| ctx.input_mut(|i| i.consume_shortcut(shortcut));
        // Longest combinations first: consume_shortcut matches a subset of the held modifiers.
        if pressed(&shortcuts::REDO) || ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::Y))
        {
            self.redo();
        }
        if pressed(&shortcuts::UNDO) {
            self.undo();
        }
        if pressed(&shortcuts::SAVE_AS) {
            self.dialog = Dialog::save_as(self);
        }
        if pressed(&shortcuts::SAVE) {
            self.save();
        }
        if pressed(&shortcuts::OPEN) {
            self.dialog = Dialog::open(self);
        }
        if pressed(&shortcuts::NEW_CASE) {
            self.open_new_case_prompt();
        }
        if pressed(&shortcuts::NEW_JOURNEY) {
            self.request_new();
        }
        if pressed(&shortcuts::EXPORT) {
            self.open_export_dialog();
        }
        if pressed(&shortcuts::QUIT) {
            self.request_quit(ctx);
        }
        // Ctrl+= too: on most keyboards + is Shift+=.
        if pressed(&shortcuts::ZOOM_IN)
            || ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::Equals))
        {
            self.prefs.zoom = look::zoom_step(self.prefs.zoom, true);
        }
        if pressed(&shortcuts::ZOOM_OUT) {
            self.prefs.zoom = look::zoom_step(self.prefs.zoom, false);
        }
        if pressed(&shortcuts::ZOOM_RESET) {
            self.prefs.zoom = 1.0;
        }
        if pressed(&shortcuts::HELP) {
            self.show_shortcuts = !self.show_shortcuts;
        }
        if pressed(&shortcuts::PRESENTER) {
            self.presenter = !self.presenter;
        }
        if self.presenter
            && !self.entry_active()
            && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape))
        {
            self.presenter = false;
        }
    }

    pub(super) fn entry_active(&self) -> bool {
        !self.entry.is_empty()
    }

    /// Keyboard-first scoring on the graph: ←/→ move, ↑/↓ change by 0.5 (Shift: 1), typing a
    /// number sets it, Enter moves on, Delete clears. Only while no text field has focus.
    pub(super) fn graph_keys(&mut self, ctx: &egui::Context) {
        // Only where the selected case is on screen: the Cases view.
        let editing = self.view == View::Cases && self.selected_case.is_some();
        if ctx.egui_wants_keyboard_input()
            || !editing
            || self.dialog.is_open()
            || self.export.is_some()
            || self.new_case.is_some()
        {
            return;
        }
        let n = self.doc.journey().touchpoints.len();
        if n == 0 {
            return;
        }
        let events = ctx.input(|i| i.events.clone());
        let mut events = events.into_iter();
        while let Some(event) = events.next() {
            match event {
                egui::Event::Text(text) => {
                    for c in text.chars() {
                        if c.is_ascii_digit() || matches!(c, '-' | '.' | ',' | '+') {
                            if self.cursor.is_none() {
                                self.cursor = Some(0);
                            }
                            self.entry.push(if c == ',' { '.' } else { c });
                            self.apply_entry();
                        }
                    }
                }
                // Alt+↑/↓ belong to the outline's grip (move a touchpoint), not to the score.
                egui::Event::Key { modifiers, .. } if modifiers.alt => {}
                egui::Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } => {
                    let cursor = self.cursor.unwrap_or(0).min(n - 1);
                    let step = if modifiers.shift { 1.0 } else { 0.5 };
                    match key {
                        Key::ArrowRight | Key::Tab if !modifiers.command => {
                            self.move_cursor(cursor + 1)
                        }
                        Key::ArrowLeft if !modifiers.command => {
                            self.move_cursor(cursor.saturating_sub(1))
                        }
                        Key::ArrowUp | Key::ArrowDown if !modifiers.command => {
                            let delta = if key == Key::ArrowUp { step } else { -step };
                            // An unscored touchpoint counts as neutral, so ↓ gives −0.5.
                            let current = self.current_score(cursor).unwrap_or(0.0);
                            self.cursor = Some(cursor);
                            self.set_score(cursor, Some(graph::snap(current + delta)), true);
                        }
                        // An entry the scale refuses keeps the cursor where the message is.
                        Key::Enter if self.entry_problem.is_some() => {}
                        // The last touchpoint done: the next case, as the room calls it out.
                        Key::Enter if cursor + 1 >= n => {
                            // The keys after this Enter are the next case's name: the
                            // prompt reads them next frame. None stays in this one, where the
                            // prompt's name field, focused now, would take the score just
                            // typed (or this Enter, as "done").
                            self.carried.carry(ctx, events.collect());
                            self.open_new_case_prompt();
                            return;
                        }
                        Key::Enter => {
                            self.doc.seal();
                            self.entry.clear();
                            self.move_cursor(cursor + 1);
                        }
                        Key::PageDown | Key::PageUp => {
                            let cases = self.doc.journey().cases.len();
                            let current = self.selected_case.unwrap_or(0);
                            let to = if key == Key::PageDown {
                                (current + 1).min(cases.saturating_sub(1))
                            } else {
                                current.saturating_sub(1)
                            };
                            if cases > 0 && to != current {
                                self.select_case(Some(to));
                                self.cursor = Some(0);
                                if let Some(case) = self.doc.journey().cases.get(to) {
                                    let name = case.display_name().to_owned();
                                    self.set_status(
                                        crate::tr!("status-editing", name = name.as_str()),
                                        false,
                                    );
                                }
                            }
                        }
                        Key::Backspace if !self.entry.is_empty() => {
                            self.entry.pop();
                            self.apply_entry();
                        }
                        Key::Delete | Key::Backspace => {
                            self.cursor = Some(cursor);
                            self.set_score(cursor, None, false);
                        }
                        Key::Escape if !self.entry.is_empty() => {
                            self.entry.clear();
                            self.entry_problem = None;
                            self.doc.seal();
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
    }

    pub(super) fn move_cursor(&mut self, to: usize) {
        let n = self.doc.journey().touchpoints.len();
        self.doc.seal();
        self.entry.clear();
        self.entry_problem = None;
        self.cursor = Some(to.min(n.saturating_sub(1)));
    }

    pub(super) fn current_score(&self, touchpoint: usize) -> Option<f64> {
        let journey = self.doc.journey();
        let case = journey.cases.get(self.selected_case?)?;
        case.scores
            .get(&journey.touchpoints.get(touchpoint)?.id)
            .copied()
    }

    /// Sets the score typed so far, once it reads as a number (`-`, `.` alone wait for more).
    /// A number outside the scale is not clamped: the graph says so at the cursor, and the
    /// point keeps its score until the entry is corrected (Backspace) or dropped (Esc).
    pub(super) fn apply_entry(&mut self) {
        self.entry_problem = None;
        let Some(cursor) = self.cursor else { return };
        if let Ok(value) = self.entry.parse::<f64>()
            && value.is_finite()
        {
            let scale = &self.doc.journey().scale;
            if value < scale.min || value > scale.max {
                self.entry_problem = Some(crate::tr!(
                    "entry-outside-scale",
                    value = self.entry.as_str(),
                    min = graph::format_score(scale.min),
                    max = graph::format_score(scale.max)
                ));
                return;
            }
            self.set_score(cursor, Some(value), true);
        }
    }
}
