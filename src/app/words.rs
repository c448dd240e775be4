//! Analysis terms as a facilitator says them: the GUI never shows an identifier such as
//! `crossing_up` to the room.

use crate::analysis::TurningKind;

/// A turning kind as a facilitator says it, in the interface language.
pub fn turning_words(kind: TurningKind) -> String {
    crate::i18n::core_words::turning_sentence(kind)
}

const ALL_KINDS: [TurningKind; 8] = [
    TurningKind::Peak,
    TurningKind::Trough,
    TurningKind::CrossingUp,
    TurningKind::CrossingDown,
    TurningKind::Rise,
    TurningKind::Drop,
    TurningKind::Erosion,
    TurningKind::End,
];

/// A text from the analysis (a marker's tooltip) with every turning kind's identifier put in
/// words; the identifiers with an underscore first, so `crossing_up` never half-matches.
pub fn in_words(text: &str) -> String {
    let mut text = text.to_owned();
    let mut kinds = ALL_KINDS;
    kinds.sort_by_key(|k| std::cmp::Reverse(k.label().contains('_')));
    for kind in kinds {
        if kind.label().contains('_') {
            text = text.replace(kind.label(), &turning_words(kind));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_become_words() {
        assert_eq!(
            in_words("mean −2.1 · trough, crossing_down"),
            "mean −2.1 · trough, the mood turns negative"
        );
        assert!(!in_words("crossing_up").contains('_'));
    }
}
