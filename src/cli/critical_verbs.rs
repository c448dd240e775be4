//! `emograph critical` and `emograph owners`: critical points, and who owns them.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use super::data_verbs::{CsvArgs, PatternCount, analyse_input, analyse_scores};
use super::table::{display_width, terminal_text};
use super::words::{self, cell, header};
use crate::analysis::{
    AnalysisSettings, CriticalParams, CriticalPoint, CriticalReport, owner_view,
};
use crate::model::{Flag, Journey, Metric, Status};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum TableOrJson {
    /// Aligned columns for people.
    #[default]
    Table,
    /// Stable JSON for scripts (documented in the README).
    Json,
}

/// Options of `emograph critical`.
#[derive(Debug, Args)]
pub struct CriticalArgs {
    /// The journey (.ron), cases (.csv) or Mermaid journey (.mmd) to analyse.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
    pub format: TableOrJson,
    /// Number of patterns, or auto (chosen by silhouette), as for `emograph patterns`.
    #[arg(long, default_value = "auto", value_name = "N|auto")]
    pub k: PatternCount,
    /// Only the cases of this segment (matched ignoring case).
    #[arg(long)]
    pub segment: Option<String>,
    #[command(flatten)]
    pub csv_args: CsvArgs,
}

/// Options of `emograph owners`.
#[derive(Debug, Args)]
pub struct OwnersArgs {
    /// The journey (.ron), Mermaid journey (.mmd) or cases (.csv, .xlsx …).
    pub file: PathBuf,
    /// Only this owner (by id).
    #[arg(long)]
    pub owner: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
    pub format: TableOrJson,
    /// Number of patterns, or auto, for the critical points.
    #[arg(long, default_value = "auto", value_name = "N|auto")]
    pub k: PatternCount,
    /// Only the cases of this segment (matched ignoring case).
    #[arg(long)]
    pub segment: Option<String>,
    /// A CSV has no owners, but its critical points and touchpoints are listed as unowned;
    /// read with the same options as every data verb.
    #[command(flatten)]
    pub csv_args: CsvArgs,
}

pub fn critical(args: &CriticalArgs) -> ExitCode {
    let json = matches!(args.format, TableOrJson::Json);
    super::speaking_for(json, || finish(try_critical(args), json))
}

pub fn owners(args: &OwnersArgs) -> ExitCode {
    let json = matches!(args.format, TableOrJson::Json);
    super::speaking_for(json, || finish(try_owners(args), json))
}

/// Prints the answer, or the refusal (on standard error, and as JSON on standard output when
/// JSON was asked for).
fn finish(result: Result<String, String>, json: bool) -> ExitCode {
    match result {
        Ok(text) => super::print_out(&text),
        Err(message) => {
            if json {
                print!("{}", super::json_contract::message_error(&message));
            }
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn try_critical(args: &CriticalArgs) -> Result<String, String> {
    let analysis = analyse_scores(&args.file, &args.csv_args, &settings(args.k, &args.segment))
        .map_err(|e| e.to_string())?;
    let report = &analysis.critical;
    let journey = &analysis.dataset.journey;
    Ok(match args.format {
        TableOrJson::Json => {
            let head = super::json_contract::head(
                &analysis.dataset,
                &args.csv_args,
                json!({"segment": args.segment, "k": args.k.0}),
            );
            let value = json!({
                "points": report.points.iter().map(|p| point_json(journey, p)).collect::<Vec<_>>(),
                "prone": report.prone.iter().map(|p| json!({
                    "touchpoint": touchpoint_id(journey, p.touchpoint),
                    "touchpoint_name": touchpoint_name(journey, p.touchpoint),
                    "n": p.n,
                    "mean": p.mean,
                    "share_angry": p.share_angry,
                    "spread": p.spread,
                    "angry": p.angry,
                    "inconsistent": p.inconsistent,
                })).collect::<Vec<_>>(),
            });
            to_json(super::json_contract::with_head(head, value))?
        }
        TableOrJson::Table => critical_table(journey, report, &analysis.settings.critical),
    })
}

fn try_owners(args: &OwnersArgs) -> Result<String, String> {
    let analysis = analyse_input(&args.file, &args.csv_args, &settings(args.k, &args.segment))
        .map_err(|e| e.to_string())?;
    let journey = &analysis.dataset.journey;
    if let Some(id) = &args.owner
        && journey.owner(id).is_none()
    {
        let known: Vec<&str> = journey.owners.iter().map(|o| o.id.as_str()).collect();
        return Err(crate::tr!(
            "cli-owners-unknown",
            file = args.file.display().to_string(),
            id = format!("{id:?}"),
            owners = if known.is_empty() {
                words::none()
            } else {
                known.join(", ")
            }
        ));
    }
    let view = owner_view(journey, &analysis.critical, args.owner.as_deref());
    let touchpoint_list = |indices: &[usize]| -> Vec<Value> {
        indices
            .iter()
            .map(|&i| json!({"id": touchpoint_id(journey, i), "name": touchpoint_name(journey, i)}))
            .collect()
    };
    Ok(match args.format {
        TableOrJson::Json => {
            let owners: Vec<Value> = view
                .owners
                .iter()
                .map(|entry| {
                    json!({
                        "id": entry.owner.id,
                        "name": entry.owner.name,
                        "role": entry.owner.role,
                        "process": entry.owner.process,
                        "touchpoints": touchpoint_list(&entry.touchpoints),
                        "critical": entry.critical.iter().map(|p| point_json(journey, p)).collect::<Vec<_>>(),
                        "metrics": entry.metrics.iter().map(|m| metric_json(m)).collect::<Vec<_>>(),
                        "flags": entry.flags.iter().map(|f| flag_json(journey, f)).collect::<Vec<_>>(),
                    })
                })
                .collect();
            let head = super::json_contract::head(
                &analysis.dataset,
                &args.csv_args,
                json!({"segment": args.segment, "k": args.k.0, "owner": args.owner}),
            );
            let value = json!({
                "owners": owners,
                "unowned": {
                    "touchpoints": touchpoint_list(&view.unowned.touchpoints),
                    "critical": view.unowned.critical.iter().map(|p| point_json(journey, p)).collect::<Vec<_>>(),
                    "flags": view.unowned.flags.iter().map(|f| flag_json(journey, f)).collect::<Vec<_>>(),
                },
            });
            to_json(super::json_contract::with_head(head, value))?
        }
        TableOrJson::Table => {
            let mut out = String::new();
            for entry in &view.owners {
                let owner = entry.owner;
                // Names come from the file: shown, never obeyed by the terminal.
                let mut heading = format!(
                    "{} ({})",
                    terminal_text(&owner.name),
                    terminal_text(&owner.id)
                );
                if !owner.role.is_empty() {
                    heading.push_str(&format!(" · {}", terminal_text(&owner.role)));
                }
                if !owner.process.is_empty() {
                    heading.push_str(" · ");
                    heading.push_str(&cell(crate::tr!(
                        "cli-owner-owns",
                        process = terminal_text(&owner.process).into_owned()
                    )));
                }
                out.push_str(&underlined(&heading));
                out.push_str(&touchpoints_line(journey, &entry.touchpoints));
                section(
                    &mut out,
                    &crate::tr!("cli-section-critical"),
                    &points_rows(journey, &entry.critical),
                );
                section(
                    &mut out,
                    &crate::tr!("cli-section-metrics"),
                    &metric_rows(&entry.metrics),
                );
                section(
                    &mut out,
                    &crate::tr!("cli-section-actions"),
                    &flag_rows(journey, &entry.flags),
                );
                out.push('\n');
            }
            let unowned = &view.unowned;
            out.push_str(&underlined(&crate::tr!("cli-unowned")));
            out.push_str(&touchpoints_line(journey, &unowned.touchpoints));
            section(
                &mut out,
                &crate::tr!("cli-section-critical"),
                &points_rows(journey, &unowned.critical),
            );
            section(
                &mut out,
                &crate::tr!("cli-section-flags"),
                &flag_rows(journey, &unowned.flags),
            );
            out
        }
    })
}

/// A heading over a line of `=` as wide as it shows.
fn underlined(heading: &str) -> String {
    format!("{heading}\n{}\n", "=".repeat(display_width(heading)))
}

/// The verb's `--k` and `--segment` as the one analysis setting, so `pattern:N` here is the
/// pattern N of `emograph patterns` and of the charts.
fn settings(k: PatternCount, segment: &Option<String>) -> AnalysisSettings {
    AnalysisSettings {
        k: k.0,
        segment: segment.clone(),
        ..AnalysisSettings::default()
    }
}

/// The answer as JSON text, its numbers rounded by the contract's one rule.
fn to_json(value: Value) -> Result<String, String> {
    Ok(super::json_contract::to_text(value))
}

/// Four decimals are plenty for a metric's figures in the owners table (the JSON keeps the
/// contract's precision).
fn round(x: f64) -> f64 {
    if x.is_finite() {
        (x * 10_000.0).round() / 10_000.0
    } else {
        0.0
    }
}

fn touchpoint_id(journey: &Journey, index: usize) -> String {
    journey
        .touchpoints
        .get(index)
        .map_or_else(|| format!("#{}", index + 1), |t| t.id.clone())
}

fn touchpoint_name(journey: &Journey, index: usize) -> String {
    journey
        .touchpoints
        .get(index)
        .map_or_else(|| format!("#{}", index + 1), |t| t.name.clone())
}

/// Metrics that measure the touchpoint at `index`.
fn metrics_at(journey: &Journey, index: usize) -> Vec<&Metric> {
    let id = touchpoint_id(journey, index);
    journey
        .metrics
        .iter()
        .filter(|m| m.touchpoints.contains(&id))
        .collect()
}

/// The team's flag for this point (same touchpoint and direction); unfinished ones first.
fn flag_at<'a>(journey: &'a Journey, point: &CriticalPoint) -> Option<&'a Flag> {
    let id = touchpoint_id(journey, point.touchpoint);
    let mut flags: Vec<&Flag> = journey
        .flags
        .iter()
        .filter(|f| f.touchpoint == id && f.kind == point.kind)
        .collect();
    flags.sort_by_key(|f| Status::ALL.iter().position(|&s| s == f.status));
    flags.first().copied()
}

fn point_json(journey: &Journey, point: &CriticalPoint) -> Value {
    let owner = journey
        .touchpoints
        .get(point.touchpoint)
        .and_then(|t| t.owner.as_deref())
        .map(|id| json!({"id": id, "name": journey.owner(id).map(|o| o.name.as_str())}));
    json!({
        "scope": point.scope.to_string(),
        "touchpoint": touchpoint_id(journey, point.touchpoint),
        "touchpoint_name": touchpoint_name(journey, point.touchpoint),
        "kind": point.kind.label(),
        "turning": point.turning.iter().map(|k| k.label()).collect::<Vec<_>>(),
        "value": point.value,
        "depth": point.depth,
        "delta": point.delta,
        "share_of_cases": point.share_of_cases,
        "score": point.score,
        "rank": point.rank,
        "parts": {
            "depth": point.parts.depth,
            "sharpness": point.parts.sharpness,
            "share": point.parts.share,
            "end": point.parts.end,
        },
        "owner": owner,
        "metrics": metrics_at(journey, point.touchpoint).into_iter().map(metric_json).collect::<Vec<_>>(),
        "flag": flag_at(journey, point).map(|f| json!({
            "id": f.id,
            "status": f.status.label(),
            "action": f.action.label(),
            "owner": f.owner,
            "due": f.due,
        })),
    })
}

fn metric_json(metric: &Metric) -> Value {
    json!({
        "id": metric.id,
        "name": metric.name,
        "unit": metric.unit,
        "level": metric.level.label(),
        "current": metric.current_value(),
        "target": metric.target,
        "gap": metric.gap(),
        "on_track": metric.on_track(),
        "sla": metric.sla,
        "owner": metric.owner,
        "history": metric
            .history
            .iter()
            .map(|v| json!({"date": v.date, "value": v.value}))
            .collect::<Vec<_>>(),
    })
}

fn flag_json(journey: &Journey, flag: &Flag) -> Value {
    json!({
        "id": flag.id,
        "touchpoint": flag.touchpoint,
        "touchpoint_name": journey.touchpoint(&flag.touchpoint).map(|t| t.name.as_str()),
        "kind": flag.kind.label(),
        "owner": flag.owner,
        "action": flag.action.label(),
        "action_text": flag.action_text,
        "note": flag.note,
        "metrics": flag.metrics,
        "due": flag.due,
        "status": flag.status.label(),
        "detected": flag.detected,
    })
}

/// The table, its heading naming the weights the points were scored with.
fn critical_table(journey: &Journey, report: &CriticalReport, params: &CriticalParams) -> String {
    let mut out = String::new();
    let defaults = params;
    let weight = |w: f64| format!("{w:.2}");
    out.push_str(&crate::tr!(
        "cli-critical-heading",
        depth = weight(defaults.weight_depth),
        sharpness = weight(defaults.weight_sharpness),
        share = weight(defaults.weight_share),
        end = weight(defaults.weight_end),
        from = weight(defaults.min_score)
    ));
    out.push('\n');
    let points: Vec<&CriticalPoint> = report.points.iter().collect();
    if points.is_empty() {
        out.push_str(&format!("  {}\n", words::none()));
    } else {
        let mut rows = vec![header(&[
            "cli-th-scope",
            "cli-th-rank",
            "cli-th-touchpoint",
            "cli-th-kind",
            "cli-th-turning",
            "cli-th-mean",
            "cli-th-change",
            "cli-th-cases",
            "cli-th-score",
            "cli-th-owner",
            "cli-th-flag",
        ])];
        for point in &points {
            let owner = journey
                .touchpoints
                .get(point.touchpoint)
                .and_then(|t| t.owner.as_deref())
                .map(|id| journey.owner(id).map_or(id, |o| o.name.as_str()))
                .unwrap_or("—");
            let flag =
                flag_at(journey, point).map_or_else(|| "—".to_owned(), |f| words::status(f.status));
            rows.push(vec![
                words::scope_id(point.scope),
                point.rank.to_string(),
                touchpoint_name(journey, point.touchpoint),
                words::kind(point.kind),
                words::turns(point),
                format!("{:+.1}", point.value),
                format!("{:+.1}", point.delta),
                format!("{:.0}%", point.share_of_cases * 100.0),
                format!("{:.2}", point.score),
                owner.to_owned(),
                flag,
            ]);
        }
        out.push_str(&super::table::aligned(&rows, 2, false));
    }
    out.push_str(&format!("\n{}\n", crate::tr!("cli-prone-heading")));
    if report.prone.is_empty() {
        out.push_str(&format!("  {}\n", words::none()));
    } else {
        let mut rows = vec![header(&[
            "cli-th-touchpoint",
            "cli-th-cases",
            "cli-th-mean",
            "cli-th-angry",
            "cli-th-spread",
            "cli-th-why",
        ])];
        for prone in &report.prone {
            let mut why = Vec::new();
            if prone.angry {
                why.push(crate::tr!("cli-why-angry"));
            }
            if prone.inconsistent {
                why.push(crate::tr!("cli-why-inconsistent"));
            }
            rows.push(vec![
                touchpoint_name(journey, prone.touchpoint),
                prone.n.to_string(),
                format!("{:+.1}", prone.mean),
                format!("{:.0}%", prone.share_angry * 100.0),
                format!("{:.1}", prone.spread),
                why.join(", "),
            ]);
        }
        out.push_str(&super::table::aligned(&rows, 2, false));
    }
    out
}

fn points_rows(journey: &Journey, points: &[&CriticalPoint]) -> Vec<Vec<String>> {
    let mut rows = vec![header(&[
        "cli-th-scope",
        "cli-th-rank",
        "cli-th-touchpoint",
        "cli-th-kind",
        "cli-th-turning",
        "cli-th-mean",
        "cli-th-change",
        "cli-th-cases",
        "cli-th-score",
        "cli-th-flag",
    ])];
    for point in points {
        rows.push(vec![
            words::scope_id(point.scope),
            point.rank.to_string(),
            touchpoint_name(journey, point.touchpoint),
            words::kind(point.kind),
            words::turns(point),
            format!("{:+.1}", point.value),
            format!("{:+.1}", point.delta),
            format!("{:.0}%", point.share_of_cases * 100.0),
            format!("{:.2}", point.score),
            flag_at(journey, point).map_or_else(|| "—".to_owned(), |f| words::status(f.status)),
        ]);
    }
    rows
}

fn metric_rows(metrics: &[&Metric]) -> Vec<Vec<String>> {
    let number = |v: Option<f64>, unit: &str| {
        v.map_or_else(
            || "—".to_owned(),
            |v| format!("{} {unit}", round(v)).trim_end().to_owned(),
        )
    };
    let mut rows = vec![header(&[
        "cli-th-metric",
        "cli-th-level",
        "cli-th-current",
        "cli-th-target",
        "cli-th-gap",
        "cli-th-on-track",
        "cli-th-sla",
    ])];
    for m in metrics {
        rows.push(vec![
            m.name.clone(),
            words::level(m.level),
            number(m.current_value(), &m.unit),
            number(m.target, &m.unit),
            number(m.gap(), &m.unit),
            words::yes_no(m.on_track()),
            m.sla.clone(),
        ]);
    }
    rows
}

fn flag_rows(journey: &Journey, flags: &[&Flag]) -> Vec<Vec<String>> {
    let mut rows = vec![header(&[
        "cli-th-status",
        "cli-th-touchpoint",
        "cli-th-kind",
        "cli-th-action",
        "cli-th-due",
        "cli-th-agreed",
    ])];
    for f in flags {
        let agreed = if f.action_text.is_empty() {
            &f.note
        } else {
            &f.action_text
        };
        rows.push(vec![
            words::status(f.status),
            journey
                .touchpoint(&f.touchpoint)
                .map_or(f.touchpoint.clone(), |t| t.name.clone()),
            words::kind(f.kind),
            words::action(f.action),
            f.due.clone().unwrap_or_else(|| "—".to_owned()),
            agreed.clone(),
        ]);
    }
    rows
}

/// A titled table, or "title: none" when it has only its header row.
fn section(out: &mut String, title: &str, rows: &[Vec<String>]) {
    if rows.len() <= 1 {
        out.push_str(&format!("{title}: {}\n", words::none()));
    } else {
        out.push_str(&format!("{title}:\n"));
        out.push_str(&super::table::aligned(rows, 2, false));
    }
}

/// `Touchpoints: A, B` (or `none`), one line.
/// "Touchpoints: A, B" (or "none") for the touchpoints at these indices.
fn touchpoints_line(journey: &Journey, touchpoints: &[usize]) -> String {
    let names: Vec<String> = touchpoints
        .iter()
        .map(|&i| terminal_text(&touchpoint_name(journey, i)).into_owned())
        .collect();
    let list = if names.is_empty() {
        words::none()
    } else {
        names.join(", ")
    };
    format!("{}\n", crate::tr!("cli-touchpoints-line", list = list))
}
