// Display helpers for agent runs: token counts, durations, one-line previews.
import type { RunStatus, StepStatus } from "../bindings";

export const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  running: "Running",
  waiting_approval: "Needs approval",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
};

export const STEP_STATUS_LABELS: Record<StepStatus, string> = {
  started: "Running",
  done: "Done",
  failed: "Failed",
  denied: "Denied",
  waiting_approval: "Needs approval",
};

/** 1234 → "1.2k" */
export function formatTokens(n: number): string {
  if (n < 1000) return String(n);
  return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)}k`;
}

/** 850 → "850 ms", 14200 → "14.2 s", 125000 → "2 min 5 s" */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const m = Math.floor(ms / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  return s ? `${m} min ${s} s` : `${m} min`;
}

/** "3 min ago", or the date when it is older than a day. */
export function formatWhen(iso: string, now = Date.now()): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 45) return "just now";
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  return new Date(t).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** Collapses whitespace and cuts to `max` characters. */
export function oneLine(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Pretty JSON when the text is JSON; the text as it is otherwise. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** Compact JSON on one line (arguments in the timeline). */
export function compactJson(text: string, max = 160): string {
  try {
    return oneLine(JSON.stringify(JSON.parse(text)), max);
  } catch {
    return oneLine(text, max);
  }
}
