//! A he/she pronoun that does not fit the person it refers to.
//!
//! galley resolves each he, him, his, himself, she, her, hers and herself in
//! the narration to the person a reader would take it for — the most recent
//! subject among the people named (outside quotations) in the paragraph, or
//! in the previous one when the paragraph names nobody before the pronoun —
//! and flags it when nobody in view fits and the person it points to is known
//! to use the other pronoun. What a person uses is taken, in this order, from
//! the facts sheet, an honorific (`Mr.`, `Ms.`, `Mrs.`), a first name that
//! is given to one sex at least 98% of the time in US records and not to the
//! other elsewhere (`Jordan`, `Robin`, `Casey`, `Andrea` decide nothing), or, for anyone else, a clear majority of
//! the pronouns the article itself uses for them (two agreeing against at
//! most one). When the referent is ambiguous — two people who could fit, an
//! unnamed `deputy` in the same sentence, a name that decides nothing — galley
//! stays silent. `they` is never flagged.
//!
//! ## Why
//! Machine translation and hurried rewrites swap pronouns; a reader then
//! either misreads who did what or notices the paper got a person's gender
//! wrong. Neither a spell-checker nor a grammar checker can see it: both
//! pronouns are correct English.
//!
//! ## Example
//! Bad: `Deputy Secretary of State Nora Gorman met the delegation on Monday. He said the talks were useful.`
//!
//! Good: `Deputy Secretary of State Nora Gorman met the delegation on Monday. She said the talks were useful.`
//!
//! The fix (unsafe: the name may be the error) swaps the pronoun.

use crate::document::Document;
use crate::entities::Entities;
use crate::entities::pronouns::{Referent, resolve, votes};
use crate::entities::words::{Gender, honorific_gender};
use crate::lexicon::{names, pos};
use crate::rules::{
    Category, Finding, Fix, Fixable, Rule, RuleMeta, Settings, Severity, builtin_meta,
};

pub struct GenderMismatch {
    meta: RuleMeta,
}

impl GenderMismatch {
    pub fn new() -> Self {
        GenderMismatch {
            meta: builtin_meta(
                "pronouns/gender-mismatch",
                Category::Pronouns,
                Severity::Warning,
                Fixable::Always,
            ),
        }
    }
}

/// A first name decides a pronoun only when this share of births or more
/// goes to one sex, and only with at least this many births on record.
const CLEAR_SHARE: f64 = 0.98;
const ENOUGH_BIRTHS: u32 = 300;
/// Births enough for a name given to one sex only.
const FEW_BUT_UNANIMOUS: u32 = 100;
/// The share of one sex that decides when the international lists agree.
const LEANING_SHARE: f64 = 0.90;

/// Names clear in US records but given to the other sex elsewhere or as
/// short forms: `Andrea` and `Michele` (men in Italy), `Simone` (men in
/// Italy, women in France), `Kari` and `Toni` (men in Finland and Norway),
/// `Ashley` (men in Britain), `Sam` and `Jo` (short for either), `Camille`
/// and `Claude` (either in France), `Nicola` (men in Italy).
const DECIDES_NOTHING: &[&str] = &[
    "andrea", "ashley", "camille", "claude", "jo", "kari", "michele", "nicola", "sam", "simone",
    "toni",
];

/// What galley knows about the pronoun a person uses, and from where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Known {
    Gender(Gender, Source),
    /// The facts sheet says `they`: he and she are never judged.
    Neither,
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    FactsSheet,
    Honorific,
    FirstName,
    Article,
}

fn known_gender(doc: &Document, entities: &Entities, person: usize, settings: &Settings) -> Known {
    let p = &entities.people[person];
    if let Some(sheet) = &settings.facts
        && let Some(listed) = sheet.person_with_surname(&p.surname)
        && p.given.as_deref().is_none_or(|g| g == listed.given())
        && let Some(pronouns) = listed.pronouns
    {
        return match pronouns.gender() {
            Some(g) => Known::Gender(g, Source::FactsSheet),
            None => Known::Neither,
        };
    }
    // Every given and middle name counts (`Nguyen Thi Hoa`, `Juan Carlos`):
    // those that decide must agree; else the shape of the name may tell.
    let by_name = match korean_given_name(&p.name) {
        // `Park Min-ji`: the family name comes first and tells nothing.
        Some(given) => given_name_gender(given),
        None => given_name_gender(&p.given_names().join("-")),
    }
    .or_else(|| name_form_gender(&p.name));
    // Honorifics decide when they agree with each other and with the first
    // name: `Mrs. Lee Sterling` and `General Sterling` may be two people.
    let mut honorifics = entities.mentions_of(person).filter_map(|m| {
        let title = doc.slice(m.title?);
        honorific_gender(title.split_whitespace().last()?)
    });
    let honorific = honorifics.next();
    let agreeing = honorific.is_some_and(|first| honorifics.all(|g| g == first));
    match (honorific, by_name) {
        (Some(h), Some(n)) if h != n => Known::Unknown,
        (Some(h), _) if agreeing => Known::Gender(h, Source::Honorific),
        (Some(_), _) => Known::Unknown,
        (None, Some(n)) => Known::Gender(n, Source::FirstName),
        (None, None) => Known::Unknown,
    }
}

/// The gender a given name clearly shows, if any. A hyphenated name
/// (`Mei-Ling`, `Jean-Pierre`) shows one when its parts that decide agree,
/// or else as one word (`Min-ji` as `Minji`).
fn given_name_gender(given: &str) -> Option<Gender> {
    let by_parts = parts_gender(given);
    if by_parts.is_some() || !given.contains('-') {
        return by_parts;
    }
    part_gender(&given.replace('-', ""))
}

/// The given name of a Korean name written family name first, with a
/// two-syllable given name (`Park Min-ji`, `Lee Jae-won`): `Min-ji`.
fn korean_given_name(name: &str) -> Option<&str> {
    let [_family, given] = name.split_whitespace().collect::<Vec<_>>()[..] else {
        return None;
    };
    let (first, second) = given.split_once('-')?;
    let syllable =
        |s: &str| (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic());
    (first.starts_with(|c: char| c.is_ascii_uppercase())
        && second.starts_with(|c: char| c.is_ascii_lowercase())
        && syllable(first)
        && syllable(second))
    .then_some(given)
}

/// What the parts of a given name that decide agree on.
fn parts_gender(given: &str) -> Option<Gender> {
    let mut decided = None;
    for part in given.split('-') {
        let Some(gender) = part_gender(part) else {
            continue;
        };
        if decided.is_some_and(|d| d != gender) {
            return None;
        }
        decided = Some(gender);
    }
    decided
}

/// A given name decides when US records clearly give it to one sex, or,
/// for a name US records hardly know (`Oluwaseun`, `Thi`), when the other
/// lists give it to one sex only.
fn part_gender(name: &str) -> Option<Gender> {
    if DECIDES_NOTHING.contains(&name.to_lowercase().as_str()) {
        return None;
    }
    let us = names::first_name(name).filter(|counts| {
        // A name US records hardly know counts when they are unanimous
        // (`Fumio`: 129 boys, no girls).
        counts.total() >= ENOUGH_BIRTHS
            || (counts.total() >= FEW_BUT_UNANIMOUS && counts.female.min(counts.male) == 0)
    });
    match us {
        Some(counts) => {
            let female = f64::from(counts.female) / f64::from(counts.total());
            let elsewhere = names::sexes_elsewhere(name);
            // A name US records lean on (`Dale`, 93% boys) decides when the
            // other lists give it to that sex only.
            let only_female = elsewhere.is_some_and(|s| s.female && !s.male);
            let only_male = elsewhere.is_some_and(|s| s.male && !s.female);
            if female >= CLEAR_SHARE || (female >= LEANING_SHARE && only_female) {
                Some(Gender::Female)
            } else if female <= 1.0 - CLEAR_SHARE || (female <= 1.0 - LEANING_SHARE && only_male) {
                Some(Gender::Male)
            } else {
                None
            }
        }
        None => match names::sexes_elsewhere(name) {
            Some(s) if s.female && !s.male => Some(Gender::Female),
            Some(s) if s.male && !s.female => Some(Gender::Male),
            _ => None,
        },
    }
}

/// What the form of a full name says where the given names do not: the
/// Vietnamese middle names `Thi` (women) and `Van` (men), Arabic `bint` and
/// `bin`/`ibn`, Russian patronymics (`-ovna`, `-evna` / `-ovich`, `-evich`),
/// Icelandic `-dóttir`, and the feminine forms of Slavic surnames (`-ová`,
/// `-ská`, `-ova`, `-eva`) against their masculine ones (`-ov`, `-ev`,
/// `-ski`, `-sky`).
fn name_form_gender(name: &str) -> Option<Gender> {
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    let (surname, before) = words.split_last()?;
    let middle = before.get(1..).unwrap_or_default();
    let by_middle = middle.iter().map(|w| match w.as_str() {
        "thi" | "thị" | "bint" => Some(Gender::Female),
        "van" | "văn" | "bin" | "ibn" => Some(Gender::Male),
        w if w.len() > 5 && (w.ends_with("ovna") || w.ends_with("evna")) => Some(Gender::Female),
        w if w.len() > 5 && (w.ends_with("ovich") || w.ends_with("evich")) => Some(Gender::Male),
        _ => None,
    });
    let long = surname.chars().count() > 4;
    let feminine = surname.ends_with("dóttir")
        || surname.ends_with("dottir")
        || (long
            && ["ová", "ská", "cká", "ova", "eva", "skaya"]
                .iter()
                .any(|e| surname.ends_with(e)));
    let masculine = long
        && ["ov", "ev", "ski", "sky"]
            .iter()
            .any(|e| surname.ends_with(e));
    let by_surname = match (feminine, masculine) {
        (true, false) => Some(Gender::Female),
        (false, true) => Some(Gender::Male),
        _ => None,
    };
    let said: Vec<Gender> = by_middle
        .chain(std::iter::once(by_surname))
        .flatten()
        .collect();
    let first = *said.first()?;
    said.iter().all(|&g| g == first).then_some(first)
}

fn pronoun_of(gender: Gender) -> &'static str {
    match gender {
        Gender::Female => "she",
        Gender::Male => "he",
    }
}

/// The pronoun of the other gender in the same role, keeping capitalisation.
fn swapped(doc: &Document, span: crate::span::Span) -> String {
    let word = doc.slice(span);
    let lower = word.to_lowercase();
    let other = match lower.as_str() {
        "he" => "she",
        "she" => "he",
        "him" => "her",
        "his" => "her",
        "himself" => "herself",
        "herself" => "himself",
        "hers" => "his",
        // `her` is `his` before a noun and `him` otherwise.
        _ => {
            let next = doc.text[span.end..].split_whitespace().next().unwrap_or("");
            let next = next.trim_matches(|c: char| !c.is_alphanumeric());
            let noun_follows = !next.is_empty()
                && pos::lookup_any_case(next)
                    .is_some_and(|e| e.primary.is_noun() || e.primary == pos::Tag::JJ);
            if noun_follows { "his" } else { "him" }
        }
    };
    if word.starts_with(char::is_uppercase) {
        let mut chars = other.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        other.to_string()
    }
}

impl Rule for GenderMismatch {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, settings: &Settings, out: &mut Vec<Finding>) {
        let entities = &*doc.entities();
        if entities.people.is_empty() {
            return;
        }
        let mut known: Vec<Known> = (0..entities.people.len())
            .map(|p| known_gender(doc, entities, p, settings))
            .collect();
        let gender_of = |known: &[Known], p: usize| match known[p] {
            Known::Gender(g, _) => Some(g),
            _ => None,
        };
        // People whose name decides nothing: the article's own usage may.
        let first = resolve(doc, entities, &|p| gender_of(&known, p));
        let mut learned = false;
        for (person, (female, male)) in votes(&first) {
            // Only someone the article introduces by full name: a lone
            // capitalised word may be a ship, a firm or a country.
            if known[person] != Known::Unknown || entities.people[person].given.is_none() {
                continue;
            }
            let (more, fewer, gender) = if female > male {
                (female, male, Gender::Female)
            } else {
                (male, female, Gender::Male)
            };
            if more >= 2 && fewer * 2 <= more {
                known[person] = Known::Gender(gender, Source::Article);
                learned = true;
            }
        }
        // Resolved again only if the article taught a gender: the same
        // genders resolve the same way.
        let resolved = if learned {
            resolve(doc, entities, &|p| gender_of(&known, p))
        } else {
            first
        };
        for pronoun in resolved {
            let Referent::Person {
                person,
                mismatch: true,
                ..
            } = pronoun.referent
            else {
                continue;
            };
            let Known::Gender(gender, source) = known[person] else {
                continue;
            };
            let name = entities.people[person].display_name();
            let basis = match source {
                Source::FactsSheet => "the facts sheet gives",
                Source::Honorific => "the honorific says",
                Source::FirstName => "the first name suggests",
                Source::Article => "the article elsewhere uses",
            };
            let word = doc.slice(pronoun.span);
            let last_mention = entities
                .mentions_of(person)
                .filter(|m| m.span.start < pronoun.span.start && !m.quoted)
                .last();
            let mut finding = Finding::new(
                pronoun.span,
                format!(
                    "“{word}” seems to refer to {name}, but {basis} “{}”",
                    pronoun_of(gender)
                ),
            )
            .help(format!(
                "check who is meant; if it is {name}, write “{}”",
                swapped(doc, pronoun.span)
            ))
            .fix(Fix::unsafe_(pronoun.span, swapped(doc, pronoun.span)));
            if let Some(m) = last_mention {
                finding = finding.label(m.span, format!("{name} is named here"));
            }
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::FactsSheet;
    use crate::rules::testing::{check_text, flagged};
    use crate::source::{Format, Source as TextSource};

    #[test]
    fn flags_a_pronoun_that_does_not_fit_its_person() {
        let rule = GenderMismatch::new();
        let text = "Deputy Secretary of State Nora Gorman met the delegation on Monday. He said the talks were useful.";
        let found = check_text(&rule, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "He");
        assert!(
            found[0].1.contains("refer to Nora Gorman"),
            "{}",
            found[0].1
        );
        let text = "Library director Helen Soto said the damage was severe. “Those books outlived a war,” Soto said. He said the library would close.";
        assert_eq!(flagged(&rule, text), vec!["He"]);
    }

    #[test]
    fn correct_and_ambiguous_pronouns_are_silent() {
        let rule = GenderMismatch::new();
        for text in [
            "Nora Gorman met Boris Antonov on Monday. He said the talks were useful.",
            "Lt. Gen. Dana Price briefed the delegation. An official said Price described her plan in detail.",
            "Jordan Blake spoke. He said the river had risen.",
            "Nora Gorman waited outside while a deputy said he would knock.",
            "Nora Gorman said: “My brother told me he was ready.”",
            "Nora Gorman said each delegate would decide whether he or she would attend.",
            "Nora Gorman spoke. They said the talks were useful.",
        ] {
            assert!(
                flagged(&rule, text).is_empty(),
                "{text}: {:?}",
                flagged(&rule, text)
            );
        }
    }

    #[test]
    fn the_article_decides_for_names_that_do_not() {
        let rule = GenderMismatch::new();
        let text = "Captain Casey Moreno spoke first. She said the river had risen.\n\nMoreno said volunteers worked all night. She said more boats would arrive.\n\nMoreno said the water would drop. He said the volunteers were tired.";
        assert_eq!(flagged(&rule, text), vec!["He"]);
    }

    #[test]
    fn honorifics_and_the_facts_sheet_decide() {
        let rule = GenderMismatch::new();
        assert_eq!(
            flagged(
                &rule,
                "Ms. Jordan Blake spoke. He said the river had risen."
            ),
            vec!["He"]
        );
        let sheet = FactsSheet::parse(
            "f.toml",
            "[[person]]\nname = \"Jordan Blake\"\npronouns = \"she\"\n",
        )
        .unwrap();
        let settings = Settings {
            facts: Some(std::sync::Arc::new(sheet)),
            ..Settings::default()
        };
        let source = TextSource::new(
            "t.txt",
            "Jordan Blake spoke. He said the river had risen.".into(),
            Format::Text,
        );
        let doc = Document::new(&source);
        let mut out = Vec::new();
        rule.check(&doc, &settings, &mut out);
        assert_eq!(out.len(), 1);
        assert!(out[0].message.contains("facts sheet"));
    }

    #[test]
    fn hyphenated_given_names_decide_when_their_parts_agree() {
        assert_eq!(given_name_gender("Mary-Kate"), Some(Gender::Female));
        assert_eq!(given_name_gender("Jean-Pierre"), Some(Gender::Male));
        assert_eq!(given_name_gender("Mary-John"), None);
        assert_eq!(given_name_gender("Jordan"), None);
        // Accents US records drop; a lean the other lists confirm.
        assert_eq!(given_name_gender("Tomás"), Some(Gender::Male));
        assert_eq!(given_name_gender("Dale"), Some(Gender::Male));
        // A Korean given name after the family name; one word if its
        // syllables tell nothing.
        assert_eq!(korean_given_name("Park Min-ji"), Some("Min-ji"));
        assert_eq!(korean_given_name("Mary-Kate Olsen"), None);
        assert_eq!(korean_given_name("Jean-Pierre Leroy"), None);
        assert_eq!(given_name_gender("Min-ji"), Some(Gender::Female));
        assert_eq!(given_name_gender("Fumio"), Some(Gender::Male));
    }

    #[test]
    fn the_form_of_a_name_can_tell() {
        assert_eq!(name_form_gender("Nguyen Thi Lan"), Some(Gender::Female));
        assert_eq!(name_form_gender("Tran Van Minh"), Some(Gender::Male));
        assert_eq!(
            name_form_gender("Olga Sergeyevna Ivanova"),
            Some(Gender::Female)
        );
        assert_eq!(name_form_gender("Pavel Petrov"), Some(Gender::Male));
        assert_eq!(name_form_gender("Jana Novákova"), Some(Gender::Female));
        assert_eq!(name_form_gender("Anna Sigurdsdóttir"), Some(Gender::Female));
        assert_eq!(name_form_gender("Tom Reed"), None);
        assert_eq!(name_form_gender("Nguyen Thi Petrov"), None);
    }

    #[test]
    fn an_appositive_role_noun_is_the_named_person() {
        let rule = GenderMismatch::new();
        let text = "The team's president, Marcus Lund, said she was disappointed.";
        assert_eq!(flagged(&rule, text), vec!["she"]);
        let text = "The council's spokesman, Tom Reed, said she was tired.";
        assert_eq!(flagged(&rule, text), vec!["she"]);
    }

    #[test]
    fn a_place_named_like_a_person_is_not_someone_else() {
        let rule = GenderMismatch::new();
        let text = "Secretary Peter Lund said the state would send nurses from Olympia. She said the plan would work.";
        assert_eq!(flagged(&rule, text), vec!["She"]);
    }

    #[test]
    fn the_fix_swaps_the_pronoun_in_its_role() {
        let source = TextSource::new(
            "t.txt",
            "Nora Gorman spoke. He said his plan would help him.".into(),
            Format::Text,
        );
        let doc = Document::new(&source);
        let mut out = Vec::new();
        GenderMismatch::new().check(&doc, &Settings::default(), &mut out);
        let fixes: Vec<_> = out
            .iter()
            .map(|f| f.fix.as_ref().unwrap().edits[0].replacement.as_str())
            .collect();
        assert_eq!(fixes, vec!["She", "her", "her"]);
    }
}
