// A task's agent runs (newest first) and the steps of the one shown expanded, kept current
// by store-changed events.
import { useCallback, useEffect, useRef, useState } from "react";

import * as api from "../api";
import type { Run, RunDetail } from "../bindings";
import { useLatest } from "./useLatest";
import { useStoreEvents } from "./useStoreEvents";

const KINDS = ["run_updated", "approval_created", "approval_decided"] as const;

export function useRuns(taskId: number) {
  const [runs, setRuns] = useState<Run[] | null>(null);
  const [detail, setDetail] = useState<RunDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** null: follow the newest run; -1: none open. */
  const [chosen, setChosen] = useState<number | null>(null);
  const expandedId = chosen ?? runs?.[0]?.id ?? null;
  const expandedRef = useLatest(expandedId);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const list = await api.listRuns(taskId);
      // -1: the user folded every run.
      const want = expandedRef.current;
      const open =
        want === -1
          ? null
          : want != null && list.some((r) => r.id === want)
            ? want
            : (list[0]?.id ?? null);
      const d = open == null ? null : await api.getRun(open);
      if (mine !== seq.current) return; // a newer load has started
      setRuns(list);
      setDetail(d);
      setError(null);
    } catch (e) {
      if (mine === seq.current) setError(api.errorMessage(e));
    }
  }, [expandedRef, taskId]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the load sets state only after awaiting the core
    void load();
  }, [load]);

  useStoreEvents(KINDS, (e) => {
    if (e.kind === "run_updated" && e.task_id != null && e.task_id !== taskId) return;
    void load();
  });

  const expand = useCallback(
    (id: number | null) => {
      setChosen(id);
      expandedRef.current = id ?? runs?.[0]?.id ?? null;
      void load();
    },
    [expandedRef, load, runs],
  );

  return {
    runs,
    detail: detail && detail.run.id === expandedId ? detail : null,
    expandedId,
    error,
    reload: load,
    expand,
  };
}
