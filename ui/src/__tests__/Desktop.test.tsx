import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { emit } from "@tauri-apps/api/event";
import { describe, expect, it } from "vitest";

import type { VoiceEvent } from "../bindings/VoiceEvent";
import { installBackend, renderApp } from "../test/harness";
import { Overlay, tail } from "../views/Overlay";

const voice = (e: VoiceEvent) => act(() => emit("voice", e));

describe("settings", () => {
  it("opens with the , key, saves a hotkey, and shows the core's refusal inline", async () => {
    const { backend, user } = await renderApp({ tasks: [{ id: 1, title: "Existing" }] });
    backend.desktop.emit = (ev, p) => void emit(ev, p);
    await user.keyboard(",");
    const dialog = await screen.findByRole("dialog", { name: "Settings" });
    const capture = within(dialog).getByRole("button", { name: "Record shortcut" });
    expect(capture).toHaveTextContent("Ctrl+Shift+Space");

    backend.desktop.taken.add("CommandOrControl+Alt+K");
    await user.click(capture);
    await user.keyboard("{Control>}{Alt>}k{/Alt}{/Control}");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("already taken by another app");
    expect(backend.desktop.settings.hotkey).toBe("CommandOrControl+Shift+Space");

    await user.click(capture);
    await user.keyboard("{Alt>}{F9}{/Alt}");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(backend.desktop.settings.hotkey).toBe("Alt+F9"));
    expect(backend.callsTo("set_setting").at(-1)).toEqual({ key: "hotkey.shortcut", value: "Alt+F9" });

    await user.click(within(dialog).getByLabelText("Start Utter at login"));
    await waitFor(() => expect(backend.desktop.settings.autostart).toBe(true));
    await user.selectOptions(within(dialog).getAllByRole("combobox").find((c) => c.textContent?.includes("Follow the system"))!, "dark");
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe("dark"));

    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Settings" })).not.toBeInTheDocument());
  });

  it("downloads a model with a progress bar driven by events, then it can be chosen", async () => {
    const { backend, user } = await renderApp({ tasks: [{ id: 1, title: "Existing" }] });
    backend.desktop.emit = (ev, p) => void emit(ev, p);
    backend.desktop.downloadStepMs = 30;
    await user.click(screen.getByRole("button", { name: "Settings" }));
    const row = await waitFor(() => {
      const r = document.querySelector<HTMLElement>('[data-model="base.en"]');
      if (!r) throw new Error("no model row");
      return r;
    });
    expect(within(row).getByRole("radio")).toBeDisabled();
    await user.click(within(row).getByRole("button", { name: "Download" }));
    const bar = await within(row).findByRole("progressbar");
    await waitFor(() => expect(Number(bar.getAttribute("aria-valuenow"))).toBeGreaterThan(0));
    await waitFor(() => expect(within(row).getByText("Installed")).toBeInTheDocument(), { timeout: 3000 });
    await user.click(within(row).getByRole("radio"));
    await waitFor(() => expect(backend.desktop.settings.model).toBe("base.en"));
  });
});

describe("first run", () => {
  it("shows setup to a new user; skipping marks it done and shows the board", async () => {
    const backend = installBackend({ tasks: [{ id: 1, title: "Existing" }] });
    backend.desktop.settings.onboarding_done = false;
    const user = userEvent.setup();
    render(await import("../App").then(({ App }) => <App />));
    const dialog = await screen.findByRole("dialog", { name: "Set up Utter" });
    expect(within(dialog).getByRole("heading", { name: "Microphone" })).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Skip" }));
    expect(within(dialog).getByRole("heading", { name: "Speech model" })).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Skip setup" }));
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Set up Utter" })).not.toBeInTheDocument());
    expect(backend.desktop.settings.onboarding_done).toBe(true);
    expect(backend.callsTo("set_setting").at(-1)).toEqual({ key: "onboarding.done", value: "on" });
  });
});

describe("recording", () => {
  it("the overlay shows level and partial text, Esc cancels", async () => {
    const backend = installBackend();
    render(<Overlay />);
    await voice({ kind: "state", state: "recording" });
    await voice({ kind: "level", level: 0.5 });
    await voice({ kind: "partial", text: "call Joe tomorrow" });
    expect(screen.getByText("Recording")).toBeInTheDocument();
    expect(screen.getByText("call Joe tomorrow")).toBeInTheDocument();
    expect(screen.getByRole("meter", { name: "Input level" })).toHaveAttribute("aria-valuenow", "0.5");
    expect(screen.getByText(/Release to finish/)).toBeInTheDocument();
    await userEvent.setup().keyboard("{Escape}");
    await waitFor(() => expect(backend.callsTo("cancel_recording")).toHaveLength(1));
    await voice({ kind: "done", text: "x", task_ids: [1, 2], titles: ["Call Joe", "Send proposal"] });
    expect(screen.getByText("2 tasks added")).toBeInTheDocument();
  });

  it("long partials show their end", () => {
    const t = tail("word ".repeat(60).trim(), 40);
    expect(t.startsWith("…")).toBe(true);
    expect(t.length).toBeLessThanOrEqual(40);
  });

  it("a finished recording toasts its tasks with an Undo that deletes them", async () => {
    const { backend, user } = await renderApp({ tasks: [{ id: 1, title: "Existing" }] });
    backend.desktop.emit = (ev, p) => void emit(ev, p);
    await act(async () => backend.desktop.finish(["Call Joe about the renewal"]));
    const toast = await screen.findByText(/1 task added: Call Joe about the renewal/);
    await user.click(within(toast.closest(".toast") as HTMLElement).getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(backend.callsTo("undo_dump")).toHaveLength(1));
    expect(backend.tasks.map((t) => t.title)).toEqual(["Existing"]);
  });
});
