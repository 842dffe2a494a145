import { useMemo, useState } from "react";

import type { Columns } from "../board/boardModel";
import { STATUSES } from "../board/columns";
import { EMPTY_FILTERS, isFiltering, taskMatcher, type Filters } from "../board/filters";

/** Filter state plus the columns as the user sees them. */
export function useFilters(columns: Columns) {
  const [filters, setFilters] = useState<Filters>(EMPTY_FILTERS);
  const active = isFiltering(filters);
  const visible = useMemo<Columns>(() => {
    if (!active) return columns;
    const match = taskMatcher(filters);
    const out = {} as Columns;
    for (const s of STATUSES) out[s] = columns[s].filter(match);
    return out;
  }, [columns, filters, active]);
  return { filters, setFilters, active, visible, clear: () => setFilters(EMPTY_FILTERS) };
}
