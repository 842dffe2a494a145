//! `utter mcp import|add|list|rm|tools|call`.

use super::args::McpCmd;
use super::{out, out_json, runtime};
use crate::error::{Error, Result};
use crate::mcp::{McpServerSpec, McpTransport, claude_desktop_config_path};
use crate::secrets::KeyringStore;
use crate::service::Service;

pub fn run(svc: &Service, cmd: McpCmd) -> Result<()> {
    let secrets = KeyringStore::new();
    match cmd {
        McpCmd::Import { file } => {
            let path = file.or_else(claude_desktop_config_path).ok_or_else(|| {
                Error::Usage(
                    "no Claude Desktop config found; give the file: utter mcp import FILE".into(),
                )
            })?;
            let report = svc.mcp_import(&path, &secrets)?;
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
            command,
        } => {
            let mut spec = spec_from_args(name, url, &env, &header, command)?;
            spec.trusted = trusted;
            let replaced = svc.mcp_add(spec.clone(), &secrets)?;
            out(&format!(
                "{} MCP server {} ({})",
                if replaced { "Replaced" } else { "Added" },
                spec.name,
                spec.transport.describe()
            ))
        }
        McpCmd::List { json } => {
            let list = svc.mcp_list()?;
            if json {
                return out_json(&list.iter().map(list_entry).collect::<Vec<_>>());
            }
            if list.is_empty() {
                return out("No MCP servers. Add one with `utter mcp add` or `utter mcp import`.");
            }
            out(&list
                .iter()
                .map(|s| {
                    format!(
                        "{:<20} {}{}",
                        s.name,
                        s.transport.describe(),
                        if s.enabled { "" } else { " (disabled)" }
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
            if !svc.mcp_remove(&name, &secrets)? {
                return Err(Error::Usage(format!(
                    "no MCP server named {name}; see `utter mcp list`"
                )));
            }
            out(&format!("Removed MCP server {name}"))
        }
        McpCmd::Tools { name, json } => {
            let sup = svc.mcp_supervisor(&secrets, Some(&name))?;
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
            let sup = svc.mcp_supervisor(&secrets, Some(&name))?;
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

fn list_entry(s: &McpServerSpec) -> serde_json::Value {
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
