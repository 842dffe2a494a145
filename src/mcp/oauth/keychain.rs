//! Where a server's sign-in lives: tokens, the registered client and a pre-registered client
//! secret, each one OS keychain entry under the server's name. Nothing of it goes to SQLite.

use std::sync::{Arc, Mutex, PoisonError};

use oauth2::TokenResponse;
use rmcp::transport::auth::{
    AuthError, CredentialRefreshGuard, CredentialStore, StoredCredentials,
};
use serde::{Deserialize, Serialize};

use crate::secrets::{Secret, SecretError, SecretStore, redact};

/// The rmcp credentials: access and refresh token, client id, granted scopes.
pub(crate) fn tokens_key(server: &str) -> String {
    format!("mcp:{server}:oauth:tokens")
}

/// A client this machine registered with the server (RFC 7591), kept across sign-ins.
pub(crate) fn registration_key(server: &str) -> String {
    format!("mcp:{server}:oauth:registration")
}

/// The secret of a client id the user gave (`--client-id`, `--client-secret-stdin`).
pub(crate) fn client_secret_key(server: &str) -> String {
    format!("mcp:{server}:oauth:client-secret")
}

/// A dynamically registered client. The redirect URI is kept because a server may insist on
/// the exact one it registered; the next sign-in listens on the same port when it is free.
#[derive(Clone, Serialize, Deserialize)]
pub(crate) struct Registration {
    pub client_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
    pub redirect_uri: String,
    /// The authorization server that issued it; another server needs a new registration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
}

impl std::fmt::Debug for Registration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registration")
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret.as_ref().map(|_| "***"))
            .field("redirect_uri", &self.redirect_uri)
            .field("issuer", &self.issuer)
            .finish()
    }
}

pub(crate) fn load_registration(
    secrets: &dyn SecretStore,
    server: &str,
) -> Result<Option<Registration>, SecretError> {
    let Some(raw) = secrets.get(&registration_key(server))? else {
        return Ok(None);
    };
    // A damaged entry only costs a new registration.
    let reg: Option<Registration> = serde_json::from_str(raw.expose()).ok();
    if let Some(secret) = reg.as_ref().and_then(|r| r.client_secret.as_deref()) {
        redact::remember(secret);
    }
    Ok(reg)
}

pub(crate) fn save_registration(
    secrets: &dyn SecretStore,
    server: &str,
    reg: &Registration,
) -> Result<(), SecretError> {
    if let Some(secret) = &reg.client_secret {
        redact::remember(secret);
    }
    let json = serde_json::to_string(reg).map_err(|e| SecretError::Corrupt {
        key: registration_key(server),
        reason: e.to_string(),
    })?;
    secrets.set(&registration_key(server), &Secret::new(json))
}

/// Signs out: tokens and this machine's client registration go; a client id and secret the
/// user gave stay (they are settings, removed with the server).
pub fn sign_out(secrets: &dyn SecretStore, server: &str) -> Result<(), SecretError> {
    secrets.delete(&tokens_key(server))?;
    secrets.delete(&registration_key(server))
}

/// Everything sign-in left in the keychain for `server`, for `mcp rm`.
pub fn forget(secrets: &dyn SecretStore, server: &str) -> Result<(), SecretError> {
    sign_out(secrets, server)?;
    secrets.delete(&client_secret_key(server))
}

/// Where a server stands with sign-in, for `utter mcp list` and the servers page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, specta::Type)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum AuthState {
    /// The server has not asked for sign-in.
    None,
    SignedIn {
        /// Unix seconds when the access token runs out, when the server said.
        expires_at: Option<i64>,
        /// A refresh token is stored, so expiry renews quietly.
        refreshable: bool,
        scopes: Vec<String>,
    },
    /// The server wants a sign-in (first use, or the refresh token was refused).
    SignInNeeded,
}

/// The state from the keychain alone (one read). `uses_oauth`: the server is configured
/// with a client id, so it needs sign-in even before it has said so.
pub fn auth_state(
    secrets: &dyn SecretStore,
    server: &str,
    uses_oauth: bool,
) -> Result<AuthState, SecretError> {
    let stored = read_tokens(secrets, server)?;
    Ok(match stored {
        Some(creds) => match &creds.token_response {
            Some(tokens) => AuthState::SignedIn {
                expires_at: match (tokens.expires_in(), creds.token_received_at) {
                    (Some(left), Some(at)) => i64::try_from(at)
                        .ok()
                        .and_then(|at| at.checked_add(i64::try_from(left.as_secs()).ok()?)),
                    _ => None,
                },
                refreshable: tokens.refresh_token().is_some(),
                scopes: creds.granted_scopes.clone(),
            },
            None => AuthState::SignInNeeded,
        },
        None if uses_oauth => AuthState::SignInNeeded,
        None => AuthState::None,
    })
}

/// Records that a server asked for a sign-in (a 401 with nothing stored): an entry without
/// tokens. Tokens already there are left alone: rmcp refreshed or tried to, and a refused
/// refresh token has its own path ([`drop_tokens`]).
pub(crate) fn mark_sign_in_needed(
    secrets: &dyn SecretStore,
    server: &str,
) -> Result<(), SecretError> {
    let stored = read_tokens(secrets, server)?;
    if stored.as_ref().is_some_and(|c| c.token_response.is_some()) {
        return Ok(());
    }
    drop_tokens(secrets, server)
}

/// The server refused the refresh token: the tokens go, the client id stays, and the server
/// shows "sign in needed".
fn drop_tokens(secrets: &dyn SecretStore, server: &str) -> Result<(), SecretError> {
    let client_id = read_tokens(secrets, server)?
        .map(|c| c.client_id)
        .unwrap_or_default();
    write_tokens(
        secrets,
        server,
        &StoredCredentials::new(client_id, None, Vec::new(), None),
    )
}

fn read_tokens(
    secrets: &dyn SecretStore,
    server: &str,
) -> Result<Option<StoredCredentials>, SecretError> {
    let Some(raw) = secrets.get(&tokens_key(server))? else {
        return Ok(None);
    };
    let creds: StoredCredentials =
        serde_json::from_str(raw.expose()).map_err(|e| SecretError::Corrupt {
            key: tokens_key(server),
            reason: e.to_string(),
        })?;
    remember_tokens(&creds);
    Ok(Some(creds))
}

fn write_tokens(
    secrets: &dyn SecretStore,
    server: &str,
    creds: &StoredCredentials,
) -> Result<(), SecretError> {
    remember_tokens(creds);
    let json = serde_json::to_string(creds).map_err(|e| SecretError::Corrupt {
        key: tokens_key(server),
        reason: e.to_string(),
    })?;
    secrets.set(&tokens_key(server), &Secret::new(json))
}

/// The tokens themselves become known secrets, so that a server echoing one in an error, or
/// a library logging a request, has it redacted.
fn remember_tokens(creds: &StoredCredentials) {
    if let Some(tokens) = &creds.token_response {
        redact::remember(tokens.access_token().secret());
        if let Some(refresh) = tokens.refresh_token() {
            redact::remember(refresh.secret());
        }
    }
}

/// rmcp's credential store over the OS keychain. Reads are cached for the connection (rmcp
/// loads the credentials before every request); a refresh re-reads the keychain first, so a
/// token another Utter process rotated meanwhile is not refreshed twice.
#[derive(Clone)]
pub(crate) struct KeychainCredentials {
    server: String,
    secrets: Arc<dyn SecretStore>,
    cache: Arc<Mutex<Option<Option<StoredCredentials>>>>,
}

impl KeychainCredentials {
    pub fn new(server: &str, secrets: Arc<dyn SecretStore>) -> Self {
        KeychainCredentials {
            server: server.to_string(),
            secrets,
            cache: Arc::new(Mutex::new(None)),
        }
    }

    fn cached(&self) -> Option<Option<StoredCredentials>> {
        self.cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn set_cache(&self, value: Option<Option<StoredCredentials>>) {
        *self.cache.lock().unwrap_or_else(PoisonError::into_inner) = value;
    }

    /// Runs a keychain call off the async threads (it blocks on D-Bus or a prompt).
    async fn blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(&dyn SecretStore, &str) -> Result<T, SecretError> + Send + 'static,
    ) -> Result<T, AuthError> {
        let secrets = self.secrets.clone();
        let server = self.server.clone();
        tokio::task::spawn_blocking(move || f(secrets.as_ref(), &server))
            .await
            .map_err(|e| AuthError::CredentialStoreError(format!("keychain task failed: {e}")))?
            .map_err(|e| AuthError::CredentialStoreError(e.to_string()))
    }
}

#[async_trait::async_trait]
impl CredentialStore for KeychainCredentials {
    async fn load(&self) -> Result<Option<StoredCredentials>, AuthError> {
        if let Some(cached) = self.cached() {
            return Ok(cached);
        }
        let loaded = self.blocking(|s, server| read_tokens(s, server)).await?;
        self.set_cache(Some(loaded.clone()));
        Ok(loaded)
    }

    async fn save(&self, credentials: StoredCredentials) -> Result<(), AuthError> {
        let saved = credentials.clone();
        self.blocking(move |s, server| write_tokens(s, server, &saved))
            .await?;
        self.set_cache(Some(Some(credentials)));
        Ok(())
    }

    async fn clear(&self) -> Result<(), AuthError> {
        self.blocking(|s, server| s.delete(&tokens_key(server)))
            .await?;
        self.set_cache(Some(None));
        Ok(())
    }

    async fn on_refresh_token_rejected(
        &self,
        _credentials: &StoredCredentials,
    ) -> Result<(), AuthError> {
        tracing::warn!(server = %self.server, "the server refused the refresh token; sign in again");
        self.blocking(|s, server| drop_tokens(s, server)).await?;
        self.set_cache(None);
        Ok(())
    }

    async fn acquire_refresh_guard(&self) -> Result<Option<CredentialRefreshGuard>, AuthError> {
        self.set_cache(None);
        Ok(None)
    }
}
