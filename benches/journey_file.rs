// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The journey file at scale: writing a journey of 14 touchpoints, and loading it (the data
//! verbs' compact loader and the full reader) beside reading the same cases from a CSV.
//!
//!     cargo bench --no-default-features --bench journey_file
//!     EMOGRAPH_BENCH_CASES=1300000 cargo bench --no-default-features --bench journey_file
//!
//! The cases are made here (1–5 answers mapped onto −5 … +5, 0 = not applicable ≈ 3 %, as the
//! airline survey has them), so the figures do not depend on any file on the machine. Peak
//! memory is measured separately, with `/usr/bin/time -v emograph check|stats|import …`
//! (README, "The journey file").

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use emograph::io::{CsvOptions, load_dataset, load_journey, load_journey_dataset, save_dataset};

const TOUCHPOINTS: usize = 14;

/// `ID,Class,tp1..tp14` with 1–5 answers and 0 for not applicable, deterministic.
fn csv_text(cases: usize) -> String {
    let mut state = 7u64;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let mut text = String::from("ID,Class");
    for t in 1..=TOUCHPOINTS {
        text.push_str(&format!(",Q{t}"));
    }
    text.push('\n');
    for case in 1..=cases {
        text.push_str(&format!(
            "{case},{}",
            ["Business", "Eco", "Eco Plus"][next() % 3]
        ));
        for _ in 0..TOUCHPOINTS {
            let answer = if next() % 33 == 0 { 0 } else { 1 + next() % 5 };
            text.push_str(&format!(",{answer}"));
        }
        text.push('\n');
    }
    text
}

fn journey_file(c: &mut Criterion) {
    let cases: usize = std::env::var("EMOGRAPH_BENCH_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("cases.csv");
    std::fs::write(&csv, csv_text(cases)).unwrap();
    let options = CsvOptions {
        scale: Some((1.0, 5.0)),
        na: vec!["0".to_owned()],
        segment_column: Some("Class".to_owned()),
        ..CsvOptions::default()
    };
    let journey = dir.path().join("cases.ron");
    let dataset = load_dataset(&csv, &options).unwrap();
    save_dataset(&journey, &dataset, "CSV import").unwrap();
    let size = |p: &std::path::Path| std::fs::metadata(p).unwrap().len();
    eprintln!(
        "{cases} cases × {TOUCHPOINTS}: CSV {} bytes, journey {} bytes ({:.2}×)",
        size(&csv),
        size(&journey),
        size(&journey) as f64 / size(&csv) as f64
    );

    let mut group = c.benchmark_group(format!("journey_file/{cases}"));
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("read the CSV", |b| {
        b.iter(|| black_box(load_dataset(&csv, &options).unwrap()))
    });
    group.bench_function("load the journey (compact, data verbs)", |b| {
        b.iter(|| black_box(load_journey_dataset(&journey).unwrap()))
    });
    group.bench_function("load the journey (full, editor)", |b| {
        b.iter(|| black_box(load_journey(&journey).unwrap()))
    });
    let out = dir.path().join("again.ron");
    group.bench_function("write the journey from the matrix", |b| {
        b.iter(|| save_dataset(&out, &dataset, "CSV import").unwrap())
    });
    group.finish();
}

criterion_group!(benches, journey_file);
criterion_main!(benches);
