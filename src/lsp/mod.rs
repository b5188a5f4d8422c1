//! `galley lsp`: a language server over stdio. Editors get galley's findings
//! as diagnostics while the copy is written, with the rule's fix and
//! suppression comments as code actions.
//!
//! - [`server`]: the reader loop: handshake, requests, notifications, shutdown.
//! - [`documents`]: the open documents, kept current by full or incremental changes.
//! - [`worker`]: the lint thread, debounced, dropping results that went stale.
//! - [`configs`]: the nearest `galley.toml` per document, reloaded on change.
//! - [`convert`]: findings and configuration errors as protocol diagnostics.
//! - [`actions`]: code actions: fixes and suppressions.
//! - [`uri`]: `file:` URIs to paths and back.
//! - [`transport`]: the framed messages over stdin and stdout.

mod actions;
mod configs;
mod convert;
mod documents;
mod server;
mod transport;
mod uri;
mod worker;

pub use server::serve;

/// Serve over stdin and stdout until the client says `exit`. The exit code
/// is 0 after an orderly `shutdown`, 1 otherwise (as the protocol asks).
pub fn run() -> u8 {
    let (connection, io_threads) = transport::stdio();
    match serve(&connection) {
        Ok(code) => {
            drop(connection);
            // The reader stopped at `exit` or end of input; the writer stops
            // once every sender is gone, after flushing what is queued.
            if let Err(err) = io_threads.join() {
                eprintln!("galley lsp: {err}");
                return 1;
            }
            code
        }
        Err(err) => {
            eprintln!("galley lsp: {err}");
            1
        }
    }
}
