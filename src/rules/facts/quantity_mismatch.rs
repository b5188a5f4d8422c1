//! The same figure stated two ways: `18 inspectors` … `the 19-member team`.
//!
//! Flags a figure that restates an earlier one with a different number: the
//! same counted thing (`43 schools` … `42 schools`, `16 antique clocks`
//! … `all 61 clocks`, `six hours` … `a seven-hour session`, `a panel of
//! 18 inspectors` … `the 19-member panel`) where the two numbers differ as a
//! slip does — one digit changed, two neighbouring digits swapped, or a
//! small number word changed. The later statement is flagged, with the
//! earlier one labelled.
//!
//! To keep to restatements of one fact, it stays silent when the figures are
//! in one sentence (`from four nurses to three`), part of a range (`$8.6
//! billion to $8.9 billion`), an old value (`from $68`), another or a new
//! occurrence (`another 35 homes`, `gusts may again hit 60 mph`), when
//! the earlier text already states the later number for the same thing, and
//! when the thing has been counted with several different numbers before.
//! Small numbers, money, percentages and measures also need a word of
//! context in common (`tons of coal … since March`); a sum of money or a
//! percentage, two.
//!
//! ## Why
//! When an article gives two figures for one fact, at least one is wrong,
//! and the reader cannot tell which.
//!
//! ## Example
//! Bad: `A delegation of 18 inspectors arrived. … The 19-member team left.`
//!
//! Good: `A delegation of 18 inspectors arrived. … The 18-member team left.`
//!
//! There is no automatic fix: either figure may be the wrong one.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use foldhash::fast::FixedState;

use crate::document::{Document, TokenKind};
use crate::entities::numbers::{Figure, figure_at, figures_in, is_slip, word_value};
use crate::lexicon::WordSet;
use crate::lexicon::pos::{self, Tag};
use crate::lowercase::with_lowercase;
use crate::rules::{Category, Finding, Fixable, Rule, RuleMeta, Settings, Severity, builtin_meta};
use crate::span::Span;

pub struct QuantityMismatch {
    meta: RuleMeta,
}

impl QuantityMismatch {
    pub fn new() -> Self {
        QuantityMismatch {
            meta: builtin_meta(
                "facts/quantity-mismatch",
                Category::Facts,
                Severity::Warning,
                Fixable::Never,
            ),
        }
    }
}

/// What kind of thing a figure counts, which decides how much context two
/// statements need in common to be the same fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Countable things: `43 schools`, `16 clocks`.
    Count,
    /// Units of measure: `12,300 hectares`, `65 mph`.
    Measure,
    /// Durations: `six hours`, `two years`; every story has several.
    Time,
    /// Money and percentages: many different sums in one article.
    Money,
}

/// One statement of a quantity.
#[derive(Debug)]
struct Mention {
    figure: Figure,
    /// The whole quantity, for messages: `$2.4 billion`, `18-member`.
    phrase: Span,
    /// What is counted (singular, lowercase), with the currency and scale
    /// for money: `country`, `member`, `$ billion`, `%`.
    keys: Vec<String>,
    /// What the counted thing is of: `fraud` in `12 counts of wire fraud`.
    /// A statement without one (`each of the 12 counts`) may restate it.
    complement: Option<String>,
    kind: Kind,
    sentence: usize,
    /// The content words within a few words of it, in its sentence.
    near: Window,
    /// The content words of its clause: a wider window in its sentence.
    clause: Window,
    /// What a sum is of: `loss` in `the $275 million loss` and in `a loss of
    /// $275 million`, `revenue` in `$2.6 billion in revenue`.
    measured: Option<String>,
    /// What a compound figure describes (`team` in `the 18-member team`), or
    /// what a sum is of.
    subject: Option<String>,
    /// Written as a reference back: `the three nurses`, `all 16 clocks`.
    definite: bool,
    /// A relative clause picks out some of the things counted: `the two
    /// agents who arrived first`.
    restricted: bool,
    /// Opens a breakdown of a whole stated before: `Of the 26 patients, six
    /// …`.
    breakdown: bool,
    /// Part of a range, an old value or a new occurrence: never compared.
    comparable: bool,
    /// One item of a list of figures (`ten destroyers, five fleet
    /// submarines, …`): never itself a restatement, and restated only by
    /// a reference back (`the five submarines`).
    listed: bool,
}

const SCALES: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "millions", "billions",
];

/// How many tokens back a reference by a small number (`the six
/// investigators`) reaches without other evidence: a news story's length,
/// not a long speech's.
const REFERENCE_REACH: usize = 800;

/// How many words either side of a figure make its near context.
const NEAR: usize = 8;

/// How many words either side of a figure make its clause.
const CLAUSE: usize = 24;

/// The key of a group's size, however written.
const GROUP_SIZE: &str = "group size";

/// Groups whose size may be written `a delegation of 18 inspectors` or `the
/// 18-member delegation`.
const GROUPS: &[&str] = &[
    "delegation",
    "team",
    "group",
    "panel",
    "committee",
    "crew",
    "board",
    "council",
    "commission",
    "jury",
    "squad",
    "contingent",
    "coalition",
    "cabinet",
    "caucus",
    "bloc",
];

/// Units of measure and time, whose figures vary more within one story.
const MEASURES: &[&str] = &[
    "acre",
    "hectare",
    "mile",
    "kilometer",
    "kilometre",
    "meter",
    "metre",
    "foot",
    "feet",
    "inch",
    "yard",
    "mph",
    "km",
    "degree",
    "ton",
    "tonne",
    "kilogram",
    "kg",
    "gallon",
    "liter",
    "litre",
    "barrel",
    "point",
];

/// Units of time.
const TIME: &[&str] = &[
    "second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "century",
    "season", "term", "quarter",
];

/// Currencies written as words: sums, like `$2.4 billion`.
const MONEY: &[&str] = &[
    "cent", "dollar", "euro", "pound", "sterling", "yen", "yuan", "franc", "peso", "rupee",
    "ruble", "rouble",
];

/// Words that make a figure a new occurrence or another set.
const ANOTHER: &[&str] = &[
    "another",
    "additional",
    "extra",
    "other",
    "further",
    "next",
    "again",
];

/// Words that carry no topic: function words, reporting verbs, numbers.
static STOPWORDS: WordSet = WordSet::new(&[
    "a", "about", "above", "after", "again", "all", "almost", "also", "am", "among", "an", "and",
    "any", "are", "around", "as", "at", "be", "been", "before", "being", "between", "both", "but",
    "by", "can", "could", "did", "do", "does", "down", "during", "each", "few", "for", "from",
    "had", "has", "have", "he", "her", "here", "his", "how", "i", "if", "in", "into", "is", "it",
    "its", "just", "least", "less", "many", "may", "might", "more", "most", "much", "must", "my",
    "nearly", "new", "no", "nor", "not", "now", "of", "off", "on", "one", "only", "or", "other",
    "our", "out", "over", "per", "said", "say", "says", "she", "should", "so", "some", "such",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "through", "to", "told", "too", "under", "until", "up", "very", "was", "we", "were", "what",
    "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "year",
    "yet", "you", "your", "percent", "million", "billion", "thousand", "hundred", "trillion",
]);

impl Rule for QuantityMismatch {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, _settings: &Settings, out: &mut Vec<Finding>) {
        let mentions = mentions(doc);
        // Earlier comparable statements by what they count, the most recent
        // last, so that each figure meets only its own kind.
        let mut by_key = ByKey::default();
        // Every earlier comparable count, for a restatement under another
        // noun, and every number stated so far.
        let mut counts: Vec<&Mention> = Vec::new();
        let mut stated: HashSet<u64, FixedState> = HashSet::default();
        // The earlier statements one figure is compared with, in one list
        // for the article.
        let mut earlier: Vec<&Mention> = Vec::new();
        for (later_index, later) in mentions.iter().enumerate() {
            let seen_before = !stated.insert(later.figure.value.to_bits());
            if !later.comparable {
                continue;
            }
            if later.listed {
                register(&mut by_key, &mut counts, later, later_index);
                continue;
            }
            earlier.clear();
            earlier.extend(
                later
                    .keys
                    .iter()
                    .filter_map(|k| by_key.get(k.as_str()))
                    .flat_map(|indices| indices.iter().rev().take(PER_KEY))
                    .map(|&i| &mentions[i]),
            );
            earlier.sort_by_key(|m| m.figure.span.start);
            earlier.dedup_by_key(|m| m.figure.span.start);
            // A reference back whose number the copy has stated before, in
            // whatever form, restates that.
            let first_statement = (!seen_before).then_some(counts.as_slice());
            if let Some(finding) = contradiction(doc, later, &earlier, first_statement) {
                out.push(finding);
            }
            register(&mut by_key, &mut counts, later, later_index);
        }
    }
}

/// Indices of the statements of each key (what a figure counts), the most
/// recent last.
type ByKey<'m> = HashMap<&'m str, Vec<usize>, FixedState>;

/// Makes `mention` an earlier statement for the figures after it.
fn register<'m>(
    by_key: &mut ByKey<'m>,
    counts: &mut Vec<&'m Mention>,
    mention: &'m Mention,
    index: usize,
) {
    for key in &mention.keys {
        by_key.entry(key).or_default().push(index);
    }
    if mention.kind == Kind::Count {
        counts.push(mention);
    }
}

/// How many earlier statements of one thing a figure is compared with: a
/// bound on the work in copy that repeats a unit thousands of times.
const PER_KEY: usize = 64;

/// The thing a compound figure describes (`session` in `seven-hour
/// session`) or a sum is of is named in the other statement's clause (`the
/// session, which lasted about six hours`).
fn subject_near(doc: &Document, a: &Mention, b: &Mention) -> bool {
    a.subject
        .as_ref()
        .is_some_and(|s| b.clause.words(doc).contains(s))
        || b.subject
            .as_ref()
            .is_some_and(|s| a.clause.words(doc).contains(s))
}

/// Does this word before a figure make it a reference back (`the 18
/// inspectors`, `all 16 clocks`)?
fn is_definite(word_before: Option<&str>) -> bool {
    matches!(
        word_before,
        Some("the" | "all" | "those" | "these" | "both")
    )
}

/// A measure written as a compound describes its noun (`a 41-yard field
/// goal`), which a bare measure (`missed from 47 yards`) or a compound
/// describing another noun does not: a game, a race or a storm report
/// gives many distances, and only the same noun, or its mention near the
/// other figure, ties two of them together.
fn measure_of_same_thing(doc: &Document, a: &Mention, b: &Mention) -> bool {
    if a.kind != Kind::Measure && b.kind != Kind::Measure {
        return true;
    }
    match (a.figure.compound.is_some(), b.figure.compound.is_some()) {
        (false, false) => true,
        (true, true) => a.subject == b.subject,
        _ => subject_near(doc, a, b),
    }
}

/// `12 counts of fraud` and `each of the 12 counts` may be one fact;
/// `tons of coal` and `tons of steel` are not.
fn complements_agree(a: &Mention, b: &Mention) -> bool {
    match (&a.complement, &b.complement) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// How many topic words the two statements have near them.
fn shared_words(doc: &Document, a: &Mention, b: &Mention) -> usize {
    shared_topic(a, b, a.near.words(doc), b.near.words(doc))
}

/// How many topic words the two statements' clauses have in common.
fn shared_clause_words(doc: &Document, a: &Mention, b: &Mention) -> usize {
    shared_topic(a, b, a.clause.words(doc), b.clause.words(doc))
}

/// The words of `a_words` also in `b_words`, other than what either counts.
fn shared_topic(a: &Mention, b: &Mention, a_words: &ContentWords, b_words: &ContentWords) -> usize {
    let is_key = |w: &String| {
        a.keys
            .iter()
            .chain(&b.keys)
            .chain(a.complement.iter().chain(&b.complement))
            .any(|k| k.split(' ').any(|part| part == w))
    };
    a_words
        .0
        .iter()
        .filter(|w| b_words.contains(w) && !is_key(w))
        .count()
}

/// The earlier statement `later` contradicts, if any: one of the same
/// thing (`earlier`), or, for a restatement of a count under another noun,
/// one of the earlier counts. `first_statement` holds those counts when no
/// earlier figure has `later`'s number; references back are only read as
/// slips then.
fn contradiction(
    doc: &Document,
    later: &Mention,
    earlier: &[&Mention],
    first_statement: Option<&[&Mention]>,
) -> Option<Finding> {
    let same_thing: Vec<&Mention> = earlier
        .iter()
        .copied()
        .filter(|e| {
            e.sentence != later.sentence
                && complements_agree(e, later)
                && measure_of_same_thing(doc, e, later)
        })
        // An item of a list is restated only by a reference back to it;
        // durations in a list are periods compared, not facts.
        .filter(|e| !e.listed || later.definite && later.kind != Kind::Time)
        .collect();
    // Stated the same way before (the letter O aside): consistent.
    if let Some(same) = same_thing
        .iter()
        .find(|e| e.figure.value == later.figure.value)
    {
        if later.figure.letter_o && !same.figure.letter_o {
            return Some(
                Finding::new(
                    later.figure.span,
                    format!(
                        "“{}” is written with the letter O for a zero; earlier the article says {}",
                        doc.slice(later.figure.span),
                        doc.slice(same.figure.span)
                    ),
                )
                .label(same.figure.span, "written with digits here"),
            );
        }
        return None;
    }
    let has_slip = same_thing.iter().any(|e| is_slip(&e.figure, &later.figure));
    let source = if has_slip {
        same_thing_source(doc, later, &same_thing, first_statement.is_some())?
    } else {
        other_noun_source(later, first_statement?)?
    };
    Some(
        Finding::new(
            later.figure.span,
            format!(
                "“{}” here, but “{}” earlier for the same thing",
                doc.slice(later.phrase),
                doc.slice(source.phrase)
            ),
        )
        .label(source.figure.span, "stated here")
        .help("check which figure is right and use it in both places"),
    )
}

/// The statement of the same thing that `later` changes by a slip, when the
/// wording ties the two together firmly enough.
fn same_thing_source<'m>(
    doc: &Document,
    later: &Mention,
    same_thing: &[&'m Mention],
    first_statement: bool,
) -> Option<&'m Mention> {
    // Only counts of the same order of magnitude compete as statements of
    // one fact: `nine people` killed is no rival to `34 people` treated.
    // Numbers up to ten, as news copy spells them (`ten`, `seven`), are
    // one scale.
    let same_scale = |e: &Mention| {
        later.kind != Kind::Count
            || magnitude(e.figure.value) == magnitude(later.figure.value)
            || (e.figure.value <= 10.0 && later.figure.value <= 10.0)
    };
    let mut values: Vec<f64> = same_thing
        .iter()
        .filter(|e| same_scale(e))
        .map(|e| e.figure.value)
        .collect();
    values.sort_by(f64::total_cmp);
    values.dedup();
    let mut slips: Vec<(&Mention, usize)> = same_thing
        .iter()
        .filter(|e| is_slip(&e.figure, &later.figure))
        .map(|e| (*e, shared_words(doc, later, e)))
        .collect();
    slips.sort_by_key(|(_, shared)| std::cmp::Reverse(*shared));
    let &(source, evidence) = slips.first()?;
    // Another slip-like candidate with a different number and as much in
    // common: unclear which fact this restates.
    let ambiguous = slips
        .iter()
        .skip(1)
        .any(|(e, s)| *s == evidence && e.figure.value != source.figure.value);
    if later.kind == Kind::Money && later.definite && first_statement {
        return restated_sum(doc, later, &values, &slips);
    }
    if ambiguous {
        return None;
    }
    let small = later.figure.value < 10.0 || later.figure.digits.is_none();
    let needed = match later.kind {
        // Sums and percentages crowd financial copy: with three or more
        // already given, none can be told apart by wording.
        Kind::Money if values.len() > 2 => return None,
        // The only sum of its kind so far, a slip away.
        Kind::Money if values.len() == 1 => 1,
        Kind::Money | Kind::Time => 2,
        Kind::Measure => 1,
        // `the six investigators` after `six investigators` and no other
        // number of them, a few paragraphs before: a plain reference back.
        Kind::Count
            if small
                && later.definite
                && values.len() == 1
                && !later.restricted
                && later.figure.tokens.0 - source.figure.tokens.0 <= REFERENCE_REACH =>
        {
            0
        }
        Kind::Count if small && later.definite => 1,
        Kind::Count if small => 2,
        Kind::Count => 0,
    };
    // A thing counted with several numbers before is several facts: only
    // a close match in wording ties this figure to one of them.
    let needed = match values.len() {
        0 | 1 => needed,
        2 => needed.max(2),
        _ => needed.max(3),
    };
    // Any one digit is a slip of any other: `6 cents` and `5 cents` need
    // more in common.
    let needed = needed
        + usize::from(
            later.kind != Kind::Count && later.figure.digits.as_ref().is_some_and(|d| d.len() == 1),
        );
    // Round figures that differ in their leading digit (`$4,000,000`,
    // `$8,000,000`) are more often two estimates than one slip.
    let needed = needed + usize::from(is_round(&later.figure) && is_round(&source.figure));
    (evidence + usize::from(subject_near(doc, later, source)) >= needed).then_some(source)
}

/// A sum written as a reference back (`the $2.9 billion in revenue`, `the
/// $275 million loss`): the only sum of its kind stated before, or the one
/// slip whose clause shares the most with this one, by a margin.
fn restated_sum<'m>(
    doc: &Document,
    later: &Mention,
    values: &[f64],
    slips: &[(&'m Mention, usize)],
) -> Option<&'m Mention> {
    // Any one digit is a slip of any other: `$7 millions` ties to nothing.
    let significant = later
        .figure
        .digits
        .as_deref()
        .map_or(0, |d| d.bytes().filter(u8::is_ascii_digit).count());
    if is_round(&later.figure) || significant < 2 {
        return None;
    }
    // The one sum a slip away, among at most one other sum of its kind
    // (`the $48 million plant` … `a tax credit of $1.9 million` … `the $46
    // million project`).
    if let [(only, _)] = slips
        && values.len() <= 2
    {
        return Some(only);
    }
    let evidence = |e: &Mention| {
        shared_clause_words(doc, later, e)
            + usize::from(later.measured.is_some() && later.measured == e.measured)
    };
    let mut ranked: Vec<(&Mention, usize)> = slips.iter().map(|(e, _)| (*e, evidence(e))).collect();
    ranked.sort_by_key(|(_, evidence)| std::cmp::Reverse(*evidence));
    let &(source, best) = ranked.first()?;
    let rivals = ranked
        .iter()
        .skip(1)
        .any(|(e, s)| *s >= best && e.figure.value != source.figure.value);
    (best >= 2 && !rivals).then_some(source)
}

/// The count under another noun that `later` restates: `Of the 29
/// patients, six …` after `the number of cases rose to 26`. Only a
/// breakdown of a whole marks a reference back firmly enough, only a count
/// of ten or more is rare enough to tie two nouns, and only when exactly one
/// earlier number is a slip away; copy crowded with counts ties nothing.
fn other_noun_source<'m>(later: &Mention, counts: &[&'m Mention]) -> Option<&'m Mention> {
    if later.kind != Kind::Count
        || !later.breakdown
        || later.figure.digits.is_none()
        || later.figure.value < 10.0
        || counts.len() > PER_KEY
    {
        return None;
    }
    let mut slips = counts.iter().filter(|e| {
        e.sentence != later.sentence
            && e.figure.digits.is_some()
            && is_slip(&e.figure, &later.figure)
    });
    let source = *slips.next()?;
    slips
        .all(|e| e.figure.value == source.figure.value)
        .then_some(source)
}

/// Every statement of a quantity in running prose, in text order.
fn mentions(doc: &Document) -> Vec<Mention> {
    let mut out = Vec::new();
    for (index, sentence) in doc.sentences.iter().enumerate() {
        if !doc.paragraph_of(sentence).kind.is_running_prose() {
            continue;
        }
        for figure in figures_in(doc, sentence.tokens.clone()) {
            if let Some(mention) = mention(doc, figure, index, sentence.tokens.clone()) {
                out.push(mention);
            }
        }
        // A sentence listing three figures or more is a tabulation of
        // different facts (`ten destroyers, five fleet submarines, …`),
        // not a restatement of one. A percentage change is no item of a
        // list: `sales for the quarter climbed 11% to $2.6 billion`
        // states one sum.
        let in_sentence = out.iter().rev().take_while(|m| m.sentence == index).count();
        let len = out.len();
        let sentence_mentions = &mut out[len - in_sentence..];
        let items = sentence_mentions
            .iter()
            .filter(|m| !m.keys.iter().any(|k| k == "%"))
            .count();
        if items >= 3 {
            for mention in sentence_mentions.iter_mut() {
                mention.listed = true;
            }
        }
    }
    out
}

fn word_at<'d>(doc: &'d Document, i: usize) -> Option<&'d str> {
    doc.tokens
        .get(i)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| doc.slice(t.span))
}

fn lower_word_at(doc: &Document, i: usize) -> Option<String> {
    word_at(doc, i).map(str::to_lowercase)
}

/// Is token `i` a word whose lowercase form passes `test`? (Without
/// allocating it, as [`lower_word_at`] does.)
fn lower_word_is(doc: &Document, i: usize, test: impl FnOnce(&str) -> bool) -> bool {
    word_at(doc, i).is_some_and(|word| with_lowercase(word, test))
}

fn mention(
    doc: &Document,
    figure: Figure,
    sentence: usize,
    range: std::ops::Range<usize>,
) -> Option<Mention> {
    let (first, after) = figure.tokens;
    let text = doc.slice(figure.span);
    // `one` is a pronoun and an article as often as a number.
    if figure.digits.is_none() && figure.value < 2.0 {
        return None;
    }
    // Years, dates and clock times are not quantities.
    let plain = figure.digits.is_some() && !text.contains(',') && figure.compound.is_none();
    if plain && (1000.0..3000.0).contains(&figure.value) && !text.contains('.') {
        return None;
    }
    let before = first.checked_sub(1).filter(|&b| b >= range.start);
    let currency = before
        .filter(|&b| doc.tokens[b].kind == TokenKind::Symbol && !doc.tokens[first].space_before)
        .map(|b| doc.token_text(b).to_string());
    let start = if currency.is_some() { first - 1 } else { first };
    let word_before = start
        .checked_sub(1)
        .filter(|&b| b >= range.start)
        .and_then(|b| lower_word_at(doc, b));
    if word_before.as_deref().is_some_and(is_month)
        || lower_word_is(doc, after, is_month)
        || matches!(word_at(doc, after), Some("a.m." | "p.m." | "GMT"))
    {
        return None;
    }
    if figure
        .compound
        .as_deref()
        .is_some_and(|c| c.contains("old"))
    {
        return None; // ages are facts/age-mismatch's
    }

    // Scale and unit: `27 million tons`, `$2.4 billion`, `6%`, `4.2 percent`.
    let mut j = after;
    let mut scale = None;
    if lower_word_is(doc, j, |w| SCALES.contains(&w)) {
        scale = lower_word_at(doc, j);
        j += 1;
    }
    let percent = doc.tokens.get(j).is_some_and(|t| doc.slice(t.span) == "%")
        || lower_word_is(doc, j, |w| w == "percent");
    let mut keys = Vec::new();
    let mut phrase_end = doc.tokens[after - 1].span.end.max(figure.span.end);
    if scale.is_some() {
        phrase_end = doc.tokens[j - 1].span.end;
    }
    // `three hundred and fifty millions`: a number in words too long to
    // compare piecewise.
    if figure.digits.is_none() && scale.is_some() {
        return None;
    }
    let mut kind = Kind::Count;
    let mut subject = None;
    let mut complement = None;
    let head = if percent {
        phrase_end = doc.tokens[j].span.end;
        j += 1;
        kind = Kind::Money;
        keys.push("%".to_string());
        None
    } else if let Some(compound) = &figure.compound {
        keys.push(match compound.as_str() {
            "member" | "strong" => GROUP_SIZE.to_string(),
            _ => singular(compound),
        });
        phrase_end = doc.tokens[first].span.end;
        subject = head_noun(doc, after, range.end).map(|(_, noun)| singular(&noun));
        None
    } else {
        head_noun(doc, j, range.end).or_else(|| partitive_noun(doc, j, range.end))
    };
    if let Some((head_index, head)) = &head {
        // `five times greater`: a ratio, not a count.
        if matches!(head.as_str(), "times" | "time" | "fold") {
            return None;
        }
        keys.push(singular(head));
        phrase_end = doc.tokens[*head_index].span.end;
        // `tons of coal`: the complement says what is measured.
        if lower_word_is(doc, head_index + 1, |w| w == "of") {
            complement = head_noun(doc, head_index + 2, range.end).map(|(_, of)| singular(&of));
        }
    }
    // `a delegation of 18 inspectors`: the group's size.
    if word_before.as_deref() == Some("of")
        && start
            .checked_sub(2)
            .is_some_and(|b| lower_word_is(doc, b, |w| GROUPS.contains(&w)))
    {
        keys.push(GROUP_SIZE.to_string());
    }
    if currency.is_some() || scale.is_some() && keys.is_empty() {
        kind = Kind::Money;
        keys = vec![format!(
            "{} {}",
            currency.as_deref().unwrap_or(""),
            scale.as_deref().unwrap_or("")
        )];
    }
    // `the number of flu cases … rose to 26`.
    if keys.is_empty()
        && word_before
            .as_deref()
            .is_some_and(|w| STATES_A_TOTAL.contains(&w))
        && let Some(counted) = number_of(
            doc,
            range.start.max(start.saturating_sub(NUMBER_OF_REACH)),
            start,
        )
    {
        keys.push(singular(&counted));
    }
    if keys.is_empty() {
        return None;
    }
    if kind == Kind::Count && keys.iter().any(|k| in_list(k, MONEY)) {
        kind = Kind::Money;
    } else if kind == Kind::Count && keys.iter().any(|k| in_list(k, TIME)) {
        kind = Kind::Time;
    } else if kind == Kind::Count && keys.iter().any(|k| in_list(k, MEASURES)) {
        kind = Kind::Measure;
    }
    let keys: Vec<String> = keys
        .into_iter()
        .map(|k| match &scale {
            Some(scale) if currency.is_none() => format!("{scale} {k}"),
            _ => k,
        })
        .collect();

    let word_after = lower_word_at(doc, after);
    // `from four nurses to three`, `to $74 from $68`, `between 5 and 7`.
    let figure_near = |from: usize, to: usize| {
        (from.max(range.start)..to.min(range.end)).any(|k| figure_at(doc, k).is_some())
    };
    let to_follows =
        (j..(j + 3).min(range.end)).any(|k| doc.token_text(k) == "to" && figure_near(k + 1, k + 3));
    let in_range = matches!(word_before.as_deref(), Some("between" | "and" | "or"))
        && figure_near(start.saturating_sub(6), start)
        || matches!(word_before.as_deref(), Some("between"))
        || matches!(word_before.as_deref(), Some("from")) && to_follows
        || matches!(word_before.as_deref(), Some("from"))
            && old_value_before(doc, start - 1, range.start, head.as_ref().map(|(_, h)| h))
        || matches!(word_before.as_deref(), Some("to"))
            && range_start_before(doc, start - 1, range.start)
        || matches!(
            doc.tokens.get(j).map(|t| doc.slice(t.span)),
            Some("to" | "-" | "–" | "and")
        ) && doc
            .tokens
            .get(j + 1)
            .is_some_and(|t| t.kind == TokenKind::Number || t.kind == TokenKind::Symbol)
        || doc
            .tokens
            .get(after)
            .is_some_and(|t| matches!(doc.slice(t.span), "-" | "–" | "/") && !t.space_before);
    let another = (start.saturating_sub(4).max(range.start)..start)
        .any(|b| lower_word_is(doc, b, |w| ANOTHER.contains(&w)))
        || matches!(word_after.as_deref(), Some("more" | "other" | "additional"))
        // `14 new cases` is an increment, but `the 120 new jobs` refers
        // back to the jobs announced.
        || (word_after.as_deref() == Some("new") && !is_definite(word_before.as_deref()));
    let near = Window::new(start.saturating_sub(NEAR).max(range.start)..(j + NEAR).min(range.end));
    let clause =
        Window::new(start.saturating_sub(CLAUSE).max(range.start)..(j + CLAUSE).min(range.end));
    let measured = (kind == Kind::Money)
        .then(|| sum_of(doc, start, j, head.as_ref().map(|(_, h)| h), range.clone()))
        .flatten();
    let breakdown = start == range.start + 2
        && word_before.as_deref() == Some("the")
        && lower_word_is(doc, range.start, |w| w == "of");
    Some(Mention {
        phrase: Span::new(doc.tokens[start].span.start, phrase_end),
        figure,
        keys,
        complement,
        kind,
        sentence,
        near,
        clause,
        measured: measured.clone(),
        breakdown,
        restricted: lower_word_is(doc, head.as_ref().map_or(j, |(i, _)| i + 1), |w| {
            matches!(w, "who" | "that" | "which" | "whose" | "whom")
        }),
        comparable: !in_range && !another,
        listed: false,
        // What a sum is of ties it to a statement naming that thing.
        subject: subject.or(measured),
        definite: is_definite(word_before.as_deref()),
    })
}

/// The noun a figure counts: the last noun of the words after it (`16 antique
/// wall clocks` → `clocks`), up to four words.
fn head_noun(doc: &Document, from: usize, end: usize) -> Option<(usize, String)> {
    let mut head = None;
    for i in from..(from + 4).min(end) {
        let token = doc.tokens[i];
        if token.kind != TokenKind::Word {
            break;
        }
        let word = doc.slice(token.span);
        let Some(entry) = pos::lookup(word).or_else(|| pos::lookup_any_case(word)) else {
            break;
        };
        let plural = entry.primary == Tag::NNS || is_plural_of_noun(word);
        let noun = plural || entry.primary == Tag::NN;
        let modifier = matches!(entry.primary, Tag::JJ | Tag::NNP | Tag::VBN) || entry.has(Tag::JJ);
        if noun {
            head = Some((i, word.to_lowercase()));
            if plural {
                break;
            }
        } else if !modifier || head.is_some() {
            break;
        }
    }
    head
}

/// Words before a bare figure that make it the value of `the number of …`
/// (`rose to 26`, `stood at 26`, `was 26`), not a change by it (`by 600`).
const STATES_A_TOTAL: &[&str] = &[
    "to",
    "at",
    "reached",
    "hit",
    "is",
    "was",
    "are",
    "were",
    "totaled",
    "totalled",
    "topped",
    "exceeded",
    "passed",
    "about",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "than",
];

/// What a sum is of: the noun after it (`$275 million loss`), after `in`
/// (`$2.6 billion in quarterly revenue`), or before `of` (`a loss of about
/// $275 million`).
fn sum_of(
    doc: &Document,
    start: usize,
    after: usize,
    head: Option<&String>,
    range: std::ops::Range<usize>,
) -> Option<String> {
    // A currency word (`72 cents`) is the unit, not the thing.
    if let Some(head) = head.filter(|h| !in_list(&singular(h), MONEY)) {
        return Some(singular(head));
    }
    if doc
        .tokens
        .get(after)
        .is_some_and(|t| t.kind == TokenKind::Word)
        && doc.token_text(after) == "in"
    {
        return head_noun(doc, after + 1, range.end).map(|(_, noun)| singular(&noun));
    }
    let mut of = start.checked_sub(1)?;
    if lower_word_is(doc, of, |w| APPROXIMATELY.contains(&w)) {
        of = of.checked_sub(1)?;
    }
    let noun = of.checked_sub(1).filter(|&n| n >= range.start)?;
    (doc.token_text(of) == "of")
        .then(|| word_at(doc, noun))
        .flatten()
        .filter(|w| pos::lookup(w).is_some_and(|e| e.primary == Tag::NN))
        .map(str::to_lowercase)
}

/// Does the `to` at `to` end a range (`from four nurses to`, `$8.6 billion
/// to`)? Not when the figure before it is another quantity (`climbed 19%
/// from a year earlier to`).
fn range_start_before(doc: &Document, to: usize, sentence_start: usize) -> bool {
    (to.saturating_sub(6).max(sentence_start)..to).any(|k| {
        let Some(figure) = figure_at(doc, k) else {
            return false;
        };
        let mut before = k.checked_sub(1);
        if before.is_some_and(|b| doc.tokens[b].kind == TokenKind::Symbol) {
            before = before.and_then(|b| b.checked_sub(1));
        }
        let after_from = before.is_some_and(|b| b >= sentence_start && doc.token_text(b) == "from");
        after_from || to - figure.tokens.1 <= 2
    })
}

/// Is the figure after the `from` at `from` an old value (`to $74 from
/// $68`, `to 45 cases from 38 cases`)? Not when a figure of something else
/// comes before it (`600 firefighters from 14 agencies`).
fn old_value_before(
    doc: &Document,
    from: usize,
    sentence_start: usize,
    head: Option<&String>,
) -> bool {
    (from.saturating_sub(6).max(sentence_start)..from).any(|k| {
        let Some(figure) = figure_at(doc, k) else {
            return false;
        };
        let between = figure.tokens.1..from;
        between.len() <= 3
            && between.clone().all(|b| {
                doc.tokens[b].kind != TokenKind::Word
                    || SCALES.contains(&doc.token_text(b))
                    || head.is_some_and(|h| with_lowercase(doc.token_text(b), |w| h == w))
            })
    })
}

/// Words that soften a figure without changing what it counts.
const APPROXIMATELY: &[&str] = &[
    "about",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "some",
];

/// How far before a figure `the number of …` may name what it counts.
const NUMBER_OF_REACH: usize = 24;

/// The noun of the last `number of …` in `tokens` with no figure after it:
/// what a bare figure later in the clause counts.
fn number_of(doc: &Document, from: usize, to: usize) -> Option<String> {
    let mut counted = None;
    for i in from..to {
        if figure_at(doc, i).is_some() {
            counted = None;
        } else if doc.token_text(i).eq_ignore_ascii_case("number") && doc.token_text(i + 1) == "of"
        {
            counted = head_noun(doc, i + 2, to).map(|(_, noun)| noun);
        }
    }
    counted
}

/// Determiners that make `18 of the 81 schools` a part of a counted whole.
const PARTITIVE: &[&str] = &["the", "its", "their", "his", "her", "our", "those", "these"];

/// The noun of a partitive after a figure: `schools` in `18 of the
/// district’s 81 schools` or `six of the schools`.
fn partitive_noun(doc: &Document, of: usize, end: usize) -> Option<(usize, String)> {
    if doc.tokens.get(of)?.kind != TokenKind::Word
        || doc.token_text(of) != "of"
        || !lower_word_is(doc, of + 1, |w| PARTITIVE.contains(&w))
    {
        return None;
    }
    // The whole's own figure, if it has one, comes within a few words.
    let whole = (of + 2..(of + 5).min(end)).find_map(|k| figure_at(doc, k));
    let from = whole.map_or(of + 2, |w| w.tokens.1);
    head_noun(doc, from, end)
}

/// The power of ten of a figure's leading digit: 0 for `3.8`, 1 for `34`.
fn magnitude(value: f64) -> i32 {
    value.abs().max(1.0).log10().floor() as i32
}

/// A lowercase word that is the plural of a noun, though more often a verb
/// elsewhere: after a figure, `12 counts` counts charges.
fn is_plural_of_noun(word: &str) -> bool {
    word.starts_with(char::is_lowercase)
        && word
            .strip_suffix('s')
            .and_then(pos::lookup)
            .is_some_and(|e| e.primary == Tag::NN)
}

/// One significant digit and zeros: `40`, `6,000`, `10,000,000`.
fn is_round(figure: &Figure) -> bool {
    figure.digits.as_deref().is_some_and(|d| {
        let significant = d.trim_end_matches(['0', '.']);
        d.len() > 1 && significant.len() == 1
    })
}

fn in_list(key: &str, list: &[&str]) -> bool {
    key.split(' ').any(|w| list.contains(&w))
}

fn is_month(word: &str) -> bool {
    matches!(
        word,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// A plural noun's singular, roughly: enough to match `countries` with
/// `country` and `hours` with `hour`.
fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() > 2) {
        return format!("{stem}y");
    }
    for suffix in ["sses", "ches", "shes", "xes"] {
        if word.ends_with(suffix) {
            return word[..word.len() - 2].to_string();
        }
    }
    match word.strip_suffix('s') {
        Some(stem) if stem.len() > 2 && !stem.ends_with('s') && !stem.ends_with('u') => {
            stem.to_string()
        }
        _ => word.to_string(),
    }
}

/// A few dozen words at most, sorted without repeats: looked up by binary
/// search, which for so few costs less than hashing.
#[derive(Debug, Clone, Default)]
struct ContentWords(Vec<String>);

impl ContentWords {
    fn new(mut words: Vec<String>) -> ContentWords {
        words.sort_unstable();
        words.dedup();
        ContentWords(words)
    }

    fn contains(&self, word: &str) -> bool {
        self.0.binary_search_by(|w| w.as_str().cmp(word)).is_ok()
    }
}

/// A window of a mention's sentence, and its content words, read on first
/// use: most statements are never compared with another.
#[derive(Debug)]
struct Window {
    tokens: std::ops::Range<usize>,
    words: OnceCell<ContentWords>,
}

impl Window {
    fn new(tokens: std::ops::Range<usize>) -> Window {
        Window {
            tokens,
            words: OnceCell::new(),
        }
    }

    /// The window's content words, lowercase and singular.
    fn words(&self, doc: &Document) -> &ContentWords {
        self.words.get_or_init(|| {
            let words = self.tokens.clone().filter_map(|i| content_word(doc, i));
            ContentWords::new(words.collect())
        })
    }
}

/// Token `i` as a content word, lowercase and singular, if it is one.
fn content_word(doc: &Document, i: usize) -> Option<String> {
    let token = doc.tokens[i];
    if token.kind != TokenKind::Word {
        return None;
    }
    let word = doc.slice(token.span);
    // Two ASCII letters stay two lowercase: too short to carry a topic.
    if word.len() <= 2 && word.is_ascii() {
        return None;
    }
    with_lowercase(word, |lower| {
        let topical =
            lower.chars().count() > 2 && !STOPWORDS.contains(lower) && word_value(lower).is_none();
        topical.then(|| singular(lower))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{check_text, flagged};

    #[test]
    fn flags_a_restated_figure_that_changed() {
        let rule = QuantityMismatch::new();
        assert_eq!(
            check_text(
                &rule,
                "Reed, who led a Canadian delegation of 18 inspectors, spoke. Later, Reed said the 19-member team would brief Parliament."
            ),
            vec![(
                "19".to_string(),
                "“19-member” here, but “18 inspectors” earlier for the same thing".to_string()
            )]
        );
        for (text, expected) in [
            (
                "On Friday, a group of 43 schools will compete. Teachers from 42 schools arrived.",
                "42",
            ),
            (
                "Burglars took 16 antique clocks. The shop said all 61 clocks were insured.",
                "61",
            ),
            (
                "The port shipped about 27 million tons of coal through the canal since March. \
                 The canal has carried 22 million tons of coal since March, officials said.",
                "22",
            ),
            (
                "The session lasted about six hours. Reed left the seven-hour session early.",
                "seven",
            ),
            (
                "Ten people were injured, and none died. A lawyer said he would sue for six of the seven people hurt.",
                "seven",
            ),
            (
                "The bakery will add about 120 jobs, the company said. The 124 new jobs will pay $24 an hour.",
                "124",
            ),
            (
                "The $48 million plant will open in 2026. A tax credit of $1.9 million was approved. \
                 Officials said the $46 million project was the largest in a decade.",
                "46",
            ),
            (
                "The flood had covered about 12,300 hectares. Price said the 12,400 hectares covered so far were farmland.",
                "12,400",
            ),
            (
                "The flood had covered about 12,300 hectares. Price said the 12,3OO hectares covered so far were farmland.",
                "12,3OO",
            ),
            (
                "The firm said sales for the quarter climbed to $2.4 billion. Analysts had expected $2.2 billion. \
                 The $2.7 billion in quarterly sales was a firm record.",
                "2.7",
            ),
        ] {
            assert_eq!(flagged(&rule, text), vec![expected], "{text}");
        }
    }

    #[test]
    fn flags_a_count_restated_by_reference() {
        let rule = QuantityMismatch::new();
        for (text, expected) in [
            (
                "Jurors convicted Hale on 14 counts of tax evasion in March. \
                 Hale denied each of the 41 counts at trial.",
                "41",
            ),
            (
                "The number of flu cases at the home rose to 26 by Friday, officials said. \
                 Of the 29 patients, six were still in hospital.",
                "29",
            ),
        ] {
            assert_eq!(flagged(&rule, text), vec![expected], "{text}");
        }
    }

    #[test]
    fn different_facts_and_consistent_restatements_pass() {
        let rule = QuantityMismatch::new();
        for text in [
            "A delegation of 18 inspectors came. The 18-member team left.",
            "Two people died. Five were injured.",
            "Three companies merged. Each of the fourteen companies is barred from bidding.",
            "Two nurses quit in May. The clinic reduced its night shift from four nurses to three.",
            "It raised its outlook to $8.6 billion to $8.9 billion. It expects $2.6 billion to $3 billion.",
            "Shares fell 6% in early trading. The stock closed down 4.2%.",
            "Sales climbed 17%. The stock rose 12% in a month.",
            "The storm had flooded 30 homes. Another 35 homes were damaged.",
            "Gusts of 65 mph toppled trees. Gusts may again hit 60 mph by Sunday.",
            "She raised her target to $74 from $68. The stock closed at $71.20.",
            "The project began in 2016. In 2015 it had stalled.",
            "About 300 people slept in gyms. More than 7,000 people left.",
            "Two nurses were treated. About 1,400 nurses were assigned.",
            "A committee of 15 officials met. Some 1,530 members voted. The 15-member committee left.",
            "The 16 clocks were insured. A reward of $20,000 was offered for the 16 clocks.",
            "He kicked a 41-yard field goal in overtime. He had missed from 47 yards in the fourth quarter.",
            "The county reported 14 new cases on Monday. It reported 11 new cases on Tuesday.",
            "Hale faces 14 counts of tax evasion and 3 counts of perjury.",
            "Cases rose to 26 by Friday. Of the 140 residents, six were tested.",
            "Warships included ten destroyers, five submarines and two carriers. Six frigates sailed.",
        ] {
            assert!(
                flagged(&rule, text).is_empty(),
                "{text}: {:?}",
                flagged(&rule, text)
            );
        }
    }
}
