//! What rules find and what galley reports.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// The fixed categories: part of the output contract (DESIGN.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Names,
    Pronouns,
    Garbled,
    Punctuation,
    Facts,
    Style,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::Names,
        Category::Pronouns,
        Category::Garbled,
        Category::Punctuation,
        Category::Facts,
        Category::Style,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Names => "names",
            Category::Pronouns => "pronouns",
            Category::Garbled => "garbled",
            Category::Punctuation => "punctuation",
            Category::Facts => "facts",
            Category::Style => "style",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Category {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        Category::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or(())
    }
}

/// Ordered from least to most severe, so `>=` compares against `--fail-on`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(()),
        }
    }
}

/// Whether `--fix` may apply a fix on its own (`safe`) or only when asked
/// (`unsafe`: `--unsafe-fixes`, or a person choosing it in the editor).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    Safe,
    Unsafe,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn safe(span: Span, replacement: impl Into<String>) -> Fix {
        Fix {
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
        }
    }

    pub fn unsafe_(span: Span, replacement: impl Into<String>) -> Fix {
        Fix {
            applicability: Applicability::Unsafe,
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
        }
    }
}

/// A secondary span with a note: the spelling a variant disagrees with, the
/// person a pronoun refers to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// What a rule reports. The engine turns it into a [`Diagnostic`] with the
/// rule's id, category and configured severity, so no rule can get those wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub span: Span,
    pub message: String,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

impl Finding {
    pub fn new(span: Span, message: impl Into<String>) -> Finding {
        Finding {
            span,
            message: message.into(),
            labels: Vec::new(),
            help: None,
            fix: None,
        }
    }

    pub fn label(mut self, span: Span, message: impl Into<String>) -> Finding {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }

    pub fn fix(mut self, fix: Fix) -> Finding {
        self.fix = Some(fix);
        self
    }
}

/// One finding as galley reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: String,
    pub category: Category,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}
