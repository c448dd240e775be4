//! Checks a journey's links and values, reporting every problem at once.

use std::collections::HashSet;
use std::fmt;

use super::*;

/// Where in a journey a problem sits, as a path of fields, list indices and map keys.
/// `io` turns it into a line and column of the file it came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProblemPath(pub Vec<PathSegment>);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathSegment {
    Field(&'static str),
    Index(usize),
    Key(String),
}

impl ProblemPath {
    fn field(mut self, name: &'static str) -> Self {
        self.0.push(PathSegment::Field(name));
        self
    }
    fn index(mut self, index: usize) -> Self {
        self.0.push(PathSegment::Index(index));
        self
    }
    fn key(mut self, key: &str) -> Self {
        self.0.push(PathSegment::Key(key.to_owned()));
        self
    }
}

impl fmt::Display for ProblemPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                PathSegment::Field(name) if i == 0 => write!(f, "{name}")?,
                PathSegment::Field(name) => write!(f, ".{name}")?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
                PathSegment::Key(key) => write!(f, "[{key:?}]")?,
            }
        }
        Ok(())
    }
}

/// One thing wrong with a journey.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: ProblemPath,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Limits on what a file may ask of us, so a hostile or broken file is refused, not obeyed.
pub mod limits {
    pub const MAX_TOUCHPOINTS: usize = 1_000;
    pub const MAX_CASES: usize = 2_000_000;
    pub const MAX_OWNERS: usize = 10_000;
    pub const MAX_METRICS: usize = 10_000;
    pub const MAX_FLAGS: usize = 100_000;
    pub const MAX_WAVES: usize = 1_000;
    pub const MAX_SCENARIOS: usize = 1_000;
    /// Named patterns: far more than any k a team looks at, kept as names of past patterns too.
    pub const MAX_PATTERN_NAMES: usize = 1_000;
    /// Changes in one scenario: a few per touchpoint is already more than a team agrees on.
    pub const MAX_CHANGES: usize = 10_000;
    /// Dated values of one metric: a daily value for 25 years.
    pub const MAX_METRIC_VALUES: usize = 10_000;
    pub const MAX_TEXT_CHARS: usize = 10_000;
    pub const MAX_ID_CHARS: usize = 200;
    /// Cases × touchpoints: the dense score matrix every analysis builds holds this many numbers
    /// (8 bytes each), so 50 million cells cap it at 400 MB. A small file of two million empty
    /// cases and a thousand touchpoints would otherwise ask for 16 GB.
    pub const MAX_SCORE_CELLS: usize = 50_000_000;
    /// Scale ends beyond ±1 000 000 are refused: scores live on −5 … +5, and bounded values keep
    /// sums and variances over millions of cases finite.
    pub const MAX_SCALE_MAGNITUDE: f64 = 1_000_000.0;
    /// The scale may span at most this much (max − min). Feelings are scored −5 … +5, and the
    /// widest survey scales are 0–100 or a per-mille 0–1000; a wider span draws nothing a
    /// reader can use (a score label per gridline of a million) and only invites slow exports.
    pub const MAX_SCALE_SPAN: f64 = 1_000.0;
}

/// Unicode's bidi formatting characters: embeddings and overrides (U+202A–U+202E), isolates
/// (U+2066–U+2069) and the marks LRM, RLM and ALM. They are invisible, and an override left
/// open in a name reverses what a label shows after it ("(−4.5)" shows as "(5.4−)"), so a
/// journey that holds one is refused: emograph orders right-to-left text itself (`app/bidi.rs`,
/// `export/text.rs`) and needs no marks in the data.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// Control characters a text field may not hold: C0 except tab and line feed, DEL and C1.
/// They are not allowed in XML (an SVG holding one does not open), and ESC sequences would
/// reach the terminal of whoever runs `stats` on the file. A carriage return is allowed only
/// as part of a CRLF line end.
pub fn is_refused_control(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n' && c != '\r'
}

/// `text` with control characters (all of C0, DEL, C1) and bidi controls written as visible
/// `\u{1b}` escapes, for messages that quote what a file holds: the quote shows what is
/// there, and no terminal or label obeys it.
pub fn show_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| c.is_control() || is_bidi_control(c);
    if !text.chars().any(hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The first character of `text` that a journey may not hold, with its place (counted in
/// characters from 1), and why.
pub fn forbidden_char(text: &str) -> Option<(usize, char, &'static str)> {
    let mut chars = text.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        let lone_cr = c == '\r' && chars.peek().is_none_or(|&(_, next)| next != '\n');
        if is_refused_control(c) || lone_cr {
            return Some((
                i + 1,
                c,
                "control characters are refused (an SVG holding one is not XML, and a terminal \
                 obeys them)",
            ));
        }
        if is_bidi_control(c) {
            return Some((
                i + 1,
                c,
                "bidi controls are refused (invisible, they reorder the text shown after them; \
                 emograph lays out right-to-left text itself)",
            ));
        }
    }
    None
}

/// "the name holds U+202E at character 5: …", for a field that holds a forbidden character.
fn forbidden_message(what: &str, text: &str) -> Option<String> {
    let (at, c, why) = forbidden_char(text)?;
    Some(format!(
        "{what} holds U+{:04X} at character {at}: {why}; remove it",
        u32::from(c)
    ))
}

struct Checker<'a> {
    journey: &'a Journey,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn push(&mut self, path: ProblemPath, message: impl Into<String>) {
        self.problems.push(Problem {
            path,
            message: message.into(),
        });
    }

    fn id(&mut self, path: ProblemPath, kind: &str, id: &str, seen: &mut HashSet<String>) {
        if let Some(message) = forbidden_message(&format!("the {kind} id"), id) {
            self.push(path, message);
        } else if id.trim().is_empty() {
            self.push(path, format!("{kind} id is empty"));
        } else if id.chars().count() > limits::MAX_ID_CHARS {
            self.push(
                path,
                format!(
                    "{kind} id is longer than {} characters",
                    limits::MAX_ID_CHARS
                ),
            );
        } else if !seen.insert(id.to_owned()) {
            self.push(path, format!("duplicate {kind} id {id:?}"));
        }
    }

    /// Every text field passes here: bounded (so every export stays fast) and free of the
    /// characters [`forbidden_char`] refuses.
    fn text(&mut self, path: ProblemPath, what: &str, text: &str) {
        if let Some(message) = forbidden_message(what, text) {
            self.push(path, message);
        } else if text.chars().count() > limits::MAX_TEXT_CHARS {
            self.push(
                path,
                format!(
                    "{what} is longer than {} characters",
                    limits::MAX_TEXT_CHARS
                ),
            );
        }
    }

    fn owner_ref(&mut self, path: ProblemPath, owner: &Option<String>) {
        if let Some(owner_id) = owner
            && self.journey.owner(owner_id).is_none()
        {
            self.push(path, format!("unknown owner {owner_id:?}"));
        }
    }

    fn touchpoint_ref(&mut self, path: ProblemPath, touchpoint_id: &str) {
        if self.journey.touchpoint(touchpoint_id).is_none() {
            self.push(path, format!("unknown touchpoint {touchpoint_id:?}"));
        }
    }

    fn count(&mut self, path: ProblemPath, what: &str, n: usize, max: usize) {
        if n > max {
            self.push(path, format!("{n} {what}: at most {max} are supported"));
        }
    }
}

/// Hands each case, with its index, to the visitor it is given: the cases [`Journey::validate_with`]
/// checks, wherever they live.
pub type CaseSource<'s> = dyn FnMut(&mut dyn FnMut(usize, &Case)) + 's;

impl Journey {
    /// Every problem with this journey, in file order; empty when it is sound.
    pub fn validate(&self) -> Vec<Problem> {
        let cases = &self.cases;
        self.validate_with(cases.len(), &mut |visit| {
            for (i, case) in cases.iter().enumerate() {
                visit(i, case);
            }
        })
    }

    /// [`validate`](Self::validate) of this journey with `count` cases that `cases` hands over
    /// one at a time instead of `self.cases`: a file refused by the compact reader is checked
    /// case by case as each is built from its columns, so finding its problems costs the
    /// columns, not a `Case` with its maps for each of a million rows.
    pub fn validate_with(&self, count: usize, cases: &mut CaseSource<'_>) -> Vec<Problem> {
        let mut c = Checker {
            journey: self,
            problems: Vec::new(),
        };
        let root = ProblemPath::default;

        if self.version != FORMAT_VERSION {
            c.push(
                root().field("version"),
                format!(
                    "format version {} is not {FORMAT_VERSION} (load the file to migrate it)",
                    self.version
                ),
            );
        }
        if self.title.trim().is_empty() {
            c.push(root().field("title"), "the title is empty");
        }
        c.text(root().field("title"), "the title", &self.title);
        c.text(
            root().field("description"),
            "the description",
            &self.description,
        );

        let scale = &self.scale;
        let bounded = |v: f64| v.is_finite() && v.abs() <= limits::MAX_SCALE_MAGNITUDE;
        if !(scale.min.is_finite() && scale.max.is_finite() && scale.min < scale.max) {
            c.push(
                root().field("scale"),
                format!(
                    "the scale must run from a smaller to a larger finite number, not {} … {}",
                    scale.min, scale.max
                ),
            );
        } else if !(bounded(scale.min) && bounded(scale.max)) {
            c.push(
                root().field("scale"),
                format!(
                    "the scale {} … {} reaches beyond ±{}",
                    scale.min,
                    scale.max,
                    limits::MAX_SCALE_MAGNITUDE
                ),
            );
        } else if scale.max - scale.min > limits::MAX_SCALE_SPAN {
            c.push(
                root().field("scale"),
                format!(
                    "the scale {} … {} spans more than {} (feelings are scored −5 … +5)",
                    scale.min,
                    scale.max,
                    limits::MAX_SCALE_SPAN
                ),
            );
        }
        c.text(root().field("time_unit"), "the time unit", &self.time_unit);
        for (i, anchor) in scale.anchors.iter().enumerate() {
            c.text(
                root()
                    .field("scale")
                    .field("anchors")
                    .index(i)
                    .field("label"),
                "the anchor's label",
                &anchor.label,
            );
            if !scale.contains(anchor.value) {
                c.push(
                    root().field("scale").field("anchors").index(i),
                    format!("anchor {} lies outside the scale", anchor.value),
                );
            }
        }
        if let Some(source) = &scale.source
            && !(bounded(source.min) && bounded(source.max) && source.min < source.max)
        {
            c.push(
                root().field("scale").field("source"),
                "the source scale must run from a smaller to a larger finite number",
            );
        }

        let mut seen = HashSet::new();
        for (i, phase) in self.phases.iter().enumerate() {
            c.id(
                root().field("phases").index(i).field("id"),
                "phase",
                &phase.id,
                &mut seen,
            );
            c.text(
                root().field("phases").index(i).field("name"),
                "the phase's name",
                &phase.name,
            );
        }

        c.count(
            root().field("touchpoints"),
            "touchpoints",
            self.touchpoints.len(),
            limits::MAX_TOUCHPOINTS,
        );
        let mut seen = HashSet::new();
        for (i, tp) in self.touchpoints.iter().enumerate() {
            let path = || root().field("touchpoints").index(i);
            c.id(path().field("id"), "touchpoint", &tp.id, &mut seen);
            if tp.name.trim().is_empty() {
                c.push(path().field("name"), "the touchpoint's name is empty");
            }
            c.text(path().field("name"), "the name", &tp.name);
            c.text(path().field("channel"), "the channel", &tp.channel);
            c.text(path().field("process"), "the process", &tp.process);
            if self.phase(&tp.phase).is_none() {
                c.push(
                    path().field("phase"),
                    format!("unknown phase {:?}", tp.phase),
                );
            }
            if let Some(offset) = tp.time_offset
                && !offset.is_finite()
            {
                c.push(path().field("time_offset"), "the time offset is not finite");
            }
            c.owner_ref(path().field("owner"), &tp.owner);
        }

        c.count(
            root().field("owners"),
            "owners",
            self.owners.len(),
            limits::MAX_OWNERS,
        );
        let mut seen = HashSet::new();
        for (i, owner) in self.owners.iter().enumerate() {
            let path = || root().field("owners").index(i);
            c.id(path().field("id"), "owner", &owner.id, &mut seen);
            if owner.name.trim().is_empty() {
                c.push(path().field("name"), "the owner's name is empty");
            }
            c.text(path().field("name"), "the owner's name", &owner.name);
            c.text(path().field("role"), "the role", &owner.role);
            c.text(path().field("process"), "the process", &owner.process);
        }

        c.count(
            root().field("metrics"),
            "metrics",
            self.metrics.len(),
            limits::MAX_METRICS,
        );
        let mut seen = HashSet::new();
        for (i, metric) in self.metrics.iter().enumerate() {
            let path = || root().field("metrics").index(i);
            c.id(path().field("id"), "metric", &metric.id, &mut seen);
            if metric.name.trim().is_empty() {
                c.push(path().field("name"), "the metric's name is empty");
            }
            c.text(path().field("name"), "the metric's name", &metric.name);
            c.text(path().field("unit"), "the unit", &metric.unit);
            c.text(path().field("sla"), "the SLA", &metric.sla);
            for (field, value) in [("current", metric.current), ("target", metric.target)] {
                if let Some(v) = value
                    && !v.is_finite()
                {
                    c.push(
                        path().field(field),
                        format!("the {field} value is not finite"),
                    );
                }
            }
            c.count(
                path().field("history"),
                "dated values",
                metric.history.len(),
                limits::MAX_METRIC_VALUES,
            );
            for (j, entry) in metric.history.iter().enumerate() {
                let at = || path().field("history").index(j);
                if !is_iso_date(&entry.date) {
                    c.push(
                        at().field("date"),
                        format!("date {:?} is not a date like 2026-12-31", entry.date),
                    );
                }
                if !entry.value.is_finite() {
                    c.push(at().field("value"), "the value is not finite");
                }
            }
            c.owner_ref(path().field("owner"), &metric.owner);
            for (j, tp) in metric.touchpoints.iter().enumerate() {
                c.touchpoint_ref(path().field("touchpoints").index(j), tp);
            }
        }

        c.count(root().field("cases"), "cases", count, limits::MAX_CASES);
        let cells = count.saturating_mul(self.touchpoints.len());
        if cells > limits::MAX_SCORE_CELLS {
            c.push(
                root().field("cases"),
                format!(
                    "{count} cases × {} touchpoints make {cells} scores: at most {} are supported",
                    self.touchpoints.len(),
                    limits::MAX_SCORE_CELLS
                ),
            );
        }
        let mut seen = HashSet::new();
        cases(&mut |i, case| {
            let mut problems = self.validate_case(i, case);
            // The id's own problems come first; only a sound id can be a duplicate.
            let id_path = root().field("cases").index(i).field("id");
            if !problems.iter().any(|p| p.path == id_path) && !seen.insert(case.id.clone()) {
                problems.insert(
                    0,
                    Problem {
                        path: id_path,
                        message: format!("duplicate case id {:?}", case.id),
                    },
                );
            }
            c.problems.append(&mut problems);
        });

        c.count(
            root().field("flags"),
            "flags",
            self.flags.len(),
            limits::MAX_FLAGS,
        );
        let mut seen = HashSet::new();
        for (i, flag) in self.flags.iter().enumerate() {
            let path = || root().field("flags").index(i);
            c.id(path().field("id"), "flag", &flag.id, &mut seen);
            c.touchpoint_ref(path().field("touchpoint"), &flag.touchpoint);
            c.owner_ref(path().field("owner"), &flag.owner);
            c.text(path().field("note"), "the note", &flag.note);
            c.text(path().field("action_text"), "the action", &flag.action_text);
            for (j, metric_id) in flag.metrics.iter().enumerate() {
                if self.metric(metric_id).is_none() {
                    c.push(
                        path().field("metrics").index(j),
                        format!("unknown metric {metric_id:?}"),
                    );
                }
            }
            if let Some(due) = &flag.due
                && !is_iso_date(due)
            {
                c.push(
                    path().field("due"),
                    format!("due date {due:?} is not a date like 2026-12-31"),
                );
            }
        }
        c.waves();
        c.scenarios();
        c.pattern_names();
        c.problems
    }

    /// The problems of one case (its index in `cases` is `index`) against this journey's
    /// touchpoints and scale: its id (but not whether another case has it too), its text and
    /// its scores and notes. [`Journey::validate`] runs it on every case; a loader that reads
    /// cases straight into a score matrix runs it too, so both accept the same files.
    pub fn validate_case(&self, index: usize, case: &Case) -> Vec<Problem> {
        let mut c = Checker {
            journey: self,
            problems: Vec::new(),
        };
        let path = || ProblemPath::default().field("cases").index(index);
        // Duplicates are the caller's to find: they need every id, not one case.
        c.id(path().field("id"), "case", &case.id, &mut HashSet::new());
        c.text(path().field("label"), "the label", &case.label);
        c.text(path().field("segment"), "the segment", &case.segment);
        c.text(path().field("wave"), "the wave", &case.wave);
        c.text(path().field("source"), "the source", &case.source);
        for (tp, &score) in &case.scores {
            let at = path().field("scores").key(tp);
            if self.touchpoint(tp).is_none() {
                c.push(at, format!("score for unknown touchpoint {tp:?}"));
            } else if !score.is_finite() {
                c.push(at, format!("the score for {tp:?} is not a finite number"));
            } else if !self.scale.contains(score) {
                c.push(
                    at,
                    format!(
                        "score {score} for {tp:?} lies outside the scale {} … {}",
                        self.scale.min, self.scale.max
                    ),
                );
            }
        }
        if let Some(outcome) = case.outcome
            && !outcome.is_finite()
        {
            c.push(
                path().field("outcome"),
                format!("the outcome {outcome} is not a finite number"),
            );
        }
        for (tp, note) in &case.notes {
            let at = path().field("notes").key(tp);
            if self.touchpoint(tp).is_none() {
                c.push(at, format!("note for unknown touchpoint {tp:?}"));
            } else {
                c.text(at, "the note", note);
            }
        }
        c.problems
    }
}

impl Checker<'_> {
    /// Wave labels are unique as the comparison groups them (trimmed, ignoring case), and their
    /// dates are dates.
    fn waves(&mut self) {
        let journey = self.journey;
        let root = ProblemPath::default;
        self.count(
            root().field("waves"),
            "waves",
            journey.waves.len(),
            limits::MAX_WAVES,
        );
        let mut seen = HashSet::new();
        for (i, wave) in journey.waves.iter().enumerate() {
            let path = || root().field("waves").index(i);
            let key = wave.label.trim().to_lowercase();
            if key.is_empty() {
                self.push(path().field("label"), "the wave's label is empty");
            } else if !seen.insert(key) {
                self.push(
                    path().field("label"),
                    format!("wave {:?} is listed twice", wave.label),
                );
            }
            self.text(path().field("label"), "the wave's label", &wave.label);
            if let Some(date) = &wave.date
                && !is_iso_date(date)
            {
                self.push(
                    path().field("date"),
                    format!("date {date:?} is not a date like 2026-12-31"),
                );
            }
        }
    }

    /// Every change names a touchpoint (and flag) that exists, and its strength is a number in
    /// the range its formula needs (see `analysis::scenario`).
    fn scenarios(&mut self) {
        let journey = self.journey;
        let root = ProblemPath::default;
        self.count(
            root().field("scenarios"),
            "scenarios",
            journey.scenarios.len(),
            limits::MAX_SCENARIOS,
        );
        let mut seen = HashSet::new();
        for (i, scenario) in journey.scenarios.iter().enumerate() {
            let path = || root().field("scenarios").index(i);
            self.id(path().field("id"), "scenario", &scenario.id, &mut seen);
            if scenario.name.trim().is_empty() {
                self.push(path().field("name"), "the scenario's name is empty");
            }
            self.text(path().field("name"), "the scenario's name", &scenario.name);
            self.count(
                path().field("changes"),
                "changes",
                scenario.changes.len(),
                limits::MAX_CHANGES,
            );
            for (j, change) in scenario.changes.iter().enumerate() {
                let at = || path().field("changes").index(j);
                self.touchpoint_ref(at().field("touchpoint"), &change.touchpoint);
                if let Some(flag_id) = &change.from_flag
                    && journey.flag(flag_id).is_none()
                {
                    self.push(at().field("from_flag"), format!("unknown flag {flag_id:?}"));
                }
                if let Some((inside, message)) = change_kind_problem(journey, &change.kind) {
                    let mut path = at().field("kind");
                    path.0.extend(inside);
                    self.push(path, message);
                }
            }
        }
    }

    /// Names are bounded text; their members are case ids of the analysis (a CSV's rows need
    /// not be in the journey), so only their count and length are checked.
    fn pattern_names(&mut self) {
        let journey = self.journey;
        let root = ProblemPath::default;
        self.count(
            root().field("pattern_names"),
            "pattern names",
            journey.pattern_names.len(),
            limits::MAX_PATTERN_NAMES,
        );
        for (i, named) in journey.pattern_names.iter().enumerate() {
            let path = || root().field("pattern_names").index(i);
            if named.name.trim().is_empty() {
                self.push(path().field("name"), "the pattern's name is empty");
            }
            self.text(path().field("name"), "the pattern's name", &named.name);
            self.count(
                path().field("members"),
                "members",
                named.members.len(),
                limits::MAX_CASES,
            );
            for (j, member) in named.members.iter().enumerate() {
                if member.chars().count() > limits::MAX_ID_CHARS {
                    self.push(
                        path().field("members").index(j),
                        format!(
                            "a case id is longer than {} characters",
                            limits::MAX_ID_CHARS
                        ),
                    );
                }
            }
        }
    }
}

/// Why a change's strength or drawn curve cannot be computed with, if it cannot, with where in
/// the change's `kind` the problem sits: the one rule for loading a file and for an edit
/// (`session::check`).
pub fn change_kind_problem(
    journey: &Journey,
    kind: &ChangeKind,
) -> Option<(Vec<PathSegment>, String)> {
    let span = journey.scale.max - journey.scale.min;
    let field = |name: &'static str| vec![PathSegment::Field(name)];
    match kind {
        ChangeKind::Prevent => None,
        ChangeKind::ShortenResponse { factor } => {
            (!(factor.is_finite() && (0.0..=1.0).contains(factor))).then(|| {
                (
                    field("factor"),
                    format!(
                        "the factor {factor} is not between 0 and 1 (the share of the fall that \
                         remains)"
                    ),
                )
            })
        }
        ChangeKind::Amplify { by } => (!(by.is_finite() && *by > 0.0 && *by <= span)).then(|| {
            (
                field("by"),
                format!("amplify by {by}: the points added must be above 0 and at most {span}"),
            )
        }),
        ChangeKind::Drawn { pattern, curve } => {
            if *pattern == Some(0) {
                return Some((field("pattern"), "patterns are numbered from 1".to_owned()));
            }
            if curve.is_empty() {
                return Some((field("curve"), "the drawn curve has no points".to_owned()));
            }
            curve.iter().find_map(|(touchpoint_id, &score)| {
                let at = vec![
                    PathSegment::Field("curve"),
                    PathSegment::Key(touchpoint_id.clone()),
                ];
                if journey.touchpoint(touchpoint_id).is_none() {
                    Some((
                        at,
                        format!("the drawn curve names unknown touchpoint {touchpoint_id:?}"),
                    ))
                } else if !journey.scale.contains(score) {
                    Some((
                        at,
                        format!(
                            "the drawn score {score} at {touchpoint_id:?} lies outside the scale \
                             {} … {}",
                            journey.scale.min, journey.scale.max
                        ),
                    ))
                } else {
                    None
                }
            })
        }
    }
}

/// `YYYY-MM-DD` with a plausible month and day.
pub fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    matches!(
        (num(y, 4), num(m, 2), num(d, 2)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}
