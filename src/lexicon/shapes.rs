//! Which first bytes and lengths the words of a list have: a test that rules
//! out most words of a text before the list itself is searched.

/// Per first byte, a bit per length of the list's words (the last bit
/// stands for every longer length).
#[derive(Clone, Debug)]
pub struct Shapes(Box<[u32; 256]>);

impl Default for Shapes {
    fn default() -> Shapes {
        Shapes(Box::new([0; 256]))
    }
}

impl Shapes {
    /// Note a word of the list (as it is compared: lower-cased, if the list
    /// is searched in any case).
    pub fn add(&mut self, word: &[u8]) {
        if let Some(&first) = word.first() {
            self.0[usize::from(first)] |= length_bit(word.len());
        }
    }

    /// Whether the list may hold a word of `len` bytes starting with
    /// `first`.
    pub fn may_hold(&self, first: u8, len: usize) -> bool {
        self.0[usize::from(first)] & length_bit(len) != 0
    }
}

fn length_bit(len: usize) -> u32 {
    1 << len.min(31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_out_other_first_bytes_and_lengths() {
        let mut shapes = Shapes::default();
        for word in ["in", "order", "an-extraordinarily-long-hyphenated-word"] {
            shapes.add(word.as_bytes());
        }
        assert!(shapes.may_hold(b'i', 2) && shapes.may_hold(b'o', 5));
        assert!(!shapes.may_hold(b'i', 3) && !shapes.may_hold(b'x', 2));
        // Every length from 31 up shares a bit.
        assert!(shapes.may_hold(b'a', 31) && shapes.may_hold(b'a', 90));
    }
}
