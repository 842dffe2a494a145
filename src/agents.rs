//! Agents work tasks with tools from MCP servers: definitions (prompt, servers in scope,
//! per-tool permissions, routing keywords), the built-in set, routing of new tasks, and the
//! pieces of the run loop that do not touch the database. The loop itself lives in the
//! service (`service/agent_runs.rs`) because every step is persisted as it happens.

mod builtin;
mod definition;
mod error;
mod permissions;
mod routing;
mod run;
mod tool_names;
mod workflow;

pub use builtin::{BUILTIN_AGENTS, CHAT_AGENT, builtin_agents};
pub use definition::{AgentDef, DEFAULT_MAX_STEPS, Permission, ToolRule, parse_schedule};
pub use error::AgentError;
pub use permissions::{Decision, decide};
pub use routing::{Route, route};
pub use run::{Approval, ApprovalStatus, Run, RunDetail, RunStatus, RunStep, StepKind, StepStatus};
pub use tool_names::{model_tool_name, summarize};
pub use workflow::{WorkflowDef, WorkflowRun, verdict};
