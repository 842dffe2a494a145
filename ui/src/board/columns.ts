import type { Priority, Status } from "../bindings";

/** Board columns, left to right. */
export const STATUSES: readonly Status[] = ["pending", "in_progress", "completed", "blocked"];

export const STATUS_LABELS: Record<Status, string> = {
  pending: "Pending",
  in_progress: "In progress",
  completed: "Completed",
  blocked: "Blocked",
};

export const PRIORITIES: readonly Priority[] = ["high", "medium", "low"];

export const PRIORITY_LABELS: Record<Priority, string> = {
  high: "High",
  medium: "Medium",
  low: "Low",
};

export function isStatus(v: unknown): v is Status {
  return typeof v === "string" && (STATUSES as readonly string[]).includes(v);
}
