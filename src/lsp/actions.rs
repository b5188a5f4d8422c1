//! Code actions on galley's findings: apply the rule's fix, or (Markdown
//! only, since plain text has no comments) switch the rule off for one line
//! or for the whole file with a suppression comment.

use std::collections::{HashMap, HashSet};

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, DocumentChanges, OneOf,
    OptionalVersionedTextDocumentIdentifier, Position, Range, TextDocumentEdit, TextEdit, Uri,
    WorkspaceEdit,
};

use super::convert;
use super::documents::OpenDocument;
use crate::document::markdown::front_matter_end;
use crate::rules::{Applicability, Diagnostic, Fix};
use crate::source::{Format, Source, Utf16Position};
use crate::span::Span;

/// What a code action request asks about.
pub struct Request<'a> {
    pub uri: &'a Uri,
    pub document: &'a OpenDocument,
    /// The findings published for exactly this version of the document.
    pub findings: &'a [Diagnostic],
    pub range: Range,
    /// The kinds the client wants (`context.only`); `None` for all.
    pub only: Option<&'a [CodeActionKind]>,
    /// Whether the client takes versioned `documentChanges`, which it then
    /// refuses to apply to a document that changed since.
    pub versioned_edits: bool,
}

pub fn code_actions(request: &Request) -> Vec<CodeActionOrCommand> {
    if !wanted(request.only, &CodeActionKind::QUICKFIX) {
        return Vec::new();
    }
    let source = &request.document.source;
    let asked = Span::new(
        offset(source, request.range.start),
        offset(source, request.range.end),
    );
    let mut fixes = Vec::new();
    let mut disables = Vec::new();
    let mut offered = HashSet::new();
    for finding in request.findings {
        // Inclusive at both ends: a cursor just after a word is on it.
        if finding.span.start > asked.end || asked.start > finding.span.end {
            continue;
        }
        let diagnostic = convert::diagnostic(source, request.uri, finding);
        if let Some(fix) = &finding.fix {
            fixes.push(action(
                request,
                format!("{} ({})", describe(source, fix), finding.rule),
                vec![diagnostic.clone()],
                fix.edits
                    .iter()
                    .map(|edit| {
                        TextEdit::new(convert::range(source, edit.span), edit.replacement.clone())
                    })
                    .collect(),
                fix.applicability == Applicability::Safe,
            ));
        }
        if source.format != Format::Markdown {
            continue;
        }
        let line = source.utf16_position(finding.span.start).line;
        if offered.insert((finding.rule.clone(), Some(line))) {
            disables.push(action(
                request,
                format!("Disable {} for this line", finding.rule),
                vec![diagnostic.clone()],
                vec![disable_next_line(source, line, &finding.rule)],
                false,
            ));
        }
        if offered.insert((finding.rule.clone(), None)) {
            disables.push(action(
                request,
                format!("Disable {} for this file", finding.rule),
                vec![diagnostic],
                vec![disable_file(source, &finding.rule)],
                false,
            ));
        }
    }
    fixes.into_iter().chain(disables).collect()
}

/// Does `only` (hierarchical, `quickfix` covers `quickfix.x`) admit `kind`?
fn wanted(only: Option<&[CodeActionKind]>, kind: &CodeActionKind) -> bool {
    let kind = kind.as_str();
    only.is_none_or(|only| {
        only.iter().any(|k| {
            let k = k.as_str();
            k.is_empty()
                || kind == k
                || kind
                    .strip_prefix(k)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    })
}

fn offset(source: &Source, position: Position) -> usize {
    source.offset_of_utf16(Utf16Position {
        line: position.line,
        character: position.character,
    })
}

fn action(
    request: &Request,
    title: String,
    diagnostics: Vec<lsp_types::Diagnostic>,
    edits: Vec<TextEdit>,
    preferred: bool,
) -> CodeActionOrCommand {
    let edit = if request.versioned_edits {
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: request.uri.clone(),
                    version: Some(request.document.version),
                },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..WorkspaceEdit::default()
        }
    } else {
        WorkspaceEdit::new(HashMap::from([(request.uri.clone(), edits)]))
    };
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(diagnostics),
        edit: Some(edit),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    })
}

/// A menu title for a fix: what it changes, in the article's words.
fn describe(source: &Source, fix: &Fix) -> String {
    let [edit] = fix.edits.as_slice() else {
        return "Apply the suggested fix".to_string();
    };
    let old = quote(source.slice(edit.span));
    let new = quote(&edit.replacement);
    match (edit.span.is_empty(), edit.replacement.is_empty()) {
        (true, _) => format!("Insert {new}"),
        (false, true) => format!("Delete {old}"),
        (false, false) => format!("Replace {old} with {new}"),
    }
}

/// Text in curly quotes for a title, shortened and kept on one line.
fn quote(text: &str) -> String {
    const MAX_CHARS: usize = 40;
    let mut shown: String = text.chars().take(MAX_CHARS).collect();
    if text.chars().nth(MAX_CHARS).is_some() {
        shown.push('…');
    }
    format!("“{}”", shown.replace('\n', "⏎"))
}

/// `<!-- galley-disable-next-line RULE -->` on its own line above `line`,
/// indented like it and inside the same block quote.
fn disable_next_line(source: &Source, line: u32, rule: &str) -> TextEdit {
    let start = offset(source, Position::new(line, 0));
    let rest = &source.text[start..];
    let line_text = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let prefix_len = line_text
        .find(|c: char| !matches!(c, ' ' | '\t' | '>'))
        .unwrap_or(line_text.len());
    let prefix = &line_text[..prefix_len];
    TextEdit::new(
        Range::new(Position::new(line, 0), Position::new(line, 0)),
        format!("{prefix}<!-- galley-disable-next-line {rule} -->\n"),
    )
}

/// `<!-- galley-disable RULE -->` on the first line, after any front matter.
fn disable_file(source: &Source, rule: &str) -> TextEdit {
    let at = front_matter_end(&source.text).max(source.content_start());
    let at = source.utf16_position(at);
    // Front matter that closes at the very end, with no newline after it.
    let newline = if at.character == 0 { "" } else { "\n" };
    let position = Position::new(at.line, at.character);
    let comment = format!("{newline}<!-- galley-disable {rule} -->\n");
    TextEdit::new(Range::new(position, position), comment)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Category, Edit, Severity};

    fn document(text: &str, format: Format) -> OpenDocument {
        OpenDocument {
            source: Source::new("a", text.to_string(), format),
            version: 7,
        }
    }

    fn finding(source: &Source, flagged: &str, fix: Option<Fix>) -> Diagnostic {
        let start = source.text.find(flagged).unwrap();
        Diagnostic {
            rule: "garbled/missing-space".into(),
            category: Category::Garbled,
            severity: Severity::Warning,
            message: "glued".into(),
            span: Span::new(start, start + flagged.len()),
            labels: Vec::new(),
            help: None,
            fix,
        }
    }

    // lsp_types::Uri caches parts of itself inside, which its Hash and Eq
    // ignore (they compare the text), so it is a sound key.
    #[allow(clippy::mutable_key_type)]
    fn titles_and_edits(actions: &[CodeActionOrCommand]) -> Vec<(String, Vec<TextEdit>)> {
        actions
            .iter()
            .map(|a| match a {
                CodeActionOrCommand::CodeAction(a) => {
                    let changes = a.edit.as_ref().unwrap().changes.as_ref().unwrap();
                    (a.title.clone(), changes.values().next().unwrap().clone())
                }
                CodeActionOrCommand::Command(_) => panic!("no commands"),
            })
            .collect()
    }

    fn ask(
        document: &OpenDocument,
        findings: &[Diagnostic],
        range: Range,
    ) -> Vec<CodeActionOrCommand> {
        let uri: Uri = "file:///a.md".parse().unwrap();
        code_actions(&Request {
            uri: &uri,
            document,
            findings,
            range,
            only: None,
            versioned_edits: false,
        })
    }

    #[test]
    fn markdown_gets_the_fix_and_both_disables() {
        let text = "---\ntitle: t\n---\n> Intro.\n> It ended.Nothing more.\n";
        let document = document(text, Format::Markdown);
        let source = &document.source;
        let fix_at = source.text.find("Nothing").unwrap();
        let fix = Fix {
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span: Span::new(fix_at, fix_at),
                replacement: " ".into(),
            }],
        };
        let findings = [finding(source, "ended.Nothing", Some(fix))];
        let cursor = Position::new(4, 5);
        let actions = ask(&document, &findings, Range::new(cursor, cursor));
        let got = titles_and_edits(&actions);
        let insert = |line, character, text: &str| {
            TextEdit::new(
                Range::new(
                    Position::new(line, character),
                    Position::new(line, character),
                ),
                text.into(),
            )
        };
        assert_eq!(
            got,
            vec![
                (
                    "Insert “ ” (garbled/missing-space)".to_string(),
                    vec![insert(4, 11, " ")]
                ),
                (
                    "Disable garbled/missing-space for this line".to_string(),
                    vec![insert(
                        4,
                        0,
                        "> <!-- galley-disable-next-line garbled/missing-space -->\n"
                    )]
                ),
                (
                    "Disable garbled/missing-space for this file".to_string(),
                    vec![insert(
                        3,
                        0,
                        "<!-- galley-disable garbled/missing-space -->\n"
                    )]
                ),
            ]
        );
        let CodeActionOrCommand::CodeAction(fix) = &actions[0] else {
            unreachable!()
        };
        assert_eq!(fix.is_preferred, Some(true));
        assert_eq!(fix.kind, Some(CodeActionKind::QUICKFIX));
        assert_eq!(
            fix.diagnostics.as_ref().unwrap()[0].code,
            Some(lsp_types::NumberOrString::String(
                "garbled/missing-space".into()
            ))
        );
    }

    #[test]
    fn plain_text_gets_only_the_fix_and_unsafe_fixes_are_not_preferred() {
        let document = document("It ended.nothing more.\n", Format::Text);
        let source = &document.source;
        let at = source.text.find("nothing").unwrap();
        let fix = Fix::unsafe_(Span::new(at, at + 7), " Nothing");
        let findings = [finding(source, "ended.nothing", Some(fix))];
        let actions = ask(
            &document,
            &findings,
            Range::new(Position::new(0, 0), Position::new(0, 22)),
        );
        assert_eq!(actions.len(), 1);
        let CodeActionOrCommand::CodeAction(action) = &actions[0] else {
            unreachable!()
        };
        assert_eq!(
            action.title,
            "Replace “nothing” with “ Nothing” (garbled/missing-space)"
        );
        assert_eq!(action.is_preferred, None);
    }

    #[test]
    fn findings_outside_the_range_and_unwanted_kinds_get_nothing() {
        let document = document("One.\n\nIt ended.Nothing more.\n", Format::Markdown);
        let findings = [finding(&document.source, "ended.Nothing", None)];
        let first_line = Range::new(Position::new(0, 0), Position::new(0, 2));
        assert!(ask(&document, &findings, first_line).is_empty());
        let uri: Uri = "file:///a.md".parse().unwrap();
        let source_only = [CodeActionKind::SOURCE];
        let request = Request {
            uri: &uri,
            document: &document,
            findings: &findings,
            range: Range::new(Position::new(2, 0), Position::new(2, 5)),
            only: Some(&source_only),
            versioned_edits: true,
        };
        assert!(code_actions(&request).is_empty());
        let request = Request {
            only: None,
            ..request
        };
        let CodeActionOrCommand::CodeAction(action) = &code_actions(&request)[0] else {
            unreachable!()
        };
        let Some(DocumentChanges::Edits(edits)) = &action.edit.as_ref().unwrap().document_changes
        else {
            panic!("versioned edits expected")
        };
        assert_eq!(edits[0].text_document.version, Some(7));
    }

    #[test]
    fn quick_fix_kinds_match_hierarchically() {
        let quickfix = CodeActionKind::QUICKFIX;
        assert!(wanted(None, &quickfix));
        assert!(wanted(Some(&[CodeActionKind::QUICKFIX]), &quickfix));
        assert!(wanted(Some(&[CodeActionKind::EMPTY]), &quickfix));
        assert!(!wanted(Some(&[CodeActionKind::REFACTOR]), &quickfix));
        assert!(!wanted(Some(&[CodeActionKind::new("quick")]), &quickfix));
    }
}
