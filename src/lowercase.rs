//! Lowercase forms of words for lookups, without an allocation per word:
//! hot loops call these once per token, where `to_lowercase()` would
//! allocate a `String` each time.

/// Words up to this many bytes are lowercased on the stack.
const STACK_LEN: usize = 32;

/// `f(&word.to_lowercase())`, allocating only for words that are long or
/// not ASCII.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.is_ascii() {
        with_ascii_lowercase(word, f)
    } else {
        f(&word.to_lowercase())
    }
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
        ] {
            assert_eq!(with_lowercase(word, str::to_string), word.to_lowercase());
            assert_eq!(
                with_ascii_lowercase(word, str::to_string),
                word.to_ascii_lowercase()
            );
        }
    }
}
