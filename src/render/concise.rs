//! One line a finding: `path:line:col: severity [rule] message` (a message
//! of several lines is joined with spaces, so tools can read line by line).

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
                file.source.path,
                at.line,
                at.column,
                d.severity,
                d.rule,
                d.message.lines().collect::<Vec<_>>().join(" ")
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}
