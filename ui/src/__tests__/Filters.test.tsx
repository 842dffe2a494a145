import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { countOf, renderApp, sampleCategories, sampleTasks, titlesIn } from "../test/harness";

describe("filters", () => {
  it("filters by text, category and priority, and clears", async () => {
    const { user } = await renderApp({ tasks: sampleTasks(), categories: sampleCategories });

    await user.type(screen.getByLabelText("Filter tasks"), "bu");
    expect(titlesIn("pending")).toEqual(["Buy milk"]);
    expect(titlesIn("in_progress")).toEqual(["Fix bug 42"]);
    expect(countOf("pending")).toBe("1 / 3");
    expect(titlesIn("completed")).toEqual([]);
    expect(screen.getAllByText("No matching tasks")).toHaveLength(2);

    await user.clear(screen.getByLabelText("Filter tasks"));
    await user.selectOptions(screen.getByLabelText("Category"), "work");
    expect(titlesIn("pending")).toEqual(["Write report"]);
    expect(titlesIn("in_progress")).toEqual(["Fix bug 42"]);

    await user.selectOptions(screen.getByLabelText("Priority"), "low");
    expect(titlesIn("pending")).toEqual([]);
    await user.selectOptions(screen.getByLabelText("Category"), "");
    expect(titlesIn("pending")).toEqual(["Buy milk"]);

    await user.click(screen.getByRole("button", { name: "Clear" }));
    expect(titlesIn("pending")).toEqual(["Write report", "Buy milk", "Call mom"]);
    expect(countOf("pending")).toBe("3");
  });

  it("keyboard moves in a filtered view land next to the visible neighbour", async () => {
    const { user, backend } = await renderApp({
      tasks: sampleTasks(),
      categories: sampleCategories,
    });
    await user.selectOptions(screen.getByLabelText("Category"), "work");
    await user.keyboard("{Escape}j"); // Write report
    await user.keyboard("]");
    // In progress holds only "Fix bug 42" (work) → Write report goes before it, index 0.
    expect(backend.callsTo("move_task")).toEqual([{ id: 1, status: "in_progress", index: 0 }]);
    await waitFor(() => expect(titlesIn("in_progress")).toEqual(["Write report", "Fix bug 42"]));
  });
});
