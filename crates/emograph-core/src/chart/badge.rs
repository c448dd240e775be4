//! The badge beside a critical point: who acts, and the number that will show whether it
//! worked. Every painter fits it to the room it has through [`Badge::fit`], which drops or
//! shortens whole parts, least needed first, so a narrow chart loses the metric's name, then the
//! word "target", then the end of the owner's name — never a digit of a number.

/// What a badge says, in parts.
#[derive(Clone, Debug, PartialEq)]
pub struct Badge {
    /// Whoever owns the agreed action here, else the touchpoint's owner, else "no owner".
    pub owner: String,
    /// The key metric's numbers, when the touchpoint has one.
    pub metric: Option<MetricBadge>,
}

/// A metric's part of a badge: "14 min → target 6 min · Car park to lobby".
#[derive(Clone, Debug, PartialEq)]
pub struct MetricBadge {
    /// The newest value with its unit: "14 min".
    pub now: String,
    /// The target with its unit, when one is set: "6 min".
    pub target: Option<String>,
    /// The word put before the target: "target" as the core builds it, a translation once the
    /// app or the report has put the scene into its language (the core has no catalogue).
    pub target_word: String,
    pub name: String,
}

/// Fewer characters than this of a cut name say nothing; the part is dropped instead.
const MIN_CUT_CHARS: usize = 4;

impl Badge {
    /// The whole badge, as a report or a tooltip shows it.
    pub fn full(&self) -> String {
        match &self.metric {
            Some(metric) => format!("{} · {} · {}", self.owner, metric.numbers(), metric.name),
            None => self.owner.clone(),
        }
    }

    /// The longest telling form whose `width` is at most `max_width`, trying in turn: the
    /// whole badge; the metric's name cut short; owner and numbers; owner and the numbers
    /// without the word "target" ("14 → 6 min"); the owner's name cut short before them; the
    /// numbers alone. Whatever is returned, every number in it is whole.
    pub fn fit(&self, width: impl Fn(&str) -> f32, max_width: f32) -> String {
        let fits = |s: &str| width(s) <= max_width;
        let full = self.full();
        let Some(metric) = &self.metric else {
            return cut_to_fit(&self.owner, "", &width, max_width).unwrap_or(full);
        };
        if fits(&full) {
            return full;
        }
        let owner_numbers = format!("{} · {}", self.owner, metric.numbers());
        let named = format!("{owner_numbers} · ");
        if let Some(cut) = cut_to_fit(&metric.name, &named, &width, max_width) {
            return cut;
        }
        if fits(&owner_numbers) {
            return owner_numbers;
        }
        let short = metric.short_numbers();
        let owner_short = format!("{} · {short}", self.owner);
        if fits(&owner_short) {
            return owner_short;
        }
        let tail = format!(" · {short}");
        cut_to_fit(
            &self.owner,
            "",
            &|s: &str| width(&format!("{s}{tail}")),
            max_width,
        )
        .map(|owner| format!("{owner}{tail}"))
        .unwrap_or(short)
    }
}

impl MetricBadge {
    /// "14 min → target 6 min", or "14 min" without a target.
    pub fn numbers(&self) -> String {
        match &self.target {
            Some(target) => format!("{} → {} {target}", self.now, self.target_word),
            None => self.now.clone(),
        }
    }

    /// "14 → 6 min" when both carry the same unit, else "14 min → 6 min": for tight room.
    pub fn short_numbers(&self) -> String {
        let Some(target) = &self.target else {
            return self.now.clone();
        };
        let unit = |s: &str| s.split_once(' ').map(|(_, u)| u.to_owned());
        match (unit(&self.now), unit(target)) {
            (Some(a), Some(b)) if a == b => {
                let number = self
                    .now
                    .split_once(' ')
                    .map_or(self.now.as_str(), |(n, _)| n);
                format!("{number} → {target}")
            }
            _ => format!("{} → {target}", self.now),
        }
    }
}

/// `prefix` and the longest start of `text` (at least [`MIN_CUT_CHARS`] characters, with "…")
/// that fit, found by bisection (one measurement per step, so a long name costs little). The
/// whole text when it fits; `None` when not even the shortest cut does.
fn cut_to_fit(
    text: &str,
    prefix: &str,
    width: &impl Fn(&str) -> f32,
    max_width: f32,
) -> Option<String> {
    let whole = format!("{prefix}{text}");
    if width(&whole) <= max_width {
        return Some(whole);
    }
    let ends: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .skip(1)
        .chain([text.len()])
        .collect();
    let candidate = |chars: usize| {
        let end = ends
            .get(chars.saturating_sub(1))
            .copied()
            .unwrap_or(text.len());
        format!("{prefix}{}…", text.get(..end).unwrap_or(text).trim_end())
    };
    // Invariant: `low` characters fit (or low is below the minimum), `high + 1` do not.
    let (mut low, mut high) = (0, ends.len().saturating_sub(1));
    while low < high {
        let mid = (low + high).div_ceil(2);
        if width(&candidate(mid)) <= max_width {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    (low >= MIN_CUT_CHARS.min(ends.len())).then(|| candidate(low))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One unit a character: easy to reason about.
    fn chars(s: &str) -> f32 {
        s.chars().count() as f32
    }

    fn badge() -> Badge {
        Badge {
            owner: "Dana Levi".into(),
            metric: Some(MetricBadge {
                now: "14 min".into(),
                target: Some("6 min".into()),
                target_word: "target".into(),
                name: "Car park entry to lobby".into(),
            }),
        }
    }

    #[test]
    fn room_to_spare_gives_the_whole_badge() {
        let full = "Dana Levi · 14 min → target 6 min · Car park entry to lobby";
        assert_eq!(badge().full(), full);
        assert_eq!(badge().fit(chars, 100.0), full);
    }

    #[test]
    fn less_room_drops_the_name_then_the_word_target_then_the_owner_never_a_digit() {
        let b = badge();
        assert_eq!(
            b.fit(chars, 45.0),
            "Dana Levi · 14 min → target 6 min · Car park…"
        );
        assert_eq!(b.fit(chars, 36.0), "Dana Levi · 14 min → target 6 min");
        assert_eq!(b.fit(chars, 25.0), "Dana Levi · 14 → 6 min");
        assert_eq!(b.fit(chars, 18.0), "Dana… · 14 → 6 min");
        assert_eq!(b.fit(chars, 12.0), "14 → 6 min");
        for max in 0..70 {
            let text = b.fit(chars, max as f32);
            assert!(
                text.contains("14") && text.contains("6 min"),
                "at {max}: {text:?} cut a number"
            );
        }
    }

    #[test]
    fn an_owner_alone_is_cut_like_any_name() {
        let b = Badge {
            owner: "Customer Service Operations".into(),
            metric: None,
        };
        assert_eq!(b.fit(chars, 100.0), "Customer Service Operations");
        assert_eq!(b.fit(chars, 12.0), "Customer Se…");
    }

    #[test]
    fn units_that_differ_stay_on_both_numbers() {
        let m = MetricBadge {
            now: "92 %".into(),
            target: Some("4.5 of 5".into()),
            target_word: "target".into(),
            name: "x".into(),
        };
        assert_eq!(m.short_numbers(), "92 % → 4.5 of 5");
    }
}
