// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Export of the patterns view of 100 000 cases as a 1600 × 900 PNG and as SVG: building the
//! Scene and painting it (the statistics and patterns are computed once, outside the timing,
//! as the app and the CLI have them before they export).

use criterion::{Criterion, criterion_group, criterion_main};
use emograph::analysis::{Dataset, PatternParams, ScoreMatrix, find_patterns, touchpoint_stats};
use emograph::chart::{Theme, patterns_scene};
use emograph::export::{ExportSize, render_png, render_svg};
use emograph::model::{Journey, Touchpoint};

const CASES: usize = 100_000;
const TOUCHPOINTS: usize = 20;

/// Four curve shapes with noise and a few skipped touchpoints, from a fixed-seed generator.
fn dataset() -> Dataset {
    let mut journey = Journey {
        title: "Benchmark journey: 100 000 cases".into(),
        ..Journey::default()
    };
    let phases = ["before", "during", "after"];
    for t in 0..TOUCHPOINTS {
        let phase = phases[t * phases.len() / TOUCHPOINTS];
        journey.touchpoints.push(Touchpoint::new(
            &format!("t{t}"),
            &format!("Touchpoint number {t}"),
            phase,
        ));
    }
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut noise = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % 1000) as f64 / 1000.0 - 0.5
    };
    let mut values = Vec::with_capacity(CASES * TOUCHPOINTS);
    for c in 0..CASES {
        for t in 0..TOUCHPOINTS {
            let x = t as f64 / TOUCHPOINTS as f64;
            let base = match c % 4 {
                0 => 3.0 - 6.0 * x,
                1 => -2.0 + 5.0 * x,
                2 => 3.0 * (x * 6.0).sin(),
                _ => {
                    if t == TOUCHPOINTS / 2 {
                        -4.0
                    } else {
                        1.5
                    }
                }
            };
            let skipped = (c + t) % 13 == 0;
            values.push(if skipped {
                f64::NAN
            } else {
                (base + 2.0 * noise()).clamp(-5.0, 5.0)
            });
        }
    }
    Dataset {
        journey,
        case_ids: (0..CASES).map(|c| format!("c{c}")).collect(),
        segments: std::iter::repeat_n("", CASES).collect(),
        waves: std::iter::repeat_n("", CASES).collect(),
        outcomes: Vec::new(),
        matrix: ScoreMatrix::from_rows(TOUCHPOINTS, values),
    }
}

fn export(c: &mut Criterion) {
    let dataset = dataset();
    let stats = touchpoint_stats(&dataset.matrix);
    let patterns = find_patterns(
        &dataset.matrix,
        &dataset.segments,
        &PatternParams::default(),
    );
    let theme = Theme::light();
    let size = ExportSize {
        width: 1600,
        height: 900,
        scale: 1.0,
    };
    c.bench_function("export patterns view of 100k cases, 1600x900 PNG", |b| {
        b.iter(|| {
            let scene = patterns_scene(&dataset.journey, &stats, &patterns, &[], &theme);
            render_png(&scene, &size).map(|png| png.len()).unwrap_or(0)
        });
    });
    c.bench_function("export patterns view of 100k cases, 1600x900 SVG", |b| {
        b.iter(|| {
            let scene = patterns_scene(&dataset.journey, &stats, &patterns, &[], &theme);
            render_svg(&scene, &size).map(|svg| svg.len()).unwrap_or(0)
        });
    });
    let print = ExportSize { scale: 2.0, ..size };
    c.bench_function(
        "export patterns view of 100k cases, 1600x900 PNG at scale 2",
        |b| {
            b.iter(|| {
                let scene = patterns_scene(&dataset.journey, &stats, &patterns, &[], &theme);
                render_png(&scene, &print).map(|png| png.len()).unwrap_or(0)
            });
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = export
}
criterion_main!(benches);
