//! The headless face of emograph: clap commands for analysts and scripts.
//!
//! Each verb is a small function that returns an exit code; errors are printed once, here.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::io;

pub mod argument_errors;
mod compare_verb;
mod critical_verbs;
mod data_verbs;
mod drivers_verb;
mod export_verbs;
pub mod help_words;
mod json_contract;
mod output_path;
mod scenario_verb;
#[cfg(feature = "live")]
mod serve_verb;
mod table;
mod words;
pub use compare_verb::CompareArgs;
pub use critical_verbs::{CriticalArgs, OwnersArgs, TableOrJson};
pub use data_verbs::{
    CsvArgs, ImportArgs, PatternCount, PatternsArgs, StatsArgs, load_input, parse_k,
};
pub use drivers_verb::DriversArgs;
pub use export_verbs::{ExportArgs, ReportArgs, export_scene, export_theme};
pub use scenario_verb::ScenarioArgs;
#[cfg(feature = "live")]
pub use serve_verb::ServeArgs;

/// Map how customers feel along a process: emotion graphs, typical patterns, critical points.
///
/// With no command, emograph opens the GUI on the last file or a bundled sample journey.
#[derive(Debug, Parser)]
#[command(name = "emograph", version, about, long_about = None)]
pub struct Cli {
    /// The interface language (en, he): the GUI's words and the commands' messages; a
    /// report's too (by default a report speaks its journey's language). Without it, the
    /// GUI's preference, else the system locale (LC_ALL, LC_MESSAGES, LANG), else English.
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<crate::i18n::Lang>,
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
        /// Rewrite every file that passes in the current format (version 2), atomically; an
        /// older file keeps opening anyway, this only makes it smaller and faster to read.
        #[arg(long)]
        upgrade: bool,
    },
    /// Draw a chart as PNG or SVG (or write it as CSV or a Mermaid .mmd).
    ///
    /// Example: emograph export journey.ron -o patterns.png --view patterns --pixel-scale 2
    Export(ExportArgs),
    /// Turn a survey export into a journey: a wide CSV (one row per case, one column per
    /// touchpoint), a Qualtrics or SurveyMonkey export, text answers, a workbook (.xlsx, .ods),
    /// long rows (--long) or standard input (-); or add it to a journey as a new wave (--into).
    ///
    /// Example (airline survey rated 1..5, 0 = not applicable):
    /// emograph import survey.csv -o survey.ron --touchpoints 10..23 --scale 1..5 --na 0 --outcome Satisfaction=satisfied
    Import(ImportArgs),
    /// Per-touchpoint statistics: n, mean, median, quartiles, min, max, std, share negative,
    /// share angry (-3 or below).
    Stats(StatsArgs),
    /// Typical patterns: the cases' curves grouped by k-means (k given, or auto by silhouette),
    /// each with its mean curve, quartile band, representative case and segment mix.
    Patterns(PatternsArgs),
    /// Write a self-contained HTML report: the journey, its graphs, patterns, critical points and
    /// owners, ready to print to PDF.
    Report(ReportArgs),
    /// Turning and critical points per pattern and overall, and touchpoints prone to trouble.
    ///
    /// Each point shows its owner, the metrics that measure its touchpoint and the status of the
    /// team's flag on it. Example: emograph critical journey.ron --format json
    Critical(CriticalArgs),
    /// The owner view: per owner their touchpoints, critical points, metrics against target and
    /// actions (open first); then what nobody owns yet.
    Owners(OwnersArgs),
    /// Two waves (or two segments) touchpoint by touchpoint: n and mean in each, the difference
    /// with its 95 % interval (Welch), Welch and Mann–Whitney p-values, the effect size, and a
    /// verdict corrected for the number of touchpoints compared (Holm).
    ///
    /// Example: emograph compare journey.ron --by wave --from "baseline 2026-11" --to "after redesign 2027-03"
    Compare(CompareArgs),
    /// As-is against to-be for the journey's scenarios (prevent, shorten the response, amplify,
    /// drawn curves): per pattern and overall the mean, the remembered experience (peak-end) and
    /// the share ending angry before and after, and the critical points that remain.
    ///
    /// Example: emograph scenario journey.ron --scenario "to-be 2027" --format json
    Scenario(ScenarioArgs),
    /// Which touchpoints drive the outcome: per touchpoint its AUC (ties half), the gap between
    /// favourable and unfavourable cases and the bottom-box share among the unfavourable, ranked;
    /// then the favourable rate per pattern and segment, and how well a case's mean, worst,
    /// last and peak-end score predict it.
    ///
    /// Example: emograph drivers survey.csv --outcome "Satisfaction=satisfied" --touchpoints 10..23 --scale 1..5 --na 0
    Drivers(DriversArgs),
    /// A live workshop session: participants open the printed URL (or scan the QR code) on
    /// their phones and draw their own remembered case; each curve is saved into FILE as a case.
    ///
    /// Example: emograph serve journeys/cinema-evening.ron --segments gold,regular
    #[cfg(feature = "live")]
    Serve(ServeArgs),
}

/// Runs a headless command and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Open { .. } => {
            eprintln!("{}", crate::tr!("cli-open-needs-gui"));
            ExitCode::from(2)
        }
        Command::Check {
            files,
            quiet,
            upgrade,
        } => check(&files, quiet, upgrade),
        Command::Import(args) => data_verbs::import(&args),
        Command::Stats(args) => data_verbs::stats(&args),
        Command::Patterns(args) => data_verbs::patterns(&args),
        Command::Export(args) => export_verbs::export(&args),
        Command::Report(args) => export_verbs::report(&args),
        Command::Critical(args) => critical_verbs::critical(&args),
        Command::Owners(args) => critical_verbs::owners(&args),
        Command::Compare(args) => compare_verb::compare(&args),
        Command::Scenario(args) => scenario_verb::scenario(&args),
        Command::Drivers(args) => drivers_verb::drivers(&args),
        #[cfg(feature = "live")]
        Command::Serve(args) => serve_verb::serve(&args),
    }
}

/// Runs a verb, in English when it answers in JSON: the JSON is the scripts' contract (README,
/// "The JSON contract"), the message of a refusal included, whatever `--lang` says; the tables
/// and messages for people speak the language in force.
pub(crate) fn speaking_for(json: bool, verb: impl FnOnce() -> ExitCode) -> ExitCode {
    if json {
        crate::i18n::with_language(crate::i18n::Lang::English, verb)
    } else {
        verb()
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error worth a panic.
pub(crate) fn print_out(text: &str) -> ExitCode {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", crate::tr!("cli-cannot-write", error = e.to_string()));
            ExitCode::FAILURE
        }
    }
}

fn check(files: &[PathBuf], quiet: bool, upgrade: bool) -> ExitCode {
    let mut failed = false;
    let mut out = String::new();
    for file in files {
        // Checking needs the counts, not the cases: the compact reader holds a million of
        // them as a score matrix and accepts and refuses exactly what `open` does.
        let checked = if upgrade {
            io::load_journey(file).and_then(|journey| {
                let counts = (journey.touchpoints.len(), journey.cases.len());
                io::save_journey(file, &journey)
                    .map(|_| counts)
                    .map_err(|e| {
                        io::LoadError::single(
                            file,
                            None,
                            crate::tr!("cli-check-not-rewritten", error = e.to_string()),
                        )
                    })
            })
        } else {
            io::load_journey_dataset(file)
                .map(|dataset| (dataset.journey.touchpoints.len(), dataset.case_ids.len()))
        };
        match checked {
            Ok((touchpoints, cases)) => {
                if !quiet {
                    let file = file.display().to_string();
                    out.push_str(&if upgrade {
                        crate::tr!(
                            "cli-check-upgraded",
                            file = file,
                            touchpoints = touchpoints,
                            cases = cases
                        )
                    } else {
                        crate::tr!(
                            "cli-check-ok",
                            file = file,
                            touchpoints = touchpoints,
                            cases = cases
                        )
                    });
                    out.push('\n');
                }
            }
            Err(error) => {
                failed = true;
                out.push_str(&format!("{error}\n"));
            }
        }
    }
    let printed = print_out(&out);
    if failed { ExitCode::FAILURE } else { printed }
}
