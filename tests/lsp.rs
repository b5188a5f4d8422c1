//! `galley lsp` driven as an editor drives it: a subprocess speaking JSON-RPC
//! with Content-Length framing over stdin and stdout.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use serde_json::{Value, json};

/// Long enough for a loaded machine; only reached when the server is broken.
const PATIENCE: Duration = Duration::from_secs(60);

const RULE: &str = "garbled/missing-space";

struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    /// Messages read while waiting for something else.
    unread: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_galley"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("galley starts");
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().unwrap();
        let (sender, incoming) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            unread: Vec::new(),
            next_id: 1,
        }
    }

    /// Start and initialize, with the client capabilities given.
    fn initialized(capabilities: Value, root: Option<&Path>) -> Client {
        let mut client = Client::start();
        let root_uri = root.map(file_uri);
        let result = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root_uri,
                "capabilities": capabilities,
            }),
        );
        assert!(result.get("capabilities").is_some(), "{result}");
        client.notify("initialized", json!({}));
        client
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        let stdin = self.stdin.as_mut().expect("stdin open");
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Send a request and return its whole response.
    fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.expect(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none())
    }

    /// Send a request and return its result, which must not be an error.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.call(method, params);
        assert!(response.get("error").is_none(), "{response}");
        response["result"].clone()
    }

    /// The first message (already read or still to come) that `wanted`
    /// accepts; the others stay for later.
    fn expect(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.unread.iter().position(&wanted) {
            return self.unread.remove(i);
        }
        loop {
            let message = self
                .incoming
                .recv_timeout(PATIENCE)
                .expect("the server answers");
            if wanted(&message) {
                return message;
            }
            self.unread.push(message);
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Value {
        let message = self.expect(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        message["params"].clone()
    }

    /// Diagnostics for `uri` until those for `version` arrive.
    fn diagnostics_for_version(&mut self, uri: &str, version: i64) -> Value {
        loop {
            let params = self.diagnostics(uri);
            if params["version"] == version {
                return params;
            }
            let published = params["version"].as_i64().unwrap();
            assert!(published < version, "{params}");
        }
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
    }

    fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    fn code_actions(&mut self, uri: &str, line: u32, character: u32) -> Vec<Value> {
        let at = json!({"line": line, "character": character});
        let result = self.request(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": uri},
                "range": {"start": at, "end": at},
                "context": {"diagnostics": []},
            }),
        );
        result.as_array().expect("a list of actions").clone()
    }

    /// `shutdown`, `exit`, and the exit code.
    fn shut_down(mut self) -> i32 {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        self.wait()
    }

    fn wait(mut self) -> i32 {
        drop(self.stdin.take());
        self.child.wait().unwrap().code().expect("exited by itself")
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = Some(value.parse::<usize>().expect("a length"));
        }
    }
    let mut body = vec![0; length.expect("Content-Length header")];
    reader.read_exact(&mut body).ok()?;
    Some(serde_json::from_slice(&body).expect("JSON body"))
}

fn file_uri(path: &Path) -> String {
    let path = path.to_str().unwrap();
    assert!(
        !path.contains([' ', '%', '#', '?']),
        "keep test paths plain"
    );
    format!("file://{path}")
}

/// The LSP position (UTF-16) of the first `needle` in `text`, computed
/// independently of galley.
fn position_of(text: &str, needle: &str) -> Value {
    let offset = text.find(needle).unwrap();
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    json!({
        "line": text[..offset].matches('\n').count(),
        "character": text[line_start..offset].encode_utf16().count(),
    })
}

fn range_of(text: &str, needle: &str) -> Value {
    let start = position_of(text, needle);
    let mut end = start.clone();
    end["character"] =
        json!(start["character"].as_u64().unwrap() + needle.encode_utf16().count() as u64);
    json!({"start": start, "end": end})
}

fn codes(params: &Value) -> Vec<&str> {
    params["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("galley-lsp-")
        .tempdir()
        .unwrap()
}

/// A line with emoji and curly quotes before the defect, so UTF-16 columns
/// differ from bytes and from characters.
const ARTICLE: &str = "Lisbon talks\n\n“Peace” 😀 was near.talks ended on Monday.\n";

#[test]
fn initialize_announces_what_the_server_does() {
    let mut client = Client::start();
    let result = client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    let capabilities = &result["capabilities"];
    assert_eq!(capabilities["positionEncoding"], "utf-16");
    assert_eq!(capabilities["textDocumentSync"]["change"], 2, "incremental");
    assert_eq!(capabilities["textDocumentSync"]["openClose"], true);
    assert!(capabilities["textDocumentSync"]["save"].is_object());
    assert_eq!(
        capabilities["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix"])
    );
    assert_eq!(result["serverInfo"]["name"], "galley");
    client.notify("initialized", json!({}));
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn did_open_publishes_utf16_ranges_with_rule_ids() {
    let dir = temp_dir();
    let mut client = Client::initialized(json!({}), Some(dir.path()));
    // A document that is not an article is left alone: the first diagnostics
    // to arrive are the article's.
    client.open(
        &file_uri(&dir.path().join("main.rs")),
        "rust",
        "fn main.x() {}\n",
    );
    let uri = file_uri(&dir.path().join("lisbon.txt"));
    client.open(&uri, "plaintext", ARTICLE);
    let published = client.expect(|m| m["method"] == "textDocument/publishDiagnostics");
    let params = &published["params"];
    assert_eq!(params["uri"], uri);
    assert_eq!(params["version"], 1);
    let diagnostics = params["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{params}");
    let diagnostic = &diagnostics[0];
    assert_eq!(diagnostic["code"], RULE);
    assert_eq!(diagnostic["source"], "galley");
    assert_eq!(diagnostic["severity"], 2, "warning");
    // “ ” are one UTF-16 unit each, 😀 two: near.talks starts at 15.
    assert_eq!(
        diagnostic["range"],
        json!({"start": {"line": 2, "character": 15}, "end": {"line": 2, "character": 25}})
    );
    assert_eq!(diagnostic["range"], range_of(ARTICLE, "near.talks"));
    assert!(
        diagnostic["message"]
            .as_str()
            .unwrap()
            .contains("near.talks")
    );
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn markdown_gets_fix_and_disable_actions_plain_text_only_the_fix() {
    let dir = temp_dir();
    let mut client = Client::initialized(json!({}), Some(dir.path()));
    let markdown =
        "---\ntitle: Lisbon\n---\n\n# Lisbon talks\n\n“Peace” 😀 was near.talks ended.\n";
    let md_uri = file_uri(&dir.path().join("lisbon.md"));
    client.open(&md_uri, "markdown", markdown);
    assert_eq!(codes(&client.diagnostics(&md_uri)), [RULE]);

    let at = position_of(markdown, "near.talks");
    let line = at["line"].as_u64().unwrap() as u32;
    let actions = client.code_actions(&md_uri, line, 16);
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Replace “talks” with “ Talks” (garbled/missing-space)",
            "Disable garbled/missing-space for this line",
            "Disable garbled/missing-space for this file",
        ]
    );
    let edits = |action: &Value| action["edit"]["changes"][&md_uri].clone();
    let fix = &actions[0];
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(fix["diagnostics"][0]["code"], RULE);
    let talks = position_of(markdown, "talks ended");
    let mut talks_end = talks.clone();
    talks_end["character"] = json!(talks["character"].as_u64().unwrap() + 5);
    assert_eq!(
        edits(fix),
        json!([{"range": {"start": talks, "end": talks_end}, "newText": " Talks"}])
    );
    let line_start = json!({"line": line, "character": 0});
    assert_eq!(
        edits(&actions[1]),
        json!([{"range": {"start": line_start, "end": line_start},
                "newText": "<!-- galley-disable-next-line garbled/missing-space -->\n"}])
    );
    assert!(actions[1].get("isPreferred").is_none());
    let after_front_matter = json!({"line": 3, "character": 0});
    assert_eq!(
        edits(&actions[2]),
        json!([{"range": {"start": after_front_matter, "end": after_front_matter},
                "newText": "<!-- galley-disable garbled/missing-space -->\n"}])
    );
    // Nothing to offer away from the finding.
    assert!(client.code_actions(&md_uri, 0, 0).is_empty());

    let txt_uri = file_uri(&dir.path().join("lisbon.txt"));
    client.open(&txt_uri, "plaintext", ARTICLE);
    assert_eq!(codes(&client.diagnostics(&txt_uri)), [RULE]);
    let actions = client.code_actions(&txt_uri, 2, 20);
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert!(actions[0]["title"].as_str().unwrap().starts_with("Replace"));
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn labels_become_related_information_and_unsafe_fixes_are_not_preferred() {
    let dir = temp_dir();
    let mut client = Client::initialized(json!({}), Some(dir.path()));
    let text = "Nora Gorman met the engineers on Monday.\n\nLater, Garman said the repairs had been useful.\n";
    let uri = file_uri(&dir.path().join("names.txt"));
    client.open(&uri, "plaintext", text);
    let params = client.diagnostics(&uri);
    let diagnostic = params["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "names/inconsistent-spelling")
        .expect("the misspelt surname is flagged")
        .clone();
    assert_eq!(diagnostic["range"], range_of(text, "Garman"));
    assert_eq!(
        diagnostic["relatedInformation"],
        json!([{
            "location": {"uri": uri, "range": range_of(text, "Nora Gorman")},
            "message": "first named here",
        }])
    );
    let at = position_of(text, "Garman");
    let actions = client.code_actions(&uri, 2, at["character"].as_u64().unwrap() as u32);
    let fix = actions
        .iter()
        .find(|a| a["diagnostics"][0]["code"] == "names/inconsistent-spelling")
        .expect("the spelling fix is offered");
    assert_eq!(
        fix["title"],
        "Replace “Garman” with “Gorman” (names/inconsistent-spelling)"
    );
    assert!(fix.get("isPreferred").is_none(), "{fix}");
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn versioned_edits_for_clients_that_take_them() {
    let dir = temp_dir();
    let capabilities = json!({"workspace": {"workspaceEdit": {"documentChanges": true}}});
    let mut client = Client::initialized(capabilities, Some(dir.path()));
    let uri = file_uri(&dir.path().join("lisbon.txt"));
    client.open(&uri, "plaintext", ARTICLE);
    client.diagnostics(&uri);
    let actions = client.code_actions(&uri, 2, 20);
    let change = &actions[0]["edit"]["documentChanges"][0];
    assert_eq!(change["textDocument"], json!({"uri": uri, "version": 1}));
    assert_eq!(change["edits"][0]["newText"], " Talks");
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn incremental_and_full_changes_relint_the_new_text() {
    let dir = temp_dir();
    let mut client = Client::initialized(json!({}), Some(dir.path()));
    let uri = file_uri(&dir.path().join("lisbon.txt"));
    client.open(&uri, "plaintext", ARTICLE);
    assert_eq!(codes(&client.diagnostics(&uri)), [RULE]);

    // Type the missing space, in UTF-16 coordinates after the emoji.
    let dot = position_of(ARTICLE, ".talks");
    let mut after_dot = dot.clone();
    after_dot["character"] = json!(dot["character"].as_u64().unwrap() + 1);
    client.change(
        &uri,
        2,
        json!([{"range": {"start": after_dot, "end": after_dot}, "text": " "}]),
    );
    let params = client.diagnostics_for_version(&uri, 2);
    assert!(codes(&params).is_empty(), "{params}");

    // Several quick edits, typing `.so` after "ended": whatever is published
    // in between, the last diagnostics are those of the last version.
    let mut text = ARTICLE.replace("near.talks", "near. talks");
    for (version, typed) in [(3, "."), (4, "s"), (5, "o")] {
        let at = position_of(&text, " on Monday");
        client.change(
            &uri,
            version,
            json!([{"range": {"start": at, "end": at}, "text": typed}]),
        );
        let offset = text.find(" on Monday").unwrap();
        text.insert_str(offset, typed);
    }
    let params = client.diagnostics_for_version(&uri, 5);
    assert_eq!(codes(&params), [RULE]);
    assert_eq!(
        params["diagnostics"][0]["range"],
        range_of(&text, "ended.so")
    );

    // A change without a range replaces the whole text.
    let replacement = "New copy.\n\nFirst line.second line.\n";
    client.change(&uri, 6, json!([{"text": replacement}]));
    let params = client.diagnostics_for_version(&uri, 6);
    assert_eq!(
        params["diagnostics"][0]["range"],
        range_of(replacement, "line.second")
    );

    // Closing clears the diagnostics.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    let params = client.diagnostics(&uri);
    assert_eq!(params["diagnostics"], json!([]));
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn config_changes_reload_and_broken_configs_fall_back_to_defaults() {
    let dir = temp_dir();
    let root = dir.path().canonicalize().unwrap();
    let config = root.join("galley.toml");
    std::fs::write(&config, "ignore = [\"garbled\"]\n").unwrap();
    let mut client = Client::initialized(json!({}), Some(&root));
    let uri = file_uri(&root.join("desk/lisbon.txt"));
    client.open(&uri, "plaintext", ARTICLE);
    assert!(codes(&client.diagnostics(&uri)).is_empty());

    // The editor's file watcher reports the change.
    std::fs::write(&config, "ignore = [\"punctuation\"]\n").unwrap();
    let config_uri = file_uri(&config);
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 2}]}),
    );
    assert_eq!(codes(&client.diagnostics(&uri)), [RULE]);

    // A broken file is an error on the file, a warning to the user, and the
    // defaults for the documents.
    let broken = "# House rules\nignore = [\"garbled\"]\nfial-on = \"error\"\n";
    std::fs::write(&config, broken).unwrap();
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config_uri}}),
    );
    let params = client.diagnostics(&config_uri);
    let error = &params["diagnostics"][0];
    assert_eq!(error["severity"], 1);
    assert_eq!(error["source"], "galley");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("unknown field `fial-on`"),
        "{error}"
    );
    assert_eq!(error["range"]["start"], json!({"line": 2, "character": 0}));
    let shown = client.expect(|m| m["method"] == "window/showMessage");
    assert_eq!(shown["params"]["type"], 2, "a warning");
    assert_eq!(codes(&client.diagnostics(&uri)), [RULE], "defaults apply");

    // Fixing it clears the error and applies the file again.
    std::fs::write(&config, "ignore = [\"garbled\"]\n").unwrap();
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config_uri}}),
    );
    assert_eq!(client.diagnostics(&config_uri)["diagnostics"], json!([]));
    assert!(codes(&client.diagnostics(&uri)).is_empty());

    // An error in the facts sheet it names shows on the sheet; saving the
    // corrected sheet clears it.
    let facts = root.join("facts.toml");
    std::fs::write(&facts, "[[person]]\nname = \"Gorman\"\n").unwrap();
    std::fs::write(&config, "ignore = [\"garbled\"]\nfacts = \"facts.toml\"\n").unwrap();
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config_uri}}),
    );
    let facts_uri = file_uri(&facts);
    let params = client.diagnostics(&facts_uri);
    let error = &params["diagnostics"][0];
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("not a full name"),
        "{error}"
    );
    assert_eq!(error["range"]["start"], json!({"line": 1, "character": 7}));
    std::fs::write(&facts, "[[person]]\nname = \"Nora Gorman\"\n").unwrap();
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": facts_uri}}),
    );
    assert_eq!(client.diagnostics(&facts_uri)["diagnostics"], json!([]));
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn clients_that_watch_files_are_asked_to_watch_galley_toml() {
    let capabilities =
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}});
    let mut client = Client::initialized(capabilities, None);
    let request = client.expect(|m| m["method"] == "client/registerCapability");
    let registration = &request["params"]["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    assert_eq!(
        registration["registerOptions"]["watchers"][0]["globPattern"],
        "**/galley.toml"
    );
    let id = request["id"].clone();
    client.send(json!({"jsonrpc": "2.0", "id": id, "result": null}));
    assert_eq!(client.shut_down(), 0);
}

#[test]
fn shutdown_then_exit_ends_cleanly_and_refuses_requests_in_between() {
    let mut client = Client::initialized(json!({}), None);
    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    let refused = client.call("textDocument/codeAction", json!({}));
    assert_eq!(refused["error"]["code"], -32600, "InvalidRequest");
    client.notify("exit", Value::Null);
    assert_eq!(client.wait(), 0);
}

#[test]
fn exit_without_shutdown_is_an_error_exit() {
    let mut client = Client::initialized(json!({}), None);
    client.notify("exit", Value::Null);
    assert_eq!(client.wait(), 1);
}

#[test]
fn unknown_requests_get_method_not_found() {
    let mut client = Client::initialized(json!({}), None);
    let response = client.call("textDocument/hover", json!({}));
    assert_eq!(response["error"]["code"], -32601);
    assert_eq!(client.shut_down(), 0);
}

/// Found by fuzzing the message loop: a dateline followed by a code fence
/// left a paragraph with no sentence, and the lint thread panicked; the
/// editor then got an internal error instead of diagnostics.
#[test]
fn a_dateline_alone_before_a_code_fence_is_linted() {
    let dir = temp_dir();
    let mut client = Client::initialized(json!({}), Some(dir.path()));
    let uri = file_uri(&dir.path().join("festival.md"));
    client.open(
        &uri,
        "markdown",
        "# Harbor festival\n\nPORTLAND, Maine — \n```\ncode\n```\n\nThe talks ended.Nothing was agreed.\n",
    );
    let params = client.diagnostics(&uri);
    assert_eq!(codes(&params), ["garbled/missing-space"], "{params}");
    assert_eq!(client.shut_down(), 0);
}
