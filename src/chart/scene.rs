//! The Scene: a painter-independent description of one emotion graph.

use super::Rgba;

/// Everything a painter needs to draw one graph, in data coordinates.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    pub title: String,
    /// A second line under the title: the view and the number of cases behind it.
    pub subtitle: String,
    /// True when the journey's text is right-to-left: painters align labels accordingly.
    pub rtl: bool,
    /// Visible range along the process, with some room at both ends.
    pub x_range: (f64, f64),
    /// The scale, normally −5 … +5.
    pub y_range: (f64, f64),
    /// One tick per touchpoint, at its x.
    pub x_ticks: Vec<XTick>,
    /// Set when x is a true time axis ("days", "min").
    pub x_unit: Option<String>,
    /// Whole scores to draw grid lines at.
    pub y_ticks: Vec<f64>,
    /// Named levels: +5 WOW, 0 neutral, −5 angry and frustrated.
    pub y_anchors: Vec<YAnchor>,
    pub phases: Vec<PhaseBand>,
    /// Filled areas (quartile bands) drawn under the curves.
    pub bands: Vec<Band>,
    pub curves: Vec<Curve>,
    /// Turning and critical points, drawn over the curves.
    pub markers: Vec<Marker>,
    pub legend: Vec<LegendEntry>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct XTick {
    pub x: f64,
    pub label: String,
    /// Index into the journey's touchpoints.
    pub touchpoint: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct YAnchor {
    pub y: f64,
    pub label: String,
}

/// A run of consecutive touchpoints in one phase, shaded behind the curves.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseBand {
    pub x_min: f64,
    pub x_max: f64,
    pub label: String,
    pub shade: Rgba,
}

/// A filled area between two lines (e.g. the quartile band q1 … q3).
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub label: String,
    /// Points `[x, y]` of the lower edge, in x order; `upper` has the same xs.
    pub lower: Vec<[f64; 2]>,
    pub upper: Vec<[f64; 2]>,
    pub fill: Rgba,
}

/// What a curve stands for, so a click or hover can find the thing behind it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CurveKey {
    /// Index into the journey's cases.
    Case(usize),
    /// Index into `Patterns::patterns`.
    Pattern(usize),
    /// The mean over all visible cases.
    Mean,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emphasis {
    Normal,
    /// Drawn thin and pale: context, such as the members behind a pattern's mean.
    Faded,
    /// The case being edited: drawn on top, thicker.
    Selected,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerShape {
    Circle,
    Square,
    Diamond,
    TriangleUp,
    TriangleDown,
    Cross,
}

impl MarkerShape {
    pub const CYCLE: [Self; 6] = [
        Self::Circle,
        Self::Square,
        Self::Diamond,
        Self::TriangleUp,
        Self::TriangleDown,
        Self::Cross,
    ];
}

#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    pub key: CurveKey,
    pub label: String,
    /// Only the scored touchpoints, in x order; painters join consecutive points.
    pub points: Vec<CurvePoint>,
    pub color: Rgba,
    /// Line width in points (before the theme's scaling).
    pub width: f32,
    pub marker: Option<MarkerShape>,
    pub dashed: bool,
    pub emphasis: Emphasis,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CurvePoint {
    pub x: f64,
    pub y: f64,
    /// Index into the journey's touchpoints.
    pub touchpoint: usize,
    /// Shown on hover: the case's note at this touchpoint, if any.
    pub note: String,
}

/// What a marker says about the point it sits on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerKind {
    Peak,
    Trough,
    CrossingUp,
    CrossingDown,
    Drop,
    Rise,
    /// A critical point, ranked within its scope (1 = most critical).
    Critical { rank: usize, positive: bool },
    /// A flag the team owns (made from a detected point or by hand).
    Flag { positive: bool },
}

impl MarkerKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Peak => "peak",
            Self::Trough => "trough",
            Self::CrossingUp => "crosses into positive",
            Self::CrossingDown => "crosses into negative",
            Self::Drop => "steep drop",
            Self::Rise => "steep rise",
            Self::Critical { .. } => "critical point",
            Self::Flag { .. } => "flag",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub x: f64,
    pub y: f64,
    pub kind: MarkerKind,
    /// Index into the journey's touchpoints.
    pub touchpoint: usize,
    /// A short text drawn beside the marker (e.g. an owner badge "Dana · wait 12/5 min").
    pub badge: Option<String>,
    /// The numbers behind it, shown on hover.
    pub tooltip: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub label: String,
    pub color: Rgba,
    pub marker: Option<MarkerShape>,
    pub dashed: bool,
    /// A filled swatch (a band) rather than a line.
    pub filled: bool,
}

impl Scene {
    /// Maps a data x onto `[0, 1]` across the plot area. The process runs left to right even
    /// for right-to-left journeys, as a time axis does in Hebrew spreadsheets and slides; only
    /// the text is laid out right to left.
    pub fn x_fraction(&self, x: f64) -> f64 {
        let (min, max) = self.x_range;
        if max > min { (x - min) / (max - min) } else { 0.5 }
    }

    /// Maps a score onto `[0, 1]` from the bottom of the plot area to the top.
    pub fn y_fraction(&self, y: f64) -> f64 {
        let (min, max) = self.y_range;
        if max > min { (y - min) / (max - min) } else { 0.5 }
    }
}
