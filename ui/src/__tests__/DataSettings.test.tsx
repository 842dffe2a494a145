import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../test/harness";

async function openData() {
  const r = await renderApp({ tasks: [{ id: 1, title: "Existing" }] });
  await r.user.keyboard(",");
  const dialog = within(await screen.findByRole("dialog", { name: "Settings" }));
  await dialog.findByRole("heading", { name: "Data" });
  return { ...r, dialog };
}

describe("Settings → Data", () => {
  it("exports in the chosen format and says where the file went", async () => {
    const { dialog, user, backend } = await openData();
    await user.selectOptions(dialog.getByLabelText("Export the board"), "csv");
    await user.click(dialog.getByRole("button", { name: "Export" }));
    expect(await dialog.findByText(/Saved 1 card\(s\) to/)).toBeInTheDocument();
    expect(dialog.getByText("/home/you/Downloads/utter-board-2026-12-05.csv")).toBeInTheDocument();
    expect(backend.callsTo("export_board")).toEqual([{ format: "csv" }]);
  });

  it("shows a progress bar while a large board is written", async () => {
    const { dialog, user, backend } = await openData();
    backend.latencyMs = 300;
    await user.click(dialog.getByRole("button", { name: "Export" }));
    expect(await dialog.findByRole("progressbar", { name: "Exporting the board" })).toBeVisible();
    expect(await dialog.findByText(/Saved 1 card\(s\) to/)).toBeInTheDocument();
    expect(dialog.queryByRole("progressbar", { name: "Exporting the board" })).toBeNull();
  });

  it("previews an import with counts, writes only on confirm, and shows a bad file's error", async () => {
    const { dialog, user, backend } = await openData();
    const file = new File(
      ["- [ ] Renew passport\n- [x] Book flights\n- [ ] Call the bank\n"],
      "todo.md",
      { type: "text/markdown" },
    );
    await user.upload(dialog.getByLabelText("Import cards"), file);
    const preview = within(await dialog.findByRole("group", { name: "Import preview" }));
    expect(
      preview.getByText(/Markdown checklist with 3 card\(s\) \(2 open, 1 done\)/),
    ).toBeInTheDocument();
    expect(backend.callsTo("import_board")).toHaveLength(1);
    expect(backend.callsTo("import_board")[0].apply).toBe(false);
    expect(backend.tasks).toHaveLength(1);

    await user.click(preview.getByRole("button", { name: "Import 3 card(s)" }));
    expect(
      await dialog.findByText("Imported 3 card(s) from Markdown checklist."),
    ).toBeInTheDocument();
    expect(backend.callsTo("import_board")[1]).toMatchObject({
      name: "todo.md",
      from: "markdown",
      apply: true,
    });
    await waitFor(() => expect(backend.tasks.map((t) => t.title)).toContain("Renew passport"));

    await user.upload(
      dialog.getByLabelText("Import cards"),
      new File(["just some words"], "notes.txt"),
    );
    expect(await dialog.findByRole("alert")).toHaveTextContent("not a format Utter can import");
    expect(backend.tasks).toHaveLength(4);
  });
});
