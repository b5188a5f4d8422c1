//! An acronym used before it is defined, or never defined.
//!
//! Flags the first use of an acronym (three capital letters or more; two
//! when the article defines it later) that comes before its definition
//! `Full Name (ACR)`, or that the article never defines. Acronyms the facts
//! sheet lists for an organization count as defined. Well-known
//! acronyms (`NATO`, `FBI`, `CEO`, `GDP`), dotted ones (`U.S.`), Roman
//! numerals, headlines and other titles, datelines, words in a run of
//! capitals (a shouted heading), English words and names set in capitals
//! (`VETERANS`, `MEXICO`; never-defined only) and stock symbols (`under the symbol BKT`,
//! `NYSE: BKT`) are left alone.
//!
//! ## Why
//! Readers meet an acronym once, at its first use; if the name comes only
//! later, or never, they have to guess what it stands for.
//!
//! ## Example
//! Bad: `The NTSB will meet on Thursday. The National Transportation Safety
//! Board (NTSB) has five members.`
//!
//! Good: `The National Transportation Safety Board (NTSB) will meet on
//! Thursday. The NTSB has five members.`

use std::collections::{HashMap, HashSet};

use crate::document::Document;
use crate::entities::acronyms::{
    Definition, Definitions, in_capitals_run, is_acronym, is_near_miss, is_well_known,
    may_be_acronym,
};
use crate::lexicon::pos;
use crate::rules::{Category, Finding, Fixable, Rule, RuleMeta, Settings, Severity, builtin_meta};

pub struct AcronymUndefined {
    meta: RuleMeta,
}

impl AcronymUndefined {
    pub fn new() -> Self {
        AcronymUndefined {
            meta: builtin_meta(
                "style/acronym-undefined",
                Category::Style,
                Severity::Info,
                Fixable::Never,
            ),
        }
    }
}

/// Words that introduce a stock symbol.
const SYMBOL_CUES: &[&str] = &["symbol", "ticker", "NYSE", "Nasdaq", "NASDAQ", "LSE", "TSX"];

impl Rule for AcronymUndefined {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, settings: &Settings, out: &mut Vec<Finding>) {
        let defined = doc.analysis::<Definitions>();
        let defined = &defined.0;
        // The facts sheet defines acronyms for every article it goes with.
        let in_facts_sheet = |word: &str| {
            settings.facts.as_ref().is_some_and(|sheet| {
                sheet
                    .organizations
                    .iter()
                    .any(|o| o.acronym.as_deref() == Some(word))
            })
        };
        let mut seen: HashSet<&str> = HashSet::new();
        let mut first_definition: HashMap<&str, &Definition> = HashMap::new();
        for definition in defined {
            first_definition
                .entry(doc.slice(definition.acronym))
                .or_insert(definition);
        }
        for paragraph in &doc.paragraphs {
            if paragraph.kind.is_title() {
                continue;
            }
            for i in doc.capitals_and_numbers(paragraph.tokens.clone()) {
                let token = doc.tokens[i];
                if !may_be_acronym(&token) {
                    continue;
                }
                let word = doc.slice(token.span);
                if !is_acronym(word)
                    || is_well_known(word)
                    || in_facts_sheet(word)
                    || !seen.insert(word)
                    || paragraph
                        .dateline
                        .is_some_and(|d| d.contains(token.span.start))
                    || in_capitals_run(doc, i)
                    || after_symbol_cue(doc, i)
                {
                    continue;
                }
                match first_definition.get(word) {
                    Some(definition) if definition.token == i => {}
                    Some(definition) if definition.token > i => out.push(
                        Finding::new(token.span, format!("“{word}” is used before it is defined"))
                            .label(definition.acronym, "defined here")
                            .help("define the acronym at its first use"),
                    ),
                    Some(_) => {}
                    // A slip of a defined acronym is facts/acronym-mismatch's.
                    None if defined
                        .iter()
                        .any(|d| is_near_miss(word, doc.slice(d.acronym))) => {}
                    // `VETERANS`, `MEXICO`: a word or name set in capitals.
                    None if is_word_in_capitals(word) => {}
                    None if word.len() >= 3 => out.push(
                        Finding::new(token.span, format!("“{word}” is never defined")).help(
                            "spell the name out at the first use, with the acronym in parentheses",
                        ),
                    ),
                    None => {}
                }
            }
        }
    }
}

/// A word of the lexicon, common or proper, written in capitals.
fn is_word_in_capitals(word: &str) -> bool {
    let mut capitalised = word.to_lowercase();
    if pos::lookup(&capitalised).is_some() {
        return true;
    }
    capitalised[..1].make_ascii_uppercase();
    pos::lookup(&capitalised).is_some()
}

/// `under the symbol BKT`, `(NYSE: BKT)`.
fn after_symbol_cue(doc: &Document, i: usize) -> bool {
    (i.saturating_sub(3)..i).any(|j| SYMBOL_CUES.contains(&doc.token_text(j)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{check_text, check_text_with, flagged};

    #[test]
    fn flags_use_before_definition_and_undefined_acronyms() {
        let rule = AcronymUndefined::new();
        assert_eq!(
            check_text(
                &rule,
                "The NTSB meets. The National Transportation Safety Board (NTSB) has five members."
            ),
            vec![(
                "NTSB".to_string(),
                "“NTSB” is used before it is defined".to_string()
            )]
        );
        assert_eq!(
            flagged(&rule, "Checks by the JRC slowed the trucks. The JRC met."),
            vec!["JRC"]
        );
    }

    #[test]
    fn defined_well_known_and_special_capitals_pass() {
        let rule = AcronymUndefined::new();
        for text in [
            "The Economic Community of West African States (ECOWAS) met. ECOWAS agreed.",
            "NATO, the FBI, the CEO and the U.S. agreed on GDP figures.",
            "Shares trade under the symbol BKT. Others trade as (NYSE: ABCD).",
            "World War II ended. Chapter XIV begins.",
            "Headline About The FOO Group\n\nThe story begins here.",
            "She said: BREAKING NEWS TONIGHT is on.",
            "The Flood Rescue Team (FRT) met. The FTR left.",
            "He spoke of VETERANS and of MEXICO at length.",
        ] {
            assert!(flagged(&rule, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn the_facts_sheet_defines_acronyms() {
        let sheet = crate::facts::FactsSheet::parse(
            "facts.toml",
            "[[organization]]\nname = \"Joint Review Commission\"\nacronym = \"JRC\"\n",
        )
        .unwrap();
        let settings = Settings {
            facts: Some(std::sync::Arc::new(sheet)),
            ..Settings::default()
        };
        let text = "Checks by the JRC slowed the trucks.";
        assert!(check_text_with(&AcronymUndefined::new(), text, &settings).is_empty());
    }
}
