//! The real OS keychain. On Linux this needs a Secret Service on the session bus; run it
//! through `scripts/test-keychain.sh`, which starts a private gnome-keyring. Without a session
//! bus the test prints a notice and passes, so a plain `cargo test` works anywhere.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use utter::secrets::{KeyringStore, Secret, SecretStore, WINDOWS_MAX_SECRET_UTF16};

fn store_or_skip() -> Option<KeyringStore> {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        eprintln!(
            "SKIPPED keychain test: DBUS_SESSION_BUS_ADDRESS is unset; run scripts/test-keychain.sh"
        );
        return None;
    }
    // A service name of its own, so the test never touches real `utter` entries.
    Some(KeyringStore::with_service(format!(
        "utter-test-{}",
        std::process::id()
    )))
}

#[test]
fn keychain_round_trip() {
    let Some(store) = store_or_skip() else { return };
    let key = "llm.test";
    store.delete(key).unwrap();
    assert_eq!(store.get(key).unwrap(), None);

    store.set(key, &Secret::new("sk-first")).unwrap();
    store.set(key, &Secret::new("sk-second ünïcode")).unwrap();
    // A second store object sees it: the value is in the daemon, not in this process (keyring's
    // fallback mock store would forget it between entries).
    let other = KeyringStore::with_service(format!("utter-test-{}", std::process::id()));
    assert_eq!(
        other.get(key).unwrap().unwrap().expose(),
        "sk-second ünïcode"
    );

    store.delete(key).unwrap();
    store.delete(key).unwrap();
    assert_eq!(other.get(key).unwrap(), None);
}

#[test]
fn keychain_chunks_long_tokens_like_on_windows() {
    let Some(store) = store_or_skip() else { return };
    let store = store.with_chunk_limit(Some(WINDOWS_MAX_SECRET_UTF16));
    let key = "mcp.oauth.test";
    let token: String = (0..4000)
        .map(|i| char::from(b'a' + (i % 26) as u8))
        .collect();
    store.set(key, &Secret::new(token.clone())).unwrap();
    assert_eq!(store.get(key).unwrap().unwrap().expose(), token);

    // The head entry is small and the chunks are separate entries in the daemon.
    let plain = KeyringStore::with_service(format!("utter-test-{}", std::process::id()))
        .with_chunk_limit(None);
    assert!(plain.get(key).unwrap().unwrap().expose().len() < 64);
    assert!(plain.get("mcp.oauth.test#chunk4").unwrap().is_some());

    store.set(key, &Secret::new("short")).unwrap();
    assert_eq!(plain.get("mcp.oauth.test#chunk1").unwrap(), None);
    store.delete(key).unwrap();
    assert_eq!(store.get(key).unwrap(), None);
}

#[path = "support/fake_server.rs"]
mod fake_server;

/// `utter llm set --api-key` puts the key in the real keychain (service `utter`), never in
/// SQLite, and later calls send it to the provider. Only inside the private keyring that
/// scripts/test-keychain.sh starts (UTTER_TEST_PRIVATE_KEYRING=1), so that a developer's own
/// keychain is never written.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_keeps_the_api_key_in_the_keychain_only() {
    if store_or_skip().is_none() || std::env::var_os("UTTER_TEST_PRIVATE_KEYRING").is_none() {
        eprintln!("SKIPPED: needs the private keyring of scripts/test-keychain.sh");
        return;
    }
    use std::io::Write;
    let key = "sk-live-KEYCHAIN-ONLY-4242424242";
    let reply = serde_json::json!({
        "id": "c", "object": "chat.completion", "created": 1, "model": "m",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "pong"}, "finish_reason": "stop"}]
    });
    let server = fake_server::FakeServer::start(vec![fake_server::Reply::json(reply)]).await;
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str], stdin: &str| {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_utter"))
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let base = format!("{}/v1", server.base);
    let said = run(
        &[
            "llm",
            "set",
            "--provider",
            "openai",
            "--base-url",
            &base,
            "--model",
            "m",
            "--api-key",
        ],
        &format!("{key}\n"),
    );
    assert!(said.contains("keychain"), "{said}");
    assert!(!said.contains(key));
    assert!(run(&["llm", "show"], "").contains("in the OS keychain"));
    assert!(run(&["llm", "test"], "").contains("pong"));
    let auth = server.requests()[0]
        .headers
        .get("authorization")
        .map(|v| v.to_str().unwrap().to_string());
    assert_eq!(auth, Some(format!("Bearer {key}")));

    // Not in the database file, its WAL, or anywhere else in the data dir.
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(
            !bytes.windows(key.len()).any(|w| w == key.as_bytes()),
            "key found on disk"
        );
    }
    assert_eq!(
        KeyringStore::new()
            .get("llm-api-key")
            .unwrap()
            .unwrap()
            .expose(),
        key
    );
    run(&["llm", "clear"], "");
    assert_eq!(KeyringStore::new().get("llm-api-key").unwrap(), None);
}

/// `utter mcp add --env` files the value in the real keychain (never in the data dir), and
/// `utter mcp rm` deletes it there.
#[test]
fn cli_mcp_env_values_live_in_the_keychain_only() {
    if store_or_skip().is_none() || std::env::var_os("UTTER_TEST_PRIVATE_KEYRING").is_none() {
        eprintln!("SKIPPED: needs the private keyring of scripts/test-keychain.sh");
        return;
    }
    let token = "mcp-token-KEYCHAIN-ONLY-777";
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_utter"))
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let env = format!("API_TOKEN={token}");
    run(&[
        "mcp",
        "add",
        "tokened",
        "--env",
        &env,
        "--",
        "node",
        "server.js",
    ]);
    let listed = run(&["mcp", "list", "--json"]);
    assert!(
        listed.contains("API_TOKEN") && !listed.contains(token),
        "{listed}"
    );
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            let bytes = std::fs::read(&path).unwrap();
            assert!(
                !bytes.windows(token.len()).any(|w| w == token.as_bytes()),
                "token in {}",
                path.display()
            );
        }
    }
    let keychain = KeyringStore::new();
    assert_eq!(
        keychain
            .get("mcp:tokened:env:API_TOKEN")
            .unwrap()
            .unwrap()
            .expose(),
        token
    );
    run(&["mcp", "rm", "tokened"]);
    assert!(keychain.get("mcp:tokened:env:API_TOKEN").unwrap().is_none());
}
