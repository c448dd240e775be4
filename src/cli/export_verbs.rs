//! `emograph export` and `emograph report`: charts, CSV and the HTML report from the command line.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::data_verbs::{CsvArgs, load_input, only_segment, parse_k};
use crate::analysis::{CriticalParams, Dataset, PatternParams};
use crate::chart::Theme;
use crate::export::{self, Analysis, ChartOptions, ChartView, ExportSize};
use crate::io::{self, LoadError};

/// Options of `emograph export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The journey (.ron), CSV of cases (see the CSV options below) or Mermaid journey (.mmd).
    pub file: PathBuf,
    /// Where to write: .png, .svg, .csv (statistics for --view overall, patterns for
    /// --view patterns) or .mmd (Mermaid journey diagram).
    #[arg(short, long)]
    pub output: PathBuf,
    /// Which graph: overall, patterns, pattern:N, segments (each segment's mean), case:ID or cases.
    #[arg(long, default_value = "overall")]
    pub view: ChartView,
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
    /// Leave the critical point markers out.
    #[arg(long)]
    pub no_markers: bool,
    /// Leave the owner names off the critical point markers.
    #[arg(long)]
    pub no_owners: bool,
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
        let pattern_params = pattern_params(&args.k)?;
        let (dataset, analysis) = analyse(
            &args.file,
            &args.csv_args,
            args.segment.as_deref(),
            &pattern_params,
        )?;
        let html = export::report::render_report(&dataset, &analysis)
            .map_err(|e| format!("emograph: {e}"))?;
        io::write_atomic_bytes(&args.output, html.as_bytes())
            .map_err(|e| format!("emograph: could not write {}: {e}", args.output.display()))
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
        return Err(format!(
            "emograph: --pixel-scale {} is outside 0.25 … 8",
            args.pixel_scale
        ));
    }
    let pattern_params = pattern_params(&args.k)?;
    let (dataset, analysis) = analyse(
        &args.file,
        &args.csv_args,
        args.segment.as_deref(),
        &pattern_params,
    )?;
    let extension = args
        .output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let write = |bytes: &[u8]| {
        io::write_atomic_bytes(&args.output, bytes)
            .map_err(|e| format!("emograph: could not write {}: {e}", args.output.display()))
    };
    match extension.as_str() {
        "csv" => {
            let text = match &args.view {
                ChartView::Overall => export::csv::stats_csv(&dataset.journey, &analysis.stats),
                ChartView::Patterns => export::csv::patterns_csv(&dataset, &analysis.patterns),
                ChartView::Segments => {
                    export::csv::segments_csv(&dataset.journey, &analysis.segments)
                }
                other => {
                    return Err(format!(
                        "emograph: CSV holds the statistics (--view overall), the patterns (--view patterns) or the segments (--view segments), not {other}"
                    ));
                }
            }
            .map_err(|e| format!("emograph: {e}"))?;
            write(text.as_bytes())
        }
        "mmd" => write(mermaid(&dataset, &analysis, &args.view)?.as_bytes()),
        _ => {
            let theme = if args.presenter {
                Theme::presenter()
            } else {
                Theme::light()
            };
            let options = ChartOptions {
                critical_markers: !args.no_markers,
                owner_badges: !args.no_owners,
                time_axis: args.time_axis,
            };
            let scene = export::view_scene(&dataset, &analysis, &args.view, &options, &theme)
                .map_err(|e| format!("emograph: {e}"))?;
            let size = ExportSize {
                width: args.width,
                height: args.height,
                scale: args.pixel_scale,
            };
            export::save_chart_with_theme(&args.output, &scene, &size, &theme)
                .map_err(|e| format!("emograph: {e}"))
        }
    }
}

/// The view as a Mermaid journey diagram: Mermaid holds one score per task, so an aggregate
/// view is written as its mean curve.
fn mermaid(dataset: &Dataset, analysis: &Analysis, view: &ChartView) -> Result<String, String> {
    use crate::io::mermaid::{MermaidSource, to_mermaid};
    let journey = &dataset.journey;
    let means: Vec<f64>;
    let source = match view {
        ChartView::Overall | ChartView::Patterns | ChartView::Segments => {
            means = analysis
                .stats
                .iter()
                .map(|s| s.mean.unwrap_or(f64::NAN))
                .collect();
            MermaidSource::Curve {
                actor: "",
                scores: &means,
            }
        }
        ChartView::Pattern(number) => {
            let pattern = analysis
                .patterns
                .patterns
                .get(number.saturating_sub(1))
                .ok_or_else(|| format!("emograph: there is no pattern {number}"))?;
            MermaidSource::Curve {
                actor: "",
                scores: &pattern.mean,
            }
        }
        ChartView::Case(case_id) => {
            let index = journey
                .cases
                .iter()
                .position(|c| &c.id == case_id)
                .ok_or_else(|| format!("emograph: there is no case {case_id:?} in the journey"))?;
            MermaidSource::Case(index)
        }
        ChartView::Cases => MermaidSource::AllCases,
    };
    Ok(to_mermaid(journey, source))
}

fn pattern_params(k: &str) -> Result<PatternParams, String> {
    let k = parse_k(k.trim()).map_err(|e| format!("emograph: --k {e}"))?;
    Ok(PatternParams {
        k,
        ..PatternParams::default()
    })
}

/// Reads a journey (.ron), a CSV of cases or a Mermaid journey (.mmd), as the data verbs do.
/// Loads FILE, keeps `segment`'s cases when asked, and analyses them; the segments are still
/// compared over all cases.
fn analyse(
    path: &Path,
    csv: &CsvArgs,
    segment: Option<&str>,
    pattern_params: &PatternParams,
) -> Result<(Dataset, Analysis), String> {
    let text = |e: LoadError| e.to_string();
    let whole = load_input(path, csv, None).map_err(text)?;
    let Some(segment) = segment else {
        let analysis = Analysis::of(&whole, pattern_params, &CriticalParams::default());
        return Ok((whole, analysis));
    };
    let dataset = only_segment(&whole, path, segment).map_err(text)?;
    let analysis = Analysis::of_part(&dataset, &whole, pattern_params, &CriticalParams::default());
    Ok((dataset, analysis))
}
