import { useCallback, useEffect, useState } from "react";

import * as api from "../api";
import type { PossibleDuplicate } from "../bindings";

/** The card this one may repeat (a dump was not sure), or null; `refresh` after acting on it. */
export function usePossibleDuplicate(
  taskId: number,
  version: string,
): [PossibleDuplicate | null, () => void] {
  const [found, setFound] = useState<PossibleDuplicate | null>(null);
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    let live = true;
    api.possibleDuplicates().then(
      (list) => live && setFound(list.find((d) => d.task_id === taskId) ?? null),
      () => live && setFound(null), // an older core without the command: no banner
    );
    return () => {
      live = false;
    };
  }, [taskId, version, nonce]);
  const refresh = useCallback(() => setNonce((n) => n + 1), []);
  return [found, refresh];
}
