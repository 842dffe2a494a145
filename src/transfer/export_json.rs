//! Utter's own export: every row of the board's tables, lossless, with the versions needed
//! to read it back. Never a secret: API keys and MCP env/header values live in the keychain
//! and are not read here, MCP servers are named without their URL or command line, and
//! credentials inside a URL setting are cut out.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::store::snapshot::Row;

/// The `format` field of an Utter export; the importer recognises the file by it.
pub const EXPORT_FORMAT: &str = "utter-export";
/// Bumped when the shape of this document (not the database schema) changes.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UtterExport {
    pub format: String,
    pub format_version: u32,
    /// The database schema the rows come from (`PRAGMA user_version`).
    pub schema_version: i64,
    pub app_version: String,
    pub exported_at: String,
    /// Which servers the agents used, so the user can add them again; no targets, no secrets.
    #[serde(default)]
    pub mcp_servers: Vec<McpServerNote>,
    /// Table name → rows (column → value), parents before children.
    pub tables: BTreeMap<String, Vec<Row>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct McpServerNote {
    pub name: String,
    /// `stdio` or `http`.
    pub transport: String,
    pub enabled: bool,
}

impl UtterExport {
    pub fn rows(&self, table: &str) -> &[Row] {
        self.tables.get(table).map_or(&[], Vec::as_slice)
    }

    pub fn to_json(&self) -> Result<String, super::TransferError> {
        serde_json::to_string_pretty(self).map_err(|e| super::TransferError::Render {
            format: "json",
            reason: e.to_string(),
        })
    }
}

/// Setting keys that name a credential are dropped whole, and URLs in the rest lose their
/// user, password and query (where `?api_key=` lives), so that a key pasted into a base URL
/// does not leave with the export.
pub fn scrub_settings(rows: &mut Vec<Row>) {
    const SECRET_WORDS: &[&str] = &["secret", "token", "password", "api_key", "apikey"];
    rows.retain(|row| {
        let key = row
            .get("key")
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_ascii_lowercase();
        !SECRET_WORDS.iter().any(|w| key.contains(w))
    });
    for row in rows {
        if let Some(serde_json::Value::String(value)) = row.get_mut("value") {
            *value = scrub_urls(value);
        }
    }
}

/// Every `scheme://…` run in `text` with credentials removed; other text as it was.
fn scrub_urls(text: &str) -> String {
    // A JSON setting holds its URLs as string values; rewrite those and keep the layout.
    if let Ok(mut json) = serde_json::from_str::<serde_json::Value>(text)
        && json.is_object()
    {
        scrub_json(&mut json);
        return json.to_string();
    }
    scrub_url(text)
}

fn scrub_json(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::String(s) => *s = scrub_url(s),
        serde_json::Value::Array(a) => a.iter_mut().for_each(scrub_json),
        serde_json::Value::Object(m) => m.values_mut().for_each(scrub_json),
        _ => {}
    }
}

fn scrub_url(s: &str) -> String {
    if !s.contains("://") {
        return s.to_string();
    }
    match reqwest::Url::parse(s) {
        Ok(mut url) => {
            if url.query().is_none() && url.username().is_empty() && url.password().is_none() {
                return s.to_string();
            }
            url.set_query(None);
            let _ = url.set_username("");
            let _ = url.set_password(None);
            url.to_string()
        }
        // Not a URL after all; it may still carry one, so keep nothing after a '?'.
        Err(_) => s.split('?').next().unwrap_or_default().to_string(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    fn row(key: &str, value: &str) -> Row {
        let mut r = Row::new();
        r.insert("key".into(), json!(key));
        r.insert("value".into(), json!(value));
        r
    }

    #[test]
    fn credentials_in_settings_are_cut_out() {
        let mut rows = vec![
            row(
                "llm.provider",
                r#"{"base_url":"https://u:p@host/v1?api_key=SEKRIT","model":"m"}"#,
            ),
            row("sync.token", "SEKRIT"),
            row("voice.model", "base.en"),
        ];
        scrub_settings(&mut rows);
        let text = serde_json::to_string(&rows).unwrap();
        assert!(!text.contains("SEKRIT"), "{text}");
        assert!(!text.contains("u:p@"), "{text}");
        assert!(text.contains("https://host/v1"), "{text}");
        assert!(text.contains("base.en"));
        assert_eq!(rows.len(), 2);
    }
}
