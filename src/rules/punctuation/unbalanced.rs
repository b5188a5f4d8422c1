//! A quotation mark or bracket that never closes, or closes nothing.
//!
//! Flags, within each paragraph, an opening double quote (`“`, `"`, `«`,
//! `„`), parenthesis or square bracket without its partner, and a closing
//! one with nothing to close. A quotation that runs on into the next
//! paragraph, which reopens it without closing the first, is correct news
//! style and not flagged. When an unclosed quotation is followed by an
//! attribution (`…this weekend, Antonov said.`), the closing mark was almost
//! certainly dropped before it: galley flags the last quoted word and offers
//! to put the mark back. Single quotes are not checked: `’` is also the
//! apostrophe (`’90s`, `rock ’n’ roll`).
//!
//! ## Why
//! An unclosed quotation leaves the reader unsure whose words they are
//! reading — the source's or the reporter's — which in news copy is the
//! difference between a claim and a fact.
//!
//! ## Example
//! Bad: `“We will not finish the repairs this weekend, Antonov said.`
//!
//! Good: `“We will not finish the repairs this weekend,” Antonov said.`

use crate::document::{Document, Paragraph, Quotation, Token, TokenKind};
use crate::rules::{
    Category, Finding, Fix, Fixable, Rule, RuleMeta, Settings, Severity, builtin_meta,
};
use crate::span::Span;

pub struct Unbalanced {
    meta: RuleMeta,
}

impl Unbalanced {
    pub fn new() -> Self {
        Unbalanced {
            meta: builtin_meta(
                "punctuation/unbalanced",
                Category::Punctuation,
                Severity::Warning,
                Fixable::Sometimes,
            ),
        }
    }
}

impl Rule for Unbalanced {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, _settings: &Settings, out: &mut Vec<Finding>) {
        for quotation in &doc.quotations {
            if quotation.close.is_none() && !quotation.continues {
                out.push(unclosed_quotation(doc, quotation));
            }
        }
        for &mark in &doc.stray_closing_quotes {
            out.push(
                Finding::new(
                    mark,
                    format!(
                        "closing quotation mark {} closes no quotation in this paragraph",
                        doc.slice(mark)
                    ),
                )
                .help("open the quotation where the quoted words begin, or remove the mark"),
            );
        }
        let mut open = Vec::new();
        for (index, paragraph) in doc.paragraphs.iter().enumerate() {
            check_brackets(doc, index, paragraph, &mut open, out);
        }
        for (mark, _) in open {
            out.push(unclosed_bracket(doc, mark));
        }
    }
}

fn unclosed_quotation(doc: &Document, quotation: &Quotation) -> Finding {
    let opening = doc.slice(quotation.open);
    let closing = match opening {
        "“" => "”",
        "„" => "“",
        "«" => "»",
        _ => "\"",
    };
    match quotation.dropped_close {
        Some(last_words) => Finding::new(
            last_words,
            format!(
                "the quotation seems to end after “{}”, but its closing mark {closing} is missing",
                doc.slice(last_words)
            ),
        )
        .label(quotation.open, "the quotation opens here")
        .help("close the quotation before the attribution")
        .fix(Fix::unsafe_(Span::new(last_words.end, last_words.end), closing)),
        None => Finding::new(
            quotation.open,
            format!("quotation mark {opening} opens a quotation that never closes in this paragraph"),
        )
        .help(format!(
            "close the quotation with {closing}; a quote that runs on into the next paragraph reopens it there with {opening}"
        )),
    }
}

/// How many paragraphs a bracket may stay open across: an editor's note in
/// square brackets can cover a paragraph or two (`[I repeat…` … `…one.]`).
const BRACKET_REACH: usize = 3;

/// An opening bracket not yet closed: its span and paragraph.
type OpenBracket = (Span, usize);

/// Pair the brackets of paragraph `index`; `open` carries the brackets still
/// open from the paragraphs before.
fn check_brackets(
    doc: &Document,
    index: usize,
    paragraph: &Paragraph,
    open: &mut Vec<OpenBracket>,
    out: &mut Vec<Finding>,
) {
    let tokens = doc.paragraph_tokens(paragraph);
    let expired = open
        .iter()
        .take_while(|&&(_, paragraph)| paragraph + BRACKET_REACH < index)
        .count();
    for (mark, _) in open.drain(..expired) {
        out.push(unclosed_bracket(doc, mark));
    }
    let first = paragraph.tokens.start;
    for i in doc.marks(paragraph.tokens.clone()).map(|m| m - first) {
        let token = &tokens[i];
        let mark = doc.slice(token.span);
        match mark {
            "(" | "[" => open.push((token.span, index)),
            ")" | "]" => {
                let partner = if mark == ")" { "(" } else { "[" };
                match open.iter().rposition(|&(o, _)| doc.slice(o) == partner) {
                    Some(at) => {
                        // Anything opened inside and still open never closed.
                        for &(inner, _) in &open[at + 1..] {
                            out.push(unclosed_bracket(doc, inner));
                        }
                        open.truncate(at);
                    }
                    None if is_list_marker_or_emoticon(doc, tokens, i) => {}
                    None => out.push(
                        Finding::new(
                            token.span,
                            format!("closing bracket {mark} closes nothing in this paragraph"),
                        )
                        .help(format!("open it with {partner}, or remove it")),
                    ),
                }
            }
            _ => {}
        }
    }
}

fn unclosed_bracket(doc: &Document, mark: Span) -> Finding {
    let (opening, closing) = if doc.slice(mark) == "(" {
        ("(", ")")
    } else {
        ("[", "]")
    };
    Finding::new(mark, format!("bracket {opening} never closes"))
        .help(format!("close it with {closing}"))
}

/// `a)`, `2)`, `1.)`, `iv)` numbering a list (also run into one line:
/// `1) The first item 2) The second`), or `:)`: a closing bracket never
/// meant to pair.
fn is_list_marker_or_emoticon(doc: &Document, tokens: &[Token], i: usize) -> bool {
    let bracket = &tokens[i];
    if bracket.space_before || i == 0 {
        return false;
    }
    let mut label = i - 1;
    if matches!(doc.slice(tokens[label].span), ":" | ";") {
        return true;
    }
    if doc.slice(tokens[label].span) == "." && label > 0 && !tokens[label].space_before {
        label -= 1;
    }
    let text = doc.slice(tokens[label].span);
    let is_label = match tokens[label].kind {
        TokenKind::Number => text.len() <= 2 && text.bytes().all(|b| b.is_ascii_digit()),
        TokenKind::Word => {
            text.chars().count() == 1
                || (text.len() <= 4 && text.bytes().all(|b| b"ivx".contains(&b)))
        }
        _ => false,
    };
    let item_follows = tokens.get(i + 1).is_some_and(|next| next.space_before);
    is_label && item_follows && tokens[label].space_before
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{check_text, flagged};

    #[test]
    fn flags_a_dropped_closing_mark_before_an_attribution() {
        let rule = Unbalanced::new();
        assert_eq!(
            flagged(
                &rule,
                "“We will not finish every repair on the old bridge this weekend, Antonov said. “But we will start on the north side.”"
            ),
            vec!["weekend,"]
        );
        let findings = check_text(
            &rule,
            "“Without the ferry, the whole island will run short of fuel, she said.",
        );
        assert_eq!(findings[0].0, "fuel,");
        assert!(findings[0].1.contains("seems to end"));
    }

    #[test]
    fn flags_unpaired_quotes_and_brackets() {
        let rule = Unbalanced::new();
        assert_eq!(
            flagged(&rule, "He called it “historic and left."),
            vec!["“"]
        );
        assert_eq!(flagged(&rule, "It was over.” Then he left."), vec!["”"]);
        assert_eq!(flagged(&rule, "The fund (set up in 2020 grew."), vec!["("]);
        assert_eq!(flagged(&rule, "The fund set up in 2020) grew."), vec![")"]);
        assert_eq!(flagged(&rule, "It rose 5 per cent a)year."), vec![")"]);
        assert_eq!(flagged(&rule, "It (was [said) to be."), vec!["["]);
        assert_eq!(
            flagged(&rule, "A (note.\n\nB.\n\nC.\n\nD.\n\nE.)"),
            vec!["(", ")"]
        );
        assert_eq!(flagged(&rule, "He said \"no and left."), vec!["\""]);
    }

    #[test]
    fn leaves_paired_continued_and_unrelated_marks_alone() {
        let rule = Unbalanced::new();
        for text in [
            "“We came to talk.\n\n“And we will talk again,” he said.",
            "The fund (see [1] and (2)) grew. He said “yes” twice.",
            "a) first\nb) second",
            "1.) The first item. 2.) The second item. iv) The fourth.",
            "Glad to help :) he wrote.",
            "The ’90s, rock ’n’ roll and the students’ union.",
            "He is 6'2\" tall.",
            "“He told me ‘never’ again,” she said.",
            "[The President added two paragraphs.] [I repeat:\n\nthe budget will balance.]",
            "He said: \"That we are free. \"That we will stay free.\" And left.",
        ] {
            assert!(flagged(&rule, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn the_fix_puts_the_closing_mark_back() {
        let rule = Unbalanced::new();
        let source = crate::source::Source::new(
            "t.txt",
            "“We came, she said.".into(),
            crate::source::Format::Text,
        );
        let doc = Document::new(&source);
        let mut out = Vec::new();
        rule.check(&doc, &Settings::default(), &mut out);
        let edit = &out[0].fix.as_ref().unwrap().edits[0];
        let comma_end = source.text.find(",").unwrap() + 1;
        assert_eq!(edit.span, Span::new(comma_end, comma_end));
        assert_eq!(edit.replacement, "”");
    }
}
