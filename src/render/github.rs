//! GitHub Actions workflow commands: one annotation a finding,
//! `::warning file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE`,
//! shown on the pull request's changed lines and in the run's summary.
//!
//! `error`, `warning` and `notice` follow the finding's severity (info is a
//! notice). Lines and columns are 1-based, columns in Unicode scalar values
//! as in the JSON output, `endColumn` exclusive; a finding that spans lines
//! has no `col`/`endColumn`, which GitHub only honours on a single line.
//! Values are escaped as the Actions toolkit does: in the message `%`, CR
//! and LF become `%25`, `%0D`, `%0A`; in properties `:` and `,` also become
//! `%3A` and `%2C`.

use std::io::{self, Write};
use std::path::PathBuf;

use super::{FileResult, LineRange, Renderer, Summary, portable_path};
use crate::rules::Severity;

pub struct Github {
    cwd: PathBuf,
}

impl Default for Github {
    fn default() -> Github {
        Github {
            cwd: std::env::current_dir().unwrap_or_default(),
        }
    }
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// The toolkit's `escapeData`.
pub fn escape_data(value: &str) -> String {
    value
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The toolkit's `escapeProperty`.
pub fn escape_property(value: &str) -> String {
    escape_data(value).replace(':', "%3A").replace(',', "%2C")
}

impl Renderer for Github {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        let path = escape_property(&portable_path(&file.source.path, &self.cwd));
        for d in &file.diagnostics {
            let at = LineRange::of(&file.source, d);
            write!(
                out,
                "::{} file={path},line={}",
                command(d.severity),
                at.line
            )?;
            if at.line == at.end_line {
                write!(
                    out,
                    ",col={},endLine={},endColumn={}",
                    at.column, at.end_line, at.end_column
                )?;
            } else {
                write!(out, ",endLine={}", at.end_line)?;
            }
            writeln!(
                out,
                ",title={}::{}",
                escape_property(&d.rule),
                escape_data(&d.message)
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_toolkit() {
        assert_eq!(
            escape_data("100% done\r\nnext: a,b"),
            "100%25 done%0D%0Anext: a,b"
        );
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
