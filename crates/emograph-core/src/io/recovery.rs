//! The files of the crash-recovery copy: a journey and a small header naming the file it came
//! from, kept in one folder. The GUI decides *when* to write (see `app::files::RecoveryStore`);
//! this decides *where*, so that a copy the user has not decided about is never overwritten,
//! and two emograph windows never write to (or offer, or remove) each other's copy.
//!
//! Each session claims a slot of its own: `recovery.ron`, else `recovery-2.ron`, … and holds an
//! exclusive lock on the slot's `.lock` file while it runs. The operating system drops the lock
//! when the process ends, however it ends, so a copy whose lock is free is one a crashed (or
//! closed) session left behind: that is the copy to offer. A copy whose lock is held belongs to
//! a window that is still open, and is left alone.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{load_journey, save_journey, write_atomic_bytes};
use crate::model::Journey;

/// The name (without `.ron`) of the first slot; others are `recovery-2`, `recovery-3`, …
const DEFAULT_SLOT: &str = "recovery";
/// The header beside each copy is `<slot>-origin.ron`.
const ORIGIN_SUFFIX: &str = "-origin";
/// More windows open at once than this is not a workshop: the last slot is shared then.
const MAX_SLOTS: usize = 64;

#[derive(serde::Serialize, serde::Deserialize)]
struct RecoveryHeader {
    original: Option<PathBuf>,
}

/// A recovery folder and, once claimed, the slot this session writes its copy to.
#[derive(Clone, Debug)]
pub struct RecoveryFiles {
    dir: PathBuf,
    claim: Option<Arc<Claim>>,
}

/// A slot this session owns: the lock is held for as long as any clone of the files lives.
#[derive(Debug)]
struct Claim {
    slot: String,
    /// `None` where the file system cannot lock (some network shares): the slot is then
    /// chosen by which copies exist, as if every other session had ended.
    _lock: Option<File>,
}

/// A copy found on disk, left by an earlier session.
#[derive(Clone, Debug)]
pub struct FoundCopy {
    /// The copy's own file, to remove once the user chose.
    pub file: PathBuf,
    pub journey: Journey,
    /// The journey file it was an unsaved version of, if it had one.
    pub original: Option<PathBuf>,
    /// The copy's lock, held while this is offered: a second window opened meanwhile does not
    /// offer (and restore) the same work again.
    pub lock: CopyLock,
}

/// Holds a recovery copy's lock for as long as any clone of it lives.
#[derive(Clone, Debug, Default)]
pub struct CopyLock {
    _held: Option<Arc<File>>,
}

/// Whether another running session holds this lock file.
enum Lock {
    Taken(File),
    HeldElsewhere,
    /// Locking is not supported here, or the lock file cannot be opened.
    Unavailable,
}

fn try_lock(path: &Path) -> Lock {
    let file = match File::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
    {
        Ok(file) => file,
        Err(_) => return Lock::Unavailable,
    };
    match file.try_lock() {
        Ok(()) => Lock::Taken(file),
        Err(TryLockError::WouldBlock) => Lock::HeldElsewhere,
        Err(TryLockError::Error(_)) => Lock::Unavailable,
    }
}

impl RecoveryFiles {
    /// The folder; nothing is created or claimed until the session first looks or writes.
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            claim: None,
        }
    }

    fn slot_name(n: usize) -> String {
        if n == 1 {
            DEFAULT_SLOT.to_owned()
        } else {
            format!("{DEFAULT_SLOT}-{n}")
        }
    }

    fn copy_path(&self, slot: &str) -> PathBuf {
        self.dir.join(format!("{slot}.ron"))
    }

    fn lock_path_of(copy: &Path) -> PathBuf {
        copy.with_extension("lock")
    }

    fn header_path_of(copy: &Path) -> PathBuf {
        let stem = copy
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        copy.with_file_name(format!("{stem}{ORIGIN_SUFFIX}.ron"))
    }

    /// Where this session's copy goes, once it claimed a slot.
    pub fn journey_path(&self) -> Option<PathBuf> {
        self.claim.as_ref().map(|claim| self.copy_path(&claim.slot))
    }

    /// Claims the first slot that no running session holds and no undecided copy fills.
    fn claim(&mut self) -> std::io::Result<PathBuf> {
        if let Some(path) = self.journey_path() {
            return Ok(path);
        }
        std::fs::create_dir_all(&self.dir)?;
        let mut claim = None;
        for n in 1..=MAX_SLOTS {
            let slot = Self::slot_name(n);
            let copy = self.copy_path(&slot);
            if copy.exists() && n < MAX_SLOTS {
                continue;
            }
            match try_lock(&Self::lock_path_of(&copy)) {
                // Checked again under the lock: a session may have written and ended meanwhile.
                Lock::Taken(_) if copy.exists() && n < MAX_SLOTS => continue,
                Lock::Taken(lock) => {
                    claim = Some(Claim {
                        slot,
                        _lock: Some(lock),
                    });
                    break;
                }
                Lock::HeldElsewhere if n < MAX_SLOTS => continue,
                Lock::HeldElsewhere | Lock::Unavailable => {
                    claim = Some(Claim { slot, _lock: None });
                    break;
                }
            }
        }
        let claim = claim.unwrap_or_else(|| Claim {
            slot: Self::slot_name(MAX_SLOTS),
            _lock: None,
        });
        let path = self.copy_path(&claim.slot);
        self.claim = Some(Arc::new(claim));
        Ok(path)
    }

    /// Writes this session's copy (atomically, so a crash mid-write leaves the previous copy).
    pub fn write(&mut self, journey: &Journey, original: Option<&Path>) -> std::io::Result<()> {
        let copy = self.claim()?;
        save_journey(&copy, journey).map_err(std::io::Error::other)?;
        let header = RecoveryHeader {
            original: original.map(Path::to_path_buf),
        };
        let text = ron::to_string(&header).map_err(std::io::Error::other)?;
        write_atomic_bytes(&Self::header_path_of(&copy), text.as_bytes())
    }

    /// Removes this session's copy (after a save, or when the user closes without saving).
    pub fn remove_own(&self) {
        if let Some(copy) = self.journey_path() {
            Self::remove(&copy);
        }
    }

    /// Removes a copy and its header. The lock file stays: removing it could let two sessions
    /// hold "the" lock of one slot at once.
    pub fn remove(copy: &Path) {
        let _ignored = std::fs::remove_file(Self::header_path_of(copy));
        let _ignored = std::fs::remove_file(copy);
    }

    /// The copies that sessions which are no longer running left in the folder, newest first.
    /// This session's own copy and those of windows still open are not among them.
    pub fn copies(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let own = self.journey_path();
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
            .filter(|(_, path)| Some(path) != own.as_ref())
            .filter(|(_, path)| !matches!(try_lock(&Self::lock_path_of(path)), Lock::HeldElsewhere))
            .collect();
        copies.sort_by(|a, b| b.cmp(a));
        copies.into_iter().map(|(_, path)| path).collect()
    }

    /// The newest copy left by a session that ended, if one loads. This session claims its own
    /// slot first, so while the copy waits for the user's decision ("decide later") this
    /// session's autosaves go elsewhere and keep it whole.
    pub fn find(&mut self) -> Option<FoundCopy> {
        // Without a claim (an unwritable folder) there is nothing to write, but still to offer.
        let _ = self.claim();
        self.copies().into_iter().find_map(|file| {
            let lock = match try_lock(&Self::lock_path_of(&file)) {
                Lock::Taken(lock) => CopyLock {
                    _held: Some(Arc::new(lock)),
                },
                // Another window took it up since `copies` looked.
                Lock::HeldElsewhere => return None,
                Lock::Unavailable => CopyLock::default(),
            };
            let journey = load_journey(&file).ok()?;
            let original = std::fs::read_to_string(Self::header_path_of(&file))
                .ok()
                .and_then(|text| ron::from_str::<RecoveryHeader>(&text).ok())
                .and_then(|header| header.original);
            Some(FoundCopy {
                file,
                journey,
                original,
                lock,
            })
        })
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

    fn title_of(copy: &Path) -> String {
        load_journey(copy).unwrap().title
    }

    #[test]
    fn deciding_later_keeps_the_old_copy_while_the_new_session_autosaves() {
        let dir = tempfile::tempdir().unwrap();
        let original = dir.path().join("workshop.ron");

        // Session 1 edits and crashes: its copy is all that is left of an hour of work.
        let mut first = RecoveryFiles::in_dir(dir.path());
        first
            .write(&journey("Hour of work"), Some(&original))
            .unwrap();
        drop(first);

        // Session 2 finds it, the user clicks "Decide later" (nothing removed) and keeps working.
        let mut second = RecoveryFiles::in_dir(dir.path());
        let found = second.find().expect("the copy is offered");
        assert_eq!(found.journey.title, "Hour of work");
        assert_eq!(found.original.as_deref(), Some(original.as_path()));
        second.write(&journey("New session"), None).unwrap();
        assert_ne!(second.journey_path(), Some(found.file.clone()));
        drop((second, found));

        // Session 3 finds both (session 2 ended too); the older copy is intact.
        let mut third = RecoveryFiles::in_dir(dir.path());
        let titles: Vec<String> = third.copies().iter().map(|c| title_of(c)).collect();
        assert_eq!(titles.len(), 2, "{titles:?}");
        assert!(titles.contains(&"Hour of work".to_owned()), "{titles:?}");
        assert!(titles.contains(&"New session".to_owned()), "{titles:?}");
        // The one it offers is held while on offer; the other is still there to offer next.
        let offered = third.find().unwrap();
        assert_eq!(third.copies().len(), 1);
        // Session 3 autosaves too, and still overwrites neither.
        third.write(&journey("Third"), None).unwrap();
        assert_eq!(third.copies().len(), 1);
        assert!(offered.file.exists());
        assert_eq!(title_of(&third.journey_path().unwrap()), "Third");

        // Once the user chose, exactly the offered copy (and its header) goes.
        RecoveryFiles::remove(&offered.file);
        assert!(!offered.file.exists());
        assert!(!RecoveryFiles::header_path_of(&offered.file).exists());
        assert_eq!(third.copies().len(), 1);
    }

    #[test]
    fn two_windows_open_at_once_keep_to_their_own_copies() {
        let dir = tempfile::tempdir().unwrap();

        // Window A is editing and has autosaved.
        let mut a = RecoveryFiles::in_dir(dir.path());
        assert!(a.find().is_none());
        a.write(&journey("A's workshop"), None).unwrap();

        // Window B opens while A runs: A's copy is not a crash, so it is not offered, and B's
        // autosaves go to a file of their own.
        let mut b = RecoveryFiles::in_dir(dir.path());
        assert!(b.find().is_none(), "a live window's copy is not offered");
        b.write(&journey("B's workshop"), None).unwrap();
        let (a_copy, b_copy) = (a.journey_path().unwrap(), b.journey_path().unwrap());
        assert_ne!(a_copy, b_copy);
        assert_eq!(title_of(&a_copy), "A's workshop");

        // Also before either has written: two fresh windows still get two slots.
        let mut c = RecoveryFiles::in_dir(dir.path());
        let mut d = RecoveryFiles::in_dir(dir.path());
        c.write(&journey("C"), None).unwrap();
        d.write(&journey("D"), None).unwrap();
        assert_ne!(c.journey_path(), d.journey_path());
        drop((c, d));

        // B saves its journey: its copy goes, A's stays.
        b.remove_own();
        assert!(!b_copy.exists());
        assert_eq!(title_of(&a_copy), "A's workshop");

        // A crashes. The next window offers A's copy (and those C and D left), not B's live one.
        drop(a);
        let mut e = RecoveryFiles::in_dir(dir.path());
        let offered: Vec<String> = e.copies().iter().map(|c| title_of(c)).collect();
        assert_eq!(offered.len(), 3, "{offered:?}");
        assert!(offered.contains(&"A's workshop".to_owned()), "{offered:?}");
        assert!(e.find().is_some());
        assert!(!e.copies().contains(&b.journey_path().unwrap()));
    }

    #[test]
    fn a_copy_on_offer_in_one_window_is_not_offered_in_another() {
        let dir = tempfile::tempdir().unwrap();
        let mut crashed = RecoveryFiles::in_dir(dir.path());
        crashed.write(&journey("Lost hour"), None).unwrap();
        drop(crashed);
        // Window A shows "Recover unsaved work?"; window B opens before A's user decided.
        let offered = RecoveryFiles::in_dir(dir.path())
            .find()
            .expect("A offers it");
        assert!(
            RecoveryFiles::in_dir(dir.path()).find().is_none(),
            "B does not"
        );
        // A's user decides later: the next window offers it again.
        drop(offered);
        let again = RecoveryFiles::in_dir(dir.path())
            .find()
            .expect("offered again");
        assert_eq!(again.journey.title, "Lost hour");
    }

    #[test]
    fn a_clone_of_the_files_shares_the_slot_and_its_lock() {
        let dir = tempfile::tempdir().unwrap();
        let mut files = RecoveryFiles::in_dir(dir.path());
        files.write(&journey("Draft"), None).unwrap();
        // The app clones its recovery store into each document it opens.
        let clone = files.clone();
        drop(files);
        assert!(RecoveryFiles::in_dir(dir.path()).copies().is_empty());
        assert_eq!(title_of(&clone.journey_path().unwrap()), "Draft");
    }

    #[test]
    fn without_an_old_copy_the_session_uses_the_usual_file_and_removes_it_after_saving() {
        let dir = tempfile::tempdir().unwrap();
        let mut files = RecoveryFiles::in_dir(dir.path().join("not-yet-there"));
        assert!(files.find().is_none());
        assert_eq!(
            files.journey_path(),
            Some(dir.path().join("not-yet-there/recovery.ron"))
        );
        files.write(&journey("Draft"), None).unwrap();
        assert_eq!(title_of(&files.journey_path().unwrap()), "Draft");
        files.remove_own();
        assert!(!files.journey_path().unwrap().exists());
        drop(files);
        assert!(
            RecoveryFiles::in_dir(dir.path().join("not-yet-there"))
                .copies()
                .is_empty()
        );
    }

    #[test]
    fn a_broken_copy_is_not_offered() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("recovery.ron"), "(version: 1, title: ").unwrap();
        let mut files = RecoveryFiles::in_dir(dir.path());
        assert!(files.find().is_none());
        // Nor overwritten: it may still be worth something to someone with a text editor.
        files.write(&journey("Mine"), None).unwrap();
        assert_ne!(files.journey_path(), Some(dir.path().join("recovery.ron")));
    }
}
