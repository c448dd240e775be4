use std::process::ExitCode;

use clap::Parser as _;
use emograph::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        #[cfg(feature = "gui")]
        None => emograph::app::run(None),
        #[cfg(feature = "gui")]
        Some(Command::Open { file }) => emograph::app::run(Some(file)),
        #[cfg(not(feature = "gui"))]
        None => {
            eprintln!("emograph: this build has no GUI; see `emograph --help` for the headless commands");
            ExitCode::from(2)
        }
        Some(command) => emograph::cli::run(command),
    }
}
