//! A file's bytes turned into checked text, and the conversions between byte
//! offsets and the line/column/UTF-16 positions that only the output needs.

use std::fmt;
use std::sync::OnceLock;

use crate::span::Span;

/// The UTF-8 byte order mark. It is kept in the text so that spans count from
/// the file's first byte, and skipped when counting columns.
const BOM: &str = "\u{feff}";

/// How a file's text is to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text: paragraphs separated by blank lines.
    Text,
    /// CommonMark: only prose is linted.
    Markdown,
}

impl Format {
    /// `.md` and `.markdown` are Markdown; everything else is plain text.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            Format::Markdown
        } else {
            Format::Text
        }
    }
}

/// One file's text, as read.
#[derive(Debug)]
pub struct Source {
    /// The path as the user gave it (or the `--stdin-filename`), for messages.
    pub path: String,
    pub text: String,
    pub format: Format,
    /// Built on first use: only files with something to report need lines
    /// and columns.
    lines: OnceLock<LineIndex>,
}

/// Why a file's bytes are not text galley can check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes are not UTF-8; `offset` is the first bad byte.
    InvalidUtf8 {
        offset: usize,
        line: usize,
        column: usize,
    },
    /// A NUL byte: this is a binary file, not an article.
    Binary { offset: usize },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::InvalidUtf8 {
                offset,
                line,
                column,
            } => write!(
                f,
                "invalid UTF-8 at byte {offset} (line {line}, column {column}); \
                 convert the file to UTF-8 (e.g. `iconv -f WINDOWS-1252 -t UTF-8`)"
            ),
            DecodeError::Binary { offset } => {
                write!(f, "binary file (NUL byte at offset {offset}); skipped")
            }
        }
    }
}

impl Source {
    /// Check that `bytes` are UTF-8 text.
    pub fn from_bytes(path: impl Into<String>, bytes: Vec<u8>) -> Result<Source, DecodeError> {
        let path = path.into();
        let format = Format::from_path(&path);
        Self::from_bytes_with_format(path, bytes, format)
    }

    pub fn from_bytes_with_format(
        path: impl Into<String>,
        bytes: Vec<u8>,
        format: Format,
    ) -> Result<Source, DecodeError> {
        if let Some(offset) = memchr::memchr(0, &bytes) {
            return Err(DecodeError::Binary { offset });
        }
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(err) => {
                let offset = err.utf8_error().valid_up_to();
                let bytes = err.into_bytes();
                // The prefix before the bad byte is valid, so it can be indexed.
                let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
                let position = LineIndex::new(valid).position(valid, offset);
                return Err(DecodeError::InvalidUtf8 {
                    offset,
                    line: position.line,
                    column: position.column,
                });
            }
        };
        Ok(Source::new(path, text, format))
    }

    /// A source from text already in memory (tests, the language server).
    pub fn new(path: impl Into<String>, text: String, format: Format) -> Source {
        Source {
            path: path.into(),
            text,
            format,
            lines: OnceLock::new(),
        }
    }

    /// The line index of the text.
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }

    /// Where the content starts: after a BOM, if there is one.
    pub fn content_start(&self) -> usize {
        if self.text.starts_with(BOM) {
            BOM.len()
        } else {
            0
        }
    }

    pub fn position(&self, offset: usize) -> Position {
        self.lines().position(&self.text, offset)
    }

    pub fn utf16_position(&self, offset: usize) -> Utf16Position {
        self.lines().utf16_position(&self.text, offset)
    }

    /// 1-based line and 1-based column counted in UTF-8 bytes from the
    /// line's first byte (a BOM counts), as reviewdog's rdjson counts them.
    pub fn byte_position(&self, offset: usize) -> Position {
        self.lines().byte_position(offset.min(self.text.len()))
    }

    pub fn offset_of_utf16(&self, position: Utf16Position) -> usize {
        self.lines().offset_of_utf16(&self.text, position)
    }

    pub fn slice(&self, span: Span) -> &str {
        span.text(&self.text)
    }
}

/// A 1-based line and 1-based column counted in Unicode scalar values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// A 0-based line and 0-based UTF-16 code unit offset, as the Language Server
/// Protocol counts them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Utf16Position {
    pub line: u32,
    pub character: u32,
}

/// The byte offset at which each line starts, and running counts of
/// characters and UTF-16 units every [`CHUNK`] bytes, so that a column costs
/// at most one chunk of counting however long its line (a 1 MB paragraph on
/// one line is common in exports). A line ends at `\n`; a `\r` before it
/// belongs to the line ending, not to a column.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Characters before each chunk boundary.
    chars_before: Vec<usize>,
    /// UTF-16 units before each chunk boundary.
    units_before: Vec<usize>,
}

const CHUNK: usize = 256;
const _: () = assert!(
    CHUNK <= u16::MAX as usize,
    "chunk counts are summed in 16 bits"
);

/// A byte that starts a character.
fn starts_char(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// A byte that starts a character outside the Basic Multilingual Plane,
/// which UTF-16 writes as two units.
fn starts_astral(b: u8) -> bool {
    b >= 0xF0
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut chars_before = vec![0];
        let mut units_before = vec![0];
        for chunk in text.as_bytes().chunks(CHUNK) {
            // Most chunks of English text are ASCII: a byte per character,
            // told by one quick test.
            if chunk.is_ascii() {
                chars_before.push(chars_before.last().unwrap() + chunk.len());
                units_before.push(units_before.last().unwrap() + chunk.len());
                continue;
            }
            // Sums in 16 bits (a chunk has at most CHUNK bytes), which the
            // compiler vectorises; in machine words it does not: this reads
            // every byte of a file with findings.
            let chars = chunk
                .iter()
                .map(|&b| u16::from(starts_char(b)))
                .sum::<u16>() as usize;
            let astral = chunk
                .iter()
                .map(|&b| u16::from(starts_astral(b)))
                .sum::<u16>() as usize;
            chars_before.push(chars_before.last().unwrap() + chars);
            units_before.push(units_before.last().unwrap() + chars + astral);
        }
        LineIndex {
            starts,
            chars_before,
            units_before,
        }
    }

    /// Characters in `text[..offset]` (`offset` on a character boundary).
    fn chars_to(&self, text: &str, offset: usize) -> usize {
        let chunk = offset / CHUNK;
        let rest = &text.as_bytes()[chunk * CHUNK..offset];
        // ASCII, told at once, is a byte per character.
        let chars = if rest.is_ascii() {
            rest.len()
        } else {
            rest.iter().filter(|&&b| starts_char(b)).count()
        };
        self.chars_before[chunk] + chars
    }

    /// UTF-16 units in `text[..offset]` (`offset` on a character boundary).
    fn units_to(&self, text: &str, offset: usize) -> usize {
        let chunk = offset / CHUNK;
        let rest = &text.as_bytes()[chunk * CHUNK..offset];
        self.units_before[chunk]
            + rest
                .iter()
                .map(|&b| usize::from(starts_char(b)) + usize::from(starts_astral(b)))
                .sum::<usize>()
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// How many bytes the line holding `offset` has, its line break
    /// included; `text_len` is the length of the text.
    pub fn line_len(&self, text_len: usize, offset: usize) -> usize {
        let line = self.line_of(offset);
        let end = self.starts.get(line + 1).copied().unwrap_or(text_len);
        end - self.starts[line]
    }

    /// The 0-based line `lines_before` lines above the one holding `offset`
    /// (the first line if there are fewer), and the offset it starts at.
    pub fn line_above(&self, offset: usize, lines_before: usize) -> (usize, usize) {
        let line = self.line_of(offset).saturating_sub(lines_before);
        (line, self.starts[line])
    }

    /// 0-based line holding `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset) - 1
    }

    /// The first byte of the line, skipping a BOM on the first line.
    fn column_origin(&self, text: &str, line: usize) -> usize {
        let start = self.starts[line];
        if line == 0 && text.starts_with(BOM) {
            BOM.len()
        } else {
            start
        }
    }

    /// Offsets past the end clamp to the end; offsets inside a character
    /// count the character they fall in.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let origin = self.column_origin(text, line).min(offset);
        // An offset inside a character counts the character it falls in.
        let offset = floor_char_boundary(text, offset);
        let column = self.chars_to(text, offset) - self.chars_to(text, origin.min(offset));
        Position {
            line: line + 1,
            column: column + 1,
        }
    }

    pub fn byte_position(&self, offset: usize) -> Position {
        let line = self.line_of(offset);
        Position {
            line: line + 1,
            column: offset - self.starts[line] + 1,
        }
    }

    pub fn utf16_position(&self, text: &str, offset: usize) -> Utf16Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let origin = self.column_origin(text, line).min(offset);
        let character = self.units_to(text, offset) - self.units_to(text, origin);
        Utf16Position {
            line: line as u32,
            character: character as u32,
        }
    }

    /// The byte offset of an LSP position; a character past the end of its
    /// line clamps to the line's end (before `\r\n`), as the protocol asks.
    pub fn offset_of_utf16(&self, text: &str, position: Utf16Position) -> usize {
        let line = position.line as usize;
        if line >= self.starts.len() {
            return text.len();
        }
        let origin = self.column_origin(text, line);
        let line_end = self
            .starts
            .get(line + 1)
            .map_or(text.len(), |&next| next - 1);
        let line_text = text[origin..line_end.max(origin)].trim_end_matches('\r');
        let line_end = origin + line_text.len();
        // Skip whole chunks first, so a long line costs one chunk of counting.
        let target = self.units_to(text, origin) + position.character as usize;
        let chunk = self
            .units_before
            .partition_point(|&u| u <= target)
            .saturating_sub(1);
        let mut at = (chunk * CHUNK).clamp(origin, line_end);
        at = floor_char_boundary(text, at).max(origin);
        let mut units = self.units_to(text, at);
        for (i, c) in text[at..line_end].char_indices() {
            if units >= target {
                return at + i;
            }
            units += c.len_utf16();
        }
        line_end
    }
}

/// The largest char boundary at or before `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_skip_the_bom() {
        let text = "\u{feff}ab\r\n“c”d\n".to_string();
        let source = Source::new("t.txt", text, Format::Text);
        assert_eq!(source.position(3), Position { line: 1, column: 1 });
        assert_eq!(source.position(4), Position { line: 1, column: 2 });
        let d = source.text.find('d').unwrap();
        assert_eq!(source.position(d), Position { line: 2, column: 4 });
        assert_eq!(source.byte_position(d), Position { line: 2, column: 8 });
        assert_eq!(source.byte_position(4), Position { line: 1, column: 5 });
        assert_eq!(
            source.utf16_position(d),
            Utf16Position {
                line: 1,
                character: 3
            }
        );
        assert_eq!(
            source.offset_of_utf16(Utf16Position {
                line: 1,
                character: 3
            }),
            d
        );
    }

    #[test]
    fn long_lines_count_right_across_chunks() {
        let mut text = String::new();
        // Stretches of ASCII chunks between stretches of others.
        for i in 0..3000 {
            let wide = i % 7 == 0 && (i / 300) % 2 == 0;
            text.push_str(if wide { "é😀 " } else { "word " });
        }
        text.push_str("\nnext");
        let source = Source::new("t.txt", text.clone(), Format::Text);
        for (offset, _) in text.char_indices().step_by(97) {
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let chars = text[line_start..offset].chars().count();
            let units: usize = text[line_start..offset].chars().map(char::len_utf16).sum();
            assert_eq!(source.position(offset).column, chars + 1, "at {offset}");
            let utf16 = source.utf16_position(offset);
            assert_eq!(utf16.character as usize, units, "at {offset}");
            assert_eq!(source.offset_of_utf16(utf16), offset, "at {offset}");
        }
    }

    #[test]
    fn utf16_counts_surrogate_pairs() {
        let source = Source::new("t.txt", "a😀b".to_string(), Format::Text);
        let b = source.text.find('b').unwrap();
        assert_eq!(source.utf16_position(b).character, 3);
        assert_eq!(
            source.offset_of_utf16(Utf16Position {
                line: 0,
                character: 3
            }),
            b
        );
        // Past the end of the line clamps to its end.
        assert_eq!(
            source.offset_of_utf16(Utf16Position {
                line: 0,
                character: 99
            }),
            source.text.len()
        );
    }

    #[test]
    fn invalid_utf8_names_the_byte_and_place() {
        let err = Source::from_bytes("bad.txt", b"ok\nab\xffc".to_vec()).unwrap_err();
        assert_eq!(
            err,
            DecodeError::InvalidUtf8 {
                offset: 5,
                line: 2,
                column: 3
            }
        );
        assert!(err.to_string().contains("byte 5 (line 2, column 3)"));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let err = Source::from_bytes("x.txt", b"PK\x03\x04\x00\x00".to_vec()).unwrap_err();
        assert_eq!(err, DecodeError::Binary { offset: 4 });
    }
}
