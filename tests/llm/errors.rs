//! Errors, retries, timeouts and rate limits: what a failing or slow provider gives back,
//! never with the key in it.

use std::time::{Duration, Instant};

use serde_json::json;
use utter::llm::{ChatRequest, LlmClient, LlmError, ProviderConfig, ProviderKind};

use crate::fake_server::{FakeServer, Reply};

use super::support::{KEY, anthropic, chunk, completion, fast_retry, hello, openai};

#[tokio::test]
async fn rejected_key_gives_a_clear_error_without_the_key() {
    for kind in [ProviderKind::OpenAiCompatible, ProviderKind::Anthropic] {
        // The body echoes the key, as some servers do.
        let body = json!({"error": {"message": format!("Incorrect API key provided: {KEY}"), "type": "invalid_request_error"}});
        let server = FakeServer::start(vec![Reply::status(401, &body.to_string())]).await;
        let client = match kind {
            ProviderKind::OpenAiCompatible => openai(&server, Some(KEY)),
            ProviderKind::Anthropic => anthropic(&server, Some(KEY)),
        };
        let err = client.chat(&hello()).await.unwrap_err();
        let (display, debug) = (err.to_string(), format!("{err:?}"));
        assert!(matches!(err, LlmError::Auth { status: 401, .. }), "{debug}");
        assert!(display.contains("was rejected"), "{display}");
        assert!(display.contains("utter llm set"), "{display}");
        assert!(!display.contains("VERYSECRET"), "{display}");
        assert!(!debug.contains("VERYSECRET"), "{debug}");
        assert!(!format!("{client:?}").contains("VERYSECRET"));
        assert_eq!(server.requests().len(), 1, "auth failures are not retried");
    }
}

#[tokio::test]
async fn other_client_errors_carry_the_server_message_scrubbed() {
    let body =
        json!({"error": {"message": format!("model 'nope' not found (key {KEY})\nsecond line")}});
    let server = FakeServer::start(vec![Reply::status(404, &body.to_string())]).await;
    let err = openai(&server, Some(KEY)).chat(&hello()).await.unwrap_err();
    let display = err.to_string();
    assert!(
        matches!(err, LlmError::Rejected { status: 404, .. }),
        "{display}"
    );
    assert!(display.contains("model 'nope' not found"), "{display}");
    assert!(
        !display.contains("VERYSECRET") && !display.contains('\n'),
        "{display}"
    );
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn rate_limit_honors_retry_after_then_succeeds() {
    let server = FakeServer::start(vec![
        Reply::status(429, r#"{"error":{"message":"slow down"}}"#).header("retry-after", "1"),
        Reply::json(completion(json!("ok"), "stop")),
    ])
    .await;
    let started = Instant::now();
    let resp = openai(&server, None).chat(&hello()).await.unwrap();
    assert_eq!(resp.text, "ok");
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn rate_limit_longer_than_we_wait_fails_at_once() {
    let server =
        FakeServer::start(vec![Reply::status(429, "{}").header("retry-after", "3600")]).await;
    let err = anthropic(&server, None).chat(&hello()).await.unwrap_err();
    assert!(
        matches!(
            err,
            LlmError::RateLimited {
                attempts: 1,
                retry_after_secs: Some(3600),
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("3600s"));
}

#[tokio::test]
async fn exhausted_quota_is_not_retried() {
    let body = json!({"error": {"message": "You exceeded your current quota, please check your plan and billing details.", "type": "insufficient_quota", "code": "insufficient_quota"}});
    let server = FakeServer::start(vec![Reply::status(429, &body.to_string())]).await;
    let err = openai(&server, None).chat(&hello()).await.unwrap_err();
    assert!(
        matches!(err, LlmError::Rejected { status: 429, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("quota"));
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn server_errors_are_retried_with_backoff() {
    let server = FakeServer::start(vec![
        Reply::status(500, "boom"),
        Reply::status(503, r#"{"error":{"message":"overloaded"}}"#),
        Reply::json(completion(json!("third time"), "stop")),
    ])
    .await;
    let resp = openai(&server, None).chat(&hello()).await.unwrap();
    assert_eq!(resp.text, "third time");
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn server_errors_give_up_after_max_retries() {
    let replies = (0..5).map(|_| Reply::status(502, "bad gateway")).collect();
    let server = FakeServer::start(replies).await;
    let err = openai(&server, None).chat(&hello()).await.unwrap_err();
    assert!(
        matches!(
            err,
            LlmError::Server {
                status: 502,
                attempts: 4,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(server.requests().len(), 4);
    assert_eq!(server.remaining(), 1);
}

#[tokio::test]
async fn slow_server_times_out() {
    let server = FakeServer::start(vec![
        Reply::json(completion(json!("late"), "stop")).delay(Duration::from_secs(5)),
    ])
    .await;
    let cfg = ProviderConfig {
        timeout_secs: 1,
        ..ProviderConfig::new(
            ProviderKind::OpenAiCompatible,
            format!("{}/v1", server.base),
            "m",
        )
    };
    let client = LlmClient::new(cfg, None)
        .unwrap()
        .with_retry_policy(fast_retry(3));
    let started = Instant::now();
    let err = client.chat(&hello()).await.unwrap_err();
    assert!(matches!(err, LlmError::Timeout { secs: 1, .. }), "{err}");
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(server.requests().len(), 1, "timeouts are not retried");
}

#[tokio::test]
async fn slow_stream_times_out() {
    let frames = vec![
        chunk(json!({"content": "late"}), Some("stop")),
        "data: [DONE]\n\n".into(),
    ];
    let server =
        FakeServer::start(vec![Reply::sse(&frames, 64).delay(Duration::from_secs(5))]).await;
    let cfg = ProviderConfig {
        timeout_secs: 1,
        ..ProviderConfig::new(
            ProviderKind::OpenAiCompatible,
            format!("{}/v1", server.base),
            "m",
        )
    };
    let client = LlmClient::new(cfg, None).unwrap();
    let started = Instant::now();
    let err = client.chat_stream(&hello(), |_| {}).await.unwrap_err();
    assert!(matches!(err, LlmError::Timeout { .. }), "{err}");
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn max_tokens_field_follows_the_server() {
    let server = FakeServer::start(vec![Reply::json(completion(json!("hi"), "stop"))]).await;
    let req = ChatRequest {
        max_tokens: Some(50),
        ..hello()
    };
    openai(&server, None).chat(&req).await.unwrap();
    assert_eq!(server.requests()[0].body["max_tokens"], 50);
}

#[tokio::test]
async fn unreachable_server_is_a_connect_error() {
    // Bind then drop a listener: nothing listens on that port any more.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let cfg = ProviderConfig::new(
        ProviderKind::OpenAiCompatible,
        format!("http://127.0.0.1:{port}/v1"),
        "m",
    );
    let client = LlmClient::new(cfg, None)
        .unwrap()
        .with_retry_policy(fast_retry(2));
    let err = client.chat(&hello()).await.unwrap_err();
    assert!(matches!(err, LlmError::Connect { .. }), "{err}");
    assert!(err.to_string().contains("is the server running"), "{err}");
}

#[tokio::test]
async fn ping_returns_the_model_reply() {
    let server = FakeServer::start(vec![Reply::json(completion(json!(" pong\n"), "stop"))]).await;
    assert_eq!(openai(&server, None).ping().await.unwrap(), "pong");
    let body = &server.requests()[0].body;
    assert!(body.get("max_tokens").is_none() && body.get("max_completion_tokens").is_none());
}

/// `rate_limit_rpm` spreads requests evenly, and every client of the same provider in the
/// process shares the budget (extraction, agent runs and the chat each build their own).
#[tokio::test]
async fn rate_limit_spaces_requests_across_clients_of_one_provider() {
    let reply = || Reply::json(completion(json!("ok"), "stop"));
    let server = FakeServer::start(vec![reply(), reply(), reply(), reply()]).await;
    let cfg = ProviderConfig {
        // One request every 0.5 s.
        rate_limit_rpm: Some(120),
        ..ProviderConfig::new(
            ProviderKind::OpenAiCompatible,
            format!("{}/v1", server.base),
            "m",
        )
    };
    let a = LlmClient::new(cfg.clone(), None).unwrap();
    let b = LlmClient::new(cfg, None).unwrap();
    let req = hello();
    let started = Instant::now();
    let (r1, r2) = tokio::join!(a.chat(&req), b.chat(&req));
    r1.unwrap();
    r2.unwrap();
    a.chat(&hello()).await.unwrap();
    b.chat(&hello()).await.unwrap();
    // Four requests at 2 per second: the last cannot start before 1.5 s.
    let elapsed = started.elapsed();
    assert!(elapsed >= Duration::from_millis(1450), "{elapsed:?}");
    assert_eq!(server.requests().len(), 4);
}
