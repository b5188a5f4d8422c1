//! A common word capitalised in the middle of a sentence: `Many Diplomatic engagements`.
//!
//! Flags an ordinary word (an adjective, adverb, noun or verb whose
//! lowercase form is common English) written with a capital between
//! lowercase words. Proper nouns are left alone: words the lexicon knows
//! as names (unless the article also writes them in lowercase, or they are
//! verbs, adverbs or prepositions), first names, calendar words, peoples and
//! regions (`Chilean`, `Western`), words the article capitalises
//! mid-sentence elsewhere, nouns after `the`, `our` or `both` (`the
//! Commission`), and words that continue a multi-word name (`Organization
//! for Security`, `Google and Facebook`). Titles, headings, labels and
//! credits, and the first word of a sentence or a quotation are not judged.
//!
//! ## Why
//! A capital letter tells the reader "this is a name". On a common word it
//! misleads, and it is a typical trace of machine translation or of a
//! careless edit.
//!
//! ## Example
//! Bad: `Osei raised the forecast to a Range of $14.9 billion to $15.1 billion.`
//!
//! Good: `Osei raised the forecast to a range of $14.9 billion to $15.1 billion.`
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
                "Many Diplomatic engagements with Russia are scheduled.",
                "Diplomatic",
            ),
            (
                "He raised the forecast to a Range of $14.9 billion, from a previous range of $14.5 billion.",
                "Range",
            ),
            (
                "“The system depended on exchanges that Simply no longer exist,” he said.",
                "Simply",
            ),
            (
                "Companies were moving data out of Their own server rooms.",
                "Their",
            ),
        ] {
            assert_eq!(flagged(&rule, text), vec![want], "{text}");
        }
    }

    #[test]
    fn leaves_proper_nouns_alone() {
        let rule = StrayCapital::new();
        for text in [
            "The group includes the Organization for Security and Co-operation in Europe.",
            "Speaking to the Pentagon on Monday, the spokesman said the Government agreed.",
            "The Senate voted on Monday, and the Senate adjourned later.",
            "They met in May and again in March with the delegates.",
            "He thanked Grace and the staff.",
            "Diplomatic talks resumed on Monday.",
        ] {
            assert!(flagged(&rule, text).is_empty(), "{text}");
        }
    }
}
