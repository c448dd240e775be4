use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory as _, FromArgMatches as _};
use emograph::cli::{Cli, Command};

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let typed: Vec<String> = args
        .iter()
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    // `--lang` is read before clap parses: `--help` and a refusal already speak it.
    let lang = emograph::cli::argument_errors::language_of(&typed);
    let command = emograph::cli::help_words::localised(Cli::command(), lang);
    let parsed = command
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => match emograph::cli::argument_errors::message(&error, lang) {
            Some(text) => {
                eprintln!("{text}");
                return ExitCode::from(2);
            }
            None => error.exit(),
        },
    };
    // The commands speak `--lang`, else the system's language; the GUI also weighs its
    // preference (app::run).
    let lang = cli.lang.or_else(emograph::i18n::Lang::from_environment);
    emograph::i18n::set_default_language(lang.unwrap_or_default());
    emograph::i18n::set_forced_language(cli.lang);
    match cli.command {
        None => open_gui(None),
        Some(Command::Open { file }) => open_gui(Some(file)),
        Some(command) => {
            return_freed_memory_promptly();
            emograph::cli::run(command)
        }
    }
}

/// Asks glibc's allocator to give every block of 128 KiB or more straight back to the system
/// when it is freed, for the headless commands.
///
/// By default glibc raises that threshold as large blocks are freed (up to 32 MiB) and keeps
/// what threads freed in their own arenas: checking a refused 177 MB journey (read once the
/// fast way, then again to locate its problems) peaked at 655 MiB of which about 170 MiB was
/// memory already freed and not returned; with this call it peaks at 488 MiB (2.9× the file),
/// at the same speed. Not for the GUI, whose per-frame vertex buffers would then be mapped
/// and zeroed afresh every frame.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn return_freed_memory_promptly() {
    /// glibc's `M_MMAP_THRESHOLD` (malloc.h); setting it also turns off its dynamic raising.
    const M_MMAP_THRESHOLD: std::ffi::c_int = -3;
    unsafe extern "C" {
        fn mallopt(param: std::ffi::c_int, value: std::ffi::c_int) -> std::ffi::c_int;
    }
    // SAFETY: `mallopt` only sets an allocator parameter; it is called before any thread is
    // started, and an unaccepted value leaves the default in place (it returns 0 then).
    unsafe {
        mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn return_freed_memory_promptly() {}

#[cfg(feature = "gui")]
fn open_gui(file: Option<PathBuf>) -> ExitCode {
    emograph::app::run(file)
}

#[cfg(not(feature = "gui"))]
fn open_gui(_file: Option<PathBuf>) -> ExitCode {
    eprintln!(
        "emograph: this build has no GUI (built without the `gui` feature).\n\
         The headless commands work: see `emograph --help`."
    );
    ExitCode::from(2)
}
