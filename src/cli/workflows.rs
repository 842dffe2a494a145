//! `utter workflows list|add|rm|run|resume|runs`.

use super::args::WorkflowsCmd;
use super::{out, out_json, runtime};
use crate::agents::{RunStatus, WorkflowDef, WorkflowRun};
use crate::error::Result;
use crate::service::Service;

pub fn run(svc: &Service, cmd: WorkflowsCmd) -> Result<()> {
    match cmd {
        WorkflowsCmd::List { json } => {
            let list = svc.list_workflows()?;
            if json {
                return out_json(&list);
            }
            let lines: Vec<String> = list
                .iter()
                .map(|w| {
                    format!(
                        "{:<24} {}  (sends back at most {}×)",
                        w.name,
                        w.agents.join(" → "),
                        w.max_retries
                    )
                })
                .collect();
            out(&lines.join("\n"))
        }
        WorkflowsCmd::Add {
            name,
            agents,
            retries,
        } => {
            let w = svc.save_workflow(WorkflowDef {
                name,
                agents,
                max_retries: retries,
            })?;
            out(&format!("{}: {}", w.name, w.agents.join(" → ")))
        }
        WorkflowsCmd::Rm { name } => {
            svc.delete_workflow(&name)?;
            out(&format!("deleted workflow {name}"))
        }
        WorkflowsCmd::Run { name, task, json } => {
            let w = runtime()?.block_on(svc.run_workflow(&name, task))?;
            outcome(svc, &w, json)
        }
        WorkflowsCmd::Resume { id, json } => {
            let w = runtime()?.block_on(svc.resume_workflow(id))?;
            outcome(svc, &w, json)
        }
        WorkflowsCmd::Runs { json } => {
            let runs = svc.list_workflow_runs(20)?;
            if json {
                return out_json(&runs);
            }
            let lines: Vec<String> = runs.iter().map(summary).collect();
            out(&lines.join("\n"))
        }
    }
}

fn summary(w: &WorkflowRun) -> String {
    format!(
        "workflow run #{} · {} · task {} · {} · step {} of {} · sent back {}× · agent runs {:?}{}",
        w.id,
        w.workflow,
        w.task_id
            .map(|t| t.to_string())
            .unwrap_or_else(|| "-".into()),
        w.status.as_str(),
        w.position + 1,
        w.definition.agents.len(),
        w.retries,
        w.run_ids,
        w.error
            .as_deref()
            .map(|e| format!("\nerror: {e}"))
            .unwrap_or_default()
    )
}

fn outcome(svc: &Service, w: &WorkflowRun, json: bool) -> Result<()> {
    if json {
        out_json(w)?;
    } else {
        out(&summary(w))?;
        if w.status == RunStatus::WaitingApproval {
            out(&format!(
                "waiting for an approval: `utter approvals list`, then `utter workflows resume {}`",
                w.id
            ))?;
        }
        if let Some(output) = w
            .task_id
            .filter(|_| w.status == RunStatus::Completed)
            .and_then(|t| svc.get_task(t).ok())
            .and_then(|t| t.agent_output)
        {
            out(&format!("\n{output}"))?;
        }
    }
    if w.status == RunStatus::Failed {
        return Err(crate::Error::Io(format!(
            "workflow run {} failed: {}",
            w.id,
            w.error.as_deref().unwrap_or("unknown error")
        )));
    }
    Ok(())
}
