//! The core's words in the interface language: what the core itself tells a person (a journey
//! file's problems, a survey export's, a Mermaid file's) comes from Fluent message catalogues
//! (`i18n/<lang>/*.ftl`, built into the crate), one message per sentence, plural rules included.
//!
//! The language in force lives here too, per thread with a process-wide default, because the
//! core writes its messages where it finds the problem, in the language of whoever asked: the
//! CLI sets the default once at start, the GUI sets its thread's each frame, and a thread that
//! opens a file in the background is handed the language of the one that started it
//! ([`with_language`]). Tests that set nothing get English, the words every script and test
//! has read until now.
//!
//! The app's own catalogue (its menus, tables and report) is the app's; it shares [`Lang`] and
//! the language in force with this one, so one `--lang` moves both.
//!
//! Placeables are isolated (FSI … PDI, Fluent's default) only where the finished text holds
//! right-to-left letters: there the marks keep a Latin name or a number from reordering the
//! Hebrew around it. In a text without right-to-left letters they do nothing but can show as
//! boxes in a terminal, so they are taken out ([`strip_needless_isolates`]).

use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

mod catalogue_keys;
#[cfg(test)]
mod tests;

pub use catalogue_keys::{KeyVariables, catalogue_keys, catalogue_mismatches};
pub use fluent_bundle::FluentValue;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

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

    /// The language as a byte, for the process-wide default.
    pub fn index(self) -> u8 {
        match self {
            Lang::English => 0,
            Lang::Hebrew => 1,
        }
    }

    /// [`Self::index`] back.
    pub fn from_index(index: u8) -> Lang {
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

/// `f`, to be run on another thread, speaking the language of this one: a reader's worker
/// threads write the problems they find for whoever asked on this thread.
pub fn in_this_language<R>(f: impl FnOnce() -> R) -> impl FnOnce() -> R {
    let lang = language();
    move || with_language(lang, f)
}

/// The core's catalogue files in `lang`, each with its name, in the order they are added to its
/// bundle: one file per part of the core that speaks, so a translator finds a message beside
/// its neighbours.
pub fn core_sources(lang: Lang) -> &'static [(&'static str, &'static str)] {
    macro_rules! files {
        ($dir:literal: $($name:literal),+) => {
            &[$(($name, include_str!(concat!("../../i18n/", $dir, "/", $name)))),+]
        };
    }
    match lang {
        Lang::English => files!("en": "files.ftl", "import.ftl", "model.ftl", "mermaid.ftl"),
        Lang::Hebrew => files!("he": "files.ftl", "import.ftl", "model.ftl", "mermaid.ftl"),
    }
}

/// A Fluent bundle of `sources` in `lang`. A resource with a syntax error still yields its good
/// messages; the catalogue tests fail on any error, so none ships.
pub fn bundle_of(lang: Lang, sources: &[&str]) -> FluentBundle<FluentResource> {
    let langid = lang
        .code()
        .parse::<unic_langid::LanguageIdentifier>()
        .unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    for source in sources {
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

fn bundles() -> &'static [FluentBundle<FluentResource>; 2] {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        Lang::ALL.map(|lang| {
            let sources: Vec<&str> = core_sources(lang).iter().map(|(_, text)| *text).collect();
            let mut bundle = bundle_of(lang, &sources);
            // The core's English is what scripts and logs have always read: a Hebrew task name
            // or path in it comes as written, without marks around it (the app's bidi layer
            // shapes such a line for the screen).
            bundle.set_use_isolating(lang != Lang::English);
            bundle
        })
    })
}

/// `key` of `bundles` in `lang`, with `args` put in; English where `lang` lacks it; `None`
/// where English does too.
pub fn format_in(
    bundles: &[FluentBundle<FluentResource>; 2],
    lang: Lang,
    key: &str,
    args: &[(&str, FluentValue<'_>)],
) -> Option<String> {
    let fluent_args = (!args.is_empty()).then(|| {
        let mut fa = FluentArgs::new();
        for (name, value) in args {
            fa.set(*name, value.clone());
        }
        fa
    });
    for lang in [lang, Lang::English] {
        let bundle = bundles.get(usize::from(lang.index()))?;
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, fluent_args.as_ref(), &mut errors);
            return Some(strip_needless_isolates(text.into_owned()));
        }
    }
    None
}

/// The core's message `key` in the language in force, with `args` put in; English where the
/// language lacks it, and the key itself where English does too (a slip the catalogue test
/// catches).
pub fn message(key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    message_in(language(), key, args)
}

/// [`message`] in `lang`.
pub fn message_in(lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    format_in(bundles(), lang, key, args).unwrap_or_else(|| key.to_owned())
}

/// Takes the isolation marks out of a text with no right-to-left letters (see the module doc).
pub fn strip_needless_isolates(text: String) -> String {
    let marks = |c: char| matches!(c, '\u{2066}'..='\u{2069}');
    if text.contains(marks) && !text.chars().any(is_rtl_char) {
        text.chars().filter(|&c| !marks(c)).collect()
    } else {
        text
    }
}

/// Hebrew, Arabic and related scripts.
pub fn is_rtl_char(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// A message of the core's catalogue: `tr!("file-missing-version")`,
/// `tr!("import-rows-skipped", n = 3)`. Arguments are anything Fluent takes as a value
/// (numbers for plurals, strings for names and for phrases already put into words).
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
