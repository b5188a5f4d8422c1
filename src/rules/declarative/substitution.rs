//! `kind = "substitution"`: flag a word, phrase or pattern and suggest what
//! to write instead (`in order to` → `to`), with a fix.

use crate::document::Document;
use crate::rules::{Applicability, Edit, Finding, Fix, Rule, RuleMeta, Settings};
use crate::span::Span;

use super::matcher::{Common, Matcher, match_case};
use super::template::Slot;

pub(super) const SLOTS: &[Slot] = &[Slot::Match, Slot::Suggestion];

pub(super) struct Substitution {
    pub common: Common,
    pub matcher: Matcher,
    /// Per entry of the matcher, what to write instead; with patterns it may
    /// name groups (`$1`, `${verb}`). Empty means: cut the words.
    pub suggestions: Vec<String>,
    /// `None`: suggest only, no fix.
    pub fix: Option<Applicability>,
}

impl Rule for Substitution {
    fn meta(&self) -> &RuleMeta {
        &self.common.meta
    }

    fn check(&self, doc: &Document, _settings: &Settings, out: &mut Vec<Finding>) {
        self.common.for_each_hit(doc, &self.matcher, |hay, hit| {
            let matched = &hay.text[hit.raw.range.clone()];
            let written = self
                .matcher
                .expand(hay.text, &hit.raw, &self.suggestions[hit.raw.entry]);
            let suggestion = match_case(matched, &written);
            if suggestion == matched {
                return;
            }
            let fill = |slot| match slot {
                Slot::Match => matched.to_string(),
                Slot::Suggestion => suggestion.clone(),
                _ => String::new(),
            };
            let mut finding = Finding::new(hit.span, self.common.message.render(fill));
            finding.help = self.common.help.as_ref().map(|h| h.render(fill));
            if let Some(applicability) = self.fix {
                finding.fix = Some(Fix {
                    applicability,
                    edits: vec![edit(&doc.text, hit.span, &suggestion)],
                });
            }
            out.push(finding);
        });
    }
}

/// The edit that writes `suggestion` over `span`. Cutting words also cuts
/// the space after them (or before them, at the end of a line), and cutting
/// the capitalised words that open a sentence capitalises the next word.
fn edit(text: &str, span: Span, suggestion: &str) -> Edit {
    if !suggestion.is_empty() {
        return Edit {
            span,
            replacement: suggestion.to_string(),
        };
    }
    let after = &text[span.end..];
    let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
    if spaces == 0 {
        let before = &text[..span.start];
        let start = before.trim_end_matches([' ', '\t']).len();
        return Edit {
            span: Span::new(start, span.end),
            replacement: String::new(),
        };
    }
    let opens_sentence = text[span.start..].starts_with(char::is_uppercase);
    let next = after[spaces..].chars().next();
    match next {
        Some(c) if opens_sentence && c.is_lowercase() => Edit {
            span: Span::new(span.start, span.end + spaces + c.len_utf8()),
            replacement: c.to_uppercase().collect(),
        },
        _ => Edit {
            span: Span::new(span.start, span.end + spaces),
            replacement: String::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::declarative::testing::{check_fixes, flagged, pack_rule};

    const PACK: &str = r#"
[[rule]]
id = "style/wordy"
kind = "substitution"
message = "write “{suggestion}” for “{match}”"
doc = "Wordy phrases."
fix = "safe"
[rule.swap]
"in order to" = "to"
"at this point in time" = "now"
"a total of" = ""

[[rule]]
id = "style/going-to"
kind = "substitution"
message = "“{match}”: write “{suggestion}”"
doc = "Future with going to."
regex = true
ignore-case = false
exceptions = ["going to the"]
[rule.swap]
'\b([Ii]s|[Aa]re) going to ([a-z]+)' = "will $2"
"#;

    #[test]
    fn suggests_and_fixes_with_the_case_of_the_match() {
        let rule = pack_rule(PACK);
        assert_eq!(
            flagged(&*rule, "In order to win, we met at this point in time."),
            vec!["In order to", "at this point in time"]
        );
        assert_eq!(
            check_fixes(&*rule, "In order to win, we met at this point in time."),
            "To win, we met now."
        );
        assert!(flagged(&*rule, "The orders were in order. To them it was fine.").is_empty());
    }

    #[test]
    fn cutting_words_takes_their_space_and_capitalises_the_next() {
        let rule = pack_rule(PACK);
        assert_eq!(
            check_fixes(
                &*rule,
                "They sold a total of 40 cars. A total of nine were red."
            ),
            "They sold 40 cars. Nine were red."
        );
    }

    #[test]
    fn patterns_fill_in_groups_and_respect_exceptions() {
        let rule = crate::rules::declarative::testing::pack_rules(PACK)
            .pop()
            .unwrap();
        assert_eq!(
            crate::rules::testing::check_text(
                &*rule,
                "It is going to rain. She is going to the shop. He is going to Paris."
            ),
            vec![(
                "is going to rain".to_string(),
                "“is going to rain”: write “will rain”".to_string()
            )]
        );
        // Broken across lines, as the sentence's collapsed whitespace reads.
        let found = crate::rules::testing::check_text(&*rule, "It is\n  going   to\nrain.");
        assert_eq!(found.len(), 1, "{found:?}");
        // A sentence without the text every match holds is not searched.
        assert!(crate::rules::testing::check_text(&*rule, "It is gone to rain.").is_empty());
    }
}
