//! The new-case prompt: live entry without the mouse.
//!
//! A facilitator taking cases called out by the room presses Ctrl+Shift+N (or Enter on the last
//! touchpoint of a case), types the name, Tab, the segment (Tab again completes one already
//! used), Enter — and is on touchpoint 1 of the new case, where a score and Enter move on. The
//! prompt is a bar of its own at the top of the graph, so it never moves as cases are added, and
//! while it is open the graph takes no keys: a name typed there never lands on the curve.

use super::bidi;
use super::field_id::field_id;
use egui::{Key, RichText};

/// What the user asked for in the prompt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseEntryIntent {
    Create { name: String, segment: String },
    Cancel,
}

/// The prompt's state while it is open.
#[derive(Clone, Debug, Default)]
pub struct NewCasePrompt {
    pub name: String,
    pub segment: String,
    /// The segments the journey's cases already use, in the order they first appear.
    pub segments: Vec<String>,
    /// Which field gets the keyboard next frame (set on opening and by Tab).
    focus: Option<Field>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Name,
    Segment,
}

impl NewCasePrompt {
    pub fn new(segments: Vec<String>) -> Self {
        Self {
            segments,
            focus: Some(Field::Name),
            ..Self::default()
        }
    }

    /// The used segment that `typed` is the beginning of (case-insensitively), if one is.
    pub fn completion(&self, typed: &str) -> Option<&str> {
        let typed = typed.trim().to_lowercase();
        if typed.is_empty() {
            return None;
        }
        self.segments
            .iter()
            .find(|s| s.to_lowercase().starts_with(&typed))
            .map(String::as_str)
    }

    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<CaseEntryIntent> {
        let mut intent = None;
        let name_id = field_id("new-case", "name");
        let segment_id = field_id("new-case", "segment");
        // Tab is the bar's own key (next field, completion). egui moves the focus on Tab unless
        // the focused field locks it, and a field locks it only from its second focused frame:
        // a Tab in the frame right after the bar opened or a field took the focus (a loaded
        // laptop, a fast typist) sent the focus to the buttons, and the segment and the scores
        // after it went nowhere. This frame's Tab moves nothing; the bar handles it below.
        if ui.input(|i| i.key_pressed(Key::Tab)) {
            ui.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
        }
        if let Some(field) = self.focus.take() {
            ui.memory_mut(|m| {
                m.request_focus(match field {
                    Field::Name => name_id,
                    Field::Segment => segment_id,
                })
            });
        }
        if ui.memory(|m| m.has_focus(name_id)) && self.tab_out_of_name(ui) {
            ui.memory_mut(|m| m.request_focus(segment_id));
        }
        // Which field has the keyboard as the fields are drawn. An Enter in a field that got
        // the focus in this same frame (a Tab, or the bar just opened, a few keys before it)
        // ends the field without `lost_focus`, which compares with the frame before.
        let (name_active, segment_active) =
            ui.memory(|m| (m.has_focus(name_id), m.has_focus(segment_id)));
        egui::Frame::group(ui.style())
            .fill(ui.visuals().extreme_bg_color)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(crate::tr!("new-case-heading")).strong());
                    let label = crate::app::bidi::label(ui, crate::tr!("cases-name"));
                    // Focus stays in the prompt: Tab is ours (next field, completion), not
                    // egui's (which would walk on to the menus).
                    let name = ui
                        .add(
                            egui::TextEdit::singleline(&mut self.name)
                                .id(name_id)
                                .lock_focus(true)
                                .hint_text(crate::app::bidi::text(
                                    ui,
                                    crate::tr!("new-case-name-hint"),
                                ))
                                .desired_width(200.0),
                        )
                        .labelled_by(label.id);
                    let label = crate::app::bidi::label(ui, crate::tr!("cases-segment"));
                    let segment = ui
                        .add(
                            egui::TextEdit::singleline(&mut self.segment)
                                .id(segment_id)
                                .lock_focus(true)
                                .hint_text(self.segments.first().map_or_else(
                                    || crate::tr!("new-case-optional"),
                                    |s| crate::tr!("new-case-example", example = s.as_str()),
                                ))
                                .desired_width(140.0),
                        )
                        .labelled_by(label.id);
                    let (tab, enter, escape) = ui.input(|i| {
                        (
                            i.key_pressed(Key::Tab),
                            i.key_pressed(Key::Enter),
                            i.key_pressed(Key::Escape),
                        )
                    });
                    if name.has_focus() && tab {
                        self.focus = Some(Field::Segment);
                    } else if segment.has_focus() && tab {
                        match self.completion(&self.segment).map(str::to_owned) {
                            Some(completed) if completed != self.segment => {
                                self.segment = completed;
                                move_cursor_to_end(ui, segment_id, &self.segment);
                            }
                            _ => self.focus = Some(Field::Name),
                        }
                    }
                    let in_segment = segment_active || segment.lost_focus();
                    let left =
                        name.lost_focus() || segment.lost_focus() || name_active || in_segment;
                    // Tab and Enter in one frame (a fast typist): the completion still counts.
                    if tab
                        && enter
                        && in_segment
                        && let Some(completed) = self.completion(&self.segment)
                    {
                        self.segment = completed.to_owned();
                    }
                    if escape && (left || name.has_focus() || segment.has_focus()) {
                        intent = Some(CaseEntryIntent::Cancel);
                    } else if enter && left {
                        intent = Some(CaseEntryIntent::Create {
                            name: self.name.trim().to_owned(),
                            segment: self.segment.trim().to_owned(),
                        });
                    }
                    if ui.button(crate::tr!("new-case-start")).clicked() {
                        intent = Some(CaseEntryIntent::Create {
                            name: self.name.trim().to_owned(),
                            segment: self.segment.trim().to_owned(),
                        });
                    }
                    if ui.button(crate::tr!("dialog-cancel")).clicked() {
                        intent = Some(CaseEntryIntent::Cancel);
                    }
                });
                let hint = if self.segments.is_empty() {
                    crate::tr!("new-case-keys")
                } else {
                    crate::tr!(
                        "new-case-keys-segments",
                        segments = self.segments.join(", ")
                    )
                };
                bidi::label(ui, RichText::new(hint).weak());
            });
        intent
    }
}

impl NewCasePrompt {
    /// Several keys in one frame (a fast typist on a slow laptop): a TextEdit takes every key of
    /// its frame, so the letters after a Tab out of the name would land in the name too. This
    /// takes the letters before the Tab into the name and the Tab itself out of the input,
    /// leaving the letters after it for the segment field, focused before it is drawn.
    fn tab_out_of_name(&mut self, ui: &egui::Ui) -> bool {
        let typed = ui.input_mut(|i| {
            let tab = i.events.iter().position(|e| {
                matches!(
                    e,
                    egui::Event::Key {
                        key: Key::Tab,
                        pressed: true,
                        ..
                    }
                )
            })?;
            let after = i.events.split_off(tab + 1);
            i.events.pop(); // the Tab
            let mut before = String::new();
            i.events.retain(|e| match e {
                egui::Event::Text(text) => {
                    before.push_str(text);
                    false
                }
                _ => true,
            });
            i.events.extend(after);
            Some(before)
        });
        match typed {
            Some(before) => {
                self.name.push_str(&before);
                true
            }
            None => false,
        }
    }
}

/// After a completion, the text cursor goes to the end of the completed word.
fn move_cursor_to_end(ui: &egui::Ui, id: egui::Id, text: &str) {
    if let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), id) {
        let end = egui::text::CCursor::new(text.chars().count());
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::one(end)));
        state.store(ui.ctx(), id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segment_completes_from_its_first_letters() {
        let prompt = NewCasePrompt::new(vec!["platinum".into(), "gold".into()]);
        assert_eq!(prompt.completion("g"), Some("gold"));
        assert_eq!(prompt.completion("PL"), Some("platinum"));
        assert_eq!(prompt.completion("x"), None);
        assert_eq!(prompt.completion(""), None);
    }
}
