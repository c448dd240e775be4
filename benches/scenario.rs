// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! A to-be scenario (prevent, shorten, amplify) over 1 000 and 100 000 cases of 30 touchpoints:
//! every case's to-be curve, the summaries per pattern and overall, and the to-be critical
//! points, as the report, `emograph scenario` and a scene rebuild compute it.
//!
//!     cargo bench --no-default-features --bench scenario

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use emograph::analysis::{Analysis, AnalysisSettings, Dataset, scenario_outcome};
use emograph::model::{Case, Change, ChangeKind, Journey, Scenario, Touchpoint};

const TOUCHPOINTS: usize = 30;

/// Three curve shapes plus noise (as `benches/analysis.rs`), a drop planted at tp15.
fn journey(cases: usize) -> Journey {
    let mut state = 42u64;
    let mut uniform = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut journey = Journey::default();
    for t in 0..TOUCHPOINTS {
        journey.touchpoints.push(Touchpoint::new(
            &format!("tp{t}"),
            &format!("TP {t}"),
            "during",
        ));
    }
    for c in 0..cases {
        let shape = (uniform() * 3.0) as usize;
        let mut case = Case::new(&format!("c{c}"), "");
        for t in 0..TOUCHPOINTS {
            let x = t as f64 / (TOUCHPOINTS - 1) as f64;
            let base = match shape {
                0 => 2.5,
                1 => 2.0 - 6.0 * (1.0 - (2.0 * x - 1.0).abs()),
                _ => 3.0 - 7.0 * x,
            };
            let drop = if t == 15 { -3.0 } else { 0.0 };
            let noise = (uniform() + uniform() + uniform() - 1.5) * 2.0;
            case.scores
                .insert(format!("tp{t}"), (base + drop + noise).clamp(-5.0, 5.0));
        }
        journey.cases.push(case);
    }
    journey
}

fn scenario() -> Scenario {
    let change = |t: usize, kind| Change {
        touchpoint: format!("tp{t}"),
        kind,
        from_flag: None,
    };
    Scenario {
        id: "s".into(),
        name: "to-be".into(),
        changes: vec![
            change(15, ChangeKind::Prevent),
            change(22, ChangeKind::ShortenResponse { factor: 0.5 }),
            change(5, ChangeKind::Amplify { by: 1.0 }),
        ],
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("scenario");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(4));
    group.warm_up_time(Duration::from_secs(1));
    for cases in [1_000, 100_000] {
        let settings = AnalysisSettings {
            k: Some(3),
            ..AnalysisSettings::default()
        };
        let analysis = Analysis::compute(Dataset::from_journey(journey(cases)), &settings);
        let scenario = scenario();
        group.bench_function(BenchmarkId::from_parameter(cases), |b| {
            b.iter(|| scenario_outcome(black_box(&analysis), &scenario))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
