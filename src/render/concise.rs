//! One line a finding: `path:line:col: severity [rule] message`.

use std::io::{self, Write};

use super::{FileResult, LineRange, Renderer, Summary};

#[derive(Default)]
pub struct Concise;

impl Renderer for Concise {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        for d in &file.diagnostics {
            let at = LineRange::of(&file.source, d);
            writeln!(
                out,
                "{}:{}:{}: {} [{}] {}",
                file.source.path, at.line, at.column, d.severity, d.rule, d.message
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}
