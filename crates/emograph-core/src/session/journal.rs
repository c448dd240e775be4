//! The live session's journal: every accepted submission, appended and synced to disk before
//! its participant is told "sent", so that killing emograph at any moment (`kill -9`, a power
//! cut) loses nothing a participant was told had arrived. The journey file itself is saved
//! atomically every second or so; the journal covers the gap between two saves.
//!
//! The file is JSON lines, one record a line: first the session (its code, so phones that
//! still show the old page keep working after a restart), then one line per submission. A
//! submission's case replaces any earlier case with its id, so replaying a journal twice, or
//! one whose cases were already saved into the journey, changes nothing. Only appends: a crash
//! can at worst cut the last line short, and [`read_journal`] drops and reports that line.

use std::fs::{File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Case;

/// One line of the journal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JournalRecord {
    /// The session the lines below belong to.
    Session { code: String },
    /// A submission as accepted: who sent it (their random token) and the case it became.
    Submission { participant: String, case: Case },
}

/// A journal as read back after a crash.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Replay {
    /// The code of the session that wrote it (of its last `Session` line).
    pub code: Option<String>,
    /// Every submission, in the order they were accepted.
    pub submissions: Vec<(String, Case)>,
    /// Lines that could not be read, with their line number and why; a torn last line (the
    /// crash cut it short) is one of them.
    pub unreadable: Vec<(usize, String)>,
    /// How many bytes of the file are whole lines: appending goes on from there.
    whole_bytes: u64,
}

/// How long one journal line may be: a submission holds at most a case of bounded texts, and a
/// line beyond this is not ours.
const MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

/// Reads a journal; a missing file is an empty journal.
pub fn read_journal(path: &Path) -> io::Result<Replay> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Replay::default()),
        Err(e) => return Err(e),
    };
    Ok(parse_journal(&bytes))
}

fn parse_journal(bytes: &[u8]) -> Replay {
    let mut replay = Replay::default();
    let mut offset = 0usize;
    for (index, line) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
        let number = index + 1;
        offset += line.len();
        let Some(text) = line.strip_suffix(b"\n") else {
            replay
                .unreadable
                .push((number, crate::tr!("edit-journal-cut-short")));
            break;
        };
        replay.whole_bytes = offset as u64;
        if text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if text.len() > MAX_LINE_BYTES {
            replay
                .unreadable
                .push((number, crate::tr!("edit-journal-too-long")));
            continue;
        }
        match serde_json::from_slice::<JournalRecord>(text) {
            Ok(JournalRecord::Session { code }) => replay.code = Some(code),
            Ok(JournalRecord::Submission { participant, case }) => {
                replay.submissions.push((participant, case));
            }
            Err(e) => replay.unreadable.push((number, e.to_string())),
        }
    }
    replay
}

/// An open journal, appending.
#[derive(Debug)]
pub struct Journal {
    file: File,
    path: PathBuf,
}

impl Journal {
    /// Opens (or creates) the journal at `path` to append to it, after cutting off a torn last
    /// line that `replay` found (a line glued to its remains would be unreadable too).
    pub fn open(path: &Path, replay: &Replay) -> io::Result<Self> {
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .read(true)
            .open(path)?;
        if file.metadata()?.len() > replay.whole_bytes {
            file.set_len(replay.whole_bytes)?;
            file.sync_data()?;
        }
        Ok(Self {
            file,
            path: path.to_owned(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one record as one line and waits until it is on disk.
    pub fn append(&mut self, record: &JournalRecord) -> io::Result<()> {
        let mut line = serde_json::to_vec(record).map_err(io::Error::other)?;
        line.push(b'\n');
        // One write of the whole line: an append of a single buffer is not interleaved.
        self.file.write_all(&line)?;
        self.file.sync_data()
    }

    /// Ends the journal once everything in it is saved in the journey: the file is removed,
    /// so the next session starts clean and replays nothing.
    pub fn finish(self) -> io::Result<()> {
        let Self { file, path } = self;
        drop(file);
        std::fs::remove_file(path)
    }
}

/// Where the journal of a session on `journey` lives: beside it, as `.NAME.live.jsonl`
/// (hidden: it is emograph's, not the user's; but in the same folder, so it moves and is backed
/// up with the journey).
pub fn journal_path_for(journey: &Path) -> PathBuf {
    let name = journey.file_name().map_or_else(
        || "journey".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    let dir = match journey.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    };
    dir.join(format!(".{name}.live.jsonl"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    fn case(id: &str, score: f64) -> Case {
        let mut case = Case::new(id, "");
        case.scores.insert("film".to_owned(), score);
        case.source = "live session".to_owned();
        case
    }

    fn submission(token: &str, id: &str, score: f64) -> JournalRecord {
        JournalRecord::Submission {
            participant: token.to_owned(),
            case: case(id, score),
        }
    }

    #[test]
    fn what_was_appended_reads_back_in_order_with_the_session_code() {
        let dir = tempfile::tempdir().unwrap();
        let path = journal_path_for(&dir.path().join("cinema.ron"));
        assert_eq!(path.file_name().unwrap(), ".cinema.ron.live.jsonl");
        let mut journal = Journal::open(&path, &read_journal(&path).unwrap()).unwrap();
        journal
            .append(&JournalRecord::Session {
                code: "ABCD2345".into(),
            })
            .unwrap();
        journal.append(&submission("t1", "live-1", 2.5)).unwrap();
        journal.append(&submission("t2", "live-2", -4.0)).unwrap();
        drop(journal);
        let replay = read_journal(&path).unwrap();
        assert_eq!(replay.code.as_deref(), Some("ABCD2345"));
        assert_eq!(
            replay.submissions,
            vec![
                ("t1".to_owned(), case("live-1", 2.5)),
                ("t2".to_owned(), case("live-2", -4.0))
            ]
        );
        assert!(replay.unreadable.is_empty());
    }

    #[test]
    fn a_torn_last_line_is_reported_dropped_and_cut_before_appending_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.jsonl");
        let mut journal = Journal::open(&path, &Replay::default()).unwrap();
        journal.append(&submission("t1", "live-1", 1.0)).unwrap();
        drop(journal);
        // A crash in the middle of the second write.
        let whole = std::fs::read(&path).unwrap();
        let mut torn = whole.clone();
        torn.extend_from_slice(br#"{"submission":{"participant":"t2","ca"#);
        std::fs::write(&path, &torn).unwrap();

        let replay = read_journal(&path).unwrap();
        assert_eq!(replay.submissions.len(), 1);
        assert_eq!(replay.unreadable.len(), 1);
        assert_eq!(replay.unreadable[0].0, 2);
        assert!(replay.unreadable[0].1.contains("cut short"));

        let mut journal = Journal::open(&path, &replay).unwrap();
        journal.append(&submission("t3", "live-3", -1.0)).unwrap();
        drop(journal);
        let again = read_journal(&path).unwrap();
        assert!(again.unreadable.is_empty(), "{:?}", again.unreadable);
        let ids: Vec<&str> = again
            .submissions
            .iter()
            .map(|(_, c)| c.id.as_str())
            .collect();
        assert_eq!(ids, ["live-1", "live-3"]);
    }

    #[test]
    fn a_damaged_line_in_the_middle_is_reported_and_the_rest_still_read() {
        let mut bytes = serde_json::to_vec(&submission("t1", "live-1", 1.0)).unwrap();
        bytes.extend_from_slice(b"\nnot json at all\n");
        bytes.extend_from_slice(&serde_json::to_vec(&submission("t2", "live-2", 2.0)).unwrap());
        bytes.push(b'\n');
        let replay = parse_journal(&bytes);
        assert_eq!(replay.submissions.len(), 2);
        assert_eq!(replay.unreadable.len(), 1);
        assert_eq!(replay.unreadable[0].0, 2);
    }

    #[test]
    fn a_missing_journal_is_empty_and_finish_removes_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("none.jsonl");
        assert_eq!(read_journal(&path).unwrap(), Replay::default());
        let journal = Journal::open(&path, &Replay::default()).unwrap();
        assert!(path.exists());
        journal.finish().unwrap();
        assert!(!path.exists());
    }
}
