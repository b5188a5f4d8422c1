//! Quotations: each opening quote paired with its closing quote inside a
//! paragraph, as written. Rules that judge the pairing (direction, balance)
//! read the marks themselves; everything else asks "is this inside quotes?".

use serde::Serialize;

use super::tokens::{Token, TokenKind};
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
    /// The paragraph ends with this quotation still open and the next one
    /// reopens it: correct news style for a quote that runs on.
    pub continues: bool,
}

impl Quotation {
    /// From the opening mark to the closing mark (or the paragraph's end).
    pub fn span(&self, paragraph_end: usize) -> Span {
        Span::new(self.open.start, self.close.map_or(paragraph_end, |c| c.end))
    }

    /// The quoted words, without the marks.
    pub fn content(&self, paragraph_end: usize) -> Span {
        Span::new(self.open.end, self.close.map_or(paragraph_end, |c| c.start))
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
pub fn double_quote_direction(text: &str, tokens: &[Token], i: usize) -> Option<Direction> {
    let token = &tokens[i];
    if token.kind != TokenKind::Punct {
        return None;
    }
    match token.span.text(text) {
        "“" | "„" | "«" => Some(Direction::Open),
        "”" | "»" => Some(Direction::Close),
        "\"" => {
            let after_gap = i == 0
                || token.space_before
                || matches!(tokens[i - 1].span.text(text), "(" | "[" | "—" | "–");
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

/// Pair the double quotes of one paragraph (`tokens` are its tokens).
/// Returns the quotations and the closing marks that close nothing.
pub fn pair(text: &str, tokens: &[Token], paragraph: usize, out: &mut Vec<Quotation>) -> Vec<Span> {
    let mut stray_closers = Vec::new();
    let mut open: Option<usize> = None;
    for i in 0..tokens.len() {
        match double_quote_direction(text, tokens, i) {
            Some(Direction::Open) => {
                if let Some(index) = open.take() {
                    // Opened again before closing: the earlier one never closed.
                    debug_assert!(out[index].close.is_none());
                }
                out.push(Quotation {
                    open: tokens[i].span,
                    close: None,
                    paragraph,
                    continues: false,
                });
                open = Some(out.len() - 1);
            }
            Some(Direction::Close) => match open.take() {
                Some(index) => out[index].close = Some(tokens[i].span),
                None => stray_closers.push(tokens[i].span),
            },
            None => {}
        }
    }
    stray_closers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::tokens::tokenize;

    fn quotes(text: &str) -> (Vec<(String, bool)>, usize) {
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut tokens);
        let mut out = Vec::new();
        let stray = pair(text, &tokens, 0, &mut out);
        let quoted = out
            .iter()
            .map(|q| {
                (
                    q.content(text.len()).text(text).to_string(),
                    q.close.is_some(),
                )
            })
            .collect();
        (quoted, stray.len())
    }

    #[test]
    fn curly_and_straight_quotes_pair() {
        let (q, stray) = quotes("“Frank,” she said. He said \"no\" twice.");
        assert_eq!(
            q,
            vec![("Frank,".to_string(), true), ("no".to_string(), true)]
        );
        assert_eq!(stray, 0);
    }

    #[test]
    fn unclosed_and_stray_marks() {
        let (q, stray) = quotes("“One, she said. “Two.” Three.” Four");
        assert_eq!(q.len(), 2);
        assert!(!q[0].1 && q[1].1);
        assert_eq!(stray, 1);
    }
}
