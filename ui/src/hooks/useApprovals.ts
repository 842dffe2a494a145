// Pending approvals, kept current by store-changed events; deciding removes the card at once
// and puts it back with a toast if the core refuses.
import { useCallback, useEffect, useRef, useState } from "react";

import * as api from "../api";
import type { Approval } from "../bindings";
import type { Notify } from "./useToasts";
import { useStoreEvents } from "./useStoreEvents";

const KINDS = ["approval_created", "approval_decided", "run_updated"] as const;

export function useApprovals(notify: Notify) {
  const [approvals, setApprovals] = useState<Approval[]>([]);
  const [loaded, setLoaded] = useState(false);
  // Decided here but maybe not yet gone from the core's list: keep them hidden.
  const deciding = useRef(new Set<number>());

  const load = useCallback(async () => {
    try {
      const list = await api.listApprovals(null);
      setApprovals(list.filter((a) => !deciding.current.has(a.id)));
      setLoaded(true);
    } catch {
      // No core (plain browser) or a transient error: keep what is shown.
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  useStoreEvents(KINDS, () => void load());

  const decide = useCallback(
    async (approval: Approval, approve: boolean) => {
      deciding.current.add(approval.id);
      setApprovals((list) => list.filter((a) => a.id !== approval.id));
      try {
        await api.decideApproval(approval.id, approve);
        return true;
      } catch (e) {
        notify(
          `Could not ${approve ? "approve" : "deny"} ${approval.tool}: ${api.errorMessage(e)}`,
          { tone: "error" },
        );
        return false;
      } finally {
        deciding.current.delete(approval.id);
        void load();
      }
    },
    [load, notify],
  );

  return { approvals, loaded, decide };
}
