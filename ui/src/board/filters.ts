// Client-side filtering of the loaded tasks.

import type { Priority, Task } from "../bindings";

export interface Filters {
  text: string;
  /** Category name, or "" for any; NO_CATEGORY for tasks without one. */
  category: string;
  priority: Priority | "";
}

export const NO_CATEGORY = "\u0000none";

export const EMPTY_FILTERS: Filters = { text: "", category: "", priority: "" };

export function isFiltering(f: Filters): boolean {
  return f.text.trim() !== "" || f.category !== "" || f.priority !== "";
}

/** A predicate for the given filters (text matches title, description, category, agent). */
export function taskMatcher(f: Filters): (t: Task) => boolean {
  const words = f.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return (t) => {
    if (f.priority && t.priority !== f.priority) return false;
    if (f.category === NO_CATEGORY) {
      if (t.category) return false;
    } else if (f.category && t.category !== f.category) return false;
    if (words.length) {
      const hay =
        `${t.title}\n${t.description ?? ""}\n${t.category ?? ""}\n${t.assigned_agent ?? ""}`.toLowerCase();
      for (const w of words) if (!hay.includes(w)) return false;
    }
    return true;
  };
}
