//! The core's catalogues: each file in both languages with the same keys and variables, and no
//! Hebrew message left in English (the app's test checks its own catalogue and that no key is
//! defined twice across the two).

use super::{FluentValue, Lang, catalogue_keys, catalogue_mismatches, core_sources, message_in};

#[test]
fn every_core_catalogue_has_the_same_keys_and_variables_in_both_languages() {
    let en = core_sources(Lang::English);
    let he = core_sources(Lang::Hebrew);
    assert_eq!(en.len(), he.len(), "the same files in both languages");
    let mut problems = Vec::new();
    for (&(name, en), &(he_name, he)) in en.iter().zip(he) {
        assert_eq!(name, he_name);
        problems.extend(catalogue_mismatches(name, en, he));
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn no_hebrew_core_message_is_left_in_english() {
    let hebrew_letter = |c: char| ('\u{05D0}'..='\u{05EA}').contains(&c);
    let mut english = Vec::new();
    for &(name, he) in core_sources(Lang::Hebrew) {
        let keys = catalogue_keys(he).expect("parses");
        for (key, vars) in &keys {
            // Each variable given as a number, so a message that is all placeables still shows.
            let args: Vec<(&str, FluentValue<'_>)> = vars
                .iter()
                .map(|v| (v.as_str(), FluentValue::from(1)))
                .collect();
            let text = message_in(Lang::Hebrew, key, &args);
            if !text.chars().any(hebrew_letter) {
                english.push(format!("{name}: {key} = {text}"));
            }
        }
    }
    assert!(
        english.is_empty(),
        "Hebrew messages without Hebrew: {english:#?}"
    );
}

/// A Hebrew name in an English message comes as written, without isolation marks around it
/// (what `emograph check` has always printed); in Hebrew the marks keep a Latin name from
/// reordering the sentence.
#[test]
fn english_puts_no_marks_around_a_hebrew_name() {
    let args = [("name", FluentValue::from("חניה"))];
    assert_eq!(
        message_in(Lang::English, "read-the-map", &args),
        "the map `חניה`"
    );
    let args = [("name", FluentValue::from("parking"))];
    let hebrew = message_in(Lang::Hebrew, "read-the-map", &args);
    assert!(hebrew.contains("\u{2068}parking\u{2069}"), "{hebrew:?}");
}
