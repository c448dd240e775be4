//! `emograph export` and `emograph report`: charts, CSV and the HTML report from the command line.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::data_verbs::{CsvArgs, analyse_input, parse_k};
use crate::analysis::{Analysis, AnalysisSettings};
use crate::chart::{ChartOptions, Scene, Theme, ViewSpec};
use crate::export::{self, ExportSize};

/// Options of `emograph export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The journey (.ron), CSV of cases (see the CSV options below) or Mermaid journey (.mmd).
    pub file: PathBuf,
    /// Where to write: .png, .svg, .csv (statistics for --view overall, patterns for
    /// --view patterns) or .mmd (Mermaid journey diagram).
    #[arg(short, long)]
    pub output: PathBuf,
    /// Which graph: overall, patterns, pattern:N, segments (each segment's mean), waves (each
    /// wave's mean), case:ID or cases.
    #[arg(long, default_value = "overall")]
    pub view: ViewSpec,
    /// Width in points.
    #[arg(long, default_value_t = 1600, value_parser = clap::value_parser!(u32).range(200..=20_000))]
    pub width: u32,
    /// Height in points.
    #[arg(long, default_value_t = 900, value_parser = clap::value_parser!(u32).range(150..=20_000))]
    pub height: u32,
    /// Pixels per point of a PNG: 2 doubles the pixels, crisp in print at 300 dpi.
    #[arg(long, default_value_t = 1.0, value_name = "FACTOR")]
    pub pixel_scale: f32,
    /// Number of patterns, or auto (chosen by silhouette).
    #[arg(long, default_value = "auto")]
    pub k: String,
    /// Only the cases of this segment.
    #[arg(long)]
    pub segment: Option<String>,
    /// Bigger text and thicker lines, as the presenter mode shows them.
    #[arg(long)]
    pub presenter: bool,
    /// Place touchpoints by their time offsets instead of evenly.
    #[arg(long)]
    pub time_axis: bool,
    /// Leave the markers out: critical and turning points, and the team's flags.
    #[arg(long)]
    pub no_markers: bool,
    /// Leave the owner names off the critical point markers.
    #[arg(long)]
    pub no_owners: bool,
    /// Draw this scenario (by id or name) over the overall or a pattern view: its to-be mean
    /// dashed over the as-is, the change shaded.
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,
    /// SVG: draw text as glyph outlines of the bundled font, for viewers that ignore embedded
    /// fonts (rsvg-convert, some converters) on machines without Liberation Sans.
    #[arg(long)]
    pub text_as_paths: bool,
    #[command(flatten)]
    pub csv_args: CsvArgs,
}

/// Options of `emograph report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The journey (.ron), CSV of cases or Mermaid journey (.mmd) to report on.
    pub file: PathBuf,
    /// The HTML file to write.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Number of patterns, or auto (chosen by silhouette).
    #[arg(long, default_value = "auto")]
    pub k: String,
    /// Only the cases of this segment.
    #[arg(long)]
    pub segment: Option<String>,
    #[command(flatten)]
    pub csv_args: CsvArgs,
}

pub fn export(args: &ExportArgs) -> ExitCode {
    match try_export(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

pub fn report(args: &ReportArgs) -> ExitCode {
    let result = (|| {
        super::output_path::refuse_input_as_output(&args.output, &[&args.file])?;
        let analysis = analyse(&args.file, &args.csv_args, &args.k, &args.segment)?;
        let html =
            export::report::render_report(&analysis).map_err(|e| format!("emograph: {e}"))?;
        super::output_path::write_output(&args.output, html.as_bytes())
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn try_export(args: &ExportArgs) -> Result<(), String> {
    if !(args.pixel_scale.is_finite() && (0.25..=8.0).contains(&args.pixel_scale)) {
        return Err(crate::tr!(
            "cli-export-pixel-scale",
            scale = args.pixel_scale.to_string()
        ));
    }
    super::output_path::refuse_input_as_output(&args.output, &[&args.file])?;
    let analysis = analyse(&args.file, &args.csv_args, &args.k, &args.segment)?;
    let dataset = &analysis.dataset;
    let extension = args
        .output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let write = |bytes: &[u8]| super::output_path::write_output(&args.output, bytes);
    match extension.as_str() {
        "csv" => {
            let text = match &args.view {
                ViewSpec::Overall => export::csv::stats_csv(&dataset.journey, &analysis.stats),
                ViewSpec::Patterns => export::csv::patterns_csv(dataset, &analysis.patterns),
                ViewSpec::Segments => {
                    export::csv::segments_csv(&dataset.journey, &analysis.segments)
                }
                other => {
                    return Err(crate::tr!("cli-export-csv-views", view = other.to_string()));
                }
            }
            .map_err(|e| format!("emograph: {e}"))?;
            write(text.as_bytes())
        }
        "mmd" => {
            let text = export::view_mermaid(
                &dataset.journey,
                Some(&analysis),
                &args.view,
                &chart_options(args),
            )
            .map_err(|e| format!("emograph: {e}"))?;
            write(text.as_bytes())
        }
        _ => {
            let theme = export_theme(args);
            let scene = chart_scene(&analysis, args)?;
            let size = ExportSize {
                width: args.width,
                height: args.height,
                scale: args.pixel_scale,
            };
            export::save_chart_with_text(&args.output, &scene, &size, &theme, args.text_as_paths)
                .map_err(|e| format!("emograph: {e}"))
        }
    }
}

/// The Scene `emograph export` paints for these arguments: the file analysed under `--k` and
/// `--segment`, then the view drawn with the chart options the flags give. The verb calls
/// exactly this (through [`chart_scene`]); the tests compare it with the GUI's Scene.
pub fn export_scene(args: &ExportArgs) -> Result<Scene, String> {
    let analysis = analyse(&args.file, &args.csv_args, &args.k, &args.segment)?;
    chart_scene(&analysis, args)
}

/// The theme `emograph export` paints in: the presenter look with `--presenter`.
pub fn export_theme(args: &ExportArgs) -> Theme {
    if args.presenter {
        Theme::presenter()
    } else {
        Theme::light()
    }
}

fn chart_scene(analysis: &Analysis, args: &ExportArgs) -> Result<Scene, String> {
    crate::chart::view_scene(
        &analysis.dataset.journey,
        Some(analysis),
        &args.view,
        &chart_options(args),
        &export_theme(args),
    )
    .map_err(|e| format!("emograph: {e}"))
}

/// The flags as chart options; the command line draws every case of the cases view.
fn chart_options(args: &ExportArgs) -> ChartOptions {
    ChartOptions {
        markers: !args.no_markers,
        owner_badges: !args.no_owners,
        time_axis: args.time_axis,
        scenario: args.scenario.clone(),
        ..ChartOptions::default()
    }
}

/// Loads FILE (a journey, a CSV of cases or a Mermaid journey) and analyses it under `--k`
/// and `--segment`, as every face analyses; the segments are still compared over all cases.
fn analyse(
    path: &Path,
    csv: &CsvArgs,
    k: &str,
    segment: &Option<String>,
) -> Result<Analysis, String> {
    let k = parse_k(k.trim()).map_err(|e| format!("emograph: --k {e}"))?;
    let settings = AnalysisSettings {
        k,
        segment: segment.clone(),
        ..AnalysisSettings::default()
    };
    analyse_input(path, csv, &settings).map_err(|e| e.to_string())
}
