use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser as _;
use emograph::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    // The commands speak `--lang`, else the system's language; the GUI also weighs its
    // preference (app::run).
    let lang = cli.lang.or_else(emograph::i18n::Lang::from_environment);
    emograph::i18n::set_default_language(lang.unwrap_or_default());
    emograph::i18n::set_forced_language(cli.lang);
    match cli.command {
        None => open_gui(None),
        Some(Command::Open { file }) => open_gui(Some(file)),
        Some(command) => emograph::cli::run(command),
    }
}

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
