//! `galley check`: find the files, check them in parallel (fixing them with
//! `--fix`), print the results in path order, exit 0/1/2.

use std::collections::{HashMap, HashSet};
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use super::{
    CliError, ColorChoice, ConfigArgs, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, OutputFormat,
    ordered, report_error,
};
use crate::baseline::{Baseline, Recorder};
use crate::config::{self, Config, ConfigError};
use crate::document::Document;
use crate::render::{self, FileResult, Renderer, Summary};
use crate::rules::{Diagnostic, Registry, RuleMeta, Severity};
use crate::source::{DecodeError, Format, Source};
use crate::workspace::{Checker, Overrides};
use crate::{fix, paths};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or folders to check; `-` reads standard input. Default: `.`.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Pretty)]
    pub format: OutputFormat,

    #[command(flatten)]
    pub config: ConfigArgs,

    /// Run only these rules or categories (comma-separated), replacing the
    /// configuration's `select`.
    #[arg(long, value_delimiter = ',', value_name = "RULE|CATEGORY")]
    pub select: Vec<String>,

    /// Do not run these rules or categories (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE|CATEGORY")]
    pub ignore: Vec<String>,

    /// Exit with 1 when a finding is at or above this severity [default: warning].
    #[arg(long, value_name = "SEVERITY", value_parser = parse_severity)]
    pub fail_on: Option<Severity>,

    /// The article's date (YYYY-MM-DD), for dates written without a year.
    #[arg(long, value_name = "DATE")]
    pub date: Option<jiff::civil::Date>,

    /// A facts sheet (people's names, pronouns, titles; organisations),
    /// replacing the configuration's `facts`.
    #[arg(long, value_name = "FILE")]
    pub facts: Option<PathBuf>,

    /// The path to report for standard input, which also picks its format.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<String>,

    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// Print files, words and time checked to standard error.
    #[arg(long)]
    pub statistics: bool,

    /// Color in pretty output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Apply safe fixes to the files, then report what remains.
    #[arg(long)]
    pub fix: bool,

    /// With --fix or --diff: apply unsafe fixes too (they may change the
    /// meaning; review them).
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print a unified diff of what --fix would change and write nothing;
    /// exit with 1 when there is something to fix.
    #[arg(long)]
    pub diff: bool,

    /// Report only findings that are not recorded in this baseline file.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,

    /// Record the current findings in FILE as the baseline and report
    /// nothing.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["fix", "diff"])]
    pub write_baseline: Option<PathBuf>,
}

/// What `--fix`/`--diff` do with a file's fixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FixMode {
    Off,
    /// `--fix`: write them.
    Write,
    /// `--diff`: show them.
    Diff,
}

impl FixMode {
    fn of(args: &CheckArgs) -> FixMode {
        if args.diff {
            FixMode::Diff
        } else if args.fix {
            FixMode::Write
        } else {
            FixMode::Off
        }
    }
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    s.parse()
        .map_err(|_| format!("`{s}` is not a severity: use error, warning or info"))
}

/// Something to check.
#[derive(Debug, Clone)]
enum Input {
    Stdin,
    File(PathBuf),
}

/// One checked file.
struct Checked {
    file: FileResult,
    /// Counted only for `--statistics` (a pass over every token).
    words: usize,
    /// What fixing did, with `--fix` or `--diff`.
    fixed: Option<Fixed>,
}

#[derive(Default)]
struct Fixed {
    /// Fixes applied (with `--diff`: that would be applied).
    fixes: usize,
    /// `--diff`: the unified diff; empty when nothing changes.
    diff: String,
    /// Why the fixed file was not written.
    error: Option<String>,
    /// Fixes still waiting when galley stopped fixing.
    pending: usize,
}

/// Where the results go.
enum Output {
    Render(Box<dyn Renderer>),
    /// `--diff`: the diffs, nothing else.
    Diff,
    /// `--write-baseline`: into the baseline file.
    Baseline(Recorder, PathBuf),
}

/// Why one file could not be checked; the run goes on without it.
enum Skip {
    /// Exit code 2: the user must fix something.
    Error(String),
    /// Reported, but not a failure (binary or oversized files inside folders).
    Notice(String),
}

pub fn run(args: CheckArgs) -> u8 {
    let started = Instant::now();
    if args.unsafe_fixes && !args.fix && !args.diff {
        report_error(
            CliError::new("--unsafe-fixes only works with --fix or --diff").with_help(
                "galley changes files only with --fix; --diff shows what it would change",
            ),
        );
        return EXIT_ERROR;
    }
    let mut exit = EXIT_CLEAN;
    let baseline = match args.baseline.as_deref().map(Baseline::load).transpose() {
        Ok(baseline) => baseline,
        Err(err) => {
            report_error(
                CliError::new(err.to_string())
                    .with_help("write one with `galley check --write-baseline FILE`"),
            );
            return EXIT_ERROR;
        }
    };
    let linters = match LinterCache::new(&args) {
        Ok(cache) => cache,
        Err(err) => {
            report_error(*err);
            return EXIT_ERROR;
        }
    };
    let (inputs, walk_errors) = collect_inputs(&args, &linters);
    for error in walk_errors {
        eprintln!("error: {error}");
        exit = EXIT_ERROR;
    }

    let mode = FixMode::of(&args);
    let threads = args.threads.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut output = if let Some(path) = &args.write_baseline {
        Output::Baseline(Recorder::new(path), path.clone())
    } else if mode == FixMode::Diff {
        Output::Diff
    } else {
        Output::Render(renderer(&args, &linters))
    };
    let mut summary = Summary::default();
    let mut words = 0;
    let mut bytes = 0;
    let mut failed = false;
    let (mut fixes, mut files_fixed, mut changed) = (0, 0, false);
    // Files are checked in parallel and reported in path order as soon as
    // each is ready; only a few are held in memory at a time.
    let check = |input: &Input| check_input(input, &args, &linters, baseline.as_ref(), mode);
    let reported = ordered::for_each_in_order(&inputs, threads, check, |result| {
        let checked = match result {
            Ok(checked) => checked,
            Err(Skip::Error(message)) => {
                eprintln!("error: {message}");
                exit = EXIT_ERROR;
                return Ok(());
            }
            Err(Skip::Notice(message)) => {
                eprintln!("note: {message}");
                return Ok(());
            }
        };
        let file = &checked.file;
        summary.add(file);
        words += checked.words;
        bytes += file.source.text.len();
        let fail_on = linters.fail_on_for(&file.source.path, args.fail_on);
        failed |= file.diagnostics.iter().any(|d| d.severity >= fail_on);
        if let Some(fixed) = &checked.fixed {
            if let Some(error) = &fixed.error {
                eprintln!("error: {}: {error}", file.source.path);
                exit = EXIT_ERROR;
            }
            if fixed.pending > 0 {
                eprintln!(
                    "note: {}: stopped after {} rounds of fixes with {} left; a rule's fixes keep changing the text",
                    file.source.path,
                    fix::MAX_PASSES,
                    fixed.pending
                );
            }
            fixes += fixed.fixes;
            files_fixed += usize::from(fixed.fixes > 0);
            changed |= !fixed.diff.is_empty();
        }
        match &mut output {
            Output::Render(renderer) => renderer.file(&mut out, file),
            Output::Diff => match &checked.fixed {
                Some(fixed) => out.write_all(fixed.diff.as_bytes()),
                None => Ok(()),
            },
            Output::Baseline(recorder, _) => {
                recorder.add(
                    Path::new(&file.source.path),
                    &file.source.text,
                    &file.diagnostics,
                );
                Ok(())
            }
        }
    });
    if let Err(err) = reported {
        return output_failed(err);
    }
    let finished = match &mut output {
        Output::Render(renderer) => renderer.finish(&mut out, &summary),
        Output::Diff => Ok(()),
        Output::Baseline(recorder, path) => {
            let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
            let written = folder
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(&*path, recorder.to_json()));
            match written {
                Ok(()) => eprintln!(
                    "recorded {} in {}",
                    count(recorder.len(), "finding"),
                    path.display()
                ),
                Err(err) => {
                    eprintln!("error: cannot write {}: {err}", path.display());
                    exit = EXIT_ERROR;
                }
            }
            Ok(())
        }
    };
    if let Err(err) = finished.and_then(|_| out.flush()) {
        return output_failed(err);
    }
    let fixed = format!(
        "{} in {}",
        count(fixes, "finding"),
        count(files_fixed, "file")
    );
    match mode {
        FixMode::Off => {}
        _ if fixes == 0 => eprintln!("nothing to fix"),
        FixMode::Write => eprintln!("fixed {fixed}"),
        FixMode::Diff => eprintln!("would fix {fixed}"),
    }
    if let Some(err) = linters.take_error() {
        report_error(*err);
        exit = EXIT_ERROR;
    }
    if args.statistics {
        let seconds = started.elapsed().as_secs_f64();
        eprintln!(
            "checked {} files, {} words, {:.1} MB in {:.3} s ({:.1} MB/s)",
            summary.files,
            words,
            bytes as f64 / 1e6,
            seconds,
            bytes as f64 / 1e6 / seconds.max(1e-9)
        );
    }
    let found = match (mode, &output) {
        (_, Output::Baseline(..)) => false,
        (FixMode::Diff, _) => changed,
        _ => failed,
    };
    if exit == EXIT_CLEAN && found {
        exit = EXIT_FINDINGS;
    }
    exit
}

fn renderer(args: &CheckArgs, linters: &LinterCache) -> Box<dyn Renderer> {
    match args.format {
        OutputFormat::Pretty => Box::new(render::Pretty::new(
            args.color.enabled(io::stdout().is_terminal()),
        )),
        OutputFormat::Concise => Box::new(render::Concise),
        OutputFormat::Json => Box::new(render::Json::default()),
        OutputFormat::Sarif => Box::new(render::Sarif::new(linters.rule_metas())),
        OutputFormat::Github => Box::new(render::Github::default()),
        OutputFormat::Rdjson => Box::new(render::Rdjson::default()),
    }
}

/// `1 finding`, `2 findings`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A closed pipe (`galley check | head`) is not an error worth a message.
fn output_failed(err: io::Error) -> u8 {
    if err.kind() != io::ErrorKind::BrokenPipe {
        eprintln!("error: cannot write output: {err}");
    }
    EXIT_ERROR
}

fn check_input(
    input: &Input,
    args: &CheckArgs,
    linters: &LinterCache,
    baseline: Option<&Baseline>,
    mode: FixMode,
) -> Result<Checked, Skip> {
    let (display, bytes, explicit) = match input {
        Input::Stdin => {
            let name = args.stdin_filename.clone().unwrap_or_else(|| "-".into());
            let limit = linters.max_file_size_for(&absolute(Path::new(&name)));
            // Read one byte past the limit, to know it is passed, and no more.
            let mut bytes = Vec::new();
            io::stdin()
                .take(limit.saturating_add(1))
                .read_to_end(&mut bytes)
                .map_err(|err| Skip::Error(format!("<stdin>: cannot read: {err}")))?;
            if bytes.len() as u64 > limit {
                return Err(Skip::Notice(format!(
                    "{name}: skipped, standard input is over the {limit}-byte limit (raise `max-file-size` in galley.toml to check it)"
                )));
            }
            (name, bytes, true)
        }
        Input::File(path) => {
            let display = paths::display(path);
            let limit = linters.max_file_size_for(path);
            let explicit = args.paths.iter().any(|p| p == path);
            let unreadable = |err| Skip::Error(paths::io_error_message(&display, path, &err));
            let size = std::fs::metadata(path).map_err(unreadable)?.len();
            if size > limit {
                return Err(Skip::Notice(format!(
                    "{display}: skipped, {size} bytes is over the {limit}-byte limit (raise `max-file-size` in galley.toml to check it)"
                )));
            }
            let bytes = std::fs::read(path).map_err(unreadable)?;
            (display, bytes, explicit)
        }
    };
    let format = Format::from_path(&display);
    let source =
        Source::from_bytes_with_format(display.clone(), bytes, format).map_err(
            |err| match err {
                DecodeError::Binary { .. } if !explicit => {
                    Skip::Notice(format!("{display}: {err}"))
                }
                _ => Skip::Error(format!("{display}: {err}")),
            },
        )?;
    let path = match input {
        Input::Stdin => std::env::current_dir().unwrap_or_default().join(&display),
        Input::File(path) => path.clone(),
    };
    let checker = linters.for_path(&path).ok_or_else(|| {
        Skip::Error(format!(
            "{display}: not checked: its configuration has errors"
        ))
    })?;
    let path = absolute(&path);
    // Everything galley reports for a text of this file: the rules, then the
    // suppression comments (inside the linter), per-path ignores, baseline.
    let lint = |doc: &Document| -> Vec<Diagnostic> {
        let mut diagnostics = checker.check_document(doc, Some(&path));
        if let Some(baseline) = baseline {
            baseline.retain_new(Path::new(&display), &doc.source.text, &mut diagnostics);
        }
        diagnostics
    };
    let doc = Document::new(&source);
    let words = if args.statistics { doc.word_count() } else { 0 };
    let diagnostics = lint(&doc);
    drop(doc);

    let fixable = diagnostics.iter().any(|d| {
        d.fix
            .as_ref()
            .is_some_and(|f| fix::wanted(f, args.unsafe_fixes))
    });
    if mode == FixMode::Off || !fixable {
        let fixed = (mode != FixMode::Off).then(Fixed::default);
        return Ok(Checked {
            file: FileResult {
                source,
                diagnostics,
            },
            words,
            fixed,
        });
    }
    let settled = fix::fix_until_settled(
        source.text.clone(),
        diagnostics.clone(),
        args.unsafe_fixes,
        |text| {
            lint(&Document::new(&Source::new(
                display.clone(),
                text.to_string(),
                format,
            )))
        },
    );
    let mut fixed = Fixed {
        fixes: settled.fixes,
        pending: settled.pending,
        ..Fixed::default()
    };
    // Does the file now hold the fixed text?
    let written = match (mode, input) {
        _ if settled.text == source.text => false,
        (FixMode::Diff, _) => {
            fixed.diff = fix::unified_diff(&display, &source.text, &settled.text);
            false
        }
        (_, Input::Stdin) => {
            fixed.error =
                Some("cannot write fixes to standard input; use --diff to see them".into());
            false
        }
        (_, Input::File(path)) => {
            match fix::write_if_unchanged(path, source.text.as_bytes(), settled.text.as_bytes()) {
                Ok(()) => true,
                Err(err) => {
                    fixed.error = Some(format!("not fixed: {err}"));
                    false
                }
            }
        }
    };
    if !written && fixed.diff.is_empty() {
        fixed.fixes = 0;
    }
    let file = if written {
        FileResult {
            source: Source::new(display, settled.text, format),
            diagnostics: settled.diagnostics,
        }
    } else {
        FileResult {
            source,
            diagnostics,
        }
    };
    Ok(Checked {
        file,
        words,
        fixed: Some(fixed),
    })
}

/// The files to check, sorted by path, and the errors met while looking.
fn collect_inputs(args: &CheckArgs, linters: &LinterCache) -> (Vec<Input>, Vec<String>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut stdin = false;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    for path in &paths {
        if path.as_os_str() == "-" {
            stdin = true;
            continue;
        }
        if let Err(err) = std::fs::metadata(path) {
            errors.push(paths::io_error_message(&paths::display(path), path, &err));
            continue;
        }
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let filter = linters.file_filter(path);
        for entry in ignore::WalkBuilder::new(path).require_git(false).build() {
            match entry {
                Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) => {
                    let file = entry.into_path();
                    if filter.wants(&file) {
                        files.push(file);
                    }
                }
                Ok(_) => {}
                Err(err) => errors.push(paths::walk_error_message(&err)),
            }
        }
    }
    files.sort();
    files.dedup();
    let mut inputs: Vec<Input> = files.into_iter().map(Input::File).collect();
    if stdin {
        inputs.push(Input::Stdin);
    }
    (inputs, errors)
}

/// Which files inside a folder are articles.
struct FileFilter {
    root: PathBuf,
    include: Vec<String>,
    exclude: Vec<String>,
}

impl FileFilter {
    fn wants(&self, path: &Path) -> bool {
        let relative = path
            .strip_prefix(&self.root)
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned();
        let included = if self.include.is_empty() {
            matches!(
                path.extension()
                    .and_then(|e| e.to_str())
                    .map(str::to_ascii_lowercase)
                    .as_deref(),
                Some("txt" | "md" | "markdown")
            )
        } else {
            self.include
                .iter()
                .any(|g| config::glob_matches(g, &relative))
        };
        included
            && !self
                .exclude
                .iter()
                .any(|g| config::glob_matches(g, &relative))
    }
}

/// Checkers by configuration file, built once each; files find theirs by
/// walking up to the nearest galley.toml unless `--config` names one.
struct LinterCache {
    explicit: Option<Arc<Checker>>,
    /// The checker for files no galley.toml governs. `None` when the command
    /// line selects a rule only a configuration's rule packs define: an
    /// error only if such a file is checked (`defaults_error`).
    defaults: Option<Arc<Checker>>,
    defaults_error: Mutex<Option<Box<ConfigError>>>,
    by_config: Mutex<HashMap<PathBuf, Option<Arc<Checker>>>>,
    by_dir: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    base_registry: Arc<Registry>,
    overrides: Overrides,
    /// The first configuration error met while checking, reported at the end.
    error: Mutex<Option<Box<ConfigError>>>,
}

impl LinterCache {
    fn new(args: &CheckArgs) -> Result<LinterCache, Box<ConfigError>> {
        let base_registry = Arc::new(Registry::new(Vec::new()));
        let overrides = Overrides {
            select: args.select.clone(),
            ignore: args.ignore.clone(),
            article_date: args.date,
            facts: args.facts.clone(),
        };
        let mut cache = LinterCache {
            explicit: None,
            defaults: None,
            defaults_error: Mutex::new(None),
            by_config: Mutex::new(HashMap::new()),
            by_dir: Mutex::new(HashMap::new()),
            base_registry,
            overrides,
            error: Mutex::new(None),
        };
        if let Some(path) = &args.config.config {
            let checker =
                Checker::new(Config::load(path)?, &cache.base_registry, &cache.overrides)?;
            cache.explicit = Some(Arc::new(checker));
            return Ok(cache);
        }
        match Checker::new(Config::defaults(), &cache.base_registry, &cache.overrides) {
            Ok(checker) => cache.defaults = Some(Arc::new(checker)),
            Err(err) if rule_packs_configured(args) => {
                *cache.defaults_error.lock().unwrap() = Some(err);
            }
            Err(err) => return Err(err),
        }
        Ok(cache)
    }

    /// The checker for a file at `path`; `None` when its galley.toml is broken.
    fn for_path(&self, path: &Path) -> Option<Arc<Checker>> {
        if let Some(explicit) = &self.explicit {
            return Some(explicit.clone());
        }
        let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let config_path = {
            let mut by_dir = self.by_dir.lock().unwrap();
            by_dir
                .entry(dir.clone())
                .or_insert_with(|| config::discover(&absolute(&dir)))
                .clone()
        };
        let Some(config_path) = config_path else {
            if self.defaults.is_none()
                && let Some(err) = self.defaults_error.lock().unwrap().take()
            {
                self.error.lock().unwrap().get_or_insert(err);
            }
            return self.defaults.clone();
        };
        let mut by_config = self.by_config.lock().unwrap();
        by_config
            .entry(config_path.clone())
            .or_insert_with(|| {
                let built = Config::load(&config_path)
                    .and_then(|c| Checker::new(c, &self.base_registry, &self.overrides));
                match built {
                    Ok(checker) => Some(Arc::new(checker)),
                    Err(err) => {
                        self.error.lock().unwrap().get_or_insert(err);
                        None
                    }
                }
            })
            .clone()
    }

    fn max_file_size_for(&self, path: &Path) -> u64 {
        self.for_path(path)
            .map_or(config::DEFAULT_MAX_FILE_SIZE, |c| c.config.max_file_size)
    }

    fn fail_on_for(&self, path: &str, cli: Option<Severity>) -> Severity {
        cli.or_else(|| {
            self.for_path(Path::new(path))
                .and_then(|c| c.config.fail_on)
        })
        .unwrap_or(Severity::Warning)
    }

    fn file_filter(&self, root: &Path) -> FileFilter {
        let checker = self.for_path(&root.join("_"));
        let (include, exclude) = checker.map_or_else(Default::default, |c| {
            (c.config.include.clone(), c.config.exclude.clone())
        });
        FileFilter {
            root: root.to_path_buf(),
            include,
            exclude,
        }
    }

    /// The metadata of every rule any configuration loaded so far knows,
    /// for renderers that describe rules (SARIF).
    fn rule_metas(&self) -> Vec<RuleMeta> {
        let by_config = self.by_config.lock().unwrap();
        let checkers = self
            .explicit
            .iter()
            .chain(self.defaults.iter())
            .chain(by_config.values().flatten());
        let mut seen = HashSet::new();
        let mut metas = Vec::new();
        for checker in checkers {
            for rule in checker.linter.registry().rules() {
                if seen.insert(rule.meta().id.clone()) {
                    metas.push(rule.meta().clone());
                }
            }
        }
        metas
    }

    fn take_error(&self) -> Option<Box<ConfigError>> {
        self.error.lock().unwrap().take()
    }
}

/// Does a galley.toml above one of the checked paths name rule packs? Then a
/// `--select` unknown to the built-in rules may be one of theirs.
fn rule_packs_configured(args: &CheckArgs) -> bool {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    paths.iter().filter(|p| p.as_os_str() != "-").any(|path| {
        let path = absolute(path);
        let dir = if path.is_dir() {
            path.as_path()
        } else {
            path.parent().unwrap_or(Path::new("."))
        };
        config::discover(dir)
            .and_then(|found| Config::load(&found).ok())
            .is_some_and(|c| !c.rule_packs.is_empty())
    })
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}
