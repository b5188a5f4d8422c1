//! A person's name spelled two ways in one article, or differently from the facts sheet.
//!
//! galley finds the people in the article (full names, titles before names,
//! surname-only mentions linked back to the full name) and flags a surname
//! mention spelled close to, but not the same as, the name the person was
//! introduced with: `Garmeen` after `Nora Gorman`, `Kovalenco` after `Galina
//! Kovalenko`. The spelling attached to the full name is the canonical one.
//! Different people with similar names are left alone: `Tom Reed` and `Tammy
//! Reeds`, or a `Harriss family` next to `Lena Harris`. With a facts sheet
//! (`--facts`), a name close to a listed name but not equal to it is flagged
//! too (`Peter R. Lunt` when the sheet lists `Peter R. Lund`).
//!
//! ## Why
//! A misspelled name is the error readers and sources notice first, and the
//! one corrections columns are made of. Spell-checkers cannot catch it: both
//! spellings look like names.
//!
//! ## Example
//! Bad: `Deputy Secretary Nora Gorman arrived on Monday. … Garmeen said the talks were useful.`
//!
//! Good: `Deputy Secretary Nora Gorman arrived on Monday. … Gorman said the talks were useful.`
//!
//! The fix (unsafe: the article may have the full name wrong instead)
//! replaces the variant with the canonical spelling.

use crate::document::Document;
use crate::entities::Mention;
use crate::entities::similarity::closeness;
use crate::rules::{
    Category, Finding, Fix, Fixable, Rule, RuleMeta, Settings, Severity, builtin_meta,
};
use crate::span::Span;

pub struct InconsistentSpelling {
    meta: RuleMeta,
}

impl InconsistentSpelling {
    pub fn new() -> Self {
        InconsistentSpelling {
            meta: builtin_meta(
                "names/inconsistent-spelling",
                Category::Names,
                Severity::Warning,
                Fixable::Always,
            ),
        }
    }
}

/// The last word of a mention's surname: the part a misspelling changes.
fn surname_word(doc: &Document, mention: &Mention) -> Span {
    let text = doc.slice(mention.surname);
    let start = text.rfind(' ').map_or(0, |i| i + 1);
    Span::new(mention.surname.start + start, mention.surname.end)
}

impl Rule for InconsistentSpelling {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, settings: &Settings, out: &mut Vec<Finding>) {
        let entities = doc.entities();
        for mention in entities.mentions.iter().filter(|m| m.variant) {
            let Some(p) = mention.person else { continue };
            let person = &entities.people[p];
            let introduced = &entities.mentions[person.introduced];
            let span = surname_word(doc, mention);
            out.push(
                Finding::new(
                    span,
                    format!(
                        "“{}” looks like a misspelling of “{}” ({})",
                        doc.slice(span),
                        person.surname,
                        person.display_name()
                    ),
                )
                .label(introduced.span, "first named here")
                .help("use one spelling throughout")
                .fix(Fix::unsafe_(span, person.surname.clone())),
            );
        }
        let Some(sheet) = &settings.facts else { return };
        for (p, person) in entities.people.iter().enumerate() {
            if sheet.person_with_surname(&person.surname).is_some() {
                continue;
            }
            let listed = sheet.people.iter().find(|listed| {
                closeness(&person.surname, listed.surname()).is_some()
                    && person.given.as_deref().is_none_or(|g| g == listed.given())
            });
            let Some(listed) = listed else { continue };
            for mention in entities.mentions_of(p).filter(|m| !m.variant) {
                let span = surname_word(doc, mention);
                out.push(
                    Finding::new(
                        span,
                        format!(
                            "“{}” differs from the facts sheet’s spelling “{}” ({})",
                            doc.slice(span),
                            listed.surname(),
                            listed.name
                        ),
                    )
                    .help("use the spelling on the facts sheet, or correct the sheet")
                    .fix(Fix::unsafe_(span, listed.surname().to_string())),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::FactsSheet;
    use crate::rules::testing::{check_text, flagged};
    use crate::source::{Format, Source};

    #[test]
    fn flags_a_misspelled_surname_after_the_full_name() {
        let rule = InconsistentSpelling::new();
        let text = "Deputy Secretary of State Nora Gorman arrived on Monday. Later, Garmeen said the talks were useful. Gorman left.";
        let found = check_text(&rule, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "Garmeen");
        assert!(
            found[0].1.contains("misspelling of “Gorman” (Nora Gorman)"),
            "{}",
            found[0].1
        );
        let text = "The ministry sent Galina Kovalenko, a trade adviser, to the fair. Kovalenco said orders had grown.";
        assert_eq!(flagged(&rule, text), vec!["Kovalenco"]);
        let text = "Mayor Dana Connolly spoke first. Conolly’s aides handed out leaflets.";
        assert_eq!(flagged(&rule, text), vec!["Conolly"]);
    }

    #[test]
    fn leaves_different_people_places_and_families_alone() {
        let rule = InconsistentSpelling::new();
        for text in [
            "Tom Reed, a retired judge, spoke. Tammy Reeds, a former negotiator, disagreed. Reed said yes. Reeds said no.",
            "The paintings came from the Harriss family in 1962. Special Agent Lena Harris said they were rare. Harris said so again.",
            "Nora Gorman met Kenyan officials in Kenya. Kenya said the talks were useful. Gorman agreed.",
            "John Blake Sr. founded the firm. His son, John Blake Jr., runs it. Blake said it was doing well.",
        ] {
            assert!(
                flagged(&rule, text).is_empty(),
                "{text}: {:?}",
                flagged(&rule, text)
            );
        }
    }

    #[test]
    fn the_fix_restores_the_canonical_spelling() {
        let rule = InconsistentSpelling::new();
        let source = Source::new(
            "t.txt",
            "Nora Gorman spoke. Garmeen’s aides left.".into(),
            Format::Text,
        );
        let doc = Document::new(&source);
        let mut out = Vec::new();
        rule.check(&doc, &Settings::default(), &mut out);
        let fix = out[0].fix.as_ref().unwrap();
        assert_eq!(fix.edits[0].replacement, "Gorman");
        assert_eq!(
            &source.text[fix.edits[0].span.start..fix.edits[0].span.end],
            "Garmeen"
        );
    }

    #[test]
    fn the_facts_sheet_decides_the_spelling() {
        let rule = InconsistentSpelling::new();
        let sheet =
            FactsSheet::parse("facts.toml", "[[person]]\nname = \"Peter R. Lund\"\n").unwrap();
        let settings = Settings {
            facts: Some(std::sync::Arc::new(sheet)),
            ..Settings::default()
        };
        let source = Source::new(
            "t.txt",
            "Lieutenant General Peter R. Lunt attended. Lunt said little.".into(),
            Format::Text,
        );
        let doc = Document::new(&source);
        let mut out = Vec::new();
        rule.check(&doc, &settings, &mut out);
        let flagged: Vec<_> = out.iter().map(|f| doc.slice(f.span)).collect();
        assert_eq!(flagged, vec!["Lunt", "Lunt"]);
        assert!(out[0].message.contains("facts sheet’s spelling “Lund”"));
    }
}
