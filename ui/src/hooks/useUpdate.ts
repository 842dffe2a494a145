import { useEffect, useState } from "react";

import { subscribe } from "../api";
import type { UpdateStatus } from "../bindings";
import { onUpdate, updateStatus } from "../updateApi";

/** The update status from the shell: asked once, then pushed by each check. */
export function useUpdate(): UpdateStatus {
  const [status, setStatus] = useState<UpdateStatus>({ state: "idle" });
  useEffect(() => {
    void updateStatus().then(setStatus, () => undefined);
    return subscribe(onUpdate(setStatus));
  }, []);
  return status;
}
