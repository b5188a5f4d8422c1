//! The facts sheet: what the article cannot tell about itself — people's
//! canonical names, aliases, pronouns and titles, and organisations with their
//! acronyms (`--facts FILE` or `facts` in galley.toml). Format in DESIGN.md:
//!
//! ```toml
//! [[person]]
//! name = "Nora Gorman"
//! pronouns = "she"
//! title = "Deputy Secretary of State"
//! aliases = ["Nora J. Gorman"]
//!
//! [[organization]]
//! name = "International Atomic Energy Agency"
//! acronym = "IAEA"
//! ```
//!
//! A malformed sheet is an error pointing at the place in the file.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::config::ConfigError;
use crate::entities::Gender;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FactsSheet {
    pub people: Vec<FactPerson>,
    pub organizations: Vec<FactOrganization>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactPerson {
    pub name: String,
    pub aliases: Vec<String>,
    pub pronouns: Option<Pronouns>,
    pub title: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactOrganization {
    pub name: String,
    pub acronym: Option<String>,
}

/// The pronouns a person uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pronouns {
    She,
    He,
    They,
}

impl Pronouns {
    /// The gender a he/she pronoun must have; `None` for they (any fits).
    pub fn gender(self) -> Option<Gender> {
        match self {
            Pronouns::She => Some(Gender::Female),
            Pronouns::He => Some(Gender::Male),
            Pronouns::They => None,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSheet {
    #[serde(default)]
    person: Vec<RawPerson>,
    #[serde(default, alias = "organisation")]
    organization: Vec<RawOrganization>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    pronouns: Option<Spanned<String>>,
    title: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrganization {
    name: Spanned<String>,
    acronym: Option<Spanned<String>>,
}

impl FactsSheet {
    pub fn load(path: &Path) -> Result<FactsSheet, Box<ConfigError>> {
        let text = std::fs::read_to_string(path).map_err(|err| {
            ConfigError::unreadable(
                path,
                err,
                "check the `facts` path in galley.toml or --facts",
            )
        })?;
        FactsSheet::parse(&crate::paths::shown(path), &text)
    }

    /// Parse a sheet; `name` is the file name shown in errors.
    pub fn parse(name: &str, text: &str) -> Result<FactsSheet, Box<ConfigError>> {
        let error = |span, message: String, help: &str| {
            ConfigError::in_file(name, text, span, message, Some(help.into()))
        };
        let raw: RawSheet = toml::from_str(text).map_err(|err| {
            error(
                err.span().unwrap_or(0..0),
                err.message().trim().to_string(),
                "a facts sheet has [[person]] tables (name, aliases, pronouns, title) and [[organization]] tables (name, acronym)",
            )
        })?;
        let mut sheet = FactsSheet::default();
        for person in raw.person {
            for name in std::iter::once(&person.name).chain(&person.aliases) {
                if name.get_ref().split_whitespace().count() < 2 {
                    return Err(error(
                        name.span(),
                        format!("`{}` is not a full name", name.get_ref()),
                        "write the given name and the surname",
                    ));
                }
            }
            let pronouns = match &person.pronouns {
                None => None,
                Some(p) => Some(parse_pronouns(p.get_ref()).ok_or_else(|| {
                    error(
                        p.span(),
                        format!("`{}` is not a set of pronouns galley knows", p.get_ref()),
                        "use \"she\", \"he\" or \"they\" (or \"she/her\", \"he/him\", \"they/them\")",
                    )
                })?),
            };
            sheet.people.push(FactPerson {
                name: person.name.into_inner(),
                aliases: person
                    .aliases
                    .into_iter()
                    .map(Spanned::into_inner)
                    .collect(),
                pronouns,
                title: person.title,
            });
        }
        for organization in raw.organization {
            if let Some(acronym) = &organization.acronym
                && !acronym.get_ref().chars().any(char::is_uppercase)
            {
                return Err(error(
                    acronym.span(),
                    format!("`{}` is not an acronym", acronym.get_ref()),
                    "write the acronym as it appears in copy, e.g. \"IAEA\"",
                ));
            }
            sheet.organizations.push(FactOrganization {
                name: organization.name.into_inner(),
                acronym: organization.acronym.map(Spanned::into_inner),
            });
        }
        Ok(sheet)
    }

    /// The listed person whose name or an alias has this surname (last word).
    pub fn person_with_surname(&self, surname: &str) -> Option<&FactPerson> {
        self.people
            .iter()
            .find(|p| p.names().any(|n| last_word(n) == surname))
    }
}

impl FactPerson {
    /// The canonical name and the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    pub fn given(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or("")
    }

    pub fn surname(&self) -> &str {
        last_word(&self.name)
    }
}

fn last_word(name: &str) -> &str {
    name.split_whitespace().last().unwrap_or(name)
}

fn parse_pronouns(text: &str) -> Option<Pronouns> {
    match text.trim().to_lowercase().as_str() {
        "she" | "she/her" | "she/her/hers" | "her" => Some(Pronouns::She),
        "he" | "he/him" | "he/him/his" | "him" => Some(Pronouns::He),
        "they" | "they/them" | "they/them/theirs" | "them" => Some(Pronouns::They),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHEET: &str = r#"
[[person]]
name = "Nora Gorman"
pronouns = "she/her"
title = "Deputy Secretary of State"
aliases = ["Nora J. Gorman"]

[[organization]]
name = "International Atomic Energy Agency"
acronym = "IAEA"
"#;

    #[test]
    fn parses_people_and_organisations() {
        let sheet = FactsSheet::parse("facts.toml", SHEET).unwrap();
        let person = &sheet.people[0];
        assert_eq!(person.pronouns, Some(Pronouns::She));
        assert_eq!(person.surname(), "Gorman");
        assert_eq!(sheet.person_with_surname("Gorman").unwrap().given(), "Nora");
        assert_eq!(sheet.organizations[0].acronym.as_deref(), Some("IAEA"));
    }

    #[test]
    fn errors_point_at_the_place() {
        let text = "[[person]]\nname = \"Nora Gorman\"\npronouns = \"xe\"\n";
        let err = FactsSheet::parse("facts.toml", text).unwrap_err();
        assert!(
            err.message.contains("`xe` is not a set of pronouns"),
            "{}",
            err.message
        );
        assert_eq!(err.span.unwrap().offset(), text.find("\"xe\"").unwrap());

        let text = "[[person]]\nname = \"Nora Gorman\"\nage = 54\n";
        let err = FactsSheet::parse("facts.toml", text).unwrap_err();
        assert!(
            err.message.contains("unknown field `age`"),
            "{}",
            err.message
        );
        assert_eq!(err.span.unwrap().offset(), text.find("age").unwrap());

        let text = "[[person]]\nname = \"Gorman\"\n";
        let err = FactsSheet::parse("facts.toml", text).unwrap_err();
        assert!(err.message.contains("not a full name"), "{}", err.message);

        let text = "[[person]\nname = \"Nora Gorman\"\n";
        assert!(FactsSheet::parse("facts.toml", text).is_err());
    }
}
