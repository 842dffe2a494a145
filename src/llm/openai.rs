//! The OpenAI Chat Completions wire format, spoken by OpenAI, OpenRouter, Ollama, LM Studio,
//! llama.cpp server and vLLM.

use std::collections::BTreeMap;

use eventsource_stream::Event;
use serde::Deserialize;
use serde_json::{Value, json};

use super::error::LlmError;
use super::sse::Flow;
use super::types::{ChatRequest, ChatResponse, FinishReason, Message, ToolCall, ToolChoice, Usage};

/// `official` is true for api.openai.com, which has replaced `max_tokens` with
/// `max_completion_tokens` (its reasoning models reject the old name); the compatible
/// servers (Ollama, llama.cpp, LM Studio) only know `max_tokens`.
/// `json_object` sends a schema format as `{type: json_object, schema}` for servers that do
/// not know `json_schema` (llama-cpp-python turns that schema into a grammar; others at least
/// force JSON, and the caller validates).
pub(crate) fn request_body(
    model: &str,
    req: &ChatRequest,
    stream: bool,
    official: bool,
    json_object: bool,
) -> Value {
    let mut messages = Vec::with_capacity(req.messages.len() + 1);
    if let Some(system) = &req.system {
        messages.push(json!({"role": "system", "content": system}));
    }
    for m in &req.messages {
        messages.push(match m {
            Message::User { content } => json!({"role": "user", "content": content}),
            Message::Assistant {
                content,
                tool_calls,
            } => {
                let mut msg = json!({"role": "assistant", "content": content});
                if !tool_calls.is_empty() {
                    if content.is_empty() {
                        msg["content"] = Value::Null;
                    }
                    msg["tool_calls"] = tool_calls
                        .iter()
                        .map(|c| {
                            json!({
                                "id": c.id,
                                "type": "function",
                                "function": {"name": c.name, "arguments": c.arguments},
                            })
                        })
                        .collect();
                }
                msg
            }
            Message::Tool {
                call_id, content, ..
            } => json!({"role": "tool", "tool_call_id": call_id, "content": content}),
        });
    }
    let mut body = json!({"model": model, "messages": messages});
    if !req.tools.is_empty() {
        body["tools"] = req
            .tools
            .iter()
            .map(|t| {
                json!({
                    "type": "function",
                    "function": {"name": t.name, "description": t.description, "parameters": t.parameters},
                })
            })
            .collect();
        body["tool_choice"] = match &req.tool_choice {
            ToolChoice::Auto => json!("auto"),
            ToolChoice::None => json!("none"),
            ToolChoice::Required => json!("required"),
            ToolChoice::Tool(name) => json!({"type": "function", "function": {"name": name}}),
        };
    }
    if let Some(f) = &req.response_format
        && json_object
    {
        body["response_format"] = json!({"type": "json_object", "schema": f.schema});
    } else if let Some(f) = &req.response_format {
        let mut schema = json!({"name": f.name, "schema": f.schema, "strict": true});
        if let Some(d) = &f.description {
            schema["description"] = json!(d);
        }
        body["response_format"] = json!({"type": "json_schema", "json_schema": schema});
    }
    if let Some(n) = req.max_tokens {
        let field = if official {
            "max_completion_tokens"
        } else {
            "max_tokens"
        };
        body[field] = json!(n);
    }
    if let Some(t) = req.temperature {
        body["temperature"] = json!(t);
    }
    if stream {
        body["stream"] = json!(true);
        // Without this the usage numbers never arrive in a stream.
        body["stream_options"] = json!({"include_usage": true});
    }
    body
}

#[derive(Deserialize)]
struct Completion {
    #[serde(default)]
    model: Option<String>,
    #[serde(default)]
    choices: Vec<Choice>,
    #[serde(default)]
    usage: Option<WireUsage>,
}

#[derive(Deserialize)]
struct Choice {
    message: WireMessage,
    #[serde(default)]
    finish_reason: Option<String>,
}

#[derive(Deserialize)]
struct WireMessage {
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    refusal: Option<String>,
    #[serde(default)]
    tool_calls: Vec<WireToolCall>,
}

#[derive(Deserialize)]
struct WireToolCall {
    #[serde(default)]
    id: Option<String>,
    function: WireFunction,
}

#[derive(Deserialize)]
struct WireFunction {
    name: String,
    #[serde(default)]
    arguments: Option<ArgumentsField>,
}

/// OpenAI sends arguments as a JSON string; a few compatible servers send an object.
#[derive(Deserialize)]
#[serde(untagged)]
enum ArgumentsField {
    Text(String),
    Object(Value),
}

impl ArgumentsField {
    fn into_string(self) -> String {
        match self {
            ArgumentsField::Text(s) => s,
            ArgumentsField::Object(v) => v.to_string(),
        }
    }
}

#[derive(Deserialize, Clone, Copy)]
struct WireUsage {
    #[serde(default)]
    prompt_tokens: u64,
    #[serde(default)]
    completion_tokens: u64,
}

impl From<WireUsage> for Usage {
    fn from(u: WireUsage) -> Self {
        Usage {
            input_tokens: u.prompt_tokens,
            output_tokens: u.completion_tokens,
        }
    }
}

fn finish_reason(s: &str) -> FinishReason {
    match s {
        "stop" => FinishReason::Stop,
        "length" => FinishReason::Length,
        "tool_calls" | "function_call" => FinishReason::ToolCalls,
        "content_filter" => FinishReason::ContentFilter,
        other => FinishReason::Other(other.to_string()),
    }
}

fn call_id(id: Option<String>, i: usize) -> String {
    // Some local servers omit ids; agents need one to pair results with calls.
    id.filter(|s| !s.is_empty())
        .unwrap_or_else(|| format!("call_{i}"))
}

pub(crate) fn parse_response(provider: &str, bytes: &[u8]) -> Result<ChatResponse, LlmError> {
    let c: Completion = serde_json::from_slice(bytes)
        .map_err(|e| LlmError::malformed(provider, format!("not a chat completion ({e})")))?;
    let Some(choice) = c.choices.into_iter().next() else {
        return Err(LlmError::malformed(provider, "the reply has no choices"));
    };
    if let Some(r) = choice.message.refusal.filter(|r| !r.is_empty()) {
        return Err(LlmError::Refused(super::error::one_line(&r, 300)));
    }
    let tool_calls = choice
        .message
        .tool_calls
        .into_iter()
        .enumerate()
        .map(|(i, t)| ToolCall {
            id: call_id(t.id, i),
            name: t.function.name,
            arguments: t
                .function
                .arguments
                .map(ArgumentsField::into_string)
                .unwrap_or_default(),
        })
        .collect();
    Ok(ChatResponse {
        text: choice.message.content.unwrap_or_default(),
        tool_calls,
        finish_reason: choice.finish_reason.as_deref().map(finish_reason),
        usage: c.usage.map(Usage::from),
        model: c.model,
    })
}

#[derive(Deserialize)]
struct Chunk {
    #[serde(default)]
    model: Option<String>,
    #[serde(default)]
    choices: Vec<ChunkChoice>,
    #[serde(default)]
    usage: Option<WireUsage>,
    #[serde(default)]
    error: Option<Value>,
}

#[derive(Deserialize)]
struct ChunkChoice {
    #[serde(default)]
    delta: Option<Delta>,
    #[serde(default)]
    finish_reason: Option<String>,
}

#[derive(Deserialize)]
struct Delta {
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    refusal: Option<String>,
    #[serde(default)]
    tool_calls: Vec<DeltaToolCall>,
}

#[derive(Deserialize)]
struct DeltaToolCall {
    #[serde(default)]
    index: Option<usize>,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    function: Option<DeltaFunction>,
}

#[derive(Deserialize)]
struct DeltaFunction {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    arguments: Option<ArgumentsField>,
}

#[derive(Default)]
struct PartialCall {
    id: Option<String>,
    name: String,
    arguments: String,
}

/// Builds a [`ChatResponse`] from `chat.completion.chunk` events.
#[derive(Default)]
pub(crate) struct StreamAccumulator {
    text: String,
    refusal: String,
    calls: BTreeMap<usize, PartialCall>,
    finish: Option<String>,
    usage: Option<Usage>,
    model: Option<String>,
}

impl StreamAccumulator {
    pub(crate) fn on_event(
        &mut self,
        provider: &str,
        ev: &Event,
        on_delta: &mut impl FnMut(&str),
    ) -> Result<Flow, LlmError> {
        let data = ev.data.trim();
        if data == "[DONE]" {
            return Ok(Flow::Done);
        }
        if data.is_empty() {
            return Ok(Flow::Continue);
        }
        let chunk: Chunk = serde_json::from_str(data)
            .map_err(|e| LlmError::malformed(provider, format!("bad stream chunk ({e})")))?;
        if let Some(err) = chunk.error {
            return Err(LlmError::stream(provider, &err));
        }
        if self.model.is_none() {
            self.model = chunk.model;
        }
        if let Some(u) = chunk.usage {
            self.usage = Some(u.into());
        }
        for choice in chunk.choices {
            if let Some(f) = choice.finish_reason {
                self.finish = Some(f);
            }
            let Some(delta) = choice.delta else { continue };
            if let Some(t) = delta.content.filter(|t| !t.is_empty()) {
                on_delta(&t);
                self.text.push_str(&t);
            }
            if let Some(r) = delta.refusal {
                self.refusal.push_str(&r);
            }
            for (pos, tc) in delta.tool_calls.into_iter().enumerate() {
                // `index` says which call a piece belongs to; pieces of one call share it.
                let idx = tc.index.unwrap_or(pos);
                let call = self.calls.entry(idx).or_default();
                if let Some(id) = tc.id.filter(|s| !s.is_empty()) {
                    call.id = Some(id);
                }
                if let Some(f) = tc.function {
                    if let Some(n) = f.name {
                        call.name.push_str(&n);
                    }
                    if let Some(a) = f.arguments {
                        call.arguments.push_str(&a.into_string());
                    }
                }
            }
        }
        Ok(Flow::Continue)
    }

    pub(crate) fn finish(self, provider: &str, saw_done: bool) -> Result<ChatResponse, LlmError> {
        if !saw_done && self.finish.is_none() {
            return Err(LlmError::malformed(
                provider,
                "the stream ended before the reply was complete",
            ));
        }
        if !self.refusal.is_empty() {
            return Err(LlmError::Refused(super::error::one_line(
                &self.refusal,
                300,
            )));
        }
        let tool_calls = self
            .calls
            .into_values()
            .enumerate()
            .map(|(i, c)| ToolCall {
                id: call_id(c.id, i),
                name: c.name,
                arguments: c.arguments,
            })
            .collect();
        Ok(ChatResponse {
            text: self.text,
            tool_calls,
            finish_reason: self.finish.as_deref().map(finish_reason),
            usage: self.usage,
            model: self.model,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn token_limit_field_depends_on_the_server() {
        let req = ChatRequest {
            messages: vec![Message::user("hi")],
            max_tokens: Some(10),
            ..Default::default()
        };
        let official = request_body("gpt-5-mini", &req, false, true, false);
        assert_eq!(official["max_completion_tokens"], 10);
        assert!(official.get("max_tokens").is_none());
        let local = request_body("llama", &req, false, false, false);
        assert_eq!(local["max_tokens"], 10);
        // No tools: no tool_choice either (some servers reject a choice without tools).
        assert!(local.get("tool_choice").is_none());
    }
}
