// Toasts in the main window for recordings: "3 tasks added" with an Undo, or the error.
import { useEffect } from "react";

import { errorMessage, onVoice, subscribe, undoDump } from "../api";
import { tasksAdded } from "../lib/voiceText";
import type { Notify } from "./useToasts";

export function useVoiceToasts(notify: Notify) {
  useEffect(
    () =>
      subscribe(
        onVoice((e) => {
          if (e.kind === "error") {
            notify(e.message, { tone: "error" });
          } else if (e.kind === "done" && e.task_ids.length === 0) {
            notify(e.text.trim() ? `No tasks found in “${e.text.trim()}”` : "Nothing was heard", { key: "voice" });
          } else if (e.kind === "done" || e.kind === "refined") {
            // "refined": the language model reread the dump; its cards replace the toast's.
            const ids = e.task_ids;
            const what = e.kind === "refined" ? `${tasksAdded(ids.length)} (refined)` : tasksAdded(ids.length);
            notify(`${what}: ${e.titles.join(" · ")}`, {
              key: "voice",
              timeoutMs: 10_000,
              action: {
                label: "Undo",
                run: () =>
                  void undoDump(ids).then(
                    (n) => notify(n === 1 ? "Removed 1 task" : `Removed ${n} tasks`, { key: "voice" }),
                    (err) => notify(`Undo failed: ${errorMessage(err)}`, { tone: "error" }),
                  ),
              },
            });
          }
        }),
      ),
    [notify],
  );
}
