//! Atomic writes: a failed save must never damage the file that is already on disk.
//!
//! The bytes go to a temporary file beside the target, `.NAME.XXXXXX.tmp`, which is renamed over
//! the target once complete. A process killed mid-write (`kill -9`, a power cut) leaves that
//! temporary file behind; the next write of the same file removes it and says so
//! ([`Written::removed_stale`]). A writer holds an OS lock on its temporary file for as long as it
//! writes, and the lock dies with the process, so "stale" means exactly "its lock can be taken":
//! the temporary file of another emograph writing the same file right now is left alone.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// What a successful write did besides writing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// Temporary files that interrupted writes of the same file had left, now removed.
    pub removed_stale: Vec<PathBuf>,
}

/// Why a file was not written; the old file, if any, is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Replacing the file by rename would succeed on most systems (the folder is writable), but
    /// the user marked the file read-only: that is a request to leave it alone.
    #[error("{}", crate::tr!("atomic-read-only", path = path.display().to_string()))]
    ReadOnly { path: PathBuf },
    #[error("{}", could_not_write(path, source))]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// "could not write PATH: why", for this error and [`SaveError`](super::SaveError)'s.
pub(crate) fn could_not_write(path: &Path, source: &io::Error) -> String {
    crate::tr!(
        "atomic-could-not-write",
        path = path.display().to_string(),
        reason = source.to_string()
    )
}

/// The suffix of our temporary files, and the length of the random part before it.
const TEMP_SUFFIX: &str = ".tmp";
const RANDOM_CHARS: usize = 6;
/// The longest file name the common file systems allow (ext4, APFS, NTFS: 255 bytes or units).
const MAX_NAME_BYTES: usize = 255;

/// Writes a file so that it is either fully replaced or left untouched: the bytes go to a
/// temporary file in the same folder (so the rename cannot cross file systems), which is flushed,
/// synced and then renamed over `path`, and the folder is synced. If `write` fails, the temporary
/// file is removed and the old file stays byte-identical. A read-only `path` is refused.
pub fn replace_file(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<Written, WriteError> {
    let io_error = |source: io::Error| WriteError::Io {
        path: path.to_owned(),
        source,
    };
    refuse_read_only(path)?;
    let dir = folder_of(path);
    let file_name = path.file_name().ok_or_else(|| {
        io_error(io::Error::new(
            io::ErrorKind::InvalidInput,
            crate::tr!("atomic-names-no-file"),
        ))
    })?;
    let prefix = temp_prefix(&file_name.to_string_lossy());
    let removed_stale = remove_stale_temps(dir, &prefix);
    let mut temp = locked_temp(dir, &prefix).map_err(io_error)?;
    {
        let mut buffered = io::BufWriter::new(temp.as_file_mut());
        write(&mut buffered).map_err(io_error)?;
        buffered.flush().map_err(io_error)?;
    }
    temp.as_file().sync_all().map_err(io_error)?;
    // Keep the permissions of the file we replace (a shared, group-writable journey stays so);
    // a new file gets the usual rw-r--r-- instead of the temporary file's private 0600.
    match fs::metadata(path) {
        Ok(meta) => {
            let _ignored = fs::set_permissions(temp.path(), meta.permissions());
        }
        Err(_) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt as _;
                let _ignored = fs::set_permissions(temp.path(), fs::Permissions::from_mode(0o644));
            }
        }
    }
    // The lock stays held through the rename: it belongs to the open file, not to its name, and
    // is released when `_file` closes at the end.
    let _file = temp.persist(path).map_err(|e| io_error(e.error))?;
    // Make the rename itself durable; not every platform can open a directory, so best effort.
    if let Ok(dir) = File::open(dir) {
        let _ignored = dir.sync_all();
    }
    Ok(Written { removed_stale })
}

/// [`replace_file`] for callers that only need an `io::Error` (the chart and GUI exports): the
/// read-only refusal becomes a `PermissionDenied` error with the same message.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    match replace_file(path, write) {
        Ok(_) => Ok(()),
        Err(WriteError::Io { source, .. }) => Err(source),
        Err(read_only @ WriteError::ReadOnly { .. }) => Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            read_only.to_string(),
        )),
    }
}

/// [`write_atomic`] for bytes already in memory.
pub fn write_atomic_bytes(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic(path, |w| w.write_all(bytes))
}

/// Refuses a target without any write permission bit. Checked by hand: renaming over a file
/// needs only a writable folder, and root may write anything, so the OS would not refuse.
pub(crate) fn refuse_read_only(path: &Path) -> Result<(), WriteError> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.permissions().readonly() => Err(WriteError::ReadOnly {
            path: path.to_owned(),
        }),
        _ => Ok(()),
    }
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// `.NAME.`: what every temporary file of `NAME` starts with. A name too long to leave room for
/// the dots, the random part and `.tmp` within [`MAX_NAME_BYTES`] is cut (at a character
/// boundary) and ends in `~` and a hash of the whole name, so it stays recognisable and two long
/// names with the same beginning never share (or clean up) each other's temporary files.
fn temp_prefix(file_name: &str) -> String {
    let room = MAX_NAME_BYTES - ".".len() - ".".len() - RANDOM_CHARS - TEMP_SUFFIX.len();
    if file_name.len() <= room {
        return format!(".{file_name}.");
    }
    let hash = format!("~{:08x}", fnv1a(file_name.as_bytes()));
    let mut cut = room - hash.len();
    while !file_name.is_char_boundary(cut) {
        cut -= 1;
    }
    format!(".{}{hash}.", file_name.get(..cut).unwrap_or_default())
}

/// A 32-bit FNV-1a hash: stable across Rust versions and platforms, unlike `DefaultHasher`,
/// because the temporary names of one file must match from one run (or build) to the next.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash: u32, &b| {
        (hash ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// Whether `name` is one of our temporary files for the prefix: exactly the random part between
/// prefix and suffix, so `.a.b.XXXXXX.tmp` (a temporary file of `a.b`) is not taken for one of
/// `a`'s.
fn is_temp_of(name: &str, prefix: &str) -> bool {
    name.strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|random| {
            random.len() == RANDOM_CHARS && random.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// Removes the temporary files of an earlier, interrupted write of the same file: those whose
/// lock can be taken (no running writer holds it). Where locks are not supported nothing is
/// removed, since a live writer could not be told from a dead one. Best effort: a file that
/// cannot be removed is left (and not reported).
fn remove_stale_temps(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        if !is_temp_of(&entry.file_name().to_string_lossy(), prefix) {
            continue;
        }
        let candidate = entry.path();
        let Ok(file) = File::open(&candidate) else {
            continue;
        };
        if file.try_lock().is_err() {
            continue;
        }
        // Removed while we hold its lock, so no writer can take it over in between (a writer
        // only ever writes to a temporary file it created and locked itself).
        if fs::remove_file(&candidate).is_ok() {
            removed.push(candidate);
        }
    }
    removed.sort();
    removed
}

/// A new temporary file, locked through the handle that writes it (on Windows a lock held by
/// another handle would refuse the writes). A cleaner in another process may find the file
/// between its creation and our lock and take it for stale; so once locked, we check that it is
/// still there, and start over with a new one if not. Where locks are not supported the file is
/// used unlocked (and cleaners there remove nothing).
fn locked_temp(dir: &Path, prefix: &str) -> io::Result<tempfile::NamedTempFile> {
    const ATTEMPTS: usize = 3;
    let mut last_error = None;
    for _ in 0..ATTEMPTS {
        let temp = tempfile::Builder::new()
            .prefix(prefix)
            .suffix(TEMP_SUFFIX)
            .rand_bytes(RANDOM_CHARS)
            .tempfile_in(dir)
            .map_err(|e| folder_error(dir, e))?;
        let locked = temp.as_file().lock().is_ok();
        if !locked || temp.path().exists() {
            return Ok(temp);
        }
        last_error = Some(io::Error::other(crate::tr!("atomic-temp-taken")));
    }
    Err(last_error.unwrap_or_else(|| io::Error::other(crate::tr!("atomic-no-temp"))))
}

/// Says what is wrong with the folder in words, without the temporary file's name (which the
/// user never chose and cannot find).
fn folder_error(dir: &Path, error: io::Error) -> io::Error {
    let folder = dir.display().to_string();
    let reason = match error.kind() {
        io::ErrorKind::NotFound => crate::tr!("atomic-no-folder", folder = folder),
        io::ErrorKind::PermissionDenied => crate::tr!("atomic-no-permission", folder = folder),
        io::ErrorKind::NotADirectory => crate::tr!("atomic-not-a-folder", folder = folder),
        _ => {
            // tempfile wraps the system's error with the temporary path: keep only the former.
            let inner = error
                .get_ref()
                .and_then(|e| e.source())
                .and_then(|e| e.downcast_ref::<io::Error>())
                .map(ToString::to_string);
            crate::tr!(
                "atomic-cannot-create",
                folder = folder,
                reason = inner.unwrap_or_else(|| error.to_string())
            )
        }
    };
    io::Error::new(error.kind(), reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_fit_the_file_system_and_stay_recognisable() {
        let short = temp_prefix("journey.ron");
        assert_eq!(short, ".journey.ron.");
        let long_name = format!("{}.ron", "ä".repeat(122)); // 248 bytes
        let long = temp_prefix(&long_name);
        assert!(long.len() + RANDOM_CHARS + TEMP_SUFFIX.len() <= MAX_NAME_BYTES);
        assert!(long.starts_with(".ää"), "{long}");
        // Two long names that differ only at the end get different prefixes.
        let other = temp_prefix(&format!("{}.rox", "ä".repeat(122)));
        assert_ne!(long, other);
    }

    #[test]
    fn a_refused_write_is_explained_in_hebrew() {
        use crate::i18n::{Lang, with_language};
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a-file");
        fs::write(&file, "x").unwrap();
        let target = file.join("j.ron");
        let (not_a_folder, no_folder) = with_language(Lang::Hebrew, || {
            let write = |path: &Path| {
                let error = replace_file(path, |w| w.write_all(b"x")).unwrap_err();
                crate::io::without_marks(&error.to_string())
            };
            (write(&target), write(&dir.path().join("no").join("j.ron")))
        });
        let (target, file) = (target.display().to_string(), file.display().to_string());
        assert!(not_a_folder.starts_with("הכתיבה אל"), "{not_a_folder}");
        assert!(not_a_folder.contains(&target) && not_a_folder.contains(&file));
        assert!(not_a_folder.ends_with("אינו תיקייה"), "{not_a_folder}");
        let folder = dir.path().join("no").display().to_string();
        assert!(no_folder.contains(&format!("התיקייה {folder} אינה קיימת")));
        let missing = dir.path().join("no").join("j.ron").display().to_string();
        let args = [
            target.as_str(),
            file.as_str(),
            missing.as_str(),
            folder.as_str(),
        ];
        for message in [&not_a_folder, &no_folder] {
            let left = crate::io::english_words(message, &args);
            assert!(left.is_empty(), "{left:?} in {message}");
        }
    }

    #[test]
    fn only_our_own_pattern_counts_as_a_temporary_file_of_the_name() {
        let prefix = temp_prefix("a");
        assert!(is_temp_of(".a.Xy12zQ.tmp", &prefix));
        assert!(!is_temp_of(".a.b.Xy12zQ.tmp", &prefix));
        assert!(!is_temp_of(".a.Xy12z.tmp", &prefix));
        assert!(!is_temp_of("a.Xy12zQ.tmp", &prefix));
        assert!(!is_temp_of(".a.Xy12zQ.tmp.bak", &prefix));
    }
}
