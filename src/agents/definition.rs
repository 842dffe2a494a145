//! What an agent is: a prompt, the MCP servers it may use and what it may do with their tools.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::AgentError;

/// Model turns a run may take before it is stopped; a loop that has not finished by then is
/// usually stuck calling the same tool.
pub const DEFAULT_MAX_STEPS: u32 = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// Call without asking.
    Allow,
    /// Pause the run until the user approves the call.
    Ask,
    /// Never offered to the model; a call anyway is refused.
    Deny,
}

impl Permission {
    pub fn as_str(self) -> &'static str {
        match self {
            Permission::Allow => "allow",
            Permission::Ask => "ask",
            Permission::Deny => "deny",
        }
    }
}

impl std::str::FromStr for Permission {
    type Err = AgentError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "allow" => Ok(Permission::Allow),
            "ask" => Ok(Permission::Ask),
            "deny" => Ok(Permission::Deny),
            other => Err(AgentError::Invalid(format!(
                "unknown permission '{other}' (expected allow, ask or deny)"
            ))),
        }
    }
}

/// `pattern` matches `server/tool` with shell wildcards (`files/read_*`, `crm/*`); a star
/// may stand for the server too.
/// The last matching rule wins, so a list reads like a config file: general first, specific after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ToolRule {
    pub pattern: String,
    pub permission: Permission,
}

impl ToolRule {
    pub fn new(pattern: impl Into<String>, permission: Permission) -> Result<Self, AgentError> {
        let pattern = pattern.into();
        glob::Pattern::new(&pattern).map_err(|e| {
            AgentError::Invalid(format!("tool pattern '{pattern}' is not valid: {e}"))
        })?;
        Ok(ToolRule {
            pattern,
            permission,
        })
    }

    /// `PATTERN=allow|ask|deny`, as typed on the command line.
    pub fn parse(spec: &str) -> Result<Self, AgentError> {
        let (pattern, perm) = spec.rsplit_once('=').ok_or_else(|| {
            AgentError::Invalid(format!(
                "'{spec}' is not a rule; write PATTERN=allow|ask|deny, e.g. files/read_*=allow"
            ))
        })?;
        ToolRule::new(pattern.trim(), perm.parse()?)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
// The UI reads it whole (the `serde(default)`s are for hand-written files), so its
// generated type has every field: `skip_attr` keeps specta from making them optional.
#[specta(skip_attr = "serde")]
pub struct AgentDef {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub system_prompt: String,
    /// MCP servers the agent may see; no others are started for its runs.
    #[serde(default)]
    pub mcp_servers: Vec<String>,
    #[serde(default)]
    pub tool_permissions: Vec<ToolRule>,
    /// A new task whose title or description contains one of these goes to this agent.
    #[serde(default)]
    pub trigger_keywords: Vec<String>,
    /// A new task in one of these categories goes to this agent.
    #[serde(default)]
    pub categories: Vec<String>,
    /// `daily HH:MM` (local time), or none.
    #[serde(default)]
    pub schedule: Option<String>,
    #[serde(default = "yes")]
    pub enabled: bool,
    /// Shipped with Utter; editable, and `reset` brings back the shipped version.
    #[serde(default)]
    pub builtin: bool,
    #[serde(default = "default_steps")]
    pub max_steps: u32,
}

fn yes() -> bool {
    true
}

fn default_steps() -> u32 {
    DEFAULT_MAX_STEPS
}

impl AgentDef {
    pub fn validate(&self) -> Result<(), AgentError> {
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > 64 {
            return Err(AgentError::Invalid(
                "an agent needs a name of 1 to 64 characters".into(),
            ));
        }
        if self.system_prompt.trim().is_empty() {
            return Err(AgentError::Invalid(format!(
                "agent {name} needs a system prompt"
            )));
        }
        if self.max_steps == 0 || self.max_steps > 100 {
            return Err(AgentError::Invalid(format!(
                "agent {name}: max steps must be between 1 and 100"
            )));
        }
        for rule in &self.tool_permissions {
            ToolRule::new(rule.pattern.clone(), rule.permission)?;
        }
        if let Some(s) = &self.schedule {
            parse_schedule(s)?;
        }
        Ok(())
    }
}

/// `daily HH:MM` → (hour, minute).
pub fn parse_schedule(s: &str) -> Result<(u32, u32), AgentError> {
    let bad = || {
        AgentError::Invalid(format!(
            "schedule '{s}' is not understood; write `daily HH:MM`, e.g. daily 08:00"
        ))
    };
    let rest = s.trim().strip_prefix("daily").ok_or_else(bad)?.trim();
    let (h, m) = rest.split_once(':').ok_or_else(bad)?;
    let h: u32 = h.parse().map_err(|_| bad())?;
    let m: u32 = m.parse().map_err(|_| bad())?;
    if h > 23 || m > 59 {
        return Err(bad());
    }
    Ok((h, m))
}
