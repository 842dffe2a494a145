//! Rows of `runs`, `run_steps` and `approvals`. Each step is written when it starts and
//! again when it ends, so after a crash the log says exactly what was in flight.

use rusqlite::{OptionalExtension, Row, params};

use super::{Store, StoreError, StoreResult, now_rfc3339};
use crate::agents::{Approval, ApprovalStatus, Run, RunStatus, RunStep, StepKind, StepStatus};
use crate::secrets::redact::scrub_known;

const RUN_COLUMNS: &str = "id, agent, task_id, status, prompt, output, tokens_in, tokens_out, \
     execution_ms, error, created_at, updated_at, workflow_run";
const STEP_COLUMNS: &str = "id, kind, status, tool, call_id, arguments, content, error, \
     tokens_in, tokens_out, ms, created_at";
const APPROVAL_COLUMNS: &str = "a.id, a.run_id, a.step_id, a.tool, a.arguments, a.reason, \
     a.status, a.created_at, a.decided_at, r.agent, r.task_id";

pub(super) fn parsed<T: std::str::FromStr<Err = String>>(
    row: &Row<'_>,
    idx: usize,
) -> rusqlite::Result<T> {
    let s: String = row.get(idx)?;
    s.parse::<T>().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            Box::<dyn std::error::Error + Send + Sync>::from(e),
        )
    })
}

fn run_from_row(r: &Row<'_>) -> rusqlite::Result<Run> {
    Ok(Run {
        id: r.get(0)?,
        agent: r.get(1)?,
        task_id: r.get(2)?,
        status: parsed(r, 3)?,
        prompt: r.get(4)?,
        output: r.get(5)?,
        tokens_in: r.get(6)?,
        tokens_out: r.get(7)?,
        execution_ms: r.get(8)?,
        error: r.get(9)?,
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
        workflow_run: r.get(12)?,
    })
}

fn step_from_row(r: &Row<'_>) -> rusqlite::Result<RunStep> {
    Ok(RunStep {
        id: r.get(0)?,
        kind: parsed(r, 1)?,
        status: parsed(r, 2)?,
        tool: r.get(3)?,
        call_id: r.get(4)?,
        arguments: r.get(5)?,
        content: r.get(6)?,
        error: r.get(7)?,
        tokens_in: r.get(8)?,
        tokens_out: r.get(9)?,
        ms: r.get(10)?,
        created_at: r.get(11)?,
    })
}

fn approval_from_row(r: &Row<'_>) -> rusqlite::Result<Approval> {
    Ok(Approval {
        id: r.get(0)?,
        run_id: r.get(1)?,
        step_id: r.get(2)?,
        tool: r.get(3)?,
        arguments: r.get(4)?,
        reason: r.get(5)?,
        status: parsed(r, 6)?,
        created_at: r.get(7)?,
        decided_at: r.get(8)?,
        agent: r.get(9)?,
        task_id: r.get(10)?,
    })
}

/// A step as it starts.
#[derive(Debug, Clone, Default)]
pub struct NewStep<'a> {
    pub tool: Option<&'a str>,
    pub call_id: Option<&'a str>,
    pub arguments: Option<&'a str>,
    pub content: &'a str,
}

impl Store {
    pub fn set_step_status(&mut self, step_id: i64, status: StepStatus) -> StoreResult<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE run_steps SET status = ?2 WHERE id = ?1",
                params![step_id, status.as_str()],
            )?;
            Ok(())
        })
    }

    pub fn insert_run(
        &mut self,
        agent: &str,
        task_id: Option<i64>,
        prompt: &str,
        workflow_run: Option<i64>,
    ) -> StoreResult<Run> {
        let now = now_rfc3339();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO runs (agent, task_id, status, prompt, created_at, updated_at, workflow_run)
                 VALUES (?1, ?2, 'running', ?3, ?4, ?4, ?5)",
                params![agent, task_id, prompt, now, workflow_run],
            )?;
            let id = tx.last_insert_rowid();
            get_run_in(tx, id)
        })
    }

    pub fn get_run(&self, id: i64) -> StoreResult<Run> {
        get_run_in(&self.conn, id)
    }

    /// Newest first; `task` narrows to one task's runs.
    pub fn list_runs(&self, task: Option<i64>, limit: usize) -> StoreResult<Vec<Run>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {RUN_COLUMNS} FROM runs WHERE (?1 IS NULL OR task_id = ?1)
             ORDER BY id DESC LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![task, limit as i64], run_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Runs that are running or waiting for an approval.
    pub fn active_runs(&self) -> StoreResult<Vec<Run>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {RUN_COLUMNS} FROM runs WHERE status IN ('running','waiting_approval') ORDER BY id"
        ))?;
        let rows = stmt.query_map([], run_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn set_run_status(
        &mut self,
        id: i64,
        status: RunStatus,
        output: Option<&str>,
        error: Option<&str>,
    ) -> StoreResult<Run> {
        let now = now_rfc3339();
        let output = output.map(scrub_known);
        let error = error.map(scrub_known);
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE runs SET status = ?2, output = COALESCE(?3, output), error = ?4,
                        updated_at = ?5 WHERE id = ?1",
                params![id, status.as_str(), output, error, now],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound { what: "run", id });
            }
            get_run_in(tx, id)
        })
    }

    pub fn insert_step(
        &mut self,
        run_id: i64,
        kind: StepKind,
        status: StepStatus,
        step: &NewStep<'_>,
    ) -> StoreResult<i64> {
        let now = now_rfc3339();
        // A server or model that echoes a credential must not put it in the database.
        let arguments = step.arguments.map(scrub_known);
        let content = scrub_known(step.content);
        self.write(|tx| {
            tx.execute(
                "INSERT INTO run_steps (run_id, kind, status, tool, call_id, arguments, content, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![run_id, kind.as_str(), status.as_str(), step.tool, step.call_id, arguments.as_deref(), content.as_ref(), now],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Ends a step and adds its cost to the run, in one transaction.
    #[allow(clippy::too_many_arguments)]
    pub fn finish_step(
        &mut self,
        step_id: i64,
        status: StepStatus,
        content: &str,
        error: Option<&str>,
        tokens: (i64, i64),
        ms: i64,
    ) -> StoreResult<()> {
        let now = now_rfc3339();
        let content = scrub_known(content);
        let error = error.map(scrub_known);
        self.write(|tx| {
            tx.execute(
                "UPDATE run_steps SET status = ?2, content = ?3, error = ?4, tokens_in = ?5,
                        tokens_out = ?6, ms = ?7 WHERE id = ?1",
                params![
                    step_id,
                    status.as_str(),
                    content.as_ref(),
                    error.as_deref(),
                    tokens.0,
                    tokens.1,
                    ms
                ],
            )?;
            tx.execute(
                "UPDATE runs SET tokens_in = tokens_in + ?2, tokens_out = tokens_out + ?3,
                        execution_ms = execution_ms + ?4, updated_at = ?5
                 WHERE id = (SELECT run_id FROM run_steps WHERE id = ?1)",
                params![step_id, tokens.0, tokens.1, ms, now],
            )?;
            Ok(())
        })
    }

    pub fn set_step_arguments(&mut self, step_id: i64, arguments: &str) -> StoreResult<()> {
        let arguments = scrub_known(arguments);
        self.write(|tx| {
            tx.execute(
                "UPDATE run_steps SET arguments = ?2 WHERE id = ?1",
                params![step_id, arguments.as_ref()],
            )?;
            Ok(())
        })
    }

    pub fn run_steps(&self, run_id: i64) -> StoreResult<Vec<RunStep>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {STEP_COLUMNS} FROM run_steps WHERE run_id = ?1 ORDER BY id"
        ))?;
        let rows = stmt.query_map([run_id], step_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn insert_approval(
        &mut self,
        run_id: i64,
        step_id: i64,
        tool: &str,
        arguments: &str,
        reason: &str,
    ) -> StoreResult<Approval> {
        let now = now_rfc3339();
        // What the user is asked to approve is shown on screen and kept: no known secret.
        let arguments = scrub_known(arguments);
        self.write(|tx| {
            tx.execute(
                "INSERT INTO approvals (run_id, step_id, tool, arguments, reason, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![run_id, step_id, tool, arguments, reason, now],
            )?;
            get_approval_in(tx, tx.last_insert_rowid())
        })
    }

    pub fn get_approval(&self, id: i64) -> StoreResult<Approval> {
        get_approval_in(&self.conn, id)
    }

    /// `status` none: all, newest first.
    pub fn list_approvals(
        &self,
        status: Option<ApprovalStatus>,
        run: Option<i64>,
    ) -> StoreResult<Vec<Approval>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {APPROVAL_COLUMNS} FROM approvals a JOIN runs r ON r.id = a.run_id
             WHERE (?1 IS NULL OR a.status = ?1) AND (?2 IS NULL OR a.run_id = ?2)
             ORDER BY a.id DESC"
        ))?;
        let rows = stmt.query_map(
            params![status.map(ApprovalStatus::as_str), run],
            approval_from_row,
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Decides a pending approval; a decided one is returned unchanged (the caller reports it).
    pub fn decide_approval(
        &mut self,
        id: i64,
        status: ApprovalStatus,
    ) -> StoreResult<(Approval, bool)> {
        let now = now_rfc3339();
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE approvals SET status = ?2, decided_at = ?3 WHERE id = ?1 AND status = 'pending'",
                params![id, status.as_str(), now],
            )?;
            Ok((get_approval_in(tx, id)?, n > 0))
        })
    }

    pub fn approval_for_step(&self, step_id: i64) -> StoreResult<Option<Approval>> {
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT {APPROVAL_COLUMNS} FROM approvals a JOIN runs r ON r.id = a.run_id
                     WHERE a.step_id = ?1 ORDER BY a.id DESC LIMIT 1"
                ),
                [step_id],
                approval_from_row,
            )
            .optional()?)
    }
}

fn get_run_in(conn: &rusqlite::Connection, id: i64) -> StoreResult<Run> {
    conn.query_row(
        &format!("SELECT {RUN_COLUMNS} FROM runs WHERE id = ?1"),
        [id],
        run_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound { what: "run", id })
}

fn get_approval_in(conn: &rusqlite::Connection, id: i64) -> StoreResult<Approval> {
    conn.query_row(
        &format!("SELECT {APPROVAL_COLUMNS} FROM approvals a JOIN runs r ON r.id = a.run_id WHERE a.id = ?1"),
        [id],
        approval_from_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound { what: "approval", id })
}
