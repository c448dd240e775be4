//! Duplicate keys in the maps of a journey file (`scores`, `notes`, any other `{…}`).
//!
//! RON and serde keep the last of two equal keys without a word, so a case that scores the same
//! touchpoint twice (`"film": 4.5, … "film": -5.0`, easy after a git merge) would pass `check`
//! and silently lose its first score at the next save. Struct fields are checked by the parser
//! itself; map keys are found here, in one pass over text that has already parsed.
//!
//! The pass works on bytes: every character that structures RON is ASCII, and a UTF-8 byte of a
//! multi-byte character is never one of them, so a 200 MB journey is scanned without decoding.

use std::borrow::Cow;
use std::collections::HashMap;

/// The same key twice in one map: byte offsets of both, and the field the map is the value of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DuplicateKey {
    pub key: String,
    pub first: usize,
    pub second: usize,
    pub map: Option<String>,
}

/// What is open at some point of the scan.
enum Frame<'t> {
    Map {
        /// Each key seen so far and where it is.
        seen: Seen<'t>,
        field: Option<&'t str>,
        expecting_key: bool,
    },
    /// A struct, tuple, list or option: its field names are not checked here.
    Other,
}

/// The duplicate map keys of `text`, in file order, at most `max` of them.
pub(crate) fn duplicate_keys(text: &str, max: usize) -> Vec<DuplicateKey> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut stack: Vec<Frame<'_>> = Vec::new();
    // The last `name:` seen, so a map can say whose value it is.
    let mut field: Option<&str> = None;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        match b {
            b if b.is_ascii_whitespace() => at += 1,
            b'/' if bytes.get(at + 1) == Some(&b'/') => {
                at = find_byte(bytes, at, b'\n').map_or(bytes.len(), |end| end + 1);
            }
            b'/' if bytes.get(at + 1) == Some(&b'*') => at = skip_block_comment(bytes, at),
            b'{' => {
                stack.push(Frame::Map {
                    seen: Seen::default(),
                    field: field.take(),
                    expecting_key: true,
                });
                at += 1;
            }
            b'(' | b'[' => {
                // `owner: Some(` keeps the field for a map inside it.
                stack.push(Frame::Other);
                at += 1;
            }
            b'}' | b')' | b']' => {
                stack.pop();
                field = None;
                at += 1;
            }
            b',' => {
                if let Some(Frame::Map { expecting_key, .. }) = stack.last_mut() {
                    *expecting_key = true;
                }
                field = None;
                at += 1;
            }
            b'"' | b'r' | b'b' if string_starts(bytes, at) => {
                let start = at;
                at = skip_string(bytes, at);
                if let Some(Frame::Map {
                    seen,
                    field: map,
                    expecting_key,
                }) = stack.last_mut()
                    && *expecting_key
                {
                    *expecting_key = false;
                    let Some(key) = key_text(text, start, at) else {
                        continue;
                    };
                    if let Some(first) = seen.first_or_insert(key.clone(), start) {
                        found.push(DuplicateKey {
                            key: key.into_owned(),
                            first,
                            second: start,
                            map: map.map(str::to_owned),
                        });
                        if found.len() >= max {
                            return found;
                        }
                    }
                }
            }
            b'\'' => at = skip_char_literal(bytes, at),
            b':' => {
                if let Some(Frame::Map { expecting_key, .. }) = stack.last_mut() {
                    *expecting_key = false;
                }
                at += 1;
            }
            _ if is_word_byte(b) => {
                let start = at;
                while bytes.get(at).copied().is_some_and(is_word_byte) {
                    at += 1;
                }
                let mut next = at;
                while bytes.get(next).is_some_and(u8::is_ascii_whitespace) {
                    next += 1;
                }
                // `name:` in a struct names the value that follows; in a map a bare word is a
                // key of another kind (a number), which journeys do not have.
                if bytes.get(next) == Some(&b':') && matches!(stack.last(), Some(Frame::Other)) {
                    field = text.get(start..at);
                } else if let Some(Frame::Map { expecting_key, .. }) = stack.last_mut() {
                    *expecting_key = false;
                }
            }
            _ => at += 1,
        }
    }
    found
}

/// The keys of one map. Most maps are small (a case's scores: one per touchpoint), where a
/// list searched in order beats hashing; a map of many keys switches to a hash map.
#[derive(Default)]
struct Seen<'t> {
    few: Vec<(Cow<'t, str>, usize)>,
    many: HashMap<Cow<'t, str>, usize>,
}

impl<'t> Seen<'t> {
    const FEW: usize = 64;

    /// Where `key` was first seen; `None` (and remembered at `at`) if this is its first time.
    fn first_or_insert(&mut self, key: Cow<'t, str>, at: usize) -> Option<usize> {
        if self.many.is_empty() {
            if let Some((_, first)) = self.few.iter().find(|(k, _)| *k == key) {
                return Some(*first);
            }
            if self.few.len() < Self::FEW {
                self.few.push((key, at));
                return None;
            }
            self.many.extend(self.few.drain(..));
        }
        match self.many.get(&key) {
            Some(&first) => Some(first),
            None => {
                self.many.insert(key, at);
                None
            }
        }
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'#' | b'+' | b'-' | b'.') || b >= 0x80
}

fn find_byte(bytes: &[u8], from: usize, wanted: u8) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == wanted)
        .map(|i| from + i)
}

/// Whether a string literal starts here: `"…"`, a raw `r"…"` / `r#"…"#`, or a byte string.
fn string_starts(bytes: &[u8], at: usize) -> bool {
    let after_prefix = match bytes.get(at) {
        Some(b'"') => return true,
        Some(b'b') if bytes.get(at + 1) == Some(&b'r') => at + 2,
        Some(b'b' | b'r') => at + 1,
        _ => return false,
    };
    // Only at the start of a word: `bar"` is no string (and no RON either).
    let word_start = at == 0 || bytes.get(at - 1).is_none_or(|&b| !is_word_byte(b));
    word_start && matches!(bytes.get(after_prefix), Some(b'"' | b'#'))
}

/// The offset just past the string literal starting at `at`.
fn skip_string(bytes: &[u8], mut at: usize) -> usize {
    let mut raw = false;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'b' => at += 1,
            b'r' => {
                raw = true;
                at += 1;
            }
            _ => break,
        }
    }
    let mut hashes = 0;
    while bytes.get(at) == Some(&b'#') {
        hashes += 1;
        at += 1;
    }
    at += 1; // the opening quote
    while let Some(&b) = bytes.get(at) {
        at += 1;
        match b {
            b'\\' if !raw => at += 1,
            b'"' => {
                let closing = bytes
                    .get(at..at + hashes)
                    .is_some_and(|run| run.iter().all(|&h| h == b'#'));
                if closing {
                    return at + hashes;
                }
            }
            _ => {}
        }
    }
    bytes.len()
}

fn skip_char_literal(bytes: &[u8], mut at: usize) -> usize {
    at += 1;
    while let Some(&b) = bytes.get(at) {
        at += 1;
        match b {
            b'\\' => at += 1,
            b'\'' => return at,
            _ => {}
        }
    }
    bytes.len()
}

fn skip_block_comment(bytes: &[u8], mut at: usize) -> usize {
    at += 2;
    let mut depth = 1;
    while depth > 0 {
        match (bytes.get(at), bytes.get(at + 1)) {
            (None, _) => return bytes.len(),
            (Some(b'*'), Some(b'/')) => {
                depth -= 1;
                at += 2;
            }
            (Some(b'/'), Some(b'*')) => {
                depth += 1;
                at += 2;
            }
            _ => at += 1,
        }
    }
    at
}

/// The key a string literal stands for: escapes decoded (so `"fil\u{6d}"` equals `"film"`),
/// borrowed when there are none.
fn key_text(text: &str, start: usize, end: usize) -> Option<Cow<'_, str>> {
    let literal = text.get(start..end)?;
    if let Some(plain) = literal.strip_prefix('"').and_then(|l| l.strip_suffix('"'))
        && !plain.contains('\\')
    {
        return Some(Cow::Borrowed(plain));
    }
    ron::from_str::<String>(literal).ok().map(Cow::Owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<(String, usize, usize, Option<String>)> {
        duplicate_keys(text, 100)
            .into_iter()
            .map(|d| (d.key, d.first, d.second, d.map))
            .collect()
    }

    #[test]
    fn finds_a_key_given_twice_in_one_map_only() {
        let text = r#"(cases: [(id: "a", scores: {"film": 4.5, "ads": 1.0, "film": -5.0}),
            (id: "b", scores: {"film": 1.0}, notes: {"film": "ok"})])"#;
        let first = text.find("\"film\"").unwrap();
        let second = text.rfind("\"film\": -5").unwrap();
        assert_eq!(
            keys(text),
            [("film".to_owned(), first, second, Some("scores".to_owned()))]
        );
    }

    #[test]
    fn escapes_raw_strings_comments_and_look_alikes_are_understood() {
        let text = "(notes: {\"a\\\"b\": \"{\\\"a\\\"b\\\": 1}\", r#\"a\"b\"#: \"x\", // \"x\": {\n \
                    /* \"c\": \"d\", \"c\": */ \"fil\\u{6d}\": \"\", \"film\": 'x'})";
        let found = keys(text);
        let names: Vec<&str> = found.iter().map(|(k, ..)| k.as_str()).collect();
        assert_eq!(names, ["a\"b", "film"], "{found:?}");
    }

    #[test]
    fn values_that_are_maps_are_checked_too_and_the_cap_holds() {
        let text = r#"({"x": {"k": 1, "k": 2}, "x": {}}, [{"a": 1, "a": 2, "a": 3}])"#;
        let names: Vec<String> = keys(text).into_iter().map(|(k, ..)| k).collect();
        assert_eq!(names, ["k", "x", "a", "a"]);
        assert_eq!(duplicate_keys(text, 2).len(), 2);
    }
}
