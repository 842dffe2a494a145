import { useEffect, useRef } from "react";

import * as api from "../api";

/** Once the first loaded board is on screen (two frames later), tell the core. */
export function useReportFirstPaint(ready: boolean, cards: number) {
  const reported = useRef(false);
  useEffect(() => {
    if (!ready || reported.current) return;
    reported.current = true;
    requestAnimationFrame(() => requestAnimationFrame(() => void api.reportBoardPainted(cards)));
  }, [ready, cards]);
}
