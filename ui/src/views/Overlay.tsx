// The small always-on-top recording window (the same bundle, picked by main.tsx): state,
// input level, the live partial transcript, then what was added. Esc cancels.
import { useCallback, useEffect, useState } from "react";

import { cancelRecording, getSettings } from "../api";
import type { HotkeyMode, VoiceEvent } from "../bindings";
import { useVoice, type VoiceView } from "../hooks/useVoice";
import { applyTheme } from "../lib/theme";
import { dumpSummary, tail } from "../lib/voiceText";

/** Title lines that fit under "3 tasks added". */
const MAX_TITLES = 4;

type Phase = "idle" | "recording" | "transcribing" | "done" | "cancelled" | "error";

function phaseOf(v: VoiceView): Phase {
  if (v.error) return "error";
  if (v.done) return "done";
  if (v.cancelled) return "cancelled";
  return v.state;
}

const LABELS: Record<Exclude<Phase, "done" | "error">, string> = {
  idle: "Ready",
  recording: "Recording",
  transcribing: "Transcribing…",
  cancelled: "Cancelled — nothing saved",
};

export function Overlay() {
  const [mode, setMode] = useState<HotkeyMode>("hold");

  // Settings can change while this window sleeps hidden: read them again at every start.
  const loadSettings = useCallback(() => {
    getSettings().then(
      (s) => {
        setMode(s.hotkey_mode);
        applyTheme(s.theme);
      },
      () => undefined,
    );
  }, []);
  useEffect(() => {
    loadSettings();
  }, [loadSettings]);
  const v = useVoice(
    useCallback(
      (e: VoiceEvent) => e.kind === "state" && e.state === "recording" && loadSettings(),
      [loadSettings],
    ),
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      e.preventDefault();
      void cancelRecording().catch(() => undefined);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const phase = phaseOf(v);
  const d = v.done;
  const answeredOnly =
    d != null && d.taskIds.length === 0 && d.changed.length === 0 && d.answers.length > 0;
  const label =
    phase === "error"
      ? v.error
      : phase === "done"
        ? answeredOnly
          ? "Answered from the board"
          : dumpSummary(d?.taskIds.length ?? 0, d?.changed.length ?? 0)
        : LABELS[phase];

  let text = "";
  if (
    phase === "done" &&
    d &&
    d.titles.length === 0 &&
    d.changed.length === 0 &&
    d.answers.length === 0
  )
    text = d.text ? `Heard: “${tail(d.text, 90)}”` : "Nothing was heard.";
  else if (phase === "recording" || phase === "transcribing")
    text = v.partial ? tail(v.partial) : phase === "recording" ? "Listening…" : "";
  const titles =
    phase === "done" && d
      ? [...d.titles, ...d.changed.map((c) => `Updated ${c}`), ...d.answers]
      : [];
  const more = titles.length > MAX_TITLES ? titles.length - (MAX_TITLES - 1) : 0;

  const live = phase === "recording" || phase === "transcribing";
  return (
    <div className="rec" data-state={phase} role="status" aria-live="polite">
      <div className="rec-head">
        <span className="rec-dot" aria-hidden="true" />
        <span className="rec-label">{label}</span>
        {live && (
          <div
            className="rec-meter"
            role="meter"
            aria-label="Input level"
            aria-valuemin={0}
            aria-valuemax={1}
            aria-valuenow={v.level}
          >
            <div
              className="rec-meter-fill"
              style={{ transform: `scaleX(${Math.max(0, Math.min(1, v.level))})` }}
            />
          </div>
        )}
      </div>
      {titles.length > 0 ? (
        <ul className="rec-titles">
          {titles.slice(0, more ? MAX_TITLES - 1 : MAX_TITLES).map((t, i) => (
            <li key={`${i}-${t}`}>{t}</li>
          ))}
          {more > 0 && <li className="rec-more">and {more} more on the board</li>}
        </ul>
      ) : (
        phase !== "error" && (
          <p
            className="rec-text"
            data-placeholder={!v.partial && phase === "recording" ? true : undefined}
          >
            <span>{text}</span>
          </p>
        )
      )}
      {live && (
        <p className="rec-hint">
          {phase === "transcribing"
            ? "Almost there"
            : mode === "hold"
              ? "Release to finish"
              : "Press again to finish"}{" "}
          · <kbd>Esc</kbd> to cancel
        </p>
      )}
    </div>
  );
}
