//! The aggregate views (overall, patterns, one pattern) and the cache behind them.
//!
//! Analysis is recomputed only when the document or the settings change, and off the UI
//! thread when the journey is large, so the window never freezes; a spinner shows it working.

use std::sync::Arc;
use std::sync::mpsc;

pub use crate::analysis::AnalysisSettings;
use crate::analysis::{Analysis, Dataset};
use crate::model::Journey;
use crate::session::Document;

/// Journeys with fewer cases than this are analysed inline: it takes well under a frame.
const INLINE_CASES: usize = 2_000;

/// The [`Analysis`] of one revision of the document under one set of settings, computed by the
/// same [`Analysis::compute`] as the CLI and the report; its fields read through (`result.patterns`).
pub struct AnalysisResult {
    pub revision: u64,
    pub analysis: Analysis,
    /// Wall time it took, shown to the user for large journeys.
    pub seconds: f64,
}

impl std::ops::Deref for AnalysisResult {
    type Target = Analysis;

    fn deref(&self) -> &Analysis {
        &self.analysis
    }
}

impl AnalysisResult {
    pub fn compute(journey: Journey, revision: u64, settings: AnalysisSettings) -> Self {
        let started = std::time::Instant::now();
        let analysis = Analysis::compute(Dataset::from_journey(journey), &settings);
        Self {
            revision,
            analysis,
            seconds: started.elapsed().as_secs_f64(),
        }
    }

    /// The journey's case index of a dataset row.
    pub fn case_index(&self, journey: &Journey, row: usize) -> Option<usize> {
        let id = self.dataset.case_ids.get(row)?;
        journey.cases.iter().position(|c| c.id == id)
    }
}

#[derive(Default)]
pub struct AnalysisCache {
    pub settings: AnalysisSettings,
    current: Option<Arc<AnalysisResult>>,
    pending: Option<(u64, AnalysisSettings, mpsc::Receiver<AnalysisResult>)>,
}

impl AnalysisCache {
    /// The newest finished result (it may be for an older revision while a new one computes).
    pub fn current(&self) -> Option<&Arc<AnalysisResult>> {
        self.current.as_ref()
    }

    /// The finished result for `revision` under the current settings, if there is one.
    pub fn fresh(&self, revision: u64) -> Option<&Arc<AnalysisResult>> {
        self.current
            .as_ref()
            .filter(|c| c.revision == revision && c.settings == self.settings)
    }

    pub fn is_computing(&self) -> bool {
        self.pending.is_some()
    }

    /// Makes sure a result for `revision` under the current settings exists or is on its way.
    pub fn request(&mut self, doc: &mut Document, ctx: &egui::Context) {
        let revision = doc.revision();
        self.poll();
        let wanted = |r: u64, s: &AnalysisSettings| r == revision && *s == self.settings;
        if self
            .current
            .as_ref()
            .is_some_and(|c| wanted(c.revision, &c.settings))
        {
            return;
        }
        if self.pending.as_ref().is_some_and(|(r, s, _)| wanted(*r, s)) {
            return;
        }
        let settings = self.settings.clone();
        if doc.journey().cases.len() < INLINE_CASES {
            self.current = Some(Arc::new(AnalysisResult::compute(
                doc.journey().clone(),
                revision,
                settings,
            )));
            self.pending = None;
            return;
        }
        let (sender, receiver) = mpsc::channel();
        // The cases are shared, not copied, here: the copy is made on the analysis thread.
        let (mut journey, cases) = doc.shared_journey();
        let ctx = ctx.clone();
        let job_settings = settings.clone();
        std::thread::spawn(move || {
            journey.cases = cases.iter().map(|case| (**case).clone()).collect();
            let result = AnalysisResult::compute(journey, revision, job_settings);
            // The receiver may be gone if a newer request replaced this one: nothing to do then.
            let _ignored = sender.send(result);
            ctx.request_repaint();
        });
        self.pending = Some((revision, settings, receiver));
    }

    fn poll(&mut self) {
        let Some((_, _, receiver)) = &self.pending else {
            return;
        };
        match receiver.try_recv() {
            Ok(result) => {
                self.current = Some(Arc::new(result));
                self.pending = None;
            }
            Err(mpsc::TryRecvError::Empty) => {}
            Err(mpsc::TryRecvError::Disconnected) => self.pending = None,
        }
    }

    /// Waits for the pending computation (tests and benchmarks).
    pub fn wait(&mut self) {
        if let Some((_, _, receiver)) = self.pending.take()
            && let Ok(result) = receiver.recv()
        {
            self.current = Some(Arc::new(result));
        }
    }
}
