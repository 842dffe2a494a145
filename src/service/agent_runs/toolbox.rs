//! The tools a run offers: the agent's MCP servers started (only those), their tools
//! filtered and permission-checked.

use super::*;

impl Service {
    /// Starts the agent's servers (only those) and collects the tools it may see.
    pub(in crate::service) async fn toolbox(&self, agent: &AgentDef) -> ServiceResult<Toolbox> {
        let mut specs = Vec::new();
        let mut trusted = std::collections::HashSet::new();
        for name in &agent.mcp_servers {
            let spec = self.mcp_spec(name).map_err(|e| {
                AgentError::Invalid(format!(
                    "agent {} uses MCP server '{name}', which cannot be used: {e}",
                    agent.name
                ))
            })?;
            if spec.trusted {
                trusted.insert(spec.name.clone());
            }
            specs.push(spec);
        }
        let supervisor = self.mcp_background_supervisor(specs)?;
        let mut tools = HashMap::new();
        for server in &agent.mcp_servers {
            let listed = match supervisor.list_tools(server).await {
                Ok(t) => t,
                Err(e) => {
                    supervisor.shutdown().await;
                    return Err(e.into());
                }
            };
            for tool in listed {
                let trusted = trusted.contains(server);
                let decision = decide(agent, server, &tool.name, &tool.annotations, trusted);
                if decision.permission == Permission::Deny {
                    continue;
                }
                tools.insert(
                    model_tool_name(server, &tool.name),
                    OfferedTool {
                        server: server.clone(),
                        tool,
                        decision,
                        trusted,
                    },
                );
            }
        }
        Ok(Toolbox { supervisor, tools })
    }
}
