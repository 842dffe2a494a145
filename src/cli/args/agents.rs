//! Arguments of `utter agents`, `runs`, `approvals`, `workflows` and `chat`.

use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum AgentsCmd {
    /// The agents, built-in and your own.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One agent's prompt, servers, permissions and routing.
    Show {
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Change an agent (creates it when no agent has that name; a new one needs --prompt).
    Edit(AgentEditArgs),
    /// Bring a built-in agent back to the shipped version, or delete one of yours.
    Reset { name: String },
    /// Run an agent on a task now and print the result.
    Run {
        name: String,
        #[arg(long)]
        task: i64,
        #[arg(long)]
        json: bool,
    },
    /// Run the scheduled agents whose daily time has come (for cron; the app does it itself).
    RunDue {
        /// Local time to check against (YYYY-MM-DDTHH:MM); default: now.
        #[arg(long)]
        now: Option<String>,
    },
    /// Hand a task to an agent (or `--none` to unassign).
    Assign {
        #[arg(long)]
        task: i64,
        #[arg(required_unless_present = "none")]
        name: Option<String>,
        #[arg(long)]
        none: bool,
    },
}

#[derive(Debug, Args)]
pub struct AgentEditArgs {
    pub name: String,
    /// The system prompt (`-` reads it from stdin).
    #[arg(long)]
    pub prompt: Option<String>,
    #[arg(long)]
    pub description: Option<String>,
    /// MCP servers in scope (repeat; replaces the list). `--server ''` clears it.
    #[arg(long = "server", value_name = "NAME")]
    pub servers: Vec<String>,
    /// Tool permission, PATTERN=allow|ask|deny over `server/tool` (repeat; replaces the rules).
    #[arg(long = "rule", value_name = "PATTERN=PERM")]
    pub rules: Vec<String>,
    /// Trigger keywords (repeat; replaces the list).
    #[arg(long = "keyword")]
    pub keywords: Vec<String>,
    /// Categories routed to this agent (repeat; replaces the list).
    #[arg(long = "category")]
    pub categories: Vec<String>,
    /// `daily HH:MM`, or `none`.
    #[arg(long)]
    pub schedule: Option<String>,
    #[arg(long)]
    pub max_steps: Option<u32>,
    #[arg(long, conflicts_with = "disable")]
    pub enable: bool,
    #[arg(long)]
    pub disable: bool,
}

#[derive(Debug, Subcommand)]
pub enum RunsCmd {
    /// Recent runs, newest first.
    List {
        #[arg(long)]
        task: Option<i64>,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// A run's timeline: every model turn and tool call with tokens, time and errors.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Continue a run that was killed, failed part-way or waited for an approval.
    Resume {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Stop a run for good.
    Cancel { id: i64 },
}

#[derive(Debug, Subcommand)]
pub enum ApprovalsCmd {
    /// Approvals waiting for you (`--all` includes decided ones).
    List {
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Allow the tool call and continue the run.
    Approve {
        id: i64,
        /// Only record the decision; the run continues on `utter runs resume`.
        #[arg(long)]
        no_resume: bool,
    },
    /// Refuse the tool call; the agent continues without it.
    Deny {
        id: i64,
        #[arg(long)]
        no_resume: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum WorkflowsCmd {
    List {
        #[arg(long)]
        json: bool,
    },
    /// Create or replace a workflow: the agents in order (repeat --agent).
    Add {
        name: String,
        #[arg(long = "agent", required = true)]
        agents: Vec<String>,
        /// How many times a FAIL may send the work back (default 2).
        #[arg(long, default_value_t = 2)]
        retries: u32,
    },
    Rm {
        name: String,
    },
    /// Run a workflow on a task now.
    Run {
        name: String,
        #[arg(long)]
        task: i64,
        #[arg(long)]
        json: bool,
    },
    /// Continue a workflow that waited for an approval, failed or was killed.
    Resume {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Recent workflow runs.
    Runs {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct ChatArgs {
    /// What to say; `-` reads it from stdin.
    pub message: Option<String>,
    /// The task's own conversation instead of the board's.
    #[arg(long)]
    pub task: Option<i64>,
    /// Forget the conversation.
    #[arg(long, conflicts_with = "message")]
    pub clear: bool,
    /// Print the messages of this reply (or the conversation) as JSON.
    #[arg(long)]
    pub json: bool,
}
