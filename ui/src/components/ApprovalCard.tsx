import type { KeyboardEvent } from "react";

import type { Approval } from "../bindings";
import { formatWhen, prettyJson } from "../lib/runFormat";
import { ApprovalButtons } from "./ApprovalButtons";

interface ApprovalCardProps {
  approval: Approval;
  taskTitle: string | null;
  onDecide: (approve: boolean) => void;
}

/** One tool call waiting for a yes or no; `y` / `n` decide while the card has focus. */
export function ApprovalCard({ approval, taskTitle, onDecide }: ApprovalCardProps) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "y" || e.key === "n") {
      e.preventDefault();
      onDecide(e.key === "y");
    }
  };
  return (
    <article
      className="approval-card"
      tabIndex={0}
      data-approval={approval.id}
      aria-label={`${approval.agent} wants to run ${approval.tool}`}
      onKeyDown={onKeyDown}
    >
      <header className="approval-head">
        <span className="approval-agent">{approval.agent}</span>
        <span className="muted">wants to run</span>
        <code className="step-tool">{approval.tool}</code>
        <span className="approval-when muted">{formatWhen(approval.created_at)}</span>
      </header>
      {approval.task_id != null && (
        <p className="approval-task">
          <span className="muted">Task</span> {taskTitle ?? `#${approval.task_id}`}
        </p>
      )}
      <p className="approval-reason">{approval.reason}</p>
      <pre className="approval-args" aria-label="Arguments">
        {prettyJson(approval.arguments)}
      </pre>
      <footer className="approval-foot">
        <ApprovalButtons approval={approval} onDecide={onDecide} />
        <span className="muted approval-keys">
          <kbd>y</kbd> approve · <kbd>n</kbd> deny
        </span>
      </footer>
    </article>
  );
}
