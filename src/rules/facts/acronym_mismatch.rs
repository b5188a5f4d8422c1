//! An acronym that does not fit its name, or a slip of a defined one.
//!
//! For example `(IAAE)` for `IAEA`, or `NSTB` after `NTSB`.
//!
//! Flags two things:
//!
//! - a definition `Full Name (ACR)` whose letters do not fit the words
//!   before it, when swapping two of its letters or changing one makes it
//!   fit (`International Atomic Energy Agency (IAAE)`).
//!   Skipped function words (`for`, `and`, `in`), hyphenated parts
//!   (`Co-operation`, `Long-Distance`) and lowercase names (`compound
//!   annual growth rate (CAGR)`) fit; so do well-known acronyms with a
//!   conventional order of their own (`ISO`, `MSF`). A parenthesis that fits
//!   nothing nearby (a stock symbol, a foreign-language acronym) is left
//!   alone;
//! - a later acronym one slip away from one the article defines — two
//!   letters swapped or one changed (`JRS` after `JRC`, `NSTB` after `NTSB`) —
//!   when it is written only once, is not defined itself, does not appear
//!   before the definition and is not a well-known acronym in its own right;
//!   for a name in mixed case (`PennDOT`, `FinCEN`), a later word written
//!   once with the same letters in another order (`PennDTO`).
//!
//! ## Why
//! A garbled acronym sends the reader looking for an organisation that does
//! not exist, and makes the copy look careless in the place readers check.
//!
//! ## Example
//! Bad: `The Flood Rescue Team (FRT) took the call. The FTR has sent two boats.`
//!
//! Good: `The Flood Rescue Team (FRT) took the call. The FRT has sent two boats.`
//!
//! The fix (unsafe: the other spelling may be the intended one) writes the
//! defined form.

use std::collections::{HashMap, HashSet};

use crate::document::{Document, Token, TokenKind};
use crate::entities::acronyms::{
    Definition, Definitions, acronym_part, fits, in_capitals_run, is_anagram, is_near_miss,
    is_roman_numeral, is_well_known, may_be_acronym, mixed_case_definitions, near_misses,
};
use crate::rules::{
    Category, Finding, Fix, Fixable, Rule, RuleMeta, Settings, Severity, builtin_meta,
};
use crate::span::Span;

pub struct AcronymMismatch {
    meta: RuleMeta,
}

impl AcronymMismatch {
    pub fn new() -> Self {
        AcronymMismatch {
            meta: builtin_meta(
                "facts/acronym-mismatch",
                Category::Facts,
                Severity::Error,
                Fixable::Sometimes,
            ),
        }
    }
}

impl Rule for AcronymMismatch {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, _settings: &Settings, out: &mut Vec<Finding>) {
        let defined = doc.analysis::<Definitions>();
        let defined = &defined.0;
        let corrections: Vec<Option<String>> = defined
            .iter()
            .map(|definition| check_definition(doc, definition, out))
            .collect();
        check_later_uses(doc, defined, &corrections, out);
        check_mixed_case_slips(doc, out);
    }
}

/// Flags a word written once that rearranges the letters of a mixed-case
/// name defined earlier (`PennDTO` after `(PennDOT)`).
fn check_mixed_case_slips(doc: &Document, out: &mut Vec<Finding>) {
    let defined = mixed_case_definitions(doc);
    let Some(&(_, first)) = defined.first() else {
        return;
    };
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for token in &doc.tokens[first..] {
        if token.kind == TokenKind::Word {
            *uses.entry(doc.slice(token.span)).or_default() += 1;
        }
    }
    let is_defined = |word: &str| defined.iter().any(|&(d, _)| doc.slice(d) == word);
    for (i, token) in doc.tokens.iter().enumerate().skip(first + 1) {
        let word = doc.slice(token.span);
        if token.kind != TokenKind::Word
            || word.bytes().filter(u8::is_ascii_uppercase).count() < 2
            || uses[word] > 1
            || is_defined(word)
        {
            continue;
        }
        let mut slips = defined
            .iter()
            .filter(|&&(d, at)| at < i && is_anagram(word, doc.slice(d)));
        let (Some(&(definition, _)), None) = (slips.next(), slips.next()) else {
            continue;
        };
        let intended = doc.slice(definition);
        out.push(
            Finding::new(
                token.span,
                format!("“{word}” looks like a slip for “{intended}”, defined earlier"),
            )
            .label(definition, "defined here")
            .help("use the defined name")
            .fix(Fix::unsafe_(token.span, intended)),
        );
    }
}

/// Flags a definition whose acronym does not fit; returns the acronym
/// that would.
fn check_definition(
    doc: &Document,
    definition: &Definition,
    out: &mut Vec<Finding>,
) -> Option<String> {
    let acronym = doc.slice(definition.acronym);
    let words = doc.slice(definition.words);
    if is_well_known(acronym) || fits(acronym, words, false) {
        return None;
    }
    let mut fitting = near_misses(acronym)
        .into_iter()
        .filter(|candidate| fits(candidate, words, true));
    let (Some(correct), None) = (fitting.next(), fitting.next()) else {
        return None;
    };
    out.push(
        Finding::new(
            definition.acronym,
            format!("“{acronym}” does not fit the name it abbreviates; “{correct}” would"),
        )
        .label(definition.words, "the name")
        .help("check the acronym's letters against the name")
        .fix(Fix::unsafe_(definition.acronym, correct.clone())),
    );
    Some(correct)
}

/// Flags later slips of defined acronyms. A definition found wrong is no
/// model for later uses, and its correction counts as defined.
fn check_later_uses(
    doc: &Document,
    defined: &[Definition],
    corrections: &[Option<String>],
    out: &mut Vec<Finding>,
) {
    // Every word in capitals, with how often it is written, and where.
    let mut uses: HashMap<&str, usize> = HashMap::new();
    let mut written = Vec::new();
    for i in doc.capitals_and_numbers(0..doc.tokens.len()) {
        if let Some(acronym) = acronym_at(doc, &doc.tokens[i]) {
            *uses.entry(acronym).or_default() += 1;
            written.push((i, acronym));
        }
    }
    let defined_forms: HashSet<&str> = defined
        .iter()
        .map(|d| doc.slice(d.acronym))
        .chain(corrections.iter().flatten().map(String::as_str))
        .collect();
    let is_defined = |word: &str| defined_forms.contains(word);
    for paragraph in &doc.paragraphs {
        if paragraph.kind.is_title() {
            continue;
        }
        let from = written.partition_point(|&(i, _)| i < paragraph.tokens.start);
        let to = written.partition_point(|&(i, _)| i < paragraph.tokens.end);
        for &(i, word) in &written[from..to] {
            let token = doc.tokens[i];
            if is_defined(word)
                || is_well_known(word)
                || uses[word] > 1
                || (is_roman_numeral(word) && after_name(doc, i))
                || paragraph
                    .dateline
                    .is_some_and(|d| d.contains(token.span.start))
                || in_capitals_run(doc, i)
            {
                continue;
            }
            let mut slips = defined
                .iter()
                .zip(corrections)
                .filter(|(d, correction)| {
                    let acronym = doc.slice(d.acronym);
                    correction.is_none()
                        && d.token < i
                        && is_near_miss(word, acronym)
                        // Two letters leave room for little but a swap.
                        && (word.len() > 2 || word.bytes().rev().eq(acronym.bytes()))
                })
                .map(|(d, _)| d);
            let (Some(definition), None) = (slips.next(), slips.next()) else {
                continue;
            };
            let intended = doc.slice(definition.acronym);
            let span = Span::new(token.span.start, token.span.start + word.len());
            out.push(
                Finding::new(
                    span,
                    format!("“{word}” looks like a slip for “{intended}”, defined earlier"),
                )
                .label(definition.acronym, "defined here")
                .help("use the defined acronym")
                .fix(Fix::unsafe_(span, intended)),
            );
        }
    }
}

/// The acronym a word token is written with (`CDC` in `CDC’s`).
fn acronym_at<'d>(doc: &'d Document, token: &Token) -> Option<&'d str> {
    // Most words do not start with two capitals: read no further.
    if !may_be_acronym(token) {
        return None;
    }
    acronym_part(doc.slice(token.span))
}

/// Token `i` follows a capitalized word inside its sentence, as a Roman
/// numeral follows a name (`Henry VIII`, `Title IX`, `World War II`).
fn after_name(doc: &Document, i: usize) -> bool {
    let Some(before) = i.checked_sub(1).map(|b| doc.tokens[b]) else {
        return false;
    };
    let sentence_start = doc
        .sentence_of_token(i)
        .is_some_and(|s| doc.sentences[s].tokens.start == i - 1);
    before.kind == TokenKind::Word
        && doc.slice(before.span).starts_with(char::is_uppercase)
        && !sentence_start
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{check_text, flagged};

    #[test]
    fn flags_a_definition_whose_letters_are_scrambled() {
        let rule = AcronymMismatch::new();
        assert_eq!(
            check_text(
                &rule,
                "According to the International Atomic Energy Agency (IAAE), the reactor is safe."
            ),
            vec![(
                "IAAE".to_string(),
                "“IAAE” does not fit the name it abbreviates; “IAEA” would".to_string()
            )]
        );
        assert_eq!(
            flagged(&rule, "The Federal Bureau of Investigation (FIB) said so."),
            vec!["FIB"]
        );
    }

    #[test]
    fn fitting_and_conventional_definitions_pass() {
        let rule = AcronymMismatch::new();
        for text in [
            "Delegates to the Parliamentary Assembly of the Council of Europe (PACE) met.",
            "Ministers of the Gulf Co-operation Council (GCC) met.",
            "The Long-Distance Rail Authority (LRA) Act passed in 2011.",
            "Its compound annual growth rate (CAGR) slowed.",
            "The Economic Community of West African States (ECOWAS) said so.",
            "The International Organization for Standardization (ISO) sets norms.",
            "Shares of Brackett Foods Inc. (BKT) rose.",
            "Doctors Without Borders (MSF) and Reporters Without Borders (RSF) spoke.",
        ] {
            assert!(flagged(&rule, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_slip_that_spells_a_roman_numeral_is_still_a_slip() {
        let rule = AcronymMismatch::new();
        assert_eq!(
            flagged(
                &rule,
                "The Civic Defence Council (CDC) met. Later the DCC’s chair spoke."
            ),
            vec!["DCC"]
        );
        // A numeral after a name is a numeral.
        assert!(
            flagged(
                &rule,
                "The Civic Defence Council (CDC) met in the hall of Pope Leo XIV and King Louis DCC."
            )
            .is_empty()
        );
    }

    #[test]
    fn flags_letters_rearranged_in_a_mixed_case_name() {
        let rule = AcronymMismatch::new();
        for slip in ["OhioDTO", "OhoiDOT", "hOioDOT"] {
            let text = format!(
                "The Ohio Department of Transportation (OhioDOT) inspected the ramp. \
                 An {slip} spokeswoman declined to comment."
            );
            assert_eq!(flagged(&rule, &text), vec![slip], "{text}");
        }
        for text in [
            "The Ohio Department of Transportation (OhioDOT) inspected it. OhioDOT said so.",
            // Not the same letters, or written more than once.
            "The agency (FinCEN) wrote. The FinCAN form and FinCEN rules differ.",
            "The agency (FinCEN) wrote. FinNEC and FinNEC again.",
        ] {
            assert!(flagged(&rule, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn flags_a_later_slip_of_a_defined_acronym() {
        let rule = AcronymMismatch::new();
        assert_eq!(
            check_text(
                &rule,
                "A diver from the Flood Rescue Team (FRT) spoke. He said the FTR had sent two boats."
            ),
            vec![(
                "FTR".to_string(),
                "“FTR” looks like a slip for “FRT”, defined earlier".to_string()
            )]
        );
        assert_eq!(
            flagged(
                &rule,
                "Trucks are checked by the Joint Review Commission (JRC). The JRC met. Kenya will host the JRS."
            ),
            vec!["JRS"]
        );
        assert_eq!(
            flagged(
                &rule,
                "The National Transportation Safety Board (NTSB) investigated. The NSTB also issued a report."
            ),
            vec!["NSTB"]
        );
    }

    #[test]
    fn a_wrong_definition_is_no_model_for_later_uses() {
        let rule = AcronymMismatch::new();
        assert_eq!(
            flagged(
                &rule,
                "The Maritime Employers Council (MCE) spoke. The MEC has scheduled a briefing."
            ),
            vec!["MCE"]
        );
    }

    #[test]
    fn other_acronyms_are_not_slips() {
        let rule = AcronymMismatch::new();
        for text in [
            // Used before the definition, or more than once: its own thing.
            "The NSTB report came first. The National Transportation Safety Board (NTSB) followed.",
            "The National Transportation Safety Board (NTSB) investigated. NSTB staff and NSTB engineers helped.",
            // Defined itself.
            "The Flood Rescue Team (FRT) and the Fire Training Reserve (FTR) met.",
            // Well known.
            "The National Security Agency (NSA) and the NBA agreed. The FBI did not.",
            // Two letters off.
            "The Flood Rescue Team (FRT) and the PRS network spoke.",
        ] {
            assert!(flagged(&rule, text).is_empty(), "{text}");
        }
    }
}
