import { useState, type Ref } from "react";

import type { Task } from "../bindings";

interface QuickAddProps {
  inputRef: Ref<HTMLInputElement>;
  onAdd: (text: string) => Promise<Task | null>;
}

/** One line, Enter to add. The core parses "tomorrow", "!high", etc. */
export function QuickAdd({ inputRef, onAdd }: QuickAddProps) {
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const t = text.trim();
    if (!t || busy) return;
    setBusy(true);
    const created = await onAdd(t);
    setBusy(false);
    if (created) setText("");
  };

  return (
    <form
      className="quick-add"
      role="search"
      aria-label="Quick add"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <span className="quick-add-plus" aria-hidden="true">
        +
      </span>
      <input
        ref={inputRef}
        type="text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Add a task — “Call Joe tomorrow !high”"
        aria-label="Quick add task"
        aria-busy={busy}
        autoComplete="off"
        spellCheck={false}
      />
      <kbd className="hint" aria-hidden="true">
        n
      </kbd>
    </form>
  );
}
