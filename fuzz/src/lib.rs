//! What galley's fuzz targets share: the invariants (the same file the
//! property tests use) and one run of the whole pipeline over a text.

#[path = "../../tests/common/invariants.rs"]
pub mod invariants;

use std::sync::{Arc, LazyLock};

use galley::document::Document;
use galley::facts::FactsSheet;
use galley::render::{self, FileResult, Renderer};
use galley::rules::registry::Selection;
use galley::rules::{Diagnostic, Settings};
use galley::source::{Format, Source};
use galley::{Linter, Registry, fix};

/// Texts longer than this skip the check of every offset's position, which
/// costs a chunk of counting per offset; the property tests cover long lines.
const POSITIONS_UP_TO: usize = 1024;

/// Read `bytes` as a file in `format`, lint it with every rule, render the
/// findings, fix everything fixable, and check every invariant on the way.
pub fn lint_bytes(bytes: &[u8], format: Format) {
    let path = match format {
        Format::Text => "fuzz.txt",
        Format::Markdown => "fuzz.md",
    };
    let source = match Source::from_bytes_with_format(path, bytes.to_vec(), format) {
        Ok(source) => source,
        Err(err) => {
            // The message must be sayable, whatever the bytes.
            assert!(!err.to_string().is_empty());
            return;
        }
    };
    if source.text.len() <= POSITIONS_UP_TO {
        invariants::assert_positions(&source, 1);
    }
    let diagnostics = lint(&source);
    // Same input, same output.
    assert_eq!(diagnostics, lint(&source), "linting twice differed");
    render_all(source, diagnostics.clone());

    let text = bytes_as_text(bytes);
    let settled = fix::fix_until_settled(text.to_string(), diagnostics, true, |fixed| {
        lint(&Source::new(path, fixed.to_string(), format))
    });
    if settled.settled {
        let again = fix::apply(&settled.text, &settled.diagnostics, true);
        assert_eq!(again.fixes, 0, "fixes left after settling");
    }
}

fn bytes_as_text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("decoded above")
}

/// The diagnostics of a source, after checking the Document's invariants
/// and the diagnostics' spans.
fn lint(source: &Source) -> Vec<Diagnostic> {
    let doc = Document::new(source);
    invariants::assert_document(&doc);
    let diagnostics = invariants::every_rule().check_document(&doc);
    invariants::assert_diagnostics(&source.text, &diagnostics);
    diagnostics
}

/// Every output format, into memory.
fn render_all(source: Source, diagnostics: Vec<Diagnostic>) {
    let file = FileResult {
        source,
        diagnostics,
    };
    let renderers: Vec<Box<dyn Renderer>> = vec![
        Box::new(render::Pretty::new(false)),
        Box::new(render::Concise),
        Box::new(render::Json::default()),
        Box::new(render::Sarif::new(
            invariants::every_rule()
                .registry()
                .rules()
                .map(|r| r.meta().clone())
                .collect::<Vec<_>>(),
        )),
        Box::new(render::Github::default()),
        Box::new(render::Rdjson::default()),
    ];
    let mut summary = render::Summary::default();
    summary.add(&file);
    for mut renderer in renderers {
        let mut out = Vec::new();
        renderer.file(&mut out, &file).unwrap();
        renderer.finish(&mut out, &summary).unwrap();
    }
}

/// A configuration error as `galley check` prints it: it must render,
/// whatever span the parser pointed at, and name its file.
pub fn render_error(err: Box<galley::config::ConfigError>, file: &str) {
    assert!(
        err.message.contains(file),
        "the error does not name {file}: {}",
        err.message
    );
    let shown = format!("{:?}", miette::Report::new(*err));
    assert!(!shown.is_empty());
}

/// The registry of built-in rules, built once.
pub fn registry() -> Arc<Registry> {
    static REGISTRY: LazyLock<Arc<Registry>> =
        LazyLock::new(|| Arc::new(Registry::new(Vec::new())));
    REGISTRY.clone()
}

/// Lint `text` with every rule, the facts sheet `facts` and an article
/// date, checking the invariants.
pub fn lint_with_facts(text: &str, facts: FactsSheet) {
    let settings = Settings {
        article_date: Some(jiff::civil::date(2024, 3, 1)),
        facts: Some(Arc::new(facts)),
        ..Settings::default()
    };
    let linter = Linter::new(registry(), &Selection::default(), settings).unwrap();
    let source = Source::new("fuzz.txt", text.to_string(), Format::Text);
    let doc = Document::new(&source);
    invariants::assert_document(&doc);
    let diagnostics = linter.check_document(&doc);
    invariants::assert_diagnostics(&source.text, &diagnostics);
}

/// Where the language server's documents live: a folder that does not
/// exist, so no galley.toml on this machine is found for them.
pub const LSP_ROOT: &str = "file:///nonexistent/galley-fuzz";

/// Run one language-server session over an in-memory connection: the
/// handshake, then every line of `data` that parses as a message, then
/// `shutdown` and `exit`. Panics if the server panics; a server that does
/// not stop is a hang, which libFuzzer reports as a timeout.
pub fn lsp_session(data: &[u8]) {
    use lsp_server::{Connection, Message, Notification, Request, RequestId};

    let (server, client) = Connection::memory();
    let serving = std::thread::spawn(move || galley::lsp::serve(&server));
    let initialize = serde_json::json!({
        "processId": null,
        "rootUri": LSP_ROOT,
        "capabilities": {
            "workspace": {
                "workspaceEdit": {"documentChanges": true},
                "didChangeWatchedFiles": {"dynamicRegistration": true}
            }
        }
    });
    let send = |message: Message| {
        let _ = client.sender.send(message);
    };
    send(Request::new(RequestId::from(0), "initialize".into(), initialize).into());
    send(Notification::new("initialized".into(), serde_json::json!({})).into());
    for line in data.split(|&b| b == b'\n') {
        if let Ok(message) = serde_json::from_slice::<Message>(line) {
            send(message);
        }
    }
    let shutdown = RequestId::from("fuzz-shutdown".to_string());
    send(Request::new(shutdown.clone(), "shutdown".into(), serde_json::Value::Null).into());
    send(Notification::new("exit".into(), serde_json::Value::Null).into());
    // The input may have said `exit` itself, or sent a second `initialize`;
    // either way the server must stop, and an error is an answer too.
    let _ = serving.join().expect("the server thread panicked");
}

/// Load `pack` as the only rule pack of a galley.toml, the way `galley
/// check` does (the loader reads packs from files), and lint the fixture
/// articles with every rule, the pack's included.
pub fn lint_with_pack(pack: &str) {
    use galley::config::Config;
    use galley::workspace::{Checker, Overrides};

    static FOLDER: LazyLock<std::path::PathBuf> = LazyLock::new(|| {
        let folder = std::env::temp_dir().join(format!("galley-fuzz-pack-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        folder
    });
    let path = FOLDER.join("house.toml");
    std::fs::write(&path, pack).unwrap();
    let config = Config::parse(
        Some(FOLDER.join("galley.toml")),
        "rule-packs = [\"house.toml\"]\n".into(),
    )
    .unwrap();
    let checker = match Checker::new(config, &registry(), &Overrides::default()) {
        Ok(checker) => checker,
        Err(err) => return render_error(err, "house.toml"),
    };
    for article in ARTICLES {
        let source = Source::new("fuzz.md", article.to_string(), Format::Markdown);
        let doc = Document::new(&source);
        let diagnostics = checker.check_document(&doc, None);
        invariants::assert_diagnostics(&source.text, &diagnostics);
        fix::apply(&source.text, &diagnostics, true);
    }
}

/// Articles for rule packs to run on: prose with quotes, names, figures,
/// Markdown and characters of every UTF-8 length.
const ARTICLES: &[&str] = &[
    include_str!("../../fixtures/harbor_festival_quotes.md"),
    include_str!("../../fixtures/garbled_water_talks.txt"),
    "Ünïcödé “quotes” — 😀 emoji, 中文 text.\r\nThe the council said: 45% of $2 million.\n",
];
