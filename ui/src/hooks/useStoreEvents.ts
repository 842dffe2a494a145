// Calls `handler` for store-changed events of the given kinds (and always for "external",
// where the exact change is unknown).
import { useEffect, useRef } from "react";

import { onStoreChanged, subscribe } from "../api";
import type { ChangeEvent } from "../bindings";

export type ChangeKind = ChangeEvent["kind"];

export function useStoreEvents(kinds: readonly ChangeKind[], handler: (e: ChangeEvent) => void) {
  const latest = useRef({ kinds, handler });
  latest.current = { kinds, handler };
  useEffect(
    () =>
      subscribe(
        onStoreChanged((e) => {
          const { kinds: ks, handler: h } = latest.current;
          if (e.kind === "external" || ks.includes(e.kind)) h(e);
        }),
      ),
    [],
  );
}
