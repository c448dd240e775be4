//! `emograph import`, `stats` and `patterns`, plus the CSV options and input loading every data
//! verb shares.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use std::io::Write as _;

use clap::{Args, ValueEnum};
use serde::Serialize;
use serde::ser::SerializeMap as _;

use super::json_contract::{Num, Nums};
use super::words::{self, header};
use crate::analysis::{
    Analysis, AnalysisSettings, Dataset, Patterns, TouchpointStats, find_patterns,
    touchpoint_stats_on,
};
use crate::io::{self, CsvOptions, LoadError, TouchpointColumns};

/// How to read a CSV of cases (ignored for a .ron journey). Flattened into every data verb.
#[derive(Clone, Debug, Default, Args)]
#[command(next_help_heading = "CSV input (wide: one row per case, one column per touchpoint)")]
pub struct CsvArgs {
    /// Column with the case ids (matched ignoring case). Default: `case`, else `id`, else cases
    /// are numbered by row.
    #[arg(long, value_name = "NAME")]
    pub case_column: Option<String>,
    /// Column with the segments (matched ignoring case). Default: `segment` if there is one.
    #[arg(long, value_name = "NAME")]
    pub segment_column: Option<String>,
    /// Column with the wave (the round of measurement: "baseline 2026-11") of each case,
    /// matched ignoring case. Default: `wave` if there is one.
    #[arg(long, value_name = "NAME", conflicts_with = "wave")]
    pub wave_column: Option<String>,
    /// The wave of every case in the file, for a survey round exported alone.
    #[arg(long, value_name = "LABEL")]
    pub wave: Option<String>,
    /// Touchpoint columns: names "A,B,C" (in the order wanted) or a range of column numbers
    /// "10..23" (1-based, both ends included, as a spreadsheet counts). Default: every column
    /// that is neither the case, the segment nor the wave column.
    #[arg(long, value_name = "COLUMNS")]
    pub touchpoints: Option<TouchpointColumns>,
    /// The scale the scores were collected on, mapped linearly onto -5..+5 (1..5 makes 1 → -5,
    /// 3 → 0, 5 → +5). Default: the scores already are on -5..+5.
    #[arg(long, value_name = "MIN..MAX", value_parser = io::parse_scale, allow_hyphen_values = true)]
    pub scale: Option<(f64, f64)>,
    /// A value meaning "not experienced" (repeatable), e.g. --na 0 when 0 means not applicable.
    /// Empty cells always mean not experienced.
    #[arg(long = "na", value_name = "VALUE", allow_hyphen_values = true)]
    pub na: Vec<String>,
    /// Field delimiter: , ; tab or | (default: detected from the first line).
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,
    /// The first row is a header (default: detected).
    #[arg(long, conflicts_with_all = ["no_header", "header_rows"])]
    pub header: bool,
    /// The first row is data; columns are then named "column 1", "column 2" …
    #[arg(long, conflicts_with = "header_rows")]
    pub no_header: bool,
    /// How many rows hold column names. Default: detected — 3 for a Qualtrics export (ids,
    /// question text, ImportId), 2 for SurveyMonkey (question, answer label), else 1 or 0.
    #[arg(long, value_name = "N")]
    pub header_rows: Option<usize>,
    /// Rows to drop before the header (a title or banner line).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub skip_rows: usize,
    /// Text answers and their scores, e.g. "Very dissatisfied=1,Dissatisfied=2,Neutral=3,
    /// Satisfied=4,Very satisfied=5" (matched ignoring case; `;` separates when a label holds a
    /// comma). The scale defaults to the scores' range. Without it the common English and
    /// Hebrew 5- and 7-point satisfaction, agreement and quality wordings are recognised.
    #[arg(long, value_name = "TEXT=SCORE,…")]
    pub labels: Option<io::LabelMap>,
    /// The file's text encoding: windows-1252, windows-1255, iso-8859-8, utf-16le … Default:
    /// UTF-8 (or UTF-16 with a byte-order mark); other bytes are refused with the likely
    /// encoding named.
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
    /// The sheet of a workbook (.xlsx, .xls, .ods), by name or 1-based number. Default: the
    /// first.
    #[arg(long, value_name = "NAME|N")]
    pub sheet: Option<String>,
    /// Long rows, one answer per row: the case, touchpoint and score columns (default names
    /// case,touchpoint,score). Touchpoints take the order of first appearance.
    #[arg(long, value_name = "CASE,TOUCHPOINT,SCORE", num_args = 0..=1, default_missing_value = "case,touchpoint,score")]
    pub long: Option<io::LongColumns>,
    /// The outcome of each case: "COLUMN=VALUE|VALUE" (these values favourable, ignoring case),
    /// "COLUMN>=N" (a number, N and above favourable) or "COLUMN" (yes/no, true/false, 1/0).
    #[arg(long, value_name = "SPEC")]
    pub outcome: Option<io::OutcomeSpec>,
    /// A date column (a Timestamp) whose year and month ("2026-11") become each case's wave.
    /// Survey tools' time, id and progress columns are never touchpoints by default.
    #[arg(long, value_name = "NAME", conflicts_with_all = ["wave", "wave_column"])]
    pub wave_date_column: Option<String>,
    /// The touchpoints are attributes, not steps in time (a satisfaction grid): no drops,
    /// erosion, crossings or end from their order; recorded in the journey.
    #[arg(long)]
    pub unordered: bool,
}

impl CsvArgs {
    pub fn to_options(&self) -> CsvOptions {
        CsvOptions {
            case_column: self.case_column.clone(),
            segment_column: self.segment_column.clone(),
            wave_column: self.wave_column.clone(),
            wave: self.wave.clone(),
            touchpoints: self.touchpoints.clone(),
            scale: self.scale,
            na: self.na.clone(),
            delimiter: self.delimiter,
            header_rows: match (self.header, self.no_header) {
                (true, _) => Some(1),
                (_, true) => Some(0),
                _ => self.header_rows,
            },
            skip_rows: self.skip_rows,
            labels: self.labels.clone(),
            encoding: self.encoding.clone(),
            sheet: self.sheet.clone(),
            long: self.long.clone(),
            outcome: self.outcome.clone(),
            wave_date_column: self.wave_date_column.clone(),
            unordered: self.unordered,
        }
    }
}

fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text {
        "," | "comma" => Ok(b','),
        ";" | "semicolon" => Ok(b';'),
        "\t" | "\\t" | "tab" => Ok(b'\t'),
        "|" | "pipe" => Ok(b'|'),
        other => Err(format!("{other:?} is not one of , ; tab |")),
    }
}

/// Loads FILE (journey or CSV) for a data verb, keeping only `segment`'s cases when given.
/// A segment no case has is an error that lists the segments there are.
pub fn load_input(file: &Path, csv: &CsvArgs, segment: Option<&str>) -> Result<Dataset, LoadError> {
    let dataset = load_whole(file, csv)?;
    select_segment(dataset, file, segment)
}

/// [`load_input`] for the verbs that analyse scores only (`stats`, `patterns`, `critical`,
/// `drivers`): a journey file's cases go straight into the matrix (`journey.cases` stays
/// empty, as for a CSV), so a large journey costs about its scores in memory.
pub fn load_scores_input(
    file: &Path,
    csv: &CsvArgs,
    segment: Option<&str>,
) -> Result<Dataset, LoadError> {
    let mut dataset = io::load_scores(file, &csv.to_options())?;
    if csv.unordered {
        dataset.journey.in_time_order = false;
    }
    select_segment(dataset, file, segment)
}

fn select_segment(
    dataset: Dataset,
    file: &Path,
    segment: Option<&str>,
) -> Result<Dataset, LoadError> {
    let Some(segment) = segment else {
        return Ok(dataset);
    };
    only_segment(&dataset, file, segment)
}

/// The cases of `segment`; none is an error that lists the segments there are.
pub fn only_segment(dataset: &Dataset, file: &Path, segment: &str) -> Result<Dataset, LoadError> {
    check_segment(dataset, file, segment)?;
    Ok(dataset.with_segment(segment))
}

/// Loads FILE and analyses it under `settings`: the one [`Analysis::compute`] the GUI, the
/// report and every verb that shows patterns or critical points call. A segment no case has
/// is refused with the segments there are.
pub fn analyse_input(
    file: &Path,
    csv: &CsvArgs,
    settings: &AnalysisSettings,
) -> Result<Analysis, LoadError> {
    let whole = load_whole(file, csv)?;
    if let Some(segment) = &settings.segment {
        check_segment(&whole, file, segment)?;
    }
    Ok(Analysis::compute(whole, settings))
}

/// [`analyse_input`] on [`load_scores_input`]'s compact dataset: for the verbs that print
/// numbers about the scores, never a case's label or notes.
pub fn analyse_scores(
    file: &Path,
    csv: &CsvArgs,
    settings: &AnalysisSettings,
) -> Result<Analysis, LoadError> {
    let whole = load_scores_input(file, csv, None)?;
    if let Some(segment) = &settings.segment {
        check_segment(&whole, file, segment)?;
    }
    Ok(Analysis::compute(whole, settings))
}

/// FILE with every case; `--unordered` holds for a journey file too (an attribute survey
/// imported before the option existed).
fn load_whole(file: &Path, csv: &CsvArgs) -> Result<Dataset, LoadError> {
    let mut dataset = io::load_dataset(file, &csv.to_options())?;
    if csv.unordered {
        dataset.journey.in_time_order = false;
    }
    Ok(dataset)
}

/// Refuses a segment no case has, listing the segments there are.
fn check_segment(dataset: &Dataset, file: &Path, segment: &str) -> Result<(), LoadError> {
    if !dataset.has_segment(segment) {
        let mut known: Vec<&str> = dataset.segments.iter().filter(|s| !s.is_empty()).collect();
        known.sort_unstable();
        known.dedup();
        let list = if known.is_empty() {
            crate::tr!("cli-segments-none")
        } else {
            let shown: Vec<String> = known
                .iter()
                .map(|s| super::table::terminal_text(s).into_owned())
                .collect();
            crate::tr!("cli-segments-are", list = shown.join(", "))
        };
        return Err(LoadError::single(
            file,
            None,
            crate::tr!(
                "cli-segment-unknown",
                segment = format!("{segment:?}"),
                list = list
            ),
        ));
    }
    Ok(())
}

/// Options of `emograph import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The CSV of cases, or a Mermaid journey diagram (.mmd): sections become phases, tasks
    /// touchpoints, actors cases, and 1–5 scores are mapped onto −5 … +5.
    pub csv: PathBuf,
    /// The journey file to write (.ron); written atomically, only when the whole CSV is sound.
    /// With --into, default the journey added to.
    #[arg(short, long, value_name = "OUT.ron", required_unless_present = "into")]
    pub output: Option<PathBuf>,
    /// Add the cases to this existing journey as a new wave (give --wave LABEL or
    /// --wave-column): columns match its touchpoints by id or name; anything that does not
    /// match is reported by name and nothing is written.
    #[arg(long, value_name = "JOURNEY.ron")]
    pub into: Option<PathBuf>,
    /// With --into: write even when columns match no touchpoint (their scores are left out) or
    /// touchpoints have no column (the new cases skip them).
    #[arg(long, requires = "into")]
    pub allow_missing: bool,
    /// With --into: put this before every new case id, so ids a survey tool reuses in every
    /// round (1, 2, 3 …) stay apart.
    #[arg(long, value_name = "TEXT", requires = "into", default_value = "")]
    pub case_prefix: String,
    /// Import only the cases of this segment (matched ignoring case): a smaller journey from a
    /// CSV too big for one.
    #[arg(long)]
    pub segment: Option<String>,
    #[command(flatten)]
    pub csv_args: CsvArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    Table,
    Json,
    Csv,
}

/// Options of `emograph stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// A journey (.ron) or a CSV of cases.
    pub file: PathBuf,
    /// Only the cases of this segment (matched ignoring case).
    #[arg(long)]
    pub segment: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: StatsFormat,
    #[command(flatten)]
    pub csv_args: CsvArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PatternsFormat {
    Table,
    Json,
}

/// Options of `emograph patterns`.
#[derive(Debug, Args)]
pub struct PatternsArgs {
    /// A journey (.ron) or a CSV of cases.
    pub file: PathBuf,
    /// Number of patterns, or auto: the best silhouette over 2..8 (one pattern when no split is
    /// clear).
    #[arg(long, default_value = "auto", value_name = "N|auto")]
    pub k: PatternCount,
    /// Only the cases of this segment (matched ignoring case).
    #[arg(long)]
    pub segment: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: PatternsFormat,
    /// With --format json: leave the per-case `assignments` out (a million cases add about
    /// 15 MB of JSON that a dashboard of the patterns never reads).
    #[arg(long)]
    pub no_assignments: bool,
    /// Write the per-case assignments to this CSV (`case,pattern`, input order) instead of into
    /// the JSON; `-` is standard output (then the patterns themselves are not printed).
    #[arg(long, value_name = "FILE.csv")]
    pub assignments_csv: Option<PathBuf>,
    #[command(flatten)]
    pub csv_args: CsvArgs,
}

/// `--k`: a number of patterns, or `auto` (`None`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PatternCount(pub Option<usize>);

impl std::str::FromStr for PatternCount {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        parse_k(text).map(Self)
    }
}

/// `auto` → `None`, else a number of patterns from 1 up.
pub fn parse_k(text: &str) -> Result<Option<usize>, String> {
    if text.eq_ignore_ascii_case("auto") {
        return Ok(None);
    }
    match text.parse::<usize>() {
        Ok(k) if k >= 1 => Ok(Some(k)),
        _ => Err(crate::tr!("cli-k-invalid", text = format!("{text:?}"))),
    }
}

pub fn import(args: &ImportArgs) -> ExitCode {
    if let Some(into) = &args.into {
        return import_into(args, into);
    }
    let Some(output) = &args.output else {
        eprintln!("{}", crate::tr!("cli-import-give-output"));
        return ExitCode::FAILURE;
    };
    if let Err(message) = super::output_path::refuse_input_as_output(output, &[&args.csv]) {
        eprintln!("{message}");
        return ExitCode::FAILURE;
    }
    // A Mermaid diagram is already a journey (actors are labelled cases): keep it whole.
    let mermaid = args
        .csv
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("mmd") || e.eq_ignore_ascii_case("mermaid"));
    let journey = if mermaid {
        if args.segment.is_some() {
            eprintln!("{}", crate::tr!("cli-import-mermaid-whole"));
            return ExitCode::FAILURE;
        }
        match io::mermaid::load_mermaid(&args.csv) {
            Ok(journey) => journey,
            Err(error) => return fail(&error),
        }
    } else {
        let dataset = match load_input(&args.csv, &args.csv_args, args.segment.as_deref()) {
            Ok(dataset) => dataset,
            Err(error) => return fail(&error),
        };
        // Written straight from the matrix, a line per case: a million rows never become
        // a million cases or one string.
        return match io::save_dataset(output, &dataset, "CSV import") {
            Ok(saved) => {
                super::output_path::report_removed(&saved.removed_stale);
                eprintln!(
                    "{}",
                    wrote(
                        output,
                        None,
                        dataset.case_ids.len(),
                        dataset.journey.touchpoints.len()
                    )
                );
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("{}", import_refusal(&error, &args.csv, output));
                ExitCode::FAILURE
            }
        };
    };
    // `save_journey` applies the reader's checks and limits before writing anything, so an
    // import never replaces a journey with one that `check` and `open` would refuse.
    write_imported(&journey, &args.csv, output, None)
}

/// "wrote OUT (3 cases added, 21 cases, 8 touchpoints)": what an import says it did.
fn wrote(output: &Path, added: Option<usize>, cases: usize, touchpoints: usize) -> String {
    let path = output.display().to_string();
    match added {
        Some(added) => crate::tr!(
            "cli-import-wrote-added",
            path = path,
            added = added,
            cases = cases,
            touchpoints = touchpoints
        ),
        None => crate::tr!(
            "cli-import-wrote",
            path = path,
            cases = cases,
            touchpoints = touchpoints
        ),
    }
}

/// Saves an imported journey and says what was written (and how many cases it `added` to a
/// journey), or why not.
fn write_imported(
    journey: &crate::model::Journey,
    input: &Path,
    output: &Path,
    added: Option<usize>,
) -> ExitCode {
    match io::save_journey(output, journey) {
        Ok(saved) => {
            super::output_path::report_removed(&saved.removed_stale);
            eprintln!(
                "{}",
                wrote(
                    output,
                    added,
                    journey.cases.len(),
                    journey.touchpoints.len()
                )
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}", import_refusal(&error, input, output));
            ExitCode::FAILURE
        }
    }
}

/// `import MORE.csv --into JOURNEY.ron --wave LABEL`: the cases added as a new wave, the
/// journey written (atomically) only when everything matched or `--allow-missing` says go on.
fn import_into(args: &ImportArgs, into: &Path) -> ExitCode {
    if args.csv_args.wave.is_none()
        && args.csv_args.wave_column.is_none()
        && args.csv_args.wave_date_column.is_none()
    {
        eprintln!("{}", crate::tr!("cli-import-into-needs-wave"));
        return ExitCode::FAILURE;
    }
    let output = args.output.clone().unwrap_or_else(|| into.to_owned());
    if let Err(message) = super::output_path::refuse_input_as_output(&output, &[&args.csv]) {
        eprintln!("{message}");
        return ExitCode::FAILURE;
    }
    let mut journey = match io::load_journey(into) {
        Ok(journey) => journey,
        Err(error) => return fail(&error),
    };
    let dataset = match load_input(&args.csv, &args.csv_args, args.segment.as_deref()) {
        Ok(dataset) => dataset,
        Err(error) => return fail(&error),
    };
    let before = journey.cases.len();
    let mismatch = io::add_cases_into(
        &mut journey,
        &dataset,
        "CSV import",
        &args.case_prefix,
        args.allow_missing,
    );
    let blocking = mismatch.blocking(args.allow_missing);
    let csv = args.csv.display().to_string();
    for line in mismatch.lines() {
        eprintln!(
            "{}",
            if blocking {
                crate::tr!("cli-import-cannot-add", file = csv.as_str(), line = line)
            } else {
                crate::tr!("cli-import-note", file = csv.as_str(), line = line)
            }
        );
    }
    if blocking {
        let path = into.display().to_string();
        eprintln!(
            "{}",
            if mismatch.taken_case_ids.is_empty() && mismatch.scale.is_none() {
                crate::tr!("cli-import-not-changed-allow-missing", path = path)
            } else {
                crate::tr!("cli-import-not-changed", path = path)
            }
        );
        return ExitCode::FAILURE;
    }
    let added = journey.cases.len() - before;
    write_imported(&journey, &args.csv, &output, Some(added))
}

/// What `import` says when the journey cannot be written. A CSV within [`io::MAX_CSV_BYTES`]
/// can make a journey over [`io::MAX_FILE_BYTES`] (RON names every touchpoint in every case),
/// so "too large" gets advice of its own.
fn import_refusal(error: &io::SaveError, input: &Path, output: &Path) -> String {
    match error {
        io::SaveError::Invalid { problems } => problems
            .iter()
            .take(MAX_IMPORT_PROBLEMS)
            .map(|problem| {
                crate::tr!(
                    "cli-import-cannot",
                    file = input.display().to_string(),
                    problem = problem.to_string()
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
        io::SaveError::TooLarge { bytes, limit } => crate::tr!(
            "cli-import-too-large",
            file = input.display().to_string(),
            mib = bytes.div_ceil(MIB),
            limit = limit / MIB,
            output = output.display().to_string()
        ),
        other => format!("emograph: {other}"),
    }
}

const MIB: u64 = 1024 * 1024;

/// Problems listed when an imported journey is invalid.
const MAX_IMPORT_PROBLEMS: usize = 20;

pub fn stats(args: &StatsArgs) -> ExitCode {
    super::speaking_for(matches!(args.format, StatsFormat::Json), || stats_in(args))
}

fn stats_in(args: &StatsArgs) -> ExitCode {
    let json = matches!(args.format, StatsFormat::Json);
    let dataset = match load_scores_input(&args.file, &args.csv_args, args.segment.as_deref()) {
        Ok(dataset) => dataset,
        Err(error) => return fail_as(&error, json),
    };
    let stats = touchpoint_stats_on(&dataset.matrix, &dataset.journey.scale);
    let text = match args.format {
        StatsFormat::Table => stats_table(&dataset, &stats),
        StatsFormat::Json => stats_json(
            &dataset,
            &stats,
            super::json_contract::head(
                &dataset,
                &args.csv_args,
                serde_json::json!({"segment": args.segment}),
            ),
        ),
        StatsFormat::Csv => match crate::export::csv::stats_csv(&dataset.journey, &stats) {
            Ok(text) => text,
            Err(error) => {
                eprintln!(
                    "{}",
                    crate::tr!("cli-cannot-write-csv", error = error.to_string())
                );
                return ExitCode::FAILURE;
            }
        },
    };
    super::print_out(&text)
}

pub fn patterns(args: &PatternsArgs) -> ExitCode {
    super::speaking_for(matches!(args.format, PatternsFormat::Json), || {
        patterns_in(args)
    })
}

fn patterns_in(args: &PatternsArgs) -> ExitCode {
    let json = matches!(args.format, PatternsFormat::Json);
    let dataset = match load_scores_input(&args.file, &args.csv_args, args.segment.as_deref()) {
        Ok(dataset) => dataset,
        Err(error) => return fail_as(&error, json),
    };
    // The patterns alone, with the parameters the whole analysis uses for this --k: their
    // critical points and the segment comparison would cost a third more time and go unprinted.
    let settings = AnalysisSettings {
        k: args.k.0,
        ..AnalysisSettings::default()
    };
    let patterns = find_patterns(
        &dataset.matrix,
        &dataset.segments,
        &settings.pattern_params(),
    );
    let inline = !args.no_assignments && args.assignments_csv.is_none();
    if let Some(file) = &args.assignments_csv {
        let written = if file.as_os_str() == "-" {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            write_assignments_csv(&mut out, &dataset, &patterns).and_then(|()| out.flush())
        } else {
            std::fs::File::create(file).and_then(|f| {
                let mut out = std::io::BufWriter::new(f);
                write_assignments_csv(&mut out, &dataset, &patterns).and_then(|()| out.flush())
            })
        };
        match written {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            Err(e) => {
                eprintln!(
                    "{}",
                    crate::tr!(
                        "cli-cannot-write-file",
                        path = file.display().to_string(),
                        error = e.to_string()
                    )
                );
                return ExitCode::FAILURE;
            }
        }
        if file.as_os_str() == "-" {
            return ExitCode::SUCCESS;
        }
    }
    match args.format {
        PatternsFormat::Table => super::print_out(&patterns_table(&dataset, &patterns)),
        PatternsFormat::Json => {
            // Straight to a buffered standard output: no second copy of a 15 MB text.
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            let head = super::json_contract::head(
                &dataset,
                &args.csv_args,
                serde_json::json!({"segment": args.segment, "k": args.k.0}),
            );
            let written = write_patterns_json(&mut out, &dataset, &patterns, head, inline)
                .and_then(|()| out.flush());
            match written {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("{}", crate::tr!("cli-cannot-write", error = e.to_string()));
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// `case,pattern` per case, input order: the assignments for a join in a spreadsheet or
/// database. Ids are quoted by the csv crate where they need it.
fn write_assignments_csv(
    out: &mut impl std::io::Write,
    dataset: &Dataset,
    patterns: &Patterns,
) -> std::io::Result<()> {
    // The writer's own I/O error, so a closed pipe (`| head`) is recognised as one.
    let io_error = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    };
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(["case", "pattern"]).map_err(io_error)?;
    let mut number = itoa_buffer();
    for (case_id, &index) in dataset.case_ids.iter().zip(&patterns.assignments) {
        let id = patterns.patterns.get(index).map_or(0, |p| p.id);
        writer
            .write_record([case_id.as_bytes(), number.format(id)])
            .map_err(io_error)?;
    }
    writer.flush()
}

/// A reused buffer that formats pattern ids without allocating.
fn itoa_buffer() -> SmallNumber {
    SmallNumber([0; 20])
}

struct SmallNumber([u8; 20]);

impl SmallNumber {
    fn format(&mut self, mut n: usize) -> &[u8] {
        let mut at = self.0.len();
        loop {
            at -= 1;
            if let Some(slot) = self.0.get_mut(at) {
                *slot = b'0' + (n % 10) as u8;
            }
            n /= 10;
            if n == 0 || at == 0 {
                break;
            }
        }
        self.0.get(at..).unwrap_or_default()
    }
}

fn fail(error: &LoadError) -> ExitCode {
    eprintln!("{error}");
    ExitCode::FAILURE
}

/// [`fail`], and with `--format json` the refusal as JSON on standard output too.
fn fail_as(error: &LoadError, json: bool) -> ExitCode {
    if json {
        print!("{}", super::json_contract::load_error(error));
    }
    fail(error)
}

/// `stats --format json`: the contract's head (`schema_version`, `cases`, `scale`, `options`),
/// then `{"touchpoints":[{"id","name","n","mean","median","q1","q3","min","max","std",
/// "share_negative","share_angry"}]}`, `null` where a figure is undefined.
pub fn stats_json(
    dataset: &Dataset,
    stats: &[TouchpointStats],
    head: serde_json::Map<String, serde_json::Value>,
) -> String {
    #[derive(Serialize)]
    struct Row<'a> {
        id: &'a str,
        name: &'a str,
        n: usize,
        mean: Option<f64>,
        median: Option<f64>,
        q1: Option<f64>,
        q3: Option<f64>,
        min: Option<f64>,
        max: Option<f64>,
        std: Option<f64>,
        share_negative: Option<f64>,
        share_angry: Option<f64>,
    }
    #[derive(Serialize)]
    struct Out<'a> {
        touchpoints: Vec<Row<'a>>,
    }
    let touchpoints = dataset
        .journey
        .touchpoints
        .iter()
        .zip(stats)
        .map(|(tp, s)| Row {
            id: &tp.id,
            name: &tp.name,
            n: s.n,
            mean: s.mean,
            median: s.median,
            q1: s.q1,
            q3: s.q3,
            min: s.min,
            max: s.max,
            std: s.std,
            share_negative: s.share_negative,
            share_angry: s.share_angry,
        })
        .collect();
    let body = serde_json::to_value(Out { touchpoints }).unwrap_or_default();
    super::json_contract::to_text(super::json_contract::with_head(head, body))
}

/// `patterns --format json`: the contract's head, then `{"k":N,"silhouette":S|null,
/// "silhouettes":[{"k","silhouette"}],"touchpoints":[{"id","name"}],"patterns":[{"id","n",
/// "share","mean":[…],"q1":[…],"q3":[…],"curve":[{"touchpoint","mean","q1","q3"}],
/// "medoid":"case id","segments":{…}}],"assignments":{"case id": pattern id}}`; the lists
/// `mean`, `q1` and `q3` follow `touchpoints`, and `curve` names each point's touchpoint by id
/// so a script need not count positions. `assignments` lists the cases in input order.
/// Without `assignments` when `inline` is false. Numbers go through the contract's one rounding
/// ([`super::json_contract::number`]).
pub fn write_patterns_json(
    out: &mut impl std::io::Write,
    dataset: &Dataset,
    patterns: &Patterns,
    head: serde_json::Map<String, serde_json::Value>,
    inline: bool,
) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct PatternOut<'a> {
        id: usize,
        /// The team's name for it, where the journey keeps one that fits its cases.
        #[serde(skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        n: usize,
        share: Num,
        mean: Nums<'a>,
        q1: Nums<'a>,
        q3: Nums<'a>,
        curve: Vec<CurvePoint<'a>>,
        medoid: &'a str,
        segments: &'a std::collections::BTreeMap<String, usize>,
    }
    #[derive(Serialize)]
    struct CurvePoint<'a> {
        touchpoint: &'a str,
        mean: Option<Num>,
        q1: Option<Num>,
        q3: Option<Num>,
    }
    #[derive(Serialize)]
    struct TouchpointOut<'a> {
        id: &'a str,
        name: &'a str,
    }
    #[derive(Serialize)]
    struct SilhouetteOut {
        k: usize,
        silhouette: Num,
    }
    struct Assignments<'a> {
        case_ids: &'a crate::analysis::Texts,
        patterns: &'a Patterns,
    }
    impl Serialize for Assignments<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(self.case_ids.len()))?;
            for (case_id, &index) in self.case_ids.iter().zip(&self.patterns.assignments) {
                let id = self.patterns.patterns.get(index).map_or(0, |p| p.id);
                map.serialize_entry(case_id, &id)?;
            }
            map.end()
        }
    }
    #[derive(Serialize)]
    struct Out<'a> {
        /// The contract's head (`schema_version`, `cases`, `scale`, `options`) first.
        #[serde(flatten)]
        head: serde_json::Map<String, serde_json::Value>,
        k: usize,
        /// The silhouette of the k answered (`null` for one pattern).
        silhouette: Option<Num>,
        silhouettes: Vec<SilhouetteOut>,
        touchpoints: Vec<TouchpointOut<'a>>,
        patterns: Vec<PatternOut<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        assignments: Option<Assignments<'a>>,
    }
    let mut names = crate::analysis::pattern_names::match_pattern_names(
        patterns,
        &dataset.case_ids,
        &dataset.journey.pattern_names,
    )
    .into_iter();
    let touchpoints = &dataset.journey.touchpoints;
    let curve = |p: &'_ crate::analysis::Pattern| -> Vec<CurvePoint<'_>> {
        touchpoints
            .iter()
            .enumerate()
            .map(|(i, tp)| CurvePoint {
                touchpoint: &tp.id,
                mean: p.mean.get(i).map(|&x| Num(x)),
                q1: p.q1.get(i).map(|&x| Num(x)),
                q3: p.q3.get(i).map(|&x| Num(x)),
            })
            .collect()
    };
    let document = Out {
        head,
        k: patterns.k,
        silhouette: patterns
            .silhouettes
            .iter()
            .find(|(k, _)| *k == patterns.k)
            .map(|&(_, s)| Num(s)),
        silhouettes: patterns
            .silhouettes
            .iter()
            .map(|&(k, s)| SilhouetteOut {
                k,
                silhouette: Num(s),
            })
            .collect(),
        touchpoints: touchpoints
            .iter()
            .map(|tp| TouchpointOut {
                id: &tp.id,
                name: &tp.name,
            })
            .collect(),
        patterns: patterns
            .patterns
            .iter()
            .map(|p| PatternOut {
                id: p.id,
                name: names.next().flatten(),
                n: p.n,
                share: Num(p.share),
                mean: Nums(&p.mean),
                q1: Nums(&p.q1),
                q3: Nums(&p.q3),
                curve: curve(p),
                medoid: dataset.case_ids.get(p.medoid).unwrap_or_default(),
                segments: &p.segments,
            })
            .collect(),
        assignments: inline.then_some(Assignments {
            case_ids: &dataset.case_ids,
            patterns,
        }),
    };
    serde_json::to_writer(&mut *out, &document).map_err(std::io::Error::other)?;
    out.write_all(b"\n")
}

fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.2}"))
}

fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{:.1}%", v * 100.0))
}

fn stats_table(dataset: &Dataset, stats: &[TouchpointStats]) -> String {
    let mut rows = vec![header(&[
        "cli-th-touchpoint",
        "cli-th-n",
        "cli-th-mean",
        "cli-th-median",
        "cli-th-q1",
        "cli-th-q3",
        "cli-th-min",
        "cli-th-max",
        "cli-th-std",
        "cli-th-negative",
        "cli-th-angry",
    ])];
    for (tp, s) in dataset.journey.touchpoints.iter().zip(stats) {
        rows.push(vec![
            tp.name.clone(),
            s.n.to_string(),
            figure(s.mean),
            figure(s.median),
            figure(s.q1),
            figure(s.q3),
            figure(s.min),
            figure(s.max),
            figure(s.std),
            percent(s.share_negative),
            percent(s.share_angry),
        ]);
    }
    format!(
        "{}\n\n{}",
        crate::tr!(
            "cli-stats-heading",
            cases = dataset.matrix.cases(),
            touchpoints = dataset.journey.touchpoints.len()
        ),
        super::table::aligned(&rows, 0, true)
    )
}

fn patterns_table(dataset: &Dataset, patterns: &Patterns) -> String {
    let mut out = crate::tr!(
        "cli-patterns-heading",
        cases = dataset.matrix.cases(),
        k = patterns.k
    );
    out.push_str("\n\n");
    let mut summary = vec![header(&[
        "cli-th-pattern",
        "cli-th-cases",
        "cli-th-share",
        "cli-th-representative",
        "cli-th-segments",
    ])];
    let names = crate::analysis::pattern_names::match_pattern_names(
        patterns,
        &dataset.case_ids,
        &dataset.journey.pattern_names,
    );
    for (p, name) in patterns.patterns.iter().zip(&names) {
        let mut segments: Vec<(&String, &usize)> = p.segments.iter().collect();
        segments.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let segments = segments
            .iter()
            .take(4)
            .map(|(name, n)| format!("{name} {n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let id = match name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            Some(name) => format!("{} {name}", p.id),
            None => p.id.to_string(),
        };
        summary.push(vec![
            id,
            p.n.to_string(),
            percent(Some(p.share)),
            dataset
                .case_ids
                .get(p.medoid)
                .unwrap_or_default()
                .to_owned(),
            segments,
        ]);
    }
    out.push_str(&super::table::aligned(&summary, 0, true));
    if patterns.patterns.is_empty() {
        return out;
    }
    out.push_str(&format!("\n{}\n\n", crate::tr!("cli-patterns-curves")));
    let mut curves = vec![
        header(&["cli-th-touchpoint"])
            .into_iter()
            .chain(patterns.patterns.iter().map(|p| words::pattern(p.id)))
            .collect::<Vec<_>>(),
    ];
    for (column, tp) in dataset.journey.touchpoints.iter().enumerate() {
        curves.push(
            std::iter::once(tp.name.clone())
                .chain(
                    patterns
                        .patterns
                        .iter()
                        .map(|p| figure(p.mean.get(column).copied())),
                )
                .collect(),
        );
    }
    out.push_str(&super::table::aligned(&curves, 0, true));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_too_large_import_says_how_big_what_the_limit_is_and_what_to_do() {
        let error = io::SaveError::TooLarge {
            bytes: 300 * MIB + 5,
            limit: 256 * MIB,
        };
        let message = import_refusal(&error, Path::new("s.csv"), Path::new("s.ron"));
        assert!(
            message.contains(
                "s.csv: cannot import: the journey would be 301 MiB, more than the 256 MiB"
            ),
            "{message}"
        );
        assert!(message.contains("--segment"), "{message}");
        assert!(message.contains("s.ron was not written"), "{message}");
    }
}
