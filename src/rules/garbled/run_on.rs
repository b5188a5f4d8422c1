//! A sentence that runs into the next without its full stop: `held in Nairobi Some delegates were…`.
//!
//! Flags a capitalised word that normally opens a sentence — a subject
//! pronoun (`He`, `They`), a determiner (`The`, `Some`, `Those`), a
//! conjunction or sentence adverb (`But`, `However`), or a plural noun
//! followed by its verb (`Analysts had expected`) — in the middle of a
//! sentence, right after a word a clause can end on. The finding covers the
//! two words on either side of the lost boundary.
//!
//! Names are left alone: a capitalised word after another capitalised word
//! is flagged only when it can never continue a name (`Nairobi Some`, not
//! `Joint Harbour Board`); abbreviations (`U.S. Capitol`), titles,
//! headlines, captions' labels and credits, and quotations (the speaker's
//! words) are not judged.
//!
//! ## Why
//! A lost full stop welds two sentences into one that no longer parses. It
//! is the usual scar of text pasted between systems or machine-translated,
//! and readers stumble over it at once.
//!
//! ## Example
//! Bad: `Sales rose to $2.4 billion Analysts had forecast $2.2 billion.`
//!
//! Good: `Sales rose to $2.4 billion. Analysts had forecast $2.2 billion.`
//!
//! The unsafe fix inserts the full stop.

use super::capitals::{CapitalKind, MisplacedCapitals};
use crate::document::Document;
use crate::rules::{
    Category, Finding, Fix, Fixable, Rule, RuleMeta, Settings, Severity, builtin_meta,
};
use crate::span::Span;

pub struct RunOn {
    meta: RuleMeta,
}

impl RunOn {
    pub fn new() -> Self {
        RunOn {
            meta: builtin_meta(
                "garbled/run-on",
                Category::Garbled,
                Severity::Warning,
                Fixable::Always,
            ),
        }
    }
}

impl Rule for RunOn {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, _settings: &Settings, out: &mut Vec<Finding>) {
        for capital in &doc.analysis::<MisplacedCapitals>().0 {
            if capital.kind != CapitalKind::RunOn {
                continue;
            }
            let previous = doc.tokens[capital.previous].span;
            let word = doc.tokens[capital.word].span;
            out.push(
                Finding::new(
                    previous.cover(word),
                    format!(
                        "“{}” seems to start a new sentence: a full stop is missing before it",
                        doc.slice(word)
                    ),
                )
                .help("end the sentence before the capitalised word")
                .fix(Fix::unsafe_(Span::new(previous.end, previous.end), ".")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::flagged;

    #[test]
    fn flags_lost_sentence_boundaries() {
        let rule = RunOn::new();
        for (text, want) in [
            (
                "They gathered for a summit in Nairobi Some delegates were absent.",
                "Nairobi Some",
            ),
            (
                "Sales rose to $2.4 billion Analysts had forecast about $2.2 billion.",
                "billion Analysts",
            ),
            (
                "The crew had left by the time inspectors arrived He said they had checked the pumps.",
                "arrived He",
            ),
            (
                "A notice was posted at 5:45 p.m. on Friday The notice said more repairs would follow.",
                "Friday The",
            ),
            (
                "The committee will meet again Thursday Officials expect a long session.",
                "Thursday Officials",
            ),
            (
                "The fund reported gains during the market slump An FBI agent said the books were false.",
                "slump An",
            ),
            (
                "The award is the largest the college has won for farm research The 9 new staff start in May.",
                "research The",
            ),
            (
                // The lexicon knows `Winds` only inside a longer title, and
                // the article writes `winds` in lowercase.
                "Strong winds fanned it. Its origin remains under review Winds pushed the fire east overnight.",
                "review Winds",
            ),
        ] {
            assert_eq!(flagged(&rule, text), vec![want], "{text}");
        }
    }

    #[test]
    fn two_lost_stops_before_he_are_both_found() {
        let rule = RunOn::new();
        assert_eq!(
            flagged(
                &rule,
                "The crew had left when inspectors arrived He said so. The pumps were serviced by the trade He added."
            ),
            vec!["arrived He", "trade He"]
        );
    }

    #[test]
    fn leaves_names_titles_and_quotes_alone() {
        let rule = RunOn::new();
        for text in [
            "The dispute went to a body called Joint Harbour Board, which ruled.",
            "Shares trade on the London Stock Exchange as BKT.",
            "She spoke outside the U.S. Capitol on Monday.",
            "He met Deputy Secretary of State Nora Gorman in Nairobi.",
            "“We came to talk They did not,” she said of the meeting.",
            "The film Gone With the Wind played in Atlanta.",
            "Officials said Air Force One landed in Nairobi on Monday.",
            "They read The Washington Post every day.",
            "The Sunday Times reported the deal on Monday.",
            "She reads The FT column every week.",
        ] {
            assert!(flagged(&rule, text).is_empty(), "{text}");
        }
    }
}
