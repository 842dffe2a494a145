//! Agent definitions (built-ins merged with the user's edits), routing of new tasks, and
//! assigning a task to an agent by hand.

use super::{ChangeEvent, Service, ServiceResult};
use crate::agents::{AgentDef, AgentError, builtin_agents, route};
use crate::model::{Task, TaskPatch};

impl Service {
    /// Every agent: the built-ins in gallery order (the user's version where edited), then
    /// the user's own, by name.
    pub fn list_agents(&self) -> ServiceResult<Vec<AgentDef>> {
        let stored = self.store().list_agents()?;
        let mut stored: Vec<AgentDef> = stored
            .into_iter()
            .map(|(name, json)| parse_agent(&name, &json))
            .collect::<ServiceResult<_>>()?;
        let mut out = Vec::new();
        for b in builtin_agents() {
            match stored.iter().position(|s| s.name == b.name) {
                Some(i) => {
                    let mut edited = stored.remove(i);
                    edited.builtin = true;
                    out.push(edited);
                }
                None => out.push(b),
            }
        }
        out.extend(stored);
        Ok(out)
    }

    /// An agent by name, ignoring case.
    pub fn get_agent(&self, name: &str) -> ServiceResult<AgentDef> {
        self.list_agents()?
            .into_iter()
            .find(|a| a.name.eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| AgentError::UnknownAgent(name.trim().to_owned()).into())
    }

    /// Creates or replaces an agent. A built-in's name keeps it a built-in (resettable).
    pub fn save_agent(&self, mut def: AgentDef) -> ServiceResult<AgentDef> {
        def.name = def.name.trim().to_owned();
        def.validate()?;
        if let Some(b) = builtin_agents()
            .into_iter()
            .find(|b| b.name.eq_ignore_ascii_case(&def.name))
        {
            def.name = b.name;
            def.builtin = true;
        } else {
            def.builtin = false;
        }
        let json = serde_json::to_string(&def).map_err(|e| AgentError::Invalid(e.to_string()))?;
        self.store().put_agent(&def.name, &json)?;
        self.feed.emit(ChangeEvent::AgentChanged {
            name: def.name.clone(),
        });
        Ok(def)
    }

    /// Brings a built-in back to the shipped version, or deletes an agent the user made.
    pub fn reset_agent(&self, name: &str) -> ServiceResult<Option<AgentDef>> {
        let agent = self.get_agent(name)?;
        self.store().delete_agent(&agent.name)?;
        self.feed.emit(ChangeEvent::AgentChanged {
            name: agent.name.clone(),
        });
        Ok(builtin_agents().into_iter().find(|b| b.name == agent.name))
    }

    /// Hands a task to an agent (or to nobody), recording that the user chose.
    pub fn assign_agent(&self, task_id: i64, agent: Option<&str>) -> ServiceResult<Task> {
        let name = agent
            .map(|a| self.get_agent(a).map(|a| a.name))
            .transpose()?;
        let reason = name.as_ref().map(|_| "assigned by you".to_owned());
        self.update_task(
            task_id,
            TaskPatch {
                assigned_agent: Some(name),
                agent_reason: Some(reason),
                ..TaskPatch::default()
            },
        )
    }

    pub(crate) fn route_new_task(&self, task: Task) -> Task {
        self.route_new_tasks(vec![task.clone()])
            .pop()
            .unwrap_or(task)
    }

    /// Gives each new task to the agent its category or words point to. Routing is a
    /// convenience: if it fails the tasks are still saved, unassigned.
    pub(crate) fn route_new_tasks(&self, tasks: Vec<Task>) -> Vec<Task> {
        let agents = match self.list_agents() {
            Ok(a) => a,
            Err(e) => {
                tracing::warn!(error = %e, "agents unreadable; new tasks stay unassigned");
                return tasks;
            }
        };
        tasks
            .into_iter()
            .map(|t| {
                if t.assigned_agent.is_some() {
                    return t;
                }
                let Some(r) = route(&agents, &t.title, t.description.as_deref(), t.category.as_deref())
                else {
                    return t;
                };
                let patch = TaskPatch {
                    assigned_agent: Some(Some(r.agent)),
                    agent_reason: Some(Some(r.reason)),
                    ..TaskPatch::default()
                };
                match self.store().update_task(t.id, &patch) {
                    Ok(routed) => routed,
                    Err(e) => {
                        tracing::warn!(task = t.id, error = %e, "could not record the agent for a task");
                        t
                    }
                }
            })
            .collect()
    }
}

fn parse_agent(name: &str, json: &str) -> ServiceResult<AgentDef> {
    serde_json::from_str(json).map_err(|e| {
        AgentError::Invalid(format!(
            "the stored agent '{name}' is unreadable ({e}); reset it with `utter agents reset \"{name}\"`"
        ))
        .into()
    })
}
