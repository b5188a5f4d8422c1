//! A common word capitalised in the middle of a sentence: `Many Additional flights`.
//!
//! Flags an ordinary word (an adjective, adverb, noun or verb whose
//! lowercase form is common English) written with a capital between
//! lowercase words. Proper nouns are left alone: words the lexicon knows
//! as names (unless the article also writes them in lowercase, or they are
//! verbs, adverbs or prepositions), first names, calendar words, peoples and
//! regions (`Chilean`, `Western`), words the article capitalises
//! mid-sentence elsewhere, nouns after `the`, `our` or `both` (`the
//! Commission`), and words that continue a multi-word name (`Organisation
//! for Economic`, `Google and Facebook`). Titles, headings, labels and
//! credits, and the first word of a sentence or a quotation are not judged.
//!
//! ## Why
//! A capital letter tells the reader "this is a name". On a common word it
//! misleads, and it is a typical trace of machine translation or of a
//! careless edit.
//!
//! ## Example
//! Bad: `Reed cut the outlook to a Target of $8.6 billion, from an earlier target of $9.1 billion.`
//!
//! Good: `Reed cut the outlook to a target of $8.6 billion, from an earlier target of $9.1 billion.`
//!
//! The unsafe fix lowercases the word.

use super::capitals::{CapitalKind, misplaced_capitals};
use crate::document::Document;
use crate::rules::{
    Category, Finding, Fix, Fixable, Rule, RuleMeta, Settings, Severity, builtin_meta,
};

pub struct StrayCapital {
    meta: RuleMeta,
}

impl StrayCapital {
    pub fn new() -> Self {
        StrayCapital {
            meta: builtin_meta(
                "garbled/stray-capital",
                Category::Garbled,
                Severity::Warning,
                Fixable::Always,
            ),
        }
    }
}

impl Rule for StrayCapital {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, _settings: &Settings, out: &mut Vec<Finding>) {
        for capital in misplaced_capitals(doc) {
            if capital.kind != CapitalKind::Stray {
                continue;
            }
            let span = doc.tokens[capital.word].span;
            let word = doc.slice(span);
            let lower = lowercase_first(word);
            out.push(
                Finding::new(span, format!("“{word}” is capitalised in mid-sentence"))
                    .help(format!("write “{lower}” unless it is part of a name"))
                    .fix(Fix::unsafe_(span, lower)),
            );
        }
    }
}

fn lowercase_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::flagged;

    #[test]
    fn flags_capitalised_common_words() {
        let rule = StrayCapital::new();
        for (text, want) in [
            (
                "Many Additional flights to Lisbon are planned.",
                "Additional",
            ),
            (
                "She cut the outlook to a Target of $8.6 billion, from an earlier target of $9.1 billion.",
                "Target",
            ),
            (
                "“The town relied on ferries that Barely run in winter,” she said.",
                "Barely",
            ),
            (
                "The council was moving staff out of Its old offices.",
                "Its",
            ),
        ] {
            assert_eq!(flagged(&rule, text), vec![want], "{text}");
        }
    }

    #[test]
    fn leaves_proper_nouns_alone() {
        let rule = StrayCapital::new();
        for text in [
            "The group includes the Organisation for Economic Co-operation and Development.",
            "Speaking in Ottawa on Friday, the minister said the Government agreed.",
            "The Senate voted on Monday, and the Senate adjourned later.",
            "They met in May and again in March with the delegates.",
            "He thanked Grace and the staff.",
            "Additional talks resumed on Monday.",
        ] {
            assert!(flagged(&rule, text).is_empty(), "{text}");
        }
    }
}
