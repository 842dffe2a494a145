//! Which MCP servers to run. Users paste or import the `mcpServers` block of Claude Desktop's
//! `claude_desktop_config.json`, so that shape is what [`parse_mcp_servers`] reads; the
//! normalized [`McpServerSpec`] is what Utter stores (as JSON in SQLite).

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::error::McpError;
use super::secret::{SecretValue, redact_args, redact_url};

/// Longest server name accepted; names end up in tool ids and UI labels.
pub const MAX_SERVER_NAME_LEN: usize = 64;

/// Headers the MCP HTTP transport sets itself; a config that sets them would break sessions.
const RESERVED_HEADERS: [&str; 4] = ["accept", "mcp-session-id", "last-event-id", "content-type"];

/// One MCP server the user configured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct McpServerSpec {
    /// Unique, `[A-Za-z0-9_.-]`, starts with a letter or digit.
    pub name: String,
    pub transport: McpTransport,
    #[serde(default = "enabled_by_default")]
    pub enabled: bool,
    /// The user trusts this server's `readOnlyHint`s: only then may a tool it calls read-only
    /// run without asking. Off by default, since a hint is the server's claim.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub trusted: bool,
    /// How to sign in to a remote server, when the user gave anything beyond the URL.
    #[serde(default, skip_serializing_if = "McpOAuthConfig::is_empty")]
    pub oauth: McpOAuthConfig,
}

/// Sign-in settings a user may give for an HTTP server (the server's own metadata covers
/// the rest). Not secret: a client secret goes to the keychain.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct McpOAuthConfig {
    /// A client id registered with the server by the user (its developer settings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// Scopes to ask for instead of the ones the server suggests, space-separated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

impl McpOAuthConfig {
    pub fn is_empty(&self) -> bool {
        self.client_id.is_none() && self.scope.is_none()
    }
}

fn enabled_by_default() -> bool {
    true
}

/// How to reach a server.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum McpTransport {
    /// A child process speaking newline-delimited JSON-RPC on stdin/stdout.
    Stdio {
        command: String,
        #[serde(default)]
        args: Vec<String>,
        /// Added to Utter's own environment; values are often API keys.
        #[serde(default)]
        env: BTreeMap<String, SecretValue>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cwd: Option<PathBuf>,
    },
    /// A Streamable HTTP endpoint (`http://127.0.0.1:3001/mcp`).
    Http {
        url: String,
        /// Sent with every request; values are often bearer tokens.
        #[serde(default)]
        headers: BTreeMap<String, SecretValue>,
    },
}

// Hand-written so args like `--api-key X` and URL credentials stay out of logs.
impl fmt::Debug for McpTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            McpTransport::Stdio {
                command,
                args,
                env,
                cwd,
            } => f
                .debug_struct("Stdio")
                .field("command", command)
                .field("args", &redact_args(args))
                .field("env", env)
                .field("cwd", cwd)
                .finish(),
            McpTransport::Http { url, headers } => f
                .debug_struct("Http")
                .field("url", &redact_url(url))
                .field("headers", headers)
                .finish(),
        }
    }
}

impl McpTransport {
    /// What the transport points at, safe for logs and the UI: the command line with
    /// credential arguments hidden, or the URL without credentials and query.
    pub fn describe(&self) -> String {
        match self {
            McpTransport::Stdio { command, args, .. } => {
                let mut parts = vec![command.clone()];
                parts.extend(redact_args(args));
                parts.join(" ")
            }
            McpTransport::Http { url, .. } => redact_url(url),
        }
    }

    pub(crate) fn secret_values(&self) -> impl Iterator<Item = &SecretValue> {
        let (env, headers) = match self {
            McpTransport::Stdio { env, .. } => (Some(env), None),
            McpTransport::Http { headers, .. } => (None, Some(headers)),
        };
        env.into_iter()
            .flat_map(|m| m.values())
            .chain(headers.into_iter().flat_map(|m| m.values()))
    }
}

impl McpServerSpec {
    /// A stdio server, enabled, with no env or cwd.
    pub fn stdio(
        name: impl Into<String>,
        command: impl Into<String>,
        args: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        McpServerSpec {
            name: name.into(),
            transport: McpTransport::Stdio {
                command: command.into(),
                args: args.into_iter().map(Into::into).collect(),
                env: BTreeMap::new(),
                cwd: None,
            },
            enabled: true,
            trusted: false,
            oauth: McpOAuthConfig::default(),
        }
    }

    /// A Streamable HTTP server, enabled, with no headers.
    pub fn http(name: impl Into<String>, url: impl Into<String>) -> Self {
        McpServerSpec {
            name: name.into(),
            transport: McpTransport::Http {
                url: url.into(),
                headers: BTreeMap::new(),
            },
            enabled: true,
            trusted: false,
            oauth: McpOAuthConfig::default(),
        }
    }

    /// An HTTP server the user gave its own `Authorization` header: it does not sign in.
    pub fn has_static_authorization(&self) -> bool {
        matches!(&self.transport, McpTransport::Http { headers, .. }
            if headers.keys().any(|h| h.eq_ignore_ascii_case("authorization")))
    }

    /// Adds an environment variable (stdio only; ignored for HTTP).
    pub fn with_env(mut self, key: impl Into<String>, value: impl Into<SecretValue>) -> Self {
        if let McpTransport::Stdio { env, .. } = &mut self.transport {
            env.insert(key.into(), value.into());
        }
        self
    }

    /// Adds an HTTP header (HTTP only; ignored for stdio).
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<SecretValue>) -> Self {
        if let McpTransport::Http { headers, .. } = &mut self.transport {
            headers.insert(name.into(), value.into());
        }
        self
    }

    /// Checks everything that can be checked without starting the server.
    pub fn validate(&self) -> Result<(), McpError> {
        validate_name(&self.name)?;
        let bad = |reason: String| McpError::Config(format!("server '{}': {reason}", self.name));
        match &self.transport {
            McpTransport::Stdio {
                command, args, env, ..
            } => {
                if command.trim().is_empty() {
                    return Err(bad("`command` is empty; set it to the program that starts the server (e.g. `node`, `npx`, `uvx`)".into()));
                }
                if command.trim() != command {
                    return Err(bad(
                        "`command` starts or ends with spaces; remove them".into()
                    ));
                }
                // `"command": "npx -y pkg"` is the most common paste mistake; a real path with
                // spaces (C:\Program Files\...) exists on disk, so it is let through.
                if args.is_empty() && command.contains(' ') && !Path::new(command).exists() {
                    return Err(bad(format!(
                        "`command` holds spaces (`{}`); put the program in `command` and each argument in `args`",
                        command.split(' ').next().unwrap_or_default()
                    )));
                }
                for key in env.keys() {
                    if key.is_empty() || key.contains('=') || key.contains('\0') {
                        return Err(bad(format!(
                            "env name '{key}' is not a valid variable name"
                        )));
                    }
                }
            }
            McpTransport::Http { url, headers } => {
                let parsed = reqwest::Url::parse(url).map_err(|e| {
                    bad(format!(
                        "`url` {} is not a valid URL ({e}); use e.g. http://127.0.0.1:3001/mcp",
                        redact_url(url)
                    ))
                })?;
                if !matches!(parsed.scheme(), "http" | "https") {
                    return Err(bad(format!(
                        "`url` must start with http:// or https://, not {}://",
                        parsed.scheme()
                    )));
                }
                for (name, value) in headers {
                    if reqwest::header::HeaderName::from_bytes(name.as_bytes()).is_err() {
                        return Err(bad(format!("header name '{name}' is not valid")));
                    }
                    if RESERVED_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
                        return Err(bad(format!(
                            "header '{name}' is set by the MCP transport itself; remove it"
                        )));
                    }
                    if reqwest::header::HeaderValue::from_str(value.expose()).is_err() {
                        // The value is a secret: name the header, never the value.
                        return Err(bad(format!(
                            "the value of header '{name}' holds characters not allowed in HTTP headers (a line break?)"
                        )));
                    }
                }
            }
        }
        Ok(())
    }
}

/// Checks a server name: 1–64 of `[A-Za-z0-9_.-]`, starting with a letter or digit.
pub fn validate_name(name: &str) -> Result<(), McpError> {
    let ok_chars = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    let ok_start = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    if name.is_empty() || name.len() > MAX_SERVER_NAME_LEN || !ok_chars || !ok_start {
        return Err(McpError::Config(format!(
            "server name '{}' is not allowed; use 1–{MAX_SERVER_NAME_LEN} letters, digits, '-', '_' or '.', starting with a letter or digit",
            name.escape_debug()
        )));
    }
    Ok(())
}

/// Reads the servers out of JSON in Claude Desktop's shape: `{"mcpServers": {...}}`, the
/// inner map on its own, or VS Code's `{"servers": {...}}`. Servers come back sorted by name;
/// the first invalid one fails the whole parse, so a user never half-imports a file.
pub fn parse_mcp_servers(json: &str) -> Result<Vec<McpServerSpec>, McpError> {
    let root: Value =
        serde_json::from_str(json).map_err(|e| McpError::Config(format!("not valid JSON: {e}")))?;
    let Value::Object(root) = root else {
        return Err(McpError::Config(
            "expected a JSON object with an `mcpServers` object inside".into(),
        ));
    };
    let servers = match root.get("mcpServers").or_else(|| root.get("servers")) {
        Some(Value::Object(map)) => map.clone(),
        Some(_) => {
            return Err(McpError::Config(
                "`mcpServers` must be an object of name → server".into(),
            ));
        }
        None if root.values().any(looks_like_server) => root,
        None => {
            return Err(McpError::Config(
                "no `mcpServers` object found; paste the `mcpServers` block of claude_desktop_config.json".into(),
            ));
        }
    };
    let mut specs = Vec::with_capacity(servers.len());
    for (name, entry) in servers {
        let spec = parse_entry(&name, entry)?;
        spec.validate()?;
        specs.push(spec);
    }
    specs.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(specs)
}

/// Imports the servers from a Claude Desktop config file (or any file [`parse_mcp_servers`]
/// reads).
pub fn import_claude_desktop(path: impl AsRef<Path>) -> Result<Vec<McpServerSpec>, McpError> {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path).map_err(|e| McpError::ConfigFile {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    parse_mcp_servers(&text).map_err(|e| match e {
        McpError::Config(reason) => McpError::ConfigFile {
            path: path.to_path_buf(),
            reason,
        },
        other => other,
    })
}

/// Where Claude Desktop keeps its config on this OS, if the home folder is known.
pub fn claude_desktop_config_path() -> Option<PathBuf> {
    const FILE: &str = "claude_desktop_config.json";
    if cfg!(target_os = "windows") {
        std::env::var_os("APPDATA").map(|d| PathBuf::from(d).join("Claude").join(FILE))
    } else if cfg!(target_os = "macos") {
        std::env::var_os("HOME").map(|h| {
            PathBuf::from(h)
                .join("Library/Application Support/Claude")
                .join(FILE)
        })
    } else {
        std::env::var_os("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
            .map(|d| d.join("Claude").join(FILE))
    }
}

/// The servers as a Claude Desktop `{"mcpServers": {...}}` document (secrets included: this
/// is for writing a config file the user asked for, never for logs).
pub fn to_claude_desktop_json(specs: &[McpServerSpec]) -> Value {
    let mut servers = Map::new();
    for spec in specs {
        let mut entry = Map::new();
        match &spec.transport {
            McpTransport::Stdio {
                command,
                args,
                env,
                cwd,
            } => {
                entry.insert("command".into(), command.clone().into());
                entry.insert("args".into(), args.clone().into());
                if !env.is_empty() {
                    let env: Map<String, Value> = env
                        .iter()
                        .map(|(k, v)| (k.clone(), v.expose().into()))
                        .collect();
                    entry.insert("env".into(), env.into());
                }
                if let Some(cwd) = cwd {
                    entry.insert("cwd".into(), cwd.to_string_lossy().into_owned().into());
                }
            }
            McpTransport::Http { url, headers } => {
                entry.insert("type".into(), "http".into());
                entry.insert("url".into(), url.clone().into());
                if !headers.is_empty() {
                    let headers: Map<String, Value> = headers
                        .iter()
                        .map(|(k, v)| (k.clone(), v.expose().into()))
                        .collect();
                    entry.insert("headers".into(), headers.into());
                }
            }
        }
        if !spec.enabled {
            entry.insert("disabled".into(), true.into());
        }
        servers.insert(spec.name.clone(), entry.into());
    }
    serde_json::json!({ "mcpServers": servers })
}

fn looks_like_server(v: &Value) -> bool {
    v.get("command").is_some() || v.get("url").is_some()
}

fn parse_entry(name: &str, entry: Value) -> Result<McpServerSpec, McpError> {
    validate_name(name)?;
    let bad = |reason: String| McpError::Config(format!("server '{name}': {reason}"));
    let Value::Object(obj) = entry else {
        return Err(bad("must be an object with `command` or `url`".into()));
    };
    let kind = match obj.get("type") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.as_str()),
        Some(_) => return Err(bad("`type` must be a string".into())),
    };
    let has_command = obj.contains_key("command");
    let has_url = obj.contains_key("url");
    let transport = match kind {
        Some("stdio") => stdio_from(&obj, &bad)?,
        Some("http" | "streamable-http" | "streamableHttp" | "streamable_http") => {
            http_from(&obj, &bad)?
        }
        Some("sse") => {
            return Err(bad(
                "`type: sse` (the legacy HTTP+SSE transport) is not supported; use the server's Streamable HTTP endpoint with `type: http`".into(),
            ));
        }
        Some(other) => {
            return Err(bad(format!(
                "unknown `type` '{other}'; use \"stdio\" or \"http\""
            )));
        }
        None if has_command && has_url => {
            return Err(bad("has both `command` and `url`; keep one".into()));
        }
        None if has_command => stdio_from(&obj, &bad)?,
        None if has_url => http_from(&obj, &bad)?,
        None => {
            return Err(bad(
                "needs `command` (a program to start) or `url` (an HTTP endpoint)".into(),
            ));
        }
    };
    let enabled = match (obj.get("disabled"), obj.get("enabled")) {
        (Some(Value::Bool(disabled)), _) => !disabled,
        (_, Some(Value::Bool(enabled))) => *enabled,
        _ => true,
    };
    Ok(McpServerSpec {
        name: name.to_string(),
        transport,
        enabled,
        // Trust is given in Utter, never by a file.
        trusted: false,
        oauth: McpOAuthConfig::default(),
    })
}

fn stdio_from(
    obj: &Map<String, Value>,
    bad: &dyn Fn(String) -> McpError,
) -> Result<McpTransport, McpError> {
    let command = match obj.get("command") {
        Some(Value::String(c)) => c.clone(),
        Some(_) => return Err(bad("`command` must be a string".into())),
        None => {
            return Err(bad(
                "`command` is missing; set it to the program that starts the server".into(),
            ));
        }
    };
    let args = match obj.get("args") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| scalar_string(v).ok_or_else(|| bad("`args` must be a list of strings".into())))
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(bad("`args` must be a list of strings".into())),
    };
    let env = string_map(obj.get("env"), "env", bad)?;
    let cwd = match obj.get("cwd") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.is_empty() => None,
        Some(Value::String(s)) => Some(PathBuf::from(s)),
        Some(_) => return Err(bad("`cwd` must be a string".into())),
    };
    Ok(McpTransport::Stdio {
        command,
        args,
        env,
        cwd,
    })
}

fn http_from(
    obj: &Map<String, Value>,
    bad: &dyn Fn(String) -> McpError,
) -> Result<McpTransport, McpError> {
    let url = match obj.get("url") {
        Some(Value::String(u)) => u.clone(),
        Some(_) => return Err(bad("`url` must be a string".into())),
        None => {
            return Err(bad(
                "`url` is missing; set it to the server's endpoint, e.g. http://127.0.0.1:3001/mcp"
                    .into(),
            ));
        }
    };
    let headers = string_map(obj.get("headers"), "headers", bad)?;
    Ok(McpTransport::Http { url, headers })
}

/// Claude Desktop wants strings, but hand-written configs say `"PORT": 8080`; numbers and
/// booleans are read as their text.
fn scalar_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn string_map(
    v: Option<&Value>,
    field: &str,
    bad: &dyn Fn(String) -> McpError,
) -> Result<BTreeMap<String, SecretValue>, McpError> {
    match v {
        None | Some(Value::Null) => Ok(BTreeMap::new()),
        Some(Value::Object(map)) => map
            .iter()
            .map(|(k, v)| {
                scalar_string(v)
                    .map(|s| (k.clone(), SecretValue::new(s)))
                    .ok_or_else(|| bad(format!("`{field}.{k}` must be a string")))
            })
            .collect(),
        Some(_) => Err(bad(format!("`{field}` must be an object of name → string"))),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn parses_claude_desktop_shape() {
        let specs = parse_mcp_servers(
            r#"{"mcpServers": {
                "fs": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/tmp"]},
                "gh": {"command": "docker", "args": ["run"], "env": {"GITHUB_TOKEN": "ghp_secret123"}},
                "remote": {"type": "streamable-http", "url": "https://mcp.example.com/mcp", "headers": {"Authorization": "Bearer tok123456"}},
                "off": {"url": "http://127.0.0.1:1/mcp", "disabled": true}
            }, "globalShortcut": ""}"#,
        )
        .unwrap();
        let names: Vec<_> = specs.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["fs", "gh", "off", "remote"]);
        assert!(!specs[2].enabled);
        assert!(matches!(specs[3].transport, McpTransport::Http { .. }));
        let debug = format!("{specs:?}");
        assert!(!debug.contains("ghp_secret123"), "{debug}");
        assert!(!debug.contains("tok123456"), "{debug}");
        assert!(debug.contains("GITHUB_TOKEN"));
    }

    #[test]
    fn accepts_inner_map_and_numbers() {
        let specs = parse_mcp_servers(
            r#"{"a": {"command": "node", "args": ["x.js", 3], "env": {"PORT": 8080}}}"#,
        )
        .unwrap();
        let McpTransport::Stdio { args, env, .. } = &specs[0].transport else {
            panic!("stdio expected")
        };
        assert_eq!(args, &["x.js", "3"]);
        assert_eq!(env["PORT"].expose(), "8080");
    }

    #[test]
    fn clear_errors() {
        let err = |json: &str| parse_mcp_servers(json).unwrap_err().to_string();
        assert!(err(r#"{"mcpServers": {"x": {"args": []}}}"#).contains("needs `command`"));
        assert!(
            err(r#"{"mcpServers": {"x": {"type": "stdio"}}}"#).contains("`command` is missing")
        );
        assert!(err(r#"{"mcpServers": {"x": {"type": "http"}}}"#).contains("`url` is missing"));
        assert!(err(r#"{"mcpServers": {"bad name!": {"command": "x"}}}"#).contains("not allowed"));
        assert!(err(r#"{"mcpServers": {"x": {"url": "ftp://h/"}}}"#).contains("http://"));
        assert!(err(r#"{"mcpServers": {"x": {"command": "npx -y pkg"}}}"#).contains("`args`"));
        assert!(
            err(r#"{"mcpServers": {"x": {"type": "sse", "url": "http://h/"}}}"#)
                .contains("not supported")
        );
        assert!(err(r#"{"preferences": {}}"#).contains("no `mcpServers`"));
        assert!(err("[1]").contains("object"));
        let e = err(
            r#"{"mcpServers": {"x": {"url": "http://h/", "headers": {"Authorization": "Bearer a\nb"}}}}"#,
        );
        assert!(e.contains("Authorization") && !e.contains("Bearer"), "{e}");
    }

    #[test]
    fn spec_round_trips_through_storage_json() {
        let spec =
            McpServerSpec::http("r", "http://127.0.0.1:9/mcp").with_header("X-Key", "abcdefgh");
        let json = serde_json::to_string(&spec).unwrap();
        assert_eq!(serde_json::from_str::<McpServerSpec>(&json).unwrap(), spec);
        let back =
            parse_mcp_servers(&to_claude_desktop_json(std::slice::from_ref(&spec)).to_string())
                .unwrap();
        assert_eq!(back, vec![spec]);
    }
}
