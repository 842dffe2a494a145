import { useEffect, useState } from "react";

import * as api from "../api";
import type { TaskAudio } from "../bindings";

/** Where in its dump's recording a card was said (null: unknown, typed, or not kept). */
export function useTaskAudio(taskId: number, fromDump: boolean): TaskAudio | null {
  const [audio, setAudio] = useState<TaskAudio | null>(null);
  useEffect(() => {
    setAudio(null);
    if (!fromDump) return;
    let live = true;
    api.taskAudio(taskId).then(
      (a) => live && setAudio(a),
      () => undefined, // no core, or an old dump: simply no button
    );
    return () => {
      live = false;
    };
  }, [taskId, fromDump]);
  return audio;
}
