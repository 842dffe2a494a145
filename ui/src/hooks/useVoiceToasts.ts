// Toasts in the main window for recordings: "3 tasks added" with an Undo, or the error.
import { useEffect } from "react";

import { errorMessage, onVoice, subscribe, undoDump, undoDumpItems } from "../api";
import { dumpSummary, tasksAdded } from "../lib/voiceText";
import type { Notify } from "./useToasts";

export function useVoiceToasts(notify: Notify) {
  useEffect(
    () =>
      subscribe(
        onVoice((e) => {
          if (e.kind === "error") {
            notify(e.message, { tone: "error" });
          } else if (e.kind === "done") {
            // Questions asked in the dump: answered from the board, nothing saved.
            for (const a of e.answers) notify(`${a.question}? ${a.answer}`, { timeoutMs: 15_000 });
            if (e.task_ids.length === 0 && e.changed.length === 0) {
              if (e.answers.length === 0)
                notify(
                  e.text.trim() ? `No tasks found in “${e.text.trim()}”` : "Nothing was heard",
                  { key: "voice" },
                );
              return;
            }
            const id = e.transcript_id;
            notify(
              `${dumpSummary(e.task_ids.length, e.changed.length)}: ${[...e.titles, ...e.changed].join(" · ")}`,
              {
                key: "voice",
                timeoutMs: 10_000,
                action: {
                  label: "Undo",
                  run: () =>
                    void undoDumpItems(id).then(
                      (u) =>
                        notify(
                          `Took the dump back: ${u.removed.length} removed, ${u.restored.length} restored`,
                          { key: "voice" },
                        ),
                      (err) => notify(`Undo failed: ${errorMessage(err)}`, { tone: "error" }),
                    ),
                },
              },
            );
          } else if (e.kind === "refined") {
            // "refined": the language model reread the dump; its cards replace the toast's.
            const ids = e.task_ids;
            const what = `${tasksAdded(ids.length)} (refined)`;
            notify(`${what}: ${e.titles.join(" · ")}`, {
              key: "voice",
              timeoutMs: 10_000,
              action: {
                label: "Undo",
                run: () =>
                  void undoDump(ids).then(
                    (n) =>
                      notify(n === 1 ? "Removed 1 task" : `Removed ${n} tasks`, { key: "voice" }),
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
