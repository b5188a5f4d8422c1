//! Reading a few bytes as one number, for tests that take a word's bytes
//! eight at a time (hashing, keying, classifying) rather than one by one.

/// Up to seven bytes as a little-endian number, zero-padded, read with
/// two overlapping loads rather than byte by byte.
pub fn load_short(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    if len >= 4 {
        let low = u32::from_le_bytes(bytes[..4].try_into().expect("4 bytes"));
        let high = u32::from_le_bytes(bytes[len - 4..].try_into().expect("4 bytes"));
        u64::from(low) | (u64::from(high) << ((len - 4) * 8))
    } else {
        bytes
            .iter()
            .rev()
            .fold(0, |x, &byte| (x << 8) | u64::from(byte))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_are_read_as_if_zero_padded_to_eight() {
        let text = b"abcdefg";
        for len in 0..=text.len() {
            let mut padded = [0u8; 8];
            padded[..len].copy_from_slice(&text[..len]);
            assert_eq!(
                load_short(&text[..len]),
                u64::from_le_bytes(padded),
                "{len}"
            );
        }
    }
}
