//! The rule engine: the [`Rule`] trait, rule metadata, and the built-in rules,
//! one folder per category and one file per rule
//! (`garbled/missing-space` lives in `src/rules/garbled/missing_space.rs`).

pub mod declarative;
pub mod diagnostic;
pub mod facts;
pub mod garbled;
pub mod names;
pub mod pronouns;
pub mod punctuation;
pub mod registry;
pub mod style;

use std::borrow::Cow;
use std::sync::Arc;

pub use diagnostic::{Applicability, Category, Diagnostic, Edit, Finding, Fix, Label, Severity};
pub use registry::Registry;

use crate::document::Document;

/// Whether a rule can offer fixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Fixable {
    Never,
    Sometimes,
    Always,
}

/// What a rule is, for the registry, `galley rules` and `galley rule ID`.
#[derive(Clone, Debug)]
pub struct RuleMeta {
    /// Stable id, `category/name`.
    pub id: Cow<'static, str>,
    pub category: Category,
    pub default_severity: Severity,
    pub fixable: Fixable,
    /// The rule's documentation (Markdown): what it flags, why, a bad and a
    /// good example. For built-in rules, the `//!` comment of its file.
    pub doc: Cow<'static, str>,
}

impl RuleMeta {
    /// The first line of the documentation.
    pub fn summary(&self) -> &str {
        self.doc.lines().next().unwrap_or("").trim()
    }
}

/// Settings every rule may read, from the configuration and command line.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// The article's date, for dates written without a year.
    pub article_date: Option<jiff::civil::Date>,
    /// The facts sheet: canonical names, pronouns and titles.
    pub facts: Option<std::sync::Arc<crate::facts::FactsSheet>>,
    /// The id of every rule in the registry, for rules that check what the
    /// text says about rules (suppression comments). [`crate::Linter::new`]
    /// fills it in; empty means unknown.
    pub rule_ids: Arc<[String]>,
}

/// A check over a Document. Rules are pure: same Document and settings, same
/// findings; they never print and know nothing of output formats.
pub trait Rule: Send + Sync {
    fn meta(&self) -> &RuleMeta;

    fn check(&self, doc: &Document, settings: &Settings, out: &mut Vec<Finding>);
}

/// Metadata of a built-in rule; its documentation is the `//!` comment of
/// its source file, collected by `build.rs`.
pub(crate) fn builtin_meta(
    id: &'static str,
    category: Category,
    default_severity: Severity,
    fixable: Fixable,
) -> RuleMeta {
    RuleMeta {
        id: Cow::Borrowed(id),
        category,
        default_severity,
        fixable,
        doc: Cow::Borrowed(builtin_doc(id).unwrap_or("")),
    }
}

include!(concat!(env!("OUT_DIR"), "/rule_docs.rs"));

/// The documentation of a built-in rule, by id.
pub fn builtin_doc(id: &str) -> Option<&'static str> {
    RULE_DOCS
        .iter()
        .find(|(rule, _)| *rule == id)
        .map(|(_, doc)| *doc)
}

/// Every built-in (code) rule.
pub fn builtin_rules() -> Vec<Box<dyn Rule>> {
    let mut rules = Vec::new();
    rules.extend(names::rules());
    rules.extend(pronouns::rules());
    rules.extend(garbled::rules());
    rules.extend(punctuation::rules());
    rules.extend(facts::rules());
    rules.extend(style::rules());
    rules
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for rule unit tests: run one rule over a snippet.

    use super::*;
    use crate::source::{Format, Source};

    /// The findings of `rule` on `text` (plain text), as (flagged text, message).
    pub fn check_text(rule: &dyn Rule, text: &str) -> Vec<(String, String)> {
        check_text_with(rule, text, &Settings::default())
    }

    /// [`check_text`] with settings (an article date, say).
    pub fn check_text_with(
        rule: &dyn Rule,
        text: &str,
        settings: &Settings,
    ) -> Vec<(String, String)> {
        let source = Source::new("test.txt", text.to_string(), Format::Text);
        let doc = Document::new(&source);
        let mut out = Vec::new();
        rule.check(&doc, settings, &mut out);
        out.sort_by_key(|f| f.span);
        out.into_iter()
            .map(|f| (f.span.text(&source.text).to_string(), f.message))
            .collect()
    }

    /// Just the flagged texts.
    pub fn flagged(rule: &dyn Rule, text: &str) -> Vec<String> {
        check_text(rule, text).into_iter().map(|(t, _)| t).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_rule_is_documented_in_its_file() {
        for rule in builtin_rules() {
            let meta = rule.meta();
            let doc = builtin_doc(&meta.id).unwrap_or_else(|| panic!("{} has no //! doc", meta.id));
            assert!(meta.id.starts_with(meta.category.as_str()), "{}", meta.id);
            for section in ["## Why", "## Example"] {
                assert!(doc.contains(section), "{} doc lacks {section}", meta.id);
            }
        }
        for (id, _) in RULE_DOCS {
            assert!(
                builtin_rules().iter().any(|r| r.meta().id == *id),
                "{id} is documented but not registered"
            );
        }
    }
}
