//! How the article itself capitalises its words.
//!
//! A capital letter in the middle of a sentence is judged first by the
//! article: a word it writes capitalised mid-sentence more than once (`the
//! Senate`, `Joint Harbour Board`) is a name in its house style,
//! while a word written capitalised once next to lowercase uses of the same
//! word elsewhere (`a Target of …`, `an earlier target of …`) is a slip.
//! Built once per Document, on first use ([`super::Document::casing`]).

use std::collections::HashMap;

use foldhash::fast::FixedState;

use crate::bytes::load_short;

use super::tokens::{Token, TokenKind};
use super::{Analysis, Document};

#[derive(Debug, Default)]
pub struct Casing {
    /// Capitalised word forms (possessive `’s` removed) seen in the middle of
    /// a sentence of the article's prose, with how often.
    capitalised: FormCounts,
    /// Word forms written in lowercase anywhere in the article's prose.
    lowercase: FormCounts,
}

impl Analysis for Casing {
    fn build(doc: &Document) -> Casing {
        let mut casing = Casing {
            // One token in three to one in six is a new lowercase form (more
            // in a short article): room for them from the start saves
            // growing the set several times over.
            lowercase: FormCounts::with_capacity(doc.tokens.len() / 4),
            ..Casing::default()
        };
        for sentence in &doc.sentences {
            if doc.paragraphs[sentence.paragraph].kind.is_title() {
                continue;
            }
            let tokens = doc.sentence_tokens(sentence);
            for (i, token) in tokens.iter().enumerate() {
                if token.kind != TokenKind::Word {
                    continue;
                }
                // Most words: their first character needs no decoding.
                if doc.starts_ascii_lowercase(token) {
                    casing
                        .lowercase
                        .add(strip_possessive(doc.slice(token.span)));
                    continue;
                }
                let word = strip_possessive(doc.slice(token.span));
                let Some(first) = word.chars().next() else {
                    continue;
                };
                if first.is_lowercase() {
                    casing.lowercase.add(word);
                } else if first.is_uppercase() && i > 0 && follows_word(doc, tokens, i) {
                    casing.capitalised.add(word);
                }
            }
        }
        casing
    }
}

impl Casing {
    /// How often the article writes `word` (possessive removed) capitalised
    /// in the middle of a sentence.
    pub fn capitalised_mid_sentence(&self, word: &str) -> u32 {
        self.capitalised.count(strip_possessive(word))
    }

    /// Does the article write this lowercase form anywhere?
    pub fn has_lowercase(&self, lower: &str) -> bool {
        self.lowercase.count(strip_possessive(lower)) > 0
    }
}

/// How often each word form occurs. Nearly every form is short enough to be
/// kept as a number (see [`short_key`]), hashed and compared without reading
/// the text again; the few longer ones are kept as strings.
#[derive(Debug, Default)]
struct FormCounts {
    short: HashMap<u128, u32, FixedState>,
    long: HashMap<Box<str>, u32, FixedState>,
}

impl FormCounts {
    fn with_capacity(forms: usize) -> FormCounts {
        FormCounts {
            short: HashMap::with_capacity_and_hasher(forms, FixedState::default()),
            long: HashMap::default(),
        }
    }

    fn count(&self, word: &str) -> u32 {
        let count = match short_key(word) {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        };
        count.copied().unwrap_or(0)
    }

    fn add(&mut self, word: &str) {
        let count = match short_key(word) {
            Some(key) => self.short.entry(key).or_default(),
            // Allocated once per distinct long form.
            None => match self.long.get_mut(word) {
                Some(count) => count,
                None => self.long.entry(word.into()).or_default(),
            },
        };
        *count += 1;
    }
}

/// A form of up to 15 bytes as one number: its bytes, then its length in
/// the last byte, so that no two forms share a key. (Read with a few loads,
/// not copied byte by byte: every word of the article is keyed.)
fn short_key(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    let packed = match bytes.len() {
        0..=7 => u128::from(load_short(bytes)),
        8..=15 => {
            let (first, rest) = bytes.split_first_chunk::<8>()?;
            u128::from(u64::from_le_bytes(*first)) | u128::from(load_short(rest)) << 64
        }
        _ => return None,
    };
    Some(packed | (bytes.len() as u128) << 120)
}

/// Is `tokens[i]` in the running middle of a sentence: right after a word,
/// a number or a comma, where a capital letter says "name" rather than
/// "start"? (Not after an opening quote, a colon, a dash or a bracket.)
pub fn follows_word(doc: &Document, tokens: &[Token], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| tokens[p]) else {
        return false;
    };
    match prev.kind {
        TokenKind::Word | TokenKind::Number => true,
        TokenKind::Punct => doc.slice(prev.span) == ",",
        _ => false,
    }
}

/// `Nairobi’s` → `Nairobi`; `Reporters’` → `Reporters`.
pub fn strip_possessive(word: &str) -> &str {
    // Every suffix ends in `s`, `'` or the last byte of `’`: most words are
    // told apart by their last byte.
    if !matches!(word.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
        return word;
    }
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(base) = word.strip_suffix(suffix)
            && !base.is_empty()
        {
            return base;
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use crate::document::Document;
    use crate::source::{Format, Source};

    #[test]
    fn counts_mid_sentence_capitals_and_lowercase_forms() {
        let source = Source::new(
            "t.txt",
            "Senate Talks\n\nThe Senate voted. Talks in the Senate’s chamber ended, Senate aides said. A range of views.\n"
                .into(),
            Format::Text,
        );
        let doc = Document::new(&source);
        let casing = doc.casing();
        // Sentence-initial and headline capitals do not count.
        assert_eq!(casing.capitalised_mid_sentence("Senate"), 3);
        assert_eq!(casing.capitalised_mid_sentence("Talks"), 0);
        assert_eq!(casing.capitalised_mid_sentence("The"), 0);
        assert!(casing.has_lowercase("range"));
        assert!(!casing.has_lowercase("senate"));
    }

    #[test]
    fn short_and_long_forms_are_told_apart() {
        use super::FormCounts;
        let mut counts = FormCounts::default();
        for word in [
            "ab",
            "abc",
            "ab",
            "parliament",
            "parliamentarian",
            "intergovernmental",
            "intergovernmentally",
            "über",
        ] {
            counts.add(word);
        }
        for (form, count) in [
            ("ab", 2),
            ("abc", 1),
            ("a", 0),
            ("parliament", 1),
            ("parliamentarian", 1),
            ("parliamentary", 0),
            ("parliamen", 0),
            ("intergovernmental", 1),
            ("intergovernmentally", 1),
            ("intergovernmentalism", 0),
            ("über", 1),
            ("uber", 0),
        ] {
            assert_eq!(counts.count(form), count, "{form}");
        }
    }

    #[test]
    fn possessives_are_stripped_with_either_apostrophe() {
        use super::strip_possessive;
        assert_eq!(strip_possessive("Nairobi’s"), "Nairobi");
        assert_eq!(strip_possessive("Nairobi's"), "Nairobi");
        assert_eq!(strip_possessive("Reporters’"), "Reporters");
        assert_eq!(strip_possessive("Reporters'"), "Reporters");
        assert_eq!(strip_possessive("news"), "news");
        assert_eq!(strip_possessive("’s"), "’s");
        assert_eq!(strip_possessive("Senate"), "Senate");
    }
}
