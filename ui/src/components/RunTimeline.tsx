import type { Approval, Run, RunDetail } from "../bindings";
import { formatMs, formatTokens, formatWhen } from "../lib/runFormat";
import { RunStatusBadge } from "./RunStatusBadge";
import { RunStep } from "./RunStep";

interface RunTimelineProps {
  runs: Run[];
  /** Steps of the expanded run (null while they load). */
  detail: RunDetail | null;
  expandedId: number | null;
  onExpand: (id: number | null) => void;
  onDecide: (approval: Approval, approve: boolean) => void;
}

/** A task's runs, newest first; one at a time shows its steps. */
export function RunTimeline({ runs, detail, expandedId, onExpand, onDecide }: RunTimelineProps) {
  if (runs.length === 0) return <p className="muted">No runs yet.</p>;
  return (
    <ol className="run-list" aria-label="Runs">
      {runs.map((run) => {
        const open = run.id === expandedId;
        return (
          <li key={run.id} className="run" data-run={run.id} data-status={run.status}>
            <button
              type="button"
              className="run-head"
              aria-expanded={open}
              onClick={() => onExpand(open ? -1 : run.id)}
            >
              <RunStatusBadge status={run.status} />
              <span className="run-agent">{run.agent}</span>
              <span className="run-meta">
                {formatTokens(run.tokens_in)} in · {formatTokens(run.tokens_out)} out ·{" "}
                {formatMs(run.execution_ms)} · {formatWhen(run.created_at)}
              </span>
            </button>
            {run.error && <p className="step-error run-error">{run.error}</p>}
            {open && detail && (
              <ol className="run-steps" aria-label={`Steps of run ${run.id}`}>
                {detail.steps.map((s) => (
                  <RunStep
                    key={s.id}
                    step={s}
                    approval={
                      detail.approvals.find((a) => a.step_id === s.id && a.status === "pending") ??
                      null
                    }
                    onDecide={onDecide}
                  />
                ))}
                {detail.steps.length === 0 && <li className="muted run-step">Starting…</li>}
              </ol>
            )}
          </li>
        );
      })}
    </ol>
  );
}
