//! galley: a linter for news copy.
//!
//! bytes → [`source::Source`] → [`document::Document`] (built once per file)
//! → rules ([`rules::Rule`], each a pure function of the Document) →
//! [`rules::Diagnostic`]s → renderers. Spans are byte offsets into the file
//! everywhere inside; lines, columns and UTF-16 exist only at the edge.

pub mod baseline;
pub mod bytes;
pub mod cli;
pub mod config;
pub mod document;
pub mod entities;
pub mod facts;
pub mod fingerprint;
pub mod fix;
pub mod lexicon;
pub mod linter;
pub mod lowercase;
pub mod lsp;
pub mod paths;
pub mod render;
pub mod rules;
pub mod source;
pub mod span;
pub mod suppress;
pub mod workspace;

pub use linter::Linter;
pub use rules::{Category, Diagnostic, Registry, Severity};
pub use source::Source;
pub use span::Span;
