//! What the chart needs from every case on a view that has no analysis to take it from: each
//! touchpoint's mean over all cases, for the screen-reader sentence ("lowest point: Arrival and
//! parking, mean −2.9"), and, when the shown cases are too many to draw one by one, their band
//! and mean ([`crate::chart::CaseBand`]), which the cases view draws instead of their curves.
//!
//! Reading every case's scores costs tens of milliseconds for 10 000 cases × 30 touchpoints
//! (300 000 map lookups), which made the frame after each edit ten times slower than the others.
//! A small journey is read inline; a large one on a thread of its own, from the document's
//! shared cases (a pointer a case), while the chart keeps the previous revision's figures for
//! the few frames until the new ones arrive, as the aggregate views already do with their
//! analysis.

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::mpsc;

use crate::chart::{CaseBand, MAX_CASE_CURVES, case_band};
use crate::model::{Case, Touchpoint};
use crate::session::Document;

/// Journeys with fewer cases than this are read inline (about a millisecond).
const INLINE_CASES: usize = 2_000;

/// What one read of one revision of the document found.
#[derive(Clone, Debug, PartialEq)]
pub struct Means {
    pub revision: u64,
    /// The hidden cases' state ([`crate::app::HiddenCases`]'s change count) the band was read
    /// for; `None` for figures taken from elsewhere.
    pub shown: Option<u64>,
    pub means: Arc<Vec<Option<f64>>>,
    /// The shown cases' band, when they are more than [`MAX_CASE_CURVES`].
    pub band: Option<CaseBand>,
}

/// The cases the chart shows: all but these hidden ones, whose set changed `changes` times.
#[derive(Clone, Copy)]
pub struct Shown<'a> {
    pub hidden: &'a HashSet<String>,
    pub changes: u64,
}

#[derive(Default)]
pub struct ChartMeans {
    current: Option<Means>,
    pending: Option<((u64, u64), mpsc::Receiver<Means>)>,
}

impl ChartMeans {
    /// The newest figures there are, asking for those of the document's revision (and the
    /// shown cases) if they are not here yet: the current ones for a small journey, possibly an
    /// older revision's for a large one (the first request of all is answered inline, so there
    /// is always a sentence). The caller asks every frame, so a revision skipped while a read
    /// was on its way is asked for on the next frame after it arrives.
    pub fn get(&mut self, doc: &mut Document, shown: Shown<'_>, ctx: &egui::Context) -> &Means {
        let key = (doc.revision(), shown.changes);
        self.poll();
        let have = self
            .current
            .as_ref()
            .and_then(|m| Some((m.revision, m.shown?)));
        let asked = self.pending.as_ref().map(|(k, _)| *k);
        if have != Some(key) && asked != Some(key) {
            if doc.journey().cases.len() < INLINE_CASES || self.current.is_none() {
                let journey = doc.journey();
                self.current = Some(read(
                    key,
                    &journey.touchpoints,
                    journey.cases.iter(),
                    shown.hidden,
                ));
                self.pending = None;
            } else if self.pending.is_none() {
                // One read at a time: edits faster than a read (a held key) would otherwise
                // start a thread each and starve the UI of both cores. The newest revision is
                // asked for when the read on its way comes back.
                let (sender, receiver) = mpsc::channel();
                let (journey, cases) = doc.shared_journey();
                let hidden = shown.hidden.clone();
                let ctx = ctx.clone();
                std::thread::spawn(move || {
                    let cases = cases.iter().map(|c| &**c);
                    let means = read(key, &journey.touchpoints, cases, &hidden);
                    // A newer request may have replaced this one: nothing to do then.
                    let _ignored = sender.send(means);
                    ctx.request_repaint();
                });
                self.pending = Some((key, receiver));
            }
        }
        // Set above when there was none.
        self.current.get_or_insert_with(|| Means {
            revision: key.0,
            shown: None,
            means: Arc::default(),
            band: None,
        })
    }

    /// Whether nothing was read yet.
    pub fn is_empty(&self) -> bool {
        self.current.is_none()
    }

    /// The band of the shown cases last read, if they were too many to draw one by one.
    pub fn band(&self) -> Option<CaseBand> {
        self.current.as_ref().and_then(|m| m.band.clone())
    }

    /// Means read elsewhere (an older analysis), taken while there are none of our own: they
    /// spare a large journey's first sentence its inline read.
    pub fn offer(&mut self, means: Means) {
        if self.current.is_none() {
            self.current = Some(means);
        }
    }

    fn poll(&mut self) {
        let Some((_, receiver)) = &self.pending else {
            return;
        };
        match receiver.try_recv() {
            Ok(means) => {
                self.current = Some(means);
                self.pending = None;
            }
            Err(mpsc::TryRecvError::Empty) => {}
            Err(mpsc::TryRecvError::Disconnected) => self.pending = None,
        }
    }

    /// Waits for the figures on their way (tests and benchmarks).
    pub fn wait(&mut self) {
        if let Some((_, receiver)) = self.pending.take()
            && let Ok(means) = receiver.recv()
        {
            self.current = Some(means);
        }
    }
}

/// One read for `(revision, shown)`: the means of all cases, and the band of those not hidden
/// when they are too many to draw one by one.
fn read<'a>(
    (revision, shown): (u64, u64),
    touchpoints: &[Touchpoint],
    cases: impl Iterator<Item = &'a Case> + Clone,
    hidden: &HashSet<String>,
) -> Means {
    let visible = cases.clone().filter(|c| !hidden.contains(&c.id));
    let band = (visible.clone().count() > MAX_CASE_CURVES).then(|| case_band(touchpoints, visible));
    Means {
        revision,
        shown: Some(shown),
        means: Arc::new(means(touchpoints, cases)),
        band,
    }
}

/// Each touchpoint's mean over the finite scores of `cases`; `None` where none is scored.
/// One pass over each case's own scores (a touchpoint's index found by hash), not a map
/// lookup per case and touchpoint: 10 000 × 30 lookups compared strings for 40 ms.
pub fn means<'a>(
    touchpoints: &[Touchpoint],
    cases: impl Iterator<Item = &'a Case>,
) -> Vec<Option<f64>> {
    let index: std::collections::HashMap<&str, usize> = touchpoints
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let mut sums = vec![(0.0, 0usize); touchpoints.len()];
    for case in cases {
        for (id, score) in &case.scores {
            if score.is_finite()
                && let Some(&i) = index.get(id.as_str())
                && let Some((sum, n)) = sums.get_mut(i)
            {
                *sum += score;
                *n += 1;
            }
        }
    }
    sums.into_iter()
        .map(|(sum, n)| (n > 0).then(|| sum / n as f64))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Journey;
    use crate::session::Edit;

    fn journey(cases: usize) -> Journey {
        let mut journey = Journey::default();
        journey
            .touchpoints
            .push(Touchpoint::new("a", "Arrival", "during"));
        journey
            .touchpoints
            .push(Touchpoint::new("b", "Booking", "before"));
        for c in 0..cases {
            let mut case = Case::new(&format!("c{c}"), &format!("Case {c}"));
            case.scores
                .insert("a".into(), if c % 2 == 0 { 2.0 } else { 4.0 });
            journey.cases.push(case);
        }
        journey
    }

    fn all() -> Shown<'static> {
        static NONE: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
        Shown {
            hidden: NONE.get_or_init(HashSet::new),
            changes: 0,
        }
    }

    fn set_a(doc: &mut Document, case: usize, score: f64) {
        doc.apply(Edit::SetScore {
            case_id: format!("c{case}"),
            touchpoint_id: "a".into(),
            score: Some(score),
        })
        .unwrap();
    }

    #[test]
    fn a_small_journeys_means_follow_every_edit_at_once() {
        let mut doc = Document::new(journey(4), None);
        let ctx = egui::Context::default();
        let mut cache = ChartMeans::default();
        assert_eq!(
            *cache.get(&mut doc, all(), &ctx).means,
            vec![Some(3.0), None]
        );
        set_a(&mut doc, 0, -2.0);
        let means = cache.get(&mut doc, all(), &ctx).clone();
        assert_eq!(means.revision, doc.revision());
        assert_eq!(*means.means, vec![Some(2.0), None]);
    }

    #[test]
    fn a_large_journeys_means_arrive_from_the_background_for_the_new_revision() {
        let mut doc = Document::new(journey(INLINE_CASES), None);
        let ctx = egui::Context::default();
        let mut cache = ChartMeans::default();
        let first = cache.get(&mut doc, all(), &ctx).clone();
        assert_eq!(
            *first.means,
            vec![Some(3.0), None],
            "the first answer is inline"
        );
        let before = doc.revision();
        set_a(&mut doc, 0, 4.0);
        // Until the thread answers, the sentence keeps the previous revision's means.
        let meanwhile = cache.get(&mut doc, all(), &ctx).clone();
        assert!(meanwhile.revision == before || meanwhile.revision == doc.revision());
        cache.wait();
        let after = cache.get(&mut doc, all(), &ctx).clone();
        assert_eq!(after.revision, doc.revision());
        // One case of 2 000 moved from 2 to 4: the mean moves by 2 / 2 000.
        let mean = after.means[0].unwrap();
        assert!((mean - 3.001).abs() < 1e-12, "{mean}");
        assert_eq!(after.means[1], None);
    }

    #[test]
    fn edits_faster_than_a_read_start_one_read_at_a_time_and_end_on_the_newest() {
        let mut doc = Document::new(journey(INLINE_CASES), None);
        let ctx = egui::Context::default();
        let mut cache = ChartMeans::default();
        cache.get(&mut doc, all(), &ctx);
        set_a(&mut doc, 0, 4.0);
        cache.get(&mut doc, all(), &ctx);
        set_a(&mut doc, 1, 2.0);
        cache.get(&mut doc, all(), &ctx);
        // Whether the first edit's read came back before the second edit or not (the thread
        // decides), one read at most is on its way, and the newest revision is read in the
        // end: the first edit's read and then the second's, or the second's alone.
        let mut reads = 0;
        while cache.get(&mut doc, all(), &ctx).revision != doc.revision() {
            assert!(cache.pending.is_some(), "a read is on its way");
            assert!(
                reads < 2,
                "the second edit was asked for after the first read"
            );
            cache.wait();
            reads += 1;
        }
        let last = cache.get(&mut doc, all(), &ctx).clone();
        // Case 0 from 2 to 4, case 1 from 4 to 2: the mean is 3 again.
        assert!((last.means[0].unwrap() - 3.0).abs() < 1e-12);
    }

    #[test]
    fn the_band_is_read_for_the_shown_cases_when_they_are_too_many_to_draw() {
        let mut doc = Document::new(journey(MAX_CASE_CURVES + 1), None);
        let ctx = egui::Context::default();
        let mut cache = ChartMeans::default();
        let first = cache.get(&mut doc, all(), &ctx).clone();
        let band = first.band.clone().expect("a band for 201 shown cases");
        assert_eq!(band.cases, MAX_CASE_CURVES + 1);
        assert_eq!(band.stats[0].n, MAX_CASE_CURVES + 1);
        // Hiding one case leaves 200: few enough to draw each, so no band is read.
        let hidden: HashSet<String> = ["c0".to_owned()].into();
        let shown = Shown {
            hidden: &hidden,
            changes: 1,
        };
        let after = cache.get(&mut doc, shown, &ctx).clone();
        assert_eq!(after.band, None);
        assert_eq!(
            after.means, first.means,
            "the sentence's means stay over all cases"
        );
    }
}
