//! Statistics and patterns as CSV, one row per touchpoint (per pattern), for spreadsheets.
//!
//! Every text cell (ids, names, phases, segments, case ids) goes through [`text_cell`], the one
//! CSV escape: the `csv` writer quotes separators and quotes, and a cell a spreadsheet would
//! evaluate as a formula gets a leading `'` (OWASP's advice against CSV injection). Numbers are
//! written by [`number`] and never prefixed, so `-2.5` stays a number.

use crate::analysis::{Dataset, Patterns, SegmentStats, TouchpointStats};
use crate::model::Journey;

/// Per-touchpoint statistics: `touchpoint_id, touchpoint, phase, n, mean, median, q1, q3, min,
/// max, std, share_negative, share_angry`; an undefined figure is an empty cell.
pub fn stats_csv(journey: &Journey, stats: &[TouchpointStats]) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "touchpoint_id",
        "touchpoint",
        "phase",
        "n",
        "mean",
        "median",
        "q1",
        "q3",
        "min",
        "max",
        "std",
        "share_negative",
        "share_angry",
    ])?;
    for (touchpoint, stat) in journey.touchpoints.iter().zip(stats) {
        let mut record = vec![
            text_cell(&touchpoint.id),
            text_cell(&touchpoint.name),
            text_cell(&phase_name(journey, &touchpoint.phase)),
            stat.n.to_string(),
        ];
        record.extend(
            [
                stat.mean,
                stat.median,
                stat.q1,
                stat.q3,
                stat.min,
                stat.max,
                stat.std,
                stat.share_negative,
                stat.share_angry,
            ]
            .map(number),
        );
        writer.write_record(&record)?;
    }
    finish(writer)
}

/// Each pattern's curve, one row per pattern and touchpoint: `pattern, share, cases,
/// representative_case, touchpoint_id, touchpoint, mean, q1, q3` (long format, so a pivot table
/// or a chart can take it as it is).
pub fn patterns_csv(dataset: &Dataset, patterns: &Patterns) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "pattern",
        "share",
        "cases",
        "representative_case",
        "touchpoint_id",
        "touchpoint",
        "mean",
        "q1",
        "q3",
    ])?;
    for pattern in &patterns.patterns {
        let representative = dataset
            .case_ids
            .get(pattern.medoid)
            .unwrap_or_default()
            .to_owned();
        for (index, touchpoint) in dataset.journey.touchpoints.iter().enumerate() {
            let value =
                |values: &[f64]| number(values.get(index).copied().filter(|v| v.is_finite()));
            writer.write_record([
                pattern.id.to_string(),
                format!("{:.4}", pattern.share),
                pattern.n.to_string(),
                text_cell(&representative),
                text_cell(&touchpoint.id),
                text_cell(&touchpoint.name),
                value(&pattern.mean),
                value(&pattern.q1),
                value(&pattern.q3),
            ])?;
        }
    }
    finish(writer)
}

/// Each segment's statistics, one row per segment and touchpoint: `segment, cases,
/// touchpoint_id, touchpoint, n, mean, median, q1, q3, share_negative, share_angry` (long format,
/// largest segment first; cases without a segment have an empty `segment`).
pub fn segments_csv(journey: &Journey, segments: &[SegmentStats]) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "segment",
        "cases",
        "touchpoint_id",
        "touchpoint",
        "n",
        "mean",
        "median",
        "q1",
        "q3",
        "share_negative",
        "share_angry",
    ])?;
    for segment in segments {
        for (touchpoint, stat) in journey.touchpoints.iter().zip(&segment.stats) {
            let mut record = vec![
                text_cell(&segment.segment),
                segment.n.to_string(),
                text_cell(&touchpoint.id),
                text_cell(&touchpoint.name),
                stat.n.to_string(),
            ];
            record.extend(
                [
                    stat.mean,
                    stat.median,
                    stat.q1,
                    stat.q3,
                    stat.share_negative,
                    stat.share_angry,
                ]
                .map(number),
            );
            writer.write_record(&record)?;
        }
    }
    finish(writer)
}

/// The characters that make a spreadsheet (Excel, LibreOffice, Google Sheets) read a cell as a
/// formula or a command when they start it: OWASP's list.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// User text as a CSV cell a spreadsheet shows as text: a leading `'` when the text starts with
/// a formula character (the apostrophe is what a spreadsheet user types to say "this is text",
/// and it is hidden when the cell is shown). Only text cells pass here, never numbers.
pub fn text_cell(text: &str) -> String {
    if text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn phase_name(journey: &Journey, phase_id: &str) -> String {
    journey
        .phase(phase_id)
        .map_or_else(|| phase_id.to_owned(), |p| p.name.clone())
}

/// Up to four decimals, no trailing zeros: what a spreadsheet reads back exactly enough.
fn number(value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() => {
            let text = format!("{v:.4}");
            let text = text.trim_end_matches('0').trim_end_matches('.');
            if text == "-0" {
                "0".to_owned()
            } else {
                text.to_owned()
            }
        }
        _ => String::new(),
    }
}

fn finish(writer: csv::Writer<Vec<u8>>) -> Result<String, csv::Error> {
    let bytes = writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::touchpoint_stats;
    use crate::model::{Case, Touchpoint};

    #[test]
    fn stats_rows_follow_the_touchpoints_with_empty_cells_for_undefined_figures() {
        let mut journey = Journey::default();
        journey
            .touchpoints
            .push(Touchpoint::new("a", "Call, then wait", "before"));
        journey
            .touchpoints
            .push(Touchpoint::new("b", "Visit", "during"));
        for (id, score) in [("c1", -2.0), ("c2", 1.0)] {
            let mut case = Case::new(id, "");
            case.scores.insert("a".into(), score);
            journey.cases.push(case);
        }
        let dataset = Dataset::from_journey(journey);
        let text =
            stats_csv(&dataset.journey, &touchpoint_stats(&dataset.matrix)).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(
            lines[1].starts_with("a,\"Call, then wait\",Before,2,-0.5,-0.5,"),
            "{text}"
        );
        assert_eq!(lines[2], "b,Visit,During,0,,,,,,,,,");
    }

    #[test]
    fn formula_text_is_quoted_as_text_and_numbers_stay_numbers() {
        for text in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(text_cell(text), format!("'{text}"));
        }
        assert_eq!(text_cell("Call centre"), "Call centre");
        assert_eq!(text_cell(""), "");
        assert_eq!(number(Some(-2.5)), "-2.5");
    }
}
