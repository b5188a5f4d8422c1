//! Parts of speech from the Brill tagger's lexicon (npm `en-lexicon`, MIT;
//! `rules/lexicon/`). Lookups are case-sensitive, as the lexicon is: `US`
//! and `us`, `Monday` and `monday` are different entries.

use super::table::{Table, embedded_table};
use crate::lowercase::with_lowercase;

static TABLE: Table = embedded_table!("pos");

/// Penn Treebank tags, in the order `build.rs` numbers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Tag {
    NN,
    NNS,
    NNP,
    NNPS,
    VB,
    VBD,
    VBG,
    VBN,
    VBP,
    VBZ,
    JJ,
    JJR,
    JJS,
    RB,
    RBR,
    RBS,
    DT,
    PDT,
    PRP,
    PRPS,
    WP,
    WPS,
    WDT,
    WRB,
    IN,
    CC,
    CD,
    MD,
    TO,
    EX,
    FW,
    UH,
    RP,
    LS,
    SYM,
    POS,
    EM,
    Punct,
}

const TAGS: [Tag; 38] = [
    Tag::NN,
    Tag::NNS,
    Tag::NNP,
    Tag::NNPS,
    Tag::VB,
    Tag::VBD,
    Tag::VBG,
    Tag::VBN,
    Tag::VBP,
    Tag::VBZ,
    Tag::JJ,
    Tag::JJR,
    Tag::JJS,
    Tag::RB,
    Tag::RBR,
    Tag::RBS,
    Tag::DT,
    Tag::PDT,
    Tag::PRP,
    Tag::PRPS,
    Tag::WP,
    Tag::WPS,
    Tag::WDT,
    Tag::WRB,
    Tag::IN,
    Tag::CC,
    Tag::CD,
    Tag::MD,
    Tag::TO,
    Tag::EX,
    Tag::FW,
    Tag::UH,
    Tag::RP,
    Tag::LS,
    Tag::SYM,
    Tag::POS,
    Tag::EM,
    Tag::Punct,
];

impl Tag {
    /// A verb form that can head a clause by itself (not an infinitive or
    /// participle): `said`, `is`, `focuses`.
    pub fn is_finite_verb(self) -> bool {
        matches!(self, Tag::VBD | Tag::VBP | Tag::VBZ | Tag::MD)
    }

    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ | Tag::MD
        )
    }

    pub fn is_noun(self) -> bool {
        matches!(self, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS)
    }

    pub fn is_proper_noun(self) -> bool {
        matches!(self, Tag::NNP | Tag::NNPS)
    }
}

/// A word's tags: the most frequent first, and the set of all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub primary: Tag,
    mask: u64,
}

impl Entry {
    pub fn has(self, tag: Tag) -> bool {
        self.mask & (1 << tag as u8) != 0
    }

    pub fn any(self, test: impl Fn(Tag) -> bool) -> bool {
        TAGS.iter().any(|&t| self.has(t) && test(t))
    }
}

/// The word's entry, exactly as written.
pub fn lookup(word: &str) -> Option<Entry> {
    let (low, high) = TABLE.get(word)?;
    let mask = u64::from(low) | (u64::from(high & 0xff_ffff) << 32);
    Some(Entry {
        primary: TAGS[(high >> 24) as usize],
        mask,
    })
}

/// The entry of the word as written, else of its lowercase form (for a
/// capitalised word at the start of a sentence).
pub fn lookup_any_case(word: &str) -> Option<Entry> {
    lookup(word).or_else(|| {
        with_lowercase(word, |lower| {
            (lower != word).then(|| lookup(lower)).flatten()
        })
    })
}

/// Is the lowercase form of this word an ordinary English word (not only a
/// proper noun)? `Some` → yes; `Nairobi` → no.
pub fn is_common_word(word: &str) -> bool {
    with_lowercase(word, lookup).is_some_and(|e| !e.primary.is_proper_noun())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_are_case_sensitive_with_a_fallback() {
        assert_eq!(lookup("said").unwrap().primary, Tag::VBD);
        assert_eq!(lookup("Nairobi").unwrap().primary, Tag::NNP);
        assert!(lookup("attack").unwrap().has(Tag::VB));
        assert_eq!(lookup_any_case("Those").unwrap().primary, Tag::DT);
        assert!(lookup("zzzqx").is_none());
        assert!(is_common_word("Additional"));
        assert!(!is_common_word("Nairobi"));
    }
}
