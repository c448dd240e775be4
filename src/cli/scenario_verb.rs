//! `emograph scenario`: as-is against to-be, per pattern and overall, for the journey's scenarios
//! (see `analysis::scenario` for the formulas).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use serde_json::{Value, json};

use super::TableOrJson;
use super::data_verbs::{CsvArgs, PatternCount, analyse_input};
use super::table::{aligned, terminal_text};
use super::words::{self, cell, header};
use crate::analysis::critical::Scope;
use crate::analysis::{Analysis, AnalysisSettings, ScenarioOutcome, scenario_outcome};
use crate::model::{ChangeKind, Journey};

/// Options of `emograph scenario`.
#[derive(Debug, Args)]
pub struct ScenarioArgs {
    /// The journey (.ron) whose scenarios to compute.
    pub file: PathBuf,
    /// Only this scenario (by id, or by name ignoring case). Default: every scenario.
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,
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

pub fn scenario(args: &ScenarioArgs) -> ExitCode {
    let json = matches!(args.format, TableOrJson::Json);
    super::speaking_for(json, || match try_scenario(args) {
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

fn try_scenario(args: &ScenarioArgs) -> Result<String, String> {
    let settings = AnalysisSettings {
        segment: args.segment.clone(),
        k: args.k.0,
        ..AnalysisSettings::default()
    };
    let analysis =
        analyse_input(&args.file, &args.csv_args, &settings).map_err(|e| e.to_string())?;
    let outcomes = outcomes(&analysis, args.scenario.as_deref())
        .map_err(|why| format!("emograph: {}: {why}", args.file.display()))?;
    let journey = &analysis.dataset.journey;
    Ok(match args.format {
        TableOrJson::Table => outcomes
            .iter()
            .map(|o| table(journey, o))
            .collect::<Vec<_>>()
            .join("\n"),
        TableOrJson::Json => {
            let head = super::json_contract::head(
                &analysis.dataset,
                &args.csv_args,
                json!({"segment": args.segment, "k": args.k.0, "scenario": args.scenario}),
            );
            let value = json!({
                "patterns": analysis.patterns.k,
                "scenarios": outcomes.iter().map(|o| to_json(journey, o)).collect::<Vec<_>>(),
            });
            super::json_contract::to_text(super::json_contract::with_head(head, value))
        }
    })
}

/// The outcome of the named scenario, or of all; a journey without scenarios, or a name it
/// does not have, is an error that says what there is.
pub fn outcomes(analysis: &Analysis, name: Option<&str>) -> Result<Vec<ScenarioOutcome>, String> {
    let journey = &analysis.dataset.journey;
    if journey.scenarios.is_empty() {
        return Err(crate::tr!("cli-scenario-none"));
    }
    let chosen: Vec<_> = match name {
        Some(name) => match journey.scenario(name) {
            Some(scenario) => vec![scenario],
            None => {
                let names: Vec<String> = journey
                    .scenarios
                    .iter()
                    .map(|s| format!("{:?} ({})", s.name, s.id))
                    .collect();
                return Err(crate::tr!(
                    "cli-scenario-unknown",
                    name = format!("{name:?}"),
                    list = names.join(", ")
                ));
            }
        },
        None => journey.scenarios.iter().collect(),
    };
    Ok(chosen
        .into_iter()
        .map(|s| scenario_outcome(analysis, s))
        .collect())
}

fn touchpoint_id(journey: &Journey, column: Option<usize>) -> Option<&str> {
    journey.touchpoints.get(column?).map(|t| t.id.as_str())
}

fn touchpoint_name(journey: &Journey, column: Option<usize>) -> String {
    column
        .and_then(|c| journey.touchpoints.get(c))
        .map_or_else(|| "?".to_owned(), |t| t.name.clone())
}

/// "prevent", "shorten response ×0.5", "amplify +1", "drawn for pattern 2".
pub fn change_words(kind: &ChangeKind) -> String {
    cell(match kind {
        ChangeKind::Prevent => crate::tr!("cli-change-prevent"),
        // Rust's own spelling of the number ("0.5", "1"), as the journey file writes it.
        ChangeKind::ShortenResponse { factor } => {
            crate::tr!("cli-change-shorten", factor = factor.to_string())
        }
        ChangeKind::Amplify { by } => crate::tr!("cli-change-amplify", by = by.to_string()),
        ChangeKind::Drawn {
            pattern: Some(p), ..
        } => crate::tr!("cli-change-drawn-pattern", id = *p),
        ChangeKind::Drawn { pattern: None, .. } => crate::tr!("cli-change-drawn-all"),
    })
}

fn scopes_words(scopes: &[Scope]) -> String {
    if scopes.is_empty() {
        return "—".to_owned();
    }
    scopes
        .iter()
        .map(|&s| words::scope_words(s))
        .collect::<Vec<_>>()
        .join(", ")
}

fn number(value: f64) -> String {
    if value.is_finite() {
        format!("{value:+.2}")
    } else {
        "—".to_owned()
    }
}

fn share(value: f64) -> String {
    if value.is_finite() {
        format!("{:.0}%", value * 100.0)
    } else {
        "—".to_owned()
    }
}

fn table(journey: &Journey, outcome: &ScenarioOutcome) -> String {
    let mut out = crate::tr!(
        "cli-scenario-heading",
        name = terminal_text(&outcome.name).into_owned(),
        id = terminal_text(&outcome.scenario_id).into_owned(),
        n = outcome.changes.len()
    );
    out.push_str("\n\n");
    let mut rows = vec![header(&[
        "cli-th-touchpoint",
        "cli-th-change-kind",
        "cli-th-from-flag",
        "cli-th-cases-changed",
        "cli-th-critical-before",
        "cli-th-critical-after",
    ])];
    for change in &outcome.changes {
        let mut what = change_words(&change.kind);
        if let Some(note) = &change.note {
            what.push_str(&format!(" ({note})"));
        }
        rows.push(vec![
            touchpoint_name(journey, change.touchpoint),
            what,
            change.from_flag.clone().unwrap_or_else(|| "—".to_owned()),
            change.cases_changed.to_string(),
            scopes_words(&change.critical_before),
            scopes_words(&change.critical_after),
        ]);
    }
    out.push_str(&aligned(&rows, 2, false));
    out.push('\n');
    let mut rows = vec![
        std::iter::once(String::new())
            .chain(header(&[
                "cli-th-cases",
                "cli-th-mean",
                "cli-th-to-be",
                "cli-th-remembered",
                "cli-th-to-be",
                "cli-th-ending-angry",
                "cli-th-to-be",
            ]))
            .collect::<Vec<_>>(),
    ];
    for scope in &outcome.scopes {
        let name = words::scope_words(scope.scope);
        rows.push(vec![
            name,
            scope.cases.to_string(),
            number(scope.mean_before),
            number(scope.mean_after),
            number(scope.remembered_before),
            number(scope.remembered_after),
            share(scope.angry_end_before),
            share(scope.angry_end_after),
        ]);
    }
    out.push_str(&aligned(&rows, 2, true));
    out.push_str(&format!("\n  {}\n", crate::tr!("cli-scenario-footnote")));
    out
}

fn to_json(journey: &Journey, outcome: &ScenarioOutcome) -> Value {
    let scope_name = |scope: &Scope| scope.to_string();
    let changes: Vec<Value> = outcome
        .changes
        .iter()
        .map(|c| {
            let (factor, by, pattern, curve) = match &c.kind {
                ChangeKind::Prevent => (None, None, None, None),
                ChangeKind::ShortenResponse { factor } => (Some(*factor), None, None, None),
                ChangeKind::Amplify { by } => (None, Some(*by), None, None),
                ChangeKind::Drawn { pattern, curve } => (None, None, *pattern, Some(curve)),
            };
            json!({
                "touchpoint": touchpoint_id(journey, c.touchpoint),
                "touchpoint_name": c.touchpoint.and_then(|t| journey.touchpoints.get(t)).map(|t| t.name.as_str()),
                "kind": c.kind.label(),
                "factor": factor,
                "by": by,
                "pattern": pattern,
                "curve": curve,
                "from_flag": c.from_flag,
                "cases_changed": c.cases_changed,
                "critical_before": c.critical_before.iter().map(scope_name).collect::<Vec<_>>(),
                "critical_after": c.critical_after.iter().map(scope_name).collect::<Vec<_>>(),
                "note": c.note,
            })
        })
        .collect();
    let scopes: Vec<Value> = outcome
        .scopes
        .iter()
        .map(|s| {
            let curve: Vec<Value> = journey
                .touchpoints
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    json!({
                        "touchpoint": t.id,
                        "before": s.curve_before.get(i).copied().filter(|v| v.is_finite()),
                        "after": s.curve_after.get(i).copied().filter(|v| v.is_finite()),
                    })
                })
                .collect();
            let pair = |before: f64, after: f64| {
                json!({
                    "before": Some(before).filter(|v| v.is_finite()),
                    "after": Some(after).filter(|v| v.is_finite()),
                })
            };
            json!({
                "scope": scope_name(&s.scope),
                "cases": s.cases,
                "mean": pair(s.mean_before, s.mean_after),
                "remembered": pair(s.remembered_before, s.remembered_after),
                "ending_angry": pair(s.angry_end_before, s.angry_end_after),
                "curve": curve,
            })
        })
        .collect();
    let critical: Vec<Value> = outcome
        .critical_after
        .points
        .iter()
        .map(|p| {
            json!({
                "scope": scope_name(&p.scope),
                "rank": p.rank,
                "touchpoint": touchpoint_id(journey, Some(p.touchpoint)),
                "kind": p.kind.label(),
                "value": p.value,
                "score": p.score,
            })
        })
        .collect();
    json!({
        "id": outcome.scenario_id,
        "name": outcome.name,
        "changes": changes,
        "scopes": scopes,
        "critical_after": critical,
    })
}
