// The agent gallery: every agent the core knows, each editable in place. Covers the board; Esc
// or × returns to it. The core validates what is saved; a refusal shows as a toast.
import * as api from "../api";
import type { AgentDef } from "../bindings";
import { AgentCard } from "../components/AgentCard";
import { usePage } from "../hooks/usePage";
import type { Notify } from "../hooks/useToasts";

interface AgentsProps {
  agents: AgentDef[];
  loadError: string | null;
  notify: Notify;
  /** Reloads the list after a change (the core's agent_changed event also does). */
  onChanged: () => void;
  onClose: () => void;
  /** Opens the MCP servers page, where the agents' tools come from. */
  onServers: () => void;
}

export function Agents({ agents, loadError, notify, onChanged, onClose, onServers }: AgentsProps) {
  const root = usePage<HTMLDivElement>(onClose);

  const save = async (agent: AgentDef) => {
    try {
      await api.saveAgent(agent);
      notify(`Saved ${agent.name}`, { key: "agent-saved" });
      onChanged();
      return true;
    } catch (e) {
      notify(`Could not save ${agent.name}: ${api.errorMessage(e)}`, { tone: "error" });
      return false;
    }
  };

  const reset = async (agent: AgentDef) => {
    try {
      const back = await api.resetAgent(agent.name);
      notify(back ? `${agent.name} is back to its default` : `Deleted ${agent.name}`, {
        key: "agent-saved",
      });
      onChanged();
    } catch (e) {
      notify(
        `Could not ${agent.builtin ? "reset" : "delete"} ${agent.name}: ${api.errorMessage(e)}`,
        { tone: "error" },
      );
    }
  };

  return (
    <div className="agents page" role="dialog" aria-label="Agents" ref={root} tabIndex={-1}>
      <header className="page-header">
        <h1>Agents</h1>
        <button
          type="button"
          className="ghost-button"
          title="MCP servers (g s)"
          onClick={onServers}
        >
          MCP servers
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Close agents"
          title="Back to the board (Esc)"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {loadError && (
        <p className="field-error page-error" role="alert">
          Could not load agents: {loadError}
        </p>
      )}
      <div className="page-body">
        <p className="section-help">
          Agents work on the tasks given to them, with the tools of their MCP servers. A task goes
          to an agent by its category or a keyword in its title, or when you pick one in the task.
        </p>
        <div className="agent-grid">
          {agents.map((a) => (
            <AgentCard key={a.name} agent={a} onSave={save} onReset={() => void reset(a)} />
          ))}
        </div>
      </div>
    </div>
  );
}
