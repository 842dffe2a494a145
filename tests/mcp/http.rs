//! Streamable HTTP against server-everything, bound to loopback by the preload.

use std::time::{Duration, Instant};

use serde_json::json;
use utter::mcp::{McpClient, McpError, McpOptions, McpServerSpec, McpSupervisor};

use super::common::{fixture_file, fixtures, free_port, package_entry, quick_options};

/// server-everything's HTTP mode, killed when dropped.
pub struct HttpServer {
    _child: tokio::process::Child,
    port: u16,
}

impl HttpServer {
    pub async fn start(fx: &std::path::Path) -> HttpServer {
        Self::start_on(fx, free_port()).await
    }

    async fn start_on(fx: &std::path::Path, port: u16) -> HttpServer {
        let child = tokio::process::Command::new("node")
            .arg("--require")
            .arg(fixture_file("loopback.cjs"))
            .arg(package_entry(fx, "server-everything"))
            .arg("streamableHttp")
            .env("PORT", port.to_string())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        while tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_err()
        {
            assert!(
                Instant::now() < deadline,
                "server-everything did not listen on {port}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        HttpServer {
            _child: child,
            port,
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/mcp", self.port)
    }
}

#[tokio::test]
async fn streamable_http_lists_and_calls_tools() {
    let Some(fx) = fixtures() else { return };
    let server = HttpServer::start(&fx).await;

    // Loopback only: the preload must have kept it off every other interface.
    let listening = std::process::Command::new("ss")
        .args(["-ltnH", &format!("sport = :{}", server.port)])
        .output();
    if let Ok(out) = listening {
        let text = String::from_utf8_lossy(&out.stdout);
        let locals: Vec<&str> = text
            .lines()
            .filter_map(|l| l.split_whitespace().nth(3))
            .collect();
        assert!(
            !locals.is_empty(),
            "ss shows nothing on port {}",
            server.port
        );
        assert!(
            locals.iter().all(|a| a.starts_with("127.0.0.1:")),
            "listening beyond loopback: {text}"
        );
    }

    let spec =
        McpServerSpec::http("remote", server.url()).with_header("X-Api-Key", "hdr-secret-123456");
    let client = McpClient::connect(&spec, &McpOptions::default())
        .await
        .unwrap();
    assert!(client.pid().is_none());
    let tools = client.list_tools().await.unwrap();
    assert!(tools.iter().any(|t| t.name == "echo"));
    let result = client
        .call_tool("echo", json!({"message": "over http"}))
        .await
        .unwrap();
    assert_eq!(result.text, "Echo: over http");
    assert!(!format!("{client:?} {spec:?}").contains("hdr-secret-123456"));
    client.close().await;

    // Through the supervisor: the server going away is an error for that call, and once it
    // is back the next call reconnects.
    let sup = McpSupervisor::with_servers(
        [McpServerSpec::http("remote", server.url())],
        quick_options(),
    )
    .unwrap();
    let sum = sup
        .call_tool("remote", "get-sum", json!({"a": 1, "b": 2}))
        .await
        .unwrap();
    assert!(sum.text.contains('3'), "{sum:?}");
    let port = server.port;
    drop(server);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let err = sup
        .call_tool("remote", "echo", json!({"message": "x"}))
        .await
        .unwrap_err();
    eprintln!("http server gone: {err}");
    assert!(err.is_transient(), "{err}");
    let _server = HttpServer::start_on(&fx, port).await;
    let back = sup
        .call_tool("remote", "echo", json!({"message": "back"}))
        .await
        .unwrap();
    assert_eq!(back.text, "Echo: back");
}

#[tokio::test]
async fn an_unreachable_url_is_a_clear_error() {
    if fixtures().is_none() {
        return;
    }
    let port = free_port(); // nothing listens there
    let spec = McpServerSpec::http(
        "down",
        format!("http://user:pw@127.0.0.1:{port}/mcp?token=abc123456"),
    );
    let options = McpOptions {
        connect_timeout: Duration::from_secs(5),
        ..McpOptions::default()
    };
    let err = McpClient::connect(&spec, &options).await.unwrap_err();
    let msg = err.to_string();
    eprintln!("unreachable: {msg}");
    assert!(
        matches!(
            err,
            McpError::Connect { .. } | McpError::ConnectTimeout { .. }
        ),
        "{msg}"
    );
    assert!(msg.contains("'down'"), "{msg}");
    assert!(
        !msg.contains("abc123456") && !msg.contains("pw@"),
        "credentials leaked: {msg}"
    );
}
