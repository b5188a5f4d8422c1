//! The protocol over standard input and output: JSON-RPC messages framed by
//! `Content-Length` headers. lsp-server's own stdio reader allocates
//! whatever length a header claims, so one bad header
//! (`Content-Length: 100000000000000`) aborted the server, and a large one
//! would fill the memory. This reader skips a message over [`MAX_MESSAGE`]
//! without keeping its bytes, and one that is not JSON-RPC, and goes on.

use std::io::{self, BufRead, Read};
use std::thread::{self, JoinHandle};

use crossbeam_channel::Sender;
use lsp_server::{Connection, Message};

/// The longest message galley reads: a document far over the default
/// `max-file-size` (10 MiB), even with every character escaped in JSON.
pub const MAX_MESSAGE: usize = 256 * 1024 * 1024;

/// A header line longer than this is not a header.
const MAX_HEADER_LINE: u64 = 1024;

/// The reader and writer threads of a stdio connection.
pub struct Transport {
    reader: JoinHandle<io::Result<()>>,
    writer: JoinHandle<io::Result<()>>,
}

impl Transport {
    /// Wait for the reader (which stops at `exit` or end of input) and the
    /// writer (which stops once every sender is gone, after writing what
    /// is queued).
    pub fn join(self) -> io::Result<()> {
        let reader = self
            .reader
            .join()
            .map_err(|_| io::Error::other("reader panicked"))?;
        let writer = self
            .writer
            .join()
            .map_err(|_| io::Error::other("writer panicked"))?;
        reader.and(writer)
    }
}

/// A connection over standard input and output.
pub fn stdio() -> (Connection, Transport) {
    let (writer_sender, writer_receiver) = crossbeam_channel::bounded::<Message>(0);
    let writer = thread::Builder::new()
        .name("galley-lsp-writer".into())
        .spawn(move || {
            let mut stdout = io::stdout().lock();
            writer_receiver
                .into_iter()
                .try_for_each(|message| message.write(&mut stdout))
        })
        .expect("can start a thread");
    let (reader_sender, reader_receiver) = crossbeam_channel::bounded::<Message>(0);
    let reader = thread::Builder::new()
        .name("galley-lsp-reader".into())
        .spawn(move || read_messages(&mut io::stdin().lock(), &reader_sender))
        .expect("can start a thread");
    let connection = Connection {
        sender: writer_sender,
        receiver: reader_receiver,
    };
    (connection, Transport { reader, writer })
}

/// Hand the messages of `input` to `server` until the end of input, an
/// `exit` notification, or a header that is not one (after which the
/// stream cannot be followed).
pub fn read_messages(input: &mut impl BufRead, server: &Sender<Message>) -> io::Result<()> {
    while let Some(length) = read_header(input)? {
        if length > MAX_MESSAGE {
            eprintln!(
                "galley lsp: skipped a message of {length} bytes, over the {MAX_MESSAGE}-byte limit"
            );
            io::copy(&mut input.take(length as u64), &mut io::sink())?;
            continue;
        }
        let mut body = vec![0; length];
        input.read_exact(&mut body)?;
        let message = match serde_json::from_slice::<Message>(&body) {
            Ok(message) => message,
            Err(err) => {
                eprintln!("galley lsp: skipped a message that is not JSON-RPC: {err}");
                continue;
            }
        };
        let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
        if server.send(message).is_err() || exit {
            break;
        }
    }
    Ok(())
}

/// The `Content-Length` of the next message; `None` at the end of input.
fn read_header(input: &mut impl BufRead) -> io::Result<Option<usize>> {
    let invalid = |what: String| io::Error::new(io::ErrorKind::InvalidData, what);
    let mut length = None;
    let mut line = String::new();
    loop {
        line.clear();
        if input.take(MAX_HEADER_LINE).read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let Some(header) = line.strip_suffix("\r\n") else {
            return Err(invalid(format!("malformed header: {line:?}")));
        };
        if header.is_empty() {
            break;
        }
        let (name, value) = header
            .split_once(": ")
            .ok_or_else(|| invalid(format!("malformed header: {header:?}")))?;
        if name.eq_ignore_ascii_case("Content-Length") {
            let parsed = value
                .parse()
                .map_err(|_| invalid(format!("bad Content-Length: {value:?}")))?;
            length = Some(parsed);
        }
    }
    length
        .map(Some)
        .ok_or_else(|| invalid("a message without Content-Length".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framed(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    fn read_all(input: &[u8]) -> (io::Result<()>, Vec<Message>) {
        let (sender, receiver) = crossbeam_channel::unbounded();
        let result = read_messages(&mut io::BufReader::new(input), &sender);
        drop(sender);
        (result, receiver.into_iter().collect())
    }

    #[test]
    fn messages_over_the_limit_or_not_json_rpc_are_skipped() {
        let huge = format!("Content-Length: {}\r\n\r\n", MAX_MESSAGE + 1);
        let input = [
            framed(r#"{"jsonrpc":"2.0","method":"a","params":null}"#),
            framed("{not json"),
            huge,
        ]
        .concat();
        let (result, messages) = read_all(input.as_bytes());
        assert!(result.is_ok());
        assert_eq!(messages.len(), 1);
    }

    #[test]
    fn a_claimed_length_is_never_allocated() {
        // 100 TB claimed: skipped, not allocated; the input simply ends.
        let input = "Content-Length: 100000000000000\r\n\r\nabc";
        let (result, messages) = read_all(input.as_bytes());
        assert!(result.is_ok());
        assert!(messages.is_empty());
        let (result, _) = read_all(b"Content-Length: 18446744073709551616\r\n\r\n");
        assert!(result.is_err(), "a length past usize is a bad header");
    }

    #[test]
    fn reading_stops_at_exit_and_at_a_broken_header() {
        let input = [
            framed(r#"{"jsonrpc":"2.0","method":"exit"}"#),
            framed(r#"{"jsonrpc":"2.0","method":"after"}"#),
        ]
        .concat();
        let (result, messages) = read_all(input.as_bytes());
        assert!(result.is_ok());
        assert_eq!(messages.len(), 1);
        let endless = "X".repeat(10_000);
        let (result, messages) = read_all(endless.as_bytes());
        assert!(result.is_err());
        assert!(messages.is_empty());
    }
}
