//! Arbitrary bytes as a Markdown file, every rule on: no panic, every
//! span inside the text and on character boundaries, fixes that settle.
#![no_main]

use galley::source::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| galley_fuzz::lint_bytes(data, Format::Markdown));
