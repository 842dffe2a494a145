// The always-on-top recording window: state, input level, live transcript.
import { useEffect, useState } from "react";

import type { HotkeyMode } from "../bindings/HotkeyMode";
import { cancelRecording, getSettings } from "../desktopApi";
import { useVoice } from "../hooks/useVoice";
import { applyTheme } from "../lib/theme";

/** The end of a long partial: the overlay shows the words being spoken now. */
export function tail(text: string, max = 140): string {
  return text.length <= max ? text : `…${text.slice(text.length - max + 1).replace(/^\S*\s/, "")}`;
}

export function Overlay() {
  const v = useVoice();
  const [mode, setMode] = useState<HotkeyMode>("hold");
  useEffect(() => {
    applyTheme("system");
    getSettings().then(
      (s) => {
        setMode(s.hotkey_mode);
        applyTheme(s.theme);
      },
      () => undefined,
    );
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") void cancelRecording();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  let label: string;
  let tone = v.state;
  if (v.error) {
    label = v.error;
    tone = "idle";
  } else if (v.done) {
    const n = v.done.titles.length;
    label = n === 1 ? "1 task added" : `${n} tasks added`;
  } else if (v.cancelled) {
    label = "Cancelled — nothing saved";
  } else if (v.state === "transcribing") {
    label = "Transcribing…";
  } else {
    label = "Recording";
  }

  return (
    <div className="overlay" data-state={v.error ? "error" : v.done ? "done" : v.state} role="status" aria-live="polite">
      <div className="overlay-head">
        <span className={`overlay-dot overlay-dot-${tone}`} aria-hidden="true" />
        <span className="overlay-label">{label}</span>
        <div className="overlay-meter" aria-label="Input level" role="meter" aria-valuemin={0} aria-valuemax={1} aria-valuenow={v.level}>
          <div className="overlay-meter-fill" style={{ width: `${Math.round(v.level * 100)}%` }} />
        </div>
      </div>
      <p className="overlay-text">
        {v.done
          ? v.done.titles.map((t) => `• ${t}`).join("  ")
          : v.partial
            ? tail(v.partial)
            : v.state === "recording"
              ? "Listening…"
              : ""}
      </p>
      {v.state === "recording" && (
        <p className="overlay-hint">
          {mode === "hold" ? "Release to finish" : "Press the shortcut again to finish"} · <kbd>Esc</kbd> to cancel
        </p>
      )}
    </div>
  );
}
