//! Baselines: the findings a project has accepted, so that
//! `galley check --baseline FILE` reports only new ones;
//! `galley check --write-baseline FILE` records the current findings.
//!
//! The file is JSON, version 1:
//!
//! ```json
//! {
//!   "version": 1,
//!   "findings": [
//!     {"path": "articles/geneva.md", "rule": "garbled/missing-space",
//!      "fingerprint": "5f0b7c1e2a9d4c33", "count": 1,
//!      "message": "missing space after “.” in “meeting.nothing”"}
//!   ]
//! }
//! ```
//!
//! - `path`: the file, relative to the baseline file's folder (`..` where it
//!   lies outside), `/`-separated, so the baseline works from any working
//!   folder and in any clone.
//! - `fingerprint`: [`crate::fingerprint`] — the rule, the flagged text and
//!   a little context, no line numbers, so edits elsewhere in the file keep it.
//! - `count`: how many findings in that file share the fingerprint. Each
//!   absorbs at most that many findings: a second identical finding is new.
//! - `message`: for the reader reviewing the baseline; not used for matching.
//!
//! Entries are sorted by path, rule and fingerprint, so the file diffs well.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::fingerprint::{fingerprint, from_hex, to_hex};
use crate::paths;
use crate::rules::Diagnostic;

pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    path: String,
    rule: String,
    fingerprint: String,
    count: usize,
    message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("cannot read baseline {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not a galley baseline: {message}")]
    Invalid { path: String, message: String },
    #[error("{path} is a version {version} baseline; this galley reads version {VERSION}")]
    Version { path: String, version: u32 },
}

/// A loaded baseline: accepted fingerprints and their counts, by file.
#[derive(Debug)]
pub struct Baseline {
    folder: PathBuf,
    accepted: HashMap<String, HashMap<u64, usize>>,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| BaselineError::Read {
            path: shown.clone(),
            source,
        })?;
        let invalid = |message: String| BaselineError::Invalid {
            path: shown.clone(),
            message,
        };
        let version = serde_json::from_str::<serde_json::Value>(&text)
            .map_err(|err| invalid(err.to_string()))?
            .get("version")
            .and_then(serde_json::Value::as_u64)
            .ok_or_else(|| invalid("no `version` number".into()))?;
        if version != u64::from(VERSION) {
            return Err(BaselineError::Version {
                path: shown,
                version: version.try_into().unwrap_or(u32::MAX),
            });
        }
        let file: BaselineFile =
            serde_json::from_str(&text).map_err(|err| invalid(err.to_string()))?;
        let mut accepted: HashMap<String, HashMap<u64, usize>> = HashMap::new();
        for entry in file.findings {
            let hash = from_hex(&entry.fingerprint).ok_or_else(|| {
                invalid(format!(
                    "`{}` is not a fingerprint (16 hex digits)",
                    entry.fingerprint
                ))
            })?;
            *accepted
                .entry(entry.path)
                .or_default()
                .entry(hash)
                .or_default() += entry.count;
        }
        Ok(Baseline {
            folder: folder_of(path),
            accepted,
        })
    }

    /// Drop from `diagnostics` (of `file`, whose text is `text`) the findings
    /// the baseline accepts.
    pub fn retain_new(&self, file: &Path, text: &str, diagnostics: &mut Vec<Diagnostic>) {
        let Some(accepted) = self.accepted.get(&paths::relative_to(&self.folder, file)) else {
            return;
        };
        let mut left = accepted.clone();
        diagnostics.retain(
            |d| match left.get_mut(&fingerprint(&d.rule, text, d.span)) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    false
                }
                _ => true,
            },
        );
    }
}

/// Collects findings and writes them as a baseline.
#[derive(Debug)]
pub struct Recorder {
    folder: PathBuf,
    /// (path, rule, fingerprint) → (count, first message).
    entries: BTreeMap<(String, String, u64), (usize, String)>,
}

impl Recorder {
    /// A recorder for the baseline to be written at `path`.
    pub fn new(path: &Path) -> Recorder {
        Recorder {
            folder: folder_of(path),
            entries: BTreeMap::new(),
        }
    }

    pub fn add(&mut self, file: &Path, text: &str, diagnostics: &[Diagnostic]) {
        let key = paths::relative_to(&self.folder, file);
        for d in diagnostics {
            let hash = fingerprint(&d.rule, text, d.span);
            self.entries
                .entry((key.clone(), d.rule.clone(), hash))
                .or_insert_with(|| (0, d.message.clone()))
                .0 += 1;
        }
    }

    /// Findings recorded so far.
    pub fn len(&self) -> usize {
        self.entries.values().map(|(count, _)| count).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The baseline as JSON, ending with a newline.
    pub fn to_json(&self) -> String {
        let file = BaselineFile {
            version: VERSION,
            findings: self
                .entries
                .iter()
                .map(|((path, rule, hash), (count, message))| Entry {
                    path: path.clone(),
                    rule: rule.clone(),
                    fingerprint: to_hex(*hash),
                    count: *count,
                    message: message.clone(),
                })
                .collect(),
        };
        let mut json = serde_json::to_string_pretty(&file).expect("a baseline serialises");
        json.push('\n');
        json
    }
}

fn folder_of(baseline: &Path) -> PathBuf {
    let folder = baseline.parent().filter(|p| !p.as_os_str().is_empty());
    folder.unwrap_or(Path::new(".")).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Category, Severity};
    use crate::span::Span;

    fn finding(text: &str, needle: &str, nth: usize) -> Diagnostic {
        let start = text.match_indices(needle).nth(nth).unwrap().0;
        Diagnostic {
            rule: "garbled/missing-space".into(),
            category: Category::Garbled,
            severity: Severity::Warning,
            message: format!("about {needle}"),
            span: Span::new(start, start + needle.len()),
            labels: Vec::new(),
            help: None,
            fix: None,
        }
    }

    #[test]
    fn round_trip_with_an_edit_elsewhere_and_a_second_identical_finding() {
        let dir = tempfile::tempdir().unwrap();
        let baseline_path = dir.path().join("baseline.json");
        let article = dir.path().join("articles/a.txt");
        let paragraph = "They offered a meeting.nothing talk, and nothing came of it.\n";
        let old = format!("Intro paragraph here.\n\n{paragraph}");
        let old = old.as_str();
        let mut recorder = Recorder::new(&baseline_path);
        recorder.add(&article, old, &[finding(old, "meeting.nothing", 0)]);
        assert_eq!(recorder.len(), 1);
        let json = recorder.to_json();
        assert!(json.contains("\"path\": \"articles/a.txt\""), "{json}");
        std::fs::write(&baseline_path, json).unwrap();

        let baseline = Baseline::load(&baseline_path).unwrap();
        let new = format!("A new first paragraph.\n\n{old}\n{paragraph}");
        let new = new.as_str();
        let mut diagnostics = vec![
            finding(new, "meeting.nothing", 0),
            finding(new, "meeting.nothing", 1),
        ];
        baseline.retain_new(&article, new, &mut diagnostics);
        assert_eq!(diagnostics.len(), 1, "only the second copy is new");

        let mut elsewhere = vec![finding(new, "meeting.nothing", 0)];
        baseline.retain_new(&dir.path().join("other.txt"), new, &mut elsewhere);
        assert_eq!(elsewhere.len(), 1, "the baseline is per file");
    }

    #[test]
    fn bad_files_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.json");
        for (text, expected) in [
            ("{\"version\": 2, \"findings\": []}", "version 2 baseline"),
            ("[]", "no `version`"),
            ("{\"version\": 1}", "missing field `findings`"),
            (
                "{\"version\": 1, \"findings\": [{\"path\": \"a\", \"rule\": \"r\", \"fingerprint\": \"zz\", \"count\": 1, \"message\": \"\"}]}",
                "not a fingerprint",
            ),
        ] {
            std::fs::write(&path, text).unwrap();
            let err = Baseline::load(&path).unwrap_err().to_string();
            assert!(err.contains(expected), "{err}");
        }
        let missing = Baseline::load(&dir.path().join("none.json")).unwrap_err();
        assert!(missing.to_string().starts_with("cannot read baseline"));
    }
}
