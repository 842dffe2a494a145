import { useCallback, useEffect, useRef, useState } from "react";

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  message: string;
  tone: "info" | "error";
  action?: ToastAction;
}

export type Notify = (message: string, opts?: { tone?: Toast["tone"]; action?: ToastAction; timeoutMs?: number }) => number;

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
      setToasts((ts) => [...ts.slice(-3), { id, message, tone, action: opts.action }]);
      const ms = opts.timeoutMs ?? (tone === "error" ? 8000 : opts.action ? 6000 : 3000);
      timers.current.set(id, setTimeout(() => dismiss(id), ms));
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
