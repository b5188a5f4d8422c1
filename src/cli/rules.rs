//! `galley rules` and `galley rule ID`.

use serde::Serialize;

use super::{CliError, ConfigArgs, EXIT_CLEAN, EXIT_ERROR, report_error};
use crate::config::{self, Config, ConfigError};
use crate::rules::{Category, Fixable, Registry, Severity, declarative};

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,

    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct RuleArgs {
    /// The rule's id, e.g. `garbled/missing-space`.
    pub id: String,

    #[command(flatten)]
    pub config: ConfigArgs,
}

/// Every rule, with the rule packs of the galley.toml given or found from
/// the current folder.
fn registry(args: &ConfigArgs) -> Result<Registry, Box<ConfigError>> {
    let found = match &args.config {
        Some(path) => Some(path.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|dir| config::discover(&dir)),
    };
    let packs = match found {
        Some(path) => declarative::load_folders(&Config::load(&path)?)?,
        None => Vec::new(),
    };
    Ok(Registry::new(packs))
}

#[derive(Serialize)]
struct RuleRow<'a> {
    id: &'a str,
    category: Category,
    severity: Severity,
    fixable: Fixable,
    summary: &'a str,
}

pub fn list(args: RulesArgs) -> u8 {
    let registry = match registry(&args.config) {
        Ok(registry) => registry,
        Err(err) => {
            report_error(*err);
            return EXIT_ERROR;
        }
    };
    let rows: Vec<RuleRow> = registry
        .rules()
        .map(|r| {
            let meta = r.meta();
            RuleRow {
                id: &meta.id,
                category: meta.category,
                severity: meta.default_severity,
                fixable: meta.fixable,
                summary: meta.summary(),
            }
        })
        .collect();
    match args.format {
        ListFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&rows).expect("rows serialize")
        ),
        ListFormat::Text => {
            let width = rows.iter().map(|r| r.id.len()).max().unwrap_or(0);
            println!(
                "{:width$}  {:11}  {:7}  {:9}  summary",
                "id", "category", "default", "fixable"
            );
            for row in &rows {
                let fixable = match row.fixable {
                    Fixable::Never => "no",
                    Fixable::Sometimes => "sometimes",
                    Fixable::Always => "yes",
                };
                println!(
                    "{:width$}  {:11}  {:7}  {:9}  {}",
                    row.id,
                    row.category.as_str(),
                    row.severity.as_str(),
                    fixable,
                    row.summary
                );
            }
        }
    }
    EXIT_CLEAN
}

pub fn explain(args: RuleArgs) -> u8 {
    let registry = match registry(&args.config) {
        Ok(registry) => registry,
        Err(err) => {
            report_error(*err);
            return EXIT_ERROR;
        }
    };
    let Some(rule) = registry.get(&args.id) else {
        let mut error = CliError::new(format!("unknown rule `{}`", args.id));
        if let Some(suggestion) = registry.resolve(&args.id).err().and_then(|u| u.suggestion) {
            {
                error = error.with_help(format!(
                    "did you mean `{suggestion}`? `galley rules` lists them all"
                ));
            }
        }
        report_error(error);
        return EXIT_ERROR;
    };
    let meta = rule.meta();
    println!("# {}\n", meta.id);
    println!(
        "category: {} · default severity: {} · fixable: {}\n",
        meta.category,
        meta.default_severity,
        match meta.fixable {
            Fixable::Never => "no",
            Fixable::Sometimes => "sometimes",
            Fixable::Always => "yes",
        }
    );
    println!("{}", meta.doc.trim_end());
    EXIT_CLEAN
}
