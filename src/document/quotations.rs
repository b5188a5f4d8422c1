//! Quotations: each opening double quote paired with its closing quote
//! inside a paragraph. The pairing repairs what it can read through, so that
//! every rule sees the quotation the writer meant:
//!
//! - an opening mark where a closing one belongs (`ready, “Gorman
//!   said.`) closes the quotation and is recorded as misdirected, and so is a
//!   closing mark that opens one (`He said: ”We will`);
//! - an unclosed quotation that holds an attribution (`“We tried, Antonov
//!   said. “But…`) records where its closing mark was dropped, and ends
//!   there;
//! - a quotation still open at the end of a paragraph whose successor opens
//!   with a quotation mark continues (news style for a quote that runs on).
//!
//! Single quotes are left out: `’` is also the apostrophe (`’90s`, `rock ’n’
//! roll`), and nested quotes inside double quotes need no pairing to be read.

use serde::Serialize;

use super::tokens::{Token, TokenKind};
use crate::lexicon::pos;
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Quotation {
    /// The opening mark.
    pub open: Span,
    /// The closing mark, if the paragraph has one.
    pub close: Option<Span>,
    /// The paragraph it is in (a quotation never spans paragraphs; a quote
    /// that runs on is reopened in the next paragraph).
    pub paragraph: usize,
    /// The quotation runs on without a closing mark, reopened by the next
    /// paragraph (correct news style for a long quote), or, when paragraphs
    /// were run together, by a new sentence of the same paragraph.
    pub continues: bool,
    /// An unclosed quotation followed, inside the paragraph, by an
    /// attribution (`…hungry again, she said.`): the word and mark after
    /// which the closing quotation mark seems to have been dropped.
    pub dropped_close: Option<Span>,
    /// The quotation this one is nested in (an index into the same list).
    pub outer: Option<usize>,
}

impl Quotation {
    /// From the opening mark to the closing mark (or where it was dropped,
    /// or the paragraph's end).
    pub fn span(&self, paragraph_end: usize) -> Span {
        Span::new(self.open.start, self.end(paragraph_end))
    }

    /// The quoted words, without the marks.
    pub fn content(&self, paragraph_end: usize) -> Span {
        let end = match self.close {
            Some(close) => close.start,
            None => self.end(paragraph_end),
        };
        Span::new(self.open.end, end)
    }

    fn end(&self, paragraph_end: usize) -> usize {
        match (self.close, self.dropped_close) {
            (Some(close), _) => close.end,
            (None, Some(dropped)) => dropped.end,
            (None, None) => paragraph_end,
        }
    }
}

/// Which way a double quotation mark points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Open,
    Close,
}

/// The direction of the double quotation mark at `tokens[i]`, if it is one.
/// Curly quotes say so themselves; a straight `"` opens after a space (or at
/// the start) when a word follows directly, and closes otherwise.
#[inline]
pub fn double_quote_direction(text: &str, tokens: &[Token], i: usize) -> Option<Direction> {
    let token = &tokens[i];
    // Each mark starts with `"`, or with the first byte of `“`, `”` and `„`
    // (0xE2) or of `«` and `»` (0xC2): pairing asks of every token, and most
    // are ruled out by that byte.
    if token.kind != TokenKind::Punct
        || !matches!(text.as_bytes()[token.span.start], b'"' | 0xE2 | 0xC2)
    {
        return None;
    }
    match token.span.text(text) {
        "“" | "„" | "«" => Some(Direction::Open),
        "”" | "»" => Some(Direction::Close),
        "\"" => {
            let after_gap = i == 0
                || token.space_before
                // Older typography writes the dash as a hyphen: `Rayburn-"Mr. Sam"-sat`.
                || matches!(tokens[i - 1].span.text(text), "(" | "[" | "—" | "–" | "-");
            let word_follows = tokens.get(i + 1).is_some_and(|t| !t.space_before);
            Some(if after_gap && word_follows {
                Direction::Open
            } else {
                Direction::Close
            })
        }
        _ => None,
    }
}

/// Does the paragraph made of `tokens` open with a quotation mark?
pub fn opens_with_quote(text: &str, tokens: &[Token]) -> bool {
    !tokens.is_empty() && double_quote_direction(text, tokens, 0) == Some(Direction::Open)
}

/// One double quotation mark of a paragraph.
#[derive(Clone, Copy, Debug)]
struct Mark {
    /// Index into the paragraph's tokens.
    token: usize,
    direction: Direction,
    glyph: Glyph,
    /// No space between the mark and the token before it.
    glued_before: bool,
    /// A word or number follows the mark with no space.
    glued_to_word: bool,
    /// A straight mark at the start of a sentence, glued to its first word:
    /// inside an open quotation, it reopens it as a new paragraph of a
    /// running quote would, when the paragraphs were run together.
    may_run_on: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Glyph {
    /// `“` or `”`: their shape can point the wrong way.
    Curly,
    /// `„`: German style, closed by `“`.
    Low,
    /// `"`, `«`, `»`: taken as they come.
    Other,
}

/// What pairing a paragraph found besides its quotations.
#[derive(Debug, Default)]
pub struct Pairing {
    /// Closing marks that close nothing.
    pub stray_closers: Vec<Span>,
    /// Marks pointing the wrong way (`“` used to close, `”` used to open),
    /// paired as if they pointed the right way.
    pub misdirected: Vec<Span>,
}

/// How many marks ahead the pairing looks to decide a mark's direction:
/// enough for any real paragraph, and a bound on the cost of a pathological
/// one.
const LOOKAHEAD: usize = 64;

/// Pair the double quotes of one paragraph (`tokens` are its tokens);
/// `next_opens_with_quote` says whether the next paragraph opens with a
/// quotation mark, so a quotation left open here may continue there.
pub fn pair(
    text: &str,
    tokens: &[Token],
    paragraph: usize,
    next_opens_with_quote: bool,
    out: &mut Vec<Quotation>,
    found: &mut Pairing,
) {
    let marks = collect_marks(text, tokens);
    // Indices into `out` of the quotations open now, innermost last.
    let mut open: Vec<usize> = Vec::new();
    let new_quotation = |mark: &Mark, outer: Option<usize>| Quotation {
        open: tokens[mark.token].span,
        close: None,
        paragraph,
        continues: false,
        dropped_close: None,
        outer,
    };
    for (m, mark) in marks.iter().enumerate() {
        let span = tokens[mark.token].span;
        match mark.direction {
            Direction::Open => {
                let Some(&inner) = open.last() else {
                    out.push(new_quotation(mark, None));
                    open.push(out.len() - 1);
                    continue;
                };
                let closes_german = mark.glyph == Glyph::Curly
                    && span.text(text) == "“"
                    && out[inner].open.text(text) == "„";
                if closes_german {
                    out[inner].close = Some(span);
                    open.pop();
                } else if mark.glyph == Glyph::Curly
                    && mark.glued_to_word
                    && attribution_at(text, tokens, mark.token + 1).is_some()
                {
                    // `ready, “Gorman said.`
                    found.misdirected.push(span);
                    out[inner].close = Some(span);
                    open.pop();
                } else if runs_on(text, tokens, &marks, m, open.len(), &out[inner]) {
                    out[inner].continues = true;
                    open.pop();
                    out.push(new_quotation(mark, open.last().copied()));
                    open.push(out.len() - 1);
                } else if mark.glyph == Glyph::Curly
                    && closes_instead(text, tokens, &marks, m, open.len(), next_opens_with_quote)
                {
                    found.misdirected.push(span);
                    out[inner].close = Some(span);
                    open.pop();
                } else {
                    out.push(new_quotation(mark, Some(inner)));
                    open.push(out.len() - 1);
                }
            }
            Direction::Close => match open.pop() {
                Some(index) => out[index].close = Some(span),
                None if mark.glyph == Glyph::Curly && !mark.glued_before && mark.glued_to_word => {
                    // `He said: ”We will`: shaped to close, placed to open.
                    found.misdirected.push(span);
                    out.push(new_quotation(mark, None));
                    open.push(out.len() - 1);
                }
                None if is_measurement(text, tokens, mark) => {}
                None => found.stray_closers.push(span),
            },
        }
    }
    // What is still open never closed in this paragraph: find where an
    // attribution shows it ended, else let the innermost one run on.
    for (k, &index) in open.iter().enumerate() {
        let quotation = &mut out[index];
        let from = tokens.partition_point(|t| t.span.start < quotation.open.end);
        let after = marks.partition_point(|m| m.token < from);
        let to = marks[after..]
            .iter()
            .find(|m| m.direction == Direction::Open)
            .map_or(tokens.len(), |m| m.token);
        quotation.dropped_close = dropped_close(text, &tokens[..to], from);
        quotation.continues =
            k + 1 == open.len() && next_opens_with_quote && quotation.dropped_close.is_none();
        // A quote opened inside the reporter's sentence (`had been “frank`)
        // rarely runs on into the next paragraph.
        let partial = from >= 2 && tokens[from - 2].kind == TokenKind::Word;
        if (!quotation.continues || partial) && quotation.dropped_close.is_none() {
            quotation.dropped_close = reporter_resumes(text, &tokens[..to], from);
            quotation.continues &= quotation.dropped_close.is_none();
        }
    }
}

fn collect_marks(text: &str, tokens: &[Token]) -> Vec<Mark> {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return Vec::new();
    };
    let start = first.span.start;
    // Every mark starts with one of these bytes (see
    // [`double_quote_direction`]), found in the text many bytes at a time;
    // the tokens starting there are the only ones asked about.
    let mut next_token = 0;
    memchr::memchr3_iter(b'"', 0xE2, 0xC2, &text.as_bytes()[start..last.span.end])
        .filter_map(move |offset| {
            let at = start + offset;
            next_token += tokens[next_token..].partition_point(|t| t.span.start < at);
            let i = next_token;
            (tokens.get(i)?.span.start == at).then_some(i)
        })
        .filter_map(|i| {
            let direction = double_quote_direction(text, tokens, i)?;
            let glyph = match tokens[i].span.text(text) {
                "“" | "”" => Glyph::Curly,
                "„" => Glyph::Low,
                _ => Glyph::Other,
            };
            let glued_to_word = tokens.get(i + 1).is_some_and(|t| {
                !t.space_before && matches!(t.kind, TokenKind::Word | TokenKind::Number)
            });
            Some(Mark {
                token: i,
                direction,
                glyph,
                glued_before: i > 0 && !tokens[i].space_before,
                glued_to_word,
                may_run_on: glyph == Glyph::Other
                    && direction == Direction::Open
                    && glued_to_word
                    && follows_sentence_end(text, &tokens[..i]),
            })
        })
        .collect()
}

/// A straight `"` right after a number, closing nothing: inches or seconds
/// (`6'2"`), not a quotation mark.
fn is_measurement(text: &str, tokens: &[Token], mark: &Mark) -> bool {
    mark.glued_before
        && tokens[mark.token].span.text(text) == "\""
        && tokens[mark.token - 1].kind == TokenKind::Number
}

/// Does the opening mark `marks[m]`, met while `depth` quotations are open,
/// reopen the innermost one the way a new paragraph of a running quote does
/// (`…free and independent. "That the United States…`), as when the
/// paragraphs of a long quotation were run together? It must be a straight
/// mark starting a sentence, the quotation it reopens must have opened with
/// the same mark, and the rest of the paragraph must pair. Curly-quoted copy
/// keeps its paragraph breaks: there a second opening mark is a slip.
fn runs_on(
    text: &str,
    tokens: &[Token],
    marks: &[Mark],
    m: usize,
    depth: usize,
    inner: &Quotation,
) -> bool {
    let mark = &marks[m];
    let rest = &marks[m + 1..];
    mark.may_run_on
        && tokens[mark.token].span.text(text) == inner.open.text(text)
        && !ended_at_attribution(text, tokens, marks, m)
        && !rest.is_empty()
        && unpaired(rest, depth, false) == 0
}

/// `tokens` end with a full stop, question or exclamation mark or an
/// omission (`…`, `* * *`), maybe followed by closing single quotes or
/// brackets.
fn follows_sentence_end(text: &str, tokens: &[Token]) -> bool {
    let mut end = tokens.len();
    while end > 0 && matches!(tokens[end - 1].span.text(text), "’" | "'" | ")" | "]") {
        end -= 1;
    }
    end > 0
        && matches!(tokens[end - 1].kind, TokenKind::Punct | TokenKind::Symbol)
        && matches!(
            tokens[end - 1].span.text(text),
            "." | "?" | "!" | "…" | "*" | "..."
        )
}

/// The quotation open before `marks[m]` already ended at an attribution
/// (`“We tried, Antonov said. “But…`): its closing mark was dropped there.
fn ended_at_attribution(text: &str, tokens: &[Token], marks: &[Mark], m: usize) -> bool {
    let since_previous_mark = marks[m - 1].token + 1;
    dropped_close(text, &tokens[..marks[m].token], since_previous_mark).is_some()
}

/// Should the curly opening mark `marks[m]`, met while `depth` quotations
/// are open (and not before an attribution, which settles it), be read as
/// the closing mark of the innermost one?
///
/// No when the open quotation already ended at an attribution: the closing
/// mark was dropped there and this one opens anew. Otherwise the reading
/// that leaves fewer unpaired marks in the rest of the paragraph wins, and a
/// tie goes to closing: a second opening mark inside an open quotation is the
/// less likely slip (`“A top priority. “Then the talks ended.`).
fn closes_instead(
    text: &str,
    tokens: &[Token],
    marks: &[Mark],
    m: usize,
    depth: usize,
    next_opens_with_quote: bool,
) -> bool {
    if ended_at_attribution(text, tokens, marks, m) {
        return false;
    }
    let rest = &marks[m + 1..];
    let as_closer = 1 + unpaired(rest, depth - 1, next_opens_with_quote);
    let as_opener = unpaired(rest, depth + 1, next_opens_with_quote);
    as_closer <= as_opener
}

/// How many marks stay unpaired when `marks` are read from `depth` open
/// quotations: closers with nothing to close, and quotations left open
/// (the innermost may continue into the next paragraph).
fn unpaired(marks: &[Mark], mut depth: usize, next_opens_with_quote: bool) -> usize {
    let mut stray = 0;
    for mark in marks.iter().take(LOOKAHEAD) {
        match mark.direction {
            Direction::Open if mark.may_run_on && depth > 0 => {}
            Direction::Open => depth += 1,
            Direction::Close if depth == 0 => stray += 1,
            Direction::Close => depth -= 1,
        }
    }
    stray + depth - usize::from(next_opens_with_quote && depth > 0)
}

/// In `tokens[from..]`, the first word and mark that end a quotation's words
/// right before an attribution (`…weekend, Antonov said.`): its span, word and
/// mark together.
fn dropped_close(text: &str, tokens: &[Token], from: usize) -> Option<Span> {
    (from + 1..tokens.len()).find_map(|i| {
        let mark = &tokens[i];
        let word = &tokens[i - 1];
        let ends_words = mark.kind == TokenKind::Punct
            && !mark.space_before
            && matches!(mark.span.text(text), "," | "?" | "!")
            && matches!(word.kind, TokenKind::Word | TokenKind::Number);
        (ends_words && tokens.get(i + 1).is_some_and(|t| t.space_before))
            .then(|| attribution_at(text, tokens, i + 1))
            .flatten()
            .map(|_| word.span.cover(mark.span))
    })
}

/// In `tokens[from..]`, the word and full stop (question or exclamation
/// mark) ending the sentence after which a new one reports speech in the
/// reporter's voice (`…the river bank. She said about 300
/// volunteers…`). Only for a quotation that never closes: a speaker may
/// well quote someone else inside a quote that closes or runs on.
fn reporter_resumes(text: &str, tokens: &[Token], from: usize) -> Option<Span> {
    (from + 2..tokens.len()).find_map(|i| {
        let word = &tokens[i - 2];
        let stop = &tokens[i - 1];
        let sentence_ends = stop.kind == TokenKind::Punct
            && !stop.space_before
            && matches!(stop.span.text(text), "." | "?" | "!")
            && matches!(word.kind, TokenKind::Word | TokenKind::Number)
            && tokens[i].space_before
            && tokens[i].span.text(text).starts_with(char::is_uppercase);
        (sentence_ends && speaker_end(text, tokens, i, true).is_some())
            .then(|| word.span.cover(stop.span))
    })
}

/// Verbs that attribute a quotation to its speaker.
const SPEECH_VERBS: &[&str] = &[
    "acknowledged",
    "added",
    "adds",
    "admitted",
    "agreed",
    "announced",
    "argued",
    "asked",
    "asks",
    "cautioned",
    "claimed",
    "complained",
    "conceded",
    "concluded",
    "continued",
    "countered",
    "declared",
    "emphasised",
    "emphasized",
    "explained",
    "insisted",
    "joked",
    "maintained",
    "noted",
    "observed",
    "predicted",
    "promised",
    "recalled",
    "remarked",
    "replied",
    "responded",
    "said",
    "says",
    "shouted",
    "stated",
    "stressed",
    "suggested",
    "tells",
    "told",
    "urged",
    "vowed",
    "warned",
    "writes",
    "wrote",
];

/// Speech verbs that take a listener: `told reporters`, `asked the panel`.
const VERBS_WITH_LISTENER: &[&str] = &["asked", "asks", "told", "tells", "urged", "warned"];

/// Pronouns that can speak a quotation.
const SPEAKER_PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// Words of time that may follow the verb: `said Monday`, `said later`.
const TIME_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "later",
    "afterward",
    "afterwards",
    "recently",
    "then",
];

/// The longest attribution galley reads: `a spokesperson for the Interior
/// Ministry said in a statement on Monday`.
const MAX_SPEAKER_WORDS: usize = 6;
const MAX_TRAILING_WORDS: usize = 8;
/// Initials and title abbreviations inside a name: `L.`, `Sen.`, `Gov.`.
const MAX_ABBREVIATION_LEN: usize = 4;

/// Is `tokens[i..]` an attribution — a speaker and a speech verb (`Reed
/// said`, `she added`, `said Reed`, `the minister told reporters on
/// Monday`) ending at a punctuation mark or the paragraph's end? Returns the
/// index just past it.
pub fn attribution_at(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let word = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.span.text(text))
    };
    let (verb_at, speaker_first) = match word(i) {
        Some(w) if is_speech_verb(w) => (i, false),
        Some(_) => (speaker_end(text, tokens, i, true)?, true),
        None => return None,
    };
    let verb = word(verb_at).filter(|w| is_speech_verb(w))?;
    let mut k = verb_at + 1;
    if !speaker_first {
        k = speaker_end(text, tokens, k, false)?;
    }
    // What may follow: a time, a place or occasion, a listener.
    let first_trailing = k;
    // Words and numbers: `said at a meeting at 9 a.m. Friday`.
    let trailing_word = |k: usize| {
        tokens
            .get(k)
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .map(|t| t.span.text(text))
    };
    while let Some(w) = trailing_word(k) {
        if k - first_trailing >= MAX_TRAILING_WORDS {
            return None;
        }
        let lower = w.to_ascii_lowercase();
        if lower == "that" || pos::lookup(w).is_some_and(|e| e.primary.is_finite_verb()) {
            return None;
        }
        if k == first_trailing {
            let opens_phrase = TIME_WORDS.contains(&lower.as_str())
                || w.starts_with(char::is_uppercase)
                || pos::lookup(&lower).is_some_and(|e| e.primary == pos::Tag::IN)
                || VERBS_WITH_LISTENER.contains(&verb);
            if !opens_phrase {
                return None;
            }
        }
        k += 1;
    }
    match tokens.get(k) {
        None => Some(k),
        Some(t)
            if t.kind == TokenKind::Punct
                && matches!(
                    t.span.text(text),
                    "." | "," | ";" | ":" | "!" | "?" | "—" | "–"
                ) =>
        {
            Some(k)
        }
        _ => None,
    }
}

fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.binary_search(&word).is_ok()
}

/// The index just past a speaker starting at `tokens[i]`: a pronoun, a name
/// (capitalised words, initials and title abbreviations with their full
/// stop), or a noun phrase after an article (`the minister`). Before the
/// verb (`before_verb`) it must end at a speech verb; after it (`said
/// Reed`), it ends where its words do.
fn speaker_end(text: &str, tokens: &[Token], i: usize, before_verb: bool) -> Option<usize> {
    let first = tokens.get(i).filter(|t| t.kind == TokenKind::Word)?;
    let first_word = first.span.text(text);
    let lower = first_word.to_ascii_lowercase();
    if SPEAKER_PRONOUNS.contains(&lower.as_str()) {
        return Some(i + 1);
    }
    let article = matches!(lower.as_str(), "the" | "a" | "an");
    if !article && !first_word.starts_with(char::is_uppercase) {
        return None;
    }
    let mut k = i;
    let mut words = 0;
    while let Some(token) = tokens.get(k) {
        let t = token.span.text(text);
        match token.kind {
            TokenKind::Word if before_verb && words > 0 && is_speech_verb(t) => return Some(k),
            TokenKind::Word if words >= MAX_SPEAKER_WORDS => return None,
            // A name is capitalised throughout; a noun phrase may be anything
            // but a verb that already says something about the speaker.
            TokenKind::Word
                if (article || t.starts_with(char::is_uppercase))
                    && !pos::lookup(t).is_some_and(|e| e.primary.is_finite_verb()) =>
            {
                words += 1;
            }
            // `J. Reed`, `Sen. Warren`: the stop of an initial or title.
            TokenKind::Punct
                if t == "."
                    && !token.space_before
                    && words > 0
                    && tokens[k - 1].span.len() <= MAX_ABBREVIATION_LEN => {}
            _ if before_verb => return None,
            _ => break,
        }
        k += 1;
    }
    // After the verb, the name ends at the last word (not at a full stop
    // that ends the sentence).
    (!before_verb && words > 0).then(|| {
        let mut end = k;
        while end > i && tokens[end - 1].kind == TokenKind::Punct {
            end -= 1;
        }
        end
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::tokens::tokenize;

    struct Paired {
        /// Each quotation's words and whether it closed.
        quotations: Vec<(String, bool)>,
        stray: usize,
        misdirected: Vec<usize>,
        dropped: Vec<String>,
    }

    fn pair_text(text: &str, next_opens_with_quote: bool) -> Paired {
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut tokens);
        let mut out = Vec::new();
        let mut found = Pairing::default();
        pair(
            text,
            &tokens,
            0,
            next_opens_with_quote,
            &mut out,
            &mut found,
        );
        Paired {
            quotations: out
                .iter()
                .map(|q| {
                    (
                        q.content(text.len()).text(text).to_string(),
                        q.close.is_some(),
                    )
                })
                .collect(),
            stray: found.stray_closers.len(),
            misdirected: found.misdirected.iter().map(|s| s.start).collect(),
            dropped: out
                .iter()
                .filter_map(|q| q.dropped_close)
                .map(|s| s.text(text).to_string())
                .collect(),
        }
    }

    #[test]
    fn curly_and_straight_quotes_pair() {
        let p = pair_text("“Frank,” she said. He said \"no\" twice.", false);
        assert_eq!(
            p.quotations,
            vec![("Frank,".to_string(), true), ("no".to_string(), true)]
        );
        assert_eq!(p.stray, 0);
    }

    #[test]
    fn unclosed_and_stray_marks() {
        let p = pair_text("“One. “Two.” Three.” Four.” Five", false);
        assert_eq!(p.quotations.len(), 2);
        assert_eq!(p.stray, 1);
        assert!(p.misdirected.is_empty());
    }

    #[test]
    fn an_opening_mark_before_an_attribution_closes() {
        let text = "“We think the bridge can reopen, “Gorman said.";
        let p = pair_text(text, false);
        assert_eq!(p.misdirected, vec![text.find(", “").unwrap() + 2]);
        assert_eq!(
            p.quotations,
            vec![("We think the bridge can reopen, ".to_string(), true)]
        );
        let p = pair_text("“Lock the shed tonight, “he said. “Then call me.”", false);
        assert_eq!(p.misdirected.len(), 1);
        assert_eq!(p.quotations.len(), 2);
        assert!(p.quotations.iter().all(|q| q.1));
    }

    #[test]
    fn an_opening_mark_where_the_paragraph_never_closes_again_closes() {
        let p = pair_text("It was a “last resort. “Then the meeting ended.", false);
        assert_eq!(p.misdirected.len(), 1);
        let p = pair_text("He said “now,“ and left.", false);
        assert_eq!(p.misdirected.len(), 1);
    }

    #[test]
    fn a_closing_mark_that_opens() {
        let p = pair_text("He said: ”We will go.”", false);
        assert_eq!(p.misdirected, vec![9]);
        assert_eq!(p.quotations, vec![("We will go.".to_string(), true)]);
        assert_eq!(p.stray, 0);
    }

    #[test]
    fn a_dropped_closing_mark_before_an_attribution() {
        let p = pair_text(
            "“We will not finish the repairs this weekend, Antonov said. “But we will start.”",
            false,
        );
        assert!(p.misdirected.is_empty());
        assert_eq!(p.dropped, vec!["weekend,"]);
        assert_eq!(
            p.quotations[0].0,
            "We will not finish the repairs this weekend,"
        );
        let p = pair_text(
            "“Without the ferry, the island will run short of fuel, she said.",
            true,
        );
        assert_eq!(p.dropped, vec!["fuel,"]);
        let p = pair_text("“Why now? asked Dana K. Price on Monday.", false);
        assert_eq!(p.dropped, vec!["now?"]);
        let p = pair_text(
            "“The water rose faster than the forecast. She said 300 volunteers came.",
            false,
        );
        assert_eq!(p.dropped, vec!["forecast."]);
        // A quote that runs on may report what someone else said, unless it
        // opened inside the reporter's sentence.
        let p = pair_text("“My father farmed. He said we must work.", true);
        assert!(p.dropped.is_empty());
        let p = pair_text("The meeting was “tense at times. She said they left.", true);
        assert_eq!(p.dropped, vec!["times."]);
    }

    #[test]
    fn nested_double_quotes_pair_inside_out() {
        let p = pair_text("“He told me “never” again,” she said.", false);
        assert!(p.misdirected.is_empty());
        assert_eq!(p.stray, 0);
        assert!(p.quotations.iter().all(|q| q.1));
    }

    #[test]
    fn german_quotes_and_measurements() {
        let p = pair_text("Er sagte „nein“ und ging.", false);
        assert_eq!(p.quotations, vec![("nein".to_string(), true)]);
        assert!(p.misdirected.is_empty());
        let p = pair_text("He is 6'2\" tall.", false);
        assert_eq!(p.stray, 0);
    }

    #[test]
    fn attributions() {
        let at = |text: &str| {
            let mut tokens = Vec::new();
            tokenize(text, Span::new(0, text.len()), &mut tokens);
            attribution_at(text, &tokens, 0).is_some()
        };
        for yes in [
            "he said.",
            "Gorman said.",
            "Antonov said Friday.",
            "said Reed, the mayor.",
            "the minister told reporters on Monday.",
            "a spokesperson for the Interior Ministry said in a statement.",
            "Sen. Elizabeth Warren said",
            "Price said at a meeting at 9 a.m. Friday.",
            "she asked",
        ] {
            assert!(at(yes), "should be an attribution: {yes}");
        }
        for no in [
            "he said the plan was dead.",
            "he said no.",
            "said that it would.",
            "we will not go.",
            "Europe said nothing about it.",
            "the talks",
        ] {
            assert!(!at(no), "should not be an attribution: {no}");
        }
    }

    #[test]
    fn speech_verbs_are_sorted() {
        assert!(SPEECH_VERBS.windows(2).all(|w| w[0] < w[1]));
    }
}
