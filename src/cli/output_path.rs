//! Where a verb may write: never over one of its own inputs, and what a write cleaned up.

use std::path::{Path, PathBuf};

/// Refuses an output that is one of the inputs, as `cp` and gcc do: `report j.ron -o j.ron`
/// would replace the journey by its report. The same file is recognised through other spellings
/// (`./j.ron`, a symlink, a hard link): by canonical path, and on Unix by device and inode.
/// An output that does not exist yet cannot be an input.
pub(crate) fn refuse_input_as_output(output: &Path, inputs: &[&Path]) -> Result<(), String> {
    let Ok(output_meta) = std::fs::metadata(output) else {
        return Ok(());
    };
    for input in inputs {
        let Ok(input_meta) = std::fs::metadata(input) else {
            continue;
        };
        if same_file(output, &output_meta, input, &input_meta) {
            return Err(crate::tr!(
                "cli-output-is-input",
                output = output.display().to_string(),
                input = input.display().to_string()
            ));
        }
    }
    Ok(())
}

fn same_file(a: &Path, a_meta: &std::fs::Metadata, b: &Path, b_meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        if a_meta.dev() == b_meta.dev() && a_meta.ino() == b_meta.ino() {
            return true;
        }
    }
    #[cfg(not(unix))]
    let _ = (a_meta, b_meta);
    matches!(
        (std::fs::canonicalize(a), std::fs::canonicalize(b)),
        (Ok(a), Ok(b)) if a == b
    )
}

/// Tells the user about the temporary files of interrupted writes that a write removed: they
/// may have wondered where the disk space went, and should know emograph touched their folder.
pub(crate) fn report_removed(removed: &[PathBuf]) {
    for path in removed {
        eprintln!(
            "{}",
            crate::tr!("cli-removed-temporary", path = path.display().to_string())
        );
    }
}

/// Writes `bytes` to `output` atomically, reporting removed temporary files; the error is the
/// message to print.
pub(crate) fn write_output(output: &Path, bytes: &[u8]) -> Result<(), String> {
    let written = crate::io::replace_file(output, |w| w.write_all(bytes))
        .map_err(|e| format!("emograph: {e}"))?;
    report_removed(&written.removed_stale);
    Ok(())
}
