//! One tool call the model asked for: checked against the agent's permissions, held for
//! approval, or run, with its step written before and after.

use super::*;

impl Service {
    /// One tool call the model asked for: check it, ask for approval, or run it.
    pub(super) async fn handle_call(
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
    pub(super) fn record_call(
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
}
