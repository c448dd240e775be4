//! Any text: the Mermaid reader never panics, every refusal is located, and whatever it accepts
//! exports to a diagram that reads back to the same journey (import → export → import).
#![no_main]

use std::path::Path;

use emograph::io::mermaid::{MermaidSource, parse_diagram, parse_mermaid, to_mermaid};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let path = Path::new("fuzz.mmd");
    let _ = parse_diagram(text, path);
    let journey = match parse_mermaid(text, path) {
        Ok(journey) => journey,
        Err(error) => {
            // Only size limits (a description or actor count too large) concern the whole file.
            let located = |d: &emograph::io::Diagnostic| {
                d.position.is_some()
                    || d.message.contains("longer than")
                    || d.message.contains("more than")
            };
            assert!(error.diagnostics.iter().all(located), "{error}");
            return;
        }
    };
    assert!(journey.validate().is_empty());
    for index in 0..journey.cases.len().min(3) {
        let text = to_mermaid(&journey, MermaidSource::Case(index));
        if let Err(error) = parse_mermaid(&text, path) {
            panic!("exported case {index} does not read back: {error}\n{text}");
        }
    }
    let exported = to_mermaid(&journey, MermaidSource::AllCases);
    let first = match parse_mermaid(&exported, path) {
        Ok(first) => first,
        Err(error) => panic!("export does not read back: {error}\n{exported}"),
    };
    let again = to_mermaid(&first, MermaidSource::AllCases);
    assert_eq!(parse_mermaid(&again, path).ok(), Some(first), "{again}");
});
