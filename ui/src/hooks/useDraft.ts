import { useEffect, useRef, useState, type KeyboardEvent } from "react";

/**
 * Edit-in-place state for one field: a local draft that follows the stored
 * value until the user starts typing, committed on blur / Enter, reverted on Esc.
 */
export function useDraft(
  value: string,
  commit: (next: string) => void,
  opts: { multiline?: boolean } = {},
) {
  const [draft, setDraft] = useState(value);
  const editing = useRef(false);
  const reverting = useRef(false);

  useEffect(() => {
    if (!editing.current) setDraft(value);
  }, [value]);

  const save = () => {
    editing.current = false;
    if (reverting.current) {
      reverting.current = false;
      return;
    }
    if (draft !== value) commit(draft);
  };

  return {
    value: draft,
    onChange: (e: { target: { value: string } }) => {
      editing.current = true;
      setDraft(e.target.value);
    },
    onBlur: save,
    onKeyDown: (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (e.key === "Escape") {
        editing.current = false;
        reverting.current = true;
        setDraft(value);
        e.preventDefault();
        e.stopPropagation();
        e.currentTarget.blur();
      } else if (e.key === "Enter" && (!opts.multiline || e.metaKey || e.ctrlKey)) {
        e.preventDefault();
        e.currentTarget.blur();
      }
    },
  };
}
