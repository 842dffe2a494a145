//! Task rows: create, read, edit, move (ordered positions inside a column), delete.

use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::{Store, StoreError, StoreResult, now_rfc3339};
use crate::model::{Due, NewTask, Priority, Status, Task, TaskFilter, TaskPatch};

/// Gap between neighbouring cards; moves take the midpoint, so a column can absorb ~50
/// consecutive inserts at one spot before it has to be renumbered.
pub const POSITION_STEP: f64 = 1024.0;

pub(crate) const TASK_COLUMNS: &str = "id, title, description, category, priority, status, due, \
     assigned_agent, position, source_transcript_id, agent_output, created_at, updated_at, agent_reason, cancelled_at";

pub(crate) fn task_from_row(row: &Row<'_>) -> rusqlite::Result<Task> {
    let parse_err = |idx: usize, msg: String| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            Box::<dyn std::error::Error + Send + Sync>::from(msg),
        )
    };
    let priority: String = row.get(4)?;
    let status: String = row.get(5)?;
    let due: Option<String> = row.get(6)?;
    Ok(Task {
        id: row.get(0)?,
        title: row.get(1)?,
        description: row.get(2)?,
        category: row.get(3)?,
        priority: priority
            .parse::<Priority>()
            .map_err(|e| parse_err(4, e.to_string()))?,
        status: status
            .parse::<Status>()
            .map_err(|e| parse_err(5, e.to_string()))?,
        due: due
            .map(|d| d.parse::<Due>())
            .transpose()
            .map_err(|e| parse_err(6, e.to_string()))?,
        assigned_agent: row.get(7)?,
        position: row.get(8)?,
        source_transcript_id: row.get(9)?,
        agent_output: row.get(10)?,
        created_at: row.get(11)?,
        updated_at: row.get(12)?,
        agent_reason: row.get(13)?,
        cancelled_at: row.get(14)?,
    })
}

pub(crate) fn get_in(tx: &rusqlite::Connection, id: i64) -> StoreResult<Task> {
    tx.query_row(
        &format!("SELECT {TASK_COLUMNS} FROM tasks WHERE id = ?1"),
        [id],
        task_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound { what: "task", id })
}

fn end_of_column(tx: &rusqlite::Connection, status: Status) -> StoreResult<f64> {
    let max: Option<f64> = tx.query_row(
        "SELECT MAX(position) FROM tasks WHERE status = ?1",
        [status.as_str()],
        |r| r.get(0),
    )?;
    Ok(max.map_or(POSITION_STEP, |m| m + POSITION_STEP))
}

pub(crate) fn insert_in(tx: &Transaction<'_>, new: &NewTask) -> StoreResult<Task> {
    let status = new.status.unwrap_or(Status::Pending);
    let position = end_of_column(tx, status)?;
    let now = now_rfc3339();
    tx.execute(
        "INSERT INTO tasks (title, description, category, priority, status, due, position,
                            source_transcript_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            new.title,
            new.description,
            new.category,
            new.priority.unwrap_or_default().as_str(),
            status.as_str(),
            new.due.map(|d| d.to_string()),
            position,
            new.source_transcript_id,
            now,
        ],
    )?;
    get_in(tx, tx.last_insert_rowid())
}

impl Store {
    pub fn insert_task(&mut self, new: &NewTask) -> StoreResult<Task> {
        self.write(|tx| insert_in(tx, new))
    }

    /// Inserts many tasks in one transaction (imports, benchmarks): all or nothing.
    pub fn insert_tasks(&mut self, new: &[NewTask]) -> StoreResult<Vec<Task>> {
        self.write(|tx| new.iter().map(|t| insert_in(tx, t)).collect())
    }

    pub fn get_task(&self, id: i64) -> StoreResult<Task> {
        get_in(&self.conn, id)
    }

    /// Tasks in board order: by column, then position. One indexed query per column, so
    /// SQLite walks `tasks_by_column` in order instead of sorting the whole board.
    pub fn list_tasks(&self, filter: &TaskFilter) -> StoreResult<Vec<Task>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {TASK_COLUMNS} FROM tasks INDEXED BY tasks_by_column
             WHERE status = ?1 AND cancelled_at IS NULL
               AND (?2 IS NULL OR category = ?2 COLLATE NOCASE)
               AND (?3 IS NULL OR priority = ?3)
             ORDER BY position"
        ))?;
        let mut out = Vec::new();
        for status in Status::ALL {
            if filter.status.is_some_and(|s| s != status) {
                continue;
            }
            let rows = stmt.query_map(
                params![
                    status.as_str(),
                    filter.category,
                    filter.priority.map(Priority::as_str)
                ],
                task_from_row,
            )?;
            for row in rows {
                out.push(row?);
            }
        }
        Ok(out)
    }

    pub fn tasks_for_transcript(&self, transcript_id: i64) -> StoreResult<Vec<Task>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {TASK_COLUMNS} FROM tasks WHERE source_transcript_id = ?1 ORDER BY id"
        ))?;
        let rows = stmt.query_map([transcript_id], task_from_row)?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    pub fn update_task(&mut self, id: i64, patch: &TaskPatch) -> StoreResult<Task> {
        self.write(|tx| update_in(tx, id, patch))
    }

    /// Moves a task to `status` so that it ends up at `index` (0-based) among the column's
    /// other cards; `None` puts it at the end.
    pub fn move_task(
        &mut self,
        id: i64,
        status: Status,
        index: Option<usize>,
    ) -> StoreResult<Task> {
        self.write(|tx| move_in(tx, id, status, index))
    }

    /// Removes a task and returns it, so that the caller can offer undo.
    pub fn delete_task(&mut self, id: i64) -> StoreResult<Task> {
        self.write(|tx| {
            let t = get_in(tx, id)?;
            tx.execute("DELETE FROM tasks WHERE id = ?1", [id])?;
            Ok(t)
        })
    }

    /// Puts a deleted task back exactly as it was (same id, column and position). When another
    /// card has taken that position since, the restored card goes just before it, so no two
    /// cards of a column ever share a position (their order would be arbitrary).
    pub fn restore_task(&mut self, task: &Task) -> StoreResult<Task> {
        self.write(|tx| {
            tx.execute(
                &format!(
                    "INSERT INTO tasks ({TASK_COLUMNS})
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
                ),
                params![
                    task.id,
                    task.title,
                    task.description,
                    task.category,
                    task.priority.as_str(),
                    task.status.as_str(),
                    task.due.map(|d| d.to_string()),
                    task.assigned_agent,
                    task.position,
                    task.source_transcript_id,
                    task.agent_output,
                    task.created_at,
                    now_rfc3339(),
                    task.agent_reason,
                    task.cancelled_at,
                ],
            )?;
            let (taken, before): (bool, i64) = tx.query_row(
                "SELECT COALESCE(SUM(position = ?2), 0) > 0, COALESCE(SUM(position < ?2), 0)
                 FROM tasks WHERE status = ?1 AND id != ?3",
                params![task.status.as_str(), task.position, task.id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if taken {
                return move_in(tx, task.id, task.status, Some(before as usize));
            }
            get_in(tx, task.id)
        })
    }

    pub fn count_tasks(&self) -> StoreResult<i64> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM tasks", [], |r| r.get(0))?)
    }
}

pub(crate) fn update_in(
    tx: &rusqlite::Connection,
    id: i64,
    patch: &TaskPatch,
) -> StoreResult<Task> {
    let mut t = get_in(tx, id)?;
    if let Some(title) = &patch.title {
        t.title = title.clone();
    }
    if let Some(v) = &patch.description {
        t.description = v.clone();
    }
    if let Some(v) = &patch.category {
        t.category = v.clone();
    }
    if let Some(v) = patch.priority {
        t.priority = v;
    }
    if let Some(v) = patch.due {
        t.due = v;
    }
    if let Some(v) = &patch.assigned_agent {
        t.assigned_agent = v.clone();
    }
    if let Some(v) = &patch.agent_output {
        t.agent_output = v.clone();
    }
    if let Some(v) = &patch.agent_reason {
        t.agent_reason = v.clone();
    }
    tx.execute(
        "UPDATE tasks SET title = ?2, description = ?3, category = ?4, priority = ?5,
                        due = ?6, assigned_agent = ?7, agent_output = ?8, updated_at = ?9,
                        agent_reason = ?10
                 WHERE id = ?1",
        params![
            id,
            t.title,
            t.description,
            t.category,
            t.priority.as_str(),
            t.due.map(|d| d.to_string()),
            t.assigned_agent,
            t.agent_output,
            now_rfc3339(),
            t.agent_reason,
        ],
    )?;
    get_in(tx, id)
}

pub(crate) fn move_in(
    tx: &rusqlite::Connection,
    id: i64,
    status: Status,
    index: Option<usize>,
) -> StoreResult<Task> {
    get_in(tx, id)?;
    let position = match slot_position(tx, id, status, index)? {
        Some(p) => p,
        None => {
            renumber_column(tx, status, id)?;
            slot_position(tx, id, status, index)?
                .ok_or_else(|| StoreError::Malformed("column positions did not converge".into()))?
        }
    };
    tx.execute(
        "UPDATE tasks SET status = ?2, position = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, status.as_str(), position, now_rfc3339()],
    )?;
    get_in(tx, id)
}

/// The position that puts a card at `index` in the column (ignoring the card itself), or
/// `None` when the neighbours are too close to split and the column needs renumbering.
fn slot_position(
    tx: &rusqlite::Connection,
    id: i64,
    status: Status,
    index: Option<usize>,
) -> StoreResult<Option<f64>> {
    let Some(index) = index else {
        let mut stmt =
            tx.prepare_cached("SELECT MAX(position) FROM tasks WHERE status = ?1 AND id != ?2")?;
        let max: Option<f64> = stmt.query_row(params![status.as_str(), id], |r| r.get(0))?;
        return Ok(Some(max.map_or(POSITION_STEP, |m| m + POSITION_STEP)));
    };
    let offset = index.saturating_sub(1);
    let mut stmt = tx.prepare_cached(
        "SELECT position FROM tasks WHERE status = ?1 AND id != ?2
         ORDER BY position LIMIT 2 OFFSET ?3",
    )?;
    let near: Vec<f64> = stmt
        .query_map(params![status.as_str(), id, offset as i64], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    if index > 0 && near.is_empty() {
        // Past the end of the column: append.
        return slot_position(tx, id, status, None);
    }
    let (before, after) = if index == 0 {
        (None, near.first().copied())
    } else {
        (near.first().copied(), near.get(1).copied())
    };
    let pos = match (before, after) {
        (None, None) => POSITION_STEP,
        (None, Some(a)) => a - POSITION_STEP,
        (Some(b), None) => b + POSITION_STEP,
        (Some(b), Some(a)) => {
            let mid = b + (a - b) / 2.0;
            if mid <= b || mid >= a {
                return Ok(None);
            }
            mid
        }
    };
    Ok(Some(pos))
}

fn renumber_column(tx: &rusqlite::Connection, status: Status, skip: i64) -> StoreResult<()> {
    let ids: Vec<i64> = {
        let mut stmt = tx.prepare_cached(
            "SELECT id FROM tasks WHERE status = ?1 AND id != ?2 ORDER BY position, id",
        )?;
        stmt.query_map(params![status.as_str(), skip], |r| r.get(0))?
            .collect::<Result<_, _>>()?
    };
    let mut update = tx.prepare_cached("UPDATE tasks SET position = ?2 WHERE id = ?1")?;
    for (i, id) in ids.iter().enumerate() {
        update.execute(params![id, (i as f64 + 1.0) * POSITION_STEP])?;
    }
    tracing::debug!(
        status = status.as_str(),
        cards = ids.len(),
        "renumbered column"
    );
    Ok(())
}
