//! galley's findings and configuration errors as protocol diagnostics:
//! byte spans become UTF-16 ranges, the rule id becomes the `code`, labels
//! become related information.

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Position, Range, Uri,
};

use crate::config::ConfigError;
use crate::rules::{Diagnostic, Severity};
use crate::source::{LineIndex, Source};
use crate::span::Span;

/// The `source` of every diagnostic galley publishes.
pub const SOURCE: &str = "galley";

pub fn range(source: &Source, span: Span) -> Range {
    range_in(source.lines(), &source.text, span)
}

fn range_in(lines: &LineIndex, text: &str, span: Span) -> Range {
    let position = |offset| {
        let at = lines.utf16_position(text, offset);
        Position::new(at.line, at.character)
    };
    Range::new(position(span.start), position(span.end))
}

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// A finding in the document `uri`, whose text is `source`.
pub fn diagnostic(source: &Source, uri: &Uri, finding: &Diagnostic) -> lsp_types::Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = finding
        .labels
        .iter()
        .map(|label| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), range(source, label.span)),
            message: label.message.clone(),
        })
        .collect();
    lsp_types::Diagnostic {
        range: range(source, finding.span),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.rule.clone())),
        code_description: rule_doc_url(env!("CARGO_PKG_REPOSITORY"), &finding.rule)
            .and_then(|url| url.parse().ok())
            .map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message: with_help(&finding.message, finding.help.as_deref()),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// Where a built-in rule is documented: its source file, whose opening
/// comment is its documentation (the id names the file, DESIGN.md), in the
/// repository galley was built from. `None` when the build names no
/// repository or the rule is not built in (declarative rules from packs).
pub fn rule_doc_url(repository: &str, rule: &str) -> Option<String> {
    let repository = repository.trim_end_matches('/');
    if repository.is_empty() || crate::rules::builtin_doc(rule).is_none() {
        return None;
    }
    let (category, name) = rule.split_once('/')?;
    Some(format!(
        "{repository}/blob/main/src/rules/{category}/{}.rs",
        name.replace('-', "_")
    ))
}

/// A broken configuration, shown on the file the error is in.
pub fn config_error(error: &ConfigError) -> lsp_types::Diagnostic {
    let text = error.source_code.inner();
    let span = error.span.map_or(Span::new(0, 0), |span| {
        Span::new(span.offset(), span.offset() + span.len())
    });
    // The message names the file for the terminal; in the file it is noise.
    let name = error.source_code.name();
    let message = error
        .message
        .strip_prefix(name)
        .and_then(|m| m.strip_prefix(": "))
        .unwrap_or(&error.message);
    lsp_types::Diagnostic {
        range: range_in(&LineIndex::new(text), text, span),
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some(SOURCE.to_string()),
        message: with_help(message, error.help.as_deref()),
        ..lsp_types::Diagnostic::default()
    }
}

fn with_help(message: &str, help: Option<&str>) -> String {
    match help {
        Some(help) => format!("{message}\nhelp: {help}"),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::config::Config;
    use crate::rules::{Category, Label};
    use crate::source::Format;

    #[test]
    fn ranges_count_utf16_units_and_labels_become_related_information() {
        let text = "“Hi” 😀 said Ann.then left.\nAnn.\n".to_string();
        let source = Source::new("a.txt", text, Format::Text);
        let at = |needle: &str| {
            let start = source.text.find(needle).unwrap();
            Span::new(start, start + needle.len())
        };
        let finding = Diagnostic {
            rule: "garbled/missing-space".into(),
            category: Category::Garbled,
            severity: Severity::Warning,
            message: "glued".into(),
            span: at("Ann.then"),
            labels: vec![Label {
                span: at("Ann.\n"),
                message: "here".into(),
            }],
            help: Some("add a space".into()),
            fix: None,
        };
        let uri: Uri = "file:///a.txt".parse().unwrap();
        let converted = diagnostic(&source, &uri, &finding);
        // “ H i ” space 😀(2) space s a i d space = 13 units before "Ann".
        assert_eq!(
            converted.range,
            Range::new(Position::new(0, 13), Position::new(0, 21))
        );
        assert_eq!(
            converted.code,
            Some(NumberOrString::String("garbled/missing-space".into()))
        );
        assert_eq!(converted.severity, Some(DiagnosticSeverity::WARNING));
        assert_eq!(converted.source.as_deref(), Some("galley"));
        assert_eq!(converted.message, "glued\nhelp: add a space");
        let related = converted.related_information.unwrap();
        assert_eq!(related[0].location.uri, uri);
        assert_eq!(
            related[0].location.range,
            Range::new(Position::new(1, 0), Position::new(2, 0))
        );
    }

    #[test]
    fn built_in_rules_link_to_their_documented_file() {
        assert_eq!(
            rule_doc_url("https://example.org/galley/", "garbled/missing-space").as_deref(),
            Some("https://example.org/galley/blob/main/src/rules/garbled/missing_space.rs")
        );
        assert_eq!(rule_doc_url("", "garbled/missing-space"), None);
        assert_eq!(
            rule_doc_url("https://example.org/galley", "style/house-pack-rule"),
            None
        );
    }

    #[test]
    fn config_errors_point_into_the_file() {
        let text = "# “quoted” 😀\nfial-on = \"error\"\n";
        let error = Config::parse(Some(PathBuf::from("/n/galley.toml")), text.into()).unwrap_err();
        let converted = config_error(&error);
        assert_eq!(converted.range.start, Position::new(1, 0));
        assert!(
            converted.message.starts_with("unknown field `fial-on`"),
            "{}",
            converted.message
        );
        assert_eq!(converted.severity, Some(DiagnosticSeverity::ERROR));
    }
}
