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

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

pub use fluent_bundle::FluentValue;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

mod catalogue_keys;
mod chart_words;
pub mod core_words;
pub mod edit_words;
pub use catalogue_keys::catalogue_keys;
pub use chart_words::translate_scene;

/// A language of the interface.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    English,
    #[serde(rename = "he")]
    Hebrew,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::English, Lang::Hebrew];

    /// The language's code, as `--lang` takes it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::English => "en",
            Lang::Hebrew => "he",
        }
    }

    /// The language's own name, as a language menu lists it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::English => "English",
            Lang::Hebrew => "עברית",
        }
    }

    /// Whether the interface reads from the right in this language.
    pub fn is_rtl(self) -> bool {
        self == Lang::Hebrew
    }

    /// A language tag or POSIX locale ("he", "he_IL.UTF-8", "en-GB", "iw"), if it names one of
    /// ours.
    pub fn parse(tag: &str) -> Option<Lang> {
        let base = tag
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match base.as_str() {
            "en" => Some(Lang::English),
            "he" | "iw" => Some(Lang::Hebrew),
            _ => None,
        }
    }

    /// The system's language from `LC_ALL`, `LC_MESSAGES` then `LANG` (the POSIX order: the
    /// first one set wins); `None` where none is set or it names a language we lack ("C",
    /// "POSIX", "fr_FR").
    pub fn from_environment() -> Option<Lang> {
        Self::from_locale_vars(|name| std::env::var(name).ok())
    }

    /// [`Self::from_environment`] over any source of variables (tests give their own).
    pub fn from_locale_vars(var: impl Fn(&str) -> Option<String>) -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|value| !value.is_empty())
            .and_then(|value| Lang::parse(&value))
    }

    /// The catalogue's source text.
    pub fn source(self) -> &'static str {
        match self {
            Lang::English => include_str!("../../assets/i18n/en.ftl"),
            Lang::Hebrew => include_str!("../../assets/i18n/he.ftl"),
        }
    }

    fn index(self) -> u8 {
        match self {
            Lang::English => 0,
            Lang::Hebrew => 1,
        }
    }

    fn from_index(index: u8) -> Lang {
        if index == 1 {
            Lang::Hebrew
        } else {
            Lang::English
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::parse(s).ok_or_else(|| format!("unknown language {s:?} (known: en, he)"))
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

static DEFAULT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static CURRENT: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The language this thread speaks: its own if set, else the process default.
pub fn language() -> Lang {
    CURRENT
        .with(Cell::get)
        .unwrap_or_else(|| Lang::from_index(DEFAULT.load(Ordering::Relaxed)))
}

/// The language of every thread that sets none of its own (the CLI sets it once at start).
pub fn set_default_language(lang: Lang) {
    DEFAULT.store(lang.index(), Ordering::Relaxed);
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

/// The language of this thread (the GUI's, each frame, from its preferences).
pub fn set_language(lang: Lang) {
    CURRENT.with(|c| c.set(Some(lang)));
}

/// Runs `f` speaking `lang` on this thread, then goes back to what was spoken before (a
/// report in its journey's language, written from a GUI in another).
pub fn with_language<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    let before = CURRENT.with(|c| c.replace(Some(lang)));
    let result = f();
    CURRENT.with(|c| c.set(before));
    result
}

fn bundles() -> &'static [FluentBundle<FluentResource>; 2] {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| Lang::ALL.map(bundle))
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let langid = lang
        .code()
        .parse::<unic_langid::LanguageIdentifier>()
        .unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // A resource with a syntax error still yields its good messages; the catalogue test
    // (tests/i18n_catalogue.rs) fails on any error, so none ships.
    let resource = FluentResource::try_new(lang.source().to_owned()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(resource);
    bundle
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
    let all = bundles();
    let fluent_args = (!args.is_empty()).then(|| {
        let mut fa = FluentArgs::new();
        for (name, value) in args {
            fa.set(*name, value.clone());
        }
        fa
    });
    for lang in [lang, Lang::English] {
        let bundle = &all[usize::from(lang.index())];
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, fluent_args.as_ref(), &mut errors);
            return strip_needless_isolates(text.into_owned());
        }
    }
    key.to_owned()
}

/// Takes the isolation marks out of a text with no right-to-left letters (see the module doc).
fn strip_needless_isolates(text: String) -> String {
    let marks = |c: char| matches!(c, '\u{2066}'..='\u{2069}');
    if text.contains(marks) && !text.chars().any(crate::model::is_rtl_char) {
        text.chars().filter(|&c| !marks(c)).collect()
    } else {
        text
    }
}

/// The keys of a catalogue and the variables each one uses: what the catalogue test compares
/// across languages.
pub type KeyVariables = BTreeMap<String, BTreeSet<String>>;

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
