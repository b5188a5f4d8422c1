//! `punctuation`: quotes and brackets that do not pair or point the wrong
//! way, stray spaces around marks.

mod quote_direction;
mod space_before;
mod unbalanced;

use super::Rule;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(quote_direction::QuoteDirection::new()),
        Box::new(unbalanced::Unbalanced::new()),
        Box::new(space_before::SpaceBefore::new()),
    ]
}
