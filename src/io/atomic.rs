//! Atomic writes: a failed save must never damage the file that is already on disk.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Writes a file so that it is either fully replaced or left untouched: the bytes go to a
/// temporary file in the same folder (so the rename cannot cross file systems), which is flushed,
/// synced and then renamed over `path`. If `write` fails, the temporary file is removed and the
/// old file stays byte-identical.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?;
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{}.", file_name.to_string_lossy()))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| folder_error(dir, e))?;
    {
        let mut buffered = io::BufWriter::new(temp.as_file_mut());
        write(&mut buffered)?;
        buffered.flush()?;
    }
    temp.as_file().sync_all()?;
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
    temp.persist(path).map_err(|e| e.error)?;
    // Make the rename itself durable; not every platform can open a directory, so best effort.
    if let Ok(dir) = fs::File::open(dir) {
        let _ignored = dir.sync_all();
    }
    Ok(())
}

/// Says what is wrong with the folder in words, without the temporary file's name (which the
/// user never chose and cannot find).
fn folder_error(dir: &Path, error: io::Error) -> io::Error {
    let reason = match error.kind() {
        io::ErrorKind::NotFound => format!("the folder {} does not exist", dir.display()),
        io::ErrorKind::PermissionDenied => {
            format!("no permission to write in the folder {}", dir.display())
        }
        io::ErrorKind::NotADirectory => format!("{} is not a folder", dir.display()),
        _ => {
            // tempfile wraps the system's error with the temporary path: keep only the former.
            let inner = error
                .get_ref()
                .and_then(|e| e.source())
                .and_then(|e| e.downcast_ref::<io::Error>())
                .map(ToString::to_string);
            format!(
                "cannot create a file in the folder {}: {}",
                dir.display(),
                inner.unwrap_or_else(|| error.to_string())
            )
        }
    };
    io::Error::new(error.kind(), reason)
}

/// [`write_atomic`] for bytes already in memory.
pub fn write_atomic_bytes(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic(path, |w| w.write_all(bytes))
}
