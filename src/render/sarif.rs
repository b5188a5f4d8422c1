//! SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it.
//!
//! One run. Each finding is a `result` with `ruleId`, `ruleIndex`, `level`
//! (`error`, `warning`, `note` for info), `message.text`, one physical
//! location and, where the finding has them, related locations (its labels)
//! and `fixes`. `partialFingerprints["galley/v1"]` is the fingerprint the
//! baseline uses ([`crate::fingerprint`]) with `:N` for the N-th finding of
//! that fingerprint in the file, so results keep their identity across edits
//! elsewhere in the file.
//!
//! Locations: `artifactLocation.uri` is the path relative to the current
//! folder (run galley from the repository root), `/`-separated and
//! percent-encoded, with `uriBaseId` `%SRCROOT%`; files outside the current
//! folder get an absolute `file://` URI. Regions have 1-based `startLine`,
//! `startColumn`, `endLine` and `endColumn` (the column after the last
//! character). Columns count UTF-16 code units — `run.columnKind` is
//! `utf16CodeUnits`, as CodeQL's output on GitHub uses — so an emoji counts
//! two columns here while the JSON output counts it as one.
//!
//! Results stream as files are checked; `tool.driver.rules` lists the rules
//! that have results, in order of first result (`ruleIndex` points into
//! it), and is written after them.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_sarif::sarif::{
    ArtifactChange, ArtifactContent, ArtifactLocation, Fix as SarifFix, Location, Message,
    MultiformatMessageString, PhysicalLocation, PropertyBag, Region, Replacement,
    ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultLevel, Tool,
    ToolComponent,
};

use super::{FileResult, Renderer, Summary, portable_path};
use crate::fingerprint::{fingerprint, to_hex};
use crate::rules::{Diagnostic, RuleMeta, Severity};
use crate::source::Source;
use crate::span::Span;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
pub const COLUMN_KIND: &str = "utf16CodeUnits";
/// The key of galley's fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "galley/v1";

pub struct Sarif {
    /// Every rule the run may report, by id.
    catalog: HashMap<String, RuleMeta>,
    /// Rules with results, in order of first result; `ruleIndex` points here.
    used: Vec<String>,
    index: HashMap<String, usize>,
    cwd: PathBuf,
    results_written: usize,
    started: bool,
}

impl Sarif {
    /// A renderer that describes rules from `rules` (all the run may report).
    pub fn new(rules: impl IntoIterator<Item = RuleMeta>) -> Sarif {
        Sarif {
            catalog: rules
                .into_iter()
                .map(|meta| (meta.id.to_string(), meta))
                .collect(),
            used: Vec::new(),
            index: HashMap::new(),
            cwd: std::env::current_dir().unwrap_or_default(),
            results_written: 0,
            started: false,
        }
    }

    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            write!(
                out,
                "{{\"$schema\":\"{SCHEMA}\",\"version\":\"2.1.0\",\"runs\":[{{\"results\":["
            )?;
            self.started = true;
        }
        Ok(())
    }

    fn rule_index(&mut self, rule: &str) -> usize {
        if let Some(&i) = self.index.get(rule) {
            return i;
        }
        self.used.push(rule.to_string());
        self.index.insert(rule.to_string(), self.used.len() - 1);
        self.used.len() - 1
    }

    fn descriptor(&self, id: &str) -> ReportingDescriptor {
        let Some(meta) = self.catalog.get(id) else {
            return ReportingDescriptor::builder().id(id).build();
        };
        let doc = meta.doc.trim();
        // What the rule flags: the documentation before its first section.
        let description = doc.split("\n## ").next().unwrap_or(doc).trim();
        ReportingDescriptor::builder()
            .id(id)
            .short_description(text_and_markdown(meta.summary()))
            .full_description(text_and_markdown(description))
            .help(text_and_markdown(doc))
            .default_configuration(
                ReportingConfiguration::builder()
                    .level(serde_json::Value::from(
                        level(meta.default_severity).to_string(),
                    ))
                    .build(),
            )
            .properties(
                PropertyBag::builder()
                    .tags(vec![meta.category.as_str().to_string()])
                    .build(),
            )
            .build()
    }

    fn result(
        &mut self,
        source: &Source,
        d: &Diagnostic,
        occurrences: &mut HashMap<u64, usize>,
    ) -> SarifResult {
        let uri = artifact(&source.path, &self.cwd);
        let hash = fingerprint(&d.rule, &source.text, d.span);
        let occurrence = occurrences.entry(hash).or_insert(0);
        *occurrence += 1;
        let fingerprints = [(
            FINGERPRINT_KEY.to_string(),
            format!("{}:{occurrence}", to_hex(hash)),
        )];
        let location = |span: Span| {
            PhysicalLocation::builder()
                .artifact_location(uri.clone())
                .region(region(source, span))
                .build()
        };
        let mut result = SarifResult::builder()
            .rule_id(d.rule.clone())
            .rule_index(self.rule_index(&d.rule) as i64)
            .level(level(d.severity))
            .message(Message::builder().text(d.message.clone()).build())
            .locations(vec![
                Location::builder()
                    .physical_location(location(d.span))
                    .build(),
            ])
            .partial_fingerprints(
                fingerprints
                    .into_iter()
                    .collect::<std::collections::BTreeMap<_, _>>(),
            )
            .build();
        if !d.labels.is_empty() {
            result.related_locations = Some(
                d.labels
                    .iter()
                    .enumerate()
                    .map(|(i, label)| {
                        Location::builder()
                            .id(i as i64 + 1)
                            .physical_location(location(label.span))
                            .message(Message::builder().text(label.message.clone()).build())
                            .build()
                    })
                    .collect(),
            );
        }
        if let Some(fix) = &d.fix {
            let replacements = fix
                .edits
                .iter()
                .map(|edit| {
                    Replacement::builder()
                        .deleted_region(region(source, edit.span))
                        .inserted_content(
                            ArtifactContent::builder()
                                .text(edit.replacement.clone())
                                .build(),
                        )
                        .build()
                })
                .collect::<Vec<_>>();
            let description = d.help.clone().unwrap_or_else(|| format!("fix {}", d.rule));
            result.fixes = Some(vec![
                SarifFix::builder()
                    .description(Message::builder().text(description).build())
                    .artifact_changes(vec![
                        ArtifactChange::builder()
                            .artifact_location(uri)
                            .replacements(replacements)
                            .build(),
                    ])
                    .build(),
            ]);
        }
        result
    }
}

fn text_and_markdown(text: &str) -> MultiformatMessageString {
    MultiformatMessageString::builder()
        .text(text)
        .markdown(text)
        .build()
}

fn level(severity: Severity) -> ResultLevel {
    match severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Info => ResultLevel::Note,
    }
}

/// A region in UTF-16 columns, 1-based, end column exclusive.
fn region(source: &Source, span: Span) -> Region {
    let start = source.utf16_position(span.start);
    let end = source.utf16_position(span.end);
    Region::builder()
        .start_line(i64::from(start.line) + 1)
        .start_column(i64::from(start.character) + 1)
        .end_line(i64::from(end.line) + 1)
        .end_column(i64::from(end.character) + 1)
        .build()
}

fn artifact(path: &str, cwd: &Path) -> ArtifactLocation {
    let portable = portable_path(path, cwd);
    if Path::new(&portable).is_absolute() {
        ArtifactLocation::builder()
            .uri(format!("file://{}", percent_encode(&portable)))
            .build()
    } else {
        ArtifactLocation::builder()
            .uri(percent_encode(&portable))
            .uri_base_id("%SRCROOT%")
            .build()
    }
}

/// What a relative URI reference must escape of a path: everything but RFC
/// 3986's unreserved characters and `/`. Stricter than a `file:` URI needs
/// (`:` in a first segment would read as a scheme), and so every space,
/// `%`, `#`, `?`, `:`, `,` and all non-ASCII bytes of the UTF-8 are encoded.
const URI_ESCAPES: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

fn percent_encode(path: &str) -> String {
    utf8_percent_encode(path, URI_ESCAPES).to_string()
}

impl Renderer for Sarif {
    fn file(&mut self, out: &mut dyn Write, file: &FileResult) -> io::Result<()> {
        self.start(out)?;
        let mut occurrences = HashMap::new();
        for d in &file.diagnostics {
            let result = self.result(&file.source, d, &mut occurrences);
            if self.results_written > 0 {
                out.write_all(b",")?;
            }
            serde_json::to_writer(&mut *out, &result)?;
            self.results_written += 1;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        self.start(out)?;
        let version = env!("CARGO_PKG_VERSION");
        let rules: Vec<ReportingDescriptor> =
            self.used.iter().map(|id| self.descriptor(id)).collect();
        let mut driver = ToolComponent::builder()
            .name("galley")
            .version(version)
            .semantic_version(version)
            .rules(rules)
            .build();
        let homepage = env!("CARGO_PKG_HOMEPAGE");
        let repository = env!("CARGO_PKG_REPOSITORY");
        let information = if homepage.is_empty() {
            repository
        } else {
            homepage
        };
        if !information.is_empty() {
            driver.information_uri = Some(information.to_string());
        }
        let tool = Tool::builder().driver(driver).build();
        write!(out, "],\"columnKind\":\"{COLUMN_KIND}\",\"tool\":")?;
        serde_json::to_writer(&mut *out, &tool)?;
        out.write_all(b"}]}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_and_percent_encoded() {
        let cwd = Path::new("/repo");
        let relative = artifact("articles/a b/“café”.md", cwd);
        assert_eq!(
            relative.uri.as_deref(),
            Some("articles/a%20b/%E2%80%9Ccaf%C3%A9%E2%80%9D.md")
        );
        assert_eq!(relative.uri_base_id.as_deref(), Some("%SRCROOT%"));
        let inside = artifact("/repo/x/100%.txt", cwd);
        assert_eq!(inside.uri.as_deref(), Some("x/100%25.txt"));
        let outside = artifact("/elsewhere/a.txt", cwd);
        assert_eq!(outside.uri.as_deref(), Some("file:///elsewhere/a.txt"));
        assert_eq!(outside.uri_base_id, None);
    }
}
