use utter::mcp::{McpServerSpec, McpTransport, import_claude_desktop, parse_mcp_servers};

use super::common::fixture_file;

#[test]
fn imports_a_claude_desktop_config() {
    let specs = import_claude_desktop(fixture_file("claude_desktop_config.json")).unwrap();
    let names: Vec<&str> = specs.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["brave-search", "filesystem", "github", "linear", "notes"]
    );

    let github = &specs[2];
    let McpTransport::Stdio {
        command, args, env, ..
    } = &github.transport
    else {
        panic!("github should be stdio: {github:?}");
    };
    assert_eq!(command, "docker");
    assert_eq!(args[0], "run");
    assert_eq!(
        env["GITHUB_PERSONAL_ACCESS_TOKEN"].expose(),
        "ghp_exampleTokenValue1234567890"
    );

    let McpTransport::Http { url, headers } = &specs[3].transport else {
        panic!("linear should be http");
    };
    assert_eq!(url, "https://mcp.linear.app/mcp");
    assert!(headers.contains_key("Authorization"));

    let notes = &specs[4];
    assert!(!notes.enabled);
    assert!(
        matches!(&notes.transport, McpTransport::Stdio { cwd: Some(c), .. } if c.to_str() == Some("/tmp"))
    );

    // No secret survives Debug: env values, bearer tokens, `--api-key` arguments.
    let debug = format!("{specs:#?}");
    for secret in [
        "ghp_exampleTokenValue1234567890",
        "BSA-example-key-value",
        "lin_api_exampleBearerToken",
        "notes-secret-arg-value",
    ] {
        assert!(
            !debug.contains(secret),
            "{secret} leaked into Debug:\n{debug}"
        );
    }

    // Stored as JSON and read back unchanged.
    let stored = serde_json::to_string(&specs).unwrap();
    let back: Vec<McpServerSpec> = serde_json::from_str(&stored).unwrap();
    assert_eq!(back, specs);
}

#[test]
fn import_errors_name_the_file_and_the_problem() {
    let err = import_claude_desktop("/nonexistent/claude_desktop_config.json").unwrap_err();
    assert!(
        err.to_string()
            .contains("/nonexistent/claude_desktop_config.json"),
        "{err}"
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.json");
    std::fs::write(&path, r#"{"mcpServers": {"x": {"env": {"A": "b"}}}}"#).unwrap();
    let err = import_claude_desktop(&path).unwrap_err().to_string();
    assert!(
        err.contains("bad.json") && err.contains("server 'x'") && err.contains("`command`"),
        "{err}"
    );
}

#[test]
fn inner_map_alone_is_accepted() {
    let specs = parse_mcp_servers(r#"{"memory": {"command": "node", "args": ["m.js"]}}"#).unwrap();
    assert_eq!(specs, [McpServerSpec::stdio("memory", "node", ["m.js"])]);
}
