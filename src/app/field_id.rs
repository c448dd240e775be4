//! Stable ids for text fields.
//!
//! egui keeps keyboard focus by widget id. A field left to egui's automatic id is numbered by
//! its position among the widgets before it, so a summary line appearing above it as soon as
//! the field holds text (a flag's agreed action, a metric's SLA) renumbered it: the field lost
//! focus after the first letters and the later keys went elsewhere. Every text field takes its
//! id from what it edits instead — the entity's id and the field's name — never from where it sits.

/// The id of the text field editing `field` of the thing `entity` (an id from the journey, or
/// a fixed name for the journey's own fields and the dialogs).
pub fn field_id(entity: &str, field: &str) -> egui::Id {
    egui::Id::unique(("emograph-field", entity, field))
}
