//! Command-line definitions and one module per subcommand.

mod check;
mod init;
mod inspect;
mod ordered;
mod rules;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// galley — a fast linter for news copy: garbled phrasing, names spelled two
/// ways, pronouns that do not fit, quotes that do not pair, facts that
/// contradict each other.
#[derive(Debug, Parser)]
#[command(name = "galley", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check files and folders (recursively; .gitignore-aware). `-` reads stdin.
    Check(check::CheckArgs),
    /// List every rule: id, category, default severity, fixable.
    Rules(rules::RulesArgs),
    /// Explain one rule.
    Rule(rules::RuleArgs),
    /// Write a commented starter galley.toml in the current folder.
    Init(init::InitArgs),
    /// Show the Document as galley sees it: paragraphs, sentences, quotations.
    Inspect(inspect::InspectArgs),
    /// Run the language server on stdin and stdout, for editors.
    Lsp,
}

/// Output formats of `galley check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// miette's report with the source snippet.
    Pretty,
    /// `path:line:col: severity [rule] message`, one line a finding.
    Concise,
    /// The JSON contract (version 1).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (annotations on pull requests).
    Github,
    /// reviewdog's rdjson (`reviewdog -f=rdjson`).
    Rdjson,
}

/// When to color output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    fn enabled(self, stream_is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => stream_is_terminal && std::env::var_os("NO_COLOR").is_none(),
        }
    }
}

/// Exit codes (DESIGN.md).
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

pub fn run(cli: Cli) -> ExitCode {
    let code = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Rules(args) => rules::list(args),
        Command::Rule(args) => rules::explain(args),
        Command::Init(args) => init::run(args),
        Command::Inspect(args) => inspect::run(args),
        Command::Lsp => crate::lsp::run(),
    };
    ExitCode::from(code)
}

/// Print an error the way every galley error looks: miette's report on stderr.
pub(crate) fn report_error(error: impl miette::Diagnostic + Send + Sync + 'static) {
    let report = miette::Report::new(error);
    eprintln!("{report:?}");
}

/// A plain error naming what and where, for errors without source context.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{message}")]
pub(crate) struct CliError {
    pub message: String,
    #[help]
    pub help: Option<String>,
}

impl CliError {
    pub fn new(message: impl Into<String>) -> CliError {
        CliError {
            message: message.into(),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> CliError {
        self.help = Some(help.into());
        self
    }
}

/// `--config` given on the command line, shared by subcommands that lint.
#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    /// Use this galley.toml instead of discovering one per file.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}
