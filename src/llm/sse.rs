//! Server-sent events from a streaming response, for both providers.

use eventsource_stream::{Event, EventStreamError, Eventsource};
use futures_util::StreamExt;

use super::client::transport_error;
use super::error::LlmError;

/// What the event handler wants next.
pub(crate) enum Flow {
    Continue,
    /// The provider's end-of-stream marker arrived (`[DONE]`, `message_stop`).
    Done,
}

/// Feeds each event of `resp` to `on_event` until it returns [`Flow::Done`] or the body ends.
/// Returns whether the end marker was seen, so callers can tell a cut-off stream from a
/// finished one.
pub(crate) async fn read_events(
    resp: reqwest::Response,
    provider: &str,
    url: &str,
    timeout_secs: u64,
    mut on_event: impl FnMut(Event) -> Result<Flow, LlmError>,
) -> Result<bool, LlmError> {
    let mut events = resp.bytes_stream().eventsource();
    while let Some(item) = events.next().await {
        match item {
            Ok(ev) => {
                if let Flow::Done = on_event(ev)? {
                    return Ok(true);
                }
            }
            Err(EventStreamError::Transport(e)) => {
                return Err(transport_error(&e, provider, url, timeout_secs));
            }
            Err(EventStreamError::Utf8(_)) => {
                return Err(LlmError::Malformed {
                    provider: provider.to_string(),
                    detail: "the event stream is not UTF-8".into(),
                });
            }
            Err(EventStreamError::Parser(e)) => {
                return Err(LlmError::Malformed {
                    provider: provider.to_string(),
                    detail: format!("bad event stream framing: {e}"),
                });
            }
        }
    }
    Ok(false)
}
