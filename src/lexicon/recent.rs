//! A small memo of what a function of a word gave for words asked about
//! lately, kept per thread: a text asks about the same few thousand words
//! again and again (a rule per word, a word per sentence), and this table
//! stays in the cache where the megabytes of a lexicon do not.

use super::hash::INLINE;
use crate::bytes::load_short;

/// Entries of a memo in sets of two, each word's set chosen by a hash of
/// it: the word asked about last comes first in its set, and a new word
/// takes the place of the one asked about less lately. (With one entry a
/// set, a few words that shared it took it from each other again and again:
/// `is` was looked up in the lexicon 90 times over the speeches.)
pub(crate) struct RecentWords<V> {
    sets: Vec<Set<V>>,
}

/// Two entries, in one cache line.
#[derive(Clone, Copy, Default)]
#[repr(C, align(64))]
struct Set<V>([Entry<V>; 2]);

/// A word asked about lately and what the function gave for it, in 32
/// bytes for a value of up to 8 (a cache line holds two, and none straddles
/// two lines).
#[derive(Clone, Copy, Default)]
#[repr(C, align(32))]
struct Entry<V> {
    /// The word, [`packed`], with its length in the last byte and, in that
    /// byte's high bit, whether the function gave a value ([`GAVE`]). An
    /// empty entry is all zero: no word has length 0.
    key: Packed,
    /// The value, if the function gave one.
    value: V,
}

/// The bit of an entry's key that says the function gave a value.
const GAVE: u64 = 0x80 << 56;

/// A word of at most [`INLINE`] bytes as three little-endian numbers,
/// zero-padded, with its length in the last byte: compared and hashed in a
/// few operations, not byte by byte.
type Packed = [u64; 3];

const _: () = assert!(INLINE <= 23, "a short word and its length fit three words");

fn packed(word: &[u8]) -> Packed {
    let mut words = [0; 3];
    for (packed, chunk) in words.iter_mut().zip(word.chunks(8)) {
        *packed = match chunk.first_chunk::<8>() {
            Some(whole) => u64::from_le_bytes(*whole),
            None => load_short(chunk),
        };
    }
    words[2] |= (word.len() as u64) << 56;
    words
}

/// Which set a packed word belongs to: the top bits of its mix, as many as
/// the memo's size needs.
fn set_of(key: &Packed) -> usize {
    let mixed = (key[0] ^ key[1].rotate_left(21) ^ key[2].rotate_left(42))
        .wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (mixed >> (u64::BITS - SETS.trailing_zeros())) as usize
}

/// Sets per memo: 4,096 entries, 128 KiB.
const SETS: usize = 2048;

const _: () = assert!(SETS.is_power_of_two() && SETS > 1);

impl<V: Copy + Default> RecentWords<V> {
    /// An empty memo; it takes its memory when first asked.
    pub(crate) const fn new() -> RecentWords<V> {
        RecentWords { sets: Vec::new() }
    }

    /// What `compute` gives for `word`: remembered if `word` was asked
    /// about lately, else computed and remembered. Words longer than
    /// [`INLINE`] bytes (and the empty word) are always computed.
    pub(crate) fn get(&mut self, word: &[u8], compute: impl FnOnce() -> Option<V>) -> Option<V> {
        if word.is_empty() || word.len() > INLINE {
            return compute();
        }
        if self.sets.is_empty() {
            self.sets.resize(SETS, Set::default());
        }
        let wanted = packed(word);
        let Set(entries) = &mut self.sets[set_of(&wanted)];
        let holds = |entry: &Entry<V>| {
            entry.key[0] == wanted[0]
                && entry.key[1] == wanted[1]
                && entry.key[2] & !GAVE == wanted[2]
        };
        if !holds(&entries[0]) {
            if holds(&entries[1]) {
                entries.swap(0, 1);
            } else {
                let value = compute();
                let mut key = wanted;
                if value.is_some() {
                    key[2] |= GAVE;
                }
                entries[1] = entries[0];
                entries[0] = Entry {
                    key,
                    value: value.unwrap_or_default(),
                };
            }
        }
        let entry = &entries[0];
        (entry.key[2] & GAVE != 0).then_some(entry.value)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    #[test]
    fn words_spread_over_the_whole_memo() {
        let mut used = vec![false; SETS];
        for n in 0..SETS * 8 {
            used[set_of(&packed(format!("w{n}").as_bytes()))] = true;
        }
        // Eight words a set: nearly every set, up to the last, is used.
        assert!(used.iter().filter(|&&u| u).count() > SETS * 99 / 100);
        assert!(used[SETS - 1] || used[SETS - 2]);
    }

    #[test]
    fn two_words_of_one_set_are_both_remembered() {
        let mut memo = RecentWords::new();
        let set = set_of(&packed(b"first"));
        let other = (0..)
            .map(|n| format!("w{n}"))
            .find(|w| set_of(&packed(w.as_bytes())) == set)
            .expect("some word shares the set");
        let third = (0..)
            .map(|n| format!("x{n}"))
            .find(|w| set_of(&packed(w.as_bytes())) == set)
            .expect("some word shares the set");
        memo.get(b"first", || Some(1));
        memo.get(other.as_bytes(), || Some(2));
        // Both are remembered, whichever is asked first.
        assert_eq!(memo.get(b"first", || panic!("first forgotten")), Some(1));
        assert_eq!(
            memo.get(other.as_bytes(), || panic!("{other} forgotten")),
            Some(2)
        );
        // A third word takes the place of the one asked about less lately.
        memo.get(third.as_bytes(), || Some(3));
        assert_eq!(
            memo.get(other.as_bytes(), || panic!("{other} forgotten")),
            Some(2)
        );
        assert_eq!(memo.get(b"first", || Some(4)), Some(4));
    }

    /// Words of lengths across the three packed numbers (8, 16 and 20
    /// bytes among them), words and their prefixes, two cases of one word,
    /// and words too long to be remembered: for the memo and its users.
    pub(in crate::lexicon) const WORDS_OF_EVERY_LENGTH: &[&str] = &[
        "said",
        "sai",
        "Jordan",
        "jordan",
        "zzqx",
        "the",
        "The",
        "a",
        "question",
        "questions",
        "responsibilities",
        "responsibilitiesx",
        "internationalization",
        "internationalizatio",
        "counterrevolutionaries",
    ];

    #[test]
    fn what_is_remembered_is_what_the_function_gives() {
        let words = WORDS_OF_EVERY_LENGTH.iter().chain(&[""]);
        let function = |word: &str| (!word.len().is_multiple_of(3)).then(|| word.len() as u32 * 7);
        let mut memo = RecentWords::new();
        for _ in 0..3 {
            for &word in words.clone() {
                let mut computed = false;
                let value = memo.get(word.as_bytes(), || {
                    computed = true;
                    function(word)
                });
                assert_eq!(value, function(word), "{word:?}");
                assert!(computed || word.len() <= INLINE, "{word:?}");
            }
        }
        // Asked again at once, a short word is remembered.
        memo.get(b"said", || function("said"));
        assert_eq!(
            memo.get(b"said", || panic!("computed again")),
            function("said")
        );
    }

    #[test]
    fn an_entry_takes_32_bytes_and_a_set_one_cache_line() {
        assert_eq!(size_of::<Entry<(u32, u32)>>(), 32);
        assert_eq!(size_of::<Entry<u8>>(), 32);
        assert_eq!(size_of::<Set<(u32, u32)>>(), 64);
    }
}
