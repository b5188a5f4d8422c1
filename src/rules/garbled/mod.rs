//! `garbled`: broken phrasing — lost spaces and sentence breaks, stray
//! capitals, verbless fragments, doubled words.

mod capitals;
mod fragment;
mod missing_space;
mod mistranslated_idiom;
mod repeated_word;
mod run_on;
mod stray_capital;

use super::Rule;

pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(fragment::Fragment::new()),
        Box::new(missing_space::MissingSpace::new()),
        Box::new(mistranslated_idiom::MistranslatedIdiom::new()),
        Box::new(repeated_word::RepeatedWord::new()),
        Box::new(run_on::RunOn::new()),
        Box::new(stray_capital::StrayCapital::new()),
    ]
}
