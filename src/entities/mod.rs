//! Entities: the people an article talks about, found once per Document and
//! read by the names, pronouns and facts rules.
//!
//! A person is introduced by a full name (`Nora Gorman`, `Anna J. Whitley`,
//! `Juan de la Cruz`) or by a title or honorific before a capitalised name
//! (`President Macron`, `Mr. Blake`); later surname-only mentions (`Gorman`,
//! `Gorman’s`) are linked to them, and so are misspelled mentions
//! (`Garmeen`), which are marked as variants for `names/inconsistent-spelling`.
//!
//! Dates, figures and acronyms (`dates`, `numbers`, `acronyms`) are read
//! from the tokens on demand by the facts rules.

pub mod acronyms;
pub mod dates;
mod mentions;
pub mod numbers;
pub mod pronouns;
pub mod similarity;
pub mod words;

use crate::document::{Analysis, Document};
use crate::span::Span;

pub use words::Gender;

#[derive(Debug, Default)]
pub struct Entities {
    pub people: Vec<Person>,
    /// Every person mention, in text order.
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone)]
pub struct Person {
    /// The name as the article introduces it: `Ana María de la Cruz`.
    pub name: String,
    /// The given name, if the article gives one.
    pub given: Option<String>,
    /// The surname as first written in a full mention (the canonical spelling).
    pub surname: String,
    /// The mention that introduced the person (the first full one).
    pub introduced: usize,
    /// Indices into [`Entities::mentions`], in text order.
    pub mentions: Vec<usize>,
}

impl Person {
    /// The name as the article introduces it, for messages.
    pub fn display_name(&self) -> String {
        self.name.clone()
    }

    /// The given and middle names, in order, without initials, particles or
    /// the surname: `["Juan", "Carlos"]` for `Juan Carlos de la Cruz`,
    /// `["Nguyen", "Thi"]` for `Nguyen Thi Hoa`.
    pub fn given_names(&self) -> Vec<&str> {
        let surname_words = self.surname.split_whitespace().count();
        let words: Vec<&str> = self.name.split_whitespace().collect();
        words[..words.len().saturating_sub(surname_words)]
            .iter()
            .copied()
            .filter(|w| !w.ends_with('.') && w.chars().next().is_some_and(char::is_uppercase))
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The name as written, without title or possessive `’s`.
    pub span: Span,
    /// The surname part (with particles: `de la Cruz`).
    pub surname: Span,
    /// The given name, in a full mention.
    pub given: Option<Span>,
    /// Title or honorific words just before the name (`Deputy Secretary of State`).
    pub title: Option<Span>,
    /// The person it names; `None` when two people share the surname and the
    /// text does not say which.
    pub person: Option<usize>,
    /// A spelling of the surname that differs from the person's canonical one.
    pub variant: bool,
    /// Index of the sentence (`None` in a dateline).
    pub sentence: Option<usize>,
    pub paragraph: usize,
    /// Inside a quotation: the speaker's words, not the narration.
    pub quoted: bool,
    /// The subject of its sentence, or the one a speech verb attributes words to.
    pub subject: bool,
    pub possessive: bool,
}

impl Analysis for Entities {
    fn build(doc: &Document) -> Entities {
        mentions::extract(doc)
    }
}

impl Entities {
    /// The mentions of one person, in text order.
    pub fn mentions_of(&self, person: usize) -> impl Iterator<Item = &Mention> {
        self.people[person]
            .mentions
            .iter()
            .map(|&i| &self.mentions[i])
    }
}
