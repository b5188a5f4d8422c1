//! Which end bytes, inner bytes and lengths the words of a list have: a
//! test that rules out most words of a text before the list itself is
//! searched.
//!
//! Both ends count: by its first byte and length alone, `the` would pass
//! wherever a list holds `too` or `tax`; with its last byte too, nine words
//! of a text in ten are ruled out by the default style pack's anchors. The
//! second and next-to-last bytes then rule out two in three of the words
//! that pass but are no word of the list (`other`, `were`, `some` have the
//! ends and lengths of some of the pack's anchors).

/// Per pair of end bytes, and per pair of inner bytes, a bit per length of
/// the list's words (the last bit stands for every longer length). A byte
/// counts by its low five bits, which tell the letters apart and ignore
/// their ASCII case, so a list searched in any case needs no folding and
/// one that keeps case gets a test that lets through a little more.
#[derive(Clone, Debug)]
pub struct Shapes {
    ends: Box<[u32; 1024]>,
    inner: Box<[u32; 1024]>,
}

impl Default for Shapes {
    fn default() -> Shapes {
        Shapes {
            ends: Box::new([0; 1024]),
            inner: Box::new([0; 1024]),
        }
    }
}

impl Shapes {
    /// Note a word of the list.
    pub fn add(&mut self, word: &[u8]) {
        if let Some(pair) = end_pair(word) {
            self.ends[pair] |= length_bit(word.len());
            self.inner[inner_pair(word)] |= length_bit(word.len());
        }
    }

    /// Whether the list may hold `word`, in its case or another.
    #[inline]
    pub fn may_hold(&self, word: &[u8]) -> bool {
        end_pair(word).is_some_and(|pair| {
            let length = length_bit(word.len());
            self.ends[pair] & length != 0 && self.inner[inner_pair(word)] & length != 0
        })
    }
}

/// Which of the 1,024 pairs of end bytes `word` has (none if it is empty),
/// each byte by its low five bits: in any ASCII case.
#[inline]
pub fn end_pair(word: &[u8]) -> Option<usize> {
    let (&first, &last) = (word.first()?, word.last()?);
    Some(pair(first, last))
}

/// The pair of the second and the next-to-last bytes of a word that is not
/// empty (of a word of one byte, that byte twice).
#[inline]
fn inner_pair(word: &[u8]) -> usize {
    let second = word.get(1).unwrap_or(&word[0]);
    pair(*second, word[word.len().saturating_sub(2)])
}

#[inline]
fn pair(first: u8, second: u8) -> usize {
    usize::from(first & 31) << 5 | usize::from(second & 31)
}

#[inline]
fn length_bit(len: usize) -> u32 {
    1 << len.min(31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_out_other_end_bytes_inner_bytes_and_lengths() {
        let mut shapes = Shapes::default();
        for word in ["in", "order", "an-extraordinarily-long-hyphenated-word"] {
            shapes.add(word.as_bytes());
        }
        assert!(shapes.may_hold(b"in") && shapes.may_hold(b"order"));
        assert!(shapes.may_hold(b"IN") && shapes.may_hold(b"Order"));
        assert!(!shapes.may_hold(b"inn") && !shapes.may_hold(b"on"));
        assert!(!shapes.may_hold(b"opens") && !shapes.may_hold(b""));
        // A screen, not the list: the same ends, inner bytes and length
        // pass.
        assert!(shapes.may_hold(b"ORDER") && shapes.may_hold(b"orxer"));
        // The same ends and length, but other inner bytes.
        assert!(!shapes.may_hold(b"other") && !shapes.may_hold(b"Oxder"));
        // Every length from 31 up shares a bit.
        assert!(shapes.may_hold(b"an-words-of-thirty-one-bytes-rd"));
        assert!(shapes.may_hold(b"an-much-longer-word-of-far-more-than-thirty-one-bytes-word"));
    }
}
