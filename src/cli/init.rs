//! `galley init`: write a commented starter galley.toml.

use std::path::PathBuf;

use super::{CliError, EXIT_CLEAN, EXIT_ERROR, report_error};
use crate::config::{FILE_NAME, STARTER};

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// Folder to write galley.toml into.
    #[arg(default_value = ".")]
    pub dir: PathBuf,

    /// Replace an existing galley.toml.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: InitArgs) -> u8 {
    let path = args.dir.join(FILE_NAME);
    if path.exists() && !args.force {
        report_error(
            CliError::new(format!("{} already exists", path.display()))
                .with_help("pass --force to replace it"),
        );
        return EXIT_ERROR;
    }
    match std::fs::write(&path, STARTER) {
        Ok(()) => {
            eprintln!("wrote {}", path.display());
            EXIT_CLEAN
        }
        Err(err) => {
            report_error(CliError::new(format!(
                "cannot write {}: {err}",
                path.display()
            )));
            EXIT_ERROR
        }
    }
}
