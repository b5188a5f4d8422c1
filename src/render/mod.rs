//! Renderers: turn diagnostics into output. They know nothing of rules; they
//! see a file's source and its diagnostics, one file at a time in path order,
//! so output streams while later files are still being checked.

mod concise;
mod github;
mod json;
mod pretty;
mod rdjson;
mod sarif;

use std::io::{self, Write};
use std::path::{Component, Path};

use crate::rules::{Diagnostic, Severity};
use crate::source::Source;

pub use concise::Concise;
pub use github::Github;
pub use json::Json;
pub use pretty::Pretty;
pub use rdjson::Rdjson;
pub use sarif::Sarif;

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

/// A path as CI tools want it: relative to `cwd` when it lies inside it,
/// `/`-separated, without `./`. Other paths stay absolute.
pub fn portable_path(path: &str, cwd: &Path) -> String {
    let path = Path::new(path);
    let relative = if path.is_absolute() {
        match path.strip_prefix(cwd) {
            Ok(inside) => inside,
            Err(_) => {
                let shown = path.to_string_lossy();
                return if cfg!(windows) {
                    shown.replace('\\', "/")
                } else {
                    shown.into_owned()
                };
            }
        }
    } else {
        path
    };
    let parts: Vec<_> = relative
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portable_paths() {
        let cwd = Path::new("/repo");
        assert_eq!(portable_path("./a/b.md", cwd), "a/b.md");
        assert_eq!(portable_path("/repo/a/./b.md", cwd), "a/b.md");
        assert_eq!(portable_path("/other/b.md", cwd), "/other/b.md");
        assert_eq!(portable_path("-", cwd), "-");
    }
}
