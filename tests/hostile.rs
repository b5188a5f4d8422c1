//! Hostile input: whatever galley is handed — bytes that are not UTF-8,
//! binary files, huge files, megabyte lines, Markdown nested ten thousand
//! deep, thousands of unpaired quotation marks, symbolic-link loops,
//! unreadable files, missing paths, standard input or output closed early —
//! it says clearly what it skipped and why, checks everything else, and
//! exits 0, 1 or 2, never with a panic, a hang or a damaged file.

#[cfg(unix)]
#[path = "common/anyone.rs"]
mod anyone;
#[path = "common/files.rs"]
mod files;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use files::folder;

const GLUED: &str = "The talks ended.Nothing was agreed.\n";

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn galley() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("galley"));
    cmd.env("NO_COLOR", "1").stdin(Stdio::null());
    cmd
}

fn run(cmd: &mut Command) -> Run {
    let output = cmd.output().unwrap();
    let run = Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked") && !run.stderr.contains("overflow"),
        "galley crashed: {}",
        run.stderr
    );
    run
}

/// `galley check --format concise ARGS` in `dir`.
fn check(dir: &Path, args: &[&str]) -> Run {
    run(galley()
        .current_dir(dir)
        .args(["check", "--format", "concise"])
        .args(args))
}

/// The concise lines reporting `rule` in `file`.
fn reported(run: &Run, file: &str, rule: &str) -> usize {
    run.stdout
        .lines()
        .filter(|l| l.starts_with(file) && l.contains(rule))
        .count()
}

#[test]
fn invalid_utf8_is_an_error_at_its_byte_and_the_rest_is_checked() {
    let dir = folder(&[
        ("bad.txt", b"Fine words.\nab\xffc\n"),
        ("good.txt", GLUED.as_bytes()),
    ]);
    let out = check(dir.path(), &["."]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "error: bad.txt: invalid UTF-8 at byte 14 (line 2, column 3); convert the file to UTF-8"
        ),
        "{}",
        out.stderr
    );
    assert_eq!(reported(&out, "good.txt", "garbled/missing-space"), 1);
}

#[test]
fn a_binary_file_in_a_folder_is_skipped_with_a_notice() {
    let dir = folder(&[
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("good.txt", GLUED.as_bytes()),
    ]);
    let out = check(dir.path(), &["."]);
    assert_eq!(out.code, Some(1), "findings in good.txt: {}", out.stderr);
    assert!(
        out.stderr
            .contains("note: photo.txt: binary file (NUL byte at offset 8); skipped"),
        "{}",
        out.stderr
    );
    assert_eq!(reported(&out, "good.txt", "garbled/missing-space"), 1);
    // Named on the command line, it is an error: the user asked for it.
    let out = check(dir.path(), &["photo.txt"]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(out.stderr.contains("error: photo.txt: binary file"));
}

#[test]
fn a_file_over_the_size_limit_is_skipped_without_being_read() {
    // The default limit is 10 MiB; the big file is written in the test's
    // own folder. Its glued sentence would be a finding if it were read.
    let dir = folder(&[("good.txt", GLUED.as_bytes())]);
    let mut big = fs::File::create(dir.path().join("big.txt")).unwrap();
    big.write_all(GLUED.as_bytes()).unwrap();
    let line = "Quiet words without any trouble in them at all.\n";
    for _ in 0..(10 * 1024 * 1024 / line.len() + 1) {
        big.write_all(line.as_bytes()).unwrap();
    }
    drop(big);
    let size = fs::metadata(dir.path().join("big.txt")).unwrap().len();
    let out = check(dir.path(), &["."]);
    assert!(
        out.stderr.contains(&format!(
            "note: big.txt: skipped, {size} bytes is over the 10485760-byte limit (raise `max-file-size` in galley.toml to check it)"
        )),
        "{}",
        out.stderr
    );
    assert_eq!(reported(&out, "big.txt", "garbled"), 0);
    assert_eq!(reported(&out, "good.txt", "garbled/missing-space"), 1);
    assert_eq!(out.code, Some(1));

    // The limit is configurable, for files and for standard input alike.
    fs::write(dir.path().join("galley.toml"), "max-file-size = 20\n").unwrap();
    let out = check(dir.path(), &["good.txt"]);
    assert!(
        out.stderr
            .contains("good.txt: skipped, 36 bytes is over the 20-byte limit"),
        "{}",
        out.stderr
    );
    let mut child = galley()
        .current_dir(dir.path())
        .args(["check", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // More than the limit; galley stops reading after it, so the write
    // may fail with a broken pipe.
    let _ = child.stdin.take().unwrap().write_all(&[b'a'; 64 * 1024]);
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("-: skipped, standard input is over the 20-byte limit"),
        "{stderr}"
    );
}

/// Words that make no finding, so that the test measures the reading and
/// not the reporting.
fn quiet_words(bytes: usize, line_every: Option<usize>) -> String {
    let words = "the council met on a cold morning and voted to keep its plan for \
                 the harbor while residents waited outside"
        .split(' ')
        .cycle();
    let mut text = String::with_capacity(bytes + 16);
    for (i, word) in words.enumerate() {
        if text.len() >= bytes {
            break;
        }
        let separator = match line_every {
            Some(n) if i % n == n - 1 => '\n',
            _ => ' ',
        };
        text.push_str(word);
        text.push(separator);
    }
    text
}

/// A megabyte on one line, and a megabyte paragraph of short lines, with no
/// punctuation at all: one sentence of 180,000 words. Linear cost in
/// sentence and paragraph length is measured by `scripts/linear_time.py`
/// (instruction counts at two sizes); here they must simply be checked.
#[test]
fn a_megabyte_line_and_a_megabyte_paragraph_without_punctuation() {
    let dir = folder(&[
        ("line.txt", quiet_words(1 << 20, None).as_bytes()),
        ("paragraph.txt", quiet_words(1 << 20, Some(9)).as_bytes()),
        ("paragraph.md", quiet_words(1 << 20, Some(9)).as_bytes()),
    ]);
    let out = check(dir.path(), &["--statistics", "."]);
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("checked 3 files"), "{}", out.stderr);
}

/// miette cannot lay out a column past 65,535 (Rust's formatting width
/// limit) and panicked on findings far along a long line; the pretty format
/// now gives such a finding its position and no snippet.
#[test]
fn findings_far_along_a_long_line_in_the_pretty_format() {
    let dir = folder(&[("line.txt", "the the ".repeat(12_000).as_bytes())]);
    let out = run(galley()
        .current_dir(dir.path())
        .args(["check", "--format", "pretty", "line.txt"]));
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    // The last findings sit past column 90,000.
    assert!(
        out.stdout.contains("line.txt:1:959") && out.stdout.contains("(line too long to show)"),
        "{}",
        &out.stdout[out.stdout.len().saturating_sub(500)..]
    );
}

/// Runs without whitespace used to cost the square of their length in the
/// tokenizer; with linear cost these take a moment.
#[test]
fn long_runs_of_marks_without_whitespace() {
    let dir = folder(&[
        ("stars.txt", "*".repeat(200_000).as_bytes()),
        ("brackets.md", "[".repeat(100_000).as_bytes()),
        ("ats.txt", "a@".repeat(100_000).as_bytes()),
    ]);
    let out = check(dir.path(), &["."]);
    assert!(matches!(out.code, Some(0 | 1)), "{}", out.stderr);
}

#[test]
fn markdown_nested_ten_thousand_deep() {
    let deep = 10_000;
    let nested_lists: String = (0..2_000)
        .map(|i| format!("{}- item.Next\n", "  ".repeat(i)))
        .collect();
    let dir = folder(&[
        (
            "quotes.md",
            format!("{}Deep words.Here\n", "> ".repeat(deep)).as_bytes(),
        ),
        (
            "lists.md",
            format!("{}Deep item.Here\n", "- ".repeat(deep)).as_bytes(),
        ),
        (
            "mixed.md",
            format!("{}Deep.Here\n", "> 1. ".repeat(deep / 2)).as_bytes(),
        ),
        ("indented.md", nested_lists.as_bytes()),
        (
            "inline.md",
            format!(
                "{0}a{1} {2}x{3} {4}\n",
                "*".repeat(deep),
                "*".repeat(deep),
                "[".repeat(deep),
                "]".repeat(deep),
                "<b>".repeat(deep)
            )
            .as_bytes(),
        ),
    ]);
    let out = check(dir.path(), &["."]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    for file in ["quotes.md", "lists.md", "mixed.md"] {
        assert_eq!(reported(&out, file, "garbled/missing-space"), 1, "{file}");
    }
}

#[test]
fn unpaired_quotation_marks_by_the_thousand() {
    let many = 5_000;
    let dir = folder(&[
        ("opening.txt", "“He said ".repeat(many).as_bytes()),
        ("closing.txt", "he said” ".repeat(many).as_bytes()),
        ("straight.txt", "\"a ".repeat(many).as_bytes()),
        ("single.txt", "‘a ’b 'c ".repeat(many).as_bytes()),
        (
            "paragraphs.md",
            "“Quote runs on.\n\n".repeat(many).as_bytes(),
        ),
    ]);
    let out = check(dir.path(), &["--select", "punctuation", "."]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(reported(&out, "closing.txt", "punctuation/") > 0);
}

#[cfg(unix)]
#[test]
fn symbolic_link_loops_are_reported_and_skipped() {
    use std::os::unix::fs::symlink;
    let dir = folder(&[("good.txt", GLUED.as_bytes())]);
    let root = dir.path();
    symlink(".", root.join("loop")).unwrap();
    symlink("b.txt", root.join("a.txt")).unwrap();
    symlink("a.txt", root.join("b.txt")).unwrap();
    symlink("nowhere.txt", root.join("dangling.txt")).unwrap();
    // In a folder, links are not followed: no loop, no hang.
    let out = check(root, &["."]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert_eq!(reported(&out, "good.txt", "garbled/missing-space"), 1);
    // Named on the command line, each says what is wrong with it.
    let out = check(root, &["a.txt", "dangling.txt", "good.txt"]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "error: a.txt: a symbolic link that leads back to itself (Too many levels of symbolic links (os error 40)); fix or remove the link"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("error: dangling.txt: a symbolic link to nothing; fix or remove the link"),
        "{}",
        out.stderr
    );
    assert_eq!(reported(&out, "good.txt", "garbled/missing-space"), 1);
}

/// Root reads everything, so as root (as in CI here) galley runs as nobody
/// through `setpriv`; where neither works the test says so and stops.
#[cfg(unix)]
#[test]
fn unreadable_files_and_folders_are_errors_and_the_rest_is_checked() {
    use std::os::unix::fs::PermissionsExt;
    let bin_dir = tempfile::tempdir().unwrap();
    fs::set_permissions(bin_dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let bin = anyone::galley_for_anyone(bin_dir.path());
    let dir = folder(&[
        ("secret.txt", GLUED.as_bytes()),
        ("locked/inner.txt", GLUED.as_bytes()),
        ("good.txt", GLUED.as_bytes()),
    ]);
    let root = dir.path();
    fs::set_permissions(root, fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(root.join("good.txt"), fs::Permissions::from_mode(0o644)).unwrap();
    fs::set_permissions(root.join("secret.txt"), fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(root.join("locked"), fs::Permissions::from_mode(0o000)).unwrap();

    let is_root = fs::read(root.join("secret.txt")).is_ok();
    let mut cmd = if is_root {
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        cmd
    } else {
        Command::new(&bin)
    };
    cmd.current_dir(root)
        .args(["check", "--format", "concise", "."])
        .env("NO_COLOR", "1")
        .stdin(Stdio::null());
    let Ok(output) = cmd.output() else {
        eprintln!("skipped: running as root and `setpriv` (util-linux) is missing");
        return;
    };
    fs::set_permissions(root.join("locked"), fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    for path in ["secret.txt", "locked"] {
        assert!(
            stderr.contains(&format!(
                "error: {path}: permission denied; make it readable (`chmod +r`) or leave it out (`exclude` in galley.toml)"
            )),
            "{path}: {stderr}"
        );
    }
    assert!(
        stdout.contains("good.txt:1:11: warning [garbled/missing-space]"),
        "{stdout}"
    );
}

#[test]
fn a_path_that_does_not_exist() {
    let dir = folder(&[("good.txt", GLUED.as_bytes())]);
    let out = check(dir.path(), &["missing.txt", "good.txt"]);
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr
            .contains("error: missing.txt: no such file or folder; check the path"),
        "{}",
        out.stderr
    );
    assert_eq!(reported(&out, "good.txt", "garbled/missing-space"), 1);
}

#[test]
fn standard_input_closed_early() {
    // Closed before anything was written: an empty text, nothing to say.
    let out = run(galley().args(["check", "--format", "concise", "-"]));
    assert_eq!(out.code, Some(0), "{}", out.stderr);

    // Closed in the middle of a character: the text is cut, and galley says
    // where, with the name it was given.
    let mut child = galley()
        .args(["check", "--stdin-filename", "draft.txt", "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all("Half a quotation mark: \u{201c}".as_bytes()[..25].as_ref())
        .unwrap();
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("error: draft.txt: invalid UTF-8 at byte 23 (line 1, column 24)"),
        "{stderr}"
    );
}

#[test]
fn standard_output_closed_early() {
    // `galley check | head -1`: the reader goes away mid-output.
    let dir = folder(&[("many.txt", GLUED.repeat(20_000).as_bytes())]);
    let mut child = galley()
        .current_dir(dir.path())
        .args(["check", "many.txt"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// `--fix` writes a file only if it still holds what galley read (the
/// mechanism, `fix::write_if_unchanged`, is tested directly in
/// tests/cli.rs); here, a fix run leaves every other file as it was and a
/// second run finds nothing to fix.
#[test]
fn fixing_leaves_no_damaged_or_stray_files() {
    let dir = folder(&[
        ("a.txt", GLUED.as_bytes()),
        ("bad.txt", b"ended.Nothing \xff\n"),
        ("photo.txt", b"ended.Nothing\x00"),
    ]);
    let out = check(dir.path(), &["--fix", "."]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert_eq!(
        fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        "The talks ended. Nothing was agreed.\n"
    );
    assert_eq!(
        fs::read(dir.path().join("bad.txt")).unwrap(),
        b"ended.Nothing \xff\n"
    );
    assert_eq!(
        fs::read(dir.path().join("photo.txt")).unwrap(),
        b"ended.Nothing\x00"
    );
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    let again = check(dir.path(), &["--fix", "a.txt"]);
    assert!(again.stderr.contains("nothing to fix"), "{}", again.stderr);
}

/// A pack from a stranger with a regular expression that does not parse,
/// or one so big it would take megabytes to compile: refused, pointing at
/// the pattern in the pack, and nothing is checked with a half-loaded pack.
#[test]
fn a_rule_pack_regex_that_is_invalid_or_huge_is_refused_with_its_line() {
    let pack = |pattern: &str| {
        format!(
            "[[rule]]\nid = \"style/ok\"\nkind = \"existence\"\nmessage = \"“{{match}}”\"\n\
             doc = \"Fine.\"\nwords = [\"tip of the iceberg\"]\n\n\
             [[rule]]\nid = \"style/pattern\"\nkind = \"existence\"\nmessage = \"“{{match}}”\"\n\
             doc = \"A pattern.\"\nregex = true\nwords = [\"fine\", {pattern:?}]\n"
        )
    };
    for (pattern, problem) in [
        ("(unclosed", "invalid regular expression: regex parse error"),
        (
            r"\w{1000}{1000}",
            "this regular expression compiles to more than the",
        ),
    ] {
        let dir = folder(&[
            ("galley.toml", b"rule-packs = [\"house\"]\n"),
            ("house/style.toml", pack(pattern).as_bytes()),
            ("a.txt", GLUED.as_bytes()),
        ]);
        let out = check(dir.path(), &["a.txt"]);
        assert_eq!(out.code, Some(2), "{pattern}: {}", out.stderr);
        assert!(out.stderr.contains(problem), "{pattern}: {}", out.stderr);
        assert!(
            out.stderr.contains("house/style.toml:14:18]"),
            "{pattern}: {}",
            out.stderr
        );
        assert_eq!(reported(&out, "a.txt", "garbled"), 0, "{}", out.stdout);
    }
}

/// A language client that claims a 100 TB message: lsp-server's reader
/// allocated what the header claimed and the server aborted; galley's
/// skips it, says so, and serves the messages that follow.
#[test]
fn a_language_client_claiming_a_huge_message() {
    let frame = |body: &str| format!("Content-Length: {}\r\n\r\n{body}", body.len());
    let mut input = frame(r#"{"jsonrpc":"2.0","method":"stray","params":{}}"#);
    input.push_str("Content-Length: 300000000\r\n\r\n");
    let mut child = galley()
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input.as_bytes()).unwrap();
    // The claimed message is 300 MB of padding, read and dropped, then a
    // real session.
    let padding = vec![b' '; 1 << 20];
    for _ in 0..286 {
        stdin.write_all(&padding).unwrap();
    }
    stdin
        .write_all(&vec![b' '; 300_000_000 - 286 * (1 << 20)])
        .unwrap();
    for body in [
        r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#,
        r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
        r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#,
        r#"{"jsonrpc":"2.0","method":"exit"}"#,
    ] {
        stdin.write_all(frame(body).as_bytes()).unwrap();
    }
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("skipped a message of 300000000 bytes, over the 268435456-byte limit"),
        "{stderr}"
    );
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(String::from_utf8_lossy(&output.stdout).contains(r#""id":2"#));
}
