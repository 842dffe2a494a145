//! The Anthropic Messages API wire format.

use std::collections::BTreeMap;

use eventsource_stream::Event;
use serde::Deserialize;
use serde_json::{Value, json};

use super::error::{LlmError, one_line};
use super::sse::Flow;
use super::types::{
    ChatRequest, ChatResponse, DEFAULT_MAX_TOKENS, FinishReason, Message, ToolCall, ToolChoice,
    Usage,
};

pub(crate) fn request_body(model: &str, req: &ChatRequest, stream: bool) -> Value {
    // Anthropic wants alternating turns and all tool results of a turn in one user message,
    // so consecutive messages of the same role are merged into one list of blocks.
    let mut messages: Vec<(&'static str, Vec<Value>)> = Vec::new();
    for m in &req.messages {
        let (role, blocks) = match m {
            Message::User { content } => ("user", vec![json!({"type": "text", "text": content})]),
            Message::Assistant {
                content,
                tool_calls,
            } => {
                let mut blocks = Vec::new();
                if !content.is_empty() {
                    blocks.push(json!({"type": "text", "text": content}));
                }
                for c in tool_calls {
                    // The API wants an object; a malformed call from a weak model is sent
                    // back as {} rather than failing the whole conversation.
                    let input = c
                        .arguments_json()
                        .ok()
                        .filter(Value::is_object)
                        .unwrap_or_else(|| json!({}));
                    blocks.push(
                        json!({"type": "tool_use", "id": c.id, "name": c.name, "input": input}),
                    );
                }
                ("assistant", blocks)
            }
            Message::Tool {
                call_id,
                content,
                is_error,
            } => (
                "user",
                vec![json!({
                    "type": "tool_result",
                    "tool_use_id": call_id,
                    "content": content,
                    "is_error": is_error,
                })],
            ),
        };
        if blocks.is_empty() {
            continue;
        }
        match messages.last_mut() {
            Some((last_role, last)) if *last_role == role => last.extend(blocks),
            _ => messages.push((role, blocks)),
        }
    }
    let messages: Vec<Value> = messages
        .into_iter()
        .map(|(role, content)| json!({"role": role, "content": content}))
        .collect();

    let mut body = json!({
        "model": model,
        "max_tokens": req.max_tokens.unwrap_or(DEFAULT_MAX_TOKENS),
        "messages": messages,
    });
    if let Some(system) = &req.system {
        body["system"] = json!(system);
    }
    let mut tools: Vec<Value> = req
        .tools
        .iter()
        .map(
            |t| json!({"name": t.name, "description": t.description, "input_schema": t.parameters}),
        )
        .collect();
    let mut tool_choice = match &req.tool_choice {
        ToolChoice::Auto => json!({"type": "auto"}),
        ToolChoice::None => json!({"type": "none"}),
        ToolChoice::Required => json!({"type": "any"}),
        ToolChoice::Tool(name) => json!({"type": "tool", "name": name}),
    };
    if let Some(f) = &req.response_format {
        // Anthropic's way to schema-conforming JSON: a tool whose input is the answer, and
        // the model forced to call it.
        tools.push(json!({
            "name": f.name,
            "description": f.description.clone().unwrap_or_else(|| "Record the answer.".into()),
            "input_schema": f.schema,
        }));
        tool_choice = json!({"type": "tool", "name": f.name});
    }
    if !tools.is_empty() {
        body["tools"] = Value::Array(tools);
        body["tool_choice"] = tool_choice;
    }
    if let Some(t) = req.temperature {
        body["temperature"] = json!(t);
    }
    if stream {
        body["stream"] = json!(true);
    }
    body
}

#[derive(Deserialize)]
struct WireMessage {
    #[serde(default)]
    model: Option<String>,
    #[serde(default)]
    content: Vec<Block>,
    #[serde(default)]
    stop_reason: Option<String>,
    #[serde(default)]
    usage: Option<WireUsage>,
}

#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Block {
    Text {
        text: String,
    },
    ToolUse {
        id: String,
        name: String,
        #[serde(default)]
        input: Value,
    },
    /// thinking, redacted_thinking, server tool blocks...: not part of the answer.
    #[serde(other)]
    Other,
}

#[derive(Deserialize, Default, Clone, Copy)]
struct WireUsage {
    #[serde(default)]
    input_tokens: u64,
    #[serde(default)]
    output_tokens: u64,
}

fn finish_reason(s: &str) -> FinishReason {
    match s {
        "end_turn" | "stop_sequence" => FinishReason::Stop,
        "max_tokens" => FinishReason::Length,
        "tool_use" => FinishReason::ToolCalls,
        other => FinishReason::Other(other.to_string()),
    }
}

/// Turns the collected blocks into a response; the forced structured-output tool call, if
/// any, becomes the text.
fn assemble(
    provider: &str,
    mut text: String,
    calls: Vec<ToolCall>,
    stop_reason: Option<String>,
    usage: Option<Usage>,
    model: Option<String>,
    structured: Option<&str>,
) -> Result<ChatResponse, LlmError> {
    if stop_reason.as_deref() == Some("refusal") {
        return Err(LlmError::Refused(if text.is_empty() {
            "the model stopped for safety reasons".into()
        } else {
            one_line(&text, 300)
        }));
    }
    let mut finish = stop_reason.as_deref().map(finish_reason);
    let mut tool_calls = Vec::with_capacity(calls.len());
    let mut found = false;
    for c in calls {
        if !found && Some(c.name.as_str()) == structured {
            // Any preamble the model wrote before the forced call is not part of the JSON.
            text = c.arguments;
            found = true;
            if finish == Some(FinishReason::ToolCalls) {
                finish = Some(FinishReason::Stop);
            }
        } else {
            tool_calls.push(c);
        }
    }
    if let Some(name) = structured
        && !found
        && finish != Some(FinishReason::Length)
    {
        return Err(LlmError::malformed(
            provider,
            format!("the model did not call the '{name}' tool it was forced to use"),
        ));
    }
    Ok(ChatResponse {
        text,
        tool_calls,
        finish_reason: finish,
        usage,
        model,
    })
}

pub(crate) fn parse_response(
    provider: &str,
    bytes: &[u8],
    structured: Option<&str>,
) -> Result<ChatResponse, LlmError> {
    let m: WireMessage = serde_json::from_slice(bytes)
        .map_err(|e| LlmError::malformed(provider, format!("not a Messages API reply ({e})")))?;
    let mut text = String::new();
    let mut calls = Vec::new();
    for b in m.content {
        match b {
            Block::Text { text: t } => text.push_str(&t),
            Block::ToolUse { id, name, input } => calls.push(ToolCall {
                id,
                name,
                arguments: if input.is_null() {
                    "{}".into()
                } else {
                    input.to_string()
                },
            }),
            Block::Other => {}
        }
    }
    let usage = m.usage.map(|u| Usage {
        input_tokens: u.input_tokens,
        output_tokens: u.output_tokens,
    });
    assemble(
        provider,
        text,
        calls,
        m.stop_reason,
        usage,
        m.model,
        structured,
    )
}

#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum StreamEvent {
    MessageStart {
        message: StartMessage,
    },
    ContentBlockStart {
        index: usize,
        content_block: Value,
    },
    ContentBlockDelta {
        index: usize,
        delta: Value,
    },
    ContentBlockStop {
        #[allow(dead_code)]
        index: usize,
    },
    MessageDelta {
        #[serde(default)]
        delta: Value,
        #[serde(default)]
        usage: Option<WireUsage>,
    },
    MessageStop,
    Ping,
    Error {
        error: Value,
    },
    #[serde(other)]
    Unknown,
}

#[derive(Deserialize)]
struct StartMessage {
    #[serde(default)]
    model: Option<String>,
    #[serde(default)]
    usage: Option<WireUsage>,
}

enum PartialBlock {
    Text,
    Tool {
        id: String,
        name: String,
        json: String,
    },
    Ignored,
}

/// Builds a [`ChatResponse`] from Messages API stream events.
pub(crate) struct StreamAccumulator {
    structured: Option<String>,
    text: String,
    blocks: BTreeMap<usize, PartialBlock>,
    stop_reason: Option<String>,
    usage: Usage,
    model: Option<String>,
}

impl StreamAccumulator {
    pub(crate) fn new(structured: Option<&str>) -> Self {
        StreamAccumulator {
            structured: structured.map(str::to_string),
            text: String::new(),
            blocks: BTreeMap::new(),
            stop_reason: None,
            usage: Usage::default(),
            model: None,
        }
    }

    pub(crate) fn on_event(
        &mut self,
        provider: &str,
        ev: &Event,
        on_delta: &mut impl FnMut(&str),
    ) -> Result<Flow, LlmError> {
        if ev.data.trim().is_empty() {
            return Ok(Flow::Continue);
        }
        // The `data` JSON repeats the event name in its `type` field, which is what we read.
        let parsed: StreamEvent = serde_json::from_str(&ev.data).map_err(|e| {
            LlmError::malformed(provider, format!("bad '{}' event ({e})", ev.event))
        })?;
        match parsed {
            StreamEvent::MessageStart { message } => {
                self.model = message.model;
                if let Some(u) = message.usage {
                    self.usage.input_tokens = u.input_tokens;
                    self.usage.output_tokens = u.output_tokens;
                }
            }
            StreamEvent::ContentBlockStart {
                index,
                content_block,
            } => {
                let block = match content_block.get("type").and_then(Value::as_str) {
                    Some("text") => {
                        // A start block may already carry text.
                        if let Some(t) = content_block.get("text").and_then(Value::as_str)
                            && !t.is_empty()
                        {
                            on_delta(t);
                            self.text.push_str(t);
                        }
                        PartialBlock::Text
                    }
                    Some("tool_use") => PartialBlock::Tool {
                        id: str_field(&content_block, "id"),
                        name: str_field(&content_block, "name"),
                        json: String::new(),
                    },
                    _ => PartialBlock::Ignored,
                };
                self.blocks.insert(index, block);
            }
            StreamEvent::ContentBlockDelta { index, delta } => {
                let kind = delta.get("type").and_then(Value::as_str);
                match (self.blocks.get_mut(&index), kind) {
                    (Some(PartialBlock::Text), Some("text_delta")) => {
                        let t = delta.get("text").and_then(Value::as_str).unwrap_or("");
                        if !t.is_empty() {
                            on_delta(t);
                            self.text.push_str(t);
                        }
                    }
                    (Some(PartialBlock::Tool { name, json, .. }), Some("input_json_delta")) => {
                        let piece = delta
                            .get("partial_json")
                            .and_then(Value::as_str)
                            .unwrap_or("");
                        // Structured output is the reply: stream it like text.
                        if self.structured.as_deref() == Some(name.as_str()) && !piece.is_empty() {
                            on_delta(piece);
                        }
                        json.push_str(piece);
                    }
                    (None, _) => {
                        return Err(LlmError::malformed(
                            provider,
                            format!("delta for content block {index} that never started"),
                        ));
                    }
                    // thinking_delta, signature_delta, citations...: not part of the answer.
                    _ => {}
                }
            }
            StreamEvent::ContentBlockStop { .. } | StreamEvent::Ping | StreamEvent::Unknown => {}
            StreamEvent::MessageDelta { delta, usage } => {
                if let Some(r) = delta.get("stop_reason").and_then(Value::as_str) {
                    self.stop_reason = Some(r.to_string());
                }
                if let Some(u) = usage {
                    self.usage.output_tokens = u.output_tokens;
                    if u.input_tokens > 0 {
                        self.usage.input_tokens = u.input_tokens;
                    }
                }
            }
            StreamEvent::MessageStop => return Ok(Flow::Done),
            StreamEvent::Error { error } => return Err(LlmError::stream(provider, &error)),
        }
        Ok(Flow::Continue)
    }

    pub(crate) fn finish(self, provider: &str, saw_stop: bool) -> Result<ChatResponse, LlmError> {
        if !saw_stop {
            return Err(LlmError::malformed(
                provider,
                "the stream ended before message_stop",
            ));
        }
        let calls = self
            .blocks
            .into_values()
            .filter_map(|b| match b {
                PartialBlock::Tool { id, name, json } => Some(ToolCall {
                    id,
                    name,
                    arguments: if json.trim().is_empty() {
                        "{}".into()
                    } else {
                        json
                    },
                }),
                _ => None,
            })
            .collect();
        assemble(
            provider,
            self.text,
            calls,
            self.stop_reason,
            Some(self.usage),
            self.model,
            self.structured.as_deref(),
        )
    }
}

fn str_field(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}
