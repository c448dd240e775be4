//! The core's vocabulary in the interface language. The core's enums say their `label()` in
//! the words of the journey file and of JSON ("shorten response", "in progress",
//! "crossing_up"), which scripts read and which must never change with the room's language;
//! what a person reads on screen or in the report is put into words here instead, one
//! catalogue key per value, so a match without a key does not compile.

use crate::analysis::TurningKind;
use crate::analysis::patterns::AutoChoice;
use crate::model::{Action, FlagKind, MetricLevel, Status};

/// An agreed action as the room says it: "prevent", "shorten response", "amplify".
pub fn action(action: Action) -> String {
    match action {
        Action::Amplify => crate::tr!("critical-amplify"),
        Action::Prevent => crate::tr!("critical-prevent"),
        Action::ShortenResponse => crate::tr!("critical-shorten"),
    }
}

/// A flag's status: "open", "in progress", "done".
pub fn status(status: Status) -> String {
    match status {
        Status::Open => crate::tr!("word-status-open"),
        Status::InProgress => crate::tr!("word-status-in-progress"),
        Status::Done => crate::tr!("word-status-done"),
    }
}

/// A flag's or a critical point's direction: "positive", "negative".
pub fn flag_kind(kind: FlagKind) -> String {
    match kind {
        FlagKind::Positive => crate::tr!("owners-positive"),
        FlagKind::Negative => crate::tr!("owners-negative"),
    }
}

/// A metric's level: "firm", "customer strategy", "operational", "infrastructure".
pub fn metric_level(level: MetricLevel) -> String {
    match level {
        MetricLevel::Firm => crate::tr!("word-level-firm"),
        MetricLevel::CustomerStrategy => crate::tr!("word-level-customer-strategy"),
        MetricLevel::Operational => crate::tr!("word-level-operational"),
        MetricLevel::Infrastructure => crate::tr!("word-level-infrastructure"),
    }
}

/// A turning kind as a table's cell names it: "trough", "crossing down" (English says the
/// file's word, an underscore aside).
pub fn turning_kind(kind: TurningKind) -> String {
    match kind {
        TurningKind::Peak => crate::tr!("word-turn-peak"),
        TurningKind::Trough => crate::tr!("word-turn-trough"),
        TurningKind::CrossingUp => crate::tr!("word-turn-crossing-up"),
        TurningKind::CrossingDown => crate::tr!("word-turn-crossing-down"),
        TurningKind::Rise => crate::tr!("word-turn-rise"),
        TurningKind::Drop => crate::tr!("word-turn-drop"),
        TurningKind::Erosion => crate::tr!("word-turn-erosion"),
        TurningKind::End => crate::tr!("word-turn-end"),
    }
}

/// A turning kind as a facilitator says it to the room: "a steep drop", "the mood turns
/// negative".
pub fn turning_sentence(kind: TurningKind) -> String {
    match kind {
        TurningKind::Peak => crate::tr!("word-turning-peak"),
        TurningKind::Trough => crate::tr!("word-turning-trough"),
        TurningKind::CrossingUp => crate::tr!("word-turning-crossing-up"),
        TurningKind::CrossingDown => crate::tr!("word-turning-crossing-down"),
        TurningKind::Rise => crate::tr!("word-turning-rise"),
        TurningKind::Drop => crate::tr!("word-turning-drop"),
        TurningKind::Erosion => crate::tr!("word-turning-erosion"),
        TurningKind::End => crate::tr!("word-turning-end"),
    }
}

/// How distinct automatic k found the patterns, in words (the thresholds are the core's:
/// `AutoChoice::distinctness` says the same in English).
pub fn distinctness(auto: &AutoChoice) -> String {
    match auto.silhouette {
        None => crate::tr!("patterns-distinct-one"),
        Some(s) if s >= 0.5 => crate::tr!("patterns-distinct-clearly"),
        Some(s) if s >= 0.25 => crate::tr!("patterns-distinct-fairly"),
        Some(_) => crate::tr!("patterns-distinct-weakly"),
    }
}

/// Why automatic k gave fewer patterns than the best silhouette would have, if it did.
pub fn fallback_reason(auto: &AutoChoice) -> Option<String> {
    let &(k, smallest) = auto.too_small.first()?;
    Some(crate::tr!(
        "patterns-fewer-reason",
        k = k,
        smallest = smallest,
        min = auto.min_size
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_language};

    /// English says what the core's labels say, so the English report and screens read as
    /// before; Hebrew says none of it.
    #[test]
    fn english_is_the_cores_words_and_hebrew_is_not() {
        for action_ in Action::ALL {
            assert_eq!(
                with_language(Lang::English, || action(action_)),
                action_.label()
            );
            let he = with_language(Lang::Hebrew, || action(action_));
            assert!(he.chars().any(crate::model::is_rtl_char), "{he}");
        }
        for status_ in Status::ALL {
            assert_eq!(
                with_language(Lang::English, || status(status_)),
                status_.label()
            );
            let he = with_language(Lang::Hebrew, || status(status_));
            assert!(he.chars().any(crate::model::is_rtl_char), "{he}");
        }
        for level in MetricLevel::ALL {
            assert_eq!(
                with_language(Lang::English, || metric_level(level)),
                level.label()
            );
        }
        for kind in TurningKind::ALL {
            assert_eq!(
                with_language(Lang::English, || turning_kind(kind)),
                kind.label().replace('_', " ")
            );
            let he = with_language(Lang::Hebrew, || turning_sentence(kind));
            assert!(he.chars().any(crate::model::is_rtl_char), "{he}");
        }
        for silhouette in [None, Some(0.7), Some(0.3), Some(0.1)] {
            let auto = AutoChoice {
                silhouette,
                ..AutoChoice::default()
            };
            assert_eq!(
                with_language(Lang::English, || distinctness(&auto)),
                auto.distinctness()
            );
        }
        let auto = AutoChoice {
            silhouette: Some(0.4),
            min_size: 3,
            too_small: vec![(4, 1)],
            no_structure: false,
        };
        assert_eq!(
            with_language(Lang::English, || fallback_reason(&auto)),
            auto.fallback_reason()
        );
    }
}
