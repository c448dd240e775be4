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

//!
//! Files: `preprocess.rs` (front matter, directives, comments, entity codes), `grammar.rs` (the
//! lexer and grammar: text → [`MermaidDiagram`]), `to_journey.rs` (emograph's checks and the
//! mapping onto a journey) and `write.rs` (journey → diagram, with its one escape function).

use std::collections::HashSet;
use std::path::Path;

use super::LoadError;
use crate::model::{Journey, SourceScale};

mod grammar;
mod preprocess;
mod to_journey;
mod write;

pub use grammar::parse_diagram;
pub use to_journey::diagram_to_journey;
pub use write::{MermaidSource, to_mermaid};

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
pub(super) const ENTITY_OPEN: char = '\u{E000}';
pub(super) const ENTITY_CLOSE: char = '\u{E001}';

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
        &crate::tr!("mermaid-too-big-refusal"),
        None,
    )?;
    Ok(super::utf8_or_located(&bytes, path, &crate::tr!("read-save-as-utf8"))?.to_owned())
}

/// Parses Mermaid journey text into a journey; `path` names the source in messages and gives
/// the title of a diagram that has none.
pub fn parse_mermaid(text: &str, path: &Path) -> Result<Journey, LoadError> {
    let diagram = parse_diagram(text, path)?;
    diagram_to_journey(&diagram, path)
}
