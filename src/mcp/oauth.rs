//! Signing in to remote MCP servers: the MCP authorization spec (2025-11-25) on rmcp's `auth`
//! implementation. A server that answers 401 is signed in to once in the system browser;
//! after that its tokens are attached, refreshed before they run out (and on a 401), and
//! rotated, all from the OS keychain. A 403 `insufficient_scope` asks once for the wider
//! scope. Tokens, client secrets and registrations never leave the keychain.

mod browser;
mod keychain;
mod loopback;
mod safety;
mod sign_in;

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use rmcp::transport::AuthorizationManager;
use rmcp::transport::auth::{CredentialStore, OAuthClientConfig};

pub use keychain::{AuthState, auth_state, forget, sign_out};
pub(crate) use keychain::{KeychainCredentials, client_secret_key, mark_sign_in_needed};
pub use sign_in::{SignIn, SignInError, SignedIn, sign_in};

use crate::secrets::SecretStore;

/// Opens `url` in the browser the sign-in uses (`$BROWSER` first): the app's "open the
/// sign-in page again" for a browser tab the user closed. `Err(why)` when none starts.
pub fn open_sign_in_page(url: &str) -> Result<(), String> {
    browser::open(url)
}

/// A `WWW-Authenticate` challenge's parameters (`error`, `scope`); a relative
/// `resource_metadata` in it is not resolved here (sign-in does that against the server URL).
pub(crate) fn challenge_params(challenge: &str) -> rmcp::transport::WWWAuthenticateParams {
    let base = url::Url::parse("http://localhost/").ok();
    match base {
        Some(base) => rmcp::transport::WWWAuthenticateParams::parse(challenge, &base),
        None => rmcp::transport::WWWAuthenticateParams::default(),
    }
}

/// Long enough to find a password and approve; a browser that never comes back gives up.
pub const DEFAULT_SIGN_IN_TIMEOUT: Duration = Duration::from_secs(300);

/// Told `(server, authorization URL)` before the browser opens.
pub type OnSignInUrl = Arc<dyn Fn(&str, &str) + Send + Sync>;

/// What HTTP connections need for sign-in.
#[derive(Clone)]
pub struct McpAuth {
    pub secrets: Arc<dyn SecretStore>,
    /// May open the browser when a server asks (the CLI at a terminal, the app's Sign in
    /// button). Background work never does: it reports "sign in needed" instead.
    pub interactive: bool,
    /// Offered as the client id to servers that accept Client ID Metadata Documents.
    pub client_metadata_url: Option<String>,
    pub sign_in_timeout: Duration,
    pub on_url: OnSignInUrl,
}

impl McpAuth {
    /// Background use: tokens are used and refreshed, the browser never opens.
    pub fn background(secrets: Arc<dyn SecretStore>) -> Self {
        McpAuth {
            secrets,
            interactive: false,
            client_metadata_url: None,
            sign_in_timeout: DEFAULT_SIGN_IN_TIMEOUT,
            on_url: Arc::new(|_, _| {}),
        }
    }
}

impl fmt::Debug for McpAuth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("McpAuth")
            .field("interactive", &self.interactive)
            .field("client_metadata_url", &self.client_metadata_url)
            .finish_non_exhaustive()
    }
}

/// The authorization manager for a connection: the stored tokens (refreshed as needed), or
/// none yet, in which case requests go out bare and a 401 asks for sign-in. None when the
/// keychain cannot be read: the connection then goes without sign-in rather than failing
/// every request on the keychain (a server that wants one says so with its 401).
pub(crate) async fn manager_for(
    server: &str,
    url: &str,
    client_id: Option<&str>,
    secrets: Arc<dyn SecretStore>,
) -> Result<Option<AuthorizationManager>, String> {
    let mut manager = AuthorizationManager::new(url)
        .await
        .map_err(|e| e.to_string())?;
    let store = KeychainCredentials::new(server, secrets.clone());
    let stored = match store.load().await {
        Ok(stored) => stored,
        Err(e) => {
            tracing::warn!(server, "no sign-in for this connection: {e}");
            return Ok(None);
        }
    };
    manager.set_credential_store(store);
    let Some(stored_id) = stored
        .filter(|c| c.token_response.is_some())
        .map(|c| c.client_id)
    else {
        return Ok(Some(manager));
    };
    // Discovery again, for the token endpoint refresh needs; the tokens stay where they are.
    let metadata = sign_in::discover(&manager, url, None)
        .await
        .map_err(|e| format!("cannot read the server's sign-in settings: {e}"))?;
    manager.set_metadata(metadata);
    let restored = manager
        .initialize_from_store()
        .await
        .map_err(|e| format!("cannot read the server's sign-in settings: {e}"))?;
    if !restored {
        return Ok(Some(manager));
    }
    // rmcp restores only the client id; a confidential client needs its secret to refresh.
    let server_owned = server.to_string();
    let key = client_secret_key(server);
    let given_id = client_id.map(str::to_string);
    let secret = tokio::task::spawn_blocking(move || -> Result<_, String> {
        if let Some(id) = given_id {
            let secret = secrets.get(&key).map_err(|e| e.to_string())?;
            return Ok(secret.map(|s| (id, s.expose().to_string())));
        }
        let reg = keychain::load_registration(secrets.as_ref(), &server_owned)
            .map_err(|e| e.to_string())?;
        Ok(reg
            .filter(|r| r.client_id == stored_id)
            .and_then(|r| Some((r.client_id, r.client_secret?))))
    })
    .await
    .map_err(|e| e.to_string())??;
    if let Some((id, secret)) = secret {
        let config = OAuthClientConfig::new(id, url).with_client_secret(secret);
        manager
            .configure_client(config)
            .map_err(|e| e.to_string())?;
    }
    Ok(Some(manager))
}
