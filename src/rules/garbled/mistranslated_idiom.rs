//! A foreign idiom translated word for word: `he has tomatoes on his eyes`.
//!
//! Flags well-known literal calques of German, French, Russian, Spanish,
//! Italian, Dutch, Swedish, Chinese and Japanese idioms that make no sense
//! in English (`tomatoes on the eyes` for *blind to the obvious*, `hang
//! noodles on the ears` for *pull someone's leg*, `raining ropes` for
//! *raining cats and dogs*), and names the English idiom meant. The list
//! holds only phrases no English writer would use.
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

use std::sync::OnceLock;

use crate::document::{Document, TokenKind};
use crate::entities::words::is_function_word;
use crate::lexicon::{Shapes, WordSet};
use crate::rules::{Category, Finding, Fixable, Rule, RuleMeta, Settings, Severity, builtin_meta};
use crate::span::Span;

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
    Calque {
        words: &[
            &["bite", "bites", "bit", "biting", "bitten"],
            &["into", "in"],
            &["sour"],
            &["apple"],
        ],
        meaning: "bite the bullet",
    },
    Calque {
        words: &[
            &["elephant"],
            &["of", "from"],
            &["fly", "mosquito", "gnat", "midge"],
        ],
        meaning: "make a mountain out of a molehill",
    },
    Calque {
        words: &[&["mosquito", "gnat", "midge"], &["into"], &["elephant"]],
        meaning: "make a mountain out of a molehill",
    },
    Calque {
        words: &[&["lies", "lay"], &["dog"], &["buried"]],
        meaning: "that is the crux of the matter",
    },
    Calque {
        words: &[
            &["paint", "paints", "painted", "painting"],
            &["devil"],
            &["on"],
            &["wall"],
        ],
        meaning: "tempt fate",
    },
    Calque {
        words: &[&["like"], &["god"], &["in"], &["france"]],
        meaning: "live in clover",
    },
    Calque {
        words: &[&["chicken", "hen"], &["to"], &["pluck"]],
        meaning: "have a bone to pick",
    },
    Calque {
        words: &[
            &["apple"],
            &["fall", "falls", "fell"],
            &["far"],
            &["trunk", "stem", "stump"],
        ],
        meaning: "the apple doesn't fall far from the tree",
    },
    Calque {
        words: &[
            &["step", "steps", "stepped", "stepping"],
            &["into", "in"],
            &["fat"],
            &["bowl", "bowls", "pot", "pots"],
        ],
        meaning: "put one's foot in it",
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
    Calque {
        words: &[&["raining", "rains", "rained"], &["ropes"]],
        meaning: "raining cats and dogs",
    },
    Calque {
        words: &[&["cart"], &["before"], &["oxen", "ox", "bulls"]],
        meaning: "put the cart before the horse",
    },
    Calque {
        words: &[&["call", "calls", "called", "calling"], &["cat"], &["cat"]],
        meaning: "call a spade a spade",
    },
    Calque {
        words: &[&["cat"], &["in"], &["throat"]],
        meaning: "a frog in one's throat",
    },
    Calque {
        words: &[
            &["break", "breaks", "broke", "breaking"],
            &["sugar"],
            &["on"],
            &["back"],
        ],
        meaning: "talk behind someone's back",
    },
    Calque {
        words: &[&["like"], &["fish"], &["in"], &["water"]],
        meaning: "in one's element",
    },
    Calque {
        words: &[
            &["night"],
            &["brings", "bring", "brought"],
            &["advice", "counsel"],
        ],
        meaning: "sleep on it",
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
        words: &[
            &["bear"],
            &["stepped", "trod", "trampled"],
            &["on"],
            &["ear", "ears"],
        ],
        meaning: "tone-deaf",
    },
    Calque {
        words: &[
            &[
                "fight",
                "fights",
                "fought",
                "fighting",
                "beat",
                "beats",
                "beating",
                "struggle",
                "struggled",
                "struggling",
            ],
            &["fish"],
            &["against", "on"],
            &["ice"],
        ],
        meaning: "struggle in vain",
    },
    Calque {
        words: &[
            &["crayfish", "crawfish", "lobster"],
            &["whistles", "whistle", "whistled"],
        ],
        meaning: "when pigs fly",
    },
    Calque {
        words: &[&["like", "as"], &["two"], &["drops"], &["water"]],
        meaning: "like two peas in a pod",
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
    Calque {
        words: &[
            &["throw", "throws", "threw", "thrown", "throwing"],
            &["house"],
            &["out", "through"],
            &["window"],
        ],
        meaning: "splash out",
    },
    Calque {
        words: &[&["cost", "costs", "costing"], &["eye"], &["of"], &["face"]],
        meaning: "cost an arm and a leg",
    },
    // Italian
    Calque {
        words: &[&["salami"], &["on"], &["eyes"]],
        meaning: "be blind to what is obvious",
    },
    Calque {
        words: &[&["in", "into"], &["mouth"], &["of"], &["wolf"]],
        meaning: "good luck",
    },
    Calque {
        words: &[&["sleeps"], &["catch", "catches"], &["fish", "fishes"]],
        meaning: "the early bird catches the worm",
    },
    // Dutch and Swedish
    Calque {
        words: &[
            &["fall", "falls", "fell", "falling"],
            &["with"],
            &["door"],
            &["into", "in"],
            &["house"],
        ],
        meaning: "get straight to the point",
    },
    Calque {
        words: &[&["monkey"], &["out"], &["of"], &["sleeve"]],
        meaning: "the truth comes out",
    },
    Calque {
        words: &[
            &["look", "looks", "looked", "looking"],
            &["cat"],
            &["out"],
            &["of"],
            &["tree"],
        ],
        meaning: "wait and see",
    },
    Calque {
        words: &[&["no"], &["cow"], &["on"], &["ice"]],
        meaning: "there is no rush",
    },
    Calque {
        words: &[
            &["slide", "slides", "slid", "sliding"],
            &["on"],
            &["shrimp"],
            &["sandwich"],
        ],
        meaning: "have an easy ride",
    },
    // Chinese and Japanese
    Calque {
        words: &[
            &["lute", "zither", "piano"],
            &["to"],
            &["cow", "cows", "ox", "buffalo"],
        ],
        meaning: "cast pearls before swine",
    },
    Calque {
        words: &[
            &["chicken"],
            &[
                "scare",
                "scares",
                "scared",
                "frighten",
                "frightens",
                "frightened",
                "warn",
                "warns",
                "warned",
            ],
            &["monkey", "monkeys"],
        ],
        meaning: "make an example of someone",
    },
    Calque {
        words: &[
            &["snake"],
            &["add", "adds", "added", "adding"],
            &["feet", "legs"],
        ],
        meaning: "gild the lily",
    },
    Calque {
        words: &[&["people"], &["mountain"], &["people"], &["sea"]],
        meaning: "a huge crowd",
    },
];

impl Rule for MistranslatedIdiom {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, _settings: &Settings, out: &mut Vec<Finding>) {
        let first_words = first_words();
        // The first match of each calque in the sentence, by calque, and
        // which calques matched: most sentences match none, and the rest
        // one or two of the many.
        let mut found: Vec<Option<Span>> = vec![None; CALQUES.len()];
        let mut matched: Vec<usize> = Vec::new();
        let rarest_words = rarest_words();
        for sentence in &doc.sentences {
            let tokens = doc.sentence_tokens(sentence);
            // A calque matches only where its rarest key word stands (the
            // first is often as common as `in` or `like`): most sentences
            // hold none of these and are passed over.
            let holds_a_rarest_word = tokens
                .iter()
                .any(|t| t.kind == TokenKind::Word && rarest_words.position(doc, t.span).is_some());
            if !holds_a_rarest_word {
                continue;
            }
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
            // One pass over the words: only a calque's first key word starts
            // a search for the rest. The words that may be one are found by
            // a search of their own, a tight loop over the tokens.
            let may_start_at = |from: usize| {
                tokens[from..]
                    .iter()
                    .position(|t| t.kind == TokenKind::Word && first_words.may_be_form(doc, t.span))
                    .map(|found| from + found)
            };
            let mut next = may_start_at(0);
            while let Some(start) = next {
                next = may_start_at(start + 1);
                let Some(calques) = first_words.calques_starting_with(doc, tokens[start].span)
                else {
                    continue;
                };
                for &c in calques {
                    if found[c].is_some() {
                        continue;
                    }
                    let mut at = Some(start);
                    for forms in &CALQUES[c].words[1..] {
                        at = at.and_then(|at| find_next(at, forms));
                    }
                    found[c] = at.map(|at| tokens[start].span.cover(tokens[at].span));
                    if found[c].is_some() {
                        matched.push(c);
                    }
                }
            }
            // Reported in the order of the calques.
            matched.sort_unstable();
            for c in matched.drain(..) {
                let (calque, span) = (&CALQUES[c], found[c].take().expect("matched"));
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

/// The forms of some key words, screened by their end bytes and length
/// before the list is searched: most words of a text are ruled out there.
struct Forms {
    set: WordSet,
    shapes: Shapes,
}

impl Forms {
    /// Built once for the process, like the list of calques they come from.
    fn new(forms: Vec<&'static str>) -> Forms {
        let mut shapes = Shapes::default();
        for form in &forms {
            shapes.add(form.as_bytes());
        }
        Forms {
            shapes,
            set: WordSet::new(Box::leak(forms.into_boxed_slice())),
        }
    }

    /// Which form the word at `span` is, in any case.
    fn position(&self, doc: &Document, span: Span) -> Option<usize> {
        if !self.shapes.may_hold(doc.bytes(span)) {
            return None;
        }
        self.set.position_ascii_lowercase_of(doc.slice(span))
    }
}

/// The calques by the forms of their first key word.
struct FirstWords {
    forms: Forms,
    /// By form: the calques (indices into [`CALQUES`], in order) it starts.
    calques: Vec<Vec<usize>>,
}

impl FirstWords {
    /// Whether the word at `span` may be a form, by its end bytes and
    /// length: most words are ruled out here.
    fn may_be_form(&self, doc: &Document, span: Span) -> bool {
        self.forms.shapes.may_hold(doc.bytes(span))
    }

    /// The calques whose first key word is the word at `span`, in any case.
    fn calques_starting_with(&self, doc: &Document, span: Span) -> Option<&[usize]> {
        let form = self
            .forms
            .set
            .position_ascii_lowercase_of(doc.slice(span))?;
        Some(&self.calques[form])
    }
}

fn first_words() -> &'static FirstWords {
    static FIRST_WORDS: OnceLock<FirstWords> = OnceLock::new();
    FIRST_WORDS.get_or_init(|| {
        let mut forms: Vec<&'static str> = Vec::new();
        let mut calques: Vec<Vec<usize>> = Vec::new();
        for (index, calque) in CALQUES.iter().enumerate() {
            for &form in calque.words[0] {
                match forms.iter().position(|&f| f == form) {
                    Some(known) => calques[known].push(index),
                    None => {
                        forms.push(form);
                        calques.push(vec![index]);
                    }
                }
            }
        }
        FirstWords {
            forms: Forms::new(forms),
            calques,
        }
    })
}

/// The forms of each calque's rarest key word: the one with no function
/// word among its forms and the longest shortest form (`beer` in `not my
/// beer`, `mouth` in `in the mouth of the wolf`).
fn rarest_words() -> &'static Forms {
    static RAREST_WORDS: OnceLock<Forms> = OnceLock::new();
    RAREST_WORDS.get_or_init(|| {
        let mut forms: Vec<&'static str> = Vec::new();
        for calque in CALQUES {
            let rarest = calque
                .words
                .iter()
                .max_by_key(|slot| {
                    let content = !slot.iter().any(|form| is_function_word(form));
                    let shortest = slot.iter().map(|form| form.len()).min();
                    (content, shortest)
                })
                .expect("a calque has key words");
            forms.extend_from_slice(rarest);
        }
        forms.sort_unstable();
        forms.dedup();
        Forms::new(forms)
    })
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
        for (text, want) in [
            (
                "The mayor said critics made an elephant out of a fly.",
                "elephant out of a fly",
            ),
            (
                "It was raining ropes when the ferry left the harbour.",
                "raining ropes",
            ),
            (
                "The two proposals are like two drops of water, one delegate said.",
                "like two drops of water",
            ),
            (
                "The minister said there was no cow on the ice yet.",
                "no cow on the ice",
            ),
        ] {
            assert_eq!(flagged(&rule, text), vec![want], "{text}");
        }
    }

    #[test]
    fn sentences_are_screened_by_each_calques_rarest_word() {
        let rarest = rarest_words().set.words();
        for word in ["beer", "mouth", "ropes", "noodles"] {
            assert!(rarest.contains(&word), "{word}");
        }
        // Common first words would let nearly every sentence through.
        for word in ["in", "into", "not", "no", "like", "as", "all", "on", "to"] {
            assert!(!rarest.contains(&word), "{word}");
        }
        // Every calque has a rarest word, so none is screened out unseen.
        for calque in CALQUES {
            let held = calque
                .words
                .iter()
                .any(|forms| forms.iter().any(|form| rarest.contains(form)));
            assert!(held, "{}", calque.meaning);
        }
    }

    #[test]
    fn leaves_ordinary_english_alone() {
        let rule = MistranslatedIdiom::new();
        for text in [
            "The cat slept in a basket by the stove.",
            "It is not my problem, and beer sales rose.",
            "They pulled our leg about the budget.",
            "The rain fell on Thursday after a dry week.",
            // The Russian `after the rain on Thursday` (*when pigs fly*) is
            // also a plain weather report, so it is not on the list.
            "Play resumed after rain on Thursday.",
            "They threw in the towel after the vote.",
            "Rescuers pulled the cloth over the table and left.",
            "An elephant calf drank from the river near the camp.",
            "He felt like a fish out of water at the summit.",
            "Monkeys fell from trees during the heat wave.",
        ] {
            assert!(flagged(&rule, text).is_empty(), "{text}");
        }
    }
}
