//! Mermaid `journey` diagrams: read them as journeys and write journeys back as diagrams.
//!
//! Many teams sketch user journeys in Markdown with Mermaid, so a diagram should mean here what it
//! means on their wiki page. The reader therefore follows Mermaid's own pipeline (mermaid 11.14:
//! `preprocess.ts`, `journey.jison`, `journeyDb.js`) step by step: line endings, YAML front matter,
//! `%%{init}%%` directives and whole-line `%%` comments are removed first, `#…;` entity codes are
//! protected, then a first-match lexer with the same rules in the same order feeds the same tiny
//! grammar. Where Mermaid silently accepts something that would make us guess (a score of 0, 6 or
//! "high", an empty score, a third `:` field, a `%%` note glued to the actors, two titles), emograph
//! refuses with a located message instead.
//!
//! Mapping: sections become phases, tasks become touchpoints, each task's 1–5 score is mapped
//! linearly onto −5 … +5 (1 → −5, 3 → 0, 5 → +5), and each distinct actor becomes a case holding
//! that score at the task. Tasks without actors are scored by one extra case, "Mermaid score".

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::path::Path;

use super::LoadError;
use super::locate::line_col;
use crate::model::{Case, FORMAT_VERSION, Journey, Phase, Scale, SourceScale, Touchpoint, limits};

/// Mermaid itself refuses diagrams over 50 000 characters; this leaves ample room while keeping
/// a stray huge file from being read into memory.
pub const MAX_MERMAID_BYTES: u64 = 8 * 1024 * 1024;

/// `source` of the case that holds the scores of tasks written without actors, so that exporting
/// writes those tasks back without actors.
pub const NO_ACTOR_CASE_SOURCE: &str = "Mermaid task score (no actor)";
/// Label of that case.
pub const NO_ACTOR_CASE_LABEL: &str = "Mermaid score";

/// Mermaid's documented score range: "a number between 1 and 5, inclusive".
pub const MERMAID_SCALE: SourceScale = SourceScale { min: 1.0, max: 5.0 };

/// Marks an entity code (`#58;`) protected from the lexer, as Mermaid's `encodeEntities` does
/// with its own placeholder characters. Private-use characters never collide with grammar ones.
const ENTITY_OPEN: char = '\u{E000}';
const ENTITY_CLOSE: char = '\u{E001}';

/// A diagram as Mermaid's grammar and `journeyDb` see it, before emograph's own checks.
/// Texts are as upstream stores them (untrimmed) with entity codes decoded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MermaidDiagram {
    /// `title:` in the YAML front matter; an in-text `title` overrides it.
    pub front_matter_title: Option<String>,
    /// Every `title` statement in order (upstream keeps the last).
    pub titles: Vec<MermaidText>,
    pub acc_title: Option<String>,
    pub acc_descr: Option<String>,
    pub sections: Vec<MermaidText>,
    pub tasks: Vec<MermaidTask>,
}

/// A piece of diagram text and where it starts in the file (one-based line and column).
#[derive(Clone, Debug, PartialEq)]
pub struct MermaidText {
    pub text: String,
    pub position: (usize, usize),
}

#[derive(Clone, Debug, PartialEq)]
pub struct MermaidTask {
    /// Index into [`MermaidDiagram::sections`]; `None` for tasks before any `section`.
    pub section: Option<usize>,
    pub name: MermaidText,
    /// The score field as written (entities decoded), for messages.
    pub score_text: MermaidText,
    /// The score when the field is a plain decimal number; `None` when it is empty or not a
    /// number (where upstream's `Number()` gives 0 or NaN).
    pub score: Option<f64>,
    /// The actors, split on `,` and trimmed as upstream does; may hold empty strings (`T: 5:`).
    pub people: Vec<String>,
    /// Where the actors field starts, when there is one.
    pub people_position: Option<(usize, usize)>,
    /// Position of a third `:`-separated field, which upstream silently drops.
    pub extra_field: Option<(usize, usize)>,
    /// An actor with a `%%` note glued on (`Me %% note`), which upstream keeps as the name.
    pub glued_comment: Option<String>,
}

impl MermaidDiagram {
    /// The title upstream shows: the last `title` statement, else the front matter's.
    pub fn title(&self) -> Option<&str> {
        self.titles
            .last()
            .map(|t| t.text.as_str())
            .or(self.front_matter_title.as_deref())
    }

    /// Every distinct actor, sorted as upstream's `getActors` sorts them (by UTF-16 code units).
    pub fn actors(&self) -> Vec<&str> {
        let mut actors: Vec<&str> = self
            .tasks
            .iter()
            .flat_map(|t| t.people.iter().map(String::as_str))
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        actors.sort_by(|a, b| a.encode_utf16().cmp(b.encode_utf16()));
        actors
    }
}

/// Reads a `.mmd` file and turns its journey diagram into a journey.
pub fn load_mermaid(path: &Path) -> Result<Journey, LoadError> {
    let text = read_text(path)?;
    parse_mermaid(&text, path)
}

fn read_text(path: &Path) -> Result<String, LoadError> {
    let bytes = super::read_limited(
        path,
        MAX_MERMAID_BYTES,
        "emograph refuses Mermaid diagrams that big",
        None,
    )?;
    Ok(super::utf8_or_located(&bytes, path, "save it as UTF-8")?.to_owned())
}

/// Parses Mermaid journey text into a journey; `path` names the source in messages and gives
/// the title of a diagram that has none.
pub fn parse_mermaid(text: &str, path: &Path) -> Result<Journey, LoadError> {
    let diagram = parse_diagram(text, path)?;
    diagram_to_journey(&diagram, path)
}

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
            "the diagram is empty; expected a Mermaid journey starting with `journey`",
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
            format!(
                "not a Mermaid journey diagram: expected the keyword `journey` (lower case) first, \
                 found `{}`",
                decode_entities(&found)
            ),
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

// ---------------------------------------------------------------------------------------------
// Preprocessing (mermaid's preprocess.ts, comments.ts, frontmatter.ts, utils.encodeEntities)

/// Preprocessed text that remembers, for every byte, where it came from in the original, so
/// messages point at the user's own line and column.
struct Mapped {
    text: String,
    /// `origin[i]` is the original byte offset of `text` byte `i`; one extra entry for the end.
    origin: Vec<u32>,
}

impl Mapped {
    fn new(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            origin: (0..=text.len()).map(|i| i as u32).collect(),
        }
    }

    fn origin(&self, byte: usize) -> usize {
        self.origin
            .get(byte)
            .or(self.origin.last())
            .map_or(0, |&o| o as usize)
    }

    /// Applies sorted, non-overlapping replacements.
    fn edit(&self, edits: &[(Range<usize>, String)]) -> Self {
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
fn js_space(c: char) -> bool {
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
fn js_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Byte length of the leading run of characters matching `keep`.
fn run_len(text: &str, keep: impl Fn(char) -> bool) -> usize {
    text.char_indices()
        .find(|&(_, c)| !keep(c))
        .map_or(text.len(), |(i, _)| i)
}

fn starts_with_ci(text: &str, word: &str) -> bool {
    text.get(..word.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(word))
}

fn rest(text: &str, from: usize) -> &str {
    text.get(from..).unwrap_or_default()
}

type PreError = (usize, String);

fn preprocess(original: &str) -> Result<(Mapped, Option<String>), PreError> {
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

fn nth_line_offset(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line - 2)
        .map_or(text.len(), |(i, _)| i + 1)
}

/// `/^-{3}\s*[\n\r](.*?)[\n\r]-{3}\s*[\n\r]+/s`: the body range and the end of the whole block.
fn front_matter(text: &str) -> Option<(Range<usize>, usize)> {
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

type YamlError = (usize, usize, String);

/// The front matter's `title`, as upstream takes it (`if (parsed.title) title = String(…)`).
fn front_matter_title_of(body: &str) -> Result<Option<String>, YamlError> {
    use yaml_rust2::{Yaml, YamlLoader};
    let docs = YamlLoader::load_from_str(body).map_err(|e| {
        let marker = e.marker();
        (
            marker.line(),
            marker.col() + 1,
            format!("the front matter is not valid YAML: {}", e.info()),
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
            return Err((1, 1, "the front matter's `title` must be text".to_owned()));
        }
        _ => None,
    })
}

/// Mermaid's `directiveRegex`, matched and removed left to right:
/// `%%{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%%).|\r?\n)*))?\s*(?:}%%)?`
fn directive_ranges(text: &str) -> Vec<(Range<usize>, String)> {
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
fn comment_ranges(text: &str) -> Vec<(Range<usize>, String)> {
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
fn style_semicolons(text: &str, keyword: &str) -> Vec<(Range<usize>, String)> {
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
fn entity_ranges(text: &str) -> Vec<(Range<usize>, String)> {
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
fn decode_entities(text: &str) -> String {
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

fn named_entity(name: &str) -> Option<char> {
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

// ---------------------------------------------------------------------------------------------
// Lexer and grammar (journey.jison)

#[derive(Debug, PartialEq)]
enum Tok<'a> {
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
struct Token<'a> {
    tok: Tok<'a>,
    start: usize,
    text_start: usize,
}

struct Lexer<'a> {
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
                        return Err((
                            start,
                            "`accDescr {` is never closed: end the description with `}`".to_owned(),
                        ));
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

struct Parser<'a> {
    lexer: Lexer<'a>,
    pre: &'a Mapped,
    original: &'a str,
    lines: LineIndex,
    diagram: MermaidDiagram,
}

/// Line starts of the original text, so that positions cost a lookup, not a count from the top.
struct LineIndex(Vec<usize>);

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
                format!(
                    "expected the keyword `journey` alone at the start, found `{}`",
                    decode_entities(&shown)
                ),
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
                    return Err((
                        token.start,
                        "a line cannot start with the word `journey` (Mermaid reads it as the \
                         diagram keyword); if it is a task, write its first letter as an entity \
                         code, e.g. `#74;ourney to the airport: 4: Me`"
                            .to_owned(),
                    ));
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
                        format!(
                            "a section name cannot contain `:`; write it as `#58;`, e.g. \
                             `section {}#58;{}`. (A task whose name starts with the word \
                             \"section\" needs its first letter as an entity code: `#{};ection…`)",
                            section.unwrap_or_default().trim_start_matches(js_space),
                            decode_entities(data),
                            keyword.map_or(115, u32::from)
                        ),
                    ));
                }
                Tok::TaskData(_) | Tok::Colon => {
                    return Err((
                        token.start,
                        "a `:` with no task name before it; expected a task like \
                         `Make tea: 4: Me` (a name, a colon, a score from 1 to 5, optional actors)"
                            .to_owned(),
                    ));
                }
                Tok::Invalid(c) => return Err((token.start, invalid_char(c))),
            }
        }
    }

    fn missing_score(&self, name: &str, name_end: usize, next: &Token<'_>) -> PreError {
        let shown = decode_entities(name.trim_matches(js_space));
        let expected =
            format!("expected `{shown}: 4` or `{shown}: 4: Actor, Actor` with a score from 1 to 5");
        let message = match next.tok {
            Tok::Colon => format!("task \"{shown}\" has nothing after its colon; {expected}"),
            Tok::Invalid(c) => invalid_char(c),
            _ if rest(self.lexer.text, name_end).starts_with('#') => format!(
                "`#` starts a comment in Mermaid, so task \"{shown}\" ends before its score \
                 (write `#` as `#35;`); {expected}"
            ),
            _ => format!("task \"{shown}\" has no score; {expected}"),
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

fn invalid_char(c: char) -> String {
    if c == ';' {
        "`;` cannot appear in a Mermaid journey (it has no statement separator; put each \
         statement on its own line, or write `;` as `#59;`)"
            .to_owned()
    } else {
        format!("unexpected character {c:?}")
    }
}

/// `setAccDescription`: trimmed, and white space after each line break collapsed.
fn acc_description(text: &str) -> String {
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
fn plain_number(text: &str) -> Option<f64> {
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

// ---------------------------------------------------------------------------------------------
// Diagram → journey

/// Applies emograph's checks to a parsed diagram and builds the journey.
pub fn diagram_to_journey(diagram: &MermaidDiagram, path: &Path) -> Result<Journey, LoadError> {
    let fail = |position: (usize, usize), message: String| {
        LoadError::single(path, Some(position), message)
    };
    if let [first, .., last] = diagram.titles.as_slice() {
        return Err(fail(
            last.position,
            format!(
                "a second `title` (the first is on line {}); Mermaid would silently keep only \
                 this one. If this line is a task whose name starts with \"title\", write its \
                 first letter as an entity code, e.g. `#84;itle check: 4: Me`",
                first.position.0
            ),
        ));
    }
    let too_long = |what: &str| {
        format!(
            "{what} is longer than {} characters",
            limits::MAX_TEXT_CHARS
        )
    };

    let scale = Scale {
        source: Some(MERMAID_SCALE),
        ..Scale::default()
    };
    let mut journey = Journey {
        version: FORMAT_VERSION,
        title: String::new(),
        scale,
        phases: Vec::new(),
        ..Journey::default()
    };
    // Control characters as spaces, as the export writes them (so import → export → import is
    // stable; found by fuzzing), then trimmed of both JavaScript's white space and Rust's (which
    // the journey's validation uses).
    let trim = |s: &str| {
        one_line(s)
            .trim_matches(|c: char| js_space(c) || c.is_whitespace())
            .to_owned()
    };
    journey.title = diagram
        .title()
        .map(trim)
        .filter(|t| !t.is_empty())
        .or_else(|| {
            diagram
                .acc_title
                .as_deref()
                .map(trim)
                .filter(|t| !t.is_empty())
        })
        .or_else(|| {
            path.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .filter(|s| !s.trim().is_empty())
        })
        .unwrap_or_else(|| "Untitled journey".to_owned());
    if journey.title.chars().count() > limits::MAX_TEXT_CHARS {
        let position = diagram.titles.last().map_or((1, 1), |t| t.position);
        return Err(fail(position, too_long("the title")));
    }
    // The description keeps its line breaks (a multi-line `accDescr { … }`).
    journey.description = diagram
        .acc_descr
        .as_deref()
        .map(|d| {
            // Without empty lines, as the export writes it (so the round trip is stable).
            let lines: Vec<String> = d.lines().map(trim).filter(|l| !l.is_empty()).collect();
            lines.join("\n").trim().to_owned()
        })
        .unwrap_or_default();
    if journey.description.chars().count() > limits::MAX_TEXT_CHARS {
        return Err(LoadError::single(
            path,
            None,
            too_long("the accDescr description"),
        ));
    }

    // Phases: one per section, plus a nameless one first when tasks come before any section.
    let mut phase_ids: IdMaker = IdMaker::default();
    let fresh = |name: &str, fallback: &str, ids: &mut IdMaker| ids.fresh(&slug(name, fallback));
    let mut no_section_phase = None;
    if diagram.tasks.iter().any(|t| t.section.is_none()) {
        let id = fresh("", "section", &mut phase_ids);
        journey.phases.push(Phase::new(&id, ""));
        no_section_phase = Some(id);
    }
    let mut section_phase = Vec::with_capacity(diagram.sections.len());
    if let Some(section) = diagram.sections.get(limits::MAX_TOUCHPOINTS) {
        return Err(fail(
            section.position,
            format!(
                "more than {} sections: emograph supports at most that many phases",
                limits::MAX_TOUCHPOINTS
            ),
        ));
    }
    for section in &diagram.sections {
        let name = trim(&section.text);
        if name.chars().count() > limits::MAX_TEXT_CHARS {
            return Err(fail(section.position, too_long("the section name")));
        }
        let id = fresh(&name, "section", &mut phase_ids);
        journey.phases.push(Phase::new(&id, &name));
        section_phase.push(id);
    }

    // Touchpoints, and every task's score by actor.
    let mut touchpoint_ids: IdMaker = IdMaker::default();
    let mut scores_by_actor: BTreeMap<String, BTreeMap<String, f64>> = BTreeMap::new();
    let mut no_actor_scores: BTreeMap<String, f64> = BTreeMap::new();
    for (index, task) in diagram.tasks.iter().enumerate() {
        if index >= limits::MAX_TOUCHPOINTS {
            return Err(fail(
                task.name.position,
                format!(
                    "more than {} tasks: emograph supports at most that many touchpoints",
                    limits::MAX_TOUCHPOINTS
                ),
            ));
        }
        let name = trim(&task.name.text);
        // A name of control characters only would be written back as blanks, which no Mermaid
        // reader takes: refuse it here, where it can be located (found by fuzzing).
        if name.is_empty() {
            return Err(fail(task.name.position, "the task has no name".to_owned()));
        }
        if name.chars().count() > limits::MAX_TEXT_CHARS {
            return Err(fail(task.name.position, too_long("the task name")));
        }
        let score = check_score(task).map_err(|m| fail(task.score_text.position, m))?;
        if let Some(position) = task.extra_field {
            return Err(fail(
                position,
                format!(
                    "task \"{name}\" has a third `:` field, which Mermaid ignores; expected \
                     `{name}: {}: Actor, Actor` (write a `:` inside an actor as `#58;`)",
                    task.score_text.text
                ),
            ));
        }
        if let Some(actor) = &task.glued_comment {
            return Err(fail(
                task.people_position.unwrap_or(task.name.position),
                format!(
                    "actor \"{actor}\": a `%%` comment must be on a line of its own; after the \
                     actors Mermaid shows it as part of the actor's name"
                ),
            ));
        }
        if task
            .people
            .iter()
            .any(|a| a.chars().count() > limits::MAX_TEXT_CHARS)
        {
            return Err(fail(
                task.people_position.unwrap_or(task.name.position),
                too_long("an actor's name"),
            ));
        }
        let phase = match task.section {
            Some(s) => section_phase.get(s).cloned(),
            None => no_section_phase.clone(),
        }
        .unwrap_or_default();
        let touchpoint_id = fresh(&name, "task", &mut touchpoint_ids);
        journey
            .touchpoints
            .push(Touchpoint::new(&touchpoint_id, &name, &phase));
        let canonical = MERMAID_SCALE.map_onto(score, &journey.scale);
        // An empty actor (`Sign up: 5:` gives upstream `[""]`) is no actor.
        let actors: Vec<String> = task
            .people
            .iter()
            .map(|a| trim(a))
            .filter(|a| !a.is_empty())
            .collect();
        if actors.is_empty() {
            no_actor_scores.insert(touchpoint_id, canonical);
        } else {
            for actor in actors {
                scores_by_actor
                    .entry(actor)
                    .or_default()
                    .insert(touchpoint_id.clone(), canonical);
            }
        }
    }

    // Cases: the no-actor case first, then actors in upstream's legend order.
    let mut case_ids: IdMaker = IdMaker::default();
    if !no_actor_scores.is_empty() {
        let id = fresh(NO_ACTOR_CASE_LABEL, "case", &mut case_ids);
        let mut case = Case::new(&id, NO_ACTOR_CASE_LABEL);
        case.source = NO_ACTOR_CASE_SOURCE.to_owned();
        case.scores = no_actor_scores;
        journey.cases.push(case);
    }
    let mut actors: Vec<(String, BTreeMap<String, f64>)> = scores_by_actor.into_iter().collect();
    actors.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
    if actors.len() > limits::MAX_CASES {
        return Err(LoadError::single(
            path,
            None,
            format!("more than {} actors", limits::MAX_CASES),
        ));
    }
    for (actor, scores) in actors {
        let id = fresh(&actor, "actor", &mut case_ids);
        let mut case = Case::new(&id, &actor);
        case.scores = scores;
        journey.cases.push(case);
    }

    // A last safety net: whatever slipped through is still reported, not loaded.
    let problems = journey.validate();
    if !problems.is_empty() {
        return Err(LoadError {
            diagnostics: problems
                .into_iter()
                .map(|p| super::Diagnostic {
                    file: path.to_owned(),
                    position: None,
                    message: p.to_string(),
                })
                .collect(),
        });
    }
    Ok(journey)
}

/// Mermaid takes any `Number()`; emograph takes a plain number from 1 to 5.
fn check_score(task: &MermaidTask) -> Result<f64, String> {
    let name = task.name.text.trim_matches(js_space);
    let example = format!("e.g. `{name}: 4: Me`");
    let text = &task.score_text.text;
    if text.is_empty() {
        return Err(format!(
            "task \"{name}\" has an empty score; expected a score from 1 (worst) to 5 (best) \
             after the colon, {example}"
        ));
    }
    match task.score {
        None => Err(format!(
            "score \"{text}\" of task \"{name}\" is not a number; expected a score from 1 \
             (worst) to 5 (best), {example}"
        )),
        Some(score) if !(MERMAID_SCALE.min..=MERMAID_SCALE.max).contains(&score) => Err(format!(
            "score {text} of task \"{name}\" is outside Mermaid's 1 to 5; expected a score from \
             1 (worst) to 5 (best), {example}"
        )),
        Some(score) => Ok(score),
    }
}

/// Unique ids from readable bases: the second "Same" section is `same-2`. Remembers the next
/// suffix per base, so a thousand tasks called "Call" cost no more than a thousand lookups.
#[derive(Default)]
struct IdMaker {
    taken: HashSet<String>,
    next_suffix: std::collections::HashMap<String, usize>,
}

impl IdMaker {
    fn fresh(&mut self, base: &str) -> String {
        if self.taken.insert(base.to_owned()) {
            return base.to_owned();
        }
        let next = self.next_suffix.entry(base.to_owned()).or_insert(2);
        loop {
            let id = format!("{base}-{next}");
            *next += 1;
            if self.taken.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// A readable id: lower case letters and digits of any script, other runs become `-`.
fn slug(name: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        fallback.to_owned()
    } else {
        out.to_owned()
    }
}

// ---------------------------------------------------------------------------------------------
// Journey → Mermaid

/// Which curve (or curves) to write: Mermaid's model has one score per task.
#[derive(Clone, Copy, Debug)]
pub enum MermaidSource<'a> {
    /// One case (index into `journey.cases`): its own scores; it is the only actor.
    Case(usize),
    /// A curve with one score per touchpoint, such as a pattern's mean, shown as one actor
    /// (none when `actor` is empty). Non-finite scores leave the task out.
    Curve { actor: &'a str, scores: &'a [f64] },
    /// Every case: each task's score is the mean of the cases that scored it, rounded, and
    /// those cases are its actors.
    AllCases,
}

/// Writes the journey as a Mermaid `journey` diagram that Mermaid renders and emograph reads
/// back: sections are the phases, tasks the touchpoints, and scores are mapped from the
/// journey's scale onto 1–5, rounded to whole numbers and clamped.
///
/// Characters Mermaid's grammar cannot carry in text (`#`, `:`, `;`, and in actor names `,`
/// and `%`) are written as Mermaid entity codes (`#58;` for `:`), which Mermaid renders as the
/// character itself; line breaks and other control characters become spaces. A touchpoint
/// with no score in the chosen source is left out, with a `%%` comment where it would be.
pub fn to_mermaid(journey: &Journey, source: MermaidSource<'_>) -> String {
    let scale = &journey.scale;
    let to_five = |score: f64| {
        let span = scale.max - scale.min;
        let value = if span > 0.0 {
            1.0 + (score - scale.min) / span * 4.0
        } else {
            3.0
        };
        value.round().clamp(1.0, 5.0) as u8
    };
    let is_no_actor = |case: &Case| case.source == NO_ACTOR_CASE_SOURCE;
    let rows: Vec<Option<(f64, Vec<&str>)>> = journey
        .touchpoints
        .iter()
        .enumerate()
        .map(|(t, tp)| match source {
            MermaidSource::Case(index) => {
                let case = journey.cases.get(index)?;
                let score = case.scores.get(&tp.id).copied().filter(|s| s.is_finite())?;
                let actors = if is_no_actor(case) {
                    Vec::new()
                } else {
                    vec![case.display_name()]
                };
                Some((score, actors))
            }
            MermaidSource::Curve { actor, scores } => {
                let score = scores.get(t).copied().filter(|s| s.is_finite())?;
                let actors = if actor.trim().is_empty() {
                    Vec::new()
                } else {
                    vec![actor]
                };
                Some((score, actors))
            }
            MermaidSource::AllCases => {
                let mut sum = 0.0;
                let mut n = 0usize;
                let mut actors = Vec::new();
                let mut seen = HashSet::new();
                for case in &journey.cases {
                    let Some(score) = case.scores.get(&tp.id).copied().filter(|s| s.is_finite())
                    else {
                        continue;
                    };
                    sum += score;
                    n += 1;
                    if !is_no_actor(case) {
                        let name = case.display_name();
                        if seen.insert(name) {
                            actors.push(name);
                        }
                    }
                }
                (n > 0).then(|| (sum / n as f64, actors))
            }
        })
        .collect();

    let mut out = String::from("journey\n");
    let title = escape_text(journey.title.trim(), &[]);
    if !title.is_empty() {
        out.push_str(&format!("    title {title}\n"));
    }
    let description = journey.description.trim();
    if !description.is_empty() {
        if description.contains('\n') {
            out.push_str("    accDescr {\n");
            for line in description.lines() {
                let line = escape_text(line.trim(), &['}']);
                if !line.is_empty() {
                    out.push_str(&format!("        {line}\n"));
                }
            }
            out.push_str("    }\n");
        } else {
            out.push_str(&format!(
                "    accDescr: {}\n",
                escape_text(description, &[])
            ));
        }
    }

    let phase_indices: std::collections::HashMap<&str, usize> = journey
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .rev()
        .collect();
    let phase_index = |phase_id: &str| phase_indices.get(phase_id).copied();
    let used_phases: HashSet<&str> = journey
        .touchpoints
        .iter()
        .map(|t| t.phase.as_str())
        .collect();
    let used: Vec<bool> = journey
        .phases
        .iter()
        .map(|p| used_phases.contains(p.id.as_str()))
        .collect();
    let mut wrote_section = false;
    let mut current: Option<usize> = None;
    let mut next_unused = 0;
    let section_line = |out: &mut String, index: usize, wrote_section: &mut bool| {
        let Some(phase) = journey.phases.get(index) else {
            return;
        };
        let mut name = escape_text(phase.name.trim(), &[]);
        if name.is_empty() {
            name = escape_text(&phase.id, &[]);
        }
        out.push_str(&format!("    section {name}\n"));
        *wrote_section = true;
    };
    for (tp, row) in journey.touchpoints.iter().zip(&rows) {
        let index = phase_index(&tp.phase);
        if let Some(p) = index
            && index != current
        {
            for q in next_unused..p {
                if !used.get(q).copied().unwrap_or(true) {
                    section_line(&mut out, q, &mut wrote_section);
                }
            }
            let nameless = journey
                .phases
                .get(p)
                .is_some_and(|phase| phase.name.trim().is_empty());
            // Tasks before any `section` belong to upstream's nameless section.
            if !(nameless && !wrote_section && current.is_none()) {
                section_line(&mut out, p, &mut wrote_section);
            }
            next_unused = next_unused.max(p + 1);
            current = Some(p);
        }
        let name = task_name(tp);
        match row {
            Some((score, actors)) => {
                let actors: Vec<String> = actors
                    .iter()
                    .map(|a| escape_text(a.trim(), &[',', '%']))
                    .filter(|a| !a.is_empty())
                    .collect();
                if actors.is_empty() {
                    out.push_str(&format!("      {name}: {}\n", to_five(*score)));
                } else {
                    out.push_str(&format!(
                        "      {name}: {}: {}\n",
                        to_five(*score),
                        actors.join(", ")
                    ));
                }
            }
            None => out.push_str(&format!(
                "      %% left out \"{}\": no score to show\n",
                one_line(tp.name.trim())
            )),
        }
    }
    for q in next_unused..journey.phases.len() {
        if !used.get(q).copied().unwrap_or(true) {
            section_line(&mut out, q, &mut wrote_section);
        }
    }
    out
}

/// A touchpoint's name as a task name: escaped, and with its first letter written as an entity
/// code where Mermaid's lexer would otherwise read a keyword or a comment.
fn task_name(touchpoint: &Touchpoint) -> String {
    let mut name = touchpoint.name.trim();
    if name.is_empty() {
        name = touchpoint.id.trim();
    }
    let name = one_line(name);
    let name = name.trim_matches(js_space);
    let lower = name.to_ascii_lowercase();
    let after = |word: &str| lower.strip_prefix(word);
    let keyword = after("journey").is_some_and(|r| !r.chars().next().is_some_and(js_word))
        || after("title").is_some_and(|r| r.chars().next().is_some_and(js_space))
        || after("section").is_some_and(|r| r.chars().next().is_some_and(js_space))
        || after("accdescr").is_some_and(|r| r.trim_start_matches(js_space).starts_with('{'))
        || name.starts_with('%')
        || name.chars().nth(1) == Some('%') && name.chars().nth(2) == Some('%');
    let mut chars = name.chars();
    match chars.next() {
        Some(first) if keyword => {
            format!("#{};{}", u32::from(first), escape_text(chars.as_str(), &[]))
        }
        _ => escape_text(name, &[]),
    }
}

/// Line breaks, tabs and other control characters as spaces.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Text for a title, section, task, actor or description: `#`, `;`, `:`, a `%` that starts
/// `%%` (a comment or directive to Mermaid) and `extra` as entity codes; `#` always, so no text
/// of the user's reads as an entity code. Line breaks and control characters become spaces.
fn escape_text(text: &str, extra: &[char]) -> String {
    let text = one_line(text);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let percent_pair = c == '%' && chars.peek() == Some(&'%');
        if matches!(c, '#' | ';' | ':') || percent_pair || extra.contains(&c) {
            out.push_str(&format!("#{};", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
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

    #[test]
    fn slugs_keep_letters_of_any_script() {
        assert_eq!(slug("Check-in at the desk!", "x"), "check-in-at-the-desk");
        assert_eq!(slug("מילוי טופס", "x"), "מילוי-טופס");
        assert_eq!(slug("?!", "task"), "task");
    }

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
}
