import type { RunStatus, StepStatus } from "../bindings";
import { RUN_STATUS_LABELS, STEP_STATUS_LABELS } from "../lib/runFormat";

/** A run's or a step's status as a coloured pill (colour per status in detail.css). */
export function RunStatusBadge({
  status,
  step = false,
}: {
  status: RunStatus | StepStatus;
  step?: boolean;
}) {
  const label = step
    ? STEP_STATUS_LABELS[status as StepStatus]
    : RUN_STATUS_LABELS[status as RunStatus];
  return (
    <span className="run-badge" data-status={status}>
      {label}
    </span>
  );
}
