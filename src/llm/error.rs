//! Errors from talking to an LLM. Every message is one line, says what to do, and never holds
//! an API key: bodies of auth failures are dropped and other bodies are scrubbed of the key.

use crate::secrets::SecretError;

#[derive(Debug, thiserror::Error)]
pub enum LlmError {
    #[error("the LLM settings are invalid: {0}")]
    Config(String),

    #[error(
        "no API key for {provider} in the keychain (entry '{key_ref}'); set one with `utter llm set --api-key` (it reads the key from stdin)"
    )]
    MissingKey { provider: String, key_ref: String },

    #[error("reading the API key for {provider} failed: {source}")]
    Secret {
        provider: String,
        #[source]
        source: SecretError,
    },

    #[error(
        "the API key for {provider} was rejected (HTTP {status}); set a new one with `utter llm set --api-key` (it reads the key from stdin)"
    )]
    Auth { provider: String, status: u16 },

    #[error(
        "cannot reach {provider} at {url}: {reason}; is the server running and the base URL right?"
    )]
    Connect {
        provider: String,
        url: String,
        reason: String,
    },

    #[error("{provider} did not answer within {secs}s; raise timeout_secs or use a faster model")]
    Timeout { provider: String, secs: u64 },

    #[error("{provider} is rate limiting requests (HTTP 429) after {attempts} attempts{}; try again later", wait_hint(*.retry_after_secs))]
    RateLimited {
        provider: String,
        attempts: u32,
        retry_after_secs: Option<u64>,
    },

    #[error("{provider} failed with HTTP {status} after {attempts} attempts: {message}")]
    Server {
        provider: String,
        status: u16,
        attempts: u32,
        message: String,
    },

    #[error("{provider} refused the request (HTTP {status}): {message}")]
    Rejected {
        provider: String,
        status: u16,
        message: String,
    },

    #[error("{provider} sent a response Utter cannot read: {detail}")]
    Malformed { provider: String, detail: String },

    #[error("{provider} reported an error mid-stream: {message}")]
    Stream { provider: String, message: String },

    #[error("the model declined to answer: {0}")]
    Refused(String),

    #[error("the model's output did not match the expected format, even after a retry: {0}")]
    InvalidOutput(String),
}

fn wait_hint(secs: Option<u64>) -> String {
    match secs {
        Some(s) => format!(" (the server asks to wait {s}s)"),
        None => String::new(),
    }
}

impl LlmError {
    /// An error object the provider sent inside a stream: its `message`, or the whole object.
    pub(crate) fn stream(provider: &str, error: &serde_json::Value) -> LlmError {
        let msg = error
            .get("message")
            .and_then(serde_json::Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| error.to_string());
        LlmError::Stream {
            provider: provider.to_string(),
            message: one_line(&msg, 300),
        }
    }

    /// A response that does not follow the provider's wire format.
    pub(crate) fn malformed(provider: &str, detail: impl Into<String>) -> LlmError {
        LlmError::Malformed {
            provider: provider.to_string(),
            detail: detail.into(),
        }
    }

    /// Whether the same request may succeed if sent again later.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            LlmError::Connect { .. }
                | LlmError::Timeout { .. }
                | LlmError::RateLimited { .. }
                | LlmError::Server { .. }
                | LlmError::Stream { .. }
        )
    }
}

/// Squeezes a server message onto one short line, without the escape sequences a hostile or
/// broken server may put in it.
pub(crate) fn one_line(s: &str, max_chars: usize) -> String {
    let safe = crate::sanitize::terminal_safe(s);
    let flat: String = safe.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max_chars {
        return flat;
    }
    let mut cut: String = flat.chars().take(max_chars).collect();
    cut.push('…');
    cut
}
