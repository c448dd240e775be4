//! A second wave into an existing journey: the cases of a newly read file added to a journey
//! whose touchpoints they must match, so "after redesign 2027-03" can be compared with the
//! baseline touchpoint by touchpoint.
//!
//! A column matches a touchpoint by id, else by name (ignoring case and extra spaces), else by
//! the id its name would make. Anything that does not match is reported by name; the caller
//! writes the journey only when everything matched, or when told to carry on without.

use std::collections::HashSet;

use super::layout::slug;
use crate::analysis::Dataset;
use crate::model::{Case, Journey};

/// What did not match between the file and the journey, by name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mismatch {
    /// Columns of the file that are no touchpoint of the journey (their scores are left out).
    pub unknown_columns: Vec<String>,
    /// Touchpoints of the journey the file has no column for (the new cases skip them).
    pub missing_touchpoints: Vec<String>,
    /// Case ids the journey already has.
    pub taken_case_ids: Vec<String>,
    /// The file's source scale differs from the journey's (`"1..5"` against `"0..10"`).
    pub scale: Option<(String, String)>,
}

impl Mismatch {
    /// Nothing to report.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Problems that `allow_missing` cannot wave through (ids and scales would corrupt the
    /// journey, not just leave gaps).
    pub fn blocking(&self, allow_missing: bool) -> bool {
        let gaps = !(self.unknown_columns.is_empty() && self.missing_touchpoints.is_empty());
        !self.taken_case_ids.is_empty() || self.scale.is_some() || (gaps && !allow_missing)
    }

    /// One line per kind of problem, names quoted.
    pub fn lines(&self) -> Vec<String> {
        let list = |names: &[String]| {
            names
                .iter()
                .take(20)
                .map(|n| format!("{n:?}"))
                .collect::<Vec<_>>()
                .join(", ")
                + if names.len() > 20 { ", …" } else { "" }
        };
        let mut lines = Vec::new();
        if !self.unknown_columns.is_empty() {
            lines.push(crate::tr!(
                "import-into-unknown-columns",
                n = self.unknown_columns.len(),
                names = list(&self.unknown_columns)
            ));
        }
        if !self.missing_touchpoints.is_empty() {
            lines.push(crate::tr!(
                "import-into-missing-touchpoints",
                n = self.missing_touchpoints.len(),
                names = list(&self.missing_touchpoints)
            ));
        }
        if !self.taken_case_ids.is_empty() {
            lines.push(crate::tr!(
                "import-into-taken-ids",
                n = self.taken_case_ids.len(),
                names = list(&self.taken_case_ids)
            ));
        }
        if let Some((file, journey)) = &self.scale {
            lines.push(crate::tr!(
                "import-into-scale",
                file = file.as_str(),
                journey = journey.as_str()
            ));
        }
        lines
    }
}

/// Adds the cases of `dataset` to `journey` (ids prefixed with `case_prefix`), matching its
/// columns to the journey's touchpoints; returns what did not match. The journey changes only
/// when nothing blocks (see [`Mismatch::blocking`]).
pub fn add_cases_into(
    journey: &mut Journey,
    dataset: &Dataset,
    source: &str,
    case_prefix: &str,
    allow_missing: bool,
) -> Mismatch {
    let normal = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut mismatch = Mismatch::default();
    let mut target: Vec<Option<String>> = Vec::new();
    let mut matched: HashSet<String> = HashSet::new();
    for column in &dataset.journey.touchpoints {
        let found = journey
            .touchpoints
            .iter()
            .find(|t| t.id == column.id)
            .or_else(|| {
                journey
                    .touchpoints
                    .iter()
                    .find(|t| normal(&t.name) == normal(&column.name))
            })
            .or_else(|| {
                let id = slug(&column.name);
                journey.touchpoints.iter().find(|t| t.id == id)
            });
        match found {
            Some(t) => {
                matched.insert(t.id.clone());
                target.push(Some(t.id.clone()));
            }
            None => {
                mismatch.unknown_columns.push(column.name.clone());
                target.push(None);
            }
        }
    }
    mismatch.missing_touchpoints = journey
        .touchpoints
        .iter()
        .filter(|t| !matched.contains(&t.id))
        .map(|t| t.name.clone())
        .collect();
    let existing: HashSet<&str> = journey.cases.iter().map(|c| c.id.as_str()).collect();
    mismatch.taken_case_ids = dataset
        .case_ids
        .iter()
        .map(|id| format!("{case_prefix}{id}"))
        .filter(|id| existing.contains(id.as_str()))
        .collect();
    let spell = |s: &crate::model::SourceScale| format!("{}..{}", s.min, s.max);
    let file_scale = dataset.journey.scale.source.as_ref().map(spell);
    let journey_scale = journey.scale.source.as_ref().map(spell);
    if file_scale != journey_scale {
        mismatch.scale = Some((
            file_scale.unwrap_or_else(|| "-5..5".to_owned()),
            journey_scale.unwrap_or_else(|| "-5..5".to_owned()),
        ));
    }
    if mismatch.blocking(allow_missing) {
        return mismatch;
    }
    if journey.outcome.is_none() {
        journey.outcome.clone_from(&dataset.journey.outcome);
    }
    for (row, case_id) in dataset.case_ids.iter().enumerate() {
        let mut case = Case::new(&format!("{case_prefix}{case_id}"), "");
        case.segment = dataset.segments.get(row).unwrap_or_default().to_owned();
        case.wave = dataset.waves.get(row).unwrap_or_default().to_owned();
        case.outcome = dataset.outcomes.get(row).copied().flatten();
        source.clone_into(&mut case.source);
        case.scores = target
            .iter()
            .enumerate()
            .filter_map(|(column, id)| Some((id.clone()?, dataset.matrix.get(row, column)?)))
            .collect();
        journey.cases.push(case);
    }
    mismatch
}
