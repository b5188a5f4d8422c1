//! `punctuation`: quotes and brackets that do not pair or point the wrong
//! way, stray spaces around marks.

use super::Rule;

pub fn rules() -> Vec<Box<dyn Rule>> {
    Vec::new()
}
