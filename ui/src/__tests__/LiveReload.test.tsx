import { act, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { emitStoreChanged, renderApp, titlesIn } from "../test/harness";

describe("live reload", () => {
  it("reloads the board when the core emits store-changed (e.g. the CLI added a task)", async () => {
    const { backend } = await renderApp(
      { tasks: [{ id: 1, title: "Existing" }] },
      { liveEvents: false },
    );
    const listsBefore = backend.callsTo("list_tasks").length;

    // Another process writes to the DB; the core notices and emits an event.
    backend.insert({ title: "Added from terminal", status: "in_progress" });
    await act(() => emitStoreChanged({ kind: "external" }));
    expect(
      await screen.findByText("Added from terminal", { selector: ".card-title" }),
    ).toBeInTheDocument();
    expect(titlesIn("in_progress")).toEqual(["Added from terminal"]);

    // A burst of events is debounced into one reload.
    const before = backend.callsTo("list_tasks").length;
    backend.tasks = backend.tasks.filter((t) => t.title !== "Existing");
    await act(async () => {
      for (let i = 0; i < 5; i++) await emitStoreChanged({ kind: "task_deleted", id: 1 });
    });
    await waitFor(() => expect(screen.queryByText("Existing")).not.toBeInTheDocument());
    expect(backend.callsTo("list_tasks").length - before).toBe(1);
    expect(backend.callsTo("list_tasks").length).toBeGreaterThan(listsBefore);
  });

  it("leaves the empty state when the first task arrives", async () => {
    const { backend } = await renderApp({ tasks: [] }, { liveEvents: false });
    expect(screen.getByTestId("empty-state")).toBeInTheDocument();
    backend.insert({ title: "First!" });
    await act(() => emitStoreChanged({ kind: "task_created", id: 1 }));
    expect(await screen.findByText("First!", { selector: ".card-title" })).toBeInTheDocument();
    expect(screen.queryByTestId("empty-state")).not.toBeInTheDocument();
  });
});
