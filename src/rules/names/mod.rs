//! `names`: a person's name spelled two ways, or differently from the facts
//! sheet.

mod inconsistent_spelling;

use super::Rule;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![Box::new(inconsistent_spelling::InconsistentSpelling::new())]
}
