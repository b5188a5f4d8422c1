//! Sentence punctuation glued to the next word: `road.officials`.
//!
//! Flags a full stop, question mark, exclamation mark, comma or semicolon
//! (and any closing quote after it) with a word on both sides and no space
//! after it. Abbreviations (`U.S.`, `a.m.`), decimals (`3.8`), URLs, e-mail
//! addresses, domains (`Amazon.com`) and file names (`report.pdf`) are single
//! words to galley and are never flagged.
//!
//! ## Why
//! A lost space after a full stop is the commonest scar of copy pasted
//! between systems or run through machine translation, and it hides a
//! sentence boundary from the reader and from every other check.
//!
//! ## Example
//! Bad: `The crews cleared the road.officials said nothing.`
//!
//! Good: `The crews cleared the road. Officials said nothing.`
//!
//! The fix inserts the space and, after a full stop, question or
//! exclamation mark, capitalises the next word.

use crate::document::{Document, TokenKind};
use crate::rules::{
    Category, Finding, Fix, Fixable, Rule, RuleMeta, Settings, Severity, builtin_meta,
};
use crate::span::Span;

pub struct MissingSpace {
    meta: RuleMeta,
}

impl MissingSpace {
    pub fn new() -> Self {
        MissingSpace {
            meta: builtin_meta(
                "garbled/missing-space",
                Category::Garbled,
                Severity::Warning,
                Fixable::Always,
            ),
        }
    }
}

/// A word that can sit on either side of a lost space: two letters or more,
/// so initials (`K.`) and list letters (`a.`) stay out.
fn is_plain_word(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && word.starts_with(char::is_alphabetic)
}

impl Rule for MissingSpace {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, _settings: &Settings, out: &mut Vec<Finding>) {
        for paragraph in &doc.paragraphs {
            let tokens = doc.paragraph_tokens(paragraph);
            // A mark glued to the token before it and to the one after:
            // most marks have a space after them.
            let first = paragraph.tokens.start;
            let glued_marks = doc
                .marks(paragraph.tokens.clone())
                .map(|m| m - first)
                .filter(|&i| {
                    !tokens[i].space_before & tokens.get(i + 1).is_some_and(|t| !t.space_before)
                });
            for i in glued_marks {
                let mark = &tokens[i];
                let text = doc.slice(mark.span);
                let ends_sentence = matches!(text, "." | "?" | "!");
                if !(ends_sentence || matches!(text, "," | ";")) {
                    continue;
                }
                let Some(before) = i.checked_sub(1).map(|b| tokens[b]) else {
                    continue;
                };
                // Closing quotes and brackets may sit between the mark and the word.
                let mut after = i + 1;
                while after < tokens.len()
                    && !tokens[after].space_before
                    && matches!(doc.slice(tokens[after].span), "”" | "’" | ")" | "]")
                {
                    after += 1;
                }
                let Some(next) = tokens.get(after) else {
                    continue;
                };
                if next.space_before
                    || before.kind != TokenKind::Word
                    || next.kind != TokenKind::Word
                    || !is_plain_word(doc.slice(before.span))
                    || !is_plain_word(doc.slice(next.span))
                {
                    continue;
                }
                // `&quot;National`: an HTML character reference left in
                // the text, not a lost space.
                if text == ";" && doc.text[..before.span.start].ends_with(['&', '#']) {
                    continue;
                }
                let next_word = doc.slice(next.span);
                let replacement = if ends_sentence {
                    capitalise(next_word)
                } else {
                    next_word.to_string()
                };
                let glued = before.span.cover(next.span);
                let insert_at = tokens[after - 1].span.end;
                out.push(
                    Finding::new(
                        glued,
                        format!("missing space after “{text}” in “{}”", doc.slice(glued)),
                    )
                    .help("put a space after the punctuation mark")
                    .fix(Fix::safe(
                        Span::new(insert_at, next.span.end),
                        format!(" {replacement}"),
                    )),
                );
            }
        }
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::flagged;

    #[test]
    fn flags_glued_sentence_punctuation() {
        let rule = MissingSpace::new();
        assert_eq!(
            flagged(&rule, "They cleared the road.officials left."),
            vec!["road.officials"]
        );
        assert_eq!(
            flagged(&rule, "He left last month.asked why, he laughed."),
            vec!["month.asked"]
        );
        assert_eq!(
            flagged(&rule, "It ended,” she said.”Then we left."),
            vec!["said.”Then"]
        );
        assert_eq!(flagged(&rule, "We talked,then left."), vec!["talked,then"]);
    }

    #[test]
    fn leaves_abbreviations_numbers_and_addresses_alone() {
        let rule = MissingSpace::new();
        for text in [
            "The U.S. plan at 6 p.m. cost $3.8 billion.",
            "See Amazon.com, www.example.org and report.pdf today.",
            "Write to jane.doe@example.com now.",
            "Anna J. Whitley met Ph.D. students and J.R.R. Tolkien fans.",
            "Scores were 3,500 and 1.5 and 6:30.",
            // HTML character references left in exported copy.
            "The &quot;National Guard&quot; and 1900&mdash;better still&#8212;now.",
        ] {
            assert!(flagged(&rule, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn fix_inserts_the_space_and_capitalises() {
        let rule = MissingSpace::new();
        let source = crate::source::Source::new(
            "t.txt",
            "The road.officials left.".into(),
            crate::source::Format::Text,
        );
        let doc = Document::new(&source);
        let mut out = Vec::new();
        rule.check(&doc, &Settings::default(), &mut out);
        let edit = &out[0].fix.as_ref().unwrap().edits[0];
        assert_eq!(edit.replacement, " Officials");
        assert_eq!(&source.text[edit.span.start..edit.span.end], "officials");
    }
}
