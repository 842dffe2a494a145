//! Server specs in the store: secrets go to the keychain (an in-memory one here; the real OS
//! keychain is tests/keychain.rs), never into the SQLite file.

use utter::mcp::McpTransport;
use utter::secrets::{MemoryStore, SecretStore};
use utter::service::Dependencies;

use super::common::{everything, fixture_file, fixtures, memory_keychain};

fn db_bytes(dir: &std::path::Path) -> Vec<u8> {
    let mut all = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            all.extend(std::fs::read(p).unwrap());
        }
    }
    all
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn imported_secrets_live_in_the_keychain_only_and_go_with_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let keychain = MemoryStore::new();
    let deps = Dependencies::default().with_secrets(keychain.clone());
    let svc = utter::Service::open_with(dir.path(), deps).unwrap();
    let report = svc
        .mcp_import(std::path::Path::new(&fixture_file(
            "claude_desktop_config.json",
        )))
        .unwrap();
    assert!(
        report.imported.contains(&"github".to_string()),
        "{report:?}"
    );
    assert!(
        report.imported.contains(&"linear".to_string()),
        "{report:?}"
    );

    let bytes = db_bytes(dir.path());
    for secret in [
        "ghp_exampleTokenValue1234567890",
        "BSA-example-key-value",
        "lin_api_exampleBearerToken",
    ] {
        assert!(
            !contains(&bytes, secret),
            "{secret} reached the database files"
        );
    }
    assert!(
        contains(&bytes, "GITHUB_PERSONAL_ACCESS_TOKEN"),
        "the variable's name is stored"
    );

    // Listing shows names only; the full spec has the value back from the keychain.
    let listed = svc.mcp_list().unwrap();
    let gh = listed.iter().find(|s| s.name == "github").unwrap();
    let McpTransport::Stdio { env, .. } = &gh.transport else {
        panic!()
    };
    assert_eq!(env["GITHUB_PERSONAL_ACCESS_TOKEN"].expose(), "");
    let full = svc.mcp_spec("github").unwrap();
    let McpTransport::Stdio { env, .. } = &full.transport else {
        panic!()
    };
    assert_eq!(
        env["GITHUB_PERSONAL_ACCESS_TOKEN"].expose(),
        "ghp_exampleTokenValue1234567890"
    );
    assert!(
        !format!("{full:?}").contains("ghp_"),
        "Debug shows the token"
    );

    // Removing the server removes its keychain entries.
    assert!(svc.mcp_remove("github").unwrap());
    assert!(
        keychain
            .get("mcp:github:env:GITHUB_PERSONAL_ACCESS_TOKEN")
            .unwrap()
            .is_none()
    );
    assert!(svc.mcp_spec("github").is_err());
    // A keychain that lost a value gives a message that says what to do.
    keychain.delete("mcp:linear:header:Authorization").unwrap();
    let e = svc.mcp_spec("linear").unwrap_err().to_string();
    assert!(e.contains("missing from the OS keychain"), "{e}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stored_server_gets_its_secret_env_at_start() {
    let Some(fx) = fixtures() else { return };
    let dir = tempfile::tempdir().unwrap();
    let svc = utter::Service::open_with(dir.path(), memory_keychain()).unwrap();
    svc.mcp_add(everything(&fx, "ev").with_env("UTTER_TEST_TOKEN", "tok-123-secret"))
        .unwrap();
    assert!(!contains(&db_bytes(dir.path()), "tok-123-secret"));
    let sup = svc.mcp_supervisor(Some("ev"), false, None).unwrap();
    let r = sup
        .call_tool("ev", "get-env", serde_json::json!({}))
        .await
        .unwrap();
    sup.shutdown().await;
    assert!(
        r.text.contains("tok-123-secret"),
        "the server did not get the value"
    );
}

/// A sign-in belongs to one server URL: re-adding the same URL keeps it, a new URL under the
/// old name starts signed out, and removing the server forgets tokens, registration and the
/// user's client secret.
#[test]
fn sign_in_entries_follow_the_server_url_and_go_with_the_server() {
    use utter::mcp::{AuthState, McpServerSpec};
    use utter::secrets::Secret;
    let dir = tempfile::tempdir().unwrap();
    let keychain = MemoryStore::new();
    let deps = Dependencies::default().with_secrets(keychain.clone());
    let svc = utter::Service::open_with(dir.path(), deps).unwrap();
    let tokens = |at: &str| {
        Secret::new(format!(
            r#"{{"client_id":"c1","token_response":{{"access_token":"{at}","token_type":"bearer","expires_in":3600,"refresh_token":"rt-1"}},"granted_scopes":["read"],"token_received_at":{}}}"#,
            chrono::Utc::now().timestamp()
        ))
    };
    let mut spec = McpServerSpec::http("linear", "https://mcp.linear.app/mcp");
    spec.oauth.client_id = Some("my-app".into());
    svc.mcp_add(spec.clone()).unwrap();
    svc.mcp_set_client_secret("linear", &Secret::new("cs-PLANT-91"))
        .unwrap();
    // A client id alone says the server signs in: it needs one before any call.
    assert_eq!(svc.mcp_auth_state(&spec).unwrap(), AuthState::SignInNeeded);
    keychain
        .set("mcp:linear:oauth:tokens", &tokens("at-PLANT-1"))
        .unwrap();
    keychain
        .set("mcp:linear:oauth:registration", &Secret::new("{}"))
        .unwrap();
    let AuthState::SignedIn {
        refreshable,
        scopes,
        expires_at,
    } = svc.mcp_auth_state(&spec).unwrap()
    else {
        panic!("not signed in")
    };
    assert!(refreshable);
    assert_eq!(scopes, ["read"]);
    assert!(expires_at.unwrap() > chrono::Utc::now().timestamp() + 3000);

    svc.mcp_add(spec.clone()).unwrap();
    assert!(keychain.get("mcp:linear:oauth:tokens").unwrap().is_some());
    let moved = McpServerSpec::http("linear", "https://elsewhere.example/mcp");
    svc.mcp_add(moved.clone()).unwrap();
    assert!(keychain.get("mcp:linear:oauth:tokens").unwrap().is_none());
    assert!(
        keychain
            .get("mcp:linear:oauth:registration")
            .unwrap()
            .is_none()
    );
    assert_eq!(svc.mcp_auth_state(&moved).unwrap(), AuthState::None);
    // Neither the client secret nor a token ever reaches the database.
    assert!(!contains(&db_bytes(dir.path()), "cs-PLANT-91"));
    assert!(!contains(&db_bytes(dir.path()), "at-PLANT-1"));
    svc.mcp_remove("linear").unwrap();
    assert!(
        keychain
            .get("mcp:linear:oauth:client-secret")
            .unwrap()
            .is_none()
    );
    assert!(keychain.is_empty(), "entries left behind");
}

/// Sign-in goes over https or stays on this machine: a challenge that points discovery at a
/// plain-http host elsewhere is refused before anything is fetched, and so is a server URL.
#[tokio::test]
async fn sign_in_refuses_plain_http_away_from_this_machine() {
    use std::sync::Arc;
    use utter::mcp::oauth::{SignIn, SignInError, sign_in};
    let secrets: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
    let quiet = |_: &str| {};
    let attempt = |url: &'static str, challenge: Option<&'static str>| SignIn {
        server: "remote",
        url,
        secrets: secrets.clone(),
        client_id: None,
        scope: None,
        client_metadata_url: None,
        challenge,
        step_up: false,
        timeout: std::time::Duration::from_secs(1),
        on_url: &quiet,
    };
    let err = sign_in(attempt(
        "http://127.0.0.1:9/mcp",
        Some(r#"Bearer resource_metadata="http://metadata.example.com/prm""#),
    ))
    .await
    .unwrap_err();
    assert!(matches!(err, SignInError::Unsafe(_)), "{err}");
    assert!(err.to_string().contains("plain http"), "{err}");
    let err = sign_in(attempt("http://mcp.example.com/mcp", None))
        .await
        .unwrap_err();
    assert!(matches!(err, SignInError::Unsafe(_)), "{err}");
}
