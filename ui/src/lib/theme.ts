// Applies the theme setting to <html data-theme>; "system" follows prefers-color-scheme live.
import type { Theme } from "../bindings/Theme";

let current: Theme = "system";
let media: MediaQueryList | null = null;

function paint() {
  const dark = current === "dark" || (current === "system" && (media?.matches ?? false));
  document.documentElement.dataset.theme = dark ? "dark" : "light";
}

export function applyTheme(theme: Theme) {
  current = theme;
  if (!media && typeof window.matchMedia === "function") {
    media = window.matchMedia("(prefers-color-scheme: dark)");
    media.addEventListener?.("change", paint);
  }
  paint();
}
