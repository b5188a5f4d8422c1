//! `garbled`: broken phrasing — lost spaces and sentence breaks, stray
//! capitals, verbless fragments, doubled words.

mod missing_space;

use super::Rule;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![Box::new(missing_space::MissingSpace::new())]
}
