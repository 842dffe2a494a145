//! Servers that crash, hang, flood or talk nonsense; none of it may hang or crash the app.

use std::time::{Duration, Instant};

use serde_json::json;
use utter::mcp::{McpClient, McpError, McpOptions, McpServerState, McpSupervisor};

use super::common::{fake, fixtures, quick_options};

async fn pid_of(sup: &McpSupervisor, server: &str) -> u32 {
    let r = sup.call_tool(server, "pid", json!({})).await.unwrap();
    r.text.parse().unwrap()
}

#[tokio::test]
async fn a_crash_mid_call_is_reported_then_the_server_restarts() {
    if fixtures().is_none() {
        return;
    }
    let sup = McpSupervisor::with_servers([fake("crashy", &[])], quick_options()).unwrap();
    let first = pid_of(&sup, "crashy").await;

    let err = sup
        .call_tool("crashy", "crash", json!({}))
        .await
        .unwrap_err();
    let msg = err.to_string();
    eprintln!("crash: {msg}");
    assert!(matches!(err, McpError::ServerExited { .. }), "{msg}");
    assert!(
        msg.contains("'crashy'") && msg.contains("exit status: 3"),
        "{msg}"
    );
    assert!(
        msg.contains("simulated crash"),
        "stderr tail missing: {msg}"
    );
    assert!(msg.contains("restarted on the next call"), "{msg}");
    let status = sup.status("crashy").unwrap();
    assert_eq!(status.state, McpServerState::Failed);
    assert_eq!(status.failures, 1);
    assert!(status.last_error.unwrap().contains("exit status: 3"));

    // The next call waits out the first backoff step and gets a fresh process.
    let start = Instant::now();
    let second = pid_of(&sup, "crashy").await;
    assert_ne!(first, second);
    assert!(
        start.elapsed() >= Duration::from_millis(150),
        "no backoff: {:?}",
        start.elapsed()
    );
    let status = sup.status("crashy").unwrap();
    assert_eq!(
        (status.state, status.failures),
        (McpServerState::Connected, 0)
    );
}

#[tokio::test]
async fn a_killed_server_is_restarted_on_the_next_call() {
    if fixtures().is_none() {
        return;
    }
    let sup = McpSupervisor::with_servers([fake("victim", &[])], quick_options()).unwrap();
    let first = pid_of(&sup, "victim").await;
    let killed = std::process::Command::new("kill")
        .args(["-9", &first.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    tokio::time::sleep(Duration::from_millis(300)).await;

    let second = pid_of(&sup, "victim").await;
    assert_ne!(first, second);
    assert_eq!(
        sup.status("victim").unwrap().state,
        McpServerState::Connected
    );
}

#[tokio::test]
async fn a_hung_tool_times_out_and_the_connection_survives_one_timeout() {
    if fixtures().is_none() {
        return;
    }
    let options = McpOptions {
        call_timeout: Duration::from_secs(1),
        ..quick_options()
    };
    let sup = McpSupervisor::with_servers([fake("sleepy", &[])], options).unwrap();
    let first = pid_of(&sup, "sleepy").await;

    let start = Instant::now();
    let err = sup
        .call_tool("sleepy", "hang", json!({}))
        .await
        .unwrap_err();
    let took = start.elapsed();
    assert!(matches!(err, McpError::Timeout { .. }), "{err}");
    assert!(err.to_string().contains("within 1s"), "{err}");
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_secs(3),
        "{took:?}"
    );

    // One timeout is a slow tool, not a dead server.
    assert_eq!(pid_of(&sup, "sleepy").await, first);

    // Two in a row: presumed hung, restarted on the next call.
    for _ in 0..2 {
        let err = sup
            .call_tool("sleepy", "hang", json!({}))
            .await
            .unwrap_err();
        assert!(matches!(err, McpError::Timeout { .. }), "{err}");
    }
    assert_eq!(sup.status("sleepy").unwrap().state, McpServerState::Failed);
    assert_ne!(pid_of(&sup, "sleepy").await, first);
}

#[tokio::test]
async fn a_per_call_timeout_overrides_the_default() {
    if fixtures().is_none() {
        return;
    }
    let client = McpClient::connect(&fake("sleepy", &[]), &quick_options())
        .await
        .unwrap();
    let start = Instant::now();
    let err = client
        .call_tool_with_timeout("hang", json!({}), Duration::from_millis(300))
        .await
        .unwrap_err();
    assert!(matches!(err, McpError::Timeout { .. }), "{err}");
    assert!(start.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn an_oversized_result_is_rejected_and_the_server_kept() {
    if fixtures().is_none() {
        return;
    }
    let client = McpClient::connect(&fake("flood", &[]), &quick_options())
        .await
        .unwrap();
    let err = client
        .call_tool("big", json!({"bytes": 2 * 1024 * 1024}))
        .await
        .unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, McpError::ResponseTooLarge { .. }), "{msg}");
    assert!(
        msg.contains("1048576-byte limit") && msg.contains("'flood'"),
        "{msg}"
    );
    // Under the limit is fine, on the same connection.
    let ok = client
        .call_tool("big", json!({"bytes": 1000}))
        .await
        .unwrap();
    assert_eq!(ok.text.len(), 1000);
    assert!(!client.is_closed());
}

#[tokio::test]
async fn an_oversized_message_drops_the_connection_with_a_clear_error() {
    if fixtures().is_none() {
        return;
    }
    let options = McpOptions {
        max_message_bytes: 64 * 1024,
        ..quick_options()
    };
    let sup = McpSupervisor::with_servers([fake("flood", &[])], options).unwrap();
    let first = pid_of(&sup, "flood").await;
    let err = sup
        .call_tool("flood", "big", json!({"bytes": 200_000}))
        .await
        .unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, McpError::ResponseTooLarge { .. }), "{msg}");
    assert!(
        msg.contains("a message") && msg.contains("65536-byte limit"),
        "{msg}"
    );
    // Restarted on the next call.
    assert_ne!(pid_of(&sup, "flood").await, first);
}

#[tokio::test]
async fn a_malformed_result_is_an_error_not_a_panic() {
    if fixtures().is_none() {
        return;
    }
    let options = McpOptions {
        call_timeout: Duration::from_secs(3),
        ..quick_options()
    };
    let client = McpClient::connect(&fake("garbled", &[]), &options)
        .await
        .unwrap();
    let result = client.call_tool("malformed", json!({})).await;
    eprintln!("malformed: {result:?}");
    match result {
        Err(McpError::Protocol { .. } | McpError::Rejected { .. }) => {}
        other => panic!("expected a protocol error, got {other:?}"),
    }
    // The connection is still usable.
    assert_eq!(
        client
            .call_tool("echo", json!({"message": "ok"}))
            .await
            .unwrap()
            .text,
        "Echo: ok"
    );
}

/// A line that is not JSON (a stray print, a message cut in half) ends the waiting call at once
/// with "invalid JSON", not after the call timeout, and says what the line was. A banner
/// printed before any request is only logged, and the connection stays usable.
#[tokio::test]
async fn invalid_json_ends_the_call_at_once() {
    if fixtures().is_none() {
        return;
    }
    // Far longer than any test runs: a timeout error here means the call waited for it.
    let options = McpOptions {
        call_timeout: Duration::from_secs(600),
        ..quick_options()
    };
    let client = McpClient::connect(&fake("chatty", &["--banner"]), &options)
        .await
        .unwrap();
    for (tool, shown) in [
        ("garbage", "DEBUG: calling garbage"),
        ("halfjson", "\"jsonrpc\""),
    ] {
        match client.call_tool(tool, json!({})).await {
            Err(e @ McpError::Protocol { .. }) => {
                let msg = e.to_string();
                assert!(msg.contains("invalid JSON") && msg.contains(shown), "{msg}");
            }
            other => panic!("{tool}: expected an invalid-JSON error, got {other:?}"),
        }
    }
    assert_eq!(
        client
            .call_tool("echo", json!({"message": "still here"}))
            .await
            .unwrap()
            .text,
        "Echo: still here"
    );
}

/// Escape sequences in a server's error or tool names never reach the terminal.
#[tokio::test]
async fn escape_sequences_from_a_server_are_removed() {
    if fixtures().is_none() {
        return;
    }
    let client = McpClient::connect(&fake("hostile", &[]), &quick_options())
        .await
        .unwrap();
    let err = client.call_tool("escape", json!({})).await.unwrap_err();
    let msg = err.to_string();
    assert!(!msg.contains('\x1b') && !msg.contains('\u{9b}'), "{msg:?}");
    assert!(msg.contains("terminal cleared"), "{msg}");
}

#[tokio::test]
async fn a_server_that_fails_to_start_backs_off() {
    if fixtures().is_none() {
        return;
    }
    let spec = fake("broken", &["--exit-on-start"]).with_env("FAKE_SECRET", "sk-very-secret-99");
    let sup = McpSupervisor::with_servers([spec], quick_options()).unwrap();

    let err = sup
        .call_tool("broken", "echo", json!({}))
        .await
        .unwrap_err();
    let msg = err.to_string();
    eprintln!("start failure: {msg}");
    assert!(matches!(err, McpError::Handshake { .. }), "{msg}");
    assert!(
        msg.contains("exit status: 2") && msg.contains("refusing to start"),
        "{msg}"
    );
    assert!(
        !msg.contains("sk-very-secret-99") && msg.contains("[redacted]"),
        "secret leaked: {msg}"
    );

    // Within the 200 ms backoff, a call with less time than that fails fast...
    let start = Instant::now();
    let err = sup
        .call_tool_with_timeout("broken", "echo", json!({}), Duration::from_millis(50))
        .await
        .unwrap_err();
    assert!(
        matches!(err, McpError::Backoff { failures: 1, .. }),
        "{err}"
    );
    assert!(start.elapsed() < Duration::from_millis(100));

    // ...and one with time to spare waits it out, then tries again.
    let err = sup
        .call_tool("broken", "echo", json!({}))
        .await
        .unwrap_err();
    assert!(matches!(err, McpError::Handshake { .. }), "{err}");
    let status = sup.status("broken").unwrap();
    assert_eq!((status.state, status.failures), (McpServerState::Failed, 2));
    assert!(!status.last_error.unwrap().contains("sk-very-secret-99"));
}

#[tokio::test]
async fn a_server_that_never_answers_the_handshake_times_out() {
    if fixtures().is_none() {
        return;
    }
    let options = McpOptions {
        connect_timeout: Duration::from_secs(1),
        ..quick_options()
    };
    let start = Instant::now();
    let err = McpClient::connect(&fake("mute", &["--silent-on-start"]), &options)
        .await
        .unwrap_err();
    assert!(matches!(err, McpError::ConnectTimeout { .. }), "{err}");
    assert!(err.to_string().contains("'mute'"));
    assert!(start.elapsed() < Duration::from_secs(3));
}
