// Which full-window view is open (settings, first-run setup), the tray's "open-view"
// requests, the `,` shortcut, and toasts for finished or failed recordings.
import { useEffect, useState } from "react";

import { errorText, getSettings, onOpenView, onVoice, subscribe, undoDump, type View } from "../desktopApi";
import { applyTheme } from "../lib/theme";
import type { Notify } from "./useToasts";
import { isTypingTarget } from "./useKeyboardShortcuts";

export function useDesktopViews(notify: Notify) {
  const [view, setView] = useState<View>("board");

  useEffect(() => {
    applyTheme("system");
    getSettings().then(
      (s) => {
        applyTheme(s.theme);
        if (!s.onboarding_done) setView("onboarding");
      },
      () => undefined,
    );
  }, []);

  useEffect(() => subscribe(onOpenView((v) => setView(v === "approvals" ? "board" : v))), []);

  useEffect(
    () =>
      subscribe(
        onVoice((e) => {
          if (e.kind === "done" && e.task_ids.length > 0) {
            const n = e.task_ids.length;
            notify(`${n === 1 ? "1 task" : `${n} tasks`} added: ${e.titles.join(", ")}`, {
              action: {
                label: "Undo",
                run: () =>
                  void undoDump(e.task_ids).catch((err) => notify(`Undo failed: ${errorText(err)}`, { tone: "error" })),
              },
              timeoutMs: 8000,
            });
          } else if (e.kind === "error") {
            notify(e.message, { tone: "error" });
          }
        }),
      ),
    [notify],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "," && !e.ctrlKey && !e.metaKey && !e.altKey && !isTypingTarget(e.target as Element | null)) {
        e.preventDefault();
        setView((v) => (v === "settings" ? "board" : "settings"));
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return { view, setView };
}
