// Global, Linear-style keyboard shortcuts. One keydown listener on window reads
// the latest board context from a ref, so it is bound once.

import { useEffect, useRef } from "react";

import type { Columns } from "../board/boardModel";
import { locate } from "../board/boardModel";
import { firstCard, horizontalNeighbor, verticalNeighbor } from "../board/navigation";
import { useLatest } from "./useLatest";

export interface ShortcutContext {
  columns: Columns;
  focusedId: number | null;
  helpOpen: boolean;
  setFocused: (id: number) => void;
  open: (id: number) => void;
  edit: (id: number) => void;
  remove: (id: number) => void;
  /** Move the card to the column left (-1) / right (+1). */
  shiftColumn: (id: number, delta: -1 | 1) => void;
  /** Move the card up (-1) / down (+1) inside its column. */
  reorder: (id: number, delta: -1 | 1) => void;
  undo: () => void;
  focusQuickAdd: () => void;
  focusFilter: () => void;
  toggleHelp: () => void;
  /** `g a` / `g i` / `g s` / `g d`: the agents gallery / the approvals inbox / the MCP
   * servers / the voice journal. */
  goTo?: (view: "agents" | "approvals" | "mcp" | "dumps") => void;
  /** `g c`: opens or closes the board's chat. */
  toggleChat?: () => void;
  /** Esc: close the top-most panel; returns true if something closed. */
  escape: () => boolean;
}

export function isTypingTarget(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") {
    const type = (el as HTMLInputElement).type;
    return !["checkbox", "radio", "button", "submit", "reset", "range", "color"].includes(type);
  }
  return false;
}

/** Elements whose own Enter/Space behaviour must win over board shortcuts. */
function isControl(el: EventTarget | null): boolean {
  return (
    el instanceof HTMLElement &&
    !!el.closest("button, a[href], summary, [data-own-keys]") &&
    !el.closest("[data-card]")
  );
}

/** The second key of a `g` pair and the view it goes to (the help sheet lists the same). */
const GO_TO = new Map<string, "agents" | "approvals" | "mcp" | "dumps">([
  ["a", "agents"],
  ["d", "dumps"],
  ["i", "approvals"],
  ["s", "mcp"],
]);

/** How long after `g` a second key still makes a "go to" pair. */
const CHORD_MS = 1000;

export function useKeyboardShortcuts(ctx: ShortcutContext) {
  const ref = useLatest(ctx);
  const lastG = useRef(0);

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      const c = ref.current;
      if (e.defaultPrevented || e.isComposing) return;
      const typing = isTypingTarget(e.target);
      const mod = e.ctrlKey || e.metaKey;

      if (e.key === "Escape") {
        if (c.escape()) e.preventDefault();
        else if (typing) (e.target as HTMLElement).blur();
        return;
      }
      if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === "z") {
        if (typing) return; // native text undo
        e.preventDefault();
        c.undo();
        return;
      }
      if (typing || mod) return;
      if (c.helpOpen) {
        if (e.key === "?") {
          e.preventDefault();
          c.toggleHelp();
        }
        return;
      }

      const id = c.focusedId != null && locate(c.columns, c.focusedId) ? c.focusedId : null;
      const go = (next: number | null) => {
        e.preventDefault();
        if (next != null) c.setFocused(next);
      };
      const key = e.key;
      // `g` alone still jumps to the first card; `g` then `a`/`i`/`s` also goes to a view.
      const chord = key !== "g" && Date.now() - lastG.current < CHORD_MS;
      lastG.current = key === "g" ? Date.now() : 0;
      if (chord && key === "c" && c.toggleChat) {
        e.preventDefault();
        c.toggleChat();
        return;
      }
      const target = chord ? GO_TO.get(key) : undefined;
      if (target && c.goTo) {
        e.preventDefault();
        c.goTo(target);
        return;
      }

      if (key === "?") {
        e.preventDefault();
        c.toggleHelp();
        return;
      }
      if (key === "n" || key === "c") {
        e.preventDefault();
        c.focusQuickAdd();
        return;
      }
      if (key === "/") {
        e.preventDefault();
        c.focusFilter();
        return;
      }
      if (isControl(e.target) && (key === "Enter" || key === " ")) return;

      // Moving the card itself.
      if (id != null) {
        if ((e.shiftKey && key === "ArrowLeft") || key === "[") {
          e.preventDefault();
          c.shiftColumn(id, -1);
          return;
        }
        if ((e.shiftKey && key === "ArrowRight") || key === "]") {
          e.preventDefault();
          c.shiftColumn(id, 1);
          return;
        }
        if ((e.altKey && key === "ArrowUp") || (e.shiftKey && key === "ArrowUp") || key === "K") {
          e.preventDefault();
          c.reorder(id, -1);
          return;
        }
        if (
          (e.altKey && key === "ArrowDown") ||
          (e.shiftKey && key === "ArrowDown") ||
          key === "J"
        ) {
          e.preventDefault();
          c.reorder(id, 1);
          return;
        }
      }
      if (e.altKey || e.shiftKey) return;

      switch (key) {
        case "j":
        case "ArrowDown":
          return go(id == null ? firstCard(c.columns) : verticalNeighbor(c.columns, id, 1));
        case "k":
        case "ArrowUp":
          return go(id == null ? firstCard(c.columns) : verticalNeighbor(c.columns, id, -1));
        case "h":
        case "ArrowLeft":
          return go(id == null ? firstCard(c.columns) : horizontalNeighbor(c.columns, id, -1));
        case "l":
        case "ArrowRight":
          return go(id == null ? firstCard(c.columns) : horizontalNeighbor(c.columns, id, 1));
        case "Home":
        case "g":
          return go(firstCard(c.columns));
        case "Enter":
        case " ":
          if (id != null) {
            e.preventDefault();
            c.open(id);
          }
          return;
        case "e":
          if (id != null) {
            e.preventDefault();
            c.edit(id);
          }
          return;
        case "Backspace":
        case "Delete":
        case "#":
          if (id != null) {
            e.preventDefault();
            c.remove(id);
          }
          return;
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [ref]);
}
