//! Long (tidy) rows, one answer per row: `case,touchpoint,score` (a CRM event export, a
//! database query). The touchpoints take the order in which they first appear; a case's
//! segment, wave and outcome are taken from its first row that has one.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::str::FromStr;

use super::layout::{Part, slug};
use super::{CsvOptions, Records, Source, text_of};
use crate::analysis::{Dataset, ScoreMatrix};
use crate::io::LoadError;
use crate::model::{Journey, Touchpoint, limits};

/// The names of the three columns of a long file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LongColumns {
    pub case: String,
    pub touchpoint: String,
    pub score: String,
}

impl Default for LongColumns {
    fn default() -> Self {
        Self {
            case: "case".to_owned(),
            touchpoint: "touchpoint".to_owned(),
            score: "score".to_owned(),
        }
    }
}

impl FromStr for LongColumns {
    type Err = String;

    /// `CASE,TOUCHPOINT,SCORE`: the three column names, in that order.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let names: Vec<&str> = text.split(',').map(str::trim).collect();
        match names.as_slice() {
            [case, touchpoint, score]
                if !case.is_empty() && !touchpoint.is_empty() && !score.is_empty() =>
            {
                Ok(Self {
                    case: (*case).to_owned(),
                    touchpoint: (*touchpoint).to_owned(),
                    score: (*score).to_owned(),
                })
            }
            _ => Err(crate::tr!(
                "import-long-columns",
                text = format!("{text:?}")
            )),
        }
    }
}

/// Which column of a long file plays which part.
pub(super) struct LongLayout {
    case_column: usize,
    touchpoint_column: usize,
    pub(super) score_column: usize,
    segment_column: Option<usize>,
    wave_column: Option<usize>,
    outcome_column: Option<usize>,
}

impl LongLayout {
    pub(super) fn new(
        headers: &[String],
        aliases: &[Vec<String>],
        columns: &LongColumns,
        options: &CsvOptions,
    ) -> Result<Self, String> {
        let find = |name: &str| {
            let wanted = name.trim().to_lowercase();
            headers
                .iter()
                .position(|h| h.trim().to_lowercase() == wanted)
                .or_else(|| {
                    aliases
                        .iter()
                        .position(|names| names.iter().any(|a| a.trim().to_lowercase() == wanted))
                })
        };
        let required = |what: Part, name: &str| {
            find(name).ok_or_else(|| {
                crate::tr!(
                    "import-long-no-column",
                    name = format!("{name:?}"),
                    what = what.words(),
                    columns = quoted(headers)
                )
            })
        };
        let optional = |given: &Option<String>, default: &str, what: Part| match given {
            Some(name) => required(what, name).map(Some),
            None => Ok(find(default)),
        };
        Ok(Self {
            case_column: required(Part::CaseIds, &columns.case)?,
            touchpoint_column: required(Part::Touchpoints, &columns.touchpoint)?,
            score_column: required(Part::Scores, &columns.score)?,
            segment_column: optional(&options.segment_column, "segment", Part::Segments)?,
            wave_column: optional(&options.wave_column, "wave", Part::Waves)?,
            outcome_column: match &options.outcome {
                Some(spec) => Some(required(Part::Outcome, &spec.column)?),
                None => None,
            },
        })
    }
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads every long row into one matrix row per case.
pub(super) fn read_long(
    source: &Source<'_>,
    layout: &LongLayout,
    records: &mut Records<'_>,
    options: &CsvOptions,
    headers: &[String],
) -> Result<Dataset, LoadError> {
    let path = source.path;
    let csv_error = |e: csv::Error| {
        let position = e.position().map(|p| (source.line(p.byte() as usize), 1));
        LoadError::single(
            path,
            position,
            crate::tr!("import-cannot-read-csv", error = e.to_string()),
        )
    };
    let mut touchpoints: Vec<String> = Vec::new();
    let mut touchpoint_index: HashMap<String, usize> = HashMap::new();
    let mut case_ids: Vec<String> = Vec::new();
    let mut case_index: HashMap<String, usize> = HashMap::new();
    let mut segments: Vec<String> = Vec::new();
    let mut waves: Vec<String> = Vec::new();
    let mut outcomes: Vec<Option<f64>> = Vec::new();
    // (case, touchpoint) → the byte offset of the row that gave it, for a repeat's message.
    let mut given: HashMap<(usize, usize), usize> = HashMap::new();
    let mut answers: Vec<(usize, usize, f64)> = Vec::new();
    let mut diagnostics = Vec::new();
    let mut record = csv::ByteRecord::new();
    while records.next(&mut record).map_err(csv_error)? {
        if diagnostics.len() >= super::MAX_DIAGNOSTICS {
            break;
        }
        if record.iter().all(|c| c.trim_ascii().is_empty()) {
            continue;
        }
        let offset = record.position().map_or(0, |p| p.byte() as usize);
        let line = || source.line(offset);
        if record.len() != headers.len() {
            diagnostics.push(source.diagnostic(
                Some(line()),
                record.len().min(headers.len()),
                crate::tr!(
                    "import-row-fields",
                    fields = record.len(),
                    header = headers.len()
                ),
            ));
            continue;
        }
        let text = |column: usize| {
            text_of(record.get(column).unwrap_or_default())
                .trim()
                .to_owned()
        };
        let case_id = text(layout.case_column);
        let touchpoint_name = text(layout.touchpoint_column);
        if case_id.is_empty() || case_id.chars().count() > limits::MAX_ID_CHARS {
            diagnostics.push(source.diagnostic(
                Some(line()),
                layout.case_column,
                crate::tr!("import-long-case-id", max = limits::MAX_ID_CHARS),
            ));
            continue;
        }
        if touchpoint_name.is_empty() {
            diagnostics.push(source.diagnostic(
                Some(line()),
                layout.touchpoint_column,
                crate::tr!("import-long-touchpoint-empty"),
            ));
            continue;
        }
        let score_cell = record.get(layout.score_column).unwrap_or_default();
        let score = match source.score(score_cell) {
            Ok(score) => score,
            Err(reason) => {
                diagnostics.push(source.diagnostic(
                    Some(line()),
                    layout.score_column,
                    crate::tr!(
                        "import-bad-score",
                        touchpoint = format!("{touchpoint_name:?}"),
                        reason = reason,
                        value = format!("{:?}", text_of(score_cell))
                    ),
                ));
                continue;
            }
        };
        let column = match touchpoint_index.get(&touchpoint_name) {
            Some(&column) => column,
            None => {
                if touchpoints.len() >= limits::MAX_TOUCHPOINTS {
                    return Err(LoadError::single(
                        path,
                        Some((line(), layout.touchpoint_column + 1)),
                        crate::tr!("import-more-touchpoints", max = limits::MAX_TOUCHPOINTS),
                    ));
                }
                touchpoint_index.insert(touchpoint_name.clone(), touchpoints.len());
                touchpoints.push(touchpoint_name.clone());
                touchpoints.len() - 1
            }
        };
        let row = match case_index.entry(case_id) {
            Entry::Occupied(entry) => *entry.get(),
            Entry::Vacant(entry) => {
                if case_ids.len() >= limits::MAX_CASES {
                    return Err(LoadError::single(
                        path,
                        Some((line(), layout.case_column + 1)),
                        crate::tr!("import-more-cases", max = limits::MAX_CASES),
                    ));
                }
                case_ids.push(entry.key().clone());
                segments.push(String::new());
                waves.push(options.wave.clone().unwrap_or_default());
                outcomes.push(None);
                *entry.insert(case_ids.len() - 1)
            }
        };
        let fill = |slot: Option<&mut String>, column: Option<usize>| {
            if let (Some(slot), Some(column)) = (slot, column)
                && slot.is_empty()
            {
                *slot = text(column);
            }
        };
        fill(segments.get_mut(row), layout.segment_column);
        fill(waves.get_mut(row), layout.wave_column);
        if let (Some(spec), Some(column)) = (&options.outcome, layout.outcome_column)
            && let Some(slot) = outcomes.get_mut(row)
            && slot.is_none()
        {
            match spec.read(&text(column), source.decimal_comma) {
                Ok(value) => *slot = value,
                Err(reason) => diagnostics.push(source.diagnostic(
                    Some(line()),
                    column,
                    crate::tr!(
                        "import-reason-value",
                        reason = reason,
                        value = format!("{:?}", text(column))
                    ),
                )),
            }
        }
        match given.entry((row, column)) {
            Entry::Occupied(first) => {
                let first_line = source.line(*first.get());
                diagnostics.push(source.diagnostic(
                    Some(line()),
                    layout.touchpoint_column,
                    crate::tr!(
                        "import-long-twice",
                        case = format!("{:?}", case_ids.get(row).map_or("", String::as_str)),
                        touchpoint = format!("{touchpoint_name:?}"),
                        line = first_line
                    ),
                ));
            }
            Entry::Vacant(slot) => {
                slot.insert(offset);
                answers.push((row, column, score));
            }
        }
        if answers.len() > limits::MAX_SCORE_CELLS {
            return Err(LoadError::single(
                path,
                Some((line(), 1)),
                crate::tr!("import-more-scores", max = limits::MAX_SCORE_CELLS),
            ));
        }
    }
    if !diagnostics.is_empty() {
        return Err(LoadError { diagnostics });
    }
    if touchpoints.is_empty() {
        return Err(LoadError::single(
            path,
            None,
            crate::tr!("import-no-answers"),
        ));
    }
    let width = touchpoints.len();
    if case_ids.len().saturating_mul(width) > limits::MAX_SCORE_CELLS {
        return Err(LoadError::single(
            path,
            None,
            crate::tr!(
                "import-long-too-many",
                cases = case_ids.len(),
                width = width,
                max = limits::MAX_SCORE_CELLS
            ),
        ));
    }
    // A given list (`--touchpoints A,B,C`) orders the touchpoints; else first appearance.
    let order: Vec<usize> = match &options.touchpoints {
        Some(super::TouchpointColumns::Names(names)) => {
            let normal = |s: &str| s.trim().to_lowercase();
            let mut order = Vec::new();
            for name in names {
                match touchpoints.iter().position(|t| normal(t) == normal(name)) {
                    Some(i) => order.push(i),
                    None => {
                        return Err(LoadError::single(
                            path,
                            None,
                            crate::tr!(
                                "import-long-unknown-touchpoint",
                                name = format!("{name:?}"),
                                touchpoints = quoted(&touchpoints)
                            ),
                        ));
                    }
                }
            }
            let left: Vec<String> = (0..width)
                .filter(|i| !order.contains(i))
                .filter_map(|i| touchpoints.get(i).cloned())
                .collect();
            if !left.is_empty() {
                return Err(LoadError::single(
                    path,
                    None,
                    crate::tr!("import-long-left-out", names = quoted(&left)),
                ));
            }
            order
        }
        Some(super::TouchpointColumns::Range { .. }) => {
            return Err(LoadError::single(
                path,
                None,
                crate::tr!("import-long-range"),
            ));
        }
        None => (0..width).collect(),
    };
    let mut position = vec![0; width];
    for (new, &old) in order.iter().enumerate() {
        if let Some(slot) = position.get_mut(old) {
            *slot = new;
        }
    }
    let touchpoints: Vec<String> = order
        .iter()
        .filter_map(|&i| touchpoints.get(i).cloned())
        .collect();
    let mut values = vec![f64::NAN; case_ids.len() * width];
    for (row, column, score) in answers {
        let column = position.get(column).copied().unwrap_or(column);
        if let Some(slot) = values.get_mut(row * width + column) {
            *slot = score;
        }
    }
    let mut taken = std::collections::HashSet::new();
    let journey = Journey {
        touchpoints: touchpoints
            .iter()
            .map(|name| {
                let base = Some(slug(name))
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| "touchpoint".to_owned());
                let id = (1..)
                    .map(|n| {
                        if n == 1 {
                            base.clone()
                        } else {
                            format!("{base}-{n}")
                        }
                    })
                    .find(|candidate| !taken.contains(candidate))
                    .unwrap_or(base);
                taken.insert(id.clone());
                Touchpoint::new(&id, name, "during")
            })
            .collect(),
        ..Journey::default()
    };
    if options.outcome.is_none() {
        outcomes.clear();
    }
    Ok(Dataset {
        journey,
        case_ids: case_ids.iter().collect(),
        segments: segments.iter().collect(),
        waves: waves.iter().collect(),
        outcomes,
        matrix: ScoreMatrix::from_rows(width, values),
    })
}
