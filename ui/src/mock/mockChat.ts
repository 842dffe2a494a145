// The chat half of the mock core: conversations per scope and a scripted assistant that
// streams its answer in pieces. Asked to add or create something, it calls create_task
// (and the task really lands on the mock board) before answering, like a model would.
import type { Emit } from "./mockDesktop";
import { commandError } from "./commandError";
import type { ChatEvent, ChatMessage, ChatThread, Task } from "../bindings";
import { formatDue } from "../board/due";

type Args = Record<string, unknown>;

export class MockChat {
  /** False: as if no language model were configured. */
  hasModel = true;
  /** The chat's MCP servers (the Chat agent's). */
  servers: string[] = [];
  /** Pause between streamed pieces, ms. */
  pieceMs = 30;
  /** Next reply fails with this error after the user's message is saved. */
  failNext: string | null = null;
  private threads = new Map<string, ChatMessage[]>();
  private busy = new Set<string>();
  private stopped = new Set<string>();
  private nextId = 1;

  constructor(
    private emit: Emit,
    /** What a model would pass to create_task for the words (title, due, priority, category). */
    private fieldsOf: (text: string) => Partial<Task>,
    private createTask: (fields: Partial<Task>) => Task,
  ) {}

  handles(cmd: string): boolean {
    return ["chat_thread", "chat_send", "chat_stop", "chat_clear"].includes(cmd);
  }

  async dispatch(cmd: string, a: Args): Promise<unknown> {
    const task = (a.task ?? null) as number | null;
    const key = String(task);
    switch (cmd) {
      case "chat_thread": {
        const thread: ChatThread = {
          chat_id: this.threads.has(key) ? 1 : null,
          task_id: task,
          messages: structuredClone(this.threads.get(key) ?? []),
          servers: [...this.servers],
          busy: this.busy.has(key),
          has_model: this.hasModel,
        };
        return thread;
      }
      case "chat_stop": {
        if (!this.busy.has(key)) return false;
        this.stopped.add(key);
        return true;
      }
      case "chat_clear": {
        if (this.busy.has(key))
          throw commandError(
            "busy",
            "this chat is still answering the last message; wait for it or press Stop",
          );
        const n = this.threads.get(key)?.length ?? 0;
        this.threads.delete(key);
        return n;
      }
      case "chat_send":
        return this.send(task, (a.text as string | undefined) ?? "");
    }
    throw `unknown command ${cmd}`;
  }

  private async send(task: number | null, raw: string): Promise<ChatMessage> {
    const key = String(task);
    const text = raw.trim();
    if (text === "") throw commandError("invalid", "type a message first");
    if (!this.hasModel)
      throw commandError(
        "no_llm",
        "the chat needs a language model; set one in Settings → Language model or with `utter llm set`",
      );
    if (this.busy.has(key))
      throw commandError(
        "busy",
        "this chat is still answering the last message; wait for it or press Stop",
      );
    this.busy.add(key);
    this.stopped.delete(key);
    try {
      this.save(task, { role: "user", content: text });
      if (this.failNext) {
        const error = this.failNext;
        this.failNext = null;
        this.event({ kind: "failed", task_id: task, error });
        throw commandError("agent", error);
      }
      let answer =
        task == null
          ? "Here is what I found on the board."
          : `About task #${task}: it looks on track.`;
      if (/\b(add|create|remind)\b/i.test(text)) {
        const words = text.replace(/^.*?\b(add|create|remind me to)\b\s*/i, "") || "New task";
        const f = this.fieldsOf(words);
        const fields = { ...f, title: (f.title ?? words).replace(/^\w/, (c) => c.toUpperCase()) };
        const args = Object.fromEntries(
          Object.entries(fields).filter(
            ([k, v]) => v != null && !(k === "priority" && v === "medium"),
          ),
        );
        const call = {
          id: `call_${this.nextId}`,
          name: "create_task",
          arguments: JSON.stringify(args),
        };
        this.save(task, { role: "assistant", content: "", tool_calls: [call] });
        const t = this.createTask(fields);
        this.save(task, {
          role: "tool",
          content: JSON.stringify({
            created: { id: t.id, title: t.title, status: t.status, due: t.due },
          }),
          call_id: call.id,
          tool: "create_task",
        });
        const due = t.due ? formatDue(t.due)?.label : null;
        answer = `Added **#${t.id} ${t.title}** to Pending${due ? `, due ${/^(Today|Tomorrow)/.test(due) ? due.toLowerCase() : due}` : ""}.`;
      }
      let streamed = "";
      for (const piece of answer.match(/\S+\s*/g) ?? []) {
        if (this.stopped.has(key)) break;
        await new Promise((r) => setTimeout(r, this.pieceMs));
        streamed += piece;
        this.event({ kind: "delta", task_id: task, text: piece });
      }
      const final = this.stopped.has(key) ? `${streamed.trimEnd()}\n\n_(stopped)_` : answer;
      const saved = this.save(task, {
        role: "assistant",
        content: final,
        tokens_in: 120,
        tokens_out: 14,
      });
      this.event({ kind: "done", task_id: task });
      return saved;
    } finally {
      this.busy.delete(key);
    }
  }

  private save(
    task: number | null,
    m: Partial<ChatMessage> & Pick<ChatMessage, "role" | "content">,
  ): ChatMessage {
    const message: ChatMessage = {
      id: this.nextId++,
      chat_id: 1,
      tool_calls: [],
      call_id: null,
      tool: null,
      is_error: false,
      tokens_in: 0,
      tokens_out: 0,
      created_at: new Date().toISOString(),
      ...m,
    };
    const key = String(task);
    this.threads.set(key, [...(this.threads.get(key) ?? []), message]);
    this.event({ kind: "message", task_id: task, message: structuredClone(message) });
    return message;
  }

  private event(e: ChatEvent) {
    this.emit("chat", e);
  }
}
