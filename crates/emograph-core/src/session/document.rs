//! The open document: one journey, where it lives on disk, and its undo history.
//!
//! Every edit goes through [`Document::apply`], which checks it, records the journey as it was,
//! then makes the change, so every edit can be undone and none can break the journey. Snapshots rather than inverse commands: a snapshot can never undo the
//! wrong thing. The cases, nearly all of a large journey, are shared between snapshots
//! (`Arc<Case>`): a step copies only the cases that changed since the one before, so an edit of
//! a 10 000-case import costs a comparison, not a copy of every curve.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::{Edit, EditError, check};
use crate::model::{Case, Journey};

/// How many steps of history to keep.
const MAX_HISTORY: usize = 200;

/// How many copies of cases the history may hold over all its steps: edits that touch every
/// case of a 10 000-case import (deleting a touchpoint they all scored) keep 20 such steps
/// rather than gigabytes; edits of one case or of the journey's text keep all 200.
const MAX_HISTORY_CASES: usize = 200_000;

/// How many case references the history may hold over all its steps (8 bytes each): a
/// 1 000 000-case journey keeps 20 steps, a 100 000-case one all 200.
const MAX_HISTORY_REFERENCES: usize = 20_000_000;

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
    /// The journey's cases as of the newest snapshot, shared with it; brought up to date (the
    /// changed cases copied, the rest kept) whenever a snapshot is taken.
    shared: Vec<Arc<Case>>,
    /// Which cases changed since `shared` was brought up to date.
    changes: CaseChanges,
    /// While a gesture (a drag, typing a score) goes on, its edits merge into one undo step.
    open_gesture: Option<String>,
    /// The file at `path` as we last read or wrote it, to notice another window's save.
    pub disk_stamp: Option<crate::io::DiskStamp>,
}

/// What an applied edit did: its name in the history, and the revision it made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub label: String,
    pub revision: u64,
}

/// One entry of the history: what the journey was before the edit named `label`.
struct Step {
    label: String,
    before: Snapshot,
    /// The revision numbers before and after, so undo restores the "saved" state exactly.
    revision_before: u64,
    revision_after: u64,
}

/// Which cases an edit changed: known for the edits of one case (the score of a drag, a note),
/// so the next snapshot copies just those; unknown for the rest, which the next snapshot finds by
/// comparing every case with its shared copy.
enum CaseChanges {
    Known(Vec<usize>),
    Unknown,
}

/// How many of `cases` are not shared with `below` (the next older step's cases): the copies a
/// step adds to the history. An upper bound of what it holds alone: a case shared with an older
/// step further down is counted again, never missed.
fn own_copies(cases: &[Arc<Case>], below: Option<&[Arc<Case>]>) -> usize {
    match below {
        None => cases.len(),
        Some(below) if below.len() == cases.len() => cases
            .iter()
            .zip(below)
            .filter(|(case, old)| !Arc::ptr_eq(case, old))
            .count(),
        Some(below) => {
            let shared: std::collections::HashSet<*const Case> =
                below.iter().map(Arc::as_ptr).collect();
            cases
                .iter()
                .filter(|case| !shared.contains(&Arc::as_ptr(case)))
                .count()
        }
    }
}

/// A journey as it was: everything but the cases copied, the cases shared.
struct Snapshot {
    rest: Journey,
    cases: Vec<Arc<Case>>,
    /// How many of `cases` its step does not share with the step below (see [`own_copies`]):
    /// what it costs in memory, for [`MAX_HISTORY_CASES`]. Set when it goes on the undo stack.
    copied: usize,
}

impl Snapshot {
    fn into_journey(self) -> Journey {
        let mut journey = self.rest;
        journey.cases = self
            .cases
            .into_iter()
            .map(|case| Arc::try_unwrap(case).unwrap_or_else(|shared| (*shared).clone()))
            .collect();
        journey
    }
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
            shared: Vec::new(),
            changes: CaseChanges::Unknown,
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

    /// The journey as it is now, for work on another thread: everything but the cases copied,
    /// the cases shared (only those changed since the last snapshot are copied). Cloning a
    /// 10 000-case journey, every case with its own score and note maps, took tens of
    /// milliseconds on the UI thread after every edit; this costs a pointer a case.
    pub fn shared_journey(&mut self) -> (Journey, Vec<Arc<Case>>) {
        let Snapshot { rest, cases, .. } = self.snapshot();
        (rest, cases)
    }

    /// True when the journey differs from the file on disk (or was never saved).
    pub fn is_dirty(&self) -> bool {
        self.saved_revision != Some(self.revision)
    }

    pub fn mark_saved(&mut self, path: PathBuf) {
        self.path = Some(path);
        self.saved_revision = Some(self.revision);
    }

    /// Checks `edit` and applies it as one undo step; a refused edit changes nothing (not the
    /// journey, not the revision, not the history).
    pub fn apply(&mut self, edit: Edit) -> Result<Applied, EditError> {
        self.apply_as(None, edit)
    }

    /// [`Self::apply`] for an edit that belongs to the ongoing gesture `gesture` (dragging one
    /// point, typing into one field): the first edit of a gesture opens an undo step, later
    /// ones join it until [`Self::seal`] or an edit of another gesture.
    pub fn apply_in_gesture(&mut self, gesture: &str, edit: Edit) -> Result<Applied, EditError> {
        self.apply_as(Some(gesture), edit)
    }

    /// [`Self::apply`] or [`Self::apply_in_gesture`] under a name of the editor's own for the
    /// history ("Action at Parking: prevent" says more than "Edit flag at Parking").
    pub fn apply_named(
        &mut self,
        gesture: Option<&str>,
        label: impl Into<String>,
        edit: Edit,
    ) -> Result<Applied, EditError> {
        self.apply_labelled(gesture, Some(label.into()), edit)
    }

    fn apply_as(&mut self, gesture: Option<&str>, edit: Edit) -> Result<Applied, EditError> {
        self.apply_labelled(gesture, None, edit)
    }

    fn apply_labelled(
        &mut self,
        gesture: Option<&str>,
        label: Option<String>,
        edit: Edit,
    ) -> Result<Applied, EditError> {
        check::check(&self.journey, &edit)?;
        let label = label.unwrap_or_else(|| edit.label(&self.journey));
        let case_index = edit
            .single_case()
            .and_then(|id| self.journey.cases.iter().position(|c| c.id == id));
        match gesture {
            Some(gesture) => self.open_or_join_gesture(gesture, label.clone()),
            None => {
                self.seal();
                self.push_step(label.clone());
            }
        }
        edit.apply_to(&mut self.journey);
        match (case_index, &mut self.changes) {
            (Some(index), CaseChanges::Known(changed)) => changed.push(index),
            (Some(_), CaseChanges::Unknown) => {}
            (None, changes) => *changes = CaseChanges::Unknown,
        }
        Ok(Applied {
            label,
            revision: self.revision,
        })
    }

    /// Applies a change as one undo step, unchecked: the tests' way to make a history.
    #[cfg(test)]
    fn edit(&mut self, label: impl Into<String>, change: impl FnOnce(&mut Journey)) {
        self.seal();
        self.push_step(label.into());
        change(&mut self.journey);
        self.changes = CaseChanges::Unknown;
    }

    fn open_or_join_gesture(&mut self, gesture: &str, label: String) {
        if self.open_gesture.as_deref() != Some(gesture) {
            self.seal();
            self.push_step(label);
            self.open_gesture = Some(gesture.to_owned());
        } else {
            self.revision += 1;
            if let Some(step) = self.undo.last_mut() {
                step.revision_after = self.revision;
            }
        }
    }

    /// Ends the ongoing gesture, so the next edit starts a new undo step.
    pub fn seal(&mut self) {
        self.open_gesture = None;
    }

    /// The journey as it is now, its cases shared with the newest snapshot where unchanged.
    fn snapshot(&mut self) -> Snapshot {
        let changes = std::mem::replace(&mut self.changes, CaseChanges::Known(Vec::new()));
        let cases = &self.journey.cases;
        if let CaseChanges::Known(mut changed) = changes
            && cases.len() == self.shared.len()
        {
            changed.sort_unstable();
            changed.dedup();
            for &index in &changed {
                if let (Some(case), Some(slot)) = (cases.get(index), self.shared.get_mut(index)) {
                    *slot = Arc::new(case.clone());
                }
            }
            return Snapshot {
                rest: self.journey.clone_without_cases(),
                cases: self.shared.clone(),
                copied: 0,
            };
        }
        let mut copied = 0;
        let mut share = |case: &Case, old: Option<&Arc<Case>>| match old {
            Some(old) if **old == *case => Arc::clone(old),
            _ => {
                copied += 1;
                Arc::new(case.clone())
            }
        };
        let shared: Vec<Arc<Case>> = if cases.len() == self.shared.len() {
            cases
                .iter()
                .zip(&self.shared)
                .map(|(case, old)| share(case, Some(old)))
                .collect()
        } else {
            // Cases were added or removed: match the rest by id.
            let by_id: HashMap<&str, &Arc<Case>> =
                self.shared.iter().map(|c| (c.id.as_str(), c)).collect();
            cases
                .iter()
                .map(|case| share(case, by_id.get(case.id.as_str()).copied()))
                .collect()
        };
        self.shared = shared;
        Snapshot {
            rest: self.journey.clone_without_cases(),
            cases: self.shared.clone(),
            copied,
        }
    }

    /// Makes `snapshot` the journey, and its cases the ones later snapshots share.
    fn restore(&mut self, snapshot: Snapshot) {
        self.shared = snapshot.cases.clone();
        self.journey = snapshot.into_journey();
        self.changes = CaseChanges::Known(Vec::new());
    }

    fn push_step(&mut self, label: String) {
        let revision_before = self.revision;
        self.revision = self.next_revision();
        let before = self.snapshot();
        self.redo.clear();
        self.push_undo(Step {
            label,
            before,
            revision_before,
            revision_after: self.revision,
        });
    }

    /// Puts `step` on the undo stack, counting the case copies it adds (those it does not share
    /// with the step below), and drops the oldest steps beyond the history's budget.
    fn push_undo(&mut self, mut step: Step) {
        let below = self.undo.last().map(|s| s.before.cases.as_slice());
        step.before.copied = own_copies(&step.before.cases, below);
        self.undo.push(step);
        let held = |undo: &[Step]| -> (usize, usize) {
            undo.iter().fold((0, 0), |(copies, references), s| {
                (copies + s.before.copied, references + s.before.cases.len())
            })
        };
        let (mut copies, mut references) = held(&self.undo);
        while self.undo.len() > 1
            && (self.undo.len() > MAX_HISTORY
                || copies > MAX_HISTORY_CASES
                || references > MAX_HISTORY_REFERENCES)
        {
            self.undo.remove(0);
            // The new oldest step has nothing below it to share with: it holds all its cases.
            if let Some(oldest) = self.undo.first_mut() {
                oldest.before.copied = oldest.before.cases.len();
            }
            (copies, references) = held(&self.undo);
        }
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

    /// The cases each undo step holds, oldest first: for tests of what the steps share.
    #[cfg(test)]
    pub(super) fn undo_steps(&self) -> Vec<Vec<Arc<Case>>> {
        self.undo.iter().map(|s| s.before.cases.clone()).collect()
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
        let after = self.snapshot();
        self.restore(step.before);
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
        let before = self.snapshot();
        self.restore(step.before);
        self.revision = step.revision_after;
        let label = step.label.clone();
        self.push_undo(Step {
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

    fn large_journey(cases: usize) -> Journey {
        Journey {
            touchpoints: vec![crate::model::Touchpoint::new("t", "T", "during")],
            cases: (0..cases)
                .map(|i| {
                    let mut case = Case::new(&format!("c{i}"), "");
                    case.scores.insert("t".into(), 1.0);
                    case
                })
                .collect(),
            ..Journey::default()
        }
    }

    #[test]
    fn history_of_a_large_journey_is_bounded_by_what_it_copies() {
        // Edits that change every case: each step holds a copy of all 40 000.
        let mut doc = Document::new(large_journey(40_000), None);
        for i in 0..7 {
            doc.edit("Rescore", |j| {
                for case in &mut j.cases {
                    case.scores.insert("t".into(), f64::from(i));
                }
            });
        }
        assert_eq!(doc.history().0.len(), MAX_HISTORY_CASES / 40_000);
        assert!(doc.undo().is_some(), "the newest steps stay undoable");
        assert_eq!(doc.journey().cases[0].scores["t"], 5.0);

        // Edits of the text or of one case share the cases: all of them stay undoable.
        let mut doc = Document::new(large_journey(10_000), None);
        for i in 0..30 {
            doc.edit("Rename", |j| j.title = format!("{i}"));
            doc.edit("Score", |j| {
                j.cases[7].scores.insert("t".into(), f64::from(i));
            });
        }
        assert_eq!(doc.history().0.len(), 60);
        for _ in 0..60 {
            doc.undo();
        }
        assert_eq!(*doc.journey(), large_journey(10_000));
    }

    #[test]
    fn the_budget_holds_through_undo_and_redo() {
        // Steps that copy every case, undone and redone: each still counts its copies, so the
        // history stays within its budget (and nothing underflows when old steps are dropped).
        let cases = 40_000;
        let mut doc = Document::new(large_journey(cases), None);
        let rescore = |doc: &mut Document, value: f64| {
            doc.edit("Rescore", |j| {
                for case in &mut j.cases {
                    case.scores.insert("t".into(), value);
                }
            });
        };
        for i in 0..5 {
            rescore(&mut doc, f64::from(i));
        }
        for _ in 0..5 {
            doc.undo();
        }
        for _ in 0..5 {
            doc.redo();
        }
        for i in 5..8 {
            rescore(&mut doc, f64::from(i));
        }
        assert!(doc.history().0.len() <= MAX_HISTORY_CASES / cases);
        // Cheap edits after an undo, past the step limit: the oldest go, quietly.
        let mut doc = Document::new(large_journey(3), None);
        doc.edit("Rename", |j| j.title = "a".into());
        doc.undo();
        for i in 0..(MAX_HISTORY + 5) {
            doc.edit("Rename", |j| j.title = format!("{i}"));
        }
        assert_eq!(doc.history().0.len(), MAX_HISTORY);
        // An edit of a case that is not there is no edit.
        let revision = doc.revision();
        let refused = doc.apply(Edit::SetCaseLabel {
            case_id: "c99".into(),
            label: "x".into(),
        });
        assert!(refused.is_err());
        assert_eq!(doc.revision(), revision);
    }

    #[test]
    fn undo_and_redo_restore_every_case_exactly() {
        let original = large_journey(5);
        let mut doc = Document::new(original.clone(), None);
        doc.edit("Score", |j| {
            j.cases[2].scores.insert("t".into(), -4.0);
        });
        let scored = doc.journey().clone();
        doc.edit("Delete case", |j| {
            j.cases.remove(1);
        });
        let deleted = doc.journey().clone();
        doc.edit("Add case", |j| j.cases.push(Case::new("new", "New")));
        let added = doc.journey().clone();
        doc.edit("Rename", |j| j.cases[0].label = "First".into());
        let renamed = doc.journey().clone();
        // Edits of one case, as a drag makes them, join the rest of the history.
        for score in [1.0, 2.0, 3.0] {
            doc.apply_in_gesture(
                "drag",
                Edit::SetScore {
                    case_id: "c2".into(),
                    touchpoint_id: "t".into(),
                    score: Some(score),
                },
            )
            .unwrap();
        }
        doc.apply(Edit::SetNote {
            case_id: "c0".into(),
            touchpoint_id: "t".into(),
            note: "cold".into(),
        })
        .unwrap();
        let noted = doc.journey().clone();
        doc.undo();
        doc.undo();
        assert_eq!(*doc.journey(), renamed);
        doc.redo();
        doc.redo();
        assert_eq!(*doc.journey(), noted);
        doc.undo();
        doc.undo();
        for expected in [&added, &deleted, &scored, &original] {
            doc.undo();
            assert_eq!(doc.journey(), expected);
        }
        doc.redo();
        doc.redo();
        assert_eq!(*doc.journey(), deleted);
        // An edit after undo, then undo again: back to the same state.
        doc.edit("Score", |j| {
            j.cases[0].scores.insert("t".into(), 5.0);
        });
        doc.undo();
        assert_eq!(*doc.journey(), deleted);
    }

    #[test]
    fn a_gesture_is_one_undo_step() {
        let mut doc = Document::new(Journey::default(), None);
        for i in 0..5 {
            let title = format!("{i}");
            doc.apply_in_gesture("drag", Edit::SetTitle { title })
                .unwrap();
        }
        doc.seal();
        assert_eq!(doc.history().0, vec!["Edit title"]);
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

    #[test]
    fn put_case_adds_then_replaces_whole_and_each_step_undoes() {
        let mut journey = Journey::default();
        journey
            .touchpoints
            .push(crate::model::Touchpoint::new("t", "T", "during"));
        let mut doc = Document::new(journey, None);
        let mut first = Case::new("live-1", "Ana");
        first.scores.insert("t".into(), 2.0);
        first.notes.insert("t".into(), "slow".into());
        let applied = doc
            .apply(Edit::PutCase {
                case: first.clone(),
            })
            .unwrap();
        assert_eq!(applied.label, "Add Ana");
        let mut second = Case::new("live-1", "Ana");
        second.scores.insert("t".into(), -3.0);
        let applied = doc
            .apply(Edit::PutCase {
                case: second.clone(),
            })
            .unwrap();
        assert_eq!(applied.label, "Replace Ana");
        assert_eq!(doc.journey().cases, vec![second]);
        doc.undo();
        assert_eq!(doc.journey().cases, vec![first]);
        doc.undo();
        assert!(doc.journey().cases.is_empty());
        // Checked like AddCase: off the scale or an unknown touchpoint changes nothing.
        let mut bad = Case::new("live-2", "");
        bad.scores.insert("t".into(), 9.0);
        assert!(doc.apply(Edit::PutCase { case: bad }).is_err());
        let mut bad = Case::new("live-2", "");
        bad.scores.insert("nowhere".into(), 1.0);
        assert!(doc.apply(Edit::PutCase { case: bad }).is_err());
        assert!(doc.journey().cases.is_empty());
    }
}
