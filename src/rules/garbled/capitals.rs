// Capital letters in the middle of a sentence, shared by `run_on.rs` and
// `stray_capital.rs` (a helper, not a rule: no `//!` documentation).
//
// Both rules look at the same thing — a capitalised ordinary word between
// lowercase words — and differ in what it means. A word that can open a
// sentence (`Some`, `He`, `Analysts`) after a word that can close a clause
// marks a lost full stop; any other capitalised common word is a stray
// capital. One pass decides which, so the two rules never report the same
// word twice.

use std::cell::OnceCell;
use std::sync::Arc;

use crate::document::casing::strip_possessive;
use crate::document::words::is_sentence_starter;
use crate::document::{Analysis, BlockKind, Casing, Document, Token, TokenKind};
use crate::lexicon::pos::{self, Entry, Tag};
use crate::lexicon::{WordSet, names};
use crate::lowercase::with_lowercase;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum CapitalKind {
    /// A sentence boundary was lost before the capitalised word.
    RunOn,
    /// A common word capitalised for no reason.
    Stray,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct MisplacedCapital {
    pub kind: CapitalKind,
    /// Token index of the word before the capital.
    pub previous: usize,
    /// Token index of the capitalised word.
    pub word: usize,
}

/// Subject pronouns: they open a clause and are never part of a name.
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "we"];

/// Determiners and possessives that open most news sentences and are
/// (almost) never the second word of a name.
static DETERMINERS: WordSet = WordSet::new(&[
    "the", "an", "this", "these", "those", "some", "many", "most", "several", "both", "each",
    "every", "another", "their", "its", "our", "my", "his", "her",
]);

/// Other closed-class words that often open a sentence; capitalised after
/// a lowercase word they are out of place, but they do occur inside titles
/// of works and names (`Gone With the Wind`), so only after lowercase words.
static OTHER_STARTERS: WordSet = WordSet::new(&[
    "but",
    "and",
    "however",
    "meanwhile",
    "after",
    "before",
    "during",
    "while",
    "when",
    "if",
    "although",
    "since",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "as",
    "there",
    "it",
    "one",
    "two",
    "three",
    "four",
    "five",
    "no",
    "all",
    "such",
    "other",
    "others",
]);

/// Pronouns written capitalised for God in older and religious prose (`to
/// serve Him`, `in His providence`).
const DEVOTIONAL: &[&str] = &[
    "he", "his", "him", "himself", "thee", "thou", "thy", "thine", "being",
];

/// Words naming God: a capitalised `He` in their sentence refers to Him.
const DIVINE_NAMES: &[&str] = &[
    "God",
    "Lord",
    "Almighty",
    "Providence",
    "Creator",
    "Ruler",
    "Maker",
];

/// Definite determiners and possessives: `the Commission`, `our
/// Constitution`, `both Houses` name one known thing, the way proper nouns
/// do, so a capitalised noun after one is taken as a name.
const DEFINITE: &[&str] = &[
    "the", "this", "that", "these", "those", "both", "our", "their", "its", "his", "her", "my",
    "your", "whose",
];

/// Is `tokens[i]` the head of a phrase opened by `a` or `an` (`a Collection
/// of coins`, `a Deputy pounded`)? Names of one thing take no indefinite
/// article; after one, a capitalised name only modifies the noun that
/// follows (`a Senate committee`, `a Pentagon official`).
fn heads_indefinite_phrase(doc: &Document, tokens: &[Token], i: usize) -> bool {
    let indefinite = matches!(doc.slice(tokens[i - 1].span), "a" | "an");
    let modifies_next = tokens.get(i + 1).is_some_and(|t| {
        pos::lookup(doc.slice(t.span)).is_none_or(|e| {
            e.primary.is_noun() || matches!(e.primary, Tag::JJ | Tag::JJR | Tag::JJS | Tag::VBG)
        })
    });
    indefinite && !modifies_next
}

/// Governing bodies, offices and their holders, and polities (see
/// [`is_official_noun`]); singular forms.
static OFFICIAL_NOUNS: WordSet = WordSet::new(&[
    "administration",
    "agency",
    "ambassador",
    "army",
    "assembly",
    "attorney",
    "auditor",
    "bureau",
    "cabinet",
    "chamber",
    "commission",
    "commissioner",
    "committee",
    "commonwealth",
    "comptroller",
    "confederacy",
    "congress",
    "congressman",
    "constitution",
    "consul",
    "convention",
    "council",
    "court",
    "crown",
    "delegate",
    "department",
    "dominion",
    "embassy",
    "empire",
    "executive",
    "government",
    "governor",
    "house",
    "judiciary",
    "kingdom",
    "legation",
    "legislature",
    "member",
    "minister",
    "ministry",
    "mission",
    "nation",
    "navy",
    "parliament",
    "power",
    "presidency",
    "president",
    "province",
    "republic",
    "secretary",
    "senate",
    "senator",
    "state",
    "territory",
    "treasury",
    "treaty",
    "union",
]);

/// Possessive determiners: a name rarely follows one (`his Client`).
const POSSESSIVES: &[&str] = &["his", "her", "its", "our", "their", "my", "your"];

/// Proper adjectives whose lowercase form is also an ordinary word or
/// which the lexicon lists in lowercase (`Polish`, `Western`).
static PROPER_ADJECTIVES: WordSet = WordSet::new(&[
    "northern",
    "southern",
    "eastern",
    "western",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "midwest",
    "midwestern",
    "allied",
    "english",
    "spanish",
    "turkish",
    "polish",
    "british",
    "irish",
    "danish",
    "swedish",
    "finnish",
    "kurdish",
    "jewish",
    "scottish",
    "flemish",
    "french",
    "dutch",
    "welsh",
    "czech",
    "greek",
    "thai",
    "swiss",
    "democratic",
    "republican",
    "communist",
    "socialist",
    "liberal",
    "conservative",
    "labour",
    "democrat",
    "marine",
    "catholic",
    "christian",
    "muslim",
    "protestant",
    "evangelical",
    "orthodox",
    "black",
    "indigenous",
]);

/// How many words back a divine name makes `He` devotional: a sentence's
/// worth, and a bound that keeps the check linear in a sentence without end.
const DIVINE_REACH: usize = 40;

/// Auxiliaries: a clause does not end on them.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does",
    "did",
];

/// Lowercase words that join the parts of a name: `Secretary of the
/// Interior`, `Atoms for Peace`, `Families with Dependent Children`,
/// `South and Central America`.
const NAME_CONNECTIVES: &[&str] = &[
    "of", "for", "on", "with", "and", "the", "de", "du", "del", "la", "le", "von", "van", "&",
];

/// Lowercase particles inside personal names: `Usama bin Laden`, `Ludwig
/// van Beethoven`.
const NAME_PARTICLES: &[&str] = &[
    "bin", "ibn", "al", "el", "abu", "ben", "de", "da", "di", "du", "van", "von", "der", "den",
    "le", "la", "dos", "das", "ter", "ten",
];

/// Calendar words are names even when their lowercase form is a common
/// word (`in May the…`, `in March`).
static CALENDAR: WordSet = WordSet::new(&[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
]);

/// How often a first name must have been given to count as one (`Grace`,
/// `Will`, `Mark`): rare entries in the list are ordinary words.
const FIRST_NAME_MIN_BIRTHS: u32 = 500;

/// What the word before the capital tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Before {
    /// A capitalised word mid-sentence: the capital may continue a name.
    Name,
    /// A closed-class word a clause cannot end on: article, preposition,
    /// conjunction, auxiliary (`of Their`, `the Range`).
    Closed,
    /// A verb or adjective, which usually wants the next word (`told
    /// Reporters`, `new Plans`).
    Governing,
    /// A figure, which a noun usually follows (`43 Governors`).
    Quantity,
    /// A word a clause can end on: a noun, an adverb, `billion`.
    ClauseEnd,
}

/// How many bodies and offices after `the` (`the Government`, `the
/// Treasury`) make an article's house style the older one that capitalises
/// nouns naming one known thing. Modern news copy writes few; older official
/// prose, many.
const OLD_STYLE_OFFICIAL_NOUNS: usize = 2;

/// Does the article capitalise bodies and offices after `the`, the way
/// older official prose does? Then a capitalised noun after `the` may be
/// house style too.
fn capitalises_offices(doc: &Document) -> bool {
    let tokens = &doc.tokens;
    doc.capitals_and_numbers(1..tokens.len())
        .filter(|&i| {
            let token = &tokens[i];
            token.kind == TokenKind::Word
                && doc.bytes(tokens[i - 1].span) == b"the"
                && token.starts_uppercase(&doc.text)
                && with_lowercase(doc.slice(token.span), is_official_noun)
        })
        .nth(OLD_STYLE_OFFICIAL_NOUNS - 1)
        .is_some()
}

/// Every capital out of place in the Document, in order.
pub(super) struct MisplacedCapitals(pub Vec<MisplacedCapital>);

impl Analysis for MisplacedCapitals {
    fn build(doc: &Document) -> Self {
        MisplacedCapitals(misplaced_capitals(doc))
    }
}

fn misplaced_capitals(doc: &Document) -> Vec<MisplacedCapital> {
    let mut out = Vec::new();
    let modern = !capitalises_offices(doc);
    // Fetched once for the article, and only if some capital asks.
    let casing = OnceCell::new();
    for sentence in &doc.sentences {
        let paragraph = &doc.paragraphs[sentence.paragraph];
        let tokens = doc.sentence_tokens(sentence);
        // A headline or heading is one sentence in sentence case, where
        // capitals mean what they mean in prose.
        let judged = paragraph.kind.is_running_prose()
            || (matches!(paragraph.kind, BlockKind::Headline | BlockKind::Heading)
                && paragraph.sentences.len() == 1
                && in_sentence_case(doc, tokens));
        if !judged {
            continue;
        }
        let start = sentence.tokens.start;
        // Neither the first token nor the last is judged.
        let inner = start + 1..sentence.tokens.end.saturating_sub(1);
        for i in doc.capitals_and_numbers(inner).map(|i| i - start) {
            if let Some(kind) = judge(doc, tokens, i, modern, &casing) {
                out.push(MisplacedCapital {
                    kind,
                    previous: start + i - 1,
                    word: start + i,
                });
            }
        }
    }
    out
}

/// Is the capitalised word at `tokens[i]` out of place, and why?
/// `modern`: the article does not capitalise offices after `the` (see
/// [`capitalises_offices`]), so an ordinary noun it also writes in
/// lowercase is no name after `the` either. `casing`: the article's
/// [`Casing`], once some capital has asked for it.
fn judge(
    doc: &Document,
    tokens: &[Token],
    i: usize,
    modern: bool,
    casing: &OnceCell<Arc<Casing>>,
) -> Option<CapitalKind> {
    let token = tokens[i];
    if token.kind != TokenKind::Word || !token.space_before || token.newline_before {
        return None;
    }
    if !token.starts_uppercase(&doc.text) {
        return None;
    }
    let word = doc.slice(token.span);
    let next = tokens[i + 1];
    let lowercase_word =
        |t: &Token| t.kind == TokenKind::Word && t.space_before && t.starts_lowercase(&doc.text);
    // `crash An SEC examiner testified`: an article before an acronym.
    let acronym_next = next.kind == TokenKind::Word
        && next.space_before
        && is_acronym(doc.slice(next.span))
        && tokens.get(i + 2).is_some_and(lowercase_word);
    // `research The 14 researchers`: an article before a figure.
    let number_next = next.kind == TokenKind::Number
        && next.space_before
        && tokens.get(i + 2).is_some_and(lowercase_word);
    if !lowercase_word(&next) && !acronym_next && !number_next {
        return None;
    }
    // Only then is the word taken apart: most capitals (in names, before
    // marks) are ruled out by the word after them.
    let base = contraction_base(word);
    if !is_capitalised(base) {
        return None;
    }
    let before = before(doc, tokens, i)?;
    let capital = Capital {
        i,
        base,
        before,
        acronym_next,
        number_next,
        modern,
    };
    // Both lowercase forms on the stack: this is asked of every capital
    // in running text.
    with_lowercase(base, |lower| {
        with_lowercase(doc.slice(tokens[i - 1].span), |previous| {
            judge_lowercase(doc, tokens, &capital, lower, previous, casing)
        })
    })
}

/// What [`judge`] has read of a capitalised word at `tokens[i]` before it
/// looks at its lowercase form.
struct Capital<'a> {
    i: usize,
    /// The word without a contraction or possessive.
    base: &'a str,
    before: Before,
    /// An acronym or a figure follows, then a lowercase word.
    acronym_next: bool,
    number_next: bool,
    modern: bool,
}

/// [`judge`] of a capital whose base is `lower` in lowercase, after a word
/// that is `previous` in lowercase.
fn judge_lowercase(
    doc: &Document,
    tokens: &[Token],
    capital: &Capital,
    lower: &str,
    previous: &str,
    casing: &OnceCell<Arc<Casing>>,
) -> Option<CapitalKind> {
    let Capital {
        i,
        base,
        before,
        acronym_next,
        number_next,
        modern,
    } = *capital;
    let (token, next) = (tokens[i], tokens[i + 1]);
    if (acronym_next || number_next)
        && !(before == Before::ClauseEnd && DETERMINERS.contains(lower))
    {
        return None;
    }
    let quoted = doc.is_quoted(token.span.start);
    let casing = casing.get_or_init(|| doc.casing());

    // (A subject `He` is judged by its neighbours only: two lost full stops
    // before `He` in one article must not excuse each other.)
    let subject = SUBJECT_PRONOUNS.contains(&lower);
    if DEVOTIONAL.contains(&lower)
        && (before == Before::Closed
            || (!subject && before == Before::Governing)
            || (!subject && casing.capitalised_mid_sentence(base) > 1)
            || tokens[i.saturating_sub(DIVINE_REACH)..i]
                .iter()
                .any(|t| DIVINE_NAMES.contains(&doc.slice(t.span))))
    {
        return None;
    }
    if SUBJECT_PRONOUNS.contains(&lower) || DETERMINERS.contains(lower) {
        let object = !SUBJECT_PRONOUNS.contains(&lower)
            && matches!(before, Before::Closed | Before::Governing);
        return match () {
            () if object => Some(CapitalKind::Stray),
            () if quoted => None,
            () => Some(CapitalKind::RunOn),
        };
    }
    if matches!(before, Before::Name | Before::Quantity) || continues_name(doc, tokens, i, lower) {
        // After a number, a capital is a table or list run into the text
        // (`… 4,870,067 In addition`), or a name (`43 Governors`).
        return None;
    }
    if OTHER_STARTERS.contains(lower) {
        if DEFINITE.contains(&previous) {
            // `the One who governs us all`.
            return None;
        }
        return match before {
            Before::ClauseEnd if !quoted => Some(CapitalKind::RunOn),
            _ => Some(CapitalKind::Stray),
        };
    }
    // The article's own count first: most capitals that get this far
    // (`States`, `Government`, `Congress`) are written so again and again,
    // and are told without a lexicon's lookups.
    if DEVOTIONAL.contains(&lower)
        || casing.capitalised_mid_sentence(base) > 1
        || is_demonym(lower)
        || !is_common_only(base, lower)
    {
        return None;
    }
    let entry = pos::lookup(base);
    let lower_entry = pos::lookup(lower);
    let adjective = lower_entry.is_some_and(|e| matches!(e.primary, Tag::JJ | Tag::JJR | Tag::JJS));
    let official = is_official_noun(lower);
    // Proper adjectives (`Soviet`, `Presidential`) and the bodies and
    // offices that official prose capitalises (`Governments`, `Houses`)
    // are names wherever the lexicon has seen them as one; other words
    // only where that is their most frequent reading.
    let lowercase_elsewhere = casing.has_lowercase(doc, lower);
    // Seen mostly as a name (`the Times`, `the Fed`, `the Giants`): a
    // newspaper, a central bank or a team may be meant even in modern copy.
    let name_first = entry.is_some_and(|e| e.primary.is_proper_noun());
    let known_name = entry.is_some_and(|e| {
        if adjective || official {
            e.any(Tag::is_proper_noun)
        } else {
            known_as_name(e, lower_entry, lowercase_elsewhere)
        }
    });
    // A noun after `the`, `our`, `both` names one known thing, the way
    // names of institutions do (`the Commission`, `both Houses`). Not an
    // ordinary noun the article also writes in lowercase, no body or
    // office, after a possessive (`his Client`, `our Customers`), or after
    // `the` and unknown to the lexicon with a capital (`the Outbreak`).
    let ordinary_noun = lower_entry.is_some_and(|e| matches!(e.primary, Tag::NN | Tag::NNS))
        && !official
        && lowercase_elsewhere
        && (POSSESSIVES.contains(&previous)
            || (previous == "the" && (entry.is_none() || (modern && !name_first))));
    if DEFINITE.contains(&previous)
        && lower_entry.is_some_and(|e| e.any(Tag::is_noun))
        && !ordinary_noun
    {
        return None;
    }
    // Bodies and offices counted out in words are names too (`the two
    // Houses`, `six Presidents`), and so are adjectives of names (`two
    // Senatorial electors`); other plurals are not (`two Churches`).
    let counted =
        before == Before::Governing && pos::lookup(previous).is_some_and(|e| e.primary == Tag::CD);
    if counted && (official || adjective) {
        return None;
    }
    // A plural noun followed by its verb after a complete clause opens a
    // new sentence: `… $2.4 billion Analysts had forecast …`.
    let opens_clause = before == Before::ClauseEnd
        && !quoted
        && lower_entry.is_some_and(|e| e.primary == Tag::NNS)
        && pos::lookup(doc.slice(next.span)).is_some_and(|e| e.any(Tag::is_verb));
    if let Some(entry) = entry
        && known_name
        && !common_despite_lexicon(
            entry,
            lower_entry,
            lowercase_elsewhere,
            matches!(previous, "a" | "an"),
        )
        && !(modern && ordinary_noun)
        && (official || !heads_indefinite_phrase(doc, tokens, i))
    {
        return None;
    }
    Some(if opens_clause {
        CapitalKind::RunOn
    } else {
        CapitalKind::Stray
    })
}

/// Has the lexicon seen this capitalised form mostly as a name? Its sources
/// capitalise words in titles and at the start of sentences too, so only
/// the most frequent tag counts (`Congress`, `Giants`, but not `Customers`
/// or `Approval`). A plural common noun tagged as a singular name
/// (`Winds`, `Crews`) has been seen inside longer titles or as a surname,
/// not as a name standing alone; it is no name where the article also
/// writes it in lowercase.
fn known_as_name(entry: Entry, lower_entry: Option<Entry>, lowercase_elsewhere: bool) -> bool {
    match entry.primary {
        Tag::NNPS => true,
        Tag::NNP => !(lowercase_elsewhere && lower_entry.is_some_and(|e| e.primary == Tag::NNS)),
        _ => false,
    }
}

/// The lexicon knows this capitalised form mostly as a name (`Congress`,
/// `State`, `Target`, `Closed`). Is this use an ordinary word all the same?
/// Yes for a verb, adverb or preposition the lexicon also knows capitalised
/// as such (`remain Closed`, `the pair Inside the building`, but not
/// `Shanghai`), and where the article writes the word in lowercase
/// elsewhere, unless the lexicon knows it mostly as a name (`every State`)
/// and no indefinite article shows it is not one (`a Target of…`).
fn common_despite_lexicon(
    entry: Entry,
    lower_entry: Option<Entry>,
    lowercase_elsewhere: bool,
    indefinite: bool,
) -> bool {
    let never_a_name = lower_entry.is_some_and(|e| {
        e.primary.is_verb() || matches!(e.primary, Tag::RB | Tag::RBR | Tag::RBS | Tag::IN)
    });
    (never_a_name && entry.any(|t| !t.is_proper_noun()))
        || (lowercase_elsewhere && (indefinite || !entry.primary.is_proper_noun()))
}

/// Is the word, lowercase, a governing body, an office or its holder, or a
/// polity (`governments`, `houses`, `commissioner`, `provinces`)? Official
/// and older prose capitalises these when they mean one known body or
/// office (`both Houses`, `the two Governments`), so a capital on them is
/// house style, not a slip.
fn is_official_noun(lower: &str) -> bool {
    let singular = |stem: &str| OFFICIAL_NOUNS.contains(stem);
    singular(lower)
        || lower.strip_suffix('s').is_some_and(singular)
        || lower.strip_suffix("ies").is_some_and(|stem| {
            OFFICIAL_NOUNS
                .words()
                .iter()
                .any(|n| n.strip_suffix('y') == Some(stem))
        })
        || lower.strip_suffix("men").is_some_and(|stem| {
            OFFICIAL_NOUNS
                .words()
                .iter()
                .any(|n| n.strip_suffix("man") == Some(stem))
        })
}

/// Is this title written in sentence case, so that a capital in it means
/// what it means in running prose? Yes when at least two of its content
/// words (nouns, verbs, adjectives) are in lowercase: a headline in title
/// case lowercases only short function words (`of`, `for`, `and`).
fn in_sentence_case(doc: &Document, tokens: &[Token]) -> bool {
    tokens
        .iter()
        .filter(|t| {
            t.kind == TokenKind::Word
                && t.starts_lowercase(&doc.text)
                && pos::lookup(doc.slice(t.span)).is_some_and(|e| is_content_tag(e.primary))
        })
        .nth(1)
        .is_some()
}

fn is_content_tag(tag: Tag) -> bool {
    tag.is_noun()
        || tag.is_verb()
        || matches!(
            tag,
            Tag::JJ | Tag::JJR | Tag::JJS | Tag::RB | Tag::RBR | Tag::RBS
        )
}

/// `Chilean`, `Japanese`, `Iraqi`, `Polish`: adjectives of peoples and
/// regions, capitalised in English although the lexicon also lists them
/// in lowercase.
fn is_demonym(lower: &str) -> bool {
    // `Frenchman`, `Englishwomen`.
    let people = ["man", "men", "woman", "women"]
        .iter()
        .find_map(|suffix| lower.strip_suffix(suffix))
        .unwrap_or(lower);
    if PROPER_ADJECTIVES.contains(lower) || PROPER_ADJECTIVES.contains(people) {
        return true;
    }
    let adjective_only = || {
        pos::lookup(lower).is_some_and(|e| !e.any(|t| !matches!(t, Tag::JJ | Tag::NN | Tag::NNS)))
    };
    let adjective_only_strict = || pos::lookup(lower).is_some_and(|e| !e.any(|t| t != Tag::JJ));
    ((lower.ends_with("ian") || lower.ends_with("ean") || lower.ends_with("ese"))
        && adjective_only())
        || ((lower.ends_with("an") || lower.ends_with("ine")) && adjective_only_strict())
}

/// Does the word at `tokens[i]` sit in a name joined by lowercase
/// connectives, like `Interior` in `Secretary of the Interior` or `Houses`
/// in `both Houses of Congress`?
fn continues_name(doc: &Document, tokens: &[Token], i: usize, lower: &str) -> bool {
    let is_connective = |t: &Token| NAME_CONNECTIVES.contains(&doc.slice(t.span));
    let is_capital = |t: &Token| t.kind == TokenKind::Word && t.starts_uppercase(&doc.text);
    // Back over `of the`, `, and`: `Cherokees, Choctaws, and Creeks`.
    let mut joined = false;
    for t in tokens[..i].iter().rev().take(3) {
        if is_connective(t) || matches!(doc.slice(t.span), "," | "or") {
            joined = true;
            continue;
        }
        if joined && is_capital(t) {
            return true;
        }
        break;
    }
    // Coordinated with a name, whatever its part of speech: `Google and
    // Facebook`, `a Democratic or a Republican issue`, `Protect the Right`.
    let ahead = |k: usize| tokens.get(i + k).map(|t| doc.slice(t.span));
    let capital_at = |k: usize| tokens.get(i + k).is_some_and(is_capital);
    // (Not a preposition between lowercase words and a name: `businesses
    // Along the Gulf Coast`.)
    let preposition = || {
        pos::lookup(lower).is_some_and(|e| e.primary == Tag::IN)
            && tokens[i - 1].starts_lowercase(&doc.text)
    };
    let coordinated = match (ahead(1), ahead(2)) {
        (Some("and" | "or"), _) if capital_at(2) => true,
        (Some("the"), _) if capital_at(2) => !preposition(),
        (Some("and" | "or"), Some("a" | "an" | "the")) => capital_at(3),
        _ => false,
    };
    if coordinated {
        return true;
    }
    // Forward over `of the`, `for the 21st`: only a noun or adjective heads
    // a name (`Houses of Congress`, `Atoms for Peace`), never a verb
    // (`Scheduled for April`).
    let heads_names =
        pos::lookup(lower).is_some_and(|e| matches!(e.primary, Tag::NN | Tag::NNS | Tag::JJ));
    if !heads_names {
        return false;
    }
    let mut joined = false;
    let mut of = false;
    for t in tokens[i + 1..].iter().take(4) {
        if is_connective(t) || (joined && t.kind == TokenKind::Number) {
            joined = true;
            of |= doc.slice(t.span) == "of";
            continue;
        }
        // A date is no part of a name (`Sentencing for June`) except after
        // `of` (`the Fourth of July`).
        return joined && is_capital(t) && (of || !CALENDAR.contains(doc.slice(t.span)));
    }
    false
}

/// `Additional`, `He’s`: an initial capital followed by lowercase letters.
fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let mut letters = 1;
    for c in chars {
        if c.is_alphabetic() {
            if !c.is_lowercase() {
                return false;
            }
            letters += 1;
        } else if !matches!(c, '’' | '\'') {
            return false;
        }
    }
    first.is_uppercase() && letters >= 2
}

/// `SEC`, `NATO`: two or more capital letters and nothing else.
fn is_acronym(word: &str) -> bool {
    word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase())
}

/// `He’s` → `He`, `Their` → `Their`, `Reporters’` → `Reporters`.
fn contraction_base(word: &str) -> &str {
    let word = strip_possessive(word);
    word.split(['’', '\'']).next().unwrap_or(word)
}

/// Classify the word before `tokens[i]`, or `None` when the capital is not
/// in running text (after punctuation, an abbreviation, a heading run into
/// the text, or a table of figures).
fn before(doc: &Document, tokens: &[Token], i: usize) -> Option<Before> {
    let prev = tokens[i - 1];
    let text = doc.slice(prev.span);
    let before_prev = i.checked_sub(2).map(|p| tokens[p]);
    match prev.kind {
        // `rose to 43 The…`, `17% Analysts`, but not `1946 67,229 The` or
        // `- 35.58 This` in a table run into the text.
        TokenKind::Number | TokenKind::Symbol
            if before_prev.is_some_and(|t| t.kind == TokenKind::Word) =>
        {
            return match prev.kind {
                TokenKind::Number => Some(Before::Quantity),
                _ => (text == "%").then_some(Before::ClauseEnd),
            };
        }
        TokenKind::Word => {}
        _ => return None,
    }
    if text.ends_with('.') {
        // `U.S. Capitol`, `Inc. The`: the sentence splitter's call.
        return None;
    }
    let first = text.chars().next()?;
    if !first.is_lowercase() {
        let opens_sentence = before_prev.is_none_or(|t| {
            t.kind == TokenKind::Punct
                && matches!(doc.slice(t.span), "“" | "\"" | "‘" | "(" | "—" | "–" | ":")
        });
        // A sentence-opening `Many` or `The` is an ordinary word.
        if opens_sentence && is_sentence_starter(text) {
            return Some(Before::Closed);
        }
        // `HOUSING The…`: a heading run into the paragraph (but `a deal with
        // IBM Some…` is a run-on).
        let all_caps = |t: &Token| {
            t.kind == TokenKind::Word && !doc.slice(t.span).chars().any(char::is_lowercase)
        };
        if all_caps(&prev)
            && (opens_sentence
                || pos::is_common_word(text)
                || before_prev.is_some_and(|t| all_caps(&t)))
        {
            return None;
        }
        // `met again Thursday Officials expect…`: a day or month closes a
        // clause, unless an article makes it part of a name (`the Sunday
        // Times`).
        let named = before_prev.is_some_and(|t| {
            with_lowercase(doc.slice(t.span), |word| DEFINITE.contains(&word))
                || matches!(doc.slice(t.span), "a" | "an")
        });
        if CALENDAR.contains(text) && !named {
            return Some(Before::ClauseEnd);
        }
        return Some(Before::Name);
    }
    if NAME_PARTICLES.contains(&text) {
        return Some(Before::Name);
    }
    if AUXILIARIES.contains(&text) {
        return Some(Before::Closed);
    }
    if text.ends_with("illion") {
        return Some(Before::ClauseEnd);
    }
    let Some(entry) = pos::lookup(text) else {
        return Some(Before::ClauseEnd);
    };
    Some(match entry.primary {
        Tag::DT
        | Tag::PDT
        | Tag::IN
        | Tag::TO
        | Tag::CC
        | Tag::PRPS
        | Tag::WDT
        | Tag::WP
        | Tag::WPS
        | Tag::WRB
        | Tag::MD
        | Tag::EX => Before::Closed,
        Tag::VB | Tag::VBD | Tag::VBP | Tag::VBZ | Tag::VBG | Tag::VBN | Tag::JJ => {
            Before::Governing
        }
        // A number written as a word governs its noun like an adjective
        // (`two Churches`); figures are left to the number branch above.
        Tag::CD => Before::Governing,
        _ => Before::ClauseEnd,
    })
}

/// Is the word, lowercased, an ordinary English word that is not also a
/// name (`Grace`, `May`, `Mark`)?
fn is_common_only(base: &str, lower: &str) -> bool {
    if CALENDAR.contains(base) {
        return false;
    }
    if names::first_name(base).is_some_and(|n| n.total() >= FIRST_NAME_MIN_BIRTHS) {
        return false;
    }
    pos::is_common_word(lower)
}
