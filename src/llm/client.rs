//! The HTTP side: one client per provider config, retries, timeouts, error mapping.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderValue};
use reqwest::{StatusCode, Url};
use serde_json::Value;
use tracing::{debug, warn};

use super::config::{ProviderConfig, ProviderKind};
use super::error::{LlmError, one_line};
use super::retry::{RetryPolicy, retry_after};
use super::types::{ChatRequest, ChatResponse, Message};
use super::{anthropic, openai};
use crate::secrets::{Secret, SecretStore};

/// Anthropic's API version header; 2023-06-01 is the current stable one.
const ANTHROPIC_VERSION: &str = "2023-06-01";

/// Talks to one configured provider. Cheap to clone (the HTTP pool is shared).
#[derive(Clone)]
pub struct LlmClient {
    config: ProviderConfig,
    provider: String,
    endpoint: Url,
    headers: HeaderMap,
    /// Kept only to scrub it out of server error messages.
    api_key: Option<Secret>,
    http: reqwest::Client,
    retry: RetryPolicy,
    /// Set once the server has rejected `response_format: json_schema` (llama-cpp-python,
    /// older servers); later calls go straight to `json_object`. Shared between clones.
    json_object_mode: Arc<AtomicBool>,
    /// Shared with every client of the same endpoint and rate in this process.
    limiter: Option<Arc<governor::DefaultDirectRateLimiter>>,
}

impl std::fmt::Debug for LlmClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LlmClient")
            .field("provider", &self.provider)
            .field("endpoint", &self.endpoint.as_str())
            .field("model", &self.config.model)
            .field("api_key", &self.api_key)
            .finish()
    }
}

impl LlmClient {
    /// A client with the key given directly (`None` for servers without auth).
    pub fn new(config: ProviderConfig, api_key: Option<Secret>) -> Result<Self, LlmError> {
        let provider = config.display_name();
        let endpoint = endpoint(&config)?;
        if config.model.trim().is_empty() {
            return Err(LlmError::Config("the model name is empty".into()));
        }
        let api_key = api_key.filter(|k| !k.expose().trim().is_empty());
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        let bad_key = || {
            LlmError::Config(format!(
                "the API key for {provider} contains characters not allowed in an HTTP header"
            ))
        };
        match config.kind {
            ProviderKind::OpenAiCompatible => {
                if let Some(key) = &api_key {
                    let mut v = HeaderValue::from_str(&format!("Bearer {}", key.expose().trim()))
                        .map_err(|_| bad_key())?;
                    // Keeps the value out of reqwest's and hyper's Debug output.
                    v.set_sensitive(true);
                    headers.insert(reqwest::header::AUTHORIZATION, v);
                }
            }
            ProviderKind::Anthropic => {
                if let Some(key) = &api_key {
                    let mut v =
                        HeaderValue::from_str(key.expose().trim()).map_err(|_| bad_key())?;
                    v.set_sensitive(true);
                    headers.insert("x-api-key", v);
                }
                headers.insert(
                    "anthropic-version",
                    HeaderValue::from_static(ANTHROPIC_VERSION),
                );
            }
        }
        let timeout = Duration::from_secs(config.timeout_secs.max(1));
        let http = reqwest::Client::builder()
            .connect_timeout(timeout.min(Duration::from_secs(15)))
            // An idle limit rather than a total one, so a long stream that keeps sending
            // is not cut off; non-streaming calls also get a total limit per request.
            .read_timeout(timeout)
            .user_agent(concat!("utter/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| LlmError::Config(format!("cannot build the HTTP client: {e}")))?;
        let retry = RetryPolicy::new(config.max_retries);
        let limiter = super::rate_limit::limiter(endpoint.as_str(), config.rate_limit_rpm);
        Ok(LlmClient {
            config,
            provider,
            endpoint,
            headers,
            api_key,
            http,
            retry,
            json_object_mode: Arc::new(AtomicBool::new(false)),
            limiter,
        })
    }

    /// A client whose key is read from `store` under `config.api_key_ref`.
    /// This blocks on the keychain: call it from `spawn_blocking` in async code.
    pub fn from_store(config: ProviderConfig, store: &dyn SecretStore) -> Result<Self, LlmError> {
        let key = match &config.api_key_ref {
            None => None,
            Some(key_ref) => {
                let provider = config.display_name();
                match store.get(key_ref) {
                    Ok(Some(k)) => Some(k),
                    Ok(None) => {
                        return Err(LlmError::MissingKey {
                            provider,
                            key_ref: key_ref.clone(),
                        });
                    }
                    Err(source) => return Err(LlmError::Secret { provider, source }),
                }
            }
        };
        Self::new(config, key)
    }

    /// Replaces the retry timing (tests use short backoffs).
    pub fn with_retry_policy(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    pub fn config(&self) -> &ProviderConfig {
        &self.config
    }

    /// "Anthropic (api.anthropic.com)".
    pub fn provider_name(&self) -> &str {
        &self.provider
    }

    /// One complete reply.
    pub async fn chat(&self, req: &ChatRequest) -> Result<ChatResponse, LlmError> {
        let resp = self.post_chat(req, false).await?;
        let timeout = self.config.timeout_secs;
        let bytes = resp
            .bytes()
            .await
            .map_err(|e| transport_error(&e, &self.provider, self.endpoint.as_str(), timeout))?;
        let structured = req.response_format.as_ref().map(|f| f.name.as_str());
        match self.config.kind {
            ProviderKind::OpenAiCompatible => openai::parse_response(&self.provider, &bytes),
            ProviderKind::Anthropic => {
                anthropic::parse_response(&self.provider, &bytes, structured)
            }
        }
    }

    /// A reply streamed over SSE: `on_delta` gets each piece of text as it arrives (with a
    /// JSON schema format, pieces of the JSON). Returns the whole reply, tool calls included.
    pub async fn chat_stream(
        &self,
        req: &ChatRequest,
        mut on_delta: impl FnMut(&str),
    ) -> Result<ChatResponse, LlmError> {
        let resp = self.post_chat(req, true).await?;
        let url = self.endpoint.as_str();
        let timeout = self.config.timeout_secs;
        let structured = req.response_format.as_ref().map(|f| f.name.as_str());
        match self.config.kind {
            ProviderKind::OpenAiCompatible => {
                let mut acc = openai::StreamAccumulator::default();
                let done = super::sse::read_events(resp, &self.provider, url, timeout, |ev| {
                    acc.on_event(&self.provider, &ev, &mut on_delta)
                })
                .await?;
                acc.finish(&self.provider, done)
            }
            ProviderKind::Anthropic => {
                let mut acc = anthropic::StreamAccumulator::new(structured);
                let done = super::sse::read_events(resp, &self.provider, url, timeout, |ev| {
                    acc.on_event(&self.provider, &ev, &mut on_delta)
                })
                .await?;
                acc.finish(&self.provider, done)
            }
        }
    }

    /// A minimal round trip for `utter llm test`: returns what the model said.
    pub async fn ping(&self) -> Result<String, LlmError> {
        let req = ChatRequest {
            messages: vec![Message::user(
                "This is a connection test. Reply with the single word: pong",
            )],
            // No token limit: reasoning models spend part of any limit thinking and could
            // come back empty; the prompt keeps the reply short.
            ..Default::default()
        };
        let resp = self.chat(&req).await?;
        let text = resp.text.trim().to_string();
        if text.is_empty() {
            return Err(LlmError::Malformed {
                provider: self.provider.clone(),
                detail: "the model returned an empty reply".into(),
            });
        }
        Ok(text)
    }

    /// Sends `req`; when an OpenAI-compatible server rejects the `json_schema` response
    /// format, sends it once more as `json_object` and remembers that for later calls.
    async fn post_chat(
        &self,
        req: &ChatRequest,
        stream: bool,
    ) -> Result<reqwest::Response, LlmError> {
        match self.post(&self.body(req, stream), stream).await {
            Err(e) if self.schema_format_unsupported(req, &e) => {
                warn!(provider = %self.provider, "server rejects response_format json_schema; using json_object");
                self.json_object_mode.store(true, Ordering::Relaxed);
                self.post(&self.body(req, stream), stream).await
            }
            other => other,
        }
    }

    fn schema_format_unsupported(&self, req: &ChatRequest, e: &LlmError) -> bool {
        if self.config.kind != ProviderKind::OpenAiCompatible
            || req.response_format.is_none()
            || self.json_object_mode.load(Ordering::Relaxed)
        {
            return false;
        }
        match e {
            LlmError::Rejected { message, .. } | LlmError::Server { message, .. } => {
                let m = message.to_ascii_lowercase();
                m.contains("response_format") || m.contains("json_schema")
            }
            _ => false,
        }
    }

    fn body(&self, req: &ChatRequest, stream: bool) -> Value {
        match self.config.kind {
            ProviderKind::OpenAiCompatible => {
                let official = self.endpoint.host_str() == Some("api.openai.com");
                let json_object = self.json_object_mode.load(Ordering::Relaxed);
                openai::request_body(&self.config.model, req, stream, official, json_object)
            }
            ProviderKind::Anthropic => anthropic::request_body(&self.config.model, req, stream),
        }
    }

    /// POSTs `body`, retrying 429, 5xx and connection failures; returns a 2xx response.
    async fn post(&self, body: &Value, stream: bool) -> Result<reqwest::Response, LlmError> {
        let bytes = serde_json::to_vec(body)
            .map_err(|e| LlmError::Config(format!("cannot encode the request: {e}")))?;
        let url = self.endpoint.as_str();
        let timeout_secs = self.config.timeout_secs.max(1);
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            let retries_left = attempt <= self.retry.max_retries;
            if let Some(limiter) = &self.limiter {
                limiter.until_ready().await;
            }
            let mut rb = self
                .http
                .post(self.endpoint.clone())
                .headers(self.headers.clone())
                .body(bytes.clone());
            if stream {
                rb = rb.header(
                    reqwest::header::ACCEPT,
                    HeaderValue::from_static("text/event-stream"),
                );
            } else {
                rb = rb.timeout(Duration::from_secs(timeout_secs));
            }
            debug!(provider = %self.provider, attempt, stream, "LLM request");
            let resp = match rb.send().await {
                Ok(r) => r,
                Err(e) => {
                    let err = transport_error(&e, &self.provider, url, timeout_secs);
                    if matches!(err, LlmError::Connect { .. }) && retries_left {
                        let wait = self.retry.backoff(attempt - 1);
                        warn!(provider = %self.provider, attempt, ?wait, "cannot connect; retrying");
                        tokio::time::sleep(wait).await;
                        continue;
                    }
                    return Err(err);
                }
            };
            let status = resp.status();
            if status.is_success() {
                return Ok(resp);
            }
            if status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN {
                // The body is not read: some servers echo part of the key back.
                return Err(LlmError::Auth {
                    provider: self.provider.clone(),
                    status: status.as_u16(),
                });
            }
            let wait_hint = retry_after(resp.headers());
            let message = self.error_message(resp).await;
            // OpenAI answers an exhausted quota with 429 too; waiting will not fix that one.
            let out_of_quota = status == StatusCode::TOO_MANY_REQUESTS
                && message.to_ascii_lowercase().contains("quota");
            let retryable = (status == StatusCode::TOO_MANY_REQUESTS && !out_of_quota)
                || status.is_server_error();
            if retryable
                && retries_left
                && let Some(wait) = self.retry.delay(attempt - 1, wait_hint)
            {
                warn!(provider = %self.provider, status = status.as_u16(), attempt, ?wait, "retrying");
                tokio::time::sleep(wait).await;
                continue;
            }
            return Err(
                if status == StatusCode::TOO_MANY_REQUESTS && !out_of_quota {
                    LlmError::RateLimited {
                        provider: self.provider.clone(),
                        attempts: attempt,
                        retry_after_secs: wait_hint.map(|d| d.as_secs()),
                    }
                } else if status.is_server_error() {
                    LlmError::Server {
                        provider: self.provider.clone(),
                        status: status.as_u16(),
                        attempts: attempt,
                        message,
                    }
                } else {
                    LlmError::Rejected {
                        provider: self.provider.clone(),
                        status: status.as_u16(),
                        message,
                    }
                },
            );
        }
    }

    /// The server's own words from an error body (`{"error":{"message":...}}` for OpenAI and
    /// Anthropic, `{"error":"..."}` for Ollama), on one line, with the key scrubbed out.
    async fn error_message(&self, resp: reqwest::Response) -> String {
        let text = match tokio::time::timeout(Duration::from_secs(5), resp.text()).await {
            Ok(Ok(t)) => t,
            _ => String::new(),
        };
        let from_json = serde_json::from_str::<Value>(&text).ok().and_then(|v| {
            let e = v.get("error")?;
            e.get("message")
                .and_then(Value::as_str)
                .or_else(|| e.as_str())
                .map(str::to_string)
        });
        let mut msg = from_json.unwrap_or(text);
        if let Some(key) = &self.api_key {
            let k = key.expose().trim();
            if k.len() >= 4 {
                msg = msg.replace(k, "***");
            }
        }
        let msg = one_line(&msg, 300);
        if msg.is_empty() {
            "no details given".into()
        } else {
            msg
        }
    }
}

/// The full URL requests go to.
fn endpoint(config: &ProviderConfig) -> Result<Url, LlmError> {
    let base = config.base_url.trim().trim_end_matches('/');
    let path = match config.kind {
        ProviderKind::OpenAiCompatible => "/chat/completions",
        // Accept both `https://api.anthropic.com` and `.../v1`.
        ProviderKind::Anthropic if base.ends_with("/v1") => "/messages",
        ProviderKind::Anthropic => "/v1/messages",
    };
    let url = Url::parse(&format!("{base}{path}")).map_err(|e| {
        LlmError::Config(format!("base URL '{}' is not a URL: {e}", config.base_url))
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(LlmError::Config(format!(
            "base URL '{}' must start with http:// or https://",
            config.base_url
        )));
    }
    Ok(url)
}

/// Maps a reqwest failure (no HTTP status) to a connect or timeout error with its root cause.
pub(crate) fn transport_error(
    e: &reqwest::Error,
    provider: &str,
    url: &str,
    timeout_secs: u64,
) -> LlmError {
    if e.is_timeout() && !e.is_connect() {
        return LlmError::Timeout {
            provider: provider.to_string(),
            secs: timeout_secs,
        };
    }
    // reqwest's own message is "error sending request for url (...)"; the useful part
    // ("Connection refused") is at the bottom of the source chain.
    let mut root: &dyn std::error::Error = e;
    while let Some(next) = root.source() {
        root = next;
    }
    let reason = if e.is_connect() {
        one_line(&root.to_string(), 200)
    } else if e.is_body() || e.is_decode() {
        format!(
            "the connection dropped while reading the reply ({})",
            one_line(&root.to_string(), 160)
        )
    } else {
        one_line(&root.to_string(), 200)
    };
    LlmError::Connect {
        provider: provider.to_string(),
        url: url.to_string(),
        reason,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::secrets::MemoryStore;

    #[test]
    fn endpoints() {
        let e = |kind, base: &str| {
            endpoint(&ProviderConfig::new(kind, base, "m"))
                .map(|u| u.to_string())
                .map_err(|e| e.to_string())
        };
        assert_eq!(
            e(ProviderKind::OpenAiCompatible, "http://127.0.0.1:11434/v1/").unwrap(),
            "http://127.0.0.1:11434/v1/chat/completions"
        );
        assert_eq!(
            e(ProviderKind::Anthropic, "https://api.anthropic.com").unwrap(),
            "https://api.anthropic.com/v1/messages"
        );
        assert_eq!(
            e(ProviderKind::Anthropic, "https://api.anthropic.com/v1").unwrap(),
            "https://api.anthropic.com/v1/messages"
        );
        assert!(e(ProviderKind::Anthropic, "ftp://x").is_err());
        assert!(e(ProviderKind::Anthropic, "not a url").is_err());
    }

    #[test]
    fn key_comes_from_the_store_and_never_shows() {
        let store = MemoryStore::new();
        let cfg = ProviderConfig::openai("gpt-4o-mini");
        let err = LlmClient::from_store(cfg.clone(), &store).unwrap_err();
        assert!(err.to_string().contains("no API key"), "{err}");
        store
            .set("llm.openai", &Secret::new("sk-test-SECRET123"))
            .unwrap();
        let client = LlmClient::from_store(cfg, &store).unwrap();
        let dbg = format!("{client:?} {:?}", client.headers);
        assert!(!dbg.contains("SECRET123"), "{dbg}");
    }
}
