//! Command-line behaviour tested as data: each `tests/cmd/*.trycmd` file is a
//! shell-like session (commands, their output, their exit code), run against
//! the built `galley` binary in a copy of its `*.in/` folder; a `*.toml` case
//! is one command with its standard input and output in sibling files.
//!
//! To accept new output after a deliberate change:
//! `TRYCMD=overwrite cargo test --test cli_cases`, then review the diff.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .case("tests/cmd/*.trycmd")
        .case("tests/cmd/*.toml");
}
