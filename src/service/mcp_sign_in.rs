//! Signing in to remote MCP servers, for the CLI and the app alike: sign in, sign out, where
//! each server stands, and the sign-in every MCP connection carries.

use std::sync::Arc;

use super::{ChangeEvent, Service, ServiceResult};
use crate::mcp::oauth::{self, McpAuth, SignedIn};
use crate::mcp::{AuthState, McpError, McpOptions, McpServerSpec, McpSupervisor, McpTransport};
use crate::secrets::Secret;

pub use crate::mcp::oauth::OnSignInUrl;

/// A sign-in waiting for the browser: the page the user signs in on. The URL carries the
/// PKCE challenge and `state`, never a token or the verifier, so the window may show it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
pub struct SignInPage {
    pub server: String,
    pub url: String,
}

impl Service {
    /// The sign-in connections carry. `interactive` lets a server's 401 open the browser;
    /// without it (agents, chat, schedules) a server that wants sign-in says so instead.
    pub fn mcp_auth(
        &self,
        interactive: bool,
        on_url: Option<OnSignInUrl>,
    ) -> ServiceResult<McpAuth> {
        // Connections refresh tokens after this call returns, so they hold the store itself.
        let mut auth = McpAuth::background(Arc::clone(&self.secrets));
        auth.interactive = interactive;
        auth.client_metadata_url = self
            .text(&crate::settings::MCP_CLIENT_METADATA_URL)?
            .filter(|u| !u.is_empty());
        if let Some(on_url) = on_url {
            auth.on_url = on_url;
        }
        Ok(auth)
    }

    /// A supervisor over `specs` whose HTTP servers use their stored sign-in (no browser).
    pub(super) fn mcp_background_supervisor(
        &self,
        specs: Vec<McpServerSpec>,
    ) -> ServiceResult<McpSupervisor> {
        let sup = McpSupervisor::with_servers(specs, McpOptions::default())?;
        Ok(sup.with_auth(self.mcp_auth(false, None)?))
    }

    /// Signs in to an HTTP server in the browser and stores the tokens in the keychain.
    pub async fn mcp_login(&self, name: &str, on_url: OnSignInUrl) -> ServiceResult<SignedIn> {
        let spec = self.mcp_spec(name)?;
        if !matches!(spec.transport, McpTransport::Http { .. }) {
            return Err(McpError::Config(format!(
                "'{name}' is a local command server; only HTTP servers sign in"
            ))
            .into());
        }
        let auth = self.mcp_auth(true, Some(on_url))?;
        let sup = McpSupervisor::with_servers(vec![spec], McpOptions::default())?.with_auth(auth);
        let signed_in = sup.login(name).await;
        sup.shutdown().await;
        let signed_in = signed_in?;
        tracing::info!(server = %name, scopes = ?signed_in.scopes, "signed in to MCP server");
        self.feed.emit(ChangeEvent::SettingChanged {
            key: format!("mcp.{name}"),
        });
        Ok(signed_in)
    }

    /// Forgets the server's tokens and this machine's registration with it. The server
    /// stays; its next use asks for sign-in again.
    pub fn mcp_logout(&self, name: &str) -> ServiceResult<()> {
        if self.mcp_list()?.iter().all(|s| s.name != name) {
            return Err(McpError::UnknownServer(name.to_owned()).into());
        }
        oauth::sign_out(self.secrets(), name)?;
        self.feed.emit(ChangeEvent::SettingChanged {
            key: format!("mcp.{name}"),
        });
        Ok(())
    }

    /// Where each server stands with sign-in (one keychain read per HTTP server).
    pub fn mcp_auth_state(&self, spec: &McpServerSpec) -> ServiceResult<AuthState> {
        if !matches!(spec.transport, McpTransport::Http { .. }) {
            return Ok(AuthState::None);
        }
        match oauth::auth_state(self.secrets(), &spec.name, spec.oauth.client_id.is_some()) {
            Ok(state) => Ok(state),
            // Listing servers must work without a keychain; nothing is signed in then.
            Err(e) => {
                tracing::debug!(server = %spec.name, "sign-in state unknown: {e}");
                Ok(AuthState::None)
            }
        }
    }

    /// Which of `names` (an agent's servers) wait for the user to sign in (again): a run
    /// that failed with one of these in scope failed for that reason.
    pub fn mcp_servers_needing_sign_in(&self, names: &[String]) -> ServiceResult<Vec<String>> {
        let mut needing = Vec::new();
        for spec in self.mcp_list()? {
            if names.contains(&spec.name) && self.mcp_auth_state(&spec)? == AuthState::SignInNeeded
            {
                needing.push(spec.name);
            }
        }
        Ok(needing)
    }

    /// Keeps the secret of a client id the user registered with the server.
    pub fn mcp_set_client_secret(&self, name: &str, secret: &Secret) -> ServiceResult<()> {
        self.secrets()
            .set(&oauth::client_secret_key(name), secret)?;
        Ok(())
    }
}
