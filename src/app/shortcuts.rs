//! Every keyboard shortcut in one table: the menus show them beside their items, Help →
//! Keyboard shortcuts lists them, and the README's cheat sheet is this table in words.

use egui::{Key, KeyboardShortcut, Modifiers};

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers {
    alt: false,
    ctrl: false,
    shift: true,
    mac_cmd: false,
    command: true,
};

pub const NEW_JOURNEY: KeyboardShortcut = KeyboardShortcut::new(CMD, Key::N);
pub const NEW_CASE: KeyboardShortcut = KeyboardShortcut::new(CMD_SHIFT, Key::N);
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(CMD, Key::O);
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(CMD, Key::S);
pub const SAVE_AS: KeyboardShortcut = KeyboardShortcut::new(CMD_SHIFT, Key::S);
pub const EXPORT: KeyboardShortcut = KeyboardShortcut::new(CMD, Key::E);
pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(CMD, Key::Q);
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(CMD, Key::Z);
pub const REDO: KeyboardShortcut = KeyboardShortcut::new(CMD_SHIFT, Key::Z);
pub const ZOOM_IN: KeyboardShortcut = KeyboardShortcut::new(CMD, Key::Plus);
pub const ZOOM_OUT: KeyboardShortcut = KeyboardShortcut::new(CMD, Key::Minus);
pub const ZOOM_RESET: KeyboardShortcut = KeyboardShortcut::new(CMD, Key::Num0);
pub const PRESENTER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F5);
pub const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);

/// The cheat sheet: (group, keys, what they do), in the order a facilitator learns them.
pub const CHEAT_SHEET: &[(&str, &str, &str)] = &[
    (
        "Live entry",
        "Ctrl+Shift+N",
        "new case: name, Tab, segment (Tab completes), Enter",
    ),
    (
        "Live entry",
        "0 … 9, −, .",
        "type the score at the cursor (−5 … +5)",
    ),
    (
        "Live entry",
        "Enter",
        "next touchpoint; on the last one, the next case",
    ),
    ("Live entry", "← / →  (Tab)", "previous / next touchpoint"),
    ("Live entry", "↑ / ↓", "score ±0.5 (with Shift ±1)"),
    ("Live entry", "Delete", "clear the score at the cursor"),
    ("Live entry", "Page Up / Page Down", "previous / next case"),
    (
        "Live entry",
        "Esc",
        "drop what is typed; leave the new-case prompt",
    ),
    ("File", "Ctrl+N", "new journey"),
    ("File", "Ctrl+O", "open"),
    ("File", "Ctrl+S", "save"),
    ("File", "Ctrl+Shift+S", "save as"),
    ("File", "Ctrl+E", "export a chart, the report or a diagram"),
    (
        "File",
        "Ctrl+Q",
        "quit (asks first when there are unsaved changes)",
    ),
    ("Edit", "Ctrl+Z", "undo"),
    ("Edit", "Ctrl+Shift+Z, Ctrl+Y", "redo"),
    (
        "View",
        "Ctrl++ / Ctrl+− / Ctrl+0",
        "zoom in / out / actual size",
    ),
    ("View", "F5", "presenter mode on and off (Esc leaves it)"),
    ("View", "F1", "this list"),
    (
        "Everywhere",
        "Tab / Shift+Tab",
        "next / previous control; Space or Enter presses it",
    ),
];

/// A menu item with its shortcut beside it, in the platform's words ("Ctrl+S", "⌘S"), which
/// read as typed in a right-to-left menu too.
pub fn menu_item(ui: &mut egui::Ui, text: &str, shortcut: &KeyboardShortcut) -> egui::Response {
    menu_item_enabled(ui, text, shortcut, true)
}

/// [`menu_item`], greyed out unless `enabled` (Undo with nothing to undo).
pub fn menu_item_enabled(
    ui: &mut egui::Ui,
    text: &str,
    shortcut: &KeyboardShortcut,
    enabled: bool,
) -> egui::Response {
    let keys = ui.ctx().format_shortcut(shortcut);
    crate::app::bidi::menu_button(ui, text, &keys, enabled)
}

/// Help → Keyboard shortcuts: the cheat sheet in a window that stays open beside the work.
pub fn cheat_sheet_ui(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new(crate::tr!("shortcuts-heading"))
        .open(open)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| {
            let mut group = "";
            egui::Grid::new("cheat_sheet")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for &(in_group, keys, what) in CHEAT_SHEET {
                        if in_group != group {
                            group = in_group;
                            ui.strong(cheat_sheet_words(group));
                            ui.end_row();
                        }
                        ui.monospace(keys);
                        ui.label(cheat_sheet_words(what));
                        ui.end_row();
                    }
                });
        });
}

/// A cheat-sheet text in the interface language: its catalogue key is "shortcut-" and its first
/// English words ("shortcut-new-journey"), so the table above stays one table; a text without
/// a key stays English (the test below keeps that from happening).
fn cheat_sheet_words(english: &str) -> String {
    let key = cheat_sheet_key(english);
    let text = crate::i18n::message(&key, &[]);
    if text == key {
        english.to_owned()
    } else {
        text
    }
}

fn cheat_sheet_key(english: &str) -> String {
    let words: Vec<String> = english
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .map(str::to_ascii_lowercase)
        .collect();
    format!("shortcut-{}", words.join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, catalogue_keys};

    #[test]
    fn every_line_of_the_cheat_sheet_is_in_both_catalogues() {
        for lang in Lang::ALL {
            let keys = catalogue_keys(crate::i18n::source(lang)).unwrap_or_default();
            for &(group, _, what) in CHEAT_SHEET {
                for text in [group, what] {
                    let key = cheat_sheet_key(text);
                    assert!(keys.contains_key(&key), "{lang}: no {key} for {text:?}");
                }
            }
        }
        assert_eq!(
            crate::i18n::with_language(Lang::Hebrew, || cheat_sheet_words("new journey")),
            "מסע חדש"
        );
    }
}
