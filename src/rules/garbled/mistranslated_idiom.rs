//! A foreign idiom translated word for word: `he has tomatoes on his eyes`.
//!
//! Flags well-known literal calques of German, French, Russian, Spanish and
//! Italian idioms that make no sense in English (`tomatoes on the eyes` for
//! *blind to the obvious*, `hang noodles on the ears` for *pull someone's
//! leg*), and names the English idiom meant. The list is
//! short on purpose: only phrases no English writer would use.
//!
//! ## Why
//! Machine translation and hurried translators carry idioms over literally.
//! The result reads as nonsense, or worse, as a quotation that the source
//! never said.
//!
//! ## Example
//! Bad: `The ministry has tomatoes on its eyes about the shortages.`
//!
//! Good: `The ministry is blind to the shortages.`

use crate::document::{Document, TokenKind};
use crate::rules::{Category, Finding, Fixable, Rule, RuleMeta, Settings, Severity, builtin_meta};

pub struct MistranslatedIdiom {
    meta: RuleMeta,
}

impl MistranslatedIdiom {
    pub fn new() -> Self {
        MistranslatedIdiom {
            meta: builtin_meta(
                "garbled/mistranslated-idiom",
                Category::Garbled,
                Severity::Warning,
                Fixable::Never,
            ),
        }
    }
}

/// A calque: its key words in order (each a set of accepted forms), and the
/// English idiom it stands for. Words between the key words are allowed
/// (up to [`MAX_GAP`]), so articles and inflections vary freely.
struct Calque {
    words: &'static [&'static [&'static str]],
    meaning: &'static str,
}

/// At most this many other words between two key words of a calque (no
/// punctuation at all).
const MAX_GAP: usize = 2;

const CALQUES: &[Calque] = &[
    // German
    Calque {
        words: &[&["tomatoes"], &["on"], &["eyes"]],
        meaning: "be blind to what is obvious",
    },
    Calque {
        words: &[&["not"], &["my"], &["beer"]],
        meaning: "not my business",
    },
    Calque {
        words: &[
            &["understand", "understood", "understands"],
            &["only"],
            &["train", "railway"],
            &["station"],
        ],
        meaning: "it's all Greek to me",
    },
    Calque {
        words: &[
            &["all", "everything"],
            &["sausage"],
            &["to"],
            &["me", "him", "her", "them", "us"],
        ],
        meaning: "I couldn't care less",
    },
    Calque {
        words: &[&["everything", "all"], &["in"], &["butter"]],
        meaning: "everything is fine",
    },
    Calque {
        words: &[
            &["throw", "threw", "thrown", "throwing", "throws"],
            &["rifle", "shotgun", "gun"],
            &["into"],
            &["grain", "corn"],
        ],
        meaning: "throw in the towel",
    },
    Calque {
        words: &[&["latin"], &["at"], &["end"]],
        meaning: "at one's wits' end",
    },
    Calque {
        words: &[
            &["buy", "bought", "buying", "buys"],
            &["cat"],
            &["in"],
            &["sack", "bag"],
        ],
        meaning: "buy a pig in a poke",
    },
    // French
    Calque {
        words: &[&["other"], &["cats"], &["to"], &["whip", "lash"]],
        meaning: "other fish to fry",
    },
    Calque {
        words: &[
            &["when"],
            &["hens", "chickens"],
            &["have", "grow"],
            &["teeth"],
        ],
        meaning: "when pigs fly",
    },
    Calque {
        words: &[&["cost", "costs", "costing"], &["eyes"], &["of"], &["head"]],
        meaning: "cost an arm and a leg",
    },
    Calque {
        words: &[&["habit"], &["does", "doesn't"], &["make"], &["monk"]],
        meaning: "don't judge a book by its cover",
    },
    Calque {
        words: &[&["not"], &["sea"], &["to"], &["drink"]],
        meaning: "it's not that hard",
    },
    Calque {
        words: &[&["posed", "pose", "poses", "posing"], &["rabbit"]],
        meaning: "stood someone up",
    },
    Calque {
        words: &[
            &["fell", "fall", "falls", "falling", "fallen"],
            &["in", "into"],
            &["apples"],
        ],
        meaning: "fainted",
    },
    // Russian
    Calque {
        words: &[
            &["hang", "hangs", "hanging", "hung"],
            &["noodles"],
            &["on"],
            &["ears"],
        ],
        meaning: "pull someone's leg",
    },
    Calque {
        words: &[
            &["where"],
            &["crayfish", "crawfish", "crabs"],
            &["spend", "spends"],
            &["winter"],
        ],
        meaning: "teach someone a lesson",
    },
    Calque {
        words: &[&["after"], &["rain"], &["on"], &["thursday"]],
        meaning: "when pigs fly",
    },
    // Spanish
    Calque {
        words: &[
            &["ask", "asked", "asking", "asks"],
            &["pears"],
            &["from", "of"],
            &["elm"],
        ],
        meaning: "ask for the impossible",
    },
    Calque {
        words: &[&["no"], &["hairs", "hair"], &["on"], &["tongue"]],
        meaning: "not mince words",
    },
    Calque {
        words: &[&["gave", "give", "gives", "giving", "given"], &["pumpkins"]],
        meaning: "turned someone down",
    },
    // Italian
    Calque {
        words: &[&["salami"], &["on"], &["eyes"]],
        meaning: "be blind to what is obvious",
    },
];

impl Rule for MistranslatedIdiom {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, _settings: &Settings, out: &mut Vec<Finding>) {
        for sentence in &doc.sentences {
            let tokens = doc.sentence_tokens(sentence);
            let is = |i: usize, forms: &[&str]| {
                let token = tokens[i];
                let word = doc.slice(token.span);
                token.kind == TokenKind::Word && forms.iter().any(|f| word.eq_ignore_ascii_case(f))
            };
            // The next key word after `at`, over at most MAX_GAP words and
            // no punctuation.
            let find_next = |at: usize, forms: &[&str]| {
                (at + 1..tokens.len())
                    .take(MAX_GAP + 1)
                    .take_while(|&j| tokens[j].kind == TokenKind::Word)
                    .find(|&j| is(j, forms))
            };
            for calque in CALQUES {
                let (first, rest) = calque.words.split_first().expect("a calque has words");
                let found = (0..tokens.len())
                    .filter(|&i| is(i, first))
                    .find_map(|start| {
                        let mut at = start;
                        for forms in rest {
                            at = find_next(at, forms)?;
                        }
                        Some(tokens[start].span.cover(tokens[at].span))
                    });
                if let Some(span) = found {
                    out.push(
                        Finding::new(
                            span,
                            format!(
                                "“{}” is a word-for-word translation of a foreign idiom",
                                doc.slice(span)
                            ),
                        )
                        .help(format!("in English: “{}”", calque.meaning)),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::flagged;

    #[test]
    fn flags_literal_calques() {
        let rule = MistranslatedIdiom::new();
        assert_eq!(
            flagged(
                &rule,
                "The ministry has tomatoes on its eyes about the shortages."
            ),
            vec!["tomatoes on its eyes"]
        );
        assert_eq!(
            flagged(&rule, "He said they were hanging noodles on our ears."),
            vec!["hanging noodles on our ears"]
        );
    }

    #[test]
    fn leaves_ordinary_english_alone() {
        let rule = MistranslatedIdiom::new();
        for text in [
            "The cat slept in a basket by the stove.",
            "It is not my problem, and beer sales rose.",
            "They pulled our leg about the budget.",
            "The rain fell on Thursday after a dry week.",
            "They threw in the towel after the vote.",
        ] {
            assert!(flagged(&rule, text).is_empty(), "{text}");
        }
    }
}
