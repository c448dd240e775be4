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
    /// Index into the compared segments (largest first).
    Segment(usize),
    /// A scenario's to-be mean, dashed over the as-is.
    ToBe,
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
    Critical {
        rank: usize,
        positive: bool,
    },
    /// A flag the team owns (made from a detected point or by hand).
    Flag {
        positive: bool,
    },
}

impl MarkerKind {
    /// Which badge gets the best place when they compete (smaller first): critical points by
    /// rank, then the team's flags, then the turning points.
    pub fn badge_priority(self) -> (u8, usize) {
        match self {
            Self::Critical { rank, .. } => (0, rank),
            Self::Flag { .. } => (1, 0),
            _ => (2, 0),
        }
    }

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
    /// Drawn beside the marker: who owns it and its key metric ("Dana · 12 min → target
    /// 5 min · Queue wait"), fitted by each painter with [`super::Badge::fit`].
    pub badge: Option<super::Badge>,
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
    /// Drawn as this marker alone, without a line, exactly as the chart draws it (a critical
    /// point's ring, a flag), so the legend looks like what it explains.
    pub symbol: Option<MarkerKind>,
}

impl Scene {
    /// Maps a data x onto `[0, 1]` across the plot area. The process runs left to right even
    /// for right-to-left journeys, as a time axis does in Hebrew spreadsheets and slides; only
    /// the text is laid out right to left.
    pub fn x_fraction(&self, x: f64) -> f64 {
        let (min, max) = self.x_range;
        if max > min {
            (x - min) / (max - min)
        } else {
            0.5
        }
    }

    /// Maps a score onto `[0, 1]` from the bottom of the plot area to the top.
    pub fn y_fraction(&self, y: f64) -> f64 {
        let (min, max) = self.y_range;
        if max > min {
            (y - min) / (max - min)
        } else {
            0.5
        }
    }
}

impl Scene {
    /// Moves every touchpoint to a new x (`new_xs[touchpoint]`), keeping what is drawn there:
    /// this is how a view switches between a true time axis and even process spacing without
    /// each view builder knowing about it. `time_unit` labels the axis when it is a time axis.
    pub fn respace(&mut self, new_xs: &[f64], time_unit: Option<String>) {
        if new_xs.len() != self.x_ticks.len() || new_xs.is_empty() {
            return;
        }
        let new_x = |touchpoint: usize, old: f64| new_xs.get(touchpoint).copied().unwrap_or(old);
        // Bands and phases know only xs: map each old tick x to its touchpoint.
        let old_ticks: Vec<(f64, usize)> =
            self.x_ticks.iter().map(|t| (t.x, t.touchpoint)).collect();
        let by_old_x = |x: f64| old_ticks.iter().find(|(tx, _)| *tx == x).map(|&(_, i)| i);

        for tick in &mut self.x_ticks {
            tick.x = new_x(tick.touchpoint, tick.x);
        }
        for curve in &mut self.curves {
            for point in &mut curve.points {
                point.x = new_x(point.touchpoint, point.x);
            }
        }
        for marker in &mut self.markers {
            marker.x = new_x(marker.touchpoint, marker.x);
        }
        for band in &mut self.bands {
            for point in band.lower.iter_mut().chain(band.upper.iter_mut()) {
                if let Some(i) = by_old_x(point[0]) {
                    point[0] = new_x(i, point[0]);
                }
            }
        }
        let first = new_xs.iter().copied().fold(f64::INFINITY, f64::min);
        let last = new_xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let pad = if time_unit.is_some() {
            ((last - first) * 0.04).max(f64::EPSILON)
        } else {
            0.5
        };
        let old_range = self.x_range;
        self.x_range = (first - pad, last.max(first + f64::EPSILON) + pad);
        // A phase band spans its touchpoints and reaches halfway to the neighbouring ones.
        let mut sorted: Vec<(f64, usize)> = old_ticks.clone();
        sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
        for phase in &mut self.phases {
            let inside: Vec<usize> = sorted
                .iter()
                .filter(|(x, _)| *x >= phase.x_min && *x <= phase.x_max)
                .map(|&(_, i)| i)
                .collect();
            let (Some(&first_tp), Some(&last_tp)) = (inside.first(), inside.last()) else {
                continue;
            };
            let position = |tp: usize| sorted.iter().position(|&(_, i)| i == tp);
            let neighbour_x = |pos: Option<usize>, step: isize| {
                pos.and_then(|p| p.checked_add_signed(step))
                    .and_then(|p| sorted.get(p))
                    .map(|&(_, i)| new_x(i, 0.0))
            };
            let lo = new_x(first_tp, 0.0);
            let hi = new_x(last_tp, 0.0);
            phase.x_min = if phase.x_min <= old_range.0 {
                self.x_range.0
            } else {
                neighbour_x(position(first_tp), -1).map_or(self.x_range.0, |prev| (prev + lo) / 2.0)
            };
            phase.x_max = if phase.x_max >= old_range.1 {
                self.x_range.1
            } else {
                neighbour_x(position(last_tp), 1).map_or(self.x_range.1, |next| (hi + next) / 2.0)
            };
        }
        self.x_unit = time_unit;
    }

    /// Spaces the touchpoints evenly in process order (the default on screen: readable even
    /// when the time offsets crowd some touchpoints together).
    pub fn space_evenly(&mut self) {
        let xs: Vec<f64> = (0..self.x_ticks.len()).map(|i| i as f64).collect();
        if self.x_unit.is_some() {
            self.respace(&xs, None);
        }
    }
}
