//! MCP servers and tools as the app's servers page shows them: names and what a server
//! points at, never a secret value.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::{Service, ServiceResult};
use crate::mcp::{AuthState, McpServerSpec, McpTransport, SecretValue};
use crate::secrets::Secret;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct McpServerView {
    pub name: String,
    /// `stdio` or `http`.
    pub transport: String,
    /// The command line (credential arguments hidden) or the URL (credentials removed).
    pub target: String,
    /// Env variables (stdio) or headers (HTTP) whose values are in the OS keychain.
    pub secret_names: Vec<String>,
    pub enabled: bool,
    /// The user trusts the server's read-only claims (its read-only tools run without asking).
    pub trusted: bool,
    /// Agents that have this server in scope.
    pub agents: Vec<String>,
    /// Where the server stands with sign-in (always `none` for a command server).
    pub auth: AuthState,
    /// A client id the user registered with the server, when one was given (not secret).
    pub client_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct McpToolView {
    pub name: String,
    pub description: Option<String>,
    /// The server says the tool only reads (agents call it without asking only when the user
    /// trusts the server).
    pub read_only: bool,
}

/// A server to add from the app: a command line or a URL, and secret values by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct NewMcpServer {
    pub name: String,
    /// `command arg arg…` (split on whitespace; quote-free) for a stdio server.
    pub command: Option<String>,
    pub url: Option<String>,
    /// `(name, value)`: env variables for stdio, headers for HTTP; values go to the keychain.
    pub secrets: Vec<(String, String)>,
    /// HTTP only: a client id registered with the server by the user, for sign-in.
    #[serde(default)]
    pub client_id: Option<String>,
    /// The secret of that client id; it goes to the keychain, never into the config.
    #[serde(default)]
    #[specta(type = Option<String>)]
    pub client_secret: Option<SecretValue>,
    /// Scopes to ask for at sign-in instead of the server's suggestion, space-separated.
    #[serde(default)]
    pub scope: Option<String>,
}

impl Service {
    /// The servers page's list. Reads each HTTP server's sign-in state from the keychain.
    pub fn mcp_views(&self) -> ServiceResult<Vec<McpServerView>> {
        let agents = self.list_agents()?;
        self.mcp_list()?
            .into_iter()
            .map(|s| {
                let auth = self.mcp_auth_state(&s)?;
                let (transport, mut secret_names): (_, Vec<String>) = match &s.transport {
                    McpTransport::Stdio { env, .. } => ("stdio", env.keys().cloned().collect()),
                    McpTransport::Http { headers, .. } => {
                        ("http", headers.keys().cloned().collect())
                    }
                };
                secret_names.extend(crate::mcp::inline_secrets::slots(&s.transport));
                Ok(McpServerView {
                    auth,
                    client_id: s.oauth.client_id.clone(),
                    transport: transport.into(),
                    target: s.transport.describe(),
                    secret_names,
                    enabled: s.enabled,
                    trusted: s.trusted,
                    agents: agents
                        .iter()
                        .filter(|a| a.mcp_servers.contains(&s.name))
                        .map(|a| a.name.clone())
                        .collect(),
                    name: s.name,
                })
            })
            .collect()
    }

    pub fn mcp_add_new(&self, new: NewMcpServer) -> ServiceResult<()> {
        let mut spec = match (new.command.as_deref().map(str::trim), new.url) {
            (Some(cmd), None) if !cmd.is_empty() => {
                let mut parts = cmd.split_whitespace().map(str::to_owned);
                let program = parts.next().unwrap_or_default();
                McpServerSpec::stdio(new.name, program, parts.collect::<Vec<_>>())
            }
            (None, Some(url)) => {
                let mut spec = McpServerSpec::http(new.name, url.trim());
                spec.oauth.client_id = non_blank(new.client_id);
                spec.oauth.scope = non_blank(new.scope);
                spec
            }
            _ => {
                return Err(crate::mcp::McpError::Config(
                    "give either a command or a URL for the server".into(),
                )
                .into());
            }
        };
        for (k, v) in new.secrets {
            spec = match spec.transport {
                McpTransport::Stdio { .. } => spec.with_env(k, v),
                McpTransport::Http { .. } => spec.with_header(k, v),
            };
        }
        let client_secret = new.client_secret.filter(|s| !s.expose().trim().is_empty());
        if client_secret.is_some() && spec.oauth.client_id.is_none() {
            return Err(crate::mcp::McpError::Config(
                "a client secret needs the client id it belongs to".into(),
            )
            .into());
        }
        let name = spec.name.clone();
        self.mcp_add(spec)?;
        if let Some(secret) = client_secret {
            self.mcp_set_client_secret(&name, &Secret::new(secret.expose()))?;
        }
        Ok(())
    }

    /// Starts the server, lists its tools and stops it again (the servers page's "Test
    /// connection": a server that needs sign-in says so rather than opening the browser).
    pub async fn mcp_tool_views(&self, name: &str) -> ServiceResult<Vec<McpToolView>> {
        let spec = self.mcp_spec(name)?;
        let sup = self.mcp_background_supervisor(vec![spec])?;
        let tools = sup.list_tools(name).await;
        sup.shutdown().await;
        Ok(tools?
            .into_iter()
            .map(|t| McpToolView {
                read_only: t.annotations.is_read_only(),
                description: t.description.or(t.title),
                name: t.name,
            })
            .collect())
    }
}

fn non_blank(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}
