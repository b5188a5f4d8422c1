//! Running galley as a user who is not root, for the tests about files
//! galley may not read or write: root reads and writes everything.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

/// The path of a copy of the galley binary that any user may run.
pub fn galley_for_anyone(dir: &Path) -> PathBuf {
    let bin = dir.join("galley");
    fs::copy(assert_cmd::cargo::cargo_bin("galley"), &bin).unwrap();
    fs::set_permissions(&bin, fs::Permissions::from_mode(0o755)).unwrap();
    bin
}
