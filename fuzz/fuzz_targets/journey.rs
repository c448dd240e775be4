//! Any bytes: the journey loader never panics, every refusal is located, and whatever it
//! accepts is a valid journey that saves and reads back to the same journey.
#![no_main]

use std::path::Path;

use emograph::io::{LoadError, from_ron_str, parse_journey, to_ron_string};
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
    // Non-UTF-8 bytes are refused by `load_journey` before parsing; read them lossily so the
    // parser still sees what the rest of the bytes say.
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    };
    match parse_journey(&text, path) {
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
