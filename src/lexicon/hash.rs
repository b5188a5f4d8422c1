//! The hash of table keys and the size of a row, shared by `build.rs`
//! (which lays the tables out) and `table.rs` (which probes them). The hash
//! is FNV-1a, 64 bits, with MurmurHash3's finaliser, since probing starts
//! from the high bits, which FNV-1a alone leaves poorly mixed for short
//! keys.

/// Bytes in a row of a table.
pub const ROW: usize = 32;

/// The longest key kept in its row; longer keys lie in the table's keys.
pub const INLINE: usize = 20;

/// FNV-1a of `key`, finalised.
pub const fn hash(key: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < key.len() {
        hash ^= key[i] as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    finalise(hash)
}

const fn finalise(mut hash: u64) -> u64 {
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    hash ^ (hash >> 33)
}

/// The slot where probing for a key with this hash starts, in a table of
/// `slots` slots (any size: the high bits of a 64×64-bit product).
pub const fn home_slot(hash: u64, slots: usize) -> usize {
    ((hash as u128 * slots as u128) >> 64) as usize
}

/// The 16 bits of the hash stored next to a key, so that most probes are
/// rejected without comparing the key.
pub const fn fingerprint(hash: u64) -> u16 {
    (hash >> 48) as u16
}
