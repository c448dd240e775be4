//! Finds where a [`ProblemPath`] sits in RON text, so a problem found after parsing (an unknown
//! id, a score off the scale) is reported at its line and column like a syntax error would be.
//!
//! This is a small, forgiving scanner, not a second parser: the text has already parsed, so it
//! only needs to skip values and recognise field names, list items and map keys.

use crate::model::{PathSegment, ProblemPath};

/// One-based line and column (in characters) of the value at `path`, or of the nearest enclosing
/// value that could be found.
pub fn locate(text: &str, path: &ProblemPath) -> (usize, usize) {
    let mut scanner = Scanner {
        chars: text.char_indices().collect(),
        at: 0,
    };
    scanner.skip_trivia();
    let offset = scanner.find(&path.0).unwrap_or(0);
    line_col(text, offset)
}

/// One-based line and column of a byte offset.
pub fn line_col(text: &str, byte_offset: usize) -> (usize, usize) {
    let before = text.get(..byte_offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

struct Scanner {
    chars: Vec<(usize, char)>,
    at: usize,
}

impl Scanner {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).map(|&(_, c)| c)
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).map(|&(_, c)| c)
    }

    fn offset(&self) -> usize {
        self.chars.get(self.at).map_or_else(
            || self.chars.last().map_or(0, |&(i, c)| i + c.len_utf8()),
            |&(i, _)| i,
        )
    }

    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_whitespace() => self.at += 1,
                (Some('/'), Some('/')) => {
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.at += 1;
                    }
                }
                (Some('/'), Some('*')) => {
                    self.at += 2;
                    let mut depth = 1;
                    while depth > 0 && self.peek().is_some() {
                        match (self.peek(), self.peek_at(1)) {
                            (Some('*'), Some('/')) => {
                                depth -= 1;
                                self.at += 2;
                            }
                            (Some('/'), Some('*')) => {
                                depth += 1;
                                self.at += 2;
                            }
                            _ => self.at += 1,
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
            self.at += 1;
        }
        (self.at > start).then(|| self.chars[start..self.at].iter().map(|&(_, c)| c).collect())
    }

    /// Reads a string literal, returning its (unescaped, approximately) contents.
    fn string(&mut self) -> Option<String> {
        match self.peek()? {
            '"' => {
                self.at += 1;
                let mut out = String::new();
                while let Some(c) = self.peek() {
                    self.at += 1;
                    match c {
                        '"' => return Some(out),
                        '\\' => {
                            if let Some(escaped) = self.peek() {
                                self.at += 1;
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
                self.at += 1;
                let mut hashes = 0;
                while self.peek() == Some('#') {
                    hashes += 1;
                    self.at += 1;
                }
                self.at += 1; // the opening quote
                let mut out = String::new();
                while let Some(c) = self.peek() {
                    self.at += 1;
                    if c == '"' && (0..hashes).all(|k| self.peek_at(k) == Some('#')) {
                        self.at += hashes;
                        return Some(out);
                    }
                    out.push(c);
                }
                Some(out)
            }
            _ => None,
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
                self.at += 1;
                while let Some(c) = self.peek() {
                    self.at += 1;
                    if c == '\\' {
                        self.at += 1;
                    } else if c == '\'' {
                        break;
                    }
                }
            }
            Some(_) => {
                // Identifier, number, or a tagged value like `Some(…)` / `Name(…)`.
                while self
                    .peek()
                    .is_some_and(|c| !matches!(c, ',' | ')' | ']' | '}' | ':' | '(' | '[' | '{') && !c.is_whitespace())
                {
                    self.at += 1;
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
        self.at += 1;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(c) if c == close => {
                    self.at += 1;
                    return;
                }
                Some(',' | ':') => self.at += 1,
                Some(_) => {
                    let before = self.at;
                    self.skip_value();
                    if self.at == before {
                        self.at += 1;
                    }
                }
            }
        }
    }

    /// Offset of the value at `path` below the value at the cursor.
    fn find(&mut self, path: &[PathSegment]) -> Option<usize> {
        self.skip_trivia();
        let here = self.offset();
        let Some(segment) = path.first() else {
            return Some(here);
        };
        // Step through a struct name or `Some(` wrapper.
        if self.peek().is_some_and(|c| c.is_alphabetic()) {
            let name = self.ident();
            self.skip_trivia();
            if self.peek() != Some('(') {
                return Some(here);
            }
            if name.as_deref() == Some("Some") {
                self.at += 1;
                return self.find(path).or(Some(here));
            }
        }
        let found = match (self.peek(), segment) {
            (Some('('), PathSegment::Field(name)) => self.find_field(name, &path[1..]),
            (Some('['), PathSegment::Index(index)) => self.find_index(*index, &path[1..]),
            (Some('{'), PathSegment::Key(key)) => self.find_key(key, &path[1..]),
            _ => None,
        };
        found.or(Some(here))
    }

    fn find_field(&mut self, name: &str, rest: &[PathSegment]) -> Option<usize> {
        self.at += 1;
        loop {
            self.skip_trivia();
            match self.peek()? {
                ')' => return None,
                ',' => self.at += 1,
                _ => {
                    let field_at = self.offset();
                    let field = self.ident()?;
                    self.skip_trivia();
                    if self.peek() != Some(':') {
                        return None;
                    }
                    self.at += 1;
                    if field == name {
                        return self.find(rest).or(Some(field_at));
                    }
                    self.skip_value();
                }
            }
        }
    }

    fn find_index(&mut self, index: usize, rest: &[PathSegment]) -> Option<usize> {
        self.at += 1;
        let mut i = 0;
        loop {
            self.skip_trivia();
            match self.peek()? {
                ']' => return None,
                ',' => self.at += 1,
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
        self.at += 1;
        loop {
            self.skip_trivia();
            match self.peek()? {
                '}' => return None,
                ',' => self.at += 1,
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
                    self.at += 1;
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
        assert_eq!(at(text, vec![Field("cases"), Index(1), Field("id")]), (5, 10));
        assert_eq!(
            at(text, vec![Field("cases"), Index(1), Field("scores"), Key("t2".into())]),
            (6, 31)
        );
    }

    #[test]
    fn steps_through_some_and_falls_back_to_the_parent() {
        let text = "(owner: Some(\"x\"), cases: [])";
        assert_eq!(at(text, vec![Field("owner")]), (1, 14));
        assert_eq!(at(text, vec![Field("cases"), Index(3)]), (1, 27));
    }
}
