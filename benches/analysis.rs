// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Import, statistics and patterns at 1 000 / 100 000 / 1 000 000 cases of 30 touchpoints.
//!
//!     cargo bench --no-default-features --bench analysis
//!
//! The data is made here (three curve shapes plus noise, 5 % of scores missing), so the figures
//! do not depend on any file on the machine.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use emograph::analysis::{PatternParams, find_patterns, touchpoint_stats};
use emograph::io::{CsvOptions, parse_csv};

const TOUCHPOINTS: usize = 30;
const SIZES: [usize; 3] = [1_000, 100_000, 1_000_000];

/// `case,segment,tp1..tp30` with scores like `-1.3`, deterministic.
fn csv_text(cases: usize) -> String {
    let mut state = 42u64;
    let mut uniform = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut text = String::from("case,segment");
    for t in 1..=TOUCHPOINTS {
        text.push_str(&format!(",tp{t}"));
    }
    text.push('\n');
    for case in 0..cases {
        let shape = (uniform() * 3.0) as usize;
        text.push_str(&format!(
            "c{case},{}",
            ["platinum", "gold", "regular"][case % 3]
        ));
        for t in 0..TOUCHPOINTS {
            let x = t as f64 / (TOUCHPOINTS - 1) as f64;
            let base = match shape {
                0 => 2.5,
                1 => 2.0 - 6.0 * (1.0 - (2.0 * x - 1.0).abs()),
                _ => 3.0 - 7.0 * x,
            };
            let noise = (uniform() + uniform() + uniform() - 1.5) * 2.0;
            if uniform() < 0.05 {
                text.push(',');
            } else {
                text.push_str(&format!(",{:.1}", (base + noise).clamp(-5.0, 5.0)));
            }
        }
        text.push('\n');
    }
    text
}

fn configure(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    cases: usize,
) {
    if cases >= 1_000_000 {
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(5));
        group.warm_up_time(Duration::from_secs(1));
    } else {
        group.sample_size(20);
        group.measurement_time(Duration::from_secs(3));
    }
}

fn analysis(c: &mut Criterion) {
    for cases in SIZES {
        let text = csv_text(cases);
        let options = CsvOptions::default();
        let dataset = match parse_csv(text.as_bytes(), Path::new("bench.csv"), &options, false) {
            Ok(dataset) => dataset,
            Err(error) => panic!("generated CSV must parse: {error}"),
        };

        let mut group = c.benchmark_group("import");
        configure(&mut group, cases);
        group.bench_function(BenchmarkId::from_parameter(cases), |b| {
            b.iter(|| {
                parse_csv(
                    black_box(text.as_bytes()),
                    Path::new("bench.csv"),
                    &options,
                    false,
                )
            })
        });
        group.finish();

        let mut group = c.benchmark_group("stats");
        configure(&mut group, cases);
        group.bench_function(BenchmarkId::from_parameter(cases), |b| {
            b.iter(|| touchpoint_stats(black_box(&dataset.matrix)))
        });
        group.finish();

        let mut group = c.benchmark_group("patterns");
        configure(&mut group, cases);
        for (label, k) in [("k3", Some(3)), ("auto", None)] {
            let params = PatternParams {
                k,
                ..PatternParams::default()
            };
            group.bench_function(BenchmarkId::new(label, cases), |b| {
                b.iter(|| find_patterns(black_box(&dataset.matrix), &dataset.segments, &params))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, analysis);
criterion_main!(benches);
