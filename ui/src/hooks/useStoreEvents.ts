// Calls `handler` for store-changed events of the given kinds (and always for "external",
// where the exact change is unknown).
import { useEffect } from "react";

import { onStoreChanged, subscribe } from "../api";
import type { ChangeEvent } from "../bindings";
import { useLatest } from "./useLatest";

export type ChangeKind = ChangeEvent["kind"];

export function useStoreEvents(kinds: readonly ChangeKind[], handler: (e: ChangeEvent) => void) {
  const latest = useLatest({ kinds, handler });
  useEffect(
    () =>
      subscribe(
        onStoreChanged((e) => {
          const { kinds: ks, handler: h } = latest.current;
          if (e.kind === "external" || ks.includes(e.kind)) h(e);
        }),
      ),
    [latest],
  );
}
