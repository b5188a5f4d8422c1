//! Which configuration each document uses: the nearest `galley.toml` above
//! it, loaded once and kept until the editor says a configuration changed.
//! A broken file never stops linting: its documents fall back to the
//! defaults and the error is reported on the file it is in.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, Config, ConfigError};
use crate::rules::Registry;
use crate::workspace::{Checker, Overrides};

/// What changed in the configuration files, for the editor to show.
pub enum ConfigNews {
    /// `file` has an error (it is `galley.toml` or a rule pack it names).
    Broken {
        file: PathBuf,
        error: Box<ConfigError>,
    },
    /// The error reported on `file` is gone.
    Fixed { file: PathBuf },
}

pub struct Configs {
    base_registry: Arc<Registry>,
    defaults: Arc<Checker>,
    /// Where documents without a path (unsaved buffers) look for a config.
    roots: Vec<PathBuf>,
    /// Folder → the nearest galley.toml at or above it.
    nearest: HashMap<PathBuf, Option<PathBuf>>,
    /// galley.toml → its checker; `None` while it is broken.
    loaded: HashMap<PathBuf, Option<Arc<Checker>>>,
    /// Broken galley.toml → the file its error is reported on.
    broken: HashMap<PathBuf, PathBuf>,
}

impl Configs {
    pub fn new(roots: Vec<PathBuf>) -> Configs {
        let base_registry = Arc::new(Registry::new(Vec::new()));
        Configs {
            defaults: Arc::new(Checker::defaults(&base_registry)),
            base_registry,
            roots,
            nearest: HashMap::new(),
            loaded: HashMap::new(),
            broken: HashMap::new(),
        }
    }

    /// The checker for the document at `path`; news of a configuration
    /// loaded for the first time goes to `news`.
    pub fn checker_for(&mut self, path: Option<&Path>, news: &mut Vec<ConfigNews>) -> Arc<Checker> {
        let folder = match path {
            Some(path) => path.parent().map(Path::to_path_buf),
            None => self.roots.first().cloned(),
        };
        let Some(folder) = folder else {
            return self.defaults.clone();
        };
        let found = self
            .nearest
            .entry(folder)
            .or_insert_with_key(|folder| config::discover(folder))
            .clone();
        let Some(config_path) = found else {
            return self.defaults.clone();
        };
        if !self.loaded.contains_key(&config_path) {
            let checker = self.load(&config_path, news);
            self.loaded.insert(config_path.clone(), checker);
        }
        self.loaded[&config_path]
            .clone()
            .unwrap_or_else(|| self.defaults.clone())
    }

    /// Forget every configuration (a galley.toml was created, changed or
    /// deleted) and check the broken ones again, so fixed errors are cleared.
    pub fn reload(&mut self, news: &mut Vec<ConfigNews>) {
        self.nearest.clear();
        self.loaded.clear();
        for (config_path, shown) in std::mem::take(&mut self.broken) {
            if config_path.is_file() {
                let checker = self.load(&config_path, news);
                self.loaded.insert(config_path.clone(), checker);
            }
            if self.broken.get(&config_path) != Some(&shown) {
                news.push(ConfigNews::Fixed { file: shown });
            }
        }
    }

    fn load(&mut self, config_path: &Path, news: &mut Vec<ConfigNews>) -> Option<Arc<Checker>> {
        let built = Config::load(config_path)
            .and_then(|config| Checker::new(config, &self.base_registry, &Overrides::default()));
        match built {
            Ok(checker) => Some(Arc::new(checker)),
            Err(error) => {
                // An error in a rule pack names the pack's file.
                let named = Path::new(error.source_code.name());
                let file = if named.is_absolute() && named.is_file() {
                    named.to_path_buf()
                } else {
                    config_path.to_path_buf()
                };
                self.broken.insert(config_path.to_path_buf(), file.clone());
                news.push(ConfigNews::Broken { file, error });
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn broken_files(news: &[ConfigNews]) -> Vec<&Path> {
        news.iter()
            .filter_map(|n| match n {
                ConfigNews::Broken { file, .. } => Some(file.as_path()),
                ConfigNews::Fixed { .. } => None,
            })
            .collect()
    }

    #[test]
    fn nearest_config_wins_and_broken_ones_fall_back_to_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("desk/wire")).unwrap();
        std::fs::write(root.join("galley.toml"), "ignore = [\"garbled\"]\n").unwrap();
        let broken = root.join("desk/wire/galley.toml");
        std::fs::write(&broken, "fial-on = \"error\"\n").unwrap();

        let mut configs = Configs::new(Vec::new());
        let mut news = Vec::new();
        let desk = configs.checker_for(Some(&root.join("desk/a.md")), &mut news);
        assert_eq!(
            desk.config.path.as_deref(),
            Some(root.join("galley.toml").as_path())
        );
        assert!(news.is_empty());

        let wire = configs.checker_for(Some(&root.join("desk/wire/a.md")), &mut news);
        assert_eq!(wire.config.path, None, "falls back to the defaults");
        assert_eq!(broken_files(&news), [broken.as_path()]);

        // Loaded once: no second report.
        news.clear();
        configs.checker_for(Some(&root.join("desk/wire/b.md")), &mut news);
        assert!(news.is_empty());

        std::fs::write(&broken, "fail-on = \"error\"\n").unwrap();
        configs.reload(&mut news);
        assert!(matches!(&news[..], [ConfigNews::Fixed { file }] if *file == broken));
        let wire = configs.checker_for(Some(&root.join("desk/wire/a.md")), &mut news);
        assert_eq!(wire.config.path.as_deref(), Some(broken.as_path()));
    }

    #[test]
    fn unsaved_buffers_use_the_workspace_root() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        std::fs::write(root.join("galley.toml"), "").unwrap();
        let mut news = Vec::new();
        let checker = Configs::new(vec![root.clone()]).checker_for(None, &mut news);
        assert_eq!(checker.config.path, Some(root.join("galley.toml")));
        let checker = Configs::new(Vec::new()).checker_for(None, &mut news);
        assert_eq!(checker.config.path, None);
    }
}
