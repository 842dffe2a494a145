//! Turning rmcp's tool list and tool results into Utter's types, with the size cap applied.

use rmcp::model::{CallToolResult, ContentBlock, ResourceContents, Tool};

use super::error::McpError;
use super::types::{McpTool, McpToolAnnotations, McpToolResult};

pub(crate) fn tool_from_rmcp(tool: Tool) -> McpTool {
    let annotations = tool
        .annotations
        .map(|a| McpToolAnnotations {
            title: a.title,
            read_only_hint: a.read_only_hint,
            destructive_hint: a.destructive_hint,
            idempotent_hint: a.idempotent_hint,
            open_world_hint: a.open_world_hint,
        })
        .unwrap_or_default();
    McpTool {
        name: tool.name.into_owned(),
        title: tool.title,
        description: tool.description.map(|d| d.into_owned()),
        input_schema: serde_json::Value::Object((*tool.input_schema).clone()),
        output_schema: tool
            .output_schema
            .map(|s| serde_json::Value::Object((*s).clone())),
        annotations,
    }
}

/// Joins the text, describes the rest, and rejects results over `max_bytes` (text plus
/// structured content) before they reach a model.
pub(crate) fn result_from_rmcp(
    server: &str,
    result: CallToolResult,
    max_bytes: usize,
) -> Result<McpToolResult, McpError> {
    let too_large = |bytes: usize| McpError::ResponseTooLarge {
        server: server.to_string(),
        what: "a tool result".into(),
        bytes,
        limit: max_bytes,
    };
    let structured_len = match &result.structured_content {
        Some(value) => serde_json::to_vec(value).map(|v| v.len()).unwrap_or(0),
        None => 0,
    };
    let mut total = structured_len;
    if total > max_bytes {
        return Err(too_large(total));
    }

    let mut texts: Vec<String> = Vec::new();
    let mut other_content = Vec::new();
    for block in result.content {
        let text = match block {
            ContentBlock::Text(t) => Some(t.text),
            ContentBlock::Resource(r) => match r.resource {
                ResourceContents::TextResourceContents { text, .. } => Some(text),
                ResourceContents::BlobResourceContents {
                    uri,
                    mime_type,
                    blob,
                    ..
                } => {
                    other_content.push(format!(
                        "binary resource {uri} ({}, {} bytes base64)",
                        mime_type.as_deref().unwrap_or("unknown type"),
                        blob.len()
                    ));
                    None
                }
                #[allow(unreachable_patterns)]
                _ => {
                    other_content.push("resource of an unknown kind".into());
                    None
                }
            },
            ContentBlock::Image(i) => {
                other_content.push(format!(
                    "image ({}, {} bytes base64)",
                    i.mime_type,
                    i.data.len()
                ));
                None
            }
            ContentBlock::Audio(a) => {
                other_content.push(format!(
                    "audio ({}, {} bytes base64)",
                    a.mime_type,
                    a.data.len()
                ));
                None
            }
            ContentBlock::ResourceLink(link) => {
                other_content.push(format!("link {} <{}>", link.name, link.uri));
                None
            }
            // Content kinds newer than this code are described, not dropped silently.
            _ => {
                other_content.push("content of a kind Utter does not read yet".into());
                None
            }
        };
        if let Some(text) = text {
            total = total.saturating_add(text.len());
            if total > max_bytes {
                return Err(too_large(total));
            }
            texts.push(text);
        }
    }
    Ok(McpToolResult {
        text: texts.join("\n\n"),
        structured: result.structured_content,
        is_error: result.is_error.unwrap_or(false),
        other_content,
    })
}
