//! The Streamable HTTP transport: rmcp's reqwest client with the user's headers and Utter's
//! size limits.

use std::collections::{BTreeMap, HashMap};

use reqwest::header::{HeaderName, HeaderValue};
use rmcp::transport::StreamableHttpClientTransport;
use rmcp::transport::streamable_http_client::StreamableHttpClientTransportConfig;

use super::error::McpError;
use super::secret::SecretValue;

pub(crate) type HttpTransport = StreamableHttpClientTransport<reqwest::Client>;

/// Builds the transport; it connects lazily, during the handshake. Must run inside a tokio
/// runtime (the transport starts a worker task).
pub(crate) fn transport(
    server: &str,
    url: &str,
    headers: &BTreeMap<String, SecretValue>,
    max_message_bytes: usize,
) -> Result<HttpTransport, McpError> {
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
    let config = StreamableHttpClientTransportConfig::with_uri(url)
        .custom_headers(custom)
        .max_json_response_size(max_message_bytes)
        .max_sse_event_size(max_message_bytes);
    Ok(StreamableHttpClientTransport::from_config(config))
}
