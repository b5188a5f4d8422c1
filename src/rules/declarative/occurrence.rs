//! `kind = "occurrence"`: too many of something in one unit — words in a
//! sentence, sentences in a paragraph, listed words in a sentence.

use crate::document::{Document, TokenKind};
use crate::rules::{Finding, Rule, RuleMeta, Settings};
use crate::span::Span;

use super::matcher::{Common, Matcher, Scratch};
use super::template::Slot;

pub(super) const SLOTS: &[Slot] = &[Slot::Count, Slot::Max];

/// What is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Count {
    /// Words and numbers (`$3.8 billion` is two).
    Words,
    /// Sentences (per paragraph only).
    Sentences,
    /// Matches of the rule's `words`.
    Matches,
}

/// The unit it is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Per {
    Sentence,
    Paragraph,
}

pub(super) struct Occurrence {
    pub common: Common,
    pub count: Count,
    pub per: Per,
    pub max: usize,
    /// The words counted when `count` is `Matches`.
    pub matcher: Option<Matcher>,
}

impl Rule for Occurrence {
    fn meta(&self) -> &RuleMeta {
        &self.common.meta
    }

    fn check(&self, doc: &Document, _settings: &Settings, out: &mut Vec<Finding>) {
        let mut scratch = Scratch::default();
        let mut matches = Vec::new();
        match self.per {
            Per::Sentence => {
                for s in self.common.sentences(doc) {
                    matches.clear();
                    let count = self.count(doc, s, &mut scratch, &mut matches);
                    self.report(doc.sentences[s].span, count, &matches, out);
                }
            }
            Per::Paragraph => {
                for paragraph in doc
                    .paragraphs
                    .iter()
                    .filter(|p| self.common.scope.includes(p.kind))
                {
                    let sentences = &doc.sentences[paragraph.sentences.clone()];
                    let (Some(first), Some(last)) = (sentences.first(), sentences.last()) else {
                        continue;
                    };
                    matches.clear();
                    let count = paragraph
                        .sentences
                        .clone()
                        .map(|s| self.count(doc, s, &mut scratch, &mut matches))
                        .sum();
                    self.report(first.span.cover(last.span), count, &matches, out);
                }
            }
        }
    }
}

impl Occurrence {
    /// The count in sentence `s`; matches counted are added to `matches`.
    fn count(
        &self,
        doc: &Document,
        s: usize,
        scratch: &mut Scratch,
        matches: &mut Vec<Span>,
    ) -> usize {
        let sentence = &doc.sentences[s];
        let tokens = doc.sentence_tokens(sentence);
        let may_exclude = self.common.may_exclude_within(doc, sentence.span);
        let visible = |kind: TokenKind, start: usize| {
            matches!(kind, TokenKind::Word | TokenKind::Number | TokenKind::Url)
                && !(may_exclude && self.common.excluded(doc, start))
        };
        match (self.count, &self.matcher) {
            (Count::Words, _) => tokens
                .iter()
                .filter(|t| visible(t.kind, t.span.start))
                .count(),
            (Count::Sentences, _) => {
                let first = tokens.iter().find(|t| t.kind != TokenKind::Punct);
                usize::from(first.is_some_and(|t| visible(t.kind, t.span.start)))
            }
            (Count::Matches, Some(matcher)) => {
                let (hay, hits) = self.common.sentence_hits(doc, s, matcher, scratch);
                matches.extend(hits.iter().map(|h| hay.span(&h.range)));
                hits.len()
            }
            (Count::Matches, None) => 0,
        }
    }

    fn report(&self, span: Span, count: usize, matches: &[Span], out: &mut Vec<Finding>) {
        if count <= self.max {
            return;
        }
        let fill = |slot| match slot {
            Slot::Count => count.to_string(),
            Slot::Max => self.max.to_string(),
            _ => String::new(),
        };
        let mut finding = Finding::new(span, self.common.message.render(fill));
        finding.help = self.common.help.as_ref().map(|h| h.render(fill));
        for &m in matches {
            finding = finding.label(m, "counted");
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::declarative::testing::{flagged, pack_rules};

    const PACK: &str = r#"
[[rule]]
id = "style/long-sentence"
kind = "occurrence"
message = "{count} words; keep sentences under {max}"
doc = "Long sentences."
count = "words"
per = "sentence"
max = 8

[[rule]]
id = "style/long-paragraph"
kind = "occurrence"
message = "{count} sentences in one paragraph (at most {max})"
doc = "Long paragraphs."
count = "sentences"
per = "paragraph"
max = 2

[[rule]]
id = "style/and-and-and"
kind = "occurrence"
message = "{count} “and”s in one sentence"
doc = "Strings of ands."
count = "matches"
per = "sentence"
max = 2
words = ["and"]
"#;

    #[test]
    fn long_sentences_without_their_quotes() {
        let rules = pack_rules(PACK);
        let long = "One two three four five six seven eight nine ten. Short one.";
        assert_eq!(
            flagged(&*rules[0], long),
            vec!["One two three four five six seven eight nine ten."]
        );
        let quoted = "“One two three four five six seven eight,” she said on Monday.";
        assert!(flagged(&*rules[0], quoted).is_empty());
    }

    #[test]
    fn long_paragraphs_count_sentences() {
        let rules = pack_rules(PACK);
        assert_eq!(
            flagged(
                &*rules[1],
                "It rose. It fell. It held.\n\nIt ran. It hid.\n"
            ),
            vec!["It rose. It fell. It held."]
        );
    }

    #[test]
    fn matches_per_sentence() {
        let rules = pack_rules(PACK);
        assert_eq!(
            flagged(&*rules[2], "Red and blue and green and gold. Red and blue."),
            vec!["Red and blue and green and gold."]
        );
    }
}
