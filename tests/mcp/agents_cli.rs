//! `utter agents|runs|approvals` end to end: the real binary, a scripted model on
//! 127.0.0.1, the real filesystem MCP server; kill -9 in the middle of a run, then resume.

use std::path::Path;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::common::{answer, calls};
use super::common::{fixtures, ok, package_entry};
use super::fake_server::FakeServer;

pub use crate::cli::{command as utter, run};

fn json_of(o: &Output) -> Value {
    serde_json::from_str(&ok(o)).unwrap()
}

/// `utter llm set` to the scripted model at `llm` (OpenAI format).
pub fn use_model(data: &Path, llm: &FakeServer) {
    let base = format!("{}/v1", llm.base);
    let args = [
        "llm",
        "set",
        "--provider",
        "openai",
        "--base-url",
        &base,
        "--model",
        "m",
    ];
    ok(&run(data, &[&args[..], &["--timeout", "120"]].concat()));
}

/// A data dir with the model at `llm`, the filesystem server on `root` as `files`, and
/// agent Research given `files` with every file tool allowed.
fn configure(data: &Path, llm: &FakeServer, root: &Path) {
    let fx = fixtures().unwrap();
    use_model(data, llm);
    let entry = package_entry(&fx, "server-filesystem");
    ok(&run(
        data,
        &[
            "mcp",
            "add",
            "files",
            "--",
            "node",
            entry.to_str().unwrap(),
            root.to_str().unwrap(),
        ],
    ));
    ok(&run(
        data,
        &[
            "agents",
            "edit",
            "Research",
            "--server",
            "files",
            "--rule",
            "files/*=allow",
        ],
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agents_run_from_the_cli_and_its_timeline() {
    if fixtures().is_none() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let root = tempfile::tempdir().unwrap();
    let src = root.path().join("market.md");
    std::fs::write(&src, "The market grew 12% in 2026.").unwrap();
    let llm = FakeServer::start(vec![
        calls(&[("r1", "files__read_text_file", json!({"path": src}))]),
        answer("The market grew **12%** in 2026 (market.md)."),
    ])
    .await;
    configure(data.path(), &llm, root.path());
    let d = data.path();
    // Routing: a Research-category task goes to the Research agent, and says why.
    let t = json_of(&run(
        d,
        &[
            "tasks",
            "add",
            "Size the market",
            "--category",
            "research",
            "--json",
        ],
    ));
    assert_eq!(t["assigned_agent"], "Research");
    assert_eq!(t["agent_reason"], "category Research");
    let id = t["id"].as_i64().unwrap().to_string();

    let out = ok(&run(d, &["agents", "run", "Research", "--task", &id]));
    assert!(out.contains("completed"), "{out}");
    assert!(out.contains("files/read_text_file"), "{out}");
    assert!(out.contains("The market grew **12%**"), "{out}");

    let runs = json_of(&run(d, &["runs", "list", "--task", &id, "--json"]));
    let run_id = runs[0]["id"].as_i64().unwrap().to_string();
    let detail = json_of(&run(d, &["runs", "show", &run_id, "--json"]));
    assert_eq!(detail["run"]["status"], "completed");
    assert_eq!(detail["steps"].as_array().unwrap().len(), 3);
    assert_eq!(detail["steps"][1]["tool"], "files/read_text_file");
    let task = json_of(&run(d, &["tasks", "show", &id, "--json"]));
    assert_eq!(task["status"], "completed");
    assert!(task["agent_output"].as_str().unwrap().contains("12%"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn approval_from_the_cli_continues_the_run() {
    if fixtures().is_none() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let root = tempfile::tempdir().unwrap();
    let target = root.path().join("proposal.md");
    let llm = FakeServer::start(vec![
        calls(&[(
            "w1",
            "files__write_file",
            json!({"path": target, "content": "Draft"}),
        )]),
        answer("Draft saved."),
    ])
    .await;
    configure(data.path(), &llm, root.path());
    let d = data.path();
    // Writes ask again, more specific rule last.
    ok(&run(
        d,
        &[
            "agents",
            "edit",
            "Research",
            "--rule",
            "files/*=allow",
            "--rule",
            "files/write_*=ask",
        ],
    ));
    let t = json_of(&run(d, &["tasks", "add", "Draft the proposal", "--json"]));
    let id = t["id"].as_i64().unwrap().to_string();

    let out = ok(&run(d, &["agents", "run", "Research", "--task", &id]));
    assert!(out.contains("waiting for approval #"), "{out}");
    assert!(!target.exists());
    let list = json_of(&run(d, &["approvals", "list", "--json"]));
    assert_eq!(list[0]["tool"], "files/write_file");
    assert_eq!(list[0]["reason"], "rule files/write_*=ask");
    let aid = list[0]["id"].as_i64().unwrap().to_string();

    let out = ok(&run(d, &["approvals", "approve", &aid]));
    assert!(out.contains("Draft saved."), "{out}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "Draft");
    assert_eq!(
        ok(&run(d, &["approvals", "list"])).trim(),
        "no approvals waiting"
    );
}

/// kill -9 while the model is thinking about the second turn; `runs resume` finishes the
/// run and the tool call that had finished is not made again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_run_resumes_without_repeating_a_finished_tool_call() {
    if fixtures().is_none() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let root = tempfile::tempdir().unwrap();
    let log = root.path().join("log.txt");
    let llm = FakeServer::start(vec![
        calls(&[(
            "once",
            "files__write_file",
            json!({"path": log, "content": "entry 1"}),
        )]),
        // The process is killed while it waits for this one.
        answer("never seen").delay(Duration::from_secs(120)),
        answer("Logged the entry."),
    ])
    .await;
    configure(data.path(), &llm, root.path());
    let d = data.path();
    let id = json_of(&run(d, &["tasks", "add", "Log the entry", "--json"]))["id"]
        .as_i64()
        .unwrap()
        .to_string();

    let mut child = utter(d)
        .args(["agents", "run", "Research", "--task", &id])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while llm.requests().len() < 2 {
        assert!(
            Instant::now() < deadline,
            "the run never reached its second model turn"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "entry 1");
    let runs = json_of(&run(d, &["runs", "list", "--json"]));
    assert_eq!(
        runs[0]["status"], "running",
        "a killed run is left as it was"
    );
    let run_id = runs[0]["id"].as_i64().unwrap().to_string();
    // Make the repeat visible if it happened: the file changes, then only a repeated write
    // would restore it.
    std::fs::write(&log, "edited by hand").unwrap();

    let detail = json_of(&run(d, &["runs", "resume", &run_id, "--json"]));

    assert_eq!(detail["run"]["status"], "completed", "{detail}");
    assert_eq!(detail["run"]["output"], "Logged the entry.");
    let steps = detail["steps"].as_array().unwrap();
    let writes = steps.iter().filter(|s| s["call_id"] == "once").count();
    assert_eq!(writes, 1, "{steps:?}");
    assert_eq!(std::fs::read_to_string(&log).unwrap(), "edited by hand");
    let interrupted: Vec<_> = steps
        .iter()
        .filter(|s| s["kind"] == "model" && s["status"] == "failed")
        .collect();
    assert_eq!(
        interrupted.len(),
        1,
        "the model turn cut by the kill is marked: {steps:?}"
    );
    let reqs = llm.requests();
    assert_eq!(reqs.len(), 3);
    let tool_msgs: Vec<_> = reqs[2].body["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["role"] == "tool")
        .collect();
    assert_eq!(tool_msgs.len(), 1);
    assert_eq!(tool_msgs[0]["tool_call_id"], "once");
    // A finished run cannot be resumed again.
    let again = run(d, &["runs", "resume", &run_id]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("is completed"));
}

#[test]
fn agents_list_show_edit_reset() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path();
    let list = json_of(&run(d, &["agents", "list", "--json"]));
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Meeting Prep",
            "Proposal Generator",
            "Research",
            "CRM Sync",
            "QA Verifier",
            "Chat"
        ]
    );
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|a| a["mcp_servers"].as_array().unwrap().is_empty())
    );

    let out = ok(&run(
        d,
        &[
            "agents",
            "edit",
            "qa verifier",
            "--server",
            "files",
            "--rule",
            "files/*=deny",
            "--disable",
        ],
    ));
    assert!(out.contains("servers:    files"), "{out}");
    let a = json_of(&run(d, &["agents", "show", "QA Verifier", "--json"]));
    assert_eq!(a["enabled"], false);
    assert_eq!(a["builtin"], true);
    assert_eq!(a["tool_permissions"][0]["permission"], "deny");

    let bad = run(d, &["agents", "edit", "QA Verifier", "--rule", "files/*"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("PATTERN=allow|ask|deny"));
    let bad = run(d, &["agents", "edit", "Nobody", "--server", "x"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("give --prompt"));

    ok(&run(d, &["agents", "reset", "QA Verifier"]));
    let a = json_of(&run(d, &["agents", "show", "QA Verifier", "--json"]));
    assert_eq!(a["enabled"], true);
    assert!(a["mcp_servers"].as_array().unwrap().is_empty());

    ok(&run(
        d,
        &[
            "agents",
            "edit",
            "Standup",
            "--prompt",
            "Summarise yesterday.",
            "--keyword",
            "standup",
        ],
    ));
    let t = json_of(&run(
        d,
        &["tasks", "add", "Prepare the standup notes", "--json"],
    ));
    assert_eq!(t["assigned_agent"], "Standup");
    assert_eq!(t["agent_reason"], "keyword 'standup'");
    let id = t["id"].as_i64().unwrap().to_string();
    assert!(ok(&run(d, &["agents", "assign", "--task", &id, "research"])).contains("Research"));
    let t = json_of(&run(d, &["tasks", "show", &id, "--json"]));
    assert_eq!(t["agent_reason"], "assigned by you");
    ok(&run(d, &["agents", "reset", "Standup"]));
    assert!(!ok(&run(d, &["agents", "list"])).contains("Standup"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn run_due_works_the_scheduled_agents_tasks() {
    if fixtures().is_none() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let root = tempfile::tempdir().unwrap();
    let llm = FakeServer::start(vec![answer("Checked the sources.")]).await;
    configure(data.path(), &llm, root.path());
    let d = data.path();
    ok(&run(
        d,
        &["agents", "edit", "Research", "--schedule", "daily 08:00"],
    ));
    let id = json_of(&run(
        d,
        &["tasks", "add", "Research the competitors", "--json"],
    ))["id"]
        .as_i64()
        .unwrap();

    assert_eq!(
        ok(&run(d, &["agents", "run-due", "--now", "2026-11-24T07:30"])).trim(),
        "no scheduled agent is due"
    );
    let out = ok(&run(d, &["agents", "run-due", "--now", "2026-11-24T08:00"]));
    assert!(
        out.contains(&format!("Research on task {id}: run #1 completed")),
        "{out}"
    );
    assert_eq!(
        ok(&run(d, &["agents", "run-due", "--now", "2026-11-24T09:00"])).trim(),
        "no scheduled agent is due"
    );
    assert_eq!(llm.requests().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workflows_from_the_cli() {
    if fixtures().is_none() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let root = tempfile::tempdir().unwrap();
    let llm = FakeServer::start(vec![
        answer("Facts: 3 sites."),
        answer("Draft: 3 sites for 38k."),
        answer("PASS\nLooks right."),
    ])
    .await;
    configure(data.path(), &llm, root.path());
    let d = data.path();
    let list = ok(&run(d, &["workflows", "list"]));
    assert!(list.contains("Proposal pipeline"), "{list}");
    assert!(
        list.contains("Research → Proposal Generator → QA Verifier"),
        "{list}"
    );
    let bad = run(d, &["workflows", "add", "X", "--agent", "Nobody"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("no agent named 'Nobody'"));
    let id = json_of(&run(d, &["tasks", "add", "Henderson proposal", "--json"]))["id"]
        .as_i64()
        .unwrap()
        .to_string();

    let out = ok(&run(
        d,
        &["workflows", "run", "Proposal pipeline", "--task", &id],
    ));

    assert!(out.contains("completed"), "{out}");
    assert!(out.contains("Draft: 3 sites for 38k."), "{out}");
    assert!(out.contains("**QA Verifier:** PASS"), "{out}");
    let runs = json_of(&run(d, &["workflows", "runs", "--json"]));
    assert_eq!(runs[0]["run_ids"].as_array().unwrap().len(), 3);
}
