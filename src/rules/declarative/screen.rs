//! One reading of each sentence for all the phrase lists of a pack.
//!
//! Reading a sentence for a list of phrases looks at every word of it (or,
//! with an automaton, every byte), and most sentences hold none of a list's
//! phrases: a pack of five lists, each read by its own rule, read every
//! text five times to find next to nothing. A pack's screen puts the
//! phrases of all its lists in one list, reads with it once each sentence
//! of a Document that one of the rules reads, and notes per sentence which
//! lists have a phrase there; a rule then reads with its own list only the
//! sentences its list has one in.
//!
//! The screen finds everything a list would, and maybe more: it reads the
//! sentence's words as the Document's tokens have told them apart, a run of
//! whitespace matching a phrase's space as in the list's hay (the sentence
//! with its whitespace collapsed); it finds overlapping phrases, and folds
//! ASCII case for every list — a list that keeps case finds a subset, and
//! its own search drops the rest. Word boundaries, quotations and
//! exceptions are left to the rule. Patterns are not screened; a pack with
//! a phrase of no letter or digit, which no word finds, is screened by
//! reading each sentence's hay as its lists do.

use std::sync::{Arc, OnceLock};

use crate::document::{AnalysisKey, Document};

use super::matcher::{HayBuffer, Matcher, PhraseList, Phrases, Scope};

/// The screen of one pack, shared by the matchers of its phrase lists.
pub(super) struct Screen {
    /// Under which a Document keeps what the screen found in it.
    key: AnalysisKey,
    /// Set once the whole pack is read.
    lists: OnceLock<Lists>,
}

/// All the phrases of a pack's lists, each standing for its list, and the
/// blocks some list's rule reads.
struct Lists {
    phrases: Phrases,
    count: usize,
    scopes: Vec<Scope>,
}

impl Screen {
    /// What the screen found in `doc`: read on the first call for it.
    fn found(&self, doc: &Document) -> Arc<Found> {
        let lists = self
            .lists
            .get()
            .expect("a screen is used only once its pack is read");
        doc.keyed_analysis(self.key, |doc| Found::new(doc, lists))
    }
}

/// Gathers a pack's phrase lists while the pack is read.
pub(super) struct ScreenBuilder {
    screen: Arc<Screen>,
    phrases: PhraseList,
    count: usize,
    scopes: Vec<Scope>,
}

impl Default for ScreenBuilder {
    fn default() -> ScreenBuilder {
        ScreenBuilder {
            screen: Arc::new(Screen {
                key: AnalysisKey::unique(),
                lists: OnceLock::new(),
            }),
            phrases: PhraseList::default(),
            count: 0,
            scopes: Vec::new(),
        }
    }
}

impl ScreenBuilder {
    /// A rule's own list (its exceptions are read only where it matched),
    /// for a rule that reads the blocks in `scope`: a list of phrases then
    /// reads only the sentences the screen finds one in. Patterns are left
    /// to read every sentence.
    pub fn seat(&mut self, matcher: Matcher, scope: Scope) -> Matcher {
        let Some(phrases) = matcher.phrases() else {
            return matcher;
        };
        let list = self.count;
        for phrase in phrases {
            self.phrases.add(phrase, list);
        }
        self.count += 1;
        if !self.scopes.contains(&scope) {
            self.scopes.push(scope);
        }
        matcher.screened_by(Seat {
            screen: self.screen.clone(),
            list,
        })
    }

    /// The whole pack is read: the screen knows every list. Its phrases
    /// need nothing compiled, so they are ready now.
    pub fn finish(self) {
        let lists = Lists {
            phrases: self.phrases.build(true),
            count: self.count,
            scopes: self.scopes,
        };
        let _ = self.screen.lists.set(lists);
    }
}

/// A list's place in its pack's screen.
pub(super) struct Seat {
    screen: Arc<Screen>,
    list: usize,
}

impl Seat {
    /// The sentences of `doc` the list may match in.
    pub fn screened(&self, doc: &Document) -> Screened {
        Screened(Some((self.screen.found(doc), self.list)))
    }
}

/// Per sentence of a Document, which lists have a phrase in it: one bit
/// per list, in rows of `stride` words. A sentence no list's rule reads is
/// not read, and has none.
struct Found {
    bits: Vec<u64>,
    stride: usize,
}

impl Found {
    fn new(doc: &Document, lists: &Lists) -> Found {
        let stride = lists.count.div_ceil(64);
        let mut bits = vec![0; doc.sentences.len() * stride];
        let mut buffer = HayBuffer::default();
        let sentences = doc
            .paragraphs
            .iter()
            .filter(|p| lists.scopes.iter().any(|scope| scope.includes(p.kind)))
            .flat_map(|p| p.sentences.clone());
        let by_tokens = lists.phrases.found_by_tokens();
        for sentence in sentences {
            let row = &mut bits[sentence * stride..][..stride];
            let mut note = |list: usize| row[list / 64] |= 1 << (list % 64);
            let sentence = &doc.sentences[sentence];
            if by_tokens {
                let tokens = doc.sentence_tokens(sentence);
                lists
                    .phrases
                    .entries_in_tokens(&doc.text, sentence.span, tokens, note);
            } else {
                let hay = buffer.load(&doc.text, sentence.span);
                lists
                    .phrases
                    .find_overlapping(hay.text, |_, list| note(list));
            }
        }
        Found { bits, stride }
    }

    fn has(&self, sentence: usize, list: usize) -> bool {
        self.bits[sentence * self.stride + list / 64] & (1 << (list % 64)) != 0
    }
}

/// The sentences of one Document one list may match in: those the screen
/// found one of its phrases in (`None`: every sentence).
pub(super) struct Screened(Option<(Arc<Found>, usize)>);

impl Screened {
    /// A list outside any screen reads every sentence.
    pub fn everything() -> Screened {
        Screened(None)
    }

    /// Whether sentence `sentence` (an index into the Document's, in the
    /// scope of the list's rule) may hold a phrase of the list.
    pub fn may_match(&self, sentence: usize) -> bool {
        self.0
            .as_ref()
            .is_none_or(|(found, list)| found.has(sentence, *list))
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::declarative::testing::{flagged, pack_rules};

    /// A pack of one existence rule per `(phrase, ignore-case)`.
    fn pack(lists: &[(String, bool)]) -> String {
        lists
            .iter()
            .enumerate()
            .map(|(i, (phrase, ignore_case))| {
                format!(
                    "[[rule]]\nid = \"style/r{i}\"\nkind = \"existence\"\nmessage = \"m\"\n\
                     doc = \"d\"\nignore-case = {ignore_case}\nwords = [\"{phrase}\"]\n"
                )
            })
            .collect()
    }

    #[test]
    fn a_rule_finds_in_its_pack_what_it_finds_alone() {
        // More lists than one word of bits holds, one keeping case.
        let mut lists: Vec<(String, bool)> = (0..66).map(|i| (format!("item {i}"), true)).collect();
        lists.extend([
            ("in order to".to_string(), true),
            ("A total of".to_string(), false),
            ("don't".to_string(), true),
        ]);
        let text = "In order\nto win, a total of 5 don’t stop. A total of 3 met. \
                    See ITEM 65, item 1 and item 64.";
        let together = pack_rules(&pack(&lists));
        let mut found = 0;
        for (rule, list) in together.iter().zip(&lists) {
            let alone = pack_rules(&pack(std::slice::from_ref(list))).remove(0);
            let flags = flagged(&**rule, text);
            assert_eq!(flags, flagged(&*alone, text), "{}", list.0);
            found += flags.len();
        }
        assert_eq!(found, 6);
    }

    #[test]
    fn a_screen_reads_the_blocks_its_rules_read() {
        let headlines = pack_rules(
            "[[rule]]\nid = \"style/h\"\nkind = \"existence\"\nmessage = \"m\"\ndoc = \"d\"\n\
             scope = \"heading\"\nwords = [\"in order to\"]\n",
        );
        let text = "Mayor acts in order to win\n\nVoters met in order to talk.\n";
        assert_eq!(flagged(&*headlines[0], text), vec!["in order to"]);
    }
}
