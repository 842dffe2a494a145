//! `utter agents|runs|approvals`.

use super::args::{AgentEditArgs, AgentsCmd, ApprovalsCmd, RunsCmd};
use super::run::read_stdin;
use super::{out, out_json, runtime};
use crate::agents::{
    AgentDef, AgentError, ApprovalStatus, RunDetail, RunStatus, StepKind, ToolRule, summarize,
};
use crate::error::Result;
use crate::service::Service;

pub fn run(svc: &Service, cmd: AgentsCmd) -> Result<()> {
    match cmd {
        AgentsCmd::List { json } => {
            let agents = svc.list_agents()?;
            if json {
                return out_json(&agents);
            }
            let lines: Vec<String> = agents
                .iter()
                .map(|a| {
                    format!(
                        "{:<20} {:<8} servers: {:<20} {}",
                        a.name,
                        if a.enabled { "on" } else { "off" },
                        if a.mcp_servers.is_empty() {
                            "(none)".to_owned()
                        } else {
                            a.mcp_servers.join(",")
                        },
                        a.description
                    )
                })
                .collect();
            out(&lines.join("\n"))
        }
        AgentsCmd::Show { name, json } => {
            let a = svc.get_agent(&name)?;
            if json {
                return out_json(&a);
            }
            out(&render_agent(&a))
        }
        AgentsCmd::Edit(args) => {
            let saved = svc.save_agent(edited(svc, args)?)?;
            out(&render_agent(&saved))
        }
        AgentsCmd::Reset { name } => match svc.reset_agent(&name)? {
            Some(b) => out(&format!("{} is back to the shipped version", b.name)),
            None => out(&format!("deleted agent {name}")),
        },
        AgentsCmd::Run { name, task, json } => {
            let detail = runtime()?.block_on(svc.run_agent(&name, task))?;
            print_outcome(&detail, json)
        }
        AgentsCmd::RunDue { now } => {
            let now = super::run::parse_now(now.as_deref())?;
            let due = svc.due_scheduled(now)?;
            if due.is_empty() {
                return out("no scheduled agent is due");
            }
            let rt = runtime()?;
            for (agent, task) in due {
                let d = rt.block_on(svc.run_agent(&agent, task))?;
                out(&format!(
                    "{agent} on task {task}: run #{} {}",
                    d.run.id,
                    d.run.status.as_str()
                ))?;
            }
            Ok(())
        }
        AgentsCmd::Assign { task, name, none } => {
            let name = if none { None } else { name };
            let t = svc.assign_agent(task, name.as_deref())?;
            out(&match t.assigned_agent {
                Some(a) => format!("task {} → {a}", t.id),
                None => format!("task {} has no agent", t.id),
            })
        }
    }
}

pub fn runs(svc: &Service, cmd: RunsCmd) -> Result<()> {
    match cmd {
        RunsCmd::List { task, limit, json } => {
            let runs = svc.list_runs(task, limit)?;
            if json {
                return out_json(&runs);
            }
            let lines: Vec<String> = runs
                .iter()
                .map(|r| {
                    format!(
                        "#{:<5} {:<17} {:<20} task {:<6} {} tokens, {} ms{}",
                        r.id,
                        r.status.as_str(),
                        r.agent,
                        r.task_id
                            .map(|t| t.to_string())
                            .unwrap_or_else(|| "-".into()),
                        r.tokens_in + r.tokens_out,
                        r.execution_ms,
                        r.error
                            .as_deref()
                            .map(|e| format!("  error: {e}"))
                            .unwrap_or_default()
                    )
                })
                .collect();
            out(&lines.join("\n"))
        }
        RunsCmd::Show { id, json } => {
            let d = svc.get_run_detail(id)?;
            if json {
                return out_json(&d);
            }
            out(&render_timeline(&d))
        }
        RunsCmd::Resume { id, json } => {
            let d = runtime()?.block_on(svc.continue_run(id))?;
            print_outcome(&d, json)
        }
        RunsCmd::Cancel { id } => {
            let r = svc.cancel_run(id)?;
            out(&format!("run {} cancelled", r.id))
        }
    }
}

pub fn approvals(svc: &Service, cmd: ApprovalsCmd) -> Result<()> {
    let (id, approve, no_resume) = match cmd {
        ApprovalsCmd::List { all, json } => {
            let list = svc.list_approvals(if all {
                None
            } else {
                Some(ApprovalStatus::Pending)
            })?;
            if json {
                return out_json(&list);
            }
            if list.is_empty() {
                return out("no approvals waiting");
            }
            let lines: Vec<String> = list
                .iter()
                .map(|a| {
                    format!(
                        "#{:<4} {:<8} {} wants {} {}\n      because {}",
                        a.id,
                        a.status.as_str(),
                        a.agent,
                        a.tool,
                        summarize(&a.arguments, 120),
                        a.reason
                    )
                })
                .collect();
            return out(&lines.join("\n"));
        }
        ApprovalsCmd::Approve { id, no_resume } => (id, true, no_resume),
        ApprovalsCmd::Deny { id, no_resume } => (id, false, no_resume),
    };
    let a = svc.decide_approval(id, approve)?;
    out(&format!("approval {} {}", a.id, a.status.as_str()))?;
    if no_resume {
        return out(&format!(
            "continue the run with: utter runs resume {}",
            a.run_id
        ));
    }
    let d = runtime()?.block_on(svc.continue_run(a.run_id))?;
    print_outcome(&d, false)
}

/// The run's result, or what it waits for; a failed run is an error (exit 1).
fn print_outcome(d: &RunDetail, json: bool) -> Result<()> {
    if json {
        out_json(d)?;
    } else {
        out(&render_timeline(d))?;
    }
    match d.run.status {
        RunStatus::Failed => Err(crate::Error::Io(format!(
            "run {} failed: {}",
            d.run.id,
            d.run.error.as_deref().unwrap_or("unknown error")
        ))),
        RunStatus::WaitingApproval if !json => {
            let waiting: Vec<String> = d
                .approvals
                .iter()
                .filter(|a| a.status == ApprovalStatus::Pending)
                .map(|a| {
                    format!(
                        "waiting for approval #{} ({}): utter approvals approve {} | deny {}",
                        a.id, a.tool, a.id, a.id
                    )
                })
                .collect();
            out(&waiting.join("\n"))
        }
        _ => Ok(()),
    }
}

fn render_timeline(d: &RunDetail) -> String {
    let r = &d.run;
    let mut lines = vec![format!(
        "run #{} · {} · task {} · {} · {} in / {} out tokens · {} ms",
        r.id,
        r.agent,
        r.task_id
            .map(|t| t.to_string())
            .unwrap_or_else(|| "-".into()),
        r.status.as_str(),
        r.tokens_in,
        r.tokens_out,
        r.execution_ms
    )];
    for s in &d.steps {
        let head = match s.kind {
            StepKind::Model => format!("model  {:<16}", s.status.as_str()),
            StepKind::Tool => format!(
                "tool   {:<16} {}",
                s.status.as_str(),
                s.tool.as_deref().unwrap_or("?")
            ),
        };
        let body = match (&s.error, s.kind) {
            (Some(e), _) => format!("error: {}", summarize(e, 160)),
            (None, StepKind::Tool) => format!(
                "{} → {}",
                summarize(s.arguments.as_deref().unwrap_or(""), 80),
                summarize(&s.content, 100)
            ),
            (None, StepKind::Model) => summarize(&s.content, 120),
        };
        lines.push(format!("  {head} {:>6} ms  {body}", s.ms));
    }
    if let Some(o) = &r.output {
        lines.push(String::new());
        lines.push(o.clone());
    }
    if let Some(e) = &r.error {
        lines.push(format!("error: {e}"));
    }
    lines.join("\n")
}

fn render_agent(a: &AgentDef) -> String {
    let rules: Vec<String> = a
        .tool_permissions
        .iter()
        .map(|r| format!("{}={}", r.pattern, r.permission.as_str()))
        .collect();
    format!(
        "{}{}{}\n{}\nservers:    {}\nrules:      {}\ncategories: {}\nkeywords:   {}\nschedule:   {}\nmax steps:  {}\n\n{}",
        a.name,
        if a.builtin { " (built-in)" } else { "" },
        if a.enabled { "" } else { " — disabled" },
        a.description,
        list_or_none(&a.mcp_servers),
        list_or_none(&rules),
        list_or_none(&a.categories),
        list_or_none(&a.trigger_keywords),
        a.schedule.as_deref().unwrap_or("(none)"),
        a.max_steps,
        a.system_prompt
    )
}

fn list_or_none(v: &[String]) -> String {
    if v.is_empty() {
        "(none)".into()
    } else {
        v.join(", ")
    }
}

/// The agent as it is now (or a new one) with the flags applied. A repeated flag replaces
/// the whole list, so a command line says the full list, like a config file would.
fn edited(svc: &Service, a: AgentEditArgs) -> Result<AgentDef> {
    let mut def = match svc.get_agent(&a.name) {
        Ok(d) => d,
        Err(crate::service::ServiceError::Agent(AgentError::UnknownAgent(_))) => {
            if a.prompt.is_none() {
                return Err(AgentError::Invalid(format!(
                    "there is no agent named '{}'; to create it give --prompt",
                    a.name
                ))
                .into());
            }
            AgentDef {
                name: a.name.clone(),
                description: String::new(),
                system_prompt: String::new(),
                mcp_servers: Vec::new(),
                tool_permissions: Vec::new(),
                trigger_keywords: Vec::new(),
                categories: Vec::new(),
                schedule: None,
                enabled: true,
                builtin: false,
                max_steps: crate::agents::DEFAULT_MAX_STEPS,
            }
        }
        Err(e) => return Err(e.into()),
    };
    if let Some(p) = a.prompt {
        def.system_prompt = if p == "-" { read_stdin()? } else { p };
    }
    if let Some(d) = a.description {
        def.description = d;
    }
    let non_empty = |v: Vec<String>| {
        v.into_iter()
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
    };
    if !a.servers.is_empty() {
        def.mcp_servers = non_empty(a.servers);
    }
    if !a.rules.is_empty() {
        def.tool_permissions = non_empty(a.rules)
            .iter()
            .map(|r| ToolRule::parse(r))
            .collect::<Result<_, _>>()
            .map_err(crate::service::ServiceError::from)?;
    }
    if !a.keywords.is_empty() {
        def.trigger_keywords = non_empty(a.keywords);
    }
    if !a.categories.is_empty() {
        def.categories = non_empty(a.categories);
    }
    if let Some(s) = a.schedule {
        def.schedule = if s.trim().eq_ignore_ascii_case("none") {
            None
        } else {
            Some(s)
        };
    }
    if let Some(n) = a.max_steps {
        def.max_steps = n;
    }
    if a.enable {
        def.enabled = true;
    }
    if a.disable {
        def.enabled = false;
    }
    Ok(def)
}
