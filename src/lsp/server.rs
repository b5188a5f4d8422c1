//! The reader loop. Every message is handled here quickly and in order;
//! anything slow (linting, loading configurations) goes to the worker.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _,
};
use lsp_types::request::{CodeActionRequest, RegisterCapability, Request as _, Shutdown};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern, InitializeParams,
    PositionEncodingKind, Registration, RegistrationParams, SaveOptions, ServerCapabilities,
    ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};

use super::actions;
use super::documents::{Documents, OpenDocument, lint_format};
use super::uri;
use super::worker::{Job, LintRequest, LintResults, Worker};
use crate::config;

/// How long typing must pause before a changed document is linted again.
pub const DEBOUNCE: Duration = Duration::from_millis(200);

/// Run the protocol on `connection`: initialize, then serve until `exit`.
/// Returns the process exit code.
pub fn serve(connection: &Connection) -> Result<u8, Box<dyn std::error::Error + Send + Sync>> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams =
        serde_json::from_value(params).map_err(|err| format!("bad initialize params: {err}"))?;
    let result = lsp_types::InitializeResult {
        capabilities: capabilities(),
        server_info: Some(ServerInfo {
            name: "galley".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    let result = serde_json::to_value(result).expect("the result serializes");
    connection.initialize_finish(id, result)?;
    let mut server = Server::new(connection, &params);
    server.watch_config_files(&params);
    let code = server.run();
    server.worker.stop();
    Ok(code)
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        // UTF-16 is the protocol's default and the one every client supports.
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            resolve_provider: Some(false),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

struct Server<'c> {
    connection: &'c Connection,
    documents: Documents,
    worker: Worker,
    results: Arc<LintResults>,
    versioned_edits: bool,
    shutting_down: bool,
}

impl<'c> Server<'c> {
    fn new(connection: &'c Connection, params: &InitializeParams) -> Server<'c> {
        let results = Arc::new(LintResults::default());
        let worker = Worker::spawn(
            connection.sender.clone(),
            results.clone(),
            workspace_roots(params),
        );
        let versioned_edits = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.workspace_edit.as_ref())
            .and_then(|e| e.document_changes)
            .unwrap_or(false);
        Server {
            connection,
            documents: Documents::default(),
            worker,
            results,
            versioned_edits,
            shutting_down: false,
        }
    }

    /// Ask the client to tell us when a galley.toml is created, changed or
    /// deleted, if it can watch files for us.
    fn watch_config_files(&self, params: &InitializeParams) {
        let can_watch = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        if !can_watch {
            return;
        }
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String(format!("**/{}", config::FILE_NAME)),
                kind: None,
            }],
        };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "galley-config-files".into(),
                method: DidChangeWatchedFiles::METHOD.into(),
                register_options: Some(serde_json::to_value(options).expect("serializes")),
            }],
        };
        self.send(Request::new(
            "galley/watch-config-files".to_string().into(),
            RegisterCapability::METHOD.into(),
            params,
        ));
    }

    /// Handle messages until `exit` (or the client goes away); the exit code.
    fn run(&mut self) -> u8 {
        while let Ok(message) = self.connection.receiver.recv() {
            match message {
                Message::Request(request) => self.request(request),
                Message::Notification(notification) if notification.method == "exit" => {
                    return if self.shutting_down { 0 } else { 1 };
                }
                // After `shutdown` only `exit` matters.
                Message::Notification(_) if self.shutting_down => {}
                Message::Notification(notification) => self.notification(notification),
                // The answer to our registration; nothing to do either way.
                Message::Response(_) => {}
            }
        }
        1
    }

    fn request(&mut self, request: Request) {
        let response = if self.shutting_down {
            Response::new_err(
                request.id,
                ErrorCode::InvalidRequest as i32,
                "the server is shutting down".into(),
            )
        } else if request.method == Shutdown::METHOD {
            self.shutting_down = true;
            Response::new_ok(request.id, ())
        } else if request.method == CodeActionRequest::METHOD {
            match serde_json::from_value::<CodeActionParams>(request.params) {
                Ok(params) => Response::new_ok(request.id, self.code_actions(params)),
                Err(err) => {
                    Response::new_err(request.id, ErrorCode::InvalidParams as i32, err.to_string())
                }
            }
        } else {
            Response::new_err(
                request.id,
                ErrorCode::MethodNotFound as i32,
                format!("galley does not handle {}", request.method),
            )
        };
        self.send(response);
    }

    fn notification(&mut self, notification: Notification) {
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(params) = notification
                    .extract::<lsp_types::DidOpenTextDocumentParams>(DidOpenTextDocument::METHOD)
                {
                    let item = params.text_document;
                    let Some(format) = lint_format(&item.uri, &item.language_id) else {
                        return;
                    };
                    self.documents
                        .open(item.uri.clone(), item.text, format, item.version);
                    self.lint(&item.uri, Duration::ZERO);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(params) = notification.extract::<lsp_types::DidChangeTextDocumentParams>(
                    DidChangeTextDocument::METHOD,
                ) {
                    let uri = params.text_document.uri;
                    let version = params.text_document.version;
                    if self
                        .documents
                        .change(&uri, version, params.content_changes)
                        .is_some()
                    {
                        self.lint(&uri, DEBOUNCE);
                    }
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Ok(params) = notification
                    .extract::<lsp_types::DidSaveTextDocumentParams>(DidSaveTextDocument::METHOD)
                {
                    let uri = params.text_document.uri;
                    if may_be_configuration(&uri) {
                        self.reload_config();
                    } else if self.documents.get(&uri).is_some() {
                        self.lint(&uri, Duration::ZERO);
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(params) = notification
                    .extract::<lsp_types::DidCloseTextDocumentParams>(DidCloseTextDocument::METHOD)
                {
                    let uri = params.text_document.uri;
                    if self.documents.get(&uri).is_some() {
                        self.documents.close(&uri);
                        self.worker.send(Job::Close(uri));
                    }
                }
            }
            DidChangeWatchedFiles::METHOD => {
                if let Ok(params) = notification.extract::<lsp_types::DidChangeWatchedFilesParams>(
                    DidChangeWatchedFiles::METHOD,
                ) && params
                    .changes
                    .iter()
                    .any(|change| may_be_configuration(&change.uri))
                {
                    self.reload_config();
                }
            }
            // Everything else (`initialized` again, `$/cancelRequest`,
            // `workspace/didChangeConfiguration`, ...) needs no answer.
            _ => {}
        }
    }

    fn lint(&self, uri: &Uri, delay: Duration) {
        if let Some(document) = self.documents.get(uri) {
            self.worker.send(Job::Lint {
                request: lint_request(uri, document),
                delay,
            });
        }
    }

    fn reload_config(&self) {
        self.worker.send(Job::ReloadConfig);
        for (uri, document) in self.documents.iter() {
            self.worker.send(Job::Lint {
                request: lint_request(uri, document),
                delay: Duration::ZERO,
            });
        }
    }

    fn code_actions(&self, params: CodeActionParams) -> Vec<lsp_types::CodeActionOrCommand> {
        let uri = &params.text_document.uri;
        let Some(document) = self.documents.get(uri) else {
            return Vec::new();
        };
        let results = self.results.lock().unwrap();
        // Fixes are byte offsets into the linted text: only offer them while
        // the document is still that text.
        let Some(linted) = results.get(uri).filter(|l| l.version == document.version) else {
            return Vec::new();
        };
        actions::code_actions(&actions::Request {
            uri,
            document,
            findings: &linted.diagnostics,
            range: params.range,
            only: params.context.only.as_deref(),
            versioned_edits: self.versioned_edits,
        })
    }

    fn send(&self, message: impl Into<Message>) {
        // Fails only once the client is gone; the loop then ends by itself.
        let _ = self.connection.sender.send(message.into());
    }
}

fn lint_request(uri: &Uri, document: &OpenDocument) -> LintRequest {
    LintRequest {
        uri: uri.clone(),
        version: document.version,
        text: document.source.text.clone(),
        format: document.source.format,
    }
}

/// A galley.toml, or a TOML file one may name (a facts sheet, a rule pack):
/// saving one reloads the configurations, which is cheap.
fn may_be_configuration(uri: &Uri) -> bool {
    uri::to_path(uri).is_some_and(|path| path.extension().is_some_and(|e| e == "toml"))
}

/// The workspace folders, where documents without a path find their config.
fn workspace_roots(params: &InitializeParams) -> Vec<PathBuf> {
    let folders = params.workspace_folders.iter().flatten().map(|f| &f.uri);
    #[allow(deprecated)] // Older clients send only `rootUri`.
    let root = params.root_uri.iter();
    folders.chain(root).filter_map(uri::to_path).collect()
}
