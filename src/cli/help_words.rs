//! `--help` in the interface language. English help is clap's, written from the doc comments
//! of the commands and their arguments, which are also the code's documentation; a Hebrew
//! interface gets the same tree with every command's about, every argument's help, the
//! headings and clap's own fixed words ("Usage:", "[default: 3]", "[possible values: …]")
//! replaced from `assets/i18n/he-help.ftl`.
//!
//! The catalogue is keyed by the command tree itself: `help-<command>` for a command,
//! `help-<command>-<argument>` for an argument of one command, and `help-arg-<argument>` for
//! one that many commands share with the same words (the CSV options every data verb takes);
//! `-long` for the paragraphs `--help` shows beyond the first. The test that walks the tree
//! (`tests/i18n_help.rs`) finds a command or argument without Hebrew the day it is added, a
//! shared key that would cover two different English helps, and a stale key.

use std::sync::OnceLock;

use clap::{Arg, ArgAction, Command};
use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;

use crate::i18n::Lang;

/// The Hebrew help catalogue's source.
pub const HEBREW_HELP: &str = include_str!("../../assets/i18n/he-help.ftl");

/// The catalogue key of a command's about (`path` is the command's names below the root,
/// empty for the root): `help-emograph`, `help-check`, `help-import`.
pub fn command_key(path: &[&str]) -> String {
    match path {
        [] => "help-emograph".to_owned(),
        _ => format!("help-{}", path.join("-")),
    }
}

/// The catalogue key of an argument's help: `help-check-quiet`, `help-emograph-lang`.
pub fn arg_key(path: &[&str], id: &str) -> String {
    format!("{}-{}", command_key(path), id.replace('_', "-"))
}

/// The catalogue key of an argument's help shared by every command that has the argument with
/// the same English help: `help-arg-case-column`.
pub fn shared_arg_key(id: &str) -> String {
    format!("help-arg-{}", id.replace('_', "-"))
}

/// The key that gives the Hebrew help of argument `id` of the command at `path`: its own, else
/// the shared one; `None` where the catalogue has neither.
pub fn arg_key_in_catalogue(path: &[&str], id: &str) -> Option<String> {
    [arg_key(path, id), shared_arg_key(id)]
        .into_iter()
        .find(|key| hebrew(key).is_some())
}

/// The catalogue key of a help heading, from its English words: `help-heading-csv-input`.
pub fn heading_key(heading: &str) -> String {
    let words: Vec<String> = heading
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(2)
        .map(str::to_ascii_lowercase)
        .collect();
    format!("help-heading-{}", words.join("-"))
}

/// The Hebrew text of `key`, if the catalogue has it.
pub fn hebrew(key: &str) -> Option<String> {
    static BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let bundle =
        BUNDLE.get_or_init(|| emograph_core::i18n::bundle_of(Lang::Hebrew, &[HEBREW_HELP]));
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned(),
    )
}

/// `hebrew` shaped as clap shapes the English it replaces: the lines of a paragraph joined
/// (clap joins a doc comment's lines and wraps them to the terminal; the catalogue's own line
/// breaks would wrap a second time), paragraphs kept, and no closing full stop where the
/// English has none (clap drops it from a one-line summary).
fn shaped_like(english: Option<String>, hebrew: String) -> String {
    let mut text = hebrew
        .split("\n\n")
        .map(|paragraph| {
            paragraph
                .lines()
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    if english.is_some_and(|english| !english.trim_end().ends_with('.')) && text.ends_with('.') {
        text.pop();
    }
    text
}

/// `cmd` (the root of the command line) with its help in `lang`: itself in English.
pub fn localised(cmd: Command, lang: Lang) -> Command {
    match lang {
        Lang::English => cmd,
        Lang::Hebrew => {
            let mut cmd = in_hebrew(cmd, &[]);
            // clap adds the `help` command when it builds the tree: put it into words after.
            cmd.build();
            cmd.mut_subcommand("help", |help| {
                let help = help.about(word("help-command-help"));
                in_hebrew_fixed_words(help)
            })
        }
    }
}

/// A word of clap's own that the Hebrew catalogue has; the key itself if it lacks it (the
/// test fails on that).
fn word(key: &str) -> String {
    hebrew(key).unwrap_or_else(|| key.to_owned())
}

fn in_hebrew(mut cmd: Command, path: &[&str]) -> Command {
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for name in &subcommands {
        let mut below = path.to_vec();
        below.push(name);
        cmd = cmd.mut_subcommand(name, |sub| in_hebrew(sub, &below));
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in &ids {
        let key = arg_key_in_catalogue(path, id).unwrap_or_else(|| arg_key(path, id));
        cmd = cmd.mut_arg(id, |arg| arg_in_hebrew(arg, &key));
    }
    let key = command_key(path);
    let english_about = cmd.get_about().map(ToString::to_string);
    if let Some(about) = hebrew(&key) {
        cmd = cmd.about(shaped_like(english_about, about));
    }
    if let Some(english_long) = cmd.get_long_about().map(ToString::to_string) {
        cmd = match hebrew(&format!("{key}-long")) {
            Some(long) => cmd.long_about(shaped_like(Some(english_long), long)),
            None => cmd.long_about(None::<&str>),
        };
    }
    cmd = in_hebrew_fixed_words(cmd)
        .subcommand_help_heading(word("help-heading-commands"))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(word("help-flag-help"))
                .help_heading(word("help-heading-options")),
        );
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(word("help-flag-version"))
                .help_heading(word("help-heading-options")),
        );
    }
    cmd
}

/// The usage heading, which clap writes from its template.
fn in_hebrew_fixed_words(cmd: Command) -> Command {
    cmd.help_template(format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        word("help-heading-usage")
    ))
}

fn arg_in_hebrew(arg: Arg, key: &str) -> Arg {
    let heading = match arg.get_help_heading() {
        Some(english) => word(&heading_key(english)),
        None if arg.is_positional() => word("help-heading-arguments"),
        None => word("help-heading-options"),
    };
    let shown_values: Vec<String> = if arg.is_hide_possible_values_set() {
        Vec::new()
    } else {
        arg.get_possible_values()
            .iter()
            .filter(|value| !value.is_hide_set())
            .map(|value| value.get_name().to_owned())
            .collect()
    };
    let defaults: Vec<String> = if arg.is_hide_default_value_set() {
        Vec::new()
    } else {
        arg.get_default_values()
            .iter()
            .map(|value| value.to_string_lossy().into_owned())
            .collect()
    };
    // clap's "[default: …]" and "[possible values: …]" said in Hebrew, after the help.
    let mut suffix = String::new();
    if !defaults.is_empty() && arg.get_action().takes_values() {
        suffix.push_str(&format!(
            " [{} {}]",
            word("help-default"),
            defaults.join(", ")
        ));
    }
    if !shown_values.is_empty() && arg.get_action().takes_values() {
        suffix.push_str(&format!(
            " [{} {}]",
            word("help-possible-values"),
            shown_values.join(", ")
        ));
    }
    let english = arg.get_help().map(ToString::to_string);
    let short = hebrew(key).map(|help| format!("{}{suffix}", shaped_like(english, help)));
    let english_long = arg.get_long_help().map(ToString::to_string);
    let long = english_long.clone().and_then(|english| {
        hebrew(&format!("{key}-long"))
            .map(|help| format!("{}{suffix}", shaped_like(Some(english), help)))
    });
    let takes_values = arg.get_action().takes_values();
    let mut arg = arg.help_heading(heading);
    if takes_values {
        arg = arg.hide_default_value(true).hide_possible_values(true);
    }
    if let Some(short) = short {
        arg = arg.help(short);
    }
    if english_long.is_some() {
        arg = match long {
            Some(long) => arg.long_help(long),
            None => arg.long_help(None::<&str>),
        };
    }
    arg
}
