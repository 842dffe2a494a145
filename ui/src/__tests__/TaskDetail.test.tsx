import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { card, renderApp, sampleCategories, titlesIn } from "../test/harness";

const transcript = {
  id: 7,
  text: "remind me to water the plants tomorrow",
  audio_path: null,
  duration_ms: 2100,
  model: "whisper",
  language: "en",
  created_at: "2026-05-01T10:00:00Z",
  extracted_task_ids: [1],
};

const tasks = () => [
  {
    id: 1,
    title: "Water the plants",
    category: "home",
    source_transcript_id: 7,
    description: "Balcony first",
  },
  { id: 2, title: "Other task" },
];

function panel() {
  return screen.getByRole("complementary", { name: "Task details" });
}

describe("task detail", () => {
  it("opens on click and shows fields and the source transcript", async () => {
    const { user } = await renderApp({
      tasks: tasks(),
      categories: sampleCategories,
      transcripts: [transcript],
    });
    await user.click(card("Water the plants"));
    const p = within(panel());
    expect(p.getByLabelText("Title")).toHaveValue("Water the plants");
    expect(p.getByLabelText("Description")).toHaveValue("Balcony first");
    expect(p.getByLabelText("Category")).toHaveValue("home");
    expect(p.getByLabelText("Status")).toHaveValue("pending");
    expect(await p.findByText("remind me to water the plants tomorrow")).toBeInTheDocument();
  });

  it("edits in place (title, priority, status, description) and undoes an edit", async () => {
    const { user, backend } = await renderApp({
      tasks: tasks(),
      categories: sampleCategories,
      transcripts: [transcript],
    });
    await user.click(card("Water the plants"));
    const p = within(panel());

    const title = p.getByLabelText("Title");
    await user.clear(title);
    await user.type(title, "Water all plants{Enter}");
    expect(backend.callsTo("update_task")[0]).toEqual({
      id: 1,
      patch: { title: "Water all plants" },
    });
    expect(card("Water all plants")).toBeInTheDocument();

    await user.selectOptions(p.getByLabelText("Priority"), "high");
    expect(backend.callsTo("update_task")[1]).toEqual({ id: 1, patch: { priority: "high" } });

    const desc = p.getByLabelText("Description");
    await user.clear(desc);
    await user.tab();
    expect(backend.callsTo("update_task")[2]).toEqual({ id: 1, patch: { description: null } });

    await user.selectOptions(p.getByLabelText("Status"), "completed");
    expect(backend.callsTo("move_task")[0]).toEqual({ id: 1, status: "completed", index: 0 });
    await waitFor(() => expect(titlesIn("completed")).toEqual(["Water all plants"]));

    // Undo the description edit? Ctrl+Z undoes the last action (the move), then the description.
    (document.activeElement as HTMLElement).blur();
    await user.keyboard("{Control>}z{/Control}");
    await waitFor(() => expect(titlesIn("pending")).toContain("Water all plants"));
    await user.keyboard("{Control>}z{/Control}");
    await waitFor(() =>
      expect(backend.tasks.find((t) => t.id === 1)?.description).toBe("Balcony first"),
    );
    expect(within(panel()).getByLabelText("Description")).toHaveValue("Balcony first");
  });

  it("Esc in a field reverts the draft without saving", async () => {
    const { user, backend } = await renderApp({ tasks: tasks() });
    await user.click(card("Other task"));
    const title = within(panel()).getByLabelText("Title");
    await user.clear(title);
    await user.type(title, "Oops{Escape}");
    expect(title).toHaveValue("Other task");
    expect(backend.callsTo("update_task")).toEqual([]);
    expect(panel()).toBeInTheDocument();
  });

  it("deletes from the panel with an Undo toast", async () => {
    const { user, backend } = await renderApp({ tasks: tasks() });
    await user.click(card("Water the plants"));
    await user.click(within(panel()).getByRole("button", { name: "Delete" }));
    expect(backend.callsTo("delete_task")).toEqual([{ id: 1 }]);
    await waitFor(() => expect(titlesIn("pending")).toEqual(["Other task"]));
    expect(screen.queryByRole("complementary", { name: "Task details" })).not.toBeInTheDocument();

    const toast = (await screen.findByText("Task deleted")).closest(".toast") as HTMLElement;
    await user.click(within(toast).getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(titlesIn("pending")).toEqual(["Water the plants", "Other task"]));
    expect(backend.callsTo("restore_task")).toHaveLength(1);
    expect(backend.tasks.find((t) => t.id === 1)?.source_transcript_id).toBe(7);
  });

  it("e opens the focused card with the title ready to edit", async () => {
    const { user } = await renderApp({ tasks: tasks() });
    await user.keyboard("je");
    expect(within(panel()).getByLabelText("Title")).toHaveFocus();
  });
});
