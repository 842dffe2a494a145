//! The user's MCP servers: stored in SQLite without their secrets (env and header values go
//! to the OS keychain), listed, imported from Claude Desktop's config, and turned into a
//! supervisor whose clients have the secrets filled back in.

use std::path::Path;

use super::{ChangeEvent, Service, ServiceError, ServiceResult};
use crate::mcp::inline_secrets;
use crate::mcp::{
    McpError, McpOptions, McpServerSpec, McpSupervisor, McpTransport, SecretValue,
    import_claude_desktop,
};
use crate::secrets::Secret;

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, specta::Type)]
pub struct McpImport {
    pub imported: Vec<String>,
    /// `(name, why)`: a server of that name already exists, or its entry is invalid.
    pub skipped: Vec<(String, String)>,
}

fn secret_key(server: &str, kind: &str, var: &str) -> String {
    format!("mcp:{server}:{kind}:{var}")
}

fn inline_key(server: &str, slot: &str) -> String {
    format!("mcp:{server}:{slot}")
}

/// The env / header map of a transport, with the keychain kind it is filed under.
fn secret_map(
    t: &mut McpTransport,
) -> (
    &'static str,
    &mut std::collections::BTreeMap<String, SecretValue>,
) {
    match t {
        McpTransport::Stdio { env, .. } => ("env", env),
        McpTransport::Http { headers, .. } => ("header", headers),
    }
}

impl Service {
    /// Adds (or replaces) a server. Its env/header values are written to the keychain first;
    /// SQLite only ever sees their names.
    pub fn mcp_add(&self, mut spec: McpServerSpec) -> ServiceResult<bool> {
        spec.validate()?;
        let old = self.mcp_stored(&spec.name)?;
        if let Some(old) = &old {
            self.mcp_forget_secrets(old)?;
        }
        let name = spec.name.clone();
        // A sign-in belongs to one server URL; a new server of an old name starts signed out.
        let same_url = matches!(
            (old.as_ref().map(|o| &o.transport), &spec.transport),
            (Some(McpTransport::Http { url: a, .. }), McpTransport::Http { url: b, .. }) if a == b
        );
        let was_http = matches!(
            old.as_ref().map(|o| &o.transport),
            Some(McpTransport::Http { .. })
        );
        let is_http = matches!(spec.transport, McpTransport::Http { .. });
        // Stdio servers never sign in: no keychain call for them (it may not even exist).
        if !same_url && was_http {
            crate::mcp::oauth::sign_out(self.secrets(), &name)?;
        } else if !same_url && is_http {
            // A new server may find entries of an old one of the same name (another data
            // dir); without a keychain there are none to find.
            if let Err(e) = crate::mcp::oauth::sign_out(self.secrets(), &name) {
                tracing::debug!(server = %name, "no old sign-in to clear: {e}");
            }
        }
        let (kind, map) = secret_map(&mut spec.transport);
        for (var, value) in map.iter_mut() {
            self.secrets()
                .set(&secret_key(&name, kind, var), &Secret::new(value.expose()))?;
            *value = SecretValue::new("");
        }
        // Tokens written into the URL or the command line go the same way.
        for inline in inline_secrets::take(&mut spec.transport) {
            self.secrets()
                .set(&inline_key(&name, &inline.slot), &Secret::new(inline.value))?;
        }
        let json = serde_json::to_string(&spec).map_err(|e| McpError::Config(e.to_string()))?;
        let existed = self.store().put_mcp_server(&name, &json, spec.enabled)?;
        self.feed.emit(ChangeEvent::SettingChanged {
            key: format!("mcp.{name}"),
        });
        Ok(existed)
    }

    /// Reads a Claude Desktop `claude_desktop_config.json`; servers whose name is taken are
    /// skipped rather than overwritten.
    pub fn mcp_import(&self, path: &Path) -> ServiceResult<McpImport> {
        let specs = import_claude_desktop(path)?;
        let mut out = McpImport::default();
        for spec in specs {
            let name = spec.name.clone();
            if self.mcp_stored(&name)?.is_some() {
                out.skipped
                    .push((name, "a server with this name already exists".into()));
                continue;
            }
            match self.mcp_add(spec) {
                Ok(_) => out.imported.push(name),
                Err(ServiceError::Mcp(e)) => out.skipped.push((name, e.to_string())),
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }

    /// Every server as stored: env/header names without their values.
    pub fn mcp_list(&self) -> ServiceResult<Vec<McpServerSpec>> {
        let rows = self.store().list_mcp_servers()?;
        rows.into_iter()
            .map(|(_, json)| parse_stored(&json))
            .collect()
    }

    /// A server with its secrets read back from the keychain, ready to start.
    pub fn mcp_spec(&self, name: &str) -> ServiceResult<McpServerSpec> {
        let mut spec = self
            .mcp_stored(name)?
            .ok_or_else(|| McpError::UnknownServer(name.to_owned()))?;
        let (kind, map) = secret_map(&mut spec.transport);
        for (var, value) in map.iter_mut() {
            let key = secret_key(name, kind, var);
            let secret = self.secrets().get(&key)?.ok_or_else(|| {
                McpError::Config(format!(
                    "the value of {var} for MCP server {name} is missing from the OS keychain; \
                     add the server again"
                ))
            })?;
            *value = SecretValue::new(secret.expose());
        }
        inline_secrets::fill(&mut spec.transport, |slot| {
            let secret = self
                .secrets()
                .get(&inline_key(name, slot))?
                .ok_or_else(|| {
                    McpError::Config(format!(
                        "a credential in the URL or arguments of MCP server {name} is missing from \
                     the OS keychain; add the server again"
                    ))
                })?;
            Ok::<_, ServiceError>(secret.expose().to_string())
        })?;
        Ok(spec)
    }

    /// Servers stored before credentials in URLs and arguments went to the keychain are moved
    /// over the first time they are used.
    fn mcp_secure_stored(&self) -> ServiceResult<()> {
        for mut spec in self.mcp_list()? {
            let taken = inline_secrets::take(&mut spec.transport);
            if taken.is_empty() {
                continue;
            }
            for inline in taken {
                self.secrets().set(
                    &inline_key(&spec.name, &inline.slot),
                    &Secret::new(inline.value),
                )?;
            }
            let json = serde_json::to_string(&spec).map_err(|e| McpError::Config(e.to_string()))?;
            self.store()
                .put_mcp_server(&spec.name, &json, spec.enabled)?;
            tracing::info!(server = %spec.name, "moved a credential from the server's settings to the OS keychain");
        }
        Ok(())
    }

    /// Whether the server's `readOnlyHint`s let its tools run without asking.
    pub fn mcp_set_trusted(&self, name: &str, trusted: bool) -> ServiceResult<()> {
        let mut spec = self
            .mcp_stored(name)?
            .ok_or_else(|| McpError::UnknownServer(name.to_owned()))?;
        spec.trusted = trusted;
        let json = serde_json::to_string(&spec).map_err(|e| McpError::Config(e.to_string()))?;
        self.store().put_mcp_server(name, &json, spec.enabled)?;
        self.feed.emit(ChangeEvent::SettingChanged {
            key: format!("mcp.{name}"),
        });
        Ok(())
    }

    /// Removes a server and its keychain entries. Returns whether it existed.
    pub fn mcp_remove(&self, name: &str) -> ServiceResult<bool> {
        let Some(spec) = self.mcp_stored(name)? else {
            return Ok(false);
        };
        self.mcp_forget_secrets(&spec)?;
        if matches!(spec.transport, McpTransport::Http { .. })
            && let Err(e) = crate::mcp::oauth::forget(self.secrets(), name)
        {
            // Without a keychain nothing was signed in; with one, say what is left behind.
            tracing::warn!(server = %name, "could not remove its sign-in from the keychain: {e}");
        }
        let removed = self.store().delete_mcp_server(name)?;
        self.feed.emit(ChangeEvent::SettingChanged {
            key: format!("mcp.{name}"),
        });
        Ok(removed)
    }

    /// A supervisor over the enabled servers (or only `only`), secrets filled in. With
    /// `interactive`, a server that wants a sign-in (or more permissions) opens the browser.
    pub fn mcp_supervisor(
        &self,
        only: Option<&str>,
        interactive: bool,
        on_url: Option<super::mcp_sign_in::OnSignInUrl>,
    ) -> ServiceResult<McpSupervisor> {
        self.mcp_secure_stored()?;
        let mut specs = Vec::new();
        for stored in self.mcp_list()? {
            if only.is_some_and(|n| n != stored.name) || (only.is_none() && !stored.enabled) {
                continue;
            }
            specs.push(self.mcp_spec(&stored.name)?);
        }
        if let Some(n) = only
            && specs.is_empty()
        {
            return Err(McpError::UnknownServer(n.to_owned()).into());
        }
        let sup = McpSupervisor::with_servers(specs, McpOptions::default())?;
        Ok(sup.with_auth(self.mcp_auth(interactive, on_url)?))
    }

    fn mcp_stored(&self, name: &str) -> ServiceResult<Option<McpServerSpec>> {
        let json = self.store().get_mcp_server(name)?;
        json.map(|j| parse_stored(&j)).transpose()
    }

    fn mcp_forget_secrets(&self, spec: &McpServerSpec) -> ServiceResult<()> {
        let mut spec = spec.clone();
        let (kind, map) = secret_map(&mut spec.transport);
        for var in map.keys() {
            self.secrets().delete(&secret_key(&spec.name, kind, var))?;
        }
        for slot in inline_secrets::slots(&spec.transport) {
            self.secrets().delete(&inline_key(&spec.name, &slot))?;
        }
        Ok(())
    }
}

fn parse_stored(json: &str) -> ServiceResult<McpServerSpec> {
    serde_json::from_str(json).map_err(|e| {
        McpError::Config(format!(
            "a stored MCP server is unreadable ({e}); remove and add it again"
        ))
        .into()
    })
}
