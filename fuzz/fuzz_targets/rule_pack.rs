//! Arbitrary text as a user's rule pack, loaded through galley.toml's
//! `rule-packs` as `galley check` loads it: an error that names the pack
//! and renders, or rules that lint an article holding every invariant.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    galley_fuzz::lint_with_pack(text);
});
