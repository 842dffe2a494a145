import { useEffect, useId, useState } from "react";

import * as api from "../api";
import type { WorkflowDef } from "../bindings";
import type { Notify } from "../hooks/useToasts";

interface WorkflowRowProps {
  taskId: number;
  notify: Notify;
  /** Called once the workflow started, so the timeline follows its first run. */
  onStarted: () => void;
}

/** Runs a workflow (agents in sequence, e.g. Research → Proposal → QA) on the task. */
export function WorkflowRow({ taskId, notify, onStarted }: WorkflowRowProps) {
  const id = useId();
  const [workflows, setWorkflows] = useState<WorkflowDef[]>([]);
  const [choice, setChoice] = useState("");
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .listWorkflows()
      .then((list) => {
        if (!live) return;
        setWorkflows(list);
        setChoice((c) => c || (list[0]?.name ?? ""));
      })
      .catch(() => live && setWorkflows([]));
    return () => {
      live = false;
    };
  }, []);

  if (workflows.length === 0) return null;
  const chosen = workflows.find((w) => w.name === choice);

  const start = async () => {
    setStarting(true);
    try {
      await api.runWorkflow(choice, taskId);
      notify(`${choice} started`, { tone: "info" });
      onStarted();
    } catch (e) {
      notify(`Could not start ${choice}: ${api.errorMessage(e)}`, { tone: "error" });
    } finally {
      setStarting(false);
    }
  };

  return (
    <div className="agent-row workflow-row">
      <select
        id={`${id}-workflow`}
        aria-label="Workflow"
        value={choice}
        onChange={(e) => setChoice(e.target.value)}
      >
        {workflows.map((w) => (
          <option key={w.name} value={w.name}>
            {w.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="ghost-button"
        disabled={!chosen || starting}
        title={
          chosen
            ? `${chosen.agents.join(" → ")}; a FAIL from the last step sends the work back (at most ${chosen.max_retries}×)`
            : undefined
        }
        onClick={() => void start()}
      >
        Run workflow
      </button>
    </div>
  );
}
