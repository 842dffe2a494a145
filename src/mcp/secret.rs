//! Keeping secrets out of logs and errors. Server configs carry API keys in env values,
//! bearer tokens in headers, sometimes tokens in a URL or a `--token` argument; all of those
//! are printed only in redacted form.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::secrets::redact::REDACTED;

/// A value that may be a secret (an env value or an HTTP header value). It serializes as the
/// plain string because the config must round-trip, but its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct SecretValue(String);

impl SecretValue {
    /// Also registers the value with the redaction layer, so no output of this process shows it.
    pub fn new(value: impl Into<String>) -> Self {
        let value = value.into();
        crate::secrets::redact::remember(&value);
        SecretValue(value)
    }

    /// The real value, for handing to the child process or the HTTP client only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl<'de> Deserialize<'de> for SecretValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(SecretValue::new)
    }
}

impl From<&str> for SecretValue {
    fn from(value: &str) -> Self {
        SecretValue::new(value)
    }
}

impl From<String> for SecretValue {
    fn from(value: String) -> Self {
        SecretValue::new(value)
    }
}

/// A URL fit for a log line: user info and the query string (where `?api_key=` lives) hidden.
pub(crate) fn redact_url(url: &str) -> String {
    match reqwest::Url::parse(url) {
        Ok(mut parsed) => {
            let had_userinfo = !parsed.username().is_empty() || parsed.password().is_some();
            if had_userinfo {
                // Setting fails only for URLs that cannot have credentials, which have none.
                let _ = parsed.set_username("");
                let _ = parsed.set_password(None);
            }
            let had_query = parsed.query().is_some();
            parsed.set_query(None);
            parsed.set_fragment(None);
            let mut out = parsed.to_string();
            if had_query {
                out.push_str("?[redacted]");
            }
            out
        }
        // An unparsable URL may still hold a token; show only what precedes any query.
        Err(_) => match url.split_once('?') {
            Some((head, _)) => format!("{head}?[redacted]"),
            None => url.to_string(),
        },
    }
}

/// Words in a flag name that mean the next value is a credential (`--api-key X`, `--token=X`).
const SECRET_FLAG_WORDS: [&str; 6] = ["key", "token", "secret", "password", "auth", "credential"];

pub(crate) fn is_secret_flag(flag: &str) -> bool {
    let lower = flag.trim_start_matches('-').to_ascii_lowercase();
    flag.starts_with('-') && SECRET_FLAG_WORDS.iter().any(|w| lower.contains(w))
}

/// Command-line arguments fit for a log line: values of credential-looking flags hidden.
pub(crate) fn redact_args(args: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(args.len());
    let mut hide_next = false;
    for arg in args {
        if hide_next {
            out.push(REDACTED.to_string());
            hide_next = false;
            continue;
        }
        match arg.split_once('=') {
            Some((flag, _)) if is_secret_flag(flag) => out.push(format!("{flag}={REDACTED}")),
            _ => {
                hide_next = is_secret_flag(arg) && !arg.contains('=');
                out.push(arg.clone());
            }
        }
    }
    out
}

/// Replaces every known secret value inside text a server or HTTP library produced (stderr
/// often echoes the config back; HTTP errors quote the URL), so the text can go into an
/// error message or a log line.
#[derive(Clone, Default)]
pub(crate) struct Scrubber {
    /// (what to find, what to put instead), longest first.
    replacements: Vec<(String, String)>,
}

impl Scrubber {
    /// Values shorter than this are left alone: scrubbing "1" or "true" would mangle the
    /// text and such values are not credentials.
    const MIN_LEN: usize = 6;

    pub(crate) fn new<'a>(values: impl IntoIterator<Item = &'a SecretValue>) -> Self {
        let mut scrubber = Scrubber::default();
        for value in values {
            let value = value.expose();
            if value.len() >= Self::MIN_LEN {
                scrubber
                    .replacements
                    .push((value.to_string(), REDACTED.to_string()));
            }
            // `Bearer abc...` also leaks through its token alone.
            if let Some((_, token)) = value.split_once(' ')
                && token.len() >= Self::MIN_LEN
            {
                scrubber
                    .replacements
                    .push((token.to_string(), REDACTED.to_string()));
            }
        }
        scrubber.sort();
        scrubber
    }

    /// Also shows `url` (as written, and as a URL parser normalizes it) in redacted form.
    pub(crate) fn with_url(mut self, url: &str) -> Self {
        let redacted = redact_url(url);
        if redacted != url {
            self.replacements.push((url.to_string(), redacted.clone()));
            if let Ok(parsed) = reqwest::Url::parse(url) {
                self.replacements.push((parsed.to_string(), redacted));
                // HTTP libraries print the URL in their own forms (reqwest drops the user
                // info but keeps the query), so the credential parts are scrubbed alone too.
                // With their delimiters, so a short value cannot match inside other words.
                if let Some(query) = parsed.query() {
                    self.replacements
                        .push((format!("?{query}"), format!("?{REDACTED}")));
                }
                if let Some(password) = parsed.password() {
                    self.replacements
                        .push((format!(":{password}@"), format!(":{REDACTED}@")));
                }
            }
        }
        self.sort();
        self
    }

    fn sort(&mut self) {
        // Longest first, so a secret containing another is replaced whole.
        self.replacements
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        self.replacements.dedup_by(|a, b| a.0 == b.0);
    }

    pub(crate) fn scrub(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (secret, shown) in &self.replacements {
            if out.contains(secret.as_str()) {
                out = out.replace(secret.as_str(), shown);
            }
        }
        out
    }
}

impl fmt::Debug for Scrubber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scrubber")
            .field("replacements", &self.replacements.len())
            .finish()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn secret_value_debug_is_redacted() {
        let v = SecretValue::new("sk-live-123456");
        assert_eq!(format!("{v:?}"), "[redacted]");
        assert_eq!(serde_json::to_string(&v).unwrap(), "\"sk-live-123456\"");
    }

    #[test]
    fn urls_lose_credentials_and_query() {
        assert_eq!(
            redact_url("https://user:pw@example.com/mcp?api_key=abc#x"),
            "https://example.com/mcp?[redacted]"
        );
        assert_eq!(
            redact_url("http://127.0.0.1:3000/mcp"),
            "http://127.0.0.1:3000/mcp"
        );
        assert_eq!(redact_url("not a url?token=x"), "not a url?[redacted]");
    }

    #[test]
    fn credential_flags_are_hidden() {
        let args: Vec<String> = [
            "--api-key",
            "abc",
            "--token=xyz",
            "-y",
            "pkg",
            "--port",
            "80",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(
            redact_args(&args),
            [
                "--api-key",
                "[redacted]",
                "--token=[redacted]",
                "-y",
                "pkg",
                "--port",
                "80"
            ]
        );
    }

    #[test]
    fn scrubber_replaces_long_values_only() {
        let values = [SecretValue::new("supersecret-1"), SecretValue::new("1")];
        let s = Scrubber::new(values.iter());
        assert_eq!(s.scrub("key=supersecret-1 n=1"), "key=[redacted] n=1");
        let bearer = [SecretValue::new("Bearer tok-123456")];
        let s = Scrubber::new(bearer.iter()).with_url("http://u:p@h:1/mcp?k=v");
        assert_eq!(s.scrub("auth tok-123456"), "auth [redacted]");
        assert_eq!(
            s.scrub("error sending request for url (http://u:p@h:1/mcp?k=v)"),
            "error sending request for url (http://h:1/mcp?[redacted])"
        );
        assert_eq!(
            s.scrub("for url (http://h:1/mcp?k=v)"),
            "for url (http://h:1/mcp?[redacted])"
        );
    }
}
