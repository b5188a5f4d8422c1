//! A rule pack as its TOML file is written, before any of it is checked:
//! what the loader reads a pack into, with the place of every value for
//! its errors. `build.rs` reads the embedded packs into these types too, so
//! that galley starts with them already read (see `loader::read_pack`);
//! this file depends on nothing of galley's for that reason.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// A pack: its `[[rule]]` tables.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPack {
    #[serde(default)]
    pub rule: Vec<Spanned<RawRule>>,
}

/// A list of strings.
pub type Strings = Spanned<Vec<Spanned<String>>>;
/// A consistency group: the forms to choose between.
pub type Group = Spanned<Vec<Spanned<Form>>>;

/// One `[[rule]]` table, its keys as written (`loader` documents them).
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawRule {
    pub id: Spanned<String>,
    pub kind: Spanned<String>,
    pub message: Spanned<String>,
    pub doc: Spanned<String>,
    pub severity: Option<Spanned<String>>,
    pub help: Option<Spanned<String>>,
    pub ignore_case: Option<Spanned<bool>>,
    pub regex: Option<Spanned<bool>>,
    pub scope: Option<Spanned<String>>,
    pub quotes: Option<Spanned<String>>,
    pub exceptions: Option<Strings>,
    pub words: Option<Strings>,
    pub swap: Option<Spanned<BTreeMap<Spanned<String>, Spanned<String>>>>,
    pub fix: Option<Spanned<String>>,
    pub either: Option<Spanned<Vec<Group>>>,
    pub of: Option<Spanned<String>>,
    pub window: Option<Spanned<i64>>,
    pub times: Option<Spanned<i64>>,
    pub min_length: Option<Spanned<i64>>,
    pub count: Option<Spanned<String>>,
    pub per: Option<Spanned<String>>,
    pub max: Option<Spanned<i64>>,
}

/// One form in a consistency group: a spelling, or several (its
/// inflections) that count as one: `["email", "emails", "emailed"]`.
pub enum Form {
    One(String),
    Many(Vec<Spanned<String>>),
}

impl<'de> Deserialize<'de> for Form {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Form, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Form;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a spelling, or a list of spellings that count as one form")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Form, E> {
                Ok(Form::One(v.to_string()))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Form, A::Error> {
                let mut spellings = Vec::new();
                while let Some(spelling) = seq.next_element()? {
                    spellings.push(spelling);
                }
                Ok(Form::Many(spellings))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}
