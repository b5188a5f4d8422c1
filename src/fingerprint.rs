//! Fingerprints that recognise a finding after edits elsewhere in its file:
//! a hash of the rule id, the flagged text and a few characters on either
//! side of it. Line and column numbers play no part, and every run of
//! whitespace counts as one space, so adding a paragraph above a finding or
//! re-wrapping its lines keeps its fingerprint; rewriting the words at the
//! finding (or right next to it) changes it.
//!
//! The baseline (`--baseline`) and SARIF's `partialFingerprints` both use
//! [`fingerprint`], so the two agree on what "the same finding" is.

use crate::span::Span;

/// How many characters on each side of the flagged text take part (a run of
/// whitespace counts as one).
pub const CONTEXT_CHARS: usize = 16;

/// The fingerprint of a finding of `rule` at `span` in `text` (the file's
/// text as read). Stable across galley versions and platforms: FNV-1a over
/// the normalised parts, never `std`'s unspecified hasher.
pub fn fingerprint(rule: &str, text: &str, span: Span) -> u64 {
    let before = context_start(text, span.start);
    let after = context_end(text, span.end);
    let mut hash = Fnv::new();
    hash.bytes(rule.as_bytes());
    // Separators that cannot occur in normalised text keep the parts apart.
    hash.bytes(&[0xff]);
    hash.folded(&text[before..span.start]);
    hash.bytes(&[0xfe]);
    hash.folded(&text[span.start..span.end]);
    hash.bytes(&[0xfe]);
    hash.folded(&text[span.end..after]);
    hash.finish()
}

/// The fingerprint as written in baselines and SARIF: 16 hex digits.
pub fn to_hex(fingerprint: u64) -> String {
    format!("{fingerprint:016x}")
}

pub fn from_hex(hex: &str) -> Option<u64> {
    (hex.len() == 16)
        .then(|| u64::from_str_radix(hex, 16).ok())
        .flatten()
}

/// The offset `CONTEXT_CHARS` characters before `at`.
fn context_start(text: &str, at: usize) -> usize {
    let mut counted = 0;
    let mut previous_space = false;
    let mut start = at;
    for (i, c) in text[..at].char_indices().rev() {
        let space = c.is_whitespace();
        if !(space && previous_space) {
            if counted == CONTEXT_CHARS {
                break;
            }
            counted += 1;
        }
        previous_space = space;
        start = i;
    }
    start
}

/// The offset `CONTEXT_CHARS` characters after `at`.
fn context_end(text: &str, at: usize) -> usize {
    let mut counted = 0;
    let mut previous_space = false;
    for (i, c) in text[at..].char_indices() {
        let space = c.is_whitespace();
        if !(space && previous_space) {
            if counted == CONTEXT_CHARS {
                return at + i;
            }
            counted += 1;
        }
        previous_space = space;
    }
    text.len()
}

/// 64-bit FNV-1a.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// Hash `text` with every run of whitespace as one space.
    fn folded(&mut self, text: &str) {
        let mut previous_space = false;
        for c in text.chars() {
            if c.is_whitespace() {
                if !previous_space {
                    self.bytes(b" ");
                }
                previous_space = true;
            } else {
                let mut buf = [0; 4];
                self.bytes(c.encode_utf8(&mut buf).as_bytes());
                previous_space = false;
            }
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, needle: &str) -> Span {
        let start = text.find(needle).unwrap();
        Span::new(start, start + needle.len())
    }

    const RULE: &str = "garbled/missing-space";

    #[test]
    fn survives_edits_elsewhere_and_rewrapping() {
        let before = "First paragraph.\n\nThey offered a meeting.nothing talks followed.\n";
        let after = "A new opening paragraph, added later.\n\nFirst paragraph.\n\nThey offered a\nmeeting.nothing   talks followed.\n";
        assert_eq!(
            fingerprint(RULE, before, at(before, "meeting.nothing")),
            fingerprint(RULE, after, at(after, "meeting.nothing"))
        );
    }

    #[test]
    fn changes_with_the_rule_the_text_or_its_neighbourhood() {
        let text = "They offered a meeting.nothing talks followed.";
        let span = at(text, "meeting.nothing");
        let base = fingerprint(RULE, text, span);
        assert_ne!(base, fingerprint("garbled/other", text, span));
        let edited = "They offered a meeting.fruitless talks followed.";
        assert_ne!(
            base,
            fingerprint(RULE, edited, at(edited, "meeting.fruitless"))
        );
        let nearby = "We offered a meeting.nothing talks followed.";
        assert_ne!(
            base,
            fingerprint(RULE, nearby, at(nearby, "meeting.nothing"))
        );
    }

    #[test]
    fn context_is_bounded_and_char_safe() {
        let text = "😀😀😀 “quoted” x";
        let x = at(text, "x");
        assert_eq!(context_start(text, x.start), 0);
        let hex = to_hex(fingerprint(RULE, text, x));
        assert_eq!(hex.len(), 16);
        assert_eq!(to_hex(from_hex(&hex).unwrap()), hex);
        assert_eq!(from_hex("xyz"), None);
        let long = format!("{}target{}", "a".repeat(100), "b".repeat(100));
        let span = at(&long, "target");
        assert_eq!(context_start(&long, span.start), span.start - CONTEXT_CHARS);
        assert_eq!(context_end(&long, span.end), span.end + CONTEXT_CHARS);
    }
}
