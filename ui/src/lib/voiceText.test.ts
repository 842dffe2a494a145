import { describe, expect, it } from "vitest";

import { tail, tasksAdded } from "./voiceText";

describe("voice text", () => {
  it("counts tasks", () => {
    expect(tasksAdded(0)).toBe("No tasks found");
    expect(tasksAdded(1)).toBe("1 task added");
    expect(tasksAdded(3)).toBe("3 tasks added");
  });

  it("keeps the end of long text, from a word boundary", () => {
    expect(tail("short text", 40)).toBe("short text");
    const t = tail("word ".repeat(60).trim() + " end", 40);
    expect(t.startsWith("…word")).toBe(true);
    expect(t.endsWith(" end")).toBe(true);
    expect(t.length).toBeLessThanOrEqual(40);
  });
});
