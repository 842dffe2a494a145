//! One sign-in: discover the authorization server, pick the client identity, send the user
//! to the browser and wait for the loopback redirect, then store the tokens in the keychain.
//! The protocol work (metadata discovery per RFC 9728 / RFC 8414 / OIDC and the 2025-03-26
//! fallbacks, PKCE S256, `resource`, issuer checks, token exchange) is rmcp's.

use std::sync::Arc;
use std::time::Duration;

use oauth2::TokenResponse;
use rmcp::transport::AuthorizationManager;
use rmcp::transport::auth::{
    AuthError, AuthorizationMetadata, OAuthClientConfig, StoredCredentials,
};

use super::browser;
use super::keychain::{
    KeychainCredentials, Registration, client_secret_key, load_registration, save_registration,
};
use super::loopback::Loopback;
use super::safety::check_url;
use crate::secrets::SecretStore;

/// The name servers show on their consent screen.
const CLIENT_NAME: &str = "Utter";

/// What to sign in to, and how.
pub struct SignIn<'a> {
    pub server: &'a str,
    pub url: &'a str,
    pub secrets: Arc<dyn SecretStore>,
    /// A client id the user registered with the server themselves (its secret, if any, is
    /// in the keychain).
    pub client_id: Option<&'a str>,
    /// Scopes the user asked for; otherwise they come from the server.
    pub scope: Option<&'a str>,
    /// Offered as the client id to servers that accept Client ID Metadata Documents.
    pub client_metadata_url: Option<&'a str>,
    /// The `WWW-Authenticate` of the 401/403 that asked for this sign-in.
    pub challenge: Option<&'a str>,
    /// A 403 `insufficient_scope`: ask for what was granted plus what the server wants.
    pub step_up: bool,
    /// How long to wait for the browser to come back.
    pub timeout: Duration,
    /// Told the authorization URL before the browser opens (the CLI prints it, in case no
    /// browser can be started here).
    pub on_url: &'a (dyn Fn(&str) + Send + Sync),
}

/// What the server granted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedIn {
    pub scopes: Vec<String>,
    /// Unix seconds, when the server said how long the token lasts.
    pub expires_at: Option<i64>,
    pub refreshable: bool,
}

/// Why a sign-in failed; each says what to do next.
#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    #[error("{0}")]
    Unsafe(String),
    #[error(
        "the server does not let apps register themselves; create an OAuth app in its developer settings with the redirect URI http://127.0.0.1/callback and add the server again with --client-id (and --client-secret-stdin)"
    )]
    NoRegistration,
    #[error("the server does not support PKCE with S256, which sign-in requires")]
    NoPkce,
    #[error("cannot find how to sign in to this server: {0}")]
    Discovery(String),
    #[error("registering Utter with the server failed: {0}")]
    Registration(String),
    #[error("{0}")]
    Browser(String),
    #[error("the server did not accept the sign-in: {0}")]
    Token(String),
    #[error("the OS keychain failed: {0}")]
    Keychain(String),
}

/// Runs the whole flow; on success the tokens are in the keychain.
pub async fn sign_in(req: SignIn<'_>) -> Result<SignedIn, SignInError> {
    check_url(req.url, "server URL").map_err(SignInError::Unsafe)?;
    let mut manager = AuthorizationManager::new(req.url)
        .await
        .map_err(|e| SignInError::Discovery(e.to_string()))?;
    let store = KeychainCredentials::new(req.server, req.secrets.clone());
    manager.set_credential_store(store);

    let probed;
    let challenge = match req.challenge {
        Some(c) => Some(c),
        None => {
            probed = probe_challenge(req.url).await;
            probed.as_deref()
        }
    };
    // The challenge may point discovery anywhere: only https (or this machine).
    if let Some(pointer) = challenge.and_then(|c| {
        let base = url::Url::parse(req.url).ok()?;
        rmcp::transport::WWWAuthenticateParams::parse(c, &base).resource_metadata_url
    }) {
        check_url(pointer.as_str(), "protected resource metadata URL")
            .map_err(SignInError::Unsafe)?;
    }
    let metadata = discover(&manager, req.url, challenge)
        .await
        .map_err(SignInError::Discovery)?;
    check_url(&metadata.authorization_endpoint, "authorization endpoint")
        .map_err(SignInError::Unsafe)?;
    check_url(&metadata.token_endpoint, "token endpoint").map_err(SignInError::Unsafe)?;
    if let Some(reg) = &metadata.registration_endpoint {
        check_url(reg, "registration endpoint").map_err(SignInError::Unsafe)?;
    }
    if metadata
        .code_challenge_methods_supported
        .as_ref()
        .is_some_and(|m| !m.iter().any(|m| m == "S256"))
    {
        return Err(SignInError::NoPkce);
    }
    let issuer = metadata.issuer.clone();
    let supports_cimd = metadata
        .additional_fields
        .get("client_id_metadata_document_supported")
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    let can_register = metadata.registration_endpoint.is_some();
    let as_scopes = metadata.scopes_supported.clone().unwrap_or_default();
    manager.set_metadata(metadata);

    let scopes = choose_scopes(&req, &manager, &as_scopes).await?;
    let scope_refs: Vec<&str> = scopes.iter().map(String::as_str).collect();

    let secrets = req.secrets.clone();
    let server = req.server.to_string();
    let registration = blocking(move || load_registration(secrets.as_ref(), &server))
        .await?
        .filter(|r| r.issuer == issuer);
    let old_port = registration
        .as_ref()
        .and_then(|r| url::Url::parse(&r.redirect_uri).ok())
        .and_then(|u| u.port());
    let loopback = Loopback::bind(old_port)
        .await
        .map_err(|e| SignInError::Browser(e.to_string()))?;
    let redirect_uri = loopback.redirect_uri();

    // Client identity, in the spec's order: pre-registered, metadata document, registration.
    let config = if let Some(id) = req.client_id {
        let secrets = req.secrets.clone();
        let key = client_secret_key(req.server);
        let secret = blocking(move || secrets.get(&key)).await?;
        let mut config = OAuthClientConfig::new(id, &redirect_uri);
        if let Some(secret) = secret {
            config = config.with_client_secret(secret.expose());
        }
        config
    } else if let Some(url) = req.client_metadata_url.filter(|_| supports_cimd) {
        OAuthClientConfig::new(url, &redirect_uri)
    } else if let Some(reg) = registration.filter(|r| r.redirect_uri == redirect_uri) {
        let mut config = OAuthClientConfig::new(reg.client_id, &redirect_uri);
        if let Some(secret) = reg.client_secret {
            config = config.with_client_secret(secret);
        }
        config
    } else {
        if !can_register {
            return Err(SignInError::NoRegistration);
        }
        let config = manager
            .register_client(CLIENT_NAME, &redirect_uri, &scope_refs)
            .await
            .map_err(|e| SignInError::Registration(auth_error_text(&e)))?;
        let reg = Registration {
            client_id: config.client_id.clone(),
            client_secret: config.client_secret.clone(),
            redirect_uri: redirect_uri.clone(),
            issuer: issuer.clone(),
        };
        let secrets = req.secrets.clone();
        let server = req.server.to_string();
        blocking(move || save_registration(secrets.as_ref(), &server, &reg)).await?;
        config
    };
    manager
        .configure_client(config)
        .map_err(|e| SignInError::Discovery(auth_error_text(&e)))?;

    let auth_url = manager
        .get_authorization_url(&scope_refs)
        .await
        .map_err(|e| match e {
            AuthError::PkceUnsupported => SignInError::NoPkce,
            e => SignInError::Discovery(auth_error_text(&e)),
        })?;
    let state = url::Url::parse(&auth_url)
        .ok()
        .and_then(|u| {
            u.query_pairs()
                .find(|(k, _)| k == "state")
                .map(|(_, v)| v.into_owned())
        })
        .ok_or_else(|| SignInError::Discovery("the authorization URL has no state".into()))?;
    (req.on_url)(&auth_url);
    if let Err(e) = browser::open(&auth_url) {
        tracing::warn!(server = %req.server, "could not open a browser: {e}");
    }
    let callback = loopback
        .wait(&state, req.server, req.timeout)
        .await
        .map_err(|e| SignInError::Browser(e.to_string()))?;
    let tokens = manager
        .exchange_code_for_token_with_issuer(
            &callback.code,
            &callback.state,
            callback.issuer.as_deref(),
        )
        .await
        .map_err(|e| SignInError::Token(auth_error_text(&e)))?;
    let granted = manager.get_current_scopes().await;
    Ok(SignedIn {
        expires_at: tokens.expires_in().and_then(|d| {
            let now = chrono::Utc::now().timestamp();
            now.checked_add(i64::try_from(d.as_secs()).ok()?)
        }),
        refreshable: tokens.refresh_token().is_some(),
        scopes: granted,
    })
}

/// The scopes to ask for: the user's, else the challenge's, else the protected resource's,
/// else the authorization server's `scopes_supported`, else none. A step-up keeps what was
/// granted and adds what the server now wants.
async fn choose_scopes(
    req: &SignIn<'_>,
    manager: &AuthorizationManager,
    as_scopes: &[String],
) -> Result<Vec<String>, SignInError> {
    let mut scopes = match req.scope {
        Some(scope) => scope.split_whitespace().map(str::to_string).collect(),
        None => manager.select_initial_scopes(&[]).await,
    };
    if scopes.is_empty() {
        scopes = as_scopes.to_vec();
    }
    if req.step_up {
        if let Some(wanted) = req.challenge.and_then(|c| {
            let base = url::Url::parse(req.url).ok()?;
            rmcp::transport::WWWAuthenticateParams::parse(c, &base).scope
        }) {
            scopes.extend(wanted.split_whitespace().map(str::to_string));
        }
        let secrets = req.secrets.clone();
        let key = super::keychain::tokens_key(req.server);
        let stored = blocking(move || secrets.get(&key)).await?;
        let granted = stored
            .and_then(|raw| serde_json::from_str::<StoredCredentials>(raw.expose()).ok())
            .map(|c| c.granted_scopes)
            .unwrap_or_default();
        let mut union = granted;
        for s in std::mem::take(&mut scopes) {
            if !union.contains(&s) {
                union.push(s);
            }
        }
        scopes = union;
    }
    Ok(scopes)
}

/// An unauthenticated `initialize`, for the `WWW-Authenticate` of its 401: the challenge may
/// name a metadata document that no well-known path leads to. A server that lets anyone
/// initialize gives none, and discovery goes on from the well-known paths.
async fn probe_challenge(url: &str) -> Option<String> {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(15))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .ok()?;
    let body = serde_json::json!({
        "jsonrpc": "2.0", "id": 0, "method": "initialize",
        "params": {
            "protocolVersion": "2025-11-25",
            "capabilities": {},
            "clientInfo": {"name": "utter", "version": env!("CARGO_PKG_VERSION")}
        }
    });
    let response = client
        .post(url)
        .header("Accept", "application/json, text/event-stream")
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .ok()?;
    if response.status() != reqwest::StatusCode::UNAUTHORIZED {
        return None;
    }
    response
        .headers()
        .get(reqwest::header::WWW_AUTHENTICATE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// The authorization server's metadata, found the spec's ways (rmcp), or failing that on the
/// MCP server's own origin: 2025-03-26 servers publish it there and often name another issuer
/// in it (RFC 8414's issuer check predates them).
pub(crate) async fn discover(
    manager: &AuthorizationManager,
    url: &str,
    challenge: Option<&str>,
) -> Result<AuthorizationMetadata, String> {
    match manager.resolve_metadata_from_challenge(challenge).await {
        Ok(resolution) => Ok(resolution.metadata),
        Err(AuthError::AuthorizationServerMismatch { .. }) => legacy_origin_metadata(url).await,
        Err(e) => Err(auth_error_text(&e)),
    }
}

/// The authorization server metadata at `/.well-known/oauth-authorization-server` on the MCP
/// server's origin (MCP 2025-03-26), accepted only when every endpoint it names is on that
/// same origin: without an issuer check, nothing else may vouch for another host.
async fn legacy_origin_metadata(url: &str) -> Result<AuthorizationMetadata, String> {
    let server = url::Url::parse(url).map_err(|e| e.to_string())?;
    let mut well_known = server.clone();
    well_known.set_path("/.well-known/oauth-authorization-server");
    well_known.set_query(None);
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| e.to_string())?;
    let response = client
        .get(well_known.as_str())
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.status().is_success() {
        return Err(format!(
            "{} answered {} for its authorization server metadata",
            super::safety::origin(&server),
            response.status()
        ));
    }
    let body = response.bytes().await.map_err(|e| e.to_string())?;
    if body.len() > MAX_METADATA_BYTES {
        return Err("the authorization server metadata is too large".into());
    }
    let metadata: AuthorizationMetadata =
        serde_json::from_slice(&body).map_err(|e| format!("unreadable metadata: {e}"))?;
    let same_origin =
        |endpoint: &str| url::Url::parse(endpoint).is_ok_and(|u| u.origin() == server.origin());
    let endpoints = [
        Some(metadata.authorization_endpoint.as_str()),
        Some(metadata.token_endpoint.as_str()),
        metadata.registration_endpoint.as_deref(),
    ];
    if !endpoints.into_iter().flatten().all(same_origin) {
        return Err(format!(
            "the metadata on {} names its issuer wrongly and points to another host",
            super::safety::origin(&server)
        ));
    }
    Ok(metadata)
}

/// Metadata documents are a few kilobytes; anything near this is not one.
const MAX_METADATA_BYTES: usize = 256 * 1024;

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, crate::secrets::SecretError> + Send + 'static,
) -> Result<T, SignInError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| SignInError::Keychain(e.to_string()))?
        .map_err(|e| SignInError::Keychain(e.to_string()))
}

/// rmcp's message, on one line and without anything that looks like a credential.
fn auth_error_text(e: &AuthError) -> String {
    crate::sanitize::server_text(&crate::secrets::redact::scrub(&e.to_string()))
}
