//! A sentence without a finite verb: `…to close the road. Fear of a collapse.`
//!
//! Flags a short sentence (3 to 12 words) in running prose that has no
//! verb able to head a clause — no `said`, `is`, `focuses`, `will` —
//! and reads as a phrase broken off the sentence before it: a prepositional
//! phrase (`In 2019 to protect wildlife.`), a participle phrase (`Citing safety
//! concerns.`) or a noun with its complement (`Damage from the storm
//! in Mombasa.`). Three more shapes are caught: a subject with only a
//! relative clause (`Those who wish to study at the academy.`), a verb
//! phrase hanging off `and` with no subject (`October 2018 and focuses on
//! lowering the cost.`), and a dependent clause alone, opened by a
//! conjunction such as `before` or `because` (`At 60 mph before it reached
//! land.`), by `as` after a phrase (`In the last mile as temperatures
//! climbed.`) or by a preposition and `which` (`In which residents
//! spoke.`).
//!
//! Words that are both noun and verb are read in context: after `the`, a
//! preposition or an adjective, `fear` and `talks` are nouns; so are a
//! plural after a number (`the 12 counts`), a base form after a singular
//! noun (`the market crash`) and a noun after a verb (`reached land`). The
//! speaker's words in quotation marks, titles, captions, labels, datelines,
//! list items, the first sentence of a paragraph and answers to questions
//! are never judged, and neither is a sentence with a colon, dash or
//! brackets.
//!
//! ## Why
//! A verbless fragment is usually a sentence cut in two by a stray full
//! stop, or a machine translation that dropped the verb. Either way the
//! reader has to guess how the pieces fit.
//!
//! ## Example
//! Bad: `The council voted to close the road. Fear of a collapse.`
//!
//! Good: `The council voted to close the road for fear of a collapse.`

use crate::document::{BlockKind, Document, Sentence, Token, TokenKind};
use crate::lexicon::WordSet;
use crate::lexicon::pos::{self, Entry, Tag};
use crate::lowercase::with_lowercase;
use crate::rules::{Category, Finding, Fixable, Rule, RuleMeta, Settings, Severity, builtin_meta};

pub struct Fragment {
    meta: RuleMeta,
}

impl Fragment {
    pub fn new() -> Self {
        Fragment {
            meta: builtin_meta(
                "garbled/fragment",
                Category::Garbled,
                Severity::Warning,
                Fixable::Never,
            ),
        }
    }
}

/// Fragments this short are interjections (`Not so.`, `Of course.`); longer
/// verbless ones are too complex to judge word by word.
const MIN_WORDS: usize = 3;
const MAX_WORDS: usize = 12;
/// The two shapes with a verb but no main clause are structural and hold
/// for longer sentences too.
const MAX_WORDS_WITH_VERB: usize = 25;

/// Pronouns and quantifiers that a relative clause can hang on: `Those who
/// want…`, `Anyone who knows…`.
const RELATIVE_HEADS: &[&str] = &[
    "those", "people", "anyone", "everyone", "someone", "many", "some", "all", "others", "one",
];

/// Words the lexicon tags as prepositions that open clauses instead:
/// `That, of course.` is a reply, not a broken-off phrase.
const SUBORDINATORS: &[&str] = &[
    "that", "if", "because", "whether", "although", "though", "unless", "while", "whereas", "as",
    "so", "than", "like",
];

/// Conjunctions that open a dependent clause and only that: a sentence
/// made of such a clause has lost its main clause.
static CLAUSE_SUBORDINATORS: WordSet = WordSet::new(&[
    "after", "before", "because", "although", "though", "unless", "until", "whereas", "while",
    "since", "when",
]);

/// Relative pronouns (not `that`, which is also a determiner and a
/// pronoun that can be the subject).
static RELATIVE_PRONOUNS: WordSet = WordSet::new(&["which", "who", "whom", "whose"]);

/// Forms of `be`, `have` and `do`, which a verb may follow.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "am", "has", "have", "had", "do", "does", "did",
];

/// Pronouns that are a subject by themselves.
const SUBJECT_PRONOUNS: &[&str] = &["i", "you", "he", "she", "it", "we", "they"];

/// Determiners that also stand alone as the subject: `this demands`, `both
/// strengthen`, `many fear`.
const PRONOUN_DETERMINERS: &[&str] = &[
    "this", "that", "these", "those", "both", "all", "each", "some", "many", "most", "several",
    "few", "none", "any", "either", "neither", "much", "more", "such",
];

/// Contractions with a finite verb in them: `didn't`, `we're`, `it's`.
const FINITE_CONTRACTIONS: &[&str] = &[
    "n’t", "n't", "’re", "'re", "’ll", "'ll", "’ve", "'ve", "’m", "'m", "’d", "'d",
];

/// Words before which `’s` means `is` or `has`, not possession.
const PRONOUNS_WITH_IS: &[&str] = &[
    "it", "he", "she", "that", "there", "here", "what", "who", "where", "let", "this", "how",
];

impl Rule for Fragment {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, _settings: &Settings, out: &mut Vec<Finding>) {
        // Each judged sentence's verbs, in one list for the article.
        let mut finite = Vec::new();
        for paragraph in &doc.paragraphs {
            if paragraph.kind != BlockKind::Body {
                continue;
            }
            let sentences = &doc.sentences[paragraph.sentences.clone()];
            let verdicts: Vec<Option<String>> = sentences
                .iter()
                .map(|s| judge(doc, s, &mut finite))
                .collect();
            for (k, sentence) in sentences.iter().enumerate().skip(1) {
                let Some(message) = &verdicts[k] else {
                    continue;
                };
                // A run of fragments, or of sentences opening alike (`On the
                // survey of… On a canal from…`), is a list or a rhetorical
                // figure, not a sentence cut in two.
                let neighbours = [Some(k - 1), k.checked_add(1)];
                let in_series = neighbours.into_iter().flatten().any(|n| {
                    n < sentences.len()
                        && (verdicts[n].is_some() || same_opening(doc, sentence, &sentences[n]))
                });
                if in_series || !follows_statement(doc, &sentences[k - 1]) {
                    continue;
                }
                out.push(
                    Finding::new(sentence.span, message.clone())
                        .help("join it to the sentence before, or give it a subject and a verb"),
                );
            }
        }
    }
}

fn same_opening(doc: &Document, a: &Sentence, b: &Sentence) -> bool {
    let first = |s: &Sentence| doc.token_text(s.tokens.start);
    with_lowercase(first(a), |a| with_lowercase(first(b), |b| a == b))
}

/// Does `previous` end as a full statement (with a full stop, not a
/// question, and long enough not to be a heading run into the text)?
fn follows_statement(doc: &Document, previous: &Sentence) -> bool {
    let tokens = doc.sentence_tokens(previous);
    let words = tokens.iter().filter(|t| t.kind == TokenKind::Word).count();
    let last_mark = tokens
        .iter()
        .rev()
        .find(|t| !matches!(doc.slice(t.span), "”" | "’" | "\"" | "'" | ")"));
    // `…must be based on: 1.` introduces a list item (but a year or an
    // amount may end a sentence: `…on March 14, 2024.`).
    let enumerated = tokens.len() >= 3 && {
        let number = tokens[tokens.len() - 2];
        number.kind == TokenKind::Number
            && (doc.slice(number.span).len() <= 2
                || doc.slice(tokens[tokens.len() - 3].span) == ":")
    };
    words >= 4
        && !enumerated
        && last_mark.is_some_and(|t| doc.slice(t.span) == "." || doc.slice(t.span).ends_with('.'))
}

/// Why `sentence` is a fragment, if it is one. `finite` is where its
/// verbs are listed (emptied first).
fn judge(doc: &Document, sentence: &Sentence, finite: &mut Vec<usize>) -> Option<String> {
    let tokens = doc.sentence_tokens(sentence);
    let (last, body) = tokens.split_last()?;
    if !last.is_punct(&doc.text, ".") || last.space_before {
        return None;
    }
    let first = body.first()?;
    let first_word = doc.slice(first.span);
    if first.kind != TokenKind::Word
        || !first_word.starts_with(char::is_uppercase)
        || !first_word.chars().any(char::is_lowercase)
    {
        // Not a sentence start, or a heading in capitals (`DEPARTMENT OF
        // JUSTICE.`).
        return None;
    }
    // Counted first: most sentences are too long to be judged, and this
    // reads no text.
    let words = body
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .count();
    if !(MIN_WORDS..=MAX_WORDS_WITH_VERB).contains(&words) {
        return None;
    }
    // Quotations, asides and lists are beyond a word-by-word reading.
    let plain = body.iter().all(|t| match t.kind {
        TokenKind::Word | TokenKind::Number => true,
        TokenKind::Punct => doc.slice(t.span) == "," || is_possessive_mark(doc, t),
        TokenKind::Symbol => matches!(doc.slice(t.span), "$" | "%" | "€" | "£"),
        TokenKind::Url => false,
    });
    if !plain || doc.is_quoted(first.span.start) {
        return None;
    }
    finite.clear();
    for i in 0..body.len() {
        if !may_be_finite(doc, body, i) {
            continue;
        }
        finite.push(i);
        // Two verbs, one of them not after `and`/`or`: a main clause,
        // whatever the rest of the sentence holds (each test below wants
        // one verb only, or every verb after `and`/`or`). Most sentences
        // are told here, without the lexicon reading the rest.
        if finite.len() >= 2 && !finite.iter().all(|&v| follows_and_or(doc, body, v)) {
            return None;
        }
        // So is a first verb not after `and`/`or` that neither a relative
        // clause nor a dependent one holds: a second verb would make a main
        // clause, and with this one alone the tests below read only the
        // words up to it. Most sentences of one clause are told here.
        if finite.len() == 1
            && !follows_and_or(doc, body, i)
            && !is_bare_relative_clause(doc, body, finite)
            && !is_dependent_clause_only(doc, body, finite)
        {
            return None;
        }
    }
    if finite.is_empty() {
        if words > MAX_WORDS {
            return None;
        }
        return opens_a_phrase(doc, body).then(|| "this sentence has no verb".to_string());
    }
    if is_bare_relative_clause(doc, body, finite) {
        return Some("this sentence has no main verb, only a relative clause".to_string());
    }
    if lacks_subject(doc, body, finite) {
        return Some("the verb after “and” has no subject: this is not a sentence".to_string());
    }
    if is_dependent_clause_only(doc, body, finite) {
        return Some(
            "this sentence has only a dependent clause (after “before”, “which”…), no main clause"
                .to_string(),
        );
    }
    None
}

/// `Before it reached land.`, `At 60 mph before it reached land.`, `In
/// which more than 300 residents spoke.`: the only verb sits in a clause
/// opened by a subordinating conjunction or a relative pronoun, and what
/// comes before it is a phrase, not a clause. (Not `Before the storm the
/// town emptied.`, where the clause after `before` would need two
/// subjects, nor a sentence with a comma, which may set off the main
/// clause.)
fn is_dependent_clause_only(doc: &Document, body: &[Token], finite: &[usize]) -> bool {
    let [verb] = *finite else {
        return false;
    };
    if body.iter().any(|t| t.is_punct(&doc.text, ",")) {
        return false;
    }
    // Each word before the verb is asked: the lists rule out most words by
    // their end bytes, before lowercasing them.
    let word = |k: usize| doc.slice(body[k].span);
    let Some(link) = (0..verb).rev().find(|&k| {
        CLAUSE_SUBORDINATORS.contains_lowercase_of(word(k))
            || RELATIVE_PRONOUNS.contains_lowercase_of(word(k))
            // `In the last mile as temperatures climbed.`: `as` opens a
            // clause after a phrase (alone it is too many other things).
            || (k > 0 && with_lowercase(word(k), |word| word == "as"))
    }) else {
        return false;
    };
    if link > 0 && !opens_a_phrase(doc, &body[..link]) {
        return false;
    }
    if RELATIVE_PRONOUNS.contains_lowercase_of(word(link)) {
        // `In which…`, `From whom…`: a relative clause with nothing to hang
        // on. (A relative clause on a noun may be a deliberate fragment:
        // `Security for those who need it.`)
        return link == 1;
    }
    is_plain_subject(doc, &body[link + 1..verb])
}

/// Is `tokens` a subject and nothing more: a pronoun (`it`), or a noun
/// phrase of up to three words with at most a determiner in front (`the
/// storm`, `two small boats`; not `a hard struggle tariff reform`, which
/// may be a phrase and a subject)?
fn is_plain_subject(doc: &Document, tokens: &[Token]) -> bool {
    let Some((first, rest)) = tokens.split_first() else {
        return false;
    };
    let first_word = doc.slice(first.span).to_lowercase();
    if rest.is_empty() && SUBJECT_PRONOUNS.contains(&first_word.as_str()) {
        return true;
    }
    let nominal = |t: &Token| {
        t.kind == TokenKind::Word
            && lower_entry(doc.slice(t.span)).is_none_or(|e| {
                matches!(
                    e.primary,
                    Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS | Tag::JJ | Tag::JJR | Tag::JJS
                )
            })
    };
    let determiner = first.kind == TokenKind::Number
        || lower_entry(&first_word)
            .is_some_and(|e| matches!(e.primary, Tag::DT | Tag::PRPS | Tag::CD | Tag::PDT));
    let nouns = if determiner { rest } else { tokens };
    // `the Jets’ defense`: a possessive mark is part of the phrase.
    let words = nouns.iter().filter(|t| !is_possessive_mark(doc, t));
    (1..=3).contains(&words.clone().count()) && words.into_iter().all(nominal)
}

/// An apostrophe closing a plural possessive (`the Jets’ defense`).
fn is_possessive_mark(doc: &Document, token: &Token) -> bool {
    token.kind == TokenKind::Punct
        && !token.space_before
        && matches!(doc.slice(token.span), "’" | "'")
}

/// Does the verbless sentence open the way a phrase broken off the previous
/// sentence does: a preposition (`In 2019…`), a participle (`Citing…`), or a
/// noun and its preposition (`Fear of…`)?
fn opens_a_phrase(doc: &Document, body: &[Token]) -> bool {
    let Some(first) = lower_entry(doc.slice(body[0].span)) else {
        return false;
    };
    let second = body
        .get(1)
        .and_then(|t| pos::lookup(doc.slice(t.span)))
        .map(|e| e.primary);
    let subordinator = with_lowercase(doc.slice(body[0].span), |w| SUBORDINATORS.contains(&w));
    match first.primary {
        Tag::IN => !subordinator,
        Tag::VBG => true,
        Tag::NN | Tag::NNS => second == Some(Tag::IN),
        _ => false,
    }
}

/// `Those who wish to study at the academy.`: the only verb sits
/// in a relative clause on the first word.
fn is_bare_relative_clause(doc: &Document, body: &[Token], finite: &[usize]) -> bool {
    finite == [2]
        && with_lowercase(doc.slice(body[0].span), |head| {
            RELATIVE_HEADS.contains(&head)
        })
        && matches!(doc.slice(body[1].span), "who" | "that" | "which")
}

/// `October 2018 and focuses on lowering the cost.`: every verb follows
/// `and` or `or`, so the clause it would continue is missing. (Not an
/// imperative: `Reward or punish the individual.`)
fn lacks_subject(doc: &Document, body: &[Token], finite: &[usize]) -> bool {
    let imperative = lower_entry(doc.slice(body[0].span)).is_some_and(|e| e.any(Tag::is_verb));
    let plain_verb = |&i: &usize| {
        pos::lookup(doc.slice(body[i].span))
            .is_some_and(|e| e.primary.is_finite_verb() || e.primary == Tag::VB)
    };
    !imperative
        && finite.iter().any(plain_verb)
        && finite.iter().all(|&i| follows_and_or(doc, body, i))
}

/// Does `body[i]` follow `and` or `or` (not as the sentence's second word)?
fn follows_and_or(doc: &Document, body: &[Token], i: usize) -> bool {
    i >= 2 && matches!(doc.slice(body[i - 1].span), "and" | "or")
}

/// A word's lexicon entry; a compound is read by its last part
/// (`risk-reduction`).
fn lookup(word: &str) -> Option<Entry> {
    pos::lookup(word).or_else(|| {
        word.rsplit_once('-')
            .and_then(|(_, last)| pos::lookup(last))
    })
}

/// The lexicon entry of a sentence's first word: its lowercase form, unless
/// it is a name.
fn lower_entry(word: &str) -> Option<Entry> {
    with_lowercase(word, pos::lookup).or_else(|| pos::lookup(word))
}

/// Can `body[i]` be the finite verb of a clause here?
fn may_be_finite(doc: &Document, body: &[Token], i: usize) -> bool {
    let token = body[i];
    if token.kind != TokenKind::Word {
        return false;
    }
    let word = doc.slice(token.span);
    // A plain word (ASCII letters and digits only) has no apostrophe.
    if !token.plain {
        if FINITE_CONTRACTIONS.iter().any(|c| word.ends_with(c)) {
            return true;
        }
        if let Some(base) = word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")) {
            return with_lowercase(base, |base| PRONOUNS_WITH_IS.contains(&base));
        }
    }
    let entry = if i == 0 {
        lower_entry(word)
    } else {
        lookup(word)
    };
    let Some(entry) = entry else {
        // An unknown lowercase word may be a verb the lexicon lacks, but not
        // after an article, a possessive or a preposition (`into the
        // ravine`); an unknown capitalised one is a name.
        return token.starts_lowercase(&doc.text)
            && !(i > 0 && opens_noun_phrase(&body[i - 1], doc));
    };
    if i == 0 {
        // An imperative (`Consider the case…`) or a verb-first sentence.
        return entry.primary.is_verb() && entry.primary != Tag::VBG;
    }
    // A base form is also the present tense (`they assail`, `God bless`).
    let verb_reading = entry.any(|t| t.is_finite_verb() || t == Tag::VB);
    if !verb_reading || is_closed_class(entry.primary) {
        return false;
    }
    let previous = doc.slice(body[i - 1].span);
    if previous == "to" {
        // An infinitive: `to save money`.
        return false;
    }
    // A capital after a capital continues a name: `the Great Plains`.
    if token.starts_uppercase(&doc.text) && body[i - 1].starts_uppercase(&doc.text) && i > 1 {
        return false;
    }
    // A noun after its modifiers and their article or preposition heads
    // that phrase: `the halfway mark`, `a newly built road`.
    if matches!(entry.primary, Tag::NN | Tag::NNS) && ends_noun_phrase(doc, body, i) {
        return false;
    }
    let after = if i == 1 {
        lower_entry(previous)
    } else {
        lookup(previous)
    };
    let lower_previous = previous.to_lowercase();
    // Demonstratives and quantifiers may be the subject themselves (`this
    // demands statesmanship`, `both strengthen America`).
    let pronoun = PRONOUN_DETERMINERS.contains(&lower_previous.as_str());
    // After an article, a possessive or a preposition, any word but a modal
    // is a noun: `the start`, `on talks`, `their attack`. (Not the verb
    // closing a compound run together with a dash: `home-expect`.)
    if opens_noun_phrase(&body[i - 1], doc) && !word.contains('-') {
        return entry.primary == Tag::MD;
    }
    // After a figure or a number word, a plural is the counted noun: `the
    // 12 counts`, `two days`.
    let counted = body[i - 1].kind == TokenKind::Number
        || after.is_some_and(|p| p.primary == Tag::CD && lower_previous != "one");
    if counted && entry.has(Tag::NNS) {
        return false;
    }
    // A noun whose verb reading is a base form agrees only with a plural
    // subject or `I`, `you`: after a singular noun or an adjective it is a
    // noun (`the market crash`, `the general budget`; but `God bless`).
    let plural_verb_only =
        !entry.primary.is_verb() && !entry.any(|t| matches!(t, Tag::VBD | Tag::VBZ | Tag::MD));
    let singular_before = previous.starts_with(char::is_lowercase)
        && after.is_some_and(|p| {
            matches!(p.primary, Tag::NN | Tag::JJ | Tag::JJR | Tag::JJS) && !p.has(Tag::NNS)
        });
    if plural_verb_only && singular_before && !pronoun {
        return false;
    }
    if entry.primary.is_finite_verb() || entry.primary == Tag::VB {
        return true;
    }
    // A noun or adjective with a verb reading (`attack`, `talks`) is the
    // noun after an adjective, a participle, a figure or a verb too
    // (`nuclear talks`, `citing concerns`, `S&P 500 index`, `it reached
    // land`), but an adjective that is also a noun may be the subject (`the
    // official talks to reporters`).
    let modified = after.is_some_and(|p| match p.primary {
        Tag::VBG | Tag::TO => true,
        Tag::VBD | Tag::VBZ | Tag::VBP | Tag::VBN => {
            !AUXILIARIES.contains(&lower_previous.as_str())
        }
        Tag::JJ | Tag::JJS | Tag::JJR => !p.any(Tag::is_noun),
        _ => false,
    }) || body[i - 1].kind == TokenKind::Number;
    !modified
}

/// Do one to three modifiers that are not nouns (`halfway`, `newly built`,
/// `six`) lead back from `body[i]` to an article, a possessive or a
/// preposition? Then `body[i]` ends the phrase they open.
fn ends_noun_phrase(doc: &Document, body: &[Token], i: usize) -> bool {
    let mut k = i;
    for _ in 0..3 {
        let Some(before) = k.checked_sub(1) else {
            return false;
        };
        if opens_noun_phrase(&body[before], doc) {
            return k < i;
        }
        let modifier = body[before].kind == TokenKind::Number
            || lookup(doc.slice(body[before].span)).is_some_and(|e| {
                matches!(
                    e.primary,
                    Tag::JJ | Tag::JJR | Tag::JJS | Tag::RB | Tag::CD | Tag::VBN
                ) && !e.any(Tag::is_noun)
            });
        if !modifier {
            return false;
        }
        k = before;
    }
    false
}

/// Is `token` an article, a possessive or a preposition, after which a
/// word is a noun or its modifier?
fn opens_noun_phrase(token: &Token, doc: &Document) -> bool {
    with_lowercase(doc.slice(token.span), |lower| {
        pos::lookup(lower).is_some_and(|e| match e.primary {
            Tag::DT | Tag::PDT | Tag::PRPS | Tag::POS => !PRONOUN_DETERMINERS.contains(&lower),
            Tag::IN => !SUBORDINATORS.contains(&lower),
            _ => false,
        })
    })
}

fn is_closed_class(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::IN
            | Tag::DT
            | Tag::PDT
            | Tag::CC
            | Tag::TO
            | Tag::PRP
            | Tag::PRPS
            | Tag::WDT
            | Tag::WP
            | Tag::WPS
            | Tag::WRB
            | Tag::RP
            | Tag::EX
            | Tag::CD
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::flagged;

    const LEAD: &str = "Gorman told reporters that the council had no plan. ";

    #[test]
    fn flags_verbless_fragments() {
        let rule = Fragment::new();
        for fragment in [
            "Fear of a collapse.",
            "Damage from the storm in Mombasa.",
            "In 2019 to protect wildlife.",
            "From Ohio and Indiana.",
            "Citing concerns about the budget.",
            "Those who wish to study at the academy.",
            "October 2018 and focuses on lowering the cost of housing and transport.",
            // A base form after a singular noun, a plural after a number
            // and a noun after a verb are nouns, not verbs.
            "After the bridge collapse.",
            "On each of the nine charges.",
            // A word the lexicon lacks is a noun after an article.
            "Into the quarry beneath.",
            "Across the zyzzog valley.",
            // A noun after its modifiers and article is no verb.
            "At the halfway mark.",
            // A clause opened by `as` after a phrase.
            "In the last mile as temperatures climbed past 30 degrees.",
            // Only a dependent clause.
            "Before it reached the coast.",
            "At 40 mph before the storm reached the coast.",
            "In which more than 200 people testified.",
            "After the Hawks’ defense forced a punt.",
        ] {
            let text = format!("{LEAD}{fragment}");
            assert_eq!(flagged(&rule, &text), vec![fragment], "{text}");
        }
    }

    #[test]
    fn leaves_sentences_quotes_and_interjections_alone() {
        let rule = Fragment::new();
        for sentence in [
            "Talks on the budget resume on Monday.",
            "The fear of a collapse faded.",
            "Engineers fear a flood on the lower deck.",
            "Consider the damage from the storm in Mombasa.",
            "Not so.",
            "“Not promises, not excuses, but results,” Gorman said.",
            "Prices and wages rose in June.",
            "Those who wish to study with us are welcome.",
            "And remember the soldiers at the front.",
            "In Nairobi: talks with the union.",
            "He’s in Nairobi with the delegation.",
            "Before the storm the town emptied.",
            "Since then prices rose.",
            "After that the council adjourned.",
            "Before it reached the coast it weakened.",
            "Of these, tea and coffee are the most important.",
            "Security for those who need it.",
            "In March prices rose sharply.",
            "On the Great Plains farmers wait for rain.",
            "In the end the plan worked.",
            "Around the halfway mark the leaders slowed.",
        ] {
            let text = format!("{LEAD}{sentence}");
            assert!(flagged(&rule, &text).is_empty(), "{text}");
        }
        // The first sentence of a paragraph and answers to questions.
        for text in [
            "Fear of a collapse.",
            "What did the union want from the talks? Guarantees on pension reform.",
        ] {
            assert!(flagged(&rule, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_year_ends_a_statement_but_a_list_number_does_not() {
        let rule = Fragment::new();
        assert_eq!(
            flagged(
                &rule,
                "The verdict came on Friday, May 3, 2024. After three weeks of hearings."
            ),
            vec!["After three weeks of hearings."]
        );
        assert!(
            flagged(
                &rule,
                "The plan must rest on these points: 1. After three weeks of hearings."
            )
            .is_empty()
        );
    }
}
