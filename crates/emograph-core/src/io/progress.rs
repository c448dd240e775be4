//! How far a long load has come, for a window that shows a progress bar while the load runs on
//! a thread of its own.
//!
//! The loader does not take a progress argument through every layer (open → parse → read the
//! cases): the thread that loads says whom to report to ([`reporting`]), and the two stages
//! that take the time — reading the file and reading its case lines — add what they have done.
//! A load nobody watches costs one thread-local lookup.

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Work done and to do, both growing as the load learns its size: the file's bytes (read, then
/// its case lines read), and the cases made of them.
#[derive(Debug, Default)]
pub struct LoadProgress {
    done: AtomicU64,
    total: AtomicU64,
    cases_done: AtomicU64,
    cases_total: AtomicU64,
}

impl LoadProgress {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// Done ÷ to do, 0 … 1; `None` before the load knows its size. The file's bytes are the
    /// first half, the cases made of them the second (making a case and its maps takes about
    /// as long as reading its line: measured on a 130 000-case survey).
    pub fn fraction(&self) -> Option<f32> {
        let share = |done: &AtomicU64, total: &AtomicU64| {
            let total = total.load(Ordering::Relaxed);
            (total > 0).then(|| done.load(Ordering::Relaxed).min(total) as f32 / total as f32)
        };
        let bytes = share(&self.done, &self.total)?;
        let cases = share(&self.cases_done, &self.cases_total).unwrap_or(0.0);
        Some(if bytes >= 1.0 && cases >= 1.0 {
            1.0
        } else {
            (bytes + cases) / 2.0
        })
    }

    /// Whether the file is read and its cases are being made.
    pub fn making_cases(&self) -> bool {
        self.cases_total.load(Ordering::Relaxed) > 0
    }

    pub(crate) fn add_cases_total(&self, cases: u64) {
        self.cases_total.fetch_add(cases, Ordering::Relaxed);
    }

    pub(crate) fn add_cases_done(&self, cases: u64) {
        self.cases_done.fetch_add(cases, Ordering::Relaxed);
    }

    pub(crate) fn add_total(&self, bytes: u64) {
        self.total.fetch_add(bytes, Ordering::Relaxed);
    }

    pub(crate) fn add_done(&self, bytes: u64) {
        self.done.fetch_add(bytes, Ordering::Relaxed);
    }

    /// All done (a file read by ron, not piece by piece, reports its cases only here).
    pub(crate) fn finish(&self) {
        for (done, total) in [
            (&self.done, &self.total),
            (&self.cases_done, &self.cases_total),
        ] {
            let all = total.load(Ordering::Relaxed).max(1);
            total.store(all, Ordering::Relaxed);
            done.store(all, Ordering::Relaxed);
        }
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Arc<LoadProgress>>> = const { RefCell::new(None) };
}

/// Runs `load` on this thread with its reading reported to `progress`.
pub fn reporting<R>(progress: &Arc<LoadProgress>, load: impl FnOnce() -> R) -> R {
    let before = CURRENT.with(|c| c.replace(Some(Arc::clone(progress))));
    let result = load();
    CURRENT.with(|c| *c.borrow_mut() = before);
    result
}

/// Whom this thread's load reports to, if anyone watches it.
pub(crate) fn current() -> Option<Arc<LoadProgress>> {
    CURRENT.with(|c| c.borrow().clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_watched_load_of_a_journey_reports_reading_and_its_case_lines_to_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.ron");
        let mut journey = crate::model::Journey {
            title: "big".into(),
            ..crate::model::Journey::default()
        };
        journey
            .touchpoints
            .push(crate::model::Touchpoint::new("t1", "Arrival", "during"));
        for i in 0..40_000 {
            let mut case = crate::model::Case::new(&format!("c{i}"), "");
            case.scores.insert("t1".into(), (i % 11) as f64 - 5.0);
            journey.cases.push(case);
        }
        crate::io::save_journey(&path, &journey).unwrap();
        let progress = LoadProgress::new();
        assert_eq!(progress.fraction(), None);
        let loaded = reporting(&progress, || crate::io::load_journey(&path)).unwrap();
        assert_eq!(loaded.cases.len(), 40_000);
        assert_eq!(progress.fraction(), Some(1.0));
        assert!(progress.making_cases(), "the cases' making was reported");
        assert!(current().is_none(), "the report ends with the load");
        // Unwatched, nothing is reported anywhere.
        let unwatched = LoadProgress::new();
        crate::io::load_journey(&path).unwrap();
        assert_eq!(unwatched.fraction(), None);
    }
}
