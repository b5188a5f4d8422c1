//! File paths as galley compares and records them, and the errors met
//! reading them, said so that the user knows what to do.

use std::io;
use std::path::{Component, Path, PathBuf};

/// `path` made absolute, with symbolic links and `..` resolved as far as it
/// exists (standard input's `--stdin-filename` need not exist).
pub fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    let mut missing = Vec::new();
    loop {
        if let Ok(mut real) = std::fs::canonicalize(existing) {
            real.extend(missing.iter().rev());
            return real;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                missing.push(name);
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

/// `path` as messages show it: relative to the current folder when it lies
/// inside it (`wire/galley.toml`), else as it is, without a leading `./`.
pub fn shown(path: &Path) -> String {
    let inside = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf));
    display(inside.as_deref().unwrap_or(path))
}

/// `path` relative to `folder`, `/`-separated, with `..` where it lies
/// outside; both are [`resolved`] first. Absolute when they share no root.
pub fn relative_to(folder: &Path, path: &Path) -> String {
    let folder = resolved(folder);
    let path = resolved(path);
    let from: Vec<Component> = folder.components().collect();
    let to: Vec<Component> = path.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return path.to_string_lossy().replace('\\', "/");
    }
    let ups = std::iter::repeat_n("..".into(), from.len() - common);
    let downs = to[common..].iter().map(|c| c.as_os_str().to_string_lossy());
    ups.chain(downs).collect::<Vec<_>>().join("/")
}

/// A path as messages show it: as given, without a leading `./`.
pub fn display(path: &Path) -> String {
    let shown = path.to_string_lossy();
    shown.strip_prefix("./").unwrap_or(&shown).to_string()
}

/// `shown: what went wrong; what to do` for an error reading the file or
/// folder at `path`, shown as `shown`.
pub fn io_error_message(shown: &str, path: &Path, err: &io::Error) -> String {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match err.kind() {
        io::ErrorKind::NotFound if is_link => {
            format!("{shown}: a symbolic link to nothing; fix or remove the link")
        }
        io::ErrorKind::NotFound => {
            format!("{shown}: no such file or folder; check the path")
        }
        io::ErrorKind::PermissionDenied => format!(
            "{shown}: permission denied; make it readable (`chmod +r`) or leave it out \
             (`exclude` in galley.toml)"
        ),
        _ if is_link && std::fs::metadata(path).is_err() => format!(
            "{shown}: a symbolic link that leads back to itself ({err}); fix or remove the link"
        ),
        _ => format!("{shown}: cannot read: {err}"),
    }
}

/// An error met while walking a folder, said as [`io_error_message`] says
/// errors reading a file.
pub fn walk_error_message(err: &ignore::Error) -> String {
    match err {
        ignore::Error::WithPath { path, err } => match err.io_error() {
            Some(io) => io_error_message(&display(path), path, io),
            None => format!("{}: {err}", display(path)),
        },
        ignore::Error::WithDepth { err, .. } => walk_error_message(err),
        ignore::Error::Loop { child, .. } => format!(
            "{}: a symbolic link that leads back to a folder above it; skipped",
            display(child)
        ),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_out_of_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("ci")).unwrap();
        std::fs::create_dir_all(root.join("desk/wire")).unwrap();
        assert_eq!(
            relative_to(&root.join("ci"), &root.join("desk/wire/a.txt")),
            "../desk/wire/a.txt"
        );
        assert_eq!(
            relative_to(root, &root.join("desk/./wire/../b.md")),
            "desk/b.md"
        );
        assert_eq!(
            relative_to(&root.join("desk/wire"), &root.join("desk/new/c.txt")),
            "../new/c.txt"
        );
    }
}
