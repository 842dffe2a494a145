//! Optional: a real model behind an OpenAI-compatible server.
//! `scripts/test-real-llm.sh` serves Gemma 3 270M with llama-cpp-python on 127.0.0.1 and sets
//! UTTER_LLAMA_URL (e.g. http://127.0.0.1:8123/v1). A 270M model proves the wire path, not
//! extraction quality.

use utter::llm::{
    ChatRequest, EngineUsed, LlmClient, Message, ProviderConfig, ProviderKind, extract_auto,
};
use utter::model::default_categories;

use super::support::{DUMP, now};

fn real_model() -> Option<LlmClient> {
    let Ok(url) = std::env::var("UTTER_LLAMA_URL") else {
        eprintln!(
            "SKIPPED real-model test: UTTER_LLAMA_URL is unset (see scripts/test-real-llm.sh)"
        );
        return None;
    };
    let model = std::env::var("UTTER_LLAMA_MODEL").unwrap_or_else(|_| "gemma-3-270m".into());
    let cfg = ProviderConfig {
        timeout_secs: 120,
        max_retries: 1,
        ..ProviderConfig::new(ProviderKind::OpenAiCompatible, url, model)
    };
    Some(LlmClient::new(cfg, None).unwrap())
}

#[tokio::test]
async fn real_model_ping_and_stream() {
    let Some(client) = real_model() else { return };
    let reply = client.ping().await.unwrap();
    eprintln!("ping reply: {reply:?}");
    assert!(!reply.is_empty());
    let mut deltas = 0;
    let resp = client
        .chat_stream(
            &ChatRequest {
                messages: vec![Message::user("Count from 1 to 5.")],
                max_tokens: Some(40),
                ..Default::default()
            },
            |_| deltas += 1,
        )
        .await
        .unwrap();
    eprintln!("streamed {deltas} deltas: {:?}", resp.text);
    assert!(deltas > 1 && !resp.text.is_empty());
}

#[tokio::test]
async fn real_model_extraction_is_valid_or_falls_back() {
    let Some(client) = real_model() else { return };
    let cats = default_categories();
    let (tasks, engine) = extract_auto(Some(&client), DUMP, now(), &cats, false).await;
    eprintln!("engine: {engine:?}\ntasks: {tasks:#?}");
    // Whatever a tiny model says, the result is a checked task list or the offline answer.
    for t in &tasks {
        assert!(!t.title.trim().is_empty());
        assert!(t.category.is_none() || cats.iter().any(|c| Some(&c.name) == t.category.as_ref()));
    }
    if let EngineUsed::OfflineFallback { reason } = &engine {
        assert!(!reason.contains('\n'));
    }
}
