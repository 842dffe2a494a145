import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp, titlesIn } from "../test/harness";

async function openFlagged() {
  const r = await renderApp({
    tasks: [
      { id: 1, title: "Call Joe about the renewal" },
      { id: 2, title: "Email Joe about the renewal", due: "2026-12-09" },
    ],
  });
  r.backend.flagPossibleDuplicate(2, 1);
  await r.user.click(screen.getByText("Email Joe about the renewal", { selector: ".card-title" }));
  const detail = await screen.findByRole("complementary", { name: "Task details" });
  const note = await within(detail).findByRole("note");
  return { ...r, detail, note };
}

describe("a card a dump was not sure about", () => {
  it("says which card it may repeat; Merge keeps one card with both's details, and Undo puts both back", async () => {
    const { backend, user, note } = await openFlagged();
    expect(note).toHaveTextContent("Possibly the same as #1 “Call Joe about the renewal”");
    await user.click(within(note).getByRole("button", { name: "Merge" }));
    await waitFor(() => expect(backend.callsTo("merge_tasks")).toEqual([{ keep: 1, other: 2 }]));
    await waitFor(() => expect(titlesIn("pending")).toEqual(["Call Joe about the renewal"]));
    expect(backend.tasks.find((t) => t.id === 1)?.due).toBe("2026-12-09");
    const toast = (await screen.findByText(/Merged into #1/)).closest<HTMLElement>(".toast")!;
    await user.click(within(toast).getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(backend.tasks.map((t) => t.id).sort()).toEqual([1, 2]));
    expect(backend.tasks.find((t) => t.id === 1)?.due).toBeNull();
  });

  it("Keep both drops the flag and changes no card", async () => {
    const { backend, user, note, detail } = await openFlagged();
    await user.click(within(note).getByRole("button", { name: "Keep both" }));
    await waitFor(() => expect(within(detail).queryByRole("note")).not.toBeInTheDocument());
    expect(backend.callsTo("keep_apart")).toEqual([{ taskId: 2 }]);
    expect(backend.tasks).toHaveLength(2);
  });
});
