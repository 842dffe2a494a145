import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { renderApp } from "../test/harness";

// jsdom plays nothing: count what would be played instead.
const played: string[] = [];
beforeEach(() => {
  played.length = 0;
  vi.spyOn(HTMLMediaElement.prototype, "play").mockImplementation(function (
    this: HTMLMediaElement,
  ) {
    played.push(this.src);
    return Promise.resolve();
  });
  vi.spyOn(HTMLMediaElement.prototype, "pause").mockImplementation(() => undefined);
  URL.createObjectURL = vi.fn(() => `blob:clip-${played.length}`);
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => vi.restoreAllMocks());

async function withADump() {
  const r = await renderApp({ tasks: [{ id: 1, title: "Existing" }] });
  act(() =>
    r.backend.desktop.finish(
      ["Call Joe about the renewal", "Book flights to Berlin"],
      "Call Joe about the renewal. Book flights to Berlin.",
    ),
  );
  await screen.findByText("Book flights to Berlin", { selector: ".card-title" });
  await r.user.click(screen.getByRole("button", { name: "Dumps" }));
  const page = await screen.findByRole("dialog", { name: "Dumps" });
  return { ...r, page };
}

describe("dumps (the voice journal)", () => {
  it("lists each dump with what was said and its cards, newest first; a card opens on the board", async () => {
    const { page, user } = await withADump();
    const dump = await within(page).findByRole("article");
    expect(
      within(dump).getByText("Call Joe about the renewal. Book flights to Berlin."),
    ).toBeInTheDocument();
    const cards = within(dump).getByRole("list", { name: "Cards from this dump" });
    expect(
      within(cards)
        .getAllByRole("listitem")
        .map((li) => li.querySelector(".dump-card-title")?.textContent),
    ).toEqual(["Call Joe about the renewal", "Book flights to Berlin"]);
    // Each card has its own seconds of the recording.
    expect(
      within(cards).getByRole("button", { name: "Play what you said for Book flights to Berlin" }),
    ).toHaveTextContent("▶ 0:02.5–0:05.0");
    await user.click(within(cards).getByRole("button", { name: "Book flights to Berlin" }));
    await waitFor(() =>
      expect(screen.queryByRole("dialog", { name: "Dumps" })).not.toBeInTheDocument(),
    );
    const detail = await screen.findByRole("complementary", { name: "Task details" });
    expect(within(detail).getByDisplayValue("Book flights to Berlin")).toBeInTheDocument();
  });

  it("plays the recording or one card's seconds; a deleted card stays listed, struck through", async () => {
    const { backend, page, user } = await withADump();
    const dump = await within(page).findByRole("article");
    await user.click(within(dump).getByRole("button", { name: "▶ Play" }));
    await waitFor(() => expect(played).toHaveLength(1));
    expect(backend.callsTo("dump_audio").at(-1)).toEqual({ id: 1, taskId: null });
    await user.click(
      within(dump).getByRole("button", {
        name: "Play what you said for Call Joe about the renewal",
      }),
    );
    await waitFor(() => expect(played).toHaveLength(2));
    const joe = backend.tasks.find((t) => t.title === "Call Joe about the renewal")!;
    expect(backend.callsTo("dump_audio").at(-1)).toEqual({ id: 1, taskId: joe.id });

    await act(() => backend.handle("delete_task", { id: joe.id }));
    await waitFor(() =>
      expect(within(dump).getByText("Call Joe about the renewal").closest("li")).toHaveAttribute(
        "data-deleted",
        "true",
      ),
    );
  });

  it("extract again asks the core and says what changed", async () => {
    const { backend, page, user } = await withADump();
    const dump = await within(page).findByRole("article");
    await user.click(within(dump).getByRole("button", { name: "Extract again" }));
    await waitFor(() => expect(backend.callsTo("extract_again")).toEqual([{ id: 1 }]));
    const toast = (await screen.findByText("The cards already match what was said.")).closest(
      ".toast",
    ) as HTMLElement;
    // Nothing changed: nothing to undo.
    expect(within(toast).queryByRole("button", { name: "Undo" })).not.toBeInTheDocument();
  });

  it("extract again that changed cards can be undone from its toast", async () => {
    const { backend, page, user } = await withADump();
    backend.dumps.againUpdates = 2;
    const dump = await within(page).findByRole("article");
    await user.click(within(dump).getByRole("button", { name: "Extract again" }));
    const toast = (await screen.findByText("2 updated, 0 added, 0 removed.")).closest(
      ".toast",
    ) as HTMLElement;
    await user.click(within(toast).getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(backend.callsTo("undo_extract_again")).toEqual([{ id: 1 }]));
    expect(await screen.findByText("Put back as it was.")).toBeInTheDocument();
  });

  it("a card from a dump replays what was said from its detail", async () => {
    const { backend, user } = await renderApp({ tasks: [] });
    act(() => backend.desktop.finish(["Renew the car tax"], "Renew the car tax."));
    await user.click(await screen.findByText("Renew the car tax", { selector: ".card-title" }));
    const button = await screen.findByRole("button", { name: /Play what you said/ });
    await user.click(button);
    await waitFor(() => expect(played).toHaveLength(1));
  });

  it("says so when nothing was said yet; g d opens it", async () => {
    const { user } = await renderApp({ tasks: [{ id: 1, title: "Existing" }] });
    await user.keyboard("gd");
    const page = await screen.findByRole("dialog", { name: "Dumps" });
    expect(await within(page).findByText("Nothing said yet")).toBeInTheDocument();
  });
});
