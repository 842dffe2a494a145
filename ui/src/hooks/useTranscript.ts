import { useEffect, useState } from "react";

import * as api from "../api";
import type { Transcript } from "../bindings";

type State =
  | { status: "idle" | "loading" }
  | { status: "ready"; transcript: Transcript }
  | { status: "error"; message: string };

const IDLE: State = { status: "idle" };
const LOADING: State = { status: "loading" };

/** The transcript a task was extracted from (fetched when the id is set). */
export function useTranscript(id: number | null): State {
  // The answer for one id: while another id's is still coming, it reads as loading.
  const [answer, setAnswer] = useState<{ id: number; state: State } | null>(null);
  useEffect(() => {
    if (id == null) return;
    let live = true;
    api.getTranscript(id).then(
      (transcript) => live && setAnswer({ id, state: { status: "ready", transcript } }),
      (e) => live && setAnswer({ id, state: { status: "error", message: api.errorMessage(e) } }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  if (id == null) return IDLE;
  return answer?.id === id ? answer.state : LOADING;
}
