//! Which side a panel takes, from the interface language: a Hebrew interface lays out right to
//! left, so the journey outline (at the start of a line) sits on the right and the cases (at
//! its end) on the left, and the menus start from the right.

/// A panel at the start of the reading direction: left in English, right in Hebrew.
pub fn start(id: &'static str) -> egui::Panel {
    if crate::i18n::language().is_rtl() {
        egui::Panel::right(id)
    } else {
        egui::Panel::left(id)
    }
}

/// A panel at the end of the reading direction: right in English, left in Hebrew.
pub fn end(id: &'static str) -> egui::Panel {
    if crate::i18n::language().is_rtl() {
        egui::Panel::left(id)
    } else {
        egui::Panel::right(id)
    }
}

/// Runs `contents` in a row that starts from the reading direction's start (the menu bar).
pub fn row<R>(ui: &mut egui::Ui, contents: impl FnOnce(&mut egui::Ui) -> R) -> R {
    if crate::i18n::language().is_rtl() {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), contents)
            .inner
    } else {
        contents(ui)
    }
}
