//! galley's own speed, on demand (`cargo bench`; not run in CI):
//!
//! - `document`: building the Document (paragraphs, sentences, tokens,
//!   quotations) of an article;
//! - `rule`: each rule of the registry on its own, on a fresh Document each
//!   time (so a rule pays for the entities or casing it asks for);
//! - `default_rules`: the whole default rule set, Document included;
//! - `collection`: the whole default rule set over every file of the
//!   10.8 MB State of the Union collection, one thread;
//! - `linear`: the default rules on a text and on ten times that text, and
//!   on one paragraph with no sentence punctuation at all, 100 KB and 1 MB:
//!   each tenfold input should take at most 11 times as long.
//!
//! Inputs: the seed article (`fixtures/geneva_2022_seed.txt`, 4.5 KB), a
//! 5,000-word article and the larger texts built at run time from the
//! speeches in `$GALLEY_SOTU` (default `../shared/corpus/sotu`, next to the repository). Without
//! that folder, only the seed article's benchmarks run.
//!
//! Throughput is reported in bytes per second of input text.

use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use divan::Bencher;
use divan::counter::BytesCount;
use galley::document::Document;
use galley::source::{Format, Source};
use galley::workspace::Checker;
use galley::{Linter, Registry};

fn main() {
    divan::main();
}

static REGISTRY: LazyLock<Arc<Registry>> = LazyLock::new(|| Arc::new(Registry::new(Vec::new())));

/// The default configuration, as `galley check` runs without a galley.toml.
static DEFAULTS: LazyLock<Checker> = LazyLock::new(|| Checker::defaults(&REGISTRY));

fn sotu_dir() -> PathBuf {
    std::env::var_os("GALLEY_SOTU").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/sotu"),
        PathBuf::from,
    )
}

/// The speeches, sorted by file name; empty without the folder.
static SPEECHES: LazyLock<Vec<Source>> = LazyLock::new(|| {
    let Ok(entries) = std::fs::read_dir(sotu_dir()) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|path| {
            let bytes = std::fs::read(path).ok()?;
            let format = Format::from_path(&path.to_string_lossy());
            Source::from_bytes_with_format(path.display().to_string(), bytes, format).ok()
        })
        .collect()
});

fn no_speeches() -> bool {
    SPEECHES.is_empty()
}

/// The speeches' paragraphs (plain text only) back to back.
fn speech_paragraphs() -> impl Iterator<Item = &'static str> {
    SPEECHES
        .iter()
        .filter(|s| s.format == Format::Text)
        .flat_map(|s| s.text.split("\n\n"))
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// An article: a headline, then whole paragraphs of the speeches until it
/// holds `words` words.
fn article(words: usize) -> String {
    let mut text = String::from("A Speech to the Congress\n\n");
    let mut count = 0;
    for paragraph in speech_paragraphs() {
        if count >= words {
            break;
        }
        count += paragraph.split_whitespace().count();
        text.push_str(paragraph);
        text.push_str("\n\n");
    }
    text
}

/// About 100 KB of speech paragraphs, `times` times over.
fn prose(times: usize) -> String {
    let mut body = String::new();
    for paragraph in speech_paragraphs() {
        if body.len() >= 100_000 {
            break;
        }
        body.push_str(paragraph);
        body.push_str("\n\n");
    }
    format!("A Speech to the Congress\n\n{}", body.repeat(times))
}

/// One paragraph of about 100 KB of speech words, `times` times over, and
/// nothing that ends a sentence until the last word: the splitter finds one
/// sentence as long as the input.
fn endless_sentence(times: usize) -> String {
    let mut body = String::new();
    for word in speech_paragraphs().flat_map(str::split_whitespace) {
        if body.len() >= 100_000 {
            break;
        }
        let word = word.trim_matches(|c: char| matches!(c, '.' | '!' | '?' | ';' | ':'));
        if !word.is_empty() {
            body.push_str(word);
            body.push(' ');
        }
    }
    format!("A Speech to the Congress\n\n{}end.\n", body.repeat(times))
}

fn source(name: &str, text: String) -> &'static Source {
    Box::leak(Box::new(Source::new(name, text, Format::Text)))
}

static SEED: LazyLock<&'static Source> = LazyLock::new(|| {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/geneva_2022_seed.txt");
    source(
        "geneva_2022_seed.txt",
        std::fs::read_to_string(path).expect("the seed article is in fixtures/"),
    )
});

static ARTICLE: LazyLock<&'static Source> =
    LazyLock::new(|| source("article_5000_words.txt", article(5_000)));

/// The articles to benchmark on: the seed always, the 5,000-word article
/// when the speeches are there.
fn articles() -> Vec<String> {
    let mut names = vec!["seed".to_string()];
    if !no_speeches() {
        names.push("5000_words".to_string());
    }
    names
}

fn article_named(name: &str) -> &'static Source {
    match name {
        "seed" => &SEED,
        _ => &ARTICLE,
    }
}

fn bytes(source: &Source) -> BytesCount {
    BytesCount::new(source.text.len())
}

#[divan::bench(args = articles())]
fn document(bencher: Bencher, name: &str) {
    let source = article_named(name);
    bencher
        .counter(bytes(source))
        .bench(|| Document::new(divan::black_box(source)).tokens.len());
}

/// Every rule id in the registry, on every article.
fn rules_and_articles() -> Vec<String> {
    let rules: Vec<&str> = REGISTRY.rules().map(|r| &*r.meta().id).collect();
    articles()
        .iter()
        .flat_map(|article| rules.iter().map(move |rule| format!("{article}:{rule}")))
        .collect()
}

#[divan::bench(args = rules_and_articles())]
fn rule(bencher: Bencher, which: &str) {
    let (name, id) = which.split_once(':').expect("article:rule");
    let source = article_named(name);
    let rule = REGISTRY.get(id).expect("an id from the registry");
    let settings = DEFAULTS.linter.settings().clone();
    bencher
        .counter(bytes(source))
        .with_inputs(|| Document::new(source))
        .bench_local_refs(|doc| {
            let mut findings = Vec::new();
            rule.check(doc, &settings, &mut findings);
            findings.len()
        });
}

#[divan::bench(args = articles())]
fn default_rules(bencher: Bencher, name: &str) {
    let source = article_named(name);
    let linter: &Linter = &DEFAULTS.linter;
    bencher
        .counter(bytes(source))
        .bench(|| linter.check(divan::black_box(source)).len());
}

#[divan::bench(ignore = no_speeches(), sample_count = 5, sample_size = 1)]
fn collection(bencher: Bencher) {
    let total: usize = SPEECHES.iter().map(|s| s.text.len()).sum();
    bencher.counter(BytesCount::new(total)).bench(|| {
        SPEECHES
            .iter()
            .map(|source| DEFAULTS.check_document(&Document::new(source), None).len())
            .sum::<usize>()
    });
}

/// Inputs for the linearity benchmarks, by name: `prose_100k` and
/// `prose_1m` (the same paragraphs ten times over), `endless_100k` and
/// `endless_1m` (the same endless sentence ten times as long).
fn linear_inputs() -> Vec<String> {
    if no_speeches() {
        return Vec::new();
    }
    ["prose_100k", "prose_1m", "endless_100k", "endless_1m"]
        .map(String::from)
        .to_vec()
}

static LINEAR: LazyLock<Vec<(&'static str, &'static Source)>> = LazyLock::new(|| {
    vec![
        ("prose_100k", source("prose_100k.txt", prose(1))),
        ("prose_1m", source("prose_1m.txt", prose(10))),
        (
            "endless_100k",
            source("endless_100k.txt", endless_sentence(1)),
        ),
        ("endless_1m", source("endless_1m.txt", endless_sentence(10))),
    ]
});

#[divan::bench(args = linear_inputs(), sample_count = 10, sample_size = 1)]
fn linear(bencher: Bencher, name: &str) {
    let (_, source) = LINEAR
        .iter()
        .find(|(n, _)| *n == name)
        .expect("a linear input");
    let linter: &Linter = &DEFAULTS.linter;
    bencher
        .counter(bytes(source))
        .bench(|| linter.check(divan::black_box(source)).len());
}
