//! Finds where a [`ProblemPath`] sits in RON text, so a problem found after parsing (an unknown
//! id, a score off the scale) is reported at its line and column like a syntax error would be.
//!
//! This is a small, forgiving scanner, not a second parser: the text has already parsed, so it
//! only needs to skip values and recognise field names, list items and map keys.

use crate::model::{PathSegment, ProblemPath};

/// One-based line and column (in characters) of the value at `path`, or of the nearest enclosing
/// value that could be found.
pub fn locate(text: &str, path: &ProblemPath) -> (usize, usize) {
    line_col(text, locate_offset(text, &path.0))
}

fn locate_offset(text: &str, path: &[PathSegment]) -> usize {
    let mut scanner = Scanner { text, at: 0 };
    scanner.skip_trivia();
    scanner.find(path).unwrap_or(0)
}

/// [`locate`] for many paths at once. Each `locate` scans from the top of the file, so a large
/// journey with a problem in every case would take minutes; here each list a path indexes into
/// (`cases[…]`) is scanned once, and lines are counted in one sweep.
pub fn locate_all(text: &str, paths: &[ProblemPath]) -> Vec<(usize, usize)> {
    let mut items_of: Vec<(&str, Vec<usize>)> = Vec::new();
    let offsets: Vec<usize> = paths
        .iter()
        .map(|path| match path.0.as_slice() {
            [
                PathSegment::Field(list),
                PathSegment::Index(index),
                rest @ ..,
            ] => {
                let slot = match items_of.iter().position(|(name, _)| name == list) {
                    Some(known) => known,
                    None => {
                        let list_at = locate_offset(text, path.0.get(..1).unwrap_or_default());
                        items_of.push((list, list_items(text, list_at)));
                        items_of.len() - 1
                    }
                };
                let items = items_of.get(slot).map_or(&[][..], |(_, items)| items);
                match items.get(*index) {
                    Some(&item_at) => {
                        let mut scanner = Scanner { text, at: item_at };
                        scanner.find(rest).unwrap_or(item_at)
                    }
                    None => locate_offset(text, &path.0),
                }
            }
            _ => locate_offset(text, &path.0),
        })
        .collect();
    line_cols(text, &offsets)
}

/// Byte offsets of the items of the list that starts at `list_at` (empty if it is no list).
fn list_items(text: &str, list_at: usize) -> Vec<usize> {
    let mut scanner = Scanner { text, at: list_at };
    let mut items = Vec::new();
    if scanner.peek() != Some('[') {
        return items;
    }
    scanner.advance(1);
    loop {
        scanner.skip_trivia();
        match scanner.peek() {
            None | Some(']') => return items,
            Some(',') => scanner.advance(1),
            Some(_) => {
                items.push(scanner.offset());
                let before = scanner.offset();
                scanner.skip_value();
                if scanner.offset() == before {
                    return items;
                }
            }
        }
    }
}

/// [`line_col`] for many offsets in one sweep through the text.
pub(crate) fn line_cols(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut order: Vec<(usize, usize)> = offsets.iter().copied().enumerate().collect();
    order.sort_by_key(|&(_, offset)| offset);
    let mut positions = vec![(1, 1); offsets.len()];
    let (mut line, mut line_start, mut swept) = (1, 0, 0);
    for (index, offset) in order {
        let Some(chunk) = text.get(swept..offset) else {
            if let Some(position) = positions.get_mut(index) {
                *position = line_col(text, offset);
            }
            continue;
        };
        for (i, byte) in chunk.bytes().enumerate() {
            if byte == b'\n' {
                line += 1;
                line_start = swept + i + 1;
            }
        }
        swept = offset;
        let col = text
            .get(line_start..offset)
            .map_or(0, |l| l.chars().count())
            + 1;
        if let Some(position) = positions.get_mut(index) {
            *position = (line, col);
        }
    }
    positions
}

/// One-based line and column of a byte offset.
pub fn line_col(text: &str, byte_offset: usize) -> (usize, usize) {
    let before = text.get(..byte_offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// A bracket that is open at some point of the text, and the field it is the value of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenBracket {
    /// `(`, `[` or `{`.
    pub bracket: char,
    /// Byte offset of the bracket.
    pub offset: usize,
    /// The field name before it (`cases` in `cases: [`), if any.
    pub field: Option<String>,
}

/// What surrounds a byte offset of RON text that failed to parse: used to turn the parser's terse
/// "Expected comma" into "the list `touchpoints` opened at 5:18 is not closed".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyntaxContext {
    /// Brackets still open before the offset, outermost first.
    pub open: Vec<OpenBracket>,
    /// Byte range of the last token that ends at or before the offset.
    pub previous: Option<(usize, usize)>,
    /// Byte range of the first token that starts at or after the offset.
    pub next: Option<(usize, usize)>,
}

impl SyntaxContext {
    /// The first character of the token after the offset.
    pub fn next_char(&self, text: &str) -> Option<char> {
        let (start, _) = self.next?;
        text.get(start..)?.chars().next()
    }
}

/// Scans `text` up to `byte_offset`, skipping comments and strings, and reports the brackets
/// open there and the tokens on either side.
pub fn syntax_context(text: &str, byte_offset: usize) -> SyntaxContext {
    let mut scanner = Scanner { text, at: 0 };
    let mut context = SyntaxContext::default();
    // The field whose value the next opening bracket starts (`cases` in `cases: [`).
    let mut pending_field: Option<String> = None;
    loop {
        scanner.skip_trivia();
        let start = scanner.offset();
        let Some(c) = scanner.peek() else { break };
        let word = scanner.token();
        let end = scanner.offset();
        if start >= byte_offset || end > byte_offset {
            // The token at the offset, or the one the offset lies inside (an unclosed string).
            context.next = Some((start, end));
            break;
        }
        context.previous = Some((start, end));
        match c {
            '(' | '[' | '{' => context.open.push(OpenBracket {
                bracket: c,
                offset: start,
                field: pending_field.take(),
            }),
            ')' | ']' | '}' => {
                context.open.pop();
                pending_field = None;
            }
            ':' | ',' => {}
            _ => {
                let is_name = word
                    .as_deref()
                    .and_then(|w| w.chars().next())
                    .is_some_and(|first| first.is_alphabetic() || first == '_');
                scanner.skip_trivia();
                if is_name && scanner.peek() == Some(':') {
                    pending_field = word;
                } else if word.as_deref() != Some("Some") {
                    // `owner: Some(` keeps `owner` for the bracket that follows.
                    pending_field = None;
                }
            }
        }
    }
    context
}

/// Byte offset of a one-based line and column (in characters); the end of the text if beyond it.
pub fn byte_offset(text: &str, line: usize, col: usize) -> usize {
    let mut line_start = 0;
    for _ in 1..line {
        match text.get(line_start..).and_then(|rest| rest.find('\n')) {
            Some(newline) => line_start += newline + 1,
            None => return text.len(),
        }
    }
    let rest = text.get(line_start..).unwrap_or_default();
    line_start
        + rest
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

/// A cursor over the text. Works on the `&str` itself (no per-character copy), so locating a
/// problem in a 200 MB journey costs no extra memory.
struct Scanner<'a> {
    text: &'a str,
    /// Byte offset, always on a character boundary.
    at: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<char> {
        self.text.get(self.at..)?.chars().next()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.text.get(self.at..)?.chars().nth(ahead)
    }

    fn offset(&self) -> usize {
        self.at
    }

    /// Moves `chars` characters forward (stopping at the end of the text).
    fn advance(&mut self, chars: usize) {
        for _ in 0..chars {
            match self.peek() {
                Some(c) => self.at += c.len_utf8(),
                None => return,
            }
        }
    }

    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_whitespace() => self.advance(1),
                (Some('/'), Some('/')) => {
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.advance(1);
                    }
                }
                (Some('/'), Some('*')) => {
                    self.advance(2);
                    let mut depth = 1;
                    while depth > 0 && self.peek().is_some() {
                        match (self.peek(), self.peek_at(1)) {
                            (Some('*'), Some('/')) => {
                                depth -= 1;
                                self.advance(2);
                            }
                            (Some('/'), Some('*')) => {
                                depth += 1;
                                self.advance(2);
                            }
                            _ => self.advance(1),
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn ident(&mut self) -> Option<String> {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '#')
        {
            self.advance(1);
        }
        self.text
            .get(start..self.at)
            .filter(|word| !word.is_empty())
            .map(str::to_owned)
    }

    /// Reads a string literal, returning its (unescaped, approximately) contents.
    fn string(&mut self) -> Option<String> {
        match self.peek()? {
            '"' => {
                self.advance(1);
                let mut out = String::new();
                while let Some(c) = self.peek() {
                    self.advance(1);
                    match c {
                        '"' => return Some(out),
                        '\\' => {
                            if let Some(escaped) = self.peek() {
                                self.advance(1);
                                out.push(match escaped {
                                    'n' => '\n',
                                    't' => '\t',
                                    other => other,
                                });
                            }
                        }
                        other => out.push(other),
                    }
                }
                Some(out)
            }
            'r' if matches!(self.peek_at(1), Some('"' | '#')) => {
                self.advance(1);
                let mut hashes = 0;
                while self.peek() == Some('#') {
                    hashes += 1;
                    self.advance(1);
                }
                self.advance(1); // the opening quote
                let mut out = String::new();
                while let Some(c) = self.peek() {
                    self.advance(1);
                    if c == '"' && (0..hashes).all(|k| self.peek_at(k) == Some('#')) {
                        self.advance(hashes);
                        return Some(out);
                    }
                    out.push(c);
                }
                Some(out)
            }
            _ => None,
        }
    }

    /// Moves past one lexical token; returns the word for identifiers and numbers.
    fn token(&mut self) -> Option<String> {
        match self.peek()? {
            '"' => {
                self.string();
                None
            }
            'r' if matches!(self.peek_at(1), Some('"' | '#')) => {
                self.string();
                None
            }
            c if c.is_alphanumeric() || matches!(c, '_' | '-' | '+' | '.') => {
                let start = self.at;
                while self
                    .peek()
                    .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '+' | '.'))
                {
                    self.advance(1);
                }
                self.text.get(start..self.at).map(str::to_owned)
            }
            _ => {
                self.advance(1);
                None
            }
        }
    }

    /// Skips one value of any kind.
    fn skip_value(&mut self) {
        self.skip_trivia();
        match self.peek() {
            Some('(' | '[' | '{') => self.skip_group(),
            Some('"') => {
                self.string();
            }
            Some('r') if matches!(self.peek_at(1), Some('"' | '#')) => {
                self.string();
            }
            Some('\'') => {
                self.advance(1);
                while let Some(c) = self.peek() {
                    self.advance(1);
                    if c == '\\' {
                        self.advance(1);
                    } else if c == '\'' {
                        break;
                    }
                }
            }
            Some(_) => {
                // Identifier, number, or a tagged value like `Some(…)` / `Name(…)`.
                while self.peek().is_some_and(|c| {
                    !matches!(c, ',' | ')' | ']' | '}' | ':' | '(' | '[' | '{')
                        && !c.is_whitespace()
                }) {
                    self.advance(1);
                }
                self.skip_trivia();
                if self.peek() == Some('(') {
                    self.skip_group();
                }
            }
            None => {}
        }
    }

    fn skip_group(&mut self) {
        let Some(open) = self.peek() else { return };
        let close = match open {
            '(' => ')',
            '[' => ']',
            _ => '}',
        };
        self.advance(1);
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(c) if c == close => {
                    self.advance(1);
                    return;
                }
                Some(',' | ':') => self.advance(1),
                Some(_) => {
                    let before = self.at;
                    self.skip_value();
                    if self.at == before {
                        self.advance(1);
                    }
                }
            }
        }
    }

    /// Offset of the value at `path` below the value at the cursor.
    fn find(&mut self, path: &[PathSegment]) -> Option<usize> {
        self.skip_trivia();
        let here = self.offset();
        // Step through a struct name or a `Some(` wrapper: a problem with an optional value is
        // about what is inside it.
        if self.peek().is_some_and(|c| c.is_alphabetic()) {
            let name = self.ident();
            self.skip_trivia();
            if self.peek() != Some('(') {
                return Some(here);
            }
            if name.as_deref() == Some("Some") {
                self.advance(1);
                return self.find(path).or(Some(here));
            }
        }
        let Some((segment, rest)) = path.split_first() else {
            return Some(here);
        };
        let found = match (self.peek(), segment) {
            (Some('('), PathSegment::Field(name)) => self.find_field(name, rest),
            (Some('['), PathSegment::Index(index)) => self.find_index(*index, rest),
            (Some('{'), PathSegment::Key(key)) => self.find_key(key, rest),
            _ => None,
        };
        found.or(Some(here))
    }

    fn find_field(&mut self, name: &str, rest: &[PathSegment]) -> Option<usize> {
        self.advance(1);
        loop {
            self.skip_trivia();
            match self.peek()? {
                ')' => return None,
                ',' => self.advance(1),
                _ => {
                    let field_at = self.offset();
                    let field = self.ident()?;
                    self.skip_trivia();
                    if self.peek() != Some(':') {
                        return None;
                    }
                    self.advance(1);
                    if field == name {
                        return self.find(rest).or(Some(field_at));
                    }
                    self.skip_value();
                }
            }
        }
    }

    fn find_index(&mut self, index: usize, rest: &[PathSegment]) -> Option<usize> {
        self.advance(1);
        let mut i = 0;
        loop {
            self.skip_trivia();
            match self.peek()? {
                ']' => return None,
                ',' => self.advance(1),
                _ => {
                    if i == index {
                        return self.find(rest);
                    }
                    let before = self.at;
                    self.skip_value();
                    if self.at == before {
                        return None;
                    }
                    i += 1;
                }
            }
        }
    }

    fn find_key(&mut self, key: &str, rest: &[PathSegment]) -> Option<usize> {
        self.advance(1);
        loop {
            self.skip_trivia();
            match self.peek()? {
                '}' => return None,
                ',' => self.advance(1),
                _ => {
                    let key_at = self.offset();
                    let this_key = self.string();
                    if this_key.is_none() {
                        self.skip_value();
                    }
                    self.skip_trivia();
                    if self.peek() != Some(':') {
                        return None;
                    }
                    self.advance(1);
                    if this_key.as_deref() == Some(key) {
                        self.skip_trivia();
                        return self.find(rest).or(Some(key_at));
                    }
                    self.skip_value();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PathSegment::*;

    fn at(text: &str, path: Vec<PathSegment>) -> (usize, usize) {
        locate(text, &ProblemPath(path))
    }

    #[test]
    fn finds_fields_items_and_keys() {
        let text = "(\n  title: \"x\",\n  cases: [\n    (id: \"a\", scores: {\"t1\": 1.0}),\n    (id: \"b\", // c\n     scores: {\"t1\": 2.0, \"t2\": 9.0}),\n  ],\n)";
        assert_eq!(at(text, vec![Field("title")]), (2, 10));
        assert_eq!(
            at(text, vec![Field("cases"), Index(1), Field("id")]),
            (5, 10)
        );
        assert_eq!(
            at(
                text,
                vec![Field("cases"), Index(1), Field("scores"), Key("t2".into())]
            ),
            (6, 32)
        );
    }

    #[test]
    fn steps_through_some_and_falls_back_to_the_parent() {
        let text = "(owner: Some(\"x\"), cases: [])";
        assert_eq!(at(text, vec![Field("owner")]), (1, 14));
        assert_eq!(at(text, vec![Field("cases"), Index(3)]), (1, 27));
    }

    #[test]
    fn syntax_context_knows_the_open_brackets_and_their_fields() {
        let text =
            "(\n  cases: [\n    (id: \"a // not a comment (\", scores: {\"t1\": 1.0\n  owners: [";
        let offset = text.find("owners").unwrap_or_default();
        let context = syntax_context(text, offset);
        let open: Vec<(char, Option<&str>)> = context
            .open
            .iter()
            .map(|o| (o.bracket, o.field.as_deref()))
            .collect();
        assert_eq!(
            open,
            [
                ('(', None),
                ('[', Some("cases")),
                ('(', None),
                ('{', Some("scores"))
            ]
        );
        let token = |range: Option<(usize, usize)>| range.and_then(|(s, e)| text.get(s..e));
        assert_eq!(token(context.previous), Some("1.0"));
        assert_eq!(token(context.next), Some("owners"));
    }

    #[test]
    fn syntax_context_keeps_the_field_through_some() {
        let text = "(owner: Some((x: 1";
        let context = syntax_context(text, text.len());
        assert_eq!(
            context.open.get(1).and_then(|o| o.field.as_deref()),
            Some("owner")
        );
        assert_eq!(context.open.get(2).map(|o| o.field.is_none()), Some(true));
    }

    #[test]
    fn byte_offset_inverts_line_col_with_multibyte_text() {
        let text = "(\n  title: \"ערב\",\n  x: 1)";
        for offset in [0, 2, 12, 14, text.len()] {
            let (line, col) = line_col(text, offset);
            assert_eq!(byte_offset(text, line, col), offset, "{line}:{col}");
        }
        assert_eq!(byte_offset(text, 99, 1), text.len());
    }

    #[test]
    fn locate_all_agrees_with_locate() {
        let text = "(\n  title: \"ערב\",\n  cases: [\n    (id: \"a\", scores: {\"t1\": 1.0}),\n    (id: \"b\", // c\n     scores: {\"t1\": 2.0, \"t2\": 9.0}),\n  ],\n  flags: [(id: \"f\", owner: Some(\"x\"))],\n)";
        let paths: Vec<ProblemPath> = [
            vec![Field("cases"), Index(1), Field("scores"), Key("t2".into())],
            vec![Field("title")],
            vec![Field("cases"), Index(0), Field("id")],
            vec![Field("cases"), Index(7)],
            vec![Field("flags"), Index(0), Field("owner")],
            vec![Field("cases"), Index(1), Field("id")],
        ]
        .into_iter()
        .map(ProblemPath)
        .collect();
        let one_by_one: Vec<(usize, usize)> = paths.iter().map(|p| locate(text, p)).collect();
        assert_eq!(locate_all(text, &paths), one_by_one);
        assert_eq!(one_by_one[0], (6, 32));
    }
}
