//! `facts`: the article contradicts itself — a weekday that does not fit its
//! date, one figure stated two ways, an acronym that does not fit its name,
//! a person with two ages or two titles.

mod acronym_mismatch;
mod age_mismatch;
mod quantity_mismatch;
mod title_mismatch;
mod weekday_mismatch;

use super::Rule;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(weekday_mismatch::WeekdayMismatch::new()),
        Box::new(quantity_mismatch::QuantityMismatch::new()),
        Box::new(acronym_mismatch::AcronymMismatch::new()),
        Box::new(age_mismatch::AgeMismatch::new()),
        Box::new(title_mismatch::TitleMismatch::new()),
    ]
}
