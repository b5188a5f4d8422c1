//! A key → (u32, u32) hash table embedded as bytes (written by `build.rs`),
//! probed in place without being loaded or parsed.
//!
//! `slots` is an open-addressing table (linear probing, load at most 0.7)
//! of 32-byte little-endian rows, aligned so that none straddles two cache
//! lines: the key itself, zero-padded, if it has at most [`INLINE`] bytes
//! (else its offset in `keys`, where longer keys lie back to back); the key
//! length (16 bits) with the key's hash fingerprint (16 bits); the two
//! payload words. An empty slot has length 0. A lookup of a short key —
//! nearly all — reads one row, not a row and then a key elsewhere: on a
//! table of megabytes, one cache miss rather than two. And a word asked
//! about lately is answered from a small per-thread table of recent keys,
//! with no miss at all.

use std::cell::RefCell;
use std::thread::LocalKey;

use super::hash::{INLINE, ROW, fingerprint, hash, home_slot};
use super::recent::RecentWords;

pub struct Table {
    keys: &'static [u8],
    slots: &'static [u8],
    /// The keys of this table looked up lately, per thread.
    recent: &'static LocalKey<RecentKeys>,
}

/// The table files `build.rs` wrote for `$name`, the slots aligned to rows.
macro_rules! embedded_table {
    ($name:literal) => {{
        #[repr(C, align(32))]
        struct Aligned<T: ?Sized>(T);
        static SLOTS: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(
            env!("OUT_DIR"),
            "/",
            $name,
            ".slots"
        )));
        thread_local! {
            static RECENT: $crate::lexicon::table::RecentKeys =
                const { std::cell::RefCell::new($crate::lexicon::recent::RecentWords::new()) };
        }
        $crate::lexicon::table::Table::new(
            include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".keys")),
            &SLOTS.0,
            &RECENT,
        )
    }};
}
pub(crate) use embedded_table;

/// Keys of one table looked up lately, per thread, and what the table holds
/// for them.
pub(crate) type RecentKeys = RefCell<RecentWords<(u32, u32)>>;

impl Table {
    pub const fn new(
        keys: &'static [u8],
        slots: &'static [u8],
        recent: &'static LocalKey<RecentKeys>,
    ) -> Table {
        Table {
            keys,
            slots,
            recent,
        }
    }

    fn word(row: &[u8], field: usize) -> u32 {
        u32::from_le_bytes(row[field..field + 4].try_into().expect("4 bytes"))
    }

    /// The two payload words stored for `key`.
    pub fn get(&self, key: &str) -> Option<(u32, u32)> {
        let key = key.as_bytes();
        let slots = self.slots.len() / ROW;
        if slots == 0 || key.is_empty() || key.len() > usize::from(u16::MAX) {
            return None;
        }
        self.recent.with_borrow_mut(|recent| {
            // The lexicon's own hash is computed only for a key not found
            // there.
            recent.get(key, || self.probe(key, hash(key), slots))
        })
    }

    fn probe(&self, key: &[u8], hash: u64, slots: usize) -> Option<(u32, u32)> {
        let wanted = (key.len() as u32) | (u32::from(fingerprint(hash)) << 16);
        let mut slot = home_slot(hash, slots);
        loop {
            let row = &self.slots[slot * ROW..][..ROW];
            let tag = Table::word(row, INLINE);
            if tag == 0 {
                return None;
            }
            if tag == wanted {
                let stored = if key.len() <= INLINE {
                    &row[..key.len()]
                } else {
                    let start = Table::word(row, 0) as usize;
                    &self.keys[start..start + key.len()]
                };
                if stored == key {
                    return Some((Table::word(row, INLINE + 4), Table::word(row, INLINE + 8)));
                }
            }
            slot += 1;
            if slot == slots {
                slot = 0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::recent::tests::WORDS_OF_EVERY_LENGTH;

    #[test]
    fn rows_are_aligned_and_keys_long_and_short_are_found() {
        static POS: Table = embedded_table!("pos");
        assert_eq!(POS.slots.as_ptr() as usize % ROW, 0);
        assert_eq!(POS.slots.len() % ROW, 0);
        let long = "counterrevolutionaries";
        assert!(long.len() > INLINE && POS.get(long).is_some());
        assert!(POS.get("said").is_some());
        assert!(POS.get("sai").is_none() && POS.get("saidx").is_none());
        assert!(POS.get("counterrevolutionariesx").is_none());
    }

    #[test]
    fn what_was_looked_up_lately_is_found_as_in_the_table() {
        static POS: Table = embedded_table!("pos");
        static NAMES: Table = embedded_table!("names");
        for _ in 0..3 {
            for table in [&POS, &NAMES] {
                for key in WORDS_OF_EVERY_LENGTH {
                    let slots = table.slots.len() / ROW;
                    let probed = table.probe(key.as_bytes(), hash(key.as_bytes()), slots);
                    assert_eq!(table.get(key), probed, "{key}");
                }
            }
        }
        assert_ne!(POS.get("jordan"), NAMES.get("jordan"));
    }
}
