//! All rules galley knows, by stable id, and the selection of the ones a run
//! uses (`--select`, `--ignore`, severities from the config).

use std::collections::HashMap;

use super::{Category, Rule, Severity, builtin_rules, declarative};

pub struct Registry {
    rules: Vec<Box<dyn Rule>>,
    by_id: HashMap<String, usize>,
}

/// A `--select`/`--ignore`/severity key that names no rule or category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownSelector {
    pub selector: String,
    /// The closest known id, if one is close.
    pub suggestion: Option<String>,
}

impl std::fmt::Display for UnknownSelector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown rule or category `{}`", self.selector)?;
        if let Some(s) = &self.suggestion {
            write!(f, " (did you mean `{s}`?)")?;
        }
        Ok(())
    }
}

impl Registry {
    /// Built-in rules plus `extra` (rule packs from the configuration). A
    /// later rule with the id of an earlier one replaces it, so a house pack
    /// can override a default pack rule.
    pub fn new(extra: Vec<Box<dyn Rule>>) -> Registry {
        let mut registry = Registry {
            rules: Vec::new(),
            by_id: HashMap::new(),
        };
        for rule in builtin_rules()
            .into_iter()
            .chain(declarative::embedded())
            .chain(extra)
        {
            let id = rule.meta().id.to_string();
            match registry.by_id.get(&id) {
                Some(&i) => registry.rules[i] = rule,
                None => {
                    registry.by_id.insert(id, registry.rules.len());
                    registry.rules.push(rule);
                }
            }
        }
        registry
    }

    pub fn rules(&self) -> impl Iterator<Item = &dyn Rule> {
        self.rules.iter().map(|r| r.as_ref())
    }

    pub fn get(&self, id: &str) -> Option<&dyn Rule> {
        self.by_id.get(id).map(|&i| self.rules[i].as_ref())
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    pub(crate) fn rule(&self, index: usize) -> &dyn Rule {
        self.rules[index].as_ref()
    }

    /// The indices of the rules a selector names: `all`, a category, or an id.
    pub fn resolve(&self, selector: &str) -> Result<Vec<usize>, UnknownSelector> {
        if selector == "all" {
            return Ok((0..self.rules.len()).collect());
        }
        if let Ok(category) = selector.parse::<Category>() {
            return Ok(self.indices(|r| r.meta().category == category));
        }
        match self.by_id.get(selector) {
            Some(&i) => Ok(vec![i]),
            None => Err(UnknownSelector {
                selector: selector.to_string(),
                suggestion: self.closest_id(selector),
            }),
        }
    }

    fn indices(&self, keep: impl Fn(&dyn Rule) -> bool) -> Vec<usize> {
        (0..self.rules.len())
            .filter(|&i| keep(self.rules[i].as_ref()))
            .collect()
    }

    fn closest_id(&self, selector: &str) -> Option<String> {
        closest_selector(selector, self.rules.iter().map(|r| &*r.meta().id))
    }
}

/// The rule id or category among `ids` and the categories that `selector`
/// most likely misspells, if one is close.
pub fn closest_selector<'a>(selector: &str, ids: impl Iterator<Item = &'a str>) -> Option<String> {
    ids.chain(Category::ALL.iter().map(|c| c.as_str()))
        .map(|id| (strsim::jaro_winkler(selector, id), id))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, id)| id.to_string())
}

/// Does `selector` (`all`, a category or a rule id) name this rule?
pub fn selector_matches(selector: &str, rule: &str, category: Category) -> bool {
    selector == "all" || selector == rule || selector == category.as_str()
}

/// Which rules run and at what severity.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Selectors to enable; empty means all.
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    /// Severity overrides by selector, applied in order (a rule id after its
    /// category wins).
    pub severity: Vec<(String, Severity)>,
}

impl Selection {
    /// The enabled rules with their severities, in registry order.
    pub fn apply(&self, registry: &Registry) -> Result<Vec<(usize, Severity)>, UnknownSelector> {
        let mut enabled = vec![self.select.is_empty(); registry.len()];
        for selector in &self.select {
            for i in registry.resolve(selector)? {
                enabled[i] = true;
            }
        }
        for selector in &self.ignore {
            for i in registry.resolve(selector)? {
                enabled[i] = false;
            }
        }
        let mut severity: Vec<Severity> = registry
            .rules()
            .map(|r| r.meta().default_severity)
            .collect();
        // Categories first, then ids, whatever the order they were written in.
        let mut overrides: Vec<&(String, Severity)> = self.severity.iter().collect();
        overrides.sort_by_key(|(selector, _)| selector.contains('/'));
        for (selector, level) in overrides {
            for i in registry.resolve(selector)? {
                severity[i] = *level;
            }
        }
        Ok((0..registry.len())
            .filter(|&i| enabled[i])
            .map(|i| (i, severity[i]))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_resolve_categories_ids_and_all() {
        let registry = Registry::new(Vec::new());
        assert_eq!(registry.resolve("all").unwrap().len(), registry.len());
        let garbled = registry.resolve("garbled").unwrap();
        assert!(!garbled.is_empty());
        let one = registry.resolve("garbled/missing-space").unwrap();
        assert_eq!(one.len(), 1);
        let err = registry.resolve("garbled/missing-spaces").unwrap_err();
        assert_eq!(err.suggestion.as_deref(), Some("garbled/missing-space"));
    }

    #[test]
    fn ignore_wins_over_select_and_ids_override_categories() {
        let registry = Registry::new(Vec::new());
        let id = "garbled/missing-space";
        let selection = Selection {
            select: vec!["garbled".into()],
            ignore: vec![],
            severity: vec![
                (id.into(), Severity::Info),
                ("garbled".into(), Severity::Error),
            ],
        };
        let active = selection.apply(&registry).unwrap();
        let find = |id: &str| {
            active
                .iter()
                .find(|&&(i, _)| registry.rule(i).meta().id == id)
                .map(|&(_, s)| s)
        };
        assert_eq!(find(id), Some(Severity::Info));
        assert!(
            active
                .iter()
                .all(|&(i, _)| registry.rule(i).meta().category == Category::Garbled)
        );
        let ignoring = Selection {
            select: vec!["garbled".into()],
            ignore: vec![id.into()],
            severity: vec![],
        };
        assert_eq!(
            ignoring
                .apply(&registry)
                .unwrap()
                .iter()
                .filter(|&&(i, _)| registry.rule(i).meta().id == id)
                .count(),
            0
        );
    }
}
