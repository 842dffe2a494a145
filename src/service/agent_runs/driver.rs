//! Driving a run: one driver per run across processes, the model ↔ tools loop, and the
//! conversation rebuilt from the persisted steps when a run resumes.

use super::*;

impl Service {
    pub(super) async fn drive(&self, run_id: i64) -> ServiceResult<RunDetail> {
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
        let llm = self.llm_client()?.ok_or(AgentError::NoModel)?;
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
        let toolbox = match self.toolbox(&agent).await {
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
}

/// The conversation so far, rebuilt from the steps, and the tool calls of the last model
/// turn that have not finished (with their step, if one was started).
pub(super) fn replay(
    prompt: &str,
    steps: &[RunStep],
) -> (Vec<Message>, Vec<(ToolCall, Option<RunStep>)>) {
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
