//! Keys that arrive in one frame together with the key that sends the keyboard elsewhere.
//!
//! A slow frame (a debug build, a laptop on battery, a projector mirroring the display) hands
//! egui several keys at once. When one of them moves the keyboard from one place to another —
//! Enter in the new-case prompt starts scoring on the graph, Enter on the last touchpoint opens
//! the prompt — the keys after it belong to the new place, which is only drawn in the next
//! frame. Left in this frame they are lost (nobody is listening) or land twice (the prompt's
//! name field, focused in the same frame, would also take the score just typed on the graph).
//! So they are taken out of this frame and replayed, in order, at the start of the next.

use egui::{Event, Key};

/// The events held over for the next frame.
#[derive(Debug, Default)]
pub struct CarriedKeys(Vec<Event>);

impl CarriedKeys {
    /// At the start of a frame, before anything reads the input: the carried events first,
    /// then what arrived since, so the order the user typed in is kept.
    pub fn replay(&mut self, ctx: &egui::Context) {
        if self.0.is_empty() {
            return;
        }
        let mut events = std::mem::take(&mut self.0);
        ctx.input_mut(|i| {
            events.append(&mut i.events);
            i.events = events;
        });
    }

    /// Holds `later` for the next frame and empties this frame's input, whose earlier events
    /// were already handled by the place that had the keyboard.
    pub fn carry(&mut self, ctx: &egui::Context, later: Vec<Event>) {
        ctx.input_mut(|i| i.events.clear());
        if !later.is_empty() {
            self.0.extend(later);
            ctx.request_repaint();
        }
    }

    /// Holds everything after this frame's first pressed Enter for the next frame (the text
    /// field that took the Enter stopped reading there), and leaves this frame without it.
    pub fn carry_after_first_enter(&mut self, ctx: &egui::Context) {
        let later = ctx.input_mut(|i| match i.events.iter().position(is_enter) {
            Some(enter) => i.events.split_off(enter + 1),
            None => Vec::new(),
        });
        self.carry(ctx, later);
    }
}

/// A pressed Enter without modifiers, as a single-line text field reads it.
pub fn is_enter(event: &Event) -> bool {
    matches!(
        event,
        Event::Key {
            key: Key::Enter,
            pressed: true,
            modifiers,
            ..
        } if modifiers.is_none()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enter() -> Event {
        Event::Key {
            key: Key::Enter,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        }
    }

    fn texts(events: &[Event]) -> Vec<String> {
        events
            .iter()
            .map(|e| match e {
                Event::Text(t) => t.clone(),
                e if is_enter(e) => "⏎".to_owned(),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn what_follows_the_enter_comes_back_first_in_the_next_frame() {
        let ctx = egui::Context::default();
        let mut carried = CarriedKeys::default();
        let frame = |events: Vec<Event>| egui::RawInput {
            events,
            ..Default::default()
        };
        let mut seen = Vec::new();
        let mut first = ctx.run_ui(
            frame(vec![
                Event::Text("Dana".into()),
                enter(),
                Event::Text("3".into()),
                enter(),
            ]),
            |ui| {
                carried.carry_after_first_enter(ui.ctx());
                seen.push(ui.input(|i| texts(&i.events)));
            },
        );
        let mut second = ctx.run_ui(frame(vec![Event::Text("1".into())]), |ui| {
            carried.replay(ui.ctx());
            seen.push(ui.input(|i| texts(&i.events)));
        });
        // No renderer here to take the font atlas.
        first.textures_delta.clear();
        second.textures_delta.clear();
        assert_eq!(
            seen[0],
            Vec::<String>::new(),
            "this frame keeps nothing after the Enter"
        );
        assert_eq!(
            seen[1],
            ["3", "⏎", "1"],
            "the carried keys come first, in order"
        );
    }
}
