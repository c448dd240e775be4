//! Which column of a CSV plays which part (case ids, segments, touchpoints), and the touchpoint
//! ids made from the column names.

use std::collections::HashSet;

use super::{CsvOptions, TouchpointColumns};
use crate::model::limits;

/// A part a column is named for, in "no column named \"x\" for the case ids".
#[derive(Clone, Copy, Debug)]
pub(super) enum Part {
    CaseIds,
    Segments,
    Waves,
    WaveDates,
    Outcome,
    /// One of the touchpoints a list names.
    ATouchpoint,
    /// The touchpoint column of long rows.
    Touchpoints,
    Scores,
}

impl Part {
    /// The part in words, in the language in force.
    pub(super) fn words(self) -> String {
        match self {
            Self::CaseIds => crate::tr!("import-part-case-ids"),
            Self::Segments => crate::tr!("import-part-segments"),
            Self::Waves => crate::tr!("import-part-waves"),
            Self::WaveDates => crate::tr!("import-part-wave-dates"),
            Self::Outcome => crate::tr!("import-part-outcome"),
            Self::ATouchpoint => crate::tr!("import-part-a-touchpoint"),
            Self::Touchpoints => crate::tr!("import-part-touchpoints"),
            Self::Scores => crate::tr!("import-part-scores"),
        }
    }
}

/// Which column plays which part.
pub(super) struct Layout {
    pub(super) case_column: Option<usize>,
    pub(super) segment_column: Option<usize>,
    pub(super) wave_column: Option<usize>,
    /// The date column whose year and month become the wave.
    pub(super) wave_date_column: Option<usize>,
    pub(super) outcome_column: Option<usize>,
    pub(super) touchpoint_columns: Vec<usize>,
    pub(super) touchpoint_names: Vec<String>,
    pub(super) touchpoint_ids: Vec<String>,
    /// True when no `touchpoints` option was given (so a bad cell can suggest it).
    pub(super) default_touchpoints: bool,
}

impl Layout {
    /// `aliases` are the other names a column answers to (a Qualtrics id, a SurveyMonkey
    /// question), one list per column; may be empty.
    pub(super) fn new(
        headers: &[String],
        aliases: &[Vec<String>],
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
        let columns_list = || {
            headers
                .iter()
                .map(|h| format!("{h:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let missing = |what: Part, name: &str| {
            crate::tr!(
                "import-no-column",
                name = format!("{name:?}"),
                what = what.words(),
                columns = columns_list()
            )
        };
        let case_column = match &options.case_column {
            Some(name) => Some(find(name).ok_or_else(|| missing(Part::CaseIds, name))?),
            None => find("case")
                .or_else(|| find("id"))
                .or_else(|| find("ResponseId"))
                .or_else(|| find("Response ID"))
                .or_else(|| find("Respondent ID")),
        };
        let segment_column = match &options.segment_column {
            Some(name) => Some(find(name).ok_or_else(|| missing(Part::Segments, name))?),
            None => find("segment"),
        };
        let wave_column = match &options.wave_column {
            Some(name) => Some(find(name).ok_or_else(|| missing(Part::Waves, name))?),
            None => find("wave"),
        };
        let wave_date_column = match &options.wave_date_column {
            Some(name) => Some(find(name).ok_or_else(|| missing(Part::WaveDates, name))?),
            None => None,
        };
        let outcome_column = match &options.outcome {
            Some(spec) => {
                Some(find(&spec.column).ok_or_else(|| missing(Part::Outcome, &spec.column))?)
            }
            None => None,
        };
        let special = |c: usize| {
            [
                case_column,
                segment_column,
                wave_column,
                wave_date_column,
                outcome_column,
            ]
            .contains(&Some(c))
        };
        // Survey tools' own columns (times, progress, ids) are never touchpoints by default.
        let metadata = |c: usize| {
            headers
                .get(c)
                .is_some_and(|h| super::headers::is_survey_metadata(h))
                || aliases.get(c).is_some_and(|names| {
                    names.iter().any(|a| super::headers::is_survey_metadata(a))
                })
        };
        let touchpoint_columns: Vec<usize> = match &options.touchpoints {
            None => (0..headers.len())
                .filter(|&c| !special(c) && !metadata(c))
                .collect(),
            Some(TouchpointColumns::Names(names)) => names
                .iter()
                .map(|name| find(name).ok_or_else(|| missing(Part::ATouchpoint, name)))
                .collect::<Result<_, _>>()?,
            Some(TouchpointColumns::Range { first, last }) => {
                if *last > headers.len() {
                    return Err(crate::tr!(
                        "import-range-beyond",
                        first = *first,
                        last = *last,
                        n = headers.len()
                    ));
                }
                (first - 1..*last).collect()
            }
        };
        for &column in &touchpoint_columns {
            if special(column) {
                return Err(crate::tr!(
                    "import-touchpoint-and-special",
                    column = column + 1,
                    name = format!("{:?}", headers.get(column).map_or("", String::as_str))
                ));
            }
        }
        if touchpoint_columns.is_empty() {
            return Err(crate::tr!("import-no-touchpoint-columns"));
        }
        if touchpoint_columns.len() > limits::MAX_TOUCHPOINTS {
            return Err(crate::tr!(
                "import-too-many-touchpoints",
                n = touchpoint_columns.len(),
                max = limits::MAX_TOUCHPOINTS
            ));
        }
        let mut seen_columns = HashSet::new();
        if let Some(&duplicate) = touchpoint_columns
            .iter()
            .find(|&&c| !seen_columns.insert(c))
        {
            return Err(crate::tr!("import-column-twice", column = duplicate + 1));
        }
        let touchpoint_names: Vec<String> = touchpoint_columns
            .iter()
            .map(|&c| {
                let name = headers.get(c).map_or("", String::as_str);
                if name.is_empty() {
                    format!("column {}", c + 1)
                } else {
                    name.to_owned()
                }
            })
            .collect();
        let mut taken = HashSet::new();
        let touchpoint_ids = touchpoint_names
            .iter()
            .map(|name| {
                let base = slug(name);
                let base = if base.is_empty() {
                    "touchpoint".to_owned()
                } else {
                    base
                };
                let id = if taken.contains(&base) {
                    (2..)
                        .map(|n| format!("{base}-{n}"))
                        .find(|candidate| !taken.contains(candidate))
                        .unwrap_or(base)
                } else {
                    base
                };
                taken.insert(id.clone());
                id
            })
            .collect();
        Ok(Self {
            case_column,
            segment_column,
            wave_column,
            wave_date_column,
            outcome_column,
            touchpoint_columns,
            touchpoint_names,
            touchpoint_ids,
            default_touchpoints: options.touchpoints.is_none(),
        })
    }
}

/// A stable id from a column name: lower case, letters and digits kept (any script), every
/// other run of characters one `-`; at most 60 characters.
pub(super) fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed: String = out.trim_end_matches('-').chars().take(60).collect();
    trimmed.trim_end_matches('-').to_owned()
}
