//! `utter mcp import|add|list|rm|trust|login|logout|tools|call`.

use std::io::IsTerminal;
use std::sync::Arc;

use super::args::McpCmd;
use super::{out, out_json, runtime};
use crate::error::{Error, Result};
use crate::mcp::{AuthState, McpServerSpec, McpTransport, claude_desktop_config_path};
use crate::service::{OnSignInUrl, Service};

pub fn run(svc: &Service, cmd: McpCmd) -> Result<()> {
    match cmd {
        McpCmd::Import { file } => {
            let path = file.or_else(claude_desktop_config_path).ok_or_else(|| {
                Error::Usage(
                    "no Claude Desktop config found; give the file: utter mcp import FILE".into(),
                )
            })?;
            let report = svc.mcp_import(&path)?;
            let mut lines = vec![format!(
                "Imported {} server(s) from {}{}",
                report.imported.len(),
                path.display(),
                if report.imported.is_empty() {
                    String::new()
                } else {
                    format!(": {}", report.imported.join(", "))
                }
            )];
            for (name, why) in &report.skipped {
                lines.push(format!("skipped {name}: {why}"));
            }
            out(&lines.join("\n"))
        }
        McpCmd::Add {
            name,
            url,
            env,
            header,
            trusted,
            client_id,
            client_secret_stdin,
            scope,
            command,
        } => {
            let mut spec = spec_from_args(name, url, &env, &header, command)?;
            spec.trusted = trusted;
            spec.oauth.client_id = client_id.filter(|c| !c.trim().is_empty());
            spec.oauth.scope = scope.filter(|s| !s.trim().is_empty());
            let client_secret = if client_secret_stdin {
                Some(super::llm::read_secret("client secret")?)
            } else {
                None
            };
            let replaced = svc.mcp_add(spec.clone())?;
            if let Some(secret) = client_secret {
                svc.mcp_set_client_secret(&spec.name, &secret)?;
            }
            out(&format!(
                "{} MCP server {} ({})",
                if replaced { "Replaced" } else { "Added" },
                spec.name,
                spec.transport.describe()
            ))
        }
        McpCmd::List { json } => {
            let list = svc.mcp_list()?;
            let mut states = Vec::with_capacity(list.len());
            for s in &list {
                states.push(svc.mcp_auth_state(s)?);
            }
            if json {
                return out_json(
                    &list
                        .iter()
                        .zip(&states)
                        .map(|(s, a)| list_entry(s, a))
                        .collect::<Vec<_>>(),
                );
            }
            if list.is_empty() {
                return out("No MCP servers. Add one with `utter mcp add` or `utter mcp import`.");
            }
            let now = chrono::Utc::now().timestamp();
            out(&list
                .iter()
                .zip(&states)
                .map(|(s, auth)| {
                    format!(
                        "{:<20} {}{}{}",
                        s.name,
                        s.transport.describe(),
                        if s.enabled { "" } else { " (disabled)" },
                        match auth_label(auth, now) {
                            Some(label) => format!("  [{label}]"),
                            None => String::new(),
                        }
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"))
        }
        McpCmd::Trust { name, off } => {
            svc.mcp_set_trusted(&name, !off)?;
            out(&if off {
                format!("{name}'s tools now ask before running, read-only or not")
            } else {
                format!("{name} is trusted: tools it marks read-only run without asking")
            })
        }
        McpCmd::Rm { name } => {
            if !svc.mcp_remove(&name)? {
                return Err(Error::Usage(format!(
                    "no MCP server named {name}; see `utter mcp list`"
                )));
            }
            out(&format!("Removed MCP server {name}"))
        }
        McpCmd::Login { name } => {
            let rt = runtime()?;
            let signed_in = rt.block_on(svc.mcp_login(&name, print_sign_in_url()))?;
            let now = chrono::Utc::now().timestamp();
            let state = AuthState::SignedIn {
                expires_at: signed_in.expires_at,
                refreshable: signed_in.refreshable,
                scopes: signed_in.scopes.clone(),
            };
            out(&format!(
                "{name}: {}{}",
                auth_label(&state, now).unwrap_or_default(),
                if signed_in.scopes.is_empty() {
                    String::new()
                } else {
                    format!("; granted: {}", signed_in.scopes.join(" "))
                },
            ))
        }
        McpCmd::Logout { name } => {
            svc.mcp_logout(&name)?;
            out(&format!(
                "Signed out of {name}; its tokens are gone from the keychain"
            ))
        }
        McpCmd::Tools {
            name,
            json,
            sign_in,
        } => {
            let sup = supervisor(svc, &name, sign_in)?;
            let rt = runtime()?;
            let tools = rt.block_on(async {
                let r = sup.list_tools(&name).await;
                sup.shutdown().await;
                r
            });
            let tools = tools.map_err(crate::service::ServiceError::from)?;
            if json {
                return out_json(&tools);
            }
            out(&tools
                .iter()
                .map(|t| {
                    let mark = if t.annotations.is_read_only() {
                        "says read-only"
                    } else {
                        "may change things"
                    };
                    format!(
                        "{:<28} {} [{mark}]",
                        t.name,
                        t.description
                            .as_deref()
                            .unwrap_or("")
                            .lines()
                            .next()
                            .unwrap_or("")
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"))
        }
        McpCmd::Call {
            name,
            tool,
            args,
            json,
            sign_in,
        } => {
            let args: serde_json::Value = match args.as_deref() {
                None => serde_json::json!({}),
                Some(a) => serde_json::from_str(a).map_err(|e| {
                    Error::Usage(format!(
                        "the arguments are not valid JSON ({e}); e.g. '{{\"message\": \"hi\"}}'"
                    ))
                })?,
            };
            if !args.is_object() {
                return Err(Error::Usage(
                    "the arguments must be a JSON object, e.g. '{\"message\": \"hi\"}'".into(),
                ));
            }
            let sup = supervisor(svc, &name, sign_in)?;
            let rt = runtime()?;
            let result = rt.block_on(async {
                let r = sup.call_tool(&name, &tool, args).await;
                sup.shutdown().await;
                r
            });
            let result = result.map_err(crate::service::ServiceError::from)?;
            if json {
                return out_json(&result);
            }
            if result.is_error {
                return Err(Error::Io(format!(
                    "the tool reported an error: {}",
                    result.text
                )));
            }
            out(&result.text)
        }
    }
}

/// One server, signing in when the server asks and a browser may open: when asked for
/// (`--sign-in`), or when someone is at the terminal to use it.
fn supervisor(svc: &Service, name: &str, sign_in: bool) -> Result<crate::mcp::McpSupervisor> {
    let interactive = sign_in || std::io::stdin().is_terminal();
    Ok(svc.mcp_supervisor(Some(name), interactive, Some(print_sign_in_url()))?)
}

/// The sign-in page's address on stderr, for when no browser opens on this machine. It holds
/// no secret (PKCE sends only the challenge), so it prints as is.
fn print_sign_in_url() -> OnSignInUrl {
    Arc::new(|server: &str, url: &str| {
        eprintln!(
            "Opening your browser to sign in to {server}. If it does not open, go to:\n  {}",
            crate::sanitize::terminal_safe(url)
        );
    })
}

/// `signed in, expires 14:05` and the like; None for servers without sign-in.
fn auth_label(state: &AuthState, now: i64) -> Option<String> {
    match state {
        AuthState::None => None,
        AuthState::SignInNeeded => Some("sign in needed: utter mcp login".into()),
        AuthState::SignedIn {
            expires_at,
            refreshable,
            ..
        } => Some(match (expires_at, refreshable) {
            (Some(at), true) => format!(
                "signed in; the token renews itself (next at {})",
                local_time(*at)
            ),
            (Some(at), false) if *at <= now => "sign-in expired: utter mcp login".to_string(),
            (Some(at), false) => format!("signed in until {}", local_time(*at)),
            (None, _) => "signed in".to_string(),
        }),
    }
}

fn local_time(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

fn list_entry(s: &McpServerSpec, auth: &AuthState) -> serde_json::Value {
    let (transport, mut secret_names): (&str, Vec<String>) = match &s.transport {
        McpTransport::Stdio { env, .. } => ("stdio", env.keys().cloned().collect()),
        McpTransport::Http { headers, .. } => ("http", headers.keys().cloned().collect()),
    };
    secret_names.extend(crate::mcp::inline_secrets::slots(&s.transport));
    serde_json::json!({
        "name": s.name,
        "transport": transport,
        // The same redacted form as the plain list: credentials never print.
        "target": s.transport.describe(),
        "secrets_in_keychain": secret_names,
        "enabled": s.enabled,
        "trusted": s.trusted,
        "auth": auth,
        "client_id": s.oauth.client_id,
    })
}

fn spec_from_args(
    name: String,
    url: Option<String>,
    env: &[String],
    header: &[String],
    command: Vec<String>,
) -> Result<McpServerSpec> {
    let mut spec = match (url, command.split_first()) {
        (Some(url), _) => {
            if !env.is_empty() {
                return Err(Error::Usage(
                    "--env is for stdio servers; an HTTP server takes --header".into(),
                ));
            }
            McpServerSpec::http(name, url)
        }
        (None, Some((cmd, args))) => {
            if !header.is_empty() {
                return Err(Error::Usage("--header is for HTTP servers (--url)".into()));
            }
            McpServerSpec::stdio(name, cmd.clone(), args.to_vec())
        }
        (None, None) => {
            return Err(Error::Usage(
                "give a command after `--` (utter mcp add NAME -- npx -y SERVER) or --url URL"
                    .into(),
            ));
        }
    };
    for kv in env {
        let (k, v) = kv.split_once('=').ok_or_else(|| {
            Error::Usage(format!(
                "--env takes KEY=VALUE, got {:?}",
                kv.split('=').next().unwrap_or("")
            ))
        })?;
        spec = spec.with_env(k.trim(), v);
    }
    for h in header {
        let (k, v) = h
            .split_once(':')
            .ok_or_else(|| Error::Usage("--header takes \"Name: value\"".into()))?;
        spec = spec.with_header(k.trim(), v.trim());
    }
    Ok(spec)
}
