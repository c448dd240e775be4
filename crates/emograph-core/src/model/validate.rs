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

/// Why a character is refused (see [`forbidden_char`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Forbidden {
    /// C0 (but tab and line feed), DEL, C1, or a carriage return not ending a line.
    Control,
    /// An embedding, override, isolate or mark ([`is_bidi_control`]).
    Bidi,
}

impl Forbidden {
    /// Why such a character is refused, in the language in force.
    pub fn why(self) -> String {
        match self {
            Forbidden::Control => crate::tr!("valid-why-control"),
            Forbidden::Bidi => crate::tr!("valid-why-bidi"),
        }
    }
}

/// The first character of `text` that a journey may not hold, with its place (counted in
/// characters from 1), and why.
pub fn forbidden_char(text: &str) -> Option<(usize, char, Forbidden)> {
    let mut chars = text.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        let lone_cr = c == '\r' && chars.peek().is_none_or(|&(_, next)| next != '\n');
        if is_refused_control(c) || lone_cr {
            return Some((i + 1, c, Forbidden::Control));
        }
        if is_bidi_control(c) {
            return Some((i + 1, c, Forbidden::Bidi));
        }
    }
    None
}

/// "the name holds U+202E at character 5: …", for a field that holds a forbidden character;
/// `what` is the field already in words.
fn forbidden_message(what: impl FnOnce() -> String, text: &str) -> Option<String> {
    let (at, c, why) = forbidden_char(text)?;
    Some(crate::tr!(
        "valid-forbidden-char",
        what = what(),
        code = format!("U+{:04X}", u32::from(c)),
        at = at,
        why = why.why()
    ))
}

/// What a journey holds by id, as its problems and an edit's refusals name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Thing {
    Phase,
    Touchpoint,
    Case,
    Owner,
    Metric,
    Flag,
    Scenario,
}

impl Thing {
    /// "touchpoint", "case", … in the language in force.
    pub fn word(self) -> String {
        match self {
            Thing::Phase => crate::tr!("valid-thing-phase"),
            Thing::Touchpoint => crate::tr!("valid-thing-touchpoint"),
            Thing::Case => crate::tr!("valid-thing-case"),
            Thing::Owner => crate::tr!("valid-thing-owner"),
            Thing::Metric => crate::tr!("valid-thing-metric"),
            Thing::Flag => crate::tr!("valid-thing-flag"),
            Thing::Scenario => crate::tr!("valid-thing-scenario"),
        }
    }
}

/// A field in words ("the title", "the phase's name"): `key` is one of the catalogue's
/// `valid-field-` words. Checks name their fields by key and put them into words only for a
/// problem they report, so a journey of a million sound cases costs no translation.
pub fn field_words(key: &str) -> String {
    crate::i18n::message(key, &[])
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

    fn id(&mut self, path: ProblemPath, kind: Thing, id: &str, seen: &mut HashSet<String>) {
        let the_id = || crate::tr!("valid-the-id", kind = kind.word());
        if let Some(message) = forbidden_message(the_id, id) {
            self.push(path, message);
        } else if id.trim().is_empty() {
            self.push(path, crate::tr!("valid-id-empty", kind = kind.word()));
        } else if id.chars().count() > limits::MAX_ID_CHARS {
            self.push(
                path,
                crate::tr!(
                    "valid-id-too-long",
                    kind = kind.word(),
                    max = limits::MAX_ID_CHARS
                ),
            );
        } else if !seen.insert(id.to_owned()) {
            self.push(
                path,
                crate::tr!(
                    "valid-id-duplicate",
                    kind = kind.word(),
                    id = format!("{id:?}")
                ),
            );
        }
    }

    /// Every text field passes here: bounded (so every export stays fast) and free of the
    /// characters [`forbidden_char`] refuses. `what` is the field's `valid-field-` key.
    fn text(&mut self, path: ProblemPath, what: &'static str, text: &str) {
        if let Some(message) = forbidden_message(|| field_words(what), text) {
            self.push(path, message);
        } else if text.chars().count() > limits::MAX_TEXT_CHARS {
            self.push(
                path,
                crate::tr!(
                    "valid-text-too-long",
                    what = field_words(what),
                    max = limits::MAX_TEXT_CHARS
                ),
            );
        }
    }

    fn owner_ref(&mut self, path: ProblemPath, owner: &Option<String>) {
        if let Some(owner_id) = owner
            && self.journey.owner(owner_id).is_none()
        {
            self.push(
                path,
                crate::tr!("valid-unknown-owner", id = format!("{owner_id:?}")),
            );
        }
    }

    fn touchpoint_ref(&mut self, path: ProblemPath, touchpoint_id: &str) {
        if self.journey.touchpoint(touchpoint_id).is_none() {
            self.push(
                path,
                crate::tr!(
                    "valid-unknown-touchpoint",
                    id = format!("{touchpoint_id:?}")
                ),
            );
        }
    }

    /// `what` is the `valid-many-` key of the things counted.
    fn count(&mut self, path: ProblemPath, what: &'static str, n: usize, max: usize) {
        if n > max {
            self.push(
                path,
                crate::tr!("valid-too-many", n = n, what = field_words(what), max = max),
            );
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
                crate::tr!(
                    "valid-old-version",
                    found = self.version.to_string(),
                    version = FORMAT_VERSION
                ),
            );
        }
        if self.title.trim().is_empty() {
            c.push(root().field("title"), crate::tr!("valid-title-empty"));
        }
        c.text(root().field("title"), "valid-field-title", &self.title);
        c.text(
            root().field("description"),
            "valid-field-description",
            &self.description,
        );

        let scale = &self.scale;
        let bounded = |v: f64| v.is_finite() && v.abs() <= limits::MAX_SCALE_MAGNITUDE;
        if !(scale.min.is_finite() && scale.max.is_finite() && scale.min < scale.max) {
            c.push(
                root().field("scale"),
                crate::tr!(
                    "valid-scale-order",
                    min = scale.min.to_string(),
                    max = scale.max.to_string()
                ),
            );
        } else if !(bounded(scale.min) && bounded(scale.max)) {
            c.push(
                root().field("scale"),
                crate::tr!(
                    "valid-scale-too-far",
                    min = scale.min.to_string(),
                    max = scale.max.to_string(),
                    limit = limits::MAX_SCALE_MAGNITUDE.to_string()
                ),
            );
        } else if scale.max - scale.min > limits::MAX_SCALE_SPAN {
            c.push(
                root().field("scale"),
                crate::tr!(
                    "valid-scale-too-wide",
                    min = scale.min.to_string(),
                    max = scale.max.to_string(),
                    span = limits::MAX_SCALE_SPAN.to_string()
                ),
            );
        }
        c.text(
            root().field("time_unit"),
            "valid-field-time-unit",
            &self.time_unit,
        );
        for (i, anchor) in scale.anchors.iter().enumerate() {
            c.text(
                root()
                    .field("scale")
                    .field("anchors")
                    .index(i)
                    .field("label"),
                "valid-field-anchor-label",
                &anchor.label,
            );
            if !scale.contains(anchor.value) {
                c.push(
                    root().field("scale").field("anchors").index(i),
                    crate::tr!("valid-anchor-off-scale", value = anchor.value.to_string()),
                );
            }
        }
        if let Some(source) = &scale.source
            && !(bounded(source.min) && bounded(source.max) && source.min < source.max)
        {
            c.push(
                root().field("scale").field("source"),
                crate::tr!("valid-source-scale-order"),
            );
        }

        let mut seen = HashSet::new();
        for (i, phase) in self.phases.iter().enumerate() {
            c.id(
                root().field("phases").index(i).field("id"),
                Thing::Phase,
                &phase.id,
                &mut seen,
            );
            c.text(
                root().field("phases").index(i).field("name"),
                "valid-field-phase-name",
                &phase.name,
            );
        }

        c.count(
            root().field("touchpoints"),
            "valid-many-touchpoints",
            self.touchpoints.len(),
            limits::MAX_TOUCHPOINTS,
        );
        let mut seen = HashSet::new();
        for (i, tp) in self.touchpoints.iter().enumerate() {
            let path = || root().field("touchpoints").index(i);
            c.id(path().field("id"), Thing::Touchpoint, &tp.id, &mut seen);
            if tp.name.trim().is_empty() {
                c.push(
                    path().field("name"),
                    crate::tr!("valid-touchpoint-name-empty"),
                );
            }
            c.text(path().field("name"), "valid-field-name", &tp.name);
            c.text(path().field("channel"), "valid-field-channel", &tp.channel);
            c.text(path().field("process"), "valid-field-process", &tp.process);
            if self.phase(&tp.phase).is_none() {
                c.push(
                    path().field("phase"),
                    crate::tr!("valid-unknown-phase", id = format!("{:?}", tp.phase)),
                );
            }
            if let Some(offset) = tp.time_offset
                && !offset.is_finite()
            {
                c.push(
                    path().field("time_offset"),
                    crate::tr!("valid-time-offset-not-finite"),
                );
            }
            c.owner_ref(path().field("owner"), &tp.owner);
        }

        c.count(
            root().field("owners"),
            "valid-many-owners",
            self.owners.len(),
            limits::MAX_OWNERS,
        );
        let mut seen = HashSet::new();
        for (i, owner) in self.owners.iter().enumerate() {
            let path = || root().field("owners").index(i);
            c.id(path().field("id"), Thing::Owner, &owner.id, &mut seen);
            if owner.name.trim().is_empty() {
                c.push(path().field("name"), crate::tr!("valid-owner-name-empty"));
            }
            c.text(path().field("name"), "valid-field-owner-name", &owner.name);
            c.text(path().field("role"), "valid-field-role", &owner.role);
            c.text(
                path().field("process"),
                "valid-field-process",
                &owner.process,
            );
        }

        c.count(
            root().field("metrics"),
            "valid-many-metrics",
            self.metrics.len(),
            limits::MAX_METRICS,
        );
        let mut seen = HashSet::new();
        for (i, metric) in self.metrics.iter().enumerate() {
            let path = || root().field("metrics").index(i);
            c.id(path().field("id"), Thing::Metric, &metric.id, &mut seen);
            if metric.name.trim().is_empty() {
                c.push(path().field("name"), crate::tr!("valid-metric-name-empty"));
            }
            c.text(
                path().field("name"),
                "valid-field-metric-name",
                &metric.name,
            );
            c.text(path().field("unit"), "valid-field-unit", &metric.unit);
            c.text(path().field("sla"), "valid-field-sla", &metric.sla);
            for (field, value, key) in [
                ("current", metric.current, "valid-current-not-finite"),
                ("target", metric.target, "valid-target-not-finite"),
            ] {
                if let Some(v) = value
                    && !v.is_finite()
                {
                    c.push(path().field(field), crate::i18n::message(key, &[]));
                }
            }
            c.count(
                path().field("history"),
                "valid-many-dated-values",
                metric.history.len(),
                limits::MAX_METRIC_VALUES,
            );
            for (j, entry) in metric.history.iter().enumerate() {
                let at = || path().field("history").index(j);
                if !is_iso_date(&entry.date) {
                    c.push(
                        at().field("date"),
                        crate::tr!("valid-not-a-date", date = format!("{:?}", entry.date)),
                    );
                }
                if !entry.value.is_finite() {
                    c.push(at().field("value"), crate::tr!("valid-value-not-finite"));
                }
            }
            c.owner_ref(path().field("owner"), &metric.owner);
            for (j, tp) in metric.touchpoints.iter().enumerate() {
                c.touchpoint_ref(path().field("touchpoints").index(j), tp);
            }
        }

        c.count(
            root().field("cases"),
            "valid-many-cases",
            count,
            limits::MAX_CASES,
        );
        let cells = count.saturating_mul(self.touchpoints.len());
        if cells > limits::MAX_SCORE_CELLS {
            c.push(
                root().field("cases"),
                crate::tr!(
                    "valid-too-many-scores",
                    cases = count,
                    touchpoints = self.touchpoints.len(),
                    cells = cells,
                    max = limits::MAX_SCORE_CELLS
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
                        message: crate::tr!(
                            "valid-id-duplicate",
                            kind = Thing::Case.word(),
                            id = format!("{:?}", case.id)
                        ),
                    },
                );
            }
            c.problems.append(&mut problems);
        });

        c.count(
            root().field("flags"),
            "valid-many-flags",
            self.flags.len(),
            limits::MAX_FLAGS,
        );
        let mut seen = HashSet::new();
        for (i, flag) in self.flags.iter().enumerate() {
            let path = || root().field("flags").index(i);
            c.id(path().field("id"), Thing::Flag, &flag.id, &mut seen);
            c.touchpoint_ref(path().field("touchpoint"), &flag.touchpoint);
            c.owner_ref(path().field("owner"), &flag.owner);
            c.text(path().field("note"), "valid-field-note", &flag.note);
            c.text(
                path().field("action_text"),
                "valid-field-action",
                &flag.action_text,
            );
            for (j, metric_id) in flag.metrics.iter().enumerate() {
                if self.metric(metric_id).is_none() {
                    c.push(
                        path().field("metrics").index(j),
                        crate::tr!("valid-unknown-metric", id = format!("{metric_id:?}")),
                    );
                }
            }
            if let Some(due) = &flag.due
                && !is_iso_date(due)
            {
                c.push(
                    path().field("due"),
                    crate::tr!("valid-due-not-a-date", date = format!("{due:?}")),
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
        c.id(
            path().field("id"),
            Thing::Case,
            &case.id,
            &mut HashSet::new(),
        );
        c.text(path().field("label"), "valid-field-label", &case.label);
        c.text(
            path().field("segment"),
            "valid-field-segment",
            &case.segment,
        );
        c.text(path().field("wave"), "valid-field-wave", &case.wave);
        c.text(path().field("source"), "valid-field-source", &case.source);
        for (tp, &score) in &case.scores {
            let at = path().field("scores").key(tp);
            if self.touchpoint(tp).is_none() {
                c.push(
                    at,
                    crate::tr!("valid-score-unknown-touchpoint", id = format!("{tp:?}")),
                );
            } else if !score.is_finite() {
                c.push(
                    at,
                    crate::tr!("valid-score-not-finite", id = format!("{tp:?}")),
                );
            } else if !self.scale.contains(score) {
                c.push(
                    at,
                    crate::tr!(
                        "valid-score-off-scale",
                        score = score.to_string(),
                        id = format!("{tp:?}"),
                        min = self.scale.min.to_string(),
                        max = self.scale.max.to_string()
                    ),
                );
            }
        }
        if let Some(outcome) = case.outcome
            && !outcome.is_finite()
        {
            c.push(
                path().field("outcome"),
                crate::tr!("valid-outcome-not-finite", outcome = outcome.to_string()),
            );
        }
        for (tp, note) in &case.notes {
            let at = path().field("notes").key(tp);
            if self.touchpoint(tp).is_none() {
                c.push(
                    at,
                    crate::tr!("valid-note-unknown-touchpoint", id = format!("{tp:?}")),
                );
            } else {
                c.text(at, "valid-field-note", note);
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
            "valid-many-waves",
            journey.waves.len(),
            limits::MAX_WAVES,
        );
        let mut seen = HashSet::new();
        for (i, wave) in journey.waves.iter().enumerate() {
            let path = || root().field("waves").index(i);
            let key = wave.label.trim().to_lowercase();
            if key.is_empty() {
                self.push(path().field("label"), crate::tr!("valid-wave-label-empty"));
            } else if !seen.insert(key) {
                self.push(
                    path().field("label"),
                    crate::tr!("valid-wave-twice", label = format!("{:?}", wave.label)),
                );
            }
            self.text(path().field("label"), "valid-field-wave-label", &wave.label);
            if let Some(date) = &wave.date
                && !is_iso_date(date)
            {
                self.push(
                    path().field("date"),
                    crate::tr!("valid-not-a-date", date = format!("{date:?}")),
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
            "valid-many-scenarios",
            journey.scenarios.len(),
            limits::MAX_SCENARIOS,
        );
        let mut seen = HashSet::new();
        for (i, scenario) in journey.scenarios.iter().enumerate() {
            let path = || root().field("scenarios").index(i);
            self.id(path().field("id"), Thing::Scenario, &scenario.id, &mut seen);
            if scenario.name.trim().is_empty() {
                self.push(
                    path().field("name"),
                    crate::tr!("valid-scenario-name-empty"),
                );
            }
            self.text(
                path().field("name"),
                "valid-field-scenario-name",
                &scenario.name,
            );
            self.count(
                path().field("changes"),
                "valid-many-changes",
                scenario.changes.len(),
                limits::MAX_CHANGES,
            );
            for (j, change) in scenario.changes.iter().enumerate() {
                let at = || path().field("changes").index(j);
                self.touchpoint_ref(at().field("touchpoint"), &change.touchpoint);
                if let Some(flag_id) = &change.from_flag
                    && journey.flag(flag_id).is_none()
                {
                    self.push(
                        at().field("from_flag"),
                        crate::tr!("valid-unknown-flag", id = format!("{flag_id:?}")),
                    );
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
            "valid-many-pattern-names",
            journey.pattern_names.len(),
            limits::MAX_PATTERN_NAMES,
        );
        for (i, named) in journey.pattern_names.iter().enumerate() {
            let path = || root().field("pattern_names").index(i);
            if named.name.trim().is_empty() {
                self.push(path().field("name"), crate::tr!("valid-pattern-name-empty"));
            }
            self.text(
                path().field("name"),
                "valid-field-pattern-name",
                &named.name,
            );
            self.count(
                path().field("members"),
                "valid-many-members",
                named.members.len(),
                limits::MAX_CASES,
            );
            for (j, member) in named.members.iter().enumerate() {
                if member.chars().count() > limits::MAX_ID_CHARS {
                    self.push(
                        path().field("members").index(j),
                        crate::tr!("valid-member-too-long", max = limits::MAX_ID_CHARS),
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
                    crate::tr!("valid-change-factor", factor = factor.to_string()),
                )
            })
        }
        ChangeKind::Amplify { by } => (!(by.is_finite() && *by > 0.0 && *by <= span)).then(|| {
            (
                field("by"),
                crate::tr!(
                    "valid-change-amplify",
                    by = by.to_string(),
                    span = span.to_string()
                ),
            )
        }),
        ChangeKind::Drawn { pattern, curve } => {
            if *pattern == Some(0) {
                return Some((field("pattern"), crate::tr!("valid-change-pattern-zero")));
            }
            if curve.is_empty() {
                return Some((field("curve"), crate::tr!("valid-change-curve-empty")));
            }
            curve.iter().find_map(|(touchpoint_id, &score)| {
                let at = vec![
                    PathSegment::Field("curve"),
                    PathSegment::Key(touchpoint_id.clone()),
                ];
                if journey.touchpoint(touchpoint_id).is_none() {
                    Some((
                        at,
                        crate::tr!(
                            "valid-change-curve-unknown",
                            id = format!("{touchpoint_id:?}")
                        ),
                    ))
                } else if !journey.scale.contains(score) {
                    Some((
                        at,
                        crate::tr!(
                            "valid-change-curve-off-scale",
                            score = score.to_string(),
                            id = format!("{touchpoint_id:?}"),
                            min = journey.scale.min.to_string(),
                            max = journey.scale.max.to_string()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_language};

    /// The text without isolation marks and without the Latin a Hebrew message is allowed to
    /// quote (ids in quotes, character codes, product and format names): what is left must hold
    /// no English word.
    fn english_words(text: &str) -> Vec<String> {
        let mut rest = String::new();
        let mut quoted = false;
        for c in text.chars() {
            match c {
                '"' | '“' | '”' => quoted = !quoted,
                '\u{2066}'..='\u{2069}' => {}
                c if !quoted => rest.push(c),
                _ => {}
            }
        }
        rest.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() > 1)
            .filter(|w| !matches!(*w, "emograph" | "SVG" | "XML" | "bidi" | "CRM" | "SLA"))
            .filter(|w| !w.starts_with('U'))
            .map(str::to_owned)
            .collect()
    }

    fn broken_journey() -> Journey {
        let mut journey = Journey {
            title: "Cinema\u{202E}".into(),
            ..Journey::default()
        };
        journey.touchpoints = vec![Touchpoint::new("park", "Parking", "during")];
        for _ in 0..2 {
            let mut case = Case::new("c1", "Noa");
            case.scores.insert("park".into(), -7.5);
            case.scores.insert("nowhere".into(), 1.0);
            journey.cases.push(case);
        }
        journey.scenarios = vec![Scenario {
            id: "s1".into(),
            name: "To-be".into(),
            changes: vec![Change {
                touchpoint: "park".into(),
                kind: ChangeKind::Amplify { by: 11.0 },
                from_flag: None,
            }],
        }];
        journey
    }

    #[test]
    fn problems_are_said_in_hebrew_with_their_arguments_in_place() {
        let journey = broken_journey();
        let english: Vec<String> = journey
            .validate()
            .iter()
            .map(|p| p.message.clone())
            .collect();
        let unmarked = |text: &str| text.replace(['\u{2068}', '\u{2069}'], "");
        let hebrew: Vec<String> = with_language(Lang::Hebrew, || {
            journey
                .validate()
                .iter()
                .map(|p| unmarked(&p.message))
                .collect()
        });
        assert_eq!(english.len(), hebrew.len());
        // Each problem in Hebrew: its words, and the id, number or place it is about.
        let expected: [(&str, &[&str]); 7] = [
            (
                "the title holds U+202E",
                &["התו ה־", "של הכותרת", "U+202E", "7", "הסירו"],
            ),
            (
                "score for unknown touchpoint \"nowhere\"",
                &["ציון לנקודת מגע לא מוכרת", "\"nowhere\""],
            ),
            (
                "score -7.5 for \"park\"",
                &["הציון", "מחוץ לסולם", "-7.5", "\"park\"", "-5"],
            ),
            ("duplicate case id \"c1\"", &["מזהה מקרה כפול", "\"c1\""]),
            ("score for unknown touchpoint", &["לא מוכרת", "\"nowhere\""]),
            ("score -7.5 for \"park\"", &["בנקודת המגע", "-7.5"]),
            ("amplify by 11", &["הגברה ב־", "11", "10"]),
        ];
        for ((english_start, hebrew_words), (en, he)) in
            expected.iter().zip(english.iter().zip(&hebrew))
        {
            assert!(en.contains(english_start), "{en}");
            for word in *hebrew_words {
                assert!(he.contains(word), "{he} lacks {word}");
            }
            assert!(
                english_words(he).is_empty(),
                "English in {he}: {:?}",
                english_words(he)
            );
        }
    }

    /// An English problem about a Hebrew id reads as it always has: no isolation marks.
    #[test]
    fn english_problems_about_hebrew_ids_carry_no_marks() {
        let mut journey = Journey {
            touchpoints: vec![Touchpoint::new("חניה", "חניה", "during")],
            ..Journey::default()
        };
        let mut case = Case::new("c1", "");
        case.scores.insert("חניה".into(), 9.0);
        journey.cases.push(case);
        let messages: Vec<String> = journey.validate().into_iter().map(|p| p.message).collect();
        assert_eq!(
            messages,
            ["score 9 for \"חניה\" lies outside the scale -5 … 5"]
        );
        let hebrew = with_language(Lang::Hebrew, || journey.validate().remove(0).message);
        assert!(
            hebrew.contains('\u{2068}'),
            "Hebrew keeps its marks: {hebrew:?}"
        );
    }

    #[test]
    fn every_thing_field_and_count_has_hebrew_words() {
        let things = [
            Thing::Phase,
            Thing::Touchpoint,
            Thing::Case,
            Thing::Owner,
            Thing::Metric,
            Thing::Flag,
            Thing::Scenario,
        ];
        for thing in things {
            let he = with_language(Lang::Hebrew, || thing.word());
            assert!(he.chars().any(crate::i18n::is_rtl_char), "{thing:?}: {he}");
        }
        let why = with_language(Lang::Hebrew, || Forbidden::Bidi.why());
        assert!(english_words(&why).is_empty(), "{why}");
    }
}
