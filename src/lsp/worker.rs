//! The lint thread. The reader loop hands it the newest text of a document
//! and goes straight back to reading; the worker waits out the debounce,
//! lints, and publishes, unless a newer version arrived meanwhile, in which
//! case the result is dropped and the newer version linted instead.

use std::collections::HashMap;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use lsp_server::{Message, Notification};
use lsp_types::notification::{LogMessage, Notification as _, PublishDiagnostics, ShowMessage};
use lsp_types::{LogMessageParams, MessageType, PublishDiagnosticsParams, ShowMessageParams, Uri};

use super::configs::{ConfigNews, Configs};
use super::{convert, uri};
use crate::document::Document;
use crate::rules::Diagnostic;
use crate::source::{Format, Source};

/// A document version to lint.
pub struct LintRequest {
    pub uri: Uri,
    pub version: i32,
    pub text: String,
    pub format: Format,
}

pub enum Job {
    /// Lint after `delay`, unless a newer version comes first.
    Lint {
        request: LintRequest,
        delay: Duration,
    },
    /// The document was closed: forget it and clear its diagnostics.
    Close(Uri),
    /// A configuration file changed: load configurations afresh. The reader
    /// loop follows this with a `Lint` for every open document.
    ReloadConfig,
}

/// The findings last published for a document, which code actions offer
/// fixes from while the document is still at `version`.
pub struct Linted {
    pub version: i32,
    pub diagnostics: Vec<Diagnostic>,
}

pub type LintResults = Mutex<HashMap<Uri, Linted>>;

pub struct Worker {
    jobs: mpsc::Sender<Job>,
    thread: JoinHandle<()>,
}

impl Worker {
    /// Start the thread; it publishes through `client` and records what it
    /// published in `results`. `roots` are the workspace folders.
    pub fn spawn(
        client: crossbeam_channel::Sender<Message>,
        results: Arc<LintResults>,
        roots: Vec<PathBuf>,
    ) -> Worker {
        let (jobs, receiver) = mpsc::channel();
        let state = State {
            jobs: receiver,
            client,
            results,
            configs: Configs::new(roots),
            pending: HashMap::new(),
            latest: HashMap::new(),
        };
        let thread = std::thread::Builder::new()
            .name("galley-lint".into())
            .spawn(move || state.run())
            .expect("can start a thread");
        Worker { jobs, thread }
    }

    pub fn send(&self, job: Job) {
        // The thread only stops when this handle is dropped.
        let _ = self.jobs.send(job);
    }

    /// Let the thread finish the job at hand and wait for it.
    pub fn stop(self) {
        drop(self.jobs);
        let _ = self.thread.join();
    }
}

struct Pending {
    request: LintRequest,
    due: Instant,
}

struct State {
    jobs: mpsc::Receiver<Job>,
    client: crossbeam_channel::Sender<Message>,
    results: Arc<LintResults>,
    configs: Configs,
    /// Versions waiting for their debounce to pass, one per document.
    pending: HashMap<Uri, Pending>,
    /// The newest version seen of each open document.
    latest: HashMap<Uri, i32>,
}

impl State {
    fn run(mut self) {
        loop {
            let next_due = self.pending.values().map(|p| p.due).min();
            let job = match next_due {
                None => self.jobs.recv().map_err(|_| RecvTimeoutError::Disconnected),
                Some(due) => self
                    .jobs
                    .recv_timeout(due.saturating_duration_since(Instant::now())),
            };
            match job {
                Ok(job) => self.accept(job),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return,
            }
            self.accept_queued();
            let now = Instant::now();
            let due = self
                .pending
                .iter()
                .filter(|(_, p)| p.due <= now)
                .min_by_key(|(_, p)| p.due)
                .map(|(uri, _)| uri.clone());
            if let Some(request) = due.and_then(|uri| self.pending.remove(&uri)) {
                self.lint(request.request);
            }
        }
    }

    fn accept_queued(&mut self) {
        while let Ok(job) = self.jobs.try_recv() {
            self.accept(job);
        }
    }

    fn accept(&mut self, job: Job) {
        match job {
            Job::Lint { request, delay } => {
                self.latest.insert(request.uri.clone(), request.version);
                let due = Instant::now() + delay;
                self.pending
                    .insert(request.uri.clone(), Pending { request, due });
            }
            Job::Close(uri) => {
                self.pending.remove(&uri);
                self.latest.remove(&uri);
                self.results.lock().unwrap().remove(&uri);
                self.publish(uri, Vec::new(), None);
            }
            Job::ReloadConfig => {
                let mut news = Vec::new();
                self.configs.reload(&mut news);
                self.report(news);
            }
        }
    }

    fn lint(&mut self, request: LintRequest) {
        let path = uri::to_path(&request.uri);
        let mut news = Vec::new();
        let checker = self.configs.checker_for(path.as_deref(), &mut news);
        self.report(news);
        let name = path.as_deref().map_or_else(
            || request.uri.as_str().to_string(),
            |p| p.display().to_string(),
        );
        let source = Source::new(name, request.text, request.format);
        let diagnostics = if source.text.len() as u64 > checker.config.max_file_size {
            Vec::new()
        } else {
            // A bug in one rule must not take the editor's linting down with
            // it: report it and go on with the next version.
            let linted = panic::catch_unwind(AssertUnwindSafe(|| {
                checker.check_document(&Document::new(&source), path.as_deref())
            }));
            match linted {
                Ok(diagnostics) => diagnostics,
                Err(_) => {
                    self.send(Notification::new(
                        LogMessage::METHOD.to_string(),
                        LogMessageParams {
                            typ: MessageType::ERROR,
                            message: format!(
                                "galley: internal error while linting {} (version {}); please report it",
                                source.path, request.version
                            ),
                        },
                    ));
                    return;
                }
            }
        };
        // A newer version or a close that came in while linting makes this
        // result stale.
        self.accept_queued();
        if self.latest.get(&request.uri) != Some(&request.version) {
            return;
        }
        let published = diagnostics
            .iter()
            .map(|d| convert::diagnostic(&source, &request.uri, d))
            .collect();
        self.results.lock().unwrap().insert(
            request.uri.clone(),
            Linted {
                version: request.version,
                diagnostics,
            },
        );
        self.publish(request.uri, published, Some(request.version));
    }

    /// Show configuration errors on their files, clear fixed ones, and say
    /// once that the defaults are in use.
    fn report(&self, news: Vec<ConfigNews>) {
        for item in news {
            let (file, diagnostics) = match item {
                ConfigNews::Broken { file, error } => {
                    let message = format!(
                        "galley: {} has an error; using the default rules until it is fixed: {}",
                        file.display(),
                        error.message
                    );
                    self.send(Notification::new(
                        ShowMessage::METHOD.to_string(),
                        ShowMessageParams {
                            typ: MessageType::WARNING,
                            message,
                        },
                    ));
                    (file, vec![convert::config_error(&error)])
                }
                ConfigNews::Fixed { file } => (file, Vec::new()),
            };
            if let Some(uri) = uri::from_path(&file) {
                self.publish(uri, diagnostics, None);
            }
        }
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        self.send(Notification::new(
            PublishDiagnostics::METHOD.to_string(),
            PublishDiagnosticsParams {
                uri,
                diagnostics,
                version,
            },
        ));
    }

    fn send(&self, notification: Notification) {
        // Fails only when the client is gone, and then nobody is listening.
        let _ = self.client.send(notification.into());
    }
}
