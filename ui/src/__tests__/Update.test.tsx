import { act, render, screen, waitFor } from "@testing-library/react";
import { events } from "../bindings";
import { describe, expect, it } from "vitest";

import { App } from "../App";
import { installBackend, renderApp } from "../test/harness";

describe("update ready", () => {
  it("shows nothing until the shell reports a verified update", async () => {
    await renderApp();
    expect(screen.queryByRole("button", { name: /update ready/i })).not.toBeInTheDocument();
    await act(() =>
      events.update.emit({ state: "failed", reason: "update refused: bad signature" }),
    );
    expect(screen.queryByRole("button", { name: /update ready/i })).not.toBeInTheDocument();
  });

  it("offers a restart when a check finds one, and installs on click", async () => {
    const { backend, user } = await renderApp();
    await act(() =>
      events.update.emit({ state: "ready", version: "0.2.0", notes: "Faster transcription" }),
    );
    const button = await screen.findByRole("button", { name: "Update ready — restart" });
    expect(button).toHaveAttribute("title", "Utter 0.2.0: Faster transcription");
    await user.click(button);
    await waitFor(() => expect(backend.updates.installed).toBe(true));
    expect(screen.getByRole("button", { name: "Restarting…" })).toBeDisabled();
  });

  it("shows an update found before the window opened", async () => {
    const backend = installBackend();
    backend.updates.status = { state: "ready", version: "0.2.0", notes: null };
    render(<App />);
    expect(await screen.findByRole("button", { name: "Update ready — restart" })).toHaveAttribute(
      "title",
      "Utter 0.2.0",
    );
  });

  it("a refusal (a recording is on) is a toast, and the button stays", async () => {
    const { backend, user } = await renderApp();
    backend.updates.refuse = "the update waits until the recording has finished";
    await act(() => events.update.emit({ state: "ready", version: "0.2.0", notes: null }));
    await user.click(await screen.findByRole("button", { name: "Update ready — restart" }));
    expect(
      await screen.findByText("the update waits until the recording has finished"),
    ).toBeInTheDocument();
    expect(backend.updates.installed).toBe(false);
    expect(screen.getByRole("button", { name: "Update ready — restart" })).toBeEnabled();
  });
});
