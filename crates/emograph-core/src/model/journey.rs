use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The file format version this build writes. Older versions load through `io::migrate`.
/// Version 2 lists each case's scores in touchpoint order (`io::journey_v2`); version 1 named
/// the touchpoint of every score.
pub const FORMAT_VERSION: u32 = 2;

/// One emotion-graph study: a process, the people who own it, and the cases told about it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Journey {
    /// File format version; see [`FORMAT_VERSION`].
    pub version: u32,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub scale: Scale,
    #[serde(default = "default_phases")]
    pub phases: Vec<Phase>,
    /// Unit of the touchpoints' `time_offset` ("min", "days"); shown on a time axis.
    #[serde(default)]
    pub time_unit: String,
    /// In process order: the x axis of the graph.
    #[serde(default)]
    pub touchpoints: Vec<Touchpoint>,
    #[serde(default)]
    pub owners: Vec<Owner>,
    #[serde(default)]
    pub metrics: Vec<Metric>,
    #[serde(default)]
    pub cases: Vec<Case>,
    #[serde(default)]
    pub flags: Vec<Flag>,
    /// The rounds of measurement and their dates, so "did it work?" can find the wave before
    /// and after an action. Cases name their wave by label ([`Case::wave`]); a wave not listed
    /// here takes its date from its label when it holds one ("after redesign 2027-03").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waves: Vec<Wave>,
    /// Named to-be scenarios: changes at touchpoints whose effect is computed per case
    /// (`analysis::scenario`), never stored.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
    /// Names the team gave typical patterns, each kept with the cases it was given to: patterns
    /// are recomputed (new cases, another k), and a name follows the pattern whose members are
    /// mostly the same (`analysis::pattern_names`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pattern_names: Vec<PatternName>,
    /// Whether the touchpoints are in time order (a process) or not (an attribute survey, whose
    /// column order means nothing): analysis that needs order (drops, erosion, crossings,
    /// closeness to the end) applies only to the former.
    #[serde(default = "in_time_order_by_default", skip_serializing_if = "is_true")]
    pub in_time_order: bool,
    /// What each case's `outcome` is and which values are favourable, when the cases carry one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
}

fn in_time_order_by_default() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}

/// A case's overall verdict (overall satisfaction, an NPS answer), kept so the tool can say which
/// touchpoints drive it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// The survey question it came from ("Satisfaction").
    pub name: String,
    pub rule: OutcomeRule,
}

impl Outcome {
    /// Whether a case's outcome value is favourable.
    pub fn favourable(&self, value: f64) -> bool {
        match &self.rule {
            OutcomeRule::AtLeast(threshold) => value >= *threshold,
            OutcomeRule::Values(_) | OutcomeRule::YesNo => value >= 1.0,
        }
    }
}

/// Which outcome values are favourable.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum OutcomeRule {
    /// A category: these values (matched ignoring case) are favourable; cases store 1 or 0.
    Values(Vec<String>),
    /// A number (an overall rating, 0–10 NPS): this value and above are favourable; cases store
    /// the number.
    AtLeast(f64),
    /// Yes/no, true/false or 1/0; cases store 1 or 0.
    YesNo,
}

impl Default for Journey {
    fn default() -> Self {
        Self {
            version: FORMAT_VERSION,
            title: "Untitled journey".to_owned(),
            description: String::new(),
            scale: Scale::default(),
            phases: default_phases(),
            time_unit: String::new(),
            touchpoints: Vec::new(),
            owners: Vec::new(),
            metrics: Vec::new(),
            cases: Vec::new(),
            flags: Vec::new(),
            waves: Vec::new(),
            scenarios: Vec::new(),
            pattern_names: Vec::new(),
            in_time_order: true,
            outcome: None,
        }
    }
}

/// Before, during and after the direct encounter: what happens around it counts as much.
pub fn default_phases() -> Vec<Phase> {
    vec![
        Phase::new("before", "Before"),
        Phase::new("during", "During"),
        Phase::new("after", "After"),
    ]
}

/// The vertical axis. Stored scores are always on the canonical −5 … +5 range; data measured on
/// another scale is mapped linearly on import and the original range is kept in `source`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub min: f64,
    pub max: f64,
    /// Named levels shown on the axis, e.g. +5 "WOW".
    #[serde(default)]
    pub anchors: Vec<Anchor>,
    /// The scale the data was collected on, if not −5 … +5 (e.g. a 1–5 survey).
    #[serde(default)]
    pub source: Option<SourceScale>,
}

impl Default for Scale {
    fn default() -> Self {
        Self {
            min: -5.0,
            max: 5.0,
            anchors: vec![
                Anchor::new(5.0, "WOW"),
                Anchor::new(0.0, "neutral"),
                Anchor::new(-5.0, "angry and frustrated"),
            ],
            source: None,
        }
    }
}

impl Scale {
    /// Clamp a score onto the scale (used by editing; loading refuses out-of-range scores).
    pub fn clamp(&self, score: f64) -> f64 {
        score.clamp(self.min, self.max)
    }

    pub fn contains(&self, score: f64) -> bool {
        score.is_finite() && score >= self.min && score <= self.max
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    pub value: f64,
    pub label: String,
}

impl Anchor {
    pub fn new(value: f64, label: &str) -> Self {
        Self {
            value,
            label: label.to_owned(),
        }
    }
}

/// The range a source survey used, e.g. `1 … 5`, mapped linearly onto the canonical scale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceScale {
    pub min: f64,
    pub max: f64,
}

impl SourceScale {
    /// Map a value from this source range onto `scale` linearly.
    pub fn map_onto(&self, value: f64, scale: &Scale) -> f64 {
        let span = self.max - self.min;
        if span == 0.0 {
            return (scale.min + scale.max) / 2.0;
        }
        scale.min + (value - self.min) / span * (scale.max - scale.min)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: String,
    pub name: String,
}

impl Phase {
    pub fn new(id: &str, name: &str) -> Self {
        Self {
            id: id.to_owned(),
            name: name.to_owned(),
        }
    }
}

/// Where the customer meets the organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Touchpoint {
    pub id: String,
    pub name: String,
    /// Id of a [`Phase`].
    pub phase: String,
    /// Call centre, website, branch, SMS, e-mail, on site …
    #[serde(default)]
    pub channel: String,
    #[serde(default)]
    pub office: Office,
    /// Elapsed time from the start of the journey, in the journey's `time_unit`s, for a true time axis.
    #[serde(default)]
    pub time_offset: Option<f64>,
    /// The CRM process this touchpoint belongs to.
    #[serde(default)]
    pub process: String,
    /// Id of the [`Owner`] responsible for it.
    #[serde(default)]
    pub owner: Option<String>,
}

impl Touchpoint {
    pub fn new(id: &str, name: &str, phase: &str) -> Self {
        Self {
            id: id.to_owned(),
            name: name.to_owned(),
            phase: phase.to_owned(),
            channel: String::new(),
            office: Office::Front,
            time_offset: None,
            process: String::new(),
            owner: None,
        }
    }
}

/// Whether the customer sees this step (front office) or only feels its effects (back office).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Office {
    #[default]
    Front,
    Back,
}

/// One remembered or surveyed customer experience: a curve on the graph.
///
/// Its serde shape is format version 1's (`scores` as a map by touchpoint id), which the reader
/// migrates; version 2 files are written and read by `io::journey_v2`, which lays the scores
/// out in touchpoint order and needs the journey's touchpoints to do so.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: String,
    #[serde(default)]
    pub label: String,
    /// E.g. platinum / gold / regular.
    #[serde(default)]
    pub segment: String,
    /// Who told it (a participant, a survey, a CRM export).
    #[serde(default)]
    pub source: String,
    /// The round of measurement it belongs to ("baseline 2026-11", "after redesign 2027-03"),
    /// so waves can be compared touchpoint by touchpoint; empty when the journey has one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub wave: String,
    /// The case's outcome as the journey's [`Outcome`] reads it (1/0, or the number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<f64>,
    /// Score by touchpoint id; a case may skip touchpoints it never experienced.
    #[serde(default)]
    pub scores: BTreeMap<String, f64>,
    /// Note by touchpoint id: what happened there, in the teller's words.
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
}

impl Case {
    pub fn new(id: &str, label: &str) -> Self {
        Self {
            id: id.to_owned(),
            label: label.to_owned(),
            segment: String::new(),
            source: String::new(),
            wave: String::new(),
            outcome: None,
            scores: BTreeMap::new(),
            notes: BTreeMap::new(),
        }
    }

    /// The label if set, else the id: what the UI and charts call this case.
    pub fn display_name(&self) -> &str {
        if self.label.trim().is_empty() {
            &self.id
        } else {
            &self.label
        }
    }
}

/// The person who decides about a CRM process.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Owner {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub role: String,
    /// The CRM process they own.
    #[serde(default)]
    pub process: String,
}

/// What will show whether a redesign worked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub current: Option<f64>,
    #[serde(default)]
    pub target: Option<f64>,
    #[serde(default)]
    pub better: Better,
    #[serde(default)]
    pub level: MetricLevel,
    /// The service level agreed for the process, in words ("call back within 24 h").
    #[serde(default)]
    pub sla: String,
    #[serde(default)]
    pub owner: Option<String>,
    /// Ids of the touchpoints it measures.
    #[serde(default)]
    pub touchpoints: Vec<String>,
    /// Dated values, oldest first, so a redesign's effect shows as a line against the target.
    /// When it holds values, the newest is the metric's current value (see
    /// [`Metric::current_value`]); `current` stays for metrics measured once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<MetricValue>,
}

/// One dated measurement of a metric.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricValue {
    /// ISO date `YYYY-MM-DD`.
    pub date: String,
    pub value: f64,
}

impl Metric {
    /// The newest dated value when there is a history (the latest date; of equal dates the
    /// later entry), else `current`.
    pub fn current_value(&self) -> Option<f64> {
        self.history
            .iter()
            .enumerate()
            .max_by(|(i, a), (j, b)| a.date.cmp(&b.date).then(i.cmp(j)))
            .map(|(_, v)| v.value)
            .or(self.current)
    }

    /// Signed distance still to go: positive means the target is not yet reached.
    pub fn gap(&self) -> Option<f64> {
        let (current, target) = (self.current_value()?, self.target?);
        Some(match self.better {
            Better::Higher => target - current,
            Better::Lower => current - target,
        })
    }

    /// On track when the target is met or beaten.
    pub fn on_track(&self) -> Option<bool> {
        self.gap().map(|gap| gap <= 0.0)
    }
}

/// Which direction of a metric is an improvement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Better {
    #[default]
    Higher,
    Lower,
}

/// The CRM method measures change at four levels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum MetricLevel {
    Firm,
    CustomerStrategy,
    #[default]
    Operational,
    Infrastructure,
}

impl MetricLevel {
    pub const ALL: [Self; 4] = [
        Self::Firm,
        Self::CustomerStrategy,
        Self::Operational,
        Self::Infrastructure,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Firm => "firm",
            Self::CustomerStrategy => "customer strategy",
            Self::Operational => "operational",
            Self::Infrastructure => "infrastructure",
        }
    }
}

/// A critical point as the team decided it: work someone owns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flag {
    pub id: String,
    pub touchpoint: String,
    pub kind: FlagKind,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub owner: Option<String>,
    /// Ids of the metrics that will show success.
    #[serde(default)]
    pub metrics: Vec<String>,
    #[serde(default)]
    pub action: Action,
    /// What was agreed, in words.
    #[serde(default)]
    pub action_text: String,
    /// ISO date `YYYY-MM-DD`.
    #[serde(default)]
    pub due: Option<String>,
    #[serde(default)]
    pub status: Status,
    /// Made from a detected critical point (true) or by hand for one the detector missed.
    #[serde(default)]
    pub detected: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FlagKind {
    Positive,
    Negative,
}

impl FlagKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Positive => "positive",
            Self::Negative => "negative",
        }
    }
}

/// What to do about a critical point.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    /// Make a positive moment bigger or more frequent.
    Amplify,
    /// Remove the cause of a negative moment.
    #[default]
    Prevent,
    /// Where it can't be prevented: respond faster and soften the drop.
    ShortenResponse,
}

impl Action {
    pub const ALL: [Self; 3] = [Self::Amplify, Self::Prevent, Self::ShortenResponse];

    pub fn label(self) -> &'static str {
        match self {
            Self::Amplify => "amplify",
            Self::Prevent => "prevent",
            Self::ShortenResponse => "shorten response",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    #[default]
    Open,
    InProgress,
    Done,
}

impl Status {
    pub const ALL: [Self; 3] = [Self::Open, Self::InProgress, Self::Done];

    pub fn label(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::InProgress => "in progress",
            Self::Done => "done",
        }
    }
}

/// A round of measurement: the label cases carry, and when it was measured.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wave {
    /// As the cases name it ([`Case::wave`]), matched trimmed and ignoring case.
    pub label: String,
    /// ISO date `YYYY-MM-DD` (the start of the fieldwork).
    #[serde(default)]
    pub date: Option<String>,
}

/// "Frustrated families": a typical pattern's name and the cases it had when it was named.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternName {
    pub name: String,
    /// Case ids, as the analysis numbers its rows (a journey's case ids, a CSV's case column).
    /// Shared: the panels copy the journey without its cases every frame, and a pattern of a
    /// large survey holds tens of thousands of ids.
    pub members: std::sync::Arc<[String]>,
}

/// A to-be journey ("to-be 2027"): what the team means to change, touchpoint by touchpoint.
/// Its curves are computed from the cases (`analysis::scenario`), so they follow the data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub id: String,
    pub name: String,
    /// Applied in this order, each to the curves the ones before it left.
    #[serde(default)]
    pub changes: Vec<Change>,
}

/// One change of a scenario, at one touchpoint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// Id of the touchpoint changed (for a drawn curve: the one it is about).
    pub touchpoint: String,
    pub kind: ChangeKind,
    /// Id of the flag whose agreed action this change models, if made from one.
    #[serde(default)]
    pub from_flag: Option<String>,
}

/// What a change does to each case's curve; the formulas are in `analysis::scenario`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ChangeKind {
    /// The fall into the touchpoint does not happen.
    Prevent,
    /// The fall is softened to `factor` of itself (0 … 1: how much of the fall remains) and the
    /// recovery after it comes one touchpoint earlier.
    ShortenResponse { factor: f64 },
    /// The touchpoint's score raised by `by` points.
    Amplify { by: f64 },
    /// A hand-drawn to-be curve (score by touchpoint id) for one pattern (numbered from 1), or
    /// for every case when `pattern` is `None`.
    Drawn {
        #[serde(default)]
        pattern: Option<usize>,
        curve: BTreeMap<String, f64>,
    },
}

impl ChangeKind {
    /// A shortened response keeps half the fall unless told otherwise.
    pub const DEFAULT_FACTOR: f64 = 0.5;
    /// An amplified peak gains one point on the scale unless told otherwise.
    pub const DEFAULT_AMPLIFY: f64 = 1.0;

    /// The word used in tables and JSON.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Prevent => "prevent",
            Self::ShortenResponse { .. } => "shorten_response",
            Self::Amplify { .. } => "amplify",
            Self::Drawn { .. } => "drawn",
        }
    }

    /// The change a flag's agreed action stands for, with the default strength.
    pub fn for_action(action: Action) -> Self {
        match action {
            Action::Prevent => Self::Prevent,
            Action::ShortenResponse => Self::ShortenResponse {
                factor: Self::DEFAULT_FACTOR,
            },
            Action::Amplify => Self::Amplify {
                by: Self::DEFAULT_AMPLIFY,
            },
        }
    }
}

impl Change {
    /// The change that models `flag`'s action at its touchpoint (see [`ChangeKind::for_action`]).
    pub fn from_flag(flag: &Flag) -> Self {
        Self {
            touchpoint: flag.touchpoint.clone(),
            kind: ChangeKind::for_action(flag.action),
            from_flag: Some(flag.id.clone()),
        }
    }
}

impl Journey {
    /// The scenario named `name_or_id`: by id first, else by name (trimmed, ignoring case).
    pub fn scenario(&self, name_or_id: &str) -> Option<&Scenario> {
        let wanted = name_or_id.trim();
        self.scenarios.iter().find(|s| s.id == wanted).or_else(|| {
            self.scenarios
                .iter()
                .find(|s| s.name.trim().to_lowercase() == wanted.to_lowercase())
        })
    }

    pub fn flag(&self, flag_id: &str) -> Option<&Flag> {
        self.flags.iter().find(|f| f.id == flag_id)
    }
}

impl Journey {
    /// Everything but the cases: what panels need each frame, cheap to copy even when the
    /// journey holds tens of thousands of cases.
    pub fn clone_without_cases(&self) -> Journey {
        Journey {
            version: self.version,
            title: self.title.clone(),
            description: self.description.clone(),
            scale: self.scale.clone(),
            phases: self.phases.clone(),
            time_unit: self.time_unit.clone(),
            touchpoints: self.touchpoints.clone(),
            owners: self.owners.clone(),
            metrics: self.metrics.clone(),
            cases: Vec::new(),
            flags: self.flags.clone(),
            waves: self.waves.clone(),
            scenarios: self.scenarios.clone(),
            pattern_names: self.pattern_names.clone(),
            in_time_order: self.in_time_order,
            outcome: self.outcome.clone(),
        }
    }

    pub fn touchpoint(&self, touchpoint_id: &str) -> Option<&Touchpoint> {
        self.touchpoints.iter().find(|t| t.id == touchpoint_id)
    }

    pub fn touchpoint_index(&self, touchpoint_id: &str) -> Option<usize> {
        self.touchpoints.iter().position(|t| t.id == touchpoint_id)
    }

    pub fn phase(&self, phase_id: &str) -> Option<&Phase> {
        self.phases.iter().find(|p| p.id == phase_id)
    }

    pub fn owner(&self, owner_id: &str) -> Option<&Owner> {
        self.owners.iter().find(|o| o.id == owner_id)
    }

    pub fn metric(&self, metric_id: &str) -> Option<&Metric> {
        self.metrics.iter().find(|m| m.id == metric_id)
    }

    pub fn case(&self, case_id: &str) -> Option<&Case> {
        self.cases.iter().find(|c| c.id == case_id)
    }

    /// True when the journey's own words are mostly right-to-left (Hebrew, Arabic): the report
    /// and the UI lay such a journey out right to left.
    pub fn is_rtl(&self) -> bool {
        let text = std::iter::once(self.title.as_str())
            .chain(self.touchpoints.iter().map(|t| t.name.as_str()));
        let (mut rtl, mut ltr) = (0usize, 0usize);
        for c in text.flat_map(str::chars) {
            if is_rtl_char(c) {
                rtl += 1;
            } else if c.is_alphabetic() {
                ltr += 1;
            }
        }
        rtl > ltr
    }

    /// A new open flag at a touchpoint, as the method suggests it: a fresh id, the touchpoint's
    /// owner, the metrics that measure the touchpoint, and the action for its kind (amplify a
    /// positive moment, prevent a negative one). `None` if there is no such touchpoint.
    pub fn new_flag(&self, touchpoint_id: &str, kind: FlagKind, detected: bool) -> Option<Flag> {
        let touchpoint = self.touchpoint(touchpoint_id)?;
        Some(Flag {
            id: Self::fresh_id("flag", |id| self.flags.iter().any(|f| f.id == id)),
            touchpoint: touchpoint.id.clone(),
            kind,
            note: String::new(),
            owner: touchpoint.owner.clone(),
            metrics: self
                .metrics
                .iter()
                .filter(|m| m.touchpoints.contains(&touchpoint.id))
                .map(|m| m.id.clone())
                .collect(),
            action: match kind {
                FlagKind::Positive => Action::Amplify,
                FlagKind::Negative => Action::Prevent,
            },
            action_text: String::new(),
            due: None,
            status: Status::Open,
            detected,
        })
    }

    /// A fresh id with the given prefix that no item of that kind uses yet.
    pub fn fresh_id(prefix: &str, taken: impl Fn(&str) -> bool) -> String {
        (1..)
            .map(|n| format!("{prefix}{n}"))
            .find(|id| !taken(id))
            .unwrap_or_else(|| prefix.to_owned())
    }
}

/// Hebrew, Arabic and related scripts (the interface's languages decide it, so it lives there).
pub use crate::i18n::is_rtl_char;
