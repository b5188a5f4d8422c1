//! Acronyms and their definitions: `Economic Community of West African
//! States (ECOWAS)`, and whether the letters fit the words.
//!
//! A fit lines the acronym's letters up with the words just before the
//! parenthesis: every content word gives the first letter of its first part
//! (`Long-Distance` → `L`), perhaps more letters or the first letters of
//! its other parts (`Co-operation` → `C` or `CO`); function words (`of`,
//! `for`, `and`, `the`…) give their first letter or nothing (`ECOWAS`). The
//! *lenient* fit, which accepts a written acronym, also lets a part give
//! several leading letters (`START`: `STrategic Arms Reduction Treaty`); the
//! *strict* fit, used to propose a correction, takes one letter a part.

use crate::document::{Analysis, Document, Token, TokenKind};
use crate::span::Span;

/// `Full Name (ACR)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Definition {
    /// The acronym inside the parentheses.
    pub acronym: Span,
    /// Index of the acronym's token in [`Document::tokens`].
    pub token: usize,
    /// The words before the parenthesis that an expansion may use (up to
    /// the nearest punctuation), for fitting.
    pub words: Span,
}

/// Acronyms so familiar that news copy uses them without a definition, and
/// conventional ones whose letters do not follow their English name (`ISO`,
/// `MSF`).
const WELL_KNOWN: &[&str] = &[
    "AARP", "ABC", "ACLU", "ADHD", "AFP", "AI", "AIDS", "AM", "AMA", "ANC", "AP", "APEC", "API",
    "ASEAN", "ATF", "ATM", "BBC", "BC", "BCE", "BMW", "BP", "BRICS", "CBS", "CD", "CDC", "CEO",
    "CERN", "CFO", "CIA", "CNN", "COO", "COVID", "CPI", "CPR", "CT", "CTO", "DC", "DEA", "DHS",
    "DIY", "DNA", "DOJ", "DVD", "ECB", "EMT", "EPA", "ER", "ESPN", "ETF", "EU", "FAA", "FAQ",
    "FBI", "FCC", "FDA", "FEMA", "FIFA", "FSB", "FTC", "GDP", "GOP", "GPS", "GRU", "HBO", "HIV",
    "HQ", "IAEA", "IBM", "ICC", "ICE", "ICJ", "ICU", "ID", "IMF", "IOC", "IPO", "IQ", "IRA", "IRS",
    "ISIL", "ISIS", "ISO", "IT", "KGB", "LA", "LED", "LGBT", "LGBTQ", "MBA", "MIT", "MLB", "MP",
    "MRI", "MSF", "NAACP", "NASA", "NASDAQ", "NATO", "NBA", "NBC", "NCAA", "NFL", "NHL", "NHS",
    "NPR", "NRA", "NSA", "NYC", "NYPD", "NYSE", "NYU", "OECD", "OK", "OPEC", "PBS", "PC", "PDF",
    "PGA", "PLO", "PM", "PTSD", "RSF", "SARS", "SEC", "SUV", "SWAT", "TSA", "TV", "UAE", "UCLA",
    "UEFA", "UFO", "UK", "UN", "UNESCO", "UNHCR", "UNICEF", "UNRWA", "URL", "US", "USA", "USB",
    "USSR", "VIP", "VPN", "WHO", "WTO", "YMCA",
];

pub fn is_well_known(acronym: &str) -> bool {
    WELL_KNOWN.contains(&acronym)
}

/// A well-formed Roman numeral (`II`, `XIV`, `MCM`, `DCC`): it looks like an
/// acronym and usually is not. Letters that only look Roman but break the
/// numeral's order (`CDC`, `CCD`, `VX`) are acronyms.
pub fn is_roman_numeral(word: &str) -> bool {
    let mut rest = word.as_bytes();
    if rest.is_empty() {
        return false;
    }
    let thousands = rest.iter().take(3).take_while(|&&b| b == b'M').count();
    rest = &rest[thousands..];
    // Each decimal place: `IX`/`IV`, or an optional five and up to three ones.
    for (one, five, ten) in [(b'C', b'D', b'M'), (b'X', b'L', b'C'), (b'I', b'V', b'X')] {
        if rest.starts_with(&[one, ten]) || rest.starts_with(&[one, five]) {
            rest = &rest[2..];
            continue;
        }
        if rest.first() == Some(&five) {
            rest = &rest[1..];
        }
        let ones = rest.iter().take(3).take_while(|&&b| b == one).count();
        rest = &rest[ones..];
    }
    rest.is_empty()
}

/// Two to eight capital letters: an acronym or a Roman numeral.
pub fn is_capitals(word: &str) -> bool {
    (2..=8).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Does `token` start with two ASCII capitals, as every acronym does (and
/// `CDC’s`, `CDC-led`)? Told by its kind and first two bytes, with no branch
/// on its length: most capitalised words are ruled out here.
#[inline(always)]
pub fn may_be_acronym(token: &Token) -> bool {
    let [first, second] = token.head::<2>();
    (token.kind == TokenKind::Word) & first.is_ascii_uppercase() & second.is_ascii_uppercase()
}

/// A word written as an acronym: two to eight capital letters, not a Roman
/// numeral.
pub fn is_acronym(word: &str) -> bool {
    is_capitals(word) && !is_roman_numeral(word)
}

/// The acronym a word is written with: `CDC` in `CDC`, `CDC’s` and
/// `CDC-led`; `None` for other words.
pub fn acronym_part(word: &str) -> Option<&str> {
    let letters = word
        .find(|c: char| !c.is_ascii_uppercase())
        .unwrap_or(word.len());
    let (acronym, rest) = word.split_at(letters);
    let suffix_ok = rest.is_empty()
        || matches!(rest, "’s" | "'s" | "’" | "'")
        || rest
            .strip_prefix('-')
            .is_some_and(|r| r.starts_with(|c: char| c.is_lowercase()));
    (suffix_ok && is_capitals(acronym)).then_some(acronym)
}

/// Token `i` sits next to another word written in capitals: a shouted
/// heading or a name in capitals, not an acronym in running text.
pub fn in_capitals_run(doc: &Document, i: usize) -> bool {
    let capitals = |j: usize| {
        doc.tokens.get(j).is_some_and(|t| {
            let word = doc.slice(t.span);
            t.kind == TokenKind::Word && word.len() > 1 && word.chars().all(|c| !c.is_lowercase())
        })
    };
    (i > 0 && capitals(i - 1)) || capitals(i + 1)
}

/// Every `Words (ACR)` in the document, in text order: read once for the
/// rules that check acronyms against their definitions.
pub struct Definitions(pub Vec<Definition>);

impl Analysis for Definitions {
    fn build(doc: &Document) -> Definitions {
        Definitions(definitions(doc))
    }
}

/// Every `Words (ACR)` in the document, in text order.
fn definitions(doc: &Document) -> Vec<Definition> {
    let mut out = Vec::new();
    for paragraph in &doc.paragraphs {
        let range = paragraph.tokens.clone();
        let tokens = &doc.tokens[range.clone()];
        // The acronym, in capitals, after a word and `(`, before `)`.
        let acronyms = doc.capitals_and_numbers(range.start + 2..range.end.saturating_sub(1));
        for i in acronyms.map(|inner| inner - range.start - 1) {
            let inner = tokens[i + 1];
            if !tokens[i].is_punct(&doc.text, "(")
                || !tokens[i + 2].is_punct(&doc.text, ")")
                || inner.kind != TokenKind::Word
                || !is_capitals(doc.slice(inner.span))
                || tokens[i - 1].kind != TokenKind::Word
            {
                continue;
            }
            let first = expansion_start(doc, tokens, i);
            let words = tokens[first].span.cover(tokens[i - 1].span);
            let acronym = doc.slice(inner.span);
            // `(MDC)` after `Municipal Development Corporation` is an
            // acronym that happens to spell a Roman numeral.
            if is_roman_numeral(acronym) && !fits(acronym, doc.slice(words), false) {
                continue;
            }
            out.push(Definition {
                acronym: inner.span,
                token: range.start + i + 1,
                words,
            });
        }
    }
    out
}

/// A name in mixed case with two or more capitals (`PennDOT`, `FinCEN`,
/// `DfT`): letters only, a capital first. Such names are defined like
/// acronyms, but their letters follow no rule a fit could check.
pub fn is_mixed_case_acronym(word: &str) -> bool {
    let capitals = word.bytes().filter(u8::is_ascii_uppercase).count();
    (3..=12).contains(&word.len())
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.bytes().all(|b| b.is_ascii_alphabetic())
        && capitals >= 2
        && capitals < word.len()
}

/// Every `Words (PennDOT)` in the document: the span of the mixed-case name
/// inside the parentheses and its token index, in text order.
pub fn mixed_case_definitions(doc: &Document) -> Vec<(Span, usize)> {
    let tokens = &doc.tokens;
    // The name, starting with a capital, after a word and `(`, before `)`.
    doc.capitals_and_numbers(2..tokens.len().saturating_sub(1))
        .map(|inner| inner - 1)
        .filter(|&i| {
            tokens[i].is_punct(&doc.text, "(")
                && tokens[i + 2].is_punct(&doc.text, ")")
                && tokens[i - 1].kind == TokenKind::Word
                && tokens[i + 1].kind == TokenKind::Word
                && is_mixed_case_acronym(doc.slice(tokens[i + 1].span))
        })
        .map(|i| (tokens[i + 1].span, i + 1))
        .collect()
}

/// Are `a` and `b` different arrangements of the same letters, capitals
/// where they were (`PennDTO`, `PnenDOT` for `PennDOT`)?
pub fn is_anagram(a: &str, b: &str) -> bool {
    if a.len() != b.len() || a == b {
        return false;
    }
    let mut a = a.as_bytes().to_vec();
    let mut b = b.as_bytes().to_vec();
    a.sort_unstable();
    b.sort_unstable();
    a == b
}

/// The first of the (at most twelve) words before the parenthesis at
/// `open`, up to punctuation other than `&`.
fn expansion_start(doc: &Document, tokens: &[Token], open: usize) -> usize {
    let mut first = open - 1;
    while first > 0 && open - first < 12 {
        let before = tokens[first - 1];
        let joins = before.kind == TokenKind::Word || before.is_punct(&doc.text, "&");
        if !joins {
            break;
        }
        first -= 1;
    }
    first
}

const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "at", "by", "de", "del", "der", "des", "di", "du", "for", "in", "la", "le",
    "of", "on", "the", "to", "und", "&",
];

/// Does `acronym` fit the last words of `words` (strictly: one letter a
/// word part; leniently: leading letters of a part too)?
pub fn fits(acronym: &str, words: &str, strict: bool) -> bool {
    let letters: Vec<u8> = acronym.bytes().map(|b| b.to_ascii_lowercase()).collect();
    let words: Vec<Vec<Vec<u8>>> = words
        .split_whitespace()
        .map(|w| {
            w.split(['-', '‑'])
                .filter(|p| !p.is_empty())
                .map(|p| p.bytes().map(|b| b.to_ascii_lowercase()).collect())
                .collect()
        })
        .collect();
    let fitter = Fitter {
        letters: &letters,
        words: &words,
        strict,
    };
    (0..words.len()).any(|start| !fitter.is_function_word(start) && fitter.words_from(0, start))
}

struct Fitter<'a> {
    letters: &'a [u8],
    /// Each word's hyphen-separated parts, lowercase bytes.
    words: &'a [Vec<Vec<u8>>],
    strict: bool,
}

impl Fitter<'_> {
    fn is_function_word(&self, w: usize) -> bool {
        let parts = &self.words[w];
        parts.len() == 1
            && FUNCTION_WORDS
                .iter()
                .any(|f| f.as_bytes() == parts[0].as_slice())
    }

    /// Can `letters[l..]` be spelled by `words[w..]`, all of them?
    fn words_from(&self, l: usize, w: usize) -> bool {
        if w == self.words.len() {
            return l == self.letters.len();
        }
        if self.is_function_word(w) {
            let first = self.words[w][0][0];
            return self.words_from(l, w + 1)
                || (self.letters.get(l) == Some(&first) && self.words_from(l + 1, w + 1));
        }
        self.parts_from(l, w, 0)
    }

    /// Word `w` spells letters from `l` on, starting at its part `p` (the
    /// first part must give at least its first letter; later parts may
    /// give nothing).
    fn parts_from(&self, l: usize, w: usize, p: usize) -> bool {
        let parts = &self.words[w];
        if p == parts.len() {
            return self.words_from(l, w + 1);
        }
        if p > 0 && self.parts_from(l, w, p + 1) {
            return true;
        }
        let part = &parts[p];
        let longest = if self.strict { 1 } else { part.len() };
        (1..=longest).any(|k| {
            l + k <= self.letters.len()
                && part[..k] == self.letters[l..l + k]
                && self.parts_from(l + k, w, p + 1)
        })
    }
}

/// Other spellings of `acronym` one slip away: two letters swapped, or one
/// letter changed.
pub fn near_misses(acronym: &str) -> Vec<String> {
    let bytes = acronym.as_bytes();
    let mut out = Vec::new();
    for i in 0..bytes.len() {
        for j in i + 1..bytes.len() {
            if bytes[i] != bytes[j] {
                let mut swapped = bytes.to_vec();
                swapped.swap(i, j);
                out.push(String::from_utf8(swapped).expect("ASCII"));
            }
        }
        for c in b'A'..=b'Z' {
            if c != bytes[i] {
                let mut changed = bytes.to_vec();
                changed[i] = c;
                out.push(String::from_utf8(changed).expect("ASCII"));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Is `a` one slip away from `b` (two letters swapped, or one changed)?
pub fn is_near_miss(a: &str, b: &str) -> bool {
    if a.len() != b.len() || a == b {
        return false;
    }
    let differ: Vec<usize> = a
        .bytes()
        .zip(b.bytes())
        .enumerate()
        .filter(|(_, (x, y))| x != y)
        .map(|(i, _)| i)
        .collect();
    match differ[..] {
        [_] => true,
        [i, j] => a.as_bytes()[i] == b.as_bytes()[j] && a.as_bytes()[j] == b.as_bytes()[i],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_acronyms() {
        for (acronym, words) in [
            ("PACE", "Parliamentary Assembly of the Council of Europe"),
            ("ECOWAS", "Economic Community of West African States"),
            ("LRA", "Long-Distance Rail Authority"),
            ("CAGR", "compound annual growth rate"),
            (
                "NTSB",
                "an investigator with the National Transportation Safety Board",
            ),
            ("FRT", "a diver with the county’s Flood Rescue Team"),
            (
                "JRC",
                "checked at northern crossings by the Joint Review Commission",
            ),
            ("START", "Strategic Arms Reduction Treaty"),
            ("NGO", "non-governmental organization"),
            (
                "OECD",
                "Organisation for Economic Co-operation and Development",
            ),
        ] {
            assert!(fits(acronym, words, false), "{acronym} = {words}");
        }
        assert!(fits(
            "ECOWAS",
            "Economic Community of West African States",
            true
        ));
        assert!(!fits("START", "Strategic Arms Reduction Treaty", true));
    }

    #[test]
    fn misfitting_acronyms() {
        for (acronym, words) in [
            ("ECWOAS", "Economic Community of West African States"),
            ("PCAE", "Parliamentary Assembly of the Council of Europe"),
            ("NSTB", "National Transportation Safety Board"),
            ("ISO", "International Organization for Standardization"),
        ] {
            assert!(!fits(acronym, words, false), "{acronym} = {words}");
        }
    }

    #[test]
    fn roman_numerals_and_capitals() {
        for numeral in ["II", "XIV", "MCM", "DCC", "XL", "MMXXVI"] {
            assert!(is_roman_numeral(numeral), "{numeral}");
        }
        for acronym in ["CDC", "CCD", "VX", "IIII", "CIVIC"] {
            assert!(!is_roman_numeral(acronym), "{acronym}");
        }
        assert_eq!(acronym_part("CDC’s"), Some("CDC"));
        assert_eq!(acronym_part("CDC-led"), Some("CDC"));
        assert_eq!(acronym_part("CDCs"), None);
        assert_eq!(acronym_part("Cdc"), None);
    }

    #[test]
    fn mixed_case_acronyms_and_their_anagrams() {
        for word in ["PennDOT", "FinCEN", "DfT", "MassDOT"] {
            assert!(is_mixed_case_acronym(word), "{word}");
        }
        for word in ["NASA", "Penn", "iPhone", "Mc", "X-Ray"] {
            assert!(!is_mixed_case_acronym(word), "{word}");
        }
        assert!(is_anagram("PennDTO", "PennDOT"));
        assert!(is_anagram("ePnnDOT", "PennDOT"));
        assert!(!is_anagram("PennDOT", "PennDOT"));
        assert!(!is_anagram("PennDOS", "PennDOT"));
    }

    #[test]
    fn near_miss_spellings() {
        assert!(is_near_miss("JRR", "JRC"));
        assert!(is_near_miss("TRF", "FRT"));
        assert!(is_near_miss("ECWOAS", "ECOWAS"));
        assert!(!is_near_miss("NATO", "NASA"));
        assert!(!is_near_miss("FRT", "FRT"));
        assert!(near_misses("NSTB").contains(&"NTSB".to_string()));
        assert!(!is_acronym("III") && is_acronym("PACE") && !is_acronym("Pace"));
    }
}
