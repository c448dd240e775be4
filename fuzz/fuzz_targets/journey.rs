//! Any bytes: the journey loader never panics, every refusal is located, and whatever it
//! accepts is a valid journey that saves and reads back to the same journey.
#![no_main]

use std::path::Path;

use emograph::io::{LoadError, from_ron_str, parse_journey_bytes, to_ron_string};
use libfuzzer_sys::fuzz_target;

fn assert_located(error: &LoadError) {
    assert!(!error.diagnostics.is_empty());
    assert!(
        error.diagnostics.iter().any(|d| d.position.is_some()),
        "unlocated: {error}"
    );
}

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("fuzz.ron");
    // The bytes as `load_journey` reads them from a file, non-UTF-8 ones included.
    match parse_journey_bytes(bytes, path) {
        Ok(journey) => {
            assert!(journey.validate().is_empty());
            let saved = to_ron_string(&journey).expect("a valid journey serialises");
            match from_ron_str(&saved) {
                Ok(again) => assert_eq!(again, journey, "{saved}"),
                Err(error) => panic!("a saved journey does not read back: {error}\n{saved}"),
            }
        }
        Err(error) => assert_located(&error),
    }
});
