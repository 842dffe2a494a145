//! `utter mcp ...` end to end: the real binary, a temp data dir, real npm servers over stdio
//! and Streamable HTTP on 127.0.0.1.

use super::common::{err, fixtures, ok, package_entry};
use super::http::HttpServer;

use crate::cli::run as utter;

/// A server that puts terminal escape sequences in a tool's name, its description and an error
/// cannot clear the user's terminal or retitle it: nothing of them reaches stdout or stderr.
#[test]
fn escape_sequences_from_a_server_never_reach_the_terminal() {
    if fixtures().is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let server = super::common::fixture_file("fake-server.mjs");
    ok(&utter(
        data,
        &["mcp", "add", "hostile", "--", "node", &server, "--hostile"],
    ));
    let listed = utter(data, &["mcp", "tools", "hostile"]);
    let text = ok(&listed);
    assert!(
        text.contains("evil") && text.contains("Clears your screen"),
        "{text}"
    );
    let failed = utter(data, &["mcp", "call", "hostile", "escape"]);
    assert!(err(&failed).contains("terminal cleared"));
    for out in [&listed, &failed] {
        for stream in [&out.stdout, &out.stderr] {
            assert!(
                !stream.iter().any(|b| *b == 0x1b || *b == 0x07),
                "{:?}",
                String::from_utf8_lossy(stream)
            );
            assert!(!String::from_utf8_lossy(stream).contains('\u{202E}'));
        }
    }
}

#[test]
fn add_list_tools_call_rm_over_stdio() {
    let Some(fx) = fixtures() else { return };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let entry = package_entry(&fx, "server-everything");
    let entry = entry.to_str().unwrap();
    assert!(
        ok(&utter(
            data,
            &["mcp", "add", "everything", "--", "node", entry, "stdio"]
        ))
        .contains("Added")
    );

    let list: serde_json::Value =
        serde_json::from_str(&ok(&utter(data, &["mcp", "list", "--json"]))).unwrap();
    assert_eq!(list[0]["name"], "everything");
    assert_eq!(list[0]["transport"], "stdio");

    let tools: serde_json::Value =
        serde_json::from_str(&ok(&utter(data, &["mcp", "tools", "everything", "--json"]))).unwrap();
    let names: Vec<&str> = tools
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"echo"), "{names:?}");

    let out = ok(&utter(
        data,
        &[
            "mcp",
            "call",
            "everything",
            "echo",
            r#"{"message":"hello from utter"}"#,
        ],
    ));
    assert!(out.contains("hello from utter"), "{out}");

    // Bad input: clear errors, nothing started or changed.
    assert!(
        err(&utter(
            data,
            &["mcp", "call", "everything", "echo", "{not json"]
        ))
        .contains("not valid JSON")
    );
    assert!(
        err(&utter(data, &["mcp", "call", "everything", "echo", "[1]"])).contains("JSON object")
    );
    assert!(err(&utter(data, &["mcp", "call", "nosuch", "echo"])).contains("no MCP server named"));
    let e = err(&utter(data, &["mcp", "call", "everything", "no-such-tool"]));
    assert!(e.contains("no-such-tool"), "{e}");

    assert!(ok(&utter(data, &["mcp", "rm", "everything"])).contains("Removed"));
    assert!(ok(&utter(data, &["mcp", "list"])).contains("No MCP servers"));
    assert!(err(&utter(data, &["mcp", "rm", "everything"])).contains("no MCP server named"));
}

#[tokio::test(flavor = "multi_thread")]
async fn streamable_http_server_from_the_cli() {
    let Some(fx) = fixtures() else { return };
    let server = HttpServer::start(&fx).await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_path_buf();
    let url = server.url();
    let out = tokio::task::spawn_blocking(move || {
        ok(&utter(&data, &["mcp", "add", "remote", "--url", &url]));
        ok(&utter(
            &data,
            &[
                "mcp",
                "call",
                "remote",
                "echo",
                r#"{"message":"over http"}"#,
            ],
        ))
    })
    .await
    .unwrap();
    assert!(out.contains("over http"), "{out}");
}

#[test]
fn a_crashing_server_is_a_one_line_error_not_a_hang() {
    let Some(_fx) = fixtures() else { return };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(&utter(
        data,
        &[
            "mcp",
            "add",
            "crashy",
            "--",
            "node",
            "-e",
            "process.exit(3)",
        ],
    ));
    let started = std::time::Instant::now();
    let o = utter(data, &["mcp", "tools", "crashy"]);
    let e = err(&o);
    assert_eq!(o.status.code(), Some(1));
    let line = e
        .lines()
        .find(|l| l.starts_with("error:"))
        .unwrap_or_else(|| panic!("{e}"));
    assert!(line.contains("crashy") && line.contains("exited"), "{line}");
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
}

#[test]
fn import_reports_what_it_took_and_what_it_skipped() {
    let Some(_fx) = fixtures() else { return };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    // No secrets in this file: the CLI's keychain is not needed (see tests/mcp/service.rs and
    // tests/keychain.rs for the values that go there).
    let cfg = dir.path().join("claude_desktop_config.json");
    // One bad entry refuses the file as a whole, with the reason; nothing is half-imported.
    std::fs::write(
        &cfg,
        r#"{"mcpServers": {"files": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/tmp"]},
            "bad name!": {"command": "x"}}}"#,
    )
    .unwrap();
    assert!(
        err(&utter(data, &["mcp", "import", cfg.to_str().unwrap()]))
            .contains("'bad name!' is not allowed")
    );
    assert!(ok(&utter(data, &["mcp", "list"])).contains("No MCP servers"));
    std::fs::write(
        &cfg,
        r#"{"mcpServers": {"files": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/tmp"]}}}"#,
    )
    .unwrap();
    let out = ok(&utter(data, &["mcp", "import", cfg.to_str().unwrap()]));
    assert!(
        out.contains("Imported 1 server(s)") && out.contains("files"),
        "{out}"
    );
    let again = ok(&utter(data, &["mcp", "import", cfg.to_str().unwrap()]));
    assert!(
        again.contains("Imported 0")
            && again.contains("skipped files: a server with this name already exists"),
        "{again}"
    );
}
