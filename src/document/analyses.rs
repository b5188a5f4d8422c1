//! Results that several rules derive from a Document in the same way,
//! built once on first use and shared, so that rules stay independent pure
//! functions of the Document without each paying for the same pass (as
//! `garbled/run-on` and `garbled/stray-capital` both read the capitals in
//! mid-sentence). An analysis that depends on more than the Document — what
//! a rule pack's phrases find in it — is kept under a key of its own.

use std::any::{Any, TypeId};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use super::Document;

/// A result derived from a Document alone.
pub trait Analysis: Any + Send + Sync {
    fn build(doc: &Document) -> Self;
}

/// Tells apart analyses of one type built by different things (one per rule
/// pack). Every key made is new for the life of the process, so a key never
/// finds what another thing built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnalysisKey(u64);

impl AnalysisKey {
    pub fn unique() -> AnalysisKey {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        AnalysisKey(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// What an analysis is kept under: its type, and its key (`None` for an
/// [`Analysis`], a function of the Document alone).
type Key = (TypeId, Option<AnalysisKey>);

/// The analyses built so far for one Document.
#[derive(Default)]
pub(super) struct Analyses {
    built: Mutex<Vec<(Key, Arc<dyn Any + Send + Sync>)>>,
}

impl std::fmt::Debug for Analyses {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Analyses")
    }
}

impl Analyses {
    /// `T` for `doc`, built on the first call. The lock is not held while
    /// building, so one analysis may read another.
    pub fn get<T: Analysis>(&self, doc: &Document) -> Arc<T> {
        self.get_or_build(None, || T::build(doc))
    }

    /// The `T` kept under `key`, built by `build` on the first call.
    pub fn get_keyed<T: Any + Send + Sync>(
        &self,
        key: AnalysisKey,
        build: impl FnOnce() -> T,
    ) -> Arc<T> {
        self.get_or_build(Some(key), build)
    }

    fn get_or_build<T: Any + Send + Sync>(
        &self,
        key: Option<AnalysisKey>,
        build: impl FnOnce() -> T,
    ) -> Arc<T> {
        if let Some(found) = self.find::<T>(key) {
            return found;
        }
        let built = Arc::new(build());
        let mut list = self.built.lock().unwrap_or_else(|e| e.into_inner());
        list.push(((TypeId::of::<T>(), key), built.clone()));
        built
    }

    fn find<T: Any + Send + Sync>(&self, key: Option<AnalysisKey>) -> Option<Arc<T>> {
        let list = self.built.lock().unwrap_or_else(|e| e.into_inner());
        let (_, any) = list.iter().find(|(k, _)| *k == (TypeId::of::<T>(), key))?;
        Arc::clone(any).downcast::<T>().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Format, Source};
    use std::sync::atomic::{AtomicUsize, Ordering};

    static BUILDS: AtomicUsize = AtomicUsize::new(0);

    struct TokenCount(usize);

    impl Analysis for TokenCount {
        fn build(doc: &Document) -> Self {
            BUILDS.fetch_add(1, Ordering::Relaxed);
            TokenCount(doc.tokens.len())
        }
    }

    #[test]
    fn built_once_and_shared() {
        let source = Source::new("t.txt", "One two three.".to_string(), Format::Text);
        let doc = Document::new(&source);
        let before = BUILDS.load(Ordering::Relaxed);
        assert_eq!(doc.analysis::<TokenCount>().0, 4);
        assert_eq!(doc.analysis::<TokenCount>().0, 4);
        assert_eq!(BUILDS.load(Ordering::Relaxed) - before, 1);
    }

    #[test]
    fn keyed_analyses_are_built_once_per_key() {
        let source = Source::new("t.txt", "One two three.".to_string(), Format::Text);
        let doc = Document::new(&source);
        let (one, two) = (AnalysisKey::unique(), AnalysisKey::unique());
        let tokens = |doc: &Document| doc.tokens.len();
        let none = |_: &Document| 0_usize;
        assert_eq!(*doc.keyed_analysis(one, tokens), 4);
        assert_eq!(*doc.keyed_analysis(one, none), 4);
        assert_eq!(*doc.keyed_analysis(two, none), 0);
    }
}
