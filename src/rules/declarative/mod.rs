//! Declarative rules: rule packs written in TOML (`rules/*.toml`), embedded as
//! the default set and extended by folders named in the configuration.

use super::Rule;

/// The packs embedded in the binary.
pub fn embedded() -> Vec<Box<dyn Rule>> {
    Vec::new()
}

/// The packs in the folders a configuration names (`rule-packs`).
pub fn load_folders(
    _config: &crate::config::Config,
) -> Result<Vec<Box<dyn Rule>>, Box<crate::config::ConfigError>> {
    Ok(Vec::new())
}
