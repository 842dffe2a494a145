import { useCallback, useEffect, useRef, useState } from "react";

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  message: string;
  tone: "info" | "error";
  key?: string;
  action?: ToastAction;
}

export interface NotifyOptions {
  tone?: Toast["tone"];
  action?: ToastAction;
  timeoutMs?: number;
  /** A new toast with the same key replaces the old one (e.g. repeated "Task updated"). */
  key?: string;
}

export type Notify = (message: string, opts?: NotifyOptions) => number;

/** A small toast queue; toasts dismiss themselves (errors stay a little longer). */
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    const t = timers.current.get(id);
    if (t) clearTimeout(t);
    timers.current.delete(id);
    setToasts((ts) => ts.filter((x) => x.id !== id));
  }, []);

  const notify = useCallback<Notify>(
    (message, opts = {}) => {
      const id = nextId.current++;
      const tone = opts.tone ?? "info";
      setToasts((ts) => {
        const kept = opts.key ? ts.filter((x) => x.key !== opts.key) : ts;
        return [...kept.slice(-3), { id, message, tone, action: opts.action, key: opts.key }];
      });
      const ms = opts.timeoutMs ?? (tone === "error" ? 8000 : opts.action ? 6000 : 3000);
      timers.current.set(
        id,
        setTimeout(() => dismiss(id), ms),
      );
      return id;
    },
    [dismiss],
  );

  useEffect(() => {
    const map = timers.current;
    return () => map.forEach((t) => clearTimeout(t));
  }, []);

  return { toasts, notify, dismiss };
}
