//! One live connection to one MCP server. It does not reconnect by itself: that is the
//! supervisor's job, which decides when a failed server may be tried again.

use std::sync::Arc;
use std::time::Duration;

use rmcp::model::{
    CallToolRequestParams, ClientCapabilities, ClientConfig, Implementation, JsonObject,
};
use rmcp::service::{ClientInitializeError, RunningService, ServiceError};
use rmcp::transport::streamable_http_client::StreamableHttpError;
use rmcp::{RoleClient, ServiceExt};
use serde_json::Value;

use super::config::{McpServerSpec, McpTransport};
use super::error::{McpError, one_line};
use super::http;
use super::oauth::McpAuth;
use super::options::McpOptions;
use super::result::{result_from_rmcp, tool_from_rmcp};
use super::secret::{Scrubber, redact_url};
use super::stdio::{self, ProcessReport, StdioLaunch};
use super::types::{McpServerInfo, McpTool, McpToolResult};

/// How long `close` waits for a clean shutdown before leaving the rest to the drop.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(3);

pub struct McpClient {
    name: String,
    service: RunningService<RoleClient, ClientConfig>,
    options: McpOptions,
    info: McpServerInfo,
    /// Exit status and stderr of a stdio server, to explain a dropped connection.
    report: Option<Arc<ProcessReport>>,
    pid: Option<u32>,
    /// Redacted URL of an HTTP server, for errors.
    url: Option<String>,
    scrubber: Scrubber,
}

impl std::fmt::Debug for McpClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("McpClient")
            .field("name", &self.name)
            .field("info", &self.info)
            .field("pid", &self.pid)
            .field("url", &self.url)
            .field("closed", &self.is_closed())
            .finish()
    }
}

fn client_config() -> ClientConfig {
    ClientConfig::new(
        ClientCapabilities::default(),
        Implementation::new("utter", env!("CARGO_PKG_VERSION")),
    )
}

impl McpClient {
    /// Starts (stdio) or reaches (HTTP) the server and completes the MCP handshake within
    /// `options.connect_timeout`. Ignores `spec.enabled`: the caller decides that. HTTP
    /// servers get no sign-in; see [`Self::connect_with_auth`].
    pub async fn connect(spec: &McpServerSpec, options: &McpOptions) -> Result<Self, McpError> {
        Self::connect_with_auth(spec, options, None).await
    }

    /// [`Self::connect`], with OAuth tokens from the keychain for HTTP servers. A server that
    /// wants a sign-in gives [`McpError::Unauthorized`].
    pub async fn connect_with_auth(
        spec: &McpServerSpec,
        options: &McpOptions,
        auth: Option<&McpAuth>,
    ) -> Result<Self, McpError> {
        spec.validate()?;
        let name = spec.name.clone();
        let scrubber = Scrubber::new(spec.transport.secret_values());
        let secs = options.connect_timeout.as_secs().max(1);
        match &spec.transport {
            McpTransport::Stdio {
                command,
                args,
                env,
                cwd,
            } => {
                let conn = stdio::spawn(StdioLaunch {
                    server: &name,
                    command,
                    args,
                    env,
                    cwd: cwd.as_ref(),
                    max_message_bytes: options.max_message_bytes,
                    description: spec.transport.describe(),
                })?;
                let report = conn.report.clone();
                let started = tokio::time::timeout(
                    options.connect_timeout,
                    client_config().serve(conn.transport),
                )
                .await;
                let service = match started {
                    Ok(Ok(service)) => service,
                    Ok(Err(e)) => {
                        let reason = match report.exit() {
                            Some(exit) => format!("the process exited ({exit}) before answering"),
                            None => scrubber.scrub(&init_reason(&e)),
                        };
                        return Err(McpError::Handshake {
                            server: name,
                            reason,
                            stderr: report.stderr_tail(),
                        });
                    }
                    // Dropping the serve future dropped the transport, which killed the child.
                    Err(_) => {
                        return Err(McpError::ConnectTimeout {
                            server: name,
                            secs,
                            stderr: report.stderr_tail(),
                        });
                    }
                };
                Ok(Self::new(
                    name,
                    service,
                    options,
                    Some(report),
                    conn.pid,
                    None,
                    scrubber,
                ))
            }
            McpTransport::Http { url, headers } => {
                let scrubber = scrubber.with_url(url);
                let shown_url = redact_url(url);
                let handshake = http::connect(
                    &name,
                    url,
                    headers,
                    spec.oauth.client_id.as_deref(),
                    options.max_message_bytes,
                    // A header the user set wins; sign-in would only replace it.
                    auth.filter(|_| !spec.has_static_authorization()),
                    client_config(),
                    options.connect_timeout,
                )
                .await?;
                let service = match handshake {
                    Some(Ok(service)) => service,
                    Some(Err(e)) => {
                        if let Some(challenge) = e.auth_challenge() {
                            return Err(unauthorized(&name, challenge));
                        }
                        return Err(McpError::Connect {
                            server: name,
                            url: shown_url,
                            reason: scrubber.scrub(&init_reason(&e)),
                        });
                    }
                    None => {
                        return Err(McpError::ConnectTimeout {
                            server: name,
                            secs,
                            stderr: String::new(),
                        });
                    }
                };
                Ok(Self::new(
                    name,
                    service,
                    options,
                    None,
                    None,
                    Some(shown_url),
                    scrubber,
                ))
            }
        }
    }

    fn new(
        name: String,
        service: RunningService<RoleClient, ClientConfig>,
        options: &McpOptions,
        report: Option<Arc<ProcessReport>>,
        pid: Option<u32>,
        url: Option<String>,
        scrubber: Scrubber,
    ) -> Self {
        let info = match service.peer().peer_info() {
            Some(peer) => McpServerInfo {
                name: peer.server_info.as_ref().map(|i| i.name.clone()),
                version: peer.server_info.as_ref().map(|i| i.version.clone()),
                protocol_version: peer.protocol_version.to_string(),
                instructions: peer.instructions.clone(),
            },
            None => McpServerInfo {
                name: None,
                version: None,
                protocol_version: String::new(),
                instructions: None,
            },
        };
        tracing::info!(
            server = %name,
            peer = info.name.as_deref().unwrap_or("?"),
            protocol = %info.protocol_version,
            "MCP server connected"
        );
        McpClient {
            name,
            service,
            options: options.clone(),
            info,
            report,
            pid,
            url,
            scrubber,
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn server_info(&self) -> &McpServerInfo {
        &self.info
    }

    /// The child's process id (stdio servers only); it leads its own process group.
    pub fn pid(&self) -> Option<u32> {
        self.pid
    }

    pub fn options(&self) -> &McpOptions {
        &self.options
    }

    /// Whether the connection is gone (process exited, stream closed, or closed by us). A
    /// closed client never recovers; connect a new one.
    pub fn is_closed(&self) -> bool {
        self.service.is_closed() || self.service.peer().is_transport_closed()
    }

    /// Every tool the server offers (all pages), within the call timeout.
    pub async fn list_tools(&self) -> Result<Vec<McpTool>, McpError> {
        let tools = tokio::time::timeout(self.options.call_timeout, self.service.list_all_tools())
            .await
            .map_err(|_| self.timeout_error("tools/list", self.options.call_timeout))?
            .map_err(|e| self.service_error(e, "tools/list"))?;
        Ok(tools.into_iter().map(tool_from_rmcp).collect())
    }

    /// Calls a tool with JSON object arguments (`null` means none), within the call timeout.
    pub async fn call_tool(&self, tool: &str, args: Value) -> Result<McpToolResult, McpError> {
        self.call_tool_with_timeout(tool, args, self.options.call_timeout)
            .await
    }

    /// [`Self::call_tool`] with its own time limit; on expiry the server is told to cancel.
    pub async fn call_tool_with_timeout(
        &self,
        tool: &str,
        args: Value,
        timeout: Duration,
    ) -> Result<McpToolResult, McpError> {
        let arguments: Option<JsonObject> = match args {
            Value::Null => None,
            Value::Object(map) => Some(map),
            other => {
                return Err(McpError::InvalidArguments {
                    tool: tool.to_string(),
                    got: json_kind(&other).to_string(),
                });
            }
        };
        let mut params = CallToolRequestParams::new(tool.to_string());
        params.arguments = arguments;
        let method = format!("tools/call '{tool}'");
        // Dropping the call future on timeout makes rmcp send notifications/cancelled.
        let result = tokio::time::timeout(timeout, self.service.call_tool(params))
            .await
            .map_err(|_| self.timeout_error(tool, timeout))?
            .map_err(|e| self.service_error(e, &method))?;
        result_from_rmcp(&self.name, result, self.options.max_content_bytes)
    }

    /// Ends the session: stdio servers get their stdin closed, then their process group
    /// killed. Dropping the client does the same without waiting.
    pub async fn close(mut self) {
        if let Err(e) = self.service.close_with_timeout(CLOSE_TIMEOUT).await {
            tracing::warn!(server = %self.name, "closing the MCP session failed: {e}");
        }
    }

    fn timeout_error(&self, what: &str, timeout: Duration) -> McpError {
        McpError::Timeout {
            server: self.name.clone(),
            tool: what.to_string(),
            secs: timeout.as_secs_f64().ceil() as u64,
        }
    }

    /// Why the connection dropped, as precisely as the transport knows.
    fn connection_lost(&self) -> McpError {
        if let Some(report) = &self.report {
            if let Some(bytes) = report.oversized() {
                return McpError::ResponseTooLarge {
                    server: self.name.clone(),
                    what: "a message".into(),
                    bytes,
                    limit: self.options.max_message_bytes,
                };
            }
            let detail = match report.exit() {
                Some(exit) => format!("the process exited, {exit}"),
                None => "it closed the connection".into(),
            };
            return McpError::ServerExited {
                server: self.name.clone(),
                detail,
                stderr: report.stderr_tail(),
            };
        }
        McpError::ServerExited {
            server: self.name.clone(),
            detail: "the HTTP session ended".into(),
            stderr: String::new(),
        }
    }

    fn service_error(&self, e: ServiceError, method: &str) -> McpError {
        if let Some(challenge) = e.auth_challenge() {
            return unauthorized(&self.name, challenge);
        }
        match e {
            ServiceError::McpError(data)
                if data.code == rmcp::model::ErrorCode::PARSE_ERROR
                    && data.message.starts_with(super::stdio::INVALID_JSON) =>
            {
                McpError::Protocol {
                    server: self.name.clone(),
                    detail: format!(
                        "{} (answering {method}); the server is broken or printed something \
                         that is not a message to its output",
                        one_line(&self.scrubber.scrub(&data.message), 300)
                    ),
                }
            }
            ServiceError::McpError(data) => McpError::Rejected {
                server: self.name.clone(),
                method: method.to_string(),
                code: data.code.0,
                message: one_line(&self.scrubber.scrub(&data.message), 300),
            },
            ServiceError::TransportClosed => self.connection_lost(),
            ServiceError::TransportSend(err) => {
                if self.is_closed() || self.url.is_none() {
                    self.connection_lost()
                } else {
                    McpError::Connect {
                        server: self.name.clone(),
                        url: self.url.clone().unwrap_or_default(),
                        reason: one_line(&self.scrubber.scrub(&describe_error(&*err.error)), 300),
                    }
                }
            }
            ServiceError::Timeout { timeout } => self.timeout_error(method, timeout),
            ServiceError::UnexpectedResponse => McpError::Protocol {
                server: self.name.clone(),
                detail: format!("the answer to {method} is not the expected result type"),
            },
            ServiceError::Cancelled { .. } => McpError::Closed(self.name.clone()),
            other => McpError::Protocol {
                server: self.name.clone(),
                detail: one_line(&self.scrubber.scrub(&other.to_string()), 300),
            },
        }
    }
}

fn unauthorized(server: &str, challenge: &str) -> McpError {
    let insufficient_scope = super::oauth::challenge_params(challenge).is_insufficient_scope();
    McpError::Unauthorized {
        server: server.to_string(),
        challenge: challenge.to_string(),
        insufficient_scope,
    }
}

fn init_reason(e: &ClientInitializeError) -> String {
    let text = match e {
        ClientInitializeError::TransportError { error, context } => {
            format!(
                "{} (while trying to {context})",
                describe_error(&*error.error)
            )
        }
        other => describe_error(other),
    };
    one_line(&text, 300)
}

/// An error's first and last message. rmcp's and reqwest's top-level messages ("transport
/// error", "error sending request") hide the useful part, the root cause ("connection
/// refused"); the middle of the chain adds only noise.
fn describe_error(e: &(dyn std::error::Error + 'static)) -> String {
    // `StreamableHttpError::Client` does not expose the reqwest error as its source.
    if let Some(StreamableHttpError::Client(inner)) =
        e.downcast_ref::<StreamableHttpError<reqwest::Error>>()
    {
        return describe_error(inner);
    }
    let first = e.to_string();
    let mut last = None;
    let mut source = e.source();
    while let Some(s) = source {
        last = Some(s.to_string());
        source = s.source();
    }
    match last {
        Some(root) if !first.contains(&root) => format!("{first}: {root}"),
        _ => first,
    }
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
