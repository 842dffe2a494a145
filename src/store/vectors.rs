//! Card vectors for search by meaning (migration v10).

use rusqlite::params;

use super::{Store, StoreResult};

/// The text a card's vector is made from: its title, then its description.
const SOURCE: &str = "t.title || ifnull(char(10) || t.description, '')";

impl Store {
    /// Up to `limit` cards whose vector from `model` is missing or was made from other text.
    pub fn stale_vectors(&self, model: &str, limit: usize) -> StoreResult<Vec<(i64, String)>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT t.id, {SOURCE} FROM tasks t LEFT JOIN task_vectors v ON v.task_id = t.id
             WHERE v.task_id IS NULL OR v.model != ?1 OR v.source != {SOURCE}
             ORDER BY t.id LIMIT ?2"
        ))?;
        Ok(stmt
            .query_map(params![model, limit as i64], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?)
    }

    /// How many cards have no current vector from `model`.
    pub fn count_stale_vectors(&self, model: &str) -> StoreResult<usize> {
        let n: i64 = self.conn.query_row(
            &format!(
                "SELECT COUNT(*) FROM tasks t LEFT JOIN task_vectors v ON v.task_id = t.id
                 WHERE v.task_id IS NULL OR v.model != ?1 OR v.source != {SOURCE}"
            ),
            [model],
            |r| r.get(0),
        )?;
        Ok(n as usize)
    }

    /// Stores vectors, each with the text it was made from.
    pub fn put_vectors(&mut self, model: &str, rows: &[(i64, String, Vec<u8>)]) -> StoreResult<()> {
        self.write(|tx| {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO task_vectors (task_id, model, source, vector) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(task_id) DO UPDATE SET model = ?2, source = ?3, vector = ?4",
            )?;
            for (id, source, vector) in rows {
                // A card deleted since it was read has nothing to hold a vector for.
                match stmt.execute(params![id, model, source, vector]) {
                    Ok(_) => {}
                    Err(rusqlite::Error::SqliteFailure(e, _))
                        if e.code == rusqlite::ErrorCode::ConstraintViolation => {}
                    Err(e) => return Err(e.into()),
                }
            }
            Ok(())
        })
    }

    /// Every vector from `model` of a card that is not cancelled.
    pub fn load_vectors(&self, model: &str) -> StoreResult<Vec<(i64, Vec<u8>)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT v.task_id, v.vector FROM task_vectors v JOIN tasks t ON t.id = v.task_id
             WHERE v.model = ?1 AND t.cancelled_at IS NULL",
        )?;
        Ok(stmt
            .query_map([model], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?)
    }
}
