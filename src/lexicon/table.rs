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

use super::hash::{INLINE, ROW, fingerprint, hash, home_slot};

pub struct Table {
    keys: &'static [u8],
    slots: &'static [u8],
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
        $crate::lexicon::table::Table::new(
            include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".keys")),
            &SLOTS.0,
        )
    }};
}
pub(crate) use embedded_table;

/// Keys looked up lately, per thread, by their hash: a text asks about the
/// same few thousand words again and again (a rule per word, a word per
/// sentence), and this small table stays in the cache where the megabytes
/// of the lexicon do not.
#[derive(Clone, Default)]
struct Recent {
    /// The slots of the table asked, standing for it; 0 when empty.
    table: usize,
    len: u8,
    key: [u8; INLINE],
    found: Option<(u32, u32)>,
}

const RECENT_SIZE: usize = 4096;

thread_local! {
    static RECENT: std::cell::RefCell<Vec<Recent>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Table {
    pub const fn new(keys: &'static [u8], slots: &'static [u8]) -> Table {
        Table { keys, slots }
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
        let hash = hash(key);
        if key.len() > INLINE {
            return self.probe(key, hash, slots);
        }
        let table = self.slots.as_ptr() as usize;
        RECENT.with_borrow_mut(|recent| {
            if recent.is_empty() {
                recent.resize(RECENT_SIZE, Recent::default());
            }
            let entry = &mut recent[(hash as usize ^ table) & (RECENT_SIZE - 1)];
            if entry.table != table || &entry.key[..usize::from(entry.len)] != key {
                *entry = Recent {
                    table,
                    len: key.len() as u8,
                    key: [0; INLINE],
                    found: self.probe(key, hash, slots),
                };
                entry.key[..key.len()].copy_from_slice(key);
            }
            entry.found
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
        let keys = ["said", "sai", "Jordan", "jordan", "zzqx", "the", "The", "a"];
        for _ in 0..3 {
            for table in [&POS, &NAMES] {
                for key in keys {
                    let slots = table.slots.len() / ROW;
                    let probed = table.probe(key.as_bytes(), hash(key.as_bytes()), slots);
                    assert_eq!(table.get(key), probed, "{key}");
                }
            }
        }
        assert_ne!(POS.get("jordan"), NAMES.get("jordan"));
    }
}
