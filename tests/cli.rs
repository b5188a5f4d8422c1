//! `galley check` from the outside: every output format and exit code,
//! `--fix`, `--unsafe-fixes` and `--diff` (content after, idempotence,
//! atomicity, permissions), suppression comments, per-path ignores and the
//! baseline round trip.

#[cfg(unix)]
#[path = "common/anyone.rs"]
mod anyone;
mod common;
#[path = "common/files.rs"]
mod files;

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use common::sarif_errors;

use files::text_folder;

const GLUED: &str = "They offered a meeting.nothing talk, and nothing came of it.\n";
const FIXED: &str = "They offered a meeting. Nothing talk, and nothing came of it.\n";

fn galley(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("galley").unwrap();
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let output = cmd.output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// The rules these tests are about; selecting only them keeps rules that
/// land later from changing the expected output.
const RULES: &str = "garbled/missing-space,style/invalid-suppression";

fn check(dir: &Path, args: &[&str]) -> Run {
    run(galley(dir).args(["check", "--select", RULES]).args(args))
}

fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).unwrap()
}

/// The lines of a run's output.
fn findings(run: &Run) -> Vec<&str> {
    run.stdout.lines().collect()
}

// ---------------------------------------------------------------- formats

#[test]
fn every_format_reports_and_sets_the_exit_code() {
    let dir = text_folder(&[("a.txt", GLUED), ("clean.md", "All is well here.\n")]);
    for format in ["pretty", "concise", "json", "sarif", "github", "rdjson"] {
        let dirty = check(dir.path(), &["--format", format, "."]);
        assert_eq!(dirty.code, 1, "{format}: {}", dirty.stderr);
        assert!(dirty.stdout.contains("meeting.nothing"), "{format}");
        let clean = check(dir.path(), &["--format", format, "clean.md"]);
        assert_eq!(clean.code, 0, "{format}: {}", clean.stderr);
        let lenient = check(
            dir.path(),
            &["--format", format, "--fail-on", "error", "a.txt"],
        );
        assert_eq!(lenient.code, 0, "{format}");
        let missing = check(dir.path(), &["--format", format, "nope.txt"]);
        assert_eq!(missing.code, 2, "{format}");
    }
}

#[test]
fn machine_formats_are_what_their_readers_expect() {
    let dir = text_folder(&[("desk/a b.txt", GLUED), ("clean.md", "All is well here.\n")]);

    let json: serde_json::Value =
        serde_json::from_str(&check(dir.path(), &["--format", "json", "."]).stdout).unwrap();
    assert_eq!(json["summary"]["files"], 2);
    assert_eq!(json["files"][1]["path"], "desk/a b.txt");

    let sarif: serde_json::Value =
        serde_json::from_str(&check(dir.path(), &["--format", "sarif", "."]).stdout).unwrap();
    assert_eq!(sarif_errors(&sarif), Vec::<String>::new());
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "garbled/missing-space");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "desk/a%20b.txt"
    );
    let clean: serde_json::Value =
        serde_json::from_str(&check(dir.path(), &["--format", "sarif", "clean.md"]).stdout)
            .unwrap();
    assert_eq!(sarif_errors(&clean), Vec::<String>::new());

    // Absolute paths inside the current folder are reported relative to it.
    let absolute = dir.path().join("desk/a b.txt");
    let github = check(
        dir.path(),
        &["--format", "github", absolute.to_str().unwrap()],
    );
    assert_eq!(
        github.stdout,
        "::warning file=desk/a b.txt,line=1,col=16,endLine=1,endColumn=31,title=garbled/missing-space::missing space after “.” in “meeting.nothing”\n"
    );

    let rdjson: serde_json::Value =
        serde_json::from_str(&check(dir.path(), &["--format", "rdjson", "desk"]).stdout).unwrap();
    let diagnostic = &rdjson["diagnostics"][0];
    assert_eq!(diagnostic["location"]["path"], "desk/a b.txt");
    assert_eq!(diagnostic["suggestions"][0]["text"], " Nothing");
}

// ------------------------------------------------------------------ fixes

#[test]
fn galley_never_writes_without_fix() {
    let dir = text_folder(&[("a.txt", GLUED)]);
    for format in ["pretty", "concise", "json", "sarif", "github", "rdjson"] {
        check(dir.path(), &["--format", format, "a.txt"]);
    }
    assert_eq!(read(dir.path(), "a.txt"), GLUED);
}

#[test]
fn fix_applies_safe_fixes_reports_what_remains_and_is_idempotent() {
    let remaining = "<!-- galley-disable garbled/mising-space -->\n\nStill fine here.\n";
    let dir = text_folder(&[("a.txt", GLUED), ("b.md", remaining)]);
    let first = check(dir.path(), &["--fix", "--format", "concise", "."]);
    assert_eq!(read(dir.path(), "a.txt"), FIXED);
    assert_eq!(read(dir.path(), "b.md"), remaining, "the unsafe fix waits");
    // Only what remains is reported: an info, which does not fail the run.
    assert_eq!(
        findings(&first),
        [
            "b.md:1:21: info [style/invalid-suppression] unknown rule or category `garbled/mising-space` in a suppression comment"
        ]
    );
    assert_eq!(first.code, 0);
    assert_eq!(first.stderr, "fixed 1 finding in 1 file\n");

    let second = check(dir.path(), &["--fix", "--format", "concise", "."]);
    assert_eq!(read(dir.path(), "a.txt"), FIXED);
    assert_eq!(second.stderr, "nothing to fix\n");
    assert_eq!(findings(&second), findings(&first));
}

#[test]
fn unsafe_fixes_only_when_asked_and_only_with_fix_or_diff() {
    let text = "<!-- galley-disable garbled/mising-space -->\n\nA meeting.nothing talk.\n";
    let dir = text_folder(&[("b.md", text)]);
    let alone = check(dir.path(), &["--unsafe-fixes", "b.md"]);
    assert_eq!(alone.code, 2);
    assert!(
        alone
            .stderr
            .contains("--unsafe-fixes only works with --fix or --diff")
    );

    let fixed = check(
        dir.path(),
        &["--fix", "--unsafe-fixes", "--format", "concise", "b.md"],
    );
    assert_eq!(
        read(dir.path(), "b.md"),
        "<!-- galley-disable garbled/missing-space -->\n\nA meeting. Nothing talk.\n"
    );
    assert_eq!(fixed.stdout, "");
    assert_eq!(fixed.code, 0);
}

#[test]
fn diff_prints_what_fix_would_do_and_writes_nothing() {
    let dir = text_folder(&[("a.txt", GLUED), ("clean.txt", "Fine.\n")]);
    let before = fs::metadata(dir.path().join("a.txt"))
        .unwrap()
        .modified()
        .unwrap();
    let diff = check(dir.path(), &["--diff", "."]);
    assert_eq!(
        diff.stdout,
        format!("--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-{GLUED}+{FIXED}")
    );
    assert_eq!(diff.code, 1);
    assert_eq!(diff.stderr, "would fix 1 finding in 1 file\n");
    assert_eq!(read(dir.path(), "a.txt"), GLUED);
    let after = fs::metadata(dir.path().join("a.txt"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(before, after);
    // --fix --diff still only shows.
    check(dir.path(), &["--fix", "--diff", "a.txt"]);
    assert_eq!(read(dir.path(), "a.txt"), GLUED);

    let nothing = check(dir.path(), &["--diff", "clean.txt"]);
    assert_eq!((nothing.code, nothing.stdout.as_str()), (0, ""));
}

#[test]
fn standard_input_can_be_diffed_but_not_fixed() {
    let dir = text_folder(&[]);
    let diff = run(galley(dir.path())
        .args([
            "check",
            "--select",
            RULES,
            "--diff",
            "--stdin-filename",
            "in.txt",
            "-",
        ])
        .write_stdin(GLUED));
    assert!(
        diff.stdout.contains(&format!("+{FIXED}")),
        "{}",
        diff.stdout
    );
    let fix = run(galley(dir.path())
        .args([
            "check", "--select", RULES, "--fix", "--format", "concise", "-",
        ])
        .write_stdin(GLUED));
    assert_eq!(fix.code, 2);
    assert!(
        fix.stderr.contains("cannot write fixes to standard input"),
        "{}",
        fix.stderr
    );
    assert_eq!(findings(&fix).len(), 1, "the findings are still reported");
}

#[cfg(unix)]
#[test]
fn fixing_keeps_permissions_and_symbolic_links() {
    use std::os::unix::fs::PermissionsExt;
    let dir = text_folder(&[("a.txt", GLUED), ("real/b.txt", GLUED)]);
    let a = dir.path().join("a.txt");
    fs::set_permissions(&a, fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink("real/b.txt", dir.path().join("link.txt")).unwrap();
    let run = check(dir.path(), &["--fix", "a.txt", "link.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(read(dir.path(), "a.txt"), FIXED);
    assert_eq!(
        fs::metadata(&a).unwrap().permissions().mode() & 0o777,
        0o640
    );
    let link = fs::symlink_metadata(dir.path().join("link.txt")).unwrap();
    assert!(link.file_type().is_symlink(), "the link stays a link");
    assert_eq!(read(dir.path(), "real/b.txt"), FIXED);
    // No temporary file is left behind.
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with(".galley-")),
        "{names:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_is_reported_and_left_alone() {
    use std::os::unix::fs::PermissionsExt;
    let bin_dir = tempfile::tempdir().unwrap();
    fs::set_permissions(bin_dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let bin = anyone::galley_for_anyone(bin_dir.path());
    let dir = text_folder(&[("a.txt", GLUED)]);
    let a = dir.path().join("a.txt");
    fs::set_permissions(&a, fs::Permissions::from_mode(0o644)).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();

    // Root writes anywhere; run galley as nobody then (setpriv, util-linux).
    let privileged = fs::File::create(dir.path().join("probe")).is_ok();
    let mut cmd = if privileged {
        let _ = fs::remove_file(dir.path().join("probe"));
        let mut cmd = std::process::Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        cmd
    } else {
        std::process::Command::new(&bin)
    };
    let output = cmd
        .current_dir(dir.path())
        .args(["check", "--fix", "--format", "concise", "a.txt"])
        .output()
        .expect("setpriv runs (util-linux)");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("a.txt: not fixed: Permission denied"),
        "{stderr}"
    );
    assert_eq!(read(dir.path(), "a.txt"), GLUED);
    // The finding is still reported, against the unchanged file.
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("1:16: warning [garbled/missing-space]")
    );
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "nothing else was created");
}

#[test]
fn a_file_changed_after_it_was_read_is_not_overwritten() {
    let dir = text_folder(&[("a.txt", GLUED)]);
    let path = dir.path().join("a.txt");
    let as_read = fs::read(&path).unwrap();
    // Someone saves the file while galley is fixing it.
    let theirs = "Their newer version.\n";
    fs::write(&path, theirs).unwrap();
    let err = galley::fix::write_if_unchanged(&path, &as_read, FIXED.as_bytes()).unwrap_err();
    assert!(matches!(err, galley::fix::WriteError::Changed), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs);
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
    // Unchanged, it is replaced.
    galley::fix::write_if_unchanged(&path, theirs.as_bytes(), FIXED.as_bytes()).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), FIXED);
}

// ----------------------------------------------------------- suppressions

#[test]
fn suppression_comments_in_markdown() {
    let text = "\
One meeting.nothing talk. <!-- galley-disable garbled/mising-space -->

<!-- galley-disable garbled -->

Two meeting.nothing talks.

<!-- galley-enable garbled/missing-space -->

Three meeting.nothing talks.

<!-- galley-disable-next-line garbled/missing-space -- quoted verbatim -->
Four meeting.nothing talks.
Five meeting.nothing talks.

<!-- galley-disable -->

Six meeting.nothing talks. <!-- galley-disable garbled/no-such-rule -->
";
    let dir = text_folder(&[("a.md", text)]);
    let run = check(dir.path(), &["--format", "concise", "a.md"]);
    assert_eq!(
        findings(&run),
        [
            "a.md:1:5: warning [garbled/missing-space] missing space after “.” in “meeting.nothing”",
            "a.md:1:47: info [style/invalid-suppression] unknown rule or category `garbled/mising-space` in a suppression comment",
            "a.md:9:7: warning [garbled/missing-space] missing space after “.” in “meeting.nothing”",
            "a.md:13:6: warning [garbled/missing-space] missing space after “.” in “meeting.nothing”",
        ],
        "{}",
        run.stdout
    );
    // The invalid-suppression finding is a rule like any other.
    let ignored = check(
        dir.path(),
        &["--format", "concise", "--ignore", "style", "a.md"],
    );
    assert_eq!(findings(&ignored).len(), 3);
}

#[test]
fn suppression_comments_do_not_apply_to_plain_text() {
    let dir = text_folder(&[(
        "a.txt",
        "<!-- galley-disable -->\n\nA meeting.nothing talk.\n",
    )]);
    let run = check(dir.path(), &["--format", "concise", "a.txt"]);
    assert_eq!(findings(&run).len(), 1);
}

// -------------------------------------------------------- per-path ignores

#[test]
fn per_path_ignores_apply_to_text_and_markdown() {
    let dir = text_folder(&[
        (
            "galley.toml",
            "[per-path-ignores]\n\"wire/**\" = [\"garbled\"]\n\"*.md\" = [\"garbled/missing-space\"]\n",
        ),
        ("wire/a.txt", GLUED),
        ("wire/b.md", GLUED),
        ("own/c.txt", GLUED),
        ("own/d.md", GLUED),
    ]);
    let paths = |run: &Run| -> Vec<String> {
        run.stdout
            .lines()
            .map(|l| l.split(':').next().unwrap().to_string())
            .collect()
    };
    let discovered = check(dir.path(), &["--format", "concise", "."]);
    assert_eq!(paths(&discovered), ["own/c.txt"]);
    let named = check(
        dir.path(),
        &["--format", "concise", "--config", "galley.toml", "."],
    );
    assert_eq!(paths(&named), ["own/c.txt"]);
    // Named relative to another folder, with `..`.
    let from_below = check(
        &dir.path().join("wire"),
        &[
            "--format",
            "concise",
            "--config",
            "../galley.toml",
            "a.txt",
            "b.md",
            "../own",
        ],
    );
    assert_eq!(paths(&from_below), ["../own/c.txt"]);
    // Ignored findings are not fixed either.
    check(dir.path(), &["--fix", "."]);
    assert_eq!(read(dir.path(), "wire/a.txt"), GLUED);
    assert_eq!(read(dir.path(), "own/d.md"), GLUED);
    assert_eq!(read(dir.path(), "own/c.txt"), FIXED);
}

// ---------------------------------------------------------------- baseline

#[test]
fn baseline_round_trip_survives_edits_elsewhere() {
    let intro = "An introduction long enough to keep its distance from the finding.\n\n";
    let dir = text_folder(&[
        ("desk/a.txt", &format!("{intro}{GLUED}")),
        ("desk/b.txt", GLUED),
    ]);
    let write = check(
        dir.path(),
        &["--write-baseline", "ci/baseline.json", "desk"],
    );
    assert_eq!(write.code, 0, "{}", write.stderr);
    assert_eq!(write.stdout, "");
    assert_eq!(write.stderr, "recorded 2 findings in ci/baseline.json\n");
    let baseline: serde_json::Value =
        serde_json::from_str(&read(dir.path(), "ci/baseline.json")).unwrap();
    assert_eq!(baseline["version"], 1);
    assert_eq!(
        baseline["findings"][0]["path"], "../desk/a.txt",
        "relative to the baseline"
    );
    assert_eq!(baseline["findings"][0]["count"], 1);

    let quiet = check(
        dir.path(),
        &[
            "--baseline",
            "ci/baseline.json",
            "--format",
            "concise",
            "desk",
        ],
    );
    assert_eq!((quiet.code, quiet.stdout.as_str()), (0, ""));

    // Edit elsewhere: a paragraph above, the lines below shifted.
    fs::write(
        dir.path().join("desk/a.txt"),
        format!("A new first paragraph, added later.\n\n{intro}{GLUED}\nA fresh meeting.fruitless aside here.\n"),
    )
    .unwrap();
    // A second copy of an accepted finding is new.
    fs::write(dir.path().join("desk/b.txt"), format!("{GLUED}\n{GLUED}")).unwrap();
    let new = check(
        dir.path(),
        &[
            "--baseline",
            "ci/baseline.json",
            "--format",
            "concise",
            "desk",
        ],
    );
    assert_eq!(
        new.stdout,
        "desk/a.txt:7:9: warning [garbled/missing-space] missing space after “.” in “meeting.fruitless”\n\
         desk/b.txt:3:16: warning [garbled/missing-space] missing space after “.” in “meeting.nothing”\n"
    );
    assert_eq!(new.code, 1);

    // From another working folder the baseline still matches.
    let elsewhere = check(
        &dir.path().join("desk"),
        &[
            "--baseline",
            "../ci/baseline.json",
            "--format",
            "concise",
            "a.txt",
        ],
    );
    assert_eq!(elsewhere.stdout.lines().count(), 1, "{}", elsewhere.stdout);
}

#[test]
fn baseline_misuse_is_a_usage_error() {
    let dir = text_folder(&[
        ("a.txt", GLUED),
        ("bad.json", "{\"version\": 7, \"findings\": []}"),
    ]);
    let both = check(
        dir.path(),
        &[
            "--baseline",
            "x.json",
            "--write-baseline",
            "y.json",
            "a.txt",
        ],
    );
    assert_eq!(both.code, 2);
    let with_fix = check(
        dir.path(),
        &["--fix", "--write-baseline", "y.json", "a.txt"],
    );
    assert_eq!(with_fix.code, 2);
    let missing = check(dir.path(), &["--baseline", "none.json", "a.txt"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("cannot read baseline none.json"),
        "{}",
        missing.stderr
    );
    let version = check(dir.path(), &["--baseline", "bad.json", "a.txt"]);
    assert_eq!(version.code, 2);
    assert!(
        version.stderr.contains("version 7 baseline"),
        "{}",
        version.stderr
    );
    assert_eq!(read(dir.path(), "a.txt"), GLUED);
}

// ------------------------------------------------------- threads, statistics

#[test]
fn output_is_in_path_order_whatever_the_number_of_threads() {
    let files: Vec<(String, String)> = (0..40)
        .map(|i| {
            // Sizes vary so that files finish out of order.
            let text = GLUED.repeat(1 + (i * 7) % 30);
            (format!("d{}/f{i:02}.txt", i % 3), text)
        })
        .collect();
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect();
    let dir = text_folder(&files);
    let one = check(dir.path(), &["--format", "concise", "--threads", "1", "."]);
    assert_eq!(one.code, 1, "{}", one.stderr);
    let paths: Vec<&str> = findings(&one)
        .iter()
        .map(|line| line.split(':').next().unwrap())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    for threads in ["2", "5"] {
        let many = check(
            dir.path(),
            &["--format", "concise", "--threads", threads, "."],
        );
        assert_eq!(many.stdout, one.stdout, "--threads {threads}");
        assert_eq!(many.code, 1);
    }
}

#[test]
fn statistics_count_files_words_and_bytes() {
    let dir = text_folder(&[
        ("a.txt", "One two three.\n"),
        ("b.md", "# Four\n\nFive, 6 seven `code` eight.\n"),
    ]);
    let run = check(dir.path(), &["--statistics", "--format", "json", "."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Words are word tokens of the prose: not numbers, not Markdown code.
    let line = run.stderr.lines().last().unwrap();
    assert!(
        line.starts_with("checked 2 files, 7 words, 0.0 MB in "),
        "{line}"
    );
    assert!(line.ends_with(" MB/s)"), "{line}");
}
