//! Which first and last bytes and lengths the words of a list have: a test
//! that rules out most words of a text before the list itself is searched.
//!
//! Both ends count: by its first byte and length alone, `the` would pass
//! wherever a list holds `too` or `tax`; with its last byte too, nine words
//! of a text in ten are ruled out by the default style pack's anchors.

/// Per pair of end bytes, a bit per length of the list's words (the last
/// bit stands for every longer length). A byte counts by its low five
/// bits, which tell the letters apart and ignore their ASCII case, so a
/// list searched in any case needs no folding and one that keeps case gets
/// a test that lets through a little more.
#[derive(Clone, Debug)]
pub struct Shapes(Box<[u32; 1024]>);

impl Default for Shapes {
    fn default() -> Shapes {
        Shapes(Box::new([0; 1024]))
    }
}

impl Shapes {
    /// Note a word of the list.
    pub fn add(&mut self, word: &[u8]) {
        if let Some(pair) = end_pair(word) {
            self.0[pair] |= length_bit(word.len());
        }
    }

    /// Whether the list may hold `word`, in its case or another.
    #[inline]
    pub fn may_hold(&self, word: &[u8]) -> bool {
        end_pair(word).is_some_and(|pair| self.0[pair] & length_bit(word.len()) != 0)
    }
}

/// Which of the 1,024 pairs of end bytes `word` has (none if it is empty),
/// each byte by its low five bits: in any ASCII case.
#[inline]
pub fn end_pair(word: &[u8]) -> Option<usize> {
    let (&first, &last) = (word.first()?, word.last()?);
    Some(usize::from(first & 31) << 5 | usize::from(last & 31))
}

#[inline]
fn length_bit(len: usize) -> u32 {
    1 << len.min(31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_out_other_end_bytes_and_lengths() {
        let mut shapes = Shapes::default();
        for word in ["in", "order", "an-extraordinarily-long-hyphenated-word"] {
            shapes.add(word.as_bytes());
        }
        assert!(shapes.may_hold(b"in") && shapes.may_hold(b"order"));
        assert!(shapes.may_hold(b"IN") && shapes.may_hold(b"Order"));
        assert!(!shapes.may_hold(b"inn") && !shapes.may_hold(b"on"));
        assert!(!shapes.may_hold(b"opens") && !shapes.may_hold(b""));
        // A screen, not the list: the same ends and length pass.
        assert!(shapes.may_hold(b"other"));
        // Every length from 31 up shares a bit.
        assert!(shapes.may_hold(b"a-word-of-thirty-one-bytes-and-d"));
        assert!(shapes.may_hold(b"a-much-longer-word-of-far-more-than-thirty-one-bytes-d"));
    }
}
