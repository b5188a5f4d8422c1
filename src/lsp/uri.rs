//! `file:` URIs, the protocol's names for documents, to paths and back.
//! Paths are what configuration discovery and `per-path-ignores` need; a
//! document that is not a file (an unsaved buffer) has no path.

use std::path::{Path, PathBuf};

use lsp_types::Uri;
use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};

/// Bytes a URI path must escape (RFC 3986: everything but unreserved
/// characters, sub-delimiters, `:`, `@` and `/`). Non-ASCII is always escaped.
const PATH_ESCAPES: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// The path a `file:` URI names; `None` for other schemes and for files on
/// another host.
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    let text = uri.as_str();
    let scheme_end = text.find(':')?;
    if !text[..scheme_end].eq_ignore_ascii_case("file") {
        return None;
    }
    let rest = text[scheme_end + 1..].strip_prefix("//")?;
    let path_start = rest.find('/')?;
    if !matches!(&rest[..path_start], "" | "localhost") {
        return None;
    }
    let path = &rest[path_start..];
    let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
    let bytes: Vec<u8> = percent_decode_str(path).collect();
    Some(path_from_bytes(bytes))
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    let text = String::from_utf8_lossy(&bytes);
    // `/C:/news/a.md` names `C:/news/a.md`.
    let text = match text.as_bytes() {
        [b'/', drive, b':', ..] if drive.is_ascii_alphabetic() => &text[1..],
        _ => &text,
    };
    PathBuf::from(text)
}

/// The `file:` URI of an absolute path.
pub fn from_path(path: &Path) -> Option<Uri> {
    let text = path.to_str()?.replace('\\', "/");
    let slash = if text.starts_with('/') { "" } else { "/" };
    let encoded = utf8_percent_encode(&text, PATH_ESCAPES);
    format!("file://{slash}{encoded}").parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(text: &str) -> Uri {
        text.parse().unwrap()
    }

    #[test]
    fn decodes_escaped_bytes() {
        assert_eq!(
            to_path(&uri("file:///home/ed/My%20Articles/caf%C3%A9.md")),
            Some(PathBuf::from("/home/ed/My Articles/café.md"))
        );
        assert_eq!(
            to_path(&uri("file://localhost/a.txt")),
            Some(PathBuf::from("/a.txt"))
        );
    }

    #[test]
    fn other_schemes_and_hosts_have_no_path() {
        assert_eq!(to_path(&uri("untitled:Untitled-1")), None);
        assert_eq!(to_path(&uri("file://server/share/a.md")), None);
    }

    #[test]
    fn round_trips() {
        let path = Path::new("/news/2022 #3/draft?[final]/é.md");
        let encoded = from_path(path).unwrap();
        assert_eq!(
            encoded.as_str(),
            "file:///news/2022%20%233/draft%3F%5Bfinal%5D/%C3%A9.md"
        );
        assert_eq!(to_path(&encoded).unwrap(), path);
    }
}
