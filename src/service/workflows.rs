//! Workflows: agents one after another on a task, each told what the step before found. A
//! step that answers FAIL sends the work back one step with its feedback, a bounded number of
//! times. Where the workflow is lives in `workflow_runs`, so a killed or approval-waiting
//! workflow resumes at the step it was on.

use super::{ChangeEvent, Service, ServiceResult};
use crate::agents::{AgentError, RunDetail, RunStatus, WorkflowDef, WorkflowRun, verdict};
use crate::model::{Status, TaskPatch};

impl Service {
    pub fn list_workflows(&self) -> ServiceResult<Vec<WorkflowDef>> {
        Ok(self.store().list_workflows()?)
    }

    pub fn get_workflow(&self, name: &str) -> ServiceResult<WorkflowDef> {
        self.list_workflows()?
            .into_iter()
            .find(|w| w.name.eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| {
                AgentError::Invalid(format!(
                    "no workflow named '{}'; `utter workflows list` shows them",
                    name.trim()
                ))
                .into()
            })
    }

    /// Creates or replaces a workflow; every agent in it must exist.
    pub fn save_workflow(&self, mut def: WorkflowDef) -> ServiceResult<WorkflowDef> {
        def.name = def.name.trim().to_owned();
        def.validate()?;
        def.agents = def
            .agents
            .iter()
            .map(|a| self.get_agent(a).map(|a| a.name))
            .collect::<ServiceResult<_>>()?;
        self.store().put_workflow(&def)?;
        self.feed.emit(ChangeEvent::SettingChanged {
            key: format!("workflow.{}", def.name),
        });
        Ok(def)
    }

    pub fn delete_workflow(&self, name: &str) -> ServiceResult<bool> {
        let def = self.get_workflow(name)?;
        Ok(self.store().delete_workflow(&def.name)?)
    }

    pub fn list_workflow_runs(&self, limit: usize) -> ServiceResult<Vec<WorkflowRun>> {
        Ok(self.store().list_workflow_runs(limit)?)
    }

    /// Runs a workflow on a task until it finishes, fails or waits for an approval.
    pub async fn run_workflow(&self, name: &str, task_id: i64) -> ServiceResult<WorkflowRun> {
        let w = self.start_workflow(name, task_id)?;
        self.drive_workflow(w).await
    }

    /// Records a new run of a workflow on a task after checking it can run; drive it with
    /// [`Service::resume_workflow`] (the desktop app does that in the background).
    pub fn start_workflow(&self, name: &str, task_id: i64) -> ServiceResult<WorkflowRun> {
        let def = self.get_workflow(name)?;
        for a in &def.agents {
            let agent = self.get_agent(a)?;
            if !agent.enabled {
                return Err(AgentError::Disabled(agent.name).into());
            }
        }
        self.llm_client()?.ok_or(AgentError::NoModel)?;
        self.get_task(task_id)?;
        Ok(self.store().insert_workflow_run(&def, Some(task_id))?)
    }

    /// Continues a run after an approval or a stop: a run inside a workflow continues the
    /// workflow too (the next agents), any other run just itself.
    pub async fn continue_run(&self, run_id: i64) -> ServiceResult<RunDetail> {
        let run = self.store().get_run(run_id)?;
        match run.workflow_run {
            Some(w) => {
                self.resume_workflow(w).await?;
                self.get_run_detail(run_id)
            }
            None => self.resume_run(run_id).await,
        }
    }

    /// Continues a workflow at the step it was on (after an approval, a kill, a failure).
    pub async fn resume_workflow(&self, id: i64) -> ServiceResult<WorkflowRun> {
        let w = self.store().get_workflow_run(id)?;
        if w.status == RunStatus::Completed {
            return Err(AgentError::NotResumable {
                id,
                status: w.status.to_string(),
            }
            .into());
        }
        self.drive_workflow(w).await
    }

    async fn drive_workflow(&self, mut w: WorkflowRun) -> ServiceResult<WorkflowRun> {
        let task = w
            .task_id
            .ok_or_else(|| AgentError::Invalid("the workflow's task was deleted".into()))?;
        w.status = RunStatus::Running;
        w.error = None;
        let mut w = self.store().save_workflow_run(&w)?;
        loop {
            let agent = w
                .definition
                .agents
                .get(w.position as usize)
                .cloned()
                .ok_or_else(|| AgentError::Invalid("the workflow has no such step".into()))?;
            let current = w
                .current_run
                .map(|id| self.store().get_run(id))
                .transpose()?;
            let detail = match current {
                Some(r) if r.status == RunStatus::Completed => self.get_run_detail(r.id)?,
                Some(r) if r.status != RunStatus::Cancelled => self.resume_run(r.id).await?,
                _ => {
                    let context = self.workflow_context(&w)?;
                    let run = self.start_run_with(&agent, task, context.as_deref(), Some(w.id))?;
                    w.current_run = Some(run.id);
                    w.run_ids.push(run.id);
                    w = self.store().save_workflow_run(&w)?;
                    self.resume_run(run.id).await?
                }
            };
            match detail.run.status {
                RunStatus::Completed => {}
                RunStatus::WaitingApproval | RunStatus::Running => {
                    w.status = RunStatus::WaitingApproval;
                    return Ok(self.store().save_workflow_run(&w)?);
                }
                RunStatus::Failed | RunStatus::Cancelled => {
                    let why = detail.run.error.unwrap_or_else(|| "cancelled".into());
                    return self.end_workflow(w, Err(format!("{agent} failed: {why}")));
                }
            }
            let output = detail.run.output.unwrap_or_default();
            let last = w.position as usize + 1 == w.definition.agents.len();
            if verdict(&output) == Some(false) && w.position > 0 {
                if w.retries >= w.definition.max_retries {
                    let first = crate::agents::summarize(&output, 200);
                    let why = format!(
                        "{agent} sent the work back {} time(s) and still says: {first}",
                        w.retries
                    );
                    return self.end_workflow(w, Err(why));
                }
                w.retries += 1;
                w.position -= 1;
            } else if last {
                let result = self.workflow_result(&w, &output)?;
                return self.end_workflow(w, Ok(result));
            } else {
                w.position += 1;
            }
            w.current_run = None;
            w = self.store().save_workflow_run(&w)?;
        }
    }

    /// Records the end; the task gets the result and its column.
    fn end_workflow(
        &self,
        mut w: WorkflowRun,
        outcome: Result<String, String>,
    ) -> ServiceResult<WorkflowRun> {
        let task = w.task_id;
        let status = match &outcome {
            Ok(_) => Status::Completed,
            Err(_) => Status::Blocked,
        };
        match outcome {
            Ok(result) => {
                w.status = RunStatus::Completed;
                if let Some(t) = task {
                    self.update_task(
                        t,
                        TaskPatch {
                            agent_output: Some(Some(result)),
                            ..TaskPatch::default()
                        },
                    )?;
                }
            }
            Err(e) => {
                w.status = RunStatus::Failed;
                w.error = Some(e);
            }
        }
        if let Some(t) = task {
            self.move_task(t, status, None)?;
        }
        Ok(self.store().save_workflow_run(&w)?)
    }

    /// What the agent at the current step is told about the steps before it.
    fn workflow_context(&self, w: &WorkflowRun) -> ServiceResult<Option<String>> {
        let runs: Vec<RunDetail> = w
            .run_ids
            .iter()
            .map(|id| self.get_run_detail(*id))
            .collect::<ServiceResult<_>>()?;
        let output_of = |agent: &str| {
            runs.iter()
                .rev()
                .find(|d| d.run.agent == agent && d.run.status == RunStatus::Completed)
                .and_then(|d| d.run.output.clone())
        };
        let agents = &w.definition.agents;
        let pos = w.position as usize;
        let mut parts = vec![format!(
            "This is step {} of {} of the workflow \"{}\" ({}).",
            pos + 1,
            agents.len(),
            w.definition.name,
            agents.join(" → ")
        )];
        let sent_back = runs
            .last()
            .is_some_and(|d| agents.get(pos + 1) == Some(&d.run.agent));
        if sent_back && let (Some(next), Some(mine)) = (agents.get(pos + 1), agents.get(pos)) {
            parts.push(format!(
                "{next} sent your work back. Its feedback:\n{}",
                output_of(next).unwrap_or_default()
            ));
            if let Some(prev) = output_of(mine) {
                parts.push(format!("Your previous version:\n{prev}"));
            }
            parts.push("Fix what the feedback names and give the full corrected result.".into());
        } else if pos > 0
            && let Some(prev_agent) = agents.get(pos - 1)
            && let Some(prev) = output_of(prev_agent)
        {
            parts.push(format!(
                "Result of the previous step ({prev_agent}):\n{prev}"
            ));
        }
        Ok((pos > 0 || sent_back).then(|| parts.join("\n\n")))
    }

    /// The workflow's answer: the last step's, or when the last step is a check that passed,
    /// the work it checked with the check's note under it.
    fn workflow_result(&self, w: &WorkflowRun, last_output: &str) -> ServiceResult<String> {
        let agents = &w.definition.agents;
        if verdict(last_output) != Some(true) || agents.len() < 2 {
            return Ok(last_output.to_owned());
        }
        let checked = &agents[agents.len() - 2];
        let checker = &agents[agents.len() - 1];
        let work = w
            .run_ids
            .iter()
            .rev()
            .filter_map(|id| self.store().get_run(*id).ok())
            .find(|r| &r.agent == checked && r.status == RunStatus::Completed)
            .and_then(|r| r.output)
            .unwrap_or_default();
        Ok(format!("{work}\n\n---\n**{checker}:** {last_output}"))
    }
}
