//! Checking one file: build its Document once, run the selected rules, stamp
//! each finding with its rule's id, category and configured severity, then
//! drop what the file's suppression comments silence.

use std::sync::Arc;

use crate::document::Document;
use crate::rules::registry::{Selection, UnknownSelector};
use crate::rules::{Diagnostic, Registry, Settings, Severity};
use crate::source::Source;

pub struct Linter {
    registry: Arc<Registry>,
    active: Vec<(usize, Severity)>,
    settings: Settings,
}

impl Linter {
    pub fn new(
        registry: Arc<Registry>,
        selection: &Selection,
        mut settings: Settings,
    ) -> Result<Linter, UnknownSelector> {
        let active = selection.apply(&registry)?;
        settings.rule_ids = registry.rules().map(|r| r.meta().id.to_string()).collect();
        Ok(Linter {
            registry,
            active,
            settings,
        })
    }

    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The ids of the rules that run, in registry order.
    pub fn active_rule_ids(&self) -> impl Iterator<Item = &str> {
        self.active
            .iter()
            .map(|&(i, _)| &*self.registry.rule(i).meta().id)
    }

    pub fn check(&self, source: &Source) -> Vec<Diagnostic> {
        self.check_document(&Document::new(source))
    }

    /// Diagnostics sorted by span, then rule id, without those that
    /// suppression comments silence.
    pub fn check_document(&self, doc: &Document) -> Vec<Diagnostic> {
        let mut diagnostics = Vec::new();
        let mut findings = Vec::new();
        for &(index, severity) in &self.active {
            let rule = self.registry.rule(index);
            rule.check(doc, &self.settings, &mut findings);
            let meta = rule.meta();
            diagnostics.extend(findings.drain(..).map(|f| Diagnostic {
                rule: meta.id.to_string(),
                category: meta.category,
                severity,
                message: f.message,
                span: f.span,
                labels: f.labels,
                help: f.help,
                fix: f.fix,
            }));
        }
        diagnostics.sort_by(|a, b| {
            (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
        });
        crate::suppress::retain_unsuppressed(doc, &mut diagnostics);
        diagnostics
    }
}
