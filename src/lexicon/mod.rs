//! Word lists galley reads: an English part-of-speech lexicon and US first-name
//! counts. Both are compiled by `build.rs` into sorted tables embedded in the
//! binary and searched in place, so they cost nothing at start-up.

pub mod names;
pub mod pos;
mod table;
