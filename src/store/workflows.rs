//! Rows of `workflows` (definitions as JSON) and `workflow_runs` (where a workflow is).

use rusqlite::{OptionalExtension, Row, params};

use super::{Store, StoreError, StoreResult, now_rfc3339};
use crate::agents::{WorkflowDef, WorkflowRun};

const COLUMNS: &str = "id, workflow, task_id, definition, status, position, retries, \
     current_run, run_ids, error, created_at, updated_at";

fn json_err(idx: usize, e: impl std::fmt::Display) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        idx,
        rusqlite::types::Type::Text,
        Box::<dyn std::error::Error + Send + Sync>::from(e.to_string()),
    )
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<WorkflowRun> {
    let def: String = r.get(3)?;
    let status: String = r.get(4)?;
    let ids: String = r.get(8)?;
    Ok(WorkflowRun {
        id: r.get(0)?,
        workflow: r.get(1)?,
        task_id: r.get(2)?,
        definition: serde_json::from_str(&def).map_err(|e| json_err(3, e))?,
        status: status.parse().map_err(|e| json_err(4, e))?,
        position: r.get(5)?,
        retries: r.get(6)?,
        current_run: r.get(7)?,
        run_ids: serde_json::from_str(&ids).map_err(|e| json_err(8, e))?,
        error: r.get(9)?,
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
    })
}

fn to_json<T: serde::Serialize>(v: &T) -> StoreResult<String> {
    serde_json::to_string(v).map_err(|e| StoreError::Malformed(e.to_string()))
}

impl Store {
    pub fn put_workflow(&mut self, def: &WorkflowDef) -> StoreResult<()> {
        let json = to_json(def)?;
        let now = now_rfc3339();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO workflows (name, definition, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(name) DO UPDATE SET definition = excluded.definition,
                     updated_at = excluded.updated_at",
                params![def.name, json, now],
            )?;
            Ok(())
        })
    }

    pub fn list_workflows(&self) -> StoreResult<Vec<WorkflowDef>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT definition FROM workflows ORDER BY name")?;
        let rows = stmt.query_map([], |r| {
            let s: String = r.get(0)?;
            serde_json::from_str(&s).map_err(|e| json_err(0, e))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn delete_workflow(&mut self, name: &str) -> StoreResult<bool> {
        self.write(|tx| Ok(tx.execute("DELETE FROM workflows WHERE name = ?1", [name])? > 0))
    }

    pub fn insert_workflow_run(
        &mut self,
        def: &WorkflowDef,
        task_id: Option<i64>,
    ) -> StoreResult<WorkflowRun> {
        let json = to_json(def)?;
        let now = now_rfc3339();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO workflow_runs (workflow, task_id, definition, status, created_at, updated_at)
                 VALUES (?1, ?2, ?3, 'running', ?4, ?4)",
                params![def.name, task_id, json, now],
            )?;
            get_in(tx, tx.last_insert_rowid())
        })
    }

    pub fn get_workflow_run(&self, id: i64) -> StoreResult<WorkflowRun> {
        get_in(&self.conn, id)
    }

    /// Writes back where the workflow is.
    pub fn save_workflow_run(&mut self, w: &WorkflowRun) -> StoreResult<WorkflowRun> {
        let ids = to_json(&w.run_ids)?;
        let now = now_rfc3339();
        self.write(|tx| {
            tx.execute(
                "UPDATE workflow_runs SET status = ?2, position = ?3, retries = ?4,
                        current_run = ?5, run_ids = ?6, error = ?7, updated_at = ?8
                 WHERE id = ?1",
                params![
                    w.id,
                    w.status.as_str(),
                    w.position,
                    w.retries,
                    w.current_run,
                    ids,
                    w.error,
                    now
                ],
            )?;
            get_in(tx, w.id)
        })
    }

    pub fn list_workflow_runs(&self, limit: usize) -> StoreResult<Vec<WorkflowRun>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM workflow_runs ORDER BY id DESC LIMIT ?1"
        ))?;
        let rows = stmt.query_map([limit as i64], from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

fn get_in(conn: &rusqlite::Connection, id: i64) -> StoreResult<WorkflowRun> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM workflow_runs WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound {
        what: "workflow run",
        id,
    })
}
