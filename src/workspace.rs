//! From a loaded `galley.toml` to a ready [`Checker`]: the rule registry
//! (built-in rules plus the configuration's rule packs), the selection and
//! settings (with the facts sheet), and the per-path ignores applied after
//! checking. One place for
//! what `galley check` and `galley lsp` both need.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::Linter;
use crate::config::{Config, ConfigError};
use crate::document::Document;
use crate::facts::FactsSheet;
use crate::rules::registry::selector_matches;
use crate::rules::{Diagnostic, Registry, Settings};

/// What the command line changes on top of a configuration.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// Replaces the configuration's `select` when not empty.
    pub select: Vec<String>,
    /// Added to the configuration's `ignore`.
    pub ignore: Vec<String>,
    /// Replaces the configuration's `article-date`.
    pub article_date: Option<jiff::civil::Date>,
    /// Replaces the configuration's `facts`.
    pub facts: Option<PathBuf>,
}

/// A configuration with the linter built from it.
pub struct Checker {
    pub config: Config,
    pub linter: Linter,
}

impl Checker {
    /// Build the linter `config` describes. `base_registry` (the built-in
    /// rules) is shared unless the configuration adds rule packs. Unknown rule
    /// ids in the configuration or in `overrides`, and a facts sheet that
    /// cannot be read, are errors.
    pub fn new(
        config: Config,
        base_registry: &Arc<Registry>,
        overrides: &Overrides,
    ) -> Result<Checker, Box<ConfigError>> {
        let registry = if config.rule_packs.is_empty() {
            base_registry.clone()
        } else {
            Arc::new(Registry::new(crate::rules::declarative::load_folders(
                &config,
            )?))
        };
        let mut selection = config.selection(&registry)?;
        if !overrides.select.is_empty() {
            selection.select = overrides.select.clone();
        }
        selection.ignore.extend(overrides.ignore.iter().cloned());
        let facts = match overrides.facts.as_ref().or(config.facts.as_ref()) {
            Some(path) => Some(Arc::new(FactsSheet::load(path)?)),
            None => None,
        };
        let settings = Settings {
            article_date: overrides.article_date.or(config.article_date),
            facts,
            ..Settings::default()
        };
        let linter = Linter::new(registry, &selection, settings).map_err(|err| {
            Box::new(ConfigError {
                message: format!("command line: {err}"),
                source_code: miette::NamedSource::new("command line", String::new()),
                span: None,
                label: String::new(),
                help: Some("`galley rules` lists every rule id".into()),
            })
        })?;
        Ok(Checker { config, linter })
    }

    /// The built-in defaults, used where no galley.toml is found (or, in the
    /// editor, while the one found is broken).
    pub fn defaults(base_registry: &Arc<Registry>) -> Checker {
        Checker::new(Config::defaults(), base_registry, &Overrides::default())
            .expect("the default configuration is valid")
    }

    /// The diagnostics for `doc`, whose file is at `path` (absolute; `None`
    /// for a buffer never saved), less the rules `per-path-ignores` switches
    /// off for that path.
    pub fn check_document(&self, doc: &Document, path: Option<&Path>) -> Vec<Diagnostic> {
        let mut diagnostics = self.linter.check_document(doc);
        let ignored = path.map_or_else(Vec::new, |path| self.config.ignores_for(path));
        if !ignored.is_empty() {
            diagnostics.retain(|d| {
                !ignored
                    .iter()
                    .any(|s| selector_matches(s, &d.rule, d.category))
            });
        }
        diagnostics
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::source::{Format, Source};

    const GLUED: &str = "The talks ended.Nothing was agreed.\n";

    fn build(toml: &str, overrides: &Overrides) -> Result<Checker, Box<ConfigError>> {
        let config = Config::parse(Some(PathBuf::from("/news/galley.toml")), toml.into())?;
        Checker::new(config, &Arc::new(Registry::new(Vec::new())), overrides)
    }

    fn rules_flagged(checker: &Checker, path: &str) -> Vec<String> {
        let source = Source::new(path, GLUED.to_string(), Format::Text);
        checker
            .check_document(&Document::new(&source), Some(Path::new(path)))
            .into_iter()
            .map(|d| d.rule)
            .collect()
    }

    #[test]
    fn per_path_ignores_apply_to_matching_files_only() {
        let checker = build(
            "[per-path-ignores]\n\"wire/**\" = [\"garbled\"]\n",
            &Overrides::default(),
        )
        .unwrap();
        assert!(rules_flagged(&checker, "/news/wire/a.txt").is_empty());
        assert_eq!(
            rules_flagged(&checker, "/news/own/a.txt"),
            ["garbled/missing-space"]
        );
    }

    #[test]
    fn overrides_replace_select_and_add_to_ignore() {
        let ignoring = Overrides {
            ignore: vec!["garbled/missing-space".into()],
            ..Overrides::default()
        };
        let checker = build("select = [\"garbled\"]\n", &ignoring).unwrap();
        assert!(rules_flagged(&checker, "/news/a.txt").is_empty());

        let selecting = Overrides {
            select: vec!["garbled".into()],
            ..Overrides::default()
        };
        let checker = build("select = [\"punctuation\"]\n", &selecting).unwrap();
        assert_eq!(
            rules_flagged(&checker, "/news/a.txt"),
            ["garbled/missing-space"]
        );
    }

    #[test]
    fn a_missing_facts_sheet_is_an_error() {
        let err = build("facts = \"facts.toml\"\n", &Overrides::default())
            .err()
            .unwrap();
        assert!(err.message.contains("facts.toml"), "{}", err.message);
    }

    #[test]
    fn unknown_rules_are_errors_not_defaults() {
        assert!(build("ignore = [\"garbled/nope\"]\n", &Overrides::default()).is_err());
        let bad = Overrides {
            select: vec!["nope".into()],
            ..Overrides::default()
        };
        let err = build("", &bad).err().unwrap();
        assert!(err.message.starts_with("command line:"), "{}", err.message);
    }
}
