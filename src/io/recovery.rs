//! The files of the crash-recovery copy: a journey and a small header naming the file it came
//! from, kept in one folder. The GUI decides *when* to write (see `app::files::RecoveryStore`);
//! this decides *where*, so that a copy the user has not decided about is never overwritten.

use std::path::{Path, PathBuf};

use super::{load_journey, save_journey, write_atomic_bytes};
use crate::model::Journey;

/// The name (without `.ron`) of the copy a session writes when no older copy waits.
const DEFAULT_SLOT: &str = "recovery";
/// The header beside each copy is `<slot>-origin.ron`.
const ORIGIN_SUFFIX: &str = "-origin";

#[derive(serde::Serialize, serde::Deserialize)]
struct RecoveryHeader {
    original: Option<PathBuf>,
}

/// A recovery folder and the slot this session writes its copy to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryFiles {
    dir: PathBuf,
    slot: String,
}

/// A copy found on disk, left by an earlier session.
#[derive(Clone, Debug)]
pub struct FoundCopy {
    /// The copy's own file, to remove once the user chose.
    pub file: PathBuf,
    pub journey: Journey,
    /// The journey file it was an unsaved version of, if it had one.
    pub original: Option<PathBuf>,
}

impl RecoveryFiles {
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            slot: DEFAULT_SLOT.to_owned(),
        }
    }

    /// Where this session's copy goes.
    pub fn journey_path(&self) -> PathBuf {
        self.dir.join(format!("{}.ron", self.slot))
    }

    fn header_path_of(copy: &Path) -> PathBuf {
        let stem = copy
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        copy.with_file_name(format!("{stem}{ORIGIN_SUFFIX}.ron"))
    }

    /// Writes this session's copy (atomically, so a crash mid-write leaves the previous copy).
    pub fn write(&self, journey: &Journey, original: Option<&Path>) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let copy = self.journey_path();
        save_journey(&copy, journey)?;
        let header = RecoveryHeader {
            original: original.map(Path::to_path_buf),
        };
        let text = ron::to_string(&header).map_err(std::io::Error::other)?;
        write_atomic_bytes(&Self::header_path_of(&copy), text.as_bytes())
    }

    /// Removes this session's copy (after a save, or when the user closes without saving).
    pub fn remove_own(&self) {
        Self::remove(&self.journey_path());
    }

    /// Removes a copy and its header.
    pub fn remove(copy: &Path) {
        let _ignored = std::fs::remove_file(Self::header_path_of(copy));
        let _ignored = std::fs::remove_file(copy);
    }

    /// Every copy in the folder, newest first (an unreadable one is skipped, not offered).
    pub fn copies(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut copies: Vec<(Option<std::time::SystemTime>, PathBuf)> = entries
            .flatten()
            .filter_map(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                let stem = name.strip_suffix(".ron")?;
                (stem.starts_with(DEFAULT_SLOT) && !stem.ends_with(ORIGIN_SUFFIX)).then(|| {
                    (
                        entry.metadata().and_then(|m| m.modified()).ok(),
                        entry.path(),
                    )
                })
            })
            .collect();
        copies.sort_by(|a, b| b.cmp(a));
        copies.into_iter().map(|(_, path)| path).collect()
    }

    /// The newest copy that loads, if any. While it waits for the user's decision this session
    /// writes elsewhere, so "decide later" keeps it whole.
    pub fn find(&mut self) -> Option<FoundCopy> {
        self.move_slot_away_from_copies();
        self.copies().into_iter().find_map(|file| {
            let journey = load_journey(&file).ok()?;
            let original = std::fs::read_to_string(Self::header_path_of(&file))
                .ok()
                .and_then(|text| ron::from_str::<RecoveryHeader>(&text).ok())
                .and_then(|header| header.original);
            Some(FoundCopy {
                file,
                journey,
                original,
            })
        })
    }

    /// Picks a slot no copy uses, so this session's autosaves overwrite nothing older.
    fn move_slot_away_from_copies(&mut self) {
        let taken = self.copies();
        let mut n = 2;
        while taken.contains(&self.journey_path()) {
            self.slot = format!("{DEFAULT_SLOT}-{n}");
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn journey(title: &str) -> Journey {
        Journey {
            title: title.to_owned(),
            ..Journey::default()
        }
    }

    #[test]
    fn deciding_later_keeps_the_old_copy_while_the_new_session_autosaves() {
        let dir = tempfile::tempdir().unwrap();
        let original = dir.path().join("workshop.ron");

        // Session 1 edits and crashes: its copy is all that is left of an hour of work.
        let first = RecoveryFiles::in_dir(dir.path());
        first
            .write(&journey("Hour of work"), Some(&original))
            .unwrap();

        // Session 2 finds it, the user clicks "Decide later" (nothing removed) and keeps working.
        let mut second = RecoveryFiles::in_dir(dir.path());
        let found = second.find().expect("the copy is offered");
        assert_eq!(found.journey.title, "Hour of work");
        assert_eq!(found.original.as_deref(), Some(original.as_path()));
        second.write(&journey("New session"), None).unwrap();
        assert_ne!(second.journey_path(), found.file);

        // Session 3 still finds both; the older copy is intact.
        let mut third = RecoveryFiles::in_dir(dir.path());
        let copies = third.copies();
        assert_eq!(copies.len(), 2, "{copies:?}");
        let titles: Vec<String> = copies
            .iter()
            .map(|c| load_journey(c).unwrap().title)
            .collect();
        assert!(titles.contains(&"Hour of work".to_owned()), "{titles:?}");
        assert!(titles.contains(&"New session".to_owned()), "{titles:?}");
        let offered = third.find().unwrap();
        // Session 3 autosaves too, and still overwrites neither.
        third.write(&journey("Third"), None).unwrap();
        assert_eq!(third.copies().len(), 3);

        // Once the user chose, exactly the offered copy (and its header) goes.
        RecoveryFiles::remove(&offered.file);
        assert!(!offered.file.exists());
        assert!(!RecoveryFiles::header_path_of(&offered.file).exists());
        assert_eq!(third.copies().len(), 2);
    }

    #[test]
    fn without_an_old_copy_the_session_uses_the_usual_file_and_removes_it_after_saving() {
        let dir = tempfile::tempdir().unwrap();
        let mut files = RecoveryFiles::in_dir(dir.path().join("not-yet-there"));
        assert!(files.find().is_none());
        assert_eq!(
            files.journey_path(),
            dir.path().join("not-yet-there/recovery.ron")
        );
        files.write(&journey("Draft"), None).unwrap();
        assert_eq!(load_journey(&files.journey_path()).unwrap().title, "Draft");
        files.remove_own();
        assert!(files.copies().is_empty());
    }

    #[test]
    fn a_broken_copy_is_not_offered() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("recovery.ron"), "(version: 1, title: ").unwrap();
        let mut files = RecoveryFiles::in_dir(dir.path());
        assert!(files.find().is_none());
    }
}
