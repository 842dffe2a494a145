import { useId, useState } from "react";

import * as api from "../api";
import type { AgentDef, Approval, Task } from "../bindings";
import { useChanged } from "../hooks/useChanged";
import { useRuns } from "../hooks/useRuns";
import type { Notify } from "../hooks/useToasts";
import { RunTimeline } from "./RunTimeline";
import { WorkflowRow } from "./WorkflowRow";

interface AgentSectionProps {
  task: Task;
  agents: AgentDef[];
  notify: Notify;
}

/** The task's agent (who, and why), a Run button, and what its runs did. */
export function AgentSection({ task, agents, notify }: AgentSectionProps) {
  const id = useId();
  const [choice, setChoice] = useState(task.assigned_agent ?? "");
  const [starting, setStarting] = useState(false);
  const runs = useRuns(task.id);
  useChanged(task.assigned_agent ?? "", setChoice);

  // An agent the core no longer knows (renamed, or assigned from the CLI) still shows.
  const unknown = choice !== "" && !agents.some((a) => a.name === choice);
  const chosen = agents.find((a) => a.name === choice);

  const reassign = async (name: string) => {
    setChoice(name);
    try {
      await api.assignAgent(task.id, name === "" ? null : name);
    } catch (e) {
      setChoice(task.assigned_agent ?? "");
      notify(`Could not assign the agent: ${api.errorMessage(e)}`, { tone: "error" });
    }
  };

  const run = async () => {
    setStarting(true);
    try {
      await api.runAgent(choice, task.id);
      runs.expand(null); // follow the new run
    } catch (e) {
      notify(`Could not start ${choice}: ${api.errorMessage(e)}`, { tone: "error" });
    } finally {
      setStarting(false);
    }
  };

  const decide = async (approval: Approval, approve: boolean) => {
    try {
      await api.decideApproval(approval.id, approve);
    } catch (e) {
      notify(`Could not ${approve ? "approve" : "deny"} ${approval.tool}: ${api.errorMessage(e)}`, {
        tone: "error",
      });
    }
    void runs.reload();
  };

  const hint =
    choice === ""
      ? "Choose an agent to run it on this task."
      : chosen && !chosen.enabled
        ? `${choice} is turned off in Agents.`
        : null;

  return (
    <section className="detail-section agent-section">
      <h3>Agent</h3>
      <div className="agent-row">
        <select
          id={`${id}-agent`}
          aria-label="Agent"
          value={choice}
          onChange={(e) => void reassign(e.target.value)}
        >
          <option value="">No agent</option>
          {agents.map((a) => (
            <option key={a.name} value={a.name}>
              {a.name}
              {a.enabled ? "" : " (off)"}
            </option>
          ))}
          {unknown && <option value={choice}>{choice} (unknown)</option>}
        </select>
        <button
          type="button"
          className="primary-button"
          disabled={hint != null || starting}
          title={hint ?? `Run ${choice} on this task`}
          aria-label={choice ? `Run ${choice}` : "Run agent"}
          onClick={() => void run()}
        >
          Run
        </button>
      </div>
      {hint && <p className="agent-hint muted">{hint}</p>}
      <WorkflowRow taskId={task.id} notify={notify} onStarted={() => runs.expand(null)} />
      {task.assigned_agent && task.agent_reason && choice === task.assigned_agent && (
        <p className="agent-reason muted">Why this agent: {task.agent_reason}</p>
      )}
      {runs.error && <p className="step-error">Could not load runs: {runs.error}</p>}
      {runs.runs && (
        <RunTimeline
          runs={runs.runs}
          detail={runs.detail}
          expandedId={runs.expandedId}
          onExpand={runs.expand}
          onDecide={(a, ok) => void decide(a, ok)}
        />
      )}
    </section>
  );
}
