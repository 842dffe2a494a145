//! LLM extraction latency against a local server speaking OpenAI's wire format:
//! `cargo bench --bench llm`. Measures the client's own cost (request building, HTTP on
//! loopback, JSON-schema output parsing, validation, date resolution) — model time is zero.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/support/fake_server.rs"]
mod fake_server;

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use fake_server::{FakeServer, Reply};
use serde_json::json;
use utter::llm::{LlmClient, ProviderConfig, ProviderKind, extract_with_llm};

const DUMP: &str = "call Joe from Acme tomorrow about the renewal, that's urgent, and send Kevin the contract. The Henderson proposal is due Friday.";

fn reply() -> Reply {
    let tasks = json!({"tasks": [
        {"title": "Call Joe from Acme about the renewal", "description": null, "category": "Sales",
         "priority": "high", "due_phrase": "tomorrow", "due": null},
        {"title": "Send Kevin the contract", "description": null, "category": "Sales",
         "priority": "medium", "due_phrase": null, "due": null},
        {"title": "Finish the Henderson proposal", "description": null, "category": "Writing",
         "priority": "medium", "due_phrase": "Friday", "due": null}
    ]});
    Reply::json(json!({
        "id": "c", "object": "chat.completion", "created": 1, "model": "m",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": tasks.to_string()}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 400, "completion_tokens": 90, "total_tokens": 490}
    }))
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let (warmup, runs) = (50, 500);
    let server = rt.block_on(FakeServer::start(
        (0..warmup + runs).map(|_| reply()).collect(),
    ));
    let cfg = ProviderConfig::new(
        ProviderKind::OpenAiCompatible,
        format!("{}/v1", server.base),
        "m",
    );
    let client = LlmClient::new(cfg, None).unwrap();
    let cats = utter::model::default_categories();
    let now = NaiveDateTime::parse_from_str("2026-12-02T14:30:00", "%Y-%m-%dT%H:%M:%S").unwrap();
    let mut samples: Vec<Duration> = Vec::with_capacity(runs);
    for i in 0..warmup + runs {
        let t = Instant::now();
        let tasks = rt
            .block_on(extract_with_llm(&client, DUMP, now, &cats))
            .unwrap();
        assert_eq!(black_box(tasks).len(), 3);
        if i >= warmup {
            samples.push(t.elapsed());
        }
    }
    samples.sort();
    let ms = |p: f64| samples[((samples.len() - 1) as f64 * p) as usize].as_secs_f64() * 1e3;
    println!(
        "llm extraction round trip, local OpenAI-format server, {runs} runs: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        ms(0.5),
        ms(0.95),
        ms(1.0)
    );
}
