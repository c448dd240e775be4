//! Tests of the pattern finder: planted groups found, determinism, scikit-learn agreement.

use super::*;
use proptest::prelude::*;

/// Hubert & Arabie's adjusted Rand index between two labelings of the same items.
fn adjusted_rand_index(truth: &[usize], found: &[usize]) -> f64 {
    let pairs = |n: usize| (n * n.saturating_sub(1) / 2) as f64;
    let mut table: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut rows: BTreeMap<usize, usize> = BTreeMap::new();
    let mut columns: BTreeMap<usize, usize> = BTreeMap::new();
    for (&t, &f) in truth.iter().zip(found) {
        *table.entry((t, f)).or_default() += 1;
        *rows.entry(t).or_default() += 1;
        *columns.entry(f).or_default() += 1;
    }
    let index: f64 = table.values().map(|&n| pairs(n)).sum();
    let row_sum: f64 = rows.values().map(|&n| pairs(n)).sum();
    let column_sum: f64 = columns.values().map(|&n| pairs(n)).sum();
    let expected = row_sum * column_sum / pairs(truth.len());
    let maximum = (row_sum + column_sum) / 2.0;
    (index - expected) / (maximum - expected)
}

#[test]
fn adjusted_rand_index_is_one_for_a_relabelling_and_near_zero_for_noise() {
    assert!((adjusted_rand_index(&[0, 0, 1, 1, 2], &[5, 5, 3, 3, 9]) - 1.0).abs() < 1e-12);
    let truth: Vec<usize> = (0..1000).map(|i| i % 2).collect();
    let unrelated: Vec<usize> = (0..1000).map(|i| (i / 2) % 2).collect();
    assert!(adjusted_rand_index(&truth, &unrelated).abs() < 0.01);
}

/// Curve shapes a workshop would recognise, over `width` touchpoints.
fn shape(kind: usize, at: usize, width: usize) -> f64 {
    let x = at as f64 / (width - 1) as f64; // 0 … 1 along the journey
    match kind {
        0 => 3.0,                                       // content all along
        1 => 2.0 - 6.0 * (1.0 - (2.0 * x - 1.0).abs()), // good, a deep trough, recovery
        2 => -4.0 + 8.0 * x,                            // starts angry, ends delighted
        _ => 4.0 - 8.0 * x,                             // starts delighted, ends angry
    }
}

/// `sizes[s]` noisy cases of shape s (noise sd ≈ 0.8, about 10 % of scores missing).
fn synthetic(sizes: &[usize], width: usize, seed: u64) -> (ScoreMatrix, Vec<usize>) {
    let mut rng = SplitMix64::new(seed);
    let mut matrix = ScoreMatrix::new(width);
    let mut truth = Vec::new();
    let mut row = vec![0.0; width];
    // Interleave shapes so the truth is not sorted.
    let total: usize = sizes.iter().sum();
    let mut left = sizes.to_vec();
    for i in 0..total {
        let Some(kind) = (0..left.len())
            .cycle()
            .skip(i)
            .take(left.len())
            .find(|&s| left[s] > 0)
        else {
            break;
        };
        left[kind] -= 1;
        for (at, slot) in row.iter_mut().enumerate() {
            let noise: f64 = (0..4).map(|_| rng.next_f64() - 0.5).sum::<f64>() * 1.4;
            *slot = if rng.next_f64() < 0.1 {
                f64::NAN
            } else {
                (shape(kind, at, width) + noise).clamp(-5.0, 5.0)
            };
        }
        matrix.push_row(&row);
        truth.push(kind);
    }
    (matrix, truth)
}

#[test]
fn automatic_k_finds_the_true_shapes() {
    for (sizes, seed) in [
        (vec![160, 120, 80], 1),
        (vec![150, 120, 90, 60], 2),
        (vec![900, 600, 300, 200], 3),
    ] {
        let (matrix, truth) = synthetic(&sizes, 12, seed);
        let patterns = find_patterns(&matrix, &Texts::new(), &PatternParams::default());
        assert_eq!(patterns.k, sizes.len(), "sizes {sizes:?}");
        let ari = adjusted_rand_index(&truth, &patterns.assignments);
        assert!(ari >= 0.9, "adjusted Rand index {ari} for sizes {sizes:?}");
        // Ordered by share, and the largest pattern is the largest true shape (kind 0: flat +3).
        assert!(patterns.patterns.windows(2).all(|w| w[0].n >= w[1].n));
        let first = &patterns.patterns[0];
        assert!(
            first.mean.iter().all(|m| (m - 3.0).abs() < 0.6),
            "{:?}",
            first.mean
        );
        assert!(
            first
                .q1
                .iter()
                .zip(&first.mean)
                .zip(&first.q3)
                .all(|((a, m), b)| a <= m && m <= b)
        );
    }
}

#[test]
fn a_sample_smaller_than_the_data_still_finds_the_shapes() {
    let (matrix, truth) = synthetic(&[3000, 2000, 1000], 10, 4);
    let params = PatternParams {
        sample: 500,
        ..PatternParams::default()
    };
    let patterns = find_patterns(&matrix, &Texts::new(), &params);
    assert_eq!(patterns.k, 3);
    assert!(adjusted_rand_index(&truth, &patterns.assignments) >= 0.9);
}

#[test]
fn identical_curves_are_one_pattern() {
    let matrix = ScoreMatrix::from_rows(3, [1.0, -2.0, 3.0].repeat(50));
    let patterns = find_patterns(&matrix, &Texts::new(), &PatternParams::default());
    assert_eq!(patterns.k, 1);
    assert_eq!(patterns.patterns[0].n, 50);
    assert_eq!(patterns.patterns[0].mean, vec![1.0, -2.0, 3.0]);
    // Even when k is asked for: two patterns of identical curves would be invented.
    let asked = find_patterns(
        &matrix,
        &Texts::new(),
        &PatternParams {
            k: Some(3),
            ..PatternParams::default()
        },
    );
    assert_eq!(asked.k, 1);
}

#[test]
fn noise_without_groups_is_one_pattern() {
    let mut rng = SplitMix64::new(9);
    let values: Vec<f64> = (0..600 * 20)
        .map(|_| (0..4).map(|_| rng.next_f64() - 0.5).sum::<f64>() * 2.0)
        .collect();
    let matrix = ScoreMatrix::from_rows(20, values);
    assert_eq!(
        find_patterns(&matrix, &Texts::new(), &PatternParams::default()).k,
        1
    );
}

#[test]
fn edge_cases_give_sound_answers() {
    let params = PatternParams::default();
    let none = find_patterns(&ScoreMatrix::new(4), &Texts::new(), &params);
    assert_eq!(
        (none.k, none.patterns.len(), none.assignments.len()),
        (0, 0, 0)
    );

    let one = find_patterns(
        &ScoreMatrix::from_rows(2, vec![1.0, f64::NAN]),
        &Texts::new(),
        &params,
    );
    assert_eq!(one.k, 1);
    assert_eq!(one.patterns[0].mean, vec![1.0, 1.0]); // filled from its own neighbour
    assert_eq!(one.patterns[0].medoid, 0);

    let two = ScoreMatrix::from_rows(1, vec![-5.0, 5.0]);
    let split = find_patterns(
        &two,
        &Texts::new(),
        &PatternParams {
            k: Some(5),
            ..params.clone()
        },
    );
    assert_eq!(split.k, 2);
    assert_eq!(split.assignments.len(), 2);
    assert_ne!(split.assignments[0], split.assignments[1]);

    let no_touchpoints = ScoreMatrix::from_rows(0, Vec::new());
    assert_eq!(find_patterns(&no_touchpoints, &Texts::new(), &params).k, 0);
    let mut width_zero = ScoreMatrix::new(0);
    width_zero.push_row(&[]);
    let _ = find_patterns(&width_zero, &Texts::new(), &params); // no panic

    let all_missing = ScoreMatrix::from_rows(2, vec![f64::NAN; 6]);
    let missing = find_patterns(&all_missing, &Texts::new(), &params);
    assert_eq!(missing.k, 1);
    assert!(missing.patterns[0].mean.iter().all(|m| m.is_finite()));
}

#[test]
fn gaps_are_filled_from_the_case_itself() {
    let nan = f64::NAN;
    let matrix = ScoreMatrix::from_rows(
        5,
        vec![
            nan, 1.0, nan, nan, 4.0, nan, nan, nan, nan, nan, 2.0, nan, nan, nan, nan,
        ],
    );
    let filled = fill_missing(&matrix);
    assert_eq!(&filled[..5], &[1.0, 1.0, 2.0, 3.0, 4.0]);
    // A case with no score takes the touchpoint means (0 where nobody scored).
    assert_eq!(&filled[5..10], &[2.0, 1.0, 0.0, 0.0, 4.0]);
    assert_eq!(&filled[10..], &[2.0; 5]);
}

#[test]
fn segments_and_medoid_describe_each_pattern() {
    let matrix = ScoreMatrix::from_rows(
        2,
        vec![4.0, 4.0, 4.2, 3.8, 3.9, 4.1, -4.0, -4.0, -4.1, -3.9],
    );
    let segments: Texts = ["gold", "gold", "", "regular", "gold"].iter().collect();
    let patterns = find_patterns(
        &matrix,
        &segments,
        &PatternParams {
            k: Some(2),
            ..PatternParams::default()
        },
    );
    let happy = &patterns.patterns[0];
    assert_eq!(happy.n, 3);
    assert_eq!(happy.segments, BTreeMap::from([("gold".to_owned(), 2)]));
    assert_eq!(happy.medoid, 0); // (4, 4) is the member nearest the centroid (4.03, 3.97)
    let angry = &patterns.patterns[1];
    assert_eq!(
        angry.segments,
        BTreeMap::from([("gold".to_owned(), 1), ("regular".to_owned(), 1)])
    );
    assert_eq!(patterns.assignments, vec![0, 0, 0, 1, 1]);
}

fn score() -> impl Strategy<Value = f64> {
    prop_oneof![1 => Just(f64::NAN), 4 => (-10i32..=10).prop_map(|v| f64::from(v) / 2.0)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_case_is_assigned_and_shares_sum_to_one(
        width in 1usize..6,
        values in proptest::collection::vec(score(), 0..120),
        k in proptest::option::of(1usize..6),
    ) {
        let matrix = ScoreMatrix::from_rows(width, values);
        let params = PatternParams { k, ..PatternParams::default() };
        let patterns = find_patterns(&matrix, &Texts::new(), &params);
        prop_assert_eq!(patterns.assignments.len(), matrix.cases());
        prop_assert_eq!(patterns.k, patterns.patterns.len());
        prop_assert!(patterns.assignments.iter().all(|&a| a < patterns.k));
        prop_assert_eq!(patterns.patterns.iter().map(|p| p.n).sum::<usize>(), matrix.cases());
        if matrix.cases() > 0 {
            let shares: f64 = patterns.patterns.iter().map(|p| p.share).sum();
            prop_assert!((shares - 1.0).abs() < 1e-9);
        }
        for (index, pattern) in patterns.patterns.iter().enumerate() {
            prop_assert_eq!(pattern.id, index + 1);
            prop_assert_eq!(patterns.assignments.get(pattern.medoid), Some(&index));
            for values in [&pattern.mean, &pattern.q1, &pattern.q3] {
                prop_assert_eq!(values.len(), width);
                prop_assert!(values.iter().all(|v| v.is_finite()));
            }
        }
        // The same input gives the same patterns.
        prop_assert_eq!(find_patterns(&matrix, &Texts::new(), &params), patterns);
    }
}

#[test]
fn automatic_k_never_makes_a_pattern_below_the_minimum_size_and_says_why() {
    // Four content cases, four with a deep trough, and one that starts angry and ends
    // delighted: without a minimum, that one case would be a "pattern" of its own.
    let (matrix, _) = synthetic(&[4, 4, 1], 8, 3);
    let free = find_patterns(
        &matrix,
        &Texts::new(),
        &PatternParams {
            min_cases: 1,
            min_share: 0.0,
            ..PatternParams::default()
        },
    );
    assert!(
        free.patterns.iter().any(|p| p.n == 1),
        "the planted outlier alone is the best split without a minimum: {:?}",
        free.patterns.iter().map(|p| p.n).collect::<Vec<_>>()
    );
    let found = find_patterns(&matrix, &Texts::new(), &PatternParams::default());
    assert!(found.patterns.iter().all(|p| p.n >= 3));
    let auto = found.auto.as_ref().expect("k was chosen automatically");
    assert_eq!(auto.min_size, 3);
    let (k, smallest) = auto.too_small[0];
    assert_eq!((k, smallest), (free.k, 1));
    assert_eq!(
        auto.fallback_reason().unwrap(),
        format!("{k} patterns would leave one with only 1 case; a pattern needs at least 3")
    );

    // Five cases cannot make two patterns of three: one pattern, and it says so.
    let (few, _) = synthetic(&[3, 2], 8, 5);
    let one = find_patterns(&few, &Texts::new(), &PatternParams::default());
    assert_eq!(one.k, 1);
    assert!(one.auto.as_ref().unwrap().no_structure);
    assert_eq!(
        one.auto.as_ref().unwrap().distinctness(),
        "one pattern: the cases do not fall into distinct groups"
    );
}

#[test]
fn the_minimum_size_is_three_cases_or_five_percent_whichever_is_more() {
    let params = PatternParams::default();
    assert_eq!(params.min_size(5), 3);
    assert_eq!(params.min_size(60), 3);
    assert_eq!(params.min_size(61), 4);
    assert_eq!(params.min_size(10_000), 500);
}

#[test]
fn each_band_is_its_members_own_mean_and_quartiles_to_the_bit() {
    // Enough cases for the description to be spread over the cores; scores to one decimal
    // (counted) and computed ones (too varied to count), and a touchpoint one shape never
    // scores, so its pattern's band there comes from the filled curves.
    let width = 12;
    let (mut matrix, truth) = synthetic(&[9_000, 7_000, 4_000], width, 3);
    let mut values = std::mem::take(&mut matrix).into_values();
    for (row, kind) in truth.iter().enumerate() {
        for column in 0..width {
            let v = &mut values[row * width + column];
            if column == width - 1 && *kind == 2 {
                *v = f64::NAN;
            } else if column % 2 == 0 && !v.is_nan() {
                *v = (*v * 10.0).round() / 10.0;
            }
        }
    }
    let matrix = ScoreMatrix::from_rows(width, values);
    let patterns = find_patterns(
        &matrix,
        &Texts::new(),
        &PatternParams {
            k: Some(3),
            ..PatternParams::default()
        },
    );
    let filled = fill_missing(&matrix);
    let mut from_filled = 0;
    for (index, pattern) in patterns.patterns.iter().enumerate() {
        let members: Vec<usize> = (0..matrix.cases())
            .filter(|&row| patterns.assignments[row] == index)
            .collect();
        assert_eq!(members.len(), pattern.n);
        for column in 0..width {
            let mut raw: Vec<f64> = members
                .iter()
                .map(|&row| matrix.row(row)[column])
                .filter(|v| !v.is_nan())
                .collect();
            if raw.is_empty() {
                from_filled += 1;
                raw = members
                    .iter()
                    .map(|&row| filled[row * width + column])
                    .collect();
            }
            let mean = raw.iter().sum::<f64>() / raw.len() as f64;
            let [q1, q3] = quantiles(&mut raw, [0.25, 0.75]);
            let at = format!("pattern {} touchpoint {column}", pattern.id);
            assert_eq!(pattern.mean[column].to_bits(), mean.to_bits(), "{at}");
            assert_eq!(pattern.q1[column].to_bits(), q1.to_bits(), "{at}");
            assert_eq!(pattern.q3[column].to_bits(), q3.to_bits(), "{at}");
        }
    }
    assert_eq!(
        from_filled, 1,
        "one pattern never scored the last touchpoint"
    );
}
