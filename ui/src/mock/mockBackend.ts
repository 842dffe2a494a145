// An in-memory stand-in for the Rust core, answering the same IPC commands.
// Used by the component tests (through mockIPC) and by `vite --mode mock`.
// Never imported by production code paths.

import type {
  Category,
  ChangeEvent,
  NewTask,
  Priority,
  SearchHit,
  Status,
  Task,
  TaskFilter,
  TaskPatch,
  Transcript,
} from "../bindings";
import { byPosition, positionAt } from "../board/boardModel";
import { STATUSES } from "../board/columns";
import { commandError } from "./commandError";
import { MockAgents } from "./mockAgents";
import { MockBackups } from "./mockBackups";
import { MockChat } from "./mockChat";
import { MockData } from "./mockData";
import { MockMcp } from "./mockMcp";
import { MockDumps } from "./mockDumps";
import { MockUpdates } from "./mockUpdates";
import { MockVocabulary } from "./mockVocabulary";
import { MockDesktop } from "./mockDesktop";

export interface IpcCall {
  cmd: string;
  args: Record<string, unknown>;
}

type Args = Record<string, unknown>;

export function localDate(offsetDays = 0, from = new Date()): string {
  const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() + offsetDays);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export class MockBackend {
  tasks: Task[] = [];
  transcripts: Transcript[] = [];
  categories: Category[] = [];
  calls: IpcCall[] = [];
  /** Next call of `cmd` rejects with this message (to test rollbacks). */
  failures = new Map<string, string>();
  /** Artificial latency per call, ms. */
  latencyMs = 0;
  onChange: ((e: ChangeEvent) => void) | null = null;
  /** Settings, microphones, models and recording. */
  desktop = new MockDesktop();
  /** The updater. */
  updates = new MockUpdates();
  /** MCP servers. */
  mcp = new MockMcp(
    (e) => this.changed(e),
    (event, payload) => this.desktop.emit(event, payload),
  );
  vocabulary = new MockVocabulary(
    (e) => this.changed(e),
    () => this.tasks,
  );
  /** Settings → Data: export and import. */
  data = new MockData(
    (e) => this.changed(e),
    () => this.tasks,
    (title, done) => {
      const t = this.insert({ title, status: done ? "completed" : "pending" });
      this.changed({ kind: "task_created", id: t.id });
    },
  );
  /** The voice journal: every mock recording lands here. */
  dumps = new MockDumps(
    (e) => this.changed(e),
    () => this.tasks,
  );
  /** The side chat. */
  chat = new MockChat(
    (event, payload) => this.desktop.emit(event, payload),
    (text) => parseQuickAdd(text),
    (fields) => {
      const t = this.insert(fields);
      this.changed({ kind: "task_created", id: t.id });
      return t;
    },
  );
  /** Agents, runs and approvals. */
  agents = new MockAgents(
    (e) => this.changed(e),
    (id) => this.find(id),
  );
  /** Settings → Data: backups of this board. */
  backups = new MockBackups(
    (e) => this.changed(e),
    () => this.tasks,
    (tasks) => {
      this.tasks = tasks;
    },
  );
  private nextId = 1;
  /** Cards flagged "possibly the same as" another (see `flagPossibleDuplicate`). */
  private possible: { task_id: number; possible_id: number }[] = [];

  /** A dump was not sure `taskId` is new: it may repeat `possibleId`. */
  flagPossibleDuplicate(taskId: number, possibleId: number) {
    this.possible.push({ task_id: taskId, possible_id: possibleId });
  }

  constructor(
    init: { tasks?: Partial<Task>[]; categories?: Category[]; transcripts?: Transcript[] } = {},
  ) {
    this.categories = init.categories ?? [];
    this.transcripts = init.transcripts ?? [];
    for (const t of init.tasks ?? []) this.insert(t);
    this.desktop.addTask = (title) => {
      const t = this.insert({ title });
      this.changed({ kind: "task_created", id: t.id });
      return t;
    };
    this.desktop.addDump = (text, tasks) => {
      const id = Math.max(0, ...this.transcripts.map((t) => t.id)) + 1;
      for (const t of tasks) t.source_transcript_id = id;
      this.transcripts.push({
        id,
        text,
        audio_path: `/mock/audio/${id}.wav`,
        duration_ms: null,
        model: "base.en",
        language: "en",
        created_at: new Date().toISOString(),
        extracted_task_ids: tasks.map((t) => t.id),
      });
      this.dumps.add(id, text, tasks);
      return id;
    };
  }

  /** Add a task directly (as if another process did), without recording a call. */
  insert(partial: Partial<Task>): Task {
    const status = partial.status ?? "pending";
    const id = partial.id ?? this.nextId;
    this.nextId = Math.max(this.nextId, id + 1);
    const col = this.column(status);
    const now = new Date().toISOString();
    const task: Task = {
      id,
      title: partial.title ?? `Task ${id}`,
      description: partial.description ?? null,
      category: partial.category ?? null,
      priority: partial.priority ?? "medium",
      status,
      due: partial.due ?? null,
      assigned_agent: partial.assigned_agent ?? null,
      agent_reason: partial.agent_reason ?? (partial.assigned_agent ? "assigned by you" : null),
      position: partial.position ?? (col.length ? col[col.length - 1].position + 1 : 0),
      source_transcript_id: partial.source_transcript_id ?? null,
      agent_output: partial.agent_output ?? null,
      created_at: partial.created_at ?? now,
      updated_at: partial.updated_at ?? now,
    };
    this.tasks.push(task);
    return task;
  }

  column(status: Status, exceptId?: number): Task[] {
    return this.tasks.filter((t) => t.status === status && t.id !== exceptId).sort(byPosition);
  }

  callsTo(cmd: string): Args[] {
    return this.calls.filter((c) => c.cmd === cmd).map((c) => c.args);
  }

  async handle(cmd: string, args: Args = {}): Promise<unknown> {
    this.calls.push({ cmd, args });
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
    const failure = this.failures.get(cmd);
    if (failure !== undefined) {
      this.failures.delete(cmd);
      throw failure;
    }
    return this.dispatch(cmd, args);
  }

  private changed(e: ChangeEvent) {
    const cb = this.onChange;
    if (cb) setTimeout(() => cb(e), 0);
  }

  private find(id: unknown): Task {
    const t = this.tasks.find((x) => x.id === id);
    if (!t) throw commandError("not_found", `task ${String(id)} not found`);
    return t;
  }

  private dispatch(cmd: string, a: Args): unknown {
    switch (cmd) {
      case "list_tasks": {
        const f = a.filter as TaskFilter | null | undefined;
        return this.tasks
          .filter(
            (t) =>
              !f ||
              ((!f.status || t.status === f.status) &&
                (!f.category || t.category === f.category) &&
                (!f.priority || t.priority === f.priority)),
          )
          .sort(
            (x, y) => STATUSES.indexOf(x.status) - STATUSES.indexOf(y.status) || byPosition(x, y),
          )
          .map((t) => ({ ...t }));
      }
      case "get_task":
        return { ...this.find(a.id) };
      case "create_task": {
        const n = a.task as NewTask;
        if (!n.title?.trim()) throw commandError("invalid", "title must not be empty");
        const t = this.insert({
          ...n,
          id: undefined,
          priority: n.priority ?? "medium",
          status: n.status ?? "pending",
        });
        this.changed({ kind: "task_created", id: t.id });
        return { ...t };
      }
      case "quick_add": {
        const t = this.insert(parseQuickAdd((a.text as string | undefined) ?? ""));
        this.changed({ kind: "task_created", id: t.id });
        return { ...t };
      }
      case "update_task": {
        const t = this.find(a.id);
        const p = a.patch as TaskPatch;
        if (p.title != null) {
          if (!p.title.trim()) throw commandError("invalid", "title must not be empty");
          t.title = p.title;
        }
        if (p.priority != null) t.priority = p.priority;
        for (const k of [
          "description",
          "category",
          "due",
          "assigned_agent",
          "agent_output",
        ] as const) {
          if (p[k] !== undefined) (t as Record<string, unknown>)[k] = p[k];
        }
        t.updated_at = new Date().toISOString();
        this.changed({ kind: "task_updated", id: t.id });
        return { ...t };
      }
      case "move_task": {
        const t = this.find(a.id);
        const status = a.status as Status;
        if (!STATUSES.includes(status)) throw `unknown status '${String(status)}'`;
        const dest = this.column(status, t.id);
        const index = Math.max(0, Math.min(Number(a.index), dest.length));
        t.status = status;
        t.position = positionAt(dest, index);
        t.updated_at = new Date().toISOString();
        this.changed({ kind: "task_moved", id: t.id });
        return { ...t };
      }
      case "delete_task": {
        const t = this.find(a.id);
        this.tasks = this.tasks.filter((x) => x !== t);
        this.changed({ kind: "task_deleted", id: t.id });
        return { ...t };
      }
      case "restore_task": {
        const t = { ...(a.task as Task) };
        if (this.tasks.some((x) => x.id === t.id)) throw `task ${t.id} already exists`;
        this.tasks.push(t);
        this.nextId = Math.max(this.nextId, t.id + 1);
        this.changed({ kind: "task_created", id: t.id });
        return { ...t };
      }
      case "list_categories":
        return this.categories.map((c) => ({ ...c }));
      case "get_transcript": {
        const tr = this.transcripts.find((x) => x.id === a.id);
        if (!tr) throw commandError("not_found", `transcript ${String(a.id)} not found`);
        return { ...tr };
      }
      case "search": {
        const q = ((a.query as string | undefined) ?? "").toLowerCase();
        const hits: SearchHit[] = this.tasks
          .filter((t) => t.title.toLowerCase().includes(q))
          .map((task) => ({ kind: "task", task: { ...task }, snippet: task.title }));
        return hits;
      }
      case "board_painted":
        return null;
      case "possible_duplicates":
        return this.possible
          .filter(
            (p) =>
              this.tasks.some((t) => t.id === p.task_id) &&
              this.tasks.some((t) => t.id === p.possible_id),
          )
          .map((p) => ({ ...p, possible_title: this.find(p.possible_id).title }));
      case "keep_apart":
        this.possible = this.possible.filter((p) => p.task_id !== a.taskId);
        return null;
      case "merge_tasks": {
        const keep = this.find(a.keep);
        const other = this.find(a.other);
        const before = [{ ...keep }, { ...other }];
        if (!keep.due) keep.due = other.due;
        this.tasks = this.tasks.filter((t) => t.id !== other.id);
        this.possible = this.possible.filter(
          (p) => p.task_id !== other.id && p.possible_id !== other.id,
        );
        this.changed({ kind: "task_updated", id: keep.id });
        this.changed({ kind: "task_deleted", id: other.id });
        return {
          kept: { ...keep },
          merged: { ...other, cancelled_at: new Date().toISOString() },
          before,
        };
      }
      case "put_back_tasks": {
        for (const t of a.before as Task[]) {
          this.tasks = [...this.tasks.filter((x) => x.id !== t.id), { ...t }];
          this.changed({ kind: "task_updated", id: t.id });
        }
        return null;
      }
      case "undo_dump_items": {
        const tr = this.transcripts.find((t) => t.id === a.id);
        const removed = (tr?.extracted_task_ids ?? []).filter((id) =>
          this.tasks.some((t) => t.id === id),
        );
        this.tasks = this.tasks.filter((t) => !removed.includes(t.id));
        for (const id of removed) this.changed({ kind: "task_deleted", id });
        return { removed, restored: [] };
      }
      default:
        if (this.agents.handles(cmd)) return this.agents.dispatch(cmd, a);
        if (this.backups.handles(cmd)) return this.backups.dispatch(cmd, a);
        if (this.chat.handles(cmd)) return this.chat.dispatch(cmd, a);
        if (this.mcp.handles(cmd)) return this.mcp.dispatch(cmd, a);
        if (this.vocabulary.handles(cmd)) return this.vocabulary.dispatch(cmd, a);
        if (this.updates.handles(cmd)) return this.updates.dispatch(cmd);
        if (this.data.handles(cmd)) return this.data.dispatch(cmd, a);
        if (this.dumps.handles(cmd)) return this.dumps.dispatch(cmd, a);
        if (this.desktop.handles(cmd))
          return this.desktop.dispatch(cmd, a, (id) => {
            if (!this.tasks.some((t) => t.id === id)) return false;
            this.dispatch("delete_task", { id });
            return true;
          });
        throw `unknown command ${cmd}`;
    }
  }
}

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** A small imitation of the core's quick-add parser: "!high", "#work", "today", "tomorrow", weekdays. */
export function parseQuickAdd(text: string, now = new Date()): Partial<Task> {
  let priority: Priority = "medium";
  let category: string | null = null;
  let due: string | null = null;
  const words: string[] = [];
  for (const w of text.trim().split(/\s+/)) {
    const lw = w.toLowerCase();
    if (/^!(high|h|urgent)$/.test(lw)) priority = "high";
    else if (/^!(low|l)$/.test(lw)) priority = "low";
    else if (/^!(medium|m)$/.test(lw)) priority = "medium";
    else if (/^#\S+$/.test(w)) category = w.slice(1);
    else if (lw === "today") due = localDate(0, now);
    else if (lw === "tomorrow") due = localDate(1, now);
    else if (WEEKDAYS.includes(lw)) {
      const diff = (WEEKDAYS.indexOf(lw) - now.getDay() + 7) % 7 || 7;
      due = localDate(diff, now);
      if (words[words.length - 1]?.toLowerCase() === "on") words.pop();
    } else words.push(w);
  }
  return { title: words.join(" ") || text.trim(), priority, category, due };
}
