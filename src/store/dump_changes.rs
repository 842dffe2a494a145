//! What each dump did to the board (migration v9): a row per item — the card it made or
//! touched, how (new, same, update, unsure), the card as it was before — so the dump's
//! result can be shown again and undone in one step.

use rusqlite::{Transaction, params};

use super::tasks::{get_in, move_in, update_in};
use super::{Store, StoreError, StoreResult, now_rfc3339};
use crate::model::{NewTask, NewTranscript, Status, Task, TaskPatch, Transcript};
use crate::reconcile::Outcome;

/// An edit a dump makes to a card that is already on the board.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CardEdit {
    pub patch: TaskPatch,
    pub status: Option<Status>,
    pub cancel: bool,
}

/// Which card a recorded item is about.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemCard {
    /// The n-th of the dump's new cards.
    Made(usize),
    /// A card already on the board, with what the dump does to it.
    Edited(i64, CardEdit),
}

/// One item of a dump, to be saved with it.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemRecord {
    pub outcome: Outcome,
    pub said: String,
    pub card: ItemCard,
    /// Human-readable: "due 2026-12-11", "completed".
    pub changes: Vec<String>,
    pub possible: Option<i64>,
}

/// A recorded item, read back.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemRow {
    pub outcome: Outcome,
    pub said: String,
    pub task: Task,
    pub changes: Vec<String>,
    pub possible: Option<i64>,
    pub undone: bool,
}

/// What undoing a dump did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Undone {
    pub removed: Vec<i64>,
    pub restored: Vec<i64>,
}

impl Store {
    /// Saves a transcript, its new cards and its edits to existing cards, and records every
    /// item — all in one transaction.
    pub fn insert_reconciled_dump(
        &mut self,
        t: &NewTranscript,
        new_cards: &[NewTask],
        items: &[ItemRecord],
    ) -> StoreResult<(Transcript, Vec<Task>)> {
        self.write(|tx| {
            let (transcript, made) = super::transcripts::insert_dump_in(tx, t, new_cards)?;
            for item in items {
                let (task_id, before) = match &item.card {
                    ItemCard::Made(i) => {
                        let id = made.get(*i).map(|t| t.id).ok_or_else(|| {
                            StoreError::Malformed("dump item without its card".into())
                        })?;
                        (id, None)
                    }
                    ItemCard::Edited(id, edit) => {
                        let before = get_in(tx, *id)?;
                        apply_edit(tx, *id, edit)?;
                        (*id, Some(before))
                    }
                };
                let row = Row {
                    transcript_id: transcript.id,
                    task_id,
                    outcome: item.outcome,
                    said: &item.said,
                    changes: &item.changes,
                    possible: item.possible,
                };
                record_in(tx, &row, before.as_ref())?;
            }
            Ok((transcript, made))
        })
    }

    /// Records a card added to dump `transcript_id` after it was saved (the language
    /// model's second reading), so the dump's undo covers it.
    pub fn record_new_item(
        &mut self,
        transcript_id: i64,
        task_id: i64,
        said: &str,
    ) -> StoreResult<()> {
        self.write(|tx| {
            let row = Row {
                transcript_id,
                task_id,
                outcome: Outcome::New,
                said,
                changes: &[],
                possible: None,
            };
            record_in(tx, &row, None)
        })
    }

    /// The items of dump `transcript_id`, in the order they were said.
    pub fn dump_items(&self, transcript_id: i64) -> StoreResult<Vec<ItemRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT task_id, outcome, said, changes, possible_id, undone
             FROM dump_changes WHERE transcript_id = ?1 ORDER BY id",
        )?;
        let rows: Vec<(i64, String, String, String, Option<i64>, bool)> = stmt
            .query_map([transcript_id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        let mut out = Vec::with_capacity(rows.len());
        for (task_id, outcome, said, changes, possible, undone) in rows {
            out.push(ItemRow {
                outcome: outcome
                    .parse()
                    .map_err(|_| StoreError::Malformed(format!("dump outcome '{outcome}'")))?,
                said,
                task: get_in(&self.conn, task_id)?,
                changes: serde_json::from_str(&changes).unwrap_or_default(),
                possible,
                undone,
            });
        }
        Ok(out)
    }

    /// Takes back everything dump `transcript_id` did: its new cards go, the cards it changed
    /// get their earlier fields back. Doing it twice does nothing more.
    pub fn undo_dump_items(&mut self, transcript_id: i64) -> StoreResult<Undone> {
        self.write(|tx| {
            let rows: Vec<(i64, i64, Option<String>)> = {
                let mut stmt = tx.prepare_cached(
                    "SELECT id, task_id, before FROM dump_changes
                     WHERE transcript_id = ?1 AND undone = 0 ORDER BY id DESC",
                )?;
                stmt.query_map([transcript_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect::<Result<_, _>>()?
            };
            let mut done = Undone::default();
            for (row, task_id, before) in rows {
                tx.execute("UPDATE dump_changes SET undone = 1 WHERE id = ?1", [row])?;
                match before {
                    Some(json) => {
                        let before: Task = serde_json::from_str(&json)
                            .map_err(|e| StoreError::Malformed(e.to_string()))?;
                        put_back_in(tx, &before)?;
                        done.restored.push(task_id);
                    }
                    None => {
                        if tx.execute("DELETE FROM tasks WHERE id = ?1", [task_id])? > 0 {
                            done.removed.push(task_id);
                        }
                    }
                }
            }
            Ok(done)
        })
    }

    /// Cards saved as "possibly the same as" another, still open and not yet settled:
    /// (card, the card it may repeat).
    pub fn open_possible_duplicates(&self) -> StoreResult<Vec<(i64, i64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.task_id, d.possible_id FROM dump_changes d
             JOIN tasks a ON a.id = d.task_id AND a.cancelled_at IS NULL
             JOIN tasks b ON b.id = d.possible_id AND b.cancelled_at IS NULL
             WHERE d.outcome = 'unsure' AND d.resolved = 0 AND d.undone = 0
             ORDER BY d.id",
        )?;
        Ok(stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?)
    }

    /// Marks a card's "possibly the same" flag as settled (merged, or kept apart).
    pub fn settle_possible_duplicate(&mut self, task_id: i64) -> StoreResult<()> {
        self.write(|tx| settle_in(tx, task_id))
    }

    /// Merges two cards in one transaction: each gets its edit (the kept one its missing
    /// details, the other its note and cancellation) and both lose their flags.
    pub fn merge_cards(
        &mut self,
        keep: (i64, &CardEdit),
        other: (i64, &CardEdit),
    ) -> StoreResult<(Task, Task)> {
        self.write(|tx| {
            for (id, edit) in [keep, other] {
                apply_edit(tx, id, edit)?;
                settle_in(tx, id)?;
            }
            Ok((get_in(tx, keep.0)?, get_in(tx, other.0)?))
        })
    }

    /// Puts cards' fields back as they were in the given snapshots (undo of a merge).
    pub fn put_back(&mut self, before: &[Task]) -> StoreResult<()> {
        self.write(|tx| before.iter().try_for_each(|t| put_back_in(tx, t)))
    }

    /// Cancelled cards, newest first.
    pub fn cancelled_tasks(&self) -> StoreResult<Vec<Task>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {} FROM tasks WHERE cancelled_at IS NOT NULL ORDER BY cancelled_at DESC, id DESC",
            super::tasks::TASK_COLUMNS
        ))?;
        Ok(stmt
            .query_map([], super::tasks::task_from_row)?
            .collect::<Result<_, _>>()?)
    }
}

fn settle_in(tx: &Transaction<'_>, task_id: i64) -> StoreResult<()> {
    tx.execute(
        "UPDATE dump_changes SET resolved = 1 WHERE outcome = 'unsure' AND (task_id = ?1 OR possible_id = ?1)",
        [task_id],
    )?;
    Ok(())
}

fn apply_edit(tx: &Transaction<'_>, id: i64, edit: &CardEdit) -> StoreResult<()> {
    if !edit.patch.is_empty() {
        update_in(tx, id, &edit.patch)?;
    }
    if let Some(status) = edit.status {
        move_in(tx, id, status, None)?;
    }
    if edit.cancel {
        tx.execute(
            "UPDATE tasks SET cancelled_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, now_rfc3339()],
        )?;
    }
    Ok(())
}

fn put_back_in(tx: &rusqlite::Connection, t: &Task) -> StoreResult<()> {
    tx.execute(
        "UPDATE tasks SET title = ?2, description = ?3, category = ?4, priority = ?5,
                status = ?6, due = ?7, position = ?8, cancelled_at = ?9, updated_at = ?10
         WHERE id = ?1",
        params![
            t.id,
            t.title,
            t.description,
            t.category,
            t.priority.as_str(),
            t.status.as_str(),
            t.due.map(|d| d.to_string()),
            t.position,
            t.cancelled_at,
            now_rfc3339(),
        ],
    )?;
    Ok(())
}

/// One `dump_changes` row as written.
struct Row<'a> {
    transcript_id: i64,
    task_id: i64,
    outcome: Outcome,
    said: &'a str,
    changes: &'a [String],
    possible: Option<i64>,
}

fn record_in(tx: &Transaction<'_>, row: &Row<'_>, before: Option<&Task>) -> StoreResult<()> {
    let changes =
        serde_json::to_string(row.changes).map_err(|e| StoreError::Malformed(e.to_string()))?;
    let before = before
        .map(serde_json::to_string)
        .transpose()
        .map_err(|e| StoreError::Malformed(e.to_string()))?;
    tx.execute(
        "INSERT INTO dump_changes (transcript_id, task_id, outcome, said, changes, before, possible_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            row.transcript_id,
            row.task_id,
            row.outcome.as_str(),
            row.said,
            changes,
            before,
            row.possible
        ],
    )?;
    Ok(())
}
