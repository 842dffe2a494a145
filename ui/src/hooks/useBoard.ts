// Board state: the loaded tasks, live reload on `store-changed`, and every
// mutation (optimistic, rolled back with a toast on error, undoable).

import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import * as api from "../api";
import type { Category, Status, Task, TaskPatch } from "../bindings";
import { applyMove, groupByStatus, indexInColumn, replaceTask } from "../board/boardModel";
import type { Notify } from "./useToasts";

type Dismiss = (toastId: number) => void;

export const RELOAD_DEBOUNCE_MS = 30;

type LoadState = "loading" | "ready" | "error";

interface UndoEntry {
  id: number;
  label: string;
  run: () => Promise<unknown>;
  /** The toast offering this undo; closed once it is used. */
  toastId?: number;
}

const PATCH_KEYS = [
  "title",
  "description",
  "category",
  "priority",
  "due",
  "assigned_agent",
  "agent_output",
] as const;
type PatchKey = (typeof PATCH_KEYS)[number];

/** The fields a patch really changes (`title`/`priority` null = leave alone). */
function effectiveKeys(patch: TaskPatch): PatchKey[] {
  return PATCH_KEYS.filter((k) => {
    const v = (patch as Record<string, unknown>)[k];
    if (v === undefined) return false;
    if ((k === "title" || k === "priority") && v === null) return false;
    return true;
  });
}

function applyPatch(task: Task, patch: TaskPatch): Task {
  const next = { ...task } as Record<string, unknown>;
  for (const k of effectiveKeys(patch)) next[k] = (patch as Record<string, unknown>)[k];
  return next as unknown as Task;
}

function inversePatch(before: Task, patch: TaskPatch): TaskPatch {
  const inv: Record<string, unknown> = {};
  for (const k of effectiveKeys(patch)) inv[k] = before[k];
  return api.patchOf(inv);
}

export function useBoard(notify: Notify, dismiss: Dismiss = () => {}) {
  const [tasks, setTasks] = useState<Task[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [loadState, setLoadState] = useState<LoadState>("loading");
  const [loadError, setLoadError] = useState<string | null>(null);

  // Synchronous source of truth for snapshots/rollbacks.
  const tasksRef = useRef<Task[]>(tasks);
  const commit = useCallback((next: Task[]) => {
    tasksRef.current = next;
    setTasks(next);
  }, []);
  const change = useCallback(
    (fn: (ts: Task[]) => Task[]) => commit(fn(tasksRef.current)),
    [commit],
  );

  // Reloads wait while a mutation is in flight or a drag is held, so a reload
  // racing an optimistic change never makes a card jump back and forth.
  const inFlight = useRef(0);
  const holds = useRef(0);
  const reloadWanted = useRef(false);
  const loadSeq = useRef(0);
  const debounce = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);
  const busy = () => inFlight.current > 0 || holds.current > 0;

  const load = useCallback(async () => {
    const seq = ++loadSeq.current;
    try {
      const [ts, cats] = await Promise.all([
        api.listTasks(null),
        api.listCategories().catch(() => null),
      ]);
      if (!mounted.current || seq !== loadSeq.current) return;
      if (busy()) {
        reloadWanted.current = true;
        return;
      }
      commit(ts);
      if (cats) setCategories(cats);
      setLoadState("ready");
      setLoadError(null);
    } catch (e) {
      if (!mounted.current || seq !== loadSeq.current) return;
      setLoadError(api.errorMessage(e));
      setLoadState((s) => (s === "ready" ? s : "error"));
      notify(`Could not load tasks: ${api.errorMessage(e)}`, { tone: "error" });
    }
  }, [commit, notify]);

  const requestReload = useCallback(() => {
    if (busy()) {
      reloadWanted.current = true;
      return;
    }
    if (debounce.current) clearTimeout(debounce.current);
    debounce.current = setTimeout(() => {
      debounce.current = null;
      void load();
    }, RELOAD_DEBOUNCE_MS);
  }, [load]);

  const settle = useCallback(() => {
    if (!busy() && reloadWanted.current) {
      reloadWanted.current = false;
      requestReload();
    }
  }, [requestReload]);

  useEffect(() => {
    mounted.current = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the load sets state only after awaiting the core
    void load();
    let unlisten: (() => void) | null = null;
    let cancelled = false;
    api
      .onStoreChanged((e) => {
        if (e.kind !== "setting_changed") requestReload();
      })
      .then((fn) => (cancelled ? fn() : (unlisten = fn)))
      .catch(() => {
        /* no event bridge (e.g. plain browser): live reload off */
      });
    return () => {
      mounted.current = false;
      cancelled = true;
      unlisten?.();
      if (debounce.current) clearTimeout(debounce.current);
    };
  }, [load, requestReload]);

  /** Run a mutation with an optional optimistic change; roll back + toast on error. */
  const mutate = useCallback(
    async <T>(
      optimistic: ((ts: Task[]) => Task[]) | null,
      call: () => Promise<T>,
      apply: (ts: Task[], result: T) => Task[],
      failure: string,
    ): Promise<T | null> => {
      const snapshot = tasksRef.current;
      if (optimistic) change(optimistic);
      inFlight.current++;
      try {
        const result = await call();
        if (mounted.current) change((ts) => apply(ts, result));
        return result;
      } catch (e) {
        if (mounted.current) {
          commit(snapshot);
          reloadWanted.current = true; // resync anything else that changed meanwhile
          notify(`${failure}: ${api.errorMessage(e)}`, { tone: "error" });
        }
        return null;
      } finally {
        inFlight.current--;
        settle();
      }
    },
    [change, commit, notify, settle],
  );

  // ---- undo ---------------------------------------------------------------
  const undoStack = useRef<UndoEntry[]>([]);
  const undoSeq = useRef(1);
  const pushUndo = useCallback((label: string, run: () => Promise<unknown>): UndoEntry => {
    const entry = { id: undoSeq.current++, label, run };
    undoStack.current = [...undoStack.current.slice(-49), entry];
    return entry;
  }, []);
  const runUndo = useCallback(
    async (entry: UndoEntry) => {
      if (!undoStack.current.includes(entry)) return; // already undone
      undoStack.current = undoStack.current.filter((e) => e !== entry);
      if (entry.toastId != null) dismiss(entry.toastId);
      const ok = await entry.run();
      if (ok !== null) notify(`Undone: ${entry.label}`, { key: "undo" });
    },
    [dismiss, notify],
  );
  const undo = useCallback(async () => {
    const entry = undoStack.current[undoStack.current.length - 1];
    if (!entry) {
      notify("Nothing to undo");
      return;
    }
    await runUndo(entry);
  }, [notify, runUndo]);

  // ---- mutations ----------------------------------------------------------
  const quickAdd = useCallback(
    (text: string) => mutate(null, () => api.quickAdd(text), replaceTask, "Could not add task"),
    [mutate],
  );

  const moveRaw = useCallback(
    (id: number, status: Status, index: number) =>
      mutate(
        (ts) => applyMove(ts, id, status, index),
        () => api.moveTask(id, status, index),
        replaceTask,
        "Could not move task",
      ),
    [mutate],
  );

  /** Move a card; no-op moves are skipped. Undo puts it back where it was. */
  const move = useCallback(
    async (id: number, status: Status, index: number) => {
      const from = indexInColumn(tasksRef.current, id);
      if (!from) return null;
      if (from.status === status && from.index === index) return null;
      const res = await moveRaw(id, status, index);
      if (res) pushUndo("move", () => moveRaw(id, from.status, from.index));
      return res;
    },
    [moveRaw, pushUndo],
  );

  const updateRaw = useCallback(
    (id: number, patch: TaskPatch) =>
      mutate(
        (ts) => ts.map((t) => (t.id === id ? applyPatch(t, patch) : t)),
        () => api.updateTask(id, patch),
        replaceTask,
        "Could not save",
      ),
    [mutate],
  );

  const update = useCallback(
    async (id: number, patch: TaskPatch) => {
      const before = tasksRef.current.find((t) => t.id === id);
      if (!before || effectiveKeys(patch).length === 0) return null;
      const res = await updateRaw(id, patch);
      if (res) {
        const entry = pushUndo("edit", () => updateRaw(id, inversePatch(before, patch)));
        entry.toastId = notify("Task updated", {
          key: `updated-${id}`,
          action: { label: "Undo", run: () => void runUndo(entry) },
        });
      }
      return res;
    },
    [notify, pushUndo, runUndo, updateRaw],
  );

  const restore = useCallback(
    (task: Task) =>
      mutate(
        (ts) => replaceTask(ts, task),
        () => api.restoreTask(task),
        replaceTask,
        "Could not restore task",
      ),
    [mutate],
  );

  const remove = useCallback(
    async (id: number) => {
      const deleted = await mutate(
        (ts) => ts.filter((t) => t.id !== id),
        () => api.deleteTask(id),
        (ts) => ts.filter((t) => t.id !== id),
        "Could not delete task",
      );
      if (deleted) {
        const entry = pushUndo("delete", () => restore(deleted));
        entry.toastId = notify("Task deleted", {
          action: { label: "Undo", run: () => void runUndo(entry) },
        });
      }
      return deleted;
    },
    [mutate, notify, pushUndo, restore, runUndo],
  );

  /** Hold reloads while the user is dragging. */
  const setDragging = useCallback(
    (on: boolean) => {
      holds.current = Math.max(0, holds.current + (on ? 1 : -1));
      if (!on) settle();
    },
    [settle],
  );

  const columns = useMemo(() => groupByStatus(tasks), [tasks]);

  return {
    tasks,
    columns,
    categories,
    loadState,
    loadError,
    reload: load,
    quickAdd,
    move,
    update,
    remove,
    undo,
    setDragging,
  };
}

export type Board = ReturnType<typeof useBoard>;
