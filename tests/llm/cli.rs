//! The CLI end to end: `utter llm set`, `utter extract`, `utter dump` through a configured
//! model, and the fallback when it fails.

use serde_json::{Value, json};

use crate::fake_server::{FakeServer, Reply};

use super::support::{DUMP, completion, tasks_json};

fn utter_cli(data: &std::path::Path, args: &[&str], stdin: &str) -> std::process::Output {
    crate::cli::run_stdin(data, args, stdin.as_bytes())
}

// Multi-threaded: the test blocks on the CLI child while the server must keep answering.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_extracts_and_dumps_through_a_configured_model_and_falls_back() {
    let server = FakeServer::start(vec![
        Reply::json(completion(json!(tasks_json()), "stop")),
        Reply::json(completion(json!(tasks_json()), "stop")),
        // Then the provider breaks for good: every retry gets a 500.
        Reply::status(500, "boom"),
        Reply::status(500, "boom"),
        Reply::status(500, "boom"),
    ])
    .await;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let base = format!("{}/v1", server.base);
    let set = utter_cli(
        d,
        &[
            "llm",
            "set",
            "--provider",
            "openai",
            "--base-url",
            &base,
            "--model",
            "test-model",
            "--timeout",
            "5",
        ],
        "",
    );
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    let shown: Value =
        serde_json::from_slice(&utter_cli(d, &["llm", "show", "--json"], "").stdout).unwrap();
    assert_eq!(shown["model"], "test-model");
    assert!(shown["api_key_ref"].is_null(), "no key was given");

    let out = utter_cli(
        d,
        &[
            "extract",
            "--engine",
            "llm",
            "--now",
            "2026-12-02T14:30:00",
            "--json",
        ],
        DUMP,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tasks: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(tasks.as_array().unwrap().len(), 3);
    assert_eq!(tasks[0]["category"], "Sales");
    assert_eq!(
        tasks[0]["due"], "2026-12-03",
        "the model's phrase resolved by the offline resolver"
    );
    let sent = &server.requests()[0].body;
    assert_eq!(sent["model"], "test-model");
    assert!(
        sent["messages"].to_string().contains("Henderson"),
        "the transcript reached the model"
    );

    let out = utter_cli(
        d,
        &[
            "dump",
            "--text",
            "-",
            "--now",
            "2026-12-02T14:30:00",
            "--json",
        ],
        DUMP,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dump: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(dump["tasks"].as_array().unwrap().len(), 3);
    assert!(
        String::from_utf8_lossy(&out.stderr).is_empty(),
        "no fallback warning when the model worked"
    );

    // The provider now fails: the dump still lands, from the offline engine, and says so.
    let out = utter_cli(
        d,
        &[
            "dump",
            "--text",
            "-",
            "--now",
            "2026-12-02T14:30:00",
            "--json",
        ],
        DUMP,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("used the offline engine"), "{err}");
    let dump: Value = serde_json::from_slice(&out.stdout).unwrap();
    // The same dump said twice: its Joe item is the card the first dump made, not a new one.
    let titles: Vec<String> = dump["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["task"]["title"].as_str().unwrap().to_lowercase())
        .collect();
    assert!(titles.iter().any(|t| t.contains("joe")), "{titles:?}");
    assert!(
        dump["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["outcome"] == "same"),
        "{dump}"
    );

    // Offline on request never touches the server.
    let before = server.requests().len();
    let out = utter_cli(d, &["extract", "--engine", "offline", "--json"], DUMP);
    assert!(out.status.success());
    assert_eq!(server.requests().len(), before);

    let out = utter_cli(d, &["llm", "clear"], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = utter_cli(d, &["extract", "--engine", "llm"], DUMP);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("utter llm set"));
}
