//! File paths as galley compares and records them.

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
/// inside it (`wire/galley.toml`), else as it is.
pub fn shown(path: &Path) -> String {
    let inside = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf));
    inside.as_deref().unwrap_or(path).display().to_string()
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
