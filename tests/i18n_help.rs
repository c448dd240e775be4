// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `--help` in Hebrew: every command and argument of the command line has its Hebrew help
//! (a new one without fails here), no key of the Hebrew help catalogue is stale, and the help
//! a person reads has no English left but the names they type.

use std::collections::BTreeSet;

use clap::CommandFactory as _;
use emograph::cli::Cli;
use emograph::cli::help_words::{
    HEBREW_HELP, arg_key, command_key, heading_key, hebrew, localised, shared_arg_key,
};
use emograph::i18n::{Lang, catalogue_keys};

mod cli_common;
use cli_common::*;

/// clap's own words, asked for by fixed keys.
const FIXED_WORDS: &[&str] = &[
    "help-command-help",
    "help-default",
    "help-flag-help",
    "help-flag-version",
    "help-heading-arguments",
    "help-heading-commands",
    "help-heading-options",
    "help-heading-usage",
    "help-possible-values",
];

/// What the English tree has to say, and the key each says it under in Hebrew.
#[derive(Default)]
struct Wanted {
    /// Keys a command, a heading or an argument's own key asks for, with its English.
    own: Vec<(String, String)>,
    /// Arguments that found no key of their own: the shared key, with its English.
    shared: Vec<(String, String)>,
}

fn wanted(cmd: &clap::Command, path: &mut Vec<String>, out: &mut Wanted) {
    let names: Vec<&str> = path.iter().map(String::as_str).collect();
    let key = command_key(&names);
    let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
    out.own.push((key.clone(), about));
    if let Some(long) = cmd.get_long_about() {
        out.own.push((format!("{key}-long"), long.to_string()));
    }
    for arg in cmd.get_arguments() {
        let id = arg.get_id().as_str();
        if matches!(id, "help" | "version") {
            continue;
        }
        let own = arg_key(&names, id);
        let texts = [
            (
                "",
                arg.get_help().map(ToString::to_string).unwrap_or_default(),
            ),
            (
                "-long",
                arg.get_long_help()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            ),
        ];
        let has_own = catalogue().contains(&own);
        for (suffix, english) in texts {
            if suffix == "-long" && arg.get_long_help().is_none() {
                continue;
            }
            if has_own {
                out.own.push((format!("{own}{suffix}"), english));
            } else {
                out.shared
                    .push((format!("{}{suffix}", shared_arg_key(id)), english));
            }
        }
        if let Some(heading) = arg.get_help_heading() {
            out.own.push((heading_key(heading), heading.to_owned()));
        }
    }
    for sub in cmd.get_subcommands() {
        path.push(sub.get_name().to_owned());
        wanted(sub, path, out);
        path.pop();
    }
}

fn catalogue() -> BTreeSet<String> {
    catalogue_keys(HEBREW_HELP)
        .expect("he-help.ftl parses")
        .into_keys()
        .collect()
}

fn all_wanted() -> Wanted {
    let mut out = Wanted::default();
    wanted(&Cli::command(), &mut Vec::new(), &mut out);
    for list in [&mut out.own, &mut out.shared] {
        list.sort();
        list.dedup();
    }
    out
}

#[test]
fn every_command_and_argument_has_its_hebrew_help_and_no_key_is_stale() {
    let keys = catalogue();
    let wanted = all_wanted();
    assert!(
        wanted.own.len() > 20,
        "the tree asks for {} keys",
        wanted.own.len()
    );
    let all = wanted.own.iter().chain(&wanted.shared);
    let missing: Vec<String> = all
        .clone()
        .filter(|(key, _)| !keys.contains(key))
        .map(|(key, english)| format!("{key} = {}", english.replace('\n', " ⏎ ")))
        .collect();
    assert!(
        missing.is_empty(),
        "missing in he-help.ftl:\n{}",
        missing.join("\n")
    );
    // A shared key says one English help in Hebrew: where two commands' helps differ, each
    // needs a key of its own.
    let mut covered: std::collections::BTreeMap<&str, BTreeSet<&str>> = Default::default();
    for (key, english) in &wanted.shared {
        covered.entry(key).or_default().insert(english);
    }
    let ambiguous: Vec<_> = covered
        .iter()
        .filter(|(_, texts)| texts.len() > 1)
        .collect();
    assert!(
        ambiguous.is_empty(),
        "shared keys over different helps: {ambiguous:#?}"
    );
    let known: BTreeSet<&str> = all
        .map(|(key, _)| key.as_str())
        .chain(FIXED_WORDS.iter().copied())
        .collect();
    let stale: Vec<&String> = keys
        .iter()
        .filter(|k| !known.contains(k.as_str()))
        .collect();
    assert!(stale.is_empty(), "keys no command asks for: {stale:?}");
    for key in FIXED_WORDS {
        assert!(hebrew(key).is_some(), "{key}");
    }
}

/// Latin words of `text` that are not names a person types (flags, values, placeholders).
fn english_words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || "[](),:;.…\"'`|<>=/".contains(c))
        .filter(|word| word.chars().filter(char::is_ascii_lowercase).count() > 2)
        .filter(|word| !word.starts_with('-'))
        .filter(|word| word.chars().any(|c| c.is_ascii_lowercase()))
        .map(str::to_owned)
        .collect()
}

#[test]
fn hebrew_help_speaks_hebrew_and_keeps_the_names_a_person_types() {
    let mut cmd = localised(Cli::command(), Lang::Hebrew);
    let root = cmd.render_long_help().to_string();
    assert!(root.contains("שימוש:"), "{root}");
    assert!(!root.contains("Usage:"), "{root}");
    assert!(
        !root.contains("Options:") && !root.contains("Commands:"),
        "{root}"
    );
    assert!(
        root.contains("--lang <LANG>"),
        "flags keep their names: {root}"
    );
    assert!(root.contains("check"), "commands keep their names: {root}");

    let patterns = cmd.find_subcommand_mut("patterns").unwrap();
    let help = patterns.render_long_help().to_string();
    assert!(help.contains("--k <N|auto>"), "{help}");
    assert!(
        help.contains("[ברירת מחדל:"),
        "clap's default in Hebrew: {help}"
    );
    assert!(
        !help.contains("[default:") && !help.contains("possible values"),
        "{help}"
    );
    // Every line that says something says it in Hebrew.
    for line in help.lines() {
        let words = english_words(line);
        let hebrew_letters = line.chars().any(|c| ('\u{05D0}'..='\u{05EA}').contains(&c));
        assert!(
            hebrew_letters || words.is_empty() || line.trim_start().starts_with('-'),
            "a line in English: {line:?}"
        );
    }
}

#[test]
fn the_binary_answers_help_in_the_language_asked_for() {
    let hebrew = emograph(&["--lang", "he", "check", "--help"]);
    assert!(hebrew.status.success());
    let text = String::from_utf8(hebrew.stdout).unwrap();
    assert!(
        text.contains("שימוש:") && text.contains("--quiet"),
        "{text}"
    );
    assert!(
        !text.contains("Print nothing for files that pass"),
        "{text}"
    );

    let english = emograph(&["--lang", "en", "check", "--help"]);
    let text = String::from_utf8(english.stdout).unwrap();
    assert!(text.contains("Usage:") && text.contains("Print nothing for files that pass"));

    // A Hebrew command line still parses as the English one does.
    let cinema =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys/cinema-evening.ron");
    let checked = emograph(&["check", "--lang", "he", "-q", &cinema.display().to_string()]);
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
}
