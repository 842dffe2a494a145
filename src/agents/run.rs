//! A run of an agent and its steps, as stored and as shown in the task's timeline.

use serde::{Deserialize, Serialize};
use specta::Type;

macro_rules! str_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s),+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s { $($s => Ok($name::$variant),)+ other => Err(format!("unknown {} '{other}'", stringify!($name))) }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

str_enum!(
    RunStatus {
        Running = "running",
        WaitingApproval = "waiting_approval",
        Completed = "completed",
        Failed = "failed",
        Cancelled = "cancelled",
    }
);

str_enum!(
    StepKind {
        Model = "model",
        Tool = "tool",
    }
);

str_enum!(
    /// `started` on a tool step that never finished means the process died during the call.
    StepStatus {
        Started = "started",
        Done = "done",
        Failed = "failed",
        Denied = "denied",
        WaitingApproval = "waiting_approval",
    }
);

str_enum!(
    ApprovalStatus {
        Pending = "pending",
        Approved = "approved",
        Denied = "denied",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Run {
    pub id: i64,
    pub agent: String,
    pub task_id: Option<i64>,
    pub status: RunStatus,
    /// What the agent was asked (the task, as the model saw it).
    pub prompt: String,
    pub output: Option<String>,
    pub tokens_in: i64,
    pub tokens_out: i64,
    /// Time spent in model calls and tool calls, summed over the steps.
    pub execution_ms: i64,
    pub error: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// The workflow run this agent run is a step of.
    pub workflow_run: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct RunStep {
    pub id: i64,
    pub kind: StepKind,
    pub status: StepStatus,
    /// `server/tool` for a tool step.
    pub tool: Option<String>,
    pub call_id: Option<String>,
    /// Tool arguments (JSON text), or for a model step the tool calls it made (JSON array).
    pub arguments: Option<String>,
    /// The model's text, or the tool result as the model saw it.
    pub content: String,
    pub error: Option<String>,
    pub tokens_in: i64,
    pub tokens_out: i64,
    pub ms: i64,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Approval {
    pub id: i64,
    pub run_id: i64,
    pub step_id: i64,
    pub tool: String,
    pub arguments: String,
    pub reason: String,
    pub status: ApprovalStatus,
    pub created_at: String,
    pub decided_at: Option<String>,
    /// The agent and task, for the inbox.
    pub agent: String,
    pub task_id: Option<i64>,
}

/// A run with its steps and approvals: the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct RunDetail {
    pub run: Run,
    pub steps: Vec<RunStep>,
    pub approvals: Vec<Approval>,
}
