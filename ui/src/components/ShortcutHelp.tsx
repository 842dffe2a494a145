import { useEffect, useRef } from "react";

import { prettyAccelerator } from "../lib/accelerator";
import { settingDefault } from "../lib/settings";

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? "⌘" : "Ctrl";

const DEFAULT_HOTKEY = settingDefault("hotkey.shortcut");

const groups = (hotkey: string): { title: string; keys: [string[], string][] }[] => [
  {
    title: "Navigate",
    keys: [
      [["j", "↓"], "Next card"],
      [["k", "↑"], "Previous card"],
      [["h", "←"], "Column to the left"],
      [["l", "→"], "Column to the right"],
      [["Enter"], "Open card"],
      [["Esc"], "Close panel / leave field"],
    ],
  },
  {
    title: "Act on the focused card",
    keys: [
      [["e"], "Edit"],
      [["Shift ←", "["], "Move to previous column"],
      [["Shift →", "]"], "Move to next column"],
      [["Alt ↑", "Shift ↑"], "Move up"],
      [["Alt ↓", "Shift ↓"], "Move down"],
      [["⌫", "Del"], "Delete"],
      [[`${MOD} Z`], "Undo"],
    ],
  },
  {
    title: "Everywhere",
    keys: [
      [["n"], "Quick add"],
      [["/"], "Filter"],
      [["?"], "This help"],
      [[","], "Settings"],
      [["g a"], "Agents"],
      [["g d"], "Dumps (what you said)"],
      [["g i"], "Approvals"],
      [["g s"], "MCP servers"],
      [["g c"], "Chat (the board's; a task's from its panel)"],
      [[prettyAccelerator(hotkey)], "Talk (works in any app)"],
    ],
  },
];

/** `hotkey`: the recording shortcut as configured (null: not known yet, show the default). */
export function ShortcutHelp({
  onClose,
  hotkey = null,
}: {
  onClose: () => void;
  hotkey?: string | null;
}) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const prev = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => prev?.focus?.();
  }, []);
  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="help" role="dialog" aria-modal="true" aria-labelledby="help-title">
        <header>
          <h2 id="help-title">Keyboard shortcuts</h2>
          <button
            ref={closeRef}
            type="button"
            className="icon-button"
            aria-label="Close"
            onClick={onClose}
          >
            ×
          </button>
        </header>
        <div className="help-groups">
          {groups(hotkey ?? DEFAULT_HOTKEY).map((g) => (
            <section key={g.title}>
              <h3>{g.title}</h3>
              <dl>
                {g.keys.map(([keys, what]) => (
                  <div key={what} className="help-row">
                    <dt>
                      {keys.map((k) => (
                        <kbd key={k}>{k}</kbd>
                      ))}
                    </dt>
                    <dd>{what}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
