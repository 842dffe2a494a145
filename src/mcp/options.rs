//! Limits that keep one misbehaving server from hanging or flooding the app.

use std::time::Duration;

pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(30);
pub const DEFAULT_CALL_TIMEOUT: Duration = Duration::from_secs(30);
/// Text handed to a model beyond this is a mistake (a whole database dump) more often than
/// a useful answer, and it would blow the model's context anyway.
pub const DEFAULT_MAX_CONTENT_BYTES: usize = 1024 * 1024;
/// One JSON-RPC message from a server; past this the connection is dropped, since the only
/// other choice is buffering without bound. Base64 images make messages bigger than text.
pub const DEFAULT_MAX_MESSAGE_BYTES: usize = 8 * 1024 * 1024;
pub const DEFAULT_BACKOFF_BASE: Duration = Duration::from_millis(500);
pub const DEFAULT_BACKOFF_MAX: Duration = Duration::from_secs(30);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct McpOptions {
    /// Spawn (or HTTP connect) plus the MCP handshake. `npx`/`uvx` servers download on
    /// first start, hence the generous default.
    pub connect_timeout: Duration,
    /// One request (`tools/call`, `tools/list`); on expiry the request is cancelled.
    pub call_timeout: Duration,
    /// Text plus structured content of one tool result.
    pub max_content_bytes: usize,
    /// One raw message from the server.
    pub max_message_bytes: usize,
    /// First wait before restarting a failed server; doubles per failure in a row.
    pub backoff_base: Duration,
    pub backoff_max: Duration,
}

impl Default for McpOptions {
    fn default() -> Self {
        McpOptions {
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            call_timeout: DEFAULT_CALL_TIMEOUT,
            max_content_bytes: DEFAULT_MAX_CONTENT_BYTES,
            max_message_bytes: DEFAULT_MAX_MESSAGE_BYTES,
            backoff_base: DEFAULT_BACKOFF_BASE,
            backoff_max: DEFAULT_BACKOFF_MAX,
        }
    }
}

impl McpOptions {
    /// The wait before restart attempt number `failures` (1 = after the first failure):
    /// base, 2×base, 4×base … capped at `backoff_max`.
    pub fn backoff_delay(&self, failures: u32) -> Duration {
        if failures == 0 {
            return Duration::ZERO;
        }
        let factor = 1u32 << failures.saturating_sub(1).min(20);
        self.backoff_base
            .saturating_mul(factor)
            .min(self.backoff_max)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_caps() {
        let o = McpOptions::default();
        let ms: Vec<u128> = (0..9).map(|n| o.backoff_delay(n).as_millis()).collect();
        assert_eq!(ms, [0, 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
        assert_eq!(o.backoff_delay(u32::MAX), o.backoff_max);
    }
}
