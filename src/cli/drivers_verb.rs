//! `emograph drivers`: which touchpoints drive the outcome (see `analysis::drivers` for the
//! figures), then the outcome rate per pattern and segment, then how well each summary of a
//! case's curve predicts it.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use serde_json::{Value, json};

use super::TableOrJson;
use super::data_verbs::{CsvArgs, PatternCount, analyse_scores};
use super::table::aligned;
use super::words::{self, cell, header};
use crate::analysis::{Analysis, AnalysisSettings, Drivers};
use crate::model::OutcomeRule;

/// Options of `emograph drivers`.
#[derive(Debug, Args)]
pub struct DriversArgs {
    /// The journey (.ron, imported with --outcome) or cases (.csv, .xlsx … with --outcome).
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
    pub format: TableOrJson,
    /// Number of patterns for the rate per pattern, or auto, as for `emograph patterns`.
    #[arg(long, default_value = "auto", value_name = "N|auto")]
    pub k: PatternCount,
    /// Only the cases of this segment (matched ignoring case).
    #[arg(long)]
    pub segment: Option<String>,
    #[command(flatten)]
    pub csv_args: CsvArgs,
}

pub fn drivers(args: &DriversArgs) -> ExitCode {
    let json = matches!(args.format, TableOrJson::Json);
    super::speaking_for(json, || match try_drivers(args) {
        Ok(text) => super::print_out(&text),
        Err(message) => {
            if json {
                print!("{}", super::json_contract::message_error(&message));
            }
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    })
}

fn try_drivers(args: &DriversArgs) -> Result<String, String> {
    let settings = AnalysisSettings {
        k: args.k.0,
        segment: args.segment.clone(),
        ..AnalysisSettings::default()
    };
    let analysis =
        analyse_scores(&args.file, &args.csv_args, &settings).map_err(|e| e.to_string())?;
    let Some(drivers) = &analysis.drivers else {
        return Err(crate::tr!(
            "cli-drivers-no-outcome",
            file = args.file.display().to_string()
        ));
    };
    if drivers.n == 0 {
        return Err(crate::tr!(
            "cli-drivers-no-values",
            file = args.file.display().to_string(),
            column = format!("{:?}", drivers.outcome.name)
        ));
    }
    Ok(match args.format {
        TableOrJson::Table => table(&analysis, drivers),
        TableOrJson::Json => {
            let head = super::json_contract::head(
                &analysis.dataset,
                &args.csv_args,
                json!({"segment": args.segment, "k": args.k.0}),
            );
            let value = super::json_contract::with_head(head, to_json(&analysis, drivers));
            super::json_contract::to_text(value)
        }
    })
}

/// Four decimals for AUCs and shares, two for points: what a reader compares.
fn fixed(value: Option<f64>, decimals: usize) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.decimals$}"))
}

fn favourable_words(drivers: &Drivers) -> String {
    let name = drivers.outcome.name.as_str();
    match &drivers.outcome.rule {
        OutcomeRule::Values(values) => {
            let or = format!(" {} ", crate::tr!("cli-drivers-or"));
            crate::tr!("cli-drivers-is", name = name, values = values.join(&or))
        }
        OutcomeRule::AtLeast(n) => format!("{name} ≥ {n}"),
        OutcomeRule::YesNo => crate::tr!("cli-drivers-is-yes", name = name),
    }
}

/// A summary's name as the table says it: the core's names, with the two that need it spelt
/// out.
fn summary_words(name: &str) -> String {
    match name {
        "mean" => crate::tr!("cli-summary-mean"),
        "worst" => crate::tr!("cli-summary-worst"),
        "last" => crate::tr!("cli-summary-last"),
        "peak_end" => crate::tr!("cli-summary-peak-end"),
        "regression" => crate::tr!("cli-summary-regression"),
        other => other.to_owned(),
    }
}

/// A group's label in the language in force: the core names a pattern's group "pattern N"
/// (the JSON keeps that), a segment's by the segment.
fn group_words(label: &str) -> String {
    label
        .strip_prefix("pattern ")
        .and_then(|id| id.parse::<usize>().ok())
        .map_or_else(|| label.to_owned(), words::pattern)
}

fn table(analysis: &Analysis, drivers: &Drivers) -> String {
    let journey = &analysis.dataset.journey;
    let mut out = crate::tr!(
        "cli-drivers-heading",
        name = format!("{:?}", drivers.outcome.name),
        favourable = favourable_words(drivers),
        good = drivers.n_favourable,
        n = drivers.n,
        percent = format!(
            "{:.1}",
            100.0 * drivers.n_favourable as f64 / drivers.n.max(1) as f64
        )
    );
    out.push_str("\n\n");
    let mut order: Vec<&crate::analysis::drivers::TouchpointDriver> =
        drivers.touchpoints.iter().collect();
    order.sort_by_key(|t| (t.rank.unwrap_or(usize::MAX), t.touchpoint));
    let mut rows = vec![header(&[
        "cli-th-rank",
        "cli-th-touchpoint",
        "cli-th-auc",
        "cli-th-gap",
        "cli-th-mean-fav",
        "cli-th-mean-unfav",
        "cli-th-bottom-box-unfav",
        "cli-th-n-fav",
        "cli-th-n-unfav",
    ])];
    for t in order {
        let name = journey
            .touchpoints
            .get(t.touchpoint)
            .map_or("", |tp| tp.name.as_str());
        rows.push(vec![
            t.rank.map_or_else(|| "–".to_owned(), |r| r.to_string()),
            name.to_owned(),
            fixed(t.auc, 4),
            fixed(t.gap, 2),
            fixed(t.mean_favourable, 2),
            fixed(t.mean_unfavourable, 2),
            fixed(t.bottom_box_unfavourable.map(|s| 100.0 * s), 1) + " %",
            t.n_favourable.to_string(),
            t.n_unfavourable.to_string(),
        ]);
    }
    out.push_str(&aligned(&rows, 0, false));
    out.push_str(&format!("\n{}\n", crate::tr!("cli-drivers-predicts")));
    let mut rows = vec![header(&[
        "cli-th-summary",
        "cli-th-auc",
        "cli-th-correlation",
        "cli-th-n",
    ])];
    for s in &drivers.summaries {
        rows.push(vec![
            summary_words(s.name),
            fixed(s.auc, 4),
            fixed(s.correlation, 4),
            s.n.to_string(),
        ]);
    }
    out.push_str(&aligned(&rows, 2, false));
    if !journey.in_time_order {
        out.push_str(&format!("  {}\n", crate::tr!("cli-drivers-unordered")));
    }
    for (title, groups) in [
        (crate::tr!("cli-drivers-rate-pattern"), &drivers.patterns),
        (crate::tr!("cli-drivers-rate-segment"), &drivers.segments),
    ] {
        if groups.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{title}\n"));
        let rows: Vec<Vec<String>> = groups
            .iter()
            .map(|g| {
                vec![
                    group_words(&g.label),
                    fixed(g.favourable_share.map(|s| 100.0 * s), 1) + " %",
                    cell(crate::tr!("cli-drivers-group-n", n = g.n)),
                ]
            })
            .collect();
        out.push_str(&aligned(&rows, 2, false));
    }
    out
}

/// `drivers --format json` (schema in the README).
fn to_json(analysis: &Analysis, drivers: &Drivers) -> Value {
    let journey = &analysis.dataset.journey;
    let rule = match &drivers.outcome.rule {
        OutcomeRule::Values(values) => json!({"values": values}),
        OutcomeRule::AtLeast(n) => json!({"at_least": n}),
        OutcomeRule::YesNo => json!({"yes_no": true}),
    };
    let touchpoints: Vec<Value> = drivers
        .touchpoints
        .iter()
        .map(|t| {
            let tp = journey.touchpoints.get(t.touchpoint);
            json!({
                "touchpoint": tp.map(|x| x.id.as_str()),
                "touchpoint_name": tp.map(|x| x.name.as_str()),
                "rank": t.rank,
                "auc": t.auc,
                "gap": t.gap,
                "mean_favourable": t.mean_favourable,
                "mean_unfavourable": t.mean_unfavourable,
                "bottom_box_unfavourable": t.bottom_box_unfavourable,
                "n_favourable": t.n_favourable,
                "n_unfavourable": t.n_unfavourable,
            })
        })
        .collect();
    let summaries: Vec<Value> = drivers
        .summaries
        .iter()
        .map(|s| json!({"summary": s.name, "auc": s.auc, "correlation": s.correlation, "n": s.n}))
        .collect();
    let groups = |groups: &[crate::analysis::drivers::GroupRate]| -> Vec<Value> {
        groups
            .iter()
            .map(|g| json!({"label": g.label, "n": g.n, "favourable_share": g.favourable_share}))
            .collect()
    };
    json!({
        "outcome": {"name": drivers.outcome.name, "favourable": rule},
        "cases": analysis.dataset.case_ids.len(),
        "cases_with_outcome": drivers.n,
        "favourable": drivers.n_favourable,
        "scale": journey.scale.source.as_ref().map(|s| json!({"min": s.min, "max": s.max})),
        "in_time_order": journey.in_time_order,
        "segment": analysis.settings.segment,
        "min_per_group": crate::analysis::DriverParams::default().min_per_group,
        "touchpoints": touchpoints,
        "summaries": summaries,
        "patterns": groups(&drivers.patterns),
        "segments": groups(&drivers.segments),
    })
}
