//! The Streamable HTTP transport: rmcp's reqwest client with the user's headers, Utter's
//! size limits and, unless the user set an `Authorization` header, sign-in (OAuth tokens
//! from the keychain, attached and refreshed by rmcp's `AuthClient`).

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use reqwest::header::{HeaderName, HeaderValue};
use rmcp::model::ClientConfig;
use rmcp::service::{ClientInitializeError, RunningService};
use rmcp::transport::streamable_http_client::StreamableHttpClientTransportConfig;
use rmcp::transport::{AuthClient, StreamableHttpClientTransport};
use rmcp::{RoleClient, ServiceExt};

use super::error::McpError;
use super::oauth::{self, McpAuth};
use super::secret::SecretValue;

type Handshake = Result<RunningService<RoleClient, ClientConfig>, ClientInitializeError>;

/// Connects and completes the MCP handshake within `timeout` (None on expiry).
#[allow(clippy::too_many_arguments)]
pub(crate) async fn connect(
    server: &str,
    url: &str,
    headers: &BTreeMap<String, SecretValue>,
    client_id: Option<&str>,
    max_message_bytes: usize,
    auth: Option<&McpAuth>,
    client: ClientConfig,
    timeout: Duration,
) -> Result<Option<Handshake>, McpError> {
    let config = transport_config(server, url, headers, max_message_bytes)?;
    let http = http_client()?;
    let manager = match auth {
        Some(auth) => oauth::manager_for(server, url, client_id, auth.secrets.clone())
            .await
            .map_err(|reason| McpError::Connect {
                server: server.to_string(),
                url: super::secret::redact_url(url),
                reason,
            })?,
        None => None,
    };
    let handshake = match manager {
        Some(manager) => {
            let transport =
                StreamableHttpClientTransport::with_client(AuthClient::new(http, manager), config);
            tokio::time::timeout(timeout, client.serve(transport)).await
        }
        None => {
            let transport = StreamableHttpClientTransport::with_client(http, config);
            tokio::time::timeout(timeout, client.serve(transport)).await
        }
    };
    Ok(handshake.ok())
}

fn transport_config(
    server: &str,
    url: &str,
    headers: &BTreeMap<String, SecretValue>,
    max_message_bytes: usize,
) -> Result<StreamableHttpClientTransportConfig, McpError> {
    let mut custom = HashMap::with_capacity(headers.len());
    for (name, value) in headers {
        let bad = || {
            McpError::Config(format!(
                "server '{server}': header '{name}' is not a valid HTTP header"
            ))
        };
        let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| bad())?;
        let mut value = HeaderValue::from_str(value.expose()).map_err(|_| bad())?;
        // Keeps the value out of reqwest's and http's Debug output.
        value.set_sensitive(true);
        custom.insert(name, value);
    }
    Ok(StreamableHttpClientTransportConfig::with_uri(url)
        .custom_headers(custom)
        .max_json_response_size(max_message_bytes)
        .max_sse_event_size(max_message_bytes))
}

/// Redirects stay on the server's own origin, so a token sent to it is never carried to a
/// host it was not issued for.
fn http_client() -> Result<reqwest::Client, McpError> {
    let policy = reqwest::redirect::Policy::custom(|attempt| {
        let same_origin = attempt
            .previous()
            .first()
            .is_some_and(|first| first.origin() == attempt.url().origin());
        if attempt.previous().len() > 5 || !same_origin {
            attempt.stop()
        } else {
            attempt.follow()
        }
    });
    reqwest::Client::builder()
        .redirect(policy)
        .build()
        .map_err(|e| McpError::Config(format!("cannot set up the HTTP client: {e}")))
}
