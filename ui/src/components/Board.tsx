import { useCallback, useMemo, useRef, useState } from "react";
import {
  DndContext,
  DragOverlay,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
} from "@dnd-kit/core";

import type { Status, Task } from "../bindings";
import { dropIndex, type Columns } from "../board/boardModel";
import { STATUSES } from "../board/columns";
import { useLatest } from "../hooks/useLatest";
import { colorFor } from "../lib/categoryColor";
import { Column, type DropTarget } from "./Column";
import { CardBody } from "./TaskCard";

interface BoardProps {
  /** Columns as shown (filtered). */
  columns: Columns;
  /** All tasks per column; drop indexes are computed against these. */
  fullColumns: Columns;
  filtering: boolean;
  colors: Map<string, string>;
  focusedId: number | null;
  tabStopId: number | null;
  openId: number | null;
  onFocusCard: (id: number) => void;
  onOpen: (id: number) => void;
  onMove: (id: number, status: Status, index: number) => void;
  onDragging: (dragging: boolean) => void;
}

/** Prefer the card under the pointer; otherwise the column under it. */
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  const cards = hits.filter((h) => String(h.id).startsWith("card:"));
  if (cards.length) return cards;
  if (hits.length) return hits;
  return rectIntersection(args);
};

const COLUMN_HEADER_PX = 44;

// Cards move by keyboard through the board shortcuts, not dnd-kit's keyboard sensor.
const A11Y = {
  screenReaderInstructions: {
    draggable:
      "Press Enter to open. Press ] or [ to move the card to the next or previous column, Alt+Up or Alt+Down to reorder, ? for all shortcuts.",
  },
};

function sameTarget(a: DropTarget | null, b: DropTarget | null) {
  return (
    a === b ||
    (!!a && !!b && a.status === b.status && a.anchorId === b.anchorId && a.edge === b.edge)
  );
}

export function Board({
  columns,
  fullColumns,
  filtering,
  colors,
  focusedId,
  tabStopId,
  openId,
  onFocusCard,
  onOpen,
  onMove,
  onDragging,
}: BoardProps) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));
  const [active, setActive] = useState<Task | null>(null);
  const [target, setTarget] = useState<DropTarget | null>(null);
  const targetRef = useRef<DropTarget | null>(null);
  const columnsRef = useLatest(columns);

  const setDrop = useCallback((t: DropTarget | null) => {
    if (sameTarget(targetRef.current, t)) return;
    targetRef.current = t;
    setTarget(t);
  }, []);

  const onDragStart = useCallback(
    (e: DragStartEvent) => {
      const task = (e.active.data.current as { task?: Task } | undefined)?.task ?? null;
      setActive(task);
      onDragging(true);
    },
    [onDragging],
  );

  const onDragMove = useCallback(
    (e: DragMoveEvent) => {
      const over = e.over;
      if (!over) return setDrop(null);
      const pointer = e.activatorEvent as PointerEvent | MouseEvent;
      const y = (pointer.clientY ?? 0) + e.delta.y;
      const data = over.data.current as
        { type: "card"; task: Task } | { type: "column"; status: Status } | undefined;
      if (!data) return setDrop(null);
      if (data.type === "card") {
        if (data.task.id === e.active.id) return setDrop(null);
        const edge = y < over.rect.top + over.rect.height / 2 ? "before" : "after";
        return setDrop({ status: data.task.status, anchorId: data.task.id, edge });
      }
      // Over a column but not a card: its header means "top", anywhere else "end".
      const visible = columnsRef.current[data.status].filter((t) => t.id !== e.active.id);
      if (y < over.rect.top + COLUMN_HEADER_PX && visible.length) {
        return setDrop({ status: data.status, anchorId: visible[0].id, edge: "before" });
      }
      setDrop({ status: data.status, anchorId: null, edge: "after" });
    },
    [columnsRef, setDrop],
  );

  const finish = useCallback(() => {
    setActive(null);
    setDrop(null);
    onDragging(false);
  }, [onDragging, setDrop]);

  const onDragEnd = useCallback(
    (e: DragEndEvent) => {
      const t = targetRef.current;
      const id = Number(e.active.id);
      if (t && e.over) {
        const full = fullColumns[t.status];
        // "End of the column" when filtered means after the last visible card.
        let anchor = t.anchorId;
        let edge = t.edge;
        if (anchor == null && filtering) {
          const visible = columnsRef.current[t.status].filter((x) => x.id !== id);
          if (visible.length) {
            anchor = visible[visible.length - 1].id;
            edge = "after";
          }
        }
        onMove(id, t.status, dropIndex(full, id, anchor, edge));
      }
      finish();
    },
    [columnsRef, filtering, finish, fullColumns, onMove],
  );

  const activeId = active?.id ?? null;
  const overlay = useMemo(
    () =>
      active ? (
        <div className="card card-overlay">
          <CardBody
            task={active}
            categoryColor={active.category ? colorFor(colors, active.category) : null}
          />
        </div>
      ) : null,
    [active, colors],
  );

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      accessibility={A11Y}
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
      onDragCancel={finish}
    >
      <main className="board" aria-label="Task board">
        {STATUSES.map((s) => (
          <Column
            key={s}
            status={s}
            tasks={columns[s]}
            total={fullColumns[s].length}
            filtering={filtering}
            colors={colors}
            focusedId={focusedId}
            tabStopId={tabStopId}
            openId={openId}
            activeId={activeId}
            drop={target && target.status === s ? target : null}
            onFocusCard={onFocusCard}
            onOpen={onOpen}
          />
        ))}
      </main>
      <DragOverlay dropAnimation={null}>{overlay}</DragOverlay>
    </DndContext>
  );
}
