//! Reading rule packs: TOML files of `[[rule]]` tables.
//!
//! A pack is one `.toml` file; the embedded packs live in `rules/`, a house
//! pack in any folder named by `rule-packs` in galley.toml (every `*.toml`
//! file in it, in name order). A rule in a later pack replaces an earlier
//! rule with the same id, so a house pack can redefine or retune a default
//! rule; within one file an id may appear only once.
//!
//! ```toml
//! [[rule]]
//! id = "style/wordy"                   # category/name, kebab-case (required)
//! kind = "substitution"                # see below (required)
//! message = "“{match}” is wordy: write “{suggestion}”"   # (required)
//! doc = """                            # what `galley rule ID` prints (required):
//! Wordy phrases with a shorter equivalent.   # first line: the summary
//!
//! ## Why … ## Example … Bad: … Good: …
//! """
//! severity = "info"                    # error | warning | info (default warning)
//! help = "cut the padding"             # optional second line, same placeholders
//! ignore-case = true                   # default true (ASCII letters in phrases)
//! regex = false                        # entries are regular expressions (default false)
//! scope = "text"                       # text | body | heading | all (default text)
//! quotes = "exclude"                   # exclude | include (default exclude)
//! exceptions = ["in order to be"]      # phrases that are never matches
//! fix = "unsafe"                       # substitution, consistency: safe | unsafe | none
//! [rule.swap]                          # substitution: what to write instead
//! "in order to" = "to"
//! "a total of" = ""                    # empty: cut the words
//! ```
//!
//! Kinds and their own keys:
//!
//! | kind | keys | placeholders |
//! | --- | --- | --- |
//! | `existence` | `words` (required) | `{match}` |
//! | `substitution` | `swap` (required), `fix` | `{match}`, `{suggestion}` |
//! | `repetition` | `of` = `opener`/`word`, `window` (required); `times` (default 2), `words`, `min-length` | `{match}`, `{count}`, `{window}` |
//! | `occurrence` | `count` = `words`/`sentences`/`matches`, `per` = `sentence`/`paragraph`, `max` (required); `words` (with `count = "matches"`) | `{count}`, `{max}` |
//! | `consistency` | `either` (required: a list of groups of forms), `fix` | `{match}`, `{majority}`, `{count}` |
//!
//! - `existence` flags every match of `words`.
//! - `substitution` flags every key of `swap` and suggests its value; an
//!   empty value means “cut these words” (the fix also takes the space after
//!   them, and capitalises the next word when the cut words opened the
//!   sentence). The suggestion takes the case of the match (`In order to` →
//!   `To`). `fix` is `unsafe` by default: applied only with `--unsafe-fixes`.
//! - `repetition` flags a use that is the `times`th within `window`: with
//!   `of = "opener"`, the first word of each sentence, the window counting
//!   sentences; with `of = "word"`, every word of at least `min-length`
//!   letters (or, given `words`, each listed entry), the window counting
//!   words. Earlier uses are labelled.
//! - `occurrence` flags a unit (`per`) holding more than `max` of `count`:
//!   words, sentences (per paragraph) or matches of `words`.
//! - `consistency` flags, within one file, every use of a form that is not
//!   the group's majority (the form used most; the one used first on a tie)
//!   and labels the majority's first use. A form is a spelling or a list of
//!   spellings counted as one (`["email", "emails"]`); when two forms list
//!   theirs in the same order, the fix writes the matching one (`e-mails` →
//!   `emails`).
//!
//! Matching: entries are phrases matched on word boundaries (ignoring case
//! of ASCII letters unless `ignore-case = false`; `'` and `’` alike; a line
//! break or double space in the text matches a space), or with `regex = true`
//! regular expressions in Rust `regex` syntax (case folds Unicode; with
//! `swap`, the suggestion may use `$1` or `${name}`; where two patterns match
//! at one place the first listed wins, so list `towards` before `toward`, or
//! write `towards?`). A rule's patterns compile into one regex of at most
//! 1 MiB. Matches stay inside one sentence, never in datelines, URLs or
//! masked Markdown, and — unless `quotes = "include"` — never inside
//! quotation marks: quoted words are someone's words, not the copy editor's
//! to change. `exceptions` are always phrases; a match they overlap is
//! dropped.
//!
//! Scopes: `text` — body paragraphs, captions, list items and table cells;
//! `body` — body paragraphs and captions; `heading` — headlines, Markdown
//! headings and labels; `all` — every block.
//!
//! Every mistake — TOML syntax, an unknown key or one that does not apply to
//! the kind, a missing key, a bad value, a regular expression that does not
//! compile or is too big, an id defined twice — is an error pointing at its
//! place in the file.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use crate::config::ConfigError;
use crate::rules::{Applicability, Category, Fixable, Rule, RuleMeta, Severity};

use super::consistency::{self, Consistency};
use super::existence::{self, Existence};
use super::matcher::{Common, Matcher, MatcherError, Scope, collapse_whitespace};
use super::occurrence::{self, Count, Occurrence, Per};
use super::raw::{Form, RawPack, RawRule, Strings};
use super::repetition::{self, Repetition, Unit};
use super::screen::ScreenBuilder;
use super::substitution::{self, Substitution};
use super::template::{Slot, Template};

/// Whether a pack's lists are compiled as it loads — a user's pack, so that
/// every mistake is reported then — or when a rule first runs (the embedded
/// packs, which the tests compile).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Compile {
    Now,
    OnFirstUse,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Existence,
    Substitution,
    Repetition,
    Occurrence,
    Consistency,
}

const KINDS: &[(&str, Kind)] = &[
    ("existence", Kind::Existence),
    ("substitution", Kind::Substitution),
    ("repetition", Kind::Repetition),
    ("occurrence", Kind::Occurrence),
    ("consistency", Kind::Consistency),
];

impl Kind {
    fn name(self) -> &'static str {
        KINDS
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("", |(n, _)| n)
    }

    /// The keys only some kinds have.
    fn allows(self, key: &str) -> bool {
        let keys: &[&str] = match self {
            Kind::Existence => &["words", "regex"],
            Kind::Substitution => &["swap", "fix", "regex"],
            Kind::Repetition => &["of", "window", "times", "words", "min-length", "regex"],
            Kind::Occurrence => &["count", "per", "max", "words", "regex"],
            Kind::Consistency => &["either", "fix", "regex"],
        };
        keys.contains(&key)
    }

    fn slots(self) -> &'static [Slot] {
        match self {
            Kind::Existence => existence::SLOTS,
            Kind::Substitution => substitution::SLOTS,
            Kind::Repetition => repetition::SLOTS,
            Kind::Occurrence => occurrence::SLOTS,
            Kind::Consistency => consistency::SLOTS,
        }
    }
}

/// The largest window a repetition rule may look back over: enough for any
/// echo a reader notices, small enough that a window is cheap to scan.
const MAX_WINDOW: i64 = 1000;

/// The file being read, for errors that point into it.
struct PackFile<'a> {
    name: &'a str,
    text: &'a str,
    compile: Compile,
}

type Error = Box<ConfigError>;

impl PackFile<'_> {
    fn error(&self, span: Range<usize>, message: impl Into<String>, help: Option<String>) -> Error {
        ConfigError::in_file(self.name, self.text, span, message.into(), help)
    }

    /// 1-based line of a byte offset, for messages that mention another place.
    fn line_of(&self, offset: usize) -> usize {
        self.text[..offset].matches('\n').count() + 1
    }

    /// One of `options`, or `default` if the key is absent.
    fn choice<T: Copy>(
        &self,
        key: &str,
        value: &Option<Spanned<String>>,
        options: &[(&str, T)],
        default: Option<T>,
        table: &Range<usize>,
    ) -> Result<T, Error> {
        let names = options
            .iter()
            .map(|(n, _)| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let Some(value) = value else {
            return default.ok_or_else(|| {
                self.error(
                    table.clone(),
                    format!("missing field `{key}`"),
                    Some(format!("add `{key} = …`, one of {names}")),
                )
            });
        };
        options
            .iter()
            .find(|(n, _)| n == value.get_ref())
            .map(|&(_, t)| t)
            .ok_or_else(|| {
                self.error(
                    value.span(),
                    format!("`{}` is not a valid `{key}`", value.get_ref()),
                    Some(format!("use one of {names}")),
                )
            })
    }

    /// A whole number in `range`, or `default` if the key is absent.
    fn number(
        &self,
        key: &str,
        value: &Option<Spanned<i64>>,
        range: std::ops::RangeInclusive<i64>,
        default: Option<i64>,
        table: &Range<usize>,
    ) -> Result<usize, Error> {
        let Some(value) = value else {
            return default
                .map(|d| d as usize)
                .ok_or_else(|| self.error(table.clone(), format!("missing field `{key}`"), None));
        };
        if !range.contains(value.get_ref()) {
            return Err(self.error(
                value.span(),
                format!("`{key}` must be from {} to {}", range.start(), range.end()),
                None,
            ));
        }
        Ok(*value.get_ref() as usize)
    }

    fn template(&self, value: &Spanned<String>, kind: Kind) -> Result<Template, Error> {
        Template::parse(value.get_ref(), kind.slots()).map_err(|message| {
            self.error(
                value.span(),
                message,
                Some(format!(
                    "{} rules may use {}",
                    kind.name(),
                    Template::describe(kind.slots())
                )),
            )
        })
    }

    /// Compile a list whose entries are written at `spans`.
    fn matcher(
        &self,
        entries: &[String],
        spans: &[Range<usize>],
        regex: bool,
        ignore_case: bool,
        list: Range<usize>,
    ) -> Result<Matcher, Error> {
        if entries.is_empty() {
            return Err(self.error(list, "the list is empty", None));
        }
        for (entry, span) in entries.iter().zip(spans) {
            if entry.trim().is_empty() {
                return Err(self.error(span.clone(), "an empty entry matches nothing", None));
            }
        }
        let matcher = Matcher::new(entries.to_vec(), regex, ignore_case);
        if self.compile == Compile::Now {
            matcher
                .compile()
                .map_err(|MatcherError { entry, message }| {
                    let at = entry.and_then(|e| spans.get(e).cloned()).unwrap_or(list);
                    self.error(at, message, None)
                })?;
        }
        Ok(matcher)
    }
}

/// Parse one pack. `name` is how errors name the file.
pub(super) fn parse_pack(
    name: &str,
    text: &str,
    compile: Compile,
) -> Result<Vec<Box<dyn Rule>>, Error> {
    let raw: RawPack = toml::from_str(text).map_err(|err| {
        let help = err
            .message()
            .contains("unknown field")
            .then(|| "the README's rule-pack reference lists every key".to_string());
        let file = PackFile {
            name,
            text,
            compile,
        };
        file.error(err.span().unwrap_or(0..0), err.message().trim(), help)
    })?;
    read_pack(name, text, raw, compile)
}

/// The rules of a pack, `raw` as read from `text`: just now, or by
/// `build.rs` for an embedded pack, so that galley starts without parsing
/// its packs' TOML.
pub(super) fn read_pack(
    name: &str,
    text: &str,
    raw: RawPack,
    compile: Compile,
) -> Result<Vec<Box<dyn Rule>>, Error> {
    let file = &PackFile {
        name,
        text,
        compile,
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut rules = Vec::with_capacity(raw.rule.len());
    let mut screen = ScreenBuilder::default();
    for rule in raw.rule {
        let table = rule.span();
        let rule = rule.into_inner();
        if let Some(first) = seen.insert(rule.id.get_ref().clone(), rule.id.span().start) {
            return Err(file.error(
                rule.id.span(),
                format!("`{}` is defined twice in this pack", rule.id.get_ref()),
                Some(format!(
                    "its first definition is on line {}",
                    file.line_of(first)
                )),
            ));
        }
        rules.push(build_rule(file, &mut screen, rule, table)?);
    }
    screen.finish();
    Ok(rules)
}

fn build_rule(
    file: &PackFile<'_>,
    screen: &mut ScreenBuilder,
    raw: RawRule,
    table: Range<usize>,
) -> Result<Box<dyn Rule>, Error> {
    let category = parse_id(file, &raw.id)?;
    let kind = file.choice("kind", &Some(raw.kind.clone()), KINDS, None, &table)?;
    check_keys(file, &raw, kind)?;
    let severity = file.choice(
        "severity",
        &raw.severity,
        &[
            ("error", Severity::Error),
            ("warning", Severity::Warning),
            ("info", Severity::Info),
        ],
        Some(Severity::Warning),
        &table,
    )?;
    let scope = file.choice(
        "scope",
        &raw.scope,
        &[
            ("text", Scope::Text),
            ("body", Scope::Body),
            ("heading", Scope::Heading),
            ("all", Scope::All),
        ],
        Some(Scope::Text),
        &table,
    )?;
    let include_quotes = file.choice(
        "quotes",
        &raw.quotes,
        &[("exclude", false), ("include", true)],
        Some(false),
        &table,
    )?;
    let fix = file.choice(
        "fix",
        &raw.fix,
        &[
            ("safe", Some(Applicability::Safe)),
            ("unsafe", Some(Applicability::Unsafe)),
            ("none", None),
        ],
        Some(Some(Applicability::Unsafe)),
        &table,
    )?;
    let ignore_case = raw.ignore_case.as_ref().is_none_or(|v| *v.get_ref());
    let regex = raw.regex.as_ref().is_some_and(|v| *v.get_ref());
    let doc = raw.doc.get_ref().trim();
    if doc.is_empty() {
        return Err(file.error(
            raw.doc.span(),
            "the rule's `doc` is empty",
            Some("say what it flags and why, with a bad and a good example".into()),
        ));
    }
    let exceptions = match &raw.exceptions {
        Some(list) => {
            let (entries, spans) = strings(list);
            Some(file.matcher(&entries, &spans, false, ignore_case, list.span())?)
        }
        None => None,
    };
    let fixable = match kind {
        Kind::Substitution if fix.is_some() => Fixable::Always,
        Kind::Consistency if fix.is_some() && !regex => Fixable::Always,
        _ => Fixable::Never,
    };
    let mut common = Common {
        meta: RuleMeta {
            id: raw.id.get_ref().clone().into(),
            category,
            default_severity: severity,
            fixable,
            doc: format!("{doc}\n").into(),
        },
        message: file.template(&raw.message, kind)?,
        help: raw
            .help
            .as_ref()
            .map(|h| file.template(h, kind))
            .transpose()?,
        scope,
        include_quotes,
        exceptions,
    };
    let heading = if regex { "Patterns" } else { "Phrases" };
    if let Some(list) = &raw.words {
        let listed: Vec<String> = list
            .get_ref()
            .iter()
            .map(|w| format!("`{}`", w.get_ref()))
            .collect();
        append_section(&mut common, heading, &listed.join(", "));
    }
    let mut words = |required: bool| -> Result<Option<Matcher>, Error> {
        match &raw.words {
            Some(list) => {
                let (entries, spans) = strings(list);
                let matcher = file.matcher(&entries, &spans, regex, ignore_case, list.span())?;
                Ok(Some(screen.seat(matcher, scope)))
            }
            None if required => Err(file.error(table.clone(), "missing field `words`", None)),
            None => Ok(None),
        }
    };
    Ok(match kind {
        Kind::Existence => Box::new(Existence {
            matcher: words(true)?.expect("required"),
            common,
        }),
        Kind::Substitution => {
            let Some(swap) = &raw.swap else {
                return Err(file.error(table, "missing field `swap`", None));
            };
            let mut pairs: Vec<_> = swap.get_ref().iter().collect();
            pairs.sort_by_key(|(key, _)| key.span().start);
            let entries: Vec<String> = pairs.iter().map(|(k, _)| k.get_ref().clone()).collect();
            let spans: Vec<_> = pairs.iter().map(|(k, _)| k.span()).collect();
            let matcher = file.matcher(&entries, &spans, regex, ignore_case, swap.span())?;
            let matcher = screen.seat(matcher, scope);
            let listed: Vec<String> = pairs
                .iter()
                .map(|(from, to)| match to.get_ref().trim() {
                    "" => format!("`{}` → (cut)", from.get_ref()),
                    to => format!("`{}` → `{to}`", from.get_ref()),
                })
                .collect();
            append_section(&mut common, heading, &listed.join("\n"));
            for (entry, (_, suggestion)) in pairs.iter().enumerate() {
                if file.compile == Compile::OnFirstUse {
                    break;
                }
                if let Some(group) = matcher.missing_groups(entry, suggestion.get_ref()).first() {
                    return Err(file.error(
                        suggestion.span(),
                        format!("the pattern has no group `{group}`"),
                        Some("write `$$` for a dollar sign".into()),
                    ));
                }
            }
            Box::new(Substitution {
                matcher,
                suggestions: pairs
                    .iter()
                    .map(|(_, s)| collapse_whitespace(s.get_ref()))
                    .collect(),
                fix,
                common,
            })
        }
        Kind::Repetition => {
            let unit = file.choice(
                "of",
                &raw.of,
                &[("opener", Unit::Opener), ("word", Unit::Word)],
                None,
                &table,
            )?;
            let window = file.number("window", &raw.window, 1..=MAX_WINDOW, None, &table)?;
            let times = file.number("times", &raw.times, 2..=MAX_WINDOW, Some(2), &table)?;
            if times > window {
                let span = raw.times.as_ref().map_or(table.clone(), |t| t.span());
                return Err(file.error(
                    span,
                    format!("{times} uses can never fit in a window of {window}"),
                    None,
                ));
            }
            if let (Some(min), Some(words)) = (&raw.min_length, &raw.words) {
                return Err(file.error(
                    min.span(),
                    "`min-length` applies to every word, not to a `words` list",
                    Some(format!(
                        "remove it, or the list on line {}",
                        file.line_of(words.span().start)
                    )),
                ));
            }
            Box::new(Repetition {
                unit,
                matcher: words(false)?,
                window,
                times,
                min_length: file.number("min-length", &raw.min_length, 1..=100, Some(1), &table)?,
                common,
            })
        }
        Kind::Occurrence => {
            let count = file.choice(
                "count",
                &raw.count,
                &[
                    ("words", Count::Words),
                    ("sentences", Count::Sentences),
                    ("matches", Count::Matches),
                ],
                None,
                &table,
            )?;
            let per = file.choice(
                "per",
                &raw.per,
                &[("sentence", Per::Sentence), ("paragraph", Per::Paragraph)],
                None,
                &table,
            )?;
            if count == Count::Sentences && per == Per::Sentence {
                let span = raw.per.as_ref().map_or(table.clone(), |p| p.span());
                return Err(file.error(
                    span,
                    "a sentence holds one sentence",
                    Some("count sentences per paragraph".into()),
                ));
            }
            let matches = count == Count::Matches;
            if let (false, Some(words)) = (matches, &raw.words) {
                return Err(file.error(
                    words.span(),
                    "`words` are counted only with `count = \"matches\"`",
                    None,
                ));
            }
            Box::new(Occurrence {
                count,
                per,
                max: file.number("max", &raw.max, 1..=i64::from(u32::MAX), None, &table)?,
                matcher: words(matches)?,
                common,
            })
        }
        Kind::Consistency => {
            let Some(either) = &raw.either else {
                return Err(file.error(table, "missing field `either`", None));
            };
            let mut entries = Vec::new();
            let mut spans = Vec::new();
            let mut form_of = Vec::new();
            let mut group_of = Vec::new();
            let mut spellings: Vec<Vec<String>> = Vec::new();
            let mut seen: HashMap<String, Range<usize>> = HashMap::new();
            for (group, forms) in either.get_ref().iter().enumerate() {
                if forms.get_ref().len() < 2 {
                    return Err(file.error(
                        forms.span(),
                        "a group needs at least two forms to choose between",
                        None,
                    ));
                }
                for form in forms.get_ref() {
                    let written: Vec<(String, Range<usize>)> = match form.get_ref() {
                        Form::One(spelling) => vec![(spelling.clone(), form.span())],
                        Form::Many(list) => list
                            .iter()
                            .map(|s| (s.get_ref().clone(), s.span()))
                            .collect(),
                    };
                    if written.is_empty() {
                        return Err(file.error(
                            form.span(),
                            "a form needs at least one spelling",
                            None,
                        ));
                    }
                    for (spelling, span) in &written {
                        let key = if ignore_case {
                            spelling.to_lowercase()
                        } else {
                            spelling.clone()
                        };
                        if let Some(first) = seen.insert(key, span.clone()) {
                            return Err(file.error(
                                span.clone(),
                                format!("`{spelling}` is listed twice"),
                                Some(format!(
                                    "it is first listed on line {}",
                                    file.line_of(first.start)
                                )),
                            ));
                        }
                        entries.push(spelling.clone());
                        spans.push(span.clone());
                        form_of.push(spellings.len());
                    }
                    group_of.push(group);
                    spellings.push(
                        written
                            .into_iter()
                            .map(|(s, _)| collapse_whitespace(&s))
                            .collect(),
                    );
                }
            }
            let matcher = file.matcher(&entries, &spans, regex, ignore_case, either.span())?;
            let matcher = screen.seat(matcher, scope);
            let mut listed = Vec::new();
            for group in 0..either.get_ref().len() {
                let forms: Vec<String> = (0..group_of.len())
                    .filter(|&f| group_of[f] == group)
                    .map(|f| format!("`{}`", spellings[f].join("`, `")))
                    .collect();
                listed.push(forms.join(" or "));
            }
            append_section(&mut common, heading, &listed.join("\n"));
            Box::new(Consistency {
                matcher,
                form_of,
                group_of,
                spellings: (!regex).then_some(spellings),
                group_count: either.get_ref().len(),
                fix,
                common,
            })
        }
    })
}

/// Add a `## heading` section to the rule's documentation: what exactly it
/// flags, for `galley rule ID`.
fn append_section(common: &mut Common, heading: &str, body: &str) {
    common.meta.doc = format!("{}\n## {heading}\n{body}\n", common.meta.doc).into();
}

/// The category of a `category/kebab-name` id.
fn parse_id(file: &PackFile<'_>, id: &Spanned<String>) -> Result<Category, Error> {
    let help = || {
        Some(
            "write `category/name`: a category (names, pronouns, garbled, punctuation, facts, style) and a kebab-case name".to_string(),
        )
    };
    let Some((category, name)) = id.get_ref().split_once('/') else {
        return Err(file.error(
            id.span(),
            format!("`{}` is not a rule id", id.get_ref()),
            help(),
        ));
    };
    let category = category
        .parse::<Category>()
        .map_err(|()| file.error(id.span(), format!("`{category}` is not a category"), help()))?;
    let kebab = !name.is_empty()
        && name.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if !kebab {
        return Err(file.error(
            id.span(),
            format!("`{name}` is not a kebab-case name"),
            help(),
        ));
    }
    Ok(category)
}

/// Reject keys that belong to other kinds of rules.
fn check_keys(file: &PackFile<'_>, raw: &RawRule, kind: Kind) -> Result<(), Error> {
    let present: [(&str, Option<Range<usize>>); 12] = [
        ("words", raw.words.as_ref().map(Spanned::span)),
        ("swap", raw.swap.as_ref().map(Spanned::span)),
        ("fix", raw.fix.as_ref().map(Spanned::span)),
        ("either", raw.either.as_ref().map(Spanned::span)),
        ("of", raw.of.as_ref().map(Spanned::span)),
        ("window", raw.window.as_ref().map(Spanned::span)),
        ("times", raw.times.as_ref().map(Spanned::span)),
        ("min-length", raw.min_length.as_ref().map(Spanned::span)),
        ("count", raw.count.as_ref().map(Spanned::span)),
        ("per", raw.per.as_ref().map(Spanned::span)),
        ("max", raw.max.as_ref().map(Spanned::span)),
        ("regex", raw.regex.as_ref().map(Spanned::span)),
    ];
    for (key, span) in present {
        if let Some(span) = span.filter(|_| !kind.allows(key)) {
            return Err(file.error(
                span,
                format!("`{key}` does not apply to {} rules", kind.name()),
                None,
            ));
        }
    }
    if let (Some(regex), None) = (&raw.regex, &raw.words)
        && matches!(kind, Kind::Repetition | Kind::Occurrence)
    {
        return Err(file.error(
            regex.span(),
            "`regex` applies to `words`, and this rule has none",
            None,
        ));
    }
    Ok(())
}

/// A list's strings and where each is written.
fn strings(list: &Strings) -> (Vec<String>, Vec<Range<usize>>) {
    list.get_ref()
        .iter()
        .map(|s| (s.get_ref().clone(), s.span()))
        .unzip()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The message and 1-based line of the error `text` gives.
    fn error(text: &str) -> (String, usize) {
        let err = match parse_pack("house.toml", text, Compile::Now) {
            Ok(_) => panic!("no error for:\n{text}"),
            Err(err) => err,
        };
        let offset = err.span.expect("errors point into the file").offset();
        (err.message, text[..offset].matches('\n').count() + 1)
    }

    const GOOD: &str = r#"[[rule]]
id = "style/cliche"
kind = "existence"
message = "“{match}” is a cliché"
doc = "Clichés."
words = ["tip of the iceberg"]
"#;

    /// `GOOD` with `line` (1-based) replaced by `with`.
    fn with_line(line: usize, with: &str) -> String {
        let mut lines: Vec<&str> = GOOD.lines().collect();
        lines[line - 1] = with;
        lines.join("\n") + "\n"
    }

    #[test]
    fn a_good_pack_loads() {
        let rules = parse_pack("house.toml", GOOD, Compile::Now).unwrap();
        assert_eq!(rules[0].meta().id, "style/cliche");
        assert_eq!(rules[0].meta().default_severity, Severity::Warning);
        assert_eq!(rules[0].meta().summary(), "Clichés.");
    }

    #[test]
    fn toml_syntax_errors_point_at_their_line() {
        let (message, line) = error(&with_line(5, "doc = \"Clichés."));
        assert!(message.starts_with("house.toml: "), "{message}");
        assert_eq!(line, 5, "{message}");
    }

    #[test]
    fn unknown_keys_point_at_the_key() {
        let (message, line) = error(&with_line(5, "docs = \"Clichés.\""));
        assert!(message.contains("unknown field `docs`"), "{message}");
        assert_eq!(line, 5);
        let (message, line) = error(&format!("{GOOD}max = 3\n"));
        assert!(
            message.contains("`max` does not apply to existence rules"),
            "{message}"
        );
        assert_eq!(line, 7);
        let (message, line) = error("[rules]\nid = 1\n");
        assert!(message.contains("unknown field `rules`"), "{message}");
        assert_eq!(line, 1);
    }

    #[test]
    fn missing_fields_point_at_the_rule() {
        let text = format!(
            "{GOOD}\n[[rule]]\nid = \"style/x\"\nkind = \"existence\"\nmessage = \"m\"\nwords = [\"a\"]\n"
        );
        let (message, line) = error(&text);
        assert!(message.contains("missing field `doc`"), "{message}");
        assert_eq!(line, 8);
        let (message, line) = error(&with_line(6, ""));
        assert!(message.contains("missing field `words`"), "{message}");
        assert_eq!(line, 1);
    }

    #[test]
    fn bad_values_point_at_the_value() {
        let cases = [
            (
                3,
                "kind = \"existance\"",
                "`existance` is not a valid `kind`",
            ),
            (2, "id = \"stile/cliche\"", "`stile` is not a category"),
            (2, "id = \"style/Cliche\"", "not a kebab-case name"),
            (2, "id = \"cliche\"", "not a rule id"),
            (4, "message = \"“{mach}”\"", "`{mach}` is not a placeholder"),
            (
                4,
                "message = \"{max}\"",
                "not available in this kind of rule",
            ),
            (5, "doc = \"  \"", "`doc` is empty"),
            (6, "words = []", "the list is empty"),
            (6, "words = [\"a\", \" \"]", "an empty entry"),
        ];
        for (line, replacement, expected) in cases {
            let (message, at) = error(&with_line(line, replacement));
            assert!(message.contains(expected), "{replacement}: {message}");
            assert_eq!(at, line, "{replacement}: {message}");
        }
        let (message, line) = error(&format!("{GOOD}severity = \"fatal\"\n"));
        assert!(
            message.contains("`fatal` is not a valid `severity`"),
            "{message}"
        );
        assert_eq!(line, 7);
        let (message, line) = error(&format!("{GOOD}scope = \"headline\"\n"));
        assert!(message.contains("not a valid `scope`"), "{message}");
        assert_eq!(line, 7);
    }

    #[test]
    fn bad_regexes_point_at_the_pattern() {
        let text = "[[rule]]\nid = \"style/x\"\nkind = \"existence\"\nmessage = \"m\"\ndoc = \"d\"\nregex = true\nwords = [\n  'fine',\n  '(unclosed',\n]\n";
        let (message, line) = error(text);
        assert!(message.contains("invalid regular expression"), "{message}");
        assert_eq!(line, 9);
        let huge = text.replace("(unclosed", r"\w{500}\w{500}\w{500}");
        let (message, line) = error(&huge);
        assert!(message.contains("limit"), "{message}");
        assert_eq!(line, 9);
        let swap = "[[rule]]\nid = \"style/x\"\nkind = \"substitution\"\nmessage = \"m\"\ndoc = \"d\"\nregex = true\n[rule.swap]\n'(a) b' = \"$2\"\n";
        let (message, line) = error(swap);
        assert!(message.contains("no group `2`"), "{message}");
        assert_eq!(line, 8);
    }

    #[test]
    fn duplicate_ids_point_at_the_second() {
        let (message, line) = error(&format!("{GOOD}\n{GOOD}"));
        assert!(
            message.contains("`style/cliche` is defined twice"),
            "{message}"
        );
        assert_eq!(line, 9);
    }

    #[test]
    fn kind_specific_mistakes() {
        let rule = |body: &str| {
            format!("[[rule]]\nid = \"style/x\"\nmessage = \"{{count}}\"\ndoc = \"d\"\n{body}")
        };
        let (message, line) = error(&rule(
            "kind = \"occurrence\"\ncount = \"sentences\"\nper = \"sentence\"\nmax = 3\n",
        ));
        assert!(
            message.contains("a sentence holds one sentence"),
            "{message}"
        );
        assert_eq!(line, 7);
        let (message, line) = error(&rule(
            "kind = \"occurrence\"\ncount = \"words\"\nper = \"sentence\"\nmax = 0\n",
        ));
        assert!(message.contains("`max` must be from 1"), "{message}");
        assert_eq!(line, 8);
        let (message, line) = error(&rule(
            "kind = \"repetition\"\nof = \"opener\"\nwindow = 2\ntimes = 3\n",
        ));
        assert!(message.contains("can never fit"), "{message}");
        assert_eq!(line, 8);
        let (message, line) = error(&rule("kind = \"consistency\"\neither = [[\"email\"]]\n"));
        assert!(message.contains("at least two forms"), "{message}");
        assert_eq!(line, 6);
        let (message, line) = error(&rule(
            "kind = \"consistency\"\neither = [[\"email\", \"e-mail\"],\n  [\"E-mail\", \"mail\"]]\n",
        ));
        assert!(message.contains("`E-mail` is listed twice"), "{message}");
        assert_eq!(line, 7);
    }

    #[test]
    fn every_kind_has_its_fixability() {
        let rules = parse_pack(
            "p.toml",
            "[[rule]]\nid = \"style/a\"\nkind = \"substitution\"\nmessage = \"m\"\ndoc = \"d\"\nfix = \"none\"\nswap = { a = \"b\" }\n\n[[rule]]\nid = \"style/b\"\nkind = \"substitution\"\nmessage = \"m\"\ndoc = \"d\"\nswap = { a = \"b\" }\n",
            Compile::Now,
        )
        .unwrap();
        assert_eq!(rules[0].meta().fixable, Fixable::Never);
        assert_eq!(rules[1].meta().fixable, Fixable::Always);
    }
}
