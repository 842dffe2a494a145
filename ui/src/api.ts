// The one place the UI talks to the Rust core (Tauri IPC).
// Thin typed wrappers: argument names are camelCase here and Tauri maps them
// to the snake_case parameters of the Rust commands.

import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";

import type { Category } from "./bindings/Category";
import type { ChangeEvent } from "./bindings/ChangeEvent";
import type { NewTask } from "./bindings/NewTask";
import type { SearchHit } from "./bindings/SearchHit";
import type { Status } from "./bindings/Status";
import type { Task } from "./bindings/Task";
import type { TaskFilter } from "./bindings/TaskFilter";
import type { TaskPatch } from "./bindings/TaskPatch";
import type { Transcript } from "./bindings/Transcript";

/** Name of the event the core emits after every change to the store. */
export const STORE_CHANGED = "store-changed";

export function listTasks(filter: TaskFilter | null = null): Promise<Task[]> {
  return invoke<Task[]>("list_tasks", { filter });
}

export function getTask(id: number): Promise<Task> {
  return invoke<Task>("get_task", { id });
}

export function createTask(task: NewTask): Promise<Task> {
  return invoke<Task>("create_task", { task });
}

/** The core parses inline due dates / priority ("Call Joe tomorrow !high"). */
export function quickAdd(text: string): Promise<Task> {
  return invoke<Task>("quick_add", { text });
}

export function updateTask(id: number, patch: TaskPatch): Promise<Task> {
  return invoke<Task>("update_task", { id, patch });
}

/** `index`: 0-based slot in the destination column after removing the task from its old place. */
export function moveTask(id: number, status: Status, index: number): Promise<Task> {
  return invoke<Task>("move_task", { id, status, index });
}

/** Returns the deleted task so it can be restored (undo). */
export function deleteTask(id: number): Promise<Task> {
  return invoke<Task>("delete_task", { id });
}

export function restoreTask(task: Task): Promise<Task> {
  return invoke<Task>("restore_task", { task });
}

export function listCategories(): Promise<Category[]> {
  return invoke<Category[]>("list_categories");
}

export function getTranscript(id: number): Promise<Transcript> {
  return invoke<Transcript>("get_transcript", { id });
}

export function search(query: string): Promise<SearchHit[]> {
  return invoke<SearchHit[]>("search", { query });
}

/**
 * Tells the core the board has been painted once, so it can log start-up time
 * (`board painted ms=…`); the start-up benchmark reads that line. Never fails the UI.
 */
export function reportBoardPainted(cards: number): Promise<void> {
  return invoke<void>("board_painted", { cards }).catch(() => undefined);
}

/** Subscribe to store changes (from this window, the CLI, or another process). */
export function onStoreChanged(handler: (event: ChangeEvent) => void): Promise<UnlistenFn> {
  return listen<ChangeEvent>(STORE_CHANGED, (e) => handler(e.payload));
}

/**
 * A TaskPatch that changes only the given fields: absent fields are left alone;
 * for the clearable ones (description, category, due, agent, output) `null` clears.
 * Undefined keys are dropped so they never reach the core as `null`.
 */
export function patchOf(fields: TaskPatch): TaskPatch {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = v;
  return out as TaskPatch;
}

/** Error text from a rejected invoke (the core rejects with a string). */
export function errorMessage(err: unknown): string {
  if (typeof err === "string") return err;
  if (err instanceof Error) return err.message;
  if (err && typeof err === "object" && "message" in err) return String((err as { message: unknown }).message);
  return "Something went wrong";
}
