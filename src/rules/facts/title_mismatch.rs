//! One person given two incompatible titles: `Deputy Secretary of State Nora Gorman` … `Secretary of State Gorman`.
//!
//! galley compares the capitalised titles written before each mention of a
//! person (linked through the names layer) and flags a later title that
//! names a different office: a rank qualifier gained or lost (`Deputy`,
//! `Vice`, `Assistant`, `Under`, `Associate`), a different department
//! (`Secretary of State` / `Secretary of Defense`, `Foreign Minister` /
//! `Defense Minister`), or a different office of the same kind (`Sen.` /
//! `Gov.`, `Col.` / `Gen.`). Shortened second references (`Secretary Gorman`
//! after `Secretary of State Nora Gorman`, `Gen.` after `Lt. Gen.`),
//! abbreviations (`Sen.` for `Senator`), honorifics (`Mr.`, `Dr.`) and a
//! country or organisation before the title (`U.S.`, `NATO`) are not
//! differences. Titles marked `former`, `acting` or `then`, and sentences
//! that tell of a change (`was promoted to`, `named`, `became`), are not
//! compared. With a facts sheet, a title that disagrees with the sheet's is
//! flagged the same way.
//!
//! ## Why
//! A title that shifts demotes or promotes someone by mistake, and a reader
//! cannot tell which is right.
//!
//! ## Example
//! Bad: `Deputy Secretary of State Nora Gorman arrived. … Secretary of State Gorman said the talks were useful.`
//!
//! Good: `Deputy Secretary of State Nora Gorman arrived. … Deputy Secretary of State Gorman said the talks were useful.`
//!
//! There is no automatic fix: either title may be the wrong one.

use crate::document::Document;
use crate::entities::Mention;
use crate::entities::words::is_title_word;
use crate::lowercase::with_lowercase;
use crate::rules::{Category, Finding, Fixable, Rule, RuleMeta, Settings, Severity, builtin_meta};
use crate::span::Span;

pub struct TitleMismatch {
    meta: RuleMeta,
}

impl TitleMismatch {
    pub fn new() -> Self {
        TitleMismatch {
            meta: builtin_meta(
                "facts/title-mismatch",
                Category::Facts,
                Severity::Warning,
                Fixable::Never,
            ),
        }
    }
}

/// Qualifiers that make a different office: a deputy secretary is not the
/// secretary.
const OFFICE_QUALIFIERS: &[&str] = &["Associate", "Assistant", "Deputy", "Under", "Vice"];

/// Offices of one kind: two of them for one person contradict each other.
const ELECTED_OFFICES: &[&str] = &[
    "Congressman",
    "Congresswoman",
    "Governor",
    "Mayor",
    "Representative",
    "Senator",
];
const RANKS: &[&str] = &[
    "Admiral", "Captain", "Colonel", "Corporal", "General", "Major", "Private", "Sergeant",
];

/// Words that are not offices: honorifics and courtesy titles.
const HONORIFICS: &[&str] = &[
    "Dame", "Doctor", "Miss", "Mr", "Mrs", "Ms", "Mx", "Sir", "Reverend",
];

/// Titles in time rather than in office.
const NOT_CURRENT: &[&str] = &[
    "Acting", "Former", "Interim", "Retired", "Emeritus", "then", "former", "acting",
];

/// Sentences that tell of a change of office.
const CHANGE_WORDS: &[&str] = &[
    "appointed",
    "became",
    "become",
    "elected",
    "named",
    "nominated",
    "nominee",
    "promoted",
    "succeed",
    "succeeded",
    "replaced",
    "replace",
    "resigned",
    "retired",
    "demoted",
    "sworn",
];

/// A title reduced to what distinguishes one office from another.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Office {
    qualifiers: Vec<String>,
    /// The rest, in order, abbreviations written out: `Secretary of State`.
    core: Vec<String>,
}

fn expand(word: &str) -> &str {
    match word {
        "Sen" => "Senator",
        "Rep" => "Representative",
        "Gov" => "Governor",
        "Gen" => "General",
        "Lt" => "Lieutenant",
        "Col" => "Colonel",
        "Maj" => "Major",
        "Capt" => "Captain",
        "Sgt" => "Sergeant",
        "Adm" => "Admiral",
        "Cmdr" | "Cdr" => "Commander",
        "Dr" => "Doctor",
        "Prof" => "Professor",
        "Det" => "Detective",
        "Insp" => "Inspector",
        "Supt" => "Superintendent",
        "Pres" => "President",
        "Atty" => "Attorney",
        "Amb" => "Ambassador",
        "Brig" => "Brigadier",
        "Cpl" => "Corporal",
        "Pvt" => "Private",
        "Rev" => "Reverend",
        other => other,
    }
}

/// `CEO` → `Chief Executive Officer`.
fn expand_initialism(word: &str) -> Option<&'static [&'static str]> {
    match word {
        "CEO" => Some(&["Chief", "Executive", "Officer"]),
        "CFO" => Some(&["Chief", "Financial", "Officer"]),
        "COO" => Some(&["Chief", "Operating", "Officer"]),
        _ => None,
    }
}

impl Office {
    /// The office a title names, or `None` when it names none to compare (an
    /// honorific alone, a former or acting title).
    fn from_title(title: &str) -> Option<Office> {
        let mut words: Vec<String> = Vec::new();
        for raw in title.split_whitespace() {
            let word = raw.trim_end_matches('.').trim_end_matches(',');
            if NOT_CURRENT.contains(&word) || word.starts_with("ex-") || word.ends_with("-elect") {
                return None;
            }
            match expand_initialism(word) {
                Some(parts) => words.extend(parts.iter().map(|p| p.to_string())),
                None => words.push(expand(word).to_string()),
            }
        }
        // Drop the country or organisation before the title (`U.S.`, `NATO`,
        // `Kenya’s`, `City Water`): the office starts at its first title word.
        let start = words
            .iter()
            .position(|w| is_title_word(w) && !HONORIFICS.contains(&w.as_str()))?;
        let mut qualifiers = Vec::new();
        let mut core = Vec::new();
        for word in &words[start..] {
            if HONORIFICS.contains(&word.as_str()) {
                continue;
            }
            if OFFICE_QUALIFIERS.contains(&word.as_str()) {
                qualifiers.push(word.clone());
            } else {
                core.push(word.clone());
            }
        }
        qualifiers.sort();
        (!core.is_empty()).then_some(Office { qualifiers, core })
    }

    /// The head noun: the last word before `of`/`for`, else the last word.
    fn head(&self) -> &str {
        let end = self
            .core
            .iter()
            .position(|w| w == "of" || w == "for")
            .unwrap_or(self.core.len());
        self.core[..end].last().map_or("", String::as_str)
    }

    /// `of State` in `Secretary of State`.
    fn complement(&self) -> Option<&[String]> {
        let at = self.core.iter().position(|w| w == "of" || w == "for")?;
        Some(&self.core[at + 1..])
    }

    /// Department words before the head: `Foreign` in `Foreign Minister`.
    fn modifiers(&self) -> &[String] {
        let end = self
            .core
            .iter()
            .position(|w| w == "of" || w == "for")
            .unwrap_or(self.core.len());
        &self.core[..end.saturating_sub(1)]
    }

    /// A military rank only (`Lieutenant General`), not an office that ends
    /// in a rank word (`Attorney General`, `Governor General`).
    fn is_rank(&self) -> bool {
        self.core.iter().all(|w| {
            RANKS.contains(&w.as_str())
                || matches!(
                    w.as_str(),
                    "Lieutenant" | "Brigadier" | "Rear" | "First" | "Staff" | "Master"
                )
        })
    }

    /// Why two titles cannot both be right, if they cannot.
    fn conflict(&self, other: &Office) -> Option<&'static str> {
        let (a, b) = (self.head(), other.head());
        if a == b {
            if self.qualifiers != other.qualifiers {
                return Some("a different rank of office");
            }
            if let (Some(x), Some(y)) = (self.complement(), other.complement())
                && x != y
            {
                return Some("a different department");
            }
            let (x, y) = (self.modifiers(), other.modifiers());
            if !x.is_empty() && !y.is_empty() && x != y {
                return Some("a different department");
            }
            return None;
        }
        let same_kind = |kind: &[&str]| kind.contains(&a) && kind.contains(&b);
        if same_kind(ELECTED_OFFICES) {
            return Some("a different office");
        }
        // `Gen.` after `Lt. Gen.` is a common short form; ranks that differ
        // in their head (`Colonel` / `General`) are not.
        if self.is_rank()
            && other.is_rank()
            && !self.core.contains(&b.to_string())
            && !other.core.contains(&a.to_string())
        {
            return Some("a different rank");
        }
        None
    }
}

/// Does the mention's sentence tell of a change of office?
fn tells_of_change(doc: &Document, mention: &Mention) -> bool {
    let Some(s) = mention.sentence else {
        return true;
    };
    doc.sentence_tokens(&doc.sentences[s])
        .iter()
        .any(|t| with_lowercase(doc.slice(t.span), |word| CHANGE_WORDS.contains(&word)))
}

impl Rule for TitleMismatch {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, settings: &Settings, out: &mut Vec<Finding>) {
        let entities = doc.entities();
        for (p, person) in entities.people.iter().enumerate() {
            let name = person.display_name();
            let titled: Vec<(Span, Office)> = entities
                .mentions_of(p)
                .filter(|m| !m.quoted && !tells_of_change(doc, m))
                .filter_map(|m| {
                    let span = m.title?;
                    Some((span, Office::from_title(doc.slice(span))?))
                })
                .collect();
            let listed = settings
                .facts
                .as_ref()
                .and_then(|sheet| sheet.person_with_surname(&person.surname))
                .filter(|listed| person.given.as_deref().is_none_or(|g| g == listed.given()))
                .and_then(|listed| {
                    Some((
                        listed.title.clone()?,
                        Office::from_title(listed.title.as_deref()?)?,
                    ))
                });
            for (i, (span, office)) in titled.iter().enumerate() {
                if let Some((sheet_title, sheet_office)) = &listed
                    && let Some(why) = office.conflict(sheet_office)
                {
                    out.push(
                        Finding::new(
                            *span,
                            format!(
                                "“{}” is {why} from the facts sheet’s “{sheet_title}” for {name}",
                                doc.slice(*span)
                            ),
                        )
                        .help("use the title on the facts sheet, or correct the sheet"),
                    );
                    continue;
                }
                let earlier = titled[..i]
                    .iter()
                    .find_map(|(s, o)| Some((s, office.conflict(o)?)));
                if let Some((first, why)) = earlier {
                    out.push(
                        Finding::new(
                            *span,
                            format!(
                                "“{}” is {why} from “{}” given earlier for {name}",
                                doc.slice(*span),
                                doc.slice(*first)
                            ),
                        )
                        .label(*first, "the earlier title")
                        .help("check the title; one of the two is wrong"),
                    );
                }
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
    fn flags_a_title_that_names_another_office() {
        let rule = TitleMismatch::new();
        let text = "Deputy Secretary of State Nora Gorman arrived. Later, Secretary of State Gorman said the talks were useful.";
        let found = check_text(&rule, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "Secretary of State");
        for (text, flagged_title) in [
            (
                "Secretary of State Nora Gorman arrived. Secretary of Defense Gorman spoke.",
                "Secretary of Defense",
            ),
            (
                "Foreign Minister Boris Antonov arrived. Defense Minister Antonov spoke.",
                "Defense Minister",
            ),
            ("Sen. Nora Gorman arrived. Gov. Gorman spoke.", "Gov."),
            ("Col. Tom Reed arrived. Gen. Reed spoke.", "Gen."),
            (
                "Col. Tom Reed arrived. Lieutenant General Reed spoke.",
                "Lieutenant General",
            ),
        ] {
            assert_eq!(flagged(&rule, text), vec![flagged_title], "{text}");
        }
    }

    #[test]
    fn short_forms_abbreviations_and_changes_are_not_conflicts() {
        let rule = TitleMismatch::new();
        for text in [
            "Secretary of State Nora Gorman arrived. Secretary Gorman spoke.",
            "Senator Nora Gorman arrived. Sen. Gorman spoke.",
            "Lt. Gen. Tom Reed arrived. Gen. Reed spoke.",
            "Col. Tom Reed arrived. Governor General Reed spoke.",
            "U.S. Deputy Secretary of State Nora Gorman arrived. Deputy Secretary of State Gorman spoke.",
            "Chief Executive Officer Nora Gorman arrived. CEO Gorman spoke.",
            "Deputy Secretary Nora Gorman arrived. Gorman was promoted and Secretary Gorman spoke.",
            "Former Secretary of State Nora Gorman arrived. Secretary of Defense Gorman spoke.",
            "Dr. Nora Gorman arrived. Professor Gorman spoke.",
            "Nora Gorman arrived. Ms. Gorman spoke.",
        ] {
            assert!(
                flagged(&rule, text).is_empty(),
                "{text}: {:?}",
                flagged(&rule, text)
            );
        }
    }

    #[test]
    fn the_facts_sheet_title_decides() {
        let sheet = FactsSheet::parse(
            "f.toml",
            "[[person]]\nname = \"Nora Gorman\"\ntitle = \"Deputy Secretary of State\"\n",
        )
        .unwrap();
        let settings = Settings {
            facts: Some(std::sync::Arc::new(sheet)),
            ..Settings::default()
        };
        let source = Source::new(
            "t.txt",
            "Secretary of State Nora Gorman arrived.".into(),
            Format::Text,
        );
        let doc = Document::new(&source);
        let mut out = Vec::new();
        TitleMismatch::new().check(&doc, &settings, &mut out);
        assert_eq!(out.len(), 1);
        assert!(out[0].message.contains("facts sheet"), "{}", out[0].message);
    }
}
