//! One person given two different ages: `Gorman, 54,` … `the 55-year-old Gorman`.
//!
//! galley reads the ages news copy attaches to people — `Gorman, 54,`,
//! `Gorman, a 54-year-old lawyer`, `the 54-year-old Gorman`, `Gorman, who is
//! 54,` — links each to the person through the names layer (full names and
//! later surname-only mentions are the same person), and flags a later age
//! that differs from the first, with a label on the first. Sentences about
//! time passing (`turned 55`, `when she was 40`, `at age 30`, a birthday) are
//! not read, nor are ages inside quotations.
//!
//! ## Why
//! An age is a fact readers check against each other within a story, and a
//! changed digit is a classic copy-desk catch: one of the two is wrong.
//!
//! ## Example
//! Bad: `Nora Gorman, 54, leads the team. … The 55-year-old Gorman declined to comment.`
//!
//! Good: `Nora Gorman, 54, leads the team. … The 54-year-old Gorman declined to comment.`
//!
//! There is no automatic fix: either age may be the wrong one.

use crate::document::{Document, TokenKind};
use crate::entities::Mention;
use crate::entities::numbers::figure_at;
use crate::lowercase::with_lowercase;
use crate::rules::{Category, Finding, Fixable, Rule, RuleMeta, Settings, Severity, builtin_meta};
use crate::span::Span;

pub struct AgeMismatch {
    meta: RuleMeta,
}

impl AgeMismatch {
    pub fn new() -> Self {
        AgeMismatch {
            meta: builtin_meta(
                "facts/age-mismatch",
                Category::Facts,
                Severity::Warning,
                Fixable::Never,
            ),
        }
    }
}

/// An age stated for a person.
struct Age {
    person: usize,
    value: u32,
    /// The number as written.
    span: Span,
}

/// Words that put an age in time rather than state it.
fn speaks_of_time(word: &str) -> bool {
    with_lowercase(word, |word| {
        matches!(
            word,
            "turn"
                | "turns"
                | "turned"
                | "turning"
                | "when"
                | "until"
                | "birthday"
                | "since"
                | "age"
                | "aged"
                | "then"
        )
    })
}

/// The token index at which a span starts.
fn token_at(doc: &Document, offset: usize) -> Option<usize> {
    let i = doc.tokens.partition_point(|t| t.span.start < offset);
    doc.tokens
        .get(i)
        .filter(|t| t.span.start == offset)
        .map(|_| i)
}

/// A plausible age in years at token `i` (`54`; `54-year-old` when
/// `year_old` is set).
fn age_at(doc: &Document, i: usize, year_old: bool) -> Option<(u32, Span)> {
    let figure = figure_at(doc, i)?;
    let wanted = if year_old { Some("year-old") } else { None };
    if figure.compound.as_deref() != wanted
        || figure.value.fract() != 0.0
        || !(1.0..=120.0).contains(&figure.value)
    {
        return None;
    }
    Some((figure.value as u32, figure.span))
}

fn text<'d>(doc: &'d Document, i: usize) -> &'d str {
    doc.tokens.get(i).map_or("", |t| doc.slice(t.span))
}

/// The age a mention carries, if its sentence states one for it.
fn age_of(doc: &Document, mention: &Mention) -> Option<(u32, Span)> {
    let sentence = &doc.sentences[mention.sentence?];
    if doc
        .sentence_tokens(sentence)
        .iter()
        .any(|t| t.kind == TokenKind::Word && speaks_of_time(doc.slice(t.span)))
    {
        return None;
    }
    let first = token_at(doc, mention.span.start)?;
    let mut after = first;
    while after < sentence.tokens.end && doc.tokens[after].span.end <= mention.span.end {
        after += 1;
    }
    // The possessive `’s` stays in the name's token.
    if text(doc, after) == "," {
        // `Gorman, 54,` (and at the sentence's end, `Gorman, 54.`)
        if let Some(age) = age_at(doc, after + 1, false)
            && matches!(text(doc, after + 2), "," | "." | ";" | "" | "and")
        {
            return Some(age);
        }
        // `Gorman, a 54-year-old lawyer`, `Gorman, the 54-year-old …`
        if matches!(text(doc, after + 1), "a" | "an" | "the")
            && let Some(age) = age_at(doc, after + 2, true)
        {
            return Some(age);
        }
        // `Gorman, who is 54,`
        if text(doc, after + 1) == "who"
            && matches!(text(doc, after + 2), "is" | "was")
            && let Some(age) = age_at(doc, after + 3, false)
        {
            return Some(age);
        }
    }
    // `the 54-year-old Gorman`, `the 54-year-old senator Gorman`.
    let title_start = mention
        .title
        .and_then(|t| token_at(doc, t.start))
        .unwrap_or(first);
    (title_start.saturating_sub(2)..title_start)
        .filter(|&j| j >= sentence.tokens.start)
        .find_map(|j| age_at(doc, j, true))
}

impl Rule for AgeMismatch {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, _settings: &Settings, out: &mut Vec<Finding>) {
        let entities = doc.entities();
        let ages: Vec<Age> = entities
            .mentions
            .iter()
            .filter(|m| !m.quoted)
            .filter_map(|m| {
                let (value, span) = age_of(doc, m)?;
                Some(Age {
                    person: m.person?,
                    value,
                    span,
                })
            })
            .collect();
        for (i, age) in ages.iter().enumerate() {
            let Some(first) = ages[..i].iter().find(|a| a.person == age.person) else {
                continue;
            };
            if first.value == age.value {
                continue;
            }
            let name = entities.people[age.person].display_name();
            out.push(
                Finding::new(
                    age.span,
                    format!(
                        "{name} is {} here but {} earlier in the article",
                        age.value, first.value
                    ),
                )
                .label(first.span, format!("{name}'s age is first given here"))
                .help("check the age; one of the two is wrong"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{check_text, flagged};

    #[test]
    fn flags_a_second_different_age() {
        let rule = AgeMismatch::new();
        let text = "Nora Gorman, 54, leads the team. Colleagues praised her. The 55-year-old Gorman declined to comment.";
        let found = check_text(&rule, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "55");
        assert!(
            found[0].1.contains("Nora Gorman is 55 here but 54 earlier"),
            "{}",
            found[0].1
        );
        let text =
            "Tom Reed, a 61-year-old farmer, spoke first. Reed, 60, said the harvest was poor.";
        assert_eq!(flagged(&rule, text), vec!["60"]);
    }

    #[test]
    fn same_ages_other_people_and_time_passing_are_silent() {
        let rule = AgeMismatch::new();
        for text in [
            "Nora Gorman, 54, leads the team. Gorman, 54, declined to comment.",
            "Nora Gorman, 54, met Tom Reed, 61. Reed said little.",
            "Nora Gorman, 54, leads the team. Gorman turned 55 on Friday.",
            "Nora Gorman, 54, leads the team. When Gorman was 40, she moved to Ohio.",
            "Nora Gorman, 54, leads the team. Her son, 22, works with her.",
            "Nora Gorman, 54, leads the team. “Gorman, 55, is wrong,” a critic said.",
        ] {
            assert!(
                flagged(&rule, text).is_empty(),
                "{text}: {:?}",
                flagged(&rule, text)
            );
        }
    }
}
