// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! CPU time of one full GUI frame (layout, painting, tessellation; no GPU) with a journey of
//! 10 000 cases and 30 touchpoints (the cases view draws them as their band and mean, with the
//! case being edited on top).
use criterion::{Criterion, criterion_group, criterion_main};
use emograph::app::{Document, EmographApp, RecoveryStore, install_fonts};
use emograph::model::{Case, Journey, Touchpoint};

fn big_journey(cases: usize, touchpoints: usize) -> Journey {
    let mut journey = Journey {
        title: "Benchmark journey".into(),
        ..Journey::default()
    };
    let phases = ["before", "during", "after"];
    for t in 0..touchpoints {
        let phase = phases[t * phases.len() / touchpoints];
        journey.touchpoints.push(Touchpoint::new(
            &format!("t{t}"),
            &format!("Touchpoint {t}"),
            phase,
        ));
    }
    // A small deterministic generator: the benchmark must see the same data every run.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % 21) as f64 / 2.0 - 5.0
    };
    for c in 0..cases {
        let mut case = Case::new(&format!("c{c}"), &format!("Case {c}"));
        case.segment = ["gold", "regular", "platinum"][c % 3].into();
        for t in 0..touchpoints {
            if (c + t) % 11 != 0 {
                // Touchpoint 7 is a planted trough (−4 to −3), so the overall view has a
                // critical point whose panel the benchmark opens.
                let score = if t == 7 {
                    -4.0 + (next() + 5.0) / 10.0
                } else {
                    next()
                };
                case.scores.insert(format!("t{t}"), score);
            }
        }
        journey.cases.push(case);
    }
    journey
}

fn frame(c: &mut Criterion) {
    let journey = big_journey(10_000, 30);
    let mut app =
        EmographApp::with_document(Document::new(journey, None), RecoveryStore::disabled());
    let ctx = egui::Context::default();
    install_fonts(&ctx);
    let input = |t: f64| egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        time: Some(t),
        events: vec![egui::Event::PointerMoved(egui::pos2(800.0, 500.0))],
        ..Default::default()
    };
    let mut t = 0.0;
    let mut run = |app: &mut EmographApp| {
        t += 1.0 / 60.0;
        let output = ctx.run_ui(input(t), |ui| app.show(ui));
        let clipped = ctx.tessellate(output.shapes, output.pixels_per_point);
        std::hint::black_box(clipped);
    };
    for _ in 0..3 {
        run(&mut app);
    }
    c.bench_function("frame: 10k cases (band and mean), 30 touchpoints", |b| {
        b.iter(|| run(&mut app))
    });
    let mut flip = false;
    c.bench_function("frame after an edit (scene rebuilt)", |b| {
        b.iter(|| {
            flip = !flip;
            app.cursor = Some(3);
            app.set_score(3, Some(if flip { 1.0 } else { -1.0 }), false);
            run(&mut app);
        })
    });
    // The edit alone (the undo step and the change), without the frame that redraws it.
    c.bench_function("an edit alone (undo step)", |b| {
        b.iter(|| {
            flip = !flip;
            app.cursor = Some(3);
            app.set_score(3, Some(if flip { 1.0 } else { -1.0 }), false);
        })
    });
    // The new-case prompt over the 10 000-case editor (live entry).
    app.open_new_case_prompt();
    run(&mut app);
    c.bench_function("frame: 10k cases, new-case prompt open", |b| {
        b.iter(|| run(&mut app))
    });
    app.new_case = None;

    // The overall view with its lists and a critical point's panel open (details, the cases'
    // notes, Flag & assign), once the background analysis of the 10 000 cases is in.
    app.view = emograph::app::View::Overall;
    for _ in 0..2_000 {
        run(&mut app);
        if app.analysis.current().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    app.highlight = app.analysis.current().and_then(|result| {
        result
            .critical
            .points
            .iter()
            .find(|p| p.scope == emograph::analysis::Scope::Overall)
            .map(|p| (p.scope, p.touchpoint))
    });
    assert!(app.highlight.is_some(), "a critical point to open");
    run(&mut app);
    c.bench_function(
        "frame: 10k cases, overall view, critical-point panel open",
        |b| b.iter(|| run(&mut app)),
    );
    app.view = emograph::app::View::Cases;

    run(&mut app);
    app.presenter = true;
    c.bench_function("frame in presenter mode", |b| b.iter(|| run(&mut app)));

    // The Hebrew sample on the overall view: every label that mixes Hebrew with English or
    // numbers goes through the bidi split (`app::bidi`), each frame.
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/bank-complaint-he.ron");
    let journey = match emograph::io::load_journey(&path) {
        Ok(journey) => journey,
        Err(error) => panic!("{error}"),
    };
    let mut hebrew =
        EmographApp::with_document(Document::new(journey, None), RecoveryStore::disabled());
    hebrew.view = emograph::app::View::Overall;
    for _ in 0..3 {
        run(&mut hebrew);
    }
    c.bench_function("frame: Hebrew sample, overall view with its lists", |b| {
        b.iter(|| run(&mut hebrew))
    });
}

criterion_group!(benches, frame);
criterion_main!(benches);
