import { useEffect, useState } from "react";

import * as api from "../api";
import type { TaskAudio } from "../bindings";

/** Where in its dump's recording a card was said (null: unknown, typed, or not kept). */
export function useTaskAudio(taskId: number, fromDump: boolean): TaskAudio | null {
  // The answer for one card; another card's never shows while this one's is coming.
  const [found, setFound] = useState<{ taskId: number; audio: TaskAudio | null } | null>(null);
  useEffect(() => {
    if (!fromDump) return;
    let live = true;
    api.taskAudio(taskId).then(
      (audio) => live && setFound({ taskId, audio }),
      () => live && setFound({ taskId, audio: null }), // no core, or an old dump: simply no button
    );
    return () => {
      live = false;
    };
  }, [taskId, fromDump]);
  return fromDump && found?.taskId === taskId ? found.audio : null;
}
