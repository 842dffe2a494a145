import { useState } from "react";

/**
 * Calls `onChange` during render when `value` differs from the previous render's: React's
 * "adjusting state when a prop changes", which resets local state before the screen shows the
 * stale value (an effect would paint it once, then render again).
 * `onChange` may only set this component's own state.
 */
export function useChanged<T>(value: T, onChange: (value: T) => void) {
  const [previous, setPrevious] = useState(value);
  if (!Object.is(previous, value)) {
    setPrevious(value);
    onChange(value);
  }
}
