//! Applying fixes: choosing which edits to make, making them, repeating
//! until nothing is left to fix, and writing the result without ever leaving
//! a damaged file. Shared by `galley check --fix`/`--diff` and the language
//! server.
//!
//! Which fixes: safe ones, and unsafe ones when asked. A fix is all its edits
//! or none of them. Fixes are taken in order of their first edit's start,
//! then rule id; a fix with an edit that overlaps an edit already taken (or
//! inserts at the same offset) is skipped and counted, and one identical to
//! a fix already taken counts as done. Skipped fixes get their chance in the
//! next pass of [`fix_until_settled`], which lints the fixed text again.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

use crate::rules::{Applicability, Diagnostic, Edit, Fix};

/// How many lint-and-fix passes [`fix_until_settled`] makes at most; fixes
/// that keep producing new fixes beyond that are a rule's bug.
pub const MAX_PASSES: usize = 10;

/// The result of one pass of applying fixes to a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub text: String,
    /// Fixes applied.
    pub fixes: usize,
    /// Fixes skipped because they overlapped a fix already applied (or had
    /// an edit outside the text).
    pub skipped: usize,
}

/// Should a fix of this applicability be applied?
pub fn wanted(fix: &Fix, unsafe_fixes: bool) -> bool {
    fix.applicability == Applicability::Safe || unsafe_fixes
}

/// The edits one pass makes, chosen as the module documentation says:
/// sorted by start, each inside the text and on character boundaries, none
/// overlapping another or starting where another starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution<'d> {
    pub edits: Vec<&'d Edit>,
    /// Fixes whose edits are taken.
    pub fixes: usize,
    /// Fixes skipped because they overlapped a fix already taken (or had an
    /// edit outside the text).
    pub skipped: usize,
}

/// Choose which edits of the wanted fixes of `diagnostics` one pass makes.
pub fn resolve<'d>(
    text: &str,
    diagnostics: &'d [Diagnostic],
    unsafe_fixes: bool,
) -> Resolution<'d> {
    let mut candidates: Vec<(usize, &str, Vec<&Edit>)> = diagnostics
        .iter()
        .filter_map(|d| {
            let fix = d.fix.as_ref().filter(|f| wanted(f, unsafe_fixes))?;
            let mut edits: Vec<&Edit> = fix.edits.iter().collect();
            edits.sort_by_key(|e| (e.span.start, e.span.end));
            let first = edits.first()?.span.start;
            Some((first, d.rule.as_str(), edits))
        })
        .collect();
    candidates.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));

    // Accepted edits by start offset. Starts are unique, since two edits at
    // one start always conflict.
    let mut accepted: BTreeMap<usize, &Edit> = BTreeMap::new();
    let mut fixes = 0;
    let mut skipped = 0;
    for (_, _, edits) in candidates {
        let duplicate = edits
            .iter()
            .all(|e| accepted.get(&e.span.start).is_some_and(|a| a == e));
        if duplicate {
            continue;
        }
        let valid = edits.iter().all(|e| {
            e.span.start <= e.span.end
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
        });
        let self_overlapping = edits.windows(2).any(|w| conflicts(w[0], w[1]));
        if !valid || self_overlapping || edits.iter().any(|e| overlaps_accepted(&accepted, e)) {
            skipped += 1;
            continue;
        }
        for e in edits {
            accepted.insert(e.span.start, e);
        }
        fixes += 1;
    }
    Resolution {
        edits: accepted.into_values().collect(),
        fixes,
        skipped,
    }
}

/// Apply the wanted fixes of `diagnostics` to `text` in one pass.
pub fn apply(text: &str, diagnostics: &[Diagnostic], unsafe_fixes: bool) -> Applied {
    let resolution = resolve(text, diagnostics, unsafe_fixes);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in &resolution.edits {
        out.push_str(&text[at..edit.span.start]);
        out.push_str(&edit.replacement);
        at = edit.span.end;
    }
    out.push_str(&text[at..]);
    Applied {
        text: out,
        fixes: resolution.fixes,
        skipped: resolution.skipped,
    }
}

/// Two edits conflict when their spans overlap or they start at the same
/// offset (two insertions there, or an insertion and a replacement, have no
/// order that is obviously right).
fn conflicts(a: &Edit, b: &Edit) -> bool {
    a.span.start == b.span.start || a.span.overlaps(b.span)
}

fn overlaps_accepted(accepted: &BTreeMap<usize, &Edit>, edit: &Edit) -> bool {
    let start = edit.span.start;
    let before = accepted.range(..=start).next_back();
    let after = accepted.range(start..).next();
    before.is_some_and(|(_, a)| conflicts(a, edit))
        || after.is_some_and(|(_, a)| conflicts(a, edit))
}

/// The outcome of fixing a text until nothing more can be fixed.
#[derive(Debug, Clone)]
pub struct Settled {
    pub text: String,
    /// The diagnostics of the final text.
    pub diagnostics: Vec<Diagnostic>,
    /// Fixes applied over all passes.
    pub fixes: usize,
    /// False when [`MAX_PASSES`] passes still left fixes to apply.
    pub settled: bool,
    /// Fixes still waiting when galley gave up (0 when settled).
    pub pending: usize,
}

/// Fix `text`, whose diagnostics are `diagnostics`, lint the result with
/// `lint`, and repeat until a pass changes nothing (at most [`MAX_PASSES`]
/// passes), so that fixing the result again changes nothing.
pub fn fix_until_settled(
    mut text: String,
    mut diagnostics: Vec<Diagnostic>,
    unsafe_fixes: bool,
    mut lint: impl FnMut(&str) -> Vec<Diagnostic>,
) -> Settled {
    let mut fixes = 0;
    for _ in 0..MAX_PASSES {
        let applied = apply(&text, &diagnostics, unsafe_fixes);
        if applied.fixes == 0 || applied.text == text {
            return Settled {
                text,
                diagnostics,
                fixes,
                settled: true,
                pending: 0,
            };
        }
        fixes += applied.fixes;
        text = applied.text;
        diagnostics = lint(&text);
    }
    let pending = apply(&text, &diagnostics, unsafe_fixes);
    Settled {
        settled: pending.fixes == 0,
        pending: pending.fixes + pending.skipped,
        text,
        diagnostics,
        fixes,
    }
}

/// Why a fixed file was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("changed on disk since galley read it; not overwritten (run galley again)")]
    Changed,
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// Replace the file at `path` with `new`, provided it still holds `expected`
/// (what was read and fixed). The new content goes to a temporary file in
/// the same folder, which takes the old file's permissions (and owner, where
/// allowed), is flushed to disk, and is renamed over the old file only if the
/// old file is unchanged — so a reader sees the old or the new file, never a
/// mix, and a failure at any step leaves the old file as it was. A symbolic
/// link is followed and stays a link.
pub fn write_if_unchanged(path: &Path, expected: &[u8], new: &[u8]) -> Result<(), WriteError> {
    let target = std::fs::canonicalize(path)?;
    let metadata = std::fs::metadata(&target)?;
    let folder = target.parent().unwrap_or(Path::new("."));
    let mut temporary = tempfile::Builder::new()
        .prefix(".galley-")
        .suffix(".tmp")
        .tempfile_in(folder)?;
    temporary.write_all(new)?;
    temporary
        .as_file()
        .set_permissions(metadata.permissions())?;
    keep_owner(temporary.as_file(), &metadata);
    temporary.as_file().sync_all()?;
    if std::fs::read(&target)? != expected {
        return Err(WriteError::Changed);
    }
    temporary.persist(&target).map_err(|err| err.error)?;
    sync_folder(folder)?;
    Ok(())
}

/// Give the new file the old one's owner and group; only root may give a
/// file away, so failing to is no error.
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, metadata: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let Ok(own) = file.metadata() else { return };
    if (own.uid(), own.gid()) != (metadata.uid(), metadata.gid()) {
        let _ = std::os::unix::fs::fchown(file, Some(metadata.uid()), Some(metadata.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_file: &std::fs::File, _metadata: &std::fs::Metadata) {}

/// Make the rename durable: on Unix a rename is recorded in the folder.
#[cfg(unix)]
fn sync_folder(folder: &Path) -> io::Result<()> {
    std::fs::File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> io::Result<()> {
    Ok(())
}

/// A unified diff of `old` → `new` for `path`, with three lines of context,
/// as `--diff` prints it (`--- a/PATH`, `+++ b/PATH`).
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Category, Severity};
    use crate::span::Span;

    fn with_fix(rule: &str, fix: Fix) -> Diagnostic {
        Diagnostic {
            rule: rule.into(),
            category: Category::Garbled,
            severity: Severity::Warning,
            message: String::new(),
            span: fix.edits[0].span,
            labels: Vec::new(),
            help: None,
            fix: Some(fix),
        }
    }

    fn edit(start: usize, end: usize, replacement: &str) -> Edit {
        Edit {
            span: Span::new(start, end),
            replacement: replacement.into(),
        }
    }

    #[test]
    fn applies_safe_fixes_and_unsafe_ones_only_when_asked() {
        let text = "one two three";
        let diagnostics = [
            with_fix("a/x", Fix::safe(Span::new(0, 3), "ONE")),
            with_fix("a/y", Fix::unsafe_(Span::new(8, 13), "THREE")),
        ];
        assert_eq!(apply(text, &diagnostics, false).text, "ONE two three");
        let all = apply(text, &diagnostics, true);
        assert_eq!(all.text, "ONE two THREE");
        assert_eq!((all.fixes, all.skipped), (2, 0));
    }

    #[test]
    fn overlaps_are_resolved_by_start_then_rule_id() {
        let text = "abcdef";
        // Listed out of order on purpose: the order of diagnostics must not matter.
        let diagnostics = [
            with_fix("b/late", Fix::safe(Span::new(2, 4), "X")),
            with_fix("a/early", Fix::safe(Span::new(2, 3), "Y")),
            with_fix("c/first", Fix::safe(Span::new(0, 1), "Z")),
            with_fix("d/overlap", Fix::safe(Span::new(0, 3), "W")),
        ];
        let applied = apply(text, &diagnostics, false);
        assert_eq!(applied.text, "ZbYdef");
        assert_eq!((applied.fixes, applied.skipped), (2, 2));
        let mut reversed = diagnostics.to_vec();
        reversed.reverse();
        assert_eq!(apply(text, &reversed, false), applied);
    }

    #[test]
    fn insertions_at_one_offset_conflict_but_neighbours_do_not() {
        let text = "ab";
        let diagnostics = [
            with_fix("a/x", Fix::safe(Span::new(1, 1), "1")),
            with_fix("a/y", Fix::safe(Span::new(1, 1), "2")),
            with_fix("a/z", Fix::safe(Span::new(0, 1), "A")),
            with_fix("a/w", Fix::safe(Span::new(1, 2), "B")),
        ];
        let applied = apply(text, &diagnostics, false);
        // `a/z` (start 0) first; `a/w` and `a/x` start at 1 — `a/w` sorts first by id.
        assert_eq!(applied.text, "AB");
        assert_eq!((applied.fixes, applied.skipped), (2, 2));
    }

    #[test]
    fn a_fix_is_all_its_edits_or_none_and_duplicates_count_as_done() {
        let text = "abcdef";
        let two_edits = Fix {
            applicability: Applicability::Safe,
            edits: vec![edit(4, 5, "E"), edit(0, 1, "A")],
        };
        let diagnostics = [
            with_fix("a/pair", two_edits.clone()),
            with_fix("b/pair", two_edits),
            with_fix(
                "c/blocked",
                Fix {
                    applicability: Applicability::Safe,
                    edits: vec![edit(2, 3, "C"), edit(4, 6, "!")],
                },
            ),
        ];
        let applied = apply(text, &diagnostics, false);
        assert_eq!(applied.text, "AbcdEf");
        assert_eq!((applied.fixes, applied.skipped), (1, 1));
    }

    #[test]
    fn edits_outside_the_text_are_skipped() {
        let diagnostics = [with_fix("a/x", Fix::safe(Span::new(2, 9), "!"))];
        let applied = apply("abc", &diagnostics, false);
        assert_eq!((applied.text.as_str(), applied.skipped), ("abc", 1));
    }

    /// A rule that wants every `aa` turned into `a`: one pass turns `aaaa`
    /// into `aa` (the overlapping matches are skipped), the next into `a`.
    fn halve(text: &str) -> Vec<Diagnostic> {
        (0..text.len().saturating_sub(1))
            .filter(|&i| &text[i..i + 2] == "aa")
            .map(|i| with_fix("a/halve", Fix::safe(Span::new(i, i + 2), "a")))
            .collect()
    }

    #[test]
    fn fixing_repeats_until_nothing_changes() {
        let settled = fix_until_settled("aaaa".into(), halve("aaaa"), false, halve);
        assert_eq!(settled.text, "a");
        assert!(settled.settled);
        assert_eq!(settled.fixes, 3);
        assert!(settled.diagnostics.is_empty());
    }

    #[test]
    fn fixes_that_never_settle_stop_after_the_last_pass() {
        let grow = |text: &str| {
            vec![with_fix("a/grow", Fix::safe(Span::new(0, 0), "x"))]
                .into_iter()
                .filter(|_| !text.is_empty())
                .collect::<Vec<_>>()
        };
        let settled = fix_until_settled("a".into(), grow("a"), false, grow);
        assert!(!settled.settled);
        assert_eq!(settled.fixes, MAX_PASSES);
        assert_eq!(settled.pending, 1);
    }

    #[test]
    fn diff_has_headers_and_context() {
        let diff = unified_diff("a.txt", "one\ntwo\nthree\n", "one\n2\nthree\n");
        assert_eq!(
            diff,
            "--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n one\n-two\n+2\n three\n"
        );
    }
}
