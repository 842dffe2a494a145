//! Which LLM to talk to. Stored as JSON in the settings table; the API key itself is in the
//! keychain and only its key name is here.

use serde::{Deserialize, Serialize};
use specta::Type;

/// The wire protocol a provider speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ProviderKind {
    /// `POST {base_url}/chat/completions`: OpenAI, OpenRouter, Ollama, LM Studio,
    /// llama.cpp server, vLLM...
    #[serde(rename = "openai_compatible")]
    OpenAiCompatible,
    /// `POST {base_url}/v1/messages`: the Anthropic Messages API.
    Anthropic,
}

impl ProviderKind {
    pub fn label(self) -> &'static str {
        match self {
            ProviderKind::OpenAiCompatible => "OpenAI-compatible",
            ProviderKind::Anthropic => "Anthropic",
        }
    }
}

pub const DEFAULT_TIMEOUT_SECS: u64 = 120;
pub const DEFAULT_MAX_RETRIES: u32 = 3;

fn default_timeout_secs() -> u64 {
    DEFAULT_TIMEOUT_SECS
}

fn default_max_retries() -> u32 {
    DEFAULT_MAX_RETRIES
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
// The UI reads it whole (the `serde(default)`s are for hand-written files), so its
// generated type has every field: `skip_attr` keeps specta from making them optional.
#[specta(skip_attr = "serde")]
pub struct ProviderConfig {
    pub kind: ProviderKind,
    /// For OpenAI-compatible servers the URL up to and including the version segment
    /// (`https://api.openai.com/v1`, `http://127.0.0.1:11434/v1`); for Anthropic the host
    /// (`https://api.anthropic.com`).
    pub base_url: String,
    pub model: String,
    /// Name of the keychain entry holding the API key; `None` for local servers without auth.
    #[serde(default)]
    pub api_key_ref: Option<String>,
    /// Connect + idle-read limit, and the total limit of a non-streaming call.
    #[serde(default = "default_timeout_secs")]
    pub timeout_secs: u64,
    /// Extra attempts after a 429, a 5xx or a failed connection.
    #[serde(default = "default_max_retries")]
    pub max_retries: u32,
    /// Most requests per minute, spread evenly, shared by everything in the process that
    /// uses this provider; `None` = no limit (local servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[specta(optional)]
    pub rate_limit_rpm: Option<u32>,
}

impl ProviderConfig {
    pub fn new(kind: ProviderKind, base_url: impl Into<String>, model: impl Into<String>) -> Self {
        ProviderConfig {
            kind,
            base_url: base_url.into(),
            model: model.into(),
            api_key_ref: None,
            timeout_secs: DEFAULT_TIMEOUT_SECS,
            max_retries: DEFAULT_MAX_RETRIES,
            rate_limit_rpm: None,
        }
    }

    /// A local Ollama server on its default port.
    pub fn ollama(model: impl Into<String>) -> Self {
        Self::new(
            ProviderKind::OpenAiCompatible,
            "http://127.0.0.1:11434/v1",
            model,
        )
    }

    pub fn openai(model: impl Into<String>) -> Self {
        ProviderConfig {
            api_key_ref: Some("llm.openai".into()),
            ..Self::new(
                ProviderKind::OpenAiCompatible,
                "https://api.openai.com/v1",
                model,
            )
        }
    }

    pub fn anthropic(model: impl Into<String>) -> Self {
        ProviderConfig {
            api_key_ref: Some("llm.anthropic".into()),
            ..Self::new(ProviderKind::Anthropic, "https://api.anthropic.com", model)
        }
    }

    /// "Anthropic (api.anthropic.com)": how errors name the provider.
    pub fn display_name(&self) -> String {
        let host = reqwest::Url::parse(&self.base_url)
            .ok()
            .and_then(|u| {
                u.host_str().map(|h| match u.port() {
                    Some(p) => format!("{h}:{p}"),
                    None => h.to_string(),
                })
            })
            .unwrap_or_else(|| self.base_url.clone());
        format!("{} ({host})", self.kind.label())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn json_round_trip_with_defaults() {
        let c: ProviderConfig = serde_json::from_str(
            r#"{"kind":"openai_compatible","base_url":"http://127.0.0.1:8080/v1","model":"gemma"}"#,
        )
        .unwrap();
        assert_eq!(c.timeout_secs, DEFAULT_TIMEOUT_SECS);
        assert_eq!(c.max_retries, DEFAULT_MAX_RETRIES);
        assert_eq!(c.api_key_ref, None);
        let back: ProviderConfig =
            serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
        assert_eq!(back, c);
        assert_eq!(c.display_name(), "OpenAI-compatible (127.0.0.1:8080)");
        assert_eq!(
            ProviderConfig::anthropic("claude").display_name(),
            "Anthropic (api.anthropic.com)"
        );
    }
}
