//! Shared test helpers: where the fixtures are, server specs, process checks, and the
//! scripted model and board that agent runs and chats use.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use utter::Service;
use utter::agents::{AgentDef, Permission, ToolRule};
use utter::llm::{ProviderConfig, ProviderKind};
use utter::mcp::{McpOptions, McpServerSpec};
use utter::model::NewTask;
use utter::secrets::MemoryStore;
use utter::service::Dependencies;

use super::fake_server::{FakeServer, Reply};

/// The npm fixtures folder (`node_modules`), or `None` when the run opted out of MCP tests
/// with `UTTER_SKIP_MCP=1`. Anything else missing fails the test with the fix.
pub fn fixtures() -> Option<PathBuf> {
    if std::env::var("UTTER_SKIP_MCP").is_ok_and(|v| v == "1") {
        eprintln!("UTTER_SKIP_MCP=1: skipping an MCP server test");
        return None;
    }
    let Some(dir) = std::env::var_os("UTTER_MCP_FIXTURES") else {
        panic!(
            "UTTER_MCP_FIXTURES is not set. Run `export UTTER_MCP_FIXTURES=\"$(scripts/mcp-fixtures.sh)\"` \
             (needs node and npm), or set UTTER_SKIP_MCP=1 to skip the MCP server tests."
        );
    };
    let dir = PathBuf::from(dir);
    for pkg in ["server-everything", "server-filesystem", "server-memory"] {
        let entry = package_entry(&dir, pkg);
        assert!(
            entry.is_file(),
            "{} is missing; re-run scripts/mcp-fixtures.sh",
            entry.display()
        );
    }
    let node = std::process::Command::new("node").arg("--version").output();
    assert!(
        node.is_ok_and(|o| o.status.success()),
        "`node` is not on PATH; install Node.js 18+ to run the MCP tests"
    );
    Some(dir)
}

/// The service's secrets in memory, so a test never touches the OS keychain.
pub fn memory_keychain() -> Dependencies {
    Dependencies::default().with_secrets(MemoryStore::new())
}

pub fn package_entry(fixtures: &Path, pkg: &str) -> PathBuf {
    fixtures
        .join("@modelcontextprotocol")
        .join(pkg)
        .join("dist/index.js")
}

pub fn fixture_file(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

pub fn everything(fixtures: &Path, name: &str) -> McpServerSpec {
    let entry = package_entry(fixtures, "server-everything");
    McpServerSpec::stdio(
        name,
        "node",
        [entry.to_string_lossy().into_owned(), "stdio".into()],
    )
}

/// The dependency-free fake server with extra argv flags.
pub fn fake(name: &str, flags: &[&str]) -> McpServerSpec {
    let mut args = vec![fixture_file("fake-server.mjs")];
    args.extend(flags.iter().map(|s| s.to_string()));
    McpServerSpec::stdio(name, "node", args)
}

/// Short limits so failure tests run in seconds.
pub fn quick_options() -> McpOptions {
    McpOptions {
        connect_timeout: Duration::from_secs(15),
        call_timeout: Duration::from_secs(10),
        backoff_base: Duration::from_millis(200),
        backoff_max: Duration::from_secs(2),
        ..McpOptions::default()
    }
}

/// Whether a process is still running (a zombie counts as gone).
pub fn alive(pid: u32) -> bool {
    let out = std::process::Command::new("ps")
        .args(["-o", "stat=", "-p", &pid.to_string()])
        .output();
    match out {
        Ok(out) => {
            let stat = String::from_utf8_lossy(&out.stdout);
            let stat = stat.trim();
            !stat.is_empty() && !stat.starts_with('Z')
        }
        Err(e) => panic!("cannot run ps to check process {pid}: {e}"),
    }
}

/// Waits up to `limit` for the process to be gone; true if it went.
pub async fn gone_within(pid: u32, limit: Duration) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if !alive(pid) {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    !alive(pid)
}

pub fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

pub use crate::cli::{err, ok};

// ---- agent runs: a scripted model, a board, agents ----

/// An OpenAI chat completion that calls tools.
pub fn calls(calls: &[(&str, &str, Value)]) -> Reply {
    let tool_calls: Vec<Value> = calls
        .iter()
        .map(|(id, name, args)| {
            json!({"id": id, "type": "function",
                   "function": {"name": name, "arguments": args.to_string()}})
        })
        .collect();
    Reply::json(json!({
        "id": "c", "object": "chat.completion", "model": "test-model",
        "choices": [{"index": 0, "finish_reason": "tool_calls",
                     "message": {"role": "assistant", "content": null, "tool_calls": tool_calls}}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 10, "total_tokens": 110}
    }))
}

/// An OpenAI chat completion with a final answer.
pub fn answer(text: &str) -> Reply {
    Reply::json(json!({
        "id": "c", "object": "chat.completion", "model": "test-model",
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": text}}],
        "usage": {"prompt_tokens": 200, "completion_tokens": 20, "total_tokens": 220}
    }))
}

/// The official filesystem server, marked trusted (as a user would who lets agents read files
/// without asking); `untrusted_read_only_claims_still_ask` covers the default.
pub fn filesystem(fx: &Path, name: &str, root: &Path) -> McpServerSpec {
    let mut spec = McpServerSpec::stdio(
        name,
        "node",
        [
            package_entry(fx, "server-filesystem")
                .to_string_lossy()
                .into_owned(),
            root.to_string_lossy().into_owned(),
        ],
    );
    spec.trusted = true;
    spec
}

pub struct Setup {
    pub svc: Arc<Service>,
    pub llm: FakeServer,
    pub _data: tempfile::TempDir,
}

pub async fn setup(replies: Vec<Reply>) -> Setup {
    let data = tempfile::tempdir().unwrap();
    let svc = Service::open_with(data.path(), memory_keychain()).unwrap();
    let llm = FakeServer::start(replies).await;
    let mut cfg = ProviderConfig::new(
        ProviderKind::OpenAiCompatible,
        format!("{}/v1", llm.base),
        "test-model",
    );
    cfg.max_retries = 0;
    svc.set_llm_config(cfg, None).unwrap();
    Setup {
        svc,
        llm,
        _data: data,
    }
}

pub fn agent(name: &str, servers: &[&str], rules: &[(&str, Permission)]) -> AgentDef {
    AgentDef {
        name: name.into(),
        description: String::new(),
        system_prompt: "You work tasks with tools.".into(),
        mcp_servers: servers.iter().map(|s| s.to_string()).collect(),
        tool_permissions: rules
            .iter()
            .map(|(p, perm)| ToolRule::new(*p, *perm).unwrap())
            .collect(),
        trigger_keywords: Vec::new(),
        categories: Vec::new(),
        schedule: None,
        enabled: true,
        builtin: false,
        max_steps: 6,
    }
}

pub fn task(svc: &Service, title: &str) -> i64 {
    svc.create_task(NewTask {
        title: title.into(),
        ..NewTask::default()
    })
    .unwrap()
    .id
}

/// The tool names offered in the request body.
pub fn offered(body: &Value) -> Vec<String> {
    body["tools"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|t| t["function"]["name"].as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The `role: tool` messages of a request.
pub fn tool_messages(body: &Value) -> Vec<Value> {
    body["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["role"] == "tool")
        .cloned()
        .collect()
}
