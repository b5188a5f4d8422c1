//! A word written twice in a row: `said the the bridge would reopen`.
//!
//! Flags two identical words (in any case) separated only by spaces, such
//! as `the the` or `at at`. Doubles that English grammar allows are left
//! alone: `that that`, `had had`, `do do`, `her her` (`gave her her
//! book`), `is is` after a clause such as `what it is`, and emphatic
//! repetitions (`very very`, `no no`). A repeated number (`20 20`), a name
//! (`Walla Walla`) and words on either side of a line break in a list are
//! not flagged.
//!
//! ## Why
//! A doubled word is the commonest slip of editing and the hardest to see:
//! the eye reads what it expects. It marks copy as unproofed.
//!
//! ## Example
//! Bad: `Reed said the the bridge would reopen.`
//!
//! Good: `Reed said the bridge would reopen.`
//!
//! The fix deletes the second word.

use crate::document::{Document, Token, TokenKind};
use crate::rules::{
    Category, Finding, Fix, Fixable, Rule, RuleMeta, Settings, Severity, builtin_meta,
};
use crate::span::Span;

pub struct RepeatedWord {
    meta: RuleMeta,
}

impl RepeatedWord {
    pub fn new() -> Self {
        RepeatedWord {
            meta: builtin_meta(
                "garbled/repeated-word",
                Category::Garbled,
                Severity::Warning,
                Fixable::Always,
            ),
        }
    }
}

/// Doubles that are grammatical: `that that`, `had had`, `they do do`,
/// `gave her her book`.
const GRAMMATICAL_DOUBLES: &[&str] = &["that", "had", "do", "her"];

/// Words repeated for emphasis or as sounds, in speech and quotes.
const EMPHATIC: &[&str] = &[
    "very", "really", "so", "no", "yes", "well", "now", "there", "bye", "ha", "far", "many",
    "much", "more", "too", "oh", "please", "go", "hear", "tut", "knock", "chop", "boo", "night",
    "bang", "blah", "yada", "tick", "tsk", "ho", "la", "ah", "wow", "long", "bla", "pom", "choo",
    "yeah", "hip", "ooh", "aah", "hey", "dum", "beep",
];

/// A copula closing a subject clause: `what it is is`, `all it was was`.
const COPULAS: &[&str] = &["is", "was"];
const CLAUSE_OPENERS: &[&str] = &["what", "where", "how", "why", "who", "whatever", "all"];

impl Rule for RepeatedWord {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, _settings: &Settings, out: &mut Vec<Finding>) {
        for paragraph in &doc.paragraphs {
            let tokens = doc.paragraph_tokens(paragraph);
            // Two words of one length, a space between them, starting with
            // one letter in either case: most pairs are ruled out by this
            // test, its parts judged together and one branch taken on all.
            let may_repeat = |first: &Token, second: &Token| {
                let [a] = first.head::<1>();
                let [b] = second.head::<1>();
                (first.kind == TokenKind::Word)
                    & (second.kind == TokenKind::Word)
                    & (first.span.len() == second.span.len())
                    & second.space_before
                    & (a | 0x20 == b | 0x20)
            };
            // Each token with the one before it (`i` is the second's index),
            // read in place: neither is copied out or bounds-checked.
            let pairs = (1usize..).zip(tokens.windows(2));
            for (i, pair) in pairs.filter(|(_, pair)| may_repeat(&pair[0], &pair[1])) {
                let [first, second] = pair else {
                    unreachable!("windows of two")
                };
                if second.newline_before && !paragraph.kind.is_running_prose() {
                    continue;
                }
                // Compared as bytes before either is read as text.
                if !doc
                    .bytes(first.span)
                    .eq_ignore_ascii_case(doc.bytes(second.span))
                {
                    continue;
                }
                let word = doc.slice(first.span);
                let again = doc.slice(second.span);
                if again.starts_with(char::is_uppercase) || !word.chars().all(char::is_alphabetic) {
                    continue;
                }
                let lower = again.to_lowercase();
                if GRAMMATICAL_DOUBLES.contains(&lower.as_str())
                    || EMPHATIC.contains(&lower.as_str())
                {
                    continue;
                }
                if COPULAS.contains(&lower.as_str()) {
                    let opened = tokens[i.saturating_sub(6)..i - 1].iter().any(|t| {
                        let w = doc.slice(t.span);
                        CLAUSE_OPENERS.iter().any(|o| w.eq_ignore_ascii_case(o))
                    });
                    if opened {
                        continue;
                    }
                }
                out.push(
                    Finding::new(
                        first.span.cover(second.span),
                        format!("“{again}” is repeated"),
                    )
                    .help("delete the second one")
                    .fix(Fix::safe(Span::new(first.span.end, second.span.end), "")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::flagged;

    #[test]
    fn flags_doubled_words() {
        let rule = RepeatedWord::new();
        assert_eq!(
            flagged(&rule, "He asked the the crews to meet at at noon."),
            vec!["the the", "at at"]
        );
        assert_eq!(flagged(&rule, "The the meeting ended."), vec!["The the"]);
        assert_eq!(
            flagged(&rule, "The vote ran into the\nthe night."),
            vec!["the\nthe"]
        );
    }

    #[test]
    fn leaves_grammatical_and_emphatic_doubles_alone() {
        let rule = RepeatedWord::new();
        for text in [
            "He said that that was all.",
            "She had had enough.",
            "They do do their homework.",
            "He gave her her book back.",
            "What it is is a plan.",
            "It was very, very cold and very very late.",
            "They flew to Walla Walla and scored 20 20 times.",
        ] {
            assert!(flagged(&rule, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn fix_deletes_the_second_word() {
        let rule = RepeatedWord::new();
        let source = crate::source::Source::new(
            "t.txt",
            "He asked the the crews.".into(),
            crate::source::Format::Text,
        );
        let doc = Document::new(&source);
        let mut out = Vec::new();
        rule.check(&doc, &Settings::default(), &mut out);
        let edit = &out[0].fix.as_ref().unwrap().edits[0];
        let mut fixed = source.text.clone();
        fixed.replace_range(edit.span.start..edit.span.end, &edit.replacement);
        assert_eq!(fixed, "He asked the crews.");
    }
}
