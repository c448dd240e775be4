//! Noticing that a file changed on disk since we read or wrote it, so a save does not silently
//! overwrite what another emograph window (or another person on a shared folder) saved meanwhile.

use std::path::Path;
use std::time::SystemTime;

/// What we know of a file's version without reading it: its modification time and size.
/// Two saves within the file system's time resolution that leave the same size are not told
/// apart; that is rare enough next to the cost of hashing a large journey on every save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    pub modified: Option<SystemTime>,
    pub len: u64,
}

impl DiskStamp {
    /// The stamp of the file at `path` now; `None` when there is no file (or it cannot be read).
    pub fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        meta.is_file().then(|| Self {
            modified: meta.modified().ok(),
            len: meta.len(),
        })
    }
}

/// Whether the file at `path` changed since `known` was taken: it was written (another time or
/// size), appeared where there was none, or was replaced by something that is not a file.
/// A file that disappeared is not a conflict: saving recreates it and loses nothing.
pub fn changed_on_disk(path: &Path, known: Option<DiskStamp>) -> bool {
    match (known, DiskStamp::of(path)) {
        (Some(known), Some(now)) => known != now,
        (None, Some(_)) => true,
        (_, None) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_by_someone_else_is_noticed_and_our_own_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.ron");
        std::fs::write(&path, "one").unwrap();
        let stamp = DiskStamp::of(&path);
        assert!(stamp.is_some());
        assert!(!changed_on_disk(&path, stamp));

        // Another window saves a different version (a different size, and a later time).
        let later = SystemTime::now() + std::time::Duration::from_secs(5);
        std::fs::write(&path, "two, longer").unwrap();
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(later)
            .unwrap();
        assert!(changed_on_disk(&path, stamp));

        // Same size, only the time differs: still noticed.
        let retaken = DiskStamp::of(&path);
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(later + std::time::Duration::from_secs(5))
            .unwrap();
        assert!(changed_on_disk(&path, retaken));
    }

    #[test]
    fn a_new_file_where_none_was_is_a_change_and_a_vanished_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.ron");
        assert_eq!(DiskStamp::of(&path), None);
        assert!(!changed_on_disk(&path, None));
        std::fs::write(&path, "someone else's").unwrap();
        assert!(changed_on_disk(&path, None));
        let stamp = DiskStamp::of(&path);
        std::fs::remove_file(&path).unwrap();
        assert!(!changed_on_disk(&path, stamp));
        // A folder is not a journey file.
        assert_eq!(DiskStamp::of(dir.path()), None);
    }
}
