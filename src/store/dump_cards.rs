//! The voice journal's storage: a dump's timed segments, and per card the audio span it came
//! from and a snapshot of the card as the dump left it.

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreResult};
use crate::model::Task;
use crate::stt::Segment;

/// A card made (or last rewritten) by a dump.
#[derive(Debug, Clone, PartialEq)]
pub struct DumpCard {
    pub task_id: i64,
    pub transcript_id: i64,
    /// Where in the recording it was said (milliseconds), when known.
    pub span: Option<(u64, u64)>,
    /// The card as the dump saved it.
    pub saved: Task,
}

impl Store {
    /// Replaces transcript `id`'s segments.
    pub fn set_transcript_segments(&mut self, id: i64, segments: &[Segment]) -> StoreResult<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM transcript_segments WHERE transcript_id = ?1",
                [id],
            )?;
            let mut stmt = tx.prepare_cached(
                "INSERT INTO transcript_segments (transcript_id, idx, start_ms, end_ms, text)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (i, s) in segments.iter().enumerate() {
                stmt.execute(params![
                    id,
                    i as i64,
                    s.start_ms as i64,
                    s.end_ms as i64,
                    s.text
                ])?;
            }
            Ok(())
        })
    }

    pub fn transcript_segments(&self, id: i64) -> StoreResult<Vec<Segment>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT start_ms, end_ms, text FROM transcript_segments
             WHERE transcript_id = ?1 ORDER BY idx",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(Segment {
                start_ms: r.get::<_, i64>(0)?.max(0) as u64,
                end_ms: r.get::<_, i64>(1)?.max(0) as u64,
                text: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records `cards` as transcript `transcript_id`'s, replacing what was recorded for
    /// that dump before (cards no longer in the list stop being its).
    pub fn set_dump_cards(
        &mut self,
        transcript_id: i64,
        cards: &[(Task, Option<(u64, u64)>)],
    ) -> StoreResult<()> {
        let rows = cards
            .iter()
            .map(|(t, span)| Ok((t.id, *span, serde_json::to_string(t)?)))
            .collect::<Result<Vec<_>, serde_json::Error>>()
            .map_err(|e| super::StoreError::Malformed(format!("card snapshot: {e}")))?;
        self.write(|tx| {
            tx.execute(
                "DELETE FROM dump_cards WHERE transcript_id = ?1",
                [transcript_id],
            )?;
            let mut stmt = tx.prepare_cached(
                "INSERT OR REPLACE INTO dump_cards (task_id, transcript_id, start_ms, end_ms, saved)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (task_id, span, saved) in &rows {
                stmt.execute(params![
                    task_id,
                    transcript_id,
                    span.map(|s| s.0 as i64),
                    span.map(|s| s.1 as i64),
                    saved
                ])?;
            }
            Ok(())
        })
    }

    pub fn dump_cards(&self, transcript_id: i64) -> StoreResult<Vec<DumpCard>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT task_id, transcript_id, start_ms, end_ms, saved FROM dump_cards
             WHERE transcript_id = ?1 ORDER BY task_id",
        )?;
        let rows = stmt.query_map([transcript_id], card_from_row)?;
        rows.collect::<Result<Vec<_>, _>>()?.into_iter().collect()
    }

    /// The dump card of task `task_id`, if a dump made it.
    pub fn dump_card(&self, task_id: i64) -> StoreResult<Option<DumpCard>> {
        self.conn
            .query_row(
                "SELECT task_id, transcript_id, start_ms, end_ms, saved FROM dump_cards
                 WHERE task_id = ?1",
                [task_id],
                card_from_row,
            )
            .optional()?
            .transpose()
    }
}

type RawCard = StoreResult<DumpCard>;

fn card_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawCard> {
    let start: Option<i64> = r.get(2)?;
    let end: Option<i64> = r.get(3)?;
    let saved: String = r.get(4)?;
    let task_id: i64 = r.get(0)?;
    let transcript_id: i64 = r.get(1)?;
    Ok(serde_json::from_str::<Task>(&saved)
        .map(|saved| DumpCard {
            task_id,
            transcript_id,
            span: start
                .zip(end)
                .map(|(s, e)| (s.max(0) as u64, e.max(0) as u64)),
            saved,
        })
        .map_err(|e| super::StoreError::Malformed(format!("card snapshot of task {task_id}: {e}"))))
}
