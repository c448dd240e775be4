//! Any bytes: the CSV importer never panics, every refusal names the file, and whatever it
//! accepts is a dataset whose matrix matches its cases and touchpoints.
#![no_main]

use std::path::Path;

use emograph::io::{CsvOptions, dataset_to_journey, parse_csv};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("fuzz.csv");
    // The first byte picks the options, so the fuzzer also explores scales, "n/a" values and
    // forced delimiters and headers.
    let (choice, data) = bytes
        .split_first()
        .map_or((0, bytes), |(c, rest)| (*c, rest));
    let options = CsvOptions {
        scale: (choice & 1 != 0).then_some((1.0, 5.0)),
        na: if choice & 2 != 0 {
            vec!["n/a".to_owned()]
        } else {
            Vec::new()
        },
        delimiter: (choice & 4 != 0).then_some(b';'),
        has_header: match choice >> 6 {
            1 => Some(true),
            2 => Some(false),
            _ => None,
        },
        ..CsvOptions::default()
    };
    match parse_csv(data, path, &options, choice & 8 != 0) {
        Ok(dataset) => {
            assert_eq!(dataset.matrix.cases(), dataset.case_ids.len());
            assert_eq!(
                dataset.matrix.touchpoints(),
                dataset.journey.touchpoints.len()
            );
            let journey = dataset_to_journey(&dataset, "fuzz");
            let problems = journey.validate();
            assert!(problems.is_empty(), "{problems:?}");
        }
        Err(error) => assert!(!error.diagnostics.is_empty()),
    }
});
