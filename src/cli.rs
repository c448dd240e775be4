//! The headless face of emograph: clap commands for analysts and scripts.
//!
//! Each verb is a small function that returns an exit code; errors are printed once, here.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::io;

/// Map how customers feel along a process: emotion graphs, typical patterns, critical points.
///
/// With no command, emograph opens the GUI on the last file or a bundled sample journey.
#[derive(Debug, Parser)]
#[command(name = "emograph", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the GUI on FILE (a .ron journey).
    Open {
        /// The journey to open.
        file: PathBuf,
    },
    /// Validate journey files: prints FILE:LINE:COL: message for every problem, exits 1 if any.
    ///
    /// Checks syntax, the format version, that every id is unique and every reference (a score's
    /// touchpoint, a metric's owner, a flag's metrics …) points at something that exists, and
    /// that every score is a finite number on the scale.
    Check {
        /// One or more journey files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print nothing for files that pass.
        #[arg(short, long)]
        quiet: bool,
    },
}

/// Runs a headless command and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Open { .. } => {
            eprintln!("emograph: `open` needs the GUI; this build has none");
            ExitCode::from(2)
        }
        Command::Check { files, quiet } => check(&files, quiet),
    }
}

fn check(files: &[PathBuf], quiet: bool) -> ExitCode {
    let mut failed = false;
    for file in files {
        match io::load_journey(file) {
            Ok(journey) => {
                if !quiet {
                    println!(
                        "{}: ok ({} touchpoints, {} cases)",
                        file.display(),
                        journey.touchpoints.len(),
                        journey.cases.len()
                    );
                }
            }
            Err(error) => {
                failed = true;
                println!("{error}");
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
