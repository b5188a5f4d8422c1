//! Closed word lists the Document needs to read news text: abbreviations that
//! do not end sentences, and the words a sentence can start with.

use crate::lexicon::WordSet;
use crate::lowercase::with_ascii_lowercase;

/// Abbreviations before a name: `Sen. Warren`, `Lt. Gen. Price`, `Mt. Hood`.
/// A full stop after one never ends a sentence.
static TITLE_ABBREVIATIONS: WordSet = WordSet::new(&[
    "Adm", "Amb", "Atty", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Cpl", "Det", "Dr", "Fr", "Ft",
    "Gen", "Gov", "Hon", "Insp", "Lt", "Maj", "Messrs", "Mmes", "Mr", "Mrs", "Ms", "Msgr", "Mt",
    "Pfc", "Pres", "Prof", "Pvt", "Rep", "Reps", "Rev", "Sen", "Sens", "Sgt", "Spc", "St", "Ste",
    "Supt", "Mme", "Mlle",
]);

/// Abbreviations that may end a sentence, but usually do not: a full stop
/// after one ends the sentence only when a sentence starter follows
/// (`… & Co. It closed` but `Nov. 6`, `Inc. shares`).
static ABBREVIATIONS: WordSet = WordSet::new(&[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "inc", "corp", "co", "ltd",
    "llc", "plc", "bros", "jr", "sr", "no", "nos", "vs", "v", "etc", "approx", "dept", "univ",
    "assn", "ave", "blvd", "rd", "hwy", "est", "fig", "vol", "pp", "ed", "eds", "al", "cf", "ca",
    "esp", "min", "max", "ft", "mi", "km", "lb", "lbs", "oz", "yr", "yrs", "ala", "ariz", "ark",
    "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md",
    "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nebr", "nev", "okla", "ore", "pa",
    "penn", "tenn", "tex", "va", "vt", "wash", "wis", "wisc", "wyo", "op", "govt", "intl", "natl",
]);

/// Words that start sentences: closed-class words, auxiliaries and common
/// sentence adverbs. After an ambiguous abbreviation, only one of these
/// shows that a new sentence has begun (`in the U.S. How…` but
/// `the U.S. Government`).
static SENTENCE_STARTERS: WordSet = WordSet::new(&[
    "a",
    "about",
    "according",
    "after",
    "again",
    "all",
    "also",
    "although",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "can",
    "could",
    "despite",
    "did",
    "do",
    "does",
    "during",
    "each",
    "even",
    "every",
    "few",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "instead",
    "is",
    "it",
    "its",
    "many",
    "may",
    "meanwhile",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "on",
    "once",
    "one",
    "only",
    "or",
    "our",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "thus",
    "to",
    "under",
    "unless",
    "until",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yesterday",
    "today",
    "tomorrow",
    "last",
    "next",
    "earlier",
    "later",
]);

pub fn is_title_abbreviation(word: &str) -> bool {
    TITLE_ABBREVIATIONS.contains(word)
}

/// `word` without its full stop, in any case.
pub fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains_ascii_lowercase_of(word)
}

pub fn is_sentence_starter(word: &str) -> bool {
    SENTENCE_STARTERS.contains_lowercase_of(word)
}

/// `a.m.`, `p.m.`, and their capitalised forms.
pub fn is_clock_abbreviation(word: &str) -> bool {
    with_ascii_lowercase(word, |lower| {
        matches!(lower, "a.m." | "p.m." | "a.m" | "p.m")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starters_have_no_duplicates() {
        let mut sorted = SENTENCE_STARTERS.words().to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(
            sorted.len(),
            SENTENCE_STARTERS.words().len(),
            "duplicate starter"
        );
    }

    #[test]
    fn lookups() {
        assert!(is_title_abbreviation("Sen"));
        assert!(!is_title_abbreviation("Jan"));
        assert!(is_abbreviation("Calif"));
        assert!(is_sentence_starter("However"));
        assert!(!is_sentence_starter("Government"));
    }
}
