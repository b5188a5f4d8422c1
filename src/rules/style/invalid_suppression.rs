//! A suppression comment that names a rule or category galley does not know.
//!
//! Flags, in Markdown, a `<!-- galley-disable … -->`, `galley-enable` or
//! `galley-disable-next-line` comment naming a rule id or category that does
//! not exist, and a comment that starts with `galley-` but is none of those
//! directives. Such a comment silences nothing.
//!
//! ## Why
//! A misspelt or outdated suppression fails quietly: the finding it was meant
//! to silence keeps coming back, or — worse — the reader believes a passage
//! was checked and deliberately excused when it never was.
//!
//! ## Example
//! Bad: `<!-- galley-disable garbled/mising-space -->`
//!
//! Good: `<!-- galley-disable garbled/missing-space -->`
//!
//! When one known id or category is close, the finding offers it as an
//! unsafe fix.

use crate::document::Document;
use crate::rules::registry::closest_selector;
use crate::rules::{
    Category, Finding, Fix, Fixable, Rule, RuleMeta, Settings, Severity, builtin_meta,
};
use crate::suppress::{DirectiveKind, directives};

pub struct InvalidSuppression {
    meta: RuleMeta,
}

impl InvalidSuppression {
    pub fn new() -> Self {
        InvalidSuppression {
            meta: builtin_meta(
                "style/invalid-suppression",
                Category::Style,
                Severity::Info,
                Fixable::Sometimes,
            ),
        }
    }
}

impl Rule for InvalidSuppression {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, settings: &Settings, out: &mut Vec<Finding>) {
        // Without the list of rules there is nothing to judge against.
        if settings.rule_ids.is_empty() || doc.comments.is_empty() {
            return;
        }
        let text = doc.source.text.as_str();
        let ids = || settings.rule_ids.iter().map(String::as_str);
        for directive in directives(doc) {
            if directive.kind.is_none() {
                let names = DirectiveKind::NAMES.map(|(name, _)| name);
                let mut finding = Finding::new(
                    directive.name,
                    format!("`{}` is not a galley directive", directive.name.text(text)),
                )
                .help(format!("use {}", names.join(", ")));
                if let Some(closest) =
                    closest_selector(directive.name.text(text), names.into_iter())
                        .filter(|c| c.starts_with("galley-"))
                {
                    finding = finding.fix(Fix::unsafe_(directive.name, closest));
                }
                out.push(finding);
                continue;
            }
            for &selector in &directive.selectors {
                let name = selector.text(text);
                let known =
                    name == "all" || name.parse::<Category>().is_ok() || ids().any(|id| id == name);
                if known {
                    continue;
                }
                let mut finding = Finding::new(
                    selector,
                    format!("unknown rule or category `{name}` in a suppression comment"),
                )
                .help("`galley rules` lists every rule id; categories are names, pronouns, garbled, punctuation, facts, style");
                if let Some(closest) = closest_selector(name, ids()) {
                    finding = finding
                        .help(format!("did you mean `{closest}`?"))
                        .fix(Fix::unsafe_(selector, closest));
                }
                out.push(finding);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Format, Source};

    fn findings(markdown: &str) -> Vec<Finding> {
        let source = Source::new("t.md", markdown.to_string(), Format::Markdown);
        let doc = Document::new(&source);
        let settings = Settings {
            rule_ids: vec!["garbled/missing-space".to_string()].into(),
            ..Settings::default()
        };
        let mut out = Vec::new();
        InvalidSuppression::new().check(&doc, &settings, &mut out);
        out
    }

    fn flagged(markdown: &str) -> Vec<&str> {
        findings(markdown)
            .iter()
            .map(|f| &markdown[f.span.start..f.span.end])
            .collect()
    }

    #[test]
    fn flags_unknown_rules_and_directives() {
        let text = "<!-- galley-disable garbled/mising-space, names, nonsense -->\n\nText.\n\n<!-- galley-disabel garbled -->\n";
        assert_eq!(
            flagged(text),
            ["garbled/mising-space", "nonsense", "galley-disabel"]
        );
        let found = findings(text);
        let fix = found[0].fix.as_ref().unwrap();
        assert_eq!(fix.edits[0].replacement, "garbled/missing-space");
        assert_eq!(
            found[2].fix.as_ref().unwrap().edits[0].replacement,
            "galley-disable"
        );
        assert!(found[1].fix.is_none());
    }

    #[test]
    fn accepts_ids_categories_all_and_other_comments() {
        for text in [
            "<!-- galley-disable garbled/missing-space style all -->\n\nText.\n",
            "<!-- galley-enable -->\n\nText.\n",
            "<!-- galley-disable-next-line punctuation -- quoted verbatim -->\nText.\n",
            "<!-- an editor's note about galley-disable -->\n\nText.\n",
        ] {
            assert!(flagged(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn silent_without_the_rule_list() {
        let source = Source::new(
            "t.md",
            "<!-- galley-disable nope -->\n".into(),
            Format::Markdown,
        );
        let mut out = Vec::new();
        InvalidSuppression::new().check(&Document::new(&source), &Settings::default(), &mut out);
        assert!(out.is_empty());
    }
}
