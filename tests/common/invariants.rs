//! What must hold for any text galley reads, checked by the property tests
//! (`tests/properties.rs`) and the fuzz targets (`fuzz/`), which include
//! this file by path so that both check exactly the same things with the
//! same linter ([`every_rule`]). Every check panics with a message that
//! names what broke.

use std::sync::{Arc, LazyLock};

use galley::document::Document;
use galley::facts::FactsSheet;
use galley::rules::registry::Selection;
use galley::rules::{Diagnostic, Settings};
use galley::source::{Source, Utf16Position};
use galley::span::Span;
use galley::{Linter, Registry};

/// A facts sheet and an article date, so the rules that read them run too.
const FACTS: &str = r#"
[[person]]
name = "Nora Gorman"
pronouns = "she"
title = "Deputy Secretary of State"
aliases = ["Nora J. Gorman"]

[[person]]
name = "Sam Okafor"
pronouns = "they"

[[organization]]
name = "Organization for Security and Co-operation in Europe"
acronym = "OSCE"
"#;

static EVERY_RULE: LazyLock<Linter> = LazyLock::new(|| {
    let settings = Settings {
        article_date: Some(jiff::civil::date(2024, 3, 1)),
        facts: Some(Arc::new(FactsSheet::parse("facts.toml", FACTS).unwrap())),
        ..Settings::default()
    };
    Linter::new(
        Arc::new(Registry::new(Vec::new())),
        &Selection::default(),
        settings,
    )
    .unwrap()
});

/// A linter with every rule on (an empty selection selects all), a facts
/// sheet and an article date.
pub fn every_rule() -> &'static Linter {
    &EVERY_RULE
}

/// `span` lies inside `text` and starts and ends on character boundaries.
pub fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} lies outside the text ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} splits a character"
    );
}

/// Every span the Document holds: paragraphs, datelines, sentences, tokens,
/// quotations, comments and person mentions. Tokens come in text order
/// inside their paragraph, and sentences inside theirs.
pub fn assert_document(doc: &Document) {
    let text = doc.source.text.as_str();
    assert_eq!(doc.text.len(), text.len(), "the masked text changed length");
    for paragraph in &doc.paragraphs {
        assert_span(text, paragraph.span, "paragraph");
        if let Some(dateline) = paragraph.dateline {
            assert_span(text, dateline, "dateline");
        }
        for token in &doc.tokens[paragraph.tokens.clone()] {
            assert!(
                paragraph.span.encloses(token.span),
                "token {:?} outside its paragraph {:?}",
                token.span,
                paragraph.span
            );
        }
        for sentence in &doc.sentences[paragraph.sentences.clone()] {
            assert!(
                paragraph.span.encloses(sentence.span),
                "sentence {:?} outside its paragraph {:?}",
                sentence.span,
                paragraph.span
            );
        }
    }
    for pair in doc.tokens.windows(2) {
        assert!(
            pair[0].span.end <= pair[1].span.start,
            "tokens {:?} and {:?} overlap or are out of order",
            pair[0].span,
            pair[1].span
        );
    }
    for token in &doc.tokens {
        assert_span(text, token.span, "token");
        assert!(!token.span.is_empty(), "empty token at {:?}", token.span);
    }
    for sentence in &doc.sentences {
        assert_span(text, sentence.span, "sentence");
        assert!(
            sentence.tokens.start < sentence.tokens.end && sentence.tokens.end <= doc.tokens.len(),
            "sentence {:?} has tokens {:?} of {}",
            sentence.span,
            sentence.tokens,
            doc.tokens.len()
        );
    }
    for quotation in &doc.quotations {
        let end = doc.paragraphs[quotation.paragraph].span.end;
        assert_span(text, quotation.open, "opening quotation mark");
        if let Some(close) = quotation.close {
            assert_span(text, close, "closing quotation mark");
        }
        if let Some(dropped) = quotation.dropped_close {
            assert_span(text, dropped, "dropped closing quotation mark");
        }
        assert_span(text, quotation.span(end), "quotation");
        assert_span(text, quotation.content(end), "quoted words");
    }
    for &span in doc
        .stray_closing_quotes
        .iter()
        .chain(&doc.misdirected_quotes)
    {
        assert_span(text, span, "quotation mark");
    }
    for &comment in &doc.comments {
        assert_span(text, comment, "comment");
    }
    for mention in &doc.entities().mentions {
        assert_span(text, mention.span, "person mention");
        assert_span(text, mention.surname, "surname");
        if let Some(given) = mention.given {
            assert_span(text, given, "given name");
        }
        if let Some(title) = mention.title {
            assert_span(text, title, "title");
        }
    }
}

/// Every span of every diagnostic: primary, labels, fix edits.
pub fn assert_diagnostics(text: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        assert_span(text, d.span, &format!("{} finding", d.rule));
        for label in &d.labels {
            assert_span(text, label.span, &format!("{} label", d.rule));
        }
        for edit in d.fix.iter().flat_map(|f| &f.edits) {
            assert_span(text, edit.span, &format!("{} fix edit", d.rule));
        }
    }
}

/// Byte offsets → line/column/UTF-16 → byte offsets, against a count made
/// character by character: columns count Unicode scalars from the line's
/// start (after a BOM on the first line), UTF-16 positions count code
/// units, and every offset comes back exactly, except that one inside the
/// line ending (`\r` before `\n`) comes back as the line's end, as the
/// protocol asks, and one inside the BOM is not a place a cursor can be.
/// Only every `step`th character's offset is converted (each conversion
/// counts up to a chunk), but the count runs over all of them.
pub fn assert_positions(source: &Source, step: usize) {
    let text = source.text.as_str();
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    // Where each line's text ends, before `\r`s and `\n`.
    let mut line_ends = Vec::new();
    let mut line_start = 0;
    for line_text in text.split('\n') {
        line_ends.push(line_start + line_text.trim_end_matches('\r').len());
        line_start += line_text.len() + 1;
    }
    let (mut line, mut column, mut units) = (0usize, 0usize, 0usize);
    let mut chars = text.char_indices();
    for index in 0.. {
        let (offset, c) = match chars.next() {
            Some((offset, c)) => (offset, Some(c)),
            None => (text.len(), None),
        };
        if offset >= bom && (index % step == 0 || c.is_none()) {
            let position = source.position(offset);
            assert_eq!(
                (position.line, position.column),
                (line + 1, column + 1),
                "line/column of offset {offset}"
            );
            let utf16 = source.utf16_position(offset);
            assert_eq!(
                (utf16.line as usize, utf16.character as usize),
                (line, units),
                "UTF-16 position of offset {offset}"
            );
            assert_eq!(
                source.offset_of_utf16(utf16),
                offset.min(line_ends[line]),
                "offset of UTF-16 {utf16:?}"
            );
        }
        match c {
            None => break,
            Some('\n') => {
                line += 1;
                column = 0;
                units = 0;
            }
            Some('\u{feff}') if offset == 0 => {}
            Some(c) => {
                column += 1;
                units += c.len_utf16();
            }
        }
    }
    // A character past the end of a line clamps to the line's end, and a
    // line past the last to the end of the text.
    for (index, &end) in line_ends.iter().enumerate() {
        let clamped = source.offset_of_utf16(Utf16Position {
            line: index as u32,
            character: u32::MAX,
        });
        assert_eq!(clamped, end, "end of line {index}");
    }
    let past = source.offset_of_utf16(Utf16Position {
        line: line_ends.len() as u32,
        character: 0,
    });
    assert_eq!(past, text.len(), "a line past the last");
}
