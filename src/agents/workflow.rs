//! Workflows: agents in sequence on one task (Research → Draft → QA). A step whose answer
//! starts with FAIL sends the work back one step, with its feedback, at most `max_retries`
//! times; a step that starts with PASS approves the step before it.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::{AgentError, RunStatus};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
// The UI reads it whole (the `serde(default)`s are for hand-written files), so its
// generated type has every field: `skip_attr` keeps specta from making them optional.
#[specta(skip_attr = "serde")]
pub struct WorkflowDef {
    pub name: String,
    pub agents: Vec<String>,
    #[serde(default)]
    pub max_retries: u32,
}

impl WorkflowDef {
    pub fn validate(&self) -> Result<(), AgentError> {
        if self.name.trim().is_empty() || self.name.chars().count() > 64 {
            return Err(AgentError::Invalid(
                "a workflow needs a name of 1 to 64 characters".into(),
            ));
        }
        if self.agents.is_empty() {
            return Err(AgentError::Invalid(format!(
                "workflow {} needs at least one agent",
                self.name
            )));
        }
        if self.max_retries > 10 {
            return Err(AgentError::Invalid(
                "a workflow may send work back at most 10 times".into(),
            ));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct WorkflowRun {
    pub id: i64,
    pub workflow: String,
    pub task_id: Option<i64>,
    /// The workflow as it was when this run started.
    pub definition: WorkflowDef,
    pub status: RunStatus,
    /// Index of the agent working now (or last).
    pub position: u32,
    /// How many times work was sent back.
    pub retries: u32,
    pub current_run: Option<i64>,
    /// The agent runs, in order.
    pub run_ids: Vec<i64>,
    pub error: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// `Some(true)` for an answer that starts with PASS, `Some(false)` for FAIL, else `None`.
pub fn verdict(output: &str) -> Option<bool> {
    let first = output
        .trim_start()
        .trim_start_matches(['*', '#', ' '])
        .to_ascii_uppercase();
    if first.starts_with("PASS") {
        Some(true)
    } else if first.starts_with("FAIL") {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::verdict;

    #[test]
    fn verdicts() {
        assert_eq!(verdict("PASS\nall checks"), Some(true));
        assert_eq!(verdict("**FAIL** — price missing"), Some(false));
        assert_eq!(verdict("Here is the draft"), None);
    }
}
