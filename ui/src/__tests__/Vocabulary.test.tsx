import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../test/harness";

async function openVocabulary() {
  const r = await renderApp({ tasks: [{ id: 1, title: "Call Ahmed at Initech" }] });
  await r.user.keyboard(",");
  const dialog = await screen.findByRole("dialog", { name: "Settings" });
  await within(dialog).findByRole("heading", { name: "Vocabulary" });
  return { ...r, dialog };
}

describe("vocabulary", () => {
  it("lists words, adds one with what it replaces, removes one, and shows the prompt with board names", async () => {
    const { backend, user, dialog } = await openVocabulary();
    const list = await within(dialog).findByRole("list", { name: "Vocabulary" });
    expect(list).toHaveTextContent("Kubernetes");
    expect(list).toHaveTextContent("replaces “k8s”");
    expect(
      await within(dialog).findByText(/Listening for: Kubernetes, Ahmed, Initech\./),
    ).toBeInTheDocument();

    await user.type(within(dialog).getByRole("textbox", { name: "Word or name" }), "Globex");
    await user.type(
      within(dialog).getByRole("textbox", { name: "Replaces (optional)" }),
      "global ex{Enter}",
    );
    await waitFor(() => expect(list).toHaveTextContent("replaces “global ex”"));
    expect(backend.callsTo("add_vocabulary").at(-1)).toEqual({
      word: "Globex",
      replaceFrom: "global ex",
    });
    expect(within(dialog).getByRole("textbox", { name: "Word or name" })).toHaveValue("");

    await user.click(within(dialog).getByRole("button", { name: "Remove k8s" }));
    await waitFor(() => expect(list).not.toHaveTextContent("Kubernetes"));
    expect(backend.callsTo("remove_vocabulary").at(-1)).toEqual({ word: "k8s" });
  });

  it("shows the core's refusal next to the form", async () => {
    const { backend, user, dialog } = await openVocabulary();
    backend.failures.set("add_vocabulary", "the word '!!' has no letters or digits");
    await user.type(within(dialog).getByRole("textbox", { name: "Word or name" }), "!!{Enter}");
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("has no letters or digits");
  });
});
