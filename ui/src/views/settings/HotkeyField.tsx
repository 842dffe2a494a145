// Click, press the combination, Save: the core registers the shortcut before storing it and
// refuses one another app holds (the old one stays); the refusal shows next to the field.
import { useState, type KeyboardEvent } from "react";

import { captureShortcut, prettyAccelerator } from "../../lib/accelerator";
import { settingDefault } from "../../lib/settings";
import { Keys } from "./Keys";

export const DEFAULT_HOTKEY = settingDefault("hotkey.shortcut");

export function HotkeyField({
  id,
  value,
  onSave,
}: {
  id?: string;
  value: string;
  onSave: (v: string | null) => Promise<string | null>;
}) {
  const [capturing, setCapturing] = useState(false);
  const [draft, setDraft] = useState<string | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!capturing || e.key === "Tab") return;
    e.preventDefault();
    e.stopPropagation(); // the page's own keys (Esc closes settings, `,`) wait
    if (e.key === "Escape" && !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey) {
      setCapturing(false);
      setHint(null);
      return;
    }
    const c = captureShortcut(e);
    if (!c) return;
    if ("problem" in c) {
      setHint(c.problem);
      return;
    }
    setHint(null);
    setError(null);
    setCapturing(false);
    setDraft(c.accelerator === value ? null : c.accelerator);
  };

  const save = async (v: string | null) => {
    setBusy(true);
    const err = await onSave(v);
    setBusy(false);
    setError(err);
    if (!err) setDraft(null);
  };

  const shown = draft ?? value;
  return (
    <div className="hotkey-field">
      <div className="field-row">
        <button
          id={id}
          type="button"
          className="hotkey-capture"
          data-capturing={capturing || undefined}
          data-draft={draft ? true : undefined}
          aria-label={
            capturing
              ? "Press the new shortcut"
              : `Recording shortcut: ${prettyAccelerator(shown)}. Click to change`
          }
          onClick={() => {
            setCapturing(true);
            setHint(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setCapturing(false)}
        >
          {capturing ? (
            <span className="hotkey-prompt">Press the new shortcut… (Esc to stop)</span>
          ) : (
            <Keys accelerator={shown} />
          )}
        </button>
        {draft ? (
          <>
            <button
              type="button"
              className="primary-button"
              disabled={busy}
              onClick={() => void save(draft)}
            >
              Save
            </button>
            <button
              type="button"
              className="ghost-button"
              onClick={() => {
                setDraft(null);
                setError(null);
              }}
            >
              Cancel
            </button>
          </>
        ) : (
          value !== DEFAULT_HOTKEY && (
            <button
              type="button"
              className="ghost-button"
              disabled={busy}
              onClick={() => void save(null)}
            >
              Reset to {prettyAccelerator(DEFAULT_HOTKEY)}
            </button>
          )
        )}
      </div>
      {hint && <p className="field-hint">{hint}</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
