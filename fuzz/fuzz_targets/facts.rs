//! Arbitrary text as a facts sheet: an error that names the file and
//! renders, or a sheet the rules can use on an article that names its
//! people and organisations.
#![no_main]

use std::fmt::Write;

use galley::facts::FactsSheet;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match FactsSheet::parse("facts.toml", text) {
        Err(err) => galley_fuzz::render_error(err, "facts.toml"),
        Ok(sheet) => {
            // An article that uses every name, alias, title and acronym.
            let mut article = String::from("GENEVA — The talks began on Monday, March 4.\n\n");
            for person in &sheet.people {
                let title = person.title.as_deref().unwrap_or("Minister");
                let _ = write!(
                    article,
                    "{title} {} said the plan would work. {} said she was sure. ",
                    person.name,
                    person.surname()
                );
                sheet.person_with_surname(person.surname());
                for alias in &person.aliases {
                    let _ = write!(article, "“We agree,” {alias} said. He left. ");
                }
                article.push_str("\n\n");
            }
            for organization in &sheet.organizations {
                let _ = write!(article, "The {} met. ", organization.name);
                if let Some(acronym) = &organization.acronym {
                    let _ = write!(article, "The {acronym} agreed. ");
                }
            }
            galley_fuzz::lint_with_facts(&article, sheet);
        }
    }
});
