//! Results that several rules derive from a Document in the same way,
//! built once on first use and shared, so that rules stay independent pure
//! functions of the Document without each paying for the same pass (as
//! `garbled/run-on` and `garbled/stray-capital` both read the capitals in
//! mid-sentence).

use std::any::{Any, TypeId};
use std::sync::{Arc, Mutex};

use super::Document;

/// A result derived from a Document alone.
pub trait Analysis: Any + Send + Sync {
    fn build(doc: &Document) -> Self;
}

/// The analyses built so far for one Document.
#[derive(Default)]
pub(super) struct Analyses {
    built: Mutex<Vec<(TypeId, Arc<dyn Any + Send + Sync>)>>,
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
        if let Some(found) = self.find::<T>() {
            return found;
        }
        let built = Arc::new(T::build(doc));
        let mut list = self.built.lock().unwrap_or_else(|e| e.into_inner());
        list.push((TypeId::of::<T>(), built.clone()));
        built
    }

    fn find<T: Analysis>(&self) -> Option<Arc<T>> {
        let list = self.built.lock().unwrap_or_else(|e| e.into_inner());
        let (_, any) = list.iter().find(|(id, _)| *id == TypeId::of::<T>())?;
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
}
