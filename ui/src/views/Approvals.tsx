// The approvals inbox: every tool call an agent is waiting to run, oldest first. Covers the
// board; Esc or × returns to it.
import type { Approval, Task } from "../bindings";
import { ApprovalCard } from "../components/ApprovalCard";
import { usePage } from "../hooks/usePage";

interface ApprovalsProps {
  approvals: Approval[];
  tasks: Task[];
  onDecide: (approval: Approval, approve: boolean) => void;
  onClose: () => void;
}

export function Approvals({ approvals, tasks, onDecide, onClose }: ApprovalsProps) {
  const root = usePage<HTMLDivElement>(onClose);

  const decide = (a: Approval, approve: boolean) => {
    // Keep the keyboard on the list: the next card takes the focus of the one decided.
    const i = approvals.indexOf(a);
    const next = approvals[i + 1] ?? approvals[i - 1];
    onDecide(a, approve);
    if (next)
      requestAnimationFrame(() =>
        root.current?.querySelector<HTMLElement>(`[data-approval="${next.id}"]`)?.focus(),
      );
    else root.current?.focus();
  };

  return (
    <div className="approvals page" role="dialog" aria-label="Approvals" ref={root} tabIndex={-1}>
      <header className="page-header">
        <h1>Approvals</h1>
        <button
          type="button"
          className="icon-button"
          aria-label="Close approvals"
          title="Back to the board (Esc)"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <div className="page-body">
        {approvals.length === 0 ? (
          <div className="page-empty">
            <p className="page-empty-title">Nothing waiting for you</p>
            <p className="muted">
              When an agent wants to use a tool that needs your OK, it shows up here.
            </p>
          </div>
        ) : (
          <div className="approval-list">
            {approvals.map((a) => (
              <ApprovalCard
                key={a.id}
                approval={a}
                taskTitle={tasks.find((t) => t.id === a.task_id)?.title ?? null}
                onDecide={(ok) => decide(a, ok)}
              />
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
