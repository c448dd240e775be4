//! Who sent what: the participants' tokens and their cases, and the journal every accepted
//! submission goes to before anyone is told "sent".

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::mpsc::Sender;

use emograph_core::model::Case;
use emograph_core::session::{Journal, JournalRecord};

use crate::reply::Refusal;

/// An accepted submission on its way to the document's owner, who applies it as
/// `Edit::PutCase { case }`: it adds the participant's case, or replaces their earlier one.
#[derive(Clone, Debug, PartialEq)]
pub struct Accepted {
    pub participant: String,
    pub case: Case,
}

pub struct Book {
    journal: Journal,
    sink: Sender<Accepted>,
    /// Token → the participant's case as last accepted.
    sent: HashMap<String, Case>,
    /// Case ids in use: the journey's own cases at the start, and the participants'.
    taken: HashSet<String>,
    max_participants: usize,
}

impl Book {
    pub fn new(
        journal: Journal,
        sink: Sender<Accepted>,
        journey_case_ids: HashSet<String>,
        previous: Vec<(String, Case)>,
        max_participants: usize,
    ) -> Self {
        let mut book = Self {
            journal,
            sink,
            sent: HashMap::new(),
            taken: journey_case_ids,
            max_participants,
        };
        for (participant, case) in previous {
            book.taken.insert(case.id.clone());
            book.sent.insert(participant, case);
        }
        book
    }

    /// Records `case` (an id not yet given) as `participant`'s: on disk first, then on its way
    /// to the document. Returns the case id.
    pub fn accept(&mut self, participant: String, mut case: Case) -> Result<String, Refusal> {
        let id = match self.sent.get(&participant) {
            Some(earlier) => earlier.id.clone(),
            None => {
                if self.sent.len() >= self.max_participants {
                    return Err(Refusal::invalid(
                        "session_full",
                        format!(
                            "This session takes at most {} curves, and has them all.",
                            self.max_participants
                        ),
                    ));
                }
                self.fresh_id(&participant)
            }
        };
        case.id = id.clone();
        let record = JournalRecord::Submission {
            participant: participant.clone(),
            case: case.clone(),
        };
        self.journal.append(&record).map_err(|e| {
            Refusal::new(
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                "not_saved",
                format!("The curve could not be saved ({e}); please send it again."),
            )
        })?;
        self.taken.insert(id.clone());
        self.sent.insert(participant.clone(), case.clone());
        // The owner may have gone (the GUI closed the session): the journal has it anyway.
        let _ignored = self.sink.send(Accepted { participant, case });
        Ok(id)
    }

    /// `live-` and 8 hex digits of a hash of the token: the same participant always gets the
    /// same id (also after a restart), and the token itself never shows in the journey.
    fn fresh_id(&self, participant: &str) -> String {
        let hash = fnv1a64(participant.as_bytes());
        let short = format!("live-{:08x}", hash >> 32);
        if !self.taken.contains(&short) {
            return short;
        }
        let long = format!("live-{hash:016x}");
        if !self.taken.contains(&long) {
            return long;
        }
        (2..)
            .map(|n| format!("{long}-{n}"))
            .find(|id| !self.taken.contains(id))
            .unwrap_or(long)
    }

    pub fn sent_by(&self, participant: &str) -> Option<&Case> {
        self.sent.get(participant)
    }

    pub fn count(&self) -> usize {
        self.sent.len()
    }

    /// The room's mean score per touchpoint over every participant's curve, and how many
    /// curves there are.
    pub fn average(&self) -> (BTreeMap<String, f64>, usize) {
        let mut sums: BTreeMap<String, (f64, usize)> = BTreeMap::new();
        for case in self.sent.values() {
            for (touchpoint_id, score) in &case.scores {
                let slot = sums.entry(touchpoint_id.clone()).or_insert((0.0, 0));
                slot.0 += score;
                slot.1 += 1;
            }
        }
        let means = sums
            .into_iter()
            .map(|(id, (sum, n))| (id, sum / n as f64))
            .collect();
        (means, self.sent.len())
    }

    pub fn into_journal(self) -> Journal {
        self.journal
    }
}

fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash: u64, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
