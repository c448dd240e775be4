//! The history of edits under the cases: what undo and redo would take back or bring again.
//!
//! A small view that only shows what it is given, so it can be built and tested without the
//! app (see the tests below).

use crate::app::bidi;

/// At most this many done edits are listed, newest first; and this many undone ones.
const DONE_SHOWN: usize = 50;
const UNDONE_SHOWN: usize = 20;

/// The history list: the labels of the edits done (oldest first) and undone (next to redo
/// first), as [`crate::session::Document::history`] gives them.
pub struct History<'a> {
    done: &'a [&'a str],
    undone: &'a [&'a str],
}

impl<'a> History<'a> {
    pub fn new(done: &'a [&'a str], undone: &'a [&'a str]) -> Self {
        Self { done, undone }
    }

    /// A collapsed "History" header; opened, the newest edits first and the undone ones after
    /// them, weak. It asks for nothing: undo and redo have their own buttons and keys.
    pub fn ui(&self, ui: &mut egui::Ui) {
        egui::CollapsingHeader::new(crate::tr!("history-heading"))
            .default_open(false)
            .show(ui, |ui| {
                if self.done.is_empty() && self.undone.is_empty() {
                    crate::app::bidi::label(
                        ui,
                        egui::RichText::new(crate::tr!("history-none")).weak(),
                    );
                }
                egui::ScrollArea::vertical()
                    .id_salt("history")
                    .max_height(160.0)
                    .show(ui, |ui| {
                        // Named as written: an edit's name mixes the room's words with the
                        // journey's names and numbers ("ציון של Dana בתור: −4").
                        for label in self.done.iter().rev().take(DONE_SHOWN) {
                            bidi::label(ui, *label);
                        }
                        for label in self.undone.iter().take(UNDONE_SHOWN) {
                            bidi::label(
                                ui,
                                egui::RichText::new(crate::tr!("history-undone", label = *label))
                                    .weak(),
                            );
                        }
                    });
            });
    }
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    use super::*;

    #[test]
    fn the_history_lists_done_and_undone_edits_once_opened() {
        let done = ["Rename journey", "Set score"];
        let undone = ["Add case"];
        let mut harness = Harness::new_ui(|ui| History::new(&done, &undone).ui(ui));
        assert!(
            harness.query_by_label("Set score").is_none(),
            "collapsed at first"
        );
        harness.get_by_label("History").click();
        harness.run();
        harness.get_by_label("Rename journey");
        harness.get_by_label("Set score");
        harness.get_by_label("(undone) Add case");
        assert!(harness.query_by_label("No edits yet.").is_none());
    }

    #[test]
    fn an_empty_history_says_so() {
        let mut harness = Harness::new_ui(|ui| History::new(&[], &[]).ui(ui));
        harness.get_by_label("History").click();
        harness.run();
        harness.get_by_label("No edits yet.");
    }
}
