// Global-shortcut accelerators ("CommandOrControl+Shift+Space", the format Tauri's
// global-shortcut plugin parses): built from a key event, shown in the platform's style.

export const IS_MAC =
  typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

type KeyLike = {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
};

export type Capture =
  /** A complete shortcut. */
  | { accelerator: string }
  /** Not usable as a global shortcut; say why. */
  | { problem: string }
  /** Only modifiers so far: keep listening. */
  | null;

const MODIFIER_KEYS = ["Control", "Shift", "Alt", "Meta", "OS", "AltGraph", "Super", "Hyper"];
const MODIFIER_ORDER = [
  "CommandOrControl",
  "CmdOrCtrl",
  "Command",
  "Cmd",
  "Control",
  "Ctrl",
  "Alt",
  "Option",
  "Shift",
  "Super",
  "Meta",
];

/** The key part of an accelerator from a KeyboardEvent: physical key where known (like the OS grab). */
function keyName(e: KeyLike): string {
  const code = e.code && e.code !== "Unknown" ? e.code : "";
  if (code.startsWith("Key")) return code.slice(3);
  if (code.startsWith("Digit")) return code.slice(5);
  if (code) return code;
  if (e.key === " ") return "Space";
  return e.key.length === 1 ? e.key.toUpperCase() : e.key;
}

/** Function and media keys may stand alone; anything else would swallow normal typing. */
function mayStandAlone(key: string): boolean {
  return /^F([1-9]|1\d|2[0-4])$/.test(key) || /^(Media|Audio|Pause|ScrollLock|Insert)/.test(key);
}

/** Turns a keydown during capture into an accelerator, a problem, or null (modifier only). */
export function captureShortcut(e: KeyLike, mac = IS_MAC): Capture {
  if (MODIFIER_KEYS.includes(e.key)) return null;
  const mods: string[] = [];
  if (mac ? e.metaKey : e.ctrlKey) mods.push("CommandOrControl");
  if (mac && e.ctrlKey) mods.push("Control");
  if (e.altKey) mods.push("Alt");
  if (e.shiftKey) mods.push("Shift");
  if (!mac && e.metaKey) mods.push("Super");
  const key = keyName(e);
  const strong = mods.some((m) => m !== "Shift");
  if (!strong && !mayStandAlone(key)) {
    const alone = mods.length ? `Shift+${key}` : key;
    return {
      problem: `Add ${mac ? "⌘, ⌃ or ⌥" : "Ctrl, Alt or Super"}: ${alone} alone would catch normal typing.`,
    };
  }
  return { accelerator: [...mods, key].join("+") };
}

const MAC_SYMBOLS: Record<string, string> = {
  CommandOrControl: "⌘",
  CmdOrCtrl: "⌘",
  Command: "⌘",
  Cmd: "⌘",
  Super: "⌘",
  Meta: "⌘",
  Control: "⌃",
  Ctrl: "⌃",
  Alt: "⌥",
  Option: "⌥",
  Shift: "⇧",
};

const OTHER_NAMES: Record<string, string> = {
  CommandOrControl: "Ctrl",
  CmdOrCtrl: "Ctrl",
  Control: "Ctrl",
  Command: "Super",
  Cmd: "Super",
  Meta: "Super",
  Option: "Alt",
};

const KEY_NAMES: Record<string, string> = {
  ArrowUp: "↑",
  ArrowDown: "↓",
  ArrowLeft: "←",
  ArrowRight: "→",
  Backquote: "`",
  Minus: "-",
  Equal: "=",
  BracketLeft: "[",
  BracketRight: "]",
  Backslash: "\\",
  Semicolon: ";",
  Quote: "'",
  Comma: ",",
  Period: ".",
  Slash: "/",
  Escape: "Esc",
  Enter: "Enter",
  Backspace: "⌫",
};

/**
 * The keys of an accelerator in the platform's words, modifiers first:
 * ["Ctrl", "Shift", "Space"] on Linux/Windows, ["⌘", "⇧", "Space"] on macOS.
 */
export function acceleratorKeys(accelerator: string, mac = IS_MAC): string[] {
  const parts = accelerator.split("+").filter(Boolean);
  const key = parts.pop() ?? "";
  const mods = [...parts].sort((a, b) => MODIFIER_ORDER.indexOf(a) - MODIFIER_ORDER.indexOf(b));
  const shown = mods.map((m) => (mac ? (MAC_SYMBOLS[m] ?? m) : (OTHER_NAMES[m] ?? m)));
  if (mac) {
    // macOS order: ⌃ ⌥ ⇧ ⌘
    const order = ["⌃", "⌥", "⇧", "⌘"];
    shown.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  }
  return [...shown, KEY_NAMES[key] ?? key];
}

/** "CommandOrControl+Shift+Space" → "Ctrl+Shift+Space" (or "⇧⌘Space" on macOS). */
export function prettyAccelerator(accelerator: string, mac = IS_MAC): string {
  return acceleratorKeys(accelerator, mac).join(mac ? "" : "+");
}
