//! Chat messages as stored and as the UI shows them, and the events a reply streams.

use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ChatRole {
    User,
    Assistant,
    /// The result of a tool the assistant called.
    Tool,
}

impl ChatRole {
    pub fn as_str(self) -> &'static str {
        match self {
            ChatRole::User => "user",
            ChatRole::Assistant => "assistant",
            ChatRole::Tool => "tool",
        }
    }
}

impl std::str::FromStr for ChatRole {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "user" => Ok(ChatRole::User),
            "assistant" => Ok(ChatRole::Assistant),
            "tool" => Ok(ChatRole::Tool),
            other => Err(format!("unknown chat role '{other}'")),
        }
    }
}

/// A tool call as the assistant made it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ChatToolCall {
    pub id: String,
    /// The name the model used: `create_task` for a board tool, `server__tool` for MCP.
    pub name: String,
    /// JSON text, as the model wrote it.
    pub arguments: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct ChatMessage {
    pub id: i64,
    pub chat_id: i64,
    pub role: ChatRole,
    pub content: String,
    /// Assistant messages: the tools it called in this turn.
    pub tool_calls: Vec<ChatToolCall>,
    /// Tool messages: which call this answers, and the tool's name.
    pub call_id: Option<String>,
    pub tool: Option<String>,
    pub is_error: bool,
    pub tokens_in: i64,
    pub tokens_out: i64,
    pub created_at: String,
}

/// One conversation as the panel opens it.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct ChatThread {
    /// `None` until the first message is sent.
    pub chat_id: Option<i64>,
    /// `None` for the global chat.
    pub task_id: Option<i64>,
    pub messages: Vec<ChatMessage>,
    /// The MCP servers the chat may use (the `Chat` agent's), besides the board.
    pub servers: Vec<String>,
    /// A reply is being written right now (by this or another window).
    pub busy: bool,
    /// Whether a language model is configured; without one the panel says how to set it.
    pub has_model: bool,
}

/// What a reply streams to the panel. `task_id` says which chat it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChatEvent {
    /// A message was saved: the user's, an assistant turn (with its tool calls), a tool result.
    Message {
        task_id: Option<i64>,
        message: ChatMessage,
    },
    /// A piece of the assistant's text as it arrives.
    Delta { task_id: Option<i64>, text: String },
    /// Something the user should know that is not the model's (a server that did not start).
    Notice { task_id: Option<i64>, text: String },
    /// The reply is complete.
    Done { task_id: Option<i64> },
    /// The reply stopped with an error; what was saved before stays.
    Failed { task_id: Option<i64>, error: String },
}
