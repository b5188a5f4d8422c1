//! `galley.toml`: which rules run and how, found by walking up from each
//! checked file's folder (the nearest wins; `--config` overrides).
//!
//! Every mistake in the file — bad TOML, an unknown key, rule id or value —
//! is an error that points at its place, never a silent default.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use miette::{NamedSource, SourceSpan};
use serde::Deserialize;
use toml::Spanned;

use crate::paths;
use crate::rules::registry::Selection;
use crate::rules::{Registry, Severity};

pub const FILE_NAME: &str = "galley.toml";

/// Files larger than this are skipped with a message unless configured.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// The file as written. Field names are the keys of galley.toml.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    severity: Option<BTreeMap<String, Spanned<String>>>,
    fail_on: Option<Spanned<String>>,
    rule_packs: Option<Vec<Spanned<String>>>,
    facts: Option<Spanned<String>>,
    article_date: Option<Spanned<String>>,
    include: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
    max_file_size: Option<Spanned<u64>>,
    per_path_ignores: Option<BTreeMap<String, Vec<Spanned<String>>>>,
}

/// A loaded configuration. Paths in it are resolved against its folder.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it came from; `None` for the built-in defaults.
    pub path: Option<PathBuf>,
    text: String,
    select: Vec<Spanned<String>>,
    ignore: Vec<Spanned<String>>,
    severity: Vec<(String, Spanned<String>)>,
    pub fail_on: Option<Severity>,
    /// Folders of extra rule packs.
    pub rule_packs: Vec<PathBuf>,
    /// Where each `rule-packs` entry is written, for errors about it.
    rule_pack_spans: Vec<std::ops::Range<usize>>,
    pub facts: Option<PathBuf>,
    pub article_date: Option<jiff::civil::Date>,
    /// Glob patterns of files to check inside folders (default: `*.txt`,
    /// `*.md`, `*.markdown`).
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub max_file_size: u64,
    /// Glob → selectors ignored for files matching it.
    per_path_ignores: Vec<(String, Vec<Spanned<String>>)>,
}

/// A configuration error, shown with the offending part of the file.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{message}")]
pub struct ConfigError {
    pub message: String,
    #[source_code]
    pub source_code: NamedSource<String>,
    #[label("{label}")]
    pub span: Option<SourceSpan>,
    pub label: String,
    #[help]
    pub help: Option<String>,
}

impl ConfigError {
    /// An error at `span` of the TOML file `name` whose text is `text`.
    pub fn in_file(
        name: &str,
        text: &str,
        span: std::ops::Range<usize>,
        message: impl std::fmt::Display,
        help: Option<String>,
    ) -> Box<ConfigError> {
        Box::new(ConfigError {
            message: format!("{name}: {message}"),
            source_code: NamedSource::new(name, text.to_string()),
            span: Some(span.into()),
            label: "here".into(),
            help,
        })
    }

    /// A file that cannot be read at all.
    pub fn unreadable(path: &Path, err: std::io::Error, help: &str) -> Box<ConfigError> {
        Box::new(ConfigError {
            message: format!("cannot read {}: {err}", crate::paths::shown(path)),
            source_code: NamedSource::new(crate::paths::shown(path), String::new()),
            span: None,
            label: String::new(),
            help: Some(help.to_string()),
        })
    }

    fn at(
        config: &Config,
        span: std::ops::Range<usize>,
        message: String,
        help: Option<String>,
    ) -> Box<ConfigError> {
        let name = config
            .path
            .as_deref()
            .map_or("galley.toml".into(), crate::paths::shown);
        ConfigError::in_file(&name, &config.text, span, message, help)
    }
}

impl Config {
    /// The built-in defaults, used where no galley.toml is found.
    pub fn defaults() -> Config {
        Config {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            ..Config::default()
        }
    }

    /// Read and check the file at `path`.
    pub fn load(path: &Path) -> Result<Config, Box<ConfigError>> {
        let text = std::fs::read_to_string(path).map_err(|err| {
            Box::new(ConfigError {
                message: format!("cannot read {}: {err}", crate::paths::shown(path)),
                source_code: NamedSource::new(crate::paths::shown(path), String::new()),
                span: None,
                label: String::new(),
                help: Some("check the path given to --config".into()),
            })
        })?;
        Config::parse(Some(path.to_path_buf()), text)
    }

    /// Parse galley.toml text; `path` is where it lives (for relative paths).
    pub fn parse(path: Option<PathBuf>, text: String) -> Result<Config, Box<ConfigError>> {
        let mut config = Config {
            path,
            text,
            ..Config::defaults()
        };
        let raw: RawConfig = match toml::from_str(&config.text) {
            Ok(raw) => raw,
            Err(err) => {
                let span = err.span().unwrap_or(0..0);
                let help = err
                    .message()
                    .contains("unknown field")
                    .then(|| "see `galley init` for every key galley.toml accepts".to_string());
                return Err(ConfigError::at(
                    &config,
                    span,
                    err.message().trim().to_string(),
                    help,
                ));
            }
        };
        let base = config.folder();
        config.select = raw.select.unwrap_or_default();
        config.ignore = raw.ignore.unwrap_or_default();
        config.severity = raw.severity.unwrap_or_default().into_iter().collect();
        for (_, level) in &config.severity {
            parse_severity(&config, level)?;
        }
        if let Some(level) = &raw.fail_on {
            config.fail_on = Some(parse_severity(&config, level)?);
        }
        for pack in raw.rule_packs.unwrap_or_default() {
            config.rule_pack_spans.push(pack.span());
            config.rule_packs.push(base.join(pack.into_inner()));
        }
        config.facts = raw.facts.map(|p| base.join(p.into_inner()));
        if let Some(date) = &raw.article_date {
            let parsed = date.get_ref().parse::<jiff::civil::Date>().map_err(|_| {
                ConfigError::at(
                    &config,
                    date.span(),
                    format!("`{}` is not a date", date.get_ref()),
                    Some("write the article's date as YYYY-MM-DD".into()),
                )
            })?;
            config.article_date = Some(parsed);
        }
        for (patterns, target) in [
            (raw.include, &mut config.include),
            (raw.exclude, &mut config.exclude),
        ] {
            *target = patterns
                .unwrap_or_default()
                .into_iter()
                .map(Spanned::into_inner)
                .collect();
        }
        if let Some(size) = raw.max_file_size {
            config.max_file_size = size.into_inner();
        }
        config.per_path_ignores = raw
            .per_path_ignores
            .unwrap_or_default()
            .into_iter()
            .collect();
        Ok(config)
    }

    /// The folder relative paths in this file are resolved against.
    pub fn folder(&self) -> PathBuf {
        self.path
            .as_deref()
            .and_then(Path::parent)
            .filter(|folder| !folder.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    }

    /// The rule selection, checked against `registry`: an unknown rule or
    /// category is an error pointing at where it is written.
    pub fn selection(&self, registry: &Registry) -> Result<Selection, Box<ConfigError>> {
        let check = |selector: &Spanned<String>| -> Result<String, Box<ConfigError>> {
            registry.resolve(selector.get_ref()).map_err(|err| {
                ConfigError::at(
                    self,
                    selector.span(),
                    err.to_string(),
                    Some("`galley rules` lists every rule id; categories are names, pronouns, garbled, punctuation, facts, style".into()),
                )
            })?;
            Ok(selector.get_ref().clone())
        };
        let mut selection = Selection::default();
        for selector in &self.select {
            selection.select.push(check(selector)?);
        }
        for selector in &self.ignore {
            selection.ignore.push(check(selector)?);
        }
        for (selector, level) in &self.severity {
            registry.resolve(selector).map_err(|err| {
                let at = self.key_span(selector).unwrap_or_else(|| level.span());
                ConfigError::at(self, at, err.to_string(), None)
            })?;
            selection
                .severity
                .push((selector.clone(), parse_severity(self, level)?));
        }
        for (_, selectors) in &self.per_path_ignores {
            for selector in selectors {
                check(selector)?;
            }
        }
        Ok(selection)
    }

    /// Selectors ignored for `path`, whose path relative to this file's
    /// folder is matched against the globs. Both are resolved first, so a
    /// configuration named as `--config galley.toml` or `../galley.toml`
    /// works as well as a discovered one.
    pub fn ignores_for(&self, path: &Path) -> Vec<String> {
        if self.per_path_ignores.is_empty() {
            return Vec::new();
        }
        let folder = paths::resolved(&self.folder());
        let path = paths::resolved(path);
        let relative = path.strip_prefix(&folder).unwrap_or(&path);
        let relative = relative.to_string_lossy();
        self.per_path_ignores
            .iter()
            .filter(|(glob, _)| glob_matches(glob, &relative))
            .flat_map(|(_, selectors)| selectors.iter().map(|s| s.get_ref().clone()))
            .collect()
    }

    /// An error about the `index`th `rule-packs` entry (a folder that cannot
    /// be read), pointing at where it is written.
    pub(crate) fn rule_pack_error(
        &self,
        index: usize,
        message: String,
        help: Option<String>,
    ) -> Box<ConfigError> {
        let span = self.rule_pack_spans.get(index).cloned().unwrap_or(0..0);
        ConfigError::at(self, span, message, help)
    }

    /// Where a table key is written, for errors about it.
    fn key_span(&self, key: &str) -> Option<std::ops::Range<usize>> {
        let quoted = format!("\"{key}\"");
        let start = self.text.find(&quoted)?;
        Some(start..start + quoted.len())
    }
}

fn parse_severity(config: &Config, level: &Spanned<String>) -> Result<Severity, Box<ConfigError>> {
    level.get_ref().parse().map_err(|_| {
        ConfigError::at(
            config,
            level.span(),
            format!("`{}` is not a severity", level.get_ref()),
            Some("use \"error\", \"warning\" or \"info\"".into()),
        )
    })
}

/// Does `path` (relative, `/`-separated) match `glob`? `*` stays within a
/// folder, `**` crosses folders; a glob without `/` matches the file name
/// anywhere, as in .gitignore. An invalid glob matches nothing.
pub fn glob_matches(glob: &str, path: &str) -> bool {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let Ok(matcher) = globset::GlobBuilder::new(glob)
        .literal_separator(true)
        .build()
    else {
        return false;
    };
    let matcher = matcher.compile_matcher();
    matcher.is_match(path)
        || (!glob.contains('/')
            && path
                .rsplit('/')
                .next()
                .is_some_and(|name| matcher.is_match(name)))
}

/// The nearest galley.toml at or above `dir`.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// The commented starter file `galley init` writes.
pub const STARTER: &str = r#"# galley.toml — configuration for galley, the news-copy linter.
# galley uses the nearest galley.toml above each file it checks.

# Rules to run, by id (`garbled/run-on`) or category (names, pronouns, garbled,
# punctuation, facts, style). Leave out to run every rule.
# select = ["names", "pronouns", "garbled", "punctuation", "facts", "style"]

# Rules or categories to switch off.
# ignore = ["style"]

# The lowest severity that makes `galley check` exit with 1.
# fail-on = "warning"

# The article's date, for dates written without a year ("Tuesday, March 3").
# article-date = "2023-11-06"

# A facts sheet: people (names, pronouns, titles) and organisations.
# facts = "facts.toml"

# Folders of extra rule packs (*.toml), added to the built-in ones.
# rule-packs = ["house-style"]

# Which files to check inside folders (default: *.txt, *.md, *.markdown),
# and which to skip.
# include = ["*.txt", "*.md"]
# exclude = ["archive/**"]

# Files larger than this many bytes are skipped with a message.
# max-file-size = 10485760

# Severity per rule or category.
[severity]
# "garbled/run-on" = "error"
# style = "info"

# Rules ignored for files matching a glob.
[per-path-ignores]
# "wire/**" = ["style"]
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, Box<ConfigError>> {
        Config::parse(Some(PathBuf::from("dir/galley.toml")), text.to_string())
    }

    #[test]
    fn starter_parses_and_selects_everything() {
        let config = parse(STARTER).unwrap();
        let registry = Registry::new(Vec::new());
        let selection = config.selection(&registry).unwrap();
        assert_eq!(selection.apply(&registry).unwrap().len(), registry.len());
    }

    #[test]
    fn unknown_key_points_at_it() {
        let err = parse("select = [\"garbled\"]\nfial-on = \"error\"\n").unwrap_err();
        assert!(
            err.message.contains("unknown field `fial-on`"),
            "{}",
            err.message
        );
        let span = err.span.unwrap();
        assert_eq!(span.offset(), "select = [\"garbled\"]\n".len());
    }

    #[test]
    fn unknown_rule_points_at_it_with_a_suggestion() {
        let text = "ignore = [\"garbled/missing-spaces\"]\n";
        let config = parse(text).unwrap();
        let err = config.selection(&Registry::new(Vec::new())).unwrap_err();
        assert!(
            err.message.contains("did you mean `garbled/missing-space`"),
            "{}",
            err.message
        );
        assert_eq!(err.span.unwrap().offset(), text.find("\"garbled").unwrap());
    }

    #[test]
    fn bad_values_are_errors() {
        assert!(
            parse("fail-on = \"fatal\"\n")
                .unwrap_err()
                .message
                .contains("not a severity")
        );
        assert!(
            parse("article-date = \"06/11/2023\"\n")
                .unwrap_err()
                .message
                .contains("not a date")
        );
        assert!(parse("select = 3\n").is_err());
        assert!(parse("select = [\n").is_err());
    }

    #[test]
    fn paths_resolve_against_the_file() {
        let config = parse(
            "facts = \"facts.toml\"\nrule-packs = [\"house\"]\narticle-date = \"2023-11-06\"\n",
        )
        .unwrap();
        assert_eq!(config.facts.unwrap(), PathBuf::from("dir/facts.toml"));
        assert_eq!(config.rule_packs, vec![PathBuf::from("dir/house")]);
        assert_eq!(config.article_date.unwrap().to_string(), "2023-11-06");
    }

    #[test]
    fn globs() {
        assert!(glob_matches("*.md", "a/b/c.md"));
        assert!(glob_matches("wire/**", "wire/x/y.txt"));
        assert!(glob_matches("wire/*.txt", "wire/y.txt"));
        assert!(!glob_matches("wire/*.txt", "wire/x/y.txt"));
        assert!(glob_matches("**/draft-*.txt", "a/b/draft-1.txt"));
    }

    #[test]
    fn per_path_ignores_apply_to_matching_files() {
        let config = parse("[per-path-ignores]\n\"wire/**\" = [\"style\"]\n").unwrap();
        assert_eq!(
            config.ignores_for(Path::new("dir/wire/a.txt")),
            vec!["style"]
        );
        assert!(config.ignores_for(Path::new("dir/own/a.txt")).is_empty());
    }
}
