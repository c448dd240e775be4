//! A refused command line in the interface's language. clap's own words are English; a Hebrew
//! interface says itself what was wrong, with clap's particulars put in (the argument, the
//! value, the values that would do, the suggestion), then the usage line. Help and version
//! output stay clap's, and so does every refusal in English, whose wording clap has right.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::Lang;

/// The language to answer a refused command line in: `--lang` as it was typed (the refusal
/// means nothing was parsed), else the system's, else English.
pub fn language_of(args: &[String]) -> Lang {
    let typed = args
        .iter()
        .enumerate()
        .find_map(|(i, arg)| match arg.strip_prefix("--lang") {
            Some(value) if value.starts_with('=') => Some(value.trim_start_matches('=')),
            Some("") => args.get(i + 1).map(String::as_str),
            _ => None,
        });
    typed
        .and_then(Lang::parse)
        .or_else(Lang::from_environment)
        .unwrap_or_default()
}

/// What to print for `error` in `lang`; `None` where clap's own output is the answer (help,
/// version, English).
pub fn message(error: &clap::Error, lang: Lang) -> Option<String> {
    if lang == Lang::English
        || matches!(
            error.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        return None;
    }
    crate::i18n::with_language(lang, || Some(localised(error)))
}

fn localised(error: &clap::Error) -> String {
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(list)) => list
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let mut lines = vec![match error.kind() {
        ErrorKind::UnknownArgument => crate::tr!("args-unknown", arg = arg),
        ErrorKind::InvalidSubcommand => {
            crate::tr!(
                "args-unknown-command",
                name = text(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::InvalidValue if value.is_empty() => crate::tr!("args-no-value", arg = arg),
        ErrorKind::InvalidValue => crate::tr!("args-invalid-value", value = value, arg = arg),
        ErrorKind::ValueValidation => crate::tr!(
            "args-value-refused",
            value = value,
            arg = arg,
            reason = std::error::Error::source(error)
                .map(ToString::to_string)
                .unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => crate::tr!("args-missing", args = arg),
        ErrorKind::MissingSubcommand => crate::tr!("args-missing-command"),
        ErrorKind::ArgumentConflict => crate::tr!(
            "args-conflict",
            arg = arg,
            other = text(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues => crate::tr!("args-unexpected-value", value = value),
        _ => crate::tr!("args-not-understood"),
    }];
    let valid = text(ContextKind::ValidValue);
    if !valid.is_empty() {
        lines.push(crate::tr!("args-valid-values", values = valid));
    }
    let suggested = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand]
        .into_iter()
        .map(text)
        .find(|s| !s.is_empty());
    if let Some(suggestion) = suggested {
        lines.push(crate::tr!("args-did-you-mean", suggestion = suggestion));
    }
    if !matches!(
        error.kind(),
        ErrorKind::UnknownArgument
            | ErrorKind::InvalidSubcommand
            | ErrorKind::InvalidValue
            | ErrorKind::ValueValidation
            | ErrorKind::MissingRequiredArgument
            | ErrorKind::MissingSubcommand
            | ErrorKind::ArgumentConflict
            | ErrorKind::TooManyValues
    ) {
        // A refusal we have no words for: clap's own below ours, so nothing is lost.
        lines.push(error.render().to_string().trim_end().to_owned());
    }
    let usage = text(ContextKind::Usage);
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    if !usage.is_empty() {
        lines.push(String::new());
        lines.push(crate::tr!("args-usage", usage = usage.to_owned()));
    }
    lines.push(crate::tr!("args-more"));
    format!("emograph: {}", lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn the_typed_lang_wins_in_both_spellings() {
        assert_eq!(
            language_of(&args(&["emograph", "--lang", "he", "x"])),
            Lang::Hebrew
        );
        assert_eq!(
            language_of(&args(&["emograph", "--lang=he", "x"])),
            Lang::Hebrew
        );
        assert_eq!(
            language_of(&args(&["emograph", "--lang=en"])),
            Lang::English
        );
    }
}
