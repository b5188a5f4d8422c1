//! Inline suppressions, written in Markdown as HTML comments (invisible in
//! the rendered article):
//!
//! - `<!-- galley-disable RULE… -->` switches rules off from the end of the
//!   comment on; `<!-- galley-enable RULE… -->` switches them on again. The
//!   latest directive that names a rule (by id, by category, or by naming
//!   none, which means every rule) decides.
//! - `<!-- galley-disable-next-line RULE… -->` silences findings that start
//!   on the line after the one the comment ends on.
//!
//! RULE is a rule id (`garbled/missing-space`), a category (`garbled`) or
//! `all`; several are separated by spaces or commas. Text after ` -- ` is a
//! reason for the reader: `<!-- galley-disable-next-line garbled -- quoted
//! verbatim -->`. Names galley does not know are reported by the rule
//! `style/invalid-suppression`; they silence nothing.
//!
//! The filter runs in [`crate::linter::Linter`] after the rules.

use crate::document::Document;
use crate::rules::Diagnostic;
use crate::rules::registry::selector_matches;
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectiveKind {
    Disable,
    Enable,
    DisableNextLine,
}

impl DirectiveKind {
    /// Every directive, by the name written after `<!--`.
    pub const NAMES: [(&'static str, DirectiveKind); 3] = [
        ("galley-disable", DirectiveKind::Disable),
        ("galley-enable", DirectiveKind::Enable),
        ("galley-disable-next-line", DirectiveKind::DisableNextLine),
    ];
}

/// A `galley-…` comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// `None` for a `galley-…` name that is no directive (a typo).
    pub kind: Option<DirectiveKind>,
    /// The directive's name, e.g. `galley-disable`.
    pub name: Span,
    /// The whole comment, `<!--` to `-->`.
    pub comment: Span,
    /// The rules and categories named; none means every rule.
    pub selectors: Vec<Span>,
}

/// The `galley-…` comments of a document, in document order.
pub fn directives(doc: &Document) -> Vec<Directive> {
    let text = doc.source.text.as_str();
    doc.comments
        .iter()
        .filter_map(|&comment| parse(text, comment.start))
        .collect()
}

/// The directive in the comment opening at or after `from`, if it is one.
fn parse(text: &str, from: usize) -> Option<Directive> {
    let open = from + text[from..].find("<!--")?;
    let body_start = open + "<!--".len();
    // An unclosed comment runs to the end of the document; only its first
    // line can be a directive.
    let rest = &text[body_start..];
    let body_end = body_start
        + rest
            .find("-->")
            .or_else(|| rest.find('\n'))
            .unwrap_or(rest.len());
    let comment = Span::new(open, (body_end + "-->".len()).min(text.len()));
    let mut words = words(text, Span::new(body_start, body_end));
    let name = words.next()?;
    let name_text = name.text(text);
    if !name_text.starts_with("galley-") {
        return None;
    }
    let kind = DirectiveKind::NAMES
        .iter()
        .find(|(n, _)| *n == name_text)
        .map(|&(_, kind)| kind);
    let selectors = words.take_while(|w| w.text(text) != "--").collect();
    Some(Directive {
        kind,
        name,
        comment,
        selectors,
    })
}

/// The words of `span`, split at whitespace and commas.
fn words(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    let body = span.text(text);
    let separator = |c: char| c.is_whitespace() || c == ',';
    body.split(separator)
        .filter(|w| !w.is_empty())
        .map(move |w| {
            // `split` yields subslices of `body`, so the pointer difference is the offset.
            let start = span.start + (w.as_ptr() as usize - body.as_ptr() as usize);
            Span::new(start, start + w.len())
        })
}

/// Drop the diagnostics that the document's suppression comments silence.
/// `diagnostics` must be sorted by span start.
pub fn retain_unsuppressed(doc: &Document, diagnostics: &mut Vec<Diagnostic>) {
    if doc.comments.is_empty() || diagnostics.is_empty() {
        return;
    }
    let directives = directives(doc);
    if directives.is_empty() {
        return;
    }
    let text = doc.source.text.as_str();
    // Range directives in the order they take effect: a disable after its
    // comment, an enable from its start.
    let mut ranges: Vec<(usize, bool, &Directive)> = directives
        .iter()
        .filter_map(|d| match d.kind? {
            DirectiveKind::Disable => Some((d.comment.end, true, d)),
            DirectiveKind::Enable => Some((d.comment.start, false, d)),
            DirectiveKind::DisableNextLine => None,
        })
        .collect();
    ranges.sort_by_key(|&(at, _, _)| at);
    let next_lines: Vec<(usize, &Directive)> = directives
        .iter()
        .filter(|d| d.kind == Some(DirectiveKind::DisableNextLine))
        .map(|d| (doc.source.position(d.comment.end).line + 1, d))
        .collect();

    // The directives in force, latest last: (selector or `None` for all, disabled).
    let mut state: Vec<(Option<&str>, bool)> = Vec::new();
    let mut next_range = 0;
    diagnostics.retain(|d| {
        while let Some(&(at, disable, directive)) = ranges.get(next_range) {
            if at > d.span.start {
                break;
            }
            apply(&mut state, text, directive, disable);
            next_range += 1;
        }
        let disabled = state
            .iter()
            .rev()
            .find(|(selector, _)| selector.is_none_or(|s| selector_matches(s, &d.rule, d.category)))
            .is_some_and(|&(_, disabled)| disabled);
        if disabled {
            return false;
        }
        if next_lines.is_empty() {
            return true;
        }
        let line = doc.source.position(d.span.start).line;
        !next_lines
            .iter()
            .any(|&(l, directive)| l == line && names(text, directive, d))
    });
}

/// Does `directive` name the rule of `diagnostic` (or every rule)?
fn names(text: &str, directive: &Directive, diagnostic: &Diagnostic) -> bool {
    directive.selectors.is_empty()
        || directive
            .selectors
            .iter()
            .any(|s| selector_matches(s.text(text), &diagnostic.rule, diagnostic.category))
}

fn apply<'t>(
    state: &mut Vec<(Option<&'t str>, bool)>,
    text: &'t str,
    directive: &Directive,
    disable: bool,
) {
    if directive.selectors.is_empty() {
        state.clear();
        state.push((None, disable));
        return;
    }
    for selector in &directive.selectors {
        let selector = selector.text(text);
        state.retain(|&(s, _)| s != Some(selector));
        state.push((Some(selector), disable));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Category, Severity};
    use crate::source::{Format, Source};

    fn diagnostic(rule: &str, category: Category, span: Span) -> Diagnostic {
        Diagnostic {
            rule: rule.into(),
            category,
            severity: Severity::Warning,
            message: String::new(),
            span,
            labels: Vec::new(),
            help: None,
            fix: None,
        }
    }

    /// A finding of each of two rules on every line holding `X`; returns the
    /// (line, rule) pairs that survive the filter.
    fn surviving(markdown: &str) -> Vec<(usize, &'static str)> {
        let source = Source::new("t.md", markdown.to_string(), Format::Markdown);
        let doc = Document::new(&source);
        let mut diagnostics = Vec::new();
        for (i, _) in markdown.match_indices('X') {
            let span = Span::new(i, i + 1);
            diagnostics.push(diagnostic("garbled/missing-space", Category::Garbled, span));
            diagnostics.push(diagnostic(
                "names/inconsistent-spelling",
                Category::Names,
                span,
            ));
        }
        retain_unsuppressed(&doc, &mut diagnostics);
        diagnostics
            .iter()
            .map(|d| {
                let rule = if d.category == Category::Garbled {
                    "garbled"
                } else {
                    "names"
                };
                (source.position(d.span.start).line, rule)
            })
            .collect()
    }

    #[test]
    fn parses_names_selectors_and_reasons() {
        let text = "<!-- galley-disable garbled/missing-space,names  style -- quoted verbatim -->\n\nText.\n";
        let source = Source::new("t.md", text.into(), Format::Markdown);
        let doc = Document::new(&source);
        let found = directives(&doc);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, Some(DirectiveKind::Disable));
        let names: Vec<&str> = found[0].selectors.iter().map(|s| s.text(text)).collect();
        assert_eq!(names, ["garbled/missing-space", "names", "style"]);
        assert_eq!(
            found[0].comment.text(text),
            text.split('\n').next().unwrap()
        );
    }

    #[test]
    fn plain_comments_and_typos() {
        let text = "<!-- an editor's note -->\n\n<!-- galley-disabel garbled -->\n\nText.\n";
        let source = Source::new("t.md", text.into(), Format::Markdown);
        let found = directives(&Document::new(&source));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, None);
        assert_eq!(found[0].name.text(text), "galley-disabel");
    }

    #[test]
    fn disable_and_enable_make_ranges() {
        let text = "X one.\n\n<!-- galley-disable garbled -->\n\nX two.\n\n<!-- galley-enable garbled -->\n\nX three.\n";
        assert_eq!(
            surviving(text),
            [
                (1, "garbled"),
                (1, "names"),
                (5, "names"),
                (9, "garbled"),
                (9, "names")
            ]
        );
    }

    #[test]
    fn disable_without_rules_silences_everything_and_ids_override_categories() {
        let text = "<!-- galley-disable -->\n\nX one.\n\n<!-- galley-enable names/inconsistent-spelling -->\n\nX two.\n";
        assert_eq!(surviving(text), [(7, "names")]);
    }

    #[test]
    fn disable_next_line_covers_one_line() {
        let text =
            "Intro.\n\n<!-- galley-disable-next-line garbled/missing-space -->\nX one\nX two.\n";
        assert_eq!(
            surviving(text),
            [(4, "names"), (5, "garbled"), (5, "names")]
        );
        let all = "<!-- galley-disable-next-line -->\nX one.\n";
        assert_eq!(surviving(all), []);
    }

    #[test]
    fn unknown_names_and_typoed_directives_silence_nothing() {
        let text =
            "<!-- galley-disable garbled/nope -->\n\nX one.\n\n<!-- galley-disabel -->\n\nX two.\n";
        assert_eq!(
            surviving(text),
            [(3, "garbled"), (3, "names"), (7, "garbled"), (7, "names")]
        );
    }
}
