//! Rows of `mcp_servers`: a name and the server's JSON (secret values already removed by the
//! service; this layer never sees them).

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreResult};

impl Store {
    /// Inserts or replaces a server; returns whether it existed.
    pub fn put_mcp_server(
        &mut self,
        name: &str,
        spec_json: &str,
        enabled: bool,
    ) -> StoreResult<bool> {
        let now = chrono::Utc::now().to_rfc3339();
        self.write(|tx| {
            let existed = tx
                .query_row("SELECT 1 FROM mcp_servers WHERE name = ?1", [name], |_| {
                    Ok(())
                })
                .optional()?
                .is_some();
            tx.execute(
                "INSERT INTO mcp_servers (name, spec, enabled, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?4)
                 ON CONFLICT(name) DO UPDATE SET spec = excluded.spec,
                     enabled = excluded.enabled, updated_at = excluded.updated_at",
                params![name, spec_json, enabled, now],
            )?;
            Ok(existed)
        })
    }

    /// `(name, spec JSON)` for every server, by name.
    pub fn list_mcp_servers(&self) -> StoreResult<Vec<(String, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT name, spec FROM mcp_servers ORDER BY name")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn get_mcp_server(&self, name: &str) -> StoreResult<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT spec FROM mcp_servers WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Returns whether a row was deleted.
    pub fn delete_mcp_server(&mut self, name: &str) -> StoreResult<bool> {
        self.write(|tx| Ok(tx.execute("DELETE FROM mcp_servers WHERE name = ?1", [name])? > 0))
    }
}
