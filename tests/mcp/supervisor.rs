//! The registry side: lazy start, status, disabled and unknown servers, several servers.

use std::sync::Arc;

use serde_json::json;
use utter::mcp::{McpError, McpServerState, McpSupervisor};

use super::common::{everything, fake, fixtures, quick_options};

#[tokio::test]
async fn servers_start_lazily_and_report_status() {
    let Some(fx) = fixtures() else { return };
    let mut off = fake("off", &[]);
    off.enabled = false;
    let sup = McpSupervisor::with_servers(
        [everything(&fx, "everything"), fake("fake", &[]), off],
        quick_options(),
    )
    .unwrap();
    assert_eq!(sup.names(), ["everything", "fake", "off"]);
    assert_eq!(
        sup.status("everything").unwrap().state,
        McpServerState::Disconnected
    );
    assert_eq!(sup.status("off").unwrap().state, McpServerState::Disabled);

    let tools = sup.list_tools("everything").await.unwrap();
    let status = sup.status("everything").unwrap();
    assert_eq!(status.state, McpServerState::Connected);
    assert_eq!(status.tool_count, Some(tools.len()));
    assert!(status.server_info.unwrap().name.is_some());
    assert_eq!(
        sup.status("fake").unwrap().state,
        McpServerState::Disconnected,
        "started eagerly"
    );

    let echoed = sup
        .call_tool("fake", "echo", json!({"message": "hi"}))
        .await
        .unwrap();
    assert_eq!(echoed.text, "Echo: hi");

    // Many calls at once share one connection.
    let sup = Arc::new(sup);
    let calls: Vec<_> = (0..20)
        .map(|i| {
            let sup = sup.clone();
            tokio::spawn(async move {
                sup.call_tool("everything", "echo", json!({"message": i.to_string()}))
                    .await
            })
        })
        .collect();
    for (i, call) in calls.into_iter().enumerate() {
        assert_eq!(call.await.unwrap().unwrap().text, format!("Echo: {i}"));
    }

    let err = sup.call_tool("off", "echo", json!({})).await.unwrap_err();
    assert!(matches!(err, McpError::Disabled(_)), "{err}");
    let err = sup.call_tool("nope", "echo", json!({})).await.unwrap_err();
    assert!(
        matches!(err, McpError::UnknownServer(_)) && err.to_string().contains("'nope'"),
        "{err}"
    );

    sup.disconnect("fake").await.unwrap();
    assert_eq!(
        sup.status("fake").unwrap().state,
        McpServerState::Disconnected
    );

    // Callers racing to start a stopped server share one process.
    let racers: Vec<_> = (0..8)
        .map(|_| {
            let sup = sup.clone();
            tokio::spawn(async move { sup.call_tool("fake", "pid", json!({})).await })
        })
        .collect();
    let mut pids = Vec::new();
    for racer in racers {
        pids.push(racer.await.unwrap().unwrap().text);
    }
    pids.dedup();
    assert_eq!(
        pids.len(),
        1,
        "one restart expected, got processes {pids:?}"
    );
    sup.shutdown().await;
    assert!(
        sup.statuses()
            .iter()
            .all(|s| s.state != McpServerState::Connected)
    );
}

#[tokio::test]
async fn duplicate_or_invalid_specs_are_refused() {
    let err =
        McpSupervisor::with_servers([fake("a", &[]), fake("a", &[])], quick_options()).unwrap_err();
    assert!(
        err.to_string().contains("two servers are named 'a'"),
        "{err}"
    );
    let err = McpSupervisor::with_servers([fake("bad name", &[])], quick_options()).unwrap_err();
    assert!(err.to_string().contains("not allowed"), "{err}");
}
