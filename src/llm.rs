//! Talking to language models: OpenAI-compatible servers (OpenAI, OpenRouter, Ollama,
//! LM Studio, llama.cpp server) and the Anthropic Messages API, with streaming, tool calls,
//! JSON-schema output, retries and timeouts. [`extract_llm`] turns a transcript into tasks
//! with a model and falls back to the offline engine.

mod anthropic;
mod client;
mod config;
mod error;
pub mod extract_llm;
mod openai;
mod rate_limit;
mod retry;
mod sse;
mod types;

pub use client::LlmClient;
pub use config::{DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_SECS, ProviderConfig, ProviderKind};
pub use error::LlmError;
pub(crate) use error::one_line;
pub use extract_llm::{EngineUsed, extract_auto, extract_with_llm};
pub use retry::RetryPolicy;
pub use types::{
    ChatRequest, ChatResponse, DEFAULT_MAX_TOKENS, FinishReason, JsonSchemaFormat, Message,
    ToolCall, ToolChoice, ToolSpec, Usage,
};
