// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Critical points on data with known shapes: planted turns come out on top, flat curves and
//! noise raise nothing.

mod cli_common;
use cli_common::*;

use emograph::analysis::{
    CriticalParams, CriticalReport, PatternParams, Patterns, Scope, ScoreMatrix, critical_points,
    find_patterns,
};
use emograph::model::FlagKind;

fn matrix_of(curves: &[Vec<f64>], width: usize) -> ScoreMatrix {
    let mut matrix = ScoreMatrix::new(width);
    for curve in curves {
        matrix.push_row(curve);
    }
    matrix
}

fn analyse(matrix: &ScoreMatrix) -> (Patterns, CriticalReport) {
    let segments: emograph::analysis::Texts = std::iter::repeat_n("", matrix.cases()).collect();
    let patterns = find_patterns(matrix, &segments, &PatternParams::default());
    let report = critical_points(matrix, &patterns, &CriticalParams::default());
    (patterns, report)
}

fn assert_finite(report: &CriticalReport) {
    for p in &report.points {
        for v in [p.value, p.depth, p.delta, p.share_of_cases, p.score] {
            assert!(v.is_finite(), "{p:?}");
        }
    }
    for p in &report.prone {
        assert!(p.mean.is_finite() && p.share_angry.is_finite() && p.spread.is_finite());
    }
}

/// The planted pattern: pleasant, a sharp drop at touchpoint 3, recovery, a peak at 7.
const PLANTED: [f64; 10] = [1.0, 1.5, 1.5, -3.5, 0.0, 1.0, 1.5, 4.0, 1.5, 1.5];
/// Two other groups of customers, with gentler shapes of their own.
const RISING: [f64; 10] = [-2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5];
const SAGGING: [f64; 10] = [2.0, 1.8, 1.6, 1.5, 1.3, 1.0, 1.0, 0.8, 0.5, 0.5];

#[test]
fn planted_drop_and_peak_are_the_top_critical_points_of_their_pattern() {
    let mut rng = Rng(0x00C0_FFEE);
    let mut curves = Vec::new();
    for (shape, count) in [(&RISING, 40), (&PLANTED, 25), (&SAGGING, 35)] {
        for _ in 0..count {
            curves.push(
                shape
                    .iter()
                    .map(|&v| (rng.around(v, 0.4)).clamp(-5.0, 5.0))
                    .collect(),
            );
        }
    }
    let matrix = matrix_of(&curves, 10);
    let (patterns, report) = analyse(&matrix);
    assert_finite(&report);

    // The planted cases are rows 40..65; find the pattern most of them belong to.
    let planted_index = patterns.assignments.get(40).copied().expect("assigned");
    let planted_id = patterns
        .patterns
        .get(planted_index)
        .map(|p| p.id)
        .expect("pattern");
    let members = (40..65)
        .filter(|&row| patterns.assignments.get(row) == Some(&planted_index))
        .count();
    assert_eq!(members, 25, "the planted cases form one pattern");

    let scope = Scope::Pattern(planted_id);
    let top = |kind: FlagKind| {
        report
            .in_scope(scope)
            .filter(|p| p.kind == kind)
            .min_by_key(|p| p.rank)
            .cloned()
    };
    let negative = top(FlagKind::Negative).expect("a negative critical point");
    let positive = top(FlagKind::Positive).expect("a positive critical point");
    assert_eq!(negative.touchpoint, 3, "{negative:?}");
    assert_eq!(positive.touchpoint, 7, "{positive:?}");
    // The drop is shared by the whole pattern, and the numbers say so.
    assert!(negative.share_of_cases > 0.9, "{negative:?}");
    assert!(
        negative.delta < -4.0 && negative.depth > 3.0,
        "{negative:?}"
    );
    // Ranks within the scope run 1, 2, 3 … by score.
    let scored: Vec<(usize, f64)> = report.in_scope(scope).map(|p| (p.rank, p.score)).collect();
    for (i, pair) in scored.windows(2).enumerate() {
        assert_eq!(pair[0].0, i + 1);
        assert!(pair[0].1 >= pair[1].1);
    }

    // The gently rising and sagging patterns have no drama of their own.
    for pattern in &patterns.patterns {
        if pattern.id != planted_id {
            let points: Vec<_> = report.in_scope(Scope::Pattern(pattern.id)).collect();
            assert!(points.is_empty(), "pattern {}: {points:?}", pattern.id);
        }
    }
}

#[test]
fn a_flat_curve_has_no_critical_points() {
    for level in [-1.0, 0.0, 0.5, 3.0] {
        let curves: Vec<Vec<f64>> = (0..12).map(|_| vec![level; 8]).collect();
        let (_, report) = analyse(&matrix_of(&curves, 8));
        assert!(
            report.points.is_empty(),
            "flat at {level}: {:?}",
            report.points
        );
        assert!(
            report.prone.is_empty(),
            "flat at {level}: {:?}",
            report.prone
        );
    }
}

#[test]
fn noise_alone_raises_nothing() {
    for seed in [1u64, 2, 3, 4, 5] {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let curves: Vec<Vec<f64>> = (0..300)
            .map(|_| (0..12).map(|_| rng.around(0.5, 0.7)).collect())
            .collect();
        let (_, report) = analyse(&matrix_of(&curves, 12));
        assert!(report.points.is_empty(), "seed {seed}: {:?}", report.points);
        assert!(report.prone.is_empty(), "seed {seed}: {:?}", report.prone);
    }
}

#[test]
fn degenerate_inputs_give_empty_reports() {
    let empty = analyse(&ScoreMatrix::new(5)).1;
    assert_eq!(empty, CriticalReport::default());
    let one_touchpoint: Vec<Vec<f64>> = vec![vec![-4.0], vec![-5.0], vec![-4.5]];
    let (_, report) = analyse(&matrix_of(&one_touchpoint, 1));
    assert!(report.points.is_empty());
    let no_touchpoints = analyse(&ScoreMatrix::from_rows(0, Vec::new())).1;
    assert_eq!(no_touchpoints, CriticalReport::default());
}

#[test]
fn an_angry_minority_or_a_split_room_is_prone_to_trouble_even_with_a_fine_mean() {
    // Touchpoint 1: a third of the cases are angry, the mean is still above zero.
    // Touchpoint 2: half love it, half hate it (mean 0, spread large, few below −3).
    let mut curves = Vec::new();
    for i in 0..12 {
        let angry_third = if i % 3 == 0 { -4.0 } else { 3.0 };
        let split = if i % 2 == 0 { 2.8 } else { -2.8 };
        curves.push(vec![1.0, angry_third, split, 1.0]);
    }
    let (_, report) = analyse(&matrix_of(&curves, 4));
    assert_finite(&report);
    let prone: Vec<usize> = report.prone.iter().map(|p| p.touchpoint).collect();
    assert_eq!(prone, vec![1, 2]);
    let angry = &report.prone[0];
    assert!((angry.share_angry - 1.0 / 3.0).abs() < 1e-9 && angry.angry);
    assert!(angry.mean > 0.0);
    let split = &report.prone[1];
    assert!(split.inconsistent && !split.angry && split.spread > 2.5);
}

#[test]
fn missing_scores_never_produce_nan() {
    let nan = f64::NAN;
    let curves = vec![
        vec![2.0, nan, -4.0, nan, 1.0],
        vec![nan, 1.5, -3.5, 0.0, nan],
        vec![2.5, 2.0, nan, nan, nan],
        vec![nan, nan, nan, nan, nan],
        vec![1.0, 1.0, -4.5, 0.5, 2.0],
    ];
    let (_, report) = analyse(&matrix_of(&curves, 5));
    assert_finite(&report);
    assert!(
        report
            .in_scope(Scope::Overall)
            .any(|p| p.touchpoint == 2 && p.kind == FlagKind::Negative),
        "{:?}",
        report.points
    );
}

/// The slow slide of issue #18: calm first half, then from +1.6 down to −1.4 by half a point a
/// step, never one steep step.
const ERODING: [f64; 12] = [
    1.0, 1.2, 1.4, 1.5, 1.6, 1.6, 1.1, 0.6, 0.1, -0.4, -0.9, -1.4,
];
/// Customers who stay content throughout.
const CONTENT: [f64; 12] = [2.5, 2.8, 3.0, 2.6, 2.9, 3.1, 2.7, 3.0, 2.8, 3.2, 3.0, 2.9];

#[test]
fn a_slow_erosion_into_a_negative_end_is_critical_in_its_pattern() {
    let mut rng = Rng(0x0005_1DE5);
    let mut curves = Vec::new();
    for (shape, count) in [(&ERODING, 30), (&CONTENT, 30)] {
        for _ in 0..count {
            curves.push(shape.iter().map(|&v| rng.around(v, 0.3)).collect());
        }
    }
    let matrix = matrix_of(&curves, 12);
    let (patterns, report) = analyse(&matrix);
    assert_finite(&report);
    let eroding = patterns.assignments.first().copied().expect("assigned");
    let eroding_id = patterns
        .patterns
        .get(eroding)
        .map(|p| p.id)
        .expect("pattern");
    let members = (0..30)
        .filter(|&row| patterns.assignments.get(row) == Some(&eroding))
        .count();
    assert_eq!(members, 30, "the eroding cases form one pattern");

    let top = report
        .in_scope(Scope::Pattern(eroding_id))
        .find(|p| p.rank == 1)
        .cloned()
        .expect("the slow slide has a critical point in its pattern");
    assert_eq!(top.touchpoint, 11, "{top:?}");
    assert_eq!(top.kind, FlagKind::Negative);
    assert!(
        top.turning
            .contains(&emograph::analysis::TurningKind::Erosion),
        "{top:?}"
    );
    // Nearly every member slid by two points or more themselves.
    assert!(top.share_of_cases > 0.8, "{top:?}");

    // The content customers raise nothing.
    for pattern in &patterns.patterns {
        if pattern.id != eroding_id {
            let points: Vec<_> = report.in_scope(Scope::Pattern(pattern.id)).collect();
            assert!(points.is_empty(), "pattern {}: {points:?}", pattern.id);
        }
    }
}
