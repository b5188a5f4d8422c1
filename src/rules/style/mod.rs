//! `style`: house style and wording. Never counted as an error by the
//! evaluation; default severity info.

mod acronym_undefined;
mod invalid_suppression;

use super::Rule;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(acronym_undefined::AcronymUndefined::new()),
        Box::new(invalid_suppression::InvalidSuppression::new()),
    ]
}
