// Which full-window view covers the board (settings, first-run setup, approvals, agents): first
// run opens setup, the tray's "open-view" event and the `,` key switch views; "task:ID" from the
// tray shows the board with that task open (through `onOpenTask`). Also applies the theme setting
// at start and keeps the recording shortcut at hand for the help sheet.
import { useCallback, useEffect, useState } from "react";

import { getSettings, onOpenView, subscribe } from "../api";
import { applyTheme } from "../lib/theme";
import { isTypingTarget } from "./useKeyboardShortcuts";
import { useLatest } from "./useLatest";
import type { SettingsFocus } from "../views/Settings";

export type View = "board" | "settings" | "onboarding" | "approvals" | "agents" | "mcp" | "dumps";

export function useDesktopViews(onOpenTask: (id: number) => void = () => undefined) {
  const openTask = useLatest(onOpenTask);
  const [view, setViewState] = useState<View>("board");
  // The File menu's Export… / Restore from a file… open Settings → Data at that action.
  const [settingsFocus, setSettingsFocus] = useState<SettingsFocus>(null);
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
      setSettingsFocus(null);
      if (v === "board") refresh(false);
    },
    [refresh],
  );

  useEffect(
    () =>
      subscribe(
        onOpenView((v) => {
          const task = /^task:(\d+)$/.exec(v);
          const data = /^settings:(export|restore)$/.exec(v);
          if (data) {
            setView("settings");
            setSettingsFocus(data[1] as SettingsFocus);
          } else if (task) {
            setView("board");
            openTask.current(Number(task[1]));
          } else if (["board", "settings", "onboarding", "approvals", "agents", "mcp"].includes(v))
            setView(v as View);
        }),
      ),
    [openTask, setView],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (
        e.key !== "," ||
        e.defaultPrevented ||
        e.ctrlKey ||
        e.metaKey ||
        e.altKey ||
        isTypingTarget(e.target)
      )
        return;
      e.preventDefault();
      setViewState((v) => (v === "settings" ? "board" : v === "board" ? "settings" : v));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return { view, setView, hotkey, settingsFocus };
}
