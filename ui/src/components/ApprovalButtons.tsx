import type { Approval } from "../bindings";

/** Approve / Deny for one pending tool call (the inbox card and the run timeline). */
export function ApprovalButtons({
  approval,
  onDecide,
  busy = false,
}: {
  approval: Approval;
  onDecide: (approve: boolean) => void;
  busy?: boolean;
}) {
  return (
    <div className="approval-buttons">
      <button
        type="button"
        className="primary-button small"
        disabled={busy}
        aria-label={`Approve ${approval.tool}`}
        title="Approve (y)"
        onClick={() => onDecide(true)}
      >
        Approve
      </button>
      <button
        type="button"
        className="ghost-button danger"
        disabled={busy}
        aria-label={`Deny ${approval.tool}`}
        title="Deny (n)"
        onClick={() => onDecide(false)}
      >
        Deny
      </button>
    </div>
  );
}
