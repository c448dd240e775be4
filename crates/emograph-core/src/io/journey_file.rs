//! The journey file: one RON document, human-readable and diff-friendly.

use std::path::Path;

use serde::Deserialize;

use super::duplicates::{DuplicateKey, duplicate_keys};
use super::journey_v2::{CompactCases, JourneyIn, journey_cases, v2_path, write_v2};
use super::locate::{
    OpenBracket, SyntaxContext, byte_offset, line_col, line_cols, locate, locate_all,
    syntax_context,
};
use super::{Diagnostic, LoadError};
use crate::model::{FORMAT_VERSION, Journey};

/// Files larger than this are refused before they are read: a journey of 100 000 cases × 30
/// touchpoints is about 100 MB of RON, so this leaves room while keeping a stray multi-gigabyte
/// file from exhausting memory. `save_journey` refuses to write more, so reader and writer agree.
/// It binds before the count limits do: 50 000 000 scores ([`crate::model::limits`]) would be
/// over a gigabyte of RON, and a CSV within `MAX_CSV_BYTES` can make a journey over this (RON
/// names the touchpoint of every score), which `import` reports before writing.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Problems beyond this many are counted, not listed: a file with one systematic mistake (a whole
/// column on the wrong scale) has a problem in every case, and 20 000 identical lines help nobody.
const MAX_LOCATED_PROBLEMS: usize = 100;

/// Reads, migrates and validates a journey file. Every problem found is reported, located.
pub fn load_journey(path: &Path) -> Result<Journey, LoadError> {
    let bytes = super::read_limited(
        path,
        MAX_FILE_BYTES,
        &crate::tr!("read-too-big-refusal"),
        Some((1, 1)),
    )?;
    let journey = parse_journey_bytes(&bytes, path);
    if let Some(progress) = super::progress::current() {
        progress.finish();
    }
    journey
}

/// Parses a journey from the bytes of a file: text that is not UTF-8 is refused at the first
/// byte that is not, so a file saved in Latin-1 or UTF-16 gets a located message. `path` only
/// names the source in messages.
pub fn parse_journey_bytes(bytes: &[u8], path: &Path) -> Result<Journey, LoadError> {
    let text = super::utf8_or_located(bytes, path, &crate::tr!("read-save-as-utf8"))?;
    parse_journey(text, path)
}

/// Parses journey text; `path` only names the source in messages.
pub fn parse_journey(text: &str, path: &Path) -> Result<Journey, LoadError> {
    parse_journey_as(text, path, false)
}

/// [`parse_journey`] for a file the compact reader refused, most likely for a problem: a
/// current file's cases are checked one at a time as each is built from its columns, and made
/// `Case`s only when none has a problem. Finding the problems of a 17 MB survey journey cost
/// 350 MB of `Case` maps the other way; the GUI, which opens sound files, builds them at once.
pub(crate) fn parse_journey_problems_first(text: &str, path: &Path) -> Result<Journey, LoadError> {
    parse_journey_as(text, path, true)
}

/// A journey read up to its cases: built, or (a current file checked first) still in columns.
enum Read {
    Built(Journey),
    Columns(Journey, Box<CompactCases<true>>),
}

fn parse_journey_as(text: &str, path: &Path, problems_first: bool) -> Result<Journey, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::single(
            path,
            Some((1, 1)),
            crate::tr!("read-empty-file", version = FORMAT_VERSION),
        ));
    }
    // Most files are current: parse once as a journey. Only when that fails, or the version is not
    // ours, read the version alone, so that a file from another version gets a message about
    // versions instead of a confusing complaint about some field that moved.
    // The case lines as the writer writes them are read without ron (many times faster); a
    // file in any other shape, or with anything refused, is read by ron, which locates errors.
    let (first_try, maps_end) = match super::journey_v2_lines::read::<true>(text) {
        Some((raw, maps_end)) => (Ok(raw), maps_end),
        None => (ron_options().from_str::<JourneyIn<true>>(text), text.len()),
    };
    let current_read = |raw: JourneyIn<true>| {
        if problems_first {
            let (journey, cases) = raw.into_parts();
            (Read::Columns(journey, Box::new(cases)), Vec::new(), true)
        } else {
            let (journey, problems) = from_compact(raw);
            (Read::Built(journey), problems, true)
        }
    };
    let (read, mut problems, current) = match first_try {
        Ok(raw) if raw.version == FORMAT_VERSION => current_read(raw),
        first_try => {
            // Named like the journey, so a file that starts with its struct name (`Journey(`)
            // is read by the probe too, instead of failing at 1:1 with the probe's own name.
            #[derive(Deserialize)]
            #[serde(rename = "Journey")]
            struct VersionOnly {
                version: Option<u32>,
            }
            // `implicit_some` lets the probe read a plain `version: 1` into its Option.
            let probe =
                ron_options().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
            // A syntax error is reported from the probe, which reads any value where a field
            // has one: its errors are about brackets and commas, not about what a touchpoint
            // should look like.
            let version = match probe.from_str::<VersionOnly>(text) {
                Ok(v) => v.version,
                Err(e) => return Err(syntax_error(path, text, &e)),
            };
            let Some(version) = version else {
                return Err(LoadError::single(
                    path,
                    Some(locate(text, &crate::model::ProblemPath::default())),
                    crate::tr!("read-missing-version", version = FORMAT_VERSION),
                ));
            };
            match (version, first_try) {
                (FORMAT_VERSION, Ok(raw)) => current_read(raw),
                (FORMAT_VERSION, Err(e)) => return Err(syntax_error(path, text, &e)),
                (newer, _) if newer > FORMAT_VERSION => {
                    return Err(LoadError::single(
                        path,
                        Some(locate(text, &version_path())),
                        crate::tr!(
                            "read-newer-version",
                            found = newer.to_string(),
                            version = FORMAT_VERSION
                        ),
                    ));
                }
                (older, _) => (Read::Built(migrate(text, older, path)?), Vec::new(), false),
            }
        }
    };

    // Only where maps can be: the head alone when the case lines were read as the writer
    // writes them (they hold none); a migrated or hand-made file is checked whole.
    let duplicates = duplicate_keys(text.get(..maps_end).unwrap_or(text), MAX_LOCATED_PROBLEMS);
    let journey = match read {
        Read::Built(journey) => {
            problems.extend(journey.validate());
            journey
        }
        Read::Columns(mut journey, cases) => {
            // The same problems in the same order as `from_compact` and `validate` give.
            let mut found = journey.validate_with(cases.len(), &mut |visit| {
                problems = cases.each_case(&journey, visit);
            });
            problems.append(&mut found);
            if problems.is_empty() && duplicates.is_empty() {
                let (built, _) = (*cases).into_cases(&journey);
                journey.cases = built;
            }
            journey
        }
    };
    if problems.is_empty() && duplicates.is_empty() {
        return Ok(journey);
    }
    let mut diagnostics = duplicate_diagnostics(text, path, &duplicates);
    let total = duplicates.len() + problems.len();
    let room = MAX_LOCATED_PROBLEMS.saturating_sub(diagnostics.len());
    let shown: Vec<_> = problems.into_iter().take(room).collect();
    // A version 2 file lists a case's scores in touchpoint order: a score is found by its place.
    let paths: Vec<_> = shown
        .iter()
        .map(|p| {
            if current {
                v2_path(&journey, &p.path)
            } else {
                p.path.clone()
            }
        })
        .collect();
    diagnostics.extend(
        shown
            .into_iter()
            .zip(locate_all(text, &paths))
            .map(|(p, position)| Diagnostic {
                file: path.to_owned(),
                position: Some(position),
                message: p.message,
            }),
    );
    if total > MAX_LOCATED_PROBLEMS {
        diagnostics.push(Diagnostic {
            file: path.to_owned(),
            position: None,
            message: crate::tr!(
                "read-more-problems",
                n = total - MAX_LOCATED_PROBLEMS,
                shown = MAX_LOCATED_PROBLEMS
            ),
        });
    }
    Err(LoadError { diagnostics })
}

/// "the key `film` appears twice in the map `scores`", at the second key, naming the first.
fn duplicate_diagnostics(text: &str, path: &Path, duplicates: &[DuplicateKey]) -> Vec<Diagnostic> {
    let offsets: Vec<usize> = duplicates
        .iter()
        .flat_map(|d| [d.second, d.first])
        .collect();
    let positions = line_cols(text, &offsets);
    duplicates
        .iter()
        .zip(positions.chunks(2))
        .map(|(duplicate, pair)| {
            let (second, first) = match pair {
                [second, first] => (Some(*second), *first),
                _ => (None, (1, 1)),
            };
            let map = duplicate.map.as_deref().map_or_else(
                || crate::tr!("read-this-map"),
                |name| crate::tr!("read-the-map", name = name),
            );
            Diagnostic {
                file: path.to_owned(),
                position: second,
                message: crate::tr!(
                    "read-duplicate-key",
                    key = format!("{:?}", duplicate.key),
                    map = map,
                    line = first.0,
                    column = first.1
                ),
            }
        })
        .collect()
}

/// A journey nests five levels deep (journey, `cases`, a case, its `scores`, a value); anything
/// much deeper is not a journey. ron's own default (128) is set explicitly and lower, so a file
/// of `[[[[…` is refused with a message long before it could exhaust the stack.
pub const MAX_NESTING: usize = 32;

pub(crate) fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(MAX_NESTING)
}

fn version_path() -> crate::model::ProblemPath {
    crate::model::ProblemPath(vec![crate::model::PathSegment::Field("version")])
}

/// The migration chain: each older format is read into its own types and converted one step up.
/// Version 1 named the touchpoint of every score (`scores: {"film": 2.5}`); it is read with the
/// model's own serde shape (which is version 1's) and needs nothing else to become version 2,
/// whose difference is only how the file lays the scores out.
fn migrate(text: &str, from: u32, path: &Path) -> Result<Journey, LoadError> {
    match from {
        1 => {
            let mut journey = ron_options()
                .from_str::<Journey>(text)
                .map_err(|e| syntax_error(path, text, &e))?;
            journey.version = FORMAT_VERSION;
            Ok(journey)
        }
        _ => Err(LoadError::single(
            path,
            Some(locate(text, &version_path())),
            crate::tr!(
                "read-unknown-version",
                found = from.to_string(),
                version = FORMAT_VERSION
            ),
        )),
    }
}

/// A version 2 file's journey with its cases made [`Case`](crate::model::Case)s, and the cases
/// whose score lists have the wrong length.
fn from_compact(raw: JourneyIn<true>) -> (Journey, Vec<crate::model::Problem>) {
    let (mut journey, cases) = raw.into_parts();
    let (cases, problems) = cases.into_cases(&journey);
    journey.cases = cases;
    (journey, problems)
}

fn syntax_error(path: &Path, text: &str, error: &ron::error::SpannedError) -> LoadError {
    let start = error.span.start;
    let mut offset = byte_offset(text, start.line.max(1), start.col.max(1));
    // The parser sometimes points at the blank before a value; point at the value itself.
    offset += text
        .get(offset..)
        .map_or(0, |rest| rest.len() - rest.trim_start().len());
    let context = syntax_context(text, offset);
    let (offset, message) = explain(&error.code, text, offset, &context);
    LoadError::single(path, Some(line_col(text, offset)), message)
}

/// RON's messages, phrased for people who edit journey files by hand: what was expected, what was
/// found, and for a missing bracket which one is still open. Returns where to point and what to say.
fn explain(
    code: &ron::Error,
    text: &str,
    offset: usize,
    context: &SyntaxContext,
) -> (usize, String) {
    use ron::Error as E;
    let found = found(text, context);
    let innermost = context
        .open
        .last()
        .map(|open| describe_open(text, context, open));
    // A file cut off mid-token (`kind: Ne`) makes the parser complain about what should follow;
    // when nothing follows and brackets are open, the real news is that the file is truncated.
    let at_end = context
        .next
        .and_then(|(_, end)| text.get(end..))
        .is_none_or(|rest| rest.trim().is_empty());
    if at_end
        && !matches!(code, E::ExpectedStringEnd)
        && let Some(open) = &innermost
        // A complete file can fail at its last `)` too (a missing field): only say "truncated"
        // when brackets really stay open to the end.
        && !syntax_context(text, text.len()).open.is_empty()
    {
        return (
            text.len(),
            crate::tr!("read-truncated-open", open = open.as_str()),
        );
    }
    let message = match code {
        E::Eof => match &innermost {
            Some(open) => crate::tr!("read-truncated-open", open = open.as_str()),
            None => crate::tr!("read-truncated"),
        },
        E::ExpectedStringEnd => {
            return (
                context.next.map_or(offset, |(start, _)| start),
                crate::tr!("read-unclosed-string"),
            );
        }
        E::ExpectedComma => {
            if let Some((name_at, name)) = name_at_error(text, context)
                && let Some(open) = context.open.last()
                && open.bracket != '('
                && let Some(described) = &innermost
            {
                let close = closing(open.bracket);
                return (
                    name_at,
                    crate::tr!(
                        "read-not-closed-before-name",
                        open = described.as_str(),
                        close = close.to_string(),
                        name = name
                    ),
                );
            }
            // Point just after the value that lacks its comma, like a compiler would.
            let at = context.previous.map_or(offset, |(_, end)| end);
            return (
                at,
                crate::tr!("read-expected-comma", found = found.as_str()),
            );
        }
        E::ExpectedIdentifier => match (context.next_char(text), &innermost) {
            (Some('(' | '[' | '{'), Some(open)) => crate::tr!(
                "read-expected-field-name-open",
                found = found.as_str(),
                open = open.as_str()
            ),
            _ => crate::tr!("read-expected-field-name", found = found.as_str()),
        },
        E::ExpectedArrayEnd
        | E::ExpectedMapEnd
        | E::ExpectedStructLikeEnd
        | E::ExpectedOptionEnd => {
            let close = match code {
                E::ExpectedArrayEnd => ']',
                E::ExpectedMapEnd => '}',
                _ => ')',
            };
            match &innermost {
                Some(open) => crate::tr!(
                    "read-expected-close-open",
                    close = close.to_string(),
                    open = open.as_str(),
                    found = found.as_str()
                ),
                None => crate::tr!(
                    "read-expected-close",
                    close = close.to_string(),
                    found = found.as_str()
                ),
            }
        }
        E::ExpectedFloat | E::ExpectedInteger => {
            crate::tr!("read-expected-number", found = found.as_str())
        }
        E::ExpectedString => {
            // An unquoted map key (`order: 2.5`): say how to write it.
            if let Some((name_at, name)) = name_at_error(text, context) {
                return (name_at, crate::tr!("read-quote-the-key", name = name));
            }
            crate::tr!("read-expected-string", found = found.as_str())
        }
        E::ExpectedBoolean => crate::tr!("read-expected-boolean", found = found.as_str()),
        E::ExpectedOption => crate::tr!("read-expected-option", found = found.as_str()),
        E::ExpectedArray => crate::tr!("read-expected-list", found = found.as_str()),
        E::ExpectedMap => crate::tr!("read-expected-map", found = found.as_str()),
        E::ExpectedMapColon => crate::tr!("read-expected-colon", found = found.as_str()),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) if context.open.is_empty() => {
            crate::tr!("read-expected-journey", version = FORMAT_VERSION)
        }
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            crate::tr!("read-expected-parens", found = found.as_str())
        }
        E::UnexpectedChar(c @ (')' | ']' | '}')) => match (context.open.last(), &innermost) {
            (Some(open), Some(described)) => crate::tr!(
                "read-unexpected-close-open",
                char = c.to_string(),
                open = described.as_str(),
                close = closing(open.bracket).to_string()
            ),
            _ => crate::tr!("read-unexpected-close", char = c.to_string()),
        },
        E::UnexpectedChar(c) => crate::tr!("read-unexpected-char", char = c.to_string()),
        E::TrailingCharacters => crate::tr!("read-trailing", found = found.as_str()),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => crate::tr!(
            "read-unknown-value",
            found = found.as_str(),
            expected = expected.join(", ")
        ),
        E::NoSuchStructField {
            expected, found, ..
        } => crate::tr!(
            "read-unknown-field",
            found = found.as_str(),
            expected = expected.join(", ")
        ),
        E::MissingStructField { field, outer } => {
            let what = outer
                .as_deref()
                .map_or_else(|| crate::tr!("read-type-other"), describe_type);
            // The parser stops at the closing `)`; say where the item starts, too.
            match context.open.last() {
                Some(open) => {
                    let (line, col) = line_col(text, open.offset);
                    crate::tr!(
                        "read-missing-field-at",
                        field = *field,
                        what = what,
                        line = line,
                        column = col
                    )
                }
                None => crate::tr!("read-missing-field", field = *field, what = what),
            }
        }
        E::DuplicateStructField { field, .. } => {
            crate::tr!("read-duplicate-field", field = *field)
        }
        E::InvalidValueForType { expected, found } => crate::tr!(
            "read-expected-found",
            expected = humanise(expected),
            found = found.as_str()
        ),
        E::ExpectedDifferentStructName { found, .. } => match context.next_char(text) {
            Some(c) if c.is_alphabetic() => {
                crate::tr!("read-unexpected-name", found = found.as_str())
            }
            _ => crate::tr!("read-expected-parens-name", found = found.as_str()),
        },
        E::UnclosedBlockComment => crate::tr!("read-unclosed-comment"),
        E::ExceededRecursionLimit => crate::tr!("read-too-deep"),
        other => humanise(&other.to_string()),
    };
    (offset, message)
}

/// What the user calls each of the model's types: messages are for people editing a journey,
/// who never saw our type names (`Touchpoint`, let alone a probe's).
const TYPE_WORDS: [(&str, &str); 16] = [
    ("Journey", "the journey"),
    ("SourceScale", "the source scale"),
    ("Scale", "the scale"),
    ("Anchor", "an anchor"),
    ("Phase", "a phase"),
    ("Touchpoint", "a touchpoint"),
    ("Office", "a touchpoint's office"),
    ("Case", "a case"),
    ("Owner", "an owner"),
    ("Metric", "a metric"),
    ("Better", "a metric's direction"),
    ("MetricLevel", "a metric's level"),
    ("Flag", "a flag"),
    ("FlagKind", "a flag's kind"),
    ("Action", "an action"),
    ("Status", "a status"),
];

/// [`TYPE_WORDS`] in the language in force, for a message of ours (not a parser's, which
/// stays in English).
fn describe_type(name: &str) -> String {
    match name {
        "Journey" => crate::tr!("read-type-journey"),
        "SourceScale" => crate::tr!("read-type-source-scale"),
        "Scale" => crate::tr!("read-type-scale"),
        "Anchor" => crate::tr!("read-type-anchor"),
        "Phase" => crate::tr!("read-type-phase"),
        "Touchpoint" => crate::tr!("read-type-touchpoint"),
        "Office" => crate::tr!("read-type-office"),
        "Case" => crate::tr!("read-type-case"),
        "Owner" => crate::tr!("read-type-owner"),
        "Metric" => crate::tr!("read-type-metric"),
        "Better" => crate::tr!("read-type-better"),
        "MetricLevel" => crate::tr!("read-type-metric-level"),
        "Flag" => crate::tr!("read-type-flag"),
        "FlagKind" => crate::tr!("read-type-flag-kind"),
        "Action" => crate::tr!("read-type-action"),
        "Status" => crate::tr!("read-type-status"),
        _ => crate::tr!("read-type-other"),
    }
}

/// A message from the parser or serde with our type names (`struct Case`, ``enum `Status` ``)
/// replaced by words.
fn humanise(message: &str) -> String {
    let mut text = message.to_owned();
    for (type_name, words) in TYPE_WORDS {
        for pattern in [
            format!("struct `{type_name}`"),
            format!("enum `{type_name}`"),
            format!("struct {type_name}"),
            format!("enum {type_name}"),
            format!("`{type_name}`"),
        ] {
            text = replace_word(&text, &pattern, words);
        }
    }
    text
}

/// Replaces `pattern` where it is not followed by more of a name (`struct Case` but not
/// `struct Cases`).
fn replace_word(text: &str, pattern: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(pattern) {
        let (before, after) = rest.split_at(at);
        let tail = after.get(pattern.len()..).unwrap_or_default();
        out.push_str(before);
        if tail
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            out.push_str(pattern);
        } else {
            out.push_str(with);
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// The token the parser stopped at, quoted for a message.
fn found(text: &str, context: &SyntaxContext) -> String {
    const MAX_CHARS: usize = 30;
    let Some(token) = context.next.and_then(|(start, end)| text.get(start..end)) else {
        return crate::tr!("read-found-end");
    };
    let mut shown: String = token.chars().take(MAX_CHARS).collect();
    if token.chars().count() > MAX_CHARS {
        shown.push('…');
    }
    // Quoted as it is, an ESC sequence in the file would reach the terminal of whoever checks it.
    format!(
        "`{}`",
        crate::model::show_controls(&shown.replace('\n', " "))
    )
}

/// The field name (`owners` in `owners: [`) at the error, and where it starts: the parser stops
/// either on the name or on the colon after it, depending on what it expected.
fn name_at_error<'t>(text: &'t str, context: &SyntaxContext) -> Option<(usize, &'t str)> {
    let is_word = |word: &str| {
        word.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
    };
    let (start, end) = context.next?;
    let next = text.get(start..end)?;
    if is_word(next) && text.get(end..)?.trim_start().starts_with(':') {
        return Some((start, next));
    }
    let (prev_start, prev_end) = context.previous?;
    let previous = text.get(prev_start..prev_end)?;
    (next == ":" && is_word(previous)).then_some((prev_start, previous))
}

fn closing(bracket: char) -> char {
    match bracket {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

/// "the list `touchpoints` opened at 5:18", "an item of `cases` opened at 38:9" …
fn describe_open(text: &str, context: &SyntaxContext, open: &OpenBracket) -> String {
    let (line, col) = line_col(text, open.offset);
    let parent = context
        .open
        .iter()
        .rev()
        .skip_while(|o| o.offset != open.offset)
        .nth(1);
    let what = match (open.bracket, &open.field, parent) {
        ('[', Some(field), _) => crate::tr!("read-open-list", field = field.as_str()),
        ('[', None, _) => crate::tr!("read-open-a-list"),
        ('{', Some(field), _) => crate::tr!("read-open-map", field = field.as_str()),
        ('{', None, _) => crate::tr!("read-open-a-map"),
        (_, Some(field), _) => crate::tr!("read-open-value", field = field.as_str()),
        (_, None, None) => crate::tr!("read-open-journey"),
        (_, None, Some(parent)) => match &parent.field {
            Some(list) => crate::tr!("read-open-item-of", list = list.as_str()),
            None => crate::tr!("read-open-item"),
        },
    };
    crate::tr!("read-opened-at", what = what, line = line, column = col)
}

/// The journey as RON, format version 2: everything but the cases pretty-printed (stable order,
/// one item per line, so files diff well), then one line per case.
pub fn to_ron_string(journey: &Journey) -> Result<String, ron::Error> {
    let mut out = Vec::new();
    write_journey(&mut out, journey).map_err(|e| ron::Error::Message(e.to_string()))?;
    String::from_utf8(out).map_err(|e| ron::Error::Message(e.to_string()))
}

/// [`to_ron_string`] written as it is made, so a large journey never becomes one string.
pub fn write_journey(out: &mut dyn std::io::Write, journey: &Journey) -> std::io::Result<()> {
    write_v2(out, journey, journey_cases(journey))
}

/// Parses RON text produced by [`to_ron_string`] (used by tests and the recovery copy).
pub fn from_ron_str(text: &str) -> Result<Journey, LoadError> {
    parse_journey(text, Path::new("<memory>"))
}
