import { describe, expect, it } from "vitest";

import type { Task } from "../bindings";
import { applyMove, dropIndex, groupByStatus, positionAt } from "./boardModel";

const t = (id: number, status: Task["status"], position: number): Task => ({
  id,
  title: `T${id}`,
  description: null,
  category: null,
  priority: "medium",
  status,
  due: null,
  assigned_agent: null,
  position,
  source_transcript_id: null,
  agent_output: null,
  created_at: "",
  updated_at: "",
});

describe("boardModel", () => {
  const tasks = [t(1, "pending", 2), t(2, "pending", 1), t(3, "completed", 0), t(4, "pending", 3)];

  it("groups by status and orders by position", () => {
    const cols = groupByStatus(tasks);
    expect(cols.pending.map((x) => x.id)).toEqual([2, 1, 4]);
    expect(cols.completed.map((x) => x.id)).toEqual([3]);
    expect(cols.in_progress).toEqual([]);
  });

  it("positions between neighbours", () => {
    const col = groupByStatus(tasks).pending;
    expect(positionAt(col, 0)).toBe(0);
    expect(positionAt(col, 1)).toBe(1.5);
    expect(positionAt(col, 3)).toBe(4);
    expect(positionAt([], 0)).toBe(0);
  });

  it("applies a move across and within columns", () => {
    let cols = groupByStatus(applyMove(tasks, 4, "completed", 0));
    expect(cols.completed.map((x) => x.id)).toEqual([4, 3]);
    expect(cols.pending.map((x) => x.id)).toEqual([2, 1]);
    cols = groupByStatus(applyMove(tasks, 2, "pending", 2));
    expect(cols.pending.map((x) => x.id)).toEqual([1, 4, 2]);
  });

  it("computes drop indexes against the full column without the moving card", () => {
    const col = groupByStatus(tasks).pending; // 2, 1, 4
    expect(dropIndex(col, 2, 4, "before")).toBe(1);
    expect(dropIndex(col, 2, 4, "after")).toBe(2);
    expect(dropIndex(col, 99, null, "after")).toBe(3);
    expect(dropIndex(col, 4, 2, "before")).toBe(0);
  });
});

describe("indexInColumn", () => {
  it("matches locate() on grouped columns", async () => {
    const { locate, indexInColumn } = await import("./boardModel");
    const tasks = [
      t(1, "pending", 2),
      t(2, "pending", 1),
      t(3, "completed", 0),
      t(4, "pending", 3),
    ];
    for (const id of [1, 2, 3, 4])
      expect(indexInColumn(tasks, id)).toEqual(locate(groupByStatus(tasks), id));
    expect(indexInColumn(tasks, 99)).toBeNull();
  });
});
