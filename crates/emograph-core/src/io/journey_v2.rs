//! Journey file format version 2: each case on one line, its scores a list in touchpoint order.
//!
//! Version 1 named the touchpoint of every score (`scores: {"film": 2.5, …}`), so a survey of a
//! million cases spent most of its bytes, and its reader most of its memory, on repeating 14
//! touchpoint ids a million times. Version 2 writes
//!
//! ```text
//!     cases: [
//!         (id: "c1", segment: "gold", scores: [2.5, -1, None, 4]),
//!     ],
//! ```
//!
//! one value per touchpoint in the order of `touchpoints`, `None` where the case did not
//! experience it; notes stay a map (they are sparse). The cases come last, after everything they
//! refer to. Reading keeps the cases in [`CompactCases`] (one flat score array, no per-case
//! maps): [`load_journey`](super::load_journey) turns them into [`Case`]s, the data verbs'
//! loader straight into a score matrix.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Write};

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::analysis::Texts;
use crate::model::{
    Case, Flag, Journey, Metric, Outcome, Owner, PathSegment, Phase, Problem, ProblemPath, Scale,
    Scenario, Touchpoint, Wave,
};

// ---------------------------------------------------------------------------------------------
// Writing

/// One case as the writer sees it, whether it comes from a [`Case`] or a matrix row.
pub(crate) struct CaseOut<'a, S> {
    pub id: &'a str,
    pub label: &'a str,
    pub segment: &'a str,
    pub source: &'a str,
    pub wave: &'a str,
    pub outcome: Option<f64>,
    /// One per touchpoint, in touchpoint order.
    pub scores: S,
    pub notes: Option<&'a BTreeMap<String, String>>,
}

/// Everything of a journey but its cases, borrowed, in the order the file shows it. Built by
/// destructuring [`Journey`] completely, so a new field cannot be forgotten here.
#[derive(Serialize)]
#[serde(rename = "Journey")]
struct Head<'a> {
    version: u32,
    title: &'a str,
    description: &'a str,
    scale: &'a Scale,
    phases: &'a [Phase],
    time_unit: &'a str,
    touchpoints: &'a [Touchpoint],
    owners: &'a [Owner],
    metrics: &'a [Metric],
    flags: &'a [Flag],
    #[serde(skip_serializing_if = "<[Wave]>::is_empty")]
    waves: &'a [Wave],
    #[serde(skip_serializing_if = "<[Scenario]>::is_empty")]
    scenarios: &'a [Scenario],
    #[serde(skip_serializing_if = "<[crate::model::PatternName]>::is_empty")]
    pattern_names: &'a [crate::model::PatternName],
    #[serde(skip_serializing_if = "is_true")]
    in_time_order: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    outcome: &'a Option<Outcome>,
}

fn is_true(value: &bool) -> bool {
    *value
}

fn head(journey: &Journey) -> Head<'_> {
    let Journey {
        version: _,
        title,
        description,
        scale,
        phases,
        time_unit,
        touchpoints,
        owners,
        metrics,
        cases: _,
        flags,
        waves,
        scenarios,
        pattern_names,
        in_time_order,
        outcome,
    } = journey;
    Head {
        version: crate::model::FORMAT_VERSION,
        title,
        description,
        scale,
        phases,
        time_unit,
        touchpoints,
        owners,
        metrics,
        flags,
        waves,
        scenarios,
        pattern_names,
        in_time_order: *in_time_order,
        outcome,
    }
}

/// Writes `journey`'s head (everything but `journey.cases`) and then `cases`, streaming: a
/// million cases never become one string in memory.
pub(crate) fn write_v2<'a, S>(
    out: &mut dyn Write,
    journey: &Journey,
    cases: impl Iterator<Item = CaseOut<'a, S>>,
) -> io::Result<()>
where
    S: Iterator<Item = Option<f64>>,
{
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .escape_strings(true);
    let text = ron::ser::to_string_pretty(&head(journey), config).map_err(io::Error::other)?;
    // The head ends with the journey's closing `)`: the cases go in before it.
    let open = text.trim_end().strip_suffix(')').unwrap_or(&text);
    out.write_all(open.as_bytes())?;
    let mut cases = cases.peekable();
    if cases.peek().is_none() {
        out.write_all(b"    cases: [],\n)\n")?;
        return Ok(());
    }
    out.write_all(b"    cases: [\n")?;
    let mut line = String::with_capacity(256);
    for case in cases {
        line.clear();
        case_line(&mut line, case);
        out.write_all(line.as_bytes())?;
    }
    out.write_all(b"    ],\n)\n")
}

/// `        (id: "c1", segment: "gold", scores: [2.5, None]),` and a line end.
fn case_line<S: Iterator<Item = Option<f64>>>(line: &mut String, case: CaseOut<'_, S>) {
    line.push_str("        (id: ");
    push_str_literal(line, case.id);
    for (name, value) in [
        ("label", case.label),
        ("segment", case.segment),
        ("source", case.source),
        ("wave", case.wave),
    ] {
        if !value.is_empty() {
            line.push_str(", ");
            line.push_str(name);
            line.push_str(": ");
            push_str_literal(line, value);
        }
    }
    if let Some(outcome) = case.outcome {
        line.push_str(", outcome: ");
        push_number(line, outcome);
    }
    line.push_str(", scores: [");
    for (i, score) in case.scores.enumerate() {
        if i > 0 {
            line.push_str(", ");
        }
        match score {
            Some(value) => push_number(line, value),
            None => line.push_str("None"),
        }
    }
    line.push(']');
    if let Some(notes) = case.notes.filter(|n| !n.is_empty()) {
        line.push_str(", notes: {");
        for (i, (tp, note)) in notes.iter().enumerate() {
            if i > 0 {
                line.push_str(", ");
            }
            push_str_literal(line, tp);
            line.push_str(": ");
            push_str_literal(line, note);
        }
        line.push('}');
    }
    line.push_str("),\n");
}

/// A string as RON writes it with `escape_strings` (each character `escape_debug`ged), with a
/// fast path for the plain ASCII most ids and segments are.
fn push_str_literal(line: &mut String, text: &str) {
    line.push('"');
    if text
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\')
    {
        line.push_str(text);
    } else {
        line.extend(text.chars().flat_map(char::escape_debug));
    }
    line.push('"');
}

/// A whole number without a fraction (`-5`, which RON reads back as the same number), anything
/// else in the shortest form that reads back exactly (`2.5`, `1e-7`).
fn push_number(line: &mut String, value: f64) {
    use std::fmt::Write as _;
    let _infallible = if value == 0.0 {
        // −0 and 0 are the same score; `-0` would only puzzle a reader.
        write!(line, "0")
    } else if value.fract() == 0.0 && value.abs() < 1e15 {
        write!(line, "{value:.0}")
    } else {
        write!(line, "{value:?}")
    };
}

/// The cases of a journey as the writer takes them.
pub(crate) fn journey_cases(
    journey: &Journey,
) -> impl Iterator<Item = CaseOut<'_, impl Iterator<Item = Option<f64>>>> {
    journey.cases.iter().map(|case| CaseOut {
        id: &case.id,
        label: &case.label,
        segment: &case.segment,
        source: &case.source,
        wave: &case.wave,
        outcome: case.outcome,
        scores: journey
            .touchpoints
            .iter()
            .map(|tp| case.scores.get(&tp.id).copied()),
        notes: Some(&case.notes),
    })
}

// ---------------------------------------------------------------------------------------------
// Reading

/// A version 2 file as read: [`Journey`]'s fields with the cases kept compact. Mirrors
/// `Journey`'s serde attributes; [`JourneyIn::into_parts`] destructures it completely, so the
/// two cannot drift apart without a compile error.
#[derive(Deserialize)]
#[serde(rename = "Journey", deny_unknown_fields)]
pub(crate) struct JourneyIn<const FULL: bool> {
    pub version: u32,
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    scale: Scale,
    #[serde(default = "crate::model::default_phases")]
    phases: Vec<Phase>,
    #[serde(default)]
    time_unit: String,
    #[serde(default)]
    touchpoints: Vec<Touchpoint>,
    #[serde(default)]
    owners: Vec<Owner>,
    #[serde(default)]
    metrics: Vec<Metric>,
    #[serde(default)]
    pub(crate) cases: CompactCases<FULL>,
    #[serde(default)]
    flags: Vec<Flag>,
    #[serde(default)]
    waves: Vec<Wave>,
    #[serde(default)]
    scenarios: Vec<Scenario>,
    #[serde(default)]
    pattern_names: Vec<crate::model::PatternName>,
    #[serde(default = "in_time_order_by_default")]
    in_time_order: bool,
    #[serde(default)]
    outcome: Option<Outcome>,
}

fn in_time_order_by_default() -> bool {
    true
}

impl<const FULL: bool> JourneyIn<FULL> {
    /// The journey without its cases (version set to this build's), and the cases.
    pub fn into_parts(self) -> (Journey, CompactCases<FULL>) {
        let Self {
            version: _,
            title,
            description,
            scale,
            phases,
            time_unit,
            touchpoints,
            owners,
            metrics,
            cases,
            flags,
            waves,
            scenarios,
            pattern_names,
            in_time_order,
            outcome,
        } = self;
        let journey = Journey {
            version: crate::model::FORMAT_VERSION,
            title,
            description,
            scale,
            phases,
            time_unit,
            touchpoints,
            owners,
            metrics,
            cases: Vec::new(),
            flags,
            waves,
            scenarios,
            pattern_names,
            in_time_order,
            outcome,
        };
        (journey, cases)
    }
}

/// Marks a case whose `scores` field is missing: it scored nothing.
const NO_SCORES: u32 = u32::MAX;

/// The cases of a version 2 file, column by column. With `FULL` everything is kept; without it
/// (the data verbs) labels and sources are checked as they are read and then dropped, since
/// no analysis shows them.
#[derive(Debug, Default)]
pub(crate) struct CompactCases<const FULL: bool> {
    pub ids: Texts,
    pub segments: Texts,
    pub waves: Texts,
    pub outcomes: Vec<Option<f64>>,
    /// Empty unless `FULL`.
    pub labels: Texts,
    /// Empty unless `FULL`.
    pub sources: Texts,
    /// Only the cases that have notes: (case, notes).
    pub notes: Vec<(usize, BTreeMap<String, String>)>,
    /// Every case's scores, one after the other; `NaN` where the file says `None`.
    pub values: Vec<f64>,
    /// How many scores each case's list holds ([`NO_SCORES`] when it has no `scores`).
    pub lengths: Vec<u32>,
    /// Scores the file writes as `NaN` or `inf`: (case, position in its list, value). Stored as
    /// `NaN` in `values`, they are kept apart so they are refused, not taken for `None`.
    pub non_finite: Vec<(usize, usize, f64)>,
    /// Without `FULL`: some case's id or text is refused by [`Journey::validate_case`].
    pub unsound: bool,
    /// Without `FULL`: the scores of cases that give them as a map by touchpoint id (version
    /// 1's shape), put in touchpoint order by [`resolve_keyed`](Self::resolve_keyed) once the
    /// touchpoints are known.
    pub keyed: KeyedScores,
}

/// Scores given by touchpoint id (`scores: {"film": 2.0}`), as version 1 wrote them: a pair
/// per score, its id stored once. A version 1 survey is read compactly so, instead of as a
/// `Case` with a map per row (20 times the file in memory).
#[derive(Debug, Default)]
pub(crate) struct KeyedScores {
    /// (id, score) of every keyed case's scores, case after case.
    pub pairs: Vec<(u32, f64)>,
    keys: Vec<String>,
    index: std::collections::HashMap<String, u32>,
}

impl KeyedScores {
    fn intern(&mut self, key: String) -> u32 {
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let i = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
        self.keys.push(key.clone());
        self.index.insert(key, i);
        i
    }
}

/// Marks a case's length as a count of keyed pairs (`KEYED | n`) rather than a positional list.
const KEYED: u32 = 1 << 31;

impl<const FULL: bool> CompactCases<FULL> {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether every case has exactly `touchpoints` scores (or none at all).
    pub fn aligned(&self, touchpoints: usize) -> bool {
        self.lengths
            .iter()
            .all(|&n| n == NO_SCORES || n as usize == touchpoints)
    }

    /// The row of each case, padded with `NaN` for a case without scores; `None` unless
    /// [`Self::aligned`].
    pub fn into_matrix(
        values: Vec<f64>,
        lengths: &[u32],
        touchpoints: usize,
    ) -> crate::analysis::ScoreMatrix {
        use crate::analysis::ScoreMatrix;
        if lengths.iter().all(|&n| n as usize == touchpoints) {
            return ScoreMatrix::from_rows(touchpoints, values);
        }
        let mut matrix = ScoreMatrix::new(touchpoints);
        let mut at = 0;
        for &n in lengths {
            let n = if n == NO_SCORES { 0 } else { n as usize };
            matrix.push_row(values.get(at..at + n).unwrap_or_default());
            at += n;
        }
        matrix
    }
}

impl CompactCases<true> {
    /// The cases as [`Case`]s, and a problem for each case whose list does not have one score
    /// per touchpoint.
    pub fn into_cases(self, journey: &Journey) -> (Vec<Case>, Vec<Problem>) {
        let mut cases = Vec::with_capacity(self.ids.len());
        // A watched load (the GUI's progress bar) hears of every thousand cases made.
        let progress = super::progress::current();
        if let Some(progress) = &progress {
            progress.add_cases_total(self.ids.len() as u64);
        }
        let fields = self
            .ids
            .iter()
            .map(str::to_owned)
            .zip(self.labels.iter().map(str::to_owned))
            .zip(self.segments.iter().map(str::to_owned))
            .zip(self.sources.iter().map(str::to_owned))
            .zip(self.waves.iter().map(str::to_owned))
            .zip(self.outcomes)
            .zip(self.lengths)
            .map(
                |((((((id, label), segment), source), wave), outcome), length)| {
                    (id, label, segment, source, wave, outcome, length)
                },
            );
        let problems = build_cases(
            journey,
            fields,
            &self.values,
            self.notes.into_iter(),
            self.non_finite.into_iter(),
            |index, case| {
                cases.push(case);
                if let Some(progress) = &progress
                    && index % 1024 == 1023
                {
                    progress.add_cases_done(1024);
                }
            },
        );
        (cases, problems)
    }

    /// Each case built as [`into_cases`](Self::into_cases) builds it, handed to `visit` and
    /// dropped, without consuming the columns: what checking a refused file needs (its
    /// problems), at the cost of one case at a time. Returns the wrong-length problems.
    pub fn each_case(
        &self,
        journey: &Journey,
        visit: &mut dyn FnMut(usize, &Case),
    ) -> Vec<Problem> {
        let fields = self
            .ids
            .iter()
            .zip(&self.labels)
            .zip(&self.segments)
            .zip(&self.sources)
            .zip(&self.waves)
            .zip(&self.outcomes)
            .zip(&self.lengths)
            .map(
                |((((((id, label), segment), source), wave), outcome), length)| {
                    (
                        id.to_owned(),
                        label.to_owned(),
                        segment.to_owned(),
                        source.to_owned(),
                        wave.to_owned(),
                        *outcome,
                        *length,
                    )
                },
            );
        build_cases(
            journey,
            fields,
            &self.values,
            self.notes.iter().cloned(),
            self.non_finite.iter().copied(),
            |index, case| visit(index, &case),
        )
    }
}

/// A case's columns: id, label, segment, source, wave, outcome and its score list's length.
type CaseFields = (String, String, String, String, String, Option<f64>, u32);

/// Builds each case from its columns (its scores from `values`, its notes and its literal
/// `NaN`/`inf` scores from their sparse lists, both in case order) and hands it to `emit`;
/// returns a problem for each case whose list does not have one score per touchpoint.
fn build_cases(
    journey: &Journey,
    fields: impl Iterator<Item = CaseFields>,
    values: &[f64],
    notes: impl Iterator<Item = (usize, BTreeMap<String, String>)>,
    non_finite: impl Iterator<Item = (usize, usize, f64)>,
    mut emit: impl FnMut(usize, Case),
) -> Vec<Problem> {
    let touchpoints = &journey.touchpoints;
    let mut problems = Vec::new();
    let mut notes = notes.peekable();
    let mut non_finite = non_finite.peekable();
    let mut at = 0;
    for (index, (id, label, segment, source, wave, outcome, length)) in fields.enumerate() {
        let length = if length == NO_SCORES {
            0
        } else {
            if length as usize != touchpoints.len() {
                problems.push(row_length_problem(
                    index,
                    length as usize,
                    touchpoints.len(),
                ));
            }
            length as usize
        };
        let mut case = Case::new(&id, &label);
        case.segment = segment;
        case.source = source;
        case.wave = wave;
        case.outcome = outcome;
        let row = values.get(at..at + length).unwrap_or_default();
        for (position, (tp, &value)) in touchpoints.iter().zip(row).enumerate() {
            let literal = match non_finite.peek() {
                Some(&(c, p, v)) if c == index && p == position => {
                    non_finite.next();
                    Some(v)
                }
                _ => None,
            };
            match literal {
                Some(v) => {
                    case.scores.insert(tp.id.clone(), v);
                }
                None if !value.is_nan() => {
                    case.scores.insert(tp.id.clone(), value);
                }
                None => {}
            }
        }
        // A literal `NaN` beyond the touchpoints is part of the wrong length, reported above.
        while non_finite.peek().is_some_and(|&(c, _, _)| c == index) {
            non_finite.next();
        }
        if notes.peek().is_some_and(|(c, _)| *c == index)
            && let Some((_, case_notes)) = notes.next()
        {
            case.notes = case_notes;
        }
        at += length;
        emit(index, case);
    }
    problems
}

/// "the case has 3 scores, the journey 4 touchpoints: …", at the case's `scores`.
pub(crate) fn row_length_problem(index: usize, length: usize, touchpoints: usize) -> Problem {
    Problem {
        path: ProblemPath(vec![
            PathSegment::Field("cases"),
            PathSegment::Index(index),
            PathSegment::Field("scores"),
        ]),
        message: crate::tr!("v2-row-length", length = length, touchpoints = touchpoints),
    }
}

/// Where a problem found in the cases of a journey sits in a version 2 file: a score is the
/// `n`th value of the case's list, not a map entry.
pub(crate) fn v2_path(journey: &Journey, path: &ProblemPath) -> ProblemPath {
    match path.0.as_slice() {
        [
            PathSegment::Field("cases"),
            PathSegment::Index(case),
            PathSegment::Field("scores"),
            PathSegment::Key(tp),
        ] => match journey.touchpoint_index(tp) {
            Some(position) => ProblemPath(vec![
                PathSegment::Field("cases"),
                PathSegment::Index(*case),
                PathSegment::Field("scores"),
                PathSegment::Index(position),
            ]),
            None => path.clone(),
        },
        _ => path.clone(),
    }
}

impl<'de, const FULL: bool> Deserialize<'de> for CompactCases<FULL> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CasesVisitor<const FULL: bool>;
        impl<'de, const FULL: bool> Visitor<'de> for CasesVisitor<FULL> {
            type Value = CompactCases<FULL>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&crate::tr!("v2-expect-cases"))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut cases = CompactCases::<FULL>::default();
                while seq.next_element_seed(CaseSeed(&mut cases))?.is_some() {}
                Ok(cases)
            }
        }
        deserializer.deserialize_seq(CasesVisitor::<FULL>)
    }
}

const CASE_FIELDS: &[&str] = &[
    "id", "label", "segment", "source", "wave", "outcome", "scores", "notes",
];

/// Reads one case, appending it to the columns.
pub(crate) struct CaseSeed<'c, const FULL: bool>(pub(crate) &'c mut CompactCases<FULL>);

impl<'de, const FULL: bool> DeserializeSeed<'de> for CaseSeed<'_, FULL> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_struct("Case", CASE_FIELDS, self)
    }
}

impl<'de, const FULL: bool> Visitor<'de> for CaseSeed<'_, FULL> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::tr!("v2-expect-case"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let cases = self.0;
        let index = cases.ids.len();
        let mut seen = [false; CASE_FIELDS.len()];
        let mut case = Case::new("", "");
        let mut has_id = false;
        let mut length = NO_SCORES;
        while let Some(field) = map.next_key::<CaseField>()? {
            let slot = field as usize;
            if seen.get(slot).copied().unwrap_or(false) {
                return Err(de::Error::duplicate_field(
                    CASE_FIELDS.get(slot).copied().unwrap_or("?"),
                ));
            }
            if let Some(seen) = seen.get_mut(slot) {
                *seen = true;
            }
            match field {
                CaseField::Id => {
                    case.id = map.next_value()?;
                    has_id = true;
                }
                CaseField::Label => case.label = map.next_value()?,
                CaseField::Segment => case.segment = map.next_value()?,
                CaseField::Source => case.source = map.next_value()?,
                CaseField::Wave => case.wave = map.next_value()?,
                CaseField::Outcome => case.outcome = map.next_value::<OptionalNumber>()?.0,
                CaseField::Scores => {
                    let before = cases.values.len();
                    let pairs_before = cases.keyed.pairs.len();
                    let keyed = map.next_value_seed(ScoresSeed {
                        values: &mut cases.values,
                        non_finite: &mut cases.non_finite,
                        case: index,
                        keyed: (!FULL).then_some(&mut cases.keyed),
                    })?;
                    length = if keyed {
                        let n = cases.keyed.pairs.len() - pairs_before;
                        KEYED | u32::try_from(n).unwrap_or(KEYED - 1).min(KEYED - 1)
                    } else {
                        let n = cases.values.len() - before;
                        u32::try_from(n).unwrap_or(NO_SCORES - 1).min(KEYED - 1)
                    };
                }
                CaseField::Notes => case.notes = map.next_value()?,
            }
        }
        if !has_id {
            return Err(de::Error::missing_field("id"));
        }
        cases.push_case(case, length);
        Ok(())
    }
}

impl<const FULL: bool> CompactCases<FULL> {
    /// Appends a case read up to its scores (already on the end of `values`, `length` of
    /// them) to the columns; without `FULL` its id and texts are checked and then dropped.
    pub(crate) fn push_case(&mut self, case: Case, length: u32) {
        let index = self.ids.len();
        if !FULL && !BLANK.validate_case(index, &case).is_empty() {
            self.unsound = true;
        }
        let Case {
            id,
            label,
            segment,
            source,
            wave,
            outcome,
            scores: _,
            notes,
        } = case;
        self.ids.push(&id);
        self.segments.push(&segment);
        self.waves.push(&wave);
        self.outcomes.push(outcome);
        self.lengths.push(length);
        if FULL {
            self.labels.push(&label);
            self.sources.push(&source);
        }
        if !notes.is_empty() {
            self.notes.push((index, notes));
        }
    }

    /// Appends `other`'s cases after these (the reader's chunks, read side by side).
    pub(crate) fn append(&mut self, mut other: Self) {
        let offset = self.ids.len();
        self.ids.append(&other.ids);
        self.segments.append(&other.segments);
        self.waves.append(&other.waves);
        self.outcomes.append(&mut other.outcomes);
        self.labels.append(&other.labels);
        self.sources.append(&other.sources);
        self.notes
            .extend(other.notes.into_iter().map(|(i, n)| (i + offset, n)));
        self.values.append(&mut other.values);
        self.lengths.append(&mut other.lengths);
        self.non_finite.extend(
            other
                .non_finite
                .into_iter()
                .map(|(i, p, v)| (i + offset, p, v)),
        );
        self.unsound |= other.unsound;
        let keys = std::mem::take(&mut other.keyed.keys);
        let remap: Vec<u32> = keys.into_iter().map(|k| self.keyed.intern(k)).collect();
        self.keyed.pairs.extend(
            other
                .keyed
                .pairs
                .into_iter()
                .map(|(k, v)| (remap.get(k as usize).copied().unwrap_or(u32::MAX), v)),
        );
    }

    /// Whether any case gave its scores by touchpoint id.
    pub(crate) fn has_keyed(&self) -> bool {
        self.lengths
            .iter()
            .any(|&n| n != NO_SCORES && n & KEYED != 0)
    }

    /// Puts the keyed cases' scores in `touchpoints`' order, one per touchpoint (`NaN` where a
    /// case skipped one), as a version 2 file lists them; `false` when a score names a
    /// touchpoint there is not (the full reader then says so, located).
    pub(crate) fn resolve_keyed(&mut self, touchpoints: &[crate::model::Touchpoint]) -> bool {
        if !self.has_keyed() {
            return true;
        }
        let index: std::collections::HashMap<&str, usize> = touchpoints
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.as_str(), i))
            .collect();
        let Some(positions) = self
            .keyed
            .keys
            .iter()
            .map(|k| index.get(k.as_str()).copied())
            .collect::<Option<Vec<usize>>>()
        else {
            return false;
        };
        let width = touchpoints.len();
        let mut values = Vec::with_capacity(self.lengths.len() * width);
        let (mut at, mut pair) = (0, 0);
        for length in &mut self.lengths {
            if *length == NO_SCORES {
                continue;
            }
            if *length & KEYED != 0 {
                let n = (*length & !KEYED) as usize;
                let start = values.len();
                values.resize(start + width, f64::NAN);
                for &(key, value) in self.keyed.pairs.get(pair..pair + n).unwrap_or_default() {
                    match positions
                        .get(key as usize)
                        .and_then(|&p| values.get_mut(start + p))
                    {
                        Some(slot) => *slot = value,
                        None => return false,
                    }
                }
                pair += n;
                *length = u32::try_from(width).unwrap_or(NO_SCORES - 1);
            } else {
                let n = *length as usize;
                values.extend_from_slice(self.values.get(at..at + n).unwrap_or_default());
                at += n;
            }
        }
        self.values = values;
        self.keyed = KeyedScores::default();
        true
    }
}

/// A journey with nothing in it: checking a case against it checks the case's own id and text,
/// which is all that can be checked before the file's touchpoints are known. Made once.
static BLANK: std::sync::LazyLock<Journey> = std::sync::LazyLock::new(Journey::default);

#[derive(Clone, Copy)]
enum CaseField {
    Id,
    Label,
    Segment,
    Source,
    Wave,
    Outcome,
    Scores,
    Notes,
}

impl<'de> Deserialize<'de> for CaseField {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldVisitor;
        impl Visitor<'_> for FieldVisitor {
            type Value = CaseField;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&crate::tr!("v2-expect-case-field"))
            }
            fn visit_str<E: de::Error>(self, name: &str) -> Result<CaseField, E> {
                Ok(match name {
                    "id" => CaseField::Id,
                    "label" => CaseField::Label,
                    "segment" => CaseField::Segment,
                    "source" => CaseField::Source,
                    "wave" => CaseField::Wave,
                    "outcome" => CaseField::Outcome,
                    "scores" => CaseField::Scores,
                    "notes" => CaseField::Notes,
                    other => return Err(E::unknown_field(other, CASE_FIELDS)),
                })
            }
        }
        deserializer.deserialize_identifier(FieldVisitor)
    }
}

/// A case's outcome: a plain number as version 2 writes it, or `Some(…)` / `None` as version 1
/// did.
struct OptionalNumber(Option<f64>);

impl<'de> Deserialize<'de> for OptionalNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(ScoreVisitor)
            .map(OptionalNumber)
    }
}

/// A number, or `None`; `Some(number)` is read too.
struct ScoreVisitor;

impl<'de> Visitor<'de> for ScoreVisitor {
    type Value = Option<f64>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::tr!("v2-expect-score"))
    }
    fn visit_none<E: de::Error>(self) -> Result<Option<f64>, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<f64>, D::Error> {
        f64::deserialize(d).map(Some)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Option<f64>, E> {
        Ok(Some(v))
    }
    fn visit_f32<E: de::Error>(self, v: f32) -> Result<Option<f64>, E> {
        Ok(Some(f64::from(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<f64>, E> {
        Ok(Some(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<f64>, E> {
        Ok(Some(v as f64))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Option<f64>, E> {
        Ok(Some(v as f64))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Option<f64>, E> {
        Ok(Some(v as f64))
    }
}

/// Reads a case's list of scores onto the end of the flat array.
struct ScoresSeed<'v> {
    values: &'v mut Vec<f64>,
    non_finite: &'v mut Vec<(usize, usize, f64)>,
    case: usize,
    /// Where scores given as a map go; `None` reads a list only (the full reader, whose
    /// messages for version 2 files are about lists).
    keyed: Option<&'v mut KeyedScores>,
}

/// The value is whether the scores were a map by touchpoint id.
impl<'de> DeserializeSeed<'de> for ScoresSeed<'_> {
    type Value = bool;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        if self.keyed.is_some() {
            deserializer.deserialize_any(self)
        } else {
            deserializer.deserialize_seq(self)
        }
    }
}

impl<'de> Visitor<'de> for ScoresSeed<'_> {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::tr!("v2-expect-scores"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let Some(keyed) = self.keyed else {
            return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
        };
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value::<OptionalNumber>()?.0;
            let key = keyed.intern(key);
            match value {
                Some(v) if v.is_finite() => keyed.pairs.push((key, v)),
                // Refused (version 1 has no `None` score): the full reader says where.
                other => self
                    .non_finite
                    .push((self.case, usize::MAX, other.unwrap_or(f64::NAN))),
            }
        }
        Ok(true)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        let mut position = 0;
        while let Some(score) = seq.next_element::<OptionalNumber>()? {
            let value = match score.0 {
                Some(v) if !v.is_finite() => {
                    self.non_finite.push((self.case, position, v));
                    f64::NAN
                }
                Some(v) => v,
                None => f64::NAN,
            };
            self.values.push(value);
            position += 1;
        }
        Ok(false)
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, with_language};
    use crate::model::{Journey, Touchpoint};

    fn text_with_scores(scores: &str) -> String {
        let journey = Journey {
            title: "Cinema".to_owned(),
            touchpoints: ["park", "desk", "film"]
                .map(|id| Touchpoint::new(id, id, "during"))
                .to_vec(),
            ..Journey::default()
        };
        let text = crate::io::to_ron_string(&journey).unwrap();
        text.replace(
            "    cases: [],",
            &format!("    cases: [\n        (id: \"c1\", scores: {scores}),\n    ],"),
        )
    }

    fn refused_in_hebrew(scores: &str) -> ((usize, usize), String) {
        let text = text_with_scores(scores);
        let error = with_language(Lang::Hebrew, || {
            crate::io::parse_journey(&text, std::path::Path::new("j.ron"))
        })
        .unwrap_err();
        let diagnostic = error.diagnostics.first().cloned().unwrap();
        (
            diagnostic.position.unwrap_or((0, 0)),
            crate::io::without_marks(&diagnostic.message),
        )
    }

    #[test]
    fn a_case_line_of_the_wrong_length_or_kind_is_explained_in_hebrew() {
        let (at, message) = refused_in_hebrew("[1]");
        assert_eq!(at.1, 28, "{message}");
        assert!(
            message.starts_with("למקרה יש ציון אחד, אבל למסע יש"),
            "{message}"
        );
        assert!(message.contains("3 נקודות מגע"), "{message}");
        let left = crate::io::english_words(&message, &[]);
        assert!(left.is_empty(), "{left:?} in {message}");
        let (_, message) = refused_in_hebrew("[1, 2]");
        assert!(message.starts_with("למקרה יש שני ציונים"), "{message}");
        // The reader's own expectation is ours; what ron found stays ron's.
        let (at, message) = refused_in_hebrew("[1, \"x\", 3]");
        assert_eq!(at.1, 33, "{message}");
        assert!(message.contains("ציפינו למספר (כמו 2.5 או"), "{message}");
    }
}
