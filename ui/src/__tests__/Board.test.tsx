import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { localDate } from "../mock/mockBackend";
import {
  card,
  column,
  countOf,
  renderApp,
  sampleCategories,
  sampleTasks,
  titlesIn,
} from "../test/harness";

describe("Board", () => {
  it("shows the four columns with counts and their cards in order", async () => {
    await renderApp({ tasks: sampleTasks(), categories: sampleCategories });
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(["Pending", "In progress", "Completed", "Blocked"]);
    expect(countOf("pending")).toBe("3");
    expect(countOf("in_progress")).toBe("1");
    expect(countOf("completed")).toBe("1");
    expect(countOf("blocked")).toBe("1");
    expect(titlesIn("pending")).toEqual(["Write report", "Buy milk", "Call mom"]);
    expect(titlesIn("in_progress")).toEqual(["Fix bug 42"]);
  });

  it("renders category chip, priority, agent and due badges on cards", async () => {
    await renderApp({
      tasks: [
        { id: 1, title: "Due today", category: "work", priority: "high", due: localDate(0) },
        { id: 2, title: "Due tomorrow", due: localDate(1) },
        { id: 3, title: "Late", due: localDate(-3) },
        { id: 4, title: "Late but done", due: localDate(-3), status: "completed" },
        { id: 5, title: "Agent task", assigned_agent: "claude", status: "in_progress" },
      ],
      categories: sampleCategories,
    });
    const today = within(card("Due today"));
    expect(today.getByText("work")).toHaveClass("chip");
    expect(today.getByText("Today")).toHaveClass("due-today");
    expect(today.getByText("Priority: High")).toBeInTheDocument();
    expect(within(card("Due tomorrow")).getByText("Tomorrow")).toBeInTheDocument();
    expect(within(card("Late")).getByText("Overdue")).toHaveClass("due-overdue");
    expect(within(card("Late but done")).queryByText("Overdue")).not.toBeInTheDocument();
    expect(within(card("Agent task")).getByText("claude")).toBeInTheDocument();
    expect(within(column("blocked")).getByText("No tasks")).toBeInTheDocument();
  });

  it("shows the empty state with the three ways to add tasks", async () => {
    await renderApp({ tasks: [] });
    const empty = screen.getByTestId("empty-state");
    expect(empty).toHaveTextContent("No tasks yet");
    expect(empty).toHaveTextContent(/Ctrl\s*Shift\s*Space/);
    expect(empty).toHaveTextContent('utter tasks add "Write the report"');
    expect(screen.queryByRole("main")).not.toBeInTheDocument();
  });

  it("adds a task through quick add (Enter sends the raw text to quick_add)", async () => {
    const { user, backend } = await renderApp({ tasks: [] });
    const input = screen.getByLabelText("Quick add task");
    await user.type(input, "Call Joe tomorrow !high{Enter}");
    expect(backend.callsTo("quick_add")).toEqual([{ text: "Call Joe tomorrow !high" }]);
    const c = await screen.findByText("Call Joe", { selector: ".card-title" });
    expect(within(c.closest("[data-card]")!).getByText("Tomorrow")).toBeInTheDocument();
    expect(input).toHaveValue("");
    expect(input).toHaveFocus();
  });
});
