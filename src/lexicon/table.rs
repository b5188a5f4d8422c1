//! A key → (u32, u32) hash table embedded as bytes (written by `build.rs`),
//! probed in place without being loaded or parsed.
//!
//! `keys` holds the keys back to back. `slots` is an open-addressing table
//! (linear probing, load at most 0.7) of 16-byte little-endian rows: key
//! offset, key length (16 bits) with the key's hash fingerprint (16 bits),
//! and the two payload words. An empty slot has length 0.

use super::hash::{fingerprint, hash, home_slot};

pub struct Table {
    keys: &'static [u8],
    slots: &'static [u8],
}

const ROW: usize = 16;

impl Table {
    pub const fn new(keys: &'static [u8], slots: &'static [u8]) -> Table {
        Table { keys, slots }
    }

    fn word(&self, row: usize, field: usize) -> u32 {
        let at = row * ROW + field * 4;
        u32::from_le_bytes(self.slots[at..at + 4].try_into().expect("4 bytes"))
    }

    /// The two payload words stored for `key`.
    pub fn get(&self, key: &str) -> Option<(u32, u32)> {
        let key = key.as_bytes();
        let slots = self.slots.len() / ROW;
        if slots == 0 || key.is_empty() || key.len() > usize::from(u16::MAX) {
            return None;
        }
        let hash = hash(key);
        let wanted = (key.len() as u32) | (u32::from(fingerprint(hash)) << 16);
        let mut slot = home_slot(hash, slots);
        loop {
            let tag = self.word(slot, 1);
            if tag == 0 {
                return None;
            }
            if tag == wanted {
                let start = self.word(slot, 0) as usize;
                if &self.keys[start..start + key.len()] == key {
                    return Some((self.word(slot, 2), self.word(slot, 3)));
                }
            }
            slot += 1;
            if slot == slots {
                slot = 0;
            }
        }
    }
}
