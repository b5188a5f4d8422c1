//! The `galley` command: parse the command line, call the library, map the
//! outcome to an exit code (0 clean, 1 findings, 2 usage/config/I/O error).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = galley::cli::Cli::parse();
    galley::cli::run(cli)
}
