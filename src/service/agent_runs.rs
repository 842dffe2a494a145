//! The run loop: model ↔ MCP tools, one persisted step at a time. Every step is written
//! before it starts and again when it ends, so a run killed at any point resumes from its
//! last finished step and never repeats a tool call that finished.

use std::collections::HashMap;
use std::time::Instant;

use serde_json::Value;

use super::{ChangeEvent, Service, ServiceResult};
use crate::agents::{
    AgentDef, AgentError, ApprovalStatus, Decision, Permission, Run, RunDetail, RunStatus, RunStep,
    StepKind, StepStatus, decide, model_tool_name,
};
use crate::llm::{ChatRequest, LlmClient, Message, ToolCall, ToolSpec};
use crate::mcp::{McpSupervisor, McpTool, McpToolResult};
use crate::model::{Status, Task, TaskPatch};
use crate::store::NewStep;

mod driver;
mod run_state;
mod tool_calls;
mod toolbox;

/// The most of one tool result a model gets to see; the rest is cut with a note.
pub const MAX_TOOL_RESULT_CHARS: usize = 16_000;

/// A tool an agent may call in this run.
pub(super) struct OfferedTool {
    pub(super) server: String,
    pub(super) tool: McpTool,
    pub(super) decision: Decision,
    /// The user trusts the server's read-only claims.
    pub(super) trusted: bool,
}

/// What the model may call, by the name the model knows it under.
pub(super) struct Toolbox {
    pub(super) supervisor: McpSupervisor,
    pub(super) tools: HashMap<String, OfferedTool>,
}

enum CallOutcome {
    Finished,
    WaitingApproval,
}

impl Service {
    /// Starts `agent` on a task and drives it until it finishes, fails or waits for an approval.
    pub async fn run_agent(&self, agent: &str, task_id: i64) -> ServiceResult<RunDetail> {
        let run = self.start_run(agent, task_id)?;
        self.drive(run.id).await
    }

    /// Records a new run of `agent` on a task (the task moves to In progress); drive it
    /// with [`Service::resume_run`]. The desktop app returns at once and drives it in the
    /// background.
    pub fn start_run(&self, agent: &str, task_id: i64) -> ServiceResult<Run> {
        self.start_run_with(agent, task_id, None, None)
    }

    /// [`Service::start_run`] with more for the prompt (a workflow's earlier steps) and the
    /// workflow run it belongs to.
    pub(crate) fn start_run_with(
        &self,
        agent: &str,
        task_id: i64,
        context: Option<&str>,
        workflow_run: Option<i64>,
    ) -> ServiceResult<Run> {
        let agent = self.get_agent(agent)?;
        if !agent.enabled {
            return Err(AgentError::Disabled(agent.name).into());
        }
        // Fail before anything is written when no model is set up.
        self.llm_client()?.ok_or(AgentError::NoModel)?;
        let task = self.get_task(task_id)?;
        let mut prompt = task_prompt(&task);
        if let Some(c) = context {
            prompt.push_str("\n\n");
            prompt.push_str(c);
        }
        let run = self
            .store()
            .insert_run(&agent.name, Some(task.id), &prompt, workflow_run)?;
        self.emit_run(&run);
        if task.assigned_agent.as_deref() != Some(agent.name.as_str()) && workflow_run.is_none() {
            self.update_task(
                task.id,
                TaskPatch {
                    assigned_agent: Some(Some(agent.name.clone())),
                    agent_reason: Some(Some("run by you".into())),
                    ..TaskPatch::default()
                },
            )?;
        }
        if task.status != Status::InProgress {
            self.move_task(task.id, Status::InProgress, None)?;
        }
        Ok(run)
    }

    /// Continues a run that was killed, failed part-way or waited for an approval.
    pub async fn resume_run(&self, id: i64) -> ServiceResult<RunDetail> {
        let run = self.store().get_run(id)?;
        if matches!(run.status, RunStatus::Completed | RunStatus::Cancelled) {
            return Err(AgentError::NotResumable {
                id,
                status: run.status.to_string(),
            }
            .into());
        }
        self.drive(id).await
    }

    /// Stops a run for good; a pending approval of it is denied.
    pub fn cancel_run(&self, id: i64) -> ServiceResult<Run> {
        let pending = self
            .store()
            .list_approvals(Some(ApprovalStatus::Pending), Some(id))?;
        for a in pending {
            self.store().decide_approval(a.id, ApprovalStatus::Denied)?;
            self.feed.emit(ChangeEvent::ApprovalDecided { id: a.id });
        }
        let run = self.store().set_run_status(
            id,
            RunStatus::Cancelled,
            None,
            Some("cancelled by you"),
        )?;
        self.emit_run(&run);
        Ok(run)
    }

    pub fn get_run_detail(&self, id: i64) -> ServiceResult<RunDetail> {
        let store = self.store();
        Ok(RunDetail {
            run: store.get_run(id)?,
            steps: store.run_steps(id)?,
            approvals: store.list_approvals(None, Some(id))?,
        })
    }

    pub fn list_runs(&self, task: Option<i64>, limit: usize) -> ServiceResult<Vec<Run>> {
        Ok(self.store().list_runs(task, limit)?)
    }

    /// Runs executing right now (not those paused for an approval): an update waits for them.
    pub fn running_agent_runs(&self) -> ServiceResult<usize> {
        let active = self.store().active_runs()?;
        Ok(active
            .iter()
            .filter(|r| r.status == RunStatus::Running)
            .count())
    }

    pub fn list_approvals(
        &self,
        status: Option<ApprovalStatus>,
    ) -> ServiceResult<Vec<crate::agents::Approval>> {
        Ok(self.store().list_approvals(status, None)?)
    }

    /// Records the user's answer. The run goes on with [`Service::continue_run`] (which also
    /// carries a run inside a workflow on to its next step).
    pub fn decide_approval(
        &self,
        id: i64,
        approve: bool,
    ) -> ServiceResult<crate::agents::Approval> {
        let status = if approve {
            ApprovalStatus::Approved
        } else {
            ApprovalStatus::Denied
        };
        let (approval, changed) = self.store().decide_approval(id, status)?;
        if !changed {
            return Err(AgentError::AlreadyDecided {
                id,
                status: approval.status.to_string(),
            }
            .into());
        }
        self.feed.emit(ChangeEvent::ApprovalDecided { id });
        Ok(approval)
    }
}

impl Toolbox {
    /// The tool list sent to the model, sorted so requests are stable.
    pub(super) fn specs(&self) -> Vec<ToolSpec> {
        let mut specs: Vec<ToolSpec> = self
            .tools
            .iter()
            .map(|(name, t)| ToolSpec {
                name: name.clone(),
                description: t
                    .tool
                    .description
                    .clone()
                    .or_else(|| t.tool.title.clone())
                    .unwrap_or_else(|| t.tool.name.clone()),
                parameters: t.tool.input_schema.clone(),
            })
            .collect();
        specs.sort_by(|a, b| a.name.cmp(&b.name));
        specs
    }
}

/// The task as the agent is told about it.
pub(crate) fn task_prompt(task: &Task) -> String {
    let mut p = format!("Task #{}: {}\n", task.id, task.title);
    let mut facts = Vec::new();
    if let Some(c) = &task.category {
        facts.push(format!("category {c}"));
    }
    facts.push(format!("priority {}", task.priority.as_str()));
    if let Some(d) = &task.due {
        facts.push(format!("due {d}"));
    }
    p.push_str(&format!("({})\n", facts.join(", ")));
    if let Some(d) = &task.description {
        p.push_str(&format!("\nDetails:\n{d}\n"));
    }
    if let Some(o) = &task.agent_output {
        p.push_str(&format!("\nEarlier agent output on this task:\n{o}\n"));
    }
    p.push_str("\nWork on this task now with the tools you have, then give your final answer.");
    p
}

pub(super) fn result_for_model(r: &McpToolResult) -> String {
    let mut text = r.text.clone();
    for other in &r.other_content {
        text.push_str(&format!("\n[{other}]"));
    }
    if text.chars().count() > MAX_TOOL_RESULT_CHARS {
        let cut: String = text.chars().take(MAX_TOOL_RESULT_CHARS).collect();
        text = format!(
            "{cut}\n[… cut: the result was longer than {MAX_TOOL_RESULT_CHARS} characters]"
        );
    }
    text
}

pub(super) fn elapsed_ms(since: Instant) -> i64 {
    i64::try_from(since.elapsed().as_millis()).unwrap_or(i64::MAX)
}
