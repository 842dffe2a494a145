//! Where a sign-in may send the user and their tokens: HTTPS, or plain HTTP to this machine
//! only (local development servers, the tests).

use url::{Host, Url};

/// `Err(why)` when `url` may not take part in a sign-in.
pub(crate) fn check_url(url: &str, what: &str) -> Result<Url, String> {
    let parsed = Url::parse(url).map_err(|e| format!("the {what} '{url}' is not a URL ({e})"))?;
    match parsed.scheme() {
        "https" => Ok(parsed),
        "http" if is_loopback(&parsed) => Ok(parsed),
        "http" => Err(format!(
            "the {what} {} uses plain http; sign-in only goes over https (http is allowed for \
             localhost only)",
            origin(&parsed)
        )),
        other => Err(format!("the {what} uses '{other}:'; only https is allowed")),
    }
}

pub(crate) fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// Scheme, host and port: enough to say which server, without a path that may carry a key.
pub(crate) fn origin(url: &Url) -> String {
    url.origin().ascii_serialization()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_and_http_only_on_this_machine() {
        assert!(check_url("https://mcp.linear.app/mcp", "server").is_ok());
        assert!(check_url("http://localhost:3000/mcp", "server").is_ok());
        assert!(check_url("http://127.0.0.1:9/token", "token endpoint").is_ok());
        assert!(check_url("http://[::1]:9/token", "token endpoint").is_ok());
        let err = check_url("http://auth.example.com/token?k=1", "token endpoint").unwrap_err();
        assert!(
            err.contains("http://auth.example.com uses plain http"),
            "{err}"
        );
        assert!(!err.contains("k=1"));
        assert!(check_url("ftp://x/y", "server").is_err());
        assert!(check_url("http://localhost.evil.com/", "server").is_err());
    }
}
