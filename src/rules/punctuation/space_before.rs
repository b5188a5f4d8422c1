//! A space before a punctuation mark that hugs the word before it: `flooded , though`.
//!
//! Flags whitespace before a comma, full stop, semicolon, colon, question or
//! exclamation mark, a closing quotation mark (`”`, a straight `"` that
//! closes, `’` ending a quote, `»`) or a closing bracket. Not flagged: spaced
//! ellipses (`. . .`) and a space before an ellipsis, a colon between
//! numbers (`3 : 1`), decimals written `.5`, a mark right after an opening
//! bracket or quote, French spacing (a no-break space before `:` `;` `?` `!`
//! `»`, or `« … »` spaced inside on both sides), a space between nested
//! closing quotes (`‘Leave now,’ ”`), and the space before an
//! opening quote, which belongs there. In Markdown, syntax galley skips
//! (`code`, links) is not a space: ``run `make`.`` is fine.
//!
//! ## Why
//! A space before a comma or a closing quote is the mark of text pasted from
//! a machine translation or retyped from a PDF. Beyond looking wrong, it lets
//! the line break between the word and its punctuation.
//!
//! ## Example
//! Bad: `In Lyon , a spokesperson said the plan was “going well .”`
//!
//! Good: `In Lyon, a spokesperson said the plan was “going well.”`
//!
//! The fix deletes the space (or moves it after the mark when the next word
//! was glued to it: `word ,next` becomes `word, next`).

use crate::document::{Document, Token, TokenKind};
use crate::rules::{
    Category, Finding, Fix, Fixable, Rule, RuleMeta, Settings, Severity, builtin_meta,
};
use crate::span::Span;

pub struct SpaceBefore {
    meta: RuleMeta,
}

impl SpaceBefore {
    pub fn new() -> Self {
        SpaceBefore {
            meta: builtin_meta(
                "punctuation/space-before",
                Category::Punctuation,
                Severity::Warning,
                Fixable::Always,
            ),
        }
    }
}

/// No-break and thin spaces: typed on purpose, as French typography wants
/// them before `:` `;` `?` `!` and `»`.
fn is_deliberate_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}')
}

impl Rule for SpaceBefore {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, _settings: &Settings, out: &mut Vec<Finding>) {
        // Each closing quotation mark with the mark that opened it.
        let mut closers: Vec<(Span, Span)> = doc
            .quotations
            .iter()
            .filter_map(|q| q.close.map(|close| (close, q.open)))
            .collect();
        closers.sort_unstable();
        let opener_of = |close: Span| {
            closers
                .binary_search_by_key(&close, |&(c, _)| c)
                .ok()
                .map(|k| closers[k].1)
        };
        for paragraph in &doc.paragraphs {
            let tokens = doc.paragraph_tokens(paragraph);
            let first = paragraph.tokens.start;
            for i in doc
                .marks(first + 1..paragraph.tokens.end)
                .map(|m| m - first)
            {
                let mark = tokens[i];
                if !mark.space_before {
                    continue;
                }
                let text = doc.slice(mark.span);
                let next = tokens.get(i + 1);
                let glued_to_next = next.is_some_and(|n| {
                    !n.space_before && matches!(n.kind, TokenKind::Word | TokenKind::Number)
                });
                let hugs_the_word_before = match text {
                    "," | ";" | "?" | "!" => true,
                    // `. . .` is an ellipsis; `.5` a decimal.
                    "." => !is_spaced_ellipsis(doc, tokens, i) && !glued_to_next,
                    // `3 : 1`
                    ":" => {
                        !(tokens[i - 1].kind == TokenKind::Number
                            && next.is_some_and(|n| n.kind == TokenKind::Number))
                    }
                    ")" | "]" => true,
                    // A `”` that opens is `punctuation/quote-direction`'s.
                    "”" => doc.misdirected_quotes.binary_search(&mark.span).is_err(),
                    "\"" => opener_of(mark.span).is_some(),
                    "»" => opener_of(mark.span).is_some_and(|open| !followed_by_space(doc, open)),
                    // Not `the ’90s` or `rock ’n’ roll`: only a quote's end.
                    "’" => !glued_to_next,
                    _ => false,
                };
                // `‘Leave now,’ ”`: a space between nested closing quotes
                // keeps them apart on purpose.
                let after_nested_quote = matches!(text, "”" | "\"")
                    && matches!(doc.slice(tokens[i - 1].span), "’" | "'");
                if !hugs_the_word_before || after_nested_quote || follows_an_opening(doc, tokens, i)
                {
                    continue;
                }
                // Masked Markdown syntax (NUL) right before the mark is not a space.
                let space_start = doc.text[..mark.span.start]
                    .trim_end_matches(char::is_whitespace)
                    .len();
                let space = Span::new(space_start, mark.span.start);
                if space.is_empty() {
                    continue;
                }
                let french = matches!(text, ":" | ";" | "?" | "!" | "»")
                    && doc.slice(space).chars().all(is_deliberate_space);
                if french {
                    continue;
                }
                let fix = if glued_to_next {
                    Fix::safe(space.cover(mark.span), format!("{text} "))
                } else {
                    Fix::safe(space, "")
                };
                out.push(
                    Finding::new(
                        space.cover(mark.span),
                        format!("space before {}", mark_name(text)),
                    )
                    .help("remove the space: the mark belongs against the word before it")
                    .fix(fix),
                );
            }
        }
    }
}

fn mark_name(mark: &str) -> String {
    let name = match mark {
        "," => "comma",
        "." => "full stop",
        ";" => "semicolon",
        ":" => "colon",
        "?" => "question mark",
        "!" => "exclamation mark",
        ")" | "]" => "closing bracket",
        _ => "closing quotation mark",
    };
    format!("{name} {mark}")
}

/// `. . .` (and `. . . .`): a full stop with full stops on either side.
fn is_spaced_ellipsis(doc: &Document, tokens: &[Token], i: usize) -> bool {
    let is_dot = |k: usize| tokens.get(k).is_some_and(|t| doc.slice(t.span) == ".");
    is_dot(i - 1) || is_dot(i + 1)
}

/// The token before the mark opens something (`( ,`, `“ .`) or is an
/// ellipsis (`wait … ?`): the space is not between a word and its mark.
fn follows_an_opening(doc: &Document, tokens: &[Token], i: usize) -> bool {
    let before = &tokens[i - 1];
    match doc.slice(before.span) {
        "(" | "[" | "“" | "‘" | "«" | "„" | "…" | "—" | "–" => true,
        "\"" => doc
            .quotations
            .binary_search_by_key(&before.span.start, |q| q.open.start)
            .is_ok(),
        t => t.starts_with("..."),
    }
}

fn followed_by_space(doc: &Document, mark: Span) -> bool {
    doc.text[mark.end..]
        .chars()
        .next()
        .is_some_and(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::flagged;

    #[test]
    fn flags_spaces_before_marks() {
        let rule = SpaceBefore::new();
        assert_eq!(flagged(&rule, "It was flooded , though."), vec![" ,"]);
        assert_eq!(flagged(&rule, "In Lyon , a spokesperson said."), vec![" ,"]);
        assert_eq!(
            flagged(&rule, "“Nothing about us without us. ”\n\nAnd then."),
            vec![" ”"]
        );
        assert_eq!(
            flagged(&rule, "“Moving into the new hall, ” Price said."),
            vec![" ”"]
        );
        assert_eq!(
            flagged(&rule, "Why now ? Because ; then !"),
            vec![" ?", " ;", " !"]
        );
        assert_eq!(flagged(&rule, "He said \"no \" twice ."), vec![" \"", " ."]);
        assert_eq!(
            flagged(&rule, "The fund ( set up in 2020 ) grew."),
            vec![" )"]
        );
        assert_eq!(flagged(&rule, "a ‘ban ’ on it"), vec![" ’"]);
    }

    #[test]
    fn leaves_ellipses_ratios_openings_and_apostrophes_alone() {
        let rule = SpaceBefore::new();
        for text in [
            "He paused . . . and went on. Then …",
            "Wait ... what?",
            "It won 3 : 1 at 10:30.",
            "He said “no” and “yes.” A .22 caliber gun.",
            "The ’90s and rock ’n’ roll.",
            "Il a dit\u{a0}: «\u{a0}non\u{a0}» et « oui »\u{a0}?",
            "C’est «\u{202f}non\u{202f}»\u{202f}!",
            "He said, “Go.” (Then he left.)",
            "“Our message is simple: ‘Leave now,’ ” the sheriff said.",
        ] {
            assert!(flagged(&rule, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn masked_markdown_is_not_a_space() {
        let rule = SpaceBefore::new();
        let source = crate::source::Source::new(
            "t.md",
            "Run `cargo test`. See [the docs](https://example.com), then **stop** .\n".into(),
            crate::source::Format::Markdown,
        );
        let doc = Document::new(&source);
        let mut out = Vec::new();
        rule.check(&doc, &Settings::default(), &mut out);
        let flagged: Vec<_> = out.iter().map(|f| f.span.text(&source.text)).collect();
        assert_eq!(flagged, vec![" ."]);
    }

    #[test]
    fn the_fix_deletes_or_moves_the_space() {
        let rule = SpaceBefore::new();
        for (text, fixed) in [
            ("insured , though", "insured, though"),
            ("insured ,though", "insured, though"),
        ] {
            let source =
                crate::source::Source::new("t.txt", text.into(), crate::source::Format::Text);
            let doc = Document::new(&source);
            let mut out = Vec::new();
            rule.check(&doc, &Settings::default(), &mut out);
            let edit = &out[0].fix.as_ref().unwrap().edits[0];
            let mut result = text.to_string();
            result.replace_range(edit.span.start..edit.span.end, &edit.replacement);
            assert_eq!(result, fixed);
        }
    }
}
