import type { Ref } from "react";

import type { Priority } from "../bindings";
import { PRIORITIES, PRIORITY_LABELS } from "../board/columns";
import { NO_CATEGORY, type Filters } from "../board/filters";

interface FilterBarProps {
  filters: Filters;
  onChange: (f: Filters) => void;
  categories: string[];
  active: boolean;
  onClear: () => void;
  textRef: Ref<HTMLInputElement>;
}

export function FilterBar({
  filters,
  onChange,
  categories,
  active,
  onClear,
  textRef,
}: FilterBarProps) {
  return (
    <div className="filters" role="group" aria-label="Filters">
      <div className="filter-text">
        <input
          ref={textRef}
          type="search"
          value={filters.text}
          onChange={(e) => onChange({ ...filters, text: e.target.value })}
          placeholder="Filter"
          aria-label="Filter tasks"
          autoComplete="off"
          spellCheck={false}
        />
        <kbd className="hint" aria-hidden="true">
          /
        </kbd>
      </div>
      <select
        value={filters.category}
        onChange={(e) => onChange({ ...filters, category: e.target.value })}
        aria-label="Category"
        data-active={filters.category !== "" || undefined}
      >
        <option value="">All categories</option>
        {categories.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
        <option value={NO_CATEGORY}>No category</option>
      </select>
      <select
        value={filters.priority}
        onChange={(e) => onChange({ ...filters, priority: e.target.value as Priority | "" })}
        aria-label="Priority"
        data-active={filters.priority !== "" || undefined}
      >
        <option value="">Any priority</option>
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {PRIORITY_LABELS[p]}
          </option>
        ))}
      </select>
      {active && (
        <button type="button" className="ghost-button" onClick={onClear}>
          Clear
        </button>
      )}
    </div>
  );
}
