//! The redirect target of a sign-in: a listener on 127.0.0.1 (RFC 8252 §7.3) that waits for
//! the browser to come back with `?code=…&state=…`. It serves one page and reads nothing but
//! the request line, so a few lines of tokio are enough; a web framework would be all surface.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A request line longer than this is not a redirect from an authorization server.
const MAX_REQUEST_BYTES: usize = 16 * 1024;
/// A browser that connects and then says nothing must not hold the sign-in up.
const READ_TIMEOUT: Duration = Duration::from_secs(10);
const CALLBACK_PATH: &str = "/callback";

pub(crate) struct Loopback {
    listener: TcpListener,
    port: u16,
}

/// What the authorization server sent back.
#[derive(Debug)]
pub(crate) struct Callback {
    pub code: String,
    pub state: String,
    /// RFC 9207 `iss`, checked by rmcp when the server advertises it.
    pub issuer: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub(crate) enum LoopbackError {
    #[error("cannot listen on 127.0.0.1 for the sign-in redirect: {0}")]
    Bind(std::io::Error),
    #[error("the sign-in did not come back from the browser within {0} s")]
    TimedOut(u64),
    #[error("the server refused the sign-in: {0}")]
    Denied(String),
}

impl Loopback {
    /// Listens on `port` when given and free (a registered client may be bound to its old
    /// redirect URI), else on a port the OS picks.
    pub async fn bind(port: Option<u16>) -> Result<Self, LoopbackError> {
        if let Some(port) = port
            && let Ok(listener) = TcpListener::bind(("127.0.0.1", port)).await
        {
            return Ok(Loopback { listener, port });
        }
        let listener = TcpListener::bind(("127.0.0.1", 0))
            .await
            .map_err(LoopbackError::Bind)?;
        let port = listener.local_addr().map_err(LoopbackError::Bind)?.port();
        Ok(Loopback { listener, port })
    }

    pub fn redirect_uri(&self) -> String {
        format!("http://127.0.0.1:{}{CALLBACK_PATH}", self.port)
    }

    /// Waits for the redirect that carries `expected_state`. Anything else (a favicon, a
    /// stale tab of an earlier attempt, a page on another site poking the port) gets an
    /// error page and the wait goes on.
    pub async fn wait(
        &self,
        expected_state: &str,
        server: &str,
        timeout: Duration,
    ) -> Result<Callback, LoopbackError> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let accepted = tokio::time::timeout_at(deadline, self.listener.accept()).await;
            let Ok(accepted) = accepted else {
                return Err(LoopbackError::TimedOut(timeout.as_secs()));
            };
            let Ok((mut stream, _)) = accepted else {
                continue;
            };
            let Some(target) = read_target(&mut stream).await else {
                continue;
            };
            match parse_callback(&target, expected_state) {
                Parsed::Ok(callback) => {
                    respond(&mut stream, 200, &page(server, None)).await;
                    return Ok(callback);
                }
                Parsed::Denied(reason) => {
                    respond(&mut stream, 200, &page(server, Some(&reason))).await;
                    return Err(LoopbackError::Denied(reason));
                }
                Parsed::Ignore(status) => {
                    respond(&mut stream, status, "Not the sign-in Utter is waiting for.").await;
                }
            }
        }
    }
}

enum Parsed {
    Ok(Callback),
    Denied(String),
    Ignore(u16),
}

fn parse_callback(target: &str, expected_state: &str) -> Parsed {
    let Ok(url) = url::Url::parse(&format!("http://127.0.0.1{target}")) else {
        return Parsed::Ignore(400);
    };
    if url.path() != CALLBACK_PATH {
        return Parsed::Ignore(404);
    }
    let param = |name: &str| {
        url.query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    // Without the state this request may not come from the sign-in we started (CSRF).
    if param("state").as_deref() != Some(expected_state) {
        return Parsed::Ignore(400);
    }
    if let Some(error) = param("error") {
        let detail = param("error_description").unwrap_or_default();
        let reason = crate::sanitize::server_text(&format!("{error} {detail}"));
        return Parsed::Denied(reason.trim().to_string());
    }
    match param("code") {
        Some(code) if !code.is_empty() => Parsed::Ok(Callback {
            code,
            state: expected_state.to_string(),
            issuer: param("iss"),
        }),
        _ => Parsed::Ignore(400),
    }
}

/// The request target of `GET <target> HTTP/1.1`, or None for anything else.
async fn read_target(stream: &mut TcpStream) -> Option<String> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    let read = async {
        loop {
            let n = stream.read(&mut chunk).await.ok()?;
            if n == 0 {
                return None;
            }
            buf.extend_from_slice(&chunk[..n]);
            if buf.windows(4).any(|w| w == b"\r\n\r\n") || buf.len() > MAX_REQUEST_BYTES {
                return Some(());
            }
        }
    };
    tokio::time::timeout(READ_TIMEOUT, read).await.ok()??;
    let head = String::from_utf8_lossy(&buf);
    let line = head.lines().next()?;
    let mut parts = line.split(' ');
    if parts.next()? != "GET" {
        return None;
    }
    Some(parts.next()?.to_string())
}

async fn respond(stream: &mut TcpStream, status: u16, body: &str) {
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        _ => "Bad Request",
    };
    let response = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\n\
         Content-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(response.as_bytes()).await;
    let _ = stream.shutdown().await;
}

fn page(server: &str, error: Option<&str>) -> String {
    let server = html_escape(server);
    let (title, text) = match error {
        None => (
            format!("Signed in to {server}"),
            "You can close this tab and go back to Utter.".to_string(),
        ),
        Some(reason) => (
            format!("Sign-in to {server} did not finish"),
            format!(
                "The server said: {}. Go back to Utter and try again.",
                html_escape(reason)
            ),
        ),
    };
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title></head>\
         <body style=\"font-family:system-ui,sans-serif;margin:4rem auto;max-width:32rem\">\
         <h1 style=\"font-size:1.4rem\">{title}</h1><p>{text}</p></body></html>"
    )
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    async fn get(port: u16, target: &str) -> String {
        let mut s = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        s.write_all(format!("GET {target} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
            .await
            .unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).await.unwrap();
        out
    }

    #[tokio::test]
    async fn only_the_redirect_with_our_state_completes_the_wait() {
        let lb = Loopback::bind(None).await.unwrap();
        let port = lb.port;
        assert_eq!(
            lb.redirect_uri(),
            format!("http://127.0.0.1:{port}/callback")
        );
        let browser = tokio::spawn(async move {
            let favicon = get(port, "/favicon.ico").await;
            let forged = get(port, "/callback?code=evil&state=other").await;
            let real = get(port, "/callback?code=abc&state=s1&iss=https%3A%2F%2Fas").await;
            (favicon, forged, real)
        });
        let cb = lb
            .wait("s1", "github", Duration::from_secs(5))
            .await
            .unwrap();
        assert_eq!(cb.code, "abc");
        assert_eq!(cb.issuer.as_deref(), Some("https://as"));
        let (favicon, forged, real) = browser.await.unwrap();
        assert!(favicon.starts_with("HTTP/1.1 404"));
        assert!(forged.starts_with("HTTP/1.1 400"));
        assert!(real.contains("Signed in to github"));
    }

    #[tokio::test]
    async fn a_denied_sign_in_ends_the_wait_with_the_servers_reason() {
        let lb = Loopback::bind(None).await.unwrap();
        let port = lb.port;
        tokio::spawn(async move {
            get(
                port,
                "/callback?error=access_denied&error_description=User+said+no&state=s",
            )
            .await
        });
        let err = lb.wait("s", "x", Duration::from_secs(5)).await.unwrap_err();
        assert!(
            err.to_string().contains("access_denied User said no"),
            "{err}"
        );
    }

    #[tokio::test]
    async fn nobody_coming_back_times_out() {
        let lb = Loopback::bind(None).await.unwrap();
        let err = lb
            .wait("s", "x", Duration::from_millis(100))
            .await
            .unwrap_err();
        assert!(matches!(err, LoopbackError::TimedOut(_)));
    }
}
