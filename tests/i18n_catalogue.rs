//! The app's message catalogue (the core checks its own): every key in both languages with the
//! same variables, none shared with the core's, no Hebrew message left in English, plurals
//! that agree with the number, and the language chosen from the flag, the preference and the
//! locale in that order.

use emograph::i18n::{self, Lang, catalogue_keys, catalogue_mismatches, message_in};
use fluent_bundle::FluentValue;

/// Messages whose Hebrew is rightly the same as the English: names of formats and products,
/// the shortcut keys, a statistic's name ("AUC").
const SAME_IN_HEBREW: &[&str] = &[
    "chart-curve-point",
    "chart-score-changed",
    "cli-th-auc",
    // A number and a per cent sign: Hebrew writes it without the space.
    "opening-percent",
];

#[test]
fn the_app_catalogue_has_the_same_keys_and_variables_in_both_languages() {
    let problems = catalogue_mismatches(
        "assets/i18n",
        i18n::source(Lang::English),
        i18n::source(Lang::Hebrew),
    );
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn no_key_is_defined_in_both_the_apps_and_the_cores_catalogue() {
    // The two are separate bundles: a key in both would read differently depending on who asks.
    let app = catalogue_keys(i18n::source(Lang::English)).expect("parses");
    let mut twice = Vec::new();
    for &(name, source) in emograph_core::i18n::core_sources(Lang::English) {
        let core = catalogue_keys(source).expect("parses");
        twice.extend(
            core.keys()
                .filter(|k| app.contains_key(*k))
                .map(|k| format!("{k}: {name}")),
        );
    }
    assert!(twice.is_empty(), "keys in both catalogues: {twice:#?}");
}

#[test]
fn no_hebrew_message_is_left_in_english() {
    let hebrew_letter = |c: char| ('\u{05D0}'..='\u{05EA}').contains(&c);
    let he = catalogue_keys(i18n::source(Lang::Hebrew)).expect("parses");
    let mut english = Vec::new();
    for (key, vars) in &he {
        if SAME_IN_HEBREW.contains(&key.as_str()) {
            continue;
        }
        // Variables given as numbers, so a message that is all placeables still shows.
        let args: Vec<(&str, FluentValue<'_>)> = vars
            .iter()
            .map(|v| (v.as_str(), FluentValue::from(1)))
            .collect();
        let text = message_in(Lang::Hebrew, key, &args);
        let en = message_in(Lang::English, key, &args);
        if !text.chars().any(hebrew_letter)
            || (text == en && en.chars().any(|c| c.is_ascii_alphabetic()))
        {
            english.push(format!("{key} = {text}"));
        }
    }
    assert!(
        english.is_empty(),
        "Hebrew messages without Hebrew: {english:#?}"
    );
}

#[test]
fn plurals_follow_each_languages_rules() {
    let count = |lang, n: usize| message_in(lang, "cases-count", &[("n", FluentValue::from(n))]);
    assert_eq!(count(Lang::English, 1), "1 case");
    assert_eq!(count(Lang::English, 2), "2 cases");
    assert_eq!(count(Lang::English, 18), "18 cases");
    assert_eq!(count(Lang::Hebrew, 1), "מקרה אחד");
    assert_eq!(count(Lang::Hebrew, 2), "שני מקרים");
    // Placeables in a right-to-left text keep their isolation marks (FSI … PDI).
    assert_eq!(count(Lang::Hebrew, 18), "\u{2068}18\u{2069} מקרים");
}

#[test]
fn english_text_carries_no_isolation_marks() {
    let text = message_in(
        Lang::English,
        "chart-curve-point",
        &[
            ("curve", FluentValue::from("Couple, Friday 21:00")),
            ("touchpoint", FluentValue::from("Arrival and parking")),
            ("score", FluentValue::from("−4")),
        ],
    );
    assert_eq!(text, "Couple, Friday 21:00 — Arrival and parking: −4");
}

#[test]
fn a_missing_key_says_its_name_and_english_fills_in() {
    assert_eq!(message_in(Lang::Hebrew, "no-such-key", &[]), "no-such-key");
}

#[test]
fn the_language_comes_from_lc_all_then_lc_messages_then_lang() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    };
    assert_eq!(
        Lang::from_locale_vars(env(&[("LANG", "he_IL.UTF-8")])),
        Some(Lang::Hebrew)
    );
    assert_eq!(
        Lang::from_locale_vars(env(&[("LANG", "he_IL.UTF-8"), ("LC_ALL", "en_US.UTF-8")])),
        Some(Lang::English)
    );
    assert_eq!(
        Lang::from_locale_vars(env(&[("LANG", "en_GB"), ("LC_MESSAGES", "iw_IL")])),
        Some(Lang::Hebrew)
    );
    assert_eq!(
        Lang::from_locale_vars(env(&[("LANG", "fr_FR.UTF-8")])),
        None
    );
    assert_eq!(Lang::from_locale_vars(env(&[("LANG", "C")])), None);
    assert_eq!("he".parse::<Lang>(), Ok(Lang::Hebrew));
    assert!("xx".parse::<Lang>().is_err());
}

#[test]
fn a_thread_speaks_its_own_language_and_with_language_restores_it() {
    assert_eq!(i18n::language(), Lang::English);
    let inside = i18n::with_language(Lang::Hebrew, || emograph::tr!("menu-file"));
    assert_eq!(inside, "קובץ");
    assert_eq!(emograph::tr!("menu-file"), "File");
    let other = std::thread::spawn(|| {
        i18n::set_language(Lang::Hebrew);
        emograph::tr!("cases-count", n = 2)
    });
    assert_eq!(other.join().unwrap(), "שני מקרים");
    assert_eq!(emograph::tr!("cases-count", n = 2), "2 cases");
}
