//! Running the real `utter` binary against a data dir: the one helper every integration test
//! uses (`#[path = "support/cli.rs"] mod cli;` in each test crate).
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// `utter --data-dir DATA`, with any `UTTER_DATA_DIR` of the caller's environment removed so
/// that a test never touches a real data dir.
pub fn command(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_utter"));
    c.arg("--data-dir").arg(data).env_remove("UTTER_DATA_DIR");
    c
}

/// Runs `utter ARGS` against `data` and waits for it.
pub fn run(data: &Path, args: &[&str]) -> Output {
    command(data).args(args).output().unwrap()
}

/// Runs `utter ARGS` with `input` on stdin.
pub fn run_stdin(data: &Path, args: &[&str], input: &[u8]) -> Output {
    with_stdin(command(data).args(args), input)
}

/// Runs a prepared command with `input` on stdin.
pub fn with_stdin(cmd: &mut Command, input: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // A command that exits before reading everything closes the pipe; that is its business.
    let _ = stdin.write_all(input);
    drop(stdin);
    child.wait_with_output().unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Asserts success (showing stderr if not) and returns stdout.
pub fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "utter failed: {}\n{}",
        stderr(o),
        stdout(o)
    );
    stdout(o)
}

/// Asserts failure (showing stdout if not) and returns stderr.
pub fn err(o: &Output) -> String {
    assert!(!o.status.success(), "should have failed: {}", stdout(o));
    stderr(o)
}

/// Fails when any file directly in `dir` (the database, its WAL, settings files) holds
/// `needle`.
pub fn assert_no_file_holds(dir: &Path, needle: &str) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            let bytes = std::fs::read(&path).unwrap();
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                "{needle:?} is in {}",
                path.display()
            );
        }
    }
}
