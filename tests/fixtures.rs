//! Fixture articles with their expected findings, checked in as snapshots
//! (`tests/snapshots/`), one per article and category so that work on one
//! category never churns another's expectations.
//!
//! To accept new findings after a deliberate change:
//! `INSTA_UPDATE=always cargo test --test fixtures`, then review the diff.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use galley::rules::Settings;
use galley::rules::registry::Selection;
use galley::{Category, Linter, Registry, Source};

fn fixture_files() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir("fixtures")
        .expect("fixtures/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.ends_with(".txt") || name.ends_with(".md")
        })
        .collect();
    files.sort();
    files
}

/// `line:column [rule] «flagged text» message`, one line a finding.
fn render(source: &Source, diagnostics: &[galley::Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let at = source.position(d.span.start);
        writeln!(
            out,
            "{}:{} [{}] «{}» {}",
            at.line,
            at.column,
            d.rule,
            source.slice(d.span).replace('\n', "⏎"),
            d.message
        )
        .unwrap();
    }
    if out.is_empty() {
        out.push_str("(no findings)\n");
    }
    out
}

#[test]
fn fixtures_match_their_snapshots() {
    let registry = Arc::new(Registry::new(Vec::new()));
    let linter = Linter::new(registry, &Selection::default(), Settings::default()).unwrap();
    for path in fixture_files() {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let source = Source::from_bytes(name.clone(), bytes).unwrap();
        let diagnostics = linter.check(&source);
        let stem = Path::new(&name)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .replace('.', "_");
        for category in Category::ALL {
            let mine: Vec<_> = diagnostics
                .iter()
                .filter(|d| d.category == category)
                .cloned()
                .collect();
            insta::assert_snapshot!(format!("{stem}__{category}"), render(&source, &mine));
        }
    }
}
