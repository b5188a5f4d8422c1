//! The documents the editor has open: their text as the editor has it (not
//! as saved), kept current by full or incremental changes.

use std::collections::HashMap;

use lsp_types::{TextDocumentContentChangeEvent, Uri};

use super::uri;
use crate::source::{Format, Source, Utf16Position};

/// One open document that galley lints.
pub struct OpenDocument {
    /// The text, its format and line index; the path is the URI's.
    pub source: Source,
    pub version: i32,
}

#[derive(Default)]
pub struct Documents {
    open: HashMap<Uri, OpenDocument>,
}

impl Documents {
    pub fn open(&mut self, uri: Uri, text: String, format: Format, version: i32) {
        let name = uri::to_path(&uri).map_or_else(
            || uri.as_str().to_string(),
            |path| path.display().to_string(),
        );
        let source = Source::new(name, text, format);
        self.open.insert(uri, OpenDocument { source, version });
    }

    pub fn close(&mut self, uri: &Uri) {
        self.open.remove(uri);
    }

    pub fn get(&self, uri: &Uri) -> Option<&OpenDocument> {
        self.open.get(uri)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Uri, &OpenDocument)> {
        self.open.iter()
    }

    /// Apply the changes of one `didChange`, in order. `None` when the
    /// document is not one galley follows.
    pub fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    ) -> Option<&OpenDocument> {
        let document = self.open.get_mut(uri)?;
        for change in changes {
            apply(&mut document.source, change);
        }
        document.version = version;
        Some(document)
    }
}

/// Replace the range a change names (UTF-16 positions, as the protocol
/// counts) or, without a range, the whole text.
fn apply(source: &mut Source, change: TextDocumentContentChangeEvent) {
    // Positions are read against the text before the change.
    let range = change.range.map(|range| {
        let offset = |position: lsp_types::Position| {
            source.offset_of_utf16(Utf16Position {
                line: position.line,
                character: position.character,
            })
        };
        let start = offset(range.start);
        (start, offset(range.end).max(start))
    });
    let mut text = std::mem::take(&mut source.text);
    match range {
        None => text = change.text,
        Some((start, end)) => text.replace_range(start..end, &change.text),
    }
    *source = Source::new(std::mem::take(&mut source.path), text, source.format);
}

/// The format galley lints a document in, from the editor's language id or
/// else the file's extension; `None` for documents that are not articles.
pub fn lint_format(uri: &Uri, language_id: &str) -> Option<Format> {
    match language_id {
        "markdown" => return Some(Format::Markdown),
        "plaintext" | "text" => return Some(Format::Text),
        _ => {}
    }
    let path = uri.as_str();
    let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
    let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
    match extension.as_str() {
        "md" | "markdown" => Some(Format::Markdown),
        "txt" => Some(Format::Text),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use lsp_types::{Position, Range};

    use super::*;

    fn uri() -> Uri {
        "file:///news/a.txt".parse().unwrap()
    }

    fn edit(range: Option<((u32, u32), (u32, u32))>, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range.map(|((l1, c1), (l2, c2))| Range {
                start: Position::new(l1, c1),
                end: Position::new(l2, c2),
            }),
            range_length: None,
            text: text.into(),
        }
    }

    fn changed(text: &str, changes: Vec<TextDocumentContentChangeEvent>) -> String {
        let mut documents = Documents::default();
        documents.open(uri(), text.into(), Format::Text, 1);
        let document = documents.change(&uri(), 2, changes).unwrap();
        assert_eq!(document.version, 2);
        document.source.text.clone()
    }

    #[test]
    fn incremental_changes_count_utf16_units() {
        // 😀 is two UTF-16 units and “ one, so "x" is character 3 of line 1.
        let text = "first\n😀“x”\n";
        assert_eq!(
            changed(text, vec![edit(Some(((1, 3), (1, 4))), "why")]),
            "first\n😀“why”\n"
        );
        // Changes apply in order, each to the text the previous one left.
        assert_eq!(
            changed(
                text,
                vec![
                    edit(Some(((0, 0), (1, 0))), ""),
                    edit(Some(((0, 5), (0, 5))), "!")
                ]
            ),
            "😀“x”!\n"
        );
    }

    #[test]
    fn a_change_without_range_replaces_everything() {
        assert_eq!(changed("old", vec![edit(None, "new text")]), "new text");
    }

    #[test]
    fn the_line_index_follows_the_text() {
        let mut documents = Documents::default();
        documents.open(uri(), "a\nb\n".into(), Format::Text, 1);
        documents.change(&uri(), 2, vec![edit(Some(((0, 1), (0, 1))), "\n\n")]);
        let source = &documents.get(&uri()).unwrap().source;
        assert_eq!(source.lines().line_count(), 5);
        assert_eq!(source.utf16_position(source.text.len()).line, 4);
    }

    #[test]
    fn formats_come_from_the_language_or_the_extension() {
        let named = |s: &str| -> Uri { s.parse().unwrap() };
        assert_eq!(
            lint_format(&named("file:///a.txt"), "markdown"),
            Some(Format::Markdown)
        );
        assert_eq!(
            lint_format(&named("untitled:1"), "plaintext"),
            Some(Format::Text)
        );
        assert_eq!(
            lint_format(&named("file:///a.MD"), "md"),
            Some(Format::Markdown)
        );
        assert_eq!(
            lint_format(&named("file:///a.txt"), "txt"),
            Some(Format::Text)
        );
        assert_eq!(lint_format(&named("file:///galley.toml"), "toml"), None);
        assert_eq!(lint_format(&named("file:///a.rs"), "rust"), None);
    }
}
