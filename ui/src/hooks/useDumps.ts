// The voice journal, kept current by store events (a new dump, a card renamed or deleted).
import { useCallback, useEffect, useState } from "react";

import * as api from "../api";
import type { DumpEntry } from "../bindings";
import { useStoreEvents } from "./useStoreEvents";

const KINDS = [
  "transcript_created",
  "task_created",
  "task_updated",
  "task_moved",
  "task_deleted",
] as const;

export function useDumps() {
  const [dumps, setDumps] = useState<DumpEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api.listDumps().then(
      (d) => {
        setDumps(d);
        setError(null);
      },
      (e) => setError(api.errorMessage(e)),
    );
  }, []);
  useEffect(load, [load]);
  useStoreEvents(KINDS, load);
  return { dumps, error, reload: load };
}
