//! Properties that hold for every text: spans stay inside the text and on
//! character boundaries, fixes resolve to edits that never overlap and
//! settle, linting is deterministic, and positions convert exactly. The
//! texts are generated from news-like pieces (words, names, quotation marks,
//! Markdown, CRLF, a BOM, characters of every UTF-8 length), so that rules
//! fire, and from arbitrary characters.

#[path = "common/invariants.rs"]
mod invariants;

use galley::document::Document;
use galley::fix;
use galley::rules::{Applicability, Category, Diagnostic, Edit, Fix, Severity};
use galley::source::{Format, Source};
use galley::span::Span;
use proptest::prelude::*;

/// Pieces of news copy, in both formats, that make the rules fire: names
/// and pronouns, dates and figures, quotation marks of every kind and
/// direction, glued sentences, doubled words, Markdown blocks and inlines.
const PIECES: &[&str] = &[
    "The",
    "talks",
    "ended",
    "said",
    "on",
    "Monday",
    "March 4",
    "2024",
    "Tuesday,",
    "he",
    "she",
    "He",
    "She",
    "they",
    "Nora Gorman",
    "Gorman",
    "Gormann",
    "Sam Okafor",
    "Okafor",
    "Deputy",
    "Secretary",
    "of State",
    "OSCE",
    "the the",
    "agreed",
    "45",
    "3.5 percent",
    "$2 million",
    "aged 52",
    "52-year-old",
    "Minister",
    "Dr.",
    "U.S.",
    "e.g.",
    "city",
    "Council",
    ".",
    ",",
    ";",
    ":",
    "?",
    "!",
    "—",
    "-",
    "…",
    "(",
    ")",
    "[",
    "]",
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\t",
    "é",
    "ß",
    "😀",
    "中文",
    "\u{301}",
    "\u{200b}",
    "ended.Nothing",
    "GENEVA —",
    "# ",
    "## ",
    "> ",
    "> > ",
    "- ",
    "* ",
    "1. ",
    "`code`",
    "```\n",
    "[link](http://example.com)",
    "<!-- galley-ignore garbled -->",
    "<b>",
    "|a|b|\n",
    "---\n",
    "    indented",
    "***",
    "_",
    "http://x.org/a.b",
];

fn piece_text(max: usize) -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        prop::collection::vec(prop::sample::select(PIECES), 0..max),
        prop::collection::vec(any::<bool>(), 0..max),
    )
        .prop_map(|(bom, pieces, spaces)| {
            let mut text = String::new();
            if bom {
                text.push('\u{feff}');
            }
            for (i, piece) in pieces.iter().enumerate() {
                text.push_str(piece);
                if spaces.get(i).copied().unwrap_or(true) {
                    text.push(' ');
                }
            }
            text
        })
}

/// News-like pieces or arbitrary characters.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![3 => piece_text(120), 1 => any::<String>(), 1 => "[ -~“”‘’\n\r\u{feff}é😀]{0,200}"]
}

fn format() -> impl Strategy<Value = Format> {
    prop_oneof![Just(Format::Text), Just(Format::Markdown)]
}

fn lint(text: &str, format: Format) -> Vec<Diagnostic> {
    let source = Source::new("p.txt", text.to_string(), format);
    let doc = Document::new(&source);
    invariants::assert_document(&doc);
    let diagnostics = invariants::every_rule().check_document(&doc);
    invariants::assert_diagnostics(text, &diagnostics);
    diagnostics
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Diagnostics, labels, fix edits and every span of the Document lie
    /// inside the text and on character boundaries.
    #[test]
    fn spans_lie_within_the_text(text in any_text(), format in format()) {
        lint(&text, format);
    }

    /// Linting is a function of the text: twice, or on two threads at once,
    /// gives the same diagnostics.
    #[test]
    fn linting_is_deterministic(text in piece_text(120), format in format()) {
        let first = lint(&text, format);
        let (a, b) = std::thread::scope(|s| {
            let a = s.spawn(|| lint(&text, format));
            let b = s.spawn(|| lint(&text, format));
            (a.join().unwrap(), b.join().unwrap())
        });
        prop_assert_eq!(&first, &a);
        prop_assert_eq!(&first, &b);
    }

    /// Fixing until settled settles, and fixing the result again changes
    /// nothing: `--fix` twice equals `--fix` once.
    #[test]
    fn fixing_twice_equals_fixing_once(text in piece_text(120), format in format()) {
        let fixed = fix::fix_until_settled(text.clone(), lint(&text, format), true, |t| lint(t, format));
        prop_assert!(fixed.settled, "fixes did not settle: {:?} → {:?}", text, fixed.text);
        let again = fix::fix_until_settled(
            fixed.text.clone(),
            lint(&fixed.text, format),
            true,
            |t| lint(t, format),
        );
        prop_assert_eq!(again.fixes, 0);
        prop_assert_eq!(again.text, fixed.text);
    }

    /// Whatever fixes say, even with spans outside the text or inside a
    /// character, the edits taken lie inside the text on character
    /// boundaries, in order, never overlapping nor starting at one offset,
    /// and the fixed text is the text with exactly those edits made.
    #[test]
    fn fix_edits_never_overlap(
        text in any_text(),
        fixes in prop::collection::vec(
            (
                prop::collection::vec((0usize..260, 0usize..12, "[a-z“😀é]{0,3}"), 1..4),
                any::<bool>(),
                0usize..3,
            ),
            0..12,
        ),
    ) {
        let diagnostics: Vec<Diagnostic> = fixes
            .into_iter()
            .map(|(edits, safe, rule)| {
                let edits: Vec<Edit> = edits
                    .into_iter()
                    .map(|(start, len, replacement)| Edit {
                        span: Span::new(start, start + len),
                        replacement,
                    })
                    .collect();
                Diagnostic {
                    rule: format!("garbled/rule-{rule}"),
                    category: Category::Garbled,
                    severity: Severity::Warning,
                    message: String::new(),
                    span: edits[0].span,
                    labels: Vec::new(),
                    help: None,
                    fix: Some(Fix {
                        applicability: if safe { Applicability::Safe } else { Applicability::Unsafe },
                        edits,
                    }),
                }
            })
            .collect();
        let resolution = fix::resolve(&text, &diagnostics, true);
        for edit in &resolution.edits {
            invariants::assert_span(&text, edit.span, "resolved edit");
        }
        for pair in resolution.edits.windows(2) {
            prop_assert!(
                pair[0].span.end <= pair[1].span.start && pair[0].span.start < pair[1].span.start,
                "{:?} and {:?} overlap", pair[0].span, pair[1].span
            );
        }
        let mut expected = String::new();
        let mut at = 0;
        for edit in &resolution.edits {
            expected.push_str(&text[at..edit.span.start]);
            expected.push_str(&edit.replacement);
            at = edit.span.end;
        }
        expected.push_str(&text[at..]);
        let applied = fix::apply(&text, &diagnostics, true);
        prop_assert_eq!(applied.text, expected);
        prop_assert_eq!((applied.fixes, applied.skipped), (resolution.fixes, resolution.skipped));
    }

    /// Byte offset → line/column/UTF-16 → byte offset is exact, with CRLF,
    /// a BOM and characters of every width.
    #[test]
    fn positions_convert_exactly(text in any_text()) {
        invariants::assert_positions(&Source::new("p.txt", text, Format::Text), 1);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// The same on lines longer than the line index's 4 KiB chunks, where a
    /// character may straddle a chunk boundary.
    #[test]
    fn positions_convert_exactly_on_long_lines(
        lines in prop::collection::vec(
            (prop::collection::vec(prop::sample::select(&["a", "é", "😀", "中", "“", " ", "\r"][..]), 0..3000), any::<bool>()),
            1..4,
        ),
        bom in any::<bool>(),
    ) {
        let mut text = String::from(if bom { "\u{feff}" } else { "" });
        for (line, crlf) in lines {
            text.extend(line);
            text.push_str(if crlf { "\r\n" } else { "\n" });
        }
        invariants::assert_positions(&Source::new("p.txt", text, Format::Text), 13);
    }
}

/// `galley check` gives the same output on one thread as on two, over a
/// folder of fixtures and generated texts: results come out in path order
/// whatever order the threads finish in.
#[test]
fn check_output_is_the_same_in_any_thread_count() {
    use proptest::strategy::ValueTree;
    let dir = tempfile::tempdir().unwrap();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    for entry in std::fs::read_dir(fixtures).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt" || e == "md") {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for i in 0..24 {
        let text = piece_text(200).new_tree(&mut runner).unwrap().current();
        let name = format!("generated/{i:02}.{}", if i % 2 == 0 { "txt" } else { "md" });
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let output = |threads: &str| {
        let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("galley"))
            .current_dir(dir.path())
            .args(["check", "--format", "json", "--threads", threads, "."])
            .output()
            .unwrap();
        assert!(matches!(output.status.code(), Some(0 | 1)));
        String::from_utf8(output.stdout).unwrap()
    };
    let one = output("1");
    assert!(one.contains("generated/23.md"), "every file is reported");
    assert_eq!(one, output("2"));
    assert_eq!(one, output("2"));
}
