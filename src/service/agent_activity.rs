//! What the tray and notifications say about agents: how many run, which approvals wait,
//! and which runs ended since the last look. Runs started by the CLI in another process
//! count too, since this reads the database rather than listening to one process's events.

use std::collections::BTreeSet;

use super::{Service, ServiceResult};
use crate::agents::{ApprovalStatus, RunStatus};
use crate::notify::{Notice, NoticeKind};

/// Action id of "Open" on agent notifications: show the approvals inbox, the task, or
/// the MCP servers page (for a sign-in).
pub const OPEN_ACTION: &str = "open";

/// How many of the newest runs each look checks for ones that ended unseen.
const RECENT_RUNS: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgentTray {
    Idle,
    Running,
    ApprovalWaiting,
}

/// What changed since the previous [`AgentWatch::poll`].
#[derive(Debug, Clone, PartialEq)]
pub struct AgentUpdate {
    pub tray: AgentTray,
    /// `(notice, task id)`: the task to open when the user clicks.
    pub notices: Vec<(Notice, Option<i64>)>,
}

/// Remembers what the user was already told, so each approval and each finished run gives
/// one notification.
#[derive(Debug, Default)]
pub struct AgentWatch {
    seen_approval: i64,
    active: BTreeSet<i64>,
    /// The newest run known: a newer one that already ended was never seen running (it
    /// failed at once, e.g. on a server that wants sign-in) and is still news.
    seen_run: i64,
    /// Whether to tell a run that stopped because a server wants sign-in from any other
    /// failure (it reads the keychain).
    check_sign_in: bool,
}

impl AgentWatch {
    /// Starts from the current state: what happened before the app started is not news.
    pub fn new(svc: &Service) -> ServiceResult<Self> {
        let store = svc.store();
        let seen_approval = store
            .list_approvals(None, None)?
            .first()
            .map(|a| a.id)
            .unwrap_or(0);
        let active = store.active_runs()?.into_iter().map(|r| r.id).collect();
        let seen_run = store.list_runs(None, 1)?.first().map(|r| r.id).unwrap_or(0);
        Ok(AgentWatch {
            seen_approval,
            active,
            seen_run,
            check_sign_in: false,
        })
    }

    /// Reads the keychain on failed runs, so one that stopped because a server wants the
    /// user to sign in again says so (and opens the servers page) instead of a bare error.
    pub fn with_sign_in_check(mut self) -> Self {
        self.check_sign_in = true;
        self
    }

    pub fn poll(&mut self, svc: &Service) -> ServiceResult<AgentUpdate> {
        let (pending, active, ended) = {
            let store = svc.store();
            let pending = store.list_approvals(Some(ApprovalStatus::Pending), None)?;
            let active = store.active_runs()?;
            let mut ended = Vec::new();
            for id in &self.active {
                if !active.iter().any(|r| r.id == *id)
                    && let Ok(run) = store.get_run(*id)
                {
                    ended.push(run);
                }
            }
            // Runs that started and ended between two looks.
            let recent = store.list_runs(None, RECENT_RUNS)?;
            for run in recent.iter().rev() {
                if run.id > self.seen_run
                    && !self.active.contains(&run.id)
                    && matches!(run.status, RunStatus::Completed | RunStatus::Failed)
                {
                    ended.push(run.clone());
                }
            }
            if let Some(newest) = recent.first() {
                self.seen_run = self.seen_run.max(newest.id);
            }
            (pending, active, ended)
        };
        let mut notices = Vec::new();
        let seen = self.seen_approval;
        for a in pending.iter().rev().filter(|a| a.id > seen) {
            let task = a.task_id.and_then(|t| svc.get_task(t).ok());
            let body = format!(
                "{} wants to call {}{}",
                a.agent,
                a.tool,
                task.map(|t| format!(" for “{}”", t.title))
                    .unwrap_or_default()
            );
            notices.push((
                Notice::new(NoticeKind::ApprovalNeeded, "Approval needed", body)
                    .with_action(OPEN_ACTION, "Review"),
                a.task_id,
            ));
            self.seen_approval = self.seen_approval.max(a.id);
        }
        for run in ended {
            let title = run
                .task_id
                .and_then(|t| svc.get_task(t).ok())
                .map(|t| t.title)
                .unwrap_or_else(|| format!("run {}", run.id));
            let (head, body) = match run.status {
                RunStatus::Completed => (
                    format!("{} finished", run.agent),
                    format!(
                        "“{title}”: {}",
                        crate::agents::summarize(run.output.as_deref().unwrap_or(""), 120)
                    ),
                ),
                RunStatus::Failed if let Some(notice) = self.sign_in_notice(svc, &run, &title) => {
                    notices.push((notice, run.task_id));
                    continue;
                }
                RunStatus::Failed => (
                    format!("{} stopped", run.agent),
                    format!("“{title}”: {}", run.error.as_deref().unwrap_or("failed")),
                ),
                _ => continue,
            };
            notices.push((
                Notice::new(NoticeKind::AgentFinished, head, body).with_action(OPEN_ACTION, "Open"),
                run.task_id,
            ));
        }
        self.active = active.iter().map(|r| r.id).collect();
        let tray = if !pending.is_empty() {
            AgentTray::ApprovalWaiting
        } else if active.iter().any(|r| r.status == RunStatus::Running) {
            AgentTray::Running
        } else {
            AgentTray::Idle
        };
        Ok(AgentUpdate { tray, notices })
    }

    /// "Sign in again" for a failed run whose agent has a server waiting for sign-in.
    fn sign_in_notice(
        &self,
        svc: &Service,
        run: &crate::agents::Run,
        title: &str,
    ) -> Option<Notice> {
        if !self.check_sign_in {
            return None;
        }
        let servers = svc.get_agent(&run.agent).ok()?.mcp_servers;
        let needing = match svc.mcp_servers_needing_sign_in(&servers) {
            Ok(n) => n,
            Err(e) => {
                tracing::warn!("cannot read MCP sign-in states: {e}");
                return None;
            }
        };
        let first = needing.first()?;
        let names = needing.join(", ");
        Some(
            Notice::new(
                NoticeKind::SignInNeeded,
                format!("{} stopped: sign in again to {first}", run.agent),
                format!(
                    "“{title}”: MCP server {names} needs you to sign in again. Press Sign in on the MCP servers page; your other servers keep working."
                ),
            )
            .with_action(OPEN_ACTION, "Sign in"),
        )
    }
}
