//! Finding a rule's words, phrases or patterns in a Document, and what every
//! kind of declarative rule shares: its scope, its treatment of quotations,
//! its exceptions.
//!
//! Literal phrases are found by their longest word (ASCII case folding,
//! both apostrophes), or by one Aho-Corasick automaton per rule once it has
//! read enough text to repay building one; patterns compile to one multi-pattern
//! regex per rule that reports which pattern matched. Either way a rule reads
//! each sentence once at most — a list of phrases only the sentences its
//! pack's screen ([`super::screen`]) found one of them in. Matching happens
//! sentence by sentence, so nothing matches across a sentence boundary or in
//! a dateline, and a run of whitespace in the text (a hard-wrapped line, a
//! double space) matches the single space of a phrase. A match must start
//! and end on word boundaries — a hyphen or apostrophe joined to letters is
//! inside a word, so `end result` is not found in `year-end results` nor
//! `storm` in `storm’s` — and never contains a masked Markdown byte (NUL) or
//! lies inside a URL.

use std::cmp::Reverse;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex_automata::meta;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, PatternID};
use regex_syntax::hir::literal::{ExtractKind, Extractor};

use crate::document::tokens::Token;
use crate::document::{BlockKind, Document, TokenKind};
use crate::entities::words::is_function_word;
use crate::lexicon::Shapes;
use crate::lowercase::with_ascii_lowercase;
use crate::rules::RuleMeta;
use crate::span::Span;

use super::screen::{Screened, Seat};
use super::template::Template;

/// The most memory one rule's compiled patterns may take. A pattern that
/// needs more (`\w{1000}` with Unicode classes) is an error in its pack.
const REGEX_SIZE_LIMIT: usize = 1 << 20;
/// The lazy DFA's cache for one rule; it is rebuilt when full, never grown.
const REGEX_CACHE_CAPACITY: usize = 1 << 21;

/// One rule's list — words, phrases or patterns — and its compiled form,
/// built on first use: a rule that never runs is never compiled.
pub(super) struct Matcher {
    entries: Vec<String>,
    regex: bool,
    ignore_case: bool,
    engine: OnceLock<Engine>,
    /// A rule's list of phrases: its place in its pack's screen.
    seat: Option<Seat>,
}

enum Engine {
    Literal(Phrases),
    /// One regex for all patterns (the pattern id is the entry), and text
    /// every match holds (see [`required_text`]).
    Regex {
        regex: meta::Regex,
        holds: Option<Vec<memchr::memmem::Finder<'static>>>,
    },
}

/// A list of phrases, found by their longest word until the list has read
/// enough text to repay building an automaton.
///
/// A phrase can only be found on word boundaries (the next step drops any
/// other match), and there each of its words is a whole word of the hay:
/// inside the phrase a word ends at a space or a joiner the hay must have
/// too, and at its ends the boundary ends it. So each word of the hay is
/// looked up once, and where it is the anchor of a phrase, the phrase is
/// compared around it. The anchor is the phrase's longest word, `order` in
/// `in order to`, leaving out function words (`end`, not `the`, in `at the
/// end of the day`): the rarer it is, the fewer places are compared, and
/// long words are rare, function words common. This needs nothing
/// compiled, where an Aho-Corasick DFA costs as much to build as reading
/// about 1 MB by words: an article is read by words, a collection with a
/// DFA built once its first [`DFA_AFTER_BYTES`] are read. Both find every
/// phrase on word boundaries; the automaton also finds others, which the
/// next step drops. A pack's screen reads a sentence's words from its
/// tokens instead ([`Phrases::entries_in_tokens`]).
pub(super) struct Phrases {
    /// The phrases searched for, with both apostrophes where they have one.
    patterns: Vec<String>,
    /// `entries[pattern]`: the phrase's index in the rule's list (in a
    /// screen: the list's index in the pack).
    entries: Vec<usize>,
    ignore_case: bool,
    /// The distinct anchors (ASCII lower-cased if `ignore_case`), sorted:
    /// by bucket, then by their bytes.
    anchors: Vec<Anchor>,
    /// Where each bucket's anchors start in `anchors`, and where the last
    /// ends: a word is looked up (by binary search, for a long list) only
    /// among the anchors of its own first byte and length, most often none,
    /// without hashing.
    buckets: Vec<u32>,
    /// The end bytes and lengths of the anchors: what rules out most
    /// words.
    shapes: Shapes,
    /// The patterns of each anchor, in the order of `anchors`: the pattern
    /// and where its anchor starts in it.
    anchored: Vec<(usize, usize)>,
    /// Patterns without a letter or digit, by their first byte: tried at
    /// every character that starts with it.
    anywhere: Vec<(u8, usize)>,
    dfa: OnceLock<AhoCorasick>,
    /// Bytes read by words so far.
    read: AtomicUsize,
}

/// How much text a list reads by words before it builds its DFA. The DFA
/// reads a byte in about half the instructions, and building it costs
/// about what reading 1 MB by words costs more: switching there, a list
/// never costs much more than it would have with the better choice made
/// in advance.
const DFA_AFTER_BYTES: usize = 1024 * 1024;

/// A word some phrases are anchored at.
struct Anchor {
    text: Box<[u8]>,
    /// Its patterns' range in [`Phrases::anchored`].
    patterns: Range<usize>,
}

/// Buckets up to this size are searched one anchor after another; larger
/// ones (long lists) by binary search.
const SCANNED_BUCKET: usize = 4;

/// Lengths a bucket tells apart; longer anchors share the last.
const BUCKET_LENGTHS: usize = 16;

/// The bucket of a word by its first byte (lower-cased if case is ignored)
/// and its length.
fn bucket(first: u8, len: usize) -> usize {
    usize::from(first) * BUCKET_LENGTHS + len.min(BUCKET_LENGTHS - 1)
}

/// Phrases gathered for a [`Phrases`]: each as the patterns that find it,
/// its words one space apart with either apostrophe, and the entry it
/// stands for.
#[derive(Default)]
pub(super) struct PhraseList {
    patterns: Vec<String>,
    entries: Vec<usize>,
}

impl PhraseList {
    pub fn add(&mut self, phrase: &str, entry: usize) {
        for pattern in apostrophe_variants(collapse_whitespace(phrase)) {
            self.patterns.push(pattern);
            self.entries.push(entry);
        }
    }

    pub fn build(self, ignore_case: bool) -> Phrases {
        Phrases::new(self.patterns, self.entries, ignore_case)
    }
}

impl Phrases {
    /// `patterns` standing for `entries`.
    fn new(patterns: Vec<String>, entries: Vec<usize>, ignore_case: bool) -> Phrases {
        let mut anywhere = Vec::new();
        // (bucket, anchor, pattern, where the anchor starts), sorted: each
        // anchor's patterns together, the anchors in bucket order.
        let mut keyed = Vec::with_capacity(patterns.len());
        for (index, pattern) in patterns.iter().enumerate() {
            let Some(anchor) = anchor_of(pattern) else {
                if let Some(&first) = pattern.as_bytes().first() {
                    anywhere.push((first, index));
                }
                continue;
            };
            let mut text = pattern.as_bytes()[anchor.clone()].to_vec();
            if ignore_case {
                text.make_ascii_lowercase();
            }
            keyed.push((bucket(text[0], text.len()), text, index, anchor.start));
        }
        keyed.sort_unstable();
        let mut anchors: Vec<Anchor> = Vec::new();
        let mut buckets = vec![0u32; 256 * BUCKET_LENGTHS + 1];
        let mut anchored = Vec::with_capacity(keyed.len());
        let mut shapes = Shapes::default();
        for (bucket, text, index, at) in keyed {
            shapes.add(&text);
            match anchors.last_mut() {
                Some(last) if *last.text == *text => last.patterns.end += 1,
                _ => {
                    anchors.push(Anchor {
                        text: text.into_boxed_slice(),
                        patterns: anchored.len()..anchored.len() + 1,
                    });
                    buckets[bucket + 1] += 1;
                }
            }
            anchored.push((index, at));
        }
        for i in 1..buckets.len() {
            buckets[i] += buckets[i - 1];
        }
        anywhere.sort_unstable();
        Phrases {
            patterns,
            entries,
            ignore_case,
            anchors,
            buckets,
            shapes,
            anchored,
            anywhere,
            dfa: OnceLock::new(),
            read: AtomicUsize::new(0),
        }
    }

    /// Every occurrence in `hay` of every phrase that starts and ends on
    /// word boundaries, and maybe others: its range and the entry it stands
    /// for. Overlapping ones are all reported, in no particular order.
    pub fn find_overlapping(&self, hay: &str, mut found: impl FnMut(Range<usize>, usize)) {
        match self.dfa(hay.len()) {
            Some(dfa) => {
                for m in dfa.find_overlapping_iter(hay) {
                    found(m.start()..m.end(), self.entries[m.pattern().as_usize()]);
                }
            }
            None => self.find_by_words(hay, found),
        }
    }

    /// The automaton to read `len` more bytes with, once enough were read
    /// by words. Building it only fails for want of memory: then the words
    /// go on.
    fn dfa(&self, len: usize) -> Option<&AhoCorasick> {
        if let Some(dfa) = self.dfa.get() {
            return Some(dfa);
        }
        if self.read.fetch_add(len, Ordering::Relaxed) < DFA_AFTER_BYTES {
            return None;
        }
        let dfa = AhoCorasick::builder()
            .ascii_case_insensitive(self.ignore_case)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&self.patterns)
            .ok()?;
        Some(self.dfa.get_or_init(|| dfa))
    }

    /// Every occurrence in `hay` of every phrase whose anchor is a word of
    /// `hay` there, and of every other phrase anywhere.
    fn find_by_words(&self, hay: &str, mut found: impl FnMut(Range<usize>, usize)) {
        let bytes = hay.as_bytes();
        let mut try_at = |start: usize, pattern: usize| {
            let text = self.patterns[pattern].as_bytes();
            let end = start + text.len();
            if bytes
                .get(start..end)
                .is_some_and(|candidate| self.same(candidate, text))
            {
                found(start..end, self.entries[pattern]);
            }
        };
        if !self.anywhere.is_empty() {
            for (start, _) in hay.char_indices() {
                let byte = bytes[start];
                let from = self.anywhere.partition_point(|&(first, _)| first < byte);
                let starting = self.anywhere[from..].iter();
                for &(_, pattern) in starting.take_while(|(first, _)| *first == byte) {
                    try_at(start, pattern);
                }
            }
        }
        if self.anchors.is_empty() {
            return;
        }
        for word in words(hay) {
            let Some(anchor) = self.anchor(&hay[word.clone()]) else {
                continue;
            };
            for &(pattern, at) in &self.anchored[anchor.patterns.clone()] {
                if let Some(start) = word.start.checked_sub(at) {
                    try_at(start, pattern);
                }
            }
        }
    }

    /// Whether [`Phrases::entries_in_tokens`] can stand for reading the hay:
    /// a phrase without a letter or digit has no word to be found by.
    pub fn found_by_tokens(&self) -> bool {
        self.anywhere.is_empty()
    }

    /// The entries of the phrases in `span` of `text`, whose tokens are
    /// `tokens` (a sentence's), each reported at least once, and maybe
    /// entries of phrases not there: everything [`Phrases::find_overlapping`]
    /// finds on word boundaries in the sentence's hay, where the tokens
    /// have told the words apart already and a run of whitespace in the
    /// text matches a phrase's space. For lists that are
    /// [`Phrases::found_by_tokens`].
    pub fn entries_in_tokens(
        &self,
        text: &str,
        span: Span,
        tokens: &[Token],
        mut found: impl FnMut(usize),
    ) {
        let bytes = text.as_bytes();
        let mut look_up = |word: Range<usize>| {
            let Some(anchor) = self.anchor(&text[word.clone()]) else {
                return;
            };
            for &(pattern, at) in &self.anchored[anchor.patterns.clone()] {
                let pattern_bytes = self.patterns[pattern].as_bytes();
                let (before, after) = pattern_bytes.split_at(at);
                if self.matches_after(text, word.start..span.end, after)
                    && self.matches_before(text, span.start..word.start, before)
                {
                    found(self.entries[pattern]);
                }
            }
        };
        for token in tokens {
            let (start, end) = (token.span.start, token.span.end);
            if token.plain {
                // Most are ruled out here, before any call.
                if self.shapes.may_hold(&bytes[start..end]) {
                    look_up(start..end);
                }
            } else if !matches!(token.kind, TokenKind::Punct | TokenKind::Symbol) {
                // (A mark or sign is one character that is no letter or
                // digit: it holds no word.)
                for word in words(&text[start..end]) {
                    look_up(start + word.start..start + word.end);
                }
            }
        }
    }

    /// Whether `text[range]` starts with `wanted`, a space of which
    /// stands for a run of whitespace.
    fn matches_after(&self, text: &str, range: Range<usize>, wanted: &[u8]) -> bool {
        let bytes = text.as_bytes();
        let mut at = range.start;
        for &byte in wanted {
            if byte == b' ' {
                let run = whitespace_after(text, at, range.end);
                if run == at {
                    return false;
                }
                at = run;
            } else if at < range.end && self.same_byte(bytes[at], byte) {
                at += 1;
            } else {
                return false;
            }
        }
        true
    }

    /// Whether `text[range]` ends with `wanted`, a space of which stands
    /// for a run of whitespace.
    fn matches_before(&self, text: &str, range: Range<usize>, wanted: &[u8]) -> bool {
        let bytes = text.as_bytes();
        let mut at = range.end;
        for &byte in wanted.iter().rev() {
            if byte == b' ' {
                let run = whitespace_before(text, range.start, at);
                if run == at {
                    return false;
                }
                at = run;
            } else if at > range.start && self.same_byte(bytes[at - 1], byte) {
                at -= 1;
            } else {
                return false;
            }
        }
        true
    }

    /// The anchor that `word` is, if any.
    #[inline]
    fn anchor(&self, word: &str) -> Option<&Anchor> {
        let bytes = word.as_bytes();
        if !self.shapes.may_hold(bytes) {
            return None;
        }
        let first = if self.ignore_case {
            bytes[0].to_ascii_lowercase()
        } else {
            bytes[0]
        };
        let bucket = bucket(first, bytes.len());
        let (from, to) = (self.buckets[bucket], self.buckets[bucket + 1]);
        let candidates = &self.anchors[from as usize..to as usize];
        if candidates.len() <= SCANNED_BUCKET {
            return candidates
                .iter()
                .find(|anchor| self.same(bytes, &anchor.text));
        }
        let search = |key: &str| {
            let found = candidates.binary_search_by(|anchor| (*anchor.text).cmp(key.as_bytes()));
            found.ok().map(|at| &candidates[at])
        };
        if self.ignore_case {
            with_ascii_lowercase(word, search)
        } else {
            search(word)
        }
    }

    /// Whether byte `found` is `wanted`, in ASCII case if that is ignored.
    #[inline(always)]
    fn same_byte(&self, found: u8, wanted: u8) -> bool {
        if self.ignore_case {
            found.eq_ignore_ascii_case(&wanted)
        } else {
            found == wanted
        }
    }

    /// Whether `found` is `wanted`, in ASCII case if that is ignored.
    #[inline(always)]
    fn same(&self, found: &[u8], wanted: &[u8]) -> bool {
        if self.ignore_case {
            found.eq_ignore_ascii_case(wanted)
        } else {
            found == wanted
        }
    }
}

/// The end of the run of whitespace that starts at `start`, before `end`.
fn whitespace_after(text: &str, start: usize, end: usize) -> usize {
    let run = text[start..end].find(|c: char| !c.is_whitespace());
    run.map_or(end, |len| start + len)
}

/// The start of the run of whitespace that ends at `end`, after `start`.
fn whitespace_before(text: &str, start: usize, end: usize) -> usize {
    let run = text[start..end].rfind(|c: char| !c.is_whitespace());
    run.map_or(start, |at| {
        start + at + text[start + at..].chars().next().map_or(0, char::len_utf8)
    })
}

/// Where a pattern is anchored: its longest word, the first of equals,
/// but a function word only if it has nothing else — `the` would send the
/// search to most sentences of a text, `end` in `at the end of the day` to
/// few.
fn anchor_of(pattern: &str) -> Option<Range<usize>> {
    let mut words: Vec<Range<usize>> = words(pattern).collect();
    words.sort_by_key(|word| (Reverse(word.len()), word.start));
    // Most phrases' longest word is no function word: one lookup.
    let content = words
        .iter()
        .find(|word| !is_function_word(&pattern[(*word).clone()]));
    content.or(words.first()).cloned()
}

/// The byte ranges of the runs of letters and digits in `hay`.
fn words(hay: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = skip_word_chars(hay, at, false);
        if start == hay.len() {
            return None;
        }
        let end = skip_word_chars(hay, start, true);
        at = end;
        Some(start..end)
    })
}

const ASCII_OTHER: u8 = 0;
const ASCII_WORD: u8 = 1;
const NOT_ASCII: u8 = 2;

/// Each byte's class: an ASCII letter or digit, other ASCII, or part of a
/// character beyond ASCII, which must be decoded.
static BYTE_CLASS: [u8; 256] = {
    let mut classes = [NOT_ASCII; 256];
    let mut byte = 0;
    while byte < 128 {
        classes[byte] = if (byte as u8).is_ascii_alphanumeric() {
            ASCII_WORD
        } else {
            ASCII_OTHER
        };
        byte += 1;
    }
    classes
};

/// The first offset from `from` whose character is not (`word`) or is
/// (`!word`) a letter or digit, or the end. ASCII is told apart byte by
/// byte, without decoding.
fn skip_word_chars(hay: &str, from: usize, word: bool) -> usize {
    let bytes = hay.as_bytes();
    let mut at = from;
    while let Some(&byte) = bytes.get(at) {
        let class = BYTE_CLASS[usize::from(byte)];
        if class != NOT_ASCII {
            if (class == ASCII_WORD) != word {
                return at;
            }
            at += 1;
        } else {
            let c = hay[at..]
                .chars()
                .next()
                .expect("at is a character boundary");
            if is_word_char(c) != word {
                return at;
            }
            at += c.len_utf8();
        }
    }
    at
}

/// A match in a [`Hay`]: its byte range there and its entry in the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct RawHit {
    pub range: Range<usize>,
    pub entry: usize,
}

/// Why a list did not compile: which entry, and what is wrong with it.
#[derive(Debug)]
pub(super) struct MatcherError {
    pub entry: Option<usize>,
    pub message: String,
}

impl Matcher {
    /// A list of phrases (or, if `regex`, patterns in Rust `regex` syntax),
    /// compiled when first searched or [`Matcher::compile`]d. `ignore_case`
    /// folds ASCII case in phrases, Unicode case in patterns.
    pub fn new(entries: Vec<String>, regex: bool, ignore_case: bool) -> Matcher {
        Matcher {
            entries,
            regex,
            ignore_case,
            engine: OnceLock::new(),
            seat: None,
        }
    }

    /// The list, if it is of phrases (not patterns).
    pub fn phrases(&self) -> Option<&[String]> {
        (!self.regex).then_some(&self.entries)
    }

    /// This list of phrases, read only where its pack's screen finds one.
    pub fn screened_by(self, seat: Seat) -> Matcher {
        Matcher {
            seat: Some(seat),
            ..self
        }
    }

    /// The sentences of `doc` this list may match in.
    pub fn screened(&self, doc: &Document) -> Screened {
        self.seat
            .as_ref()
            .map_or_else(Screened::everything, |seat| seat.screened(doc))
    }

    /// Compile now, to report a mistake while its pack is being loaded.
    pub fn compile(&self) -> Result<(), MatcherError> {
        if self.engine.get().is_none() {
            let engine = self.build()?;
            let _ = self.engine.set(engine);
        }
        Ok(())
    }

    #[cfg(test)]
    pub fn literal<S: AsRef<str>>(
        phrases: &[S],
        ignore_case: bool,
    ) -> Result<Matcher, MatcherError> {
        Self::compiled(phrases, false, ignore_case)
    }

    #[cfg(test)]
    pub fn regex<S: AsRef<str>>(
        patterns: &[S],
        ignore_case: bool,
    ) -> Result<Matcher, MatcherError> {
        Self::compiled(patterns, true, ignore_case)
    }

    #[cfg(test)]
    fn compiled<S: AsRef<str>>(
        entries: &[S],
        regex: bool,
        ignore_case: bool,
    ) -> Result<Matcher, MatcherError> {
        let entries = entries.iter().map(|e| e.as_ref().to_string()).collect();
        let matcher = Matcher::new(entries, regex, ignore_case);
        matcher.compile()?;
        Ok(matcher)
    }

    fn engine(&self) -> &Engine {
        self.engine.get_or_init(|| {
            // User packs are compiled when loaded, so only an embedded pack
            // gets here uncompiled, and the tests compile every one of those.
            self.build().unwrap_or_else(|err| {
                panic!("an embedded rule pack does not compile: {}", err.message)
            })
        })
    }

    fn build(&self) -> Result<Engine, MatcherError> {
        if self.regex {
            let regex = build_regex(&self.entries, self.ignore_case)?;
            let holds = required_text(&self.entries, self.ignore_case).map(|texts| {
                texts
                    .into_iter()
                    .map(|text| memchr::memmem::Finder::new(&text).into_owned())
                    .collect()
            });
            Ok(Engine::Regex { regex, holds })
        } else {
            Ok(build_literal(&self.entries, self.ignore_case))
        }
    }

    /// Every match in `hay` on word boundaries and without masked bytes.
    /// Phrases may overlap (all are reported, for [`select_non_overlapping`]);
    /// patterns are found left to right without overlaps.
    pub fn find(&self, hay: &str, out: &mut Vec<RawHit>) {
        let mut push = |range: Range<usize>, entry: usize| {
            if !range.is_empty()
                && on_word_boundaries(hay, &range)
                && memchr::memchr(0, &hay.as_bytes()[range.clone()]).is_none()
            {
                out.push(RawHit { range, entry });
            }
        };
        match self.engine() {
            Engine::Literal(phrases) => phrases.find_overlapping(hay, push),
            Engine::Regex { regex, .. } => {
                for m in regex.find_iter(hay) {
                    push(m.range(), m.pattern().as_usize());
                }
            }
        }
    }

    /// Whether a hay made of `text` (its whitespace collapsed or not) may
    /// hold a match: patterns whose matches all hold some text without
    /// whitespace are not searched for where the text has none of it.
    /// Phrases are screened by their pack instead.
    pub fn may_match_in(&self, text: &str) -> bool {
        match self.engine() {
            Engine::Regex {
                holds: Some(holds), ..
            } => holds.iter().any(|h| h.find(text.as_bytes()).is_some()),
            _ => true,
        }
    }

    /// For patterns: `replacement` with `$1`, `${name}` filled in from the
    /// match of pattern `entry` at `range` of `hay`. Phrases have no groups:
    /// the replacement is returned as written.
    pub fn expand(&self, hay: &str, hit: &RawHit, replacement: &str) -> String {
        let Engine::Regex { regex, .. } = self.engine() else {
            return replacement.to_string();
        };
        let mut captures = regex.create_captures();
        let input = Input::new(hay)
            .range(hit.range.clone())
            .anchored(Anchored::Pattern(PatternID::must(hit.entry)));
        regex.search_captures(&input, &mut captures);
        let mut out = String::new();
        captures.interpolate_string_into(hay, replacement, &mut out);
        out
    }

    /// The groups of pattern `entry` that `replacement` names but the
    /// pattern lacks. Phrases have none to lack.
    pub fn missing_groups(&self, entry: usize, replacement: &str) -> Vec<String> {
        let Engine::Regex { regex, .. } = self.engine() else {
            return Vec::new();
        };
        let pattern = PatternID::must(entry);
        let info = regex.group_info();
        group_references(replacement)
            .into_iter()
            .filter(|name| match name.parse::<usize>() {
                Ok(index) => index >= info.group_len(pattern),
                Err(_) => info.to_index(pattern, name).is_none(),
            })
            .map(str::to_string)
            .collect()
    }
}

fn build_literal(phrases: &[String], ignore_case: bool) -> Engine {
    let mut list = PhraseList::default();
    for (entry, phrase) in phrases.iter().enumerate() {
        list.add(phrase, entry);
    }
    Engine::Literal(list.build(ignore_case))
}

/// All patterns in one regex of bounded size.
fn build_regex(patterns: &[String], ignore_case: bool) -> Result<meta::Regex, MatcherError> {
    let build = |patterns: &[String]| {
        let config = meta::Config::new()
            .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
            .onepass_size_limit(Some(REGEX_SIZE_LIMIT))
            .dfa_size_limit(Some(REGEX_SIZE_LIMIT))
            .hybrid_cache_capacity(REGEX_CACHE_CAPACITY);
        meta::Builder::new()
            .configure(config)
            .syntax(syntax::Config::new().case_insensitive(ignore_case))
            .build_many(patterns)
            .map_err(Box::new)
    };
    build(patterns).map_err(|err| {
        // A size limit is met by all patterns together: find the one that
        // is too big on its own, if one is.
        let entry = err
            .pattern()
            .map(|p| p.as_usize())
            .or_else(|| (0..patterns.len()).find(|&i| build(&patterns[i..=i]).is_err()));
        MatcherError {
            entry,
            message: match (err.syntax_error(), err.size_limit()) {
                (Some(syntax), _) => format!("invalid regular expression: {syntax}"),
                (None, Some(limit)) => {
                    format!("this regular expression compiles to more than the {limit}-byte limit")
                }
                (None, None) => format!("invalid regular expression: {err}"),
            },
        }
    })
}

/// Text that every match of one of `patterns` holds, one piece of it or
/// another: for each literal a match must start with (as regex-syntax
/// extracts them), its longest run of bytes without whitespace. Such a run
/// is in a sentence's hay exactly where it is in the sentence, since the
/// hay only collapses whitespace. `None` when some pattern may start
/// otherwise, or with something beyond ASCII.
fn required_text(patterns: &[String], ignore_case: bool) -> Option<Vec<Vec<u8>>> {
    let config = syntax::Config::new().case_insensitive(ignore_case);
    let mut texts: Vec<Vec<u8>> = Vec::new();
    for pattern in patterns {
        let hir = syntax::parse_with(pattern, &config).ok()?;
        let starts = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
        for literal in starts.literals()? {
            let bytes = literal.as_bytes();
            if !bytes.is_ascii() {
                return None;
            }
            let text = bytes
                .split(|&b| char::from(b).is_whitespace())
                .max_by_key(|run| run.len())
                .filter(|run| !run.is_empty())?;
            if !texts.iter().any(|known| known == text) {
                texts.push(text.to_vec());
            }
        }
    }
    (!texts.is_empty()).then_some(texts)
}

/// The group names and numbers `$1`, `$name`, `${name}` in a replacement, as
/// the regex engine reads them (`$$` is a dollar sign).
fn group_references(replacement: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = replacement;
    while let Some(i) = rest.find('$') {
        rest = &rest[i + 1..];
        if let Some(after) = rest.strip_prefix('$') {
            rest = after;
        } else if let Some(braced) = rest.strip_prefix('{') {
            if let Some(close) = braced.find('}') {
                names.push(&braced[..close]);
                rest = &braced[close + 1..];
            }
        } else {
            let len = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            if len > 0 {
                names.push(&rest[..len]);
            }
            rest = &rest[len..];
        }
    }
    names
}

/// The phrase with each run of whitespace as one space, trimmed.
pub(super) fn collapse_whitespace(phrase: &str) -> String {
    let mut collapsed = String::with_capacity(phrase.len());
    for word in phrase.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    collapsed
}

/// `don't` is also written `don’t`, and the other way round.
fn apostrophe_variants(phrase: String) -> Vec<String> {
    let mut variants = Vec::with_capacity(2);
    if phrase.contains('\'') {
        variants.push(phrase.replace('\'', "’"));
    } else if phrase.contains('’') {
        variants.push(phrase.replace('’', "'"));
    }
    variants.push(phrase);
    variants
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Marks that join letters into one word: `year-end`, `O’Neill`, `storm’s`.
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2011}' | '\'' | '’')
}

/// Whether the word characters at either end of `range` are not part of a
/// longer word in `hay`. Ends that are not word characters (a pattern that
/// starts with punctuation) need no boundary.
fn on_word_boundaries(hay: &str, range: &Range<usize>) -> bool {
    let found = &hay[range.clone()];
    (!found.starts_with(is_word_char) || !continues_word(hay[..range.start].chars().rev()))
        && (!found.ends_with(is_word_char) || !continues_word(hay[range.end..].chars()))
}

/// Whether the characters leading away from a match (`outside`, nearest
/// first) continue the word it ends in: a letter, or a joiner and a letter.
fn continues_word(mut outside: impl Iterator<Item = char>) -> bool {
    match outside.next() {
        Some(c) if is_word_char(c) => true,
        Some(c) if is_joiner(c) => outside.next().is_some_and(is_word_char),
        _ => false,
    }
}

/// Keep the leftmost-longest of overlapping hits.
pub(super) fn select_non_overlapping(hits: &mut Vec<RawHit>) {
    hits.sort_by_key(|h| (h.range.start, Reverse(h.range.end), h.entry));
    let mut end = 0;
    hits.retain(|h| {
        let keep = h.range.start >= end;
        if keep {
            end = h.range.end;
        }
        keep
    });
}

/// The text of one sentence as matching sees it, with the way back to file
/// offsets.
pub(super) struct Hay<'t> {
    pub text: &'t str,
    origin: Origin<'t>,
}

enum Origin<'t> {
    /// The sentence as written, starting at this file offset.
    Offset(usize),
    /// Whitespace collapsed: per byte of `text`, the file span it stands for.
    Map(&'t [Span]),
}

impl<'t> Hay<'t> {
    /// `span` of `text` as written, whitespace and all.
    fn as_written(text: &'t str, span: Span) -> Hay<'t> {
        Hay {
            text: span.text(text),
            origin: Origin::Offset(span.start),
        }
    }

    /// The file span of `range` of this text.
    pub fn span(&self, range: &Range<usize>) -> Span {
        match self.origin {
            Origin::Offset(base) => Span::new(base + range.start, base + range.end),
            Origin::Map(map) => Span::new(map[range.start].start, map[range.end - 1].end),
        }
    }
}

/// Reused storage for sentences whose whitespace needs collapsing.
#[derive(Default)]
pub(super) struct HayBuffer {
    text: String,
    map: Vec<Span>,
}

impl HayBuffer {
    /// The hay for `span` of `text`: the text itself unless it holds a line
    /// break, tab or double space, which are collapsed into one space.
    pub fn load<'t>(&'t mut self, text: &'t str, span: Span) -> Hay<'t> {
        let slice = span.text(text);
        let bytes = slice.as_bytes();
        static DOUBLE_SPACE: LazyLock<memchr::memmem::Finder<'static>> =
            LazyLock::new(|| memchr::memmem::Finder::new(b"  "));
        if memchr::memchr3(b'\n', b'\r', b'\t', bytes).is_none()
            && DOUBLE_SPACE.find(bytes).is_none()
        {
            return Hay::as_written(text, span);
        }
        self.text.clear();
        self.map.clear();
        let mut space: Option<usize> = None;
        for (i, c) in slice.char_indices() {
            let at = span.start + i;
            let end = at + c.len_utf8();
            if c.is_whitespace() {
                match space {
                    Some(index) => self.map[index].end = end,
                    None => {
                        space = Some(self.map.len());
                        self.text.push(' ');
                        self.map.push(Span::new(at, end));
                    }
                }
                continue;
            }
            space = None;
            self.text.push(c);
            self.map
                .extend((at..end).map(|byte| Span::new(byte, byte + 1)));
        }
        Hay {
            text: &self.text,
            origin: Origin::Map(&self.map),
        }
    }
}

/// Which blocks a rule reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Scope {
    /// Prose: body paragraphs, captions, list items, table cells.
    Text,
    /// Running prose only: body paragraphs and captions.
    Body,
    /// Headlines, headings and labels.
    Heading,
    /// Every block, credits included.
    All,
}

impl Scope {
    pub fn includes(self, kind: BlockKind) -> bool {
        match self {
            Scope::Text => matches!(
                kind,
                BlockKind::Body | BlockKind::Caption | BlockKind::ListItem | BlockKind::TableCell
            ),
            Scope::Body => kind.is_running_prose(),
            Scope::Heading => matches!(
                kind,
                BlockKind::Headline | BlockKind::Heading | BlockKind::Label
            ),
            Scope::All => true,
        }
    }
}

/// What is shared by every kind of declarative rule.
pub(super) struct Common {
    pub meta: RuleMeta,
    pub message: Template,
    pub help: Option<Template>,
    pub scope: Scope,
    /// Words inside quotation marks are someone's words: not the copy
    /// editor's to change, so by default no rule reads them.
    pub include_quotes: bool,
    /// Phrases that are never matches; a match they overlap is dropped.
    pub exceptions: Option<Matcher>,
}

/// A match in a Document.
pub(super) struct Hit {
    /// Where it is in the file.
    pub span: Span,
    /// Where it is in the hay it was found in, with its entry.
    pub raw: RawHit,
}

/// Reused buffers for a rule's pass over one Document with one matcher.
#[derive(Default)]
pub(super) struct Scratch {
    pub hay: HayBuffer,
    hits: Vec<RawHit>,
    exception_hits: Vec<RawHit>,
    exceptions: Ranges,
    /// The sentences the matcher may match in, asked once per pass: the
    /// Document keeps them, but behind a lock.
    screened: Option<Screened>,
}

/// Ranges sorted by start with the running maximum of their ends, so that
/// whether any overlaps a range is a binary search, not a scan: a huge
/// sentence with many exceptions and many matches stays linear.
#[derive(Default)]
pub(super) struct Ranges {
    sorted: Vec<Range<usize>>,
    max_end: Vec<usize>,
}

impl Ranges {
    pub fn set(&mut self, ranges: impl Iterator<Item = Range<usize>>) {
        self.sorted.clear();
        self.sorted.extend(ranges);
        self.sorted.sort_unstable_by_key(|r| r.start);
        self.max_end.clear();
        let mut max = 0;
        for range in &self.sorted {
            max = max.max(range.end);
            self.max_end.push(max);
        }
    }

    pub fn overlaps(&self, range: &Range<usize>) -> bool {
        let before_end = self.sorted.partition_point(|r| r.start < range.end);
        before_end > 0 && self.max_end[before_end - 1] > range.start
    }
}

impl Common {
    /// The indices of the sentences in the blocks this rule reads.
    pub fn sentences<'d>(&self, doc: &'d Document) -> impl Iterator<Item = usize> + 'd {
        let scope = self.scope;
        doc.paragraphs
            .iter()
            .filter(move |p| scope.includes(p.kind))
            .flat_map(|p| p.sentences.clone())
    }

    /// Whether the text at `offset` is invisible to this rule.
    pub fn excluded(&self, doc: &Document, offset: usize) -> bool {
        !self.include_quotes && doc.is_quoted(offset)
    }

    /// Whether some text in `span` may be invisible to this rule: when not,
    /// [`Common::excluded`] is `false` for all of it.
    pub fn may_exclude_within(&self, doc: &Document, span: Span) -> bool {
        !self.include_quotes && doc.may_quote_within(span)
    }

    /// Every match of `matcher` in the sentences in scope, in order, with
    /// the hay it was found in.
    pub fn for_each_hit(
        &self,
        doc: &Document,
        matcher: &Matcher,
        mut found: impl FnMut(&Hay<'_>, Hit),
    ) {
        let mut scratch = Scratch::default();
        // Most sentences hold none of the list's phrases, as its screen
        // found: they are passed over here, without a call.
        let screened = matcher.screened(doc);
        for sentence in self.sentences(doc).filter(|&s| screened.may_match(s)) {
            let (hay, hits) = self.sentence_hits(doc, sentence, matcher, &mut scratch);
            for raw in hits.drain(..) {
                found(
                    &hay,
                    Hit {
                        span: hay.span(&raw.range),
                        raw,
                    },
                );
            }
        }
    }

    /// The matches of `matcher` in one sentence, without overlaps: not in
    /// quotations (unless included), URLs or exceptions; with the hay they
    /// were found in.
    pub fn sentence_hits<'s>(
        &self,
        doc: &'s Document<'_>,
        sentence: usize,
        matcher: &Matcher,
        scratch: &'s mut Scratch,
    ) -> (Hay<'s>, &'s mut Vec<RawHit>) {
        let Scratch {
            hay: buffer,
            hits,
            exception_hits,
            exceptions,
            screened,
        } = scratch;
        hits.clear();
        let screened = screened.get_or_insert_with(|| matcher.screened(doc));
        let may_match = screened.may_match(sentence);
        let sentence = &doc.sentences[sentence];
        // The screen reads only the sentences in some rule's scope.
        debug_assert!(self.scope.includes(doc.paragraphs[sentence.paragraph].kind));
        if !may_match || !matcher.may_match_in(doc.slice(sentence.span)) {
            // No hits to find spans of: the hay need not be loaded (its
            // whitespace collapsed) to hold none.
            return (Hay::as_written(&doc.text, sentence.span), hits);
        }
        let hay = buffer.load(&doc.text, sentence.span);
        matcher.find(hay.text, hits);
        if hits.is_empty() {
            return (hay, hits);
        }
        exception_hits.clear();
        if let Some(exception) = &self.exceptions {
            exception.find(hay.text, exception_hits);
        }
        exceptions.set(exception_hits.iter().map(|e| e.range.clone()));
        let tokens = doc.sentence_tokens(sentence);
        hits.retain(|hit| {
            let span = hay.span(&hit.range);
            !self.excluded(doc, span.start)
                && !inside_url(tokens, span)
                && !exceptions.overlaps(&hit.range)
        });
        select_non_overlapping(hits);
        (hay, hits)
    }

    /// The exceptions found in `hay`, as file offsets, into `out`.
    pub fn exception_ranges(&self, hay: &Hay<'_>, scratch: &mut Vec<RawHit>, out: &mut Ranges) {
        scratch.clear();
        if let Some(exception) = &self.exceptions {
            exception.find(hay.text, scratch);
        }
        out.set(scratch.iter().map(|e| {
            let span = hay.span(&e.range);
            span.start..span.end
        }));
    }
}

/// Whether `span` overlaps a URL, e-mail address or file name among the
/// sentence's `tokens` (sorted by position).
fn inside_url(tokens: &[crate::document::Token], span: Span) -> bool {
    let first = tokens.partition_point(|t| t.span.end <= span.start);
    tokens[first..]
        .iter()
        .take_while(|t| t.span.start < span.end)
        .any(|t| t.kind == TokenKind::Url)
}

/// `matched` as it would be written in place of `matched`: a suggestion for
/// a capitalised match is capitalised, for an all-capitals match written in
/// capitals. Case is only ever raised, never lowered (`internet` →
/// `Internet` stays).
pub(super) fn match_case(matched: &str, suggestion: &str) -> String {
    let mut letters = matched.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return suggestion.to_string();
    };
    let rest_upper = letters.clone().all(char::is_uppercase);
    let shouting = first.is_uppercase() && rest_upper && letters.count() > 0;
    if shouting && suggestion.chars().filter(|c| c.is_alphabetic()).count() > 1 {
        return suggestion.to_uppercase();
    }
    if first.is_uppercase() {
        let mut chars = suggestion.chars();
        if let Some(head) = chars.next() {
            return head.to_uppercase().chain(chars).collect();
        }
    }
    suggestion.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_name_the_text_every_match_holds() {
        let texts = |patterns: &[&str], ignore_case: bool| {
            let patterns: Vec<String> = patterns.iter().map(|p| p.to_string()).collect();
            required_text(&patterns, ignore_case).map(|texts| {
                texts
                    .into_iter()
                    .map(|t| String::from_utf8(t).unwrap())
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            texts(&[r"\b([Ii]s|[Aa]re) going to ([a-z]+)"], false),
            Some(vec!["going".to_string()])
        );
        assert_eq!(
            texts(&["in order\tto", r"\bper cent"], false),
            Some(vec!["order".to_string(), "cent".to_string()])
        );
        // A match may start anywhere, or with any of many letters.
        assert_eq!(texts(&[r"\w+ing\b"], false), None);
        assert_eq!(texts(&["going", ".*"], false), None);
        // Beyond ASCII, a character may be whitespace the hay collapses.
        assert_eq!(texts(&["caf\u{e9} au lait"], false), None);
        // A space alone holds nothing.
        assert_eq!(texts(&[" "], false), None);
    }

    fn found(matcher: &Matcher, hay: &str) -> Vec<String> {
        let mut hits = Vec::new();
        matcher.find(hay, &mut hits);
        select_non_overlapping(&mut hits);
        hits.iter()
            .map(|h| hay[h.range.clone()].to_string())
            .collect()
    }

    #[test]
    fn phrases_match_whole_words_in_any_ascii_case_and_apostrophe() {
        let m =
            Matcher::literal(&["end result", "don't", "in order", "in order to"], true).unwrap();
        assert_eq!(found(&m, "The End Result was clear"), vec!["End Result"]);
        assert!(found(&m, "year-end results and trend results").is_empty());
        assert_eq!(found(&m, "We don’t know"), vec!["don’t"]);
        // The longest phrase that fits wins; one that runs into a word does not.
        assert_eq!(found(&m, "in order to win"), vec!["in order to"]);
        assert_eq!(found(&m, "in order tomorrow"), vec!["in order"]);
    }

    /// `list` to be read by words, and to be read by its DFA.
    fn both_ways<S: AsRef<str>>(list: &[S], ignore_case: bool) -> (Phrases, Phrases) {
        let build = || {
            let mut phrases = PhraseList::default();
            for (entry, phrase) in list.iter().enumerate() {
                phrases.add(phrase.as_ref(), entry);
            }
            phrases.build(ignore_case)
        };
        let (by_words, automaton) = (build(), build());
        // Reading as much as a DFA waits for builds it on the next read.
        assert!(automaton.dfa(DFA_AFTER_BYTES).is_none());
        assert!(automaton.dfa(0).is_some());
        (by_words, automaton)
    }

    /// What `phrases` finds in `hay` on word boundaries, sorted.
    fn on_boundaries(phrases: &Phrases, hay: &str) -> Vec<(Range<usize>, usize)> {
        let mut hits = Vec::new();
        phrases.find_overlapping(hay, |range, entry| {
            if on_word_boundaries(hay, &range) {
                hits.push((range, entry));
            }
        });
        hits.sort_by_key(|(range, entry)| (range.start, range.end, *entry));
        hits
    }

    #[test]
    fn words_and_the_automaton_find_the_same_phrases() {
        let list = [
            "in order to",
            "in order",
            "order",
            "end result",
            "don't",
            "ÉTÉ chaud",
            "a",
            "A lot",
            "-in",
            "“quoted",
            "co-op",
            "x1",
            "straße",
        ];
        let hays = [
            "In order to win, in order tomorrow, reorder the order.",
            "The end result and year-end results; don’t, don't, DON'T.",
            "été chaud, ÉTÉ chaud, a lot of A LOT, a-lot and -in, built-in.",
            "“quoted” words, a co-op, co-ops, X1 and x10, STRASSE straße STRAßE.",
            "order to go: an order, in order",
            "",
            "a",
        ];
        for ignore_case in [true, false] {
            let (by_words, automaton) = both_ways(&list, ignore_case);
            for hay in hays {
                let found = on_boundaries(&by_words, hay);
                assert_eq!(found, on_boundaries(&automaton, hay), "{hay:?}");
                assert!(hay.is_empty() || !found.is_empty(), "{hay:?}");
            }
        }
    }

    #[test]
    fn tokens_find_every_entry_the_hay_has() {
        let list = [
            "in order to",
            "at the end of the day",
            "end result",
            "don't",
            "ÉTÉ chaud",
            "co-op",
            "x1",
            "straße",
            "A lot",
        ];
        let texts = [
            "In order\nto win, in  order to go; at the\r\nend of the\tday, in\u{a0}order to.",
            "The end result and year-end results; don’t, don't, DON'T.",
            "été chaud, ÉTÉ chaud, a co-op, co-ops, X1 and x10, STRASSE straße.",
            "A lot\u{2009}of\0\0 masked in order \0\0 to, x1's end result’s.",
            "Nothing here at all, in order, the end of it.",
        ];
        for ignore_case in [true, false] {
            let (phrases, _) = both_ways(&list, ignore_case);
            assert!(phrases.found_by_tokens());
            for text in texts {
                let span = Span::new(0, text.len());
                let mut tokens = Vec::new();
                crate::document::tokens::tokenize(text, span, &mut tokens);
                let mut buffer = HayBuffer::default();
                let hay = buffer.load(text, span);
                let in_hay: std::collections::BTreeSet<usize> = on_boundaries(&phrases, hay.text)
                    .into_iter()
                    .map(|(_, entry)| entry)
                    .collect();
                let mut by_tokens = std::collections::BTreeSet::new();
                phrases.entries_in_tokens(text, span, &tokens, |entry| {
                    by_tokens.insert(entry);
                });
                assert!(
                    in_hay.is_subset(&by_tokens),
                    "{text:?}: {in_hay:?} {by_tokens:?}"
                );
                if text.starts_with("Nothing") {
                    assert!(by_tokens.is_empty(), "{by_tokens:?}");
                } else {
                    assert!(!in_hay.is_empty(), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn a_long_list_finds_what_the_automaton_finds() {
        // Thousands of phrases whose anchors share first letters and
        // lengths, so buckets are searched by halves; and symbols.
        let mut list: Vec<String> = (0..3000)
            .map(|i| format!("the s{:04} plan", i * 7 % 10000))
            .collect();
        list.extend(["©", "→ next", "— and"].map(String::from));
        let hay = "The S0007 plan, the s0014 Plan and the s0015 plan → next © 2024 — and \
                   THE S9996 PLAN";
        let (by_words, automaton) = both_ways(&list, true);
        let found = on_boundaries(&by_words, hay);
        assert_eq!(found, on_boundaries(&automaton, hay));
        let texts: Vec<&str> = found.iter().map(|(range, _)| &hay[range.clone()]).collect();
        assert_eq!(
            texts,
            [
                "The S0007 plan",
                "the s0014 Plan",
                "→ next",
                "©",
                "— and",
                "THE S9996 PLAN"
            ]
        );
    }

    #[test]
    fn nothing_matches_across_masked_bytes() {
        let m = Matcher::literal(&["in order to"], true).unwrap();
        assert!(found(&m, "in order \0\0\0\0 to").is_empty());
        assert_eq!(found(&m, "\0\0in order to\0\0"), vec!["in order to"]);
        let r = Matcher::regex(&["in.order"], true).unwrap();
        assert!(found(&r, "in\0order").is_empty());
    }

    #[test]
    fn regexes_report_their_pattern_and_errors() {
        let m = Matcher::regex(&["colou?r", r"\d+ percent"], true).unwrap();
        let mut hits = Vec::new();
        m.find("Color rose 5 percent", &mut hits);
        assert_eq!(hits.iter().map(|h| h.entry).collect::<Vec<_>>(), vec![0, 1]);
        let err = Matcher::regex(&["ok", "(unclosed"], true).err().unwrap();
        assert_eq!(err.entry, Some(1));
        let err = Matcher::regex(&[r"\w{1000}\w{1000}"], false).err().unwrap();
        assert!(err.message.contains("limit"), "{}", err.message);
    }

    #[test]
    fn replacements_expand_groups_and_missing_ones_are_named() {
        let m = Matcher::regex(&[r"(is|are) going to (?P<verb>[a-z]+)"], false).unwrap();
        let hay = "it is going to rain";
        let mut hits = Vec::new();
        m.find(hay, &mut hits);
        assert_eq!(m.expand(hay, &hits[0], "will ${verb}"), "will rain");
        assert_eq!(
            m.missing_groups(0, "will $2 $3 ${noun} $$"),
            vec!["3", "noun"]
        );
    }

    #[test]
    fn whitespace_runs_read_as_one_space() {
        let text = "in order\n  to win";
        let mut buffer = HayBuffer::default();
        let hay = buffer.load(text, Span::new(0, text.len()));
        assert_eq!(hay.text, "in order to win");
        let m = Matcher::literal(&["in order to"], true).unwrap();
        let mut hits = Vec::new();
        m.find(hay.text, &mut hits);
        assert_eq!(hay.span(&hits[0].range), Span::new(0, 13));
    }

    #[test]
    fn ranges_answer_overlaps() {
        let mut ranges = Ranges::default();
        ranges.set([10..20, 0..30, 40..45].into_iter());
        assert!(ranges.overlaps(&(25..28)));
        assert!(ranges.overlaps(&(44..50)));
        assert!(!ranges.overlaps(&(30..40)));
        assert!(!ranges.overlaps(&(45..46)));
        ranges.set(std::iter::empty());
        assert!(!ranges.overlaps(&(0..100)));
    }

    #[test]
    fn suggestions_follow_the_case_of_the_match() {
        assert_eq!(match_case("In order to", "to"), "To");
        assert_eq!(match_case("in order to", "to"), "to");
        assert_eq!(match_case("PAST HISTORY", "history"), "HISTORY");
        assert_eq!(match_case("internet", "Internet"), "Internet");
    }
}
