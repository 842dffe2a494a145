//! Real npm servers over stdio.

use std::time::Duration;

use serde_json::json;
use utter::mcp::{McpClient, McpError, McpOptions, McpServerSpec};

use super::common::{alive, everything, fake, fixtures, gone_within, package_entry, quick_options};

#[tokio::test]
async fn everything_lists_tools_and_calls_them() {
    let Some(fx) = fixtures() else { return };
    let spec = everything(&fx, "everything").with_env("UTTER_TEST_SECRET", "s3cret-value-42");
    let client = McpClient::connect(&spec, &McpOptions::default())
        .await
        .unwrap();
    assert!(client.pid().is_some());
    assert!(!client.server_info().protocol_version.is_empty());

    let tools = client.list_tools().await.unwrap();
    let names: Vec<&str> = tools.iter().map(|t| t.name.as_str()).collect();
    for expected in ["echo", "get-sum", "get-env", "get-structured-content"] {
        assert!(
            names.contains(&expected),
            "{expected} missing from {names:?}"
        );
    }
    let echo = tools.iter().find(|t| t.name == "echo").unwrap();
    assert!(echo.description.is_some());
    assert_eq!(echo.input_schema["properties"]["message"]["type"], "string");
    assert!(echo.annotations.is_read_only());
    assert!(!echo.annotations.asks_by_default());

    let result = client
        .call_tool("echo", json!({"message": "hello"}))
        .await
        .unwrap();
    assert_eq!(result.text, "Echo: hello");
    assert!(!result.is_error);

    let sum = client
        .call_tool("get-sum", json!({"a": 2, "b": 3}))
        .await
        .unwrap();
    assert!(sum.text.contains('5'), "{sum:?}");

    let weather = client
        .call_tool("get-structured-content", json!({"location": "Chicago"}))
        .await
        .unwrap();
    assert!(
        weather.structured.as_ref().is_some_and(|v| v.is_object()),
        "{weather:?}"
    );

    // The env from the spec reaches the child.
    let env = client.call_tool("get-env", json!({})).await.unwrap();
    assert!(
        env.text.contains("s3cret-value-42"),
        "env not passed: {}",
        &env.text[..200.min(env.text.len())]
    );

    // Arguments must be an object; an unknown tool is the server's refusal or error result.
    let err = client.call_tool("echo", json!([1])).await.unwrap_err();
    assert!(matches!(err, McpError::InvalidArguments { .. }), "{err}");
    match client.call_tool("no-such-tool", json!({})).await {
        Ok(r) => assert!(r.is_error, "{r:?}"),
        Err(e) => assert!(matches!(e, McpError::Rejected { .. }), "{e}"),
    }
    client.close().await;
}

#[tokio::test]
async fn filesystem_server_reads_only_its_folder() {
    let Some(fx) = fixtures() else { return };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "call Joe about the renewal\n").unwrap();
    let entry = package_entry(&fx, "server-filesystem");
    let spec = McpServerSpec::stdio(
        "fs",
        "node",
        [
            entry.to_string_lossy().into_owned(),
            dir.path().to_string_lossy().into_owned(),
        ],
    );
    let client = McpClient::connect(&spec, &McpOptions::default())
        .await
        .unwrap();

    let tools = client.list_tools().await.unwrap();
    let write = tools.iter().find(|t| t.name == "write_file").unwrap();
    assert!(
        write.annotations.asks_by_default(),
        "write_file must need approval: {write:?}"
    );

    let read = client
        .call_tool("read_text_file", json!({"path": file.to_string_lossy()}))
        .await
        .unwrap();
    assert!(!read.is_error, "{read:?}");
    assert_eq!(read.text.trim_end(), "call Joe about the renewal");

    let outside = client
        .call_tool("read_text_file", json!({"path": "/etc/hostname"}))
        .await;
    match outside {
        Ok(r) => assert!(
            r.is_error && r.text.to_lowercase().contains("denied"),
            "{r:?}"
        ),
        Err(e) => panic!("reading outside the folder should be an error result, got {e}"),
    }
}

#[tokio::test]
async fn memory_server_creates_and_reads_entities() {
    let Some(fx) = fixtures() else { return };
    let dir = tempfile::tempdir().unwrap();
    let entry = package_entry(&fx, "server-memory");
    let spec = McpServerSpec::stdio("memory", "node", [entry.to_string_lossy().into_owned()])
        .with_env(
            "MEMORY_FILE_PATH",
            dir.path()
                .join("memory.jsonl")
                .to_string_lossy()
                .into_owned(),
        );
    let client = McpClient::connect(&spec, &McpOptions::default())
        .await
        .unwrap();

    let created = client
        .call_tool(
            "create_entities",
            json!({"entities": [{"name": "Joe", "entityType": "person", "observations": ["renewal due Friday"]}]}),
        )
        .await
        .unwrap();
    assert!(!created.is_error, "{created:?}");

    let nodes = client
        .call_tool("open_nodes", json!({"names": ["Joe"]}))
        .await
        .unwrap();
    assert!(nodes.text.contains("renewal due Friday"), "{nodes:?}");
    let graph = client.call_tool("read_graph", json!({})).await.unwrap();
    assert!(graph.text.contains("\"Joe\""), "{graph:?}");
    client.close().await;
    assert!(
        dir.path().join("memory.jsonl").is_file(),
        "memory was not written where asked"
    );
}

#[tokio::test]
async fn dropping_the_client_kills_the_process_group() {
    if fixtures().is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pidfile = dir.path().join("grandchild.pid");
    // The server ignores stdin closing, so only a kill can stop it; its own child checks
    // that the whole group goes, not just the process we started.
    let spec = fake(
        "stubborn",
        &[
            "--ignore-stdin-close",
            "--grandchild",
            &pidfile.to_string_lossy(),
        ],
    );
    let client = McpClient::connect(&spec, &quick_options()).await.unwrap();
    let pid = client.pid().unwrap();
    let grandchild: u32 = std::fs::read_to_string(&pidfile)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(alive(pid) && alive(grandchild));

    drop(client);
    assert!(
        gone_within(pid, Duration::from_secs(5)).await,
        "server {pid} outlived its client"
    );
    assert!(
        gone_within(grandchild, Duration::from_secs(5)).await,
        "the server's child {grandchild} was orphaned"
    );
}

#[test]
fn runtime_shutdown_still_kills_the_child() {
    if fixtures().is_none() {
        return;
    }
    // The app quitting: the runtime goes away with a client still open, so no cleanup task
    // can run; the transport's synchronous drop must do the kill.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let spec = fake("stubborn", &["--ignore-stdin-close"]);
    let (client, pid) = runtime.block_on(async {
        let client = McpClient::connect(&spec, &quick_options()).await.unwrap();
        let pid = client.pid().unwrap();
        (client, pid)
    });
    assert!(alive(pid));
    drop(runtime);
    drop(client);
    let start = std::time::Instant::now();
    while alive(pid) && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        !alive(pid),
        "server {pid} survived the runtime shutting down"
    );
}

#[tokio::test]
async fn a_missing_command_names_the_server() {
    if fixtures().is_none() {
        return;
    }
    let spec = McpServerSpec::stdio("ghost", "utter-no-such-binary-7f3a", ["--flag"]);
    let err = McpClient::connect(&spec, &McpOptions::default())
        .await
        .unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, McpError::Spawn { .. }), "{msg}");
    assert!(
        msg.contains("'ghost'") && msg.contains("not found") && msg.contains("PATH"),
        "{msg}"
    );
}
