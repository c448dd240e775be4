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

/// Runs `contents` in a line of widgets from the reading direction's start: left to right in
/// English (`ui.horizontal`), from the right in Hebrew (a dialog's label, field and button).
pub fn line<R>(ui: &mut egui::Ui, contents: impl FnOnce(&mut egui::Ui) -> R) -> R {
    if crate::i18n::language().is_rtl() {
        // One line high to start with, as `ui.horizontal` is: a right-to-left layout given
        // the whole of a dialog's height would centre its line in it.
        let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
        ui.allocate_ui_with_layout(
            size,
            egui::Layout::right_to_left(egui::Align::Center),
            contents,
        )
        .inner
    } else {
        ui.horizontal(contents).inner
    }
}

/// Runs `contents` top down against the reading direction's start edge: the left in English,
/// the right in Hebrew (a dialog's lines).
pub fn column<R>(ui: &mut egui::Ui, contents: impl FnOnce(&mut egui::Ui) -> R) -> R {
    if crate::i18n::language().is_rtl() {
        ui.with_layout(egui::Layout::top_down(egui::Align::Max), contents)
            .inner
    } else {
        contents(ui)
    }
}

/// [`line`] that wraps onto further lines when it is too long (a row of choices).
pub fn wrapped_line<R>(ui: &mut egui::Ui, contents: impl FnOnce(&mut egui::Ui) -> R) -> R {
    if crate::i18n::language().is_rtl() {
        let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
        let layout = egui::Layout::right_to_left(egui::Align::Center).with_main_wrap(true);
        ui.allocate_ui_with_layout(size, layout, contents).inner
    } else {
        ui.horizontal_wrapped(contents).inner
    }
}
