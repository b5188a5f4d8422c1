//! reviewdog's Diagnostic Format as one JSON object (`rdjson`), for
//! `reviewdog -f=rdjson`: `{"source": …, "diagnostics": [ … ]}`.
//!
//! Each diagnostic has `message`, `location.path` (relative to the current
//! folder, `/`-separated), `location.range` with 1-based lines and columns in
//! UTF-8 bytes from the start of the line, the end exclusive, `severity`
//! (`ERROR`, `WARNING`, `INFO`), `code.value` (the rule id) and, where the
//! finding has a fix, `suggestions` — one per edit, safe or unsafe, since a
//! person reviews them.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use super::{FileResult, Renderer, Summary, portable_path};
use crate::rules::Severity;
use crate::source::Source;
use crate::span::Span;

pub struct Rdjson {
    cwd: PathBuf,
    written: usize,
    started: bool,
}

impl Default for Rdjson {
    fn default() -> Rdjson {
        Rdjson {
            cwd: std::env::current_dir().unwrap_or_default(),
            written: 0,
            started: false,
        }
    }
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    message: &'a str,
    location: Location<'a>,
    severity: &'static str,
    code: Code<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suggestions: Vec<Suggestion<'a>>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    range: Range,
}

#[derive(Serialize)]
struct Range {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct Code<'a> {
    value: &'a str,
}

#[derive(Serialize)]
struct Suggestion<'a> {
    range: Range,
    text: &'a str,
}

fn range(source: &Source, span: Span) -> Range {
    let position = |offset| {
        let p = source.byte_position(offset);
        Position {
            line: p.line,
            column: p.column,
        }
    };
    Range {
        start: position(span.start),
        end: position(span.end),
    }
}

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}

impl Rdjson {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            out.write_all(b"{\"source\":{\"name\":\"galley\"},\"diagnostics\":[")?;
            self.started = true;
        }
        Ok(())
    }
}

impl Renderer for Rdjson {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        self.start(out)?;
        let path = portable_path(&file.source.path, &self.cwd);
        for d in &file.diagnostics {
            let suggestions = d
                .fix
                .iter()
                .flat_map(|fix| &fix.edits)
                .map(|edit| Suggestion {
                    range: range(&file.source, edit.span),
                    text: &edit.replacement,
                })
                .collect();
            let diagnostic = Diagnostic {
                message: &d.message,
                location: Location {
                    path: &path,
                    range: range(&file.source, d.span),
                },
                severity: severity(d.severity),
                code: Code { value: &d.rule },
                suggestions,
            };
            if self.written > 0 {
                out.write_all(b",")?;
            }
            serde_json::to_writer(&mut *out, &diagnostic)?;
            self.written += 1;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        self.start(out)?;
        out.write_all(b"]}\n")
    }
}
