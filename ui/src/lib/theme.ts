// Applies the theme setting to <html data-theme>; "system" follows prefers-color-scheme live.
// The last theme is remembered in localStorage so the first paint already has it (the setting
// itself arrives from the core a moment later).
import type { Theme } from "../bindings";

const KEY = "utter.theme";
let current: Theme = "system";
let media: MediaQueryList | null = null;

function paint() {
  const dark = current === "dark" || (current === "system" && (media?.matches ?? false));
  document.documentElement.dataset.theme = dark ? "dark" : "light";
}

function remembered(): Theme {
  try {
    const t = window.localStorage.getItem(KEY);
    return t === "light" || t === "dark" ? t : "system";
  } catch {
    return "system";
  }
}

export function applyTheme(theme: Theme) {
  current = theme;
  try {
    window.localStorage.setItem(KEY, theme);
  } catch {
    // storage disabled: the setting still applies for this session
  }
  if (!media && typeof window.matchMedia === "function") {
    media = window.matchMedia("(prefers-color-scheme: dark)");
    media.addEventListener?.("change", paint);
  }
  paint();
}

/** Before the first render: the theme last applied, until the core's setting arrives. */
export function applyRememberedTheme() {
  applyTheme(remembered());
}
