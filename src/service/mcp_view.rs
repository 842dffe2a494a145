//! MCP servers and tools as the app's servers page shows them: names and what a server
//! points at, never a secret value.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Service, ServiceResult};
use crate::mcp::{McpServerSpec, McpTransport};
use crate::secrets::SecretStore;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct McpToolView {
    pub name: String,
    pub description: Option<String>,
    /// The server says the tool only reads (agents call it without asking only when the user
    /// trusts the server).
    pub read_only: bool,
}

/// A server to add from the app: a command line or a URL, and secret values by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewMcpServer {
    pub name: String,
    /// `command arg arg…` (split on whitespace; quote-free) for a stdio server.
    pub command: Option<String>,
    pub url: Option<String>,
    /// `(name, value)`: env variables for stdio, headers for HTTP; values go to the keychain.
    pub secrets: Vec<(String, String)>,
}

impl Service {
    pub fn mcp_views(&self) -> ServiceResult<Vec<McpServerView>> {
        let agents = self.list_agents()?;
        Ok(self
            .mcp_list()?
            .into_iter()
            .map(|s| {
                let (transport, mut secret_names): (_, Vec<String>) = match &s.transport {
                    McpTransport::Stdio { env, .. } => ("stdio", env.keys().cloned().collect()),
                    McpTransport::Http { headers, .. } => {
                        ("http", headers.keys().cloned().collect())
                    }
                };
                secret_names.extend(crate::mcp::inline_secrets::slots(&s.transport));
                McpServerView {
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
                }
            })
            .collect())
    }

    pub fn mcp_add_new(&self, new: NewMcpServer, secrets: &dyn SecretStore) -> ServiceResult<()> {
        let mut spec = match (new.command.as_deref().map(str::trim), new.url) {
            (Some(cmd), None) if !cmd.is_empty() => {
                let mut parts = cmd.split_whitespace().map(str::to_owned);
                let program = parts.next().unwrap_or_default();
                McpServerSpec::stdio(new.name, program, parts.collect::<Vec<_>>())
            }
            (None, Some(url)) => McpServerSpec::http(new.name, url.trim()),
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
        self.mcp_add(spec, secrets)?;
        Ok(())
    }

    /// Starts the server, lists its tools and stops it again.
    pub async fn mcp_tool_views(
        &self,
        name: &str,
        secrets: &dyn SecretStore,
    ) -> ServiceResult<Vec<McpToolView>> {
        let spec = self.mcp_spec(name, secrets)?;
        let sup = self.mcp_background_supervisor(vec![spec], secrets)?;
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
