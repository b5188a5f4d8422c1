//! A closed list of words with a constant-time membership test, also for a
//! word's lowercase form without building it: rules ask once per token,
//! where searching the list or lowercasing the word would dominate.

use std::sync::OnceLock;

use super::shapes::end_pair;
use crate::bytes::load_short;

pub struct WordSet {
    words: &'static [&'static str],
    table: OnceLock<Table>,
}

struct Table {
    /// Open addressing, linear probing, a power of two at most a quarter
    /// full: (index + 1 into `words`, the word's hash's low 32 bits); an
    /// index of 0 is an empty slot.
    slots: Box<[(u32, u32)]>,
    /// Shift of a hash that leaves a slot number.
    shift: u32,
    /// The longest word's length in bytes: longer words are not looked up.
    longest: usize,
    /// A bit per pair of end bytes of the words ([`end_pair`], in any ASCII
    /// case): most words of a text end otherwise than every word of a
    /// closed list and are ruled out without hashing.
    ends: [u64; 16],
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            table: OnceLock::new(),
        }
    }

    /// The words, as listed.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }

    /// Is `word` in the list, exactly as written?
    pub fn contains(&self, word: &str) -> bool {
        self.position(word).is_some()
    }

    /// `self.contains(&word.to_lowercase())`, without allocating for ASCII
    /// words.
    pub fn contains_lowercase_of(&self, word: &str) -> bool {
        self.position_lowercase_of(word).is_some()
    }

    /// `self.contains(&word.to_ascii_lowercase())`, without allocating for
    /// ASCII words.
    pub fn contains_ascii_lowercase_of(&self, word: &str) -> bool {
        self.position_ascii_lowercase_of(word).is_some()
    }

    /// Where `word` is in the list (its first place).
    #[inline]
    pub fn position(&self, word: &str) -> Option<usize> {
        let bytes = word.as_bytes();
        if !self.may_end_like(bytes) {
            return None;
        }
        self.find(bytes, || hash(bytes, false), |entry| entry == word)
    }

    /// `self.position(&word.to_lowercase())`.
    #[inline]
    pub fn position_lowercase_of(&self, word: &str) -> Option<usize> {
        // ASCII end bytes are their lowercase form's end bytes, in some case.
        let ascii_ends = word
            .as_bytes()
            .first()
            .zip(word.as_bytes().last())
            .is_some_and(|(first, last)| first.is_ascii() && last.is_ascii());
        if ascii_ends && !self.may_end_like(word.as_bytes()) {
            return None;
        }
        self.position_lowercase_of_any(word)
    }

    fn position_lowercase_of_any(&self, word: &str) -> Option<usize> {
        if word.is_ascii() {
            self.position_ascii(word)
        } else {
            self.position(&word.to_lowercase())
        }
    }

    /// `self.position(&word.to_ascii_lowercase())`.
    pub fn position_ascii_lowercase_of(&self, word: &str) -> Option<usize> {
        if word.is_ascii() {
            if !self.may_end_like(word.as_bytes()) {
                return None;
            }
            self.position_ascii(word)
        } else {
            self.position(&word.to_ascii_lowercase())
        }
    }

    /// The lowercase form of an ASCII `word`, whose end bytes passed
    /// [`WordSet::may_end_like`].
    fn position_ascii(&self, word: &str) -> Option<usize> {
        let bytes = word.as_bytes();
        self.find(
            bytes,
            || hash(bytes, true),
            |entry| {
                entry.len() == bytes.len()
                    && entry
                        .bytes()
                        .zip(bytes)
                        .all(|(e, b)| e == b.to_ascii_lowercase())
            },
        )
    }

    /// Where `word`, whose hash is `hash()` and which `matches` tells
    /// apart, is in the list; `word` is as written or in any ASCII case, and
    /// its caller ruled it out by its end bytes first where it could.
    fn find(
        &self,
        word: &[u8],
        hash: impl Fn() -> u64,
        matches: impl Fn(&str) -> bool,
    ) -> Option<usize> {
        let table = self.table();
        if word.len() > table.longest {
            return None;
        }
        let hash = hash();
        let mask = table.slots.len() - 1;
        let mut slot = (hash >> table.shift) as usize;
        loop {
            let (index, fingerprint) = table.slots[slot];
            if index == 0 {
                return None;
            }
            let index = index as usize - 1;
            if fingerprint == hash as u32 && matches(self.words[index]) {
                return Some(index);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Does some word of the list have the pair of end bytes `word` has
    /// ([`end_pair`], in any ASCII case)? Most words of a text end otherwise
    /// and are ruled out here, before any hashing.
    #[inline]
    fn may_end_like(&self, word: &[u8]) -> bool {
        end_pair(word).is_some_and(|pair| self.table().ends[pair / 64] & 1 << (pair % 64) != 0)
    }

    fn table(&self) -> &Table {
        self.table.get_or_init(|| {
            let size = (self.words.len() * 4).next_power_of_two().max(2);
            let shift = 64 - size.trailing_zeros();
            let mut slots = vec![(0u32, 0u32); size].into_boxed_slice();
            for (index, word) in self.words.iter().enumerate() {
                let hash = hash(word.as_bytes(), false);
                let mut slot = (hash >> shift) as usize;
                loop {
                    match slots[slot] {
                        (0, _) => {
                            slots[slot] = (index as u32 + 1, hash as u32);
                            break;
                        }
                        (other, _) if self.words[other as usize - 1] == *word => break,
                        _ => slot = (slot + 1) & (size - 1),
                    }
                }
            }
            let longest = self.words.iter().map(|w| w.len()).max().unwrap_or(0);
            let mut ends = [0; 16];
            for pair in self.words.iter().filter_map(|w| end_pair(w.as_bytes())) {
                ends[pair / 64] |= 1 << (pair % 64);
            }
            Table {
                slots,
                shift,
                longest,
                ends,
            }
        })
    }
}

/// A hash of `bytes`, eight at a time; with `ascii_lowercase` (only for
/// ASCII bytes), the hash of their lowercase form.
fn hash(bytes: &[u8], ascii_lowercase: bool) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mix = |hash: u64, mut x: u64| {
        if ascii_lowercase {
            // Bytes from `A` (0x41) to `Z` (0x5a) get their 0x20 bit: adding
            // 0x3f sets the high bit from `A` up, adding 0x25 from `[` up,
            // and no byte below 0x80 carries into the next.
            let upper = x.wrapping_add(0x3f * ONES) & !x.wrapping_add(0x25 * ONES) & (0x80 * ONES);
            x |= upper >> 2;
        }
        let hash = (hash ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        hash ^ (hash >> 29)
    };
    let mut hash = bytes.len() as u64;
    let mut rest = bytes;
    while let Some((chunk, after)) = rest.split_first_chunk::<8>() {
        hash = mix(hash, u64::from_le_bytes(*chunk));
        rest = after;
    }
    if !rest.is_empty() {
        hash = mix(hash, load_short(rest));
    }
    hash.wrapping_mul(0xbf58_476d_1ce4_e5b9)
}

#[cfg(test)]
mod tests {
    use super::*;

    static SET: WordSet = WordSet::new(&["said", "fiancé", "km", "CEO", "de la", "naïve"]);

    #[test]
    fn membership_as_written_and_lowercased() {
        // Ends and lengths that pass the screen but are not in the list.
        assert!(!SET.contains("sand") && !SET.contains("CBO") && !SET.contains("dala"));
        assert!(SET.contains("said") && SET.contains("CEO") && SET.contains("de la"));
        assert!(!SET.contains("Said") && !SET.contains("sai") && !SET.contains(""));
        assert_eq!(SET.position("km"), Some(2));
        assert_eq!(SET.position_lowercase_of("De La"), Some(4));
        for word in [
            "said",
            "SAID",
            "Said",
            "Fiancé",
            "FIANCÉ",
            "ceo",
            "CEO",
            "\u{212A}m",
            "KM",
            "De La",
            "NAÏVE",
            "saids",
            "",
        ] {
            assert_eq!(
                SET.contains_lowercase_of(word),
                SET.contains(&word.to_lowercase()),
                "{word}"
            );
            assert_eq!(
                SET.contains_ascii_lowercase_of(word),
                SET.contains(&word.to_ascii_lowercase()),
                "{word}"
            );
        }
    }
}
