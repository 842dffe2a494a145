// A full-window page over the board: takes focus when it opens, Esc goes back (unless Esc is
// leaving a field), and focus returns to where it was.
import { useEffect, useRef } from "react";

import { isTypingTarget } from "./useKeyboardShortcuts";
import { useLatest } from "./useLatest";

export function usePage<T extends HTMLElement>(onClose: () => void) {
  const root = useRef<T>(null);
  const close = useLatest(onClose);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    root.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !isTypingTarget(e.target)) close.current();
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      before?.focus?.();
    };
  }, [close]);
  return root;
}
