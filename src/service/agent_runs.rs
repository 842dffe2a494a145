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
use crate::secrets::SecretStore;
use crate::store::NewStep;

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
    pub async fn run_agent(
        &self,
        agent: &str,
        task_id: i64,
        secrets: &dyn SecretStore,
    ) -> ServiceResult<RunDetail> {
        let run = self.start_run(agent, task_id, secrets)?;
        self.drive(run.id, secrets).await
    }

    /// Records a new run of `agent` on a task (the task moves to In progress); drive it
    /// with [`Service::resume_run`]. The desktop app returns at once and drives it in the
    /// background.
    pub fn start_run(
        &self,
        agent: &str,
        task_id: i64,
        secrets: &dyn SecretStore,
    ) -> ServiceResult<Run> {
        self.start_run_with(agent, task_id, None, None, secrets)
    }

    /// [`Service::start_run`] with more for the prompt (a workflow's earlier steps) and the
    /// workflow run it belongs to.
    pub(crate) fn start_run_with(
        &self,
        agent: &str,
        task_id: i64,
        context: Option<&str>,
        workflow_run: Option<i64>,
        secrets: &dyn SecretStore,
    ) -> ServiceResult<Run> {
        let agent = self.get_agent(agent)?;
        if !agent.enabled {
            return Err(AgentError::Disabled(agent.name).into());
        }
        // Fail before anything is written when no model is set up.
        self.llm_client(secrets)?.ok_or(AgentError::NoModel)?;
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
    pub async fn resume_run(&self, id: i64, secrets: &dyn SecretStore) -> ServiceResult<RunDetail> {
        let run = self.store().get_run(id)?;
        if matches!(run.status, RunStatus::Completed | RunStatus::Cancelled) {
            return Err(AgentError::NotResumable {
                id,
                status: run.status.to_string(),
            }
            .into());
        }
        self.drive(id, secrets).await
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

    async fn drive(&self, run_id: i64, secrets: &dyn SecretStore) -> ServiceResult<RunDetail> {
        // One driver per run across every process: the app and a `utter runs resume` racing
        // would both run a pending call. The OS drops the lock when a process dies.
        let _lease = self.run_lease(run_id)?;
        let run = self.store().get_run(run_id)?;
        if matches!(run.status, RunStatus::Completed | RunStatus::Cancelled) {
            // Finished by whoever held the lock before us.
            return self.get_run_detail(run_id);
        }
        let undecided = self
            .store()
            .list_approvals(Some(ApprovalStatus::Pending), Some(run_id))?;
        if run.status == RunStatus::WaitingApproval && !undecided.is_empty() {
            // Nothing can happen until the user decides; no need to start any server.
            return self.get_run_detail(run_id);
        }
        let agent = self.get_agent(&run.agent)?;
        let llm = self.llm_client(secrets)?.ok_or(AgentError::NoModel)?;
        // A model turn left `started` was cut off by a kill; it is asked again, and the log
        // keeps the cut one as failed.
        let steps = self.store().run_steps(run_id)?;
        for s in steps {
            if s.kind == StepKind::Model && s.status == StepStatus::Started {
                self.store().finish_step(
                    s.id,
                    StepStatus::Failed,
                    "",
                    Some("interrupted: Utter stopped during this model call"),
                    (0, 0),
                    0,
                )?;
            }
        }
        if run.status != RunStatus::Running {
            let run = self
                .store()
                .set_run_status(run_id, RunStatus::Running, None, None)?;
            self.emit_run(&run);
        }
        let toolbox = match self.toolbox(&agent, secrets).await {
            Ok(t) => t,
            Err(e) => {
                self.fail_run(&run, &e.to_string())?;
                return self.get_run_detail(run_id);
            }
        };
        let result = self.drive_loop(&run, &agent, &llm, &toolbox).await;
        toolbox.supervisor.shutdown().await;
        if let Err(e) = result {
            self.fail_run(&run, &e.to_string())?;
        }
        self.get_run_detail(run_id)
    }

    async fn drive_loop(
        &self,
        run: &Run,
        agent: &AgentDef,
        llm: &LlmClient,
        toolbox: &Toolbox,
    ) -> ServiceResult<()> {
        let specs = toolbox.specs();
        loop {
            let steps = self.store().run_steps(run.id)?;
            let (messages, pending) = replay(&run.prompt, &steps);
            if !pending.is_empty() {
                for (call, step) in pending {
                    if let CallOutcome::WaitingApproval =
                        self.handle_call(run, &call, step, toolbox).await?
                    {
                        let r = self.store().set_run_status(
                            run.id,
                            RunStatus::WaitingApproval,
                            None,
                            None,
                        )?;
                        self.emit_run(&r);
                        return Ok(());
                    }
                }
                continue;
            }
            let turns = steps
                .iter()
                .filter(|s| s.kind == StepKind::Model && s.status == StepStatus::Done)
                .count();
            if turns >= agent.max_steps as usize {
                self.fail_run(
                    run,
                    &format!(
                        "stopped after {turns} model steps without a final answer (the agent's step limit)"
                    ),
                )?;
                return Ok(());
            }
            let step_id = self.store().insert_step(
                run.id,
                StepKind::Model,
                StepStatus::Started,
                &NewStep::default(),
            )?;
            let request = ChatRequest {
                system: Some(agent.system_prompt.clone()),
                messages,
                tools: specs.clone(),
                ..ChatRequest::default()
            };
            let started = Instant::now();
            let reply = llm.chat(&request).await;
            let ms = elapsed_ms(started);
            let reply = match reply {
                Ok(r) => r,
                Err(e) => {
                    let msg = e.to_string();
                    self.store().finish_step(
                        step_id,
                        StepStatus::Failed,
                        "",
                        Some(&msg),
                        (0, 0),
                        ms,
                    )?;
                    self.fail_run(run, &msg)?;
                    return Ok(());
                }
            };
            let usage = reply.usage.unwrap_or_default();
            let calls = serde_json::to_string(&reply.tool_calls)
                .map_err(|e| AgentError::Invalid(e.to_string()))?;
            self.store().set_step_arguments(step_id, &calls)?;
            self.store().finish_step(
                step_id,
                StepStatus::Done,
                &reply.text,
                None,
                (usage.input_tokens as i64, usage.output_tokens as i64),
                ms,
            )?;
            if reply.tool_calls.is_empty() {
                self.finish_run(run, &reply.text)?;
                return Ok(());
            }
            self.emit_run(run);
        }
    }

    /// One tool call the model asked for: check it, ask for approval, or run it.
    async fn handle_call(
        &self,
        run: &Run,
        call: &ToolCall,
        step: Option<RunStep>,
        toolbox: &Toolbox,
    ) -> ServiceResult<CallOutcome> {
        let Some(offered) = toolbox.tools.get(&call.name) else {
            // A name the agent was never given: refused without touching any server.
            let msg = format!(
                "Error: there is no tool named {} available to this agent.",
                call.name
            );
            self.record_call(run, call, step, StepStatus::Failed, &msg, Some(&msg), 0)?;
            return Ok(CallOutcome::Finished);
        };
        let tool_path = format!("{}/{}", offered.server, offered.tool.name);
        let args = match call.arguments_json() {
            Ok(v @ Value::Object(_)) => v,
            Ok(_) | Err(_) => {
                let msg = "Error: the arguments were not a JSON object; call the tool again with valid JSON.";
                self.record_call(run, call, step, StepStatus::Failed, msg, Some(msg), 0)?;
                return Ok(CallOutcome::Finished);
            }
        };
        let new_step = || NewStep {
            tool: Some(&tool_path),
            call_id: Some(&call.id),
            arguments: Some(&call.arguments),
            content: "",
        };
        let step_id = match step {
            Some(s) if s.status == StepStatus::WaitingApproval => {
                let decided = self.store().approval_for_step(s.id)?.map(|a| a.status);
                match decided {
                    Some(ApprovalStatus::Approved) => {
                        // Marked as running first: a crash during the call must not run it twice.
                        self.store().set_step_status(s.id, StepStatus::Started)?;
                        s.id
                    }
                    Some(ApprovalStatus::Denied) => {
                        let msg = "The user denied this tool call. Do not try it again; finish without it and say what could not be done.";
                        self.store().finish_step(
                            s.id,
                            StepStatus::Denied,
                            msg,
                            Some("denied by the user"),
                            (0, 0),
                            0,
                        )?;
                        return Ok(CallOutcome::Finished);
                    }
                    Some(ApprovalStatus::Pending) | None => {
                        return Ok(CallOutcome::WaitingApproval);
                    }
                }
            }
            Some(s) if s.status == StepStatus::Started => {
                if !(offered.tool.annotations.is_read_only() && offered.trusted) {
                    // The process died during this call; it may or may not have happened. Only
                    // a trusted server's read-only tool is safe to call again.
                    let msg = "Error: Utter stopped while this call was running, so whether it took effect is unknown. Check before calling it again.";
                    self.store().finish_step(
                        s.id,
                        StepStatus::Failed,
                        msg,
                        Some("interrupted; outcome unknown"),
                        (0, 0),
                        0,
                    )?;
                    return Ok(CallOutcome::Finished);
                }
                s.id
            }
            Some(s) => s.id,
            None => match offered.decision.permission {
                Permission::Deny => {
                    let msg = format!("Error: {tool_path} is not permitted for this agent.");
                    self.record_call(run, call, None, StepStatus::Denied, &msg, Some(&msg), 0)?;
                    return Ok(CallOutcome::Finished);
                }
                Permission::Ask => {
                    let id = self.store().insert_step(
                        run.id,
                        StepKind::Tool,
                        StepStatus::WaitingApproval,
                        &new_step(),
                    )?;
                    let approval = self.store().insert_approval(
                        run.id,
                        id,
                        &tool_path,
                        &args.to_string(),
                        &offered.decision.reason,
                    )?;
                    self.feed
                        .emit(ChangeEvent::ApprovalCreated { id: approval.id });
                    return Ok(CallOutcome::WaitingApproval);
                }
                Permission::Allow => self.store().insert_step(
                    run.id,
                    StepKind::Tool,
                    StepStatus::Started,
                    &new_step(),
                )?,
            },
        };
        self.emit_run(run);
        let started = Instant::now();
        let result = toolbox
            .supervisor
            .call_tool(&offered.server, &offered.tool.name, args)
            .await;
        let ms = elapsed_ms(started);
        match result {
            Ok(r) => {
                let text = result_for_model(&r);
                let (status, err) = if r.is_error {
                    (
                        StepStatus::Failed,
                        Some(crate::agents::summarize(&text, 200)),
                    )
                } else {
                    (StepStatus::Done, None)
                };
                self.store()
                    .finish_step(step_id, status, &text, err.as_deref(), (0, 0), ms)?;
            }
            Err(e) => {
                let msg = e.to_string();
                self.store().finish_step(
                    step_id,
                    StepStatus::Failed,
                    &format!("Error: {msg}"),
                    Some(&msg),
                    (0, 0),
                    ms,
                )?;
            }
        }
        Ok(CallOutcome::Finished)
    }

    /// Writes a tool step that ends without calling anything.
    #[allow(clippy::too_many_arguments)]
    fn record_call(
        &self,
        run: &Run,
        call: &ToolCall,
        existing: Option<RunStep>,
        status: StepStatus,
        content: &str,
        error: Option<&str>,
        ms: i64,
    ) -> ServiceResult<()> {
        let id = match existing {
            Some(s) => s.id,
            None => self.store().insert_step(
                run.id,
                StepKind::Tool,
                StepStatus::Started,
                &NewStep {
                    tool: Some(&call.name),
                    call_id: Some(&call.id),
                    arguments: Some(&call.arguments),
                    content: "",
                },
            )?,
        };
        self.store()
            .finish_step(id, status, content, error, (0, 0), ms)?;
        Ok(())
    }

    /// Starts the agent's servers (only those) and collects the tools it may see.
    pub(super) async fn toolbox(
        &self,
        agent: &AgentDef,
        secrets: &dyn SecretStore,
    ) -> ServiceResult<Toolbox> {
        let mut specs = Vec::new();
        let mut trusted = std::collections::HashSet::new();
        for name in &agent.mcp_servers {
            let spec = self.mcp_spec(name, secrets).map_err(|e| {
                AgentError::Invalid(format!(
                    "agent {} uses MCP server '{name}', which cannot be used: {e}",
                    agent.name
                ))
            })?;
            if spec.trusted {
                trusted.insert(spec.name.clone());
            }
            specs.push(spec);
        }
        let supervisor = self.mcp_background_supervisor(specs, secrets)?;
        let mut tools = HashMap::new();
        for server in &agent.mcp_servers {
            let listed = match supervisor.list_tools(server).await {
                Ok(t) => t,
                Err(e) => {
                    supervisor.shutdown().await;
                    return Err(e.into());
                }
            };
            for tool in listed {
                let trusted = trusted.contains(server);
                let decision = decide(agent, server, &tool.name, &tool.annotations, trusted);
                if decision.permission == Permission::Deny {
                    continue;
                }
                tools.insert(
                    model_tool_name(server, &tool.name),
                    OfferedTool {
                        server: server.clone(),
                        tool,
                        decision,
                        trusted,
                    },
                );
            }
        }
        Ok(Toolbox { supervisor, tools })
    }

    /// An exclusive lock on `runs/run-ID.lock` in the data dir, held while a run is driven.
    fn run_lease(&self, id: i64) -> ServiceResult<std::fs::File> {
        let lock_err = |e: std::io::Error| AgentError::RunLock {
            id,
            reason: e.to_string(),
        };
        let dir = self.data_dir().join("runs");
        std::fs::create_dir_all(&dir).map_err(lock_err)?;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(format!("run-{id}.lock")))
            .map_err(lock_err)?;
        match file.try_lock() {
            Ok(()) => Ok(file),
            Err(std::fs::TryLockError::WouldBlock) => Err(AgentError::RunBusy(id).into()),
            Err(std::fs::TryLockError::Error(e)) => Err(lock_err(e).into()),
        }
    }

    fn finish_run(&self, run: &Run, output: &str) -> ServiceResult<()> {
        // The model's last words may quote a secret a tool echoed; the card keeps them too.
        let output = crate::secrets::redact::scrub_known(output);
        let output = output.as_ref();
        let done = self
            .store()
            .set_run_status(run.id, RunStatus::Completed, Some(output), None)?;
        if let Some(task) = run.task_id {
            self.update_task(
                task,
                TaskPatch {
                    agent_output: Some(Some(output.to_owned())),
                    ..TaskPatch::default()
                },
            )?;
            // Inside a workflow the task is done only when the last step is.
            if run.workflow_run.is_none() {
                self.move_task(task, Status::Completed, None)?;
            }
        }
        self.emit_run(&done);
        Ok(())
    }

    fn fail_run(&self, run: &Run, error: &str) -> ServiceResult<()> {
        let failed = self
            .store()
            .set_run_status(run.id, RunStatus::Failed, None, Some(error))?;
        if let Some(task) = run.task_id
            && run.workflow_run.is_none()
            && let Ok(t) = self.get_task(task)
            && t.status != Status::Completed
        {
            self.move_task(task, Status::Blocked, None)?;
        }
        self.emit_run(&failed);
        Ok(())
    }

    fn emit_run(&self, run: &Run) {
        self.feed.emit(ChangeEvent::RunUpdated {
            id: run.id,
            task_id: run.task_id,
        });
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

/// The conversation so far, rebuilt from the steps, and the tool calls of the last model
/// turn that have not finished (with their step, if one was started).
fn replay(prompt: &str, steps: &[RunStep]) -> (Vec<Message>, Vec<(ToolCall, Option<RunStep>)>) {
    let mut messages = vec![Message::user(prompt)];
    let mut last_calls: Vec<ToolCall> = Vec::new();
    for s in steps {
        match (s.kind, s.status) {
            (StepKind::Model, StepStatus::Done) => {
                last_calls = s
                    .arguments
                    .as_deref()
                    .and_then(|a| serde_json::from_str(a).ok())
                    .unwrap_or_default();
                messages.push(Message::Assistant {
                    content: s.content.clone(),
                    tool_calls: last_calls.clone(),
                });
            }
            (StepKind::Tool, StepStatus::Done | StepStatus::Failed | StepStatus::Denied) => {
                messages.push(Message::Tool {
                    call_id: s.call_id.clone().unwrap_or_default(),
                    content: s.content.clone(),
                    is_error: s.status != StepStatus::Done,
                });
            }
            _ => {}
        }
    }
    let finished = |id: &str| {
        steps.iter().any(|s| {
            s.kind == StepKind::Tool
                && s.call_id.as_deref() == Some(id)
                && matches!(
                    s.status,
                    StepStatus::Done | StepStatus::Failed | StepStatus::Denied
                )
        })
    };
    let pending = last_calls
        .into_iter()
        .filter(|c| !finished(&c.id))
        .map(|c| {
            let step = steps
                .iter()
                .rev()
                .find(|s| s.kind == StepKind::Tool && s.call_id.as_deref() == Some(c.id.as_str()))
                .cloned();
            (c, step)
        })
        .collect();
    (messages, pending)
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
