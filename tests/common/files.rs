//! Folders of files for the CLI tests (`tests/cli.rs`, `tests/hostile.rs`),
//! which include this file by path.

use std::fs;

/// A temporary folder holding `files` (paths relative to it, parent folders
/// made as needed), removed when dropped.
pub fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    dir
}

/// [`folder`] of text files.
#[allow(dead_code)] // tests/hostile.rs writes bytes only
pub fn text_folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let bytes: Vec<(&str, &[u8])> = files.iter().map(|&(n, t)| (n, t.as_bytes())).collect();
    folder(&bytes)
}
