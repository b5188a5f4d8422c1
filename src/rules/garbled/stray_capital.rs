//! A common word capitalised in the middle of a sentence: `Many Additional flights`.
//!
//! Flags an ordinary word (an adjective, adverb, noun or verb whose
//! lowercase form is common English) written with a capital between
//! lowercase words, also in a headline written in sentence case. Proper
//! nouns are left alone: words the lexicon knows mostly as names (unless
//! the article also writes them in lowercase, they are verbs, adverbs or
//! prepositions, or an indefinite article shows they are not: `a
//! Collection of coins`), first names, calendar words, peoples and regions
//! (`Chilean`, `Western`), proper adjectives, governing bodies and offices
//! that official prose capitalises (`both Houses`, `the two Governments`),
//! words the article capitalises mid-sentence elsewhere, nouns after
//! `the`, `our` or `both` (`the Commission`; but not an ordinary noun the
//! article writes in lowercase elsewhere, after a possessive — `his
//! Client` — or after `the` when the lexicon never saw it capitalised or
//! the article, unlike older official prose, does not capitalise offices
//! after `the` and the lexicon does not know the word mostly as a name:
//! `the Company` beside `the company`, but not `the Times`),
//! and words that continue a multi-word name (`Organisation for Economic`,
//! `Google and Facebook`). Headlines in title case, labels and credits,
//! and the first word of a sentence or a quotation are not judged.
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

use super::capitals::{CapitalKind, MisplacedCapitals};
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
        for capital in &doc.analysis::<MisplacedCapitals>().0 {
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
    fn flags_ordinary_nouns_the_lexicon_has_seen_in_titles() {
        // The lexicon lists these capitalised as names too, but mostly as
        // ordinary words, or (`Inspections`) only as a singular name, which
        // a plural the article writes in lowercase elsewhere is not.
        let rule = StrayCapital::new();
        for (text, want) in [
            ("He said Investors would wait for the ruling.", "Investors"),
            (
                "Police said two People wearing masks forced the door.",
                "People",
            ),
            (
                "Both sides allowed inspections. The treaty rested on Inspections and shared data.",
                "Inspections",
            ),
        ] {
            assert_eq!(flagged(&rule, text), vec![want], "{text}");
        }
    }

    #[test]
    fn flags_ordinary_nouns_after_possessives_and_the() {
        // Written in lowercase elsewhere in the article, after a possessive
        // or, when the lexicon never saw it capitalised, after `the`.
        let rule = StrayCapital::new();
        for (text, want) in [
            (
                "The ferry company lost customers in May. Its owner said his Customers had moved to the bridge.",
                "Customers",
            ),
            (
                "The outbreak began in a school. Nurses expect more cases before the Outbreak ends in spring.",
                "Outbreak",
            ),
        ] {
            assert_eq!(flagged(&rule, text), vec![want], "{text}");
        }
    }

    #[test]
    fn after_the_in_modern_copy_an_ordinary_noun_is_no_name() {
        let rule = StrayCapital::new();
        assert_eq!(
            flagged(
                &rule,
                "The ferry company raised fares in May. Riders said the Company had not warned them."
            ),
            vec!["Company"]
        );
        // A word known mostly as a name may be a newspaper or a bank.
        assert!(
            flagged(
                &rule,
                "The Times reported the plan three times. Traders said the Fed had fed the rally."
            )
            .is_empty()
        );
        // A team is never written in lowercase in its own story.
        assert!(
            flagged(
                &rule,
                "Fans cheered as the Giants beat the Eagles on Sunday."
            )
            .is_empty()
        );
        // Older official prose capitalises nouns naming one known thing.
        assert!(
            flagged(
                &rule,
                "I commend the Treasury and the Government. The company paid, and the Company prospered."
            )
            .is_empty()
        );
    }

    #[test]
    fn flags_the_head_of_an_indefinite_phrase() {
        let rule = StrayCapital::new();
        assert_eq!(
            flagged(
                &rule,
                "The bowls belonged to a Collection of painted pottery kept in the cellar."
            ),
            vec!["Collection"]
        );
        // A name only modifies the noun after `a`.
        assert!(flagged(&rule, "She spoke to a Senate committee about the bowls.").is_empty());
    }

    #[test]
    fn a_month_after_for_is_not_part_of_a_name() {
        let rule = StrayCapital::new();
        assert_eq!(
            flagged(&rule, "The judge set Sentencing for June and released him."),
            vec!["Sentencing"]
        );
        assert!(flagged(&rule, "Crowds gathered on the Fourth of July in the park.").is_empty());
    }

    #[test]
    fn a_preposition_before_a_name_is_judged() {
        let rule = StrayCapital::new();
        assert_eq!(
            flagged(
                &rule,
                "The storm cut power to homes and shops Along the Baltic Coast on Monday."
            ),
            vec!["Along"]
        );
    }

    #[test]
    fn judges_headlines_in_sentence_case_only() {
        let rule = StrayCapital::new();
        let body = "\n\nThe court ruled on Monday that the former manager had lied to clients.\n";
        assert_eq!(
            flagged(
                &rule,
                &format!("Former manager convicted of Defrauding clients{body}")
            ),
            vec!["Defrauding"]
        );
        assert!(
            flagged(
                &rule,
                &format!("Former Manager Convicted of Defrauding Clients{body}")
            )
            .is_empty()
        );
    }

    #[test]
    fn leaves_bodies_offices_and_names_alone() {
        // Official prose capitalises governing bodies and offices; these
        // and names standing alone are no slips.
        let rule = StrayCapital::new();
        for text in [
            "The bill was sent to both Houses for a vote.",
            "A dispute between the two Governments was settled in March.",
            "He said the Senate voted against the plan.",
            "Officials said Aid to Families with Dependent Children would end.",
            "The islands elect a Delegate in the assembly every two years.",
            "The talks on Soviet debts resumed in the spring.",
            "The mission reached Watts and the harbour by noon.",
        ] {
            assert!(flagged(&rule, text).is_empty(), "{text}");
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
