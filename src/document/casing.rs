//! How the article itself capitalises its words.
//!
//! A capital letter in the middle of a sentence is judged first by the
//! article: a word it writes capitalised mid-sentence more than once (`the
//! Senate`, `Joint Harbour Board`) is a name in its house style,
//! while a word written capitalised once next to lowercase uses of the same
//! word elsewhere (`a Target of …`, `an earlier target of …`) is a slip.
//! Built once per Document, on first use ([`super::Document::casing`]).

use std::hash::BuildHasher;

use foldhash::HashMap;
use foldhash::fast::FixedState;
use hashbrown::HashTable;

use super::tokens::{Token, TokenKind};
use super::{Analysis, Document};

#[derive(Debug, Default)]
pub struct Casing {
    /// Capitalised word forms (possessive `’s` removed) seen in the middle of
    /// a sentence of the article's prose, with how often.
    capitalised: HashMap<Box<str>, u32>,
    /// Word forms written in lowercase anywhere in the article's prose.
    lowercase: WordForms,
}

impl Analysis for Casing {
    fn build(doc: &Document) -> Casing {
        let mut casing = Casing::default();
        for sentence in &doc.sentences {
            if doc.paragraphs[sentence.paragraph].kind.is_title() {
                continue;
            }
            let tokens = doc.sentence_tokens(sentence);
            for (i, token) in tokens.iter().enumerate() {
                if token.kind != TokenKind::Word {
                    continue;
                }
                let word = strip_possessive(doc.slice(token.span));
                let Some(first) = word.chars().next() else {
                    continue;
                };
                if first.is_lowercase() {
                    casing.lowercase.insert(word);
                } else if first.is_uppercase() && i > 0 && follows_word(doc, tokens, i) {
                    // Allocated once per distinct word.
                    match casing.capitalised.get_mut(word) {
                        Some(count) => *count += 1,
                        None => {
                            casing.capitalised.insert(word.into(), 1);
                        }
                    }
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
        self.capitalised
            .get(strip_possessive(word))
            .copied()
            .unwrap_or(0)
    }

    /// Does the article write this lowercase form anywhere?
    pub fn has_lowercase(&self, lower: &str) -> bool {
        self.lowercase.contains(strip_possessive(lower))
    }
}

/// A set of word forms kept back to back in one buffer: an article has
/// thousands of distinct lowercase words, and an allocation for each cost
/// more than all the lookups.
#[derive(Debug, Default)]
struct WordForms {
    text: String,
    /// Each form's range in `text`.
    ranges: HashTable<(usize, usize)>,
    hasher: FixedState,
}

impl WordForms {
    fn contains(&self, word: &str) -> bool {
        self.holds(self.hasher.hash_one(word), word)
    }

    fn holds(&self, hash: u64, word: &str) -> bool {
        let (text, word) = (self.text.as_bytes(), word.as_bytes());
        self.ranges
            .find(hash, |&(start, end)| &text[start..end] == word)
            .is_some()
    }

    fn insert(&mut self, word: &str) {
        let hash = self.hasher.hash_one(word);
        if self.holds(hash, word) {
            return;
        }
        let WordForms {
            text,
            ranges,
            hasher,
        } = self;
        let start = text.len();
        text.push_str(word);
        ranges.insert_unique(hash, (start, text.len()), |&(start, end)| {
            hasher.hash_one(&text[start..end])
        });
    }
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
