import type { Priority } from "../bindings";
import { PRIORITY_LABELS } from "../board/columns";

const LEVEL: Record<Priority, number> = { low: 1, medium: 2, high: 3 };

/** Three signal bars, filled up to the priority level. */
export function PriorityIcon({ priority }: { priority: Priority }) {
  const level = LEVEL[priority] ?? 2;
  return (
    <span
      className={`priority priority-${priority}`}
      title={`Priority: ${PRIORITY_LABELS[priority]}`}
    >
      <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
        {[0, 1, 2].map((i) => (
          <rect
            key={i}
            x={1 + i * 4.5}
            y={9 - i * 3.5}
            width="3"
            height={4 + i * 3.5}
            rx="1"
            className={i < level ? "on" : "off"}
          />
        ))}
      </svg>
      <span className="sr-only">Priority: {PRIORITY_LABELS[priority]}</span>
    </span>
  );
}
