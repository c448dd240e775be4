//! Fields that keep half-typed text as a draft while they have focus and commit only what
//! is valid, and the parsers that say what is valid.

use crate::app::EmographApp;
use crate::app::bidi;
use crate::app::field_id::field_id;
use crate::model::is_iso_date;
use std::collections::HashMap;

pub(super) fn seal_if(app: &mut EmographApp, lost_focus: bool) {
    if lost_focus {
        app.doc.seal();
    }
}

/// A name that must not be left empty (an owner's, a metric's).
pub(super) fn non_empty_name() -> impl Fn(&str) -> Result<String, String> {
    move |text: &str| {
        if text.trim().is_empty() {
            Err(crate::tr!("owners-name-empty"))
        } else {
            Ok(text.to_owned())
        }
    }
}

/// Empty clears the value; decimal commas are accepted.
pub(super) fn parse_number(text: &str) -> Result<Option<f64>, String> {
    let text = text.trim().replace(',', ".");
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(Some(value)),
        _ => Err(crate::tr!("owners-type-a-number")),
    }
}

pub(super) fn parse_due(text: &str) -> Result<Option<String>, String> {
    let text = text.trim();
    if text.is_empty() {
        Ok(None)
    } else if is_iso_date(text) {
        Ok(Some(text.to_owned()))
    } else {
        Err(crate::tr!("owners-not-a-date"))
    }
}

/// A one-line field that keeps what is typed while it has focus; `parse` decides what may be
/// committed. Returns the value to commit (when the text changed and is valid) and whether the
/// field lost focus; shows why the text isn't valid below it.
pub(super) fn draft_field<T>(
    ui: &mut egui::Ui,
    drafts: &mut HashMap<String, String>,
    key: &str,
    label_id: egui::Id,
    stored: String,
    parse: impl Fn(&str) -> Result<T, String>,
) -> (Option<T>, bool) {
    let id = field_id("owners-view", key);
    let focused = ui.memory(|m| m.has_focus(id));
    let mut text = if focused {
        drafts.get(key).cloned().unwrap_or_else(|| stored.clone())
    } else {
        stored
    };
    let mut commit = None;
    let mut lost = false;
    ui.vertical(|ui| {
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .id(id)
                    .desired_width(240.0),
            )
            .labelled_by(label_id);
        if response.has_focus() {
            drafts.insert(key.to_owned(), text.clone());
        } else {
            drafts.remove(key);
        }
        lost = response.lost_focus();
        match parse(&text) {
            Ok(value) if response.changed() => commit = Some(value),
            Ok(_) => {}
            Err(why) if response.has_focus() || response.changed() => {
                bidi::label(
                    ui,
                    egui::RichText::new(why).color(ui.visuals().error_fg_color),
                );
            }
            Err(_) => {}
        }
    });
    (commit, lost)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_accept_only_valid_values() {
        assert_eq!(parse_number(" 12,5 "), Ok(Some(12.5)));
        assert_eq!(parse_number(""), Ok(None));
        assert!(parse_number("twelve").is_err());
        assert!(parse_number("inf").is_err());
        assert_eq!(parse_due("2026-12-31"), Ok(Some("2026-12-31".to_owned())));
        assert_eq!(parse_due(""), Ok(None));
        assert!(parse_due("2026-13-01").is_err());
        assert!(parse_due("31.12.2026").is_err());
        assert!(non_empty_name()("  ").is_err());
    }
}
