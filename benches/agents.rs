//! Runner overhead per step, excluding model and tool time: agent runs against a model on
//! 127.0.0.1 that answers at once (the OpenAI wire format) and server-everything's `echo`
//! over stdio. The runner records each step's model/tool time itself, so a run's own cost
//! is wall time − (sum of step times). A one-step run (final answer only) and a long run
//! (20 tool calls) alternate; the difference of their own costs divided by the difference
//! in steps is the cost per step, with the per-run cost (starting the server, the
//! handshake) cancelled out. What is left is Utter's work per step: SQLite writes (each
//! step is persisted before and after), replaying the conversation, permission checks,
//! building the request.
//!
//!     export UTTER_MCP_FIXTURES="$(scripts/mcp-fixtures.sh)"
//!     cargo bench --bench agents

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/support/fake_server.rs"]
mod fake_server;

use std::path::PathBuf;
use std::time::Instant;

use fake_server::{FakeServer, Reply};
use serde_json::json;
use utter::Service;
use utter::agents::{AgentDef, RunStatus};
use utter::llm::{ProviderConfig, ProviderKind};
use utter::mcp::McpServerSpec;
use utter::model::NewTask;
use utter::secrets::MemoryStore;

const TOOL_STEPS: usize = 20;
const RUNS: usize = 10;

fn reply(i: usize, last: usize) -> Reply {
    if i == last {
        return Reply::json(json!({
            "id": "c", "object": "chat.completion", "model": "m",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": "done"}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}
        }));
    }
    Reply::json(json!({
        "id": "c", "object": "chat.completion", "model": "m",
        "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {
            "role": "assistant", "content": null,
            "tool_calls": [{"id": format!("c{i}"), "type": "function",
                "function": {"name": "everything__echo", "arguments": "{\"message\":\"hi\"}"}}]}}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}
    }))
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let Some(fixtures) = std::env::var_os("UTTER_MCP_FIXTURES").map(PathBuf::from) else {
        eprintln!("set UTTER_MCP_FIXTURES=\"$(scripts/mcp-fixtures.sh)\" to run this benchmark");
        return;
    };
    let entry = fixtures.join("@modelcontextprotocol/server-everything/dist/index.js");
    let data = tempfile::tempdir().unwrap();
    let svc = Service::open(data.path()).unwrap();
    let secrets = MemoryStore::new();
    let replies = (0..RUNS)
        .flat_map(|_| {
            std::iter::once(reply(0, 0)).chain((0..=TOOL_STEPS).map(|i| reply(i, TOOL_STEPS)))
        })
        .collect();
    let llm = FakeServer::start(replies).await;
    let mut cfg = ProviderConfig::new(
        ProviderKind::OpenAiCompatible,
        format!("{}/v1", llm.base),
        "m",
    );
    cfg.max_retries = 0;
    svc.set_llm_config(cfg, None, &secrets).unwrap();
    let spec = McpServerSpec::stdio(
        "everything",
        "node",
        [entry.to_string_lossy().into_owned(), "stdio".into()],
    );
    svc.mcp_add(spec, &secrets).unwrap();
    let mut agent = svc.get_agent("Research").unwrap();
    agent.mcp_servers = vec!["everything".into()];
    agent.max_steps = 50;
    let agent: AgentDef = svc.save_agent(agent).unwrap();

    let mut per_step = Vec::new();
    let mut per_run = Vec::new();
    for i in 0..RUNS {
        let mut own = Vec::new();
        for kind in ["short", "long"] {
            let task = svc
                .create_task(NewTask {
                    title: format!("bench {kind} {i}"),
                    ..NewTask::default()
                })
                .unwrap();
            let started = Instant::now();
            let d = svc.run_agent(&agent.name, task.id, &secrets).await.unwrap();
            let wall = started.elapsed().as_secs_f64() * 1e3;
            assert_eq!(d.run.status, RunStatus::Completed, "{:?}", d.run.error);
            let inside: i64 = d.steps.iter().map(|s| s.ms).sum();
            own.push((wall - inside as f64, d.steps.len() as f64));
        }
        let ((short, n_short), (long, n_long)) = (own[0], own[1]);
        per_run.push(short);
        per_step.push((long - short) / (n_long - n_short));
    }
    let p50 = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "runner overhead per step (excl. model + tool time): p50 {:.3} ms over {RUNS} pairs of runs ({} vs 1 steps)",
        p50(&mut per_step),
        2 * TOOL_STEPS + 1
    );
    println!(
        "per run (server start, handshake, tool list; not per step): p50 {:.0} ms",
        p50(&mut per_run)
    );
}
