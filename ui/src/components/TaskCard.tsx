import { memo, useEffect, useRef, type CSSProperties } from "react";
import { useDraggable, useDroppable } from "@dnd-kit/core";

import type { Task } from "../bindings";
import { formatDue } from "../board/due";
import { isTypingTarget } from "../hooks/useKeyboardShortcuts";
import { PriorityIcon } from "./PriorityIcon";

export type DropEdge = "before" | "after" | null;

interface CardBodyProps {
  task: Task;
  categoryColor: string | null;
}

/** What a card shows; shared by the board and the drag overlay. */
export function CardBody({ task, categoryColor }: CardBodyProps) {
  const due = task.due ? formatDue(task.due, { completed: task.status === "completed" }) : null;
  return (
    <>
      <div className="card-title">{task.title}</div>
      <div className="card-meta">
        <PriorityIcon priority={task.priority} />
        {task.category && (
          <span className="chip" style={{ "--chip": categoryColor } as CSSProperties}>
            <span className="chip-dot" aria-hidden="true" />
            {task.category}
          </span>
        )}
        {due && (
          <span className={`due due-${due.tone}`} title={due.title}>
            {due.label}
          </span>
        )}
        {task.assigned_agent && (
          <span className="agent" title={`Assigned to ${task.assigned_agent}`}>
            <span className="agent-avatar" aria-hidden="true">
              {task.assigned_agent.slice(0, 1).toUpperCase()}
            </span>
            {task.assigned_agent}
          </span>
        )}
      </div>
    </>
  );
}

interface TaskCardProps extends CardBodyProps {
  focused: boolean;
  tabbable: boolean;
  open: boolean;
  dropEdge: DropEdge;
  onFocusCard: (id: number) => void;
  onOpen: (id: number) => void;
  /** Absolute positioning when the column is virtualized. */
  rowStyle?: CSSProperties;
  rowIndex?: number;
  measureRef?: (el: HTMLElement | null) => void;
}

/** A draggable card inside a droppable row (the row includes the gap below). */
export const TaskCard = memo(function TaskCard({
  task,
  categoryColor,
  focused,
  tabbable,
  open,
  dropEdge,
  onFocusCard,
  onOpen,
  rowStyle,
  rowIndex,
  measureRef,
}: TaskCardProps) {
  const drag = useDraggable({ id: task.id, data: { task } });
  const drop = useDroppable({ id: `card:${task.id}`, data: { type: "card", task } });
  const cardRef = useRef<HTMLDivElement | null>(null);

  // Keyboard focus follows `focused`, but never steals it from a text field.
  useEffect(() => {
    const el = cardRef.current;
    if (!focused || !el || document.activeElement === el) return;
    if (isTypingTarget(document.activeElement)) return;
    el.focus({ preventScroll: false });
  }, [focused]);

  const { role: _role, tabIndex: _tabIndex, ...dragAttributes } = drag.attributes;
  void _role;
  void _tabIndex;

  return (
    <div
      ref={(el) => {
        drop.setNodeRef(el);
        measureRef?.(el);
      }}
      className="card-row"
      role="listitem"
      style={rowStyle}
      data-index={rowIndex}
      data-drop={dropEdge ?? undefined}
    >
      <div
        ref={(el) => {
          cardRef.current = el;
          drag.setNodeRef(el);
        }}
        {...dragAttributes}
        {...drag.listeners}
        role="button"
        tabIndex={tabbable ? 0 : -1}
        className="card"
        data-card={task.id}
        data-focused={focused || undefined}
        data-open={open || undefined}
        data-dragging={drag.isDragging || undefined}
        data-priority={task.priority}
        aria-current={open || undefined}
        onFocus={() => onFocusCard(task.id)}
        onClick={() => onOpen(task.id)}
      >
        <CardBody task={task} categoryColor={categoryColor} />
      </div>
    </div>
  );
});
