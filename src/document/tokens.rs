//! Words, numbers and punctuation with their byte spans.
//!
//! A word keeps its inner apostrophes and hyphens (`don’t`, `Gorman’s`,
//! `iron-clad`); dotted initialisms keep their dots (`U.S.`, `a.m.`); numbers
//! keep decimal points, thousands separators and clock colons (`3.8`,
//! `14,500`, `6:30`). URLs, e-mail addresses and domain names are single
//! tokens, so no rule looks inside them.

use serde::Serialize;

use crate::bytes::load_short;
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    Word,
    /// Starts with a digit: `57`, `3.8`, `1990s`, `23-member`.
    Number,
    /// One punctuation mark, or an ellipsis (`...`, `…`).
    Punct,
    /// Currency, percent and other signs.
    Symbol,
    /// A URL, e-mail address, domain or file name.
    Url,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
    /// A line break separates this token from the previous one.
    pub newline_before: bool,
    /// The token is one run of ASCII letters and digits (`said`, `2024`),
    /// nothing joined and nothing beyond ASCII: what most tokens are, and
    /// what a reader of words can take whole, without looking inside.
    #[serde(skip)]
    pub plain: bool,
    /// The first four bytes of the text from the token's start: on past
    /// the end of a shorter token, zeros past the end of the text. (In
    /// room the struct has anyway.) See [`Token::head`].
    #[serde(skip)]
    pub first_bytes: [u8; 4],
}

// The first bytes fill the room a span's alignment leaves after the flags.
const _: () = assert!(size_of::<Token>() == 24);

impl Token {
    /// The first `N` bytes (at most four) of the text from the token's
    /// start, as [`Token::first_bytes`] holds them. For screens that judge
    /// every token by its first letters: without reading the text, and
    /// with no branch on the token's length (asked of every token, whether
    /// a word is shorter is not predictable). What they let through is
    /// then read whole.
    #[inline(always)]
    pub fn head<const N: usize>(&self) -> [u8; N] {
        *self
            .first_bytes
            .first_chunk::<N>()
            .expect("a token holds four first bytes")
    }

    /// Does the token start with an ASCII letter in lowercase? Most words
    /// of prose do, and loops over every token rule them out here: by one
    /// byte the token keeps, without reading the text or decoding a
    /// character.
    #[inline(always)]
    pub fn starts_ascii_lowercase(&self) -> bool {
        self.first_bytes[0].is_ascii_lowercase()
    }

    /// Whether the token's first character is lowercase: told by the
    /// first byte the token keeps when that is ASCII, else read from
    /// `text` (the Document's).
    #[inline(always)]
    pub fn starts_lowercase(&self, text: &str) -> bool {
        self.first_character_is(text, u8::is_ascii_lowercase, char::is_lowercase)
    }

    /// Whether the token's first character is uppercase, told as
    /// [`Token::starts_lowercase`] tells a lowercase one.
    #[inline(always)]
    pub fn starts_uppercase(&self, text: &str) -> bool {
        self.first_character_is(text, u8::is_ascii_uppercase, char::is_uppercase)
    }

    /// `ascii` of the first byte when that is ASCII, else `any` of the
    /// first character of the token's text.
    #[inline(always)]
    fn first_character_is(
        &self,
        text: &str,
        ascii: impl Fn(&u8) -> bool,
        any: impl Fn(char) -> bool,
    ) -> bool {
        let first = self.first_bytes[0];
        if first.is_ascii() {
            ascii(&first)
        } else {
            self.span.text(text).starts_with(any)
        }
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_punct(&self, text: &str, mark: &str) -> bool {
        self.kind == TokenKind::Punct && self.span.text(text) == mark
    }
}

/// Top-level domains and file extensions that make `word.word` one token.
/// Domains that are also English words (`in`, `us`, `me`, `co`) are left out:
/// `talks.in` is far more often a lost space than an Indian website.
const DOMAIN_ENDINGS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "mil", "int", "io", "uk", "ca", "de", "fr", "eu", "info",
    "biz", "ly", "app", "dev", "ch", "ru", "cn", "jp", "au",
];
const FILE_ENDINGS: &[&str] = &[
    "pdf", "doc", "docx", "txt", "md", "csv", "xls", "xlsx", "jpg", "jpeg", "png", "gif", "html",
    "htm", "zip", "json", "xml", "mp3", "mp4", "ppt", "pptx", "exe", "js", "py", "rs",
];

/// Tokenize `text[span]`, which may contain NUL bytes standing for masked
/// Markdown syntax: those separate nothing and are skipped.
pub fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let end = span.end;
    let mut i = span.start;
    let mut space_before = true;
    let mut newline_before = false;
    // Without an `@`, no token of the block is an e-mail address: most
    // blocks skip that scan altogether.
    let mut emails = memchr::memchr(b'@', &bytes[span.start..end]).map(|_| EmailScan::default());
    while i < end {
        // Most bytes between tokens are ASCII spaces and line breaks.
        match bytes[i] {
            b'\n' => {
                space_before = true;
                newline_before = true;
                i += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' | 0x0B | 0x0C => {
                space_before = true;
                i += 1;
                continue;
            }
            b'\0' => {
                i += 1;
                continue;
            }
            _ => {}
        }
        // Most tokens are told by their ASCII bytes alone; the others, and
        // every token where an e-mail address may start, are scanned whole.
        let ascii = match emails {
            None => ascii_token(bytes, i, end),
            Some(_) => None,
        };
        let (token_end, kind, plain) = match ascii {
            Some(token) => token,
            None => {
                let c = char_at(text, i);
                // Whitespace beyond ASCII (a no-break space).
                if c.is_whitespace() {
                    space_before = true;
                    i += c.len_utf8();
                    continue;
                }
                scan_token(text, bytes, i, end, c, &mut emails)
            }
        };
        out.push(Token {
            span: Span::new(i, token_end),
            kind,
            space_before,
            newline_before,
            plain,
            first_bytes: first_bytes(bytes, i),
        });
        space_before = false;
        newline_before = false;
        i = token_end;
    }
}

/// The four bytes from `start`, zeros past the end of `bytes`.
fn first_bytes(bytes: &[u8], start: usize) -> [u8; 4] {
    let end = bytes.len().min(start + 4);
    let [a, b, c, d, ..] = load_short(&bytes[start..end]).to_le_bytes();
    [a, b, c, d]
}

/// The token at `start`, as [`scan_token`] finds it, where that is told by
/// ASCII bytes alone (and no e-mail address is looked for): a word or
/// number ending at an ASCII byte that joins nothing to it (`said`, `2024`
/// before a space or a comma), or one ASCII mark other than a full stop
/// before another. `None` for everything else: a first byte beyond ASCII,
/// a URL, an ellipsis, a word joined on (`don't`, `3.8`) or running on
/// beyond ASCII (`café`).
fn ascii_token(bytes: &[u8], start: usize, end: usize) -> Option<(usize, TokenKind, bool)> {
    let first = bytes[start];
    if first.is_ascii_alphanumeric() {
        let word_end = start + alphanumeric_run(&bytes[start..end]);
        let ends_here = bytes[..end]
            .get(word_end)
            .is_none_or(|&after| after.is_ascii() && !joins(bytes, word_end, end));
        if !ends_here || may_start_url(&bytes[start..end]) {
            return None;
        }
        let kind = if first.is_ascii_digit() {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        return Some((word_end, kind, true));
    }
    if !first.is_ascii() || (first == b'.' && bytes[..end].get(start + 1) == Some(&b'.')) {
        return None;
    }
    let kind = if is_punctuation(char::from(first)) {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    };
    Some((start + 1, kind, false))
}

fn char_at(text: &str, i: usize) -> char {
    match text.as_bytes().get(i) {
        Some(&byte) if byte.is_ascii() => char::from(byte),
        Some(_) => text[i..].chars().next().unwrap_or('\0'),
        None => '\0',
    }
}

fn scan_token(
    text: &str,
    bytes: &[u8],
    start: usize,
    end: usize,
    c: char,
    emails: &mut Option<EmailScan>,
) -> (usize, TokenKind, bool) {
    if let Some(email_end) = emails.as_mut().and_then(|e| e.scan(text, start, end)) {
        return (email_end, TokenKind::Url, false);
    }
    if let Some(url_end) = scan_url(text, start, end) {
        return (url_end, TokenKind::Url, false);
    }
    if c.is_alphanumeric() {
        return scan_word(text, bytes, start, end, c);
    }
    // Ellipses: `...`, `....`, `…`.
    if c == '.' {
        let dots = bytes[start..end].iter().take_while(|&&b| b == b'.').count();
        if dots >= 3 {
            return (start + dots, TokenKind::Punct, false);
        }
    }
    let kind = if is_punctuation(c) {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    };
    (start + c.len_utf8(), kind, false)
}

pub fn is_punctuation(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '"'
            | '\''
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '—'
            | '–'
            | '-'
            | '…'
            | '«'
            | '»'
            | '„'
            | '‚'
            | '/'
            | '¿'
            | '¡'
    )
}

/// Looks for e-mail addresses (`name@example.org`, without the sentence
/// punctuation after it) at each token start. What it learns about a
/// stretch of text is kept, so that a long run without whitespace
/// (`a.b.c.d…`, `*****…`) costs one pass in all, not one pass per token.
#[derive(Default)]
struct EmailScan {
    /// No address starts before this offset: a scan from an earlier token
    /// start found none, stopped by a character that ends the local part
    /// there, and every start up to it would stop there and find none.
    none_before: usize,
}

impl EmailScan {
    fn scan(&mut self, text: &str, start: usize, end: usize) -> Option<usize> {
        if start < self.none_before {
            return None;
        }
        let is_local = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '+' | '-');
        let is_domain = |c: char| c.is_alphanumeric() || matches!(c, '.' | '-');
        let at = scan_while(text, start, end, is_local);
        if at == start || !text[at..end].starts_with('@') {
            self.none_before = at + 1;
            return None;
        }
        // The domain, then sentence punctuation up to the end of the run
        // (whitespace, a quotation mark, an angle bracket or parenthesis).
        let domain_end = scan_while(text, at + 1, end, is_domain);
        let run_end = scan_while(text, domain_end, end, is_sentence_punctuation);
        let ends_run = text[run_end..end]
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || c == '\0' || "“”\"<>()".contains(c));
        // Sentence punctuation includes the full stop: `write to a@b.org.`
        let domain = text[at + 1..domain_end].trim_end_matches('.');
        let found = ends_run && domain.contains('.') && !domain.contains("..");
        if !found {
            self.none_before = at + 1;
        }
        found.then_some(at + 1 + domain.len())
    }
}

/// The offset of the first character from `start` that is not `wanted`.
/// (Character by character with [`char_at`], which reads ASCII without
/// decoding: `str::find` decodes every character.)
fn scan_while(text: &str, start: usize, end: usize, wanted: impl Fn(char) -> bool) -> usize {
    let mut i = start;
    while i < end {
        let c = char_at(text, i);
        if !wanted(c) {
            return i;
        }
        i += c.len_utf8();
    }
    end
}

/// `http://…`, `https://…`, `www.…`: up to whitespace, minus trailing
/// punctuation that belongs to the sentence.
fn scan_url(text: &str, start: usize, end: usize) -> Option<usize> {
    if !may_start_url(&text.as_bytes()[start..end]) {
        return None;
    }
    let rest = &text[start..end];
    let is_url = rest.starts_with("http://")
        || rest.starts_with("https://")
        || (rest.starts_with("www.") && rest.len() > 4);
    if !is_url {
        return None;
    }
    let len = rest
        .find(|c: char| c.is_whitespace() || c == '\0' || "“”\"<>".contains(c))
        .unwrap_or(rest.len());
    Some(start + trim_trailing_punctuation(&rest[..len]))
}

/// Whether `bytes` start as a URL does (`http`, `www.`). Told by four bytes
/// at once: a test of the first byte alone (`h`, `w`) passes a word in ten
/// (`which`, `was`, `he`) unpredictably.
fn may_start_url(bytes: &[u8]) -> bool {
    bytes
        .first_chunk::<4>()
        .is_some_and(|first_four| first_four == b"http" || first_four == b"www.")
}

/// Punctuation that ends a sentence or clause, not a URL.
fn is_sentence_punctuation(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '’' | '\'')
}

/// Length of `s` without the sentence punctuation at its end (a closing
/// parenthesis stays when the URL itself opened one).
fn trim_trailing_punctuation(s: &str) -> usize {
    // Counted once: trimming punctuation leaves the parentheses as they are.
    let opened = s.matches('(').count();
    let mut closed = s.matches(')').count();
    let mut t = s;
    loop {
        let before = t.len();
        t = t.trim_end_matches(is_sentence_punctuation);
        if t.ends_with(')') && opened < closed {
            t = &t[..t.len() - 1];
            closed -= 1;
        }
        if t.len() == before {
            return t.len();
        }
    }
}

fn scan_word(
    text: &str,
    bytes: &[u8],
    start: usize,
    end: usize,
    first: char,
) -> (usize, TokenKind, bool) {
    let numeric = first.is_ascii_digit();
    let mut i = start;
    // Only ASCII letters and digits so far.
    let mut plain = true;
    // Whether every segment so far is one letter followed by a dot (`U.S.`).
    let mut initialism = true;
    let mut segment_len = 0usize;
    let mut url = false;
    while i < end {
        // Most of a word is ASCII letters: a run of them at once.
        let run = alphanumeric_run(&bytes[i..end]);
        i += run;
        segment_len += run;
        if i == end {
            break;
        }
        // Most words end at a space or a mark that joins nothing, told by
        // its byte.
        if bytes[i].is_ascii() && !joins(bytes, i, end) {
            break;
        }
        let c = char_at(text, i);
        if c.is_alphanumeric() || is_combining(c) {
            i += c.len_utf8();
            segment_len += 1;
            plain = false;
            continue;
        }
        let next = if i + c.len_utf8() < end {
            char_at(text, i + c.len_utf8())
        } else {
            '\0'
        };
        let prev = bytes[i - 1];
        match c {
            '\'' | '’' if next.is_alphabetic() => {}
            '-' | '‑' if next.is_alphanumeric() => {}
            '.' if numeric && prev.is_ascii_digit() && next.is_ascii_digit() => {}
            ',' if numeric && prev.is_ascii_digit() && thousands_group(bytes, i + 1, end) => {}
            ':' if numeric && prev.is_ascii_digit() && next.is_ascii_digit() => {}
            '/' if prev.is_ascii_digit() && next.is_ascii_digit() => {}
            '&' if (prev as char).is_ascii_uppercase() && next.is_uppercase() => {}
            '.' if !numeric && initialism && segment_len == 1 && next.is_alphabetic() => {
                // `U.S`, `a.m`: one letter, a dot, one letter, and so on.
                let after_next = i + 1 + next.len_utf8();
                if after_next >= end || bytes[after_next] == b'.' {
                    segment_len = 0;
                } else {
                    break;
                }
            }
            '.' if !numeric && next.is_alphabetic() && has_known_ending(text, i + 1, end) => {
                url = true;
            }
            _ => break,
        }
        if !matches!(c, '.') {
            initialism = false;
        }
        i += c.len_utf8();
        plain = false;
    }
    // A dotted initialism keeps its final dot: `U.S.`, `p.m.`.
    if initialism
        && !numeric
        && segment_len == 1
        && i > start + 1
        && i < end
        && bytes[i] == b'.'
        && text[start..i].contains('.')
    {
        i += 1;
        plain = false;
    }
    let kind = if url {
        TokenKind::Url
    } else if numeric {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    (i, kind, plain)
}

/// Whether the ASCII byte at `i`, right after a run of letters or digits,
/// may join it to what follows: only these marks may (`don't`, `U.S`,
/// `3.8`, `AT&T`), and only before a letter or digit, not before the space
/// after most full stops and commas.
fn joins(bytes: &[u8], i: usize, end: usize) -> bool {
    let joiner = matches!(bytes[i], b'\'' | b'-' | b'.' | b',' | b':' | b'/' | b'&');
    joiner
        && bytes[i + 1..end]
            .first()
            .is_some_and(|&next| !next.is_ascii() || next.is_ascii_alphanumeric())
}

/// How many bytes at the start of `bytes` are ASCII letters and digits,
/// told sixteen bytes at a time: this loop reads most of the text. Nearly
/// every word ends within its first sixteen bytes, so the one test of
/// whether it ended is well predicted (eight at a time, whether a word ends
/// in the first eight is a guess). Inlined: a call per token cost more
/// than the run itself for most words.
#[inline(always)]
fn alphanumeric_run(bytes: &[u8]) -> usize {
    let mut run = 0;
    while let Some(chunk) = bytes[run..].first_chunk::<16>() {
        let (low, high) = chunk.split_at(8);
        let others = u128::from(not_alphanumeric(load_eight(low)))
            | (u128::from(not_alphanumeric(load_eight(high))) << 64);
        if others != 0 {
            return run + others.trailing_zeros() as usize / 8;
        }
        run += 16;
    }
    if let Some(chunk) = bytes[run..].first_chunk::<8>() {
        let others = not_alphanumeric(u64::from_le_bytes(*chunk));
        if others != 0 {
            return run + others.trailing_zeros() as usize / 8;
        }
        run += 8;
    }
    // The rest, zero-padded: a zero byte is no letter and ends the run.
    let rest = &bytes[run..];
    let others = not_alphanumeric(load_short(rest));
    run + (others.trailing_zeros() as usize / 8).min(rest.len())
}

fn load_eight(bytes: &[u8]) -> u64 {
    u64::from_le_bytes(bytes.try_into().expect("8 bytes"))
}

/// The high bit of each of the eight little-endian bytes of `chunk` that
/// is not an ASCII letter or digit.
fn not_alphanumeric(chunk: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Each byte's high bit is set where the byte lies in `low..=high`. The
    // sums stay within each byte, for bytes below 0x80 (the others are not
    // ASCII and are ruled out at the end).
    let within = |bytes: u64, low: u64, high: u64| {
        bytes.wrapping_add((0x80 - low) * ONES) & !bytes.wrapping_add((0x7f - high) * ONES) & HIGH
    };
    let ascii = chunk & !HIGH;
    let digits = within(ascii, u64::from(b'0'), u64::from(b'9'));
    // Setting the 0x20 bit folds capitals onto lowercase letters and moves
    // no other byte into `a..=z`.
    let letters = within(ascii | (0x20 * ONES), u64::from(b'a'), u64::from(b'z'));
    !((digits | letters) & !chunk) & HIGH
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

fn thousands_group(bytes: &[u8], i: usize, end: usize) -> bool {
    i + 3 <= end
        && bytes[i..i + 3].iter().all(u8::is_ascii_digit)
        && (i + 3 == end || !bytes[i + 3].is_ascii_digit())
}

/// `example.com`, `report.pdf`: the letters after the dot are a known
/// ending and end the word.
fn has_known_ending(text: &str, i: usize, end: usize) -> bool {
    let rest = &text[i..end];
    let len = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let ending = &rest[..len];
    let followed_by_letter = rest[len..].starts_with(|c: char| c.is_alphabetic());
    !followed_by_letter
        && (DOMAIN_ENDINGS.contains(&ending)
            || FILE_ENDINGS.contains(&ending)
            // `bit.ly/x`, `x.co/abc`: a path makes any ending a domain.
            || rest[len..].starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(&str, TokenKind)> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|t| (t.span.text(text), t.kind)).collect()
    }

    fn words(text: &str) -> Vec<&str> {
        texts(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn first_bytes_read_on_past_a_short_token_and_stop_at_the_text_end() {
        let text = "He is, Al";
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut tokens);
        let heads: Vec<[u8; 4]> = tokens.iter().map(|t| t.first_bytes).collect();
        assert_eq!(heads, [*b"He i", *b"is, ", *b", Al", *b"Al\0\0"]);
        assert_eq!(tokens[1].head::<2>(), *b"is");
    }

    #[test]
    fn runs_of_letters_and_digits_end_at_the_first_other_byte() {
        // Every byte, at every place in and after the first sixteen-byte
        // chunk and its halves, in runs shorter and longer than a chunk.
        for len in 0..40 {
            for at in 0..=len {
                for byte in 0..=255u8 {
                    let mut bytes = vec![b'q'; len];
                    if at < len {
                        bytes[at] = byte;
                    }
                    let expected = bytes
                        .iter()
                        .position(|b| !b.is_ascii_alphanumeric())
                        .unwrap_or(len);
                    assert_eq!(alphanumeric_run(&bytes), expected, "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn a_tokens_first_letter_is_told_lowercase_or_uppercase_as_its_text_says() {
        let text = "Über élan said 4 US, ‘x’ Ωmega ωmega";
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut tokens);
        for token in tokens {
            let word = token.span.text(text);
            assert_eq!(
                token.starts_lowercase(text),
                word.starts_with(char::is_lowercase),
                "{word}"
            );
            assert_eq!(
                token.starts_uppercase(text),
                word.starts_with(char::is_uppercase),
                "{word}"
            );
        }
    }

    #[test]
    fn tokens_told_by_ascii_bytes_are_the_tokens_scanned_whole() {
        // After every ASCII first byte: what ends a word, joins one on or
        // starts a URL, an ellipsis or an e-mail address.
        let rests = "|bc|bc def|b'c|b’c|b.c|b.|b. c|b,1|,123|b-|b-c|béc|b\u{301}|.|..|\
                     ttp://x.org|ttps|ww.x.com|b&C|&c|1:30|b/c|/2|bc.com|b.pdf|bc@d.org";
        let mut told = 0;
        for first in (1..0x80u8).filter(|b| !b.is_ascii_whitespace() && *b != 0x0B) {
            for rest in rests.split('|') {
                let text = format!("{}{rest}", char::from(first));
                let bytes = text.as_bytes();
                let Some(fast) = ascii_token(bytes, 0, text.len()) else {
                    continue;
                };
                told += 1;
                let c = char_at(&text, 0);
                let whole = scan_token(&text, bytes, 0, text.len(), c, &mut None);
                assert_eq!(fast, whole, "{text:?}");
            }
        }
        assert!(told > 1000, "{told}");
    }

    #[test]
    fn a_plain_token_is_one_run_of_ascii_letters_and_digits() {
        let text = "Said 2024 don't U.S. p.m. year-end 5pm café x1 3.8 12,300 … ( \
                    www.example.com a@b.org Zoë naïve AT&T 1990s";
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut tokens);
        for token in &tokens {
            let word = token.span.text(text);
            let plain = matches!(token.kind, TokenKind::Word | TokenKind::Number)
                && word.bytes().all(|b| b.is_ascii_alphanumeric());
            assert_eq!(token.plain, plain, "{word}");
        }
        let plain: Vec<&str> = tokens
            .iter()
            .filter(|t| t.plain)
            .map(|t| t.span.text(text))
            .collect();
        assert_eq!(plain, ["Said", "2024", "5pm", "x1", "1990s"]);
    }

    #[test]
    fn words_keep_apostrophes_hyphens_and_initialisms() {
        assert_eq!(
            words("Gorman’s iron-clad U.S. plan at 6 p.m. didn't."),
            vec![
                "Gorman’s",
                "iron-clad",
                "U.S.",
                "plan",
                "at",
                "6",
                "p.m.",
                "didn't",
                "."
            ]
        );
    }

    #[test]
    fn numbers_keep_decimals_separators_and_clock_times() {
        assert_eq!(
            words("$2.4 billion, 12,300 hectares, 5:45, 8.2%, 17-member, 1980s"),
            vec![
                "$",
                "2.4",
                "billion",
                ",",
                "12,300",
                "hectares",
                ",",
                "5:45",
                ",",
                "8.2",
                "%",
                ",",
                "17-member",
                ",",
                "1980s"
            ]
        );
        assert_eq!(texts("48")[0].1, TokenKind::Number);
    }

    #[test]
    fn a_glued_full_stop_splits_words() {
        assert_eq!(words("talks.officials"), vec!["talks", ".", "officials"]);
        assert_eq!(words("week.Asked"), vec!["week", ".", "Asked"]);
    }

    #[test]
    fn urls_emails_domains_and_files_are_single_tokens() {
        let t = texts(
            "See https://a.b/c?d=1. Mail jane.doe@example.com, visit Amazon.com or report.pdf.",
        );
        let urls: Vec<_> = t
            .iter()
            .filter(|(_, k)| *k == TokenKind::Url)
            .map(|(s, _)| *s)
            .collect();
        assert_eq!(
            urls,
            vec![
                "https://a.b/c?d=1",
                "jane.doe@example.com",
                "Amazon.com",
                "report.pdf"
            ]
        );
    }

    #[test]
    fn email_addresses_end_before_sentence_punctuation() {
        let urls = |text| -> Vec<&str> {
            texts(text)
                .into_iter()
                .filter(|(_, kind)| *kind == TokenKind::Url)
                .map(|(t, _)| t)
                .collect()
        };
        assert_eq!(urls("Write to a.b@c.org."), ["a.b@c.org"]);
        assert_eq!(urls("(a@c.org) “x+y@c.co.uk”!"), ["a@c.org", "x+y@c.co.uk"]);
        assert_eq!(urls("a@c.org’ a@c.org!?"), ["a@c.org", "a@c.org"]);
        // Not addresses: no dot in the domain, two dots, something after
        // the domain that is not punctuation, nothing before the `@`.
        let not_addresses = urls("a@localhost a@c..org a@c.org/x @c.org");
        assert!(
            not_addresses.iter().all(|t| !t.contains('@')),
            "{not_addresses:?}"
        );
    }

    /// Runs without whitespace are scanned once, not once per token: 200,000
    /// punctuation marks in a row took minutes when every token start
    /// looked for an e-mail address to the end of the run.
    #[test]
    fn long_runs_without_whitespace_are_tokenized() {
        for run in ["*", "a@", "a.", ")"] {
            let text = run.repeat(200_000 / run.len());
            let mut out = Vec::new();
            tokenize(&text, Span::new(0, text.len()), &mut out);
            assert!(
                out.last().is_some_and(|t| t.span.end == text.len()),
                "{run}"
            );
        }
    }

    #[test]
    fn ellipses_and_spacing() {
        let mut out = Vec::new();
        let text = "wait... now\nthen";
        tokenize(text, Span::new(0, text.len()), &mut out);
        assert_eq!(out[1].span.text(text), "...");
        assert!(!out[1].space_before);
        assert!(out[2].space_before && !out[2].newline_before);
        assert!(out[3].newline_before);
    }

    #[test]
    fn nul_masking_separates_nothing() {
        let text = "a \0\0bold\0\0, b";
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut out);
        assert_eq!(out[1].span.text(text), "bold");
        assert_eq!(out[2].span.text(text), ",");
        assert!(!out[2].space_before);
    }
}
