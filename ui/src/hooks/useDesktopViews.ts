// Which full-window view covers the board (settings, first-run setup): first run opens setup,
// the tray's "open-view" event and the `,` key switch views. Also applies the theme setting
// at start and keeps the recording shortcut at hand for the help sheet.
import { useCallback, useEffect, useState } from "react";

import { getSettings, onOpenView, subscribe } from "../api";
import { applyTheme } from "../lib/theme";
import { isTypingTarget } from "./useKeyboardShortcuts";

export type View = "board" | "settings" | "onboarding";

export function useDesktopViews() {
  const [view, setViewState] = useState<View>("board");
  const [hotkey, setHotkey] = useState<string | null>(null);

  const refresh = useCallback((first: boolean) => {
    getSettings().then(
      (s) => {
        applyTheme(s.theme);
        setHotkey(s.hotkey);
        if (first && !s.onboarding_done) setViewState("onboarding");
      },
      () => undefined, // no core (plain browser): the board still works
    );
  }, []);

  useEffect(() => {
    refresh(true);
  }, [refresh]);

  const setView = useCallback(
    (v: View) => {
      setViewState(v);
      if (v === "board") refresh(false);
    },
    [refresh],
  );

  // The tray has no approvals page to open yet: "approvals" shows the board.
  useEffect(() => subscribe(onOpenView((v) => setView(v === "approvals" ? "board" : v))), [setView]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "," || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      e.preventDefault();
      setViewState((v) => (v === "settings" ? "board" : v === "board" ? "settings" : v));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return { view, setView, hotkey };
}
