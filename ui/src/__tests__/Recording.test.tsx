import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { events } from "../bindings";
import { describe, expect, it } from "vitest";

import type { VoiceEvent } from "../bindings";
import { installBackend, renderApp, settle } from "../test/harness";
import { Overlay } from "../views/Overlay";

const voice = (e: VoiceEvent) => act(() => events.voice.emit(e));

describe("recording overlay", () => {
  it("shows state, level and the partial text; Esc calls cancel_recording", async () => {
    const backend = installBackend();
    render(<Overlay />);
    await voice({ kind: "state", state: "recording" });
    await voice({ kind: "level", level: 0.5 });
    await voice({ kind: "partial", text: "call Joe tomorrow" });
    expect(screen.getByText("Recording")).toBeInTheDocument();
    expect(screen.getByText("call Joe tomorrow")).toBeInTheDocument();
    expect(screen.getByRole("meter", { name: "Input level" })).toHaveAttribute(
      "aria-valuenow",
      "0.5",
    );
    expect(screen.getByRole("status")).toHaveTextContent("Release to finish · Esc to cancel");

    await userEvent.setup().keyboard("{Escape}");
    await waitFor(() => expect(backend.callsTo("cancel_recording")).toHaveLength(1));
    await voice({ kind: "cancelled" });
    expect(screen.getByText("Cancelled — nothing saved")).toBeInTheDocument();
  });

  it("long partials show their end, with an ellipsis in front", async () => {
    installBackend();
    render(<Overlay />);
    await voice({ kind: "state", state: "recording" });
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");
    await voice({ kind: "partial", text: long });
    const text = document.querySelector(".rec-text")!.textContent;
    expect(text.startsWith("…")).toBe(true);
    expect(text.endsWith("word39")).toBe(true);
    expect(text).not.toContain("word0 ");
  });

  it("says 'Press again to finish' in toggle mode, then Transcribing…, then what was added", async () => {
    const backend = installBackend();
    backend.desktop.settings.hotkey_mode = "toggle";
    render(<Overlay />);
    await voice({ kind: "state", state: "recording" });
    await waitFor(() =>
      expect(screen.getByRole("status")).toHaveTextContent("Press again to finish · Esc to cancel"),
    );
    await voice({ kind: "state", state: "transcribing" });
    expect(screen.getByText("Transcribing…")).toBeInTheDocument();
    await voice({
      kind: "done",
      text: "x",
      task_ids: [1, 2, 3],
      titles: ["Call Joe", "Send proposal", "Book dentist"],
      transcript_id: 1,
      changed: [],
      answers: [],
    });
    expect(screen.getByText("3 tasks added")).toBeInTheDocument();
    expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Call Joe",
      "Send proposal",
      "Book dentist",
    ]);
    expect(screen.queryByRole("meter")).not.toBeInTheDocument();
  });

  it("lists the cards a dump updated and the questions it answered", async () => {
    installBackend();
    render(<Overlay />);
    await voice({ kind: "state", state: "transcribing" });
    await voice({
      kind: "done",
      text: "x",
      transcript_id: 2,
      task_ids: [5],
      titles: ["Buy milk"],
      changed: ["Book the dentist: due 2026-12-11"],
      answers: [{ question: "did I call Joe", answer: 'Yes — "Call Joe" is done.', task_ids: [1] }],
    });
    expect(screen.getByText("1 task added, 1 card updated")).toBeInTheDocument();
    expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Buy milk",
      "Updated Book the dentist: due 2026-12-11",
      'did I call Joe? Yes — "Call Joe" is done.',
    ]);
  });

  it("shows an error (e.g. no microphone) as text", async () => {
    installBackend();
    render(<Overlay />);
    await voice({ kind: "error", message: "No microphone found: no input devices" });
    expect(screen.getByText("No microphone found: no input devices")).toBeInTheDocument();
    expect(document.querySelector(".rec")).toHaveAttribute("data-state", "error");
  });
});

describe("recording toasts in the main window", () => {
  it("a finished recording toasts its tasks with an Undo that takes the whole dump back", async () => {
    const { backend, user } = await renderApp({ tasks: [{ id: 1, title: "Existing" }] });
    await settle(() =>
      backend.desktop.finish([
        "Call Joe about the renewal",
        "Send the proposal",
        "Book the dentist",
      ]),
    );
    const toast = (
      await screen.findByText(
        /3 tasks added: Call Joe about the renewal · Send the proposal · Book the dentist/,
      )
    ).closest<HTMLElement>(".toast")!;
    expect(
      await screen.findByText("Book the dentist", { selector: ".card-title" }),
    ).toBeInTheDocument();
    await user.click(within(toast).getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(backend.callsTo("undo_dump_items")).toEqual([{ id: 1 }]));
    expect(backend.tasks.map((t) => t.title)).toEqual(["Existing"]);
    expect(
      await screen.findByText("Took the dump back: 3 removed, 0 restored"),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.queryByText("Book the dentist", { selector: ".card-title" }),
      ).not.toBeInTheDocument(),
    );
  });

  it("a dump that updated cards and answered a question says so, in the toast and the overlay", async () => {
    await renderApp({ tasks: [{ id: 1, title: "Book the dentist" }] });
    await voice({
      kind: "done",
      text: "push the dentist to Friday. what's due tomorrow?",
      transcript_id: 4,
      task_ids: [],
      titles: [],
      changed: ["Book the dentist: due 2026-12-11"],
      answers: [
        { question: "what's due tomorrow", answer: "Nothing due on 2026-12-06.", task_ids: [] },
      ],
    });
    expect(
      await screen.findByText("1 card updated: Book the dentist: due 2026-12-11"),
    ).toBeInTheDocument();
    expect(
      await screen.findByText("what's due tomorrow? Nothing due on 2026-12-06."),
    ).toBeInTheDocument();
  });

  it("a refined dump replaces the toast, and its Undo takes back the refined cards", async () => {
    const { backend, user } = await renderApp({ tasks: [{ id: 1, title: "Existing" }] });
    await voice({
      kind: "done",
      text: "x",
      task_ids: [1],
      titles: ["Existing"],
      transcript_id: 1,
      changed: [],
      answers: [],
    });
    await voice({ kind: "refined", task_ids: [1], titles: ["Existing, refined"] });
    const toast = (
      await screen.findByText(/1 task added \(refined\): Existing, refined/)
    ).closest<HTMLElement>(".toast")!;
    await user.click(within(toast).getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(backend.callsTo("undo_dump")).toEqual([{ taskIds: [1] }]));
  });

  it("the header's Record button starts and stops a recording, showing level and words, and names the shortcut", async () => {
    const { backend, user } = await renderApp({ tasks: [{ id: 1, title: "Existing" }] });
    backend.desktop.wordMs = 5;
    const button = await screen.findByRole("button", { name: "Record" });
    await waitFor(() =>
      expect(button).toHaveAttribute("title", expect.stringContaining("Ctrl+Shift+Space")),
    );
    await user.click(button);
    await waitFor(() => expect(backend.callsTo("start_recording")).toHaveLength(1));
    const stop = await screen.findByRole("button", { name: "Stop recording" });
    expect(stop).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("meter", { name: "Microphone level" })).toBeInTheDocument();
    await waitFor(() =>
      expect(document.querySelector(".record-partial")!.textContent).not.toBe("Listening…"),
    );
    await user.click(stop);
    await waitFor(() => expect(backend.callsTo("stop_recording")).toHaveLength(1));
    expect(await screen.findByText(/added:/)).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Record" })).toBeEnabled();
  });

  it("an error event shows an error toast; nothing heard says so", async () => {
    await renderApp({ tasks: [{ id: 1, title: "Existing" }] });
    await voice({ kind: "error", message: "No microphone found: no input devices" });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("No microphone found: no input devices");
    await voice({
      kind: "done",
      text: "hmm",
      task_ids: [],
      titles: [],
      transcript_id: 1,
      changed: [],
      answers: [],
    });
    expect(await screen.findByText("No tasks found in “hmm”")).toBeInTheDocument();
  });

  it("the help sheet shows the configured recording shortcut", async () => {
    const { backend, user } = await renderApp({ tasks: [{ id: 1, title: "Existing" }] });
    backend.desktop.settings.hotkey = "Alt+F9";
    await user.keyboard(",");
    await screen.findByRole("dialog", { name: "Settings" });
    await user.keyboard("{Escape}");
    await waitFor(() =>
      expect(screen.queryByRole("dialog", { name: "Settings" })).not.toBeInTheDocument(),
    );
    await waitFor(() => expect(backend.callsTo("get_settings").length).toBeGreaterThanOrEqual(3));
    await user.keyboard("?");
    const help = await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
    await waitFor(() => expect(within(help).getByText("Alt+F9")).toBeInTheDocument());
  });
});
