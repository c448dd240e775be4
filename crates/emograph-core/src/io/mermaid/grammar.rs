//! Mermaid's journey lexer and grammar (journey.jison): preprocessed text → [`MermaidDiagram`].

use std::path::Path;

use super::super::LoadError;
use super::super::locate::line_col;
use super::preprocess::*;
use super::*;

/// Parses Mermaid journey text as upstream does, failing only where upstream's grammar fails
/// (and on an `accDescr {` block that is never closed). Use [`parse_mermaid`] for a journey.
pub fn parse_diagram(text: &str, path: &Path) -> Result<MermaidDiagram, LoadError> {
    let original = text.strip_prefix('\u{feff}').unwrap_or(text);
    let fail = |offset: usize, message: String| {
        LoadError::single(path, Some(line_col(original, offset)), message)
    };
    let (pre, front_matter_title) = preprocess(original).map_err(|(at, m)| fail(at, m))?;
    let body = pre.text.as_str();
    if body.is_empty() {
        return Err(LoadError::single(
            path,
            Some(line_col(original, original.len())),
            crate::tr!("mermaid-empty"),
        ));
    }
    // Upstream's detector (`/^\s*journey/`) is case-sensitive although its lexer is not.
    if !body.starts_with("journey") {
        let found: String = body
            .chars()
            .take_while(|c| !js_space(*c))
            .take(40)
            .collect();
        return Err(fail(
            pre.origin(0),
            crate::tr!("mermaid-not-journey", found = decode_entities(&found)),
        ));
    }
    let mut lexed = String::with_capacity(body.len() + 1);
    lexed.push_str(body);
    lexed.push('\n');
    let mut parser = Parser {
        lexer: Lexer {
            text: &lexed,
            pos: 0,
        },
        pre: &pre,
        original,
        lines: LineIndex::new(original),
        diagram: MermaidDiagram {
            front_matter_title,
            ..MermaidDiagram::default()
        },
    };
    parser.run().map_err(|(at, m)| fail(pre.origin(at), m))?;
    Ok(parser.diagram)
}

#[derive(Debug, PartialEq)]
pub(super) enum Tok<'a> {
    Journey,
    Title(&'a str),
    AccTitle(&'a str),
    AccDescr(&'a str),
    AccDescrBlock(&'a str),
    Section(&'a str),
    TaskName(&'a str),
    TaskData(&'a str),
    Colon,
    Invalid(char),
    Newline,
    Eof,
}

/// A token and the byte offset of its text (for sections, titles and values: of the text after
/// the keyword) in the preprocessed text.
pub(super) struct Token<'a> {
    tok: Tok<'a>,
    start: usize,
    text_start: usize,
}

pub(super) struct Lexer<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    fn token(&mut self, tok: Tok<'a>, start: usize, text_start: usize, end: usize) -> Token<'a> {
        self.pos = end;
        Token {
            tok,
            start,
            text_start,
        }
    }

    /// The rules of `journey.jison` in their order; the first that matches wins.
    fn next(&mut self) -> Result<Token<'a>, PreError> {
        let text = self.text;
        loop {
            let start = self.pos;
            let here = rest(text, start);
            let line_end = |from: usize| from + run_len(rest(text, from), |c| c != '\n');
            let Some(first) = here.chars().next() else {
                return Ok(self.token(Tok::Eof, start, start, start));
            };
            // `\%%(?!\{)[^\n]*`, which jison compiles to a single `%` not followed by `{`.
            if first == '%' && !here.get(1..).is_some_and(|r| r.starts_with('{')) {
                self.pos = line_end(start);
                continue;
            }
            // `[^\}]\%\%[^\n]*`: one UTF-16 unit that is not `}`, then `%%`.
            let first_len = first.len_utf8();
            if first != '}' && first.len_utf16() == 1 && rest(here, first_len).starts_with("%%") {
                self.pos = line_end(start + first_len);
                continue;
            }
            if first == '\n' {
                let end = start + run_len(here, |c| c == '\n');
                return Ok(self.token(Tok::Newline, start, start, end));
            }
            if js_space(first) {
                self.pos = start + run_len(here, js_space);
                continue;
            }
            if first == '#' {
                self.pos = line_end(start);
                continue;
            }
            if starts_with_ci(here, "journey") && !rest(here, 7).chars().next().is_some_and(js_word)
            {
                return Ok(self.token(Tok::Journey, start, start, start + 7));
            }
            if starts_with_ci(here, "title")
                && let Some(ws) = rest(here, 5).chars().next().filter(|&c| js_space(c))
            {
                let from = 5 + ws.len_utf8();
                let len = run_len(rest(here, from), |c| !matches!(c, '#' | '\n' | ';'));
                if len > 0 {
                    let value = here.get(from..from + len).unwrap_or_default();
                    return Ok(self.token(
                        Tok::Title(value),
                        start,
                        start + from,
                        start + from + len,
                    ));
                }
            }
            for (keyword, is_title) in [("accTitle", true), ("accDescr", false)] {
                if !starts_with_ci(here, keyword) {
                    continue;
                }
                let mut i = keyword.len();
                i += run_len(rest(here, i), js_space);
                if rest(here, i).starts_with(':') {
                    i += 1;
                    i += run_len(rest(here, i), js_space);
                    let len = run_len(rest(here, i), |c| c != '\n');
                    let value = here.get(i..i + len).unwrap_or_default();
                    let tok = if is_title {
                        Tok::AccTitle(value)
                    } else {
                        Tok::AccDescr(value)
                    };
                    return Ok(self.token(tok, start, start + i, start + i + len));
                }
                if !is_title && rest(here, i).starts_with('{') {
                    i += 1;
                    i += run_len(rest(here, i), js_space);
                    let Some(close) = rest(here, i).find('}') else {
                        return Err((start, crate::tr!("mermaid-accdescr-unclosed")));
                    };
                    let value = here.get(i..i + close).unwrap_or_default();
                    let end = start + i + close + 1;
                    if value.is_empty() {
                        // Upstream pops the state on `}` without a value token.
                        self.pos = end;
                        break;
                    }
                    return Ok(self.token(Tok::AccDescrBlock(value), start, start + i, end));
                }
            }
            if self.pos != start {
                continue;
            }
            if starts_with_ci(here, "section")
                && let Some(ws) = rest(here, 7).chars().next().filter(|&c| js_space(c))
            {
                let from = 7 + ws.len_utf8();
                let len = run_len(rest(here, from), |c| !matches!(c, '#' | ':' | '\n' | ';'));
                if len > 0 {
                    let value = here.get(from..from + len).unwrap_or_default();
                    return Ok(self.token(
                        Tok::Section(value),
                        start,
                        start + from,
                        start + from + len,
                    ));
                }
            }
            let name = run_len(here, |c| !matches!(c, '#' | ':' | '\n' | ';'));
            if name > 0 {
                let value = here.get(..name).unwrap_or_default();
                return Ok(self.token(Tok::TaskName(value), start, start, start + name));
            }
            if first == ':' {
                let len = run_len(rest(here, 1), |c| !matches!(c, '#' | '\n' | ';'));
                if len > 0 {
                    let value = here.get(1..1 + len).unwrap_or_default();
                    return Ok(self.token(Tok::TaskData(value), start, start + 1, start + 1 + len));
                }
                return Ok(self.token(Tok::Colon, start, start, start + 1));
            }
            return Ok(self.token(Tok::Invalid(first), start, start, start + first_len));
        }
    }
}

pub(super) struct Parser<'a> {
    lexer: Lexer<'a>,
    pre: &'a Mapped,
    original: &'a str,
    lines: LineIndex,
    diagram: MermaidDiagram,
}

/// Line starts of the original text, so that positions cost a lookup, not a count from the top.
pub(super) struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> Self {
        Self(
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        )
    }

    /// One-based line and column (in characters), as [`line_col`] counts them.
    fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.0.partition_point(|&start| start <= offset).max(1);
        let start = self.0.get(line - 1).copied().unwrap_or(0);
        let col = text.get(start..offset).map_or(0, |s| s.chars().count());
        (line, col + 1)
    }
}

impl Parser<'_> {
    fn position(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(self.original, self.pre.origin(offset))
    }

    fn text(&self, text: &str, offset: usize) -> MermaidText {
        MermaidText {
            text: decode_entities(text),
            position: self.position(offset),
        }
    }

    /// `start: journey document EOF`, `statement: title | acc_title acc_title_value | … |
    /// taskName taskData`. Upstream stops at the first syntax error; so do we.
    fn run(&mut self) -> Result<(), PreError> {
        let first = self.lexer.next()?;
        if first.tok != Tok::Journey {
            let shown = rest(self.lexer.text, first.start)
                .chars()
                .take_while(|c| !js_space(*c))
                .take(40)
                .collect::<String>();
            return Err((
                first.start,
                crate::tr!("mermaid-journey-not-alone", found = decode_entities(&shown)),
            ));
        }
        let mut previous_section = false;
        let mut last_section_start = 0;
        loop {
            let token = self.lexer.next()?;
            let after_section = std::mem::replace(&mut previous_section, false);
            match token.tok {
                Tok::Eof => return Ok(()),
                Tok::Newline => {}
                Tok::Journey => {
                    return Err((token.start, crate::tr!("mermaid-task-named-journey")));
                }
                Tok::Title(value) => {
                    let title = self.text(value, token.text_start);
                    self.diagram.titles.push(title);
                }
                Tok::AccTitle(value) => {
                    self.diagram.acc_title = Some(decode_entities(value.trim_matches(js_space)));
                }
                Tok::AccDescr(value) | Tok::AccDescrBlock(value) => {
                    self.diagram.acc_descr = Some(acc_description(&decode_entities(value)));
                }
                Tok::Section(value) => {
                    let section = self.text(value, token.text_start);
                    self.diagram.sections.push(section);
                    previous_section = true;
                    last_section_start = token.start;
                }
                Tok::TaskName(name) => {
                    let data = self.lexer.next()?;
                    let Tok::TaskData(fields) = data.tok else {
                        return Err(self.missing_score(name, token.start + name.len(), &data));
                    };
                    self.add_task(name, token.start, fields, data.text_start);
                }
                Tok::TaskData(data) if after_section => {
                    let keyword = rest(self.lexer.text, last_section_start).chars().next();
                    let section = self.diagram.sections.last().map(|s| s.text.clone());
                    return Err((
                        token.start,
                        crate::tr!(
                            "mermaid-section-colon",
                            section = section.unwrap_or_default().trim_start_matches(js_space),
                            rest = decode_entities(data),
                            code = keyword.map_or(115, u32::from).to_string()
                        ),
                    ));
                }
                Tok::TaskData(_) | Tok::Colon => {
                    return Err((token.start, crate::tr!("mermaid-colon-without-name")));
                }
                Tok::Invalid(c) => return Err((token.start, invalid_char(c))),
            }
        }
    }

    fn missing_score(&self, name: &str, name_end: usize, next: &Token<'_>) -> PreError {
        let shown = decode_entities(name.trim_matches(js_space));
        let expected = || crate::tr!("mermaid-expected-task", name = shown.as_str());
        let message = match next.tok {
            Tok::Colon => crate::tr!(
                "mermaid-nothing-after-colon",
                name = shown.as_str(),
                expected = expected()
            ),
            Tok::Invalid(c) => invalid_char(c),
            _ if rest(self.lexer.text, name_end).starts_with('#') => crate::tr!(
                "mermaid-hash-comment",
                name = shown.as_str(),
                expected = expected()
            ),
            _ => crate::tr!(
                "mermaid-no-score",
                name = shown.as_str(),
                expected = expected()
            ),
        };
        // Point just after the name, where the colon and score belong.
        (name_end, message)
    }

    /// `journeyDb.addTask`: the data after the first `:` is split on `:`; the first field is the
    /// score, the second the actors (split on `,`, trimmed), later fields are dropped upstream.
    fn add_task(&mut self, name: &str, name_start: usize, fields: &str, fields_start: usize) {
        let mut pieces = Vec::new();
        let mut offset = fields_start;
        for piece in fields.split(':') {
            pieces.push((piece, offset));
            offset += piece.len() + 1;
        }
        let (score_raw, score_start) = pieces.first().copied().unwrap_or(("", fields_start));
        let lead = score_raw.len() - score_raw.trim_start_matches(js_space).len();
        let score_at = if score_raw.trim_matches(js_space).is_empty() {
            // Point at the colon before the empty field.
            score_start.saturating_sub(1)
        } else {
            score_start + lead
        };
        let (people, people_position) = match pieces.get(1) {
            Some(&(raw, start)) => (
                raw.split(',')
                    .map(|actor| decode_entities(actor.trim_matches(js_space)))
                    .collect(),
                Some(self.position(start)),
            ),
            None => (Vec::new(), None),
        };
        let glued_comment = pieces.get(1).and_then(|&(raw, _)| {
            raw.split(',')
                .find(|actor| actor.contains("%%"))
                .map(|actor| decode_entities(actor.trim_matches(js_space)))
        });
        let extra_field = pieces
            .get(2)
            .map(|&(_, start)| self.position(start.saturating_sub(1)));
        let task = MermaidTask {
            section: self.diagram.sections.len().checked_sub(1),
            name: self.text(name, name_start),
            score_text: self.text(score_raw.trim_matches(js_space), score_at),
            score: plain_number(score_raw.trim_matches(js_space)),
            people,
            people_position,
            extra_field,
            glued_comment,
        };
        self.diagram.tasks.push(task);
    }
}

pub(super) fn invalid_char(c: char) -> String {
    if c == ';' {
        crate::tr!("mermaid-semicolon")
    } else {
        crate::tr!("mermaid-unexpected-char", char = format!("{c:?}"))
    }
}

/// `setAccDescription`: trimmed, and white space after each line break collapsed.
pub(super) fn acc_description(text: &str) -> String {
    let trimmed = text.trim_matches(js_space);
    let mut out = String::with_capacity(trimmed.len());
    let mut chars = trimmed.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '\n' {
            while chars.peek().is_some_and(|&c| js_space(c)) {
                chars.next();
            }
        }
    }
    out
}

/// A plain decimal number (`4`, `+4`, `-1`, `3.5`, `.5`); hex, exponents, `Infinity` and the empty
/// string, which JavaScript's `Number()` would also take, are refused as not plainly a score.
pub(super) fn plain_number(text: &str) -> Option<f64> {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let digits = unsigned;
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty()
        || !all_digits(whole)
        || !all_digits(fraction)
        || digits.starts_with('.') && fraction.is_empty()
    {
        return None;
    }
    text.strip_prefix('+')
        .unwrap_or(text)
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers_only() {
        assert_eq!(plain_number("4"), Some(4.0));
        assert_eq!(plain_number("+4"), Some(4.0));
        assert_eq!(plain_number("3.5"), Some(3.5));
        assert_eq!(plain_number("-1"), Some(-1.0));
        for text in ["", ".", "0x5", "1e0", "Infinity", "4 4", "four", "+"] {
            assert_eq!(plain_number(text), None, "{text:?}");
        }
    }

    #[test]
    fn the_grammar_refuses_in_hebrew() {
        let refused = |text: &str| {
            let error = crate::i18n::with_language(crate::i18n::Lang::Hebrew, || {
                parse_diagram(text, Path::new("d.mmd"))
            })
            .unwrap_err();
            let diagnostic = error.diagnostics.first().cloned().unwrap();
            let left = crate::io::english_words(&diagnostic.message, &[]);
            assert!(left.is_empty(), "{left:?} in {diagnostic}");
            (
                diagnostic.position,
                crate::io::without_marks(&diagnostic.message),
            )
        };
        let (at, message) = refused("journey\nsection S\n  Make tea\n");
        assert_eq!(at, Some((3, 11)));
        assert!(
            message.contains("למשימה \"Make tea\" אין ציון"),
            "{message}"
        );
        assert!(message.contains("`Make tea: 4`"), "{message}");
        let (at, message) = refused("journey\n  Pay: 4; Me\n");
        assert_eq!(at, Some((2, 9)));
        assert!(
            message.contains("`#59;`") && message.contains("בשורה משלה"),
            "{message}"
        );
        let (at, message) = refused("journey\nsection Day 1: arrival\n");
        assert_eq!(at, Some((2, 14)));
        assert!(
            message.contains("שם של מקטע") && message.contains("#58;"),
            "{message}"
        );
        let (at, message) = refused("graph TD\n");
        assert_eq!(at, Some((1, 1)));
        assert!(
            message.contains("אינו תרשים מסע") && message.contains("graph"),
            "{message}"
        );
    }
}
