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

#[path = "support/cli.rs"]
mod cli;

/// Every file under `dir`, at any depth (the data dir holds backups/, audio/, runs/…).
fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(path) = todo.pop() {
        if path.is_dir() {
            todo.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else {
            out.push(path);
        }
    }
    out
}

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
    let key = "sk-live-KEYCHAIN-ONLY-4242424242";
    let reply = serde_json::json!({
        "id": "c", "object": "chat.completion", "created": 1, "model": "m",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "pong"}, "finish_reason": "stop"}]
    });
    let server = fake_server::FakeServer::start(vec![fake_server::Reply::json(reply)]).await;
    let dir = tempfile::tempdir().unwrap();
    let run =
        |args: &[&str], stdin: &str| cli::ok(&cli::run_stdin(dir.path(), args, stdin.as_bytes()));
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

    // Not in the database file, its WAL, its backups, or anywhere else in the data dir.
    for path in files_under(dir.path()) {
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            !bytes.windows(key.len()).any(|w| w == key.as_bytes()),
            "key found in {}",
            path.display()
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
    let run = |args: &[&str]| cli::ok(&cli::run(dir.path(), args));
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
    for path in files_under(dir.path()) {
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            !bytes.windows(token.len()).any(|w| w == token.as_bytes()),
            "token in {}",
            path.display()
        );
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

/// Unique values planted through every way a secret enters Utter — an MCP header, env value,
/// URL query, URL user info and command-line argument, and the LLM API key — while the servers
/// try to leak them back (a stdio server printing its argv and env, an HTTP MCP server and an
/// LLM provider quoting them in errors). None may appear on stdout or stderr at any verbosity,
/// in `--json` output, in the export, or anywhere in the data dir. (OAuth tokens have their own
/// test: `mcp_sign_in`.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn planted_secrets_appear_nowhere() {
    if store_or_skip().is_none() || std::env::var_os("UTTER_TEST_PRIVATE_KEYRING").is_none() {
        eprintln!("SKIPPED: needs the private keyring of scripts/test-keychain.sh");
        return;
    }
    let planted = [
        "PLANT-HEADER-7f3a9c",
        "PLANT-ENV-1b8e2d",
        "PLANT-QUERY-9c4f1a",
        "PLANT-PASS-5d2b7e",
        "PLANT-ARG-3e9a6c",
        "PLANT-LLMKEY-8a1f4b",
    ];
    let [header, env, query, pass, arg, llm_key] = planted;
    // A provider that quotes the key it was sent, as OpenAI's 401 does.
    let llm_echo = format!(
        r#"{{"error":{{"message":"Incorrect API key provided: {llm_key}","type":"invalid_request_error"}}}}"#
    );
    let llm = fake_server::FakeServer::start(
        (0..20)
            .map(|_| fake_server::Reply::status(401, &llm_echo))
            .collect(),
    )
    .await;
    // An MCP endpoint whose errors quote the request: the header and the URL it was called at.
    let server = fake_server::FakeServer::start(
        (0..80)
            .map(|_| {
                fake_server::Reply::status(
                    500,
                    &format!(
                        "cannot serve http://u:{pass}@127.0.0.1/mcp?api_key={query}&region=eu \
                         with authorization: Bearer {header}"
                    ),
                )
            })
            .collect(),
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let fake_mcp = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fake-server.mjs")
        .to_string_lossy()
        .into_owned();
    let seen = std::cell::RefCell::new(String::new());
    let run = |args: &[&str], envs: &[(&str, &str)], stdin: &str| -> bool {
        let out = cli::with_stdin(
            cli::command(dir.path())
                .args(args)
                .envs(envs.iter().copied()),
            stdin.as_bytes(),
        );
        let mut seen = seen.borrow_mut();
        let mut label = format!("\n$ utter {args:?} {envs:?}\n");
        for secret in planted {
            label = label.replace(secret, "<planted>");
        }
        seen.push_str(&label);
        seen.push_str(&String::from_utf8_lossy(&out.stdout));
        seen.push_str(&String::from_utf8_lossy(&out.stderr));
        out.status.success()
    };

    let mcp = format!("{}/mcp", server.base);
    let host = server.base.trim_start_matches("http://");
    assert!(run(
        &[
            "mcp",
            "add",
            "hdr",
            "--url",
            &mcp,
            "--header",
            &format!("Authorization: Bearer {header}")
        ],
        &[],
        ""
    ));
    assert!(run(
        &[
            "mcp",
            "add",
            "qry",
            "--url",
            &format!("{mcp}?api_key={query}&region=eu")
        ],
        &[],
        ""
    ));
    assert!(run(
        &[
            "mcp",
            "add",
            "usr",
            "--url",
            &format!("http://u:{pass}@{host}/mcp")
        ],
        &[],
        ""
    ));
    let fake_env = format!("FAKE_SECRET={env}");
    assert!(run(
        &[
            "mcp",
            "add",
            "cmd",
            "--env",
            &fake_env,
            "--",
            "node",
            &fake_mcp,
            "--exit-on-start",
            "--token",
            arg
        ],
        &[],
        ""
    ));
    let base = format!("{}/v1", llm.base);
    assert!(run(
        &[
            "llm",
            "set",
            "--provider",
            "openai",
            "--base-url",
            &base,
            "--model",
            "m",
            "--api-key"
        ],
        &[],
        &format!("{llm_key}\n"),
    ));
    run(&["llm", "test"], &[], "");
    run(&["-vv", "llm", "test"], &[], "");
    // A key in the provider's URL would be stored in SQLite: refused, with what to do.
    assert!(!run(
        &[
            "llm",
            "set",
            "--provider",
            "openai",
            "--base-url",
            &format!("{base}?api_key={llm_key}"),
            "--model",
            "m"
        ],
        &[],
        ""
    ));
    assert!(seen.borrow().contains("give the key with --api-key"));
    for verbosity in [None, Some("-v"), Some("-vv")] {
        for name in ["hdr", "qry", "usr", "cmd"] {
            let mut args: Vec<&str> = verbosity.into_iter().collect();
            args.extend(["mcp", "tools", name]);
            run(&args, &[], "");
        }
    }
    for name in ["hdr", "qry", "usr", "cmd"] {
        run(
            &["mcp", "tools", name, "--json"],
            &[("UTTER_LOG", "trace")],
            "",
        );
        run(
            &["mcp", "call", name, "echo", "{}"],
            &[("UTTER_LOG", "trace")],
            "",
        );
    }
    assert!(run(&["mcp", "list"], &[], ""));
    assert!(run(&["mcp", "list", "--json"], &[], ""));
    assert!(run(&["llm", "show"], &[], ""));
    assert!(run(&["settings", "list"], &[], ""));
    assert!(run(&["export", "--format", "json"], &[], ""));

    // The servers did get the real values when connecting (so the test is not vacuous).
    let requests: Vec<_> = server
        .requests()
        .into_iter()
        .chain(llm.requests())
        .collect();
    let auth: Vec<String> = requests
        .iter()
        .filter_map(|r| r.headers.get("authorization"))
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    assert!(auth.contains(&format!("Bearer {header}")), "{auth:?}");
    assert!(auth.contains(&format!("Bearer {llm_key}")), "{auth:?}");

    let seen = seen.borrow().clone();
    for secret in planted {
        assert!(!seen.contains(secret), "{secret} leaked:\n{seen}");
    }
    for path in files_under(dir.path()) {
        let bytes = std::fs::read(&path).unwrap();
        for secret in planted {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{secret} found in {}",
                path.display()
            );
        }
    }
    for name in ["hdr", "qry", "usr", "cmd"] {
        assert!(run(&["mcp", "rm", name], &[], ""));
    }
    run(&["llm", "clear"], &[], "");
}

#[path = "keychain/mcp_sign_in.rs"]
mod mcp_sign_in;
