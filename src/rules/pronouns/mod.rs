//! `pronouns`: a pronoun that disagrees with the person it refers to.

mod gender_mismatch;

use super::Rule;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![Box::new(gender_mismatch::GenderMismatch::new())]
}
