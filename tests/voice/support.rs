//! Shared test helpers: speech synthesis, the test model, and child-process helpers.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, OnceLock};

use utter::stt::{Engine, EngineOptions};

pub const PHRASE: &str = "call Joe tomorrow about the renewal";

/// The converted test model, or `None` (with a notice) when `UTTER_TEST_MODEL` is unset.
pub fn model_path() -> Option<PathBuf> {
    match std::env::var_os("UTTER_TEST_MODEL") {
        Some(p) if !p.is_empty() => {
            let p = PathBuf::from(p);
            assert!(
                p.is_file(),
                "UTTER_TEST_MODEL={} does not exist",
                p.display()
            );
            Some(p)
        }
        _ => {
            // CI must exercise the real model; a silent skip there would hide a broken voice path.
            assert!(
                std::env::var_os("CI").is_none(),
                "UTTER_TEST_MODEL is not set under CI; `make test` sets it from scripts/fetch-test-model.sh"
            );
            eprintln!(
                "NOTICE: UTTER_TEST_MODEL is not set; skipping a test that needs a Whisper model. \
                 Run `export UTTER_TEST_MODEL=$(scripts/fetch-test-model.sh)` first."
            );
            None
        }
    }
}

/// One warm engine per test process (loading costs ~0.3 s and 300 MB). English is fixed, as
/// a user would set it: language detection on two seconds of synthetic speech is a coin toss
/// between English and French, which is not what these tests are about.
pub fn engine() -> Option<Arc<Engine>> {
    static ENGINE: OnceLock<Option<Arc<Engine>>> = OnceLock::new();
    ENGINE
        .get_or_init(|| {
            model_path().map(|p| {
                let opts = EngineOptions {
                    language: Some("en".into()),
                    ..EngineOptions::default()
                };
                Arc::new(Engine::load(&p, opts).unwrap())
            })
        })
        .clone()
}

/// espeak-ng speech as a WAV (22.05 kHz mono 16-bit).
pub fn espeak(dir: &Path, name: &str, text: &str) -> PathBuf {
    let out = dir.join(name);
    // The en-us voice: Whisper hears the default voice's "Joe tomorrow" as "Jotamorow".
    let status = Command::new("espeak-ng")
        .args(["-v", "en-us", "-s", "140", "-g", "2", "-w"])
        .arg(&out)
        .arg(text)
        .status()
        .expect("espeak-ng is installed");
    assert!(status.success());
    out
}

/// Runs sox `input` → `output` with the given output format arguments.
pub fn sox(input: &Path, out_args: &[&str], output: &Path) {
    let status = Command::new("sox")
        .arg(input)
        .args(out_args)
        .arg(output)
        .status()
        .expect("sox is installed");
    assert!(status.success(), "sox {out_args:?}");
}

pub fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Asserts that each of `expected` appears as a word of `text`.
pub fn assert_words(text: &str, expected: &[&str]) {
    let w = words(text);
    for e in expected {
        assert!(w.iter().any(|x| x == e), "{e:?} not in transcript {text:?}");
    }
}

/// True in a child process started by [`run_helper`] for helper `name`.
pub fn is_helper(name: &str) -> bool {
    std::env::var("UTTER_HELPER").as_deref() == Ok(name)
}

/// Re-runs this test binary, executing only the ignored helper test `name`, with `envs`.
/// This is how a test gets a process with its own `HOME` (ALSA reads `~/.asoundrc` once per
/// process) or one it can `kill -9`.
pub fn helper_command(name: &str, envs: &[(&str, &Path)]) -> Command {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        name,
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .env("UTTER_HELPER", name.rsplit("::").next().unwrap_or(name));
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd
}

/// Parses the `RESULT:` JSON line a helper printed.
pub fn helper_result(stdout: &str) -> serde_json::Value {
    let line = stdout
        .lines()
        .find_map(|l| l.find("RESULT:").map(|i| &l[i + 7..]))
        .unwrap_or_else(|| panic!("helper printed no RESULT line:\n{stdout}"));
    serde_json::from_str(line).unwrap()
}

/// Prints a line for the parent process and flushes at once (stdout may be block-buffered
/// when it is a pipe, and the parent waits on these lines).
pub fn say(line: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

/// Whisper uses every core; tests that run it take turns, so that timing-dependent checks
/// (partials while talking on a real-time device) do not starve each other.
pub fn exclusive() -> std::sync::MutexGuard<'static, ()> {
    static CPU: std::sync::Mutex<()> = std::sync::Mutex::new(());
    CPU.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
