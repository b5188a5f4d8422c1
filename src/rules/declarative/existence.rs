//! `kind = "existence"`: flag any of a list of words, phrases or patterns
//! (clichés, jargon, banned words).

use crate::document::Document;
use crate::rules::{Finding, Rule, RuleMeta, Settings};

use super::matcher::{Common, Matcher};
use super::template::Slot;

/// The placeholders an existence rule's message may use.
pub(super) const SLOTS: &[Slot] = &[Slot::Match];

pub(super) struct Existence {
    pub common: Common,
    pub matcher: Matcher,
}

impl Rule for Existence {
    fn meta(&self) -> &RuleMeta {
        &self.common.meta
    }

    fn check(&self, doc: &Document, _settings: &Settings, out: &mut Vec<Finding>) {
        self.common.for_each_hit(doc, &self.matcher, |hay, hit| {
            let matched = &hay.text[hit.raw.range.clone()];
            let fill = |slot| match slot {
                Slot::Match => matched.to_string(),
                _ => String::new(),
            };
            let mut finding = Finding::new(hit.span, self.common.message.render(fill));
            finding.help = self.common.help.as_ref().map(|h| h.render(fill));
            out.push(finding);
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::declarative::testing::{flagged, pack_rule};

    const PACK: &str = r#"
[[rule]]
id = "style/cliche"
kind = "existence"
message = "“{match}” is a cliché"
doc = "Clichés."
words = ["tip of the iceberg", "perfect storm", "move the needle"]
exceptions = ["perfect storm of applause"]
"#;

    #[test]
    fn flags_listed_phrases_outside_quotes_and_exceptions() {
        let rule = pack_rule(PACK);
        assert_eq!(
            flagged(
                &*rule,
                "It was the tip of the iceberg. A Perfect Storm hit."
            ),
            vec!["tip of the iceberg", "Perfect Storm"]
        );
        assert!(flagged(&*rule, "“It is the tip of the iceberg,” she said.").is_empty());
        assert!(flagged(&*rule, "A perfect storm of applause followed.").is_empty());
        assert!(flagged(&*rule, "The perfect storms of 1991 and the needle moved.").is_empty());
    }
}
