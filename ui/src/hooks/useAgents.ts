// The agent definitions, kept current by store-changed events.
import { useCallback, useEffect, useState } from "react";

import * as api from "../api";
import type { AgentDef } from "../bindings";
import { useStoreEvents } from "./useStoreEvents";

const KINDS = ["agent_changed"] as const;

export function useAgents() {
  const [agents, setAgents] = useState<AgentDef[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setAgents(await api.listAgents());
      setError(null);
    } catch (e) {
      setError(api.errorMessage(e));
    }
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the load sets state only after awaiting the core
    void load();
  }, [load]);
  useStoreEvents(KINDS, () => void load());

  return { agents, error, reload: load };
}
