//! Commands behind the agent gallery, a task's run timeline and the approvals inbox. Runs
//! are driven on the async runtime so the command returns as soon as the run is recorded;
//! the UI follows it through `store-changed` events.

use tauri::{AppHandle, Manager, Runtime, State};
use utter::agents::{AgentDef, Approval, ApprovalStatus, Run, RunDetail, WorkflowDef, WorkflowRun};
use utter::model::Task;

use crate::AppState;
use crate::commands::with_service;
use crate::error::CmdResult;

#[tauri::command]
#[specta::specta]
pub async fn list_agents(state: State<'_, AppState>) -> CmdResult<Vec<AgentDef>> {
    with_service(state, |s| s.list_agents()).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_agent(state: State<'_, AppState>, agent: AgentDef) -> CmdResult<AgentDef> {
    with_service(state, move |s| s.save_agent(agent)).await
}

#[tauri::command]
#[specta::specta]
pub async fn reset_agent(state: State<'_, AppState>, name: String) -> CmdResult<Option<AgentDef>> {
    with_service(state, move |s| s.reset_agent(&name)).await
}

#[tauri::command]
#[specta::specta]
pub async fn assign_agent(
    state: State<'_, AppState>,
    task: i64,
    agent: Option<String>,
) -> CmdResult<Task> {
    with_service(state, move |s| s.assign_agent(task, agent.as_deref())).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_runs(state: State<'_, AppState>, task: Option<i64>) -> CmdResult<Vec<Run>> {
    with_service(state, move |s| s.list_runs(task, 50)).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_run(state: State<'_, AppState>, id: i64) -> CmdResult<RunDetail> {
    with_service(state, move |s| s.get_run_detail(id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_approvals(
    state: State<'_, AppState>,
    all: Option<bool>,
) -> CmdResult<Vec<Approval>> {
    let status = (!all.unwrap_or(false)).then_some(ApprovalStatus::Pending);
    with_service(state, move |s| s.list_approvals(status)).await
}

/// Starts `agent` on a task; returns the new run while it works in the background.
#[tauri::command]
#[specta::specta]
pub async fn run_agent(
    app: AppHandle,
    state: State<'_, AppState>,
    agent: String,
    task: i64,
) -> CmdResult<Run> {
    let run = with_service(state, move |s| s.start_run(&agent, task)).await?;
    drive(&app, run.id);
    Ok(run)
}

/// Approves or denies; the run continues in the background either way.
#[tauri::command]
#[specta::specta]
pub async fn decide_approval(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
    approve: bool,
) -> CmdResult<Approval> {
    let approval = with_service(state, move |s| s.decide_approval(id, approve)).await?;
    drive(&app, approval.run_id);
    Ok(approval)
}

#[tauri::command]
#[specta::specta]
pub async fn resume_run(app: AppHandle, id: i64) -> CmdResult<()> {
    drive(&app, id);
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn cancel_run(state: State<'_, AppState>, id: i64) -> CmdResult<Run> {
    with_service(state, move |s| s.cancel_run(id)).await
}

#[tauri::command]
#[specta::specta]
pub async fn list_workflows(state: State<'_, AppState>) -> CmdResult<Vec<WorkflowDef>> {
    with_service(state, |s| s.list_workflows()).await
}

/// Starts a workflow on a task; its agents' runs show in the task's timeline as they go.
#[tauri::command]
#[specta::specta]
pub async fn run_workflow(
    state: State<'_, AppState>,
    name: String,
    task: i64,
) -> CmdResult<WorkflowRun> {
    let service = state.service.clone();
    let w = with_service(state, move |s| s.start_workflow(&name, task)).await?;
    let id = w.id;
    tauri::async_runtime::spawn(async move {
        if let Err(e) = service.resume_workflow(id).await {
            tracing::warn!(workflow_run = id, "workflow stopped: {e}");
        }
    });
    Ok(w)
}

/// Starts a run without a caller waiting for it (the scheduler); failures go to the log.
pub fn start_in_background<R: Runtime>(app: &AppHandle<R>, agent: &str, task: i64) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    match state.service.start_run(agent, task) {
        Ok(run) => drive(app, run.id),
        Err(e) => tracing::warn!(agent, task, "scheduled run not started: {e}"),
    }
}

/// Drives a run to its next stop. Failures are recorded on the run by the core; what is
/// left (a database error) goes to the log.
fn drive<R: Runtime>(app: &AppHandle<R>, run: i64) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    let service = state.service.clone();
    tauri::async_runtime::spawn(async move {
        // A run inside a workflow carries the workflow on to its next agents.
        if let Err(e) = service.continue_run(run).await {
            tracing::warn!(run, "agent run stopped: {e}");
        }
    });
}
