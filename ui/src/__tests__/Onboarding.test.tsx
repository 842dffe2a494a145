import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { events } from "../bindings";
import { describe, expect, it } from "vitest";

import { App } from "../App";
import type { VoiceEvent } from "../bindings";
import { installBackend } from "../test/harness";

const voice = (e: VoiceEvent) => act(() => events.voice.emit(e));

async function firstRun() {
  const backend = installBackend({ tasks: [{ id: 1, title: "Existing" }] });
  backend.desktop.settings.onboarding_done = false;
  const user = userEvent.setup();
  render(<App />);
  const dialog = await screen.findByRole("dialog", { name: "Set up Utter" });
  return { backend, user, dialog };
}

const heading = (dialog: HTMLElement) =>
  within(dialog).getByRole("heading", { level: 2 }).textContent;

describe("first-run setup", () => {
  it("is shown to a new user; Skip goes step by step; Skip setup marks it done and shows the board", async () => {
    const { backend, user, dialog } = await firstRun();
    expect(heading(dialog)).toBe("Microphone");
    await user.click(within(dialog).getByRole("button", { name: "Skip" }));
    expect(heading(dialog)).toBe("Speech model");
    await user.click(within(dialog).getByRole("button", { name: "Skip setup" }));
    await waitFor(() =>
      expect(screen.queryByRole("dialog", { name: "Set up Utter" })).not.toBeInTheDocument(),
    );
    expect(backend.desktop.settings.onboarding_done).toBe(true);
    expect(backend.callsTo("set_setting").at(-1)).toEqual({ key: "onboarding.done", value: "on" });
  });

  it("is not shown once done", async () => {
    const backend = installBackend({ tasks: [{ id: 1, title: "Existing" }] });
    render(<App />);
    await screen.findByText("Existing", { selector: ".card-title" });
    await waitFor(() => expect(backend.callsTo("get_settings").length).toBeGreaterThan(0));
    expect(screen.queryByRole("dialog", { name: "Set up Utter" })).not.toBeInTheDocument();
  });

  it("walks microphone → model (download) → try the shortcut → optional LLM → Finish", async () => {
    const { backend, user, dialog } = await firstRun();

    // 1. Microphone: pick one and see its level.
    const mic = await within(dialog).findByLabelText("Microphone");
    await within(dialog).findByRole("option", { name: "USB Headset" });
    await user.selectOptions(mic, "USB Headset");
    await waitFor(() => expect(backend.desktop.settings.device).toBe("USB Headset"));
    await voice({ kind: "level", level: 0.7 });
    expect(within(dialog).getByRole("meter", { name: "Microphone level" })).toHaveAttribute(
      "aria-valuenow",
      "0.7",
    );
    await user.click(within(dialog).getByRole("button", { name: "Next" }));

    // 2. Model: tiny.en is installed already, so the step says it is done.
    expect(heading(dialog)).toBe("Speech model");
    expect(
      await within(dialog).findByText(/tiny.en is installed, so this step is done/),
    ).toBeInTheDocument();
    backend.desktop.downloadStepMs = 5;
    const row = dialog.querySelector<HTMLElement>('[data-model="base.en"]')!;
    await user.click(within(row).getByRole("button", { name: "Download" }));
    await within(row).findByRole("progressbar");
    await waitFor(() => expect(within(row).getByText("Installed")).toBeInTheDocument(), {
      timeout: 3000,
    });
    await user.click(within(dialog).getByRole("button", { name: "Next" }));

    // 3. Try it: the configured shortcut, then the live text and the result.
    expect(heading(dialog)).toBe("Try it");
    expect(within(dialog).getByText(/Hold/).closest("p")).toHaveTextContent(
      "Hold Ctrl+Shift+Space",
    );
    expect(within(dialog).getByText("Waiting for the shortcut…")).toBeInTheDocument();
    await voice({ kind: "state", state: "recording" });
    await voice({ kind: "partial", text: "call Joe tomorrow" });
    expect(within(dialog).getByText("call Joe tomorrow")).toBeInTheDocument();
    await voice({ kind: "state", state: "transcribing" });
    await voice({
      kind: "done",
      text: "call Joe tomorrow and send the proposal",
      task_ids: [7, 8],
      titles: ["Call Joe tomorrow", "Send the proposal"],
      transcript_id: 1,
      changed: [],
      answers: [],
    });
    expect(within(dialog).getByText(/It works: 2 tasks added/)).toBeInTheDocument();
    expect(within(dialog).getByText("Send the proposal")).toBeInTheDocument();
    expect(
      within(dialog).getByText(/Heard: “call Joe tomorrow and send the proposal”/),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Next" }));

    // 4. LLM: optional, and the step says Utter works offline without one.
    expect(heading(dialog)).toBe("Language model");
    expect(within(dialog).getByText(/Utter works offline without one/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Finish" }));
    await waitFor(() =>
      expect(screen.queryByRole("dialog", { name: "Set up Utter" })).not.toBeInTheDocument(),
    );
    expect(backend.desktop.settings.onboarding_done).toBe(true);
  });

  it("the try step records with a click when the shortcut cannot be used", async () => {
    const { backend, user, dialog } = await firstRun();
    backend.desktop.wordMs = 5;
    backend.desktop.transcribeMs = 5;
    Object.assign(backend.desktop.status, {
      hotkey_registered: false,
      hotkey_error: "Ctrl+Shift+Space is taken by another app.",
    });
    await user.click(within(dialog).getByRole("button", { name: "Skip" }));
    await user.click(within(dialog).getByRole("button", { name: "Skip" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("taken by another app");
    await user.click(within(dialog).getByRole("button", { name: "Record with a click instead" }));
    await waitFor(() => expect(within(dialog).getByText(/call Joe tomorrow/)).toBeInTheDocument());
    await user.click(within(dialog).getByRole("button", { name: "Stop and add the tasks" }));
    // The mock records and transcribes on timers: on a loaded CI machine that takes longer
    // than findBy's default second.
    expect(
      await within(dialog).findByText(/It works: \d tasks? added/, {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(backend.callsTo("start_recording")).toHaveLength(1);
    expect(backend.callsTo("stop_recording")).toHaveLength(1);
  }, 20_000); // a loaded machine needs more than the default 5 s for the whole flow

  it("opens again from the tray's open-view event", async () => {
    const backend = installBackend({ tasks: [{ id: 1, title: "Existing" }] });
    render(<App />);
    await screen.findByText("Existing", { selector: ".card-title" });
    await act(() => events.openView.emit("onboarding"));
    expect(await screen.findByRole("dialog", { name: "Set up Utter" })).toBeInTheDocument();
    expect(backend.desktop.settings.onboarding_done).toBe(true);
  });
});
