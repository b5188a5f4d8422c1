//! Renderers: turn diagnostics into output. They know nothing of rules; they
//! see a file's source and its diagnostics, one file at a time in path order,
//! so output streams while later files are still being checked.

mod concise;
mod json;
mod pretty;

use std::io::{self, Write};

use crate::rules::{Diagnostic, Severity};
use crate::source::Source;

pub use concise::Concise;
pub use json::Json;
pub use pretty::Pretty;

/// One checked file and what galley found in it.
pub struct FileResult {
    pub source: Source,
    pub diagnostics: Vec<Diagnostic>,
}

/// Totals over a run, for the summary line and the JSON `summary`.
#[derive(Debug, Default, Clone, Copy, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub diagnostics: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn add(&mut self, file: &FileResult) {
        self.files += 1;
        for d in &file.diagnostics {
            self.diagnostics += 1;
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

pub trait Renderer {
    /// Called once per checked file, in output order.
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()>;

    /// Called once at the end.
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
}

/// 1-based line and column (Unicode scalars) of a diagnostic's start and
/// exclusive end, as every line-based format reports them.
pub struct LineRange {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl LineRange {
    pub fn of(source: &Source, diagnostic: &Diagnostic) -> LineRange {
        let start = source.position(diagnostic.span.start);
        let end = source.position(diagnostic.span.end);
        LineRange {
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    }
}
