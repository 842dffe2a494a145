// Click, press the combination, save: the core registers it before storing it.
import { useState, type KeyboardEvent } from "react";

const isMac = typeof navigator !== "undefined" && /Mac/.test(navigator.platform);

/** A key event as an accelerator ("CommandOrControl+Shift+Space"), or null for a bare modifier. */
export function acceleratorOf(e: Pick<KeyboardEvent, "key" | "code" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">): string | null {
  if (["Control", "Shift", "Alt", "Meta", "OS"].includes(e.key)) return null;
  const parts: string[] = [];
  if (isMac ? e.metaKey : e.ctrlKey) parts.push("CommandOrControl");
  else if (e.ctrlKey) parts.push("Control");
  if (e.altKey) parts.push("Alt");
  if (e.shiftKey) parts.push("Shift");
  if (!isMac && e.metaKey) parts.push("Super");
  // The physical key where known (layout-independent, like the OS grab); else the key name.
  const code = e.code && e.code !== "Unknown" ? e.code : e.key === " " ? "Space" : e.key;
  const key = code.startsWith("Key") ? code.slice(3) : code.startsWith("Digit") ? code.slice(5) : code;
  parts.push(key);
  return parts.join("+");
}

/** "CommandOrControl+Shift+Space" → "Ctrl+Shift+Space" (⌘ on macOS). */
export function prettyAccelerator(a: string): string {
  return a.replace(/CommandOrControl|CmdOrCtrl/g, isMac ? "⌘" : "Ctrl").replace(/Control/g, "Ctrl");
}

export function HotkeyField({ value, onSave }: { value: string; onSave: (v: string) => Promise<string | null> }) {
  const [capturing, setCapturing] = useState(false);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!capturing) return;
    e.preventDefault();
    e.stopPropagation();
    if (e.key === "Escape") {
      setCapturing(false);
      return;
    }
    const acc = acceleratorOf(e);
    if (acc) {
      setDraft(acc);
      setCapturing(false);
    }
  };

  const save = async () => {
    if (!draft) return;
    const err = await onSave(draft);
    setError(err);
    if (!err) setDraft(null);
  };

  return (
    <div className="field-row">
      <button
        type="button"
        className={`hotkey-capture${capturing ? " capturing" : ""}`}
        aria-label="Record shortcut"
        onClick={() => setCapturing(true)}
        onKeyDown={onKeyDown}
        onBlur={() => setCapturing(false)}
      >
        {capturing ? "Press the new shortcut…" : prettyAccelerator(draft ?? value)}
      </button>
      {draft && (
        <>
          <button type="button" className="primary-button" onClick={() => void save()}>
            Save
          </button>
          <button type="button" className="ghost-button" onClick={() => { setDraft(null); setError(null); }}>
            Cancel
          </button>
        </>
      )}
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}
