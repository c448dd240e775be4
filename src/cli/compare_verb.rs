//! `emograph compare`: two waves (or two segments) touchpoint by touchpoint, with intervals,
//! p-values and Holm-corrected verdicts (see `analysis::compare` for the statistics).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use super::TableOrJson;
use super::data_verbs::{CsvArgs, load_input};
use super::table::{aligned, terminal_text};
use super::words::{cell, header};
use crate::analysis::{
    CompareParams, Comparison, Dataset, TestUsed, TouchpointComparison, Verdict, compare_groups,
};

/// What the two groups are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum GroupBy {
    /// Rounds of measurement (a case's `wave`; `--wave-column` / `--wave` for a CSV).
    #[default]
    Wave,
    /// Segments (platinum against regular).
    Segment,
}

/// Which test decides the verdicts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum TestChoice {
    /// Mann–Whitney for answers on a survey's few-step scale (a 1..5 or 0..10 source scale),
    /// else Welch.
    #[default]
    Auto,
    /// Welch's t-test (means, no equal-variance assumption).
    Welch,
    /// Mann–Whitney U (the order of the answers only).
    MannWhitney,
}

/// Options of `emograph compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The journey (.ron), cases (.csv) or Mermaid journey (.mmd) to compare.
    pub file: PathBuf,
    /// Compare waves or segments.
    #[arg(long, value_enum, default_value_t = GroupBy::Wave)]
    pub by: GroupBy,
    /// The earlier group (matched ignoring case). Default: with exactly two groups, the one
    /// that appears first.
    #[arg(long, value_name = "GROUP")]
    pub from: Option<String>,
    /// The later group. Default: with exactly two groups, the one that appears second.
    #[arg(long, value_name = "GROUP")]
    pub to: Option<String>,
    /// No verdict for a touchpoint with fewer cases than this in either group.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub min_n: usize,
    /// Which test decides the verdicts.
    #[arg(long, value_enum, default_value_t = TestChoice::Auto)]
    pub test: TestChoice,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
    pub format: TableOrJson,
    #[command(flatten)]
    pub csv_args: CsvArgs,
}

pub fn compare(args: &CompareArgs) -> ExitCode {
    let json = matches!(args.format, TableOrJson::Json);
    super::speaking_for(json, || match try_compare(args) {
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

fn try_compare(args: &CompareArgs) -> Result<String, String> {
    let dataset = load_input(&args.file, &args.csv_args, None).map_err(|e| e.to_string())?;
    let labels = match args.by {
        GroupBy::Wave => &dataset.waves,
        GroupBy::Segment => &dataset.segments,
    };
    let (from, to) = choose_groups(labels, args)?;
    let ordinal = match args.test {
        TestChoice::Welch => false,
        TestChoice::MannWhitney => true,
        TestChoice::Auto => few_step_scale(&dataset),
    };
    let params = CompareParams {
        min_n: args.min_n,
        ordinal,
        ..CompareParams::default()
    };
    let comparison = compare_groups(&dataset.matrix, labels, &from, &to, &params);
    Ok(match args.format {
        TableOrJson::Table => table(&dataset, &comparison, args.by),
        TableOrJson::Json => {
            let by = match args.by {
                GroupBy::Wave => "wave",
                GroupBy::Segment => "segment",
            };
            let head = super::json_contract::head(
                &dataset,
                &args.csv_args,
                json!({"by": by, "from": args.from, "to": args.to, "min_n": args.min_n}),
            );
            let body = to_json(&dataset, &comparison, args, &params);
            super::json_contract::to_text(super::json_contract::with_head(head, body))
        }
    })
}

/// The groups there are, in order of first appearance (trimmed; "Gold" is "gold").
fn groups_in_order(labels: &crate::analysis::Texts) -> Vec<String> {
    let mut seen: Vec<(String, String)> = Vec::new();
    for label in labels {
        let key = crate::analysis::compare::group_key(label);
        if !key.is_empty() && !seen.iter().any(|(k, _)| *k == key) {
            seen.push((key, label.trim().to_owned()));
        }
    }
    seen.into_iter().map(|(_, label)| label).collect()
}

fn choose_groups(
    labels: &crate::analysis::Texts,
    args: &CompareArgs,
) -> Result<(String, String), String> {
    let groups = groups_in_order(labels);
    // The catalogue chooses its words by `$by` ("wave" or "segment"): Hebrew's genders differ.
    let by = by_word(args.by);
    let listed = || {
        if groups.is_empty() {
            crate::tr!("cli-compare-no-group", by = by)
        } else {
            crate::tr!(
                "cli-compare-groups-are",
                by = by,
                list = groups
                    .iter()
                    .map(|g| format!("{g:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
    };
    let known = |name: &str| {
        let key = crate::analysis::compare::group_key(name);
        groups
            .iter()
            .any(|g| crate::analysis::compare::group_key(g) == key)
    };
    let (from, to) = match (&args.from, &args.to) {
        (Some(from), Some(to)) => (from.clone(), to.clone()),
        (None, None) if groups.len() == 2 => (groups[0].clone(), groups[1].clone()),
        _ => {
            return Err(crate::tr!(
                "cli-compare-name-two",
                by = by,
                listed = listed()
            ));
        }
    };
    for name in [&from, &to] {
        if !known(name) {
            return Err(crate::tr!(
                "cli-compare-unknown-group",
                by = by,
                name = format!("{name:?}"),
                listed = listed()
            ));
        }
    }
    if crate::analysis::compare::group_key(&from) == crate::analysis::compare::group_key(&to) {
        return Err(crate::tr!("cli-compare-same-group", by = by));
    }
    Ok((from, to))
}

/// The grouping as the catalogue's selectors name it.
fn by_word(by: GroupBy) -> &'static str {
    match by {
        GroupBy::Wave => "wave",
        GroupBy::Segment => "segment",
    }
}

/// A survey answered on a few steps (1..5, 0..10): the answers are ordered categories, not
/// measurements, so the rank test is the honest one.
fn few_step_scale(dataset: &Dataset) -> bool {
    crate::analysis::waves::compare_params_for(&dataset.journey).ordinal
}

fn number(value: f64) -> String {
    if value.is_finite() {
        format!("{value:+.2}")
    } else {
        "—".to_owned()
    }
}

fn mean(value: f64) -> String {
    if value.is_finite() {
        format!("{value:.2}")
    } else {
        "—".to_owned()
    }
}

fn p_value(p: Option<f64>) -> String {
    match p {
        Some(p) if p < 0.001 => "<0.001".to_owned(),
        Some(p) => format!("{p:.3}"),
        None => "—".to_owned(),
    }
}

/// The verdict in words; the reason for none comes from the statistics (in English).
fn verdict_words(c: &TouchpointComparison) -> String {
    match &c.verdict {
        Verdict::Better => crate::tr!("verdict-better"),
        Verdict::Worse => crate::tr!("verdict-worse"),
        Verdict::NotSignificant => crate::tr!("verdict-no-change"),
        Verdict::NoVerdict(why) => cell(crate::tr!("verdict-none", why = why.as_str())),
    }
}

fn test_name(test: TestUsed) -> String {
    match test {
        TestUsed::Welch => crate::tr!("cli-test-welch"),
        TestUsed::MannWhitney => crate::tr!("cli-test-mann-whitney"),
    }
}

fn table(dataset: &Dataset, comparison: &Comparison, by: GroupBy) -> String {
    let mut out = crate::tr!(
        "cli-compare-heading",
        by = by_word(by),
        from = terminal_text(&comparison.from).into_owned(),
        to = terminal_text(&comparison.to).into_owned(),
        from_cases = comparison.from_cases,
        to_cases = comparison.to_cases,
        test = test_name(comparison.test),
        tested = comparison.tested
    );
    out.push_str("\n\n");
    let mut rows = vec![header(&[
        "cli-th-touchpoint",
        "cli-th-n-from",
        "cli-th-mean",
        "cli-th-n-to",
        "cli-th-mean",
        "cli-th-difference",
        "cli-th-interval",
        "cli-th-p",
        "cli-th-p-corrected",
        "cli-th-verdict",
    ])];
    for c in &comparison.touchpoints {
        let name = dataset
            .journey
            .touchpoints
            .get(c.touchpoint)
            .map_or_else(|| format!("#{}", c.touchpoint + 1), |t| t.name.clone());
        let p = match comparison.test {
            TestUsed::Welch => c.welch_p,
            TestUsed::MannWhitney => c.mann_whitney_p,
        };
        rows.push(vec![
            name,
            c.from.n.to_string(),
            mean(c.from.mean),
            c.to.n.to_string(),
            mean(c.to.mean),
            number(c.difference),
            c.ci95.map_or_else(
                || "—".to_owned(),
                |(low, high)| format!("{} … {}", number(low), number(high)),
            ),
            p_value(p),
            p_value(c.p_adjusted),
            verdict_words(c),
        ]);
    }
    out.push_str(&aligned(&rows, 0, false));
    out
}

fn to_json(
    dataset: &Dataset,
    comparison: &Comparison,
    args: &CompareArgs,
    params: &CompareParams,
) -> Value {
    let group = |g: &crate::analysis::GroupSummary| json!({"n": g.n, "mean": g.mean, "sd": g.sd});
    let touchpoints: Vec<Value> = comparison
        .touchpoints
        .iter()
        .map(|c| {
            let tp = dataset.journey.touchpoints.get(c.touchpoint);
            json!({
                "touchpoint": tp.map(|t| t.id.as_str()),
                "touchpoint_name": tp.map(|t| t.name.as_str()),
                "from": group(&c.from),
                "to": group(&c.to),
                "difference": c.difference,
                "ci95": c.ci95.map(|(low, high)| [low, high]),
                "welch": c.welch_p.map(|p| json!({"t": c.welch_t, "df": c.welch_df, "p": p})),
                "mann_whitney": c.mann_whitney_p.map(|p| json!({"u": c.mann_whitney_u, "p": p})),
                "cohen_d": c.cohen_d,
                "rank_biserial": c.rank_biserial,
                "p_adjusted": c.p_adjusted,
                "verdict": c.verdict.label(),
                "reason": match &c.verdict {
                    Verdict::NoVerdict(why) => Some(why.as_str()),
                    _ => None,
                },
            })
        })
        .collect();
    json!({
        "by": match args.by { GroupBy::Wave => "wave", GroupBy::Segment => "segment" },
        "from": comparison.from,
        "to": comparison.to,
        "from_cases": comparison.from_cases,
        "to_cases": comparison.to_cases,
        "test": comparison.test.label(),
        "correction": "holm",
        "alpha": params.alpha,
        "min_n": params.min_n,
        "tested": comparison.tested,
        "touchpoints": touchpoints,
    })
}
