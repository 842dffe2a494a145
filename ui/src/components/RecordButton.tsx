// The header's record control: the product's main feature, findable without knowing the
// global shortcut. Click to start, click again to stop; while recording it shows the level
// and the words heard so far. The core's VoiceSession does the work, as for the hotkey.
import { useEffect, useState } from "react";

import {
  errorMessage,
  getSettings,
  onStoreChanged,
  startRecording,
  stopRecording,
  subscribe,
} from "../api";
import { useVoice } from "../hooks/useVoice";
import type { Notify } from "../hooks/useToasts";
import { prettyAccelerator } from "../lib/accelerator";
import { LevelMeter } from "./LevelMeter";

export function RecordButton({ notify }: { notify: Notify }) {
  const voice = useVoice();
  const [hotkey, setHotkey] = useState<string | null>(null);
  useEffect(() => {
    const load = () =>
      void getSettings().then(
        (s) => setHotkey(s.hotkey),
        () => undefined,
      );
    load();
    return subscribe(onStoreChanged((e) => e.kind === "setting_changed" && load()));
  }, []);

  const recording = voice.state === "recording";
  const transcribing = voice.state === "transcribing";
  const toggle = () => {
    const call = recording ? stopRecording() : startRecording();
    call.catch((err) => notify(errorMessage(err), { tone: "error" }));
  };
  const shortcut = hotkey ? ` — or hold ${prettyAccelerator(hotkey)} anywhere` : "";
  const label = recording ? "Stop recording" : transcribing ? "Transcribing…" : "Record";

  return (
    <div className="record-control" data-state={voice.state}>
      <button
        type="button"
        className="ghost-button topbar-button record-button"
        aria-pressed={recording}
        disabled={transcribing}
        title={recording ? "Stop and add the tasks" : `Record a dump${shortcut}`}
        onClick={toggle}
      >
        <span className="record-dot" aria-hidden="true" />
        {label}
      </button>
      {recording && (
        <div className="record-live">
          <LevelMeter level={voice.level} label="Microphone level" className="record-level" />
          <span className="record-partial" aria-live="polite">
            {voice.partial || "Listening…"}
          </span>
        </div>
      )}
    </div>
  );
}
