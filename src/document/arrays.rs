//! The Document's largest arrays, its tokens and the indexes over them,
//! handed on from one Document to the next built on the same thread.
//!
//! A run over a folder builds Documents one after another on each worker.
//! Fresh arrays for each came from pages the allocator had just taken from
//! the system, and each of those pages cost a page fault when first written:
//! about 1,600 faults over the 233 speeches, most of all the page faults of
//! the run. Arrays kept from the Document before are already in memory,
//! and often still in the cache.

use std::cell::RefCell;

use super::{Sentence, Token};

#[derive(Default)]
pub(super) struct Arrays {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub capitals_and_numbers: Vec<u32>,
    pub capitals_before: Vec<u32>,
    pub marks: Vec<u32>,
}

/// Arrays larger than this in all are not kept: one huge file should not
/// hold its memory for the rest of the run (or of an editor's session).
const MOST_KEPT: usize = 16 << 20;

thread_local! {
    static KEPT: RefCell<Option<Arrays>> = const { RefCell::new(None) };
}

impl Arrays {
    /// Empty arrays: those kept on this thread, if any.
    pub fn take() -> Arrays {
        KEPT.take().unwrap_or_default()
    }

    /// Empties the arrays and keeps them for the next Document built on
    /// this thread, unless they are too large to keep.
    pub fn keep(mut self) {
        self.tokens.clear();
        self.sentences.clear();
        self.capitals_and_numbers.clear();
        self.capitals_before.clear();
        self.marks.clear();
        if self.bytes() <= MOST_KEPT {
            KEPT.set(Some(self));
        }
    }

    /// The memory the arrays hold.
    fn bytes(&self) -> usize {
        self.tokens.capacity() * size_of::<Token>()
            + self.sentences.capacity() * size_of::<Sentence>()
            + (self.capitals_and_numbers.capacity()
                + self.capitals_before.capacity()
                + self.marks.capacity())
                * size_of::<u32>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrays_kept_are_handed_on_empty_with_their_memory() {
        let mut arrays = Arrays::take();
        arrays.marks.extend([1, 2, 3]);
        let capacity = arrays.marks.capacity();
        arrays.keep();
        let again = Arrays::take();
        assert!(again.marks.is_empty());
        assert_eq!(again.marks.capacity(), capacity);
        // Taken, they are no longer kept.
        assert_eq!(Arrays::take().marks.capacity(), 0);
    }

    #[test]
    fn arrays_too_large_are_not_kept() {
        let mut arrays = Arrays::take();
        arrays
            .capitals_before
            .reserve(MOST_KEPT / size_of::<u32>() + 1);
        arrays.keep();
        assert_eq!(Arrays::take().capitals_before.capacity(), 0);
    }
}
