// Pure board logic: grouping tasks into columns and applying moves locally
// (the optimistic half of move_task; the core stores the authoritative position).

import type { Status, Task } from "../bindings";
import { STATUSES } from "./columns";

export type Columns = Record<Status, Task[]>;

export function emptyColumns(): Columns {
  return { pending: [], in_progress: [], completed: [], blocked: [] };
}

export function byPosition(a: Task, b: Task): number {
  return a.position - b.position || a.id - b.id;
}

/** Group tasks by status, each column ordered by position. */
export function groupByStatus(tasks: readonly Task[]): Columns {
  const cols = emptyColumns();
  for (const t of tasks) (cols[t.status] ?? cols.pending).push(t);
  for (const s of STATUSES) cols[s].sort(byPosition);
  return cols;
}

/**
 * Position for a task dropped at `index` of `dest` (dest must not contain it):
 * midway between its new neighbours, like the core does.
 */
export function positionAt(dest: readonly Task[], index: number): number {
  const prev = dest[index - 1];
  const next = dest[index];
  if (prev && next) return (prev.position + next.position) / 2;
  if (prev) return prev.position + 1;
  if (next) return next.position - 1;
  return 0;
}

/** The tasks after moving `id` to slot `index` of column `status`. */
export function applyMove(
  tasks: readonly Task[],
  id: number,
  status: Status,
  index: number,
): Task[] {
  const task = tasks.find((t) => t.id === id);
  if (!task) return tasks.slice();
  const dest = tasks.filter((t) => t.status === status && t.id !== id).sort(byPosition);
  const clamped = Math.max(0, Math.min(index, dest.length));
  const moved: Task = { ...task, status, position: positionAt(dest, clamped) };
  return tasks.map((t) => (t.id === id ? moved : t));
}

/** Where a task currently sits: its column and 0-based index in it. */
export function locate(columns: Columns, id: number): { status: Status; index: number } | null {
  for (const s of STATUSES) {
    const index = columns[s].findIndex((t) => t.id === id);
    if (index >= 0) return { status: s, index };
  }
  return null;
}

/**
 * Translate a drop next to a visible card into the index move_task expects
 * (position in the FULL destination column, without the moved task), so
 * filtering the board never misplaces a card.
 */
export function dropIndex(
  fullDest: readonly Task[],
  movingId: number,
  anchorId: number | null,
  edge: "before" | "after",
): number {
  const list = fullDest.filter((t) => t.id !== movingId);
  if (anchorId == null) return list.length;
  const i = list.findIndex((t) => t.id === anchorId);
  if (i < 0) return list.length;
  return edge === "before" ? i : i + 1;
}

export function replaceTask(tasks: readonly Task[], next: Task): Task[] {
  let found = false;
  const out = tasks.map((t) => {
    if (t.id !== next.id) return t;
    found = true;
    return next;
  });
  if (!found) out.push(next);
  return out;
}

/** Like `locate`, in one pass over an unsorted task list (no grouping/sorting). */
export function indexInColumn(
  tasks: readonly Task[],
  id: number,
): { status: Status; index: number } | null {
  const task = tasks.find((t) => t.id === id);
  if (!task) return null;
  let index = 0;
  for (const t of tasks)
    if (t.status === task.status && t !== task && byPosition(t, task) < 0) index++;
  return { status: task.status, index };
}
