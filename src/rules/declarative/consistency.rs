//! `kind = "consistency"`: spellings that are each correct, mixed in one
//! article (`email` and `e-mail`, `percent` and `per cent`). The form the
//! article uses most is its spelling; the others are flagged.

use crate::document::Document;
use std::cmp::Reverse;

use crate::rules::{Applicability, Edit, Finding, Fix, Rule, RuleMeta, Settings};
use crate::span::Span;

use super::matcher::{Common, Matcher, collapse_whitespace, match_case};
use super::template::Slot;

pub(super) const SLOTS: &[Slot] = &[Slot::Match, Slot::Majority, Slot::Count];

pub(super) struct Consistency {
    pub common: Common,
    /// Every spelling of every form, in order.
    pub matcher: Matcher,
    /// Per entry of the matcher (a spelling), the form it spells.
    pub form_of: Vec<usize>,
    /// Per form, its group of forms to choose between.
    pub group_of: Vec<usize>,
    /// Per form, its spellings as the pack writes them: the replacements in
    /// fixes. `None` for patterns, whose majority is shown as first written.
    pub spellings: Option<Vec<Vec<String>>>,
    pub group_count: usize,
    pub fix: Option<Applicability>,
}

/// How often a form is used and where first (an index into the hits).
#[derive(Clone, Copy, Default)]
struct Usage {
    count: usize,
    first: usize,
}

impl Rule for Consistency {
    fn meta(&self) -> &RuleMeta {
        &self.common.meta
    }

    fn check(&self, doc: &Document, _settings: &Settings, out: &mut Vec<Finding>) {
        // (span, entry) of every spelling found, in order.
        let mut hits: Vec<(Span, usize)> = Vec::new();
        self.common.for_each_hit(doc, &self.matcher, |_, hit| {
            hits.push((hit.span, hit.raw.entry))
        });
        if hits.len() < 2 {
            return;
        }
        let mut usage = vec![Usage::default(); self.group_of.len()];
        for (i, &(_, entry)) in hits.iter().enumerate() {
            let form = &mut usage[self.form_of[entry]];
            if form.count == 0 {
                form.first = i;
            }
            form.count += 1;
        }
        // Per group: the form used most, the one used first on a tie, if
        // more than one form of the group is used at all.
        let mut majority: Vec<Option<usize>> = vec![None; self.group_count];
        let mut mixed = vec![false; self.group_count];
        for (form, used) in usage.iter().enumerate().filter(|(_, u)| u.count > 0) {
            let group = self.group_of[form];
            match majority[group] {
                None => majority[group] = Some(form),
                Some(best) => {
                    mixed[group] = true;
                    let best_used = usage[best];
                    if (used.count, Reverse(used.first))
                        > (best_used.count, Reverse(best_used.first))
                    {
                        majority[group] = Some(form);
                    }
                }
            }
        }
        for &(span, entry) in &hits {
            let form = self.form_of[entry];
            let group = self.group_of[form];
            let Some(best) = majority[group].filter(|&best| best != form && mixed[group]) else {
                continue;
            };
            out.push(self.finding(doc, &hits, span, entry, best, usage[best]));
        }
    }
}

impl Consistency {
    fn finding(
        &self,
        doc: &Document,
        hits: &[(Span, usize)],
        span: Span,
        entry: usize,
        best: usize,
        best_used: Usage,
    ) -> Finding {
        let first_use = hits[best_used.first].0;
        let matched = collapse_whitespace(doc.slice(span));
        // The majority form spelled the way this one is: `e-mails` → `emails`
        // when both forms list their inflections in the same order.
        let replacement = self.spellings.as_ref().and_then(|spellings| {
            let form = self.form_of[entry];
            let index = self.form_of[..entry].iter().filter(|&&f| f == form).count();
            (spellings[form].len() == spellings[best].len()).then(|| spellings[best][index].clone())
        });
        let best_text = match (&replacement, &self.spellings) {
            (Some(replacement), _) => replacement.clone(),
            (None, Some(spellings)) => spellings[best][0].clone(),
            (None, None) => collapse_whitespace(doc.slice(first_use)),
        };
        let count = best_used.count;
        let fill = |slot| match slot {
            Slot::Match => matched.clone(),
            Slot::Majority => best_text.clone(),
            Slot::Count => count.to_string(),
            _ => String::new(),
        };
        let shown = collapse_whitespace(doc.slice(first_use));
        let label = match count {
            1 => format!("“{shown}” here"),
            2 => format!("“{shown}” here and once more"),
            _ => format!("“{shown}” here and {} more times", count - 1),
        };
        let mut finding =
            Finding::new(span, self.common.message.render(fill)).label(first_use, label);
        finding.help = self.common.help.as_ref().map(|h| h.render(fill));
        if let (Some(applicability), Some(replacement)) = (self.fix, replacement) {
            finding.fix = Some(Fix {
                applicability,
                edits: vec![Edit {
                    span,
                    replacement: match_case(&matched, &replacement),
                }],
            });
        }
        finding
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::declarative::testing::{check_fixes, pack_rules};
    use crate::rules::testing::check_text;

    const PACK: &str = r#"
[[rule]]
id = "style/inconsistent-spelling"
kind = "consistency"
message = "“{match}” here, “{majority}” elsewhere"
doc = "Mixed spellings."
either = [["email", "e-mail"], ["percent", "per cent"]]

[[rule]]
id = "style/inconsistent-inflected"
kind = "consistency"
message = "“{match}” here, “{majority}” elsewhere"
doc = "Mixed spellings, inflected."
regex = true
either = [['email(?:s|ed)?', 'e-mail(?:s|ed)?']]

[[rule]]
id = "style/inconsistent-listed"
kind = "consistency"
message = "“{match}” here, “{majority}” elsewhere"
doc = "Mixed spellings, inflections listed."
either = [[["email", "emails", "emailed"], ["e-mail", "e-mails", "e-mailed"]]]
"#;

    #[test]
    fn flags_the_minority_form_and_labels_the_majority() {
        let rules = pack_rules(PACK);
        let text = "Send an email. She e-mailed. Rates rose 5 percent. An E-mail came. Emails too. Per cent.";
        let flagged = |rule: &dyn crate::rules::Rule| {
            check_text(rule, text)
                .into_iter()
                .map(|(t, _)| t)
                .collect::<Vec<_>>()
        };
        // One “email” and one “E-mail” (“e-mailed”, “Emails” are other
        // words): a tie, so the form used first is the article’s.
        assert_eq!(flagged(&*rules[0]), vec!["E-mail", "Per cent"]);
        // With inflections, email/Emails and e-mailed/E-mail tie at two.
        assert_eq!(flagged(&*rules[1]), vec!["e-mailed", "E-mail"]);
        assert_eq!(flagged(&*rules[2]), vec!["e-mailed", "E-mail"]);
        assert_eq!(
            check_text(&*rules[0], "Per cent, then percent and percent.")[0].1,
            "“Per cent” here, “percent” elsewhere"
        );
    }

    #[test]
    fn listed_inflections_fix_to_the_same_inflection() {
        let rules = pack_rules(PACK);
        assert_eq!(
            check_fixes(
                &*rules[2],
                "They emailed. Emails came. She e-mailed, then sent e-mails."
            ),
            "They emailed. Emails came. She emailed, then sent emails."
        );
        let found = check_text(&*rules[2], "They emailed. Emails came. She e-mailed.");
        assert_eq!(found[0].1, "“e-mailed” here, “emailed” elsewhere");
    }

    #[test]
    fn fixes_to_the_majority_form_in_the_matched_case() {
        let rules = pack_rules(PACK);
        assert_eq!(
            check_fixes(&*rules[0], "Per cent is per cent. But 5 percent."),
            "Per cent is per cent. But 5 per cent."
        );
    }
}
