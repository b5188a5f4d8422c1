//! The JSON contract, version 1 (DESIGN.md): one object with every checked
//! file (also those without findings) and a summary.

use std::io::{self, Write};

use serde::Serialize;

use super::{FileResult, LineRange, Renderer, Summary};
use crate::rules::{Fix, Label};
use crate::span::Span;

pub const VERSION: u32 = 1;

#[derive(Default)]
pub struct Json {
    files_written: usize,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    category: &'a str,
    severity: &'a str,
    message: &'a str,
    span: Span,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    #[serde(skip_serializing_if = "<[Label]>::is_empty")]
    labels: &'a [Label],
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<&'a Fix>,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

impl Renderer for Json {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        let diagnostics = file
            .diagnostics
            .iter()
            .map(|d| {
                let at = LineRange::of(&file.source, d);
                JsonDiagnostic {
                    rule: &d.rule,
                    category: d.category.as_str(),
                    severity: d.severity.as_str(),
                    message: &d.message,
                    span: d.span,
                    line: at.line,
                    column: at.column,
                    end_line: at.end_line,
                    end_column: at.end_column,
                    labels: &d.labels,
                    help: d.help.as_deref(),
                    fix: d.fix.as_ref(),
                }
            })
            .collect();
        let entry = JsonFile {
            path: &file.source.path,
            diagnostics,
        };
        if self.files_written == 0 {
            write!(out, "{{\"version\":{VERSION},\"files\":[")?;
        } else {
            out.write_all(b",")?;
        }
        self.files_written += 1;
        // Serialised into memory first, then written at once: serde writes
        // a file's entry in many small pieces.
        let entry = serde_json::to_vec(&entry)?;
        out.write_all(&entry)
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        if self.files_written == 0 {
            write!(out, "{{\"version\":{VERSION},\"files\":[")?;
        }
        out.write_all(b"],\"summary\":")?;
        serde_json::to_writer(&mut *out, summary)?;
        out.write_all(b"}\n")
    }
}
