import { useLayoutEffect, useRef } from "react";

/**
 * A ref that always holds the value of the last committed render, for callbacks that outlive
 * a render (listeners, subscriptions, drag handlers) and must not be re-created when the value
 * changes. Written after commit, not during render, so a render React throws away never
 * leaks into it.
 */
export function useLatest<T>(value: T) {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
