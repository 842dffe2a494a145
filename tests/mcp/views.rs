//! What the app's servers page gets: servers without secret values, who uses them, tools.

use utter::Service;
use utter::secrets::{MemoryStore, SecretStore};
use utter::service::{Dependencies, NewMcpServer};

use super::common::{fixture_file, fixtures, package_entry};

#[tokio::test]
async fn servers_page_sees_names_targets_and_users_never_values() {
    let Some(fx) = fixtures() else { return };
    let data = tempfile::tempdir().unwrap();
    let secrets = MemoryStore::new();
    let deps = Dependencies::default().with_secrets(secrets.clone());
    let svc = Service::open_with(data.path(), deps).unwrap();
    let entry = package_entry(&fx, "server-everything");
    svc.mcp_add_new(NewMcpServer {
        name: "everything".into(),
        command: Some(format!("node {} stdio", entry.display())),
        url: None,
        secrets: vec![("API_TOKEN".into(), "tok-VERYSECRET".into())],
        ..Default::default()
    })
    .unwrap();
    svc.mcp_add_new(NewMcpServer {
        name: "remote".into(),
        command: None,
        url: Some("http://127.0.0.1:9/mcp".into()),
        secrets: vec![("Authorization".into(), "Bearer VERYSECRET".into())],
        ..Default::default()
    })
    .unwrap();
    let mut research = svc.get_agent("Research").unwrap();
    research.mcp_servers = vec!["everything".into()];
    svc.save_agent(research).unwrap();

    let views = svc.mcp_views().unwrap();
    let json = serde_json::to_string(&views).unwrap();
    assert!(!json.contains("VERYSECRET"), "{json}");
    assert_eq!(views[0].name, "everything");
    assert_eq!(views[0].transport, "stdio");
    assert!(views[0].target.starts_with("node "));
    assert_eq!(views[0].secret_names, ["API_TOKEN"]);
    assert_eq!(views[0].agents, ["Research"]);
    assert_eq!(views[1].transport, "http");
    assert_eq!(views[1].secret_names, ["Authorization"]);
    assert!(views[1].agents.is_empty());
    assert_eq!(
        secrets
            .get("mcp:everything:env:API_TOKEN")
            .unwrap()
            .unwrap()
            .expose(),
        "tok-VERYSECRET"
    );

    let tools = svc.mcp_tool_views("everything").await.unwrap();
    let echo = tools.iter().find(|t| t.name == "echo").unwrap();
    assert!(echo.read_only);
    assert!(tools.iter().any(|t| !t.read_only));

    let err = svc
        .mcp_add_new(NewMcpServer {
            name: "both".into(),
            command: Some("node x".into()),
            url: Some("http://127.0.0.1:1/mcp".into()),
            secrets: vec![],
            ..Default::default()
        })
        .unwrap_err();
    assert!(
        err.to_string().contains("either a command or a URL"),
        "{err}"
    );
    let crash = NewMcpServer {
        name: "broken".into(),
        command: Some(format!(
            "node {} --exit-on-start",
            fixture_file("fake-server.mjs")
        )),
        url: None,
        secrets: vec![],
        ..Default::default()
    };
    svc.mcp_add_new(crash).unwrap();
    let err = svc.mcp_tool_views("broken").await.unwrap_err().to_string();
    assert!(err.contains("broken"), "{err}");
}

#[test]
fn app_adds_an_http_server_with_client_id_secret_and_scope() {
    let data = tempfile::tempdir().unwrap();
    let secrets = MemoryStore::new();
    let deps = Dependencies::default().with_secrets(secrets.clone());
    let svc = Service::open_with(data.path(), deps).unwrap();
    svc.mcp_add_new(NewMcpServer {
        name: "remote".into(),
        url: Some("http://127.0.0.1:9/mcp".into()),
        client_id: Some(" my-app ".into()),
        client_secret: Some("cs-VERYSECRET".into()),
        scope: Some("read write".into()),
        ..Default::default()
    })
    .unwrap();
    let views = svc.mcp_views().unwrap();
    let json = serde_json::to_string(&views).unwrap();
    assert!(!json.contains("VERYSECRET"), "{json}");
    assert_eq!(views[0].client_id.as_deref(), Some("my-app"));
    // A client id means the server signs in; nothing is stored yet.
    assert_eq!(views[0].auth, utter::mcp::AuthState::SignInNeeded);
    let db = std::fs::read(data.path().join(utter::paths::DB_FILE)).unwrap();
    assert!(!String::from_utf8_lossy(&db).contains("VERYSECRET"));
    assert_eq!(
        secrets
            .get("mcp:remote:oauth:client-secret")
            .unwrap()
            .map(|s| s.expose().to_owned()),
        Some("cs-VERYSECRET".to_owned())
    );

    // A secret without its client id is refused, and a command server never signs in.
    let err = svc
        .mcp_add_new(NewMcpServer {
            name: "half".into(),
            url: Some("http://127.0.0.1:9/mcp".into()),
            client_secret: Some("cs".into()),
            ..Default::default()
        })
        .unwrap_err();
    assert!(err.to_string().contains("client id"), "{err}");
    svc.mcp_logout("remote").unwrap();
    assert!(svc.mcp_logout("nobody").is_err());
}
