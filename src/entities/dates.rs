//! Calendar dates as news copy writes them, read from the tokens:
//! `Monday, November 6, 2023`, `Monday, Nov. 6, 2023`, `Monday 6 November
//! 2023`, `Monday (Nov. 6)`, `Tuesday, March 3`, `Thursday, the 12th`, and
//! the same without a weekday. Calendar arithmetic is jiff's (proleptic
//! Gregorian); this module only reads.

use jiff::civil::{Date, Weekday};

use crate::document::{Document, Token, TokenKind};
use crate::rules::Settings;
use crate::span::Span;

/// A date as written. Parts not written are `None`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WrittenDate {
    /// From the weekday (if any) to the last part of the date.
    pub span: Span,
    pub weekday: Option<Weekday>,
    /// `None` for a bare day of the month (`Thursday, the 12th`).
    pub month: Option<i8>,
    pub day: i8,
    pub year: Option<i16>,
    /// The date sits in a dateline (`WASHINGTON, Nov. 6 (Reuters) —`).
    pub in_dateline: bool,
}

impl WrittenDate {
    /// The calendar date, when month and year are both written and valid.
    pub fn full(&self) -> Option<Date> {
        Date::new(self.year?, self.month?, self.day).ok()
    }
}

pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub fn weekday_name(weekday: Weekday) -> &'static str {
    WEEKDAY_NAMES[weekday.to_monday_zero_offset() as usize]
}

pub fn month_name(month: i8) -> &'static str {
    MONTH_NAMES[(month - 1) as usize]
}

/// `November 6, 2023`.
pub fn format_date(date: Date) -> String {
    format!(
        "{} {}, {}",
        month_name(date.month()),
        date.day(),
        date.year()
    )
}

/// Weekday abbreviations, written with a full stop (`Mon.`, `Thurs.`).
const WEEKDAY_ABBREVIATIONS: &[(&str, i8)] = &[
    ("Mon", 0),
    ("Tue", 1),
    ("Tues", 1),
    ("Wed", 2),
    ("Thu", 3),
    ("Thur", 3),
    ("Thurs", 3),
    ("Fri", 4),
    ("Sat", 5),
    ("Sun", 6),
];

/// Month abbreviations; the full stop is optional (`Nov. 6`, `Nov 6`).
const MONTH_ABBREVIATIONS: &[(&str, i8)] = &[
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sep", 9),
    ("Sept", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];

/// Every date written in the document, in text order.
pub fn find_dates(doc: &Document) -> Vec<WrittenDate> {
    let mut dates = Vec::new();
    for (index, paragraph) in doc.paragraphs.iter().enumerate() {
        let reader = Reader {
            doc,
            tokens: doc.paragraph_tokens(paragraph),
        };
        // A date starts at a capitalised word or a number.
        let mut after_date = 0;
        for i in doc.capitals_and_numbers(paragraph.tokens.clone()) {
            let i = i - paragraph.tokens.start;
            if i < after_date {
                continue;
            }
            if let Some((mut date, next)) = reader.date_at(i) {
                date.in_dateline =
                    index < 4 && !paragraph.kind.is_title() && reader.is_dateline(i, next);
                dates.push(date);
                after_date = next;
            }
        }
    }
    dates
}

/// The article's own date, for dates written without a year: a dated
/// dateline, else the configured article date, else the first full date
/// written with its weekday (an event date, not a historical one).
pub fn reference_date(dates: &[WrittenDate], settings: &Settings) -> Option<Date> {
    let dateline = dates
        .iter()
        .filter(|d| d.in_dateline)
        .find_map(WrittenDate::full);
    dateline.or(settings.article_date).or_else(|| {
        dates
            .iter()
            .filter(|d| d.weekday.is_some())
            .find_map(WrittenDate::full)
    })
}

/// Could a word starting with these three bytes name a weekday or a month
/// (`Monday`, `Tues.`, `Sept`)? Each name and abbreviation starts with the
/// first three letters of a full name, capitalised: most capitalised
/// words (`The`, `We`, `Congress`) are ruled out here, before any name is
/// compared.
fn may_name_day_or_month(first: [u8; 3]) -> bool {
    const fn key(name: &str) -> u32 {
        let bytes = name.as_bytes();
        u32::from_le_bytes([bytes[0], bytes[1], bytes[2], 0])
    }
    const STARTS: [u32; 19] = {
        let mut starts = [0; 19];
        let mut i = 0;
        while i < WEEKDAY_NAMES.len() {
            starts[i] = key(WEEKDAY_NAMES[i]);
            i += 1;
        }
        while i < starts.len() {
            starts[i] = key(MONTH_NAMES[i - WEEKDAY_NAMES.len()]);
            i += 1;
        }
        starts
    };
    let [a, b, c] = first;
    let wanted = u32::from_le_bytes([a, b, c, 0]);
    STARTS
        .iter()
        .fold(false, |found, &start| found | (start == wanted))
}

struct Reader<'a> {
    doc: &'a Document<'a>,
    tokens: &'a [Token],
}

impl Reader<'_> {
    fn text(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| self.doc.slice(t.span))
    }

    /// Token `i` is this punctuation mark.
    fn is(&self, i: usize, mark: &str) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && self.doc.slice(t.span) == mark)
    }

    /// Token `i` is glued to the one before it.
    fn glued(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    /// A date starting at token `i`, and the index after it.
    fn date_at(&self, i: usize) -> Option<(WrittenDate, usize)> {
        // A date starts with a weekday's or a month's name, capitalised, or
        // with the number of its day: most tokens are ruled out by their
        // kind and first three letters.
        let token = self.tokens.get(i)?;
        // (Both tests made, one branch taken on them: which kind a capital
        // or number is cannot be guessed.)
        let may_start = (token.kind == TokenKind::Number)
            | ((token.kind == TokenKind::Word) & may_name_day_or_month(token.head()));
        if !may_start {
            return None;
        }
        if let Some((weekday, after)) = self.weekday_at(i) {
            let mut j = after;
            if self.is(j, ",") {
                j += 1;
            }
            let (mut date, next) = if self.is(j, "(") {
                let (mut date, next) = self.month_first(j + 1)?;
                if !self.is(next, ")") {
                    return None;
                }
                date.span.end = self.tokens[next].span.end;
                (date, next + 1)
            } else {
                self.month_first(j)
                    .or_else(|| self.day_first(j))
                    .or_else(|| self.bare_day(j))?
            };
            date.weekday = Some(weekday);
            date.span = Span::new(self.tokens[i].span.start, date.span.end);
            return Some((date, next));
        }
        self.month_first(i).or_else(|| self.day_first(i))
    }

    /// `Monday` or `Mon.`.
    fn weekday_at(&self, i: usize) -> Option<(Weekday, usize)> {
        let token = self.tokens.get(i)?;
        if token.kind != TokenKind::Word {
            return None;
        }
        let word = self.text(i);
        // Every name and abbreviation is capitalised.
        if !word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
            return None;
        }
        if let Some(offset) = WEEKDAY_NAMES.iter().position(|&n| n == word) {
            return Some((weekday_from(offset as i8), i + 1));
        }
        let &(_, offset) = WEEKDAY_ABBREVIATIONS.iter().find(|(a, _)| *a == word)?;
        (self.is(i + 1, ".") && self.glued(i + 1)).then(|| (weekday_from(offset), i + 2))
    }

    /// `January`, `Jan.`, `Jan`.
    fn month_at(&self, i: usize) -> Option<(i8, usize)> {
        let token = self.tokens.get(i)?;
        if token.kind != TokenKind::Word {
            return None;
        }
        let word = self.text(i);
        // Every name and abbreviation is capitalised.
        if !word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
            return None;
        }
        if let Some(index) = MONTH_NAMES.iter().position(|&n| n == word) {
            return Some((index as i8 + 1, i + 1));
        }
        let &(_, month) = MONTH_ABBREVIATIONS.iter().find(|(a, _)| *a == word)?;
        let next = if self.is(i + 1, ".") && self.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        Some((month, next))
    }

    /// A day of the month: `10`, `10th`; not part of a range (`10-12`) or
    /// a clock time.
    fn day_at(&self, i: usize, ordinal_required: bool) -> Option<(i8, usize)> {
        let token = self.tokens.get(i)?;
        if token.kind != TokenKind::Number {
            return None;
        }
        let word = self.text(i);
        let digits = word.bytes().take_while(u8::is_ascii_digit).count();
        let suffix = &word[digits..];
        let ordinal = matches!(suffix, "st" | "nd" | "rd" | "th");
        if !(1..=2).contains(&digits) || !(suffix.is_empty() || ordinal) {
            return None;
        }
        if ordinal_required && !ordinal {
            return None;
        }
        let day: i8 = word[..digits].parse().ok()?;
        let range_follows =
            self.glued(i + 1) && matches!(self.text(i + 1), "-" | "–" | "—" | "/" | ":" | "%");
        ((1..=31).contains(&day) && !range_follows).then_some((day, i + 1))
    }

    /// A year after a day: `, 2023` or ` 2023`.
    fn year_at(&self, i: usize) -> Option<(i16, usize)> {
        let j = if self.is(i, ",") { i + 1 } else { i };
        let token = self.tokens.get(j)?;
        let word = self.text(j);
        if token.kind != TokenKind::Number
            || word.len() != 4
            || !word.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let year: i16 = word.parse().ok()?;
        let glued_more = self.glued(j + 1) && matches!(self.text(j + 1), "-" | "–" | "%");
        ((1000..=2999).contains(&year) && !glued_more).then_some((year, j + 1))
    }

    /// `November 6, 2023`, `Nov. 6`.
    fn month_first(&self, i: usize) -> Option<(WrittenDate, usize)> {
        let (month, j) = self.month_at(i)?;
        let (day, j) = self.day_at(j, false)?;
        let (year, next) = match self.year_at(j) {
            Some((year, next)) => (Some(year), next),
            None => (None, j),
        };
        Some((self.written(i, next, Some(month), day, year), next))
    }

    /// `6 November 2023`, `6 Nov.`.
    fn day_first(&self, i: usize) -> Option<(WrittenDate, usize)> {
        let (day, j) = self.day_at(i, false)?;
        let (month, j) = self.month_at(j)?;
        let (year, next) = match self.year_at(j) {
            Some((year, next)) => (Some(year), next),
            None => (None, j),
        };
        Some((self.written(i, next, Some(month), day, year), next))
    }

    /// `the 12th`, or `the 12th of March`.
    fn bare_day(&self, i: usize) -> Option<(WrittenDate, usize)> {
        if !self.text(i).eq_ignore_ascii_case("the") {
            return None;
        }
        let (day, j) = self.day_at(i + 1, true)?;
        if self.text(j) == "of"
            && let Some((month, k)) = self.month_at(j + 1)
        {
            let (year, next) = match self.year_at(k) {
                Some((year, next)) => (Some(year), next),
                None => (None, k),
            };
            return Some((self.written(i, next, Some(month), day, year), next));
        }
        Some((self.written(i, j, None, day, None), j))
    }

    fn written(
        &self,
        first: usize,
        next: usize,
        month: Option<i8>,
        day: i8,
        year: Option<i16>,
    ) -> WrittenDate {
        // An abbreviation's full stop is not part of the date's span.
        let mut last = next - 1;
        if last > first && self.is(last, ".") {
            last -= 1;
        }
        WrittenDate {
            span: self.tokens[first].span.cover(self.tokens[last].span),
            weekday: None,
            month,
            day,
            year,
            in_dateline: false,
        }
    }

    /// The date spanning tokens `start..end` is part of a dateline: it
    /// opens the paragraph after a place name and a dash follows it,
    /// perhaps after an agency in parentheses (`LONDON, Jan 10 (Reuters) -`).
    fn is_dateline(&self, start: usize, end: usize) -> bool {
        if start == 0 || start > 8 {
            return false;
        }
        let place_before = self.tokens[..start].iter().all(|t| {
            let word = self.doc.slice(t.span);
            t.kind == TokenKind::Punct || word.starts_with(char::is_uppercase)
        });
        let dash_after = (end..(end + 5).min(self.tokens.len()))
            .take_while(|&k| !self.is(k, "."))
            .any(|k| matches!(self.text(k), "—" | "–" | "-") && self.tokens[k].space_before);
        place_before && dash_after
    }
}

fn weekday_from(monday_offset: i8) -> Weekday {
    Weekday::from_monday_zero_offset(monday_offset).expect("offset is 0..7")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Format, Source};

    #[test]
    fn every_name_and_abbreviation_passes_the_first_letters_test() {
        let head = |word: &str| -> [u8; 3] { word.as_bytes()[..3].try_into().unwrap() };
        let names = WEEKDAY_NAMES.iter().chain(&MONTH_NAMES);
        let abbreviations = WEEKDAY_ABBREVIATIONS.iter().chain(MONTH_ABBREVIATIONS);
        for word in names.copied().chain(abbreviations.map(|&(a, _)| a)) {
            assert!(may_name_day_or_month(head(word)), "{word}");
        }
        for word in ["The", "Congress", "mon", "MAY", "Tux"] {
            assert!(!may_name_day_or_month(head(word)), "{word}");
        }
    }

    /// The dates found, with the text each spans.
    fn dates(text: &str) -> Vec<(String, WrittenDate)> {
        let source = Source::new("t.txt", text.to_string(), Format::Text);
        let doc = Document::new(&source);
        find_dates(&doc)
            .into_iter()
            .map(|d| (doc.slice(d.span).to_string(), d))
            .collect()
    }

    #[test]
    fn reads_the_common_news_forms() {
        let found = dates(
            "It was Monday, November 6, 2023, then Monday, Nov. 6, 2023 and Monday 6 November 2023. \
             On Monday (Nov. 6) and Tuesday, March 3 and on Thursday, the 12th. Since Feb. 9, 2021.",
        );
        let texts: Vec<_> = found.iter().map(|d| d.0.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Monday, November 6, 2023",
                "Monday, Nov. 6, 2023",
                "Monday 6 November 2023",
                "Monday (Nov. 6)",
                "Tuesday, March 3",
                "Thursday, the 12th",
                "Feb. 9, 2021",
            ]
        );
        assert_eq!(found[5].1.month, None);
        assert_eq!(found[5].1.day, 12);
        assert!(found[6].1.weekday.is_none());
        assert_eq!(found[6].1.year, Some(2021));
    }

    #[test]
    fn ranges_times_and_relative_weekdays_are_not_dates() {
        assert!(dates("On Thursday, officials met. Nov. 6-8 and 5:45 and Monday.").is_empty());
    }

    #[test]
    fn dated_datelines() {
        let found = dates("Headline\n\nLONDON, Nov. 6, 2023 (Reuters) — Talks began.\n");
        assert_eq!(found.len(), 1);
        assert!(found[0].1.in_dateline);
        let found = dates("Headline\n\nTalks began on Nov. 6, 2023 — or so we heard.\n");
        assert!(!found[0].1.in_dateline);
    }
}
