//! Many short texts (a case id, a segment, a wave per case) in one buffer.
//!
//! A `Vec<String>` costs 24 bytes a text plus an allocation of at least 16 bytes for any text
//! that is not empty: a million case ids, segments and waves were about 130 MiB of the 584 MiB
//! `stats` needed for a million cases. Here a text costs its bytes and a 4-byte end offset, and a
//! column that starts with empty texts (a journey without waves) costs nothing for them.

use std::fmt;
use std::ops::Index;

/// Texts in order, read by index, as a `Vec<String>` would be (`texts[i]` is a `str`).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Texts {
    bytes: String,
    /// Where each text after the leading empty ones ends in `bytes`.
    ends: Vec<u32>,
    /// Texts in all: the first `len - ends.len()` are empty and have no end stored.
    len: usize,
}

impl Texts {
    pub fn new() -> Self {
        Self::default()
    }

    /// Room for `texts` texts of `bytes` bytes in all, so reading a file grows no buffer twice.
    pub fn with_capacity(texts: usize, bytes: usize) -> Self {
        Self {
            bytes: String::with_capacity(bytes),
            ends: Vec::with_capacity(texts),
            len: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Appends a text.
    ///
    /// Offsets are 32-bit: a file big enough to hold 4 GiB of case texts is refused long before
    /// (journey and CSV files are limited to 512 MiB); were the buffer full anyway, the text is
    /// kept empty rather than panicking.
    pub fn push(&mut self, text: &str) {
        if self.ends.is_empty() && text.is_empty() {
            self.len += 1;
            return;
        }
        if self.ends.is_empty() {
            self.ends.reserve(self.len + 1);
            self.ends.resize(self.len, 0);
        }
        let end = self.bytes.len().saturating_add(text.len());
        if let Ok(end) = u32::try_from(end) {
            self.bytes.push_str(text);
            self.ends.push(end);
        } else {
            let last = self.ends.last().copied().unwrap_or(0);
            self.ends.push(last);
        }
        self.len += 1;
    }

    /// The text at `index`, if there is one.
    pub fn get(&self, index: usize) -> Option<&str> {
        if index >= self.len {
            return None;
        }
        let skipped = self.len - self.ends.len();
        let Some(stored) = index.checked_sub(skipped) else {
            return Some("");
        };
        let end = *self.ends.get(stored)? as usize;
        let start = match stored.checked_sub(1) {
            Some(before) => *self.ends.get(before)? as usize,
            None => 0,
        };
        self.bytes.get(start..end)
    }

    pub fn iter(&self) -> Iter<'_> {
        Iter {
            texts: self,
            front: 0,
            back: self.len,
        }
    }

    /// Appends every text of `other`, in order.
    pub fn append(&mut self, other: &Texts) {
        if other.ends.is_empty() {
            if self.ends.is_empty() {
                self.len += other.len;
            } else {
                let last = self.ends.last().copied().unwrap_or(0);
                self.ends.extend(std::iter::repeat_n(last, other.len));
                self.len += other.len;
            }
            return;
        }
        other.iter().for_each(|text| self.push(text));
    }

    /// The indices of the texts that repeat an earlier one, ascending: the rows a duplicate-id
    /// check reports. Hashes sorted with their indices instead of a set of the texts: a million
    /// ids cost 16 bytes each, and a sorted pass instead of a million random probes into a
    /// 35 MB table (a sixth of `stats`' time at a million cases). Equal hashes are told apart by
    /// their texts, sorted too, so even a million copies of one id cost `n log n`.
    pub fn repeated(&self) -> Vec<usize> {
        // Hash and index in one word: the index in the low bits, so equal hashes sort by index.
        let bits = usize::BITS - self.len.leading_zeros();
        let keyed = |index: usize, text: &str| (text_hash(text) << bits) | index as u64;
        let mut keys: Vec<u64> = self
            .iter()
            .enumerate()
            .map(|(index, text)| keyed(index, text))
            .collect();
        keys.sort_unstable();
        let index_of = |key: u64| (key & ((1u64 << bits) - 1)) as usize;
        let mut repeats = Vec::new();
        let mut same_hash: Vec<(&str, usize)> = Vec::new();
        for run in keys
            .chunk_by(|a, b| a >> bits == b >> bits)
            .filter(|run| run.len() > 1)
        {
            same_hash.clear();
            same_hash.extend(run.iter().map(|&key| {
                let index = index_of(key);
                (self.get(index).unwrap_or_default(), index)
            }));
            same_hash.sort_unstable();
            repeats.extend(
                same_hash
                    .windows(2)
                    .filter(|pair| matches!(pair, [a, b] if a.0 == b.0))
                    .filter_map(|pair| pair.get(1).map(|&(_, index)| index)),
            );
        }
        repeats.sort_unstable();
        repeats
    }

    /// The texts as owned strings (for the few places that hand them on).
    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_owned).collect()
    }
}

/// A multiply-rotate hash (as rustc's `FxHasher`) of a word at a time, with Murmur3's
/// finaliser so every byte reaches every bit. Not resistant to chosen collisions, which would
/// only slow down the check of one's own file.
fn text_hash(text: &str) -> u64 {
    let mut hash = text.len() as u64;
    for chunk in text.as_bytes().chunks(8) {
        let mut word = [0u8; 8];
        word.iter_mut().zip(chunk).for_each(|(w, &b)| *w = b);
        hash = (hash.rotate_left(5) ^ u64::from_le_bytes(word))
            .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    hash ^ (hash >> 33)
}

impl Index<usize> for Texts {
    type Output = str;

    /// Panics when `index` is out of range, as a `Vec`'s index does; library code uses `get`.
    #[allow(clippy::panic)]
    fn index(&self, index: usize) -> &str {
        match self.get(index) {
            Some(text) => text,
            None => panic!("text {index} of {}", self.len),
        }
    }
}

impl fmt::Debug for Texts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<S: AsRef<str>> FromIterator<S> for Texts {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        let mut texts = Texts::new();
        texts.extend(iter);
        texts
    }
}

impl<S: AsRef<str>> Extend<S> for Texts {
    fn extend<I: IntoIterator<Item = S>>(&mut self, iter: I) {
        for text in iter {
            self.push(text.as_ref());
        }
    }
}

impl<'a> IntoIterator for &'a Texts {
    type Item = &'a str;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl<S: AsRef<str>> PartialEq<[S]> for Texts {
    fn eq(&self, other: &[S]) -> bool {
        self.len == other.len() && self.iter().zip(other).all(|(a, b)| a == b.as_ref())
    }
}

impl<S: AsRef<str>, const N: usize> PartialEq<[S; N]> for Texts {
    fn eq(&self, other: &[S; N]) -> bool {
        *self == other[..]
    }
}

impl<S: AsRef<str>> PartialEq<Vec<S>> for Texts {
    fn eq(&self, other: &Vec<S>) -> bool {
        *self == other[..]
    }
}

/// The texts of a [`Texts`] in order.
#[derive(Clone)]
pub struct Iter<'a> {
    texts: &'a Texts,
    front: usize,
    back: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.front >= self.back {
            return None;
        }
        let text = self.texts.get(self.front);
        self.front += 1;
        text
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.back - self.front;
        (left, Some(left))
    }

    fn nth(&mut self, n: usize) -> Option<&'a str> {
        self.front = self.front.saturating_add(n).min(self.back);
        self.next()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.front >= self.back {
            return None;
        }
        self.back -= 1;
        self.texts.get(self.back)
    }
}

impl ExactSizeIterator for Iter<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_what_was_pushed_with_empty_texts_anywhere() {
        let written = ["", "", "gold", "", "platinum", "ש", ""];
        let texts: Texts = written.iter().collect();
        assert_eq!(texts.len(), written.len());
        assert_eq!(texts, written);
        assert_eq!(texts.iter().rev().collect::<Vec<_>>(), {
            let mut r = written.to_vec();
            r.reverse();
            r
        });
        assert_eq!(texts.get(7), None);
        assert_eq!(&texts[4], "platinum");
        assert_eq!(texts.iter().nth(5), Some("ש"));
    }

    #[test]
    fn repeated_texts_are_every_later_copy_in_order() {
        let texts: Texts = ["a", "b", "a", "", "c", "b", "a", ""].iter().collect();
        assert_eq!(texts.repeated(), [2, 5, 6, 7]);
        let unique: Texts = (0..10_000).map(|i| format!("c{i}")).collect();
        assert!(unique.repeated().is_empty());
        let same: Texts = std::iter::repeat_n("x", 100_000).collect();
        assert_eq!(same.repeated(), (1..100_000).collect::<Vec<_>>());
    }

    #[test]
    fn a_column_of_empty_texts_stores_no_offsets() {
        let texts: Texts = std::iter::repeat_n("", 1000).collect();
        assert_eq!(texts.len(), 1000);
        assert!(texts.ends.is_empty() && texts.bytes.is_empty());
        assert_eq!(texts.get(999), Some(""));
    }

    #[test]
    fn appending_keeps_order_whatever_each_side_holds() {
        for (a, b) in [
            (vec!["", ""], vec!["x", ""]),
            (vec!["a"], vec!["", ""]),
            (vec![""], vec![""]),
            (vec![], vec!["b", "c"]),
        ] {
            let mut joined: Texts = a.iter().collect();
            joined.append(&b.iter().collect());
            let expected: Vec<&str> = a.iter().chain(&b).copied().collect();
            assert_eq!(joined, expected, "{a:?} + {b:?}");
        }
    }
}
