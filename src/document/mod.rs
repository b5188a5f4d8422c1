//! The Document: everything galley knows about one file's text, computed
//! once and shared by every rule. Spans are byte offsets into the file.

pub mod analyses;
mod arrays;
pub mod blocks;
pub mod casing;
pub mod markdown;
pub mod quotations;
pub mod sentences;
pub mod tokens;
pub mod words;

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

pub use analyses::{Analysis, AnalysisKey};
use arrays::Arrays;
pub use blocks::BlockKind;
pub use casing::Casing;
pub use quotations::Quotation;
pub use tokens::{Token, TokenKind};

use crate::entities::Entities;
use crate::source::{Format, Source};
use crate::span::Span;

#[derive(Clone, Debug, Serialize)]
pub struct Paragraph {
    pub span: Span,
    pub kind: BlockKind,
    /// Indices into [`Document::tokens`].
    pub tokens: Range<usize>,
    /// Indices into [`Document::sentences`].
    pub sentences: Range<usize>,
    /// A dateline opening the paragraph (`NAIROBI —`, `FRESNO, Calif. —`);
    /// it belongs to no sentence.
    pub dateline: Option<Span>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Sentence {
    pub span: Span,
    /// Indices into [`Document::tokens`].
    pub tokens: Range<usize>,
    pub paragraph: usize,
}

#[derive(Debug)]
pub struct Document<'s> {
    pub source: &'s Source,
    /// The text rules read: the file's text, except that in Markdown every
    /// byte that is not prose is NUL. Same length, same offsets.
    pub text: Cow<'s, str>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub quotations: Vec<Quotation>,
    /// Closing quotation marks that close nothing in their paragraph.
    pub stray_closing_quotes: Vec<Span>,
    /// Quotation marks pointing the wrong way (`“` where a quotation ends,
    /// `”` where one begins); [`Document::quotations`] pairs them as if they
    /// pointed the right way.
    pub misdirected_quotes: Vec<Span>,
    /// HTML comments (Markdown), where inline suppressions are written.
    pub comments: Vec<Span>,
    /// See [`Document::capitals_and_numbers`].
    capitals_and_numbers: Vec<u32>,
    /// Per token, how many tokens before it `capitals_and_numbers` holds
    /// (and, last, how many it holds in all): where any range of tokens
    /// starts and ends in that index, found without a search.
    capitals_before: Vec<u32>,
    /// See [`Document::marks`].
    marks: Vec<u32>,
    /// What rules derive from the Document alike (people, casing, dates…),
    /// built on first use and shared.
    analyses: analyses::Analyses,
}

impl<'s> Document<'s> {
    pub fn new(source: &'s Source) -> Document<'s> {
        let (text, blocks, comments) = match source.format {
            Format::Markdown => {
                let prose = markdown::prose(&source.text);
                (Cow::Owned(prose.masked), prose.blocks, prose.comments)
            }
            Format::Text => (
                Cow::Borrowed(source.text.as_str()),
                blocks::text_blocks(&source.text, source.content_start()),
                Vec::new(),
            ),
        };
        let arrays = Arrays::take();
        let mut doc = Document {
            source,
            text,
            paragraphs: Vec::with_capacity(blocks.len()),
            sentences: arrays.sentences,
            tokens: arrays.tokens,
            quotations: Vec::new(),
            stray_closing_quotes: Vec::new(),
            misdirected_quotes: Vec::new(),
            comments,
            capitals_and_numbers: arrays.capitals_and_numbers,
            capitals_before: arrays.capitals_before,
            marks: arrays.marks,
            analyses: analyses::Analyses::default(),
        };
        doc.tokens.reserve(source.text.len() / 5);
        doc.capitals_before.reserve(source.text.len() / 5);
        for block in blocks {
            doc.add_paragraph(block);
        }
        doc.capitals_before.push(doc.capitals_indexed());
        doc.pair_quotations();
        doc
    }

    fn add_paragraph(&mut self, block: blocks::Block) {
        let index = self.paragraphs.len();
        let first_token = self.tokens.len();
        tokens::tokenize(&self.text, block.span, &mut self.tokens);
        let tokens = &self.tokens[first_token..];
        // Every token is written to the index's next place, which only an
        // indexed one keeps: whether a token is indexed (one in six or so)
        // is not predictable, and this takes no branch on it.
        // The marks are indexed the same way.
        let mut indexed_len = self.capitals_indexed();
        let mut marks_len = self.marks.len();
        self.capitals_and_numbers
            .resize(self.capitals_and_numbers.len() + tokens.len(), 0);
        self.marks.resize(marks_len + tokens.len(), 0);
        for (i, token) in (first_token..).zip(tokens) {
            let capital = (token.kind == TokenKind::Word) & !token.starts_ascii_lowercase();
            let indexed = capital | (token.kind == TokenKind::Number);
            // (A token takes 24 bytes: memory runs out long before.)
            let i = u32::try_from(i).expect("fewer than 2^32 tokens");
            self.capitals_before.push(indexed_len);
            self.capitals_and_numbers[indexed_len as usize] = i;
            indexed_len += u32::from(indexed);
            self.marks[marks_len] = i;
            marks_len += usize::from(token.kind == TokenKind::Punct);
        }
        self.capitals_and_numbers.truncate(indexed_len as usize);
        self.marks.truncate(marks_len);
        if tokens.is_empty() {
            return;
        }
        let dateline_len = if block.kind == BlockKind::Body && index < 4 {
            dateline_length(&self.text, tokens)
        } else {
            0
        };
        let dateline =
            (dateline_len > 0).then(|| tokens[0].span.cover(tokens[dateline_len - 1].span));
        let first_sentence = self.sentences.len();
        for range in sentences::split(&self.text, &tokens[dateline_len..]) {
            let start = first_token + dateline_len + range.start;
            let end = first_token + dateline_len + range.end;
            self.sentences.push(Sentence {
                span: self.tokens[start].span.cover(self.tokens[end - 1].span),
                tokens: start..end,
                paragraph: index,
            });
        }
        self.paragraphs.push(Paragraph {
            span: block.span,
            kind: block.kind,
            tokens: first_token..self.tokens.len(),
            sentences: first_sentence..self.sentences.len(),
            dateline,
        });
    }

    /// Pair the quotation marks of each paragraph, knowing whether the next
    /// paragraph reopens a quotation (news style for a quote that runs on).
    fn pair_quotations(&mut self) {
        let mut found = quotations::Pairing::default();
        for (index, paragraph) in self.paragraphs.iter().enumerate() {
            let next_opens_with_quote = self.paragraphs.get(index + 1).is_some_and(|next| {
                quotations::opens_with_quote(&self.text, &self.tokens[next.tokens.clone()])
            });
            quotations::pair(
                &self.text,
                &self.tokens[paragraph.tokens.clone()],
                index,
                next_opens_with_quote,
                &mut self.quotations,
                &mut found,
            );
        }
        self.stray_closing_quotes = found.stray_closers;
        self.misdirected_quotes = found.misdirected;
    }

    /// The people of the article, found on first use and then shared: rules
    /// that never ask pay nothing.
    pub fn entities(&self) -> Arc<Entities> {
        self.analysis()
    }

    pub fn token_text(&self, index: usize) -> &str {
        self.tokens[index].span.text(&self.text)
    }

    pub fn slice(&self, span: Span) -> &str {
        span.text(&self.text)
    }

    /// [`Span::bytes`] of the text.
    pub fn bytes(&self, span: Span) -> &[u8] {
        span.bytes(&self.text)
    }

    /// The indices of the tokens in `range` (of [`Document::tokens`]) that
    /// are words which may start with a capital (their first byte is no
    /// ASCII lowercase letter) or numbers, in text order. Names, acronyms,
    /// dates and figures start there: a rule looking for them reads about
    /// one token in eight, and never the lowercase words between.
    pub fn capitals_and_numbers(
        &self,
        range: Range<usize>,
    ) -> impl ExactSizeIterator<Item = usize> + '_ {
        let tokens = self.tokens.len();
        let start = range.start.min(tokens);
        let end = range.end.clamp(start, tokens);
        let (from, to) = (self.capitals_before[start], self.capitals_before[end]);
        self.capitals_and_numbers[from as usize..to as usize]
            .iter()
            .map(|&i| i as usize)
    }

    /// The indices of the punctuation marks among the tokens in `range`
    /// (of [`Document::tokens`]), in text order: a rule about marks reads
    /// about one token in five, and never the words between.
    pub fn marks(&self, range: Range<usize>) -> impl ExactSizeIterator<Item = usize> + '_ {
        let from = self.marks.partition_point(|&i| (i as usize) < range.start);
        let to = from + self.marks[from..].partition_point(|&i| (i as usize) < range.end);
        self.marks[from..to].iter().map(|&i| i as usize)
    }

    /// How many tokens `capitals_and_numbers` holds so far.
    fn capitals_indexed(&self) -> u32 {
        u32::try_from(self.capitals_and_numbers.len()).expect("fewer than 2^32 tokens")
    }

    pub fn paragraph_tokens(&self, paragraph: &Paragraph) -> &[Token] {
        &self.tokens[paragraph.tokens.clone()]
    }

    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.clone()]
    }

    pub fn paragraph_of(&self, sentence: &Sentence) -> &Paragraph {
        &self.paragraphs[sentence.paragraph]
    }

    /// The innermost quotation whose words contain `offset`, if any.
    pub fn quotation_at(&self, offset: usize) -> Option<&Quotation> {
        let i = self.quotations.partition_point(|q| q.open.start <= offset);
        // The last quotation opened before `offset` holds it, or one of the
        // quotations it is nested in does.
        let mut candidate = i.checked_sub(1);
        while let Some(index) = candidate {
            let quotation = &self.quotations[index];
            let end = self.paragraphs[quotation.paragraph].span.end;
            if quotation.span(end).contains(offset) {
                return Some(quotation);
            }
            candidate = quotation.outer;
        }
        None
    }

    pub fn is_quoted(&self, offset: usize) -> bool {
        self.quotation_at(offset).is_some()
    }

    /// Might some text in `span` be quoted? `false` when no quotation holds
    /// any of it: then nothing in it need be asked about one by one.
    pub fn may_quote_within(&self, span: Span) -> bool {
        let after_start = self
            .quotations
            .partition_point(|q| q.open.start < span.start);
        let opens_within = self
            .quotations
            .get(after_start)
            .is_some_and(|q| q.open.start < span.end);
        // One opened before `span` that reaches into it holds its start.
        opens_within || self.is_quoted(span.start)
    }

    /// The index of the sentence holding token `index`, if any (dateline
    /// tokens belong to none).
    pub fn sentence_of_token(&self, index: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.tokens.end <= index);
        self.sentences
            .get(i)
            .filter(|s| s.tokens.contains(&index))
            .map(|_| i)
    }

    /// How the article capitalises its words, built on first use.
    pub fn casing(&self) -> Arc<Casing> {
        self.analysis()
    }

    /// What several rules derive from the Document alike, built once.
    pub fn analysis<T: Analysis>(&self) -> Arc<T> {
        self.analyses.get(self)
    }

    /// What one thing (a rule pack) derives from the Document, built by
    /// `build` on the first call with `key` and shared afterwards.
    pub fn keyed_analysis<T: std::any::Any + Send + Sync>(
        &self,
        key: AnalysisKey,
        build: impl FnOnce(&Document) -> T,
    ) -> Arc<T> {
        self.analyses.get_keyed(key, || build(self))
    }

    /// Word count, as `--statistics` reports it.
    pub fn word_count(&self) -> usize {
        self.tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count()
    }
}

impl Drop for Document<'_> {
    /// Keeps the largest arrays for the next Document built on this thread.
    fn drop(&mut self) {
        Arrays {
            tokens: std::mem::take(&mut self.tokens),
            sentences: std::mem::take(&mut self.sentences),
            capitals_and_numbers: std::mem::take(&mut self.capitals_and_numbers),
            capitals_before: std::mem::take(&mut self.capitals_before),
            marks: std::mem::take(&mut self.marks),
        }
        .keep();
    }
}

/// The number of leading tokens that form a dateline: capitalised place
/// words (`FRESNO, Calif.`), an optional agency in parentheses, a dash.
fn dateline_length(text: &str, tokens: &[Token]) -> usize {
    let mut saw_caps = false;
    for (i, token) in tokens.iter().enumerate().take(12) {
        let word = token.span.text(text);
        match token.kind {
            TokenKind::Word if word.len() > 1 && word.chars().all(|c| !c.is_lowercase()) => {
                saw_caps = true
            }
            // `Calif.`, `(AP)`, `(Reuters)`: only after the capitals.
            TokenKind::Word if saw_caps && word.starts_with(char::is_uppercase) => {}
            TokenKind::Punct if matches!(word, "," | "." | "(" | ")" | "’" | "'") => {}
            // A dateline opens a sentence: `GENEVA —` alone is none.
            TokenKind::Punct
                if saw_caps && matches!(word, "—" | "–" | "-") && token.space_before =>
            {
                return if i + 1 < tokens.len() { i + 1 } else { 0 };
            }
            _ => return 0,
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc_of(text: &str) -> Source {
        Source::new("t.txt", text.to_string(), Format::Text)
    }

    /// Found by the property tests: a paragraph that was all dateline left
    /// the sentence splitter no tokens, and it indexed the first.
    #[test]
    fn a_paragraph_that_is_only_a_dateline_is_a_sentence() {
        for text in [
            "GENEVA —",
            "Headline\n\n U.S. He -    ",
            "GENEVA —\n\nTalks began.",
        ] {
            let source = doc_of(text);
            let doc = Document::new(&source);
            assert!(
                doc.paragraphs.iter().all(|p| p.dateline.is_none()),
                "{text:?}"
            );
            assert!(
                doc.paragraphs.iter().all(|p| !p.sentences.is_empty()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn datelines_belong_to_no_sentence() {
        let source = doc_of("Headline here\n\nFRESNO, Calif. — A dam failed. Water spread.\n");
        let doc = Document::new(&source);
        let p = &doc.paragraphs[1];
        assert_eq!(doc.slice(p.dateline.unwrap()), "FRESNO, Calif. —");
        let first = &doc.sentences[p.sentences.start];
        assert_eq!(doc.slice(first.span), "A dam failed.");
    }

    #[test]
    fn marks_are_indexed_by_range() {
        let source = doc_of("Yes, he said (twice).\n\n“Go!” she said.\n");
        let doc = Document::new(&source);
        let texts = |range: Range<usize>| -> Vec<&str> {
            doc.marks(range).map(|i| doc.token_text(i)).collect()
        };
        let all = texts(0..doc.tokens.len());
        assert_eq!(all, [",", "(", ")", ".", "“", "!", "”", "."]);
        let second = doc.paragraphs[1].tokens.clone();
        assert_eq!(texts(second), ["“", "!", "”", "."]);
        // Any range, also one reversed or past the last token, holds the
        // marks that lie in it.
        let tokens = doc.tokens.len();
        for start in 0..tokens + 3 {
            for end in 0..tokens + 3 {
                let expected: Vec<&str> = (start..end.min(tokens))
                    .filter(|&i| doc.tokens[i].kind == TokenKind::Punct)
                    .map(|i| doc.token_text(i))
                    .collect();
                assert_eq!(texts(start..end), expected, "{start}..{end}");
            }
        }
    }

    #[test]
    fn capitals_and_numbers_are_indexed_by_range() {
        let source =
            doc_of("The talks in Évian lasted 3 days.\n\nthen über-rich NATO said, “Go.”\n");
        let doc = Document::new(&source);
        let texts = |range: Range<usize>| -> Vec<&str> {
            doc.capitals_and_numbers(range)
                .map(|i| doc.token_text(i))
                .collect()
        };
        let all = texts(0..doc.tokens.len());
        // A word that starts beyond ASCII may be capitalised: its rule reads it.
        assert_eq!(all, ["The", "Évian", "3", "über-rich", "NATO", "Go"]);
        let second = doc.paragraphs[1].tokens.clone();
        assert_eq!(texts(second), ["über-rich", "NATO", "Go"]);
        assert_eq!(texts(1..3), Vec::<&str>::new());
        assert_eq!(texts(3..4), ["Évian"]);
        // Any range, also one reversed or past the last token, holds the
        // indexed tokens that lie in it.
        let tokens = doc.tokens.len();
        for start in 0..tokens + 3 {
            for end in 0..tokens + 3 {
                let expected: Vec<&str> = (start..end.min(tokens))
                    .map(|i| doc.token_text(i))
                    .filter(|word| all.contains(word))
                    .collect();
                assert_eq!(texts(start..end), expected, "{start}..{end}");
            }
        }
    }

    #[test]
    fn continued_quotations_are_recognised() {
        let source = doc_of("“We came to talk.\n\n“And we will again,” he said.\n");
        let doc = Document::new(&source);
        assert!(doc.quotations[0].continues);
        assert!(doc.quotations[1].close.is_some());
    }

    #[test]
    fn quoted_offsets() {
        let source = doc_of("He said “no way” today.");
        let doc = Document::new(&source);
        let inside = source.text.find("way").unwrap();
        assert!(doc.is_quoted(inside));
        assert!(!doc.is_quoted(source.text.find("today").unwrap()));
    }

    #[test]
    fn sentences_that_may_hold_quoted_text() {
        let source =
            doc_of("He said “we will go” today. Then he left. “We go. We stay,” she said.");
        let doc = Document::new(&source);
        let may_quote: Vec<bool> = doc
            .sentences
            .iter()
            .map(|s| doc.may_quote_within(s.span))
            .collect();
        // Opened inside; none; opened at the start; opened before it.
        assert_eq!(may_quote, [true, false, true, true]);
        // Whatever is quoted lies in a sentence that may hold quoted text.
        for sentence in &doc.sentences {
            let quoted = doc
                .sentence_tokens(sentence)
                .iter()
                .any(|t| doc.is_quoted(t.span.start));
            assert!(!quoted || doc.may_quote_within(sentence.span));
        }
    }

    #[test]
    fn bom_counts_in_spans() {
        let source = doc_of("\u{feff}One sentence here.");
        let doc = Document::new(&source);
        assert_eq!(doc.sentences[0].span.start, 3);
    }
}
