//! Golden files for every output format of `galley check` (snapshots in
//! `tests/snapshots/formats__*.snap`), on one small article with curly
//! quotes, emoji, a finding that spans two lines, an info, a warning with a
//! safe fix and an error with an unsafe fix and a label — plus a check of the
//! SARIF output against the SARIF 2.1.0 schema (`tests/data/`).
//!
//! Two tiny test-only rules supply the findings the built-in rules do not.
//! To accept a deliberate change: `INSTA_UPDATE=always cargo test --test
//! formats`, then review the diff.

mod common;

use std::sync::Arc;

use common::sarif_errors;

use galley::document::Document;
use galley::render::{self, FileResult, Renderer, Summary};
use galley::rules::registry::Selection;
use galley::rules::{Category, Finding, Fix, Fixable, Rule, RuleMeta, Settings, Severity};
use galley::{Linter, Registry, Source, Span};

/// The article. Its path has a colon, a comma, a space and curly quotes, for
/// the escaping and URI rules of the CI formats.
const PATH: &str = "desk/draft: “one”, final.txt";
const ARTICLE: &str = "A “quoted” headline 😀\n\nThey offered a meeting.nothing talk, said the envoy 😀.\n\n«This aside runs\nover two lines» and ends here.\n";

/// Flags text in «guillemets», which may span lines (error, unsafe fix,
/// a label on the headline's quotation).
struct Guillemets(RuleMeta);

/// Flags the 😀 emoji (info, no fix).
struct Emoji(RuleMeta);

fn meta(id: &'static str, category: Category, severity: Severity, doc: &'static str) -> RuleMeta {
    RuleMeta {
        id: id.into(),
        category,
        default_severity: severity,
        fixable: Fixable::Sometimes,
        doc: doc.into(),
    }
}

impl Rule for Guillemets {
    fn meta(&self) -> &RuleMeta {
        &self.0
    }

    fn check(&self, doc: &Document, _: &Settings, out: &mut Vec<Finding>) {
        let text = doc.source.text.as_str();
        let (Some(open), Some(close)) = (text.find('«'), text.find('»')) else {
            return;
        };
        let span = Span::new(open, close + '»'.len_utf8());
        let inner = &text[open + '«'.len_utf8()..close];
        let quoted = text.find('“').unwrap();
        out.push(
            Finding::new(span, "guillemets are 100% wrong here,\nuse “curly quotes”")
                .label(Span::new(quoted, text.find('”').unwrap() + 3), "as here")
                .help("replace the guillemets")
                .fix(Fix::unsafe_(span, format!("“{inner}”"))),
        );
    }
}

impl Rule for Emoji {
    fn meta(&self) -> &RuleMeta {
        &self.0
    }

    fn check(&self, doc: &Document, _: &Settings, out: &mut Vec<Finding>) {
        for (at, emoji) in doc.source.text.match_indices('😀') {
            out.push(Finding::new(
                Span::new(at, at + emoji.len()),
                "an emoji in copy",
            ));
        }
    }
}

fn linter() -> Linter {
    let extra: Vec<Box<dyn Rule>> = vec![
        Box::new(Guillemets(meta(
            "punctuation/test-guillemets",
            Category::Punctuation,
            Severity::Error,
            "Guillemets in English copy (test-only rule).\n\nFlags «text».\n\n## Why\nEnglish uses curly quotes.\n\n## Example\nBad: `«a»`\n\nGood: `“a”`",
        ))),
        Box::new(Emoji(meta(
            "style/test-emoji",
            Category::Style,
            Severity::Info,
            "An emoji (test-only rule).\n\n## Why\nRarely house style.\n\n## Example\nBad: `😀`\n\nGood: ``",
        ))),
    ];
    // Only these rules, so rules that land later cannot change the goldens.
    let selection = Selection {
        select: vec![
            "garbled/missing-space".into(),
            "punctuation/test-guillemets".into(),
            "style/test-emoji".into(),
        ],
        ..Selection::default()
    };
    Linter::new(
        Arc::new(Registry::new(extra)),
        &selection,
        Settings::default(),
    )
    .unwrap()
}

fn checked() -> FileResult {
    let source = Source::from_bytes(PATH, ARTICLE.as_bytes().to_vec()).unwrap();
    let diagnostics = linter().check(&source);
    FileResult {
        source,
        diagnostics,
    }
}

/// What a renderer writes for the article plus a clean second file.
fn render(mut renderer: Box<dyn Renderer>) -> String {
    let files = [
        checked(),
        FileResult {
            source: Source::from_bytes("desk/clean.txt", b"Nothing to see.\n".to_vec()).unwrap(),
            diagnostics: Vec::new(),
        },
    ];
    let mut summary = Summary::default();
    let mut out = Vec::new();
    for file in &files {
        summary.add(file);
        renderer.file(&mut out, file).unwrap();
    }
    renderer.finish(&mut out, &summary).unwrap();
    String::from_utf8(out).unwrap()
}

fn rule_metas() -> Vec<RuleMeta> {
    linter()
        .registry()
        .rules()
        .map(|r| r.meta().clone())
        .collect()
}

/// JSON output, pretty-printed for a readable snapshot.
fn pretty_json(output: &str) -> serde_json::Value {
    assert!(output.ends_with("}\n"), "one object and a newline");
    serde_json::from_str(output).expect("valid JSON")
}

#[test]
fn the_article_has_the_findings_the_goldens_need() {
    let file = checked();
    let rules: Vec<&str> = file.diagnostics.iter().map(|d| d.rule.as_str()).collect();
    assert_eq!(
        rules,
        [
            "style/test-emoji",
            "garbled/missing-space",
            "style/test-emoji",
            "punctuation/test-guillemets"
        ]
    );
    let multi_line = &file.diagnostics[3];
    assert!(file.source.slice(multi_line.span).contains('\n'));
}

#[test]
fn json() {
    insta::assert_snapshot!(
        serde_json::to_string_pretty(&pretty_json(&render(Box::new(render::Json::default()))))
            .unwrap()
    );
}

#[test]
fn concise() {
    insta::assert_snapshot!(render(Box::new(render::Concise)));
}

#[test]
fn pretty_without_color() {
    insta::assert_snapshot!(render(Box::new(render::Pretty::new(false))));
}

#[test]
fn github() {
    insta::assert_snapshot!(render(Box::new(render::Github::default())));
}

#[test]
fn rdjson() {
    insta::assert_snapshot!(
        serde_json::to_string_pretty(&pretty_json(&render(Box::new(render::Rdjson::default()))))
            .unwrap()
    );
}

fn sarif_value() -> serde_json::Value {
    let mut sarif = pretty_json(&render(Box::new(render::Sarif::new(rule_metas()))));
    // galley's version changes with every release, not with the format.
    let driver = &mut sarif["runs"][0]["tool"]["driver"];
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    driver["version"] = "[version]".into();
    driver["semanticVersion"] = "[version]".into();
    // A built-in rule describes itself from its doc, which changes on its
    // own: check the fields against the doc, then show placeholders.
    let metas = rule_metas();
    for rule in driver["rules"].as_array_mut().unwrap() {
        let id = rule["id"].as_str().unwrap().to_string();
        if id.contains("/test-") {
            continue;
        }
        let meta = metas.iter().find(|m| m.id == id).unwrap();
        assert_eq!(rule["shortDescription"]["text"], meta.summary());
        assert!(
            meta.doc
                .trim()
                .starts_with(rule["fullDescription"]["text"].as_str().unwrap())
        );
        assert_eq!(rule["help"]["markdown"], meta.doc.trim());
        for field in ["shortDescription", "fullDescription", "help"] {
            let placeholder = format!("[from the doc of {id}]");
            rule[field] = serde_json::json!({"text": placeholder, "markdown": placeholder});
        }
    }
    sarif
}

#[test]
fn sarif() {
    insta::assert_snapshot!(serde_json::to_string_pretty(&sarif_value()).unwrap());
}

#[test]
fn sarif_is_valid_sarif_2_1_0() {
    assert_eq!(sarif_errors(&sarif_value()), Vec::<String>::new());
    // Nothing checked at all is valid too.
    let mut empty = Vec::new();
    let mut renderer = render::Sarif::new(Vec::new());
    renderer.finish(&mut empty, &Summary::default()).unwrap();
    let empty = pretty_json(std::str::from_utf8(&empty).unwrap());
    assert_eq!(sarif_errors(&empty), Vec::<String>::new());
    // The validator does reject what is not SARIF.
    let mut broken = sarif_value();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!sarif_errors(&broken).is_empty());
}

#[test]
fn sarif_columns_are_utf16_and_the_rest_scalars() {
    let sarif = sarif_value();
    assert_eq!(sarif["runs"][0]["columnKind"], "utf16CodeUnits");
    // The emoji after `envoy ` on line 3 starts at column 53 either way; it
    // ends before column 54 in scalars but 55 in UTF-16 code units.
    let file = checked();
    let second_emoji = &file.diagnostics[2];
    assert_eq!(file.source.position(second_emoji.span.start).column, 53);
    let region = &sarif["runs"][0]["results"][2]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startColumn"], 53);
    assert_eq!(
        region["endColumn"], 55,
        "the emoji is two UTF-16 code units"
    );
}
