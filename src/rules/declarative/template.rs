//! Message templates: `“{match}” is wordy: write “{suggestion}”`.
//!
//! Parsed once when the pack loads, so a misspelt placeholder is an error in
//! the pack file, not a message with braces in it.

/// A value a rule fills into its message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Slot {
    /// The text the rule flags, as written.
    Match,
    /// What to write instead (substitution).
    Suggestion,
    /// How many: words in the sentence, repetitions in the window, uses of
    /// the majority form.
    Count,
    /// The configured limit (occurrence).
    Max,
    /// The configured window (repetition).
    Window,
    /// The form the article mostly uses (consistency).
    Majority,
}

impl Slot {
    const ALL: [Slot; 6] = [
        Slot::Match,
        Slot::Suggestion,
        Slot::Count,
        Slot::Max,
        Slot::Window,
        Slot::Majority,
    ];

    fn name(self) -> &'static str {
        match self {
            Slot::Match => "match",
            Slot::Suggestion => "suggestion",
            Slot::Count => "count",
            Slot::Max => "max",
            Slot::Window => "window",
            Slot::Majority => "majority",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    Text(String),
    Slot(Slot),
}

#[derive(Clone, Debug)]
pub(super) struct Template {
    parts: Vec<Part>,
}

impl Template {
    /// Parse `text`, accepting only the placeholders in `allowed`. `{{` and
    /// `}}` stand for literal braces.
    pub fn parse(text: &str, allowed: &[Slot]) -> Result<Template, String> {
        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut rest = text;
        while let Some(i) = rest.find(['{', '}']) {
            literal.push_str(&rest[..i]);
            let brace = rest.as_bytes()[i];
            let after = &rest[i + 1..];
            if after.as_bytes().first() == Some(&brace) {
                literal.push(brace as char);
                rest = &after[1..];
                continue;
            }
            if brace == b'}' {
                return Err("a `}` that closes nothing (write `}}` for a brace)".into());
            }
            let Some(close) = after.find('}') else {
                return Err("a `{` that is never closed (write `{{` for a brace)".into());
            };
            let name = &after[..close];
            let slot = allowed
                .iter()
                .copied()
                .find(|s| s.name() == name)
                .ok_or_else(|| {
                    let known = Slot::ALL.iter().any(|s| s.name() == name);
                    format!(
                        "`{{{name}}}` is {}",
                        if known {
                            "not available in this kind of rule"
                        } else {
                            "not a placeholder"
                        }
                    )
                })?;
            if !literal.is_empty() {
                parts.push(Part::Text(std::mem::take(&mut literal)));
            }
            parts.push(Part::Slot(slot));
            rest = &after[close + 1..];
        }
        literal.push_str(rest);
        if !literal.is_empty() {
            parts.push(Part::Text(literal));
        }
        Ok(Template { parts })
    }

    /// The placeholders `allowed` as `{a}, {b}`, for help texts.
    pub fn describe(allowed: &[Slot]) -> String {
        allowed
            .iter()
            .map(|s| format!("{{{}}}", s.name()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The message with each placeholder replaced by `fill(slot)`.
    pub fn render(&self, fill: impl Fn(Slot) -> String) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Slot(slot) => out.push_str(&fill(*slot)),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_escaped_braces() {
        let t = Template::parse("“{match}” → “{suggestion}” {{sic}}", &Slot::ALL).unwrap();
        let out = t.render(|s| match s {
            Slot::Match => "in order to".into(),
            _ => "to".into(),
        });
        assert_eq!(out, "“in order to” → “to” {sic}");
    }

    #[test]
    fn unknown_unavailable_and_unclosed_placeholders_are_errors() {
        let err = Template::parse("{mach}", &[Slot::Match]).unwrap_err();
        assert!(err.contains("not a placeholder"), "{err}");
        let err = Template::parse("{max}", &[Slot::Match]).unwrap_err();
        assert!(err.contains("not available"), "{err}");
        assert!(Template::parse("{match", &[Slot::Match]).is_err());
        assert!(Template::parse("a } b", &[Slot::Match]).is_err());
    }
}
