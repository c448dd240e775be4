//! To-be scenarios: what the journey would look like after the agreed changes, computed case by
//! case from the data, so per pattern and overall.
//!
//! Each case's curve is its scored touchpoints in process order (a skipped touchpoint stays
//! skipped, and a change at a touchpoint the case skipped does nothing to it). The changes of a
//! scenario apply in their order, each to the curves the ones before it left; every to-be score
//! is clamped onto the journey's scale.
//!
//! The **level before the fall** at a touchpoint `t` is the case's score at the scored
//! touchpoint before `t`, but no higher than the best score the case reaches again after `t`:
//! a fall from a peak (the film, then the exit queue) is prevented back to where the curve
//! settles afterwards, not to the peak. (When the curve never again gets above its score at
//! `t`, or `t` is its last scored touchpoint, the level is the score before `t`.) There is a
//! *fall* into `t` when `score(t)` is below that level `L`.
//!
//! The fall's **dip** is `t` and the later touchpoints that stay below halfway between
//! `score(t)` and `L`; the curve **recovers** at the first later touchpoint at or above halfway
//! (it has made up the greater part of the fall by itself). From the recovery on, prevent and
//! shorten change nothing, so what happens later in the journey stays the case's own.
//!
//! - **Prevent** at `t`: the fall does not happen. Every touchpoint of the dip is lifted by the
//!   fall, `L − score(t)`, but never above `L`: `t` itself becomes `L`, and the bad mood that
//!   lingered after it goes too. A case with no fall into `t` (or with `t` its first scored
//!   touchpoint) is left as it is: there is nothing to prevent.
//! - **Shorten the response** by factor `f` (0 … 1, how much of the fall remains): the dip is
//!   softened, each score `x` in it becoming `L − f·(L − x)`, and the recovery comes one
//!   touchpoint earlier: each touchpoint of the dip after `t` takes the softened score of the
//!   touchpoint after it, so the last one already has the recovery's. A dip that lasts to the
//!   end is only softened. `f = 1` only brings the recovery forward.
//! - **Amplify** by `a` points: the score at `t` is raised by `a`.
//! - **Drawn** curve (a to-be curve drawn by hand for one pattern, or for all cases): at each
//!   touchpoint the curve names, every case of the pattern is moved by the same amount, the
//!   drawn score minus the pattern's mean there, so the pattern's to-be mean follows the drawing
//!   (up to clamping) and each case keeps its own distance from the mean.
//!
//! For each scope (all cases, and each pattern of the analysis) the outcome gives, before and
//! after, over the scope's cases that scored anything:
//! - the **mean**: the average of each case's own mean over its scored touchpoints (each case
//!   counts once, however many touchpoints it scored);
//! - the **remembered experience** by the peak-end rule: the average of `(worst + end) / 2`, a
//!   case's lowest score and its last scored one;
//! - the share of cases **ending angry**: last score at or below
//!   [`CriticalParams::angry_at_or_below`](super::CriticalParams) (−3);
//! - the **mean curve** per touchpoint (a pattern's keeps its filled value where no member
//!   scored a touchpoint, as `emograph patterns` shows it);
//! - and the **critical points** of the to-be curves, found by the same detector with the same
//!   settings as the as-is ones: a prevented drop's critical point is gone.

use super::critical::{CriticalReport, Scope, critical_points};
use super::{Analysis, ScoreMatrix};
use crate::model::{ChangeKind, FlagKind, Journey, Scale, Scenario};

/// One scope (overall or a pattern) before and after.
#[derive(Clone, Debug, PartialEq)]
pub struct ScopeOutcome {
    pub scope: Scope,
    /// Cases in the scope that scored at least one touchpoint.
    pub cases: usize,
    pub mean_before: f64,
    pub mean_after: f64,
    /// Peak-end: the average of (worst + end) / 2.
    pub remembered_before: f64,
    pub remembered_after: f64,
    /// Share of the cases whose last score is at or below the angry threshold.
    pub angry_end_before: f64,
    pub angry_end_after: f64,
    /// Mean per touchpoint (`NaN` where nobody scored it).
    pub curve_before: Vec<f64>,
    pub curve_after: Vec<f64>,
}

/// What one change of the scenario did.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeEffect {
    /// Column of the changed touchpoint; `None` if the journey has no such touchpoint.
    pub touchpoint: Option<usize>,
    pub kind: ChangeKind,
    pub from_flag: Option<String>,
    /// Cases whose curve this change altered.
    pub cases_changed: usize,
    /// Scopes where the touchpoint is a critical point in the change's direction (negative for
    /// prevent, shorten and drawn, positive for amplify), before and after the whole scenario.
    pub critical_before: Vec<Scope>,
    pub critical_after: Vec<Scope>,
    /// Why the change did nothing, when the reason is not in the data (a drawn curve for a
    /// pattern this analysis does not have).
    pub note: Option<String>,
}

/// A scenario computed over an analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioOutcome {
    pub scenario_id: String,
    pub name: String,
    /// Overall first, then pattern by pattern.
    pub scopes: Vec<ScopeOutcome>,
    pub changes: Vec<ChangeEffect>,
    /// The to-be scores, one row per case of the analysis.
    pub to_be: ScoreMatrix,
    pub critical_after: CriticalReport,
}

impl ScenarioOutcome {
    pub fn scope(&self, scope: Scope) -> Option<&ScopeOutcome> {
        self.scopes.iter().find(|s| s.scope == scope)
    }
}

/// The scenario's to-be curves and their summary over `analysis` (its cases, patterns and
/// critical-point settings). Pure and deterministic.
pub fn scenario_outcome(analysis: &Analysis, scenario: &Scenario) -> ScenarioOutcome {
    let dataset = &analysis.dataset;
    let journey = &dataset.journey;
    let patterns = &analysis.patterns;
    let mut to_be = dataset.matrix.clone();
    let mut effects = Vec::with_capacity(scenario.changes.len());
    for change in &scenario.changes {
        let column = journey.touchpoint_index(&change.touchpoint);
        let (cases_changed, note) = match column {
            Some(column) => apply_change(&mut to_be, analysis, journey, column, &change.kind),
            None => (0, Some("no such touchpoint".to_owned())),
        };
        effects.push(ChangeEffect {
            touchpoint: column,
            kind: change.kind.clone(),
            from_flag: change.from_flag.clone(),
            cases_changed,
            critical_before: Vec::new(),
            critical_after: Vec::new(),
            note,
        });
    }

    let angry = analysis.settings.critical.angry_at_or_below;
    let width = to_be.touchpoints();
    let all_rows: Vec<usize> = (0..to_be.cases()).collect();
    let mut scopes = vec![scope_outcome(
        Scope::Overall,
        &dataset.matrix,
        &to_be,
        &all_rows,
        None,
        angry,
    )];
    let mut patterns_after = patterns.clone();
    for (index, pattern) in patterns.patterns.iter().enumerate() {
        let rows: Vec<usize> = patterns
            .assignments
            .iter()
            .enumerate()
            .filter(|&(_, &p)| p == index)
            .map(|(row, _)| row)
            .collect();
        let outcome = scope_outcome(
            Scope::Pattern(pattern.id),
            &dataset.matrix,
            &to_be,
            &rows,
            Some(&pattern.mean),
            angry,
        );
        if let Some(after) = patterns_after.patterns.get_mut(index) {
            after.mean = outcome.curve_after.clone();
            after.mean.resize(width, f64::NAN);
        }
        scopes.push(outcome);
    }
    let critical_after = critical_points(&to_be, &patterns_after, &analysis.settings.critical);
    for effect in &mut effects {
        let Some(column) = effect.touchpoint else {
            continue;
        };
        let direction = match effect.kind {
            ChangeKind::Amplify { .. } => FlagKind::Positive,
            _ => FlagKind::Negative,
        };
        let at = |report: &CriticalReport| -> Vec<Scope> {
            report
                .points
                .iter()
                .filter(|p| p.touchpoint == column && p.kind == direction)
                .map(|p| p.scope)
                .collect()
        };
        effect.critical_before = at(&analysis.critical);
        effect.critical_after = at(&critical_after);
    }
    ScenarioOutcome {
        scenario_id: scenario.id.clone(),
        name: scenario.name.clone(),
        scopes,
        changes: effects,
        to_be,
        critical_after,
    }
}

/// Applies one change to every row; returns how many rows it altered, and a note when it could
/// not apply at all.
fn apply_change(
    to_be: &mut ScoreMatrix,
    analysis: &Analysis,
    journey: &Journey,
    column: usize,
    kind: &ChangeKind,
) -> (usize, Option<String>) {
    let scale = &journey.scale;
    let width = to_be.touchpoints();
    let rows = to_be.cases();
    let mut values = std::mem::take(to_be).into_values();
    let mut changed = 0;
    let mut note = None;
    match kind {
        ChangeKind::Drawn { pattern, curve } => {
            let members: Option<Vec<bool>> = match pattern {
                None => Some(vec![true; rows]),
                Some(number) => {
                    let index = number.checked_sub(1);
                    match index.filter(|&i| i < analysis.patterns.patterns.len()) {
                        Some(index) => Some(
                            (0..rows)
                                .map(|row| analysis.patterns.assignments.get(row) == Some(&index))
                                .collect(),
                        ),
                        None => {
                            note = Some(format!(
                                "the analysis has no pattern {number} ({} found)",
                                analysis.patterns.patterns.len()
                            ));
                            None
                        }
                    }
                }
            };
            if let Some(members) = members {
                let targets: Vec<(usize, f64)> = curve
                    .iter()
                    .filter_map(|(id, &score)| Some((journey.touchpoint_index(id)?, score)))
                    .collect();
                let mut touched = vec![false; rows];
                for (col, target) in targets {
                    let scored = |values: &[f64]| {
                        (0..rows)
                            .filter(|&row| members.get(row) == Some(&true))
                            .filter_map(|row| values.get(row * width + col).copied())
                            .filter(|v| v.is_finite())
                            .fold((0usize, 0.0), |(n, sum), v| (n + 1, sum + v))
                    };
                    let (n, sum) = scored(&values);
                    if n == 0 {
                        continue;
                    }
                    let shift = target - sum / n as f64;
                    for row in (0..rows).filter(|&row| members.get(row) == Some(&true)) {
                        if let Some(v) = values.get_mut(row * width + col)
                            && v.is_finite()
                        {
                            let new = scale.clamp(*v + shift);
                            if new != *v {
                                *v = new;
                                if let Some(t) = touched.get_mut(row) {
                                    *t = true;
                                }
                            }
                        }
                    }
                }
                changed = touched.iter().filter(|&&t| t).count();
            }
        }
        _ => {
            for row in values.chunks_exact_mut(width.max(1)) {
                let altered = match kind {
                    ChangeKind::Prevent => prevent(row, column, scale),
                    &ChangeKind::ShortenResponse { factor } => shorten(row, column, factor, scale),
                    &ChangeKind::Amplify { by } => amplify(row, column, by, scale),
                    ChangeKind::Drawn { .. } => false,
                };
                changed += usize::from(altered);
            }
        }
    }
    *to_be = ScoreMatrix::from_rows(width, values);
    (changed, note)
}

/// A fall into one touchpoint of one case (see the module docs).
struct Fall {
    /// The case's scored columns, and the position of the fallen touchpoint among them.
    scored: Vec<usize>,
    k: usize,
    /// The level before the fall.
    level: f64,
    /// Halfway back up: the dip lasts while the curve stays below it.
    halfway: f64,
}

fn fall_into(row: &[f64], column: usize) -> Option<Fall> {
    let scored: Vec<usize> = (0..row.len())
        .filter(|&c| row.get(c).is_some_and(|v| v.is_finite()))
        .collect();
    let k = scored.iter().position(|&c| c == column)?;
    let prev = row.get(*scored.get(k.checked_sub(1)?)?).copied()?;
    let value = row.get(column).copied()?;
    let best_later = scored
        .iter()
        .skip(k + 1)
        .filter_map(|&c| row.get(c).copied())
        .reduce(f64::max);
    let level = match best_later {
        Some(best) if best > value => prev.min(best),
        _ => prev,
    };
    (value < level).then_some(Fall {
        scored,
        k,
        level,
        halfway: (value + level) / 2.0,
    })
}

/// See the module docs: the fall does not happen, and what follows is lifted until it recovers.
fn prevent(row: &mut [f64], column: usize, scale: &Scale) -> bool {
    let Some(fall) = fall_into(row, column) else {
        return false;
    };
    let Some(&value) = row.get(column) else {
        return false;
    };
    let lift = fall.level - value;
    if let Some(slot) = row.get_mut(column) {
        *slot = scale.clamp(fall.level);
    }
    for &c in fall.scored.iter().skip(fall.k + 1) {
        let Some(slot) = row.get_mut(c) else { break };
        if *slot >= fall.halfway {
            break;
        }
        *slot = scale.clamp(fall.level.min(*slot + lift));
    }
    true
}

/// See the module docs: the dip softened to `factor` of itself, the recovery a touchpoint sooner.
fn shorten(row: &mut [f64], column: usize, factor: f64, scale: &Scale) -> bool {
    let Some(fall) = fall_into(row, column) else {
        return false;
    };
    let (level, factor) = (fall.level, factor.clamp(0.0, 1.0));
    let soften = |x: f64| {
        if x < level {
            scale.clamp(level - factor * (level - x))
        } else {
            x
        }
    };
    let columns: Vec<usize> = fall.scored.iter().skip(fall.k).copied().collect();
    let after: Vec<f64> = columns
        .iter()
        .filter_map(|&c| row.get(c).copied())
        .collect();
    let recovery = after
        .iter()
        .skip(1)
        .position(|&v| v >= fall.halfway)
        .map(|i| i + 1);
    for (i, &c) in columns.iter().enumerate() {
        let source = match recovery {
            Some(r) if i >= r => break,
            Some(_) if i > 0 => after.get(i + 1),
            _ => after.get(i),
        };
        if let (Some(&source), Some(slot)) = (source, row.get_mut(c)) {
            *slot = soften(source);
        }
    }
    true
}

fn amplify(row: &mut [f64], column: usize, by: f64, scale: &Scale) -> bool {
    let Some(slot) = row.get_mut(column).filter(|v| v.is_finite()) else {
        return false;
    };
    let new = scale.clamp(*slot + by);
    let altered = new != *slot;
    *slot = new;
    altered
}

/// One scope's summary over `rows` of both matrices; `filled` is a pattern's displayed mean, kept
/// where no member scored a touchpoint.
fn scope_outcome(
    scope: Scope,
    before: &ScoreMatrix,
    after: &ScoreMatrix,
    rows: &[usize],
    filled: Option<&[f64]>,
    angry: f64,
) -> ScopeOutcome {
    // One pass over the scope's rows per matrix: the case-level summaries and the per-touchpoint
    // sums together, without a copy of any row.
    let summary = |matrix: &ScoreMatrix| {
        let width = matrix.touchpoints();
        let (mut n, mut mean, mut remembered, mut angry_end) = (0usize, 0.0, 0.0, 0usize);
        let (mut counts, mut sums) = (vec![0usize; width], vec![0.0; width]);
        for &row in rows {
            let (mut scored, mut sum, mut worst, mut end) = (0usize, 0.0, f64::INFINITY, None);
            for ((&value, count), total) in matrix.row(row).iter().zip(&mut counts).zip(&mut sums) {
                if value.is_finite() {
                    scored += 1;
                    sum += value;
                    worst = worst.min(value);
                    end = Some(value);
                    *count += 1;
                    *total += value;
                }
            }
            let Some(end) = end else { continue };
            n += 1;
            mean += sum / scored as f64;
            remembered += (worst + end) / 2.0;
            angry_end += usize::from(end <= angry);
        }
        let per_case = |x: f64| if n == 0 { f64::NAN } else { x / n as f64 };
        let curve: Vec<f64> = counts
            .iter()
            .zip(&sums)
            .enumerate()
            .map(|(col, (&count, &total))| {
                if count > 0 {
                    total / count as f64
                } else {
                    filled.and_then(|f| f.get(col).copied()).unwrap_or(f64::NAN)
                }
            })
            .collect();
        (
            n,
            per_case(mean),
            per_case(remembered),
            per_case(angry_end as f64),
            curve,
        )
    };
    let (cases, mean_before, remembered_before, angry_end_before, curve_before) = summary(before);
    let (_, mean_after, remembered_after, angry_end_after, curve_after) = summary(after);
    ScopeOutcome {
        scope,
        cases,
        mean_before,
        mean_after,
        remembered_before,
        remembered_after,
        angry_end_before,
        angry_end_after,
        curve_before,
        curve_after,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{AnalysisSettings, Dataset};
    use crate::model::{Case, Change, Touchpoint};

    fn scale() -> Scale {
        Scale::default()
    }

    #[test]
    fn prevent_carries_on_from_before_the_fall_until_the_curve_recovers() {
        let mut row = [2.0, 2.0, -3.0, -2.0, 1.0, 2.5, -1.0];
        assert!(prevent(&mut row, 2, &scale()));
        // The dip (−3, −2: below halfway, −0.5) lifted by 5 but never above 2; from the +1 on
        // (recovered) nothing changes, and the later fall into −1 is that case's own.
        assert_eq!(row, [2.0, 2.0, 2.0, 2.0, 1.0, 2.5, -1.0]);
        let mut rising = [1.0, 3.0, 4.0];
        assert!(!prevent(&mut rising, 1, &scale()), "no fall, nothing to do");
        assert_eq!(rising, [1.0, 3.0, 4.0]);
        let mut first = [-4.0, 1.0];
        assert!(
            !prevent(&mut first, 0, &scale()),
            "nothing falls into the start"
        );
        let mut from_a_peak = [1.0, 4.0, -1.0, 1.5];
        assert!(prevent(&mut from_a_peak, 2, &scale()));
        assert_eq!(
            from_a_peak,
            [1.0, 4.0, 1.5, 1.5],
            "back to where the curve settles, not to the peak"
        );
    }

    #[test]
    fn prevent_skips_touchpoints_a_case_did_not_score() {
        let mut row = [2.0, f64::NAN, -3.0, f64::NAN, 0.0, 3.0];
        assert!(prevent(&mut row, 2, &scale()));
        assert_eq!(row[2], 2.0);
        assert!(row[3].is_nan());
        assert_eq!(row[4], 0.0, "0 is past halfway back up: recovered");
        assert_eq!(row[5], 3.0);
    }

    #[test]
    fn shortening_softens_the_dip_and_recovers_one_touchpoint_earlier() {
        let mut row = [2.0, -3.0, -2.0, 0.0, 3.0, 3.0];
        assert!(shorten(&mut row, 1, 0.5, &scale()));
        // Fall of 5 kept at half; the dip's −2 becomes the recovery's 0, softened to 1; from the
        // recovery on nothing changes.
        assert_eq!(row, [2.0, -0.5, 1.0, 0.0, 3.0, 3.0]);
        let mut no_recovery = [2.0, -2.0, -4.0];
        assert!(shorten(&mut no_recovery, 1, 0.5, &scale()));
        assert_eq!(no_recovery, [2.0, 0.0, -1.0], "only softened");
        let mut keep_all = [2.0, -2.0, 3.0];
        assert!(shorten(&mut keep_all, 1, 1.0, &scale()));
        assert_eq!(keep_all, [2.0, -2.0, 3.0], "factor 1 keeps a one-step dip");
    }

    #[test]
    fn amplify_raises_and_clamps_to_the_scale() {
        let mut row = [1.0, 4.5, f64::NAN];
        assert!(amplify(&mut row, 1, 1.0, &scale()));
        assert_eq!(row[1], 5.0);
        assert!(!amplify(&mut row, 2, 1.0, &scale()), "not scored");
        assert!(!amplify(&mut row, 1, 1.0, &scale()), "already at the top");
    }

    /// Forty cases with a planted steep drop at `t2` (from about +2 to −3.5) that recovers by
    /// `t5`, and a gentle peak at `t5`.
    fn planted() -> Journey {
        let mut journey = Journey::default();
        for i in 0..7 {
            journey.touchpoints.push(Touchpoint::new(
                &format!("t{i}"),
                &format!("T{i}"),
                "during",
            ));
        }
        for c in 0..40 {
            let mut case = Case::new(&format!("c{c}"), "");
            let wobble = f64::from(c % 5) * 0.1 - 0.2;
            for (i, score) in [1.5, 2.0, -3.5, -3.0, 0.5, 2.5, 2.0]
                .into_iter()
                .enumerate()
            {
                case.scores.insert(format!("t{i}"), score + wobble);
            }
            journey.cases.push(case);
        }
        journey
    }

    fn outcome(journey: &Journey, changes: Vec<Change>) -> (Analysis, ScenarioOutcome) {
        let analysis = Analysis::compute(
            Dataset::from_journey(journey.clone()),
            &AnalysisSettings::default(),
        );
        let scenario = Scenario {
            id: "s".into(),
            name: "to-be".into(),
            changes,
        };
        let outcome = scenario_outcome(&analysis, &scenario);
        (analysis, outcome)
    }

    fn change(touchpoint: &str, kind: ChangeKind) -> Change {
        Change {
            touchpoint: touchpoint.into(),
            kind,
            from_flag: None,
        }
    }

    #[test]
    fn a_prevented_drop_leaves_the_to_be_curve_and_its_critical_point_with_it() {
        let journey = planted();
        let (analysis, out) = outcome(&journey, vec![change("t2", ChangeKind::Prevent)]);
        let drop_critical = |report: &CriticalReport| {
            report
                .points
                .iter()
                .any(|p| p.touchpoint == 2 && p.kind == FlagKind::Negative)
        };
        assert!(
            drop_critical(&analysis.critical),
            "planted drop is critical"
        );
        assert!(
            !drop_critical(&out.critical_after),
            "{:?}",
            out.critical_after.points
        );
        let overall = out.scope(Scope::Overall).unwrap();
        assert!((overall.curve_before[2] + 3.5).abs() < 0.01);
        assert!((overall.curve_after[2] - 2.0).abs() < 0.01, "{overall:?}");
        assert!(overall.curve_after[2] >= overall.curve_after[1] - 1e-9);
        assert!(
            (overall.curve_after[3] - 2.0).abs() < 0.01,
            "the lingering dip goes too"
        );
        for t in [0, 1, 4, 5, 6] {
            assert_eq!(overall.curve_after[t], overall.curve_before[t], "t{t}");
        }
        assert!(overall.mean_after > overall.mean_before);
        assert!(overall.remembered_after > overall.remembered_before);
        assert_eq!(out.changes[0].cases_changed, 40);
        assert!(!out.changes[0].critical_before.is_empty());
        assert!(out.changes[0].critical_after.is_empty());
    }

    #[test]
    fn shortening_softens_the_drop_but_keeps_some_of_it() {
        let journey = planted();
        let (_, out) = outcome(
            &journey,
            vec![change("t2", ChangeKind::ShortenResponse { factor: 0.5 })],
        );
        let overall = out.scope(Scope::Overall).unwrap();
        let (before, after) = (overall.curve_before[2], overall.curve_after[2]);
        assert!(
            after > before + 2.0 && after < overall.curve_before[1],
            "{after}"
        );
        // Recovery a touchpoint earlier: t3, still in the dip, has t4's +0.5 softened (+1.25).
        assert!((overall.curve_after[3] - 1.25).abs() < 1e-9, "{overall:?}");
        for t in [0, 1, 4, 5, 6] {
            assert_eq!(overall.curve_after[t], overall.curve_before[t], "t{t}");
        }
    }

    #[test]
    fn amplify_raises_the_peak_only_and_ending_angry_falls_when_a_bad_end_is_prevented() {
        let journey = planted();
        let (_, out) = outcome(
            &journey,
            vec![change("t5", ChangeKind::Amplify { by: 1.5 })],
        );
        let overall = out.scope(Scope::Overall).unwrap();
        assert!((overall.curve_after[5] - overall.curve_before[5] - 1.5).abs() < 1e-9);
        for t in [0, 1, 2, 3, 4, 6] {
            assert_eq!(overall.curve_after[t], overall.curve_before[t]);
        }

        let mut bad_end = planted();
        for case in &mut bad_end.cases {
            case.scores.insert("t6".into(), -4.0);
        }
        let (_, out) = outcome(&bad_end, vec![change("t6", ChangeKind::Prevent)]);
        let overall = out.scope(Scope::Overall).unwrap();
        assert_eq!(overall.angry_end_before, 1.0);
        assert_eq!(overall.angry_end_after, 0.0);
    }

    #[test]
    fn a_drawn_curve_moves_its_pattern_to_the_drawing() {
        let journey = planted();
        let curve = [("t3".to_owned(), 1.0)].into();
        let (_, out) = outcome(
            &journey,
            vec![change(
                "t3",
                ChangeKind::Drawn {
                    pattern: Some(1),
                    curve,
                },
            )],
        );
        let pattern = out.scope(Scope::Pattern(1)).unwrap();
        assert!((pattern.curve_after[3] - 1.0).abs() < 1e-9, "{pattern:?}");
        let (_, missing) = outcome(
            &journey,
            vec![change(
                "t3",
                ChangeKind::Drawn {
                    pattern: Some(9),
                    curve: [("t3".to_owned(), 1.0)].into(),
                },
            )],
        );
        assert_eq!(missing.changes[0].cases_changed, 0);
        assert!(
            missing.changes[0]
                .note
                .as_deref()
                .unwrap()
                .contains("no pattern 9")
        );
    }

    #[test]
    fn the_same_scenario_gives_the_same_outcome() {
        let journey = planted();
        let changes = vec![
            change("t2", ChangeKind::ShortenResponse { factor: 0.3 }),
            change("t5", ChangeKind::Amplify { by: 1.0 }),
        ];
        let (_, a) = outcome(&journey, changes.clone());
        let (_, b) = outcome(&journey, changes);
        assert_eq!(a, b);
    }
}
