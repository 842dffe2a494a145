//! Rows of `agents`: the user's version of an agent as JSON (a built-in's edit, or their own).

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreResult, now_rfc3339};

impl Store {
    pub fn put_agent(&mut self, name: &str, definition_json: &str) -> StoreResult<()> {
        let now = now_rfc3339();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO agents (name, definition, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(name) DO UPDATE SET definition = excluded.definition,
                     updated_at = excluded.updated_at",
                params![name, definition_json, now],
            )?;
            Ok(())
        })
    }

    /// `(name, definition JSON)` by name.
    pub fn list_agents(&self) -> StoreResult<Vec<(String, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name, definition FROM agents ORDER BY name")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn get_agent(&self, name: &str) -> StoreResult<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT definition FROM agents WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()?)
    }

    pub fn delete_agent(&mut self, name: &str) -> StoreResult<bool> {
        self.write(|tx| Ok(tx.execute("DELETE FROM agents WHERE name = ?1", [name])? > 0))
    }
}
