//! How the article itself capitalises its words.
//!
//! A capital letter in the middle of a sentence is judged first by the
//! article: a word it writes capitalised mid-sentence more than once (`the
//! Senate`, `Joint Harbour Board`) is a name in its house style,
//! while a word written capitalised once next to lowercase uses of the same
//! word elsewhere (`a Target of …`, `an earlier target of …`) is a slip.
//! Built once per Document, on first use ([`super::Document::casing`]).
//! The capitals are counted then; whether a form is written in lowercase is
//! asked of few forms, so it is searched for in the text when asked.

use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use foldhash::fast::FixedState;

use crate::bytes::load_short;

use super::tokens::{Token, TokenKind};
use super::{Analysis, Document, Sentence};

/// How many lowercase forms are looked for in the text itself before all of
/// them are counted at once. Each search reads the whole text, at a small
/// part of the cost of counting every word: most articles ask about a few
/// forms, and an article that asks about many pays for one count, not for
/// a search per form.
const SEARCHES_BEFORE_COUNTING: usize = 32;

#[derive(Debug, Default)]
pub struct Casing {
    /// Capitalised word forms (possessive `’s` removed) seen in the middle of
    /// a sentence of the article's prose, with how often.
    capitalised: FormCounts,
    /// How many lowercase forms have been searched for.
    searches: AtomicUsize,
    /// Every word form written in lowercase anywhere in the article's prose,
    /// counted once the searches are used up.
    lowercase: OnceLock<FormCounts>,
}

impl Analysis for Casing {
    fn build(doc: &Document) -> Casing {
        // About one capital or number in four is a new capitalised form
        // mid-sentence: room for them from the start saves growing the set
        // several times over.
        let indexed = doc.capitals_and_numbers(0..doc.tokens.len()).len();
        let mut capitalised = FormCounts::with_capacity(indexed / 4);
        for sentence in prose_sentences(doc) {
            let tokens = doc.sentence_tokens(sentence);
            let start = sentence.tokens.start;
            for i in doc
                .capitals_and_numbers(sentence.tokens.clone())
                .map(|i| i - start)
            {
                let token = tokens[i];
                if token.kind != TokenKind::Word {
                    continue;
                }
                if token.starts_uppercase(&doc.text) && i > 0 && follows_word(doc, tokens, i) {
                    capitalised.add(strip_possessive(doc.slice(token.span)));
                }
            }
        }
        Casing {
            capitalised,
            ..Casing::default()
        }
    }
}

impl Casing {
    /// How often the article writes `word` (possessive removed) capitalised
    /// in the middle of a sentence.
    pub fn capitalised_mid_sentence(&self, word: &str) -> u32 {
        self.capitalised.count(strip_possessive(word))
    }

    /// Does the article (`doc`, the Document this was built from) write this
    /// lowercase form anywhere in its prose?
    pub fn has_lowercase(&self, doc: &Document, lower: &str) -> bool {
        let form = strip_possessive(lower);
        if let Some(lowercase) = self.lowercase.get() {
            return lowercase.count(form) > 0;
        }
        if self.searches.fetch_add(1, Ordering::Relaxed) < SEARCHES_BEFORE_COUNTING {
            return written_in_lowercase(doc, form);
        }
        let lowercase = self.lowercase.get_or_init(|| count_lowercase(doc));
        lowercase.count(form) > 0
    }
}

/// The sentences of the article's prose (not its headlines).
fn prose_sentences<'d>(doc: &'d Document) -> impl Iterator<Item = &'d Sentence> + 'd {
    doc.sentences
        .iter()
        .filter(|sentence| !doc.paragraphs[sentence.paragraph].kind.is_title())
}

/// Whether a word of the article's prose is written in lowercase and, its
/// possessive removed, is `form`: such a word starts with `form`, so it is
/// found where the text has `form`.
fn written_in_lowercase(doc: &Document, form: &str) -> bool {
    if !form.starts_with(char::is_lowercase) {
        return false;
    }
    let text = doc.text.as_bytes();
    let finder = memchr::memmem::Finder::new(form);
    let mut from = 0;
    // Every occurrence, overlapping ones too: a word may start inside
    // another occurrence.
    while let Some(found) = finder.find(&text[from..]) {
        let at = from + found;
        let index = doc.tokens.partition_point(|t| t.span.start < at);
        let is_form = doc.tokens.get(index).is_some_and(|token| {
            token.span.start == at
                && token.kind == TokenKind::Word
                && strip_possessive(doc.slice(token.span)) == form
        });
        let in_prose = || {
            doc.sentence_of_token(index)
                .is_some_and(|s| !doc.paragraphs[doc.sentences[s].paragraph].kind.is_title())
        };
        if is_form && in_prose() {
            return true;
        }
        from = at + 1;
    }
    false
}

/// Every word form the article's prose writes in lowercase.
fn count_lowercase(doc: &Document) -> FormCounts {
    // One token in three to one in six is a new lowercase form (more in a
    // short article): room for them from the start saves growing the set
    // several times over.
    let mut lowercase = FormCounts::with_capacity(doc.tokens.len() / 4);
    for sentence in prose_sentences(doc) {
        for token in doc.sentence_tokens(sentence) {
            if token.kind != TokenKind::Word {
                continue;
            }
            if token.starts_lowercase(&doc.text) {
                lowercase.add(strip_possessive(doc.slice(token.span)));
            }
        }
    }
    lowercase
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
        assert!(casing.has_lowercase(&doc, "range"));
        assert!(!casing.has_lowercase(&doc, "senate"));
    }

    #[test]
    fn a_search_finds_the_lowercase_forms_a_count_finds() {
        use super::{count_lowercase, written_in_lowercase};
        let source = Source::new(
            "t.txt",
            "Talks Resume\n\nThe talks’ end came in talks. Über über alles, aaa aa; \
             the boss's car and the bosses’ cars, SENATE senate.\n"
                .into(),
            Format::Text,
        );
        let doc = Document::new(&source);
        let counted = count_lowercase(&doc);
        let mut forms: Vec<String> = doc
            .tokens
            .iter()
            .map(|t| doc.slice(t.span).to_lowercase())
            .collect();
        forms.extend(["resume", "a", "bos", "boss", "bosses", "über", "alles’"].map(String::from));
        for form in &forms {
            let form = super::strip_possessive(form);
            assert_eq!(
                written_in_lowercase(&doc, form),
                counted.count(form) > 0,
                "{form}"
            );
        }
        // Headline words are not prose.
        assert!(!written_in_lowercase(&doc, "resume"));
        assert!(written_in_lowercase(&doc, "aa"));
        // Past the searches, the count answers alike.
        let casing = doc.casing();
        for form in forms
            .iter()
            .cycle()
            .take(3 * super::SEARCHES_BEFORE_COUNTING)
        {
            let form = super::strip_possessive(form);
            assert_eq!(
                casing.has_lowercase(&doc, form),
                counted.count(form) > 0,
                "{form}"
            );
        }
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
