//! One redaction layer for everything Utter writes out: CLI output (plain and `--json`), error
//! lines, the app's command errors and every log line, ours and our dependencies'.
//!
//! Two kinds of secret are hidden. Values this process has held as secrets: every [`Secret`]
//! and MCP `SecretValue` registers itself here when it is made, so whatever later echoes it (a
//! server's error, an HTTP library quoting a URL) is caught without each call site knowing.
//! And shapes that are credentials wherever they come from (bearer tokens, URL user info,
//! `?api_key=` query parameters, `--token VALUE`, well-known key prefixes), because a server
//! may echo a token this process never held.
//!
//! [`Secret`]: super::Secret

use std::borrow::Cow;
use std::io::{self, Write};
use std::sync::{LazyLock, RwLock};

use regex::Regex;

/// What a hidden value is replaced with.
pub const REDACTED: &str = "[redacted]";

/// Values shorter than this are not registered: hiding "1" or "true" everywhere would mangle
/// output, and such values are not credentials.
const MIN_LEN: usize = 6;

/// Known secret values, longest first so that a secret containing another is hidden whole.
/// They are plain copies for the life of the process; the keychain stays the only place they
/// are stored.
static KNOWN: RwLock<Vec<String>> = RwLock::new(Vec::new());

/// Registers a value as secret from now on, in every output of this process.
pub fn remember(value: &str) {
    let value = value.trim();
    let mut parts = vec![value];
    // `Bearer abc…` also leaks through its token alone.
    if let Some((_, token)) = value.split_once(' ') {
        parts.push(token.trim());
    }
    let mut known = KNOWN.write().unwrap_or_else(|e| e.into_inner());
    let mut added = false;
    for part in parts {
        if part.len() >= MIN_LEN && !known.iter().any(|k| k == part) {
            known.push(part.to_string());
            added = true;
        }
    }
    if added {
        known.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    }
}

/// `(pattern, replacement)`: credential shapes, hidden wherever they appear.
static SHAPES: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    SHAPE_SOURCES
        .iter()
        .filter_map(|(src, rep)| Regex::new(src).ok().map(|re| (re, *rep)))
        .collect()
});

const SHAPE_SOURCES: [(&str, &str); 7] = [
    // `Authorization: Bearer X`, `"authorization":"token X"`, `Proxy-Authorization=Basic X`.
    (
        r#"(?i)(authorization["']?\s*[:=]\s*["']?(?:[a-z]+ +)?)[^\s"',;}]+"#,
        "${1}[redacted]",
    ),
    (
        r"(?i)\b(bearer|basic) +[A-Za-z0-9._~+/=-]{8,}",
        "$1 [redacted]",
    ),
    // User info in any URL: `https://user:pass@host`, `https://TOKEN@host`.
    (
        r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@?#]+@",
        "${1}[redacted]@",
    ),
    // Query parameters whose name says credential.
    (
        r"(?i)([?&;][a-z0-9_.-]*(?:key|token|secret|password|passwd|pwd|auth|signature|sig|credential|code)[a-z0-9_.-]*=)[^&\s#'<>]+",
        "${1}[redacted]",
    ),
    // Command-line flags whose name says credential: `--api-key X`, `--token=X`.
    (
        r"(?i)(\s--?[a-z0-9_-]*(?:key|token|secret|password|credential)[a-z0-9_-]*(?:=| +))[^\s\x22']+",
        "${1}[redacted]",
    ),
    // JSON fields whose name says credential (`"api_key": "…"`); numbers are left alone.
    (
        r#"(?i)("[a-z0-9_.-]*(?:api_?key|access_?token|refresh_?token|client_?secret|password|secret)"\s*:\s*")[^"]+""#,
        "${1}[redacted]\"",
    ),
    // Key formats that are credentials on their own.
    (
        r"\b(?:sk-(?:ant-|live-|proj-|test-)?[A-Za-z0-9_-]{16,}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16})\b",
        REDACTED,
    ),
];

/// `text` with every value this process holds as a secret replaced by [`REDACTED`]; nothing
/// else changes. For what is stored (an agent's tool results, chat messages): a server that
/// echoes a token must not put it in SQLite, but a page that merely looks like one is data.
pub fn scrub_known(text: &str) -> Cow<'_, str> {
    let mut out = Cow::Borrowed(text);
    let known = KNOWN.read().unwrap_or_else(|e| e.into_inner());
    for value in known.iter() {
        if out.contains(value.as_str()) {
            out = Cow::Owned(out.replace(value.as_str(), REDACTED));
        }
    }
    out
}

/// `text` with every known secret value and credential shape replaced by [`REDACTED`].
pub fn scrub(text: &str) -> Cow<'_, str> {
    let mut out = scrub_known(text);
    for (re, rep) in SHAPES.iter() {
        if let Cow::Owned(replaced) = re.replace_all(&out, *rep) {
            out = Cow::Owned(replaced);
        }
    }
    out
}

/// A writer that scrubs whatever passes through it. The `tracing` formatter writes each event
/// in one `write_all`, so a secret is never split across two calls.
pub struct RedactingWriter<W> {
    inner: W,
    /// Remove escape sequences too (logs to a file or pipe; on a terminal `tracing` escapes
    /// the values it prints and adds colours of its own).
    plain: bool,
}

impl<W: Write> RedactingWriter<W> {
    pub fn new(inner: W, plain: bool) -> Self {
        RedactingWriter { inner, plain }
    }
}

impl<W: Write> Write for RedactingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        let clean = scrub(&text);
        if self.plain {
            self.inner
                .write_all(crate::sanitize::terminal_safe(&clean).as_bytes())?;
        } else {
            self.inner.write_all(clean.as_bytes())?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Log output for `tracing_subscriber::fmt().with_writer(…)`: stderr, scrubbed.
#[derive(Clone, Copy)]
pub struct RedactedStderr {
    pub plain: bool,
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for RedactedStderr {
    type Writer = RedactingWriter<io::Stderr>;

    fn make_writer(&'a self) -> Self::Writer {
        RedactingWriter::new(io::stderr(), self.plain)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn every_shape_compiles() {
        for (src, _) in SHAPE_SOURCES {
            Regex::new(src).unwrap();
        }
        assert_eq!(SHAPES.len(), SHAPE_SOURCES.len());
    }

    #[test]
    fn remembered_values_are_hidden_everywhere() {
        remember("Bearer plant-TOKEN-0001");
        let s = scrub("sent plant-TOKEN-0001 and Bearer plant-TOKEN-0001 again");
        assert!(!s.contains("plant-TOKEN-0001"), "{s}");
        // Too short to be a credential, and would mangle text.
        remember("abc");
        assert_eq!(scrub("abc def"), "abc def");
    }

    #[test]
    fn credential_shapes_are_hidden() {
        let cases = [
            ("GET https://me:hunter22@h.io/mcp", "hunter22"),
            ("https://ghtoken123456@h.io/x", "ghtoken123456"),
            ("url (http://h:1/mcp?api_key=QQQ999&x=1)", "QQQ999"),
            ("http://h/cb?code=CODE-42&state=s", "CODE-42"),
            ("Authorization: Bearer abcdefgh12345", "abcdefgh12345"),
            ("{\"authorization\":\"token zzzzzzzz1\"}", "zzzzzzzz1"),
            ("npx server --api-key KEY-77777 --port 1", "KEY-77777"),
            ("npx server --token=TOK-888888", "TOK-888888"),
            ("{\"api_key\": \"sekrit-json\"}", "sekrit-json"),
            (
                "key sk-ant-abcdefghijklmnop1234",
                "sk-ant-abcdefghijklmnop1234",
            ),
        ];
        for (text, secret) in cases {
            let s = scrub(text);
            assert!(!s.contains(secret), "{text} -> {s}");
            assert!(s.contains(REDACTED), "{text} -> {s}");
        }
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        for text in [
            "Call Joe tomorrow about the renewal",
            "{\"input_tokens\": 120, \"title\": \"Book the dentist\"}",
            "see https://example.com/docs?page=2",
            "utter mcp add github --url https://api.githubcopilot.com/mcp/",
        ] {
            assert_eq!(scrub(text), text);
        }
    }

    #[test]
    fn writer_scrubs_and_strips_escapes() {
        remember("writer-secret-xyz");
        let mut out = Vec::new();
        {
            let mut w = RedactingWriter::new(&mut out, true);
            w.write_all(b"ERROR got writer-secret-xyz \x1b[2J done\n")
                .unwrap();
        }
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, "ERROR got [redacted]  done\n");
    }
}
