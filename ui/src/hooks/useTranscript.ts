import { useEffect, useState } from "react";

import * as api from "../api";
import type { Transcript } from "../bindings";

type State = { status: "idle" | "loading" } | { status: "ready"; transcript: Transcript } | { status: "error"; message: string };

/** The transcript a task was extracted from (fetched when the id is set). */
export function useTranscript(id: number | null): State {
  const [state, setState] = useState<State>({ status: "idle" });
  useEffect(() => {
    if (id == null) {
      setState({ status: "idle" });
      return;
    }
    let live = true;
    setState({ status: "loading" });
    api.getTranscript(id).then(
      (transcript) => live && setState({ status: "ready", transcript }),
      (e) => live && setState({ status: "error", message: api.errorMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return state;
}
