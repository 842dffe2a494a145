// Keyboard focus movement over the (filtered) board.

import type { Status } from "../bindings";
import type { Columns } from "./boardModel";
import { locate } from "./boardModel";
import { STATUSES } from "./columns";

/** First card of the first non-empty column. */
export function firstCard(columns: Columns): number | null {
  for (const s of STATUSES) if (columns[s].length) return columns[s][0].id;
  return null;
}

/** Card above/below within the column (clamped). */
export function verticalNeighbor(columns: Columns, id: number, delta: number): number | null {
  const at = locate(columns, id);
  if (!at) return firstCard(columns);
  const col = columns[at.status];
  const i = Math.max(0, Math.min(col.length - 1, at.index + delta));
  return col[i]?.id ?? null;
}

/** Card at about the same row in the nearest non-empty column to the left/right. */
export function horizontalNeighbor(columns: Columns, id: number, delta: -1 | 1): number | null {
  const at = locate(columns, id);
  if (!at) return firstCard(columns);
  let c = STATUSES.indexOf(at.status) + delta;
  while (c >= 0 && c < STATUSES.length) {
    const col = columns[STATUSES[c]];
    if (col.length) return col[Math.min(at.index, col.length - 1)].id;
    c += delta;
  }
  return id;
}

export function neighborStatus(status: Status, delta: -1 | 1): Status | null {
  return STATUSES[STATUSES.indexOf(status) + delta] ?? null;
}
