//! Errors from MCP servers. Every message is one line, names the server, says what to do, and
//! never holds a secret: env values, header values and URL credentials are redacted before
//! they reach an error (see [`super::secret`]).

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum McpError {
    #[error("the MCP server settings are invalid: {0}")]
    Config(String),

    #[error("cannot read MCP config {}: {reason}", path.display())]
    ConfigFile { path: PathBuf, reason: String },

    #[error(
        "no MCP server named '{0}'; check the name with `utter mcp list` or add it with `utter mcp add`"
    )]
    UnknownServer(String),

    #[error("MCP server '{0}' is disabled; enable it in Settings → MCP servers")]
    Disabled(String),

    #[error(
        "cannot start MCP server '{server}' (`{command}`): {reason}; check that the command is installed and on PATH, or use an absolute path"
    )]
    Spawn {
        server: String,
        command: String,
        reason: String,
    },

    #[error(
        "cannot reach MCP server '{server}' at {url}: {reason}; is the server running and the URL right?"
    )]
    Connect {
        server: String,
        url: String,
        reason: String,
    },

    #[error(
        "MCP server '{server}' did not finish starting within {secs}s{}; check that it is an MCP server and raise connect_timeout_secs if it is just slow",
        stderr_hint(stderr)
    )]
    ConnectTimeout {
        server: String,
        secs: u64,
        stderr: String,
    },

    #[error(
        "MCP server '{server}' started but the MCP handshake failed: {reason}{}; check that the command starts an MCP server",
        stderr_hint(stderr)
    )]
    Handshake {
        server: String,
        reason: String,
        stderr: String,
    },

    #[error(
        "tool '{tool}' on MCP server '{server}' did not answer within {secs}s and was cancelled; the server may be hung or the tool slow (raise call_timeout_secs for slow tools)"
    )]
    Timeout {
        server: String,
        tool: String,
        secs: u64,
    },

    #[error(
        "MCP server '{server}' stopped ({detail}){}; it will be restarted on the next call",
        stderr_hint(stderr)
    )]
    ServerExited {
        server: String,
        detail: String,
        stderr: String,
    },

    #[error(
        "MCP server '{server}' sent {what} of at least {bytes} bytes, over the {limit}-byte limit, so it was rejected. Ask the tool for less (a narrower query, fewer rows) or raise max_content_bytes"
    )]
    ResponseTooLarge {
        server: String,
        what: String,
        bytes: usize,
        limit: usize,
    },

    #[error("MCP server '{server}' sent a response Utter cannot read: {detail}")]
    Protocol { server: String, detail: String },

    #[error("MCP server '{server}' refused '{method}' (error {code}): {message}")]
    Rejected {
        server: String,
        method: String,
        code: i32,
        message: String,
    },

    #[error("arguments for tool '{tool}' must be a JSON object, got {got}")]
    InvalidArguments { tool: String, got: String },

    #[error(
        "MCP server '{server}' failed {failures} time(s) in a row (last: {last_error}); the next restart is in {retry_in_ms} ms"
    )]
    Backoff {
        server: String,
        failures: u32,
        retry_in_ms: u64,
        last_error: String,
    },

    #[error("the connection to MCP server '{0}' was closed; open a new one")]
    Closed(String),

    /// A 401 (sign-in needed) or 403 `insufficient_scope` (more permissions needed).
    #[error(
        "MCP server '{server}' {}; run `utter mcp login {server}`, or press Sign in on the app's MCP servers page (Agents → MCP servers)",
        if *insufficient_scope { "needs more permissions than were granted" } else { "needs you to sign in" }
    )]
    Unauthorized {
        server: String,
        /// The `WWW-Authenticate` header, for the sign-in that follows; never shown.
        challenge: String,
        insufficient_scope: bool,
    },

    #[error("signing in to MCP server '{server}' failed: {reason}")]
    SignIn { server: String, reason: String },

    #[error(
        "MCP server '{server}' still refuses this after a sign-in with more permissions{}; check that your account there may do it",
        scope.as_deref().map(|s| format!(" (it asks for: {s})")).unwrap_or_default()
    )]
    ScopeRefused {
        server: String,
        scope: Option<String>,
    },
}

fn stderr_hint(stderr: &str) -> String {
    if stderr.is_empty() {
        String::new()
    } else {
        format!("; its stderr ends with: {stderr}")
    }
}

impl McpError {
    /// The server the error is about, where there is one.
    pub fn server(&self) -> Option<&str> {
        match self {
            McpError::Config(_)
            | McpError::ConfigFile { .. }
            | McpError::InvalidArguments { .. } => None,
            McpError::UnknownServer(server)
            | McpError::Disabled(server)
            | McpError::Closed(server) => Some(server),
            McpError::Spawn { server, .. }
            | McpError::Connect { server, .. }
            | McpError::ConnectTimeout { server, .. }
            | McpError::Handshake { server, .. }
            | McpError::Timeout { server, .. }
            | McpError::ServerExited { server, .. }
            | McpError::ResponseTooLarge { server, .. }
            | McpError::Protocol { server, .. }
            | McpError::Rejected { server, .. }
            | McpError::Backoff { server, .. }
            | McpError::Unauthorized { server, .. }
            | McpError::SignIn { server, .. }
            | McpError::ScopeRefused { server, .. } => Some(server),
        }
    }

    /// Whether the same call may succeed if made again later (after a restart or a wait).
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            McpError::Spawn { .. }
                | McpError::Connect { .. }
                | McpError::ConnectTimeout { .. }
                | McpError::Timeout { .. }
                | McpError::ServerExited { .. }
                | McpError::Backoff { .. }
        )
    }
}

/// Server text is squeezed onto one short line the same way as an LLM provider's.
pub(crate) use crate::llm::one_line;
