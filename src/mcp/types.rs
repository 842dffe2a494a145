//! What Utter keeps of a server's tools and tool results: plain serde types, so the rest of
//! the app (agents, the UI, SQLite) never depends on rmcp's model.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A tool a server offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct McpTool {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// JSON Schema of the arguments (an object schema).
    pub input_schema: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_schema: Option<Value>,
    #[serde(default)]
    pub annotations: McpToolAnnotations,
}

/// The server's own hints about a tool. They are claims, not guarantees: a server can lie,
/// so they only pick the default permission, never widen a user's choice.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct McpToolAnnotations {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_only_hint: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destructive_hint: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idempotent_hint: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_world_hint: Option<bool>,
}

impl McpToolAnnotations {
    /// Per the MCP spec a tool modifies its environment unless it says `readOnlyHint: true`.
    pub fn is_read_only(&self) -> bool {
        self.read_only_hint == Some(true)
    }

    /// Per the MCP spec a tool that is not read-only may be destructive unless it says
    /// `destructiveHint: false`.
    pub fn may_be_destructive(&self) -> bool {
        !self.is_read_only() && self.destructive_hint != Some(false)
    }

    /// Whether an agent should ask the user before calling the tool when the user has not
    /// chosen: anything not declared read-only.
    pub fn asks_by_default(&self) -> bool {
        !self.is_read_only()
    }
}

/// The outcome of a tool call. `is_error: true` is the tool reporting a failure in-band (the
/// model should see it and may retry); transport and protocol failures are `McpError`s.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct McpToolResult {
    /// All text content, and the text of embedded text resources, joined by blank lines.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub structured: Option<Value>,
    pub is_error: bool,
    /// One short description per non-text item (image, audio, binary resource, link), which
    /// are not passed on as text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_content: Vec<String>,
}

/// Who answered the handshake.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct McpServerInfo {
    pub name: Option<String>,
    pub version: Option<String>,
    pub protocol_version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
}
