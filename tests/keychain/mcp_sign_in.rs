//! Signing in to remote MCP servers with the real CLI, a real Secret Service and a real
//! OAuth-protected MCP server (tests/mcp/protected-server.mjs: its own authorization server,
//! refresh tokens that rotate). The "browser" is curl following the redirects back to
//! Utter's loopback listener.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::Value;
use utter::secrets::{KeyringStore, SecretStore};

use super::{cli, files_under, store_or_skip};

struct Protected {
    child: Child,
    url: String,
    base: String,
}

impl Protected {
    fn start(fixtures: &Path) -> Self {
        let script = repo().join("tests/mcp/protected-server.mjs");
        let mut child = Command::new("node")
            .arg(script)
            .env("UTTER_MCP_FIXTURES", fixtures)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let v: Value = serde_json::from_str(&line).unwrap();
        Protected {
            child,
            url: v["url"].as_str().unwrap().to_string(),
            base: v["base"].as_str().unwrap().to_string(),
        }
    }

    async fn admin(&self, what: &str) -> Value {
        let client = reqwest::Client::new();
        let url = format!("{}/admin/{what}", self.base);
        let req = if what == "stats" {
            client.get(url)
        } else {
            client.post(url)
        };
        serde_json::from_slice(&req.send().await.unwrap().bytes().await.unwrap()).unwrap()
    }
}

impl Drop for Protected {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn stored_tokens(server: &str) -> Option<Value> {
    let raw = KeyringStore::new()
        .get(&format!("mcp:{server}:oauth:tokens"))
        .unwrap()?;
    Some(serde_json::from_str(raw.expose()).unwrap())
}

fn token_pair(server: &str) -> (String, String) {
    let v = stored_tokens(server).expect("tokens in the keychain");
    let t = &v["token_response"];
    (
        t["access_token"].as_str().unwrap().to_string(),
        t["refresh_token"].as_str().unwrap().to_string(),
    )
}

fn auth_state(listed: &str, server: &str) -> String {
    let list: Vec<Value> = serde_json::from_str(listed).unwrap();
    let entry = list.iter().find(|s| s["name"] == server).unwrap();
    entry["auth"]["state"].as_str().unwrap().to_string()
}

/// Sign in once in the browser; the tokens live only in the keychain; they are refreshed
/// when they run out (and the rotated refresh token kept); a revoked refresh token makes
/// that server "sign in needed" while another keeps working; logout and rm delete the
/// entries.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn remote_server_sign_in_lives_in_the_keychain() {
    if store_or_skip().is_none() || std::env::var_os("UTTER_TEST_PRIVATE_KEYRING").is_none() {
        eprintln!("SKIPPED: needs the private keyring of scripts/test-keychain.sh");
        return;
    }
    let fixtures = PathBuf::from(
        std::env::var_os("UTTER_MCP_FIXTURES")
            .expect("UTTER_MCP_FIXTURES (scripts/mcp-fixtures.sh) for the MCP SDK"),
    );
    let notes = Protected::start(&fixtures);
    let other = Protected::start(&fixtures);
    let dir = tempfile::tempdir().unwrap();
    let browser = repo().join("tests/mcp/conformance/follow-redirects.sh");
    let transcript = std::cell::RefCell::new(String::new());
    let run = |args: &[&str]| {
        // Trace logging everywhere: a token must not reach even the most verbose log.
        let out = cli::with_stdin(
            cli::command(dir.path())
                .args(args)
                .env("BROWSER", &browser)
                .env("UTTER_LOG", "trace"),
            b"",
        );
        transcript
            .borrow_mut()
            .push_str(&format!("{}{}", cli::stdout(&out), cli::stderr(&out)));
        out
    };
    let ok = |args: &[&str]| cli::ok(&run(args));

    ok(&["mcp", "add", "notes", "--url", &notes.url]);
    ok(&["mcp", "add", "other", "--url", &other.url]);

    // Without a terminal, a call does not open a browser: it says what to do.
    let first = run(&["mcp", "call", "notes", "whoami"]);
    assert!(!first.status.success());
    assert!(
        cli::stderr(&first).contains("utter mcp login notes"),
        "{}",
        cli::stderr(&first)
    );
    let listed = ok(&["mcp", "list", "--json"]);
    assert_eq!(auth_state(&listed, "notes"), "sign_in_needed");

    // A server given its own (wrong) Authorization header does not turn into a sign-in.
    ok(&[
        "mcp",
        "add",
        "static",
        "--url",
        &other.url,
        "--header",
        "Authorization: Bearer at-not-a-real-token",
    ]);
    let refused = run(&["mcp", "call", "static", "whoami", "--sign-in"]);
    assert!(
        cli::stderr(&refused).contains("Authorization header it was given is refused"),
        "{}",
        cli::stderr(&refused)
    );
    assert_eq!(other.admin("stats").await["authorizations"], 0);
    ok(&["mcp", "rm", "static"]);

    let said = ok(&["mcp", "login", "notes"]);
    assert!(
        said.contains("signed in") && said.contains("notes:read"),
        "{said}"
    );
    ok(&["mcp", "login", "other"]);
    let (access, refresh) = token_pair("notes");
    assert!(access.starts_with("at-") && refresh.starts_with("rt-"));
    let stats = notes.admin("stats").await;
    assert_eq!(stats["registrations"], 1, "{stats}");
    assert_eq!(stats["code_grants"], 1, "{stats}");
    let listed = ok(&["mcp", "list", "--json"]);
    assert_eq!(auth_state(&listed, "notes"), "signed_in");
    assert!(ok(&["mcp", "call", "notes", "whoami"]).contains("alice@example.com"));
    // The server saw the keychain's token.
    let seen = notes.admin("stats").await["tokens_seen"].clone();
    assert!(
        seen.as_array().unwrap().iter().any(|t| t == &access),
        "{seen}"
    );

    // Expired: the next call refreshes first, and the rotated refresh token is what is kept.
    notes.admin("expire").await;
    assert!(ok(&["mcp", "call", "notes", "whoami"]).contains("alice@example.com"));
    let stats = notes.admin("stats").await;
    assert_eq!(stats["refreshes"], 1, "{stats}");
    assert_eq!(stats["authorizations"], 1, "no second sign-in: {stats}");
    let (access2, refresh2) = token_pair("notes");
    assert_ne!(access2, access);
    assert_ne!(
        refresh2, refresh,
        "the rotated refresh token was not stored"
    );
    // And the rotated one works: expire again, refresh again.
    notes.admin("expire").await;
    assert!(ok(&["mcp", "call", "notes", "whoami"]).contains("alice@example.com"));
    assert_eq!(notes.admin("stats").await["refreshes"], 2);
    let (access3, refresh3) = token_pair("notes");

    // Revoked at the provider: this server needs a sign-in again, the other works on.
    notes.admin("revoke").await;
    let revoked = run(&["mcp", "call", "notes", "whoami"]);
    assert!(!revoked.status.success());
    assert!(
        cli::stderr(&revoked).contains("sign in"),
        "{}",
        cli::stderr(&revoked)
    );
    let listed = ok(&["mcp", "list", "--json"]);
    assert_eq!(auth_state(&listed, "notes"), "sign_in_needed");
    assert_eq!(auth_state(&listed, "other"), "signed_in");
    assert!(ok(&["mcp", "call", "other", "whoami"]).contains("alice@example.com"));
    assert!(ok(&["mcp", "list"]).contains("sign in needed"));

    // No token, old or new, anywhere but the keychain: not in the data dir (database, WAL,
    // backups), not in any output or log line above.
    let (other_access, other_refresh) = token_pair("other");
    let tokens = [
        &access,
        &refresh,
        &access2,
        &refresh2,
        &access3,
        &refresh3,
        &other_access,
        &other_refresh,
    ];
    let mut places: Vec<PathBuf> = files_under(dir.path());
    if let Some(config) = std::env::var_os("XDG_CONFIG_HOME") {
        places.extend(files_under(Path::new(&config)));
    }
    for path in places {
        let bytes = std::fs::read(&path).unwrap();
        for t in tokens {
            assert!(
                !bytes.windows(t.len()).any(|w| w == t.as_bytes()),
                "a token is in {}",
                path.display()
            );
        }
    }
    let transcript = transcript.borrow().clone();
    assert!(transcript.contains("TRACE") || transcript.contains("DEBUG"));
    for t in tokens {
        assert!(!transcript.contains(t.as_str()), "a token was printed");
    }

    // Sign out and forget; remove: the keychain entries go.
    let keychain = KeyringStore::new();
    ok(&["mcp", "logout", "notes"]);
    assert!(stored_tokens("notes").is_none());
    assert!(
        keychain
            .get("mcp:notes:oauth:registration")
            .unwrap()
            .is_none()
    );
    ok(&["mcp", "rm", "other"]);
    assert!(stored_tokens("other").is_none());
    assert!(
        keychain
            .get("mcp:other:oauth:registration")
            .unwrap()
            .is_none()
    );
}
