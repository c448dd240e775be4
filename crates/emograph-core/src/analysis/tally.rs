//! Exact quantiles of many scores that take few distinct values, counted in one pass.
//!
//! A survey's scores are answers: a 1–5 question has five values, a score kept to one decimal
//! on −5 … +5 at most 101. A million cases' quartiles from partial selection cost three passes
//! over a gathered copy of each column (229 MiB at a million cases × 30, or a pass per block of
//! columns); counting each distinct value instead costs one lookup per score and no copy, and
//! gives the same order statistics — hence the same quantiles to the bit, as
//! [`super::stats::quantiles`] computes them from those order statistics. A column with more
//! distinct values than a tally holds (scores computed from something, not answered) says so
//! ([`Tally::add`] returns false) and its caller takes the selection way for it.

use super::stats::quantiles_from;

/// Distinct values a tally counts before it gives up: more than twice a 0–10 question's answers
/// to one decimal, few enough that the tallies of eight patterns × 15 columns (a thread's share
/// when describing patterns) stay in the cache.
pub(crate) const MAX_DISTINCT: usize = 256;

/// Slots of the open-addressing table: at most half full.
const SLOTS: usize = 2 * MAX_DISTINCT;
const SLOT_BITS: u32 = SLOTS.trailing_zeros();

/// How often each distinct value occurs, in `groups` groups (the patterns of a clustering, or
/// one group for all cases) that share the values' codes.
pub(crate) struct Tally {
    /// Per slot: the value's code + 1, or 0 for an empty slot.
    slots: Vec<u16>,
    /// Per code: the value (its bits decide identity, so −0 and 0 are two values, as they are
    /// to `total_cmp`).
    values: Vec<f64>,
    /// `counts[group * MAX_DISTINCT + code]`.
    counts: Vec<u64>,
    full: bool,
}

impl Tally {
    pub(crate) fn new(groups: usize) -> Self {
        Self {
            slots: vec![0; SLOTS],
            values: Vec::new(),
            counts: vec![0; groups.max(1) * MAX_DISTINCT],
            full: false,
        }
    }

    /// Counts `value` (not NaN) in `group`; false once the tally has seen more than
    /// [`MAX_DISTINCT`] distinct values (it then counts nothing more).
    #[inline]
    pub(crate) fn add(&mut self, group: usize, value: f64) -> bool {
        if self.full {
            return false;
        }
        let bits = value.to_bits();
        let mut slot = (bits.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOT_BITS)) as usize;
        loop {
            let Some(&held) = self.slots.get(slot) else {
                return false;
            };
            if held == 0 {
                break;
            }
            let code = usize::from(held - 1);
            if self.values.get(code).is_some_and(|v| v.to_bits() == bits) {
                if let Some(count) = self.counts.get_mut(group * MAX_DISTINCT + code) {
                    *count += 1;
                }
                return true;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        // A value not seen before.
        let code = self.values.len();
        if code >= MAX_DISTINCT {
            self.full = true;
            return false;
        }
        self.values.push(value);
        if let Some(held) = self.slots.get_mut(slot) {
            *held = code as u16 + 1;
        }
        if let Some(count) = self.counts.get_mut(group * MAX_DISTINCT + code) {
            *count = 1;
        }
        true
    }

    /// Whether the tally gave up (see [`Tally::add`]).
    pub(crate) fn is_full(&self) -> bool {
        self.full
    }

    /// How many values `group` counted.
    pub(crate) fn count(&self, group: usize) -> u64 {
        self.group_counts(group).iter().sum()
    }

    fn group_counts(&self, group: usize) -> &[u64] {
        let start = group * MAX_DISTINCT;
        self.counts
            .get(start..start + self.values.len())
            .unwrap_or_default()
    }

    /// The quantiles of `group`'s values at `probabilities`, the same to the bit as
    /// [`super::stats::quantiles`] of those values; NaN for a group without values.
    pub(crate) fn quantiles<const N: usize>(
        &self,
        group: usize,
        probabilities: [f64; N],
    ) -> [f64; N] {
        let counts = self.group_counts(group);
        let mut order: Vec<(f64, u64)> = self
            .values
            .iter()
            .zip(counts)
            .filter(|&(_, &count)| count > 0)
            .map(|(&value, &count)| (value, count))
            .collect();
        order.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
        let n: u64 = order.iter().map(|&(_, count)| count).sum();
        // The value at a 0-based position of the sorted values: walked forward, as the
        // positions asked for mostly ascend (a quantile's upper neighbour may be past the next
        // quantile's lower one: then the walk starts again).
        let (mut at, mut before) = (0usize, 0u64);
        quantiles_from(n as usize, probabilities, |position| {
            let position = position as u64;
            if position < before {
                (at, before) = (0, 0);
            }
            while let Some(&(_, count)) = order.get(at) {
                if position < before + count {
                    break;
                }
                before += count;
                at += 1;
            }
            order.get(at).map_or(f64::NAN, |&(value, _)| value)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::stats::quantiles;
    use super::*;

    const PROBABILITIES: [f64; 5] = [0.0, 0.25, 0.5, 0.75, 1.0];

    fn compare(groups: &[Vec<f64>]) {
        let mut tally = Tally::new(groups.len());
        for (group, values) in groups.iter().enumerate() {
            for &v in values {
                assert!(tally.add(group, v));
            }
        }
        for (group, values) in groups.iter().enumerate() {
            let want = quantiles(&mut values.clone(), PROBABILITIES);
            let got = tally.quantiles(group, PROBABILITIES);
            let bits = |q: [f64; 5]| q.map(f64::to_bits);
            assert_eq!(bits(got), bits(want), "group {group}: {values:?}");
            assert_eq!(tally.count(group), values.len() as u64);
        }
    }

    #[test]
    fn counted_quantiles_are_the_selected_ones_to_the_bit() {
        let mut state = 7u64;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            state >> 33
        };
        for size in [1usize, 2, 3, 4, 5, 10, 99, 1000] {
            let groups: Vec<Vec<f64>> = (0..3)
                .map(|g| {
                    (0..size + g)
                        .map(|_| (next() % 101) as f64 / 10.0 - 5.0)
                        .collect()
                })
                .collect();
            compare(&groups);
        }
        // Signed zeros are two values, as `total_cmp` sorts them.
        compare(&[vec![0.0, -0.0, 0.0, -0.0, 1.0], vec![-0.0]]);
        // An empty group among full ones.
        compare(&[vec![1.0, 2.0], vec![], vec![3.0]]);
    }

    #[test]
    fn a_column_of_computed_scores_says_it_is_too_varied_to_count() {
        let mut tally = Tally::new(1);
        let all_added = (0..=MAX_DISTINCT).all(|i| tally.add(0, i as f64 / 3.0));
        assert!(!all_added);
        assert!(tally.is_full());
        // Up to the limit, every value was counted.
        let mut tally = Tally::new(1);
        assert!((0..MAX_DISTINCT).all(|i| tally.add(0, i as f64 / 3.0)));
        assert!(!tally.is_full());
        assert_eq!(tally.count(0), MAX_DISTINCT as u64);
    }
}
