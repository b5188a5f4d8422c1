//! A small memo of what a function of a word gave for words asked about
//! lately, kept per thread: a text asks about the same few thousand words
//! again and again (a rule per word, a word per sentence), and this table
//! stays in the cache where the megabytes of a lexicon do not.

use super::hash::INLINE;
use crate::bytes::load_short;

/// Entries of a memo, by a hash of their words: when two words share an
/// entry, the later one takes it.
pub(crate) struct RecentWords<V> {
    entries: Vec<Entry<V>>,
}

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

/// Where a packed word sits in the memo: the top bits of its mix, as many
/// as the memo's size needs.
fn slot(key: &Packed) -> usize {
    let mixed = (key[0] ^ key[1].rotate_left(21) ^ key[2].rotate_left(42))
        .wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (mixed >> (u64::BITS - SIZE.trailing_zeros())) as usize
}

const SIZE: usize = 4096;

const _: () = assert!(SIZE.is_power_of_two() && SIZE > 1);

impl<V: Copy + Default> RecentWords<V> {
    /// An empty memo; it takes its memory when first asked.
    pub(crate) const fn new() -> RecentWords<V> {
        RecentWords {
            entries: Vec::new(),
        }
    }

    /// What `compute` gives for `word`: remembered if `word` was asked
    /// about lately, else computed and remembered. Words longer than
    /// [`INLINE`] bytes (and the empty word) are always computed.
    pub(crate) fn get(&mut self, word: &[u8], compute: impl FnOnce() -> Option<V>) -> Option<V> {
        if word.is_empty() || word.len() > INLINE {
            return compute();
        }
        if self.entries.is_empty() {
            self.entries.resize(SIZE, Entry::default());
        }
        let wanted = packed(word);
        let entry = &mut self.entries[slot(&wanted)];
        let same = entry.key[0] == wanted[0]
            && entry.key[1] == wanted[1]
            && entry.key[2] & !GAVE == wanted[2];
        if !same {
            let value = compute();
            let mut key = wanted;
            if value.is_some() {
                key[2] |= GAVE;
            }
            *entry = Entry {
                key,
                value: value.unwrap_or_default(),
            };
        }
        (entry.key[2] & GAVE != 0).then_some(entry.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_spread_over_the_whole_memo() {
        let mut used = vec![false; SIZE];
        for n in 0..SIZE * 8 {
            used[slot(&packed(format!("w{n}").as_bytes()))] = true;
        }
        // Eight words a slot: nearly every slot, up to the last, is used.
        assert!(used.iter().filter(|&&u| u).count() > SIZE * 99 / 100);
        assert!(used[SIZE - 1] || used[SIZE - 2]);
    }

    #[test]
    fn what_is_remembered_is_what_the_function_gives() {
        // Lengths across the three packed numbers (8, 16 and 20 bytes among
        // them), a word and its prefix, and two cases of one word.
        let words = [
            "said",
            "sai",
            "Jordan",
            "jordan",
            "a",
            "question",
            "questions",
            "responsibilities",
            "responsibilitiesx",
            "internationalization",
            "internationalizatio",
            "counterrevolutionaries",
            "",
        ];
        let function = |word: &str| (!word.len().is_multiple_of(3)).then(|| word.len() as u32 * 7);
        let mut memo = RecentWords::new();
        for _ in 0..3 {
            for word in words {
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
    fn an_entry_takes_32_bytes() {
        assert_eq!(size_of::<Entry<(u32, u32)>>(), 32);
        assert_eq!(size_of::<Entry<u8>>(), 32);
    }
}
