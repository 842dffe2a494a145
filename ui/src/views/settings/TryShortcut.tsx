// First-run "try it": shows the shortcut, waits for a recording to start, then shows the live
// text and what was added. A button records too, for when the shortcut cannot be grabbed.
import { useEffect, useState } from "react";

import { desktopStatus, errorMessage, startRecording, stopRecording } from "../../api";
import type { HotkeyMode } from "../../bindings";
import { LevelMeter } from "../../components/LevelMeter";
import { useVoice } from "../../hooks/useVoice";
import { tail, tasksAdded } from "../../lib/voiceText";
import { Keys } from "./Keys";

export function TryShortcut({ hotkey, mode }: { hotkey: string; mode: HotkeyMode }) {
  const v = useVoice();
  const [hotkeyError, setHotkeyError] = useState<string | null>(null);
  const [clickError, setClickError] = useState<string | null>(null);

  useEffect(() => {
    desktopStatus().then(
      (s) =>
        setHotkeyError(
          s.hotkey_registered ? null : (s.hotkey_error ?? "The shortcut is not registered."),
        ),
      () => undefined,
    );
  }, []);

  const recording = v.state === "recording";
  const phase = v.error
    ? "error"
    : v.done
      ? "done"
      : recording
        ? "recording"
        : v.state === "transcribing"
          ? "transcribing"
          : v.cancelled
            ? "cancelled"
            : "waiting";
  const toggle = () => {
    setClickError(null);
    (recording ? stopRecording() : startRecording()).catch((e) => setClickError(errorMessage(e)));
  };

  return (
    <div className="try">
      <p className="try-how">
        {mode === "hold" ? "Hold " : "Press "}
        <Keys accelerator={hotkey} />
        {mode === "hold"
          ? ", say something like “call Joe tomorrow about the renewal”, and let go."
          : ", say something like “call Joe tomorrow about the renewal”, and press it again."}
      </p>
      {hotkeyError && (
        <p className="field-error" role="alert">
          {hotkeyError} You can change the shortcut in Settings later; the button below records
          meanwhile.
        </p>
      )}
      <div className="try-box" data-voice={phase} role="status" aria-live="polite">
        {phase === "waiting" && <p className="try-wait">Waiting for the shortcut…</p>}
        {(phase === "recording" || phase === "transcribing") && (
          <>
            <p className="try-state">
              <span className="rec-dot" aria-hidden="true" />{" "}
              {phase === "recording" ? "Listening…" : "Transcribing…"}
            </p>
            {phase === "recording" && <LevelMeter level={v.level} label="Input level" />}
            <p className="try-text">{v.partial ? tail(v.partial, 240) : " "}</p>
          </>
        )}
        {phase === "done" && v.done && (
          <>
            <p className="try-state try-ok">
              <span aria-hidden="true">✓</span>{" "}
              {v.done.taskIds.length
                ? `It works: ${tasksAdded(v.done.taskIds.length)}`
                : "It works, but no tasks were found in that."}
            </p>
            {v.done.titles.length > 0 && (
              <ul className="try-titles">
                {v.done.titles.map((t, i) => (
                  <li key={`${i}-${t}`}>{t}</li>
                ))}
              </ul>
            )}
            <p className="try-heard">Heard: “{v.done.text}”</p>
          </>
        )}
        {phase === "cancelled" && (
          <p className="try-wait">Cancelled, nothing saved. Try again whenever you like.</p>
        )}
        {phase === "error" && <p className="field-error">{v.error}</p>}
      </div>
      <p className="field-note">
        Shortcut taken or not working?{" "}
        <button
          type="button"
          className="link-button"
          onClick={toggle}
          disabled={v.state === "transcribing"}
        >
          {recording ? "Stop and add the tasks" : "Record with a click instead"}
        </button>
      </p>
      {clickError && (
        <p className="field-error" role="alert">
          {clickError}
        </p>
      )}
    </div>
  );
}
