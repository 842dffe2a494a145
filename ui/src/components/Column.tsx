import { memo, useEffect, useRef, type CSSProperties } from "react";
import { useDroppable } from "@dnd-kit/core";
import { useVirtualizer } from "@tanstack/react-virtual";

import type { Status, Task } from "../bindings";
import { STATUS_LABELS } from "../board/columns";
import { colorFor } from "../lib/categoryColor";
import { TaskCard, type DropEdge } from "./TaskCard";

/** Columns longer than this render only the cards in view. */
export const VIRTUALIZE_OVER = 60;
const ESTIMATED_ROW = 76;

export interface DropTarget {
  status: Status;
  /** Card to drop next to, or null for the end of the column. */
  anchorId: number | null;
  edge: "before" | "after";
}

interface ColumnProps {
  status: Status;
  tasks: Task[];
  total: number;
  filtering: boolean;
  colors: Map<string, string>;
  focusedId: number | null;
  tabStopId: number | null;
  openId: number | null;
  activeId: number | null;
  drop: DropTarget | null;
  onFocusCard: (id: number) => void;
  onOpen: (id: number) => void;
}

export const Column = memo(function Column({
  status,
  tasks,
  total,
  filtering,
  colors,
  focusedId,
  tabStopId,
  openId,
  activeId,
  drop,
  onFocusCard,
  onOpen,
}: ColumnProps) {
  const droppable = useDroppable({ id: `col:${status}`, data: { type: "column", status } });
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const virtual = tasks.length > VIRTUALIZE_OVER;

  const virtualizer = useVirtualizer({
    count: tasks.length,
    enabled: virtual,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 10,
    getItemKey: (i) => tasks[i]?.id ?? i,
  });

  // Keep the keyboard-focused card rendered and in view.
  useEffect(() => {
    if (!virtual || focusedId == null) return;
    const i = tasks.findIndex((t) => t.id === focusedId);
    if (i >= 0) virtualizer.scrollToIndex(i, { align: "auto" });
  }, [virtual, focusedId, tasks, virtualizer]);

  const edgeFor = (t: Task): DropEdge => (drop && drop.anchorId === t.id ? drop.edge : null);
  const card = (t: Task, extra?: { style: CSSProperties; index: number }) => (
    <TaskCard
      key={t.id}
      task={t}
      categoryColor={t.category ? colorFor(colors, t.category) : null}
      focused={t.id === focusedId}
      tabbable={t.id === tabStopId}
      open={t.id === openId}
      dropEdge={edgeFor(t)}
      onFocusCard={onFocusCard}
      onOpen={onOpen}
      rowStyle={extra?.style}
      rowIndex={extra?.index}
      measureRef={extra ? virtualizer.measureElement : undefined}
    />
  );

  const label = STATUS_LABELS[status];
  const count = filtering ? `${tasks.length} / ${total}` : String(total);
  const dropAtEnd = drop != null && drop.anchorId == null;

  return (
    <section
      ref={droppable.setNodeRef}
      className="column"
      data-status={status}
      data-drop-over={drop != null || undefined}
      data-dragging={activeId != null || undefined}
      aria-labelledby={`col-${status}-title`}
    >
      <header className="column-header">
        <span className={`status-dot status-${status}`} aria-hidden="true" />
        <h2 id={`col-${status}-title`}>{label}</h2>
        <span
          className="count"
          aria-label={`${tasks.length} tasks`}
          data-testid={`count-${status}`}
        >
          {count}
        </span>
      </header>
      <div ref={scrollRef} className="column-scroll" role="list" aria-label={label}>
        {tasks.length === 0 && (
          <div className="column-empty">
            {filtering && total > 0 ? "No matching tasks" : "No tasks"}
          </div>
        )}
        {virtual ? (
          <div className="virtual-space" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((v) =>
              card(tasks[v.index], {
                index: v.index,
                style: {
                  position: "absolute",
                  top: 0,
                  left: 0,
                  right: 0,
                  transform: `translateY(${v.start}px)`,
                },
              }),
            )}
          </div>
        ) : (
          tasks.map((t) => card(t))
        )}
        {dropAtEnd && <div className="drop-end" aria-hidden="true" />}
      </div>
    </section>
  );
});
