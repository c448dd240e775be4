//! The open document: one journey, where it lives on disk, and its undo history.
//!
//! Every edit goes through [`Document::edit`], which records the journey as it was, so every
//! edit can be undone. Snapshots rather than inverse commands: a journey is plain data, cloning
//! it is cheap next to a human's pace of editing, and a snapshot can never undo the wrong thing.

use std::path::PathBuf;

use crate::model::Journey;

/// How many steps of history to keep.
const MAX_HISTORY: usize = 200;

/// How many cases the history may hold over all its snapshots: a journey of 10 000 imported
/// cases keeps 20 undo steps instead of gigabytes of copies; a workshop journey keeps 200.
const MAX_HISTORY_CASES: usize = 200_000;

pub struct Document {
    journey: Journey,
    /// Where it was loaded from or last saved to; `None` for a new, never-saved journey.
    pub path: Option<PathBuf>,
    /// Bumped on every change (including undo/redo), so caches know when to recompute.
    revision: u64,
    /// The revision that is on disk at `path`.
    saved_revision: Option<u64>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// While a gesture (a drag, typing a score) goes on, its edits merge into one undo step.
    open_gesture: Option<String>,
    /// The file at `path` as we last read or wrote it, to notice another window's save.
    pub disk_stamp: Option<crate::io::DiskStamp>,
}

/// One entry of the history: what the journey was before the edit named `label`.
struct Step {
    label: String,
    before: Journey,
    /// The revision numbers before and after, so undo restores the "saved" state exactly.
    revision_before: u64,
    revision_after: u64,
}

impl Document {
    /// A document as loaded (or freshly made): nothing in it is unsaved work yet.
    pub fn new(journey: Journey, path: Option<PathBuf>) -> Self {
        Self::with_saved_revision(journey, path, Some(0))
    }

    /// A document whose content is unsaved work, e.g. a restored recovery copy: it counts as
    /// changed until saved, so closing asks first.
    pub fn unsaved(journey: Journey, path: Option<PathBuf>) -> Self {
        Self::with_saved_revision(journey, path, None)
    }

    fn with_saved_revision(
        journey: Journey,
        path: Option<PathBuf>,
        saved_revision: Option<u64>,
    ) -> Self {
        Self {
            journey,
            path,
            revision: 0,
            saved_revision,
            undo: Vec::new(),
            redo: Vec::new(),
            open_gesture: None,
            disk_stamp: None,
        }
    }

    pub fn journey(&self) -> &Journey {
        &self.journey
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True when the journey differs from the file on disk (or was never saved).
    pub fn is_dirty(&self) -> bool {
        self.saved_revision != Some(self.revision)
    }

    pub fn mark_saved(&mut self, path: PathBuf) {
        self.path = Some(path);
        self.saved_revision = Some(self.revision);
    }

    /// Applies one user edit as one undo step.
    pub fn edit(&mut self, label: impl Into<String>, change: impl FnOnce(&mut Journey)) {
        self.seal();
        self.push_step(label.into());
        change(&mut self.journey);
    }

    /// Applies an edit that belongs to the ongoing gesture `gesture` (e.g. dragging one point):
    /// the first edit of a gesture opens an undo step, later ones join it until [`Self::seal`].
    pub fn edit_in_gesture(
        &mut self,
        gesture: &str,
        label: impl Into<String>,
        change: impl FnOnce(&mut Journey),
    ) {
        if self.open_gesture.as_deref() != Some(gesture) {
            self.seal();
            self.push_step(label.into());
            self.open_gesture = Some(gesture.to_owned());
        } else {
            self.revision += 1;
            if let Some(step) = self.undo.last_mut() {
                step.revision_after = self.revision;
            }
        }
        change(&mut self.journey);
    }

    /// Ends the ongoing gesture, so the next edit starts a new undo step.
    pub fn seal(&mut self) {
        self.open_gesture = None;
    }

    fn push_step(&mut self, label: String) {
        let revision_before = self.revision;
        self.revision = self.next_revision();
        self.undo.push(Step {
            label,
            before: self.journey.clone(),
            revision_before,
            revision_after: self.revision,
        });
        let mut cases_held: usize = self.undo.iter().map(|s| s.before.cases.len()).sum();
        while self.undo.len() > 1
            && (self.undo.len() > MAX_HISTORY || cases_held > MAX_HISTORY_CASES)
        {
            let dropped = self.undo.remove(0);
            cases_held -= dropped.before.cases.len();
        }
        self.redo.clear();
    }

    /// Revisions only grow, so a revision number never means two different journeys.
    fn next_revision(&self) -> u64 {
        let newest = self
            .undo
            .iter()
            .chain(&self.redo)
            .map(|s| s.revision_after)
            .max()
            .unwrap_or(0);
        newest.max(self.revision) + 1
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo(&mut self) -> Option<String> {
        self.seal();
        let step = self.undo.pop()?;
        let after = std::mem::replace(&mut self.journey, step.before);
        self.revision = step.revision_before;
        let label = step.label.clone();
        self.redo.push(Step {
            label: step.label,
            before: after,
            revision_before: step.revision_before,
            revision_after: step.revision_after,
        });
        Some(label)
    }

    pub fn redo(&mut self) -> Option<String> {
        self.seal();
        let step = self.redo.pop()?;
        let before = std::mem::replace(&mut self.journey, step.before);
        self.revision = step.revision_after;
        let label = step.label.clone();
        self.undo.push(Step {
            label: step.label,
            before,
            revision_before: step.revision_before,
            revision_after: step.revision_after,
        });
        Some(label)
    }

    /// Labels of the undoable steps, oldest first, and of the redoable ones, next first.
    pub fn history(&self) -> (Vec<&str>, Vec<&str>) {
        (
            self.undo.iter().map(|s| s.label.as_str()).collect(),
            self.redo.iter().rev().map(|s| s.label.as_str()).collect(),
        )
    }

    /// Replaces the whole journey as one undoable step (e.g. restoring a recovery copy).
    pub fn replace(&mut self, label: &str, journey: Journey) {
        self.edit(label, |j| *j = journey);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_returns_to_the_saved_state_and_redo_leaves_it() {
        let mut doc = Document::new(Journey::default(), Some("x.ron".into()));
        assert!(!doc.is_dirty());
        doc.edit("Rename", |j| j.title = "A".into());
        assert!(doc.is_dirty());
        doc.undo();
        assert!(!doc.is_dirty());
        assert_eq!(doc.journey().title, Journey::default().title);
        doc.redo();
        assert_eq!(doc.journey().title, "A");
        assert!(doc.is_dirty());
    }

    #[test]
    fn history_of_a_large_journey_is_bounded_by_its_size() {
        let journey = Journey {
            cases: (0..50_000)
                .map(|i| crate::model::Case::new(&format!("c{i}"), ""))
                .collect(),
            ..Journey::default()
        };
        let mut doc = Document::new(journey, None);
        for i in 0..10 {
            doc.edit("Rename", |j| j.title = format!("{i}"));
        }
        assert_eq!(doc.history().0.len(), MAX_HISTORY_CASES / 50_000);
        assert!(doc.undo().is_some(), "the newest steps stay undoable");
    }

    #[test]
    fn a_gesture_is_one_undo_step() {
        let mut doc = Document::new(Journey::default(), None);
        for i in 0..5 {
            doc.edit_in_gesture("drag", "Drag", |j| j.title = format!("{i}"));
        }
        doc.seal();
        assert_eq!(doc.history().0, vec!["Drag"]);
        doc.undo();
        assert_eq!(doc.journey().title, Journey::default().title);
    }

    #[test]
    fn a_new_edit_after_undo_does_not_reuse_a_revision() {
        let mut doc = Document::new(Journey::default(), Some("x.ron".into()));
        doc.edit("A", |j| j.title = "A".into());
        doc.mark_saved("x.ron".into());
        doc.undo();
        doc.edit("B", |j| j.title = "B".into());
        assert!(doc.is_dirty(), "B is not what was saved");
    }
}
