import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { card, countOf, renderApp, sampleTasks, titlesIn } from "../test/harness";

describe("keyboard", () => {
  it("moves focus with j/k and h/l", async () => {
    const { user } = await renderApp({ tasks: sampleTasks() });
    await user.keyboard("j");
    expect(card("Write report")).toHaveFocus();
    await user.keyboard("jj");
    expect(card("Call mom")).toHaveFocus();
    await user.keyboard("k");
    expect(card("Buy milk")).toHaveFocus();
    await user.keyboard("l");
    expect(card("Fix bug 42")).toHaveFocus();
    await user.keyboard("{ArrowRight}");
    expect(card("Ship it")).toHaveFocus();
    await user.keyboard("h");
    expect(card("Fix bug 42")).toHaveFocus();
  });

  it("moves the focused card to the next column with ] and Shift+ArrowRight", async () => {
    const { user, backend } = await renderApp({ tasks: sampleTasks() });
    await user.keyboard("jj"); // Buy milk (row 1)
    await user.keyboard("]");
    expect(backend.callsTo("move_task")).toEqual([{ id: 2, status: "in_progress", index: 1 }]);
    expect(titlesIn("in_progress")).toEqual(["Fix bug 42", "Buy milk"]);
    expect(countOf("pending")).toBe("2");
    await user.keyboard("{Shift>}{ArrowRight}{/Shift}");
    expect(backend.callsTo("move_task")[1]).toEqual({ id: 2, status: "completed", index: 1 });
    await waitFor(() => expect(titlesIn("completed")).toEqual(["Ship it", "Buy milk"]));
    expect(card("Buy milk")).toHaveFocus();
    // Server state agrees.
    expect(backend.column("completed").map((t) => t.id)).toEqual([5, 2]);
  });

  it("reorders within a column with Alt+ArrowUp/Down", async () => {
    const { user, backend } = await renderApp({ tasks: sampleTasks() });
    await user.keyboard("j"); // Write report
    await user.keyboard("{Alt>}{ArrowDown}{/Alt}");
    expect(backend.callsTo("move_task")).toEqual([{ id: 1, status: "pending", index: 1 }]);
    expect(titlesIn("pending")).toEqual(["Buy milk", "Write report", "Call mom"]);
    await user.keyboard("{Alt>}{ArrowDown}{/Alt}");
    expect(titlesIn("pending")).toEqual(["Buy milk", "Call mom", "Write report"]);
    await user.keyboard("{Alt>}{ArrowUp}{/Alt}");
    expect(backend.callsTo("move_task")[2]).toEqual({ id: 1, status: "pending", index: 1 });
    expect(titlesIn("pending")).toEqual(["Buy milk", "Write report", "Call mom"]);
  });

  it("undoes a move with Ctrl+Z", async () => {
    const { user, backend } = await renderApp({ tasks: sampleTasks() });
    await user.keyboard("j[[");
    expect(backend.callsTo("move_task")).toEqual([]); // no column left of Pending
    await user.keyboard("]");
    await waitFor(() => expect(titlesIn("in_progress")).toEqual(["Write report", "Fix bug 42"]));
    await user.keyboard("{Control>}z{/Control}");
    await waitFor(() =>
      expect(titlesIn("pending")).toEqual(["Write report", "Buy milk", "Call mom"]),
    );
    expect(backend.callsTo("move_task")[1]).toEqual({ id: 1, status: "pending", index: 0 });
  });

  it("rolls back an optimistic move when the core fails, with a toast", async () => {
    const { user, backend } = await renderApp({ tasks: sampleTasks() });
    backend.failures.set("move_task", "database is locked");
    await user.keyboard("j]");
    expect(await screen.findByText(/Could not move task: database is locked/)).toBeInTheDocument();
    expect(titlesIn("pending")).toEqual(["Write report", "Buy milk", "Call mom"]);
    expect(titlesIn("in_progress")).toEqual(["Fix bug 42"]);
  });

  it("n focuses quick add, / focuses the filter, ? toggles help, Esc closes", async () => {
    const { user } = await renderApp({ tasks: sampleTasks() });
    await user.keyboard("n");
    expect(screen.getByLabelText("Quick add task")).toHaveFocus();
    await user.keyboard("{Escape}/");
    expect(screen.getByLabelText("Filter tasks")).toHaveFocus();
    await user.keyboard("{Escape}?");
    expect(screen.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("Enter opens the detail panel, Esc closes it, Backspace deletes with undo", async () => {
    const { user, backend } = await renderApp({ tasks: sampleTasks() });
    await user.keyboard("jj{Enter}");
    expect(screen.getByRole("complementary", { name: "Task details" })).toBeInTheDocument();
    expect(screen.getByLabelText("Title")).toHaveValue("Buy milk");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("complementary", { name: "Task details" })).not.toBeInTheDocument();
    expect(card("Buy milk")).toHaveFocus();
    await user.keyboard("{Backspace}");
    expect(backend.callsTo("delete_task")).toEqual([{ id: 2 }]);
    await waitFor(() => expect(titlesIn("pending")).toEqual(["Write report", "Call mom"]));
    expect(card("Call mom")).toHaveFocus();
    await user.keyboard("{Control>}z{/Control}");
    await waitFor(() =>
      expect(titlesIn("pending")).toEqual(["Write report", "Buy milk", "Call mom"]),
    );
    expect(backend.callsTo("restore_task")[0]).toMatchObject({
      task: { id: 2, title: "Buy milk" },
    });
  });
});
