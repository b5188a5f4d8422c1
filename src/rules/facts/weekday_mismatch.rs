//! A date written with the wrong weekday: `Tuesday, November 6, 2023`.
//!
//! Flags a weekday written next to a date it does not fall on, in the
//! common news forms: `Monday, November 6, 2023`, `Monday, Nov. 6, 2023`,
//! `Monday 6 November 2023`, `Monday (Nov. 6)`, `Tuesday, March 3`, and a
//! bare day of the month (`on Thursday, the 12th`). A date without a year
//! takes it from the article's date: a dated dateline, else the configured
//! `article-date` (`--date`), else the first full date written with its
//! weekday. It is flagged only when no year near the article's date (within
//! about ten months, before or after) puts it on the written weekday; a bare
//! day likewise tries the months around the article's date. With no article
//! date, nothing year-less is checked. Relative references (`on Thursday`,
//! `last week`) are never checked.
//!
//! ## Why
//! Readers plan by weekdays and dates; when the two disagree, one of them is
//! wrong and the reader cannot tell which. It is the commonest factual slip
//! in event copy.
//!
//! ## Example
//! Bad: `The bridge reopened on Tuesday, November 6, 2023.`
//!
//! Good: `The bridge reopened on Monday, November 6, 2023.`
//!
//! There is no automatic fix: either the weekday or the date may be the typo.

use jiff::civil::Date;

use crate::document::Document;
use crate::entities::dates::{
    WrittenDate, find_dates, format_date, month_name, reference_date, weekday_name,
};
use crate::rules::{Category, Finding, Fixable, Rule, RuleMeta, Settings, Severity, builtin_meta};

pub struct WeekdayMismatch {
    meta: RuleMeta,
}

impl WeekdayMismatch {
    pub fn new() -> Self {
        WeekdayMismatch {
            meta: builtin_meta(
                "facts/weekday-mismatch",
                Category::Facts,
                Severity::Error,
                Fixable::Never,
            ),
        }
    }
}

/// How far from the article's date a year-less date may lie.
const YEAR_WINDOW_DAYS: i32 = 300;
/// How far from the article's date a bare day of the month may lie.
const MONTH_WINDOW_DAYS: i32 = 31;

impl Rule for WeekdayMismatch {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, settings: &Settings, out: &mut Vec<Finding>) {
        let dates = find_dates(doc);
        let reference = reference_date(&dates, settings);
        for date in &dates {
            let Some(written) = date.weekday else {
                continue;
            };
            let Some(actual) = resolve(date, reference) else {
                continue;
            };
            if actual.weekday() == written {
                continue;
            }
            let what = match (date.year, date.month) {
                (Some(_), _) => format_date(actual),
                (None, Some(_)) => format!(
                    "{} {} (taken as {})",
                    month_name(actual.month()),
                    actual.day(),
                    actual.year()
                ),
                (None, None) => format!("the {} ({})", ordinal(actual.day()), format_date(actual)),
            };
            out.push(
                Finding::new(
                    date.span,
                    format!(
                        "{what} was a {}, not a {}",
                        weekday_name(actual.weekday()),
                        weekday_name(written)
                    ),
                )
                .help("check which of the weekday and the date is right"),
            );
        }
    }
}

/// The calendar date a written date stands for, when it is certain enough
/// to judge its weekday; for a year-less date, the nearest candidate when no
/// plausible candidate falls on the written weekday.
fn resolve(date: &WrittenDate, reference: Option<Date>) -> Option<Date> {
    if date.year.is_some() {
        return date.full();
    }
    let reference = reference?;
    let candidates: Vec<Date> = match date.month {
        Some(month) => (-1..=1)
            .filter_map(|dy| Date::new(reference.year() + dy, month, date.day).ok())
            .filter(|d| days_apart(*d, reference) <= YEAR_WINDOW_DAYS)
            .collect(),
        None => (-1..=1)
            .filter_map(|dm| {
                let first = reference
                    .first_of_month()
                    .checked_add(jiff::Span::new().months(dm))
                    .ok()?;
                Date::new(first.year(), first.month(), date.day).ok()
            })
            .filter(|d| days_apart(*d, reference) <= MONTH_WINDOW_DAYS)
            .collect(),
    };
    let written = date.weekday?;
    if candidates.iter().any(|d| d.weekday() == written) {
        return None;
    }
    candidates
        .into_iter()
        .min_by_key(|d| days_apart(*d, reference))
}

fn days_apart(a: Date, b: Date) -> i32 {
    (a - b).get_days().abs()
}

fn ordinal(day: i8) -> String {
    let suffix = match (day % 10, day % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{day}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{check_text, check_text_with, flagged};

    fn with_date(text: &str, date: Date) -> Vec<(String, String)> {
        let settings = Settings {
            article_date: Some(date),
            ..Settings::default()
        };
        check_text_with(&WeekdayMismatch::new(), text, &settings)
    }

    #[test]
    fn flags_a_wrong_weekday_in_full_dates() {
        let rule = WeekdayMismatch::new();
        assert_eq!(
            check_text(
                &rule,
                "The bridge reopened on Tuesday, November 6, 2023, in Leeds."
            ),
            vec![(
                "Tuesday, November 6, 2023".to_string(),
                "November 6, 2023 was a Monday, not a Tuesday".to_string()
            )]
        );
        assert_eq!(
            flagged(
                &rule,
                "It began Thursday, Sept. 17, 2024. It ended Saturday 14 February 2025."
            ),
            vec!["Thursday, Sept. 17, 2024", "Saturday 14 February 2025"]
        );
    }

    #[test]
    fn correct_and_relative_weekdays_pass() {
        let rule = WeekdayMismatch::new();
        for text in [
            "They met on Monday, November 6, 2023, and again on Thursday.",
            "The strike started on Tuesday, Sept. 17, 2024, at the port.",
            "Last week, on Thursday, they left. Tuesday, March 3 is unknown without a year.",
            "It opened Nov. 6-8 and closed on Friday, Nov. 3-5.",
            "On Thursday, the 12th, nothing is known about the month.",
        ] {
            assert!(flagged(&rule, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn year_less_dates_take_the_year_from_the_article() {
        let rule = WeekdayMismatch::new();
        // From another full date in the article.
        assert_eq!(
            check_text(
                &rule,
                "The summit opened on Monday, March 2, 2020. It closed on Wednesday, March 3."
            ),
            vec![(
                "Wednesday, March 3".to_string(),
                "March 3 (taken as 2020) was a Tuesday, not a Wednesday".to_string()
            )]
        );
        // From a dated dateline.
        assert_eq!(
            flagged(
                &rule,
                "Headline\n\nLONDON, Nov. 6, 2023 (Reuters) — Talks resume on Friday (Nov. 9).\n"
            ),
            vec!["Friday (Nov. 9)"]
        );
        // From the settings.
        let nov = Date::new(2023, 11, 1).unwrap();
        assert_eq!(
            with_date("They met on Monday (Nov. 6) and on Tuesday (Nov. 6).", nov)
                .into_iter()
                .map(|(t, _)| t)
                .collect::<Vec<_>>(),
            vec!["Tuesday (Nov. 6)"]
        );
    }

    #[test]
    fn december_in_a_january_article_is_last_year() {
        let jan = Date::new(2024, 1, 4).unwrap();
        // Dec. 28, 2023 was a Thursday; Dec. 28, 2024 a Saturday.
        assert!(with_date("It began on Thursday, Dec. 28.", jan).is_empty());
        assert_eq!(
            with_date("It began on Monday, Dec. 28.", jan),
            vec![(
                "Monday, Dec. 28".to_string(),
                "December 28 (taken as 2023) was a Thursday, not a Monday".to_string()
            )]
        );
    }

    #[test]
    fn silent_when_two_years_are_equally_near() {
        // Dec. 30, 2022 was a Friday, Dec. 30, 2021 a Thursday: half a year
        // either way from July 1, 2022, so either may be meant.
        let july = Date::new(2022, 7, 1).unwrap();
        assert!(with_date("It ends on Friday, Dec. 30.", july).is_empty());
        assert!(with_date("It ended on Thursday, Dec. 30.", july).is_empty());
        assert_eq!(with_date("It ended on Monday, Dec. 30.", july).len(), 1);
    }

    #[test]
    fn bare_days_use_the_article_month() {
        let date = Date::new(2023, 11, 1).unwrap();
        // Nov. 9, 2023 was a Thursday (Oct. 9 a Monday).
        assert!(with_date("They meet again on Thursday, the 9th.", date).is_empty());
        assert_eq!(
            with_date("They meet again on Friday, the 9th.", date),
            vec![(
                "Friday, the 9th".to_string(),
                "the 9th (November 9, 2023) was a Thursday, not a Friday".to_string()
            )]
        );
    }

    /// A small deterministic generator, so the table below is the same on
    /// every run without a dependency.
    struct SplitMix(u64);

    impl SplitMix {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        fn below(&mut self, n: u64) -> i64 {
            (self.next() % n) as i64
        }
    }

    const ABBREVIATED: [&str; 12] = [
        "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
        "Dec.",
    ];

    /// Several hundred random dates in every supported form, right and
    /// wrong weekdays, checked against jiff's calendar.
    #[test]
    fn random_dates_in_every_form_agree_with_jiff() {
        let rule = WeekdayMismatch::new();
        let mut rng = SplitMix(20231106);
        for case in 0..400 {
            let year = 1900 + rng.below(200) as i16;
            let month = 1 + rng.below(12) as i8;
            let first = Date::new(year, month, 1).unwrap();
            let day = 1 + rng.below(first.days_in_month() as u64) as i8;
            let date = Date::new(year, month, day).unwrap();
            let right = weekday_name(date.weekday());
            let wrong_offset =
                (date.weekday().to_monday_zero_offset() as i64 + 1 + rng.below(6)) % 7;
            let wrong = crate::entities::dates::WEEKDAY_NAMES[wrong_offset as usize];
            let full = month_name(month);
            let short = ABBREVIATED[month as usize - 1];
            // An article date a few days away, for the year-less forms.
            let near = date
                .checked_add(jiff::Span::new().days(rng.below(21) - 10))
                .unwrap();
            let forms: [(String, bool); 6] = [
                (format!("{{}}, {full} {day}, {year}"), false),
                (format!("{{}}, {short} {day}, {year}"), false),
                (format!("{{}} {day} {full} {year}"), false),
                (format!("{{}} ({short} {day})"), true),
                (format!("{{}}, {full} {day}"), true),
                (format!("{{}}, the {}", ordinal(day)), true),
            ];
            for (form, needs_reference) in forms {
                for (weekday, should_flag) in [(right, false), (wrong, true)] {
                    let written = form.replacen("{}", weekday, 1);
                    let text = format!("The meeting was held on {written} in the capital.");
                    let found = if needs_reference {
                        with_date(&text, near)
                    } else {
                        check_text(&rule, &text)
                    };
                    if !should_flag {
                        assert!(found.is_empty(), "case {case}: {text}: {found:?}");
                        continue;
                    }
                    // A bare day may also fit a neighbouring month's weekday.
                    if form.contains(" the ") && found.is_empty() {
                        continue;
                    }
                    assert_eq!(found.len(), 1, "case {case}: {text}");
                    assert_eq!(found[0].0, written, "case {case}");
                    assert!(
                        found[0]
                            .1
                            .ends_with(&format!("was a {right}, not a {weekday}")),
                        "case {case}: {text}: {}",
                        found[0].1
                    );
                }
            }
        }
    }
}
