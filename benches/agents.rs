//! Runner overhead per step, excluding model and tool time: agent runs of 99 tool calls
//! (199 steps) against a model on 127.0.0.1 that answers at once (the OpenAI wire format)
//! and server-everything's `echo` over stdio. The run's loop time is read from its own
//! record (first step written → run marked completed, so starting and stopping the server
//! are outside); the same 100 model calls and 99 tool calls, timed bare (same client, same
//! server, no runner), are subtracted. What is left per step is Utter's work: SQLite writes
//! (each step is persisted before and after), replaying the conversation, permission checks,
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
use utter::service::Dependencies;

const TOOL_STEPS: usize = 99;
const RUNS: usize = 8;

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
    let deps = Dependencies::default().with_secrets(MemoryStore::new());
    let svc = Service::open_with(data.path(), deps).unwrap();
    let replies = (0..RUNS)
        .flat_map(|_| (0..=TOOL_STEPS).map(|i| reply(i, TOOL_STEPS)))
        .chain((0..(TOOL_STEPS + 1) * RUNS).map(|i| reply(i, usize::MAX)))
        .collect();
    let llm = FakeServer::start(replies).await;
    let mut cfg = ProviderConfig::new(
        ProviderKind::OpenAiCompatible,
        format!("{}/v1", llm.base),
        "m",
    );
    cfg.max_retries = 0;
    svc.set_llm_config(cfg, None).unwrap();
    let spec = McpServerSpec::stdio(
        "everything",
        "node",
        [entry.to_string_lossy().into_owned(), "stdio".into()],
    );
    svc.mcp_add(spec).unwrap();
    let mut agent = svc.get_agent("Research").unwrap();
    agent.mcp_servers = vec!["everything".into()];
    agent.max_steps = 100;
    let agent: AgentDef = svc.save_agent(agent).unwrap();

    let mut loops = Vec::new();
    let mut per_run = Vec::new();
    let ms = |t: &str| {
        chrono::DateTime::parse_from_rfc3339(t)
            .unwrap()
            .timestamp_micros() as f64
            / 1e3
    };
    for i in 0..RUNS {
        let task = svc
            .create_task(NewTask {
                title: format!("bench {i}"),
                ..NewTask::default()
            })
            .unwrap();
        let started = Instant::now();
        let d = svc.run_agent(&agent.name, task.id).await.unwrap();
        per_run.push(started.elapsed().as_secs_f64() * 1e3);
        assert_eq!(d.run.status, RunStatus::Completed, "{:?}", d.run.error);
        assert_eq!(d.steps.len(), 2 * TOOL_STEPS + 1);
        loops.push(ms(&d.run.updated_at) - ms(&d.steps[0].created_at));
    }

    // The same model and tool calls without the runner.
    let client = svc.llm_client().unwrap().unwrap();
    let sup = svc.mcp_supervisor(Some("everything"), false, None).unwrap();
    sup.list_tools("everything").await.unwrap();
    let request = utter::llm::ChatRequest {
        messages: vec![utter::llm::Message::user("go")],
        ..Default::default()
    };
    let mut bare = Vec::new();
    for _ in 0..RUNS {
        let started = Instant::now();
        for _ in 0..TOOL_STEPS {
            client.chat(&request).await.unwrap();
            sup.call_tool("everything", "echo", json!({"message": "hi"}))
                .await
                .unwrap();
        }
        client.chat(&request).await.unwrap();
        bare.push(started.elapsed().as_secs_f64() * 1e3);
    }
    sup.shutdown().await;

    let p50 = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let steps = (2 * TOOL_STEPS + 1) as f64;
    let (looped, bare) = (p50(&mut loops), p50(&mut bare));
    println!(
        "runner overhead per step (excl. model + tool time): {:.3} ms  \
         (run loop p50 {looped:.1} ms, the same calls bare p50 {bare:.1} ms, {steps} steps, {RUNS} runs)",
        (looped - bare) / steps,
    );
    println!(
        "whole run incl. server start, handshake, tool list and shutdown: p50 {:.0} ms",
        p50(&mut per_run)
    );
}
