//! Finding person mentions in the Document's sentences and linking them into
//! people.
//!
//! Capitalised runs of words are read left to right: a known first name
//! followed by more name words is a full name (`Deputy Secretary of State
//! Nora Gorman`, `Asia Anna J. Whitley`); a title or honorific followed
//! by one to three name words is a person too (`President Macron`, `Nigerian
//! mediator Chiamaka Obi` via the lowercase role noun); a lone capitalised word
//! is kept as a possible surname-only mention and linked to a person by exact
//! surname, or by a close spelling (a variant) when it stands where a person
//! stands (before a speech verb, as a possessive, as a subject).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::similarity::closeness;
use super::words::{
    is_demonym, is_function_word, is_month_or_day, is_name_particle_lowercased, is_name_suffix,
    is_non_person_head, is_person_noun, is_place, is_place_prefix, is_speech_verb,
    is_surname_like_head, is_title_word,
};
use super::{Entities, Mention, Person};
use crate::document::{BlockKind, Document, TokenKind};
use crate::lexicon::recent::RecentWords;
use crate::lexicon::{names, pos};
use crate::lowercase::with_lowercase;
use crate::span::Span;

/// Given names with fewer recorded births than this are too rare to be
/// taken for a given name on their own.
const RARE_GIVEN_NAME: u32 = 2_000;

/// A name found in a sentence, before linking.
#[derive(Debug, Clone)]
struct Candidate {
    span: Span,
    surname: Span,
    given: Option<Span>,
    suffix: Option<Span>,
    title: Option<Span>,
    form: Form,
    /// Stands where a person stands: next to a speech verb, after a title or
    /// role noun, before an appositive or age.
    person_position: bool,
    subject: bool,
    possessive: bool,
    sentence: usize,
    paragraph: usize,
    quoted: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// Given name and surname.
    Full,
    /// A title or honorific and a surname only (`Mr. Blake`).
    Titled,
    /// A lone capitalised word that may be a surname.
    Bare,
}

pub fn extract(doc: &Document) -> Entities {
    let mut candidates = Vec::new();
    // One memo for the whole article: each sentence's scanner reads its own
    // tokens' entries, so nothing is allocated per sentence. (Zeroed
    // numbers, which the allocator hands out ready: not a value written
    // per token.)
    let mut known = vec![0; doc.tokens.len()];
    let known = Cell::from_mut(&mut known[..]).as_slice_of_cells();
    let mut runs = Vec::new();
    for (paragraph_index, paragraph) in doc.paragraphs.iter().enumerate() {
        let prose = matches!(
            paragraph.kind,
            BlockKind::Body | BlockKind::Caption | BlockKind::ListItem | BlockKind::TableCell
        );
        if !prose {
            continue;
        }
        for sentence in paragraph.sentences.clone() {
            let tokens = doc.sentences[sentence].tokens.clone();
            Scanner {
                doc,
                sentence,
                start: tokens.start,
                end: tokens.end,
                verb_scan: Cell::new((tokens.start, None)),
                known,
            }
            .scan(paragraph_index, &mut runs, &mut candidates);
        }
    }
    link(doc, candidates)
}

struct Scanner<'d> {
    doc: &'d Document<'d>,
    sentence: usize,
    /// The sentence's tokens, `start..end`.
    start: usize,
    end: usize,
    /// How far the sentence has been read for its first lowercase finite
    /// verb, and that verb once found: read only as far as a subject asks
    /// (most stand near the start), and never twice, so that judging
    /// subjects stays linear in a long sentence.
    verb_scan: Cell<(usize, Option<usize>)>,
    /// Per token of the article, the word tests already made: reading a
    /// run asks each of them of the same token several times, and each is
    /// a lookup in a word list.
    known: &'d [Cell<u16>],
}

/// What a token's memo knows: its [`WordFacts`] in the low byte once
/// [`FACTS_KNOWN`] is set, and whether it is a particle before a name
/// ([`PARTICLE`]) once [`PARTICLE_KNOWN`] is. Zero: nothing yet.
const FACTS_KNOWN: u16 = 1 << 8;
const PARTICLE_KNOWN: u16 = 1 << 9;
const PARTICLE: u16 = 1 << 10;

/// What a word's text alone says of it, as a reader of names asks: one
/// byte of answers, found once for each word a thread meets lately (a
/// speech writes `The`, `I` and `Congress` hundreds of times), not once
/// for each test of each token.
#[derive(Clone, Copy, Default)]
struct WordFacts(u8);

impl WordFacts {
    /// A capitalised word that can be part of a person's name.
    const NAME_WORD: u8 = 1;
    /// A title before a person's name (`President`, `Dr.`).
    const TITLE: u8 = 2;
    /// A name particle (`de`, `van`), but not a given name of its own.
    const PARTICLE_WORD: u8 = 4;
    /// A name word that is not a title, function word or demonym.
    const NAME_PART: u8 = 8;
    /// A name word heading an organisation's name (`Ministry`).
    const NON_PERSON_HEAD: u8 = 16;
    /// An all-capitals word (`NATO`, `US`, `U.S.`).
    const CAPS: u8 = 32;

    fn has(self, fact: u8) -> bool {
        self.0 & fact != 0
    }

    /// The facts of `word`, remembered per thread for short words.
    fn of(word: &str) -> WordFacts {
        thread_local! {
            static RECENT: RefCell<RecentWords<WordFacts>> =
                const { RefCell::new(RecentWords::new()) };
        }
        RECENT
            .with_borrow_mut(|recent| recent.get(word.as_bytes(), || Some(Self::find(word))))
            .unwrap_or_default()
    }

    /// The facts of a word starting with an ASCII letter in lowercase: it
    /// may only be a particle, and only a few words are, told apart without
    /// a memo.
    fn of_lowercase(word: &str) -> WordFacts {
        WordFacts(if is_particle_word(word) {
            WordFacts::PARTICLE_WORD
        } else {
            0
        })
    }

    fn find(word: &str) -> WordFacts {
        let name_word = looks_like_name_word(word);
        let title = is_title_word(word);
        let name_part =
            name_word && !title && !is_function_word(word) && !is_demonym(strip_possessive(word));
        let caps = word.len() > 1
            && word.chars().any(char::is_uppercase)
            && !word.chars().any(char::is_lowercase);
        let mut facts = 0;
        for (holds, fact) in [
            (name_word, WordFacts::NAME_WORD),
            (title, WordFacts::TITLE),
            (is_particle_word(word), WordFacts::PARTICLE_WORD),
            (name_part, WordFacts::NAME_PART),
            (
                name_part && is_non_person_head(strip_possessive(word)),
                WordFacts::NON_PERSON_HEAD,
            ),
            (caps, WordFacts::CAPS),
        ] {
            if holds {
                facts |= fact;
            }
        }
        WordFacts(facts)
    }
}

/// A capitalised word that can be part of a person's name: not all
/// capitals, no month or day, no abbreviation.
fn looks_like_name_word(word: &str) -> bool {
    let word = strip_possessive(word);
    word.starts_with(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && !is_month_or_day(word)
        && !word.contains('.')
}

/// A name particle (`de`, `la`, `bin`; capitalised at a sentence's start,
/// `De la Cruz`), unless it is a given name in its own right (`Van`, `Al`).
fn is_particle_word(word: &str) -> bool {
    if !is_name_particle_lowercased(word) {
        return false;
    }
    let capitalised = with_lowercase(word, |lower| word != lower);
    // `Van` (30,000 births) and `Al` (17,000) are given names; `De`, `La`
    // and `Von` (a few thousand at most) are particles.
    !(capitalised && names::first_name(word).is_some_and(|n| n.total() >= 10_000))
}

/// The name-word tokens of part of a run, as far as a reader of names asks
/// about them: how many, the first three and the last two. Kept inline:
/// reading a run asks for them several times.
#[derive(Clone, Copy, Default)]
struct NameWords {
    len: usize,
    head: [usize; 3],
    tail: [usize; 2],
}

impl NameWords {
    fn one(i: usize) -> NameWords {
        let mut words = NameWords::default();
        words.push(i);
        words
    }

    fn push(&mut self, i: usize) {
        if self.len < self.head.len() {
            self.head[self.len] = i;
        }
        self.tail = [self.tail[1], i];
        self.len += 1;
    }

    fn len(&self) -> usize {
        self.len
    }

    fn first(&self) -> Option<usize> {
        (self.len > 0).then_some(self.head[0])
    }

    fn last(&self) -> Option<usize> {
        (self.len > 0).then_some(self.tail[1])
    }

    /// The word before the last, of two or more.
    fn before_last(&self) -> usize {
        self.tail[0]
    }

    /// The first three words: all of them, when there are no more.
    fn few(&self) -> &[usize] {
        &self.head[..self.len.min(self.head.len())]
    }
}

impl Scanner<'_> {
    fn text(&self, i: usize) -> &str {
        self.doc.token_text(i)
    }

    fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    fn is_word(&self, i: usize) -> bool {
        self.range().contains(&i) && self.doc.tokens[i].kind == TokenKind::Word
    }

    /// A dot glued to token `i` (`Lt.`, `K.`).
    fn dot_after(&self, i: usize) -> bool {
        let next = i + 1;
        self.range().contains(&next)
            && !self.doc.tokens[next].space_before
            && self.text(next) == "."
    }

    /// What token `i`'s text says of it.
    fn facts(&self, i: usize) -> WordFacts {
        let known = self.known[i].get();
        if known & FACTS_KNOWN != 0 {
            return WordFacts(known as u8);
        }
        let word = self.text(i);
        let facts = if self.doc.tokens[i].starts_ascii_lowercase() {
            WordFacts::of_lowercase(word)
        } else {
            WordFacts::of(word)
        };
        self.known[i].set(known | FACTS_KNOWN | u16::from(facts.0));
        facts
    }

    /// A capitalised word that can be part of a person's name.
    fn is_name_word(&self, i: usize) -> bool {
        self.is_word(i) && self.facts(i).has(WordFacts::NAME_WORD)
    }

    /// A name particle followed by another particle or a name word.
    fn is_particle(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let known = self.known[i].get();
        if known & PARTICLE_KNOWN != 0 {
            return known & PARTICLE != 0;
        }
        let particle = self.facts(i).has(WordFacts::PARTICLE_WORD)
            && (self.is_particle(i + 1) || self.is_name_word(i + 1));
        // Read again: the facts were noted meanwhile.
        let known = self.known[i].get() | PARTICLE_KNOWN;
        self.known[i].set(if particle { known | PARTICLE } else { known });
        particle
    }

    /// `K.` in `Anna J. Whitley`.
    fn is_initial(&self, i: usize) -> bool {
        self.is_word(i) && {
            let word = self.text(i);
            word.len() == 1 && word.starts_with(char::is_uppercase) && self.dot_after(i)
        }
    }

    /// A name word that can be part of a person's name as written: not a
    /// title, a function word or a demonym.
    fn is_name_part(&self, i: usize) -> bool {
        self.is_word(i) && self.facts(i).has(WordFacts::NAME_PART)
    }

    fn is_title(&self, i: usize) -> bool {
        self.is_word(i) && self.facts(i).has(WordFacts::TITLE)
    }

    /// An all-capitals word (`NATO`, `US`, `U.S.`): part of a title prefix.
    fn is_caps(&self, i: usize) -> bool {
        self.is_word(i) && self.facts(i).has(WordFacts::CAPS)
    }

    fn is_possessive(&self, i: usize) -> bool {
        let word = self.text(i);
        word.ends_with("’s") || word.ends_with("'s")
    }

    /// Capitalised runs of the sentence, as token ranges. A run holds name
    /// words, initials, titles (with their dots), all-capitals words, name
    /// particles before a name word, and `of`/`for` inside a title
    /// (`Secretary of State`). A possessive ends a run.
    ///
    /// A run starts at a word that may be capitalised, or at the name
    /// particles in lowercase right before one (`de la Cruz`): only those
    /// are read, from the Document's index of capitals.
    fn runs(&self, runs: &mut Vec<(usize, usize)>) {
        runs.clear();
        let range = self.range();
        // Every token before `from` is read: in a run, or starting none.
        let mut from = range.start;
        for capital in self.doc.capitals_and_numbers(range) {
            // (One branch on both tests: which of the indexed capitals and
            // numbers are words is not predictable.)
            if (capital < from) | !self.is_word(capital) {
                continue;
            }
            let mut start = capital;
            while start > from && self.is_lowercase_particle(start - 1) {
                start -= 1;
            }
            // Particles start a run only together (each if the next does),
            // so if the first of them starts none, the capital is next.
            let mut end = self.run_end(start);
            if end == start && start < capital {
                start = capital;
                end = self.run_end(capital);
            }
            from = if end > start {
                runs.push((start, end));
                end
            } else {
                capital + 1
            };
        }
    }

    /// A name particle in lowercase (`de`, `van`, `bin`).
    fn is_lowercase_particle(&self, i: usize) -> bool {
        self.is_word(i)
            && self.doc.tokens[i].starts_ascii_lowercase()
            && is_name_particle_lowercased(self.text(i))
    }

    /// Where a run starting at token `i` ends (`i` itself: none starts).
    fn run_end(&self, i: usize) -> usize {
        let range = self.range();
        let mut j = i;
        loop {
            if j >= range.end {
                break;
            }
            let starts_here = j == i;
            // A word starting with an ASCII letter in lowercase is no
            // initial, title, name word or capitals word: only a
            // particle or a connector, told apart below.
            let lowercase = self.is_word(j) && self.doc.tokens[j].starts_ascii_lowercase();
            if !lowercase && (self.is_initial(j) || (self.is_title(j) && self.dot_after(j))) {
                j += 2;
            } else if starts_here && self.is_particle(j) {
                j += 1;
            } else if !lowercase && (self.is_name_word(j) || self.is_title(j) || self.is_caps(j)) {
                j += 1;
                if self.is_possessive(j - 1) {
                    break;
                }
            } else if !starts_here && self.is_word(j) {
                // Particles (`de la Cruz`) and `of`/`for` inside a title
                // (`Secretary of State`) join the run when a name word follows.
                let mut k = j;
                while self.is_particle(k) {
                    k += 1;
                }
                let connector =
                    k == j && matches!(self.text(j), "of" | "for") && self.is_title(j - 1);
                if connector {
                    k += 1;
                }
                if k > j && self.is_name_word(k) {
                    j = k;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        j
    }

    /// Read the sentence's runs (into `runs`, kept for the next sentence)
    /// for candidates.
    fn scan(&self, paragraph: usize, runs: &mut Vec<(usize, usize)>, out: &mut Vec<Candidate>) {
        self.runs(runs);
        for &(start, end) in runs.iter() {
            if let Some(candidate) = self.read_run(start, end, paragraph) {
                out.push(candidate);
            }
        }
    }

    /// Is token `i` a first name that starts a person's name here?
    fn starts_full_name(&self, i: usize, end: usize) -> bool {
        if !self.is_name_word(i) || self.is_title(i) || self.is_particle(i) {
            return false;
        }
        let word = self.text(i);
        // The rest must be name words only, and at least one of them (most
        // runs are one word: ruled out before the names list is read). A
        // lone surname may look like a place (`Tom Lane`, `Ann Hall`).
        let rest = self.name_tokens(i + 1, end).or_else(|| {
            let words = self.name_tokens_allowing_heads(i + 1, end)?;
            let surname = strip_possessive(self.text(words.first()?));
            (words.len() == 1 && is_surname_like_head(surname) && !pos::is_common_word(word))
                .then_some(words)
        });
        let Some(rest) = rest else {
            return false;
        };
        let Some(last) = rest.last() else {
            return false;
        };
        let surname = strip_possessive(self.text(last));
        if is_function_word(surname) {
            return false;
        }
        let Some(counts) = names::first_name(word) else {
            return false;
        };
        // `Even France…`, `Still Congress…`: a sentence's first word that is
        // an ordinary adverb or adjective, not a given name.
        let sentence_start = i == self.range().start;
        if sentence_start
            && with_lowercase(word, pos::lookup)
                .is_some_and(|e| !e.primary.is_noun() && !e.primary.is_proper_noun())
        {
            return false;
        }
        if is_place_prefix(word) {
            return false;
        }
        // `New York Jets`, `San Francisco Giants`: a given name after a
        // place's first word continues the place.
        if i > self.range().start && self.is_word(i - 1) && is_place_prefix(self.text(i - 1)) {
            return false;
        }
        // `Rose Hill Farm Road`, `Lisbon Some`: a first name that is also
        // an ordinary word or a place needs an unmistakable surname after it.
        if (pos::is_common_word(word) || is_place(word)) && pos::is_common_word(surname) {
            return false;
        }
        // `Even Mexico`, `Santiago Cuba`: a place after a first name is a
        // place, unless a title or a speech verb says a person stands here.
        if is_place(surname) && !self.person_position(i, end) && !(i > 0 && self.is_title(i - 1)) {
            return false;
        }
        // A rare given name (`Santa`, `Tadeusz`) counts where a person stands.
        counts.total() >= RARE_GIVEN_NAME || self.person_position(i, end) || self.is_subject(i, end)
    }

    /// The name-word tokens of `start..end` (initials and particles skipped),
    /// or `None` when something else is in the way (a title, a demonym, the
    /// head of an organisation's name).
    fn name_tokens(&self, start: usize, end: usize) -> Option<NameWords> {
        self.name_tokens_where(start, end, false)
    }

    fn name_tokens_allowing_heads(&self, start: usize, end: usize) -> Option<NameWords> {
        self.name_tokens_where(start, end, true)
    }

    /// A lone word that names a people (`Roman`, `Norman`) is a surname
    /// where a person stands: before a speech verb, with no article before it.
    fn lone_name_like_demonym(&self, start: usize, end: usize) -> Option<usize> {
        let i = (start..end).find(|&i| !self.is_particle(i))?;
        let word = strip_possessive(self.text(i));
        let article_before = || {
            start.checked_sub(1).is_some_and(|b| {
                self.is_word(b) && with_lowercase(self.text(b), |w| matches!(w, "a" | "an" | "the"))
            })
        };
        let alone = (i + 1..end).all(|j| self.is_particle(j));
        (alone
            && is_demonym(word)
            && self.is_name_word(i)
            && !article_before()
            && self.person_position(start, end))
        .then_some(i)
    }

    fn name_tokens_where(
        &self,
        start: usize,
        end: usize,
        heads_allowed: bool,
    ) -> Option<NameWords> {
        let mut out = NameWords::default();
        let mut i = start;
        while i < end {
            if self.is_initial(i) {
                i += 2;
                continue;
            }
            if self.is_particle(i) {
                i += 1;
                continue;
            }
            if !self.is_name_part(i)
                || (!heads_allowed && self.facts(i).has(WordFacts::NON_PERSON_HEAD))
            {
                return None;
            }
            out.push(i);
            i += 1;
        }
        Some(out)
    }

    fn read_run(&self, start: usize, end: usize, paragraph: usize) -> Option<Candidate> {
        // 1. A known first name followed by name words. (Not the run's last
        //    word, which no name word follows: most runs are one word.)
        if let Some(given) = (start..end - 1).find(|&i| self.starts_full_name(i, end)) {
            return self.candidate(start, given, end, Form::Full, paragraph);
        }
        // 2. A title, then one to three name words.
        let last_title = (start..end).rev().find(|&i| self.is_title(i));
        if let Some(t) = last_title {
            let name_start = if self.dot_after(t) { t + 2 } else { t + 1 };
            if let Some(words) = self.name_tokens(name_start, end)
                && (1..=3).contains(&words.len())
            {
                let form = if words.len() == 1 {
                    Form::Titled
                } else {
                    Form::Full
                };
                return self.candidate(start, name_start, end, form, paragraph);
            }
            return None;
        }
        let Some(words) = self.name_tokens(start, end) else {
            self.lone_name_like_demonym(start, end)?;
            return self.candidate(start, start, end, Form::Bare, paragraph);
        };
        match words.len() {
            // 3. Two or three name words where a person stands (a given name
            //    the lexicon does not know: `Volodymyr Zelenskyy said`).
            2 | 3
                if self.person_position(start, end)
                    && !is_place_prefix(self.text(start))
                    && words
                        .few()
                        .iter()
                        .all(|&w| !pos::is_common_word(strip_possessive(self.text(w)))) =>
            {
                self.candidate(start, start, end, Form::Full, paragraph)
            }
            // 4. One name word, perhaps after particles (`de la Cruz`).
            1 if words
                .first()
                .is_some_and(|w| !is_place(strip_possessive(self.text(w)))) =>
            {
                self.candidate(start, start, end, Form::Bare, paragraph)
            }
            _ => None,
        }
    }

    fn candidate(
        &self,
        run_start: usize,
        name_start: usize,
        end: usize,
        form: Form,
        paragraph: usize,
    ) -> Option<Candidate> {
        let doc = self.doc;
        let name_words = self
            .name_tokens(name_start, end)
            .or_else(|| self.name_tokens_allowing_heads(name_start, end))
            .or_else(|| {
                self.lone_name_like_demonym(name_start, end)
                    .map(NameWords::one)
            })?;
        let mut last = name_words.last()?;
        let mut suffix = None;
        if name_words.len() >= 2 && is_name_suffix(self.text(last)) {
            suffix = Some(doc.tokens[last].span);
            last = name_words.before_last();
        }
        let possessive = self.is_possessive(end - 1);
        let surname_end = trimmed_end(doc, last);
        // The surname starts at its particles: `de la Cruz`.
        let mut surname_start = last;
        while surname_start > name_start && self.is_particle(surname_start - 1) {
            surname_start -= 1;
        }
        let given = (form == Form::Full).then(|| doc.tokens[name_start].span);
        let title = (name_start > run_start)
            .then(|| self.title_span(run_start, name_start))
            .flatten();
        let span = Span::new(doc.tokens[name_start].span.start, surname_end);
        // `…, Brandt said.` is an attribution even where broken quotation
        // marks make it look quoted (unlike `“Boris told me he was ready”`).
        let attribution = self.is_word(end)
            && with_lowercase(self.text(end), is_speech_verb)
            && self.ends_attribution(end + 1);
        let quoted = doc.is_quoted(span.start) && !attribution;
        let person_position = self.person_position(run_start, end) || title.is_some();
        let subject = self.is_subject(run_start, end);
        Some(Candidate {
            span,
            surname: Span::new(doc.tokens[surname_start].span.start, surname_end),
            given,
            suffix,
            title,
            form,
            person_position,
            subject,
            possessive,
            sentence: self.sentence,
            paragraph,
            quoted,
        })
    }

    /// The title words right before the name, within the run.
    fn title_span(&self, run_start: usize, name_start: usize) -> Option<Span> {
        let mut first = name_start;
        while first > run_start {
            let i = first - 1;
            let word = self.text(i);
            let part = self.is_title(i)
                || self.is_caps(i)
                || matches!(word, "of" | "for" | ".")
                || (self.is_name_word(i) && !is_demonym(word) && !self.is_possessive(i));
            if !part {
                break;
            }
            first = i;
        }
        while first < name_start && matches!(self.text(first), "of" | "for" | ".") {
            first += 1;
        }
        (first < name_start).then(|| {
            self.doc.tokens[first]
                .span
                .cover(self.doc.tokens[name_start - 1].span)
        })
    }

    /// Next to a speech verb (`Reed said`, `said Tom Reed`), after a role noun
    /// (`mediator Emre Kaya`), or before an appositive or age (`Reed, 54,`,
    /// `Reed, a senior fellow`).
    fn person_position(&self, start: usize, end: usize) -> bool {
        let before = start.checked_sub(1);
        let speech_after = self.lower_is(end, is_speech_verb)
            || (self.lower_is(end, is_adverb) && self.lower_is(end + 1, is_speech_verb));
        let speech_before = before.is_some_and(|b| self.lower_is(b, is_speech_verb));
        let role_before = before.is_some_and(|b| self.lower_is(b, is_person_noun));
        let appositive = self.lower_is(end, |w| w == ",")
            && self.lower_is(end + 1, |w| {
                matches!(w, "a" | "an" | "the" | "who" | "whose")
                    || w.starts_with(|c: char| c.is_ascii_digit())
            });
        speech_after || speech_before || role_before || appositive
    }

    /// Is token `i` in the sentence, and does its lowercase form pass `test`?
    fn lower_is(&self, i: usize, test: impl FnOnce(&str) -> bool) -> bool {
        self.range().contains(&i) && with_lowercase(self.text(i), test)
    }

    /// What may follow the speech verb of an attribution: the end of the
    /// sentence or clause, or when it was said (`said Monday`, `said on`).
    fn ends_attribution(&self, after_verb: usize) -> bool {
        if !self.range().contains(&after_verb) {
            return true;
        }
        let next = self.text(after_verb);
        matches!(
            next,
            "." | ","
                | ";"
                | "“"
                | "on"
                | "in"
                | "at"
                | "after"
                | "during"
                | "late"
                | "earlier"
                | "later"
                | "last"
                | "this"
        ) || is_month_or_day(next)
    }

    /// The sentence's subject: nothing but titles, commas and the like before
    /// it and no finite verb yet; or the agent of a speech verb.
    fn is_subject(&self, start: usize, end: usize) -> bool {
        let before = start.checked_sub(1);
        if self.lower_is(end, is_speech_verb)
            || before.is_some_and(|b| self.lower_is(b, is_speech_verb))
        {
            return true;
        }
        let preposition = |w: &str| pos::lookup(w).is_some_and(|e| e.primary == pos::Tag::IN);
        if before.is_some_and(|b| self.lower_is(b, preposition)) {
            return false;
        }
        !self.finite_verb_before(start)
    }

    /// Does a lowercase finite verb come before token `end` in the sentence?
    fn finite_verb_before(&self, end: usize) -> bool {
        let (mut read, mut verb) = self.verb_scan.get();
        while verb.is_none() && read < end {
            let token = self.doc.tokens[read];
            let finite = token.kind == TokenKind::Word
                && token.starts_lowercase(&self.doc.text)
                && pos::lookup(self.text(read)).is_some_and(|e| e.primary.is_finite_verb());
            if finite {
                verb = Some(read);
            }
            read += 1;
        }
        self.verb_scan.set((read, verb));
        verb.is_some_and(|verb| verb < end)
    }
}

fn is_adverb(word: &str) -> bool {
    matches!(
        word,
        "also" | "later" | "then" | "previously" | "earlier" | "has" | "had" | "have"
    )
}

/// `Gorman’s` → `Gorman`.
pub(crate) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
}

/// Where token `i`'s word ends, without a possessive `’s`.
fn trimmed_end(doc: &Document, i: usize) -> usize {
    let span = doc.tokens[i].span;
    span.start + strip_possessive(doc.slice(span)).len()
}

/// Link candidates into people: full names first, then titled surnames, then
/// lone words by exact surname or, where a person stands, by close spelling.
fn link(doc: &Document, candidates: Vec<Candidate>) -> Entities {
    let mut linker = Linker {
        doc,
        candidates: &candidates,
        people: Vec::new(),
        resolved: Vec::new(),
        bare_counts: HashMap::default(),
    };
    for c in candidates.iter().filter(|c| c.form == Form::Bare) {
        *linker.bare_counts.entry(surname_of(doc, c)).or_default() += 1;
    }
    for (index, c) in candidates.iter().enumerate() {
        if c.form != Form::Bare {
            linker.link_named(index);
        }
    }
    for (index, c) in candidates.iter().enumerate() {
        if c.form == Form::Bare {
            linker.link_bare(index);
        }
    }
    linker.finish()
}

/// A person while linking: where they were introduced, by candidate index.
struct Draft {
    given: Option<String>,
    surname: String,
    suffix: Option<String>,
    introduced: usize,
}

struct Linker<'a> {
    doc: &'a Document<'a>,
    candidates: &'a [Candidate],
    people: Vec<Draft>,
    /// (candidate, person or `None` when ambiguous, variant spelling)
    resolved: Vec<(usize, Option<usize>, bool)>,
    /// How often each lone word occurs, so that an established name is not
    /// taken for a variant of a rarer one.
    bare_counts: HashMap<&'a str, usize, FixedState>,
}

/// The last word of the candidate's surname, as written.
fn surname_of<'d>(doc: &'d Document, c: &Candidate) -> &'d str {
    last_word(doc.slice(c.surname))
}

impl<'a> Linker<'a> {
    /// The one person who passes `test`: `None` when nobody does,
    /// `Some(None)` when several do.
    fn the_one(&self, test: impl Fn(&Draft) -> bool) -> Option<Option<usize>> {
        let mut passing = (0..self.people.len()).filter(|&p| test(&self.people[p]));
        let first = passing.next()?;
        Some(passing.next().is_none().then_some(first))
    }

    fn add_person(
        &mut self,
        index: usize,
        given: Option<String>,
        surname: String,
        suffix: Option<String>,
    ) -> usize {
        self.people.push(Draft {
            given,
            surname,
            suffix,
            introduced: index,
        });
        self.people.len() - 1
    }

    /// A full or titled name: the same person as an earlier one with the same
    /// surname, suffix and (if both have one) given name; a misspelling of an
    /// earlier one with the same given name; or a new person.
    fn link_named(&mut self, index: usize) {
        let c = &self.candidates[index];
        let surname = surname_of(self.doc, c).to_string();
        let given = c.given.map(|g| self.doc.slice(g).to_string());
        let suffix = c
            .suffix
            .map(|s| self.doc.slice(s).trim_end_matches('.').to_string());
        // `Ortega Díaz` after `Rafael Ortega Díaz`: the end of a full name
        // already given, not a new person with the given name `Ortega`.
        let written = self.doc.slice(c.span);
        let tail_of = |p: &Draft| {
            let introduced = self.doc.slice(self.candidates[p.introduced].span);
            introduced.len() > written.len()
                && introduced.ends_with(written)
                && introduced[..introduced.len() - written.len()].ends_with(' ')
        };
        let same = self.people.iter().rposition(|p| {
            let same_name = p.surname == surname
                && p.suffix == suffix
                && match (&p.given, &given) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                };
            same_name || (p.surname == surname && tail_of(p))
        });
        if let Some(p) = same {
            if self.people[p].given.is_none() && given.is_some() {
                self.people[p].given = given;
            }
            self.resolved.push((index, Some(p), false));
            return;
        }
        // `Nora Garmeen` after `Nora Gorman`.
        let misspelled = given.as_deref().and_then(|g| {
            self.people.iter().position(|p| {
                p.given.as_deref() == Some(g) && closeness(&surname, &p.surname).is_some()
            })
        });
        if let Some(p) = misspelled {
            self.resolved.push((index, Some(p), true));
            return;
        }
        let p = self.add_person(index, given, surname, suffix);
        self.resolved.push((index, Some(p), false));
    }

    /// A lone capitalised word: a known surname, a variant of one, a person
    /// named by surname alone where a person clearly stands, or nothing.
    fn link_bare(&mut self, index: usize) {
        let c = &self.candidates[index];
        let word = surname_of(self.doc, c);
        // The person of that surname; ambiguous when several have it.
        if let Some(person) = self.the_one(|p| p.surname == word) {
            return self.resolved.push((index, person, false));
        }
        // A given name alone: the person introduced with it (`Megan` after
        // `Megan Crowley`), else someone the article does not name in full.
        if let Some(person) = self.the_one(|p| p.given.as_deref() == Some(word)) {
            return self.resolved.push((index, person, false));
        }
        // A word no dictionary knows (`Brenan`) may be a misspelled name
        // wherever it stands; a known word only where a person stands.
        // (The lexicon is asked last: its tables are megabytes.)
        let unknown = || pos::lookup(word).is_none() && with_lowercase(word, pos::lookup).is_none();
        if c.quoted || !(c.person_position || c.possessive || c.subject || unknown()) {
            return;
        }
        // An ordinary word (`More`, `National`) is taken for a misspelled
        // name only where a name must stand: before a speech verb.
        let may_be_variant = c.person_position || !pos::is_common_word(word);
        if may_be_variant && let Some(p) = self.variant_of(index, word) {
            return self.resolved.push((index, Some(p), true));
        }
        // A capitalised common word (`Will`, `Mark`) opening a sentence is
        // not a given name; inside one it is (`Megan's dad John`). (Asked
        // last: the names list is a table of megabytes.)
        let opens_sentence = self.doc.sentences[c.sentence].span.start == c.span.start;
        let lone_given_name = names::first_name(word).is_some_and(|n| n.total() >= RARE_GIVEN_NAME)
            && !(opens_sentence && pos::is_common_word(word));
        if lone_given_name {
            self.resolved.push((index, None, false));
        } else if c.person_position && !pos::is_common_word(word) && !is_demonym(word) {
            // A person named by surname alone (`Macron said`): gender unknown.
            let p = self.add_person(index, None, word.to_string(), None);
            self.resolved.push((index, Some(p), false));
        }
    }

    /// The person whose surname `word` (a lone word at candidate `index`)
    /// misspells, if exactly one fits: introduced earlier by full name,
    /// spelled closely, not itself the name of someone else, and not more
    /// frequent than the real name.
    fn variant_of(&self, index: usize, word: &str) -> Option<usize> {
        let c = &self.candidates[index];
        // `the Harriss family`: a family name, not a misspelled person.
        let after = &self.doc.text[c.span.end..];
        if after
            .trim_start_matches(['’', '\'', 's', ' '])
            .starts_with("family")
        {
            return None;
        }
        if self.people.iter().any(|p| p.given.as_deref() == Some(word)) {
            return None;
        }
        let occurrences = self.bare_counts.get(word).copied().unwrap_or(0);
        let mut best: Option<(usize, (usize, f64))> = None;
        let mut tied = false;
        for (p, person) in self.people.iter().enumerate() {
            let introduced = &self.candidates[person.introduced];
            if introduced.span.start >= c.span.start || person.given.is_none() {
                continue;
            }
            let Some(close) = closeness(word, &person.surname) else {
                continue;
            };
            let spelled_right = self
                .candidates
                .iter()
                .filter(|o| surname_of(self.doc, o) == person.surname)
                .count();
            if occurrences > spelled_right {
                continue;
            }
            let rank = (close.edits, -close.jaro_winkler);
            match &best {
                Some((_, b)) if *b < rank => {}
                Some((_, b)) if *b == rank => tied = true,
                _ => {
                    best = Some((p, rank));
                    tied = false;
                }
            }
        }
        best.filter(|_| !tied).map(|(p, _)| p)
    }

    fn finish(mut self) -> Entities {
        self.resolved
            .sort_by_key(|&(index, _, _)| self.candidates[index].span.start);
        let mut entities = Entities {
            people: self
                .people
                .into_iter()
                .map(|d| Person {
                    name: self
                        .doc
                        .slice(self.candidates[d.introduced].span)
                        .to_string(),
                    given: d.given,
                    surname: d.surname,
                    introduced: 0,
                    mentions: Vec::new(),
                })
                .collect(),
            mentions: Vec::with_capacity(self.resolved.len()),
        };
        for &(index, person, variant) in &self.resolved {
            if let Some(p) = person {
                entities.people[p].mentions.push(entities.mentions.len());
            }
            entities
                .mentions
                .push(mention(&self.candidates[index], person, variant));
        }
        for person in &mut entities.people {
            person.introduced = person.mentions.first().copied().unwrap_or(0);
        }
        entities
    }
}

fn last_word(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

fn mention(c: &Candidate, person: Option<usize>, variant: bool) -> Mention {
    Mention {
        span: c.span,
        surname: c.surname,
        given: c.given,
        title: c.title,
        person,
        variant,
        sentence: Some(c.sentence),
        paragraph: c.paragraph,
        quoted: c.quoted,
        subject: c.subject,
        possessive: c.possessive,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Format, Source};

    /// (name as written, person's display name, variant) for each mention.
    fn people(text: &str) -> Vec<(String, Option<String>, bool)> {
        let source = Source::new("t.txt", text.to_string(), Format::Text);
        let doc = Document::new(&source);
        let entities = doc.entities();
        entities
            .mentions
            .iter()
            .map(|m| {
                (
                    doc.slice(m.span).to_string(),
                    m.person.map(|p| entities.people[p].display_name()),
                    m.variant,
                )
            })
            .collect()
    }

    fn named(text: &str) -> Vec<String> {
        people(text).into_iter().map(|(name, _, _)| name).collect()
    }

    #[test]
    fn full_names_after_titles_and_initials() {
        let text = "Deputy Secretary of State Nora Gorman met Anna J. Whitley and Lieutenant General Peter R. Lund.";
        assert_eq!(
            named(text),
            vec!["Nora Gorman", "Anna J. Whitley", "Peter R. Lund"]
        );
    }

    #[test]
    fn surnames_link_to_full_names_and_possessives_are_trimmed() {
        let found = people("Nora Gorman spoke. Gorman’s aides left. Gorman said no.");
        assert_eq!(found.len(), 3);
        assert_eq!(found[1].0, "Gorman");
        assert!(
            found
                .iter()
                .all(|(_, p, _)| p.as_deref() == Some("Nora Gorman"))
        );
    }

    #[test]
    fn places_organisations_and_nationalities_are_not_people() {
        let text = "Kenyan engineers met at the Department of Energy on Rose Hill Farm Road. Kenya said nothing. The Joint Harbour Board resumed in June.";
        assert!(named(text).is_empty(), "{:?}", named(text));
    }

    #[test]
    fn a_given_name_after_a_place_prefix_continues_the_place() {
        let text = "The New York Jets beat the Bills. Fans of the San Francisco Giants left early.";
        assert!(named(text).is_empty(), "{:?}", named(text));
    }

    #[test]
    fn titled_surnames_and_unknown_given_names() {
        let text = "President Macron met them. Nigerian mediator Chiamaka Obi spoke. Wanjiru Kamau said so.";
        assert_eq!(named(text), vec!["Macron", "Chiamaka Obi", "Wanjiru Kamau"]);
    }

    #[test]
    fn particles_belong_to_the_surname() {
        let source = Source::new(
            "t.txt",
            "Juan Carlos de la Cruz spoke. De la Cruz said no.".into(),
            Format::Text,
        );
        let doc = Document::new(&source);
        let entities = doc.entities();
        assert_eq!(doc.slice(entities.mentions[0].surname), "de la Cruz");
        assert_eq!(entities.people[0].surname, "Cruz");
    }

    #[test]
    fn runs_start_at_capitals_or_the_particles_right_before_them() {
        let source = Source::new(
            "t.txt",
            "The de facto leader met van der Berg, then de la 4 and la ONU; \
             Ana de Souza and le Pen came, with de da."
                .into(),
            Format::Text,
        );
        let doc = Document::new(&source);
        let mut known = vec![0; doc.tokens.len()];
        let known = Cell::from_mut(&mut known[..]).as_slice_of_cells();
        let tokens = doc.sentences[0].tokens.clone();
        let scanner = Scanner {
            doc: &doc,
            sentence: 0,
            start: tokens.start,
            end: tokens.end,
            verb_scan: Cell::new((tokens.start, None)),
            known,
        };
        let mut runs = Vec::new();
        scanner.runs(&mut runs);
        let texts: Vec<&str> = runs
            .iter()
            .map(|&(start, end)| {
                let span = doc.tokens[start].span.cover(doc.tokens[end - 1].span);
                doc.slice(span)
            })
            .collect();
        assert_eq!(
            texts,
            ["The", "van der Berg", "ONU", "Ana de Souza", "le Pen"]
        );
    }

    #[test]
    fn misspelled_surnames_are_variants_of_the_person() {
        let found = people(
            "Deputy Secretary of State Nora Gorman arrived. Later, Garmeen said the talks were useful.",
        );
        assert_eq!(
            found[1],
            ("Garmeen".to_string(), Some("Nora Gorman".to_string()), true)
        );
    }

    #[test]
    fn similar_names_of_different_people_are_not_variants() {
        let found = people(
            "Tom Reed spoke first. Tammy Reeds, a former negotiator, spoke next. Reed said yes. Reeds said no.",
        );
        assert!(found.iter().all(|(_, _, variant)| !variant), "{found:?}");
        let found = people(
            "The paintings came from the Harriss family. Special Agent Lena Harris said so.",
        );
        assert!(found.iter().all(|(_, _, variant)| !variant), "{found:?}");
    }

    #[test]
    fn two_people_sharing_a_surname_make_bare_mentions_ambiguous() {
        let found = people("Ann Smith and her husband Bob Smith spoke. Smith said no.");
        assert_eq!(found.len(), 3);
        assert_eq!(found[2].1, None);
    }
}
