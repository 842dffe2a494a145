//! What the LLM tests share: clients of each provider pointed at the fake server, the
//! providers' reply shapes, and the dump the extraction tests read.

use std::time::Duration;

use chrono::NaiveDateTime;
use serde_json::{Value, json};
use utter::llm::{
    ChatRequest, LlmClient, Message, ProviderConfig, ProviderKind, RetryPolicy, ToolSpec,
};
use utter::secrets::Secret;

use crate::fake_server::{FakeServer, data};

pub const KEY: &str = "sk-test-VERYSECRET-0123456789";

pub fn fast_retry(max_retries: u32) -> RetryPolicy {
    RetryPolicy {
        max_retries,
        base: Duration::from_millis(10),
        max_delay: Duration::from_millis(40),
        max_retry_after: Duration::from_secs(5),
    }
}

pub fn openai(server: &FakeServer, key: Option<&str>) -> LlmClient {
    let cfg = ProviderConfig::new(
        ProviderKind::OpenAiCompatible,
        format!("{}/v1", server.base),
        "test-model",
    );
    LlmClient::new(cfg, key.map(Secret::new))
        .unwrap()
        .with_retry_policy(fast_retry(3))
}

pub fn anthropic(server: &FakeServer, key: Option<&str>) -> LlmClient {
    let cfg = ProviderConfig::new(ProviderKind::Anthropic, &server.base, "claude-test");
    LlmClient::new(cfg, key.map(Secret::new))
        .unwrap()
        .with_retry_policy(fast_retry(3))
}

pub fn hello() -> ChatRequest {
    ChatRequest {
        system: Some("Be brief.".into()),
        messages: vec![Message::user("Say hello")],
        ..Default::default()
    }
}

pub fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-12-02T14:30:00", "%Y-%m-%dT%H:%M:%S").unwrap()
}

pub fn completion(content: Value, finish: &str) -> Value {
    json!({
        "id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "test-model-0412",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content, "refusal": null}, "finish_reason": finish}],
        "usage": {"prompt_tokens": 12, "completion_tokens": 3, "total_tokens": 15}
    })
}

pub fn chunk(delta: Value, finish: Option<&str>) -> String {
    data(&json!({
        "id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "test-model",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]
    }))
}

pub fn anthropic_message(content: Value, stop: &str) -> Value {
    json!({
        "id": "msg_01", "type": "message", "role": "assistant", "model": "claude-test-2025",
        "content": content, "stop_reason": stop, "stop_sequence": null,
        "usage": {"input_tokens": 20, "output_tokens": 5}
    })
}

pub fn tools() -> Vec<ToolSpec> {
    vec![ToolSpec {
        name: "create_task".into(),
        description: "Create a task on the board".into(),
        parameters: json!({"type": "object", "properties": {"title": {"type": "string"}}, "required": ["title"]}),
    }]
}

pub fn tasks_json() -> String {
    json!({"tasks": [
        {"title": "Call Joe from Acme about the renewal", "description": null, "category": "sales",
         "priority": "high", "due_phrase": "tomorrow", "due": "2026-12-03"},
        {"title": "Send Kevin the contract", "description": "and the NDA", "category": "Legal",
         "priority": "medium", "due_phrase": null, "due": null},
        {"title": "Finish the Henderson proposal", "description": null, "category": "Writing",
         "priority": "medium", "due_phrase": "Friday", "due": "2026-12-04"}
    ]})
    .to_string()
}

pub const DUMP: &str = "call Joe from Acme tomorrow about the renewal, that's urgent, and send Kevin the contract and the NDA. The Henderson proposal is due Friday.";
