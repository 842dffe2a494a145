// Due badge text: "Today", "Tomorrow", "Fri", "Dec 10", or "Overdue".

import type { Due } from "../bindings";

export type DueTone = "overdue" | "today" | "soon" | "later" | "done";

export interface DueBadge {
  label: string;
  tone: DueTone;
  /** Full date (and time) for the tooltip. */
  title: string;
}

const DAY_MS = 86_400_000;

/** Parse "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]" as LOCAL time. */
export function parseDue(due: Due): { date: Date; hasTime: boolean } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(due.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const date = new Date(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h ?? 0),
    Number(mi ?? 0),
    Number(s ?? 0),
  );
  return Number.isNaN(date.getTime()) ? null : { date, hasTime: h !== undefined };
}

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

function timeLabel(d: Date): string {
  return d.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });
}

export function formatDue(
  due: Due,
  opts: { completed?: boolean; now?: Date } = {},
): DueBadge | null {
  const parsed = parseDue(due);
  if (!parsed) return null;
  const { date, hasTime } = parsed;
  const now = opts.now ?? new Date();
  const days = Math.round((startOfDay(date) - startOfDay(now)) / DAY_MS);
  const full = date.toLocaleDateString(undefined, {
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
  });
  const title = hasTime ? `${full} ${timeLabel(date)}` : full;
  const past = hasTime ? date.getTime() < now.getTime() : days < 0;

  if (past && !opts.completed)
    return { label: "Overdue", tone: "overdue", title: `Overdue — was due ${title}` };

  let label: string;
  if (days === 0) label = "Today";
  else if (days === 1) label = "Tomorrow";
  else if (days === -1) label = "Yesterday";
  else if (days > 1 && days < 7) label = date.toLocaleDateString(undefined, { weekday: "short" });
  else if (date.getFullYear() === now.getFullYear())
    label = date.toLocaleDateString(undefined, { month: "short", day: "numeric" });
  else
    label = date.toLocaleDateString(undefined, { month: "short", day: "numeric", year: "numeric" });
  if (hasTime && days >= 0 && days <= 1) label += ` ${timeLabel(date)}`;

  const tone: DueTone = opts.completed
    ? "done"
    : days === 0
      ? "today"
      : days < 7
        ? "soon"
        : "later";
  return { label, tone, title: `Due ${title}` };
}
