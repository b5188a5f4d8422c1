//! Which person a he/she pronoun refers to, the way a reader decides: among
//! the people in view — named (not inside quotations) or already referred to
//! by a pronoun earlier in the paragraph, and, when nobody is named earlier in
//! the paragraph, those of the previous paragraph of running text — the most
//! recent subject that fits.
//!
//! Resolution never guesses: when someone in view may fit (their gender is
//! unknown, or an unnamed person such as `a deputy` stands in the same
//! sentence), a pronoun is never called a mismatch.

use std::collections::HashMap;

use super::Entities;
use super::words::{
    Gender, is_person_noun_lowercased, is_place, may_be_pronoun_by, pronoun_gender,
};
use crate::document::{BlockKind, Document, TokenKind};
use crate::lexicon::{WordSet, pos};
use crate::lowercase::with_lowercase;
use crate::span::Span;

/// How many sentences of narration back (this one included) a person stays
/// in view. Sentences that are all quotation do not count.
const SENTENCES_IN_VIEW: usize = 3;

/// How many sentences of narration after being named a person can still be
/// referred to through a chain of pronouns.
const CHAIN_SENTENCES: usize = 6;

/// A third-person singular pronoun and what it refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pronoun {
    pub span: Span,
    pub gender: Gender,
    pub referent: Referent,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Referent {
    /// The person it refers to; `mismatch` when nobody in view has the
    /// pronoun's gender and the person does not; `alone` when nobody else
    /// was in view.
    Person {
        person: usize,
        mismatch: bool,
        alone: bool,
    },
    /// Someone in view may fit but the text does not say who.
    Unclear,
    /// Nobody in view.
    Nobody,
}

/// Someone a pronoun may refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Candidate {
    Person(usize),
    /// An unnamed or ambiguous person: `a deputy`, `Smith` when two share it.
    Someone,
}

/// One way a person comes into view.
#[derive(Clone, Copy, Debug)]
struct Reference {
    candidate: Candidate,
    /// The narration sentence (see [`SENTENCES_IN_VIEW`]) it is in.
    sentence: usize,
    subject: bool,
    /// By name (as opposed to by a pronoun).
    named: bool,
    /// The narration sentence where the person was last named: a chain of
    /// pronouns keeps someone in view only so long.
    named_in: usize,
}

impl Reference {
    fn in_view_from(&self, sentence: usize) -> bool {
        self.sentence + SENTENCES_IN_VIEW > sentence && self.named_in + CHAIN_SENTENCES > sentence
    }
}

/// Resolve every he/she pronoun of running text outside quotations. `gender`
/// gives a person's gender where known.
pub fn resolve(
    doc: &Document,
    entities: &Entities,
    gender: &dyn Fn(usize) -> Option<Gender>,
) -> Vec<Pronoun> {
    let mut out = Vec::new();
    let mut mentions = entities.mentions.iter().filter(|m| !m.quoted).peekable();
    // References of the current paragraph and of the last paragraph of
    // running text before it.
    let mut current: Vec<Reference> = Vec::new();
    let mut previous: Vec<Reference> = Vec::new();
    let mut narration = 0usize;
    let mut unnamed_people = LastMatch::new(|j| is_unnamed_person(doc, j));
    let mut female_things = LastMatch::new(|j| is_female_thing(doc, j));
    let mut country_subjects = LastMatch::new(|j| is_country_subject(doc, j));
    for (p, paragraph) in doc.paragraphs.iter().enumerate() {
        if !matches!(paragraph.kind, BlockKind::Body | BlockKind::ListItem) {
            // Captions, credits and titles stand outside the story's flow.
            while mentions.peek().is_some_and(|m| m.paragraph == p) {
                mentions.next();
            }
            continue;
        }
        if !current.is_empty() {
            previous = std::mem::take(&mut current);
        }
        for s in paragraph.sentences.clone() {
            let sentence = &doc.sentences[s];
            if has_narration(doc, s) {
                narration += 1;
            }
            // Named mentions come into view where they start: before a
            // pronoun after them is read, and at the latest at the end of
            // their sentence.
            let mut come_into_view = |before: usize, current: &mut Vec<Reference>| {
                while let Some(m) = mentions.next_if(|m| m.span.start < before) {
                    current.push(Reference {
                        candidate: m.person.map_or(Candidate::Someone, Candidate::Person),
                        sentence: narration,
                        subject: m.subject,
                        named: true,
                        named_in: narration,
                    });
                }
            };
            let first = sentence.tokens.start;
            let tokens = doc.sentence_tokens(sentence);
            // Found by a search of its own, a tight loop over the tokens:
            // few words may be pronouns.
            let may_be_pronoun_at = |from: usize| {
                tokens[from..]
                    .iter()
                    .position(|t| {
                        (t.kind == TokenKind::Word) & may_be_pronoun_by(t.head(), t.span.len())
                    })
                    .map(|found| from + found)
            };
            let mut next = may_be_pronoun_at(0);
            while let Some(at) = next {
                next = may_be_pronoun_at(at + 1);
                let (i, token) = (first + at, tokens[at]);
                let Some(pronoun_gender) = pronoun_gender(doc.token_text(i)) else {
                    continue;
                };
                come_into_view(token.span.end, &mut current);
                if doc.is_quoted(token.span.start) || is_either_gender(doc, i) {
                    continue;
                }
                // A reader looks back a few sentences, not over a whole
                // speech; and to the previous paragraph only when this one
                // names nobody before the pronoun.
                let mut in_view: Vec<Reference> = current
                    .iter()
                    .filter(|r| r.in_view_from(narration))
                    .copied()
                    .collect();
                if !current.iter().any(|r| r.named) {
                    let last = previous.last().map_or(0, |r| r.sentence);
                    in_view.extend(
                        previous
                            .iter()
                            .filter(|r| r.in_view_from(last.max(narration - 1)))
                            .copied(),
                    );
                }
                // An unnamed person, or a ship for `she`, in this sentence or
                // the one before, or a country for `her` in this sentence,
                // may be whom the pronoun means.
                let from = doc.sentences[s.saturating_sub(1)].tokens.start;
                let possessive_or_object = !doc.token_text(i).eq_ignore_ascii_case("she");
                let someone_else = unnamed_people.any_in(from + 1, i)
                    || (pronoun_gender == Gender::Female
                        && (female_things.any_in(from, i)
                            || (possessive_or_object
                                && country_subjects.any_in(sentence.tokens.start, i))));
                if someone_else {
                    in_view.push(Reference {
                        candidate: Candidate::Someone,
                        sentence: narration,
                        subject: true,
                        named: false,
                        named_in: narration,
                    });
                }
                let (referent, chosen) = choose(&in_view, pronoun_gender, gender);
                if let (Referent::Person { person, .. }, Some(chosen)) = (&referent, chosen) {
                    current.push(Reference {
                        candidate: Candidate::Person(*person),
                        sentence: narration,
                        subject: i == sentence.tokens.start,
                        named: false,
                        named_in: chosen.named_in,
                    });
                }
                out.push(Pronoun {
                    span: token.span,
                    gender: pronoun_gender,
                    referent,
                });
            }
            come_into_view(sentence.span.end, &mut current);
        }
    }
    out
}

/// Does the sentence have a word outside quotation marks?
fn has_narration(doc: &Document, sentence: usize) -> bool {
    doc.sentence_tokens(&doc.sentences[sentence])
        .iter()
        .any(|t| t.kind == TokenKind::Word && !doc.is_quoted(t.span.start))
}

/// Pick the referent among the references in view (oldest first), with the
/// reference it was picked by.
fn choose(
    in_view: &[Reference],
    pronoun: Gender,
    gender: &dyn Fn(usize) -> Option<Gender>,
) -> (Referent, Option<Reference>) {
    if in_view.is_empty() {
        return (Referent::Nobody, None);
    }
    // The most recent sentence first, its subject before other mentions.
    let salience = |r: &Reference| (r.sentence, r.subject);
    let mut best_fit: Option<&Reference> = None;
    let mut best_any: Option<&Reference> = None;
    let mut unclear = false;
    for r in in_view {
        let fits = match r.candidate {
            Candidate::Someone => {
                unclear = true;
                continue;
            }
            Candidate::Person(person) => match gender(person) {
                None => {
                    unclear = true;
                    true
                }
                Some(g) => g == pronoun,
            },
        };
        if fits && best_fit.is_none_or(|b| salience(r) >= salience(b)) {
            best_fit = Some(r);
        }
        if best_any.is_none_or(|b| salience(r) >= salience(b)) {
            best_any = Some(r);
        }
    }
    let person_of = |r: &Reference| match r.candidate {
        Candidate::Person(p) => p,
        Candidate::Someone => unreachable!("only people are kept"),
    };
    let alone = in_view.iter().all(|r| r.candidate == in_view[0].candidate);
    let (chosen, mismatch) = match (best_fit, best_any) {
        (Some(r), _) => (r, false),
        (None, Some(r)) if !unclear => (r, true),
        _ => return (Referent::Unclear, None),
    };
    let referent = Referent::Person {
        person: person_of(chosen),
        mismatch,
        alone,
    };
    (referent, Some(*chosen))
}

/// Ships are still `she` in some prose: a ship named or mentioned near
/// `she`/`her` may be what it means.
fn is_female_thing(doc: &Document, j: usize) -> bool {
    static SHIPS: WordSet = WordSet::new(&[
        "ship",
        "vessel",
        "boat",
        "yacht",
        "tanker",
        "freighter",
        "carrier",
        "frigate",
        "destroyer",
    ]);
    doc.tokens[j].is_word() && SHIPS.contains_lowercase_of(doc.token_text(j))
}

/// Countries are `her` in older prose: a country that is the subject of a
/// verb (`America has never forgotten what brought her into being`) may be
/// what a later `her` in its sentence means.
fn is_country_subject(doc: &Document, j: usize) -> bool {
    // Cheap tests first: this runs on every token before a pronoun.
    doc.token_text(j).starts_with(|c: char| c.is_uppercase())
        && doc.tokens.get(j + 1).is_some_and(|_| {
            let next = doc.token_text(j + 1);
            next.starts_with(char::is_lowercase)
                && pos::lookup(next).is_some_and(|e| e.primary.is_verb())
        })
        && is_place(doc.token_text(j))
}

/// `he or she`, `his/her`, `him and her`: both genders on purpose.
fn is_either_gender(doc: &Document, i: usize) -> bool {
    let near = |j: usize| doc.tokens.get(j).map(|_| doc.token_text(j));
    let joined_to_pronoun = |joiner: Option<&str>, other: Option<&str>| {
        matches!(joiner, Some("or" | "and" | "/")) && other.and_then(pronoun_gender).is_some()
    };
    joined_to_pronoun(near(i + 1), near(i + 2))
        || (i >= 2 && joined_to_pronoun(near(i - 1), near(i - 2)))
}

/// An unnamed person (`A deputy said he…`, `the mediator, who…`, `Private
/// Lund's mother`, `his mom`) at token `j`, which may be whom a pronoun after
/// it means.
fn is_unnamed_person(doc: &Document, j: usize) -> bool {
    if j == 0
        || !doc.tokens[j].is_word()
        || !is_person_noun_lowercased(doc.token_text(j))
        || doc.is_quoted(doc.tokens[j].span.start)
    {
        return false;
    }
    // `The team's president, Marcus Lund,` and `spokesman John Blake` name
    // the person: the noun is not someone else.
    let next = |k: usize| doc.tokens.get(k).map(|_| doc.token_text(k));
    let names_follow = next(j + 1).is_some_and(|w| w.starts_with(char::is_uppercase))
        || (next(j + 1) == Some(",")
            && next(j + 2).is_some_and(|w| w.starts_with(char::is_uppercase)));
    if names_follow {
        return false;
    }
    let before = doc.token_text(j - 1);
    let determiner = with_lowercase(before, |before| {
        matches!(
            before,
            "a" | "an"
                | "the"
                | "one"
                | "another"
                | "this"
                | "that"
                | "each"
                | "every"
                | "his"
                | "her"
                | "their"
                | "our"
        )
    });
    determiner || before.ends_with("’s") || before.ends_with("'s")
}

/// The last token before a point that passes a test, for questions about
/// ever later windows (`any_in` with a growing `start` and `end`): each
/// token is tested at most once, so asking at every pronoun of a long
/// sentence stays linear, and tokens before every window are not tested.
struct LastMatch<F> {
    test: F,
    /// Tokens before this one have been tested.
    tested: usize,
    last: Option<usize>,
}

impl<F: Fn(usize) -> bool> LastMatch<F> {
    fn new(test: F) -> Self {
        LastMatch {
            test,
            tested: 0,
            last: None,
        }
    }

    /// Does a token in `start..end` pass? Neither `start` nor `end` may
    /// decrease from one call to the next.
    fn any_in(&mut self, start: usize, end: usize) -> bool {
        // No later window reaches back before `start`.
        self.tested = self.tested.max(start);
        while self.tested < end {
            if (self.test)(self.tested) {
                self.last = Some(self.tested);
            }
            self.tested += 1;
        }
        self.last.is_some_and(|last| last >= start)
    }
}

/// Pronoun votes per person, from pronouns whose referent was the only
/// person in view: how the article itself refers to someone whose name does
/// not tell.
pub fn votes(pronouns: &[Pronoun]) -> HashMap<usize, (usize, usize)> {
    let mut votes: HashMap<usize, (usize, usize)> = HashMap::new();
    for pronoun in pronouns {
        if let Referent::Person {
            person,
            alone: true,
            ..
        } = pronoun.referent
        {
            let entry = votes.entry(person).or_default();
            match pronoun.gender {
                Gender::Female => entry.0 += 1,
                Gender::Male => entry.1 += 1,
            }
        }
    }
    votes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::names;
    use crate::source::{Format, Source};

    /// (pronoun, referent's name or "?"/"-", mismatch) with first-name genders.
    fn resolved(text: &str) -> Vec<(String, String, bool)> {
        let source = Source::new("t.txt", text.to_string(), Format::Text);
        let doc = Document::new(&source);
        let entities = doc.entities();
        let gender = |p: usize| {
            let counts = names::first_name(entities.people[p].given.as_deref()?)?;
            let female = f64::from(counts.female) / f64::from(counts.total());
            (female > 0.99)
                .then_some(Gender::Female)
                .or((female < 0.01).then_some(Gender::Male))
        };
        resolve(&doc, &entities, &gender)
            .into_iter()
            .map(|p| {
                let (who, mismatch) = match p.referent {
                    Referent::Person {
                        person, mismatch, ..
                    } => (entities.people[person].display_name(), mismatch),
                    Referent::Unclear => ("?".into(), false),
                    Referent::Nobody => ("-".into(), false),
                };
                (doc.slice(p.span).to_string(), who, mismatch)
            })
            .collect()
    }

    #[test]
    fn the_subject_of_the_previous_sentence() {
        let found =
            resolved("Deputy Secretary Nora Gorman spoke first. He said the talks were useful.");
        assert_eq!(found, vec![("He".into(), "Nora Gorman".into(), true)]);
    }

    #[test]
    fn the_fitting_person_among_several() {
        let found = resolved(
            "Nora Gorman met Boris Antonov. He said the talks were useful, and she agreed.",
        );
        assert_eq!(
            found,
            vec![
                ("He".into(), "Boris Antonov".into(), false),
                ("she".into(), "Nora Gorman".into(), false)
            ]
        );
    }

    #[test]
    fn chains_across_paragraphs_through_pronouns() {
        let text = "Nora Gorman spoke on Monday.\n\nHe said the talks were useful.\n\n“We will meet again,” he said.";
        let found = resolved(text);
        assert!(
            found
                .iter()
                .all(|(_, who, mismatch)| who == "Nora Gorman" && *mismatch),
            "{found:?}"
        );
    }

    #[test]
    fn unnamed_people_and_unknown_genders_keep_it_unclear() {
        assert_eq!(
            resolved("Nora Gorman waited while a deputy said he would knock.")[0].1,
            "?"
        );
        assert!(!resolved("Casey Moreno spoke. She said the river had risen.")[0].2);
        assert_eq!(
            resolved("Nora Gorman said he or she would decide.").len(),
            0
        );
    }

    #[test]
    fn quoted_pronouns_and_quoted_names_are_skipped() {
        let found = resolved("Nora Gorman said: “Boris told me he was ready.” She left.");
        assert_eq!(found, vec![("She".into(), "Nora Gorman".into(), false)]);
    }

    #[test]
    fn votes_count_pronouns_per_person() {
        let source = Source::new(
            "t.txt",
            "Casey Moreno spoke. She said so. She left.".into(),
            Format::Text,
        );
        let doc = Document::new(&source);
        let pronouns = resolve(&doc, &doc.entities(), &|_| None);
        assert_eq!(votes(&pronouns).get(&0), Some(&(2, 0)));
    }
}
