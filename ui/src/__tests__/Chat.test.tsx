import { render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import type { ChatMessage } from "../bindings";
import { ChatMessageView } from "../components/ChatMessageView";
import { localDate } from "../mock/mockBackend";
import { card, renderApp, titlesIn } from "../test/harness";

function chatPanel() {
  return within(screen.getByRole("complementary", { name: "Chat" }));
}

async function openBoardChat(user: Awaited<ReturnType<typeof renderApp>>["user"]) {
  await user.click(screen.getByRole("button", { name: "Chat" }));
  return chatPanel();
}

describe("side chat", () => {
  it("streams the answer, shows the tool it used, and the new task is on the board", async () => {
    const { user, backend } = await renderApp({ tasks: [{ id: 1, title: "Existing" }] });
    backend.chat.pieceMs = 40;
    const chat = await openBoardChat(user);
    expect(chat.getByText("Board tools only")).toBeInTheDocument();
    const input = chat.getByLabelText("Message");
    await user.type(input, "add call Joe tomorrow{Enter}");
    expect(input).toHaveValue("");
    expect(backend.callsTo("chat_send")).toEqual([{ task: null, text: "add call Joe tomorrow" }]);
    expect(
      await chat.findByText("add call Joe tomorrow", { selector: ".chat-user p" }),
    ).toBeInTheDocument();
    // Part of the answer shows while the rest is still coming.
    const streaming = await waitFor(() => {
      const el = document.querySelector("[data-streaming]");
      expect(el?.textContent).toMatch(/^Added/);
      return el;
    });
    expect(streaming?.textContent).not.toContain("to Pending.");
    expect(chat.getByRole("button", { name: "Stop" })).toBeInTheDocument();
    await waitFor(() =>
      expect(chat.getByRole("log")).toHaveTextContent(
        "Added #2 Call Joe to Pending, due tomorrow.",
      ),
    );
    expect(document.querySelector("[data-streaming]")).toBeNull();
    expect(
      chat.getByText("#2 Call Joe", { selector: ".chat-assistant .markdown strong" }),
    ).toBeInTheDocument();
    // The tool it used: a chip that opens on its arguments and result.
    const chip = chat
      .getByText("create_task", { selector: ".chat-tool-name" })
      .closest("details") as HTMLDetailsElement;
    expect(chip).toHaveAttribute("data-state", "done");
    expect(chip.open).toBe(false);
    await user.click(within(chip).getByText("create_task"));
    expect(chip.open).toBe(true);
    expect(chip.querySelector(".chat-tool-args")).toHaveTextContent(`"title": "Call Joe"`);
    expect(chip.querySelector(".chat-tool-args")).toHaveTextContent(`"due": "${localDate(1)}"`);
    expect(chip.querySelector(".chat-tool-result")).toHaveTextContent(`"id": 2`);
    await waitFor(() => expect(titlesIn("pending")).toContain("Call Joe"));
    expect(backend.tasks.find((t) => t.id === 2)?.due).toBe(localDate(1));
    expect(chat.getByRole("button", { name: "Send" })).toBeDisabled();
  });

  it("Shift+Enter starts a new line instead of sending", async () => {
    const { user, backend } = await renderApp();
    const chat = await openBoardChat(user);
    const input = chat.getByLabelText("Message");
    await user.type(input, "first line{Shift>}{Enter}{/Shift}second");
    expect(input).toHaveValue("first line\nsecond");
    expect(backend.callsTo("chat_send")).toHaveLength(0);
    await user.click(chat.getByRole("button", { name: "Send" }));
    expect(backend.callsTo("chat_send")).toEqual([{ task: null, text: "first line\nsecond" }]);
  });

  it("a refused message stays in the box with the error", async () => {
    const { user, backend } = await renderApp();
    backend.failures.set(
      "chat_send",
      "this chat is still answering the last message; wait for it or press Stop",
    );
    const chat = await openBoardChat(user);
    const input = chat.getByLabelText("Message");
    await user.type(input, "what is due today?{Enter}");
    expect(await chat.findByRole("alert")).toHaveTextContent("still answering");
    expect(input).toHaveValue("what is due today?");
  });

  it("a failed reply keeps the message in the conversation and says why", async () => {
    const { user, backend } = await renderApp();
    backend.chat.failNext = "model overloaded (HTTP 529)";
    const chat = await openBoardChat(user);
    await user.type(chat.getByLabelText("Message"), "summarise my week{Enter}");
    expect(await chat.findByRole("alert")).toHaveTextContent("model overloaded");
    expect(chat.getByText("summarise my week", { selector: ".chat-user p" })).toBeInTheDocument();
    // Saved, so not put back in the box as well.
    expect(chat.getByLabelText("Message")).toHaveValue("");
  });

  it("without a model it says how to get one and opens settings", async () => {
    const { user, backend } = await renderApp();
    backend.chat.hasModel = false;
    const chat = await openBoardChat(user);
    expect(await chat.findByText(/The chat needs a language model/)).toBeInTheDocument();
    expect(chat.getByRole("button", { name: "Send" })).toBeDisabled();
    expect(chat.getByLabelText("Message")).toBeDisabled();
    await user.click(chat.getByRole("button", { name: "Open settings" }));
    expect(await screen.findByRole("dialog", { name: /settings/i })).toBeInTheDocument();
  });

  it("Stop asks the core to stop, and what streamed is kept", async () => {
    const { user, backend } = await renderApp();
    backend.chat.pieceMs = 150;
    const chat = await openBoardChat(user);
    await user.type(chat.getByLabelText("Message"), "tell me about the board{Enter}");
    await waitFor(() =>
      expect(document.querySelector("[data-streaming]")?.textContent).toMatch(/Here/),
    );
    await user.click(chat.getByRole("button", { name: "Stop" }));
    expect(backend.callsTo("chat_stop")).toEqual([{ task: null }]);
    await waitFor(() => expect(chat.getByRole("log")).toHaveTextContent("(stopped)"));
    expect(chat.getByRole("button", { name: "Send" })).toBeInTheDocument();
  });

  it("a task's chat is its own conversation; g c toggles the board's; Esc closes", async () => {
    const { user, backend } = await renderApp({ tasks: [{ id: 1, title: "Henderson proposal" }] });
    await user.click(card("Henderson proposal"));
    await user.click(screen.getByRole("button", { name: "Chat about this task" }));
    const chat = chatPanel();
    expect(chat.getByRole("heading")).toHaveTextContent("Chat — #1 Henderson proposal");
    await user.type(chat.getByLabelText("Message"), "is this on track?{Enter}");
    await waitFor(() =>
      expect(chat.getByRole("log")).toHaveTextContent("About task #1: it looks on track."),
    );
    expect(backend.callsTo("chat_send")[0]).toEqual({ task: 1, text: "is this on track?" });

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("complementary", { name: "Chat" })).toBeNull();
    await user.keyboard("gc");
    const board = chatPanel();
    expect(board.getByRole("heading")).toHaveTextContent("Chat — Board");
    expect(board.queryByText("is this on track?")).toBeNull();
    (document.activeElement as HTMLElement).blur();
    await user.keyboard("gc");
    expect(screen.queryByRole("complementary", { name: "Chat" })).toBeNull();
  });

  it("Clear asks first, then empties the conversation", async () => {
    const { user, backend } = await renderApp();
    const chat = await openBoardChat(user);
    await user.type(chat.getByLabelText("Message"), "hello{Enter}");
    await waitFor(() => expect(chat.getByRole("button", { name: "Clear" })).toBeEnabled());
    await user.click(chat.getByRole("button", { name: "Clear" }));
    await user.click(chat.getByRole("button", { name: /^Clear 2 messages$/ }));
    expect(backend.callsTo("chat_clear")).toEqual([{ task: null }]);
    await waitFor(() => expect(chat.queryByText("hello", { selector: ".chat-user p" })).toBeNull());
  });

  it("a tool that failed is a red chip with its error; an MCP tool reads server/tool", () => {
    const msg = (m: Partial<ChatMessage>): ChatMessage => ({
      id: 1,
      chat_id: 1,
      role: "assistant",
      content: "",
      tool_calls: [],
      call_id: null,
      tool: null,
      is_error: false,
      tokens_in: 0,
      tokens_out: 0,
      created_at: "2026-01-01T00:00:00Z",
      ...m,
    });
    const answer = msg({
      tool_calls: [
        { id: "a", name: "move_task", arguments: '{"id":9,"status":"done"}' },
        { id: "b", name: "calendar__list_events", arguments: "{}" },
      ],
    });
    const results = new Map([
      [
        "a",
        msg({
          id: 2,
          role: "tool",
          call_id: "a",
          tool: "move_task",
          is_error: true,
          content: "Error: no task #9",
        }),
      ],
    ]);
    render(<ChatMessageView message={answer} results={results} />);
    const failed = screen.getByText("move_task").closest("details") as HTMLElement;
    expect(failed).toHaveAttribute("data-state", "error");
    expect(within(failed).getByText("failed")).toBeInTheDocument();
    expect(failed.querySelector(".chat-tool-result")).toHaveTextContent("Error: no task #9");
    const running = screen.getByText("calendar/list_events").closest("details") as HTMLElement;
    expect(running).toHaveAttribute("data-state", "running");
  });

  it("renders the answer's Markdown sanitized", () => {
    const alert = vi.spyOn(window, "alert").mockImplementation(() => {});
    const answer: ChatMessage = {
      id: 1,
      chat_id: 1,
      role: "assistant",
      content:
        "**ok** <img src=x onerror=alert(1)><script>alert(2)</script> [x](javascript:alert(3))",
      tool_calls: [],
      call_id: null,
      tool: null,
      is_error: false,
      tokens_in: 0,
      tokens_out: 0,
      created_at: "2026-01-01T00:00:00Z",
    };
    const { container } = render(<ChatMessageView message={answer} results={new Map()} />);
    expect(screen.getByText("ok").tagName).toBe("STRONG");
    expect(container.querySelector("img, script, [onerror]")).toBeNull();
    expect(container.innerHTML).not.toMatch(/javascript:/i);
    expect(alert).not.toHaveBeenCalled();
  });
});
