//! The language server's message loop, over an in-memory connection: after
//! the handshake, each line of the input that is a JSON-RPC message goes to
//! the server, then `shutdown` and `exit`. The server must answer every
//! request, lint what it is given and stop, whatever the messages say.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| galley_fuzz::lsp_session(data));
