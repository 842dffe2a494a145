use rusqlite::{OptionalExtension, Row, params};

use super::{Store, StoreResult, now_rfc3339};
use crate::model::VocabularyEntry;

fn entry_from_row(r: &Row<'_>) -> rusqlite::Result<VocabularyEntry> {
    Ok(VocabularyEntry {
        id: r.get(0)?,
        word: r.get(1)?,
        replace_from: r.get(2)?,
        created_at: r.get(3)?,
    })
}

impl Store {
    /// Oldest first: the order the user added them in.
    pub fn list_vocabulary(&self) -> StoreResult<Vec<VocabularyEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, word, replace_from, created_at FROM vocabulary ORDER BY id",
        )?;
        let rows = stmt.query_map([], entry_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds an entry; adding one that exists (case-insensitively) returns the stored one
    /// with the new spelling of `word`, so "jira" then "Jira" leaves one entry, "Jira".
    pub fn add_vocabulary(
        &mut self,
        word: &str,
        replace_from: Option<&str>,
    ) -> StoreResult<VocabularyEntry> {
        self.write(|tx| {
            let existing: Option<i64> = tx
                .query_row(
                    "SELECT id FROM vocabulary
                     WHERE lower(word) = lower(?1) AND lower(ifnull(replace_from, '')) = lower(ifnull(?2, ''))",
                    params![word, replace_from],
                    |r| r.get(0),
                )
                .optional()?;
            let id = match existing {
                Some(id) => {
                    tx.execute(
                        "UPDATE vocabulary SET word = ?2, replace_from = ?3 WHERE id = ?1",
                        params![id, word, replace_from],
                    )?;
                    id
                }
                None => {
                    tx.execute(
                        "INSERT INTO vocabulary (word, replace_from, created_at) VALUES (?1, ?2, ?3)",
                        params![word, replace_from, now_rfc3339()],
                    )?;
                    tx.last_insert_rowid()
                }
            };
            Ok(tx.query_row(
                "SELECT id, word, replace_from, created_at FROM vocabulary WHERE id = ?1",
                [id],
                entry_from_row,
            )?)
        })
    }

    /// Removes every entry whose word or heard form is `text` (case-insensitive); returns
    /// what was removed.
    pub fn remove_vocabulary(&mut self, text: &str) -> StoreResult<Vec<VocabularyEntry>> {
        self.write(|tx| {
            let removed = {
                let mut stmt = tx.prepare(
                    "SELECT id, word, replace_from, created_at FROM vocabulary
                     WHERE lower(word) = lower(?1) OR lower(ifnull(replace_from, '')) = lower(?1)
                     ORDER BY id",
                )?;
                let rows = stmt.query_map([text], entry_from_row)?;
                rows.collect::<Result<Vec<_>, _>>()?
            };
            for e in &removed {
                tx.execute("DELETE FROM vocabulary WHERE id = ?1", [e.id])?;
            }
            Ok(removed)
        })
    }

    /// Task titles, most recently changed first: where the names the user talks about are
    /// (the prompt builder ranks them). Done tasks count too: people come back.
    pub fn recent_task_titles(&self, limit: usize) -> StoreResult<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT title FROM tasks ORDER BY updated_at DESC, id DESC LIMIT ?1")?;
        let rows = stmt.query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
