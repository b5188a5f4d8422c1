//! `kind = "repetition"`: the same opener or word used again within a
//! window — three sentences in a row that start with “However”, the same
//! adjective twice in ten words.

use std::collections::{HashMap, VecDeque};

use crate::document::{Document, Token, TokenKind};
use crate::rules::{Finding, Rule, RuleMeta, Settings};
use crate::span::Span;

use super::matcher::{Common, Matcher, Ranges, Scratch};
use super::template::Slot;

pub(super) const SLOTS: &[Slot] = &[Slot::Match, Slot::Count, Slot::Window];

/// What repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    /// The first word of each sentence; the window counts sentences.
    Opener,
    /// Any word (or listed phrase); the window counts words.
    Word,
}

pub(super) struct Repetition {
    pub common: Common,
    pub unit: Unit,
    /// Only these words or phrases count; `None`: every word does.
    pub matcher: Option<Matcher>,
    /// How many sentences (openers) or words the window spans.
    pub window: usize,
    /// How many uses inside the window make a finding.
    pub times: usize,
    /// Without a list, words shorter than this many letters do not count.
    pub min_length: usize,
}

/// What makes two uses the same: the same list entry, or the same word in
/// any case.
#[derive(Clone, Copy, Debug)]
enum Key {
    Entry(usize),
    Word(Span),
}

#[derive(Clone, Copy, Debug)]
struct Item {
    key: Key,
    hash: u64,
    /// Sentence or word number, for the window.
    position: usize,
    span: Span,
}

impl Rule for Repetition {
    fn meta(&self) -> &RuleMeta {
        &self.common.meta
    }

    fn check(&self, doc: &Document, _settings: &Settings, out: &mut Vec<Finding>) {
        let mut window = Window::default();
        let mut scratch = Scratch::default();
        let mut exception_hits = Vec::new();
        // Per sentence: the matches (file span, entry) or exceptions, and the
        // uses found.
        let mut spans: Vec<(Span, usize)> = Vec::new();
        let mut exceptions = Ranges::default();
        let mut items = Vec::new();
        let mut position = 0;
        for s in self.common.sentences(doc) {
            let tokens = doc.sentence_tokens(&doc.sentences[s]);
            items.clear();
            match &self.matcher {
                Some(matcher) => {
                    let (hay, hits) = self.common.sentence_hits(doc, s, matcher, &mut scratch);
                    spans.clear();
                    spans.extend(hits.iter().map(|h| (hay.span(&h.range), h.entry)));
                    position = self.listed_items(doc, tokens, &spans, position, &mut items);
                }
                None => {
                    let hay = scratch.hay.load(&doc.text, doc.sentences[s].span);
                    self.common
                        .exception_ranges(&hay, &mut exception_hits, &mut exceptions);
                    position = self.word_items(doc, tokens, &exceptions, position, &mut items);
                }
            }
            for &item in &items {
                if let Some(earlier) = window.push(doc, item, self.window, self.times) {
                    out.push(self.finding(doc, item, &earlier));
                }
            }
        }
    }
}

impl Repetition {
    /// The uses of listed entries in one sentence (`hits`: file span and
    /// entry); returns the position after the sentence.
    fn listed_items(
        &self,
        doc: &Document,
        tokens: &[Token],
        hits: &[(Span, usize)],
        position: usize,
        items: &mut Vec<Item>,
    ) -> usize {
        match self.unit {
            Unit::Opener => {
                let Some(first) = self.opener(doc, tokens) else {
                    return position;
                };
                if let Some(&(span, entry)) =
                    hits.iter().find(|(span, _)| span.start == first.span.start)
                {
                    items.push(Item {
                        key: Key::Entry(entry),
                        hash: hash_entry(entry),
                        position,
                        span,
                    });
                }
                position + 1
            }
            Unit::Word => {
                // Hits are in text order: walk the tokens once, counting the
                // words before each.
                let mut counted = tokens.iter().filter(|t| self.counts(doc, t)).peekable();
                let mut before = 0;
                for &(span, entry) in hits {
                    while counted.next_if(|t| t.span.start < span.start).is_some() {
                        before += 1;
                    }
                    items.push(Item {
                        key: Key::Entry(entry),
                        hash: hash_entry(entry),
                        position: position + before,
                        span,
                    });
                }
                position + before + counted.count()
            }
        }
    }

    /// The words of one sentence that count, without a list; returns the
    /// position after the sentence.
    fn word_items(
        &self,
        doc: &Document,
        tokens: &[Token],
        exceptions: &Ranges,
        mut position: usize,
        items: &mut Vec<Item>,
    ) -> usize {
        let qualifies = |token: &Token| {
            token.kind == TokenKind::Word
                && doc.slice(token.span).chars().count() >= self.min_length
                && !exceptions.overlaps(&(token.span.start..token.span.end))
        };
        let word = |token: &Token, position| Item {
            key: Key::Word(token.span),
            hash: hash_word(doc.slice(token.span)),
            position,
            span: token.span,
        };
        match self.unit {
            Unit::Opener => {
                let Some(first) = self.opener(doc, tokens) else {
                    return position;
                };
                if qualifies(first) {
                    items.push(word(first, position));
                }
                position + 1
            }
            Unit::Word => {
                for token in tokens.iter().filter(|t| self.counts(doc, t)) {
                    if qualifies(token) {
                        items.push(word(token, position));
                    }
                    position += 1;
                }
                position
            }
        }
    }

    /// A word or number this rule can see.
    fn counts(&self, doc: &Document, token: &Token) -> bool {
        matches!(token.kind, TokenKind::Word | TokenKind::Number)
            && !self.common.excluded(doc, token.span.start)
    }

    /// The first word of a sentence, past opening quotes and brackets, if
    /// this rule can see it.
    fn opener<'d>(&self, doc: &Document, tokens: &'d [Token]) -> Option<&'d Token> {
        tokens
            .iter()
            .find(|t| t.kind != TokenKind::Punct)
            .filter(|t| self.counts(doc, t))
    }

    fn finding(&self, doc: &Document, item: Item, earlier: &[Span]) -> Finding {
        let matched = super::matcher::collapse_whitespace(doc.slice(item.span));
        let fill = |slot| match slot {
            Slot::Match => matched.clone(),
            Slot::Count => (earlier.len() + 1).to_string(),
            Slot::Window => self.window.to_string(),
            _ => String::new(),
        };
        let mut finding = Finding::new(item.span, self.common.message.render(fill));
        finding.help = self.common.help.as_ref().map(|h| h.render(fill));
        for &span in earlier {
            finding = finding.label(span, "also here");
        }
        finding
    }
}

/// The uses inside the window, with a count per key hash so that a use is
/// compared with earlier ones only when one may be the same.
#[derive(Default)]
struct Window {
    items: VecDeque<Item>,
    counts: HashMap<u64, usize>,
}

impl Window {
    /// Add `item`; if it is the `times`th use of its key inside the last
    /// `width` positions, return the earlier uses.
    fn push(
        &mut self,
        doc: &Document,
        item: Item,
        width: usize,
        times: usize,
    ) -> Option<Vec<Span>> {
        while let Some(front) = self.items.front() {
            if front.position + width > item.position {
                break;
            }
            if let Some(count) = self.counts.get_mut(&front.hash) {
                *count -= 1;
            }
            self.items.pop_front();
        }
        let count = self.counts.entry(item.hash).or_insert(0);
        let earlier = if *count + 1 >= times {
            let same: Vec<Span> = self
                .items
                .iter()
                .filter(|other| same_key(doc, other.key, item.key))
                .map(|other| other.span)
                .collect();
            (same.len() + 1 >= times).then_some(same)
        } else {
            None
        };
        *count += 1;
        self.items.push_back(item);
        earlier
    }
}

fn same_key(doc: &Document, a: Key, b: Key) -> bool {
    match (a, b) {
        (Key::Entry(a), Key::Entry(b)) => a == b,
        (Key::Word(a), Key::Word(b)) => doc
            .slice(a)
            .chars()
            .flat_map(char::to_lowercase)
            .eq(doc.slice(b).chars().flat_map(char::to_lowercase)),
        _ => false,
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a of the word in lower case, without building the lowered string.
fn hash_word(word: &str) -> u64 {
    word.chars()
        .flat_map(char::to_lowercase)
        .fold(FNV_OFFSET, |hash, c| {
            (hash ^ c as u64).wrapping_mul(FNV_PRIME)
        })
}

fn hash_entry(entry: usize) -> u64 {
    // Entries and words never share a key, so their hashes need not differ.
    (FNV_OFFSET ^ entry as u64).wrapping_mul(FNV_PRIME)
}

#[cfg(test)]
mod tests {
    use crate::rules::declarative::testing::{flagged, pack_rule};

    #[test]
    fn three_sentences_with_the_same_opener() {
        let rule = pack_rule(
            r#"
[[rule]]
id = "style/same-opener"
kind = "repetition"
message = "“{match}” opens {count} sentences in a row"
doc = "Repeated openers."
of = "opener"
window = 3
times = 3
exceptions = ["The"]
"#,
        );
        assert_eq!(
            flagged(
                &*rule,
                "However, it rose. However, it fell. “However, no.” However, it held."
            ),
            vec!["However"]
        );
        assert!(
            flagged(
                &*rule,
                "However, it rose. Then it fell. However, it held. However, no."
            )
            .is_empty()
        );
        assert!(flagged(&*rule, "The cat sat. The dog ran. The end came.").is_empty());
    }

    #[test]
    fn the_same_word_within_a_window_of_words() {
        let rule = pack_rule(
            r#"
[[rule]]
id = "style/echo"
kind = "repetition"
message = "“{match}” again within {window} words"
doc = "Echoes."
of = "word"
window = 6
min-length = 7
"#,
        );
        assert_eq!(
            flagged(
                &*rule,
                "A significant rise was Significant news. A significant one."
            ),
            vec!["Significant", "significant"]
        );
        assert!(
            flagged(
                &*rule,
                "A significant rise, then nothing else at all for weeks, significant."
            )
            .is_empty()
        );
    }

    #[test]
    fn listed_phrases_repeat_across_sentences() {
        let rule = pack_rule(
            r#"
[[rule]]
id = "style/very"
kind = "repetition"
message = "“{match}” again"
doc = "Very, very."
of = "word"
window = 10
words = ["very", "really"]
"#,
        );
        assert_eq!(
            flagged(
                &*rule,
                "It was very cold. Very cold indeed, and really wet."
            ),
            vec!["Very"]
        );
    }
}
