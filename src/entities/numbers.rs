//! Figures as news copy writes them: `43`, `12,300`, `2.4`, `six`,
//! `twenty-four`, and the number in a compound (`18-member`, `seven-hour`).

use std::ops::Range;

use crate::document::{Document, Token, TokenKind};
use crate::lexicon::WordSet;
use crate::span::Span;

/// A number written in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// The number itself: `19` in `19-member`, `seven` in `seven-hour`.
    pub span: Span,
    /// The first and one-past-last tokens it uses (`14`, `,`, `5OO`).
    pub tokens: (usize, usize),
    pub value: f64,
    /// The digits as written, without thousands separators (`12300`,
    /// `2.4`); `None` for a number written in words.
    pub digits: Option<String>,
    /// The word after a hyphen in a compound (`member` in `18-member`).
    pub compound: Option<String>,
    /// A capital or small letter O stands for a zero (`12,3OO`).
    pub letter_o: bool,
}

/// The units (zero to nineteen, their values), then the tens (twenty to
/// ninety), in one set so that a word needs one lookup.
static NUMBER_WORDS: WordSet = WordSet::new(&NUMBER_WORD_LIST);

const NUMBER_WORD_LIST: [&str; 28] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
];

/// Where the tens start in [`NUMBER_WORDS`].
const TENS: usize = 20;

/// The value of a number word (`eight`, `Twenty`, `twenty-four`).
pub fn word_value(word: &str) -> Option<u32> {
    if !may_be_number_word(word.as_bytes()) {
        return None;
    }
    let value = |index: usize| match index.checked_sub(TENS) {
        None => index as u32,
        Some(tens) => 20 + 10 * tens as u32,
    };
    match word.split_once('-') {
        // `eight`, `twenty`.
        None => NUMBER_WORDS.position_ascii_lowercase_of(word).map(value),
        // `twenty-four`.
        Some((tens, unit)) => {
            let tens = NUMBER_WORDS
                .position_ascii_lowercase_of(tens)
                .filter(|&index| index >= TENS)?;
            let unit = NUMBER_WORDS
                .position_ascii_lowercase_of(unit)
                .filter(|unit| (1..10).contains(unit))?;
            Some(value(tens) + unit as u32)
        }
    }
}

/// Could `word` be a number word, or start one (`twenty-four`, `seven-hour`)?
/// Told by its first three letters, in either case, and its length: most
/// words (`the`, `to`, `of`, `that`; `for` and `this`, too short for
/// `forty` and `thirty`; `foreign` and `through`, with no hyphen after
/// `forty` and `three`) are ruled out here, before the list is searched.
#[inline]
fn may_be_number_word(word: &[u8]) -> bool {
    word.first_chunk::<3>().is_some_and(|&first| {
        let wanted = start_key(first);
        passes_screen(first)
            && STARTS.iter().any(|&(start, len)| {
                start == wanted && (word.len() == len || word.get(len) == Some(&b'-'))
            })
    })
}

/// Three letters as one number, in lowercase. Setting the 0x20 bit
/// lowercases an ASCII capital and turns no other byte into a lowercase
/// letter: a key of lowercase letters is met only by those letters, in
/// either case.
const fn start_key(text: [u8; 3]) -> u32 {
    u32::from_le_bytes([text[0] | 0x20, text[1] | 0x20, text[2] | 0x20, 0])
}

/// Each number word's first three letters and its length, from the list.
const STARTS: [(u32, usize); NUMBER_WORD_LIST.len()] = {
    let mut starts = [(0, 0); NUMBER_WORD_LIST.len()];
    let mut i = 0;
    while i < starts.len() {
        let word = NUMBER_WORD_LIST[i].as_bytes();
        starts[i] = (start_key([word[0], word[1], word[2]]), word.len());
        i += 1;
    }
    starts
};

/// Might three bytes start a number word? By the low five bits of each (a
/// letter's, in either case), a bit per start: one lookup rules out nearly
/// every word without a chain of comparisons. Bytes that are no letters
/// may pass; the list, compared after, rules them out.
#[inline(always)]
fn passes_screen(first: [u8; 3]) -> bool {
    static SCREEN: [u32; 1024] = {
        let mut screen = [0; 1024];
        let mut i = 0;
        while i < STARTS.len() {
            let [a, b, c, _] = STARTS[i].0.to_le_bytes();
            screen[((a & 31) as usize) << 5 | (b & 31) as usize] |= 1 << (c & 31);
            i += 1;
        }
        screen
    };
    let [a, b, c] = first.map(|byte| byte & 31);
    SCREEN[usize::from(a) << 5 | usize::from(b)] & (1 << c) != 0
}

/// The figure starting at token `i`, if there is one. (Inline: rules ask
/// of every token, and most are ruled out by their kind and first bytes.)
#[inline(always)]
pub fn figure_at(doc: &Document, i: usize) -> Option<Figure> {
    let token = doc.tokens.get(i)?;
    match token.kind {
        TokenKind::Number => digits_figure(doc, i, doc.slice(token.span)),
        // `six`, `twenty-four`, `seven-hour`, `twenty-four-hour`: all start
        // with a number word, told by the bytes before the word is read.
        TokenKind::Word if may_be_number_word(doc.bytes(token.span)) => word_figure_at(doc, i),
        _ => None,
    }
}

/// The figures in the tokens `range`, in text order. A figure's later
/// tokens (the `,` and `5OO` of `12,5OO`) start none.
pub fn figures_in<'d>(doc: &'d Document, range: Range<usize>) -> impl Iterator<Item = Figure> + 'd {
    let mut i = range.start;
    std::iter::from_fn(move || {
        while i < range.end {
            // Most tokens start no figure. They are passed over by a test
            // with one branch a token, seldom taken: a token's kind and
            // first letters are both seen before either is judged.
            let candidate = doc.tokens[i..range.end].iter().position(may_start_figure)?;
            i += candidate;
            match figure_at(doc, i) {
                Some(figure) => {
                    i = figure.tokens.1;
                    return Some(figure);
                }
                None => i += 1,
            }
        }
        None
    })
}

/// Is `token` a number, or a word whose first three bytes pass the screen?
/// Bytes past a short word's end may be read: the screen lets more
/// through, never fewer, and [`figure_at`] decides.
#[inline(always)]
fn may_start_figure(token: &Token) -> bool {
    let first = token.head::<3>();
    (token.kind == TokenKind::Number) | ((token.kind == TokenKind::Word) & passes_screen(first))
}

fn word_figure_at(doc: &Document, i: usize) -> Option<Figure> {
    let span = doc.tokens[i].span;
    let text = doc.slice(span);
    if let Some(value) = word_value(text) {
        return Some(word_figure(span, i, value, text.len(), None));
    }
    let (number, rest) = text.rsplit_once('-')?;
    let value = word_value(number)?;
    is_compound_word(rest).then(|| {
        word_figure(
            span,
            i,
            value,
            number.len(),
            Some(rest.to_ascii_lowercase()),
        )
    })
}

fn word_figure(span: Span, i: usize, value: u32, len: usize, compound: Option<String>) -> Figure {
    Figure {
        span: Span::new(span.start, span.start + len),
        tokens: (i, i + 1),
        value: f64::from(value),
        digits: None,
        compound,
        letter_o: false,
    }
}

fn is_compound_word(rest: &str) -> bool {
    !rest.is_empty() && rest.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// `43`, `12,300`, `2.4`, `18-member`, and `12,3OO` (tokenized apart).
#[inline(never)]
fn digits_figure(doc: &Document, i: usize, text: &str) -> Option<Figure> {
    let token = doc.tokens[i];
    let number_len = text
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(text.len());
    let (number, rest) = text.split_at(number_len);
    let compound = match rest {
        "" => None,
        _ if rest.starts_with('-') && is_compound_word(&rest[1..]) => {
            Some(rest[1..].to_ascii_lowercase())
        }
        _ => return None,
    };
    let mut digits: String = number.chars().filter(|&c| c != ',').collect();
    let mut end = (i + 1, token.span.start + number_len);
    let mut letter_o = false;
    // `12,3OO`: a thousands group mistyped with letters O.
    if compound.is_none()
        && let (Some(comma), Some(group)) = (doc.tokens.get(i + 1), doc.tokens.get(i + 2))
        && comma.is_punct(&doc.text, ",")
        && !comma.space_before
        && !group.space_before
    {
        let group_text = doc.slice(group.span);
        if group_text.len() == 3
            && group_text
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'O' || b == b'o')
            && group_text.bytes().any(|b| b == b'O' || b == b'o')
        {
            digits.extend(
                group_text
                    .chars()
                    .map(|c| if c.is_ascii_digit() { c } else { '0' }),
            );
            end = (i + 3, group.span.end);
            letter_o = true;
        }
    }
    let value: f64 = digits.parse().ok()?;
    Some(Figure {
        span: Span::new(token.span.start, end.1),
        tokens: (i, end.0),
        value,
        digits: Some(digits),
        compound,
        letter_o,
    })
}

/// Do two different figures differ the way a slip does: one digit changed
/// or two neighbouring digits swapped (`18`/`19`, `16`/`61`), or a small
/// number word changed (`six`/`seven`)? A number in words and one in
/// digits are never a slip of each other.
pub fn is_slip(a: &Figure, b: &Figure) -> bool {
    match (&a.digits, &b.digits) {
        (Some(x), Some(y)) => {
            let (x, y) = (x.as_bytes(), y.as_bytes());
            if x.len() != y.len() || x == y {
                return false;
            }
            let differ: Vec<usize> = (0..x.len()).filter(|&k| x[k] != y[k]).collect();
            match differ[..] {
                [k] => x[k] != b'.' && y[k] != b'.',
                [k, l] => l == k + 1 && x[k] == y[l] && x[l] == y[k],
                _ => false,
            }
        }
        (None, None) => a.value != b.value && a.value <= 20.0 && b.value <= 20.0,
        // A slip does not turn `seven` into `18`.
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Format, Source};

    fn figures(text: &str) -> Vec<(String, f64, Option<String>)> {
        let source = Source::new("t.txt", text.to_string(), Format::Text);
        let doc = Document::new(&source);
        figures_in(&doc, 0..doc.tokens.len())
            .map(|f| (doc.slice(f.span).to_string(), f.value, f.compound))
            .collect()
    }

    #[test]
    fn the_screen_passes_every_token_that_starts_a_figure() {
        // Words shorter than three letters, at the end of the text too,
        // capitals, compounds, and a thousands group with letters O.
        let text = "On 12 May, six of the Twenty-four met for ten hours; 12,3OO \
                    came. Thirty-odd a 7-member we fifteen-year-old to one. Four";
        let source = Source::new("t.txt", text.to_string(), Format::Text);
        let doc = Document::new(&source);
        let mut stepped = Vec::new();
        let mut i = 0;
        while i < doc.tokens.len() {
            match figure_at(&doc, i) {
                Some(figure) => {
                    i = figure.tokens.1;
                    stepped.push(figure);
                }
                None => i += 1,
            }
        }
        let read: Vec<&str> = stepped.iter().map(|f| doc.slice(f.span)).collect();
        assert_eq!(
            read,
            [
                "12",
                "six",
                "Twenty-four",
                "ten",
                "12,3OO",
                "Thirty",
                "7",
                "one",
                "Four"
            ]
        );
        assert_eq!(
            figures_in(&doc, 0..doc.tokens.len()).collect::<Vec<_>>(),
            stepped
        );
    }

    #[test]
    fn every_number_word_passes_the_first_letters_test() {
        for word in NUMBER_WORDS.words() {
            assert!(may_be_number_word(word.as_bytes()), "{word}");
            assert!(may_be_number_word(word.to_uppercase().as_bytes()), "{word}");
            assert!(word_value(word).is_some(), "{word}");
        }
        // Too short for the number words that start alike, or longer
        // without a hyphen after one.
        for word in [
            "for", "For", "this", "think", "sevens", "foreign", "through", "Severe",
        ] {
            assert!(!may_be_number_word(word.as_bytes()), "{word}");
        }
        for word in ["seven-hour", "Twenty-four", "fourteen-year-old", "thirty-"] {
            assert!(may_be_number_word(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn reads_digits_words_and_compounds() {
        assert_eq!(
            figures(
                "18 inspectors, the 19-member team, 12,300 hectares, $2.4 billion, six hours, a seven-hour session, twenty-four"
            ),
            vec![
                ("18".to_string(), 18.0, None),
                ("19".to_string(), 19.0, Some("member".to_string())),
                ("12,300".to_string(), 12300.0, None),
                ("2.4".to_string(), 2.4, None),
                ("six".to_string(), 6.0, None),
                ("seven".to_string(), 7.0, Some("hour".to_string())),
                ("twenty-four".to_string(), 24.0, None),
            ]
        );
        assert_eq!(
            figures("12,3OO hectares")[0],
            ("12,3OO".to_string(), 12300.0, None)
        );
        assert!(figures("the 10th and 1980s and 5:45").is_empty());
    }

    #[test]
    fn slips() {
        let f = |text: &str| {
            let source = Source::new("t.txt", text.to_string(), Format::Text);
            let doc = Document::new(&source);
            figure_at(&doc, 0).unwrap()
        };
        assert!(is_slip(&f("18"), &f("19")));
        assert!(is_slip(&f("16"), &f("61")));
        assert!(is_slip(&f("12,300"), &f("17,300")));
        assert!(is_slip(&f("six"), &f("seven")));
        assert!(!is_slip(&f("12"), &f("8.5")));
        assert!(!is_slip(&f("300"), &f("7,000")));
        assert!(!is_slip(&f("18"), &f("18")));
        assert!(!is_slip(&f("1.5"), &f("15")));
    }
}
