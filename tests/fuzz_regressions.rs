// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Every input the fuzzers (`fuzz/`) ever crashed or hung on, and the seeds for the input
//! limits, fed to its loader in the normal test run: each must load or be refused with a
//! located message, never panic. Add a crashing input by copying it from
//! `fuzz/artifacts/<target>/` into `tests/fuzz_regressions/<target>/`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use emograph::io::mermaid::{MermaidSource, load_mermaid, parse_mermaid, to_mermaid};
use emograph::io::{CsvOptions, LoadError, load_csv, load_journey};

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_regressions")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no regression inputs in {}",
        dir.display()
    );
    files
}

/// A refusal names the file it is about, and says where when it can.
fn assert_refusal_is_located(file: &Path, error: &LoadError, needs_position: bool) {
    assert!(
        !error.diagnostics.is_empty(),
        "{}: empty error",
        file.display()
    );
    for diagnostic in &error.diagnostics {
        assert_eq!(diagnostic.file, file, "{error}");
        assert!(!diagnostic.message.is_empty());
    }
    if needs_position {
        assert!(
            error.diagnostics.iter().any(|d| d.position.is_some()),
            "{}: no line and column in {error}",
            file.display()
        );
    }
}

/// The fuzzers ran each input in well under a second; a slow one here means a hang came back.
fn run_quickly(file: &Path, run: impl FnOnce()) {
    let started = Instant::now();
    run();
    let took = started.elapsed();
    assert!(
        took < Duration::from_secs(10),
        "{} took {took:?}",
        file.display()
    );
}

#[test]
fn journey_files_that_broke_the_loader_are_refused_in_place() {
    for file in inputs("journey") {
        run_quickly(&file, || match load_journey(&file) {
            Ok(journey) => assert!(journey.validate().is_empty()),
            Err(error) => assert_refusal_is_located(&file, &error, true),
        });
    }
}

#[test]
fn csv_files_that_broke_the_importer_are_refused_in_place() {
    for file in inputs("csv") {
        run_quickly(&file, || match load_csv(&file, &CsvOptions::default()) {
            Ok(dataset) => {
                assert_eq!(dataset.matrix.cases(), dataset.case_ids.len());
                assert_eq!(
                    dataset.matrix.touchpoints(),
                    dataset.journey.touchpoints.len()
                );
            }
            Err(error) => assert_refusal_is_located(&file, &error, false),
        });
    }
}

#[test]
fn mermaid_files_that_broke_the_importer_are_refused_in_place() {
    for file in inputs("mermaid") {
        run_quickly(&file, || match load_mermaid(&file) {
            Ok(journey) => assert!(journey.validate().is_empty()),
            Err(error) => assert_refusal_is_located(&file, &error, true),
        });
    }
}

/// The Mermaid fuzzer's round trip: what imports exports to a diagram that imports again, and
/// exporting that a second time changes nothing (a user who copies a journey to Mermaid and
/// back twice gets the same journey). The fuzz target takes `&str`, which libFuzzer's inputs
/// give as their longest UTF-8 prefix: the same text is checked here.
#[test]
fn mermaid_inputs_that_broke_the_round_trip_are_stable() {
    let mut imported = 0;
    for file in inputs("mermaid") {
        let bytes = std::fs::read(&file).unwrap();
        let valid = std::str::from_utf8(&bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len());
        let text = std::str::from_utf8(&bytes[..valid]).unwrap();
        let path = Path::new("fuzz.mmd");
        let Ok(journey) = parse_mermaid(text, path) else {
            continue;
        };
        imported += 1;
        let name = file.display();
        for index in 0..journey.cases.len().min(3) {
            let exported = to_mermaid(&journey, MermaidSource::Case(index));
            if let Err(error) = parse_mermaid(&exported, path) {
                panic!("{name}: case {index} does not read back: {error}\n{exported}");
            }
        }
        let exported = to_mermaid(&journey, MermaidSource::AllCases);
        let first = parse_mermaid(&exported, path)
            .unwrap_or_else(|e| panic!("{name}: export does not read back: {e}\n{exported}"));
        let again = to_mermaid(&first, MermaidSource::AllCases);
        assert_eq!(
            parse_mermaid(&again, path).ok(),
            Some(first),
            "{name}: the second export reads back differently:\n{exported}\n----\n{again}"
        );
    }
    assert!(
        imported > 0,
        "no regression input imports: the test checks nothing"
    );
}

#[test]
fn the_limit_seeds_are_refused_with_the_reason() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let message =
        |result: Result<(), LoadError>| result.err().map(|e| e.to_string()).unwrap_or_default();
    let deep = message(load_journey(&dir.join("journey/deep-nesting.ron")).map(drop));
    assert!(deep.contains("nested too deeply"), "{deep}");
    let scale = message(load_journey(&dir.join("journey/huge-scale.ron")).map(drop));
    assert!(scale.contains("reaches beyond"), "{scale}");
    let wide =
        message(load_csv(&dir.join("csv/wide-header.csv"), &CsvOptions::default()).map(drop));
    assert!(wide.contains("at most 1000 are supported"), "{wide}");
}
