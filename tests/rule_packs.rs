//! House rule packs end to end: a folder named by `rule-packs` in galley.toml
//! adds rules, overrides default ones, and reports its mistakes in place.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

const HOUSE_PACK: &str = r#"
[[rule]]
id = "style/utilize"
kind = "substitution"
severity = "warning"
message = "write “{suggestion}” for “{match}”"
fix = "safe"
doc = """
House style: plain verbs.

## Why
Our readers prefer short words.

## Example
Bad: `We utilize it.`

Good: `We use it.`
"""
[rule.swap]
"utilize" = "use"
"utilized" = "used"

# Tighter than the default pack's limit, which this replaces.
[[rule]]
id = "style/long-sentence"
kind = "occurrence"
severity = "info"
message = "{count} words (house limit {max})"
doc = "House sentence length."
count = "words"
per = "sentence"
max = 12
"#;

const ARTICLE: &str = "Council vote\n\nThe council utilized its reserves on Monday. \
It voted to spend the money on roads, bridges, schools and a new library downtown.\n";

fn project(pack: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "galley.toml",
        "rule-packs = [\"house-style\"]\n",
    );
    write(dir.path(), "house-style/house.toml", pack);
    write(dir.path(), "article.txt", ARTICLE);
    dir
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn galley(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("galley").unwrap();
    command.current_dir(dir);
    command
}

fn json(output: &[u8]) -> serde_json::Value {
    serde_json::from_slice(output).expect("JSON output")
}

#[test]
fn house_rules_run_and_replace_default_ones() {
    let dir = project(HOUSE_PACK);
    let output = galley(dir.path())
        .args([
            "check",
            "--format",
            "json",
            "--select",
            "style",
            "article.txt",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report = json(&output);
    let diagnostics = report["files"][0]["diagnostics"].as_array().unwrap();
    let rules: Vec<&str> = diagnostics
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        vec!["style/utilize", "style/long-sentence"],
        "{report:#}"
    );
    assert_eq!(diagnostics[0]["message"], "write “used” for “utilized”");
    assert_eq!(diagnostics[0]["fix"]["applicability"], "safe");
    assert_eq!(diagnostics[1]["message"], "15 words (house limit 12)");
}

#[test]
fn house_rules_can_be_selected_and_explained() {
    let dir = project(HOUSE_PACK);
    galley(dir.path())
        .args([
            "check",
            "--format",
            "concise",
            "--select",
            "style/utilize",
            "article.txt",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("[style/utilize]"))
        .stdout(predicate::str::contains("long-sentence").not());
    galley(dir.path())
        .args(["rule", "style/utilize"])
        .assert()
        .success()
        .stdout(predicate::str::contains("House style: plain verbs."))
        .stdout(predicate::str::contains("`utilize` → `use`"));
    galley(dir.path())
        .args(["rules"])
        .assert()
        .success()
        .stdout(predicate::str::contains("style/utilize"));
}

#[test]
fn a_mistake_in_a_pack_points_into_it() {
    let broken = HOUSE_PACK.replace("per = \"sentence\"", "per = \"sentense\"");
    let dir = project(&broken);
    galley(dir.path())
        .args(["check", "article.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("house.toml"))
        .stderr(predicate::str::contains("`sentense` is not a valid `per`"))
        .stderr(predicate::str::contains("house.toml:31:7"));
}

#[test]
fn a_missing_pack_folder_points_into_galley_toml() {
    let dir = project(HOUSE_PACK);
    write(
        dir.path(),
        "galley.toml",
        "rule-packs = [\"house-styles\"]\n",
    );
    galley(dir.path())
        .args(["check", "article.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read the rule-pack folder"))
        .stderr(predicate::str::contains("galley.toml:1:"));
}

#[test]
fn the_default_pack_runs_without_configuration() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "article.txt",
        "Budget talks\n\nThe mayor met aides in order to plan.\n",
    );
    galley(dir.path())
        .args(["check", "--format", "concise", "article.txt"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("[style/wordy]"));
}
