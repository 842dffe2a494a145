use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::{Store, StoreError, StoreResult, now_rfc3339};
use crate::model::{NewTask, NewTranscript, Task, Transcript};

fn transcript_from_row(row: &Row<'_>) -> rusqlite::Result<Transcript> {
    let ids: String = row.get(7)?;
    Ok(Transcript {
        id: row.get(0)?,
        text: row.get(1)?,
        audio_path: row.get(2)?,
        duration_ms: row.get(3)?,
        model: row.get(4)?,
        language: row.get(5)?,
        created_at: row.get(6)?,
        extracted_task_ids: serde_json::from_str(&ids).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(7, rusqlite::types::Type::Text, Box::new(e))
        })?,
    })
}

const TRANSCRIPT_COLUMNS: &str =
    "id, text, audio_path, duration_ms, model, language, created_at, extracted_task_ids";

fn get_in(conn: &rusqlite::Connection, id: i64) -> StoreResult<Transcript> {
    conn.query_row(
        &format!("SELECT {TRANSCRIPT_COLUMNS} FROM transcripts WHERE id = ?1"),
        [id],
        transcript_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound {
        what: "transcript",
        id,
    })
}

fn insert_in(tx: &Transaction<'_>, t: &NewTranscript) -> StoreResult<i64> {
    tx.execute(
        "INSERT INTO transcripts (text, audio_path, duration_ms, model, language, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            t.text,
            t.audio_path,
            t.duration_ms,
            t.model,
            t.language,
            now_rfc3339()
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

impl Store {
    pub fn insert_transcript(&mut self, t: &NewTranscript) -> StoreResult<Transcript> {
        self.write(|tx| {
            let id = insert_in(tx, t)?;
            get_in(tx, id)
        })
    }

    /// Saves a transcript and the tasks taken from it in one transaction, so a dump is
    /// either on the board whole or not at all.
    pub fn insert_dump(
        &mut self,
        t: &NewTranscript,
        tasks: &[NewTask],
    ) -> StoreResult<(Transcript, Vec<Task>)> {
        self.write(|tx| insert_dump_in(tx, t, tasks))
    }

    /// The cards a transcript made, after its dump was refined.
    /// Replaces a transcript's text (transcribed again) and its timed segments.
    pub fn set_transcript_text(
        &mut self,
        id: i64,
        text: &str,
        segments: &[crate::stt::Segment],
    ) -> StoreResult<()> {
        let n = self.write(|tx| {
            Ok(tx.execute(
                "UPDATE transcripts SET text = ?2 WHERE id = ?1",
                params![id, text],
            )?)
        })?;
        if n == 0 {
            return Err(StoreError::NotFound {
                what: "transcript",
                id,
            });
        }
        self.set_transcript_segments(id, segments)
    }

    pub fn set_transcript_tasks(&mut self, id: i64, task_ids: &[i64]) -> StoreResult<()> {
        let ids_json =
            serde_json::to_string(task_ids).map_err(|e| StoreError::Malformed(e.to_string()))?;
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE transcripts SET extracted_task_ids = ?2 WHERE id = ?1",
                params![id, ids_json],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound {
                    what: "transcript",
                    id,
                });
            }
            Ok(())
        })
    }

    pub fn get_transcript(&self, id: i64) -> StoreResult<Transcript> {
        get_in(&self.conn, id)
    }

    pub fn list_transcripts(&self, limit: usize) -> StoreResult<Vec<Transcript>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {TRANSCRIPT_COLUMNS} FROM transcripts ORDER BY id DESC LIMIT ?1"
        ))?;
        let rows = stmt.query_map([limit as i64], transcript_from_row)?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}

/// A transcript and the cards taken from it, linked both ways, inside a caller's transaction.
pub(crate) fn insert_dump_in(
    tx: &Transaction<'_>,
    t: &NewTranscript,
    tasks: &[NewTask],
) -> StoreResult<(Transcript, Vec<Task>)> {
    let id = insert_in(tx, t)?;
    let mut saved = Vec::with_capacity(tasks.len());
    for task in tasks {
        let mut task = task.clone();
        task.source_transcript_id = Some(id);
        saved.push(super::tasks::insert_in(tx, &task)?);
    }
    let ids: Vec<i64> = saved.iter().map(|t| t.id).collect();
    let ids_json = serde_json::to_string(&ids).map_err(|e| StoreError::Malformed(e.to_string()))?;
    tx.execute(
        "UPDATE transcripts SET extracted_task_ids = ?2 WHERE id = ?1",
        params![id, ids_json],
    )?;
    Ok((get_in(tx, id)?, saved))
}
