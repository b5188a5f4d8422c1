//! Lowercase forms of words for lookups, without an allocation per word:
//! hot loops call these once per token, where `to_lowercase()` would
//! allocate a `String` each time.

/// Words up to this many bytes are lowercased on the stack.
const STACK_LEN: usize = 32;

/// `f(&word.to_lowercase())`, allocating only for long words (and words
/// with a capital sigma).
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.is_ascii() {
        return with_ascii_lowercase(word, f);
    }
    // A curly apostrophe alone makes a word non-ASCII (`don’t`, `Gorman’s`),
    // and news copy has one in every few sentences: such words are
    // lowercased on the stack too, a character at a time, as `to_lowercase`
    // lowercases every character but a capital sigma (whose form depends on
    // the letters around it).
    if word.len() > STACK_LEN || word.contains('Σ') {
        return f(&word.to_lowercase());
    }
    // A character's lowercase form takes at most half as many bytes again
    // (`İ` → `i̇`, `Ⱥ` → `ⱥ`).
    let mut buffer = [0u8; STACK_LEN * 3 / 2];
    let mut len = 0;
    for lower in word.chars().flat_map(char::to_lowercase) {
        len += lower.encode_utf8(&mut buffer[len..]).len();
    }
    f(std::str::from_utf8(&buffer[..len]).expect("characters encode as UTF-8"))
}

/// `f(&word.to_ascii_lowercase())`, allocating only for long words.
pub fn with_ascii_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    if !bytes.iter().any(u8::is_ascii_uppercase) {
        return f(word);
    }
    if bytes.len() > STACK_LEN {
        return f(&word.to_ascii_lowercase());
    }
    let mut buffer = [0u8; STACK_LEN];
    let lower = &mut buffer[..bytes.len()];
    lower.copy_from_slice(bytes);
    lower.make_ascii_lowercase();
    // Lowercasing ASCII letters keeps UTF-8 valid.
    f(std::str::from_utf8(lower).expect("ASCII lowercasing keeps UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bound the stack buffer of [`with_lowercase`] rests on.
    #[test]
    fn no_character_lowercases_to_more_than_half_as_many_bytes_again() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let lower: usize = c.to_lowercase().map(char::len_utf8).sum();
            assert!(2 * lower <= 3 * c.len_utf8(), "{c:?}");
        }
    }

    #[test]
    fn same_as_the_allocating_forms() {
        for word in [
            "",
            "said",
            "Geneva",
            "NATO",
            "Élysée",
            "İstanbul",
            "\u{212A}elvin",
            "Supercalifragilisticexpialidocious-Extraordinarily",
            "Ünter",
            "Gorman’s",
            "DON’T",
            "ǅemal",
            "ΣΟΦΟΣ",
            "ὈΔΥΣΣΕΎΣ",
            "İİİİİİİİİİİİİİİİ",
            "ȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺ",
            "ⱢⱢⱢⱢⱢⱢⱢⱢⱢⱢ",
        ] {
            assert_eq!(with_lowercase(word, str::to_string), word.to_lowercase());
            assert_eq!(
                with_ascii_lowercase(word, str::to_string),
                word.to_ascii_lowercase()
            );
        }
    }
}
