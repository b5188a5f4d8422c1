//! Declarative rules: rule packs written in TOML (`rules/*.toml`), embedded as
//! the default set and extended by folders named in the configuration
//! (`rule-packs = ["house-style"]`). The pack format is documented in
//! [`loader`]; each kind of rule is one file here.

mod consistency;
mod existence;
pub mod loader;
mod matcher;
mod occurrence;
mod raw;
mod repetition;
mod screen;
mod substitution;
mod template;

use std::path::Path;
use std::sync::{Arc, OnceLock};

use super::{Rule, RuleMeta, Settings};
use crate::config::{Config, ConfigError};
use crate::document::Document;
use crate::rules::Finding;

/// A pack embedded in the binary: its file name and text, and what
/// `build.rs` read from it.
struct Embedded {
    name: &'static str,
    text: &'static str,
    raw: fn() -> raw::RawPack,
}

/// `EMBEDDED`, the embedded packs (`build.rs` lists them), each with a
/// function that builds its `RawPack` as read at build time.
mod generated {
    use std::collections::BTreeMap;

    use toml::Spanned;

    use super::Embedded;
    use super::raw::{Form, RawPack, RawRule};

    include!(concat!(env!("OUT_DIR"), "/embedded_packs.rs"));
}
use generated::EMBEDDED;

/// The embedded packs, built on first use and shared afterwards.
fn embedded_rules() -> &'static [Arc<dyn Rule>] {
    static RULES: OnceLock<Vec<Arc<dyn Rule>>> = OnceLock::new();
    RULES.get_or_init(|| {
        EMBEDDED
            .iter()
            .flat_map(|pack| {
                // The embedded packs are tested; a mistake in one is a bug in
                // galley, not something a user can act on.
                let raw = (pack.raw)();
                loader::read_pack(pack.name, pack.text, raw, loader::Compile::OnFirstUse)
                    .unwrap_or_else(|err| panic!("embedded pack {}: {err:?}", pack.name))
            })
            .map(Arc::from)
            .collect()
    })
}

/// The packs embedded in the binary.
pub fn embedded() -> Vec<Box<dyn Rule>> {
    embedded_rules()
        .iter()
        .map(|rule| Box::new(Shared(rule.clone())) as Box<dyn Rule>)
        .collect()
}

/// The packs in the folders a configuration names (`rule-packs`): every
/// `*.toml` file in each folder, in name order (a `rule-packs` entry may
/// also name one file). A folder that cannot be read or holds no pack is an
/// error pointing at its entry in galley.toml; a mistake in a pack is an
/// error pointing into the pack.
pub fn load_folders(config: &Config) -> Result<Vec<Box<dyn Rule>>, Box<ConfigError>> {
    let mut rules = Vec::new();
    for (index, folder) in config.rule_packs.iter().enumerate() {
        for file in pack_files(folder).map_err(|message| {
            config.rule_pack_error(
                index,
                message,
                Some(
                    "`rule-packs` names folders of *.toml rule packs, relative to galley.toml"
                        .into(),
                ),
            )
        })? {
            let text = std::fs::read_to_string(&file).map_err(|err| {
                config.rule_pack_error(
                    index,
                    format!("cannot read {}: {err}", file.display()),
                    None,
                )
            })?;
            rules.extend(loader::parse_pack(
                &crate::paths::shown(&file),
                &text,
                loader::Compile::Now,
            )?);
        }
    }
    Ok(rules)
}

/// The pack files of one `rule-packs` entry, sorted by name.
fn pack_files(path: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let entries = std::fs::read_dir(path)
        .map_err(|err| format!("cannot read the rule-pack folder {}: {err}", path.display()))?;
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
        .collect();
    if files.is_empty() {
        return Err(format!(
            "the rule-pack folder {} holds no *.toml file",
            path.display()
        ));
    }
    files.sort();
    Ok(files)
}

/// An embedded rule handed to a registry: the rule itself is parsed once and
/// shared by every registry.
struct Shared(Arc<dyn Rule>);

impl Rule for Shared {
    fn meta(&self) -> &RuleMeta {
        self.0.meta()
    }

    fn check(&self, doc: &Document, settings: &Settings, out: &mut Vec<Finding>) {
        self.0.check(doc, settings, out)
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the kinds' tests: parse a pack from a string, run a rule.

    pub use crate::rules::testing::flagged;

    use crate::rules::{Rule, Settings};
    use crate::source::{Format, Source};

    pub fn pack_rules(text: &str) -> Vec<Box<dyn Rule>> {
        super::loader::parse_pack("test.toml", text, super::loader::Compile::Now)
            .unwrap_or_else(|err| panic!("{err:?}"))
    }

    /// The first rule of the pack.
    pub fn pack_rule(text: &str) -> Box<dyn Rule> {
        pack_rules(text).remove(0)
    }

    /// `text` with every fix of `rule` applied.
    pub fn check_fixes(rule: &dyn Rule, text: &str) -> String {
        let source = Source::new("t.txt", text.to_string(), Format::Text);
        let doc = crate::document::Document::new(&source);
        let mut out = Vec::new();
        rule.check(&doc, &Settings::default(), &mut out);
        let mut edits: Vec<_> = out
            .into_iter()
            .flat_map(|f| f.fix.map(|fix| fix.edits).unwrap_or_default())
            .collect();
        edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
        let mut fixed = text.to_string();
        for edit in edits {
            fixed.replace_range(edit.span.start..edit.span.end, &edit.replacement);
        }
        fixed
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{flagged, pack_rules};
    use super::*;
    use crate::rules::Category;
    use crate::source::{Format, Source};

    fn flagged_markdown(rule: &dyn Rule, text: &str) -> Vec<String> {
        let source = Source::new("t.md", text.to_string(), Format::Markdown);
        let doc = Document::new(&source);
        let mut out = Vec::new();
        rule.check(&doc, &Settings::default(), &mut out);
        out.iter()
            .map(|f| source.slice(f.span).to_string())
            .collect()
    }

    #[test]
    fn the_embedded_packs_compile_and_document_every_rule() {
        for pack in EMBEDDED {
            let rules = loader::parse_pack(pack.name, pack.text, loader::Compile::Now)
                .unwrap_or_else(|err| panic!("{err:?}"));
            // What build.rs read is what the TOML reader reads now.
            let built = loader::read_pack(pack.name, pack.text, (pack.raw)(), loader::Compile::Now)
                .unwrap_or_else(|err| panic!("{err:?}"));
            let docs = |rules: &[Box<dyn Rule>]| -> Vec<(String, String)> {
                rules
                    .iter()
                    .map(|r| (r.meta().id.to_string(), r.meta().doc.to_string()))
                    .collect()
            };
            assert_eq!(docs(&rules), docs(&built));
            for rule in rules {
                let meta = rule.meta();
                assert_eq!(meta.category, Category::Style, "{}", meta.id);
                for section in ["## Why", "## Example", "Bad:", "Good:"] {
                    assert!(
                        meta.doc.contains(section),
                        "{} doc lacks {section}",
                        meta.id
                    );
                }
            }
        }
        assert_eq!(embedded().len(), embedded_rules().len());
    }

    /// Each default rule flags its documented bad example and not its good
    /// one (where they are quoted as text).
    #[test]
    fn the_default_rules_keep_their_documented_examples() {
        for rule in embedded() {
            let doc = rule.meta().doc.to_string();
            let example = |label: &str| {
                doc.lines()
                    .find_map(|l| l.strip_prefix(label))
                    .and_then(|l| {
                        l.trim()
                            .strip_prefix('`')?
                            .strip_suffix('`')
                            .map(str::to_string)
                    })
            };
            let (Some(bad), Some(good)) = (example("Bad:"), example("Good:")) else {
                continue;
            };
            let id = &rule.meta().id;
            assert!(
                !flagged(&*rule, &bad).is_empty(),
                "{id} misses its bad example"
            );
            assert!(
                flagged(&*rule, &good).is_empty(),
                "{id} flags its good example"
            );
        }
    }

    const WORDY: &str = r#"
[[rule]]
id = "style/wordy"
kind = "substitution"
message = "write “{suggestion}”"
doc = "Wordy."
[rule.swap]
"in order to" = "to"

[[rule]]
id = "style/wordy-headline"
kind = "substitution"
message = "write “{suggestion}”"
doc = "Wordy headlines."
scope = "heading"
[rule.swap]
"in order to" = "to"

[[rule]]
id = "style/wordy-anywhere"
kind = "substitution"
message = "write “{suggestion}”"
doc = "Wordy, even in quotes."
quotes = "include"
scope = "all"
[rule.swap]
"in order to" = "to"
"#;

    #[test]
    fn never_across_masked_markdown() {
        let rules = pack_rules(WORDY);
        let text = "He left in order `x` to win.\n\nShe came in **order** to win.\n\nThey met [in order to](https://x.org/in-order-to) talk.\n\n```\nin order to\n```\n";
        assert_eq!(flagged_markdown(&*rules[0], text), vec!["in order to"]);
    }

    #[test]
    fn scopes_choose_blocks() {
        let rules = pack_rules(WORDY);
        let text = "# Voters rally in order to win\n\nThey met in order to talk.\n\n- Lists in order to list\n";
        assert_eq!(
            flagged_markdown(&*rules[0], text),
            vec!["in order to", "in order to"]
        );
        assert_eq!(flagged_markdown(&*rules[1], text), vec!["in order to"]);
        assert_eq!(flagged_markdown(&*rules[2], text).len(), 3);
        // A plain-text headline is a heading too; a dateline is in no sentence.
        let plain = "Mayor acts in order to win\n\nIN ORDER TO — Voters met in order to talk.\n";
        assert_eq!(flagged(&*rules[0], plain), vec!["in order to"]);
        assert_eq!(flagged(&*rules[1], plain), vec!["in order to"]);
    }

    #[test]
    fn quotations_are_excluded_unless_included() {
        let rules = pack_rules(WORDY);
        let text = "“We came in order to talk,” she said, in order to explain.";
        assert_eq!(flagged(&*rules[0], text), vec!["in order to"]);
        assert_eq!(flagged(&*rules[2], text).len(), 2);
    }

    #[test]
    fn hard_wrapped_lines_and_urls() {
        let rules = pack_rules(WORDY);
        assert_eq!(
            flagged(&*rules[0], "They met in order\nto talk."),
            vec!["in order\nto"]
        );
        let words = pack_rules(
            "[[rule]]\nid = \"style/x\"\nkind = \"existence\"\nmessage = \"m\"\ndoc = \"d\"\nwords = [\"perfect\"]\n",
        );
        assert_eq!(
            flagged(
                &*words[0],
                "See https://perfect.example.com/perfect or perfect.com, a perfect site."
            ),
            vec!["perfect"]
        );
    }
}
