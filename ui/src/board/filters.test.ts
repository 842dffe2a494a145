import { describe, expect, it } from "vitest";

import type { Task } from "../bindings";
import { NO_CATEGORY, taskMatcher } from "./filters";

const task = (p: Partial<Task>) =>
  ({
    title: "x",
    description: null,
    category: null,
    priority: "medium",
    assigned_agent: null,
    ...p,
  }) as Task;

describe("taskMatcher", () => {
  it("matches all words in any searchable field, case-insensitively", () => {
    const m = taskMatcher({ text: "joe CALL", category: "", priority: "" });
    expect(m(task({ title: "Call Joe" }))).toBe(true);
    expect(m(task({ title: "Call", description: "with joe" }))).toBe(true);
    expect(m(task({ title: "Call Ann" }))).toBe(false);
  });

  it("filters by category (including none) and priority", () => {
    expect(
      taskMatcher({ text: "", category: "work", priority: "" })(task({ category: "work" })),
    ).toBe(true);
    expect(
      taskMatcher({ text: "", category: "work", priority: "" })(task({ category: "home" })),
    ).toBe(false);
    expect(taskMatcher({ text: "", category: NO_CATEGORY, priority: "" })(task({}))).toBe(true);
    expect(
      taskMatcher({ text: "", category: "", priority: "high" })(task({ priority: "low" })),
    ).toBe(false);
  });
});
