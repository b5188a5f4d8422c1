//! miette's graphical report: the source snippet with the finding and its
//! labels underlined, then a summary line.

use std::fmt;
use std::io::{self, Write};

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use super::{FileResult, Renderer, Summary};
use crate::rules::{Diagnostic, Severity};
use crate::source::LineIndex;

pub struct Pretty {
    handler: GraphicalReportHandler,
}

impl Pretty {
    pub fn new(color: bool) -> Pretty {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        Pretty {
            handler: GraphicalReportHandler::new_themed(theme).with_context_lines(1),
        }
    }
}

/// A file's text with its name, borrowed rather than copied per finding.
struct NamedText<'a> {
    name: &'a str,
    text: &'a str,
    /// The text's lines, to hand miette only the lines around a finding:
    /// left to itself it counts lines from the top of the file for each
    /// one. `None` if the text has a `\r` that ends a line on its own, a
    /// line break miette counts and the index does not.
    lines: Option<&'a LineIndex>,
}

impl SourceCode for NamedText<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        // miette reads from the first line it shows: the line numbers it
        // counts from there are shifted by the lines above. An empty span
        // at the start of a line is the exception: miette looks at the byte
        // before it.
        let (lines_above, start) = self
            .lines
            .map(|lines| lines.line_above(span.offset().min(self.text.len()), context_lines_before))
            .filter(|&(_, start)| !span.is_empty() || start < span.offset())
            .unwrap_or((0, 0));
        let shown = SourceSpan::new((span.offset() - start).into(), span.len());
        let contents =
            self.text[start..].read_span(&shown, context_lines_before, context_lines_after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            contents.data(),
            SourceSpan::new(
                (contents.span().offset() + start).into(),
                contents.span().len(),
            ),
            contents.line() + lines_above,
            contents.column(),
            contents.line_count() + lines_above,
        )))
    }
}

/// Whether every `\r` in `text` is followed by `\n`.
fn only_crlf(text: &str) -> bool {
    memchr::memchr_iter(b'\r', text.as_bytes())
        .all(|at| text.as_bytes().get(at + 1) == Some(&b'\n'))
}

struct Report<'a> {
    diagnostic: &'a Diagnostic,
    source: NamedText<'a>,
    /// Show the source lines: not when one of them is too long to read
    /// (and for miette to lay out).
    snippet: bool,
}

/// Lines longer than this (in bytes) are not shown: a finding on one is
/// reported with its position only.
const LONGEST_SHOWN_LINE: usize = 1_000;

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.diagnostic.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let d = self.diagnostic;
        let fix = d.fix.as_ref().and_then(|fix| {
            let edit = fix.edits.first()?;
            let original = self.source.text.get(edit.span.start..edit.span.end)?;
            Some(format!(
                "fix: “{}” → “{}”",
                original.trim(),
                edit.replacement.trim()
            ))
        });
        match (&d.help, fix) {
            (Some(help), Some(fix)) => Some(Box::new(format!("{help}\n{fix}"))),
            (Some(help), None) => Some(Box::new(help.clone())),
            (None, Some(fix)) => Some(Box::new(fix)),
            (None, None) => None,
        }
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.snippet.then_some(&self.source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if !self.snippet {
            return None;
        }
        let d = self.diagnostic;
        let primary = LabeledSpan::new_primary_with_span(None, d.span);
        let secondary = d
            .labels
            .iter()
            .map(|l| LabeledSpan::new_with_span(Some(l.message.clone()), l.span));
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

impl Renderer for Pretty {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        let text = &file.source.text;
        let lines = file.source.lines();
        let windowed = only_crlf(text);
        for diagnostic in &file.diagnostics {
            let spans =
                std::iter::once(diagnostic.span).chain(diagnostic.labels.iter().map(|l| l.span));
            let snippet = spans
                .into_iter()
                .all(|span| lines.line_len(text.len(), span.start) <= LONGEST_SHOWN_LINE);
            let report = Report {
                diagnostic,
                source: NamedText {
                    name: &file.source.path,
                    text,
                    lines: windowed.then_some(lines),
                },
                snippet,
            };
            let mut rendered = String::new();
            self.handler
                .render_report(&mut rendered, &report)
                .map_err(io::Error::other)?;
            if !snippet {
                // Without the snippet miette names no place: say where.
                let at = file.source.position(diagnostic.span.start);
                writeln!(
                    out,
                    "{}:{}:{}: (line too long to show)",
                    file.source.path, at.line, at.column
                )?;
            }
            writeln!(out, "{rendered}")?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        writeln!(
            out,
            "{} in {} ({}, {}, {})",
            counted(summary.diagnostics, "finding"),
            counted(summary.files, "file"),
            counted(summary.errors, "error"),
            counted(summary.warnings, "warning"),
            counted(summary.infos, "info")
        )
    }
}

/// `1 file`, `2 files`.
fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What miette reads around a span, as the renderer compares it.
    fn read(
        text: &NamedText,
        span: SourceSpan,
        before: usize,
        after: usize,
    ) -> Option<(Vec<u8>, SourceSpan, usize, usize, usize)> {
        let contents = text.read_span(&span, before, after).ok()?;
        Some((
            contents.data().to_vec(),
            *contents.span(),
            contents.line(),
            contents.column(),
            contents.line_count(),
        ))
    }

    #[test]
    fn reading_from_the_lines_above_matches_reading_from_the_top() {
        for text in [
            "One.\nTwo words.\n\nThree here.\nFour.",
            "One.\r\nTwo words.\r\n\r\nThree.\r\n",
            "\nA\nB\n",
        ] {
            let lines = LineIndex::new(text);
            let whole = NamedText {
                name: "a.txt",
                text,
                lines: None,
            };
            let windowed = NamedText {
                lines: Some(&lines),
                ..whole
            };
            for offset in 0..=text.len() {
                for len in 0..3 {
                    for context in 0..3 {
                        let span = SourceSpan::new(offset.into(), len);
                        assert_eq!(
                            read(&windowed, span, context, context),
                            read(&whole, span, context, context),
                            "{text:?} at {offset}+{len}, {context} lines around"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_lone_carriage_return_makes_miette_count_from_the_top() {
        assert!(only_crlf("a\r\nb\n"));
        assert!(!only_crlf("a\rb\r\n"));
        assert!(!only_crlf("a\r"));
    }
}
