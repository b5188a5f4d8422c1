//! Arbitrary text as galley.toml: an error that names the file and renders,
//! or a configuration whose selection, ignores and globs work.
#![no_main]

use std::path::{Path, PathBuf};

use galley::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = PathBuf::from("/nonexistent/galley.toml");
    match Config::parse(Some(path), text.to_string()) {
        Err(err) => galley_fuzz::render_error(err, "galley.toml"),
        Ok(config) => {
            if let Err(err) = config.selection(&galley_fuzz::registry()) {
                galley_fuzz::render_error(err, "galley.toml");
            }
            config.ignores_for(Path::new("/nonexistent/wire/a.txt"));
            for glob in config.include.iter().chain(&config.exclude) {
                galley::config::glob_matches(glob, "wire/a.txt");
            }
        }
    }
});
