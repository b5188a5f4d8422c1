//! Word lists galley reads: an English part-of-speech lexicon and US first-name
//! counts. Both are compiled by `build.rs` into hash tables embedded in the
//! binary and probed in place, so they cost nothing at start-up.

mod hash;
pub mod names;
pub mod pos;
pub(crate) mod recent;
pub mod shapes;
mod table;
pub mod word_set;

pub use shapes::Shapes;
pub use word_set::WordSet;
