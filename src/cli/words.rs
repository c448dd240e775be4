//! The words the tables print for the core's labels (a point's kind, a flag's status, a turn),
//! in the language in force. The JSON keeps the labels themselves: they are its contract, and
//! the English words here are those labels, so the English tables read as they always have.

use crate::analysis::TurningKind;
use crate::analysis::critical::Scope;
use crate::model::FlagKind;

/// A catalogue text made fit for a table cell: the isolation marks Fluent puts around a
/// placeable in Hebrew are taken out, since the table escapes every bidi control it is given
/// (they would print as `\u{2068}`) and a cell is its own run already.
pub fn cell(text: String) -> String {
    let marks = |c: char| matches!(c, '\u{2066}'..='\u{2069}');
    if text.contains(marks) {
        text.chars().filter(|&c| !marks(c)).collect()
    } else {
        text
    }
}

/// "none", where a list or a table has nothing to show.
pub fn none() -> String {
    crate::tr!("cli-none")
}

/// `overall` or `pattern:N`, as the critical table writes a scope.
pub fn scope_id(scope: Scope) -> String {
    match scope {
        Scope::Overall => crate::tr!("cli-scope-overall"),
        Scope::Pattern(id) => cell(crate::tr!("cli-scope-pattern-id", id = id)),
    }
}

/// `overall` or `pattern N`, as a sentence or the scenario table says it.
pub fn scope_words(scope: Scope) -> String {
    match scope {
        Scope::Overall => crate::tr!("cli-scope-overall"),
        Scope::Pattern(id) => pattern(id),
    }
}

/// "pattern N".
pub fn pattern(id: usize) -> String {
    cell(crate::tr!("cli-pattern-n", id = id))
}

pub fn kind(kind: FlagKind) -> String {
    match kind {
        FlagKind::Positive => crate::tr!("cli-kind-positive"),
        FlagKind::Negative => crate::tr!("cli-kind-negative"),
    }
}

// A flag's status, an action and a metric's level read the same in a table as on screen:
// one wording each, the interface's.
pub use crate::i18n::core_words::{action, metric_level as level, status};

/// "peak", "crossing down" …: the turn's label with spaces for underscores, in English.
pub fn turning(kind: TurningKind) -> String {
    match kind {
        TurningKind::Peak => crate::tr!("cli-turn-peak"),
        TurningKind::Trough => crate::tr!("cli-turn-trough"),
        TurningKind::CrossingUp => crate::tr!("cli-turn-crossing-up"),
        TurningKind::CrossingDown => crate::tr!("cli-turn-crossing-down"),
        TurningKind::Rise => crate::tr!("cli-turn-rise"),
        TurningKind::Drop => crate::tr!("cli-turn-drop"),
        TurningKind::Erosion => crate::tr!("cli-turn-erosion"),
        TurningKind::End => crate::tr!("cli-turn-end"),
    }
}

/// "yes", "no", or "—" when it cannot be told.
pub fn yes_no(answer: Option<bool>) -> String {
    match answer {
        Some(true) => crate::tr!("cli-yes"),
        Some(false) => crate::tr!("cli-no"),
        None => "—".to_owned(),
    }
}

/// A header row: each key's text, fit for a cell.
pub fn header(keys: &[&str]) -> Vec<String> {
    keys.iter()
        .map(|key| cell(crate::i18n::message(key, &[])))
        .collect()
}

/// The turns at a point ("peak, crossing down"), in the language in force.
pub fn turns(point: &crate::analysis::CriticalPoint) -> String {
    point
        .turning
        .iter()
        .map(|&k| turning(k))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_language};
    use crate::model::{Action, MetricLevel, Status};

    #[test]
    fn english_words_are_the_labels_the_json_writes() {
        for k in TurningKind::ALL {
            assert_eq!(turning(k), k.label().replace('_', " "));
        }
        for s in Status::ALL {
            assert_eq!(status(s), s.label());
        }
        for a in Action::ALL {
            assert_eq!(action(a), a.label());
        }
        for l in MetricLevel::ALL {
            assert_eq!(level(l), l.label());
        }
        for k in [FlagKind::Positive, FlagKind::Negative] {
            assert_eq!(kind(k), k.label());
        }
        assert_eq!(scope_id(Scope::Pattern(2)), Scope::Pattern(2).to_string());
        assert_eq!(scope_id(Scope::Overall), Scope::Overall.to_string());
    }

    #[test]
    fn hebrew_cells_carry_no_isolation_marks() {
        let text = with_language(Lang::Hebrew, || scope_id(Scope::Pattern(12)));
        assert!(text.contains("12"), "{text}");
        assert!(!text.contains(['\u{2068}', '\u{2069}']), "{text:?}");
        assert!(text.chars().any(crate::model::is_rtl_char), "{text}");
    }
}
