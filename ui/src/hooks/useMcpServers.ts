// The configured MCP servers, kept current by the core's `mcp.*` setting changes (the CLI
// adding a server shows up here too).
import { useCallback, useEffect, useState } from "react";

import * as api from "../api";
import type { McpServerView } from "../bindings";
import { useStoreEvents } from "./useStoreEvents";

const KINDS = ["setting_changed", "agent_changed"] as const;

export function useMcpServers() {
  const [servers, setServers] = useState<McpServerView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setServers(await api.listMcpServers());
      setError(null);
    } catch (e) {
      setError(api.errorMessage(e));
    }
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the load sets state only after awaiting the core
    void reload();
  }, [reload]);

  useStoreEvents(KINDS, (e) => {
    if (e.kind !== "setting_changed" || e.key.startsWith("mcp.")) void reload();
  });

  return { servers, error, reload };
}
