//! Whether an agent may call a tool: the user's rules first, the server's annotations only
//! as the default. A server's hints can make a tool ask, never skip the user's choice.

use super::definition::{AgentDef, Permission};
use crate::mcp::McpToolAnnotations;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub permission: Permission,
    /// Why, in words for the approval card and the run log.
    pub reason: String,
}

/// The permission for `server/tool`. The last matching rule wins; without one, tools that a
/// server the user trusts declares read-only are allowed and everything else asks. An
/// untrusted server's `readOnlyHint` is only a claim: a destructive tool could make it.
pub fn decide(
    agent: &AgentDef,
    server: &str,
    tool: &str,
    annotations: &McpToolAnnotations,
    server_trusted: bool,
) -> Decision {
    let path = format!("{server}/{tool}");
    let matched = agent.tool_permissions.iter().rev().find(|r| {
        glob::Pattern::new(&r.pattern)
            .map(|p| p.matches(&path))
            .unwrap_or(false)
    });
    if let Some(rule) = matched {
        return Decision {
            permission: rule.permission,
            reason: format!("rule {}={}", rule.pattern, rule.permission.as_str()),
        };
    }
    if annotations.is_read_only() && server_trusted {
        Decision {
            permission: Permission::Allow,
            reason: "the server marks it read-only and you trust the server".into(),
        }
    } else if annotations.is_read_only() {
        Decision {
            permission: Permission::Ask,
            reason: format!(
                "the server says it only reads, but '{server}' is not a trusted server (utter mcp trust {server})"
            ),
        }
    } else if annotations.may_be_destructive() {
        Decision {
            permission: Permission::Ask,
            reason: "it may change or delete data (not marked read-only)".into(),
        }
    } else {
        Decision {
            permission: Permission::Ask,
            reason: "it changes data (not marked read-only)".into(),
        }
    }
}
