//! The interface's words: every sentence the GUI, the CLI's human-readable output and the
//! report show comes from a Fluent message catalogue (`assets/i18n/*.ftl`, built into the
//! binary), so a language is one file, plural rules included ("1 case", "2 cases"; Hebrew's
//! one / two / other).
//!
//! The language in force is per thread, with a process-wide default: the GUI sets it each frame
//! from its preferences, the CLI once at start, and a report is written inside
//! [`with_language`] in the journey's own language. Tests that set nothing get English, so the
//! tests that find widgets by their English labels keep working, and two GUI tests in two
//! languages can run side by side.
//!
//! Placeables are isolated (FSI … PDI, Fluent's default) only where the finished text holds
//! right-to-left letters: there the marks keep a Latin name or a number from reordering the
//! Hebrew around it, and the app's `bidi` layout (which splits runs and drops the marks before
//! egui shapes them) and browsers honour them. In a text without right-to-left letters they do
//! nothing but can show as boxes in a terminal or font without them, so they are taken out.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use emograph_core::i18n::{bundle_of, format_in};
use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;

mod chart_words;
pub mod core_words;
pub mod edit_words;
pub use chart_words::translate_scene;

pub use emograph_core::i18n::{
    FluentValue, KeyVariables, Lang, catalogue_keys, catalogue_mismatches, in_this_language,
    language, set_default_language, set_language, strip_needless_isolates, with_language,
};

/// The app catalogue's source text in `lang` (the core's own messages are the core's, in
/// `crates/emograph-core/i18n`).
pub fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::English => include_str!("../../assets/i18n/en.ftl"),
        Lang::Hebrew => include_str!("../../assets/i18n/he.ftl"),
    }
}

static FORCED: AtomicU8 = AtomicU8::new(u8::MAX);

/// The language `--lang` asked for, which wins over the GUI's preference.
pub fn set_forced_language(lang: Option<Lang>) {
    FORCED.store(lang.map_or(u8::MAX, Lang::index), Ordering::Relaxed);
}

/// The language `--lang` asked for, if it did.
pub fn forced_language() -> Option<Lang> {
    match FORCED.load(Ordering::Relaxed) {
        u8::MAX => None,
        index => Some(Lang::from_index(index)),
    }
}

fn bundles() -> &'static [FluentBundle<FluentResource>; 2] {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| Lang::ALL.map(|lang| bundle_of(lang, &[source(lang)])))
}

/// "Pattern 2 · frustrated families · 31% · 8 cases" ("Pattern 2 · 31% · 8 cases" unnamed), in
/// the language in force: the patterns list and the report's heading say it alike.
pub fn pattern_entry(pattern: &crate::analysis::Pattern, name: Option<&str>) -> String {
    let share = format!("{:.0}", pattern.share * 100.0);
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => crate::tr!(
            "patterns-entry-named",
            id = pattern.id,
            name = name,
            share = share,
            n = pattern.n
        ),
        None => crate::tr!(
            "patterns-entry",
            id = pattern.id,
            share = share,
            n = pattern.n
        ),
    }
}

/// The message `key` in the language in force, with `args` put in; English where the language
/// lacks it, and the key itself where English does too (a slip the catalogue test catches).
pub fn message(key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    message_in(language(), key, args)
}

/// [`message`] in `lang`.
pub fn message_in(lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    format_in(bundles(), lang, key, args).unwrap_or_else(|| key.to_owned())
}

/// A message from the catalogue: `tr!("menu-file")`, `tr!("cases-count", n = 3)`. Arguments
/// are anything Fluent takes as a value (numbers for plurals, strings for names).
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::i18n::message($key, &[])
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message(
            $key,
            &[$((stringify!($name), $crate::i18n::FluentValue::from($value))),+],
        )
    };
}
