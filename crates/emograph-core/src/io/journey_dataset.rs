//! The data verbs' loader: a journey's cases straight into a score matrix.
//!
//! `check`, `stats`, `patterns`, `critical` and `drivers` need each case's id, segment, wave,
//! outcome and scores, never its label, source or notes, and never a map per case. A version 2
//! file is read into [`CompactCases`](super::journey_v2::CompactCases) (one flat score array)
//! and its scores become the matrix without a copy, so a million cases cost about the matrix
//! and their ids. A file with anything wrong in it, and a version 1 file, is read the full way
//! ([`parse_journey`](super::parse_journey)), whose messages locate every problem.

use std::path::Path;

use super::duplicates::duplicate_keys;
use super::journey_file::{MAX_FILE_BYTES, parse_journey_problems_first, ron_options};
use super::journey_v2::{CompactCases, JourneyIn};
use super::{CsvOptions, LoadError};
use crate::analysis::Dataset;
use crate::model::{Case, FORMAT_VERSION, limits};

/// [`load_dataset`](super::load_dataset) for the verbs that analyse scores only: a journey file
/// is read compactly ([`load_journey_dataset`]); its `journey.cases` stays empty, as for a CSV.
pub fn load_scores(path: &Path, csv_options: &CsvOptions) -> Result<Dataset, LoadError> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let journey_file = path.as_os_str() != "-"
        && !matches!(
            extension.as_str(),
            "csv" | "tsv" | "txt" | "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" | "mmd" | "mermaid"
        );
    if journey_file {
        load_journey_dataset(path)
    } else {
        super::load_dataset(path, csv_options)
    }
}

/// Reads a journey file into a [`Dataset`] whose `journey.cases` is empty: the cases are in the
/// matrix, `case_ids`, `segments`, `waves` and `outcomes`. Accepts and refuses exactly the
/// files [`load_journey`](super::load_journey) does, with the same messages.
pub fn load_journey_dataset(path: &Path) -> Result<Dataset, LoadError> {
    let bytes = super::read_limited(
        path,
        MAX_FILE_BYTES,
        &crate::tr!("read-too-big-refusal"),
        Some((1, 1)),
    )?;
    parse_journey_dataset(&bytes, path)
}

/// [`load_journey_dataset`] from the bytes of a file; `path` only names it in messages.
pub fn parse_journey_dataset(bytes: &[u8], path: &Path) -> Result<Dataset, LoadError> {
    let text = super::utf8_or_located(bytes, path, &crate::tr!("read-save-as-utf8"))?;
    let bare = text.strip_prefix('\u{feff}').unwrap_or(text);
    match compact(bare) {
        Some(dataset) => Ok(dataset),
        None => {
            // Refused compactly: most likely a problem, which is found without making a `Case`
            // of every row first.
            let mut dataset =
                parse_journey_problems_first(text, path).map(Dataset::from_journey)?;
            // The same shape as the compact path's, whichever way the file was read.
            dataset.journey.cases = Vec::new();
            Ok(dataset)
        }
    }
}

/// The dataset of a sound version 2 file; `None` for anything else (the full reader then says
/// what is wrong, or migrates a version 1 file).
fn compact(text: &str) -> Option<Dataset> {
    let (raw, maps_end): (JourneyIn<false>, usize) = match super::journey_v2_lines::read(text) {
        Some(read) => read,
        None => (ron_options().from_str(text).ok()?, text.len()),
    };
    // Version 1 lists a case's scores as a map by touchpoint id, version 2 in touchpoint order:
    // each is read compactly in its own shape only (anything else is the full reader's to
    // refuse, located), version 1's put in order here.
    let version = raw.version;
    let (journey, mut cases) = raw.into_parts();
    let shape_fits = match version {
        // No list in touchpoint order: those are version 2's.
        1 => cases.values.is_empty(),
        FORMAT_VERSION => !cases.has_keyed(),
        _ => false,
    };
    if !shape_fits || !cases.resolve_keyed(&journey.touchpoints) {
        return None;
    }
    let touchpoints = journey.touchpoints.len();
    let n = cases.len();
    if cases.unsound
        || !cases.non_finite.is_empty()
        || !cases.aligned(touchpoints)
        || n > limits::MAX_CASES
        || n.saturating_mul(touchpoints) > limits::MAX_SCORE_CELLS
        || !journey.validate().is_empty()
        || !duplicate_keys(text.get(..maps_end).unwrap_or(text), 1).is_empty()
    {
        return None;
    }
    let scale = &journey.scale;
    if !cases
        .values
        .iter()
        .all(|&v| v.is_nan() || scale.contains(v))
    {
        return None;
    }
    let CompactCases {
        ids,
        segments,
        waves,
        outcomes,
        notes,
        values,
        lengths,
        ..
    } = cases;
    for (index, case_notes) in notes {
        let mut case = Case::new("n", "");
        case.notes = case_notes;
        if !journey.validate_case(index, &case).is_empty() {
            return None;
        }
    }
    if !ids.repeated().is_empty() {
        return None;
    }
    let matrix = CompactCases::<false>::into_matrix(values, &lengths, touchpoints);
    let outcomes = if journey.outcome.is_some() {
        outcomes
    } else {
        Vec::new()
    };
    Some(Dataset {
        journey,
        case_ids: ids,
        segments,
        waves,
        outcomes,
        matrix,
    })
}
