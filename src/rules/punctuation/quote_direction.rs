//! A quotation mark pointing the wrong way: `tomorrow, “Antonov said.`
//!
//! Flags an opening quotation mark `“` where a quotation ends — before an
//! attribution (`ready, “Gorman said`), glued to the last quoted word
//! (`now,“ he said`), or where reading it as an opening mark would leave the
//! paragraph's quotes unpaired — and a closing mark `”` that opens a
//! quotation (`He said: ”We will`). Straight quotes (`"`) have no direction
//! and are never flagged here; quotes that do not pair at all are
//! `punctuation/unbalanced`.
//!
//! ## Why
//! Machine translation and careless retyping turn closing quotes into
//! opening ones. The reader then cannot tell where the speaker stops and the
//! reporter resumes, and every later quotation in the paragraph looks
//! inverted.
//!
//! ## Example
//! Bad: `“The bridge will reopen by spring, “Gorman said.`
//!
//! Good: `“The bridge will reopen by spring,” Gorman said.`
//!
//! The fix (unsafe: check the quotation reads as intended) turns the mark
//! around and moves the space to its other side.

use crate::document::Document;
use crate::rules::{
    Category, Finding, Fix, Fixable, Rule, RuleMeta, Settings, Severity, builtin_meta,
};
use crate::span::Span;

pub struct QuoteDirection {
    meta: RuleMeta,
}

impl QuoteDirection {
    pub fn new() -> Self {
        QuoteDirection {
            meta: builtin_meta(
                "punctuation/quote-direction",
                Category::Punctuation,
                Severity::Warning,
                Fixable::Always,
            ),
        }
    }
}

impl Rule for QuoteDirection {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, _settings: &Settings, out: &mut Vec<Finding>) {
        let misdirected = |mark: Span| doc.misdirected_quotes.binary_search(&mark).is_ok();
        for quotation in &doc.quotations {
            if let Some(close) = quotation.close.filter(|&c| misdirected(c)) {
                out.push(
                    Finding::new(close, "opening quotation mark “ where the quotation ends")
                        .label(quotation.open, "the quotation opens here")
                        .help("end the quotation with a closing mark: ”")
                        .fix(closing_fix(doc, close)),
                );
            }
            if misdirected(quotation.open) {
                out.push(
                    Finding::new(
                        quotation.open,
                        "closing quotation mark ” where a quotation begins",
                    )
                    .help("open the quotation with an opening mark: “")
                    .fix(Fix::unsafe_(quotation.open, "“")),
                );
            }
        }
    }
}

/// Turn `“` into `”`; when it was spaced like an opening mark
/// (`ready, “Gorman`), move the space after it.
fn closing_fix(doc: &Document, mark: Span) -> Fix {
    let before = doc.text[..mark.start].chars().next_back();
    let after = doc.text[mark.end..].chars().next();
    match (before, after) {
        (Some(space), Some(next)) if space.is_whitespace() && !next.is_whitespace() => {
            let start = mark.start - space.len_utf8();
            Fix::unsafe_(Span::new(start, mark.end), format!("”{space}"))
        }
        _ => Fix::unsafe_(mark, "”"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{check_text, flagged};

    #[test]
    fn flags_opening_marks_that_close() {
        let rule = QuoteDirection::new();
        for text in [
            "“But the bridge will reopen by spring, “Gorman said.",
            "“Lock the shed tonight, “he said. “Then call me when the rain stops.”",
            "“So the harvest may still be saved, “Antonov said Friday.",
            "“We will leave now,“ she said.",
            "The mayor called it a “last resort. “Then the meeting ended.",
        ] {
            assert_eq!(flagged(&rule, text), vec!["“"], "{text}");
        }
        let findings = check_text(&rule, "“Go now, “he said.");
        assert!(findings[0].1.contains("where the quotation ends"));
    }

    #[test]
    fn flags_closing_marks_that_open() {
        let rule = QuoteDirection::new();
        assert_eq!(flagged(&rule, "He said: ”We will go.”"), vec!["”"]);
    }

    #[test]
    fn leaves_well_formed_and_ambiguous_quotes_alone() {
        let rule = QuoteDirection::new();
        for text in [
            "“We tried,” Antonov said. “We leave with hope.”",
            "He said, “We will go.” Then he left.",
            // The first quotation lost its closing mark at the attribution;
            // the second opens as it should (`punctuation/unbalanced`).
            "“We will not finish it all, Antonov said. “But we will start.”",
            "“He told me “never” again,” she said.",
            "He said \"yes\" and \"no.\"",
            "Er sagte „nein“ und ging.",
            "He called it “a first step. “We will see,” he said.",
        ] {
            assert!(flagged(&rule, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn fix_turns_the_mark_and_moves_the_space() {
        let rule = QuoteDirection::new();
        let source = crate::source::Source::new(
            "t.txt",
            "“Go now, “he said.".into(),
            crate::source::Format::Text,
        );
        let doc = Document::new(&source);
        let mut out = Vec::new();
        rule.check(&doc, &Settings::default(), &mut out);
        let edit = &out[0].fix.as_ref().unwrap().edits[0];
        assert_eq!(&source.text[edit.span.start..edit.span.end], " “");
        assert_eq!(edit.replacement, "” ");
    }
}
