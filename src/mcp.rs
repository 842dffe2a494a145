//! MCP (Model Context Protocol) client: the tools agents use come from MCP servers, started
//! as child processes (stdio) or reached over Streamable HTTP. Server settings use Claude
//! Desktop's `mcpServers` shape so a user's existing config imports as is.
//!
//! [`McpClient`] is one connection; [`McpSupervisor`] holds every configured server, starts
//! them on first use and restarts crashed ones with backoff. Built on rmcp.

mod client;
mod config;
mod error;
mod http;
pub(crate) mod inline_secrets;
pub mod oauth;
mod options;
mod result;
mod secret;
mod stdio;
mod supervisor;
mod types;

pub use client::McpClient;
pub use config::{
    MAX_SERVER_NAME_LEN, McpOAuthConfig, McpServerSpec, McpTransport, claude_desktop_config_path,
    import_claude_desktop, parse_mcp_servers, to_claude_desktop_json, validate_name,
};
pub use error::McpError;
pub use oauth::{AuthState, McpAuth};
pub use options::{
    DEFAULT_BACKOFF_BASE, DEFAULT_BACKOFF_MAX, DEFAULT_CALL_TIMEOUT, DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_MAX_CONTENT_BYTES, DEFAULT_MAX_MESSAGE_BYTES, McpOptions,
};
pub use secret::SecretValue;
pub use supervisor::{McpServerState, McpServerStatus, McpSupervisor};
pub use types::{McpServerInfo, McpTool, McpToolAnnotations, McpToolResult};
