//! Mermaid's preprocessing (preprocess.ts, comments.ts, frontmatter.ts, utils.encodeEntities),
//! keeping for every byte where it came from so messages point at the user's own line.

use std::ops::Range;

use super::super::locate::line_col;
use super::*;

/// Preprocessed text that remembers, for every byte, where it came from in the original, so
/// messages point at the user's own line and column.
pub(super) struct Mapped {
    pub(super) text: String,
    /// `origin[i]` is the original byte offset of `text` byte `i`; one extra entry for the end.
    origin: Vec<u32>,
}

impl Mapped {
    pub(super) fn new(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            origin: (0..=text.len()).map(|i| i as u32).collect(),
        }
    }

    pub(super) fn origin(&self, byte: usize) -> usize {
        self.origin
            .get(byte)
            .or(self.origin.last())
            .map_or(0, |&o| o as usize)
    }

    /// Applies sorted, non-overlapping replacements.
    pub(super) fn edit(&self, edits: &[(Range<usize>, String)]) -> Self {
        if edits.is_empty() {
            return Self {
                text: self.text.clone(),
                origin: self.origin.clone(),
            };
        }
        let mut text = String::with_capacity(self.text.len());
        let mut origin = Vec::with_capacity(self.origin.len());
        let mut at = 0;
        for (range, replacement) in edits {
            if range.start < at {
                continue;
            }
            text.push_str(self.text.get(at..range.start).unwrap_or_default());
            origin.extend_from_slice(self.origin.get(at..range.start).unwrap_or_default());
            let from = self.origin.get(range.start).copied().unwrap_or_default();
            text.push_str(replacement);
            origin.extend(std::iter::repeat_n(from, replacement.len()));
            at = range.end;
        }
        text.push_str(self.text.get(at..).unwrap_or_default());
        origin.extend_from_slice(self.origin.get(at..).unwrap_or_default());
        Self { text, origin }
    }
}

/// JavaScript's `\s`: what upstream's regular expressions treat as white space.
pub(super) fn js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

/// JavaScript's `\w` (ASCII only without the `u` flag).
pub(super) fn js_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Byte length of the leading run of characters matching `keep`.
pub(super) fn run_len(text: &str, keep: impl Fn(char) -> bool) -> usize {
    text.char_indices()
        .find(|&(_, c)| !keep(c))
        .map_or(text.len(), |(i, _)| i)
}

pub(super) fn starts_with_ci(text: &str, word: &str) -> bool {
    text.get(..word.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(word))
}

pub(super) fn rest(text: &str, from: usize) -> &str {
    text.get(from..).unwrap_or_default()
}

pub(super) type PreError = (usize, String);

pub(super) fn preprocess(original: &str) -> Result<(Mapped, Option<String>), PreError> {
    let mut text = Mapped::new(original);

    // 1. `\r\n` and `\r` become `\n`.
    let mut edits = Vec::new();
    for (i, _) in original.match_indices('\r') {
        let len = if rest(original, i).starts_with("\r\n") {
            2
        } else {
            1
        };
        edits.push((i..i + len, "\n".to_owned()));
    }
    text = text.edit(&edits);

    // 2. YAML front matter at the very start.
    let mut front_matter_title = None;
    if let Some((body, end)) = front_matter(&text.text) {
        let body_text = text.text.get(body.clone()).unwrap_or_default();
        front_matter_title = front_matter_title_of(body_text).map_err(|(line, col, message)| {
            // Report at the YAML's own line, counted from the front matter body.
            let body_start = text.origin(body.start);
            let (body_line, _) = line_col(original, body_start);
            let target_line = body_line + line.saturating_sub(1);
            let offset = nth_line_offset(original, target_line) + col.saturating_sub(1);
            (offset.min(original.len()), message)
        })?;
        text = text.edit(&[(0..end, String::new())]);
    }

    // 3. `%%{ … }%%` directives.
    text = text.edit(&directive_ranges(&text.text));

    // 4. Whole-line `%%` comments, then leading white space.
    let mut edits = comment_ranges(&text.text);
    text = text.edit(&edits);
    let leading = run_len(&text.text, js_space);
    text = text.edit(&[(0..leading, String::new())]);

    // 5. encodeEntities: `style…:…#…;` loses its last `;`, then `#name;` / `#123;` are protected.
    for keyword in ["style", "classDef"] {
        edits = style_semicolons(&text.text, keyword);
        text = text.edit(&edits);
    }
    text = text.edit(&entity_ranges(&text.text));
    Ok((text, front_matter_title))
}

pub(super) fn nth_line_offset(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line - 2)
        .map_or(text.len(), |(i, _)| i + 1)
}

/// `/^-{3}\s*[\n\r](.*?)[\n\r]-{3}\s*[\n\r]+/s`: the body range and the end of the whole block.
pub(super) fn front_matter(text: &str) -> Option<(Range<usize>, usize)> {
    if !text.starts_with("---") {
        return None;
    }
    let is_newline = |c: char| c == '\n' || c == '\r';
    // Newline positions inside the white space after the opening `---`.
    let ws_end = 3 + run_len(rest(text, 3), js_space);
    let openings: Vec<usize> = text
        .get(3..ws_end)
        .unwrap_or_default()
        .char_indices()
        .filter(|&(_, c)| is_newline(c))
        .map(|(i, _)| i + 3)
        .collect();
    // Every closing `\n---` followed by white space holding a newline; the block ends after the
    // last newline of that white space.
    let mut closings: Vec<(usize, usize)> = Vec::new();
    for (q, c) in text.char_indices() {
        if !is_newline(c) || !rest(text, q + 1).starts_with("---") {
            continue;
        }
        let after = q + 4;
        let ws = rest(text, after);
        let ws_len = run_len(ws, js_space);
        if let Some((i, c)) = ws
            .get(..ws_len)
            .unwrap_or_default()
            .char_indices()
            .rev()
            .find(|&(_, c)| is_newline(c))
        {
            closings.push((q, after + i + c.len_utf8()));
        }
    }
    // Greedy `\s*` tries the last opening newline first; lazy `.*?` takes the first closing.
    for &p in openings.iter().rev() {
        let first = closings.partition_point(|&(q, _)| q < p + 1);
        if let Some(&(q, end)) = closings.get(first) {
            return Some((p + 1..q, end));
        }
    }
    None
}

pub(super) type YamlError = (usize, usize, String);

/// The front matter's `title`, as upstream takes it (`if (parsed.title) title = String(…)`).
pub(super) fn front_matter_title_of(body: &str) -> Result<Option<String>, YamlError> {
    use yaml_rust2::{Yaml, YamlLoader};
    let docs = YamlLoader::load_from_str(body).map_err(|e| {
        let marker = e.marker();
        (
            marker.line(),
            marker.col() + 1,
            crate::tr!("mermaid-front-matter-yaml", reason = e.info()),
        )
    })?;
    let Some(Yaml::Hash(map)) = docs.first() else {
        return Ok(None);
    };
    let Some(title) = map.get(&Yaml::String("title".to_owned())) else {
        return Ok(None);
    };
    Ok(match title {
        Yaml::String(s) | Yaml::Real(s) if !s.is_empty() => Some(s.clone()),
        Yaml::Integer(n) if *n != 0 => Some(n.to_string()),
        Yaml::Boolean(true) => Some("true".to_owned()),
        Yaml::Array(_) | Yaml::Hash(_) => {
            return Err((1, 1, crate::tr!("mermaid-front-matter-title")));
        }
        _ => None,
    })
}

/// Mermaid's `directiveRegex`, matched and removed left to right:
/// `%%{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%%).|\r?\n)*))?\s*(?:}%%)?`
pub(super) fn directive_ranges(text: &str) -> Vec<(Range<usize>, String)> {
    let mut edits = Vec::new();
    let mut from = 0;
    while let Some(found) = rest(text, from).find("%%{") {
        let start = from + found;
        let mut i = start + 3;
        i += run_len(rest(text, i), js_space);
        let word = run_len(rest(text, i), js_word);
        if word == 0 {
            from = start + 1;
            continue;
        }
        i += word;
        let ws = run_len(rest(text, i), js_space);
        if rest(text, i + ws).starts_with(':') {
            i += ws + 1;
        }
        i += run_len(rest(text, i), js_space);
        let value_word = run_len(rest(text, i), js_word);
        if value_word > 0 {
            i += value_word;
        } else {
            // `(?:(?!}%%).|\n)*`: anything but a line separator, up to the first `}%%`.
            let body = rest(text, i);
            let mut end = body.len();
            for (j, c) in body.char_indices() {
                if c == '\u{2028}' || c == '\u{2029}' || rest(body, j).starts_with("}%%") {
                    end = j;
                    break;
                }
            }
            i += end;
        }
        i += run_len(rest(text, i), js_space);
        if rest(text, i).starts_with("}%%") {
            i += 3;
        }
        edits.push((start..i, String::new()));
        from = i.max(start + 1);
    }
    edits
}

/// `/^\s*%%(?!{)[^\n]+\n?/gm`: whole-line comments (and the blank lines before them).
pub(super) fn comment_ranges(text: &str) -> Vec<(Range<usize>, String)> {
    let mut edits = Vec::new();
    let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1));
    let mut consumed = 0;
    for start in line_starts {
        if start < consumed {
            continue;
        }
        let at = start + run_len(rest(text, start), js_space);
        // Line starts inside this white space reach the same place: no need to scan it again.
        consumed = at;
        let tail = rest(text, at);
        let Some(after) = tail.strip_prefix("%%") else {
            continue;
        };
        if after.is_empty() || after.starts_with('{') || after.starts_with('\n') {
            continue;
        }
        let line = run_len(after, |c| c != '\n');
        let mut end = at + 2 + line;
        if rest(text, end).starts_with('\n') {
            end += 1;
        }
        edits.push((start..end, String::new()));
        consumed = end;
    }
    edits
}

/// `txt.replace(/style.*:\S*#.*;/g, s => s.substring(0, s.length - 1))` and the same for
/// `classDef`: on such a line the last `;` is dropped. (`.` stops at line breaks.)
pub(super) fn style_semicolons(text: &str, keyword: &str) -> Vec<(Range<usize>, String)> {
    let mut edits = Vec::new();
    let mut line_start = 0;
    let breaks = text
        .char_indices()
        .filter(|&(_, c)| matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}'))
        .map(|(i, c)| (i, i + c.len_utf8()))
        .chain(std::iter::once((text.len(), text.len())));
    for (line_end, next_start) in breaks {
        let start = line_start;
        line_start = next_start;
        let piece = text.get(start..line_end).unwrap_or_default();
        let (Some(k), Some(last_semicolon)) = (piece.find(keyword), piece.rfind(';')) else {
            continue;
        };
        // Some `:` followed by non-space characters and then a `#` before the last `;`.
        let after = k + keyword.len();
        let mut colon_in_run = false;
        let mut first_hash = None;
        for (j, c) in rest(piece, after).char_indices() {
            if js_space(c) {
                colon_in_run = false;
            } else if c == ':' {
                colon_in_run = true;
            } else if c == '#' && colon_in_run {
                first_hash = Some(after + j);
                break;
            }
        }
        if first_hash.is_some_and(|hash| hash < last_semicolon) {
            let at = start + last_semicolon;
            edits.push((at..at + 1, String::new()));
        }
    }
    edits
}

/// `#\w+;` entity codes, wrapped so the lexer sees them as plain text. A marker character the
/// user typed is wrapped too (as its own code), so decoding can never mistake it for a marker.
pub(super) fn entity_ranges(text: &str) -> Vec<(Range<usize>, String)> {
    let mut edits = Vec::new();
    let mut from = 0;
    while let Some(found) = rest(text, from).find(['#', ENTITY_OPEN, ENTITY_CLOSE]) {
        let start = from + found;
        let Some(c) = rest(text, start).chars().next() else {
            break;
        };
        if c != '#' {
            let end = start + c.len_utf8();
            edits.push((
                start..end,
                format!("{ENTITY_OPEN}{}{ENTITY_CLOSE}", u32::from(c)),
            ));
            from = end;
            continue;
        }
        let word = run_len(rest(text, start + 1), js_word);
        if word > 0 && rest(text, start + 1 + word).starts_with(';') {
            let inner = text.get(start + 1..start + 1 + word).unwrap_or_default();
            edits.push((
                start..start + word + 2,
                format!("{ENTITY_OPEN}{inner}{ENTITY_CLOSE}"),
            ));
            from = start + word + 2;
        } else {
            from = start + 1;
        }
    }
    edits
}

/// Turns protected entity codes back into the characters Mermaid shows for them: `#58;` is
/// `:`, `#colon;` too; a code the browser would not know is kept as written.
pub(super) fn decode_entities(text: &str) -> String {
    if !text.contains(ENTITY_OPEN) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != ENTITY_OPEN {
            out.push(c);
            continue;
        }
        let inner: String = chars.by_ref().take_while(|&c| c != ENTITY_CLOSE).collect();
        let decoded = if inner.bytes().all(|b| b.is_ascii_digit()) {
            inner
                .parse::<u32>()
                .ok()
                .filter(|&n| n != 0)
                .and_then(char::from_u32)
        } else {
            named_entity(&inner)
        };
        match decoded {
            Some(c) => out.push(c),
            None => {
                out.push('#');
                out.push_str(&inner);
                out.push(';');
            }
        }
    }
    out
}

pub(super) fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "colon" => ':',
        "semi" => ';',
        "num" => '#',
        "percnt" => '%',
        "comma" => ',',
        "lbrace" | "lcub" => '{',
        "rbrace" | "rcub" => '}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> String {
        preprocess(text).map(|(m, _)| m.text).unwrap_or_default()
    }

    #[test]
    fn front_matter_needs_its_own_closing_line() {
        // Upstream's regex wants a line break before and after the closing `---`.
        assert_eq!(front_matter("---\n---\njourney"), None);
        assert_eq!(front_matter("---\n\n---\njourney"), Some((4..4, 9)));
        assert_eq!(body("---\ntitle: T\n---\n\njourney"), "journey");
        assert_eq!(
            preprocess("---\ntitle: \"A: b\"\n---\njourney").map(|(_, t)| t),
            Ok(Some("A: b".to_owned()))
        );
        // Four dashes are not front matter.
        assert_eq!(front_matter("----\ntitle: T\n---\n"), None);
    }

    #[test]
    fn directives_and_comment_lines_go_but_keep_positions() {
        let text = "%%{init: {'theme': 'dark'}}%%\n  %% note\n\njourney\n%%{wrap}%%\ntitle X";
        let pre = preprocess(text).map(|(m, _)| m);
        let pre = pre.as_ref().ok();
        assert_eq!(pre.map(|m| m.text.as_str()), Some("journey\n\ntitle X"));
        // `title` in the preprocessed text still points at line 6 of the file.
        let at = pre.and_then(|m| m.text.find("title").map(|i| m.origin(i)));
        assert_eq!(at.map(|o| line_col(text, o)), Some((6, 1)));
    }

    #[test]
    fn entity_codes_are_protected_then_decoded() {
        assert_eq!(
            decode_entities(&body("a#58;b #colon; #x3A; #9999999;")),
            "a:b : #x3A; #9999999;"
        );
        // `#` without a closing `;` is left for the lexer, where it starts a comment.
        assert_eq!(body("a # b"), "a # b");
    }

    #[test]
    fn a_style_line_loses_its_last_semicolon_as_upstream() {
        assert_eq!(
            decode_entities(&body("x style a:b#c; d;")),
            "x style a:b#c; d"
        );
        // A space after the colon: no match, the `;` stays (and the lexer refuses it).
        assert!(body("x style a: b#c; d;").ends_with(';'));
    }
}
